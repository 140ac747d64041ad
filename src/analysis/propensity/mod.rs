//! Propensity to buy and churn risk: who buys in the next window.
//!
//! Contract:
//! - Dates: `score_date` is the day after the last purchase day in the data. The
//!   test cutoff defaults to `score_date − window`, so its window ends with the
//!   data; the training cutoff is `cutoff − window`. A cutoff whose window runs past
//!   the data is refused (its labels would be wrong).
//! - Features and labels follow [`features`]: features only from lines (and
//!   events and service messages, when given: [`Sources`]) before a cutoff,
//!   label = a purchase in [cutoff, cutoff + window).
//! - Out-of-time evaluation: each model is fitted on the training cutoff and
//!   scored on the test cutoff. Random evaluation, for comparison: the customers of
//!   the test cutoff are shuffled (seeded) and split into `1 − random_test_share`
//!   to fit and `random_test_share` to score. ROC, deciles, calibration and
//!   importance come from the out-of-time fit.
//! - Scores: the chosen model (by default the best out-of-time AUC; ties go to the
//!   simpler model: logreg, tree, forest, gbt) is refitted on the test cutoff, whose
//!   labels are complete, and scores every customer with a purchase before
//!   `score_date`. `churn_risk` = 1 − `propensity`, bucketed by [`RiskThresholds`].
//! - [`Propensity::scores`] has one row per customer sorted by customer id, ready
//!   to join the customer table on `customer_id`.
//! - Cancelled between steps and between forest trees.

pub mod boosted;
pub mod features;
mod flat;
pub mod forest;
mod logistic;
pub mod metrics;
pub mod models;
pub mod repeat_features;
pub mod rules;
pub mod service_features;
#[cfg(test)]
mod tests;
mod tree;

use chrono::{NaiveDate, TimeDelta};
use ndarray::Axis;
use polars::prelude::*;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

pub use features::{
    FeatureFrame, categories_before, event_types_before, feature_label, features_at,
    with_event_counts,
};
pub use metrics::{CalibrationBin, DecileRow, RocPoint, auc};
pub use models::{Fitted, ModelKind, ModelParams};
pub use rules::{Condition, TreeRule};
pub use service_features::{ServiceFact, service_facts, with_service_features};

use crate::analysis::customers::default_analysis_date;
use crate::analysis::lines::{AnalysisError, check_memory, polars_failed, require};
use crate::data::Role;
use crate::jobs::Progress;
use crate::tr;

/// Churn risk at or above `high` is high, at or above `medium` medium, else low.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct RiskThresholds {
    pub medium: f64,
    pub high: f64,
}

impl Default for RiskThresholds {
    fn default() -> Self {
        RiskThresholds {
            medium: 0.5,
            high: 0.8,
        }
    }
}

impl RiskThresholds {
    /// An error unless 0 ≤ medium ≤ high ≤ 1.
    pub fn check(&self) -> Result<(), AnalysisError> {
        if (0.0..=1.0).contains(&self.medium)
            && (0.0..=1.0).contains(&self.high)
            && self.medium <= self.high
        {
            Ok(())
        } else {
            Err(AnalysisError::Invalid {
                what: tr!("value-error-thresholds"),
                why: tr!(
                    "value-error-thresholds-why",
                    medium = self.medium.to_string(),
                    high = self.high.to_string()
                ),
            })
        }
    }

    /// "low", "medium" or "high", for the risk as it is shown and exported (to
    /// 3 decimals), so a risk shown as 0.300 is never "medium" beside a high
    /// threshold of 0.3.
    pub fn bucket(&self, churn_risk: f64) -> &'static str {
        let churn_risk =
            crate::export::rounded(churn_risk, crate::export::decimals_of("churn_risk"));
        if churn_risk >= self.high {
            "high"
        } else if churn_risk >= self.medium {
            "medium"
        } else {
            "low"
        }
    }
}

/// A risk bucket as the window shows it: `bucket` is a code of
/// [`RiskThresholds::bucket`] ("low", "medium", "high", kept in the scores and
/// exports); any other text is shown as it is.
pub fn bucket_label(bucket: &str) -> String {
    match bucket {
        "high" => tr!("value-bucket-high"),
        "medium" => tr!("value-bucket-medium"),
        "low" => tr!("value-bucket-low"),
        other => other.to_string(),
    }
}

/// Settings of a propensity run.
#[derive(Clone, Debug, PartialEq)]
pub struct PropensityParams {
    /// Test cutoff (default: the last day of the data − window).
    pub cutoff: Option<NaiveDate>,
    pub window_days: u32,
    /// Models to fit and compare (at least one).
    pub models: Vec<ModelKind>,
    /// Model that scores customers (default: best out-of-time AUC).
    pub chosen: Option<ModelKind>,
    /// Share of customers scored in the random split.
    pub random_test_share: f64,
    pub model: ModelParams,
    pub thresholds: RiskThresholds,
    /// Which of [`repeat_features::REPEAT_FEATURES`] join the features.
    pub repeat_features: Vec<&'static str>,
}

impl Default for PropensityParams {
    fn default() -> Self {
        PropensityParams {
            cutoff: None,
            window_days: 90,
            models: ModelKind::DEFAULT.to_vec(),
            chosen: None,
            random_test_share: 0.3,
            model: ModelParams::default(),
            thresholds: RiskThresholds::default(),
            repeat_features: repeat_features::REPEAT_FEATURES.to_vec(),
        }
    }
}

impl PropensityParams {
    /// A clear error for settings that cannot work, before any work starts.
    pub fn check(&self) -> Result<(), AnalysisError> {
        let invalid = |what: &str, why: String| {
            Err(AnalysisError::Invalid {
                what: what.into(),
                why,
            })
        };
        if self.window_days == 0 {
            return invalid(
                &tr!("value-error-window"),
                tr!("value-error-at-least-a-day"),
            );
        }
        if self.models.is_empty() {
            return invalid(&tr!("value-error-models"), tr!("value-error-models-why"));
        }
        if let Some(chosen) = self.chosen
            && !self.models.contains(&chosen)
        {
            return invalid(
                &tr!("value-error-scoring-model"),
                tr!("value-error-scoring-model-why", model = chosen.label()),
            );
        }
        if !(self.random_test_share > 0.0 && self.random_test_share < 1.0) {
            return invalid(
                &tr!("value-error-random-share"),
                tr!("value-error-random-share-why"),
            );
        }
        let m = &self.model;
        if m.trees == 0 || !(1..=60).contains(&m.tree_depth) || !(1..=60).contains(&m.forest_depth)
        {
            return invalid(&tr!("value-error-trees"), tr!("value-error-trees-why"));
        }
        if m.alpha.is_nan() || m.alpha < 0.0 {
            return invalid(&tr!("value-error-penalty"), tr!("value-error-penalty-why"));
        }
        self.thresholds.check()
    }
}

/// A feature and its importance for one model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeatureImportance {
    pub feature: String,
    pub value: f64,
}

/// How one model did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModelReport {
    pub kind: ModelKind,
    /// Fitted at the training cutoff, scored at the test cutoff.
    pub auc_out_of_time: Option<f64>,
    /// Fitted and scored on a random split of the test cutoff's customers.
    pub auc_random: Option<f64>,
    pub roc: Vec<RocPoint>,
    pub deciles: Vec<DecileRow>,
    pub calibration: Vec<CalibrationBin>,
    /// Largest absolute value first, ties by feature name.
    pub importance: Vec<FeatureImportance>,
    /// The single tree as rules (empty for the other models), worded when shown.
    pub rules: Vec<TreeRule>,
}

/// The result of a propensity run.
#[derive(Clone, Debug)]
pub struct Propensity {
    pub train_cutoff: NaiveDate,
    pub cutoff: NaiveDate,
    pub score_date: NaiveDate,
    pub window_days: u32,
    pub train_customers: usize,
    pub test_customers: usize,
    pub train_positive_rate: f64,
    /// Share of the test cutoff's customers who bought in its window.
    pub positive_rate: f64,
    pub features: Vec<String>,
    pub models: Vec<ModelReport>,
    pub chosen: ModelKind,
    pub thresholds: RiskThresholds,
    /// `customer_id` (str), `propensity`, `churn_risk` (f64), `risk_bucket` (str):
    /// one row per customer, sorted by customer id.
    pub scores: DataFrame,
}

impl Propensity {
    /// Re-buckets `scores` with new thresholds (no refit).
    pub fn set_thresholds(&mut self, thresholds: RiskThresholds) -> Result<(), AnalysisError> {
        thresholds.check()?;
        let risk = self
            .scores
            .column("churn_risk")
            .and_then(|c| c.f64().cloned())
            .map_err(polars_failed("context-churn-risk-buckets"))?;
        let buckets: Vec<Option<&str>> = risk
            .iter()
            .map(|r| r.map(|r| thresholds.bucket(r)))
            .collect();
        self.scores
            .with_column(Column::new("risk_bucket".into(), buckets))
            .map_err(polars_failed("context-churn-risk-buckets"))?;
        self.thresholds = thresholds;
        Ok(())
    }
}

fn cancelled(progress: &Progress) -> Result<(), AnalysisError> {
    progress.check().map_err(|_| AnalysisError::Cancelled)
}

fn step(progress: &Progress, done: u64, total: u64, message: &str) -> Result<(), AnalysisError> {
    cancelled(progress)?;
    progress.set_message(message);
    progress.report(done, total);
    Ok(())
}

/// Fits, evaluates and scores (see the module contract). Needs `customer_id`, `ts`
/// and `amount` in `lines`.
pub fn propensity(
    lines: &DataFrame,
    params: &PropensityParams,
    progress: &Progress,
) -> Result<Propensity, AnalysisError> {
    propensity_with_events(lines, None, params, progress)
}

/// Memory the features and models take per order line, beyond the loaded
/// lines: about 2.2 GB above the load on 16.9 M lines (`benches/large.rs`), with room.
const BYTES_PER_LINE: u64 = 200;

/// [`propensity`] with event counts as features when `events` is given.
pub fn propensity_with_events(
    lines: &DataFrame,
    events: Option<&DataFrame>,
    params: &PropensityParams,
    progress: &Progress,
) -> Result<Propensity, AnalysisError> {
    let sources = Sources {
        events,
        service: None,
    };
    propensity_with(lines, sources, params, progress)
}

/// The optional sources whose features join the purchase features.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sources<'a> {
    /// Behaviour events: `events_30d:<type>` counts.
    pub events: Option<&'a DataFrame>,
    /// Service messages: [`service_features::SERVICE_FEATURES`].
    pub service: Option<&'a [ServiceFact]>,
}

/// [`propensity`] with the features of every source given.
pub fn propensity_with(
    lines: &DataFrame,
    sources: Sources,
    params: &PropensityParams,
    progress: &Progress,
) -> Result<Propensity, AnalysisError> {
    let Sources { events, service } = sources;
    params.check()?;
    check_memory(
        &tr!("value-error-memory", lines = lines.height().to_string()),
        lines.height(),
        BYTES_PER_LINE,
    )?;
    require(lines, Role::CustomerId)?;
    let Some(score_date) = default_analysis_date(lines)? else {
        return Err(AnalysisError::Invalid {
            what: tr!("value-error-orders"),
            why: tr!("value-error-no-dated-purchase"),
        });
    };
    let window = TimeDelta::days(i64::from(params.window_days));
    let cutoff = params.cutoff.unwrap_or(score_date - window);
    if cutoff + window > score_date {
        return Err(AnalysisError::Invalid {
            what: tr!("value-error-cutoff", cutoff = cutoff.to_string()),
            why: tr!(
                "value-error-cutoff-why",
                days = params.window_days.to_string(),
                last = (score_date - TimeDelta::days(1)).to_string(),
                latest = (score_date - window).to_string()
            ),
        });
    }
    let train_cutoff = cutoff - window;
    let total = 3 + 2 * params.models.len() as u64 + 1;
    let building = tr!("value-progress-building-features");
    step(progress, 0, total, &building)?;
    let categories = categories_before(lines, train_cutoff)?;
    let event_types = match events {
        Some(events) => event_types_before(events, train_cutoff)?,
        None => Vec::new(),
    };
    let build = |at: NaiveDate, labels: Option<u32>| -> Result<FeatureFrame, AnalysisError> {
        let mut frame = features_at(lines, at, &categories, labels)?;
        frame = repeat_features::with_repeat_features(frame, lines, &params.repeat_features)?;
        if let Some(events) = events {
            frame = with_event_counts(frame, events, &event_types)?;
        }
        match service {
            Some(facts) => with_service_features(frame, facts),
            None => Ok(frame),
        }
    };
    let train = build(train_cutoff, Some(params.window_days))?;
    step(progress, 1, total, &building)?;
    let test = build(cutoff, Some(params.window_days))?;
    step(progress, 2, total, &building)?;
    let current = build(score_date, None)?;
    if train.is_empty() {
        return Err(AnalysisError::Invalid {
            what: tr!(
                "value-error-training-cutoff",
                cutoff = train_cutoff.to_string()
            ),
            why: tr!("value-error-training-cutoff-why"),
        });
    }
    let (train_x, train_y) = (train.matrix()?, train.labels()?);
    let (test_x, test_y) = (test.matrix()?, test.labels()?);
    let names = train.names.clone();
    let (random_fit, random_eval) = random_split(test.len(), params);

    let mut reports = Vec::new();
    let mut done = 3;
    for &kind in &params.models {
        step(
            progress,
            done,
            total,
            &tr!("value-progress-fitting-out-of-time", model = kind.label()),
        )?;
        let fitted = models::fit(kind, &train_x, &train_y, &names, &params.model, progress)?;
        let p = fitted.predict(&test_x);
        step(
            progress,
            done + 1,
            total,
            &tr!("value-progress-fitting-random-split", model = kind.label()),
        )?;
        let fit_y: Vec<bool> = random_fit.iter().map(|&i| test_y[i]).collect();
        let eval_y: Vec<bool> = random_eval.iter().map(|&i| test_y[i]).collect();
        let random_model = models::fit(
            kind,
            &test_x.select(Axis(0), &random_fit),
            &fit_y,
            &names,
            &params.model,
            progress,
        )?;
        let random_p = random_model.predict(&test_x.select(Axis(0), &random_eval));
        reports.push(ModelReport {
            kind,
            auc_out_of_time: metrics::auc(&p, &test_y),
            auc_random: metrics::auc(&random_p, &eval_y),
            roc: metrics::roc(&p, &test_y),
            deciles: metrics::deciles(&p, &test_y),
            calibration: metrics::calibration(&p, &test_y),
            importance: ranked(&names, fitted.importance(names.len())),
            rules: fitted.rules(&names),
        });
        done += 2;
    }
    let chosen = params.chosen.unwrap_or_else(|| best(&reports));
    step(
        progress,
        done,
        total,
        &tr!("value-progress-scoring", model = chosen.label()),
    )?;
    let model = models::fit(chosen, &test_x, &test_y, &names, &params.model, progress)?;
    let scores = score_frame(
        &current,
        &model.predict(&current.matrix()?),
        &params.thresholds,
    )?;
    progress.report(total, total);
    Ok(Propensity {
        train_cutoff,
        cutoff,
        score_date,
        window_days: params.window_days,
        train_customers: train.len(),
        test_customers: test.len(),
        train_positive_rate: rate(&train_y),
        positive_rate: rate(&test_y),
        features: names,
        models: reports,
        chosen,
        thresholds: params.thresholds,
        scores,
    })
}

fn rate(labels: &[bool]) -> f64 {
    labels.iter().filter(|&&l| l).count() as f64 / labels.len().max(1) as f64
}

/// Rows to fit on and rows to score in the random split, each sorted.
fn random_split(rows: usize, params: &PropensityParams) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = (0..rows).collect();
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(params.model.seed));
    let eval = ((rows as f64) * params.random_test_share).round() as usize;
    let (mut eval_rows, mut fit_rows) = (order[..eval].to_vec(), order[eval..].to_vec());
    eval_rows.sort_unstable();
    fit_rows.sort_unstable();
    (fit_rows, eval_rows)
}

/// The model with the best out-of-time AUC; ties and missing AUCs go to the
/// earlier (simpler) kind.
fn best(reports: &[ModelReport]) -> ModelKind {
    let mut best = reports[0].kind;
    let mut best_auc = reports[0].auc_out_of_time.unwrap_or(f64::NEG_INFINITY);
    for r in &reports[1..] {
        let auc = r.auc_out_of_time.unwrap_or(f64::NEG_INFINITY);
        if auc > best_auc {
            (best, best_auc) = (r.kind, auc);
        }
    }
    best
}

fn ranked(names: &[String], values: Vec<f64>) -> Vec<FeatureImportance> {
    let mut out: Vec<FeatureImportance> = names
        .iter()
        .zip(values)
        .map(|(feature, value)| FeatureImportance {
            feature: feature.clone(),
            value,
        })
        .collect();
    out.sort_by(|a, b| {
        b.value
            .abs()
            .total_cmp(&a.value.abs())
            .then_with(|| a.feature.cmp(&b.feature))
    });
    out
}

/// `customer_id`, `propensity`, `churn_risk`, `risk_bucket` for `frame`'s rows.
pub fn score_frame(
    frame: &FeatureFrame,
    probabilities: &[f64],
    thresholds: &RiskThresholds,
) -> Result<DataFrame, AnalysisError> {
    let risk: Vec<f64> = probabilities.iter().map(|p| 1.0 - p).collect();
    let buckets: Vec<&str> = risk.iter().map(|&r| thresholds.bucket(r)).collect();
    DataFrame::new(
        frame.len(),
        vec![
            frame.customer_ids()?,
            Column::new("propensity".into(), probabilities),
            Column::new("churn_risk".into(), risk),
            Column::new("risk_bucket".into(), buckets),
        ],
    )
    .map_err(polars_failed("context-collect-scores"))
}

//! The Recommendations tab's results: a fitted recommender with every customer's
//! top-N list, the bought-together rules, the report card and exports, each
//! computed by its own background job.
//!
//! Contract:
//! - A fit is keyed by its [`RecommendParams`] and the store version it was asked
//!   at ([`Recommend::needs_run`]); the last good fit stays shown while the next
//!   computes, and a cancelled fit keeps its key so it is not restarted by itself.
//!   Cancel is checked between steps, between ALS iterations and between blocks
//!   of customers.
//! - Lists are ranked by score, ties by lower item index (see
//!   `analysis::recommend::models`). The rules come from the same purchases with
//!   default thresholds; a rules failure is shown as text, the lists still show.
//! - The report card is its own job keyed by its [`EvalParams`]; it splits the
//!   purchases by the chosen protocol and never looks at the test part to fit.
//! - The rules table (FP-growth at the operator's thresholds) and the
//!   next-purchase transitions are one more job, keyed by [`RulesRunParams`] and
//!   the store version like the fit.
//! - With `validate` (the default) the fit first chooses item-kNN neighbours or
//!   ALS factors and λ by validation on each customer's last purchase
//!   (`analysis::recommend::validate`); the choice is kept with the results.
//! - When the Segments tab has a result, the fit gets each customer's segment, so
//!   popularity (and every fallback to it) is the segment's ("popular in your
//!   segment"); the fit is keyed by that segmentation too.
//! - Exports write atomically: `.csv` (with a BOM) and `.xlsx` through
//!   `crate::export`, `.parquet` with polars ([`write_frame`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{anyhow, bail};
use polars::prelude::{DataFrame, ParquetWriter};

use crate::analysis::recommend::evaluate::{EvalParams, ReportCard, evaluate};
use crate::analysis::recommend::rules::{
    Rule, RuleParams, association_rules, baskets, rules_frame,
};
use crate::analysis::recommend::transitions::{Transition, TransitionParams, next_purchases};
use crate::analysis::recommend::validate::{Validation, settings_for_fit};
use crate::analysis::recommend::{
    AlsParams, Interactions, Model, ModelKind, ModelParams, Recommendation, fit,
    interactions_from_lines, interactions_from_ratings, lists_frame,
};
use crate::analysis::segments::Segmentation;
use crate::data::Store;
use crate::export::{ExportError, ExportFormat, write_atomically, write_table};
use crate::jobs::{Progress, Slot, Wake};

/// What the operator chose for a fit.
#[derive(Clone, Debug, PartialEq)]
pub struct RecommendParams {
    pub model: ModelKind,
    /// Neighbours per item (item-kNN, blend) and per customer (user-kNN).
    pub neighbours: usize,
    /// ALS factors per customer and item.
    pub factors: usize,
    /// ALS iterations.
    pub iterations: usize,
    /// Weight of the customer's own history in the blend (0..=1).
    pub history_weight: f32,
    /// Leave out items the customer already bought.
    pub exclude_seen: bool,
    /// Items per customer.
    pub top: usize,
    /// Choose item-kNN neighbours and ALS factors/λ on a validation split (each
    /// customer's last purchase) instead of the typed values.
    pub validate: bool,
}

impl Default for RecommendParams {
    fn default() -> Self {
        let model = ModelParams::default();
        RecommendParams {
            model: ModelKind::ItemKnn,
            neighbours: model.item_neighbours,
            factors: model.als.factors,
            iterations: model.als.iterations,
            history_weight: model.history_weight,
            exclude_seen: true,
            top: 10,
            validate: true,
        }
    }
}

impl RecommendParams {
    /// The settings as a project stores them: `{"model": name, "neighbours",
    /// "factors", "iterations", "history_weight", "exclude_seen", "top",
    /// "validate"}`.
    pub fn to_settings(&self) -> serde_json::Value {
        serde_json::json!({
            "model": self.model.name(),
            "neighbours": self.neighbours,
            "factors": self.factors,
            "iterations": self.iterations,
            "history_weight": self.history_weight,
            "exclude_seen": self.exclude_seen,
            "top": self.top,
            "validate": self.validate,
        })
    }

    /// Fits the chosen model on `interactions` (explicit ratings or purchase
    /// counts, as they are), with each customer's segment (by customer index) for
    /// popularity when given, after choosing its settings by validation when asked.
    pub fn fit(
        &self,
        interactions: &Interactions,
        segments: Option<Vec<Option<u32>>>,
        progress: &Progress,
    ) -> anyhow::Result<(Model, Option<Result<Validation, String>>)> {
        let base = ModelParams {
            segments,
            explicit: interactions.is_explicit(),
            ..self.model_params()
        };
        let (params, validation) = settings_for_fit(
            interactions,
            base,
            self.model,
            self.validate,
            self.top,
            self.exclude_seen,
            progress,
        )?;
        progress.check()?;
        progress.set_message(format!("fitting {}", self.model));
        let train = interactions.matrix(&interactions.events);
        let model = fit(self.model, train, &interactions.items, &params, progress)?;
        Ok((model, validation))
    }

    /// Settings written by [`Self::to_settings`]; None when they do not read as
    /// settings (an unknown model, a count of 0, a weight outside 0..=1, a
    /// missing field).
    pub fn from_settings(value: &serde_json::Value) -> Option<RecommendParams> {
        let count = |key: &str| {
            value
                .get(key)?
                .as_u64()
                .and_then(|v| usize::try_from(v).ok())
                .filter(|v| *v > 0)
        };
        let flag = |key: &str| value.get(key)?.as_bool();
        let history_weight = value.get("history_weight")?.as_f64()? as f32;
        Some(RecommendParams {
            model: value.get("model")?.as_str()?.parse().ok()?,
            neighbours: count("neighbours")?,
            factors: count("factors")?,
            iterations: count("iterations")?,
            history_weight: (0.0..=1.0)
                .contains(&history_weight)
                .then_some(history_weight)?,
            exclude_seen: flag("exclude_seen")?,
            top: count("top")?,
            validate: flag("validate")?,
        })
    }

    /// The analysis settings of every model from these choices.
    pub fn model_params(&self) -> ModelParams {
        ModelParams {
            item_neighbours: self.neighbours,
            user_neighbours: self.neighbours,
            als: AlsParams {
                factors: self.factors,
                iterations: self.iterations,
                ..AlsParams::default()
            },
            history_weight: self.history_weight,
            ..ModelParams::default()
        }
    }
}

/// One finished fit.
pub struct RecommendResults {
    pub params: RecommendParams,
    pub store_version: u64,
    pub interactions: Arc<Interactions>,
    pub model: Arc<Model>,
    /// Every customer's list, by customer index.
    pub lists: Arc<Vec<Vec<Recommendation>>>,
    /// Bought-together rules (default thresholds), or why they could not be found.
    pub rules: Result<Vec<Rule>, String>,
    /// None: the typed settings were asked for (or the model has none to
    /// choose); else the settings validation chose, or why it chose none.
    pub validation: Option<Result<Validation, String>>,
}

/// The thresholds of the rules table and the transitions' settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RulesRunParams {
    pub rules: RuleParams,
    pub transitions: TransitionParams,
}

/// One finished rules run.
pub struct RulesResults {
    pub params: RulesRunParams,
    pub store_version: u64,
    pub interactions: Arc<Interactions>,
    /// Orders with at least one purchased item.
    pub baskets: usize,
    /// Sorted as `association_rules` sorts them (lift, count, items).
    pub rules: Result<Vec<Rule>, String>,
    /// Sorted by count, then from, then to.
    pub transitions: Result<Vec<Transition>, String>,
}

/// The key of a fit: its params, the store version and the segmentation used.
struct FitKey {
    params: RecommendParams,
    store_version: u64,
    segments: Option<Arc<Segmentation>>,
}

/// The Recommendations jobs: fit, report card, rules and export.
pub struct Recommend {
    slot: Slot<RecommendResults>,
    report: Slot<ReportCard>,
    rules: Slot<RulesResults>,
    export: Slot<String>,
    requested: Option<FitKey>,
    rules_requested: Option<(RulesRunParams, u64)>,
    wake: Wake,
}

/// Steps of a fit, for the progress bar.
const STEPS: u64 = 4;

impl Recommend {
    pub fn new(wake: Wake) -> Self {
        Recommend {
            slot: Slot::default(),
            report: Slot::default(),
            rules: Slot::default(),
            export: Slot::default(),
            requested: None,
            rules_requested: None,
            wake,
        }
    }

    /// The fitted model shown, the running fit and its error.
    pub fn slot(&self) -> &Slot<RecommendResults> {
        &self.slot
    }

    /// The last report card, the running evaluation and its error.
    pub fn report_slot(&self) -> &Slot<ReportCard> {
        &self.report
    }

    /// The last export's outcome ("Wrote …") and the running export.
    pub fn export_slot(&self) -> &Slot<String> {
        &self.export
    }

    /// The rules table shown, the running rules job and its error.
    pub fn rules_slot(&self) -> &Slot<RulesResults> {
        &self.rules
    }

    /// The params of the last fit asked for.
    pub fn requested_params(&self) -> Option<&RecommendParams> {
        self.requested.as_ref().map(|k| &k.params)
    }

    /// Makes `params` the settings of the next fit (a project's saved ones): the
    /// tab fits them when it next looks, as it does for a new store.
    pub fn prefer(&mut self, params: RecommendParams) {
        self.requested = Some(FitKey {
            params,
            store_version: u64::MAX,
            segments: None,
        });
    }

    /// True when no fit was asked for with `params` at `store_version` with this
    /// very `segments` result (or none).
    pub fn needs_run(
        &self,
        params: &RecommendParams,
        store_version: u64,
        segments: Option<&Arc<Segmentation>>,
    ) -> bool {
        self.requested.as_ref().is_none_or(|k| {
            let same_segments = match (&k.segments, segments) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            };
            k.params != *params || k.store_version != store_version || !same_segments
        })
    }

    /// Starts a fit on `store` at `store_version` (replacing a running one); with
    /// `segments`, popularity is per segment.
    pub fn run(
        &mut self,
        store: &Store,
        store_version: u64,
        params: RecommendParams,
        segments: Option<Arc<Segmentation>>,
    ) {
        self.requested = Some(FitKey {
            params: params.clone(),
            store_version,
            segments: segments.clone(),
        });
        let store = store.clone();
        self.slot
            .start("recommend", self.wake.clone(), move |progress| {
                compute(&store, store_version, params, segments.as_deref(), progress)
            });
    }

    /// The params of the last rules run asked for.
    pub fn requested_rules(&self) -> Option<&RulesRunParams> {
        self.rules_requested.as_ref().map(|(p, _)| p)
    }

    /// True when no rules run was asked for with `params` at `store_version`.
    pub fn needs_rules(&self, params: &RulesRunParams, store_version: u64) -> bool {
        self.rules_requested
            .as_ref()
            .is_none_or(|(p, v)| p != params || *v != store_version)
    }

    /// Starts the rules and transitions on `store` (replacing a running run).
    pub fn run_rules(&mut self, store: &Store, store_version: u64, params: RulesRunParams) {
        self.rules_requested = Some((params.clone(), store_version));
        let store = store.clone();
        self.rules
            .start("rules", self.wake.clone(), move |progress| {
                progress.set_message("reading the purchases");
                let interactions = load_interactions(&store)?;
                progress.check()?;
                progress.set_message("finding items bought together");
                let rules = association_rules(&interactions, &params.rules, progress)
                    .map_err(|e| e.to_string());
                progress.check()?;
                progress.set_message("finding what customers buy next");
                let transitions = next_purchases(&interactions, &params.transitions, progress)
                    .map_err(|e| e.to_string());
                progress.check()?;
                Ok(RulesResults {
                    params,
                    store_version,
                    baskets: baskets(&interactions).len(),
                    interactions: Arc::new(interactions),
                    rules,
                    transitions,
                })
            });
    }

    /// Writes the shown rules table to `path` (.csv, .xlsx or .parquet), as a job.
    pub fn export_rules(&mut self, path: PathBuf) {
        let Some(results) = self.rules.value() else {
            return;
        };
        let Ok(rules) = &results.rules else { return };
        let rules = rules.clone();
        let interactions = results.interactions.clone();
        self.export
            .start("export rules", self.wake.clone(), move |progress| {
                progress.set_message(format!("writing {}", path.display()));
                let frame = rules_frame(&interactions.items, &rules)?;
                write_frame(&frame, &path)?;
                Ok(format!(
                    "Wrote {} rules to {}",
                    frame.height(),
                    path.display()
                ))
            });
    }

    pub fn cancel(&mut self) {
        self.slot.cancel();
    }

    /// Starts the report card on `store` with `params` (replacing a running one).
    pub fn evaluate(&mut self, store: &Store, params: EvalParams) {
        let store = store.clone();
        self.report
            .start("report card", self.wake.clone(), move |progress| {
                progress.set_message("reading the purchases");
                let interactions = load_interactions(&store)?;
                progress.check()?;
                Ok(evaluate(&interactions, &params, progress)?)
            });
    }

    pub fn cancel_report(&mut self) {
        self.report.cancel();
    }

    /// Writes every customer's list to `path` (.csv with a BOM, .xlsx or
    /// .parquet), as a job.
    pub fn export(&mut self, path: PathBuf) {
        let Some(results) = self.slot.value() else {
            return;
        };
        let interactions = results.interactions.clone();
        let lists = results.lists.clone();
        self.export.start(
            "export recommendations",
            self.wake.clone(),
            move |progress| {
                progress.set_message(format!("writing {}", path.display()));
                let frame = lists_frame(&interactions, &lists)?;
                write_frame(&frame, &path)?;
                Ok(format!(
                    "Wrote {} recommendations for {} customers to {}",
                    frame.height(),
                    lists.len(),
                    path.display()
                ))
            },
        );
    }

    /// Takes finished jobs' results; true when something changed.
    pub fn poll(&mut self) -> bool {
        self.slot.poll() | self.report.poll() | self.rules.poll() | self.export.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.slot.pending().is_some()
            || self.report.pending().is_some()
            || self.rules.pending().is_some()
            || self.export.pending().is_some()
    }
}

/// Purchase interactions of the store's order lines.
/// The interactions the models learn from: the explicit ratings when a ratings
/// file is loaded, else the purchases in the order lines (explicit when they
/// carry a mapped rating column).
pub fn load_interactions(store: &Store) -> anyhow::Result<Interactions> {
    if let Some(ratings) = store.ratings()? {
        let interactions = interactions_from_ratings(&ratings)?;
        if interactions.events.is_empty() {
            bail!("the ratings hold no rating with a customer, an item and a number");
        }
        return Ok(interactions);
    }
    let lines = store.order_lines()?.ok_or_else(|| {
        anyhow!("no orders or ratings file is loaded: open one to get recommendations")
    })?;
    let interactions = interactions_from_lines(&lines)?;
    if interactions.events.is_empty() {
        bail!("the orders hold no purchase with a customer, item, order id and time");
    }
    Ok(interactions)
}

/// Writes `frame` atomically: `.parquet` with polars, `.csv`/`.xlsx` through
/// `crate::export`.
pub fn write_frame(frame: &DataFrame, path: &Path) -> anyhow::Result<()> {
    let is_parquet = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    if is_parquet {
        let mut frame = frame.clone();
        write_atomically(path, |_, file| {
            ParquetWriter::new(file)
                .finish(&mut frame)
                .map(|_| ())
                .map_err(|source| ExportError::Polars {
                    file: path.to_path_buf(),
                    source,
                })
        })?;
    } else {
        write_table(frame, path, ExportFormat::from_path(path)?)?;
    }
    Ok(())
}

/// Each customer's segment (by customer index of `interactions`): the label of
/// the segmentation's row with the same customer id, None when not segmented.
pub fn customer_segments(
    interactions: &Interactions,
    segmentation: &Segmentation,
) -> Vec<Option<u32>> {
    let ids = &segmentation.features.customer_ids;
    let labels = &segmentation.clustering.labels;
    let by_id: std::collections::HashMap<&str, u32> = ids
        .iter()
        .zip(labels)
        .map(|(id, &label)| (id.as_str(), label as u32))
        .collect();
    interactions
        .customers
        .iter()
        .map(|c| by_id.get(c.as_str()).copied())
        .collect()
}

/// Reads the purchases, fits the model (per-segment popularity with
/// `segments`), lists every customer's top N and finds the bought-together rules.
pub fn compute(
    store: &Store,
    store_version: u64,
    params: RecommendParams,
    segments: Option<&Segmentation>,
    progress: &Progress,
) -> anyhow::Result<RecommendResults> {
    if params.top == 0 {
        bail!("show at least one item per customer");
    }
    progress.set_message("reading the purchases");
    progress.report(0, STEPS);
    let interactions = load_interactions(store)?;
    progress.check()?;
    progress.set_message(format!("fitting {}", params.model));
    progress.report(1, STEPS);
    let segments = segments.map(|s| customer_segments(&interactions, s));
    let (model, validation) = params.fit(&interactions, segments, progress)?;
    progress.check()?;
    progress.set_message("listing every customer's top items");
    progress.report(2, STEPS);
    let lists = model.recommend_all(params.top, params.exclude_seen, progress)?;
    progress.check()?;
    progress.set_message("finding items bought together");
    progress.report(3, STEPS);
    let rules = association_rules(&interactions, &RuleParams::default(), progress)
        .map_err(|e| e.to_string());
    progress.check()?;
    progress.report(STEPS, STEPS);
    Ok(RecommendResults {
        params,
        store_version,
        interactions: Arc::new(interactions),
        model: Arc::new(model),
        lists: Arc::new(lists),
        rules,
        validation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_bad_ones_read_as_none() {
        let typed = RecommendParams {
            model: ModelKind::Als,
            factors: 24,
            iterations: 7,
            exclude_seen: false,
            top: 5,
            validate: false,
            ..RecommendParams::default()
        };
        for params in [RecommendParams::default(), typed] {
            assert_eq!(
                RecommendParams::from_settings(&params.to_settings()),
                Some(params)
            );
        }
        let mut unknown = RecommendParams::default().to_settings();
        unknown["model"] = serde_json::json!("svd");
        assert_eq!(RecommendParams::from_settings(&unknown), None);
        let mut zero = RecommendParams::default().to_settings();
        zero["top"] = serde_json::json!(0);
        assert_eq!(RecommendParams::from_settings(&zero), None);
        let mut heavy = RecommendParams::default().to_settings();
        heavy["history_weight"] = serde_json::json!(1.5);
        assert_eq!(RecommendParams::from_settings(&heavy), None);
        let mut missing = RecommendParams::default().to_settings();
        missing.as_object_mut().expect("object").remove("validate");
        assert_eq!(RecommendParams::from_settings(&missing), None);
    }
}

//! The Value tab's results: propensity to buy and churn risk
//! (`analysis::propensity`) and customer lifetime value (`analysis::clv`), trained
//! together by one background job; the joined customer table and its export.
//!
//! Contract:
//! - Training runs only when asked ([`Value::train`]): fitting three models is too
//!   heavy to start by itself. The last good result stays shown while the next one
//!   trains; a cancelled run leaves it as it was. Cancel is checked between steps
//!   of both analyses.
//! - Propensity is required: its error fails the run. CLV is optional: its error is
//!   kept as text beside the propensity results.
//! - [`ValueResults::rows`] joins both on `customer_id` (a customer missing from one
//!   side has None there), sorted by customer id.
//! - Moving the churn-risk thresholds re-buckets at once without refitting
//!   ([`ValueCommand::SetThresholds`]; the result gets a new generation, so a
//!   campaign that joined it is rebuilt); the next training keeps the thresholds.
//! - A training is a [`Computation`] on the store version; a result of other
//!   files is not shown: the tab asks to train again.
//! - A project keeps [`ValueSettings`] (the last training's params and the
//!   thresholds); opening it makes them the next training's ([`Value::prefer`]).
//! - Exports run as their own job and write atomically through `crate::export`.

use std::path::PathBuf;

use anyhow::anyhow;
use chrono::NaiveDate;
use polars::prelude::Column;

use crate::analysis::clv::{Clv, ClvParams, clv};
use crate::analysis::propensity::{
    ModelKind, Propensity, PropensityParams, RiskThresholds, propensity_with_events,
};
use crate::data::{FileKind, Store};
use crate::jobs::{Progress, Slot, Wake};
use crate::tr;

use super::computation::{Computation, Inputs};
use super::settings::SettingsError;

use super::export_job::{beside_data, start_export, wrote_customers};

mod table;
pub use table::{customers_frame, join_rows};

/// What the operator chose for a training run.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueParams {
    /// Days after a cutoff in which a purchase counts as positive.
    pub window_days: u32,
    /// Test cutoff (None: the last order day − window).
    pub cutoff: Option<NaiveDate>,
    /// Models to fit and compare (at least one).
    pub models: Vec<ModelKind>,
}

impl Default for ValueParams {
    fn default() -> Self {
        let defaults = PropensityParams::default();
        ValueParams {
            window_days: defaults.window_days,
            cutoff: defaults.cutoff,
            models: defaults.models,
        }
    }
}

/// The Value tab's settings as a project keeps them: the training params and
/// the churn-risk thresholds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueSettings {
    pub params: ValueParams,
    pub thresholds: RiskThresholds,
}

impl ValueSettings {
    /// `{"window_days", "cutoff": "YYYY-MM-DD" or null, "models": [names],
    /// "risk_medium", "risk_high"}`.
    pub fn to_settings(&self) -> serde_json::Value {
        let models: Vec<&str> = self.params.models.iter().map(|m| m.name()).collect();
        serde_json::json!({
            "window_days": self.params.window_days,
            "cutoff": self.params.cutoff.map(|d| d.to_string()),
            "models": models,
            "risk_medium": self.thresholds.medium,
            "risk_high": self.thresholds.high,
        })
    }

    /// The propensity analysis' settings of these: the one place the Value tab's
    /// training and `marketbench propensity` build them from.
    pub fn propensity_params(&self) -> PropensityParams {
        PropensityParams {
            cutoff: self.params.cutoff,
            window_days: self.params.window_days,
            models: self.params.models.clone(),
            thresholds: self.thresholds,
            ..PropensityParams::default()
        }
    }

    /// Checks the settings before any work: a window of at least one day, at
    /// least one model, thresholds within 0..=1 with medium at most high.
    pub fn check(&self) -> Result<(), SettingsError> {
        let params = &self.params;
        if params.window_days == 0 {
            return Err(SettingsError::invalid(
                "window_days",
                0,
                tr!("workspace-setting-at-least-one"),
            ));
        }
        if params.models.is_empty() {
            return Err(SettingsError::invalid(
                "models",
                "[]",
                tr!("workspace-models-empty"),
            ));
        }
        self.thresholds.check().map_err(|_| {
            SettingsError::invalid(
                "risk_medium..risk_high",
                format!("{}..{}", self.thresholds.medium, self.thresholds.high),
                tr!("workspace-thresholds-order"),
            )
        })
    }

    /// Settings written by [`Self::to_settings`], checked; a missing field takes
    /// its default, a bad one is named in the error.
    pub fn from_settings(value: &serde_json::Value) -> Result<ValueSettings, SettingsError> {
        #[derive(Default, serde::Deserialize)]
        #[serde(default)]
        struct Saved {
            window_days: Option<u32>,
            cutoff: Option<String>,
            models: Option<Vec<String>>,
            risk_medium: Option<f64>,
            risk_high: Option<f64>,
        }
        let saved: Saved = serde_json::from_value(value.clone())?;
        let defaults = ValueSettings::default();
        let cutoff = match saved.cutoff {
            None => None,
            Some(text) => Some(text.parse::<NaiveDate>().map_err(|_| {
                SettingsError::invalid("cutoff", &text, tr!("workspace-date-format"))
            })?),
        };
        let models = match saved.models {
            None => defaults.params.models,
            Some(names) => names
                .iter()
                .map(|name| {
                    ModelKind::ALL
                        .into_iter()
                        .find(|m| m.name() == name)
                        .ok_or_else(|| {
                            SettingsError::invalid("models", name, tr!("workspace-no-such-model"))
                        })
                })
                .collect::<Result<_, _>>()?,
        };
        let settings = ValueSettings {
            params: ValueParams {
                window_days: saved.window_days.unwrap_or(defaults.params.window_days),
                cutoff,
                models,
            },
            thresholds: RiskThresholds {
                medium: saved.risk_medium.unwrap_or(defaults.thresholds.medium),
                high: saved.risk_high.unwrap_or(defaults.thresholds.high),
            },
        };
        settings.check()?;
        Ok(settings)
    }
}

/// One customer of the joined table.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerRow {
    pub customer_id: String,
    pub propensity: Option<f64>,
    pub churn_risk: Option<f64>,
    pub p_alive: Option<f64>,
    pub predicted_purchases: Option<f64>,
    pub clv: Option<f64>,
    pub next_order_date: Option<NaiveDate>,
}

/// One finished training run.
#[derive(Clone, Debug)]
pub struct ValueResults {
    pub params: ValueParams,
    pub propensity: Propensity,
    /// The CLV results, or why they could not be computed.
    pub clv: Result<Clv, String>,
    /// Both joined per customer, sorted by customer id.
    pub rows: Vec<CustomerRow>,
}

impl ValueResults {
    /// The days CLV and the next order date look ahead, when CLV was computed.
    pub fn clv_horizon(&self) -> Option<u32> {
        self.clv.as_ref().ok().map(|c| c.horizon_days)
    }

    /// Customers per churn-risk bucket at the thresholds in use: (low, medium, high).
    pub fn bucket_counts(&self) -> (usize, usize, usize) {
        let thresholds = self.propensity.thresholds;
        let mut counts = (0, 0, 0);
        for risk in self.rows.iter().filter_map(|r| r.churn_risk) {
            match thresholds.bucket(risk) {
                "low" => counts.0 += 1,
                "medium" => counts.1 += 1,
                _ => counts.2 += 1,
            }
        }
        counts
    }
}

/// What the window asks of the Value tab.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueCommand {
    /// Train with these settings.
    Train(ValueParams),
    Cancel,
    /// Re-bucket churn risk at these thresholds (no refit).
    SetThresholds(RiskThresholds),
    /// Export the customer table as shown: `rows` (indices into the rows, in the
    /// order shown) and each one's segment name when the segment column is shown.
    Export {
        path: PathBuf,
        rows: Vec<usize>,
        segments: Option<Vec<Option<String>>>,
    },
}

/// The Value computation and its export job, with a project's settings until
/// the next training.
pub struct Value {
    results: Computation<ValueParams, ValueResults>,
    export: Slot<String>,
    wake: Wake,
    /// A project's settings: the panel takes the params once as its draft; the
    /// thresholds serve the next training when no result is shown.
    preferred: Option<ValueSettings>,
}

impl Value {
    pub fn new(wake: Wake) -> Self {
        Value {
            results: Computation::new("value", wake.clone()),
            export: Slot::default(),
            wake,
            preferred: None,
        }
    }

    /// The results, the running training and its error.
    pub fn results(&self) -> &Computation<ValueParams, ValueResults> {
        &self.results
    }

    /// The settings to save in a project: the last training's params (or the
    /// preferred ones) and the thresholds in use. None before any.
    pub fn settings(&self) -> Option<ValueSettings> {
        let preferred = self.preferred.as_ref();
        let params = preferred
            .map(|p| p.params.clone())
            .or_else(|| self.results.requested_params().cloned())?;
        Some(ValueSettings {
            params,
            thresholds: self.thresholds(),
        })
    }

    /// The thresholds in use: a project's until the next training, else the
    /// last result's, else the default.
    fn thresholds(&self) -> RiskThresholds {
        match (&self.preferred, self.results.latest()) {
            (Some(preferred), _) => preferred.thresholds,
            (None, Some(results)) => results.value.propensity.thresholds,
            (None, None) => RiskThresholds::default(),
        }
    }

    /// Makes `settings` (a project's) the next training's: the panel shows the
    /// params (see [`Self::preferred_params`]).
    pub fn prefer(&mut self, settings: ValueSettings) {
        self.preferred = Some(settings);
    }

    /// A project's params, for the panel to show as its settings until the next
    /// training.
    pub fn preferred_params(&self) -> Option<&ValueParams> {
        self.preferred.as_ref().map(|p| &p.params)
    }

    /// Carries out a command of the window.
    pub fn apply(&mut self, command: ValueCommand, store: &Store, store_version: u64) {
        match command {
            ValueCommand::Train(params) => self.train(store, store_version, params),
            ValueCommand::Cancel => self.results.cancel(),
            ValueCommand::SetThresholds(thresholds) => self.set_thresholds(thresholds),
            ValueCommand::Export {
                path,
                rows,
                segments,
            } => self.export(store_version, beside_data(store, path), rows, segments),
        }
    }

    /// Trains on `store` (replacing a running job), keeping the thresholds in use.
    fn train(&mut self, store: &Store, store_version: u64, params: ValueParams) {
        let thresholds = self.thresholds();
        self.preferred = None;
        let store = store.clone();
        self.results.run(
            params.clone(),
            Inputs::of_store(store_version),
            store.file_names(),
            move |progress| compute(&store, ValueSettings { params, thresholds }, progress),
        );
    }

    /// Re-buckets the last result's churn risk (no refit): it gets a new
    /// generation, so what joined it is rebuilt.
    fn set_thresholds(&mut self, thresholds: RiskThresholds) {
        if thresholds.check().is_err() {
            return;
        }
        self.results
            .modify(|results| results.propensity.set_thresholds(thresholds).ok());
        if let Some(preferred) = &mut self.preferred {
            preferred.thresholds = thresholds;
        }
    }

    /// Writes the customer table of the training on these files to `path`
    /// (.csv with a BOM, or .xlsx), as a job.
    fn export(
        &mut self,
        store_version: u64,
        path: PathBuf,
        order: Vec<usize>,
        segments: Option<Vec<Option<String>>>,
    ) {
        let Some(results) = self.results.current(store_version) else {
            return;
        };
        let all = &results.value.rows;
        let rows: Vec<CustomerRow> = order.iter().filter_map(|&i| all.get(i).cloned()).collect();
        let thresholds = results.value.propensity.thresholds;
        start_export(
            &mut self.export,
            "export value",
            self.wake.clone(),
            path,
            move || {
                let mut frame = customers_frame(&rows, &thresholds)?;
                if let Some(segments) = segments {
                    let column = Column::new("segment".into(), segments);
                    frame.insert_column(1, column)?;
                }
                Ok(frame)
            },
            wrote_customers,
        );
    }

    /// The last export's outcome ("Wrote …") and the running export.
    pub fn export_slot(&self) -> &Slot<String> {
        &self.export
    }

    /// Takes finished jobs' results; true when something changed.
    pub fn poll(&mut self) -> bool {
        self.results.poll() | self.export.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.results.is_busy() || self.export.pending().is_some()
    }
}

/// Trains propensity (with the first events file's counts, when one is loaded),
/// then CLV, and joins them. Service messages are not features here: they did
/// not raise out-of-time AUC on the sample stores (`cargo bench --bench
/// value_service`; issue 21 keeps them only if it rises).
pub fn compute(
    store: &Store,
    settings: ValueSettings,
    progress: &Progress,
) -> anyhow::Result<ValueResults> {
    progress.set_message(tr!("workspace-reading-order-lines"));
    let lines = store
        .order_lines()?
        .ok_or_else(|| anyhow!(tr!("workspace-value-needs-orders")))?;
    progress.check()?;
    settings.check()?;
    let propensity_params = settings.propensity_params();
    propensity_params.check()?;
    let events = store.of_kind(FileKind::Events).next().map(|t| &t.frame);
    progress.stage(0, 2);
    let propensity = propensity_with_events(&lines, events, &propensity_params, progress)?;
    progress.check()?;
    progress.stage(1, 2);
    progress.set_message(tr!("workspace-fitting-clv"));
    let clv = match clv(&lines, &ClvParams::default(), progress) {
        Ok(clv) => Ok(clv),
        Err(crate::analysis::lines::AnalysisError::Cancelled) => {
            return Err(crate::jobs::Cancelled.into());
        }
        Err(error) => Err(error.to_string()),
    };
    progress.check()?;
    let rows = join_rows(&propensity.scores, clv.as_ref().ok().map(|c| &c.customers))?;
    Ok(ValueResults {
        params: settings.params,
        propensity,
        clv,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use polars::prelude::*;

    use super::*;

    #[test]
    fn settings_round_trip_and_bad_ones_say_which_field() {
        let chosen = ValueSettings {
            params: ValueParams {
                window_days: 45,
                cutoff: NaiveDate::from_ymd_opt(2024, 6, 1),
                models: vec![ModelKind::LogReg, ModelKind::Forest],
            },
            thresholds: RiskThresholds {
                medium: 0.3,
                high: 0.6,
            },
        };
        for settings in [ValueSettings::default(), chosen] {
            let saved = settings.to_settings();
            assert_eq!(ValueSettings::from_settings(&saved), Ok(settings));
        }
        let bad = |key: &str, value: serde_json::Value| {
            let mut saved = ValueSettings::default().to_settings();
            saved[key] = value;
            ValueSettings::from_settings(&saved)
                .expect_err(key)
                .to_string()
        };
        assert_eq!(
            bad("window_days", 0.into()),
            "window_days = 0: must be at least 1"
        );
        assert_eq!(
            bad("cutoff", "June".into()),
            "cutoff = June: must be a date as YYYY-MM-DD"
        );
        assert_eq!(
            bad("models", serde_json::json!([])),
            "models = []: name at least one model"
        );
        assert_eq!(
            bad("models", serde_json::json!(["svm"])),
            "models = svm: is no model"
        );
        assert!(bad("risk_medium", 0.9.into()).starts_with("risk_medium..risk_high = 0.9.."));
        assert!(bad("window_days", "ninety".into()).contains("invalid type"));
    }

    #[test]
    fn rows_join_on_customer_id_and_the_export_buckets_at_the_thresholds() {
        let scores = df!(
            "customer_id" => ["a", "b"],
            "propensity" => [0.9, 0.1],
            "churn_risk" => [0.1, 0.9],
        )
        .expect("scores");
        let mut clv = df!(
            "customer_id" => ["b", "c"],
            "p_alive" => [Some(0.5), None],
            "predicted_purchases" => [2.0, 1.0],
            "clv" => [30.0, 10.0],
            "next_order_date" => [Some(1i32), None],
        )
        .expect("clv");
        clv.apply("next_order_date", |c| {
            c.cast(&DataType::Date).expect("date")
        })
        .expect("cast");
        let rows = join_rows(&scores, Some(&clv)).expect("join");
        let ids: Vec<&str> = rows.iter().map(|r| r.customer_id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(rows[0].propensity, Some(0.9));
        assert_eq!(rows[0].clv, None);
        assert_eq!(rows[1].p_alive, Some(0.5));
        assert_eq!(rows[1].clv, Some(30.0));
        assert_eq!(rows[1].next_order_date, NaiveDate::from_ymd_opt(1970, 1, 2));
        assert_eq!(rows[2].churn_risk, None);

        let thresholds = RiskThresholds {
            medium: 0.05,
            high: 0.5,
        };
        let frame = customers_frame(&rows, &thresholds).expect("frame");
        let buckets: Vec<Option<&str>> = frame
            .column("risk_bucket")
            .expect("bucket")
            .str()
            .expect("str")
            .iter()
            .collect();
        assert_eq!(buckets, [Some("medium"), Some("high"), None]);
    }
}

//! The Forecast tab's results: the series of the loaded order lines (shop, per
//! category or per top item) forecast by one background job, plus the operator's
//! what-if scenarios, which are pure functions of the shown forecast (no job).
//!
//! Contract:
//! - A run is a [`Computation`] keyed by its [`ForecastRunParams`] and the store
//!   version (per segment also by the generation of the Segments result it used);
//!   the workspace's update step runs the wanted settings when they were not run
//!   on these inputs, per segment once segments exist ([`Forecast::update`]).
//! - A series that cannot be forecast (too short) is kept with its error text; the
//!   run fails only without dated order lines or when cancelled.
//! - Orders summed without loading (`Store::summed_orders`) give the shop's
//!   series only (`orders::orders_series`); per category, item or segment needs
//!   the lines, and the run fails saying so with the memory figures.
//! - Series are listed in the order `series_from_lines` gives (shop; categories by
//!   name; items by revenue); the breakdown view sorts them itself.
//! - Export is a job that writes [`table::forecast_frame`] (one row per series,
//!   line and period, series in the order the window shows them) atomically
//!   through `crate::export`; `forecast --out` writes the same table.

pub mod averages;
mod orders;
pub mod table;

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};

use crate::analysis::AnalysisError;
use crate::analysis::forecast::backtest::backtest;
use crate::analysis::forecast::scenario::Basis;
use crate::analysis::forecast::{
    Candidate, ForecastParams, Freq, Measure, ModelChoice, ModelKind, Scenario, SeriesBy,
    SeriesForecast, TimeSeries, forecast_many, natural_freq, series_from_table,
};
use crate::analysis::segments::Segmentation;
use crate::data::{FileKind, Store};
use crate::export::{ExportFormat, write_table};
use crate::i18n::{self, Language};
use crate::jobs::{Progress, Slot, Wake};
use crate::tr;
use crate::workspace::segments::SegmentsResults;

use super::computation::{Computation, Computed, Inputs};
use super::settings::SettingsError;
pub use averages::OrderAverages;
pub use orders::orders_series;
use serde::{Deserialize, Serialize};

/// Where a run's series come from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum ForecastSource {
    /// The loaded order lines (measure and series choice apply).
    #[default]
    Orders,
    /// The loaded aggregated series file at this path, as it is.
    SeriesFile(PathBuf),
}

/// What the operator chose for a run: the Forecast tab's settings, the
/// `forecast` command's (`From<&ForecastArgs>`) and a project's (serde; a
/// missing field takes its default).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ForecastRunParams {
    pub source: ForecastSource,
    pub measure: Measure,
    pub freq: Freq,
    pub by: SeriesBy,
    pub horizon: usize,
    pub choice: ModelChoice,
    /// Periods held out at the end and scored (0: none).
    pub holdout: usize,
    /// Rolling-origin backtest folds.
    pub folds: usize,
    /// Main season length; None: the frequency's.
    pub season: Option<usize>,
}

impl ForecastRunParams {
    /// The analysis settings of these: the one place the tab's job and the
    /// command build them.
    pub fn forecast_params(&self) -> ForecastParams {
        ForecastParams {
            horizon: self.horizon,
            holdout: self.holdout,
            folds: self.folds,
            season: self.season,
            choice: self.choice,
        }
    }
}

impl Default for ForecastRunParams {
    fn default() -> Self {
        ForecastRunParams {
            source: ForecastSource::Orders,
            measure: Measure::Revenue,
            freq: Freq::Week,
            by: SeriesBy::Shop,
            horizon: default_horizon(Freq::Week),
            choice: ModelChoice::Auto,
            holdout: ForecastParams::default().holdout,
            folds: ForecastParams::default().folds,
            season: None,
        }
    }
}

impl ForecastRunParams {
    /// The defaults for `store`: the number of orders instead of revenue when
    /// the orders carry no money (`Store::has_money`).
    pub fn default_for(store: &Store) -> Self {
        let measure = match store.has_money() {
            true => Measure::Revenue,
            false => Measure::Orders,
        };
        ForecastRunParams {
            measure,
            ..ForecastRunParams::default()
        }
    }
}

/// The usual horizon of a frequency: 28 days, 12 weeks or 6 months.
pub fn default_horizon(freq: Freq) -> usize {
    match freq {
        Freq::Day => 28,
        Freq::Week => 12,
        Freq::Month => 6,
    }
}

/// One series with its history and its forecast (or why it has none).
#[derive(Clone, Debug)]
pub struct SeriesResult {
    pub series: TimeSeries,
    pub forecast: Result<SeriesForecast, String>,
    /// The naive model's backtest on the same folds, when the choice left it out
    /// (with Auto it is among the candidates): the baseline to compare with.
    pub baseline: Option<Candidate>,
}

/// What a series' growth compares the forecast with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GrowthBase {
    /// The same periods a whole number of seasons earlier (`periods_back`), so a
    /// seasonal low is compared with last season's low, not with the high before.
    SeasonsEarlier { periods_back: usize },
    /// The last periods of the history (less than a season of history before them).
    LastPeriods,
}

impl SeriesResult {
    /// Forecast total over the horizon against the same periods a whole number of
    /// seasons earlier (or, without that much history, the last periods), in
    /// percent, with what it was compared with; None when undefined (no forecast,
    /// nothing to compare with).
    pub fn growth(&self) -> Option<(f64, GrowthBase)> {
        let f = self.forecast.as_ref().ok()?;
        let h = f.forecast.point.len();
        let values = &self.series.values;
        let n = values.len();
        let back = f.season.max(1) * h.div_ceil(f.season.max(1));
        let (base, kind) = match f.season >= 2 && n >= back {
            true => (
                values[n - back..n - back + h].iter().sum::<f64>(),
                GrowthBase::SeasonsEarlier { periods_back: back },
            ),
            false => (
                values[n.saturating_sub(h)..].iter().sum(),
                GrowthBase::LastPeriods,
            ),
        };
        let ahead: f64 = f.forecast.point.iter().sum();
        (base > 0.0).then(|| (100.0 * (ahead - base) / base, kind))
    }

    /// [`SeriesResult::growth`] in percent alone.
    pub fn growth_pct(&self) -> Option<f64> {
        self.growth().map(|(pct, _)| pct)
    }

    /// The chosen model's backtest MASE (None without a forecast).
    pub fn mase(&self) -> Option<f64> {
        let f = self.forecast.as_ref().ok()?;
        f.candidates
            .iter()
            .find(|c| c.model == f.model)
            .map(|c| c.mase)
    }
}

/// One finished run.
#[derive(Clone, Debug)]
pub struct ForecastResults {
    pub params: ForecastRunParams,
    pub series: Vec<SeriesResult>,
    /// Per order over all the kept lines: net revenue (seeds new campaign
    /// scenarios) and units (what a campaign responder adds to a units forecast).
    pub per_order: OrderAverages,
}

impl ForecastResults {
    /// What the forecast counts, for the scenarios: a series file's values
    /// count as revenue.
    pub fn scenario_basis(&self) -> Basis {
        match self.params.source {
            ForecastSource::SeriesFile(_) => Basis::REVENUE,
            ForecastSource::Orders => Basis {
                measure: self.params.measure,
                units_per_order: self.per_order.units.unwrap_or(1.0),
            },
        }
    }
}

/// A what-if the operator keeps, with its name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedScenario {
    pub name: String,
    pub scenario: Scenario,
}

/// What the window asks of the Forecast tab.
#[derive(Clone, Debug, PartialEq)]
pub enum ForecastCommand {
    /// Forecast with these settings (they become the wanted ones).
    Run(ForecastRunParams),
    Cancel,
    /// The operator's scenarios changed (edited in the tab).
    SetScenarios(Vec<NamedScenario>),
    /// Write the shown forecast and the scenarios to this file, as a job: the
    /// series in `order` (indices into the results, the breakdown's order).
    Export {
        path: PathBuf,
        order: Vec<usize>,
    },
}

/// The Forecast computation, its export job and the scenarios.
pub struct Forecast {
    results: Computation<ForecastRunParams, ForecastResults>,
    export: Slot<String>,
    wake: Wake,
    /// The operator's scenarios, drawn side by side against the baseline.
    scenarios: Vec<NamedScenario>,
}

impl Forecast {
    /// No results yet; `wake` is called when a run has news.
    pub fn new(wake: Wake) -> Self {
        Forecast {
            results: Computation::new("forecast", wake.clone()),
            export: Slot::default(),
            wake,
            scenarios: Vec::new(),
        }
    }

    /// The results, the running job and its error.
    pub fn results(&self) -> &Computation<ForecastRunParams, ForecastResults> {
        &self.results
    }

    /// The last export's outcome ("Wrote …") and the running export.
    pub fn export_slot(&self) -> &Slot<String> {
        &self.export
    }

    /// The operator's scenarios.
    pub fn scenarios(&self) -> &[NamedScenario] {
        &self.scenarios
    }

    /// The settings of the next run on `store`: the last asked for (else the
    /// defaults: orders instead of revenue when the orders carry no money), with a
    /// source that is loaded: the orders, or the first series file (at its natural
    /// frequency) when there are no orders.
    pub fn wanted(&self, store: &Store) -> ForecastRunParams {
        let mut wanted = self
            .results
            .requested_params()
            .cloned()
            .unwrap_or_else(|| ForecastRunParams::default_for(store));
        let has_orders = store.has_orders();
        let source_loaded = match &wanted.source {
            ForecastSource::Orders => has_orders,
            ForecastSource::SeriesFile(path) => {
                store.of_kind(FileKind::Series).any(|t| t.path == *path)
            }
        };
        if !source_loaded {
            wanted.source = ForecastSource::Orders;
            if let (Some(table), false) = (store.of_kind(FileKind::Series).next(), has_orders) {
                let freq = natural_freq(table);
                wanted.source = ForecastSource::SeriesFile(table.path.clone());
                wanted.freq = freq;
                wanted.horizon = default_horizon(freq);
            }
        }
        wanted
    }

    /// True when the wanted run is per segment (it then needs segments).
    pub fn wants_segments(&self) -> bool {
        self.results
            .requested_params()
            .is_some_and(|p| p.by == SeriesBy::Segment)
    }

    /// The run's params and the scenarios as a project keeps them:
    /// `{"run": params or null, "scenarios": [...]}`.
    pub fn to_settings(&self) -> serde_json::Value {
        serde_json::json!({
            "run": self.results.requested_params(),
            "scenarios": self.scenarios,
        })
    }

    /// Restores settings written by [`Self::to_settings`]: the scenarios, and the
    /// params as the next run's (as the tab runs them for a new store). A part
    /// that does not read (or a horizon of 0) is left as it is and named in the
    /// error.
    pub fn restore(&mut self, value: &serde_json::Value) -> Result<(), SettingsError> {
        let run = match value.get("run") {
            None | Some(serde_json::Value::Null) => None,
            Some(run) => Some(
                serde_json::from_value::<ForecastRunParams>(run.clone())
                    .map_err(|e| SettingsError::Unreadable(format!("run: {e}")))?,
            ),
        };
        if let Some(params) = &run
            && params.horizon == 0
        {
            return Err(SettingsError::invalid(
                "run.horizon",
                0,
                tr!("workspace-setting-at-least-one"),
            ));
        }
        let scenarios = match value.get("scenarios") {
            None => None,
            Some(list) => Some(
                serde_json::from_value::<Vec<NamedScenario>>(list.clone())
                    .map_err(|e| SettingsError::Unreadable(format!("scenarios: {e}")))?,
            ),
        };
        if let Some(params) = run {
            self.results.prefer(params);
        }
        if let Some(scenarios) = scenarios {
            self.scenarios = scenarios;
        }
        Ok(())
    }

    /// The inputs of `params`: the store, and per segment the Segments result and
    /// the language its series are named in (the segments' proposed names).
    fn inputs(
        params: &ForecastRunParams,
        store_version: u64,
        segments: Option<u64>,
        language: Language,
    ) -> Inputs {
        let inputs = Inputs::of_store(store_version);
        match params.by {
            SeriesBy::Segment => inputs.using(segments).worded_in(language),
            _ => inputs.using(None),
        }
    }

    /// Runs the wanted settings when they were not run on these inputs. A run
    /// per segment waits for `segments` (the current Segments result).
    pub fn update(
        &mut self,
        store: &Store,
        store_version: u64,
        segments: Option<&Computed<SegmentsResults>>,
    ) {
        let wanted = self.wanted(store);
        if wanted.by == SeriesBy::Segment && segments.is_none() {
            return;
        }
        let generation = segments.map(|s| s.generation);
        let inputs = Self::inputs(&wanted, store_version, generation, i18n::language());
        if self.results.needs_run(&wanted, &inputs) {
            self.run(store, store_version, wanted, segments);
        }
    }

    /// Carries out a command of the window.
    pub fn apply(
        &mut self,
        command: ForecastCommand,
        store: &Store,
        store_version: u64,
        segments: Option<&Computed<SegmentsResults>>,
    ) {
        match command {
            ForecastCommand::Run(params) => self.run(store, store_version, params, segments),
            ForecastCommand::Cancel => self.results.cancel(),
            ForecastCommand::SetScenarios(scenarios) => self.scenarios = scenarios,
            ForecastCommand::Export { path, order } => self.export(
                store_version,
                super::export_job::beside_data(store, path),
                order,
            ),
        }
    }

    /// Starts a run (replacing a running one). Per segment it uses `segments`
    /// (the run fails without them).
    fn run(
        &mut self,
        store: &Store,
        store_version: u64,
        params: ForecastRunParams,
        segments: Option<&Computed<SegmentsResults>>,
    ) {
        let generation = segments.map(|s| s.generation);
        let inputs = Self::inputs(&params, store_version, generation, i18n::language());
        let segmentation = segments
            .filter(|_| params.by == SeriesBy::Segment)
            .map(|s| s.value.segmentation.clone());
        let store = store.clone();
        self.results.run(
            params.clone(),
            inputs,
            store.file_names(),
            move |progress| compute(&store, params, segmentation.as_deref(), progress),
        );
    }

    /// Writes the forecast shown on these files with the scenarios, as a job.
    fn export(&mut self, store_version: u64, path: PathBuf, order: Vec<usize>) {
        let results = self.results.current(store_version).map(|c| c.value.clone());
        let scenarios = self.scenarios.clone();
        self.export
            .start("export forecast", self.wake.clone(), move |progress| {
                let results =
                    results.ok_or_else(|| anyhow!(tr!("workspace-no-forecast-to-export")))?;
                let shown = path.display().to_string();
                progress.set_message(tr!("workspace-writing-file", path = shown.as_str()));
                let rows = export(&path, &results, &order, &scenarios)?;
                Ok(tr!(
                    "workspace-wrote-forecast-rows",
                    count = rows.to_string(),
                    path = shown
                ))
            });
    }

    /// Takes finished jobs' results; true when something changed.
    pub fn poll(&mut self) -> bool {
        self.results.poll() | self.export.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.results.is_busy() || self.export.pending().is_some()
    }
}

/// Builds the series and forecasts them all. Per segment, `segments` gives each
/// customer's segment.
pub fn compute(
    store: &Store,
    params: ForecastRunParams,
    segments: Option<&Segmentation>,
    progress: &Progress,
) -> anyhow::Result<ForecastResults> {
    progress.set_message(tr!("workspace-building-series"));
    let (series, per_order) = match &params.source {
        ForecastSource::Orders => orders_series(store, &params, segments, progress)?,
        ForecastSource::SeriesFile(path) => {
            let table = store
                .of_kind(FileKind::Series)
                .find(|t| t.path == *path)
                .ok_or_else(|| {
                    anyhow!(tr!(
                        "workspace-series-file-gone",
                        path = path.display().to_string()
                    ))
                })?;
            let series = series_from_table(table, params.freq).with_context(|| {
                tr!(
                    "workspace-reading-series",
                    path = path.display().to_string()
                )
            })?;
            (vec![series], OrderAverages::default())
        }
    };
    if series.is_empty() {
        return Err(anyhow!(tr!("workspace-no-dated-rows")));
    }
    progress.check()?;
    let series = forecast_all(series, &params, progress)?;
    Ok(ForecastResults {
        params,
        series,
        per_order,
    })
}

/// Forecasts every series with the model the settings choose (by backtest with
/// Auto), each with the naive model's backtest as its baseline when the choice
/// left it out.
pub fn forecast_all(
    series: Vec<TimeSeries>,
    params: &ForecastRunParams,
    progress: &Progress,
) -> anyhow::Result<Vec<SeriesResult>> {
    progress.set_message(tr!("workspace-backtesting"));
    let analysis = params.forecast_params();
    analysis.check()?;
    let forecasts = forecast_many(&series, &analysis, progress)?;
    let mut results = Vec::with_capacity(series.len());
    for (series, forecast) in series.into_iter().zip(forecasts) {
        let baseline = match &forecast {
            Ok(f) if !f.candidates.iter().any(|c| c.model == ModelKind::Naive) => {
                naive_baseline(&series, f.season, &analysis, progress)?
            }
            _ => None,
        };
        results.push(SeriesResult {
            series,
            forecast,
            baseline,
        });
    }
    Ok(results)
}

/// The naive model's backtest of `series` with the run's folds and horizon; None
/// when the series is too short to backtest. Errors only when cancelled.
fn naive_baseline(
    series: &TimeSeries,
    season: usize,
    params: &ForecastParams,
    progress: &Progress,
) -> anyhow::Result<Option<Candidate>> {
    let freq = series.freq;
    let periods_for = move |len: usize| freq.mstl_periods(len);
    match backtest(
        &series.values,
        season,
        &periods_for,
        params.horizon,
        params.folds,
        &[ModelKind::Naive],
        progress,
    ) {
        Ok((mut table, _)) => Ok(table.pop()),
        Err(AnalysisError::Cancelled) => Err(AnalysisError::Cancelled.into()),
        Err(_) => Ok(None),
    }
}

/// Writes the series of `results` at the indices of `order` with the
/// scenario lines (see [`table`]) to `.csv` or `.xlsx`, atomically; the rows
/// written.
pub fn export(
    path: &Path,
    results: &ForecastResults,
    order: &[usize],
    scenarios: &[NamedScenario],
) -> anyhow::Result<usize> {
    let format = ExportFormat::from_path(path)?;
    let frame = table::forecast_frame(&results.series, order, scenarios, results.scenario_basis())?;
    let frame = crate::export::headers::chosen().applied(&frame)?;
    write_table(&frame, path, format)?;
    Ok(frame.height())
}

#[cfg(test)]
pub(crate) mod tests;

//! Automatic model choice by rolling-origin backtest, and forecasting many series.
//!
//! Contract:
//! - Fold k of F ends its training at `n - (F - k)·h` and tests the next `h`
//!   periods (h = the forecast horizon), so the last fold tests the last h periods.
//!   Folds whose training would be shorter than two seasons and two periods are
//!   left out (so the seasonal models can compete) when a fold remains, else
//!   those within the first season (so seasonal naive and MASE are defined),
//!   else those shorter than [`MIN_TRAIN`] periods; with none left the series
//!   is too short (an error naming the lengths).
//! - Each candidate keeps its fold forecasts ([`FoldForecast`], in fold order), so
//!   the chart can draw the backtest over the held-out history.
//! - Each fold is scored by MASE scaled on that fold's training data; a candidate's
//!   score is the mean over folds. A candidate that fails on any fold is listed
//!   with its error and cannot win. The winner has the lowest mean MASE; ties (and
//!   undefined MASE, e.g. a constant series) go to the lower MAE, then to the
//!   earlier model in [`ModelKind::ALL`].
//! - The combination candidate ([`super::combination`]) is scored on the same folds
//!   from the single models' fold forecasts, each fold combining only models ranked
//!   on earlier folds; it is backtested whenever it is a candidate, and with
//!   `--model combination` every single model is backtested to rank its members.
//!   It wins by its [`Contest`] against choosing one model (then it ranks first,
//!   else after every single model); without a contest (one fold, undefined MASE)
//!   it ranks by its mean MASE like a single model.
//! - With a holdout of N periods the choice and the candidate table come from the
//!   history before it; the chosen model then forecasts the holdout, which is
//!   scored, and is refitted on the whole series for the forecast.

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::combination::{self, Contest, MEMBERS};
use super::metrics::{Accuracy, accuracy, mase_scale};
use super::models::{ModelError, ModelKind, PointForecast, predict};
use super::series::TimeSeries;
use crate::analysis::AnalysisError;
use crate::i18n::Phrase;
use crate::jobs::Progress;
use crate::{phrase, tr};

/// The shortest training history a fold may have.
pub const MIN_TRAIN: usize = 8;

/// Backtest folds by default. Three folds of 28 days let a model that fits a
/// few recent weeks (Theta's straight trend) win by luck: on 200 generated
/// daily series with the last 28 days held out (`MB_HOLDOUT=28 MB_SERIES=200
/// MB_FOLDS=F cargo bench --bench forecast`) the automatic choice scored MASE
/// 0.896 with 3 folds, 0.844 with 5 and 0.833 with 8 (1.015, 0.983 and 0.985
/// with drifting levels, `MB_WALK=1`); 5 costs 1.6× the time of 3, 8 costs 2.3×.
pub const DEFAULT_FOLDS: usize = 5;

/// Which models to consider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ModelChoice {
    /// Every model.
    Auto,
    /// The ETS family: simple, Holt, damped, Holt-Winters additive and multiplicative.
    Ets,
    /// One model (still backtested, for its scores).
    Fixed(ModelKind),
}

impl ModelChoice {
    /// The models to backtest.
    pub fn candidates(self) -> Vec<ModelKind> {
        match self {
            ModelChoice::Auto | ModelChoice::Fixed(ModelKind::Combination) => {
                ModelKind::ALL.to_vec()
            }
            ModelChoice::Ets => ModelKind::ETS.to_vec(),
            ModelChoice::Fixed(kind) => vec![kind],
        }
    }

    /// Whether `model` may be the one chosen (a fixed combination backtests the
    /// single models only to rank its members).
    pub fn may_win(self, model: ModelKind) -> bool {
        match self {
            ModelChoice::Fixed(kind) => kind == model,
            ModelChoice::Auto | ModelChoice::Ets => true,
        }
    }
}

/// Settings of a forecast; [`ForecastParams::check`] before any work.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForecastParams {
    /// Periods to forecast (and the backtest horizon).
    pub horizon: usize,
    /// Periods held out at the end and scored (0: none).
    pub holdout: usize,
    /// Backtest folds.
    pub folds: usize,
    /// Main season length; None: the frequency's (7 on days, 52 on weeks, 12 on months).
    pub season: Option<usize>,
    pub choice: ModelChoice,
}

impl Default for ForecastParams {
    fn default() -> Self {
        ForecastParams {
            horizon: 28,
            holdout: 0,
            folds: DEFAULT_FOLDS,
            season: None,
            choice: ModelChoice::Auto,
        }
    }
}

impl ForecastParams {
    /// An error for settings no series could satisfy.
    pub fn check(&self) -> Result<(), AnalysisError> {
        let invalid = |what: String, why: String| Err(AnalysisError::Invalid { what, why });
        if self.horizon == 0 {
            return invalid(
                tr!("analysis-horizon-zero"),
                tr!("analysis-horizon-zero-why"),
            );
        }
        if !(1..=20).contains(&self.folds) {
            return invalid(tr!("analysis-folds"), tr!("analysis-folds-why"));
        }
        if self.season == Some(0) {
            return invalid(tr!("analysis-season-zero"), tr!("analysis-season-zero-why"));
        }
        Ok(())
    }
}

/// One backtest fold's forecast: trained on the periods before `origin`, it
/// forecasts periods `origin..origin + forecast.point.len()` of the series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FoldForecast {
    /// Index in the series of the first forecast period.
    pub origin: usize,
    pub forecast: PointForecast,
    /// The combination's members at this fold (empty for a single model).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<ModelKind>,
}

/// One candidate model's backtest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub model: ModelKind,
    /// Mean over folds (NaN when the model failed).
    pub mase: f64,
    pub smape: f64,
    pub mape: f64,
    pub rmse: f64,
    pub mae: f64,
    /// Why the model could not be scored.
    pub error: Option<Phrase>,
    /// The forecast of each fold run, in fold order (empty when the model failed).
    pub folds: Vec<FoldForecast>,
    /// The combination's members for the forecast: the three best single models of
    /// the whole backtest (empty for a single model).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<ModelKind>,
    /// The combination's contest against choosing one model (None for a single
    /// model, and for a combination scored on one fold).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contest: Option<Contest>,
}

/// A forecast of one series with how its model was chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesForecast {
    pub name: String,
    pub model: ModelKind,
    pub season: usize,
    /// Every candidate, in [`ModelKind::ALL`] order.
    pub candidates: Vec<Candidate>,
    /// Backtest folds actually run.
    pub folds: usize,
    /// Accuracy on the held-out periods, when some were held out.
    pub holdout: Option<Accuracy>,
    /// The held-out periods' forecast (empty without a holdout).
    pub holdout_forecast: PointForecast,
    /// First day of each forecast period.
    pub periods: Vec<NaiveDate>,
    pub forecast: PointForecast,
}

impl SeriesForecast {
    /// The chosen model's backtest fold forecasts (empty when none ran).
    pub fn backtest_folds(&self) -> &[FoldForecast] {
        self.candidates
            .iter()
            .find(|c| c.model == self.model)
            .map_or(&[], |c| c.folds.as_slice())
    }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

/// Backtests `candidates` on `y`: the table in candidate order and the folds run.
pub fn backtest(
    y: &[f64],
    season: usize,
    freq_periods: &dyn Fn(usize) -> Vec<usize>,
    horizon: usize,
    folds: usize,
    candidates: &[ModelKind],
    progress: &Progress,
) -> Result<(Vec<Candidate>, usize), AnalysisError> {
    let n = y.len();
    let origins_from = |shortest: usize| -> Vec<usize> {
        (0..folds)
            .filter_map(|k| n.checked_sub((folds - k) * horizon))
            .filter(|&origin| origin >= shortest)
            .collect()
    };
    // A fold shorter than Holt-Winters needs (two seasons and two periods,
    // MSTL one less) would shut the seasonal models out of the choice (a model
    // that fails a fold cannot win), and one within the first season leaves
    // seasonal naive unscored and MASE undefined: the longest need that still
    // leaves a fold decides.
    let origins = [2 * season + 2, season + 1, MIN_TRAIN]
        .into_iter()
        .map(|shortest| origins_from(shortest.max(MIN_TRAIN)))
        .find(|origins| !origins.is_empty())
        .unwrap_or_default();
    if origins.is_empty() {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-series-periods", n = n.to_string()),
            why: tr!(
                "analysis-series-too-short",
                horizon = horizon.to_string(),
                needed = (MIN_TRAIN + horizon).to_string()
            ),
        });
    }
    let origins_len = origins.len();
    let mut runs: Vec<ModelRun> = Vec::with_capacity(candidates.len());
    for &model in candidates.iter().filter(|m| **m != ModelKind::Combination) {
        let mut run = ModelRun {
            model,
            scores: Vec::with_capacity(origins_len),
            folds: Vec::with_capacity(origins_len),
            error: None,
        };
        for &origin in &origins {
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            let train = &y[..origin];
            let test = &y[origin..origin + horizon];
            match predict(model, train, season, &freq_periods(origin), horizon) {
                Ok(f) => {
                    run.scores
                        .push(accuracy(test, &f.point, mase_scale(train, season)));
                    run.folds.push(FoldForecast {
                        origin,
                        forecast: f,
                        members: Vec::new(),
                    });
                }
                Err(ModelError::TooShort { needed, got, .. }) => {
                    run.error = Some(phrase!(
                        "forecast-not-scored-too-short",
                        needed = needed.to_string(),
                        got = got.to_string(),
                        length = y.len().to_string(),
                    ));
                    break;
                }
                Err(e) => {
                    run.error = Some(Phrase::Verbatim(e.to_string()));
                    break;
                }
            }
        }
        runs.push(run);
    }
    let combined = candidates
        .contains(&ModelKind::Combination)
        .then(|| combination_run(&runs, &origins, y, season, horizon));
    let contest = combined
        .as_ref()
        .filter(|run| run.error.is_none())
        .and_then(|run| combination::contest(&runs, run));
    let mut table: Vec<Candidate> = runs.into_iter().map(ModelRun::into_candidate).collect();
    if let Some(run) = combined {
        let mut candidate = run.into_candidate();
        if candidate.error.is_none() {
            candidate.members = ranked(&table).into_iter().take(MEMBERS).collect();
            candidate.contest = contest;
        }
        table.push(candidate);
    }
    // In candidate order (the combination's place among them included).
    table.sort_by_key(|c| candidates.iter().position(|m| *m == c.model));
    Ok((table, origins_len))
}

/// One model's backtest before it becomes a [`Candidate`]: the forecasts and scores
/// of the folds it ran, in fold order (a prefix of the folds when it failed).
pub struct ModelRun {
    pub model: ModelKind,
    pub scores: Vec<Accuracy>,
    pub folds: Vec<FoldForecast>,
    pub error: Option<Phrase>,
}

impl ModelRun {
    fn into_candidate(self) -> Candidate {
        let figure = |pick: fn(&Accuracy) -> f64| {
            if self.error.is_some() {
                f64::NAN
            } else {
                mean(&self.scores.iter().map(pick).collect::<Vec<_>>())
            }
        };
        Candidate {
            model: self.model,
            mase: figure(|a| a.mase),
            smape: figure(|a| a.smape),
            mape: figure(|a| a.mape),
            rmse: figure(|a| a.rmse),
            mae: figure(|a| a.mae),
            folds: if self.error.is_some() {
                Vec::new()
            } else {
                self.folds
            },
            error: self.error,
            members: Vec::new(),
            contest: None,
        }
    }
}

/// The combination's backtest from the single models' runs (see
/// [`super::combination`]).
fn combination_run(
    runs: &[ModelRun],
    origins: &[usize],
    y: &[f64],
    season: usize,
    horizon: usize,
) -> ModelRun {
    let mut run = ModelRun {
        model: ModelKind::Combination,
        scores: Vec::new(),
        folds: Vec::new(),
        error: None,
    };
    match combination::fold_forecasts(runs, origins.len()) {
        Some(folds) => {
            for ((forecast, members), &origin) in folds.into_iter().zip(origins) {
                let train = &y[..origin];
                let test = &y[origin..origin + horizon];
                run.scores
                    .push(accuracy(test, &forecast.point, mase_scale(train, season)));
                run.folds.push(FoldForecast {
                    origin,
                    forecast,
                    members,
                });
            }
        }
        None => run.error = Some(phrase!("forecast-combination-too-few")),
    }
    run
}

/// The candidates that can win, best first (see the module contract: the
/// combination's place follows its contest).
pub fn ranked(candidates: &[Candidate]) -> Vec<ModelKind> {
    let key = |v: f64| if v.is_nan() { f64::INFINITY } else { v };
    let mut usable: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.error.is_none() && c.mae.is_finite())
        .collect();
    usable.sort_by(|a, b| {
        key(a.mase)
            .total_cmp(&key(b.mase))
            .then(a.mae.total_cmp(&b.mae))
            .then(a.model.cmp(&b.model))
    });
    let mut order: Vec<ModelKind> = usable.iter().map(|c| c.model).collect();
    if let Some(contest) = usable.iter().find_map(|c| c.contest) {
        order.retain(|m| *m != ModelKind::Combination);
        match contest.combination_wins() {
            true => order.insert(0, ModelKind::Combination),
            false => order.push(ModelKind::Combination),
        }
    }
    order
}

/// Chooses a model for `series` by backtest and forecasts it (see the contract).
pub fn forecast_series(
    series: &TimeSeries,
    params: &ForecastParams,
    progress: &Progress,
) -> Result<SeriesForecast, AnalysisError> {
    params.check()?;
    let season = params.season.unwrap_or(series.freq.season_length());
    let freq = series.freq;
    let explicit = params.season;
    let periods_for = move |len: usize| match explicit {
        Some(s) => vec![s],
        None => freq.mstl_periods(len),
    };
    let y = &series.values;
    let n = y.len();
    if params.holdout >= n {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-holdout", holdout = params.holdout.to_string()),
            why: tr!(
                "analysis-holdout-why",
                series = series.name.as_str(),
                n = n.to_string()
            ),
        });
    }
    if let Some(s) = explicit.filter(|&s| s >= n - params.holdout) {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-season", season = s.to_string()),
            why: tr!(
                "analysis-season-too-long",
                series = series.name.as_str(),
                history = (n - params.holdout).to_string(),
                most = ((n - params.holdout) / 2).to_string(),
                default = freq.season_length().to_string()
            ),
        });
    }
    let train = &y[..n - params.holdout];
    let (candidates, folds) = backtest(
        train,
        season,
        &periods_for,
        params.horizon,
        params.folds,
        &params.choice.candidates(),
        progress,
    )?;
    let mut candidates = candidates;
    let order = ranked(&candidates);
    // The combination's members come from the single models, best first.
    let singles: Vec<ModelKind> = order
        .iter()
        .copied()
        .filter(|m| *m != ModelKind::Combination)
        .collect();
    let fit = |model: ModelKind, history: &[f64], horizon: usize| match model {
        ModelKind::Combination => combination::forecast(
            &singles,
            history,
            season,
            &periods_for(history.len()),
            horizon,
        ),
        _ => predict(model, history, season, &periods_for(history.len()), horizon)
            .map(|f| (f, Vec::new())),
    };
    let mut outcome = None;
    for &model in order.iter().filter(|m| params.choice.may_win(**m)) {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        let held = if params.holdout > 0 {
            match fit(model, train, params.holdout) {
                Ok((f, _)) => Some(f),
                Err(_) => continue,
            }
        } else {
            None
        };
        if let Ok((forecast, members)) = fit(model, y, params.horizon) {
            outcome = Some((model, held, forecast, members));
            break;
        }
    }
    let Some((model, held, forecast, members)) = outcome else {
        let reasons: Vec<String> = candidates
            .iter()
            .filter_map(|c| c.error.as_ref().map(|e| format!("{}: {e}", c.model.name())))
            .collect();
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-series", series = series.name.as_str()),
            why: tr!("analysis-no-model", reasons = reasons.join("; ")),
        });
    };
    let holdout = held.as_ref().map(|f| {
        accuracy(
            &y[n - params.holdout..],
            &f.point,
            mase_scale(train, season),
        )
    });
    if model == ModelKind::Combination
        && let Some(c) = candidates.iter_mut().find(|c| c.model == model)
    {
        // The members the forecast used (a member that could not forecast the
        // whole series was passed over for the next best).
        c.members = members;
    }
    let periods = (0..params.horizon)
        .filter_map(|h| series.period(n + h))
        .collect();
    Ok(SeriesForecast {
        name: series.name.clone(),
        model,
        season,
        candidates,
        folds,
        holdout,
        holdout_forecast: held.unwrap_or_default(),
        periods,
        forecast,
    })
}

/// Forecasts every series in parallel (rayon), reporting one step per series.
/// A series that cannot be forecast gets its error message; cancelling stops all.
pub fn forecast_many(
    series: &[TimeSeries],
    params: &ForecastParams,
    progress: &Progress,
) -> Result<Vec<Result<SeriesForecast, String>>, AnalysisError> {
    params.check()?;
    let total = series.len() as u64;
    let done = AtomicU64::new(0);
    progress.report(0, total);
    let results: Vec<Result<SeriesForecast, AnalysisError>> = series
        .par_iter()
        .map(|s| {
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            let result = forecast_series(s, params, progress);
            progress.report(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            result
        })
        .collect();
    if progress.is_cancelled() {
        return Err(AnalysisError::Cancelled);
    }
    Ok(results
        .into_iter()
        .map(|r| r.map_err(|e| e.to_string()))
        .collect())
}

//! Automatic model choice by rolling-origin backtest, and forecasting many series.
//!
//! Contract:
//! - Fold k of F ends its training at `n - (F - k)·h` and tests the next `h`
//!   periods (h = the forecast horizon), so the last fold tests the last h periods.
//!   Folds whose training would be shorter than [`MIN_TRAIN`] periods are left out;
//!   with none left the series is too short (an error naming the lengths).
//! - Each candidate keeps its fold forecasts ([`FoldForecast`], in fold order), so
//!   the chart can draw the backtest over the held-out history.
//! - Each fold is scored by MASE scaled on that fold's training data; a candidate's
//!   score is the mean over folds. A candidate that fails on any fold is listed
//!   with its error and cannot win. The winner has the lowest mean MASE; ties (and
//!   undefined MASE, e.g. a constant series) go to the lower MAE, then to the
//!   earlier model in [`ModelKind::ALL`].
//! - With a holdout of N periods the choice and the candidate table come from the
//!   history before it; the chosen model then forecasts the holdout, which is
//!   scored, and is refitted on the whole series for the forecast.

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::metrics::{Accuracy, accuracy, mase_scale};
use super::models::{ModelError, ModelKind, PointForecast, predict};
use super::series::TimeSeries;
use crate::analysis::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// The shortest training history a fold may have.
pub const MIN_TRAIN: usize = 8;

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
    pub fn candidates(self) -> Vec<ModelKind> {
        match self {
            ModelChoice::Auto => ModelKind::ALL.to_vec(),
            ModelChoice::Ets => ModelKind::ETS.to_vec(),
            ModelChoice::Fixed(kind) => vec![kind],
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
            folds: 3,
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
    pub error: Option<String>,
    /// The forecast of each fold run, in fold order (empty when the model failed).
    pub folds: Vec<FoldForecast>,
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
    let origins: Vec<usize> = (0..folds)
        .filter_map(|k| n.checked_sub((folds - k) * horizon))
        .filter(|&origin| origin >= MIN_TRAIN)
        .collect();
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
    let mut table = Vec::with_capacity(candidates.len());
    for &model in candidates {
        let mut scores: Vec<Accuracy> = Vec::with_capacity(origins.len());
        let mut fold_forecasts = Vec::with_capacity(origins.len());
        let mut error = None;
        for &origin in &origins {
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            let train = &y[..origin];
            let test = &y[origin..origin + horizon];
            match predict(model, train, season, &freq_periods(origin), horizon) {
                Ok(f) => {
                    scores.push(accuracy(test, &f.point, mase_scale(train, season)));
                    fold_forecasts.push(FoldForecast {
                        origin,
                        forecast: f,
                    });
                }
                Err(ModelError::TooShort { needed, got, .. }) => {
                    error = Some(tr!(
                        "forecast-not-scored-too-short",
                        needed = needed.to_string(),
                        got = got.to_string(),
                        length = y.len().to_string(),
                    ));
                    break;
                }
                Err(e) => {
                    error = Some(e.to_string());
                    break;
                }
            }
        }
        let figure = |pick: fn(&Accuracy) -> f64| {
            if error.is_some() {
                f64::NAN
            } else {
                mean(&scores.iter().map(pick).collect::<Vec<_>>())
            }
        };
        table.push(Candidate {
            model,
            mase: figure(|a| a.mase),
            smape: figure(|a| a.smape),
            mape: figure(|a| a.mape),
            rmse: figure(|a| a.rmse),
            mae: figure(|a| a.mae),
            folds: if error.is_some() {
                Vec::new()
            } else {
                fold_forecasts
            },
            error,
        });
    }
    Ok((table, origins.len()))
}

/// The candidates that can win, best first (see the module contract).
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
    usable.into_iter().map(|c| c.model).collect()
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
    let order = ranked(&candidates);
    let mut outcome = None;
    for &model in &order {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        let held = if params.holdout > 0 {
            match predict(
                model,
                train,
                season,
                &periods_for(train.len()),
                params.holdout,
            ) {
                Ok(f) => Some(f),
                Err(_) => continue,
            }
        } else {
            None
        };
        if let Ok(forecast) = predict(model, y, season, &periods_for(n), params.horizon) {
            outcome = Some((model, held, forecast));
            break;
        }
    }
    let Some((model, held, forecast)) = outcome else {
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

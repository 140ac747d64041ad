//! Sales forecasting: series from order lines (or an aggregated series file), models,
//! automatic choice by rolling-origin backtest, intervals, and what-if scenarios.
//!
//! Contract (details in each submodule):
//! - [`series`]: regular series; missing periods are 0, a partial last period is
//!   dropped and flagged.
//! - [`models`]: naive, seasonal naive, ETS (simple, Holt, damped),
//!   Holt-Winters additive and multiplicative (here), MSTL (augurs) with a
//!   (damped Holt) trend, Theta with an optimised theta ([`theta`]) and the mean of
//!   the three best ([`combination`]). Every forecast has 80 % and 95 % intervals.
//! - [`backtest`]: the model with the lowest mean MASE over the folds wins; the
//!   whole candidate table is kept. Many series run in parallel with progress and
//!   cancel.
//! - [`metrics`]: MAE, RMSE, MAPE, sMAPE, MASE.
//! - [`scenario`]: promotion, price change, campaign over a baseline forecast.

pub mod backtest;
pub mod combination;
mod holt;
mod holt_winters;
pub mod metrics;
pub mod models;
mod optimize;
pub mod scenario;
pub mod series;
mod series_file;
mod theta;

pub use backtest::{
    Candidate, DEFAULT_FOLDS, FoldForecast, ForecastParams, ModelChoice, SeriesForecast,
    forecast_many, forecast_series,
};
pub use combination::Contest;
pub use holt_winters::{HoltWinters, HwParams, Seasonality};
pub use metrics::Accuracy;
pub use models::{ModelError, ModelKind, PointForecast};
pub use scenario::Scenario;
pub use series::{
    Freq, Measure, SeriesBy, TimeSeries, series_from_lines, with_segmentation, with_segments,
};
pub use series_file::{natural_freq, series_from_frame, series_from_table};

#[cfg(test)]
mod combination_tests;
#[cfg(test)]
mod tests;

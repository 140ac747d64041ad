//! The forecasting models and one entry point, [`predict`], that fits one to a
//! history and forecasts `horizon` periods with 80 % and 95 % intervals.
//!
//! - Naive (last value) and seasonal naive (value one season ago), with the
//!   analytic intervals σ√h and σ√(⌊(h-1)/m⌋ + 1), σ from the in-sample one-step
//!   (one-season) differences.
//! - ETS without season: simple smoothing, Holt and damped Holt ([`super::holt`];
//!   augurs' AutoETS finds no "ANN" model and is too slow for many series).
//! - Holt-Winters additive and multiplicative ([`super::holt_winters`]).
//! - MSTL by augurs (weekly and yearly seasons on days) with a damped Holt trend
//!   ([`super::holt::HoltTrend`]), intervals from that trend model.
//! - Theta with an optimised theta, seasonally adjusted when the season is
//!   significant ([`super::theta`]).
//! - The combination: the mean of three models ([`super::combination`]); here,
//!   without a backtest to rank them, of simple, Holt and damped smoothing.
//! - No ARIMA: no maintained pure-Rust crate fits one automatically (augurs 0.10
//!   has none; `arima` 0.3 takes the differencing order from the caller and has
//!   no seasonal or AIC search; `oxidiviner` 1.2's automatic choice is a fixed
//!   ARIMA(1,1,1)).
//! - A history with no negative value (revenue, orders, units, customers) is a
//!   measure that cannot go below zero: its forecasts and interval bounds are
//!   truncated at 0 (normal intervals would otherwise reach below it).

use augurs::mstl::MSTLModel;
use augurs::{Fit, Predict};
use serde::{Deserialize, Serialize};

use super::combination;
use super::holt::{self, HoltTrend};
use super::holt_winters::{self, Seasonality};
use super::theta;

/// z of the two-sided 80 % and 95 % normal intervals.
pub const Z80: f64 = 1.281_551_565_5;
pub const Z95: f64 = 1.959_963_985;

/// A forecasting model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ModelKind {
    Naive,
    SeasonalNaive,
    /// ETS(A,N,N).
    EtsSimple,
    /// ETS(A,A,N).
    EtsHolt,
    /// ETS(A,Ad,N).
    EtsDamped,
    HoltWintersAdditive,
    HoltWintersMultiplicative,
    Mstl,
    /// The Theta method with an optimised theta.
    Theta,
    /// The mean of the three best single models.
    Combination,
}

impl ModelKind {
    /// Every model, in the order candidates are listed and ties are broken.
    pub const ALL: [ModelKind; 10] = [
        ModelKind::Naive,
        ModelKind::SeasonalNaive,
        ModelKind::EtsSimple,
        ModelKind::EtsHolt,
        ModelKind::EtsDamped,
        ModelKind::HoltWintersAdditive,
        ModelKind::HoltWintersMultiplicative,
        ModelKind::Mstl,
        ModelKind::Theta,
        ModelKind::Combination,
    ];

    /// The ETS family (what `--model ets` chooses among).
    pub const ETS: [ModelKind; 5] = [
        ModelKind::EtsSimple,
        ModelKind::EtsHolt,
        ModelKind::EtsDamped,
        ModelKind::HoltWintersAdditive,
        ModelKind::HoltWintersMultiplicative,
    ];

    /// The name in the CLI, JSON and exports.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Naive => "naive",
            ModelKind::SeasonalNaive => "seasonal-naive",
            ModelKind::EtsSimple => "ets-simple",
            ModelKind::EtsHolt => "ets-holt",
            ModelKind::EtsDamped => "ets-damped",
            ModelKind::HoltWintersAdditive => "holt-winters-additive",
            ModelKind::HoltWintersMultiplicative => "holt-winters-multiplicative",
            ModelKind::Mstl => "mstl",
            ModelKind::Theta => "theta",
            ModelKind::Combination => "combination",
        }
    }
}

/// Why a model could not forecast a series.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("{model} needs at least {needed} periods of history, the series has {got}")]
    TooShort {
        model: &'static str,
        needed: usize,
        got: usize,
    },
    #[error("a multiplicative season needs every value above 0")]
    NotPositive,
    #[error("{0} did not converge on this series")]
    Diverged(&'static str),
    #[error("{0}")]
    Library(String),
}

/// Point forecasts with their 80 % and 95 % intervals, one entry per period ahead.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PointForecast {
    pub point: Vec<f64>,
    pub lo80: Vec<f64>,
    pub hi80: Vec<f64>,
    pub lo95: Vec<f64>,
    pub hi95: Vec<f64>,
}

impl PointForecast {
    /// Every value below 0 raised to 0.
    fn truncated_at_zero(mut self) -> Self {
        for line in [
            &mut self.point,
            &mut self.lo80,
            &mut self.hi80,
            &mut self.lo95,
            &mut self.hi95,
        ] {
            for v in line.iter_mut() {
                *v = v.max(0.0);
            }
        }
        self
    }

    /// Normal intervals: `point ± z·sd`.
    pub fn normal(point: Vec<f64>, sd: &[f64]) -> Self {
        let band = |z: f64, sign: f64| -> Vec<f64> {
            point
                .iter()
                .zip(sd)
                .map(|(p, s)| p + sign * z * s)
                .collect()
        };
        PointForecast {
            lo80: band(Z80, -1.0),
            hi80: band(Z80, 1.0),
            lo95: band(Z95, -1.0),
            hi95: band(Z95, 1.0),
            point,
        }
    }
}

/// The root mean square of `y[t] - y[t - lag]`.
fn lag_sd(y: &[f64], lag: usize) -> f64 {
    let diffs: Vec<f64> = y[lag..].iter().zip(y).map(|(a, b)| a - b).collect();
    (diffs.iter().map(|d| d * d).sum::<f64>() / diffs.len().max(1) as f64).sqrt()
}

fn too_short(model: &'static str, needed: usize, y: &[f64]) -> Result<(), ModelError> {
    if y.len() < needed {
        Err(ModelError::TooShort {
            model,
            needed,
            got: y.len(),
        })
    } else {
        Ok(())
    }
}

/// Fits `kind` to `y` and forecasts `horizon` periods. `season` is the main season
/// length; `mstl_periods` the seasons MSTL removes.
pub fn predict(
    kind: ModelKind,
    y: &[f64],
    season: usize,
    mstl_periods: &[usize],
    horizon: usize,
) -> Result<PointForecast, ModelError> {
    let forecast = match kind {
        ModelKind::Naive => {
            too_short("naive", 2, y)?;
            let sd = lag_sd(y, 1);
            let last = y[y.len() - 1];
            let sds: Vec<f64> = (1..=horizon).map(|h| sd * (h as f64).sqrt()).collect();
            PointForecast::normal(vec![last; horizon], &sds)
        }
        ModelKind::SeasonalNaive => {
            let m = season.max(1);
            too_short("seasonal naive", m + 1, y)?;
            let sd = lag_sd(y, m);
            let n = y.len();
            let point = (0..horizon).map(|h| y[n - m + h % m]).collect();
            let sds: Vec<f64> = (1..=horizon)
                .map(|h| sd * (((h - 1) / m + 1) as f64).sqrt())
                .collect();
            PointForecast::normal(point, &sds)
        }
        ModelKind::EtsSimple => holt_winters::simple_smoothing(y, horizon)?,
        ModelKind::EtsHolt => holt::fit(y, false)?.forecast(horizon),
        ModelKind::EtsDamped => holt::fit(y, true)?.forecast(horizon),
        ModelKind::HoltWintersAdditive => {
            holt_winters::fit(y, season, Seasonality::Additive)?.forecast(horizon)
        }
        ModelKind::HoltWintersMultiplicative => {
            holt_winters::fit(y, season, Seasonality::Multiplicative)?.forecast(horizon)
        }
        ModelKind::Mstl => mstl(y, mstl_periods, horizon)?,
        ModelKind::Theta => theta::forecast(y, season, horizon)?,
        ModelKind::Combination => {
            combination::forecast(&combination::FIRST_TRIO, y, season, mstl_periods, horizon)?.0
        }
    };
    if forecast.point.iter().any(|v| !v.is_finite()) {
        return Err(ModelError::Diverged(kind.name()));
    }
    match y.iter().all(|v| *v >= 0.0) {
        true => Ok(forecast.truncated_at_zero()),
        false => Ok(forecast),
    }
}

fn library(error: impl std::fmt::Display) -> ModelError {
    ModelError::Library(error.to_string())
}

fn from_augurs(at80: augurs::Forecast, at95: augurs::Forecast) -> PointForecast {
    let (lo80, hi80) = at80
        .intervals
        .map(|i| (i.lower, i.upper))
        .unwrap_or_else(|| (at80.point.clone(), at80.point.clone()));
    let (lo95, hi95) = at95
        .intervals
        .map(|i| (i.lower, i.upper))
        .unwrap_or_else(|| (at95.point.clone(), at95.point.clone()));
    PointForecast {
        point: at80.point,
        lo80,
        hi80,
        lo95,
        hi95,
    }
}

fn mstl(y: &[f64], periods: &[usize], horizon: usize) -> Result<PointForecast, ModelError> {
    let longest = periods.iter().copied().max().unwrap_or(1);
    too_short("MSTL", 2 * longest + 1, y)?;
    let fitted = MSTLModel::new(periods.to_vec(), HoltTrend)
        .fit(y)
        .map_err(library)?;
    let at80 = fitted.predict(horizon, 0.8).map_err(library)?;
    let at95 = fitted.predict(horizon, 0.95).map_err(library)?;
    Ok(from_augurs(at80, at95))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naive_and_seasonal_naive_by_hand() {
        let y = [1.0, 3.0, 2.0, 4.0];
        let naive = predict(ModelKind::Naive, &y, 1, &[], 2).expect("naive");
        assert_eq!(naive.point, vec![4.0, 4.0]);
        // one-step differences 2, -1, 2: σ = sqrt(9 / 3) = √3; h 2 → σ√2.
        let sd = 3f64.sqrt();
        assert!((naive.hi80[0] - 4.0 - Z80 * sd).abs() < 1e-9);
        assert!((naive.hi95[1] - 4.0 - Z95 * sd * 2f64.sqrt()).abs() < 1e-9);
        let seasonal = predict(ModelKind::SeasonalNaive, &y, 2, &[], 3).expect("seasonal");
        assert_eq!(seasonal.point, vec![2.0, 4.0, 2.0]);
        // seasonal differences 1, 1: σ = 1; h 3 is in the second season → √2,
        // so 2 − 1.96·√2 < 0: sales cannot be negative, the bound is cut at 0.
        assert!((seasonal.hi95[2] - (2.0 + Z95 * 2f64.sqrt())).abs() < 1e-9);
        assert_eq!(seasonal.lo95[2], 0.0);
        assert!((seasonal.lo95[1] - (4.0 - Z95)).abs() < 1e-9);
    }

    #[test]
    fn ets_holt_follows_a_linear_trend() {
        let y: Vec<f64> = (0..40).map(|t| 10.0 + 2.0 * t as f64).collect();
        let f = predict(ModelKind::EtsHolt, &y, 1, &[], 3).expect("holt");
        for (h, v) in f.point.iter().enumerate() {
            let expected = 10.0 + 2.0 * (40 + h) as f64;
            assert!((v - expected).abs() < 0.5, "h {h}: {v} vs {expected}");
        }
        assert!(f.lo80[0] <= f.point[0] && f.point[0] <= f.hi80[0]);
        assert!(f.lo95[0] <= f.lo80[0] && f.hi80[0] <= f.hi95[0]);
        let level: Vec<f64> = (0..40)
            .map(|t| 50.0 + if t % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let simple = predict(ModelKind::EtsSimple, &level, 1, &[], 2).expect("simple");
        assert!((simple.point[0] - 50.0).abs() < 1.5, "{:?}", simple.point);
    }

    #[test]
    fn a_measure_that_cannot_be_negative_keeps_its_ranges_at_zero_or_above() {
        // Small counts with big swings: a normal 95 % band reaches far below 0.
        let y: Vec<f64> = (0..30)
            .map(|t| if t % 3 == 0 { 9.0 } else { 0.0 })
            .collect();
        for kind in [ModelKind::Naive, ModelKind::EtsSimple, ModelKind::EtsDamped] {
            let f = predict(kind, &y, 1, &[], 6).expect("forecast");
            for line in [&f.point, &f.lo80, &f.lo95] {
                assert!(line.iter().all(|v| *v >= 0.0), "{kind:?}: {line:?}");
            }
            assert!(f.lo95.contains(&0.0), "{kind:?}: truncated, not shifted");
        }
        // A history with negative values (a net figure) is left as fitted.
        let net: Vec<f64> = y.iter().map(|v| v - 3.0).collect();
        let f = predict(ModelKind::Naive, &net, 1, &[], 2).expect("forecast");
        assert!(f.lo95[0] < -3.0, "{:?}", f.lo95);
    }

    #[test]
    fn too_short_is_a_clear_error() {
        let err = predict(ModelKind::HoltWintersAdditive, &[1.0; 5], 7, &[], 3).unwrap_err();
        assert!(err.to_string().contains("at least 16 periods"), "{err}");
    }
}

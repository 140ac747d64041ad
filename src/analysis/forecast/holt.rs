//! Holt's linear trend, optionally damped: ETS(A,A,N) and ETS(A,Ad,N), also the
//! trend model inside MSTL.
//!
//! Written here rather than taken from augurs: augurs 0.10.3's AutoETS runs up to
//! 2,000 likelihood iterations per fit, which alone took the 1,000-series backtest
//! far past its 10 s target; this fit minimises the squared one-step error with a
//! short Nelder-Mead (a few hundred O(n) passes).
//!
//! Recursions: ŷ = l + φb; e = y - ŷ; l ← l + φb + αe; b ← φb + βe, with
//! 0 < β < α < 1 and φ in 0.8..0.98 when damped (1 otherwise). Initial level y[0],
//! initial trend the mean step over the first week (7 periods, fewer if short).
//! Forecast h: l + (φ + … + φ^h)b; variance σ²(1 + Σ_{j<h} (α + β(φ + … + φ^j))²).

use std::borrow::Cow;

use augurs::mstl::{FittedTrendModel, TrendModel};
use augurs::{Forecast, ForecastIntervals};

use super::models::{ModelError, PointForecast};
use super::optimize::nelder_mead;

/// A fitted Holt model.
#[derive(Clone, Debug)]
pub struct Holt {
    pub alpha: f64,
    pub beta: f64,
    pub phi: f64,
    pub level: f64,
    pub trend: f64,
    /// Variance of the one-step error.
    pub sigma2: f64,
    /// One-step in-sample predictions.
    pub fitted: Vec<f64>,
}

struct Run {
    sse: f64,
    level: f64,
    trend: f64,
    fitted: Vec<f64>,
}

fn run(y: &[f64], alpha: f64, beta: f64, phi: f64, keep_fitted: bool) -> Run {
    let k = (y.len() - 1).min(7);
    let mut level = y[0];
    let mut trend = (y[k] - y[0]) / k as f64;
    let mut sse = 0.0;
    let mut fitted = Vec::with_capacity(if keep_fitted { y.len() } else { 0 });
    for &value in y {
        let predicted = level + phi * trend;
        let e = value - predicted;
        level = predicted + alpha * e;
        trend = phi * trend + beta * e;
        sse += e * e;
        if keep_fitted {
            fitted.push(predicted);
        }
    }
    Run {
        sse,
        level,
        trend,
        fitted,
    }
}

fn params(u: &[f64], damped: bool) -> (f64, f64, f64) {
    let squash = |x: f64| 1.0 / (1.0 + (-x).exp());
    let alpha = 0.001 + 0.998 * squash(u[0]);
    let beta = alpha * squash(u[1]) * 0.999;
    let phi = if damped {
        0.8 + 0.18 * squash(u[2])
    } else {
        1.0
    };
    (alpha, beta, phi)
}

/// Fits Holt's method (damped when `damped`) to `y`.
pub fn fit(y: &[f64], damped: bool) -> Result<Holt, ModelError> {
    if y.len() < 4 {
        return Err(ModelError::TooShort {
            model: "Holt",
            needed: 4,
            got: y.len(),
        });
    }
    let cost = |u: &[f64]| {
        let (a, b, p) = params(u, damped);
        let sse = run(y, a, b, p, false).sse;
        if sse.is_finite() { sse } else { f64::MAX }
    };
    // Start near α 0.3, β* 0.1, φ 0.9.
    let start: &[f64] = if damped {
        &[-0.85, -2.2, 0.0]
    } else {
        &[-0.85, -2.2]
    };
    let best = nelder_mead(cost, start, 1.0, 200);
    let (alpha, beta, phi) = params(&best, damped);
    let fit = run(y, alpha, beta, phi, true);
    if !fit.sse.is_finite() {
        return Err(ModelError::Diverged("Holt"));
    }
    Ok(Holt {
        alpha,
        beta,
        phi,
        level: fit.level,
        trend: fit.trend,
        sigma2: fit.sse / y.len() as f64,
        fitted: fit.fitted,
    })
}

impl Holt {
    /// Point forecasts and their standard deviations.
    pub fn forecast_sd(&self, horizon: usize) -> (Vec<f64>, Vec<f64>) {
        let (mut point, mut sd) = (Vec::with_capacity(horizon), Vec::with_capacity(horizon));
        let mut damping_sum = 0.0; // φ + … + φ^h
        let mut power = 1.0;
        let mut variance_factor = 1.0;
        for h in 1..=horizon {
            if h > 1 {
                // c_{h-1} uses φ + … + φ^(h-1), the sum before this step's term.
                variance_factor += (self.alpha + self.beta * damping_sum).powi(2);
            }
            power *= self.phi;
            damping_sum += power;
            point.push(self.level + damping_sum * self.trend);
            sd.push((self.sigma2 * variance_factor).sqrt());
        }
        (point, sd)
    }

    /// Point forecasts with 80 % and 95 % intervals.
    pub fn forecast(&self, horizon: usize) -> PointForecast {
        let (point, sd) = self.forecast_sd(horizon);
        PointForecast::normal(point, &sd)
    }
}

/// The z of a two-sided normal interval at `level` (0..1), by the rational
/// approximation of Abramowitz and Stegun 26.2.23 (error below 4.5e-4).
fn z_for(level: f64) -> f64 {
    let p = ((1.0 - level) / 2.0).clamp(1e-12, 0.5);
    let t = (-2.0 * p.ln()).sqrt();
    t - (2.515_517 + 0.802_853 * t + 0.010_328 * t * t)
        / (1.0 + 1.432_788 * t + 0.189_269 * t * t + 0.001_308 * t * t * t)
}

/// Damped Holt as MSTL's trend model.
#[derive(Clone, Copy, Debug)]
pub struct HoltTrend;

impl TrendModel for HoltTrend {
    fn name(&self) -> Cow<'_, str> {
        Cow::Borrowed("damped Holt")
    }

    fn fit(
        &self,
        y: &[f64],
    ) -> Result<Box<dyn FittedTrendModel + Sync + Send>, Box<dyn std::error::Error + Send + Sync>>
    {
        Ok(Box::new(fit(y, true)?))
    }
}

fn fill(forecast: &mut Forecast, point: Vec<f64>, sd: &[f64], level: Option<f64>) {
    if let Some(level) = level {
        let z = z_for(level);
        forecast.intervals = Some(ForecastIntervals {
            level,
            lower: point.iter().zip(sd).map(|(p, s)| p - z * s).collect(),
            upper: point.iter().zip(sd).map(|(p, s)| p + z * s).collect(),
        });
    }
    forecast.point = point;
}

impl FittedTrendModel for Holt {
    fn predict_inplace(
        &self,
        horizon: usize,
        level: Option<f64>,
        forecast: &mut Forecast,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let (point, sd) = self.forecast_sd(horizon);
        fill(forecast, point, &sd, level);
        Ok(())
    }

    fn predict_in_sample_inplace(
        &self,
        level: Option<f64>,
        forecast: &mut Forecast,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let sd = vec![self.sigma2.sqrt(); self.fitted.len()];
        fill(forecast, self.fitted.clone(), &sd, level);
        Ok(())
    }

    fn training_data_size(&self) -> Option<usize> {
        Some(self.fitted.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::forecast::models::{Z80, Z95};

    #[test]
    fn a_straight_line_is_continued_exactly() {
        let y: Vec<f64> = (0..30).map(|t| 5.0 + 3.0 * t as f64).collect();
        let model = fit(&y, false).expect("fit");
        let f = model.forecast(3);
        for (h, v) in f.point.iter().enumerate() {
            assert!(
                (v - (5.0 + 3.0 * (30 + h) as f64)).abs() < 1e-9,
                "{:?}",
                f.point
            );
        }
    }

    #[test]
    fn damped_forecast_and_variance_by_hand() {
        let model = Holt {
            alpha: 0.5,
            beta: 0.2,
            phi: 0.9,
            level: 100.0,
            trend: 10.0,
            sigma2: 4.0,
            fitted: Vec::new(),
        };
        let (point, sd) = model.forecast_sd(3);
        // 100 + 9, 100 + 9 + 8.1, 100 + 9 + 8.1 + 7.29.
        assert!((point[0] - 109.0).abs() < 1e-9);
        assert!((point[1] - 117.1).abs() < 1e-9);
        assert!((point[2] - 124.39).abs() < 1e-9);
        // c1 = 0.5 + 0.2·0.9 = 0.68, c2 = 0.5 + 0.2·1.71 = 0.842.
        assert!((sd[0] - 2.0).abs() < 1e-9);
        assert!((sd[1] - (4.0 * (1.0 + 0.68f64.powi(2))).sqrt()).abs() < 1e-9);
        assert!((sd[2] - (4.0 * (1.0 + 0.68f64.powi(2) + 0.842f64.powi(2))).sqrt()).abs() < 1e-9);
    }

    #[test]
    fn z_matches_the_normal_quantiles() {
        assert!((z_for(0.8) - Z80).abs() < 1e-3);
        assert!((z_for(0.95) - Z95).abs() < 1e-3);
    }
}

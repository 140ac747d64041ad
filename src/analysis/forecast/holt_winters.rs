//! Seasonal Holt-Winters exponential smoothing (additive and multiplicative season,
//! additive trend), written here because augurs' ETS has no seasonal models.
//!
//! The model is the error-correction (state space) form, ETS(A,A,A) and ETS(A,A,M):
//! - additive: ŷ = l + b + s; e = y - ŷ; l ← l + b + αe; b ← b + βe; s ← s + γe
//! - multiplicative: ŷ = (l + b)·s; l ← l + b + αe/s; b ← b + βe/s; s ← s + γe/(l + b)
//!
//! with 0 < β < α < 1 and 0 < γ < 1 - α (kept by the parametrisation
//! β = α·β*, γ = (1 - α)·γ*). Initial states come from the first two seasons: the
//! trend from the difference of their means, the level at time 0 from the first
//! mean, each season index from the first season's deviation from that line, so a
//! series that is exactly linear plus a repeating season is fitted without error.
//! Parameters minimise the in-sample squared one-step error (Nelder-Mead).
//!
//! Intervals: additive, the ETS(A,A,A) variance σ²(1 + Σ_{j<h} (α + jβ + γ·[m | j])²);
//! multiplicative, the same factor applied to the relative error σ of ŷ (an
//! approximation: ETS(A,A,M) has no closed form).

use super::models::{ModelError, PointForecast};
use super::optimize::nelder_mead;

/// How the season combines with level and trend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seasonality {
    Additive,
    Multiplicative,
}

/// Smoothing parameters in the state space form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HwParams {
    pub alpha: f64,
    pub beta: f64,
    pub gamma: f64,
}

/// A fitted Holt-Winters model: its final states and error variance.
#[derive(Clone, Debug)]
pub struct HoltWinters {
    pub season: usize,
    pub seasonality: Seasonality,
    pub params: HwParams,
    pub level: f64,
    pub trend: f64,
    /// Season indices for the next `season` periods, the next one first.
    pub seasonals: Vec<f64>,
    /// Variance of the one-step error (relative error when multiplicative).
    pub sigma2: f64,
}

struct States {
    level: f64,
    trend: f64,
    seasonals: Vec<f64>,
}

fn initial_states(y: &[f64], m: usize, seasonality: Seasonality) -> States {
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    let first = mean(&y[..m]);
    let second = mean(&y[m..2 * m]);
    let trend = (second - first) / m as f64;
    // The first season's mean sits at time (m + 1) / 2 with y[0] at time 1.
    let level = first - trend * (m as f64 + 1.0) / 2.0;
    let seasonals = (0..m)
        .map(|i| {
            let line = level + trend * (i as f64 + 1.0);
            match seasonality {
                Seasonality::Additive => y[i] - line,
                Seasonality::Multiplicative => y[i] / line,
            }
        })
        .collect();
    States {
        level,
        trend,
        seasonals,
    }
}

/// Runs the recursions over `y`; returns the sum of squared (relative) one-step
/// errors and the final states (season indices rotated so the next comes first).
fn run(y: &[f64], m: usize, kind: Seasonality, p: HwParams, init: &States) -> (f64, States) {
    let mut level = init.level;
    let mut trend = init.trend;
    let mut seasonals = init.seasonals.clone();
    let mut sse = 0.0;
    for (t, &value) in y.iter().enumerate() {
        let s = seasonals[t % m];
        let base = level + trend;
        match kind {
            Seasonality::Additive => {
                let e = value - (base + s);
                level = base + p.alpha * e;
                trend += p.beta * e;
                seasonals[t % m] = s + p.gamma * e;
                sse += e * e;
            }
            Seasonality::Multiplicative => {
                let fitted = base * s;
                let e = value - fitted;
                level = base + p.alpha * e / s;
                trend += p.beta * e / s;
                seasonals[t % m] = s + p.gamma * e / base;
                sse += if fitted.abs() > f64::EPSILON {
                    (e / fitted).powi(2)
                } else {
                    f64::INFINITY
                };
            }
        }
    }
    seasonals.rotate_left(y.len() % m);
    (
        sse,
        States {
            level,
            trend,
            seasonals,
        },
    )
}

fn params_from(u: &[f64]) -> HwParams {
    let squash = |x: f64| 1.0 / (1.0 + (-x).exp());
    let alpha = 0.001 + 0.998 * squash(u[0]);
    HwParams {
        alpha,
        beta: alpha * squash(u[1]) * 0.999,
        gamma: (1.0 - alpha) * squash(u[2]) * 0.999,
    }
}

/// Fits with given parameters (no search).
pub fn fit_with(
    y: &[f64],
    season: usize,
    seasonality: Seasonality,
    params: HwParams,
) -> Result<HoltWinters, ModelError> {
    check(y, season, seasonality)?;
    let init = initial_states(y, season, seasonality);
    let (sse, states) = run(y, season, seasonality, params, &init);
    if !sse.is_finite() || !states.level.is_finite() {
        return Err(ModelError::Diverged("Holt-Winters"));
    }
    Ok(HoltWinters {
        season,
        seasonality,
        params,
        level: states.level,
        trend: states.trend,
        seasonals: states.seasonals,
        sigma2: sse / y.len() as f64,
    })
}

fn check(y: &[f64], season: usize, seasonality: Seasonality) -> Result<(), ModelError> {
    if season < 2 || y.len() < 2 * season + 2 {
        return Err(ModelError::TooShort {
            model: "Holt-Winters",
            needed: 2 * season.max(2) + 2,
            got: y.len(),
        });
    }
    if seasonality == Seasonality::Multiplicative && y.iter().any(|v| *v <= 0.0) {
        return Err(ModelError::NotPositive);
    }
    Ok(())
}

/// Fits by minimising the in-sample squared one-step error.
pub fn fit(y: &[f64], season: usize, seasonality: Seasonality) -> Result<HoltWinters, ModelError> {
    check(y, season, seasonality)?;
    let init = initial_states(y, season, seasonality);
    let cost = |u: &[f64]| {
        let (sse, _) = run(y, season, seasonality, params_from(u), &init);
        if sse.is_finite() { sse } else { f64::MAX }
    };
    // Start near α 0.3, β* 0.1, γ* 0.1.
    let best = nelder_mead(cost, &[-0.85, -2.2, -2.2], 1.0, 150);
    fit_with(y, season, seasonality, params_from(&best))
}

impl HoltWinters {
    /// Point forecasts and 80 % / 95 % intervals for `horizon` periods.
    pub fn forecast(&self, horizon: usize) -> PointForecast {
        let p = self.params;
        let mut variance_factor = 1.0;
        let mut point = Vec::with_capacity(horizon);
        let mut spread = Vec::with_capacity(horizon);
        for h in 1..=horizon {
            if h > 1 {
                let j = (h - 1) as f64;
                let seasonal = if (h - 1) % self.season == 0 {
                    p.gamma
                } else {
                    0.0
                };
                variance_factor += (p.alpha + j * p.beta + seasonal).powi(2);
            }
            let s = self.seasonals[(h - 1) % self.season];
            let base = self.level + h as f64 * self.trend;
            let value = match self.seasonality {
                Seasonality::Additive => base + s,
                Seasonality::Multiplicative => base * s,
            };
            let sd = (self.sigma2 * variance_factor).sqrt();
            point.push(value);
            spread.push(match self.seasonality {
                Seasonality::Additive => sd,
                Seasonality::Multiplicative => sd * value.abs(),
            });
        }
        PointForecast::normal(point, &spread)
    }
}

/// Simple exponential smoothing, ETS(A,N,N): l ← l + αe with l0 = y[0] and α
/// minimising the squared one-step error; intervals σ²(1 + (h - 1)α²). Written here
/// because augurs 0.10.3's "ANN" search finds no model.
pub fn simple_smoothing(y: &[f64], horizon: usize) -> Result<PointForecast, ModelError> {
    if y.len() < 3 {
        return Err(ModelError::TooShort {
            model: "simple exponential smoothing",
            needed: 3,
            got: y.len(),
        });
    }
    let run = |alpha: f64| {
        let mut level = y[0];
        let mut sse = 0.0;
        for &value in &y[1..] {
            let e = value - level;
            level += alpha * e;
            sse += e * e;
        }
        (sse, level)
    };
    let squash = |u: f64| 0.001 + 0.998 / (1.0 + (-u).exp());
    let best = nelder_mead(|u| run(squash(u[0])).0, &[-0.85], 1.0, 80);
    let alpha = squash(best[0]);
    let (sse, level) = run(alpha);
    let sigma2 = sse / (y.len() - 1) as f64;
    let sd: Vec<f64> = (1..=horizon)
        .map(|h| (sigma2 * (1.0 + (h as f64 - 1.0) * alpha * alpha)).sqrt())
        .collect();
    Ok(PointForecast::normal(vec![level; horizon], &sd))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_trend_and_season_is_forecast_exactly() {
        let season = [3.0, -1.0, -4.0, 2.0];
        let y: Vec<f64> = (0..24)
            .map(|t| 50.0 + 2.0 * (t + 1) as f64 + season[t % 4])
            .collect();
        let model = fit(&y, 4, Seasonality::Additive).expect("fit");
        let forecast = model.forecast(6);
        for (h, value) in forecast.point.iter().enumerate() {
            let t = 24 + h;
            let expected = 50.0 + 2.0 * (t + 1) as f64 + season[t % 4];
            assert!(
                (value - expected).abs() < 1e-6,
                "h {h}: {value} vs {expected}"
            );
        }
        assert!(model.sigma2 < 1e-12);
    }

    #[test]
    fn additive_recursion_matches_hand_computed_values() {
        // m = 2, y = 10, 20, 12, 22, 15, 24; α 0.5, β 0.1, γ 0.2.
        // Init: means 15 and 17 → b0 = 1, l0 = 15 - 1.5 = 13.5, s = (10 - 14.5, 20 - 15.5)
        // = (-4.5, 4.5). t0: ŷ = 14.5 - 4.5 = 10, e 0 → l 14.5, b 1, s0 -4.5.
        // t1: ŷ = 15.5 + 4.5 = 20, e 0 → l 15.5. t2: ŷ = 16.5 - 4.5 = 12, e 0 → l 16.5.
        // t3: ŷ = 17.5 + 4.5 = 22, e 0 → l 17.5. t4: ŷ = 18.5 - 4.5 = 14, e 1 →
        // l 19, b 1.1, s0 -4.3. t5: ŷ = 20.1 + 4.5 = 24.6, e -0.6 → l 19.8,
        // b 1.04, s1 4.38. Forecast h1 = l + b + s0 = 19.8 + 1.04 - 4.3 = 16.54,
        // h2 = l + 2b + s1 = 19.8 + 2.08 + 4.38 = 26.26, h3 = 19.8 + 3.12 - 4.3 = 18.62.
        let y = [10.0, 20.0, 12.0, 22.0, 15.0, 24.0];
        let params = HwParams {
            alpha: 0.5,
            beta: 0.1,
            gamma: 0.2,
        };
        let model = fit_with(&y, 2, Seasonality::Additive, params).expect("fit");
        assert!((model.level - 19.8).abs() < 1e-9);
        assert!((model.trend - 1.04).abs() < 1e-9);
        let f = model.forecast(3);
        assert!((f.point[0] - 16.54).abs() < 1e-9, "{:?}", f.point);
        assert!((f.point[1] - 26.26).abs() < 1e-9, "{:?}", f.point);
        assert!((f.point[2] - 18.62).abs() < 1e-9, "{:?}", f.point);
        // σ² = (1 + 0.36) / 6; variance factors: h2 1 + (α + β)² = 1.36, h3 adds
        // (α + 2β + γ)² = 0.81 (j = 2 is a whole season) → 2.17.
        let sigma2: f64 = 1.36 / 6.0;
        assert!((f.hi80[0] - f.point[0] - 1.2815516 * sigma2.sqrt()).abs() < 1e-6);
        assert!((f.hi95[1] - f.point[1] - 1.9599640 * (sigma2 * 1.36).sqrt()).abs() < 1e-6);
        assert!((f.point[2] - f.lo95[2] - 1.9599640 * (sigma2 * 2.17).sqrt()).abs() < 1e-6);
    }

    #[test]
    fn simple_smoothing_by_hand() {
        // A constant series: the level is the constant, σ = 0.
        let flat = simple_smoothing(&[5.0; 6], 3).expect("flat");
        assert_eq!(flat.point, vec![5.0; 3]);
        assert_eq!(flat.hi95, vec![5.0; 3]);
        // A step from 0 to 10 at t 3: any α < 1 leaves the level below 10, the
        // best α is near 1 (errors after the step shrink as α grows).
        let step = simple_smoothing(&[0.0, 0.0, 0.0, 10.0, 10.0, 10.0, 10.0], 1).expect("step");
        assert!(
            step.point[0] > 9.9 && step.point[0] <= 10.0,
            "{:?}",
            step.point
        );
    }

    #[test]
    fn multiplicative_season_is_recovered() {
        let factors = [0.8, 1.0, 1.4, 0.8];
        let y: Vec<f64> = (0..32)
            .map(|t| (100.0 + 3.0 * (t + 1) as f64) * factors[t % 4])
            .collect();
        let model = fit(&y, 4, Seasonality::Multiplicative).expect("fit");
        let forecast = model.forecast(4);
        for (h, value) in forecast.point.iter().enumerate() {
            let t = 32 + h;
            let expected = (100.0 + 3.0 * (t + 1) as f64) * factors[t % 4];
            assert!(
                (value - expected).abs() / expected < 0.02,
                "h {h}: {value} vs {expected}"
            );
        }
        assert!(matches!(
            fit(
                &[1.0, 0.0, 2.0, 3.0, 1.0, 2.0, 1.0, 1.0],
                2,
                Seasonality::Multiplicative
            ),
            Err(ModelError::NotPositive)
        ));
    }
}

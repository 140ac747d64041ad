//! The Theta method with an optimised theta (Fiorucci et al. 2016, "Models for
//! optimising the theta method"; the standard method of Assimakopoulos and
//! Nikolopoulos is the special case θ = 2, SES with drift half the slope of the
//! linear trend, Hyndman and Billah 2003).
//!
//! State space form (as statsforecast's OptimizedTheta): A and B are the intercept
//! and slope of the least-squares line through the history (time 1..n); with
//! w = 1 - 1/θ the one-step prediction at time t (0-based) is
//! μ_t = ℓ_{t-1} + w·(A(1-α)^t + B(1-(1-α)^{t+1})/α), and ℓ_t = αy_t + (1-α)ℓ_{t-1}.
//! Forecasts run the same recursion feeding μ back as the observation. α (0.1..0.99),
//! θ (≥ 1) and the initial level ℓ_{-1} minimise the in-sample squared one-step
//! error, skipping the first three (Nelder-Mead).
//!
//! Season: when the series has a season m ≥ 4, at least two seasons of history and
//! its autocorrelation at lag m passes the 90 % test |r_m| > 1.645·√((1 + 2Σ_{k<m} r_k²)/n),
//! the series is seasonally adjusted by classical multiplicative decomposition
//! (additive when a value is not above 0 or an index falls below 0.01), the
//! adjusted series is forecast and the season put back.
//!
//! Intervals: normal, with the variance of SES with drift σ²(1 + (h-1)α²), σ² the
//! in-sample one-step mean squared error; the season scales (or shifts) point and
//! bounds alike.

use super::models::{ModelError, PointForecast};
use super::optimize::nelder_mead;

/// A fitted Theta model on the (seasonally adjusted) series.
#[derive(Clone, Debug)]
pub struct Theta {
    pub alpha: f64,
    pub theta: f64,
    /// Level after the last observation.
    level: f64,
    intercept: f64,
    slope: f64,
    /// Periods of history (the time index of the first forecast).
    n: usize,
    sigma2: f64,
}

/// A seasonal adjustment: one index per position in the season.
#[derive(Clone, Debug, PartialEq)]
enum Adjustment {
    None,
    Multiplicative(Vec<f64>),
    Additive(Vec<f64>),
}

/// The least-squares line through `y` at times 1..n: (intercept, slope).
fn line(y: &[f64]) -> (f64, f64) {
    let n = y.len() as f64;
    let mean = y.iter().sum::<f64>() / n;
    let weighted = y
        .iter()
        .enumerate()
        .map(|(i, v)| (i + 1) as f64 * v)
        .sum::<f64>()
        / n;
    let slope = 6.0 * (2.0 * weighted - (n + 1.0) * mean) / (n * n - 1.0);
    (mean - (n + 1.0) * slope / 2.0, slope)
}

/// The drift term w·(A(1-α)^t + B(1-(1-α)^{t+1})/α) of the prediction at time t.
fn drift(t: usize, alpha: f64, w: f64, intercept: f64, slope: f64) -> f64 {
    let keep = 1.0 - alpha;
    w * (intercept * keep.powi(t as i32) + slope * (1.0 - keep.powi(t as i32 + 1)) / alpha)
}

/// Runs the recursion: the sum of squared one-step errors after the first three
/// and the final level.
fn run(y: &[f64], alpha: f64, w: f64, initial: f64, a: f64, b: f64) -> (f64, f64) {
    let keep = 1.0 - alpha;
    let mut level = initial;
    let mut sse = 0.0;
    // (1-α)^t carried along: the fit runs hundreds of times, powi each step would
    // triple its cost.
    let mut keep_t = 1.0;
    for (t, &value) in y.iter().enumerate() {
        let predicted = level + w * (a * keep_t + b * (1.0 - keep_t * keep) / alpha);
        if t >= 3 {
            sse += (value - predicted).powi(2);
        }
        level = alpha * value + keep * level;
        keep_t *= keep;
    }
    (sse, level)
}

/// α, w = 1 - 1/θ and the initial level from the optimiser's free coordinates.
fn params(u: &[f64], scale: f64) -> (f64, f64, f64) {
    let squash = |x: f64| 1.0 / (1.0 + (-x).exp());
    // θ ≥ 1 is w in [0, 1); w capped at 0.999 (θ ≤ 1000) keeps 1/(1 - w) finite.
    (
        0.1 + 0.89 * squash(u[0]),
        0.999 * squash(u[1]),
        u[2] * scale,
    )
}

/// Fits the optimised Theta model to an already adjusted series.
fn fit_adjusted(y: &[f64]) -> Result<Theta, ModelError> {
    let (a, b) = line(y);
    // The initial level is searched in units of the series' size so one simplex
    // step means the same on sales of 5 or of 5 million.
    let scale = y.iter().map(|v| v.abs()).sum::<f64>() / y.len() as f64;
    let scale = if scale > 0.0 { scale } else { 1.0 };
    let cost = |u: &[f64]| {
        let (alpha, w, initial) = params(u, scale);
        let sse = run(y, alpha, w, initial, a, b).0;
        if sse.is_finite() { sse } else { f64::MAX }
    };
    // Start as statsforecast does: α 0.5, θ 2 (w ½), initial level y[0]/2.
    let best = nelder_mead(cost, &[-0.09, 0.0, y[0] / 2.0 / scale], 0.5, 200);
    let (alpha, w, initial) = params(&best, scale);
    let (sse, level) = run(y, alpha, w, initial, a, b);
    if !sse.is_finite() || !level.is_finite() {
        return Err(ModelError::Diverged("Theta"));
    }
    Ok(Theta {
        alpha,
        theta: 1.0 / (1.0 - w),
        level,
        intercept: a,
        slope: b,
        n: y.len(),
        sigma2: sse / (y.len() - 3) as f64,
    })
}

impl Theta {
    /// Point forecasts of the adjusted series and their standard deviations.
    fn forecast_sd(&self, horizon: usize) -> (Vec<f64>, Vec<f64>) {
        let w = 1.0 - 1.0 / self.theta;
        let mut level = self.level;
        let mut point = Vec::with_capacity(horizon);
        let mut sd = Vec::with_capacity(horizon);
        for h in 0..horizon {
            let mu = level + drift(self.n + h, self.alpha, w, self.intercept, self.slope);
            level = self.alpha * mu + (1.0 - self.alpha) * level;
            point.push(mu);
            sd.push((self.sigma2 * (1.0 + h as f64 * self.alpha * self.alpha)).sqrt());
        }
        (point, sd)
    }
}

/// Autocorrelations r_1..r_m of `y` (None for a constant series).
fn acf(y: &[f64], m: usize) -> Option<Vec<f64>> {
    let n = y.len() as f64;
    let mean = y.iter().sum::<f64>() / n;
    let variance: f64 = y.iter().map(|v| (v - mean).powi(2)).sum();
    if variance <= f64::EPSILON * mean.abs().max(1.0) {
        return None;
    }
    Some(
        (1..=m)
            .map(|k| {
                y[k..]
                    .iter()
                    .zip(y)
                    .map(|(a, b)| (a - mean) * (b - mean))
                    .sum::<f64>()
                    / variance
            })
            .collect(),
    )
}

/// Whether the autocorrelation at lag m is significant at 90 % (two-sided).
fn is_seasonal(y: &[f64], m: usize) -> bool {
    if m < 4 || y.len() < 2 * m {
        return false;
    }
    let Some(r) = acf(y, m) else {
        return false;
    };
    let sum: f64 = r[..m - 1].iter().map(|v| v * v).sum();
    let limit = 1.644_853_627 * ((1.0 + 2.0 * sum) / y.len() as f64).sqrt();
    r[m - 1].abs() > limit
}

/// The classical decomposition's season indices of `y` (positions 0..m of the
/// series), from the centred moving average of one season (2×m when m is even).
fn season_indices(y: &[f64], m: usize, multiplicative: bool) -> Vec<f64> {
    let n = y.len();
    let half = m / 2;
    let mut sums = vec![0.0; m];
    let mut counts = vec![0usize; m];
    for t in half..n - half {
        let trend = if m.is_multiple_of(2) {
            (y[t - half] / 2.0 + y[t + 1 - half..t + half].iter().sum::<f64>() + y[t + half] / 2.0)
                / m as f64
        } else {
            y[t - half..=t + half].iter().sum::<f64>() / m as f64
        };
        sums[t % m] += if multiplicative {
            y[t] / trend
        } else {
            y[t] - trend
        };
        counts[t % m] += 1;
    }
    let raw: Vec<f64> = sums
        .iter()
        .zip(&counts)
        .map(|(s, &c)| s / c.max(1) as f64)
        .collect();
    let centre = raw.iter().sum::<f64>() / m as f64;
    raw.iter()
        .map(|v| {
            if multiplicative {
                v / centre
            } else {
                v - centre
            }
        })
        .collect()
}

fn adjustment(y: &[f64], m: usize) -> Adjustment {
    if !is_seasonal(y, m) {
        return Adjustment::None;
    }
    if y.iter().all(|v| *v > 0.0) {
        let indices = season_indices(y, m, true);
        if indices.iter().all(|v| v.is_finite() && *v >= 0.01) {
            return Adjustment::Multiplicative(indices);
        }
    }
    Adjustment::Additive(season_indices(y, m, false))
}

/// Fits the optimised Theta model to `y` with season `season` and forecasts
/// `horizon` periods (see the module contract).
pub fn forecast(y: &[f64], season: usize, horizon: usize) -> Result<PointForecast, ModelError> {
    if y.len() < 5 {
        return Err(ModelError::TooShort {
            model: "Theta",
            needed: 5,
            got: y.len(),
        });
    }
    let m = season.max(1);
    let adjust = adjustment(y, m);
    let adjusted: Vec<f64> = match &adjust {
        Adjustment::None => y.to_vec(),
        Adjustment::Multiplicative(s) => y.iter().enumerate().map(|(t, v)| v / s[t % m]).collect(),
        Adjustment::Additive(s) => y.iter().enumerate().map(|(t, v)| v - s[t % m]).collect(),
    };
    let model = fit_adjusted(&adjusted)?;
    let (point, sd) = model.forecast_sd(horizon);
    let n = y.len();
    let mut f = PointForecast::normal(point, &sd);
    if let Adjustment::Multiplicative(s) | Adjustment::Additive(s) = &adjust {
        let multiplicative = matches!(adjust, Adjustment::Multiplicative(_));
        for line in [
            &mut f.point,
            &mut f.lo80,
            &mut f.hi80,
            &mut f.lo95,
            &mut f.hi95,
        ] {
            for (h, v) in line.iter_mut().enumerate() {
                let index = s[(n + h) % m];
                *v = if multiplicative {
                    *v * index
                } else {
                    *v + index
                };
            }
        }
    }
    Ok(f)
}

/// The fitted model of `y` without seasonal adjustment (its θ and α for tests).
#[cfg(test)]
pub(super) fn fitted(y: &[f64]) -> Result<Theta, ModelError> {
    fit_adjusted(y)
}

#[cfg(test)]
mod tests {
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use super::*;

    #[test]
    fn the_line_is_least_squares() {
        let y: Vec<f64> = (1..=10).map(|t| 3.0 + 2.0 * t as f64).collect();
        let (a, b) = line(&y);
        assert!((a - 3.0).abs() < 1e-9 && (b - 2.0).abs() < 1e-9, "{a} {b}");
    }

    #[test]
    fn standard_theta_is_ses_with_half_the_slope_as_drift() {
        // Hyndman & Billah: with θ = 2 the forecast grows by B/2 a period far ahead.
        let model = Theta {
            alpha: 0.3,
            theta: 2.0,
            level: 100.0,
            intercept: 0.0,
            slope: 4.0,
            n: 200,
            sigma2: 1.0,
        };
        let (point, sd) = model.forecast_sd(3);
        assert!((point[1] - point[0] - 2.0).abs() < 1e-6, "{point:?}");
        assert!((point[2] - point[1] - 2.0).abs() < 1e-6, "{point:?}");
        assert!((sd[1] - (1.0 + 0.09f64).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn the_seasonality_test_finds_a_weekly_pattern_and_not_noise() {
        let weekly: Vec<f64> = (0..70)
            .map(|t| 100.0 + if t % 7 >= 5 { 40.0 } else { 0.0 } + (t % 3) as f64)
            .collect();
        assert!(is_seasonal(&weekly, 7));
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let flat: Vec<f64> = (0..70)
            .map(|_| 100.0 + rng.random_range(0.0..10.0))
            .collect();
        assert!(!is_seasonal(&flat, 7));
        assert!(!is_seasonal(&[5.0; 70], 7));
        let s = season_indices(&weekly, 7, true);
        assert!((s.iter().sum::<f64>() - 7.0).abs() < 1e-9, "{s:?}");
        assert!(s[5] > 1.2 && s[0] < 0.95, "{s:?}");
    }
}

//! L2-penalised logistic regression by Newton's method (iteratively reweighted
//! least squares) on standardised features.
//!
//! Contract:
//! - Objective (linfa-logistic's, which this replaces, so the fit and its AUC are
//!   the same): `Σᵢ ln(1 + e^(−yᵢ zᵢ)) + α/2 · ‖w‖²` with `zᵢ = xᵢ·w + b`,
//!   `yᵢ = ±1`; the intercept `b` is not penalised. The sum is over rows, not a
//!   mean, so `α` weighs the same against the data as before.
//! - Each iteration accumulates the gradient and the (d + 1) × (d + 1) Hessian
//!   `Xᵀ S X + α I` over fixed blocks of rows in parallel, adds the blocks in
//!   block order (the result does not depend on the number of threads), and
//!   solves the Newton step by Cholesky; a step that does not lower the
//!   objective enough is halved (Armijo). With α = 0 and a Hessian that is not
//!   positive definite (a constant column, separable data) a small ridge keeps
//!   the step defined.
//! - Converged when the Newton decrement `gᵀ H⁻¹ g / 2` (the improvement the
//!   quadratic model still promises) is at most 1e-18 × (1 + objective), or when
//!   no step lowers the objective or moves the point any more (flat to rounding
//!   after the first step); otherwise an error after [`MAX_ITERATIONS`]. Below a
//!   decrement of 1e-10 × (1 + objective) the fall is lost in the objective's
//!   rounding, so the full Newton step is taken without the Armijo test.
//! - Cancel is checked between iterations.

use ndarray::{Array2, ArrayView1};
use rayon::prelude::*;

use crate::analysis::clv::optim::newton_direction;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// Newton iterations before the fit gives up (it takes about 6–10).
pub const MAX_ITERATIONS: usize = 100;
/// Rows per block of the parallel sums.
const BLOCK: usize = 4096;

/// A fitted logistic regression on standardised features.
#[derive(Clone, Debug, PartialEq)]
pub struct Logistic {
    /// One per feature; positive raises the probability of `true`.
    pub coefficients: Vec<f64>,
    pub intercept: f64,
}

impl Logistic {
    /// The probability of `true` for `row` (standardised).
    pub fn probability(&self, row: &ArrayView1<f64>) -> f64 {
        sigmoid(self.score(row))
    }

    fn score(&self, row: &ArrayView1<f64>) -> f64 {
        row.iter()
            .zip(&self.coefficients)
            .map(|(x, w)| x * w)
            .sum::<f64>()
            + self.intercept
    }

    /// The probability of `true` for every row of `x` (standardised).
    pub fn predict(&self, x: &Array2<f64>) -> Vec<f64> {
        let rows: Vec<usize> = (0..x.nrows()).collect();
        rows.par_chunks(BLOCK)
            .flat_map_iter(|block| block.iter().map(|&r| self.probability(&x.row(r))))
            .collect()
    }
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// `ln(1 + e^(−m))` without overflow.
fn log_loss(margin: f64) -> f64 {
    if margin > 0.0 {
        (-margin).exp().ln_1p()
    } else {
        -margin + margin.exp().ln_1p()
    }
}

/// Objective, gradient and Hessian (row-major, (d + 1)², the intercept last) at
/// `theta` = (w, b).
struct Sums {
    value: f64,
    gradient: Vec<f64>,
    hessian: Vec<f64>,
}

/// The data part of the objective (and, with `second`, its gradient and
/// Hessian) at `theta`, summed over blocks of rows in parallel.
fn sums(x: &Array2<f64>, labels: &[bool], theta: &[f64], second: bool) -> Sums {
    let d = x.ncols();
    let k = d + 1;
    let rows: Vec<usize> = (0..x.nrows()).collect();
    let blocks: Vec<Sums> = rows
        .par_chunks(BLOCK)
        .map(|block| {
            let mut s = Sums {
                value: 0.0,
                gradient: vec![0.0; if second { k } else { 0 }],
                hessian: vec![0.0; if second { k * k } else { 0 }],
            };
            let mut row_plus = vec![1.0; k];
            for &r in block {
                let row = x.row(r);
                let z: f64 = row.iter().zip(theta).map(|(v, w)| v * w).sum::<f64>() + theta[d];
                let y = if labels[r] { 1.0 } else { -1.0 };
                s.value += log_loss(y * z);
                if !second {
                    continue;
                }
                for (slot, &v) in row_plus.iter_mut().zip(row.iter()) {
                    *slot = v;
                }
                let p = sigmoid(z);
                // d/dz of the loss: p − [y = 1]; second derivative p(1 − p).
                let residual = p - f64::from(u8::from(labels[r]));
                let weight = p * (1.0 - p);
                for i in 0..k {
                    let wi = weight * row_plus[i];
                    s.gradient[i] += residual * row_plus[i];
                    let line = &mut s.hessian[i * k..i * k + k];
                    // Upper triangle only; mirrored after the sum.
                    for j in i..k {
                        line[j] += wi * row_plus[j];
                    }
                }
            }
            s
        })
        .collect();
    let mut total = Sums {
        value: 0.0,
        gradient: vec![0.0; k],
        hessian: vec![0.0; k * k],
    };
    for b in blocks {
        total.value += b.value;
        for (t, v) in total.gradient.iter_mut().zip(&b.gradient) {
            *t += v;
        }
        for (t, v) in total.hessian.iter_mut().zip(&b.hessian) {
            *t += v;
        }
    }
    for i in 0..k {
        for j in 0..i {
            total.hessian[i * k + j] = total.hessian[j * k + i];
        }
    }
    total
}

/// The penalised objective at `theta` (see the module contract).
fn objective(x: &Array2<f64>, labels: &[bool], theta: &[f64], alpha: f64) -> f64 {
    let d = x.ncols();
    sums(x, labels, theta, false).value
        + 0.5 * alpha * theta[..d].iter().map(|w| w * w).sum::<f64>()
}

fn failed(why: String) -> AnalysisError {
    AnalysisError::Invalid {
        what: tr!("value-error-fitting", model = tr!("value-model-logreg")),
        why,
    }
}

/// Fits the model to standardised `x` and `labels` with L2 penalty `alpha`
/// (≥ 0, checked by the caller). A non-finite objective (non-finite features)
/// is an error, not a hang.
pub fn fit(
    x: &Array2<f64>,
    labels: &[bool],
    alpha: f64,
    progress: &Progress,
) -> Result<Logistic, AnalysisError> {
    let not_settled = || {
        failed(tr!(
            "value-error-not-settled",
            iterations = MAX_ITERATIONS.to_string()
        ))
    };
    let d = x.ncols();
    let k = d + 1;
    let mut theta = vec![0.0; k];
    for iteration in 0..MAX_ITERATIONS {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        let mut s = sums(x, labels, &theta, true);
        s.value += 0.5 * alpha * theta[..d].iter().map(|w| w * w).sum::<f64>();
        for (i, w) in theta[..d].iter().enumerate() {
            s.gradient[i] += alpha * w;
            s.hessian[i * k + i] += alpha;
        }
        if !s.value.is_finite() || s.gradient.iter().any(|g| !g.is_finite()) {
            return Err(not_settled());
        }
        // The Hessian's diagonal is at most 1/4 per standardised feature: a floor
        // of 1 keeps the last-resort gradient step short.
        let step = newton_direction(&s.hessian, &s.gradient, k, 1.0);
        let decrement: f64 = step.iter().zip(&s.gradient).map(|(p, g)| p * g).sum();
        // Relative to the objective, a sum over rows; tight, as Newton's last
        // steps are cheap and square the error (a flat objective ends it too).
        if decrement / 2.0 <= 1e-18 * (1.0 + s.value.abs()) {
            return Ok(Logistic {
                coefficients: theta[..d].to_vec(),
                intercept: theta[d],
            });
        }
        // Armijo backtracking along −step; so close to the optimum that the fall
        // is lost in the objective's rounding, the full step (Newton's last
        // steps, quadratic there) is taken as it is.
        let close = decrement / 2.0 <= 1e-10 * (1.0 + s.value.abs());
        let mut t = 1.0;
        let moved = loop {
            let trial: Vec<f64> = theta.iter().zip(&step).map(|(w, p)| w - t * p).collect();
            let value = objective(x, labels, &trial, alpha);
            if value.is_finite() && (close || value <= s.value - 1e-4 * t * decrement) {
                break Some(trial);
            }
            t /= 2.0;
            if t < 1e-10 {
                break None;
            }
        };
        match moved {
            Some(next) if next != theta => theta = next,
            // No step lowers the objective (or moves the point): it is flat to
            // rounding here.
            _ if iteration > 0 => {
                return Ok(Logistic {
                    coefficients: theta[..d].to_vec(),
                    intercept: theta[d],
                });
            }
            _ => break,
        }
    }
    Err(not_settled())
}

#[cfg(test)]
mod tests {
    use ndarray::Array1;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use super::*;

    /// `rows` rows of standard normal features (the last one constant 0, as a
    /// column the standardiser zeroes) and labels drawn from a logistic model
    /// with `weights` and `intercept`.
    fn planted(
        rows: usize,
        weights: &[f64],
        intercept: f64,
        seed: u64,
    ) -> (Array2<f64>, Vec<bool>) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let d = weights.len() + 1;
        let x = Array2::from_shape_fn((rows, d), |(_, j)| {
            if j + 1 == d {
                return 0.0;
            }
            let (u1, u2): (f64, f64) = (rng.random(), rng.random());
            (-2.0 * (1.0 - u1).ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
        });
        let labels = x
            .rows()
            .into_iter()
            .map(|row| {
                let z: f64 = row.iter().zip(weights).map(|(v, w)| v * w).sum::<f64>() + intercept;
                rng.random::<f64>() < sigmoid(z)
            })
            .collect();
        (x, labels)
    }

    /// The penalised objective's gradient, written out plainly.
    fn plain_gradient(x: &Array2<f64>, labels: &[bool], model: &Logistic, alpha: f64) -> Vec<f64> {
        let w = Array1::from(model.coefficients.clone());
        let mut g: Vec<f64> = model.coefficients.iter().map(|c| alpha * c).collect();
        g.push(0.0);
        for (row, &label) in x.rows().into_iter().zip(labels) {
            let p = sigmoid(row.dot(&w) + model.intercept);
            let residual = p - if label { 1.0 } else { 0.0 };
            for (gj, v) in g.iter_mut().zip(row.iter().chain([&1.0])) {
                *gj += residual * v;
            }
        }
        g
    }

    #[test]
    fn the_fit_is_the_penalised_optimum() {
        let (x, labels) = planted(3_000, &[1.2, -0.8, 0.0, 0.4], -0.3, 1);
        for alpha in [0.0, 1.0, 50.0] {
            let model = fit(&x, &labels, alpha, &Progress::detached()).expect("fit");
            // The objective is strictly convex (α > 0, or enough rows): a zero
            // gradient is its one minimum, the one linfa's L-BFGS approached.
            let g = plain_gradient(&x, &labels, &model, alpha);
            // Summed over rows: below 1e-9 per row.
            assert!(
                g.iter().all(|v| v.abs() < 3_000.0 * 1e-9),
                "alpha {alpha}: {g:?}"
            );
            let mut theta = model.coefficients.clone();
            theta.push(model.intercept);
            let best = objective(&x, &labels, &theta, alpha);
            for i in 0..theta.len() {
                if i == 4 && alpha == 0.0 {
                    continue; // the constant column: flat without a penalty
                }
                for shift in [-1e-3, 1e-3] {
                    let mut moved = theta.clone();
                    moved[i] += shift;
                    assert!(objective(&x, &labels, &moved, alpha) > best);
                }
            }
            // A constant column gets no weight.
            assert_eq!(model.coefficients[4], 0.0);
        }
        // A larger penalty shrinks the coefficients.
        let loose = fit(&x, &labels, 1.0, &Progress::detached()).expect("fit");
        let tight = fit(&x, &labels, 500.0, &Progress::detached()).expect("fit");
        assert!(tight.coefficients[0].abs() < 0.8 * loose.coefficients[0].abs());
    }

    #[test]
    fn recovers_a_planted_effect() {
        let weights = [1.5, -1.0, 0.0, 0.5];
        let (x, labels) = planted(60_000, &weights, -0.5, 2);
        let model = fit(&x, &labels, 1.0, &Progress::detached()).expect("fit");
        for (got, want) in model.coefficients.iter().zip(weights) {
            assert!((got - want).abs() < 0.05, "{:?}", model.coefficients);
        }
        assert!((model.intercept + 0.5).abs() < 0.05, "{}", model.intercept);
        // Probabilities follow the coefficients: the first feature raises them.
        let mut row = Array2::zeros((2, 5));
        row[[1, 0]] = 1.0;
        let p = model.predict(&row);
        assert!((p[0] - sigmoid(model.intercept)).abs() < 1e-12);
        assert!(p[1] > p[0]);
    }

    #[test]
    fn the_fit_does_not_depend_on_the_number_of_threads() {
        let (x, labels) = planted(20_000, &[0.7, -0.3, 0.2], 0.1, 3);
        let many = fit(&x, &labels, 1.0, &Progress::detached()).expect("fit");
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("pool")
            .install(|| fit(&x, &labels, 1.0, &Progress::detached()))
            .expect("fit");
        assert_eq!(many, one);
    }

    #[test]
    fn separable_data_or_bad_values_end_without_a_hang() {
        // Perfectly separable with no penalty: the optimum is at infinity; the
        // search stops with an error or flat coefficients, but stops.
        let x = Array2::from_shape_fn((200, 1), |(r, _)| r as f64 - 100.0);
        let labels: Vec<bool> = (0..200).map(|r| r >= 100).collect();
        if let Ok(model) = fit(&x, &labels, 0.0, &Progress::detached()) {
            assert!(model.coefficients[0] > 1.0, "{model:?}");
        }
        let mut bad = x.clone();
        bad[[3, 0]] = f64::NAN;
        assert!(fit(&bad, &labels, 1.0, &Progress::detached()).is_err());
        let progress = Progress::detached();
        progress.cancel();
        assert!(matches!(
            fit(&x, &labels, 1.0, &progress),
            Err(AnalysisError::Cancelled)
        ));
    }
}

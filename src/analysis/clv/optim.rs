//! Minimising a smooth function of a few parameters by Newton's method, given
//! its value and gradient; and the positive definite solve it rests on (shared
//! with the propensity logistic regression).
//!
//! Contract:
//! - The caller works in an unconstrained space (log parameters) and returns the
//!   value and gradient at a point, or None where they are not finite (that
//!   point counts as worse than any other).
//! - Each iteration builds the Hessian by forward differences of the gradient
//!   (one gradient per parameter), takes the Newton step (a ridge is added while
//!   the Hessian is not positive definite, so the step still goes downhill) at
//!   most [`MAX_STEP`] long, and halves it until the value falls enough (Armijo);
//!   within 1e4 × the tolerance below, where the fall is lost in the value's
//!   rounding, the full step is taken.
//! - Converged when the Newton decrement `gᵀ H⁻¹ g / 2` (the fall the quadratic
//!   model still promises) is at most [`TOLERANCE`] × (1 + |value|). When no
//!   step lowers the value or moves the point any more it has converged if that
//!   decrement is within
//!   a million times the tolerance (the value is flat to rounding there), else
//!   not. At most [`MAX_ITERATIONS`].
//! - Cancel is checked at every iteration.

use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// Newton iterations before the search gives up (fits take about 5–15).
pub const MAX_ITERATIONS: u64 = 200;
/// Relative size of the fall still promised at which the search stops.
pub const TOLERANCE: f64 = 1e-14;
/// The longest step (in each coordinate, log units: a factor e³ ≈ 20).
const MAX_STEP: f64 = 3.0;
/// Forward-difference step of the Hessian, relative.
const DIFFERENCE: f64 = 1e-6;

/// Where the search ended.
#[derive(Clone, Debug, PartialEq)]
pub struct Minimum {
    pub point: Vec<f64>,
    pub value: f64,
    pub converged: bool,
    pub iterations: u64,
}

/// Value and gradient at a point, None where not finite.
pub type Evaluation = Option<(f64, Vec<f64>)>;

/// Minimises from `start` (see the module contract); an error when the start
/// itself has no finite value, or on cancel.
pub fn minimise<F: Fn(&[f64]) -> Evaluation>(
    f: F,
    start: &[f64],
    progress: &Progress,
) -> Result<Minimum, AnalysisError> {
    let k = start.len();
    let mut point = start.to_vec();
    let (mut value, mut gradient) = f(&point).ok_or_else(|| AnalysisError::Invalid {
        what: tr!("value-error-search"),
        why: tr!("value-error-not-settled", iterations = "0"),
    })?;
    let finish = |point: Vec<f64>, value: f64, converged: bool, iterations: u64| Minimum {
        point,
        value,
        converged,
        iterations,
    };
    for iteration in 0..MAX_ITERATIONS {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        let hessian = difference_hessian(&f, &point, &gradient);
        let mut step = newton_direction(&hessian, &gradient, k, 1e-12);
        let longest = step.iter().fold(0.0f64, |m, s| m.max(s.abs()));
        if longest > MAX_STEP {
            step.iter_mut().for_each(|s| *s *= MAX_STEP / longest);
        }
        let decrement: f64 = step.iter().zip(&gradient).map(|(s, g)| s * g).sum();
        let tolerance = TOLERANCE * (1.0 + value.abs());
        if decrement / 2.0 <= tolerance {
            return Ok(finish(point, value, true, iteration));
        }
        // Near the optimum the fall is lost in the value's rounding: the full
        // step (quadratic convergence there) is taken without the Armijo test.
        let close = decrement / 2.0 <= 1e4 * tolerance;
        let mut t = 1.0;
        let moved = loop {
            let trial: Vec<f64> = point.iter().zip(&step).map(|(p, s)| p - t * s).collect();
            if let Some((v, g)) = f(&trial)
                && (close || v <= value - 1e-4 * t * decrement)
            {
                break Some((trial, v, g));
            }
            t /= 2.0;
            if t < 1e-12 {
                break None;
            }
        };
        match moved {
            Some((p, v, g)) if p != point => (point, value, gradient) = (p, v, g),
            _ => {
                let flat = decrement / 2.0 <= 1e6 * tolerance;
                return Ok(finish(point, value, flat, iteration + 1));
            }
        }
    }
    Ok(finish(point, value, false, MAX_ITERATIONS))
}

/// The Hessian by forward differences of the gradient, symmetrised; a row whose
/// shifted point has no finite gradient is left 0 (the ridge then takes over).
fn difference_hessian<F: Fn(&[f64]) -> Evaluation>(
    f: &F,
    point: &[f64],
    gradient: &[f64],
) -> Vec<f64> {
    let k = point.len();
    let mut h = vec![0.0; k * k];
    for i in 0..k {
        let step = DIFFERENCE * (1.0 + point[i].abs());
        let mut shifted = point.to_vec();
        shifted[i] += step;
        if let Some((_, g)) = f(&shifted) {
            for j in 0..k {
                h[i * k + j] = (g[j] - gradient[j]) / step;
            }
        }
    }
    for i in 0..k {
        for j in 0..i {
            let mean = (h[i * k + j] + h[j * k + i]) / 2.0;
            h[i * k + j] = mean;
            h[j * k + i] = mean;
        }
    }
    h
}

/// `H⁻¹ g` for the k × k row-major `hessian`, adding a growing ridge while `H`
/// is not (numerically) positive definite; a scaled gradient step when even a
/// ridge as large as `H`'s largest diagonal entry (at least `min_scale`) does not
/// help. Its dot product with `g` is positive unless `g` is 0: minus it goes
/// downhill.
pub fn newton_direction(hessian: &[f64], gradient: &[f64], k: usize, min_scale: f64) -> Vec<f64> {
    let scale = (0..k)
        .map(|i| hessian[i * k + i].abs())
        .fold(0.0, f64::max)
        .max(min_scale);
    let mut ridge = 0.0;
    while ridge <= scale {
        let mut h = hessian.to_vec();
        for i in 0..k {
            h[i * k + i] += ridge;
        }
        if let Some(step) = solve_positive_definite(&h, gradient, k) {
            return step;
        }
        ridge = if ridge == 0.0 {
            1e-10 * scale
        } else {
            ridge * 10.0
        };
    }
    gradient.iter().map(|g| g / scale).collect()
}

/// Solves `A x = b` for a symmetric positive definite k × k row-major `A` by
/// Cholesky; None when `A` is not positive definite (or not finite).
pub fn solve_positive_definite(a: &[f64], b: &[f64], k: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..=i {
            let dot: f64 = (0..j).map(|m| l[i * k + m] * l[j * k + m]).sum();
            let rest = a[i * k + j] - dot;
            if i == j {
                // Not positive definite, or so close that the step is noise.
                if rest.is_nan() || rest <= 1e-14 * a[i * k + i].abs() || rest.is_infinite() {
                    return None;
                }
                l[i * k + i] = rest.sqrt();
            } else {
                l[i * k + j] = rest / l[j * k + j];
            }
        }
    }
    let mut y = vec![0.0; k];
    for i in 0..k {
        let dot: f64 = (0..i).map(|m| l[i * k + m] * y[m]).sum();
        y[i] = (b[i] - dot) / l[i * k + i];
    }
    let mut x = vec![0.0; k];
    for i in (0..k).rev() {
        let dot: f64 = (i + 1..k).map(|m| l[m * k + i] * x[m]).sum();
        x[i] = (y[i] - dot) / l[i * k + i];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rosenbrock's value and gradient.
    fn rosenbrock(p: &[f64]) -> Evaluation {
        let (x, y) = (p[0], p[1]);
        let value = (1.0 - x).powi(2) + 100.0 * (y - x * x).powi(2);
        let gradient = vec![
            -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
            200.0 * (y - x * x),
        ];
        Some((value, gradient))
    }

    #[test]
    fn finds_the_rosenbrock_minimum() {
        let min = minimise(rosenbrock, &[-1.2, 1.0], &Progress::detached()).expect("minimum");
        assert!(min.converged, "{min:?}");
        assert!((min.point[0] - 1.0).abs() < 1e-6, "{:?}", min.point);
        assert!((min.point[1] - 1.0).abs() < 1e-6, "{:?}", min.point);
        assert!(min.iterations < 60, "{min:?}");
    }

    #[test]
    fn a_region_without_a_value_is_avoided() {
        // √(1 + (x − 3)²), defined only below 3.2: from x = 2 its Newton step
        // (1 + u²)·u overshoots to 4, where there is no value, and is halved.
        // Starting where there is no value is an error.
        let f = |p: &[f64]| {
            let u = p[0] - 3.0;
            let root = (1.0 + u * u).sqrt();
            (p[0] < 3.2).then(|| (root, vec![u / root]))
        };
        let min = minimise(f, &[-5.0], &Progress::detached()).expect("minimum");
        assert!(
            min.converged && (min.point[0] - 3.0).abs() < 1e-6,
            "{min:?}"
        );
        assert!(minimise(f, &[5.0], &Progress::detached()).is_err());
    }

    #[test]
    fn a_concave_start_still_goes_downhill() {
        // x⁴ − 2x²: concave at 0.1 (the Hessian is negative there); the minima
        // are at ±1.
        let f = |p: &[f64]| {
            let x = p[0];
            Some((x.powi(4) - 2.0 * x * x, vec![4.0 * x.powi(3) - 4.0 * x]))
        };
        let min = minimise(f, &[0.1], &Progress::detached()).expect("minimum");
        assert!(
            min.converged && (min.point[0] - 1.0).abs() < 1e-6,
            "{min:?}"
        );
    }

    #[test]
    fn cancel_stops_the_search() {
        let progress = Progress::detached();
        progress.cancel();
        let result = minimise(
            |p: &[f64]| Some((p[0] * p[0], vec![2.0 * p[0]])),
            &[1.0],
            &progress,
        );
        assert!(matches!(result, Err(AnalysisError::Cancelled)));
    }

    #[test]
    fn cholesky_solves_and_refuses_what_is_not_positive_definite() {
        // A = [[4, 2], [2, 3]], b = A · (1, −2) = (0, −4).
        let x = solve_positive_definite(&[4.0, 2.0, 2.0, 3.0], &[0.0, -4.0], 2).expect("x");
        assert!(
            (x[0] - 1.0).abs() < 1e-12 && (x[1] + 2.0).abs() < 1e-12,
            "{x:?}"
        );
        assert_eq!(
            solve_positive_definite(&[1.0, 2.0, 2.0, 1.0], &[1.0, 1.0], 2),
            None
        );
        // Singular: the direction falls back to a ridge and still goes downhill.
        let g = [1.0, 1.0];
        let d = newton_direction(&[1.0, 1.0, 1.0, 1.0], &g, 2, 1e-12);
        assert!(d[0] * g[0] + d[1] * g[1] > 0.0, "{d:?}");
    }
}

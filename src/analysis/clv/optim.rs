//! Minimising a smooth function of a few parameters with argmin's Nelder-Mead.
//!
//! Contract: the caller works in an unconstrained space (log parameters); a
//! non-finite value counts as very bad. The search runs twice, the second time
//! from a fresh simplex around the first result, because Nelder-Mead can stall on
//! a collapsed simplex. It has converged when the second run stopped on its
//! tolerance (not the iteration limit) and did not improve on the first by more
//! than [`IMPROVEMENT_TOLERANCE`] (relative). Cancel is checked at every evaluation
//! and after each run.

use argmin::core::{CostFunction, Error, Executor, State, TerminationReason};
use argmin::solver::neldermead::NelderMead;
use ndarray::Array1;

use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// Iteration limit of each run, unless the caller gives one.
pub const MAX_ITERATIONS: u64 = 4_000;
/// A restart that improves the value by more than this (relative) means the first
/// run had not converged.
pub const IMPROVEMENT_TOLERANCE: f64 = 1e-7;
const BAD: f64 = 1e300;

/// Where the search ended.
#[derive(Clone, Debug, PartialEq)]
pub struct Minimum {
    pub point: Vec<f64>,
    pub value: f64,
    pub converged: bool,
    pub iterations: u64,
}

struct Cost<'a, F> {
    f: &'a F,
    progress: &'a Progress,
}

impl<F: Fn(&[f64]) -> f64> CostFunction for Cost<'_, F> {
    type Param = Array1<f64>;
    type Output = f64;

    fn cost(&self, point: &Array1<f64>) -> Result<f64, Error> {
        // argmin panics on a cost error, so a cancelled search sees a flat function:
        // its simplex settles at once and the caller reports the cancel.
        if self.progress.is_cancelled() {
            return Ok(0.0);
        }
        let value = (self.f)(&point.to_vec());
        Ok(if value.is_finite() { value } else { BAD })
    }
}

fn run<F: Fn(&[f64]) -> f64>(
    f: &F,
    start: &[f64],
    step: f64,
    max_iterations: u64,
    progress: &Progress,
) -> Result<(Minimum, bool), AnalysisError> {
    let mut simplex = vec![Array1::from(start.to_vec())];
    for i in 0..start.len() {
        let mut vertex = start.to_vec();
        vertex[i] += step;
        simplex.push(Array1::from(vertex));
    }
    let failed = |e: Error| AnalysisError::Invalid {
        what: tr!("value-error-search"),
        why: e.to_string(),
    };
    let solver = NelderMead::new(simplex)
        .with_sd_tolerance(1e-12)
        .map_err(failed)?;
    let result = Executor::new(Cost { f, progress }, solver)
        .configure(|state| state.max_iters(max_iterations))
        .run();
    if progress.is_cancelled() {
        return Err(AnalysisError::Cancelled);
    }
    let result = result.map_err(failed)?;
    let state = result.state();
    let point = state
        .get_best_param()
        .map(|p| p.to_vec())
        .unwrap_or_else(|| start.to_vec());
    let stopped_on_tolerance = matches!(
        state.get_termination_reason(),
        Some(TerminationReason::SolverConverged)
    );
    Ok((
        Minimum {
            value: f(&point),
            point,
            converged: false,
            iterations: state.get_iter(),
        },
        stopped_on_tolerance,
    ))
}

/// Minimises `f` from `start` with at most `max_iterations` per run (see the
/// module contract).
pub fn minimise<F: Fn(&[f64]) -> f64>(
    f: F,
    start: &[f64],
    max_iterations: u64,
    progress: &Progress,
) -> Result<Minimum, AnalysisError> {
    let (first, _) = run(&f, start, 0.5, max_iterations, progress)?;
    let (mut second, settled) = run(&f, &first.point, 0.1, max_iterations, progress)?;
    let improvement = (first.value - second.value) / (1.0 + first.value.abs());
    second.converged = settled && second.value.is_finite() && improvement <= IMPROVEMENT_TOLERANCE;
    second.iterations += first.iterations;
    Ok(second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_rosenbrock_minimum() {
        let rosenbrock = |p: &[f64]| (1.0 - p[0]).powi(2) + 100.0 * (p[1] - p[0] * p[0]).powi(2);
        let min = minimise(
            rosenbrock,
            &[-1.2, 1.0],
            MAX_ITERATIONS,
            &Progress::detached(),
        )
        .expect("minimum");
        assert!(min.converged);
        assert!((min.point[0] - 1.0).abs() < 1e-4, "{:?}", min.point);
        assert!((min.point[1] - 1.0).abs() < 1e-4, "{:?}", min.point);
    }

    #[test]
    fn a_search_cut_short_does_not_converge() {
        let rosenbrock = |p: &[f64]| (1.0 - p[0]).powi(2) + 100.0 * (p[1] - p[0] * p[0]).powi(2);
        let min = minimise(rosenbrock, &[-1.2, 1.0], 5, &Progress::detached()).expect("search");
        assert!(!min.converged);
        assert!(min.value < rosenbrock(&[-1.2, 1.0]));
    }

    #[test]
    fn cancel_stops_the_search() {
        let progress = Progress::detached();
        progress.cancel();
        let result = minimise(|p: &[f64]| p[0] * p[0], &[1.0], MAX_ITERATIONS, &progress);
        assert!(matches!(result, Err(AnalysisError::Cancelled)));
    }
}

//! The Nelder-Mead search the CLV fits used before [`super::optim`]'s Newton
//! search, kept only as the reference the tests hold the new fits against (same
//! optimum, or better).
//!
//! It runs twice, the second time from a fresh simplex around the first result,
//! because Nelder-Mead can stall on a collapsed simplex; converged when the second
//! run stopped on its tolerance and did not improve on the first by more than 1e-7
//! (relative).

use argmin::core::{CostFunction, Error, Executor, State, TerminationReason};
use argmin::solver::neldermead::NelderMead;
use ndarray::Array1;

use super::optim::Minimum;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// Iteration limit of each run.
pub const MAX_ITERATIONS: u64 = 4_000;
const IMPROVEMENT_TOLERANCE: f64 = 1e-7;
const BAD: f64 = 1e300;

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
/// module doc).
pub fn nelder_mead<F: Fn(&[f64]) -> f64>(
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

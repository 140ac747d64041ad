//! SASRec's settings chosen by validation within the time budget.
//!
//! Contract:
//! - The configurations tried are the operator's settings, then variations of
//!   them: half the embedding (at least the heads, a multiple of them) with one
//!   block; dropout 0.5; a window of the last 20 items; and, when the
//!   catalogue is large enough for the sampled softmax, 512 sampled candidates
//!   (each left out when it equals one before it). Fewer candidates train more
//!   epochs in the same time: on 1 M purchases over 50,000 items with three
//!   minutes, 512 candidates validated at NDCG@10 0.46 against 0.27 with
//!   2,048, while with time for many epochs 2,048 validated better
//!   (`cargo bench --bench sasrec`, parts b and c), so validation decides.
//! - Each configuration trains from the same seed for an equal share of 40 % of
//!   the budget and of the epochs (at least one), with early stopping.
//! - The configuration with the best validation NDCG@10 (ties: the one tried
//!   first) continues, with the same network and optimiser state, up to the
//!   operator's epochs within the rest of the budget; early stopping as in a
//!   single run. The returned network is built with [`TrainingLog::chosen`].
//! - With an epoch cap that ends every trial before its time share, the result
//!   depends on the seed only.

use std::time::{Duration, Instant};

use super::train::{Data, Run, continue_run};
use super::{SasrecParams, TrainingLog};
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;

/// Share of the budget (and of the epochs) the trials take in all.
const TRIAL_SHARE: f64 = 0.4;

/// Sampled candidates of the variation with fewer of them.
const FEW_CANDIDATES: usize = 512;

/// One configuration tried.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SasrecTrial {
    /// The configuration (search off).
    pub params: SasrecParams,
    /// Epochs it trained during its trial.
    pub epochs: usize,
    /// Its best validation NDCG@10 in the trial.
    pub best_ndcg: f64,
    /// Seconds its trial took.
    pub secs: f64,
}

/// The configurations tried for the operator's `base` settings on a
/// catalogue of `items` (see the module contract).
pub fn configurations(base: &SasrecParams, items: usize) -> Vec<SasrecParams> {
    let base = SasrecParams {
        search: false,
        ..*base
    };
    let half = (base.dim / 2 / base.heads).max(1) * base.heads;
    let few = SasrecParams {
        sampled_items: base.sampled_items.min(FEW_CANDIDATES),
        ..base
    };
    let variations = [
        base,
        SasrecParams {
            dim: half,
            blocks: 1,
            ..base
        },
        SasrecParams {
            dropout: 0.5,
            ..base
        },
        SasrecParams {
            max_len: base.max_len.min(20),
            ..base
        },
    ];
    let sampling = base.sampled(items).is_some();
    let mut out: Vec<SasrecParams> = Vec::new();
    for config in variations.into_iter().chain(sampling.then_some(few)) {
        if !out.contains(&config) {
            out.push(config);
        }
    }
    out
}

/// Trains every configuration for its share, then the best to the end (see
/// the module contract). `data` has customers to train on.
pub(super) fn search(
    data: &Data,
    base: &SasrecParams,
    started: Instant,
    progress: &Progress,
) -> Result<(super::net::Net, TrainingLog), AnalysisError> {
    let configs = configurations(base, data.items);
    let count = configs.len();
    let trial_secs = base.budget_secs * TRIAL_SHARE / count as f64;
    let trial_epochs = ((base.epochs as f64 * TRIAL_SHARE / count as f64).ceil() as usize).max(1);
    let planned = count * trial_epochs + base.epochs;
    let mut trials = Vec::with_capacity(count);
    let mut best: Option<Run> = None;
    for (k, config) in configs.iter().enumerate() {
        let trial_started = Instant::now();
        let deadline = trial_started + Duration::from_secs_f64(trial_secs);
        let mut run = Run::new(data, config)?;
        let span = (k * trial_epochs, planned);
        let trial = Some((k + 1, count));
        continue_run(
            &mut run,
            data,
            trial_epochs,
            deadline,
            span,
            trial,
            progress,
        )?;
        trials.push(SasrecTrial {
            params: *config,
            epochs: run.epochs(),
            best_ndcg: run.best_ndcg,
            secs: trial_started.elapsed().as_secs_f64(),
        });
        // A later configuration must validate strictly better to win.
        if best.as_ref().is_none_or(|b| run.best_ndcg > b.best_ndcg) {
            best = Some(run);
        }
    }
    let mut run = best.expect("at least the operator's configuration");
    let deadline = started + Duration::from_secs_f64(base.budget_secs);
    let span = (count * trial_epochs, planned);
    // A winner whose trial ended on a plateau has finished (early stopping).
    let out_of_time = run.stale_epochs() < run.params.patience
        && continue_run(&mut run, data, base.epochs, deadline, span, None, progress)?;
    let (net, mut log) = run.finish(data.validated.len(), out_of_time)?;
    log.trials = trials;
    Ok((net, log))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fewer_candidates_are_tried_only_where_training_samples() {
        let base = SasrecParams::default();
        let small = configurations(&base, base.full_softmax_items);
        assert_eq!(small.len(), 4);
        assert!(small.iter().all(|c| c.sampled_items == base.sampled_items));
        let large = configurations(&base, base.full_softmax_items + 1);
        assert_eq!(large.len(), 5);
        assert_eq!(large[..4], small[..]);
        assert_eq!(
            large[4],
            SasrecParams {
                sampled_items: FEW_CANDIDATES,
                search: false,
                ..base
            }
        );
        // Already at most 512 candidates: nothing more to try.
        let few = SasrecParams {
            sampled_items: 300,
            ..base
        };
        assert_eq!(configurations(&few, 50_000).len(), 4);
    }
}

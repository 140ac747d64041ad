//! Training SASRec: softmax cross-entropy on every next item of every
//! customer's sequence but the last, Adam, validation NDCG@10 on each
//! customer's last item after every epoch, early stopping, the time budget,
//! progress and Cancel (see the contract in the parent module).
//!
//! Up to [`SasrecParams::full_softmax_items`] items a batch's loss is over the
//! whole catalogue. Above it, each batch scores its positions against one
//! shared candidate set: the batch's target items plus items drawn uniformly
//! (from the run's seeded generator) up to [`SasrecParams::sampled_items`].
//! Uniform draws need no correction of the logits (every item is equally
//! likely to be drawn), so the loss is plain cross-entropy over the candidates.
//! Validation always ranks over the whole catalogue.

use std::collections::HashMap;
use std::time::Instant;

use candle_core::{Device, Tensor};
use candle_nn::{AdamW, Optimizer, ParamsAdamW};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::net::{Dropout, Net, longest, padded};
use super::{SasrecParams, TrainingLog, search};
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::numbers::number;
use crate::tr;

/// Customers validated on at most (evenly spread over those with two items).
const MAX_VALIDATED: usize = 2000;

/// Logit cells (positions × scored items) per training batch at most: bounds
/// the memory of the softmax on large catalogues.
const BATCH_CELLS: usize = 1 << 22;

/// A candle failure as the analysis error the operator sees.
pub(super) fn candle_error(e: candle_core::Error) -> AnalysisError {
    AnalysisError::Invalid {
        what: tr!("analysis-sasrec-training"),
        why: e.to_string(),
    }
}

/// What every run trains and validates on.
pub(super) struct Data<'a> {
    pub sequences: &'a [Vec<u32>],
    pub items: usize,
    /// Customers with a training pair (three items or more).
    pub trained: Vec<usize>,
    /// Customers whose last item is a validation target.
    pub validated: Vec<usize>,
}

impl<'a> Data<'a> {
    pub fn new(sequences: &'a [Vec<u32>], items: usize) -> Data<'a> {
        // Three items give at least one training pair besides the validation one.
        let trained = (0..sequences.len())
            .filter(|&u| sequences[u].len() >= 3)
            .collect();
        let candidates: Vec<usize> = (0..sequences.len())
            .filter(|&u| sequences[u].len() >= 2)
            .collect();
        let step = candidates.len().div_ceil(MAX_VALIDATED).max(1);
        let validated = candidates.into_iter().step_by(step).collect();
        Data {
            sequences,
            items,
            trained,
            validated,
        }
    }
}

/// Where a run's progress sits in the whole training: epochs done before this
/// run's next epoch and epochs planned in all, reported in thousandths.
pub(super) struct Ticker<'a> {
    pub progress: &'a Progress,
    pub done_epochs: usize,
    pub planned_epochs: usize,
}

impl Ticker<'_> {
    fn report(&self, batch: usize, batches: usize) {
        let done = self.done_epochs * 1000 + (batch * 1000).div_ceil(batches.max(1));
        let total = (self.planned_epochs * 1000).max(done);
        self.progress.report(done as u64, total as u64);
    }
}

/// One network in training: its settings, weights, optimiser, generator, the
/// validation NDCG after each epoch and the best epoch's weights.
pub(super) struct Run {
    pub params: SasrecParams,
    pub net: Net,
    optimiser: AdamW,
    rng: ChaCha8Rng,
    /// Training customers in this run's current shuffle.
    order: Vec<usize>,
    /// Sequences per batch.
    batch: usize,
    /// Candidates per batch when the loss is sampled, None for the full softmax.
    sampled: Option<usize>,
    pub ndcg: Vec<f64>,
    pub best_epoch: usize,
    /// The best validation NDCG (the initial weights' to begin with).
    pub best_ndcg: f64,
    best_weights: Vec<Tensor>,
}

/// How an epoch ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum EpochEnd {
    Complete,
    /// The deadline came before the last batch.
    OutOfTime,
}

impl Run {
    /// A fresh network for `params` (seeded by its seed), validated once.
    pub fn new(data: &Data, params: &SasrecParams) -> Result<Run, AnalysisError> {
        let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
        let net = Net::new(data.items, params, &mut rng).map_err(candle_error)?;
        let sampled = params.sampled(data.items);
        let scored = sampled.unwrap_or(data.items + 1);
        let batch = (BATCH_CELLS / (params.max_len * scored)).clamp(8, 128);
        let optimiser = AdamW::new(
            net.vars.clone(),
            ParamsAdamW {
                lr: params.learning_rate,
                weight_decay: 0.0,
                ..ParamsAdamW::default()
            },
        )
        .map_err(candle_error)?;
        let best_ndcg = validate(&net, data.sequences, &data.validated).map_err(candle_error)?;
        let best_weights = net.snapshot().map_err(candle_error)?;
        Ok(Run {
            params: *params,
            net,
            optimiser,
            rng,
            order: data.trained.clone(),
            batch,
            sampled,
            ndcg: Vec::new(),
            best_epoch: 0,
            best_ndcg,
            best_weights,
        })
    }

    /// Epochs trained so far.
    pub fn epochs(&self) -> usize {
        self.ndcg.len()
    }

    /// Epochs since the best one.
    pub fn stale_epochs(&self) -> usize {
        self.epochs() - self.best_epoch
    }

    /// One pass over the training customers (cut at `deadline`), then the
    /// validation; the weights are kept when they validate best so far.
    pub fn epoch(
        &mut self,
        data: &Data,
        deadline: Instant,
        ticker: &Ticker,
    ) -> Result<EpochEnd, AnalysisError> {
        let mut end = EpochEnd::Complete;
        self.order.shuffle(&mut self.rng);
        let order = std::mem::take(&mut self.order);
        let batches = order.len().div_ceil(self.batch);
        for (b, rows) in order.chunks(self.batch).enumerate() {
            ticker
                .progress
                .check()
                .map_err(|_| AnalysisError::Cancelled)?;
            if Instant::now() > deadline {
                end = EpochEnd::OutOfTime;
                break;
            }
            self.step(data, rows).map_err(candle_error)?;
            ticker.report(b + 1, batches);
        }
        self.order = order;
        // A cut epoch is still validated: its weights may be the best there are.
        let ndcg = validate(&self.net, data.sequences, &data.validated).map_err(candle_error)?;
        self.ndcg.push(ndcg);
        if ndcg > self.best_ndcg {
            self.best_ndcg = ndcg;
            self.best_epoch = self.epochs();
            self.best_weights = self.net.snapshot().map_err(candle_error)?;
        }
        Ok(end)
    }

    /// One optimiser step on the sequences of `rows`.
    fn step(&mut self, data: &Data, rows: &[usize]) -> candle_core::Result<()> {
        let cpu = &Device::Cpu;
        let (ids, positions, targets) = batch_of(data.sequences, rows, self.params.max_len);
        let n = targets.len();
        let scored = self
            .sampled
            .map(|total| candidates(&targets, total, data.items, &mut self.rng));
        let mut dropout = Dropout {
            rng: Some(&mut self.rng),
            p: self.params.dropout,
        };
        let outputs = self.net.forward(&ids, rows.len(), &mut dropout)?;
        let states = outputs.index_select(&Tensor::from_vec(positions, n, cpu)?, 0)?;
        let (logits, targets) = match scored {
            Some((candidates, slots)) => {
                let count = candidates.len();
                let candidates = Tensor::from_vec(candidates, count, cpu)?;
                (self.net.candidate_logits(&states, &candidates)?, slots)
            }
            None => (self.net.logits(&states)?, targets),
        };
        let targets = Tensor::from_vec(targets, n, cpu)?;
        let loss = candle_nn::loss::cross_entropy(&logits, &targets)?;
        self.optimiser.backward_step(&loss)
    }

    /// The network with its best epoch's weights, and its log.
    pub fn finish(
        self,
        validated: usize,
        out_of_time: bool,
    ) -> Result<(Net, TrainingLog), AnalysisError> {
        self.net.restore(&self.best_weights).map_err(candle_error)?;
        let log = TrainingLog {
            ndcg: self.ndcg,
            best_epoch: self.best_epoch,
            validated,
            out_of_time,
            trials: Vec::new(),
            chosen: self.params,
        };
        Ok((self.net, log))
    }
}

/// A batch's candidate set for the sampled softmax: its distinct `targets`
/// (padding-shifted ids) in first-seen order, then distinct items drawn
/// uniformly from `rng` until there are `total` (all `items` when fewer);
/// and each target's slot in that set.
pub(super) fn candidates(
    targets: &[u32],
    total: usize,
    items: usize,
    rng: &mut ChaCha8Rng,
) -> (Vec<u32>, Vec<u32>) {
    let mut slot_of: HashMap<u32, u32> = HashMap::with_capacity(total);
    let mut set = Vec::with_capacity(total.max(targets.len()));
    let mut slot = |id: u32, set: &mut Vec<u32>| {
        *slot_of.entry(id).or_insert_with(|| {
            set.push(id);
            (set.len() - 1) as u32
        })
    };
    let slots: Vec<u32> = targets.iter().map(|&t| slot(t, &mut set)).collect();
    if total >= items {
        for id in 1..=items as u32 {
            slot(id, &mut set);
        }
    } else {
        while set.len() < total {
            slot(rng.random_range(1..=items as u32), &mut set);
        }
    }
    (set, slots)
}

/// One batch's inputs: padded ids (as many columns as its longest input, at
/// most `max_len`), the output rows that have a next item and those items
/// (padding-shifted: item i as i + 1).
fn batch_of(
    sequences: &[Vec<u32>],
    rows: &[usize],
    max_len: usize,
) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    // The last item of each sequence is the validation target: never trained on.
    let windows: Vec<&[u32]> = rows
        .iter()
        .map(|&u| {
            let seen = &sequences[u][..sequences[u].len() - 1];
            &seen[seen.len().saturating_sub(max_len + 1)..]
        })
        .collect();
    let inputs: Vec<&[u32]> = windows.iter().map(|w| &w[..w.len() - 1]).collect();
    let len = longest(&inputs, max_len);
    let ids = padded(&inputs, len);
    let mut positions = Vec::new();
    let mut targets = Vec::new();
    for (b, w) in windows.iter().enumerate() {
        let n = w.len() - 1;
        for t in 0..n {
            positions.push((b * len + len - n + t) as u32);
            targets.push(w[t + 1] + 1);
        }
    }
    (ids, positions, targets)
}

/// Validation NDCG@10: each of `rows`' last item ranked over the catalogue
/// (ties: lower item first) after the items before it.
fn validate(net: &Net, sequences: &[Vec<u32>], rows: &[usize]) -> candle_core::Result<f64> {
    if rows.is_empty() {
        return Ok(0.0);
    }
    let mut total = 0.0;
    for chunk in rows.chunks(256) {
        let windows: Vec<&[u32]> = chunk
            .iter()
            .map(|&u| &sequences[u][..sequences[u].len() - 1])
            .collect();
        let states = net.last_states(&windows)?;
        let states = Tensor::from_vec(states, (chunk.len(), net.dim), &Device::Cpu)?;
        let logits = net.logits(&states)?.to_vec2::<f32>()?;
        for (&u, row) in chunk.iter().zip(&logits) {
            let target = *sequences[u].last().expect("two items") as usize + 1;
            let mine = row[target];
            let rank = row
                .iter()
                .enumerate()
                .skip(1)
                .filter(|&(i, &l)| l > mine || (l == mine && i < target))
                .count();
            if rank < 10 {
                total += 1.0 / ((rank + 2) as f64).log2();
            }
        }
    }
    Ok(total / rows.len() as f64)
}

/// Trains a network on `sequences` over `items` items (see the module docs):
/// one run with `params`, or with [`SasrecParams::search`] the best of a few
/// configurations (see `search`).
pub(super) fn train(
    sequences: &[Vec<u32>],
    items: usize,
    params: &SasrecParams,
    progress: &Progress,
) -> Result<(Net, TrainingLog), AnalysisError> {
    if !params.is_valid() {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-sasrec-settings"),
            why: tr!("analysis-sasrec-settings-why"),
        });
    }
    let started = Instant::now();
    let data = Data::new(sequences, items);
    if params.search && !data.trained.is_empty() {
        return search::search(&data, params, started, progress);
    }
    let mut run = Run::new(&data, params)?;
    if data.trained.is_empty() {
        return run.finish(data.validated.len(), false);
    }
    let deadline = started + std::time::Duration::from_secs_f64(params.budget_secs);
    let span = (0, params.epochs);
    let out_of_time = continue_run(
        &mut run,
        &data,
        params.epochs,
        deadline,
        span,
        None,
        progress,
    )?;
    run.finish(data.validated.len(), out_of_time)
}

/// Trains `run` until it has `epochs` epochs, `patience` epochs without a
/// better validation, or the `deadline` passes (then true). The progress bar
/// counts `span.0` epochs done before this call, `span.1` planned in all;
/// `trial` (number from 1, count) names the configuration tried.
pub(super) fn continue_run(
    run: &mut Run,
    data: &Data,
    epochs: usize,
    deadline: Instant,
    span: (usize, usize),
    trial: Option<(usize, usize)>,
    progress: &Progress,
) -> Result<bool, AnalysisError> {
    let start = run.epochs();
    while run.epochs() < epochs {
        let ticker = Ticker {
            progress,
            done_epochs: span.0 + run.epochs() - start,
            planned_epochs: span.1,
        };
        let end = run.epoch(data, deadline, &ticker)?;
        let epoch = run.epochs().to_string();
        let ndcg = number(*run.ndcg.last().expect("an epoch"), 3);
        progress.set_message(match trial {
            Some((trial, trials)) => tr!(
                "recommend-progress-sasrec-trial",
                trial = trial.to_string(),
                trials = trials.to_string(),
                epoch = epoch,
                ndcg = ndcg
            ),
            None => tr!(
                "recommend-progress-sasrec-epoch",
                epoch = epoch,
                ndcg = ndcg
            ),
        });
        if end == EpochEnd::OutOfTime {
            return Ok(true);
        }
        if run.stale_epochs() >= run.params.patience {
            break;
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_hold_every_target_once_then_distinct_draws() {
        let targets = [5, 9, 5, 2, 9];
        let draw = |seed| candidates(&targets, 8, 40, &mut ChaCha8Rng::seed_from_u64(seed));
        let (set, slots) = draw(1);
        assert_eq!(set.len(), 8);
        assert_eq!(&set[..3], &[5, 9, 2], "targets first, in first-seen order");
        let mut distinct = set.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 8, "{set:?}");
        assert!(
            set.iter().all(|&id| (1..=40).contains(&id)),
            "no padding: {set:?}"
        );
        for (&t, &slot) in targets.iter().zip(&slots) {
            assert_eq!(set[slot as usize], t);
        }
        assert_eq!(draw(1), (set.clone(), slots), "the seed fixes the draws");
        assert_ne!(draw(2).0, set, "another seed draws others");
        // Asked for more than the catalogue: every item once.
        let (all, _) = candidates(&targets, 100, 12, &mut ChaCha8Rng::seed_from_u64(1));
        assert_eq!(all.len(), 12);
    }
}

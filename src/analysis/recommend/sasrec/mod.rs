//! SASRec: a self-attention next-item model (Kang & McAuley, ICDM 2018) trained
//! with softmax cross-entropy over the catalogue, the variant Klenitskiy &
//! Vasilev (RecSys 2023) found strong for next-item prediction; above
//! [`SasrecParams::full_softmax_items`] items, over a sampled candidate set per
//! batch (see `train`).
//!
//! Contract:
//! - A customer's sequence is their events in the order `Interactions` keeps
//!   them (time, then item); the model reads the last
//!   [`SasrecParams::max_len`] of them.
//! - Training ([`train`]) predicts every next item of every sequence but the
//!   last; each customer's last training item is the validation target
//!   (NDCG@10 over the whole catalogue). Training stops after
//!   [`SasrecParams::epochs`], after [`SasrecParams::patience`] epochs without
//!   a better validation NDCG, or when [`SasrecParams::budget_secs`] is spent;
//!   the weights of the best validation epoch are kept. With
//!   [`SasrecParams::search`] a few configurations are tried first and the
//!   best by validation continues (see `search`); the model is built with
//!   [`TrainingLog::chosen`].
//! - The score of item i for customer u is the softmax probability of i as the
//!   next item after u's last `max_len` items (all of them, the last included).
//!   Lists rank by the logit (the same order) with a blocked matrix product,
//!   and turn the kept items' logits into probabilities.
//! - A fixed seed gives identical weights and scores, unless the time budget
//!   cuts training short (then it depends on the machine's speed).
//! - The reason of item B after a customer whose last item is A is "follows
//!   A → B" when some training sequence has A directly followed by B, else the
//!   customer's last two items.
//! - A fit given a saved model ([`saved`]) trained with the same settings on
//!   the same sequences takes its weights instead of training
//!   ([`Sasrec::reloaded`] is then true); [`Sasrec::saved`] gives what to save.

mod net;
pub mod saved;
mod search;
mod softmax;
mod train;

use std::collections::HashSet;

use candle_core::Tensor;
use serde::{Deserialize, Serialize};

pub use search::SasrecTrial;
use softmax::log_sum_exp;

use super::als::{Factors, best_items, matvec};
use super::interactions::Event;
use super::reason::Reason;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use saved::{SavedFile, SavedSasrec, Weight};

/// Settings of SASRec.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SasrecParams {
    /// Embedding size (a multiple of `heads`).
    pub dim: usize,
    /// Self-attention blocks.
    pub blocks: usize,
    /// Attention heads per block.
    pub heads: usize,
    /// Items of a customer's history read (the most recent).
    pub max_len: usize,
    /// Share of activations dropped while training (0..1).
    pub dropout: f32,
    /// Most passes over the training sequences.
    pub epochs: usize,
    /// Epochs without a better validation NDCG before stopping.
    pub patience: usize,
    /// Wall-clock seconds training may take at most.
    pub budget_secs: f64,
    /// Adam's step size.
    pub learning_rate: f64,
    /// Seed of the initial weights, the shuffles, the dropout and the
    /// sampled candidates.
    pub seed: u64,
    /// Catalogue size above which training scores each batch against
    /// [`SasrecParams::sampled_items`] candidates instead of every item
    /// (validation and scoring always use every item). The default, 2,048,
    /// samples as soon as the candidates are fewer than the items: given the
    /// same training time, the sampled loss validated as well as the full one
    /// at 2,000 items and better from 3,000 on (NDCG@10 0.39 against 0.34 at
    /// 3,000 items, 0.17 against 0.06 at 8,000; `cargo bench --bench sasrec`,
    /// part c).
    pub full_softmax_items: usize,
    /// Candidates of a sampled-softmax batch: its target items plus items
    /// drawn uniformly up to this total (2,048 by default: 512 trains more
    /// epochs in the same time but validated worse at every size measured).
    pub sampled_items: usize,
    /// Choose the size, depth, dropout and window by validation: a few
    /// configurations share 40 % of the budget, the best continues.
    pub search: bool,
}

impl Default for SasrecParams {
    /// The SASRec paper's settings for sparse shops (2 blocks, 1 head, dropout
    /// 0.2), 64 dimensions, and a budget short enough for a report card.
    fn default() -> Self {
        SasrecParams {
            dim: 64,
            blocks: 2,
            heads: 1,
            max_len: 50,
            dropout: 0.2,
            epochs: 30,
            patience: 3,
            budget_secs: 60.0,
            learning_rate: 0.002,
            seed: 42,
            full_softmax_items: 2_048,
            sampled_items: 2_048,
            search: false,
        }
    }
}

impl SasrecParams {
    /// The candidates each training batch scores on a catalogue of `items`:
    /// Some([`SasrecParams::sampled_items`]) above
    /// [`SasrecParams::full_softmax_items`], None for every item.
    pub fn sampled(&self, items: usize) -> Option<usize> {
        (items > self.full_softmax_items).then_some(self.sampled_items)
    }

    /// True when every setting is usable: positive sizes, `dim` divisible by
    /// `heads`, a dropout in 0..1, a positive budget and step size.
    pub fn is_valid(&self) -> bool {
        self.dim > 0
            && self.blocks > 0
            && self.heads > 0
            && self.dim.is_multiple_of(self.heads)
            && self.max_len > 0
            && (0.0..1.0).contains(&self.dropout)
            && self.epochs > 0
            && self.patience > 0
            && self.budget_secs > 0.0
            && self.learning_rate > 0.0
            && self.learning_rate.is_finite()
            && self.sampled_items > 0
    }
}

/// How a training run went, for the report and the tests.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingLog {
    /// Validation NDCG@10 after each epoch of the returned network (with the
    /// search, its trial's epochs first).
    pub ndcg: Vec<f64>,
    /// The epoch (from 1) whose weights were kept; 0 = the initial ones.
    pub best_epoch: usize,
    /// Customers validated on.
    pub validated: usize,
    /// Training stopped because the time budget was spent.
    pub out_of_time: bool,
    /// The configurations tried by the search, in order (empty without it).
    pub trials: Vec<SasrecTrial>,
    /// The settings of the returned network (the search's pick, else the
    /// operator's).
    pub chosen: SasrecParams,
}

/// The trained model, reduced to what scoring needs: every customer's state
/// after their history and every item's output vector.
pub struct Sasrec {
    pub params: SasrecParams,
    pub log: TrainingLog,
    /// The weights came from a saved model: nothing was trained.
    pub reloaded: bool,
    /// The kept network's weights, in its variable order (for saving).
    weights: Vec<Tensor>,
    /// [`saved::fingerprint`] of the sequences trained on.
    fingerprint: String,
    /// Items in the catalogue.
    item_count: usize,
    /// Customer × dim, the last position's output for each customer (`users`),
    /// and item × dim, the input embeddings shared with the output (`items`).
    vectors: Factors,
    /// Each customer's last item.
    last: Vec<Option<u32>>,
    /// Each customer's item before the last.
    before_last: Vec<Option<u32>>,
    /// Pairs (A, B) where some training sequence has B right after A.
    pairs: HashSet<(u32, u32)>,
}

/// Every customer's items in event order.
fn sequences(events: &[Event], customers: usize) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); customers];
    for e in events {
        if let Some(seq) = out.get_mut(e.customer as usize) {
            seq.push(e.item);
        }
    }
    out
}

impl Sasrec {
    /// Trains on `events` (sorted by customer, time, item) of `customers` ×
    /// the items with `item_ids`, or takes the weights of `saved` when it was
    /// trained with `params` on the same sequences (see the module contract).
    pub fn fit(
        events: &[Event],
        customers: usize,
        item_ids: &[&str],
        params: &SasrecParams,
        saved: Option<&SavedSasrec>,
        progress: &Progress,
    ) -> Result<Sasrec, AnalysisError> {
        let items = item_ids.len();
        let sequences = sequences(events, customers);
        let fingerprint = saved::fingerprint(&sequences, item_ids);
        let reuse = saved.filter(|s| s.fits(params, &fingerprint) && s.items == items);
        let (net, log) = match reuse {
            Some(saved) => {
                let net = net::Net::from_weights(items, &saved.log.chosen, &saved.weights)
                    .map_err(train::candle_error)?;
                (net, saved.log.clone())
            }
            None => train::train(&sequences, items, params, progress)?,
        };
        let vectors = Factors {
            factors: log.chosen.dim,
            users: net.states(&sequences).map_err(train::candle_error)?,
            items: net.item_vectors().map_err(train::candle_error)?,
        };
        let weights = net.snapshot().map_err(train::candle_error)?;
        let pairs = sequences
            .iter()
            .flat_map(|s| s.windows(2).map(|w| (w[0], w[1])))
            .collect();
        Ok(Sasrec {
            params: *params,
            log,
            reloaded: reuse.is_some(),
            weights,
            fingerprint,
            item_count: items,
            vectors,
            last: sequences.iter().map(|s| s.last().copied()).collect(),
            before_last: sequences
                .iter()
                .map(|s| s.len().checked_sub(2).map(|k| s[k]))
                .collect(),
            pairs,
        })
    }

    /// Items in the catalogue it was trained on.
    pub fn item_count(&self) -> usize {
        self.item_count
    }

    /// Every item's probability of being `u`'s next, as (item, score); empty
    /// for a customer without history.
    pub fn scores(&self, u: usize) -> Vec<(u32, f32)> {
        if self.last.get(u).copied().flatten().is_none() {
            return Vec::new();
        }
        let mut logits = vec![0f32; self.vectors.items.len() / self.vectors.factors];
        matvec(&self.vectors.items, self.vectors.user(u), &mut logits);
        let log_total = log_sum_exp(&logits);
        logits
            .into_iter()
            .enumerate()
            .map(|(i, l)| (i as u32, (l - log_total).exp()))
            .collect()
    }

    /// The model as saved, with the data `files` it was trained on.
    pub fn saved(&self, files: Vec<SavedFile>) -> Result<SavedSasrec, AnalysisError> {
        let weights = self
            .weights
            .iter()
            .map(|w| {
                Ok(Weight {
                    shape: w.dims().to_vec(),
                    values: w.flatten_all()?.to_vec1::<f32>()?,
                })
            })
            .collect::<candle_core::Result<Vec<_>>>()
            .map_err(train::candle_error)?;
        Ok(SavedSasrec {
            settings: self.params,
            log: self.log.clone(),
            items: self.item_count,
            sequences: self.fingerprint.clone(),
            files,
            weights,
        })
    }

    /// The customer and item vectors whose products are the logits (for the
    /// blocked scoring of lists).
    pub(crate) fn vectors(&self) -> &Factors {
        &self.vectors
    }

    /// The `n` best items of `u` from `logits` (u's row of the blocked
    /// product), leaving out those `skip` names, as (item, probability);
    /// empty for a customer without history.
    pub(crate) fn best_of_logits(
        &self,
        u: usize,
        logits: &[f32],
        n: usize,
        skip: impl Fn(u32) -> bool,
    ) -> Vec<(u32, f32)> {
        if self.last.get(u).copied().flatten().is_none() {
            return Vec::new();
        }
        let log_total = log_sum_exp(logits);
        let mut best = best_items(logits, n, skip);
        for (_, score) in &mut best {
            *score = (*score - log_total).exp();
        }
        best
    }

    /// Why `item` is recommended to `u` (see the module contract).
    pub fn reason(&self, u: usize, item: u32) -> Reason {
        let last = self.last.get(u).copied().flatten();
        match last {
            Some(a) if self.pairs.contains(&(a, item)) => Reason::Follows(a, item),
            Some(a) => Reason::Bought(
                std::iter::once(a)
                    .chain(self.before_last[u].filter(|&b| b != a))
                    .collect(),
            ),
            None => Reason::Popular,
        }
    }
}

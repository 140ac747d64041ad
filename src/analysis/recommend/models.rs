//! The recommenders behind one type: fit on a customer × item count matrix, then
//! a top-N list with a reason for every customer.
//!
//! Contract:
//! - Scores are ranked highest first, ties by lower item index. With
//!   `exclude_seen` the customer's training items are never recommended.
//! - A model that has fewer than N positive scores for a customer is filled up,
//!   first by the content fallback (items of the categories the customer bought,
//!   priced within ½–2× of the item bought, most popular first), then by
//!   popularity (in the customer's segment when a segment map is given). Filled
//!   items carry score 0 and their own reason.
//! - Popularity = number of distinct customers who bought the item.
//! - On explicit ratings (`ModelParams::explicit`) user-kNN ranks like on
//!   purchases, by the similarity of the neighbours who rated an item (so one
//!   neighbour's 5 stars cannot outrank what most neighbours rated), and gives
//!   each item's predicted rating (the mean-centred formula) as its reason.
//!   The other models read
//!   a rating as an interaction's strength: item-kNN and popularity count who
//!   rated an item (presence), ALS takes the rating as its confidence weight,
//!   history ranks the customer's own ratings.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use rayon::prelude::*;

use super::als::{AlsParams, Factors, SCORE_BLOCK, best_items, dot, fit_als, matvec, score_block};
use super::blend::{BlendWeights, blend_scores};
use super::interactions::{Event, ItemInfo};
use super::knn::{
    Scratch, Strength, item_knn_scores, item_neighbours, row_means, top_n, user_knn_scores,
};
use super::reason::Recommendation;
use super::repeat::{Repeat, RepeatParams};
use super::sasrec::saved::SavedSasrec;
use super::sasrec::{Sasrec, SasrecParams};
use super::sparse::Csr;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// The recommenders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ModelKind {
    /// Most bought overall (or in the customer's segment).
    Popular,
    /// Items similar to what the customer bought.
    ItemKnn,
    /// What similar customers bought.
    UserKnn,
    /// Implicit matrix factorisation.
    Als,
    /// The customer's own most-bought items (for re-buying shops).
    History,
    /// The customer's own items by recency-decayed frequency, plus what similar
    /// customers re-buy (TIFU-kNN; see `repeat`).
    Repeat,
    /// Self-attention over the customer's last items, trained to predict the
    /// next one (SASRec; see `sasrec`).
    Sasrec,
    /// Repeat, history and item-kNN, each scaled to its best item, mixed by
    /// weight (chosen by validation).
    Blend,
}

impl ModelKind {
    pub const ALL: [ModelKind; 8] = [
        ModelKind::Popular,
        ModelKind::ItemKnn,
        ModelKind::UserKnn,
        ModelKind::Als,
        ModelKind::History,
        ModelKind::Repeat,
        ModelKind::Sasrec,
        ModelKind::Blend,
    ];

    /// Whether a report card compares this model unless told otherwise: all
    /// but SASRec, which trains for up to its time budget (a minute by default)
    /// and joins the card when asked for (`evaluate --models all` or by name;
    /// in the tab, when it is the model picked).
    pub fn on_default_card(self) -> bool {
        self != ModelKind::Sasrec
    }

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Popular => "popular",
            ModelKind::ItemKnn => "item-knn",
            ModelKind::UserKnn => "user-knn",
            ModelKind::Als => "als",
            ModelKind::History => "history",
            ModelKind::Repeat => "repeat",
            ModelKind::Sasrec => "sasrec",
            ModelKind::Blend => "blend",
        }
    }
}

impl fmt::Display for ModelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ModelKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ModelKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown model '{s}': use popular, item-knn, user-knn, als, history, repeat, sasrec or blend"
                )
            })
    }
}

/// Settings of every model (each uses its own).
#[derive(Clone, Debug, PartialEq)]
pub struct ModelParams {
    /// Neighbours kept per item (item-kNN, blend).
    pub item_neighbours: usize,
    /// Similar customers used per customer (user-kNN).
    pub user_neighbours: usize,
    pub als: AlsParams,
    /// Decays, neighbours and neighbour weight of the repeat model (and the
    /// blend's repeat part).
    pub repeat: RepeatParams,
    /// Network size, training length and time budget of SASRec.
    pub sasrec: SasrecParams,
    /// A saved SASRec (a project's): its weights stand in for training when
    /// it was trained with `sasrec` on the same sequences.
    pub sasrec_saved: Option<Arc<SavedSasrec>>,
    /// The blend's mix of its parts.
    pub blend: BlendWeights,
    /// Segment of each customer (by customer index) for popularity within segment.
    pub segments: Option<Vec<Option<u32>>>,
    /// The matrix holds explicit ratings (not purchase counts): user-kNN then
    /// predicts ratings. Set from `Interactions::feedback`.
    pub explicit: bool,
}

impl Default for ModelParams {
    fn default() -> Self {
        ModelParams {
            item_neighbours: 50,
            user_neighbours: 50,
            als: AlsParams::default(),
            repeat: RepeatParams::default(),
            sasrec: SasrecParams::default(),
            sasrec_saved: None,
            blend: BlendWeights::default(),
            segments: None,
            explicit: false,
        }
    }
}

enum Fitted {
    Plain,
    /// Explicit user-kNN: every customer's mean rating, and the top rating.
    Ratings {
        means: Vec<f32>,
        top: f32,
    },
    Neighbours(Csr),
    Factors(Factors),
    Repeat(Repeat),
    Sasrec(Box<Sasrec>),
    /// The blend's parts with a weight above 0, each fitted as its own model.
    Blend(Vec<Model>),
}

/// A fitted model with what it needs to recommend.
pub struct Model {
    pub kind: ModelKind,
    train: Csr,
    by_item: Csr,
    params: ModelParams,
    fitted: Fitted,
    /// Items by popularity (highest first, ties by lower index).
    popular: Vec<u32>,
    /// Per segment, its items by popularity within it.
    segment_popular: HashMap<u32, Vec<u32>>,
    /// Per item, its category's items by popularity.
    category_items: Vec<Option<usize>>,
    categories: Vec<Vec<u32>>,
    prices: Vec<Option<f64>>,
}

/// Items by number of customers in `rows` (all when None), ties by lower index.
fn by_popularity(train: &Csr, rows: Option<&[usize]>) -> Vec<u32> {
    let mut counts = vec![0u32; train.cols];
    let mut count_row = |r: usize| {
        for &i in train.row(r).0 {
            counts[i as usize] += 1;
        }
    };
    match rows {
        Some(rows) => rows.iter().for_each(|&r| count_row(r)),
        None => (0..train.rows).for_each(count_row),
    }
    let mut order: Vec<u32> = (0..train.cols as u32)
        .filter(|&i| counts[i as usize] > 0)
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(counts[i as usize]), i));
    order
}

/// Fits `kind` on the customer × item matrix `train` (rows = customers as in
/// `params.segments`, columns = `items`) built from `events` (sorted by
/// customer, time, item: the repeat model reads their order and time).
pub fn fit(
    kind: ModelKind,
    train: Csr,
    events: &[Event],
    items: &[ItemInfo],
    params: &ModelParams,
    progress: &Progress,
) -> Result<Model, AnalysisError> {
    if kind == ModelKind::Blend && !params.blend.is_valid() {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-blend-settings"),
            why: tr!("analysis-blend-weights"),
        });
    }
    let repeat_used = matches!(kind, ModelKind::Repeat | ModelKind::Blend);
    if repeat_used && !params.repeat.is_valid() {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-repeat-settings"),
            why: tr!("analysis-repeat-invalid"),
        });
    }
    let fitted = match kind {
        ModelKind::ItemKnn => {
            Fitted::Neighbours(item_neighbours(&train, params.item_neighbours, progress)?)
        }
        ModelKind::Repeat => Fitted::Repeat(Repeat::fit(
            events,
            train.rows,
            train.cols,
            &params.repeat,
            progress,
        )?),
        ModelKind::Sasrec => {
            let item_ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
            Fitted::Sasrec(Box::new(Sasrec::fit(
                events,
                train.rows,
                &item_ids,
                &params.sasrec,
                params.sasrec_saved.as_deref(),
                progress,
            )?))
        }
        ModelKind::Blend => {
            let mut parts = Vec::new();
            for part in BlendWeights::PARTS {
                if params.blend.weight(part) > 0.0 {
                    parts.push(fit(part, train.clone(), events, items, params, progress)?);
                }
            }
            Fitted::Blend(parts)
        }
        ModelKind::Als => Fitted::Factors(fit_als(&train, &params.als, progress)?),
        ModelKind::UserKnn if params.explicit => Fitted::Ratings {
            means: row_means(&train),
            top: train.values.iter().copied().fold(0f32, f32::max),
        },
        _ => Fitted::Plain,
    };
    let popular = by_popularity(&train, None);
    let mut segment_rows: HashMap<u32, Vec<usize>> = HashMap::new();
    if let Some(segments) = &params.segments {
        for (u, s) in segments.iter().enumerate().take(train.rows) {
            if let Some(s) = s {
                segment_rows.entry(*s).or_default().push(u);
            }
        }
    }
    let segment_popular = segment_rows
        .into_iter()
        .map(|(s, rows)| (s, by_popularity(&train, Some(&rows))))
        .collect();
    let mut names: Vec<&str> = items.iter().filter_map(|i| i.category.as_deref()).collect();
    names.sort_unstable();
    names.dedup();
    let category_items: Vec<Option<usize>> = items
        .iter()
        .map(|i| {
            i.category
                .as_deref()
                .and_then(|c| names.binary_search(&c).ok())
        })
        .collect();
    let mut categories = vec![Vec::new(); names.len()];
    for &i in &popular {
        if let Some(c) = category_items[i as usize] {
            categories[c].push(i);
        }
    }
    Ok(Model {
        kind,
        by_item: train.transpose(),
        train,
        params: params.clone(),
        fitted,
        popular,
        segment_popular,
        category_items,
        categories,
        prices: items.iter().map(|i| i.price).collect(),
    })
}

impl Model {
    /// Scratch buffers sized for this model (one per thread).
    pub fn scratch(&self) -> Scratch {
        Scratch::new(self.train.cols, self.train.rows)
    }

    /// The customer × item training matrix.
    pub fn train(&self) -> &Csr {
        &self.train
    }

    /// The trained SASRec, when this is one.
    pub fn sasrec(&self) -> Option<&Sasrec> {
        match &self.fitted {
            Fitted::Sasrec(sasrec) => Some(sasrec),
            _ => None,
        }
    }

    /// Model scores of customer `u` as (item, score), unordered, positive only
    /// (ALS: every item; popularity: enough to fill `limit`).
    fn scores(&self, u: usize, limit: usize, scratch: &mut Scratch) -> Vec<(u32, f32)> {
        scratch.clear();
        let history = || self.train.row(u);
        match (&self.fitted, self.kind) {
            (Fitted::Factors(f), _) => {
                let mut all = vec![0f32; self.train.cols];
                matvec(&f.items, f.user(u), &mut all);
                return all
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| (i as u32, s))
                    .collect();
            }
            (Fitted::Blend(_), _) => {
                let parts = self.blend_parts(u, limit, scratch);
                return blend_scores(&parts, &self.params.blend, scratch);
            }
            (Fitted::Repeat(repeat), _) => repeat.scores(u, scratch),
            (Fitted::Sasrec(sasrec), _) => return sasrec.scores(u),
            (Fitted::Neighbours(n), _) => item_knn_scores(&self.train, n, u, scratch),
            // Explicit ratings rank by the same support; the rating is the reason.
            (Fitted::Ratings { top, .. }, _) => {
                let k = self.params.user_neighbours;
                let strength = Strength::Rating { top: *top };
                user_knn_scores(&self.train, &self.by_item, u, k, strength, scratch);
            }
            (Fitted::Plain, ModelKind::UserKnn) => {
                let k = self.params.user_neighbours;
                let strength = Strength::Presence;
                user_knn_scores(&self.train, &self.by_item, u, k, strength, scratch);
            }
            (Fitted::Plain, ModelKind::History) => {
                let (items, counts) = history();
                for (&i, &c) in items.iter().zip(counts) {
                    scratch.add(i, c);
                }
            }
            (Fitted::Plain, _) => {
                // Enough of the order to fill `limit` after leaving out what was seen.
                let order = self.popular_for(u).0;
                let take = order.len().min(limit + history().0.len());
                let n = order.len() as f32;
                for (rank, &i) in order[..take].iter().enumerate() {
                    scratch.add(i, n - rank as f32);
                }
            }
        }
        scratch.positive()
    }

    /// Each blend part's scores of `u`, scaled so its best item scores 1.
    pub(super) fn blend_parts(
        &self,
        u: usize,
        limit: usize,
        scratch: &mut Scratch,
    ) -> Vec<(ModelKind, Vec<(u32, f32)>)> {
        let Fitted::Blend(parts) = &self.fitted else {
            return Vec::new();
        };
        parts
            .iter()
            .map(|part| {
                let mut scores = part.scores(u, limit, scratch);
                let best = scores.iter().map(|&(_, s)| s).fold(0f32, f32::max);
                for (_, s) in &mut scores {
                    *s /= best;
                }
                (part.kind, scores)
            })
            .collect()
    }

    /// The blend's list of `u` from its parts' scaled scores mixed by `weights`
    /// (validation tries several mixes on the same parts).
    pub(super) fn blend_list(
        &self,
        u: usize,
        n: usize,
        exclude_seen: bool,
        parts: &[(ModelKind, Vec<(u32, f32)>)],
        weights: &BlendWeights,
        scratch: &mut Scratch,
    ) -> Vec<Recommendation> {
        let mut scored = blend_scores(parts, weights, scratch);
        self.finish(u, n, exclude_seen, &mut scored);
        self.explain(u, n, exclude_seen, scored, scratch)
    }

    /// The repeat model's neighbours used and their weight, changed without a
    /// refit (validation tries several on one fit, kept with the most
    /// neighbours it tries).
    pub(super) fn set_repeat(&mut self, neighbours: usize, alpha: f32) {
        if let Fitted::Repeat(repeat) = &mut self.fitted {
            repeat.params.neighbours = neighbours;
            repeat.params.alpha = alpha;
            self.params.repeat = repeat.params;
        }
    }

    /// Leaves out seen items (when asked) and keeps the best `n`.
    fn finish(&self, u: usize, n: usize, exclude_seen: bool, scored: &mut Vec<(u32, f32)>) {
        if exclude_seen {
            let seen = self.train.row(u).0;
            scored.retain(|&(i, _)| seen.binary_search(&i).is_err());
        }
        top_n(scored, n);
    }

    /// The popularity order for customer `u` and whether it is the segment's.
    fn popular_for(&self, u: usize) -> (&[u32], bool) {
        let segment = self
            .params
            .segments
            .as_ref()
            .and_then(|s| s.get(u).copied().flatten());
        match segment.and_then(|s| self.segment_popular.get(&s)) {
            Some(order) => (order, true),
            None => (&self.popular, false),
        }
    }

    /// The top `n` for customer `u` with reasons (see the module contract).
    pub fn recommend(
        &self,
        u: usize,
        n: usize,
        exclude_seen: bool,
        scratch: &mut Scratch,
    ) -> Vec<Recommendation> {
        let mut scored = self.scores(u, n, scratch);
        self.finish(u, n, exclude_seen, &mut scored);
        self.explain(u, n, exclude_seen, scored, scratch)
    }

    /// The customer and item vectors whose products score every item (ALS's
    /// factors, SASRec's states and item embeddings), for blocked listing.
    fn block_factors(&self) -> Option<&Factors> {
        match &self.fitted {
            Fitted::Factors(f) => Some(f),
            Fitted::Sasrec(s) => Some(s.vectors()),
            _ => None,
        }
    }

    /// The top `n` for every customer, in customer order, in parallel.
    pub fn recommend_all(
        &self,
        n: usize,
        exclude_seen: bool,
        progress: &Progress,
    ) -> Result<Vec<Vec<Recommendation>>, AnalysisError> {
        self.recommend_for(
            &(0..self.train.rows).collect::<Vec<_>>(),
            n,
            exclude_seen,
            progress,
        )
    }

    /// The top `n` for each of `customers`, in that order, in parallel.
    pub fn recommend_for(
        &self,
        customers: &[usize],
        n: usize,
        exclude_seen: bool,
        progress: &Progress,
    ) -> Result<Vec<Vec<Recommendation>>, AnalysisError> {
        let mut out = Vec::with_capacity(customers.len());
        for (step, chunk) in customers.chunks(4096).enumerate() {
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            progress.report((step * 4096) as u64, customers.len() as u64);
            if let Some(f) = self.block_factors()
                && self.train.cols > 0
            {
                // A block of customers times all items in one matrix product.
                let parts: Vec<Vec<Recommendation>> = chunk
                    .par_chunks(SCORE_BLOCK)
                    .map_init(
                        || self.scratch(),
                        |scratch, users| {
                            let scores = score_block(f, users);
                            let items = self.train.cols;
                            let lists = users.iter().zip(scores.chunks_exact(items));
                            lists
                                .map(|(&u, scores)| {
                                    let seen = self.train.row(u).0;
                                    let skip =
                                        |i: u32| exclude_seen && seen.binary_search(&i).is_ok();
                                    let best = match &self.fitted {
                                        // Logits rank as the probabilities do.
                                        Fitted::Sasrec(s) => s.best_of_logits(u, scores, n, skip),
                                        _ => best_items(scores, n, skip),
                                    };
                                    self.explain(u, n, exclude_seen, best, scratch)
                                })
                                .collect::<Vec<_>>()
                        },
                    )
                    .flatten()
                    .collect();
                out.extend(parts);
                continue;
            }
            let part: Vec<Vec<Recommendation>> = chunk
                .par_iter()
                .map_init(
                    || self.scratch(),
                    |scratch, &u| self.recommend(u, n, exclude_seen, scratch),
                )
                .collect();
            out.extend(part);
        }
        progress.report(customers.len() as u64, customers.len() as u64);
        Ok(out)
    }

    /// The items most similar to `item` (item-kNN and blend: cosine neighbours;
    /// ALS: factor cosine), best first; empty for the other models.
    pub fn similar_items(&self, item: u32, n: usize) -> Vec<(u32, f32)> {
        match &self.fitted {
            Fitted::Neighbours(near) => {
                // Rows are stored by item index: rank them by similarity.
                let (items, sims) = near.row(item as usize);
                let mut list: Vec<(u32, f32)> =
                    items.iter().copied().zip(sims.iter().copied()).collect();
                top_n(&mut list, n);
                list
            }
            Fitted::Factors(f) => {
                let yi = f.item(item as usize);
                let mut list: Vec<(u32, f32)> = (0..self.train.cols as u32)
                    .filter(|&j| j != item)
                    .map(|j| {
                        let yj = f.item(j as usize);
                        (
                            j,
                            dot(yi, yj) / (dot(yj, yj).sqrt() * dot(yi, yi).sqrt()).max(1e-12),
                        )
                    })
                    .collect();
                top_n(&mut list, n);
                list
            }
            Fitted::Blend(parts) => parts
                .iter()
                .find(|p| p.kind == ModelKind::ItemKnn)
                .map_or_else(Vec::new, |p| p.similar_items(item, n)),
            Fitted::Plain | Fitted::Ratings { .. } | Fitted::Repeat(_) | Fitted::Sasrec(_) => {
                Vec::new()
            }
        }
    }
}

#[path = "explain.rs"]
mod explain;

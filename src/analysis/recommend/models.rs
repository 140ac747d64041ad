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

use rayon::prelude::*;

use super::als::{AlsParams, Factors, SCORE_BLOCK, best_items, dot, fit_als, matvec, score_block};
use super::interactions::ItemInfo;
use super::knn::{
    Scratch, Strength, item_knn_scores, item_neighbours, predicted_rating, rating_neighbours,
    row_means, similar_customers, top_n, user_knn_scores,
};
use super::reason::{Reason, Recommendation};
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
    /// History and item-kNN, each scaled to its best item, mixed by weight.
    Blend,
}

impl ModelKind {
    pub const ALL: [ModelKind; 6] = [
        ModelKind::Popular,
        ModelKind::ItemKnn,
        ModelKind::UserKnn,
        ModelKind::Als,
        ModelKind::History,
        ModelKind::Blend,
    ];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Popular => "popular",
            ModelKind::ItemKnn => "item-knn",
            ModelKind::UserKnn => "user-knn",
            ModelKind::Als => "als",
            ModelKind::History => "history",
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
                    "unknown model '{s}': use popular, item-knn, user-knn, als, history or blend"
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
    /// Weight of the customer's own history in the blend (0..=1).
    pub history_weight: f32,
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
            history_weight: 0.5,
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
/// `params.segments`, columns = `items`).
pub fn fit(
    kind: ModelKind,
    train: Csr,
    items: &[ItemInfo],
    params: &ModelParams,
    progress: &Progress,
) -> Result<Model, AnalysisError> {
    if !(0.0..=1.0).contains(&params.history_weight) {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-blend-settings"),
            why: tr!("analysis-history-weight"),
        });
    }
    let fitted = match kind {
        ModelKind::ItemKnn | ModelKind::Blend => {
            Fitted::Neighbours(item_neighbours(&train, params.item_neighbours, progress)?)
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
            (Fitted::Neighbours(n), ModelKind::Blend) => {
                item_knn_scores(&self.train, n, u, scratch);
                let knn_max = scratch.touched.iter().map(|&i| scratch.scores[i as usize]);
                let knn_max = knn_max.fold(0f32, f32::max);
                let (items, counts) = history();
                let own_max = counts.iter().copied().fold(0f32, f32::max);
                let w = self.params.history_weight;
                let knn: Vec<(u32, f32)> = scratch
                    .touched
                    .iter()
                    .map(|&i| (i, (1.0 - w) * scratch.scores[i as usize] / knn_max))
                    .collect();
                scratch.clear();
                for (i, s) in knn {
                    scratch.add(i, s);
                }
                for (&i, &c) in items.iter().zip(counts) {
                    scratch.add(i, w * c / own_max);
                }
            }
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
        scratch
            .touched
            .iter()
            .map(|&i| (i, scratch.scores[i as usize]))
            .filter(|&(_, s)| s > 0.0)
            .collect()
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
        let seen = self.train.row(u).0;
        let mut scored = self.scores(u, n, scratch);
        if exclude_seen {
            scored.retain(|&(i, _)| seen.binary_search(&i).is_err());
        }
        top_n(&mut scored, n);
        self.explain(u, n, exclude_seen, scored, scratch)
    }

    /// The list of `u` from its model's top `scored` items (best first): a
    /// reason for each, then content and popularity fill-ins up to `n`.
    fn explain(
        &self,
        u: usize,
        n: usize,
        exclude_seen: bool,
        scored: Vec<(u32, f32)>,
        scratch: &mut Scratch,
    ) -> Vec<Recommendation> {
        let seen = self.train.row(u).0;
        let is_seen = |i: u32| seen.binary_search(&i).is_ok();
        let k = self.params.user_neighbours;
        let near = match &self.fitted {
            _ if self.kind != ModelKind::UserKnn || scored.is_empty() => Vec::new(),
            Fitted::Ratings { .. } => rating_neighbours(&self.train, &self.by_item, u, scratch),
            _ => similar_customers(
                &self.train,
                &self.by_item,
                u,
                k,
                Strength::Presence,
                scratch,
            ),
        };
        let mut out: Vec<Recommendation> = scored
            .into_iter()
            .map(|(item, score)| Recommendation {
                item,
                score,
                reason: self.reason(u, item, &near),
            })
            .collect();
        if out.len() < n {
            let mut taken: Vec<u32> = out.iter().map(|r| r.item).collect();
            let mut push = |item: u32, reason: Reason, out: &mut Vec<Recommendation>| {
                if out.len() < n && !(exclude_seen && is_seen(item)) && !taken.contains(&item) {
                    taken.push(item);
                    out.push(Recommendation {
                        item,
                        score: 0.0,
                        reason,
                    });
                }
            };
            for (item, source) in self.content_candidates(u) {
                push(item, Reason::SameCategory(source), &mut out);
            }
            let (order, in_segment) = self.popular_for(u);
            let reason = if in_segment {
                Reason::PopularInSegment
            } else {
                Reason::Popular
            };
            for &item in order {
                if out.len() >= n {
                    break;
                }
                push(item, reason.clone(), &mut out);
            }
        }
        out
    }

    /// Items of the categories `u` bought, in the price band of the item bought,
    /// with that item; most-bought history items first, then by popularity.
    fn content_candidates(&self, u: usize) -> Vec<(u32, u32)> {
        let (items, counts) = self.train.row(u);
        let mut history: Vec<(u32, f32)> =
            items.iter().copied().zip(counts.iter().copied()).collect();
        top_n(&mut history, usize::MAX);
        let mut out = Vec::new();
        for (source, _) in history {
            let Some(c) = self.category_items[source as usize] else {
                continue;
            };
            let band = self.prices[source as usize].map(|p| (p * 0.5, p * 2.0));
            for &i in &self.categories[c] {
                let in_band = match (band, self.prices[i as usize]) {
                    (Some((lo, hi)), Some(p)) => (lo..=hi).contains(&p),
                    _ => true,
                };
                if i != source && in_band {
                    out.push((i, source));
                }
            }
        }
        out
    }

    /// Why the model recommends `item` to `u` (`near`: u's similar customers,
    /// most similar first, for user-kNN).
    fn reason(&self, u: usize, item: u32, near: &[(u32, f32)]) -> Reason {
        let (history, counts) = self.train.row(u);
        let top_two = |mut list: Vec<(u32, f32)>| {
            top_n(&mut list, 2);
            if list.is_empty() {
                Reason::Popular
            } else {
                Reason::Bought(list.into_iter().map(|(i, _)| i).collect())
            }
        };
        let own = history.binary_search(&item).ok().map(|k| counts[k] as u32);
        match (&self.fitted, self.kind) {
            (_, ModelKind::History) => Reason::BoughtBefore(own.unwrap_or(0)),
            (Fitted::Neighbours(_), ModelKind::Blend) if own.is_some() => {
                Reason::BoughtBefore(own.unwrap_or(0))
            }
            (Fitted::Neighbours(n), _) => top_two(
                history
                    .iter()
                    .filter_map(|&j| {
                        let (near, sims) = n.row(j as usize);
                        near.binary_search(&item).ok().map(|k| (j, sims[k]))
                    })
                    .collect(),
            ),
            (Fitted::Factors(f), _) => {
                let yi = f.item(item as usize);
                top_two(
                    history
                        .iter()
                        .filter(|&&j| j != item)
                        .map(|&j| {
                            let yj = f.item(j as usize);
                            (
                                j,
                                dot(yi, yj) / (dot(yj, yj).sqrt() * dot(yi, yi).sqrt()).max(1e-12),
                            )
                        })
                        .collect(),
                )
            }
            (Fitted::Ratings { means, .. }, _) => {
                let k = self.params.user_neighbours;
                let (rating, used) = predicted_rating(&self.train, means, near, u, item, k);
                Reason::PredictedRating(rating, used)
            }
            (Fitted::Plain, ModelKind::UserKnn) => {
                let count = near
                    .iter()
                    .filter(|(v, _)| {
                        let bought = self.train.row(*v as usize).0;
                        bought.binary_search(&item).is_ok()
                    })
                    .count()
                    .min(self.params.user_neighbours) as u32;
                Reason::SimilarCustomers(count)
            }
            (Fitted::Plain, _) => {
                if self.popular_for(u).1 {
                    Reason::PopularInSegment
                } else {
                    Reason::Popular
                }
            }
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
            if let Fitted::Factors(f) = &self.fitted
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
                                    let best = best_items(scores, n, skip);
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
            Fitted::Plain | Fitted::Ratings { .. } => Vec::new(),
        }
    }
}

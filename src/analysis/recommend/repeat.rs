//! Repeat buys with timing: a next-basket model in the style of TIFU-kNN (Hu et
//! al., KDD 2020), the published state of the art for shops where customers
//! re-buy.
//!
//! Contract:
//! - A customer's baskets are their orders, by time (an order's first event).
//!   From the most recent backwards they fall into groups of
//!   [`RepeatParams::group_size`] baskets (the oldest group may be short). A
//!   group's vector is the mean of its baskets, the basket `q` places before the
//!   group's last weighted `basket_decay^q`; the customer's vector is the mean of
//!   the group vectors, the group `g` places before the last weighted
//!   `group_decay^g`. An item's value is so its recency-decayed frequency.
//! - The score of item i for customer u is `own[i] + alpha × mean over the k
//!   nearest customers of their vector[i]`, the nearest by cosine of these
//!   vectors (ties by lower customer index); k = `neighbours` (at most those
//!   the fit kept: fewer when fewer customers share an item).
//! - Built from the events (order and time), not the count matrix: two
//!   customers with the same counts but different timing get different scores.

use std::collections::HashMap;

use rayon::prelude::*;

use super::interactions::Event;
use super::knn::{Scratch, top_n};
use super::sparse::Csr;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;

/// Milliseconds in a day, for "last bought N days ago".
const DAY_MS: i64 = 86_400_000;

/// Settings of the repeat model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RepeatParams {
    /// Baskets per group.
    pub group_size: usize,
    /// Weight of a basket relative to the next one in its group (0..=1).
    pub basket_decay: f32,
    /// Weight of a group relative to the next one (0..=1).
    pub group_decay: f32,
    /// Similar customers whose vectors are averaged.
    pub neighbours: usize,
    /// Weight of the similar customers' mean vector (0 = own items only).
    pub alpha: f32,
}

impl Default for RepeatParams {
    /// The TIFU-kNN paper's grocery settings (group of 7, decays 0.9 and 0.7),
    /// with a light neighbour weight.
    fn default() -> Self {
        RepeatParams {
            group_size: 7,
            basket_decay: 0.9,
            group_decay: 0.7,
            neighbours: 50,
            alpha: 0.25,
        }
    }
}

impl RepeatParams {
    /// True when every setting is usable: decays in 0..=1, at least one basket
    /// per group and one neighbour, a finite alpha of at least 0.
    pub fn is_valid(&self) -> bool {
        (0.0..=1.0).contains(&self.basket_decay)
            && (0.0..=1.0).contains(&self.group_decay)
            && self.group_size > 0
            && self.neighbours > 0
            && self.alpha >= 0.0
            && self.alpha.is_finite()
    }
}

/// The fitted repeat model: every customer's decayed vector, when they last
/// bought each item and their nearest customers.
pub struct Repeat {
    pub params: RepeatParams,
    /// Customer × item recency-decayed frequency.
    vectors: Csr,
    /// Same cells: whole days from the customer's last purchase of the item to
    /// the last purchase in the data.
    days_ago: Csr,
    /// Per customer, the nearest customers (most similar first) with their cosine.
    near: Vec<Vec<(u32, f32)>>,
}

impl Repeat {
    /// Fits on `events` (sorted by customer, time, item, as `Interactions`
    /// keeps them) of `customers` × `items`, keeping `params.neighbours`
    /// neighbours per customer.
    pub fn fit(
        events: &[Event],
        customers: usize,
        items: usize,
        params: &RepeatParams,
        progress: &Progress,
    ) -> Result<Repeat, AnalysisError> {
        let (vectors, days_ago) = decayed_vectors(events, customers, items, params);
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        // Without a neighbour weight the search (most of the fit's time) is moot.
        let near = if params.alpha > 0.0 {
            nearest(&vectors, params.neighbours, progress)?
        } else {
            vec![Vec::new(); customers]
        };
        Ok(Repeat {
            params: *params,
            vectors,
            days_ago,
            near,
        })
    }

    /// Adds customer `u`'s scores to `scratch` (see the module contract).
    pub fn scores(&self, u: usize, scratch: &mut Scratch) {
        let (items, values) = self.vectors.row(u);
        for (&i, &v) in items.iter().zip(values) {
            scratch.add(i, v);
        }
        let near = self.nearest_of(u);
        if self.params.alpha > 0.0 && !near.is_empty() {
            let w = self.params.alpha / near.len() as f32;
            for &(v, _) in near {
                let (items, values) = self.vectors.row(v as usize);
                for (&i, &x) in items.iter().zip(values) {
                    scratch.add(i, w * x);
                }
            }
        }
    }

    /// The `neighbours` nearest customers of `u` used in scoring.
    fn nearest_of(&self, u: usize) -> &[(u32, f32)] {
        let near = &self.near[u];
        &near[..near.len().min(self.params.neighbours)]
    }

    /// Days since `u` last bought `item` (None: never bought it).
    pub fn days_ago(&self, u: usize, item: u32) -> Option<u32> {
        let (items, days) = self.days_ago.row(u);
        items.binary_search(&item).ok().map(|k| days[k] as u32)
    }

    /// How many of the neighbours of `u` used in scoring bought `item`.
    pub fn neighbours_with(&self, u: usize, item: u32) -> u32 {
        let near = self.nearest_of(u);
        let bought = |v: u32| self.vectors.row(v as usize).0.binary_search(&item).is_ok();
        near.iter().filter(|&&(v, _)| bought(v)).count() as u32
    }
}

/// Every customer's decayed vector and the days since each item was last
/// bought (see the module contract).
fn decayed_vectors(
    events: &[Event],
    customers: usize,
    items: usize,
    params: &RepeatParams,
) -> (Csr, Csr) {
    let now = events.iter().map(|e| e.ts_ms).max().unwrap_or(0);
    let mut weights = Vec::with_capacity(events.len());
    let mut last = Vec::with_capacity(events.len());
    let mut baskets: HashMap<u32, usize> = HashMap::new();
    for own in events.chunk_by(|a, b| a.customer == b.customer) {
        // Baskets in time order: each order at its first event (events are by time).
        baskets.clear();
        let basket_of: Vec<usize> = own
            .iter()
            .map(|e| {
                let next = baskets.len();
                *baskets.entry(e.order).or_insert(next)
            })
            .collect();
        let n = baskets.len();
        let m = params.group_size;
        let groups = n.div_ceil(m);
        let weight = |b: usize| {
            let back = n - 1 - b;
            let (g, q) = (back / m, back % m);
            let in_group = if g + 1 < groups {
                m
            } else {
                n - m * (groups - 1)
            };
            params.group_decay.powi(g as i32) / groups as f32 * params.basket_decay.powi(q as i32)
                / in_group as f32
        };
        for (e, &b) in own.iter().zip(&basket_of) {
            weights.push((e.customer, e.item, weight(b)));
        }
        // Events are by time, so an item's last event is its most recent purchase.
        let mut seen: Vec<(u32, i64)> = own.iter().map(|e| (e.item, e.ts_ms)).collect();
        seen.sort_by_key(|&(i, ts)| (i, std::cmp::Reverse(ts)));
        seen.dedup_by_key(|&mut (i, _)| i);
        let customer = own[0].customer;
        last.extend(
            seen.into_iter()
                .map(|(i, ts)| (customer, i, ((now - ts).max(0) / DAY_MS) as f32)),
        );
    }
    (
        Csr::from_triplets(customers, items, &weights),
        Csr::from_triplets(customers, items, &last),
    )
}

/// Per customer, the `k` most similar customers by cosine of their vectors
/// (positive similarity only, most similar first, ties by lower index).
fn nearest(
    vectors: &Csr,
    k: usize,
    progress: &Progress,
) -> Result<Vec<Vec<(u32, f32)>>, AnalysisError> {
    let by_item = vectors.transpose();
    let norms: Vec<f32> = (0..vectors.rows)
        .map(|u| vectors.row(u).1.iter().map(|x| x * x).sum::<f32>().sqrt())
        .collect();
    let rows: Vec<usize> = (0..vectors.rows).collect();
    let mut out = Vec::with_capacity(vectors.rows);
    for (step, chunk) in rows.chunks(4096).enumerate() {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        progress.report((step * 4096) as u64, rows.len() as u64);
        let part: Vec<Vec<(u32, f32)>> = chunk
            .par_iter()
            .map_init(
                || (vec![0f32; vectors.rows], Vec::new()),
                |(acc, touched), &u| {
                    let (items, values) = vectors.row(u);
                    for (&i, &x) in items.iter().zip(values) {
                        let (others, ys) = by_item.row(i as usize);
                        for (&v, &y) in others.iter().zip(ys) {
                            if v as usize != u {
                                if acc[v as usize] == 0.0 {
                                    touched.push(v);
                                }
                                acc[v as usize] += x * y;
                            }
                        }
                    }
                    let mut sims: Vec<(u32, f32)> = touched
                        .iter()
                        .map(|&v| (v, acc[v as usize] / (norms[u] * norms[v as usize])))
                        .filter(|&(_, s)| s > 0.0 && s.is_finite())
                        .collect();
                    for &v in touched.iter() {
                        acc[v as usize] = 0.0;
                    }
                    touched.clear();
                    top_n(&mut sims, k);
                    sims
                },
            )
            .collect();
        out.extend(part);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(customer: u32, item: u32, order: u32, day: i64) -> Event {
        Event {
            customer,
            item,
            order,
            ts_ms: day * DAY_MS,
            rating: 1.0,
        }
    }

    #[test]
    fn recent_baskets_weigh_more_and_groups_decay() {
        // Customer 0: item 0 in the first of three baskets, item 1 in the last.
        let events = [event(0, 0, 0, 0), event(0, 1, 1, 5), event(0, 1, 2, 9)];
        let params = RepeatParams {
            group_size: 2,
            basket_decay: 0.5,
            group_decay: 0.25,
            ..RepeatParams::default()
        };
        let (v, days) = decayed_vectors(&events, 1, 2, &params);
        // Groups from the end: {1, 2} (size 2) and {0} (size 1); 2 groups.
        // item 1: (1 + 0.5) / 2 / 2 = 0.375; item 0: 0.25 / 1 / 2 = 0.125.
        assert!((v.get(0, 1) - 0.375).abs() < 1e-6, "{v:?}");
        assert!((v.get(0, 0) - 0.125).abs() < 1e-6, "{v:?}");
        assert_eq!(days.get(0, 0), 9.0);
        assert_eq!(days.get(0, 1), 0.0);
    }

    #[test]
    fn neighbours_are_the_customers_with_the_closest_vectors() {
        // 0 and 1 buy items 0 and 1; 2 buys item 1 and 2; 3 buys item 3 only.
        let events = [
            event(0, 0, 0, 0),
            event(0, 1, 0, 0),
            event(1, 0, 1, 0),
            event(1, 1, 1, 0),
            event(2, 1, 2, 0),
            event(2, 2, 2, 0),
            event(3, 3, 3, 0),
        ];
        let params = RepeatParams {
            neighbours: 2,
            ..RepeatParams::default()
        };
        let model = Repeat::fit(&events, 4, 4, &params, &Progress::detached()).expect("fit");
        let near: Vec<u32> = model.near[0].iter().map(|&(v, _)| v).collect();
        assert_eq!(near, vec![1, 2]);
        assert!(model.near[3].is_empty());
        assert_eq!(model.neighbours_with(0, 2), 1);
    }
}

//! The words beside a list: each scored item's reason, then the content and
//! popularity fill-ins up to N (see the contract of `models`).

use super::{Fitted, Model, ModelKind};
use crate::analysis::recommend::als::dot;
use crate::analysis::recommend::knn::Scratch;
use crate::analysis::recommend::knn::{
    Strength, predicted_rating, rating_neighbours, similar_customers, top_n,
};
use crate::analysis::recommend::reason::{Reason, Recommendation};

impl Model {
    /// The list of `u` from its model's top `scored` items (best first): a
    /// reason for each, then content and popularity fill-ins up to `n`.
    pub(super) fn explain(
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
            (Fitted::Sasrec(sasrec), _) => sasrec.reason(u, item),
            (Fitted::Repeat(repeat), _) => match (own, repeat.days_ago(u, item)) {
                (Some(times), Some(days)) => Reason::BoughtLast(times, days),
                _ => Reason::SimilarCustomers(repeat.neighbours_with(u, item)),
            },
            (Fitted::Blend(parts), _) => {
                // The component that explains best: own items by the timed
                // repeat model (else the plain history), others by item-kNN's
                // neighbours (else the similar customers' re-buys).
                let weight = |kind: ModelKind| self.params.blend.weight(kind);
                let pick = |order: [ModelKind; 2]| {
                    order
                        .into_iter()
                        .find(|&k| weight(k) > 0.0)
                        .and_then(|k| parts.iter().find(|p| p.kind == k))
                };
                let part = if own.is_some() {
                    pick([ModelKind::Repeat, ModelKind::History])
                } else {
                    pick([ModelKind::ItemKnn, ModelKind::Repeat])
                };
                match part {
                    Some(part) => part.reason(u, item, near),
                    None => Reason::BoughtBefore(own.unwrap_or(0)),
                }
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
}

//! Neighbourhood models: item-kNN and user-kNN on implicit purchases, and the
//! mean-centred user-CF prediction for explicit ratings.
//!
//! Contract:
//! - Implicit similarities are cosine on presence (bought or not): sim(i, j) =
//!   |customers of i ∩ of j| / √(|of i|·|of j|). An item is never its own neighbour.
//! - Neighbour lists keep the `n` most similar, ties by lower index; a zero
//!   similarity is never kept.
//! - Item-kNN scores an item by the sum of its similarities to the customer's
//!   items; user-kNN by the sum of the similarities of the `k` nearest customers
//!   who bought it.
//! - On explicit ratings user-kNN ranks by who rated an item and how high:
//!   neighbours by cosine on the rating vectors (unrated = 0), an item scored by
//!   Σ sim · rating / top rating over the `k` nearest who rated it. So a rating
//!   predicted from one neighbour cannot outrank items most neighbours rated
//!   well. Each item is explained by its predicted rating, the mean-centred
//!   formula of [`predicted_rating`] with similarities over co-rated items.

use rayon::prelude::*;

use super::sparse::Csr;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;

/// Items per progress step of the item-kNN fit.
const ITEM_CHUNK: usize = 1024;

/// The top-N neighbours of every item: row `i` lists neighbours with similarities.
pub type Neighbours = Csr;

/// Item × item top-`n` cosine neighbours from a customer × item matrix.
pub fn item_neighbours(
    train: &Csr,
    n: usize,
    progress: &Progress,
) -> Result<Neighbours, AnalysisError> {
    let by_item = train.transpose();
    let item_norm: Vec<f32> = (0..by_item.rows)
        .map(|i| (by_item.row(i).0.len() as f32).sqrt())
        .collect();
    let items = by_item.rows;
    let mut lists: Vec<Vec<(u32, f32)>> = Vec::with_capacity(items);
    for start in (0..items).step_by(ITEM_CHUNK) {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        progress.report(start as u64, items as u64);
        let end = (start + ITEM_CHUNK).min(items);
        let chunk: Vec<Vec<(u32, f32)>> = (start..end)
            .into_par_iter()
            .map_init(
                || (vec![0f32; items], Vec::<u32>::new()),
                |(acc, touched), i| {
                    for &u in by_item.row(i).0 {
                        for &j in train.row(u as usize).0 {
                            if acc[j as usize] == 0.0 {
                                touched.push(j);
                            }
                            acc[j as usize] += 1.0;
                        }
                    }
                    let mut sims: Vec<(u32, f32)> = touched
                        .iter()
                        .filter(|&&j| j as usize != i)
                        .map(|&j| (j, acc[j as usize] / (item_norm[i] * item_norm[j as usize])))
                        .collect();
                    for &j in touched.iter() {
                        acc[j as usize] = 0.0;
                    }
                    touched.clear();
                    top_n(&mut sims, n);
                    sims
                },
            )
            .collect();
        lists.extend(chunk);
    }
    progress.report(items as u64, items as u64);
    let triplets: Vec<(u32, u32, f32)> = lists
        .iter()
        .enumerate()
        .flat_map(|(i, l)| l.iter().map(move |&(j, s)| (i as u32, j, s)))
        .collect();
    Ok(Csr::from_triplets(items, items, &triplets))
}

/// Keeps the `n` largest by score, ties by lower index, sorted that way.
pub fn top_n(list: &mut Vec<(u32, f32)>, n: usize) {
    let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if list.len() > n && n > 0 {
        list.select_nth_unstable_by(n - 1, order);
        list.truncate(n);
    } else if n == 0 {
        list.clear();
    }
    list.sort_unstable_by(order);
}

/// Scratch buffers for scoring one customer, reused across customers.
pub struct Scratch {
    pub scores: Vec<f32>,
    pub touched: Vec<u32>,
    user_acc: Vec<f32>,
    user_touched: Vec<u32>,
    /// Per customer: (dot, |u|², |v|²) over co-rated items (user-kNN's
    /// similarities use the dot only).
    user_sums: Vec<[f32; 3]>,
}

impl Scratch {
    pub fn new(items: usize, customers: usize) -> Scratch {
        Scratch {
            scores: vec![0.0; items],
            touched: Vec::new(),
            user_acc: vec![0.0; customers],
            user_touched: Vec::new(),
            user_sums: vec![[0.0; 3]; customers],
        }
    }

    /// Adds `value` to the score of `item`, remembering it was touched.
    pub fn add(&mut self, item: u32, value: f32) {
        let slot = &mut self.scores[item as usize];
        if *slot == 0.0 {
            self.touched.push(item);
        }
        *slot += value;
    }

    /// The touched items with a positive score, as (item, score).
    pub fn positive(&self) -> Vec<(u32, f32)> {
        self.touched
            .iter()
            .map(|&i| (i, self.scores[i as usize]))
            .filter(|&(_, s)| s > 0.0)
            .collect()
    }

    /// Resets the touched scores to zero.
    pub fn clear(&mut self) {
        for &i in &self.touched {
            self.scores[i as usize] = 0.0;
        }
        self.touched.clear();
    }
}

/// Item-kNN scores of customer `u` into `scratch`.
pub fn item_knn_scores(train: &Csr, neighbours: &Neighbours, u: usize, scratch: &mut Scratch) {
    for &j in train.row(u).0 {
        let (near, sims) = neighbours.row(j as usize);
        for (&i, &s) in near.iter().zip(sims) {
            scratch.add(i, s);
        }
    }
}

/// What a customer's row says about an item, for user-kNN.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Strength {
    /// Bought or not: the value is ignored.
    Presence,
    /// An explicit rating, scaled by `top`, the highest rating in the data.
    Rating { top: f32 },
}

/// The `k` customers most similar to `u`, ties by lower index: cosine on
/// presence, or with [`Strength::Rating`] on the rating vectors (unrated = 0,
/// so a customer who shares one rating with `u` is not a close neighbour).
pub fn similar_customers(
    train: &Csr,
    by_item: &Csr,
    u: usize,
    k: usize,
    strength: Strength,
    scratch: &mut Scratch,
) -> Vec<(u32, f32)> {
    let (own, own_values) = train.row(u);
    let value = |x: f32| match strength {
        Strength::Presence => 1.0,
        Strength::Rating { .. } => x,
    };
    for (&j, &a) in own.iter().zip(own_values) {
        let (raters, values) = by_item.row(j as usize);
        for (&v, &b) in raters.iter().zip(values) {
            if v as usize == u {
                continue;
            }
            // user_acc marks the customers touched (a product may be 0).
            if scratch.user_acc[v as usize] == 0.0 {
                scratch.user_acc[v as usize] = 1.0;
                scratch.user_touched.push(v);
            }
            scratch.user_sums[v as usize][0] += value(a) * value(b);
        }
    }
    let norm = |r: usize| {
        let values = train.row(r).1;
        match strength {
            Strength::Presence => (values.len() as f32).sqrt(),
            Strength::Rating { .. } => values.iter().map(|&x| x * x).sum::<f32>().sqrt(),
        }
    };
    let norm_u = norm(u);
    let mut sims: Vec<(u32, f32)> = Vec::with_capacity(scratch.user_touched.len());
    for &v in &scratch.user_touched {
        let dot = std::mem::take(&mut scratch.user_sums[v as usize])[0];
        scratch.user_acc[v as usize] = 0.0;
        let den = norm_u * norm(v as usize);
        if dot > 0.0 && den > 0.0 {
            sims.push((v, dot / den));
        }
    }
    scratch.user_touched.clear();
    top_n(&mut sims, k);
    sims
}

/// User-kNN scores of customer `u` into `scratch`: each item the `k` nearest
/// customers have scores the sum of their similarities, each weighted by their
/// rating over the top rating with [`Strength::Rating`] (an item they all rated
/// low scores little).
pub fn user_knn_scores(
    train: &Csr,
    by_item: &Csr,
    u: usize,
    k: usize,
    strength: Strength,
    scratch: &mut Scratch,
) {
    for (v, s) in similar_customers(train, by_item, u, k, strength, scratch) {
        let (items, values) = train.row(v as usize);
        for (&i, &x) in items.iter().zip(values) {
            let weight = match strength {
                Strength::Presence => 1.0,
                Strength::Rating { top } => x / top,
            };
            // A zero adds nothing, and would list the item twice in `touched`.
            if weight > 0.0 {
                scratch.add(i, s * weight);
            }
        }
    }
}

/// Every customer's mean rating (0 for a customer with none).
pub fn row_means(train: &Csr) -> Vec<f32> {
    (0..train.rows)
        .map(|u| {
            let ratings = train.row(u).1;
            if ratings.is_empty() {
                0.0
            } else {
                ratings.iter().sum::<f32>() / ratings.len() as f32
            }
        })
        .collect()
}

/// The customers who rated an item `u` rated, with the cosine of the raw ratings
/// over the co-rated items; most similar first, ties by lower index.
pub fn rating_neighbours(
    train: &Csr,
    by_item: &Csr,
    u: usize,
    scratch: &mut Scratch,
) -> Vec<(u32, f32)> {
    let (items, own) = train.row(u);
    for (&j, &a) in items.iter().zip(own) {
        let (raters, ratings) = by_item.row(j as usize);
        for (&v, &b) in raters.iter().zip(ratings) {
            if v as usize == u {
                continue;
            }
            // user_acc marks the customers touched (a rating may be 0).
            if scratch.user_acc[v as usize] == 0.0 {
                scratch.user_acc[v as usize] = 1.0;
                scratch.user_touched.push(v);
            }
            let sum = &mut scratch.user_sums[v as usize];
            sum[0] += a * b;
            sum[1] += a * a;
            sum[2] += b * b;
        }
    }
    let mut sims: Vec<(u32, f32)> = Vec::with_capacity(scratch.user_touched.len());
    for &v in &scratch.user_touched {
        let [dot, aa, bb] = std::mem::take(&mut scratch.user_sums[v as usize]);
        scratch.user_acc[v as usize] = 0.0;
        let norm = aa.sqrt() * bb.sqrt();
        sims.push((v, if norm > 0.0 { dot / norm } else { 0.0 }));
    }
    scratch.user_touched.clear();
    top_n(&mut sims, usize::MAX);
    sims
}

/// The mean-centred user-CF prediction of `u`'s rating of `item`: r̂(u,i) =
/// r̄(u) + Σ sim(u,v)·(r(v,i) − r̄(v)) / Σ |sim(u,v)| over the `k` most similar
/// customers v ≠ u who rated i (`near` from [`rating_neighbours`], most similar
/// first; `means` from [`row_means`]). Returns (prediction, neighbours used):
/// r̄(u) and 0 when none of them rated it.
pub fn predicted_rating(
    train: &Csr,
    means: &[f32],
    near: &[(u32, f32)],
    u: usize,
    item: u32,
    k: usize,
) -> (f32, u32) {
    let (mut num, mut den, mut used) = (0f32, 0f32, 0u32);
    for &(v, sim) in near {
        if used as usize >= k {
            break;
        }
        let (items, ratings) = train.row(v as usize);
        if let Ok(at) = items.binary_search(&item) {
            num += sim * (ratings[at] - means[v as usize]);
            den += sim.abs();
            used += 1;
        }
    }
    let spread = if den > 0.0 { num / den } else { 0.0 };
    (means[u] + spread, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The formula written out densely, as in the textbook: the reference the
    /// sparse [`predicted_rating`] is checked against.
    /// The mean-centred user-CF prediction for explicit ratings (`None` = not rated):
    /// r̂(u,i) = r̄(u) + Σ sim(u,v)·(r(v,i) − r̄(v)) / Σ |sim(u,v)| over the `k` most
    /// similar customers v ≠ u who rated i. sim is the cosine over co-rated items of
    /// the raw ratings; r̄ is a customer's mean over all their ratings. Returns r̄(u)
    /// when no neighbour rated i (or all similarities are 0), None when u rated nothing.
    fn mean_centred_prediction(
        ratings: &[Vec<Option<f64>>],
        u: usize,
        i: usize,
        k: usize,
    ) -> Option<f64> {
        let mean = |r: &[Option<f64>]| {
            let rated: Vec<f64> = r.iter().flatten().copied().collect();
            (!rated.is_empty()).then(|| rated.iter().sum::<f64>() / rated.len() as f64)
        };
        let mean_u = mean(&ratings[u])?;
        let mut neighbours: Vec<(usize, f64)> = ratings
            .iter()
            .enumerate()
            .filter(|&(v, r)| v != u && r.get(i).copied().flatten().is_some())
            .map(|(v, r)| {
                let (mut dot, mut nu, mut nv) = (0.0, 0.0, 0.0);
                for (a, b) in ratings[u].iter().zip(r) {
                    if let (Some(a), Some(b)) = (a, b) {
                        dot += a * b;
                        nu += a * a;
                        nv += b * b;
                    }
                }
                let sim = if nu > 0.0 && nv > 0.0 {
                    dot / (nu.sqrt() * nv.sqrt())
                } else {
                    0.0
                };
                (v, sim)
            })
            .collect();
        neighbours.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        neighbours.truncate(k);
        let (mut num, mut den) = (0.0, 0.0);
        for (v, sim) in neighbours {
            let (Some(r_vi), Some(mean_v)) = (ratings[v][i], mean(&ratings[v])) else {
                continue;
            };
            num += sim * (r_vi - mean_v);
            den += sim.abs();
        }
        Some(if den > 0.0 {
            mean_u + num / den
        } else {
            mean_u
        })
    }

    /// 5 customers × 4 items (0 = not rated). Customer 0 has not rated item 3.
    fn example() -> Vec<Vec<Option<f64>>> {
        let raw = [
            [5.0, 3.0, 4.0, 0.0],
            [3.0, 1.0, 2.0, 3.0],
            [4.0, 3.0, 4.0, 3.0],
            [3.0, 3.0, 1.0, 5.0],
            [1.0, 5.0, 5.0, 2.0],
        ];
        raw.iter()
            .map(|r| r.iter().map(|&x| (x > 0.0).then_some(x)).collect())
            .collect()
    }

    #[test]
    fn mean_centred_prediction_matches_hand_computation() {
        let r = example();
        // Cosine over items 0..3 with customer 0 = (5, 3, 4), |.| = √50.
        let cos = |v: [f64; 3]| {
            (5.0 * v[0] + 3.0 * v[1] + 4.0 * v[2])
                / (50f64.sqrt() * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt())
        };
        let sims = [
            cos([3.0, 1.0, 2.0]),
            cos([4.0, 3.0, 4.0]),
            cos([3.0, 3.0, 1.0]),
            cos([1.0, 5.0, 5.0]),
        ];
        // Each neighbour's mean over all four ratings, and their rating of item 3.
        let means = [9.0 / 4.0, 14.0 / 4.0, 12.0 / 4.0, 13.0 / 4.0];
        let item3 = [3.0, 3.0, 5.0, 2.0];
        let mean_u = 4.0;
        let all: f64 =
            (0..4).map(|v| sims[v] * (item3[v] - means[v])).sum::<f64>() / sims.iter().sum::<f64>();
        let got = mean_centred_prediction(&r, 0, 3, 4).expect("prediction");
        assert!((got - (mean_u + all)).abs() < 1e-12, "{got}");
        // With two neighbours: the most similar are customers 2 (0.9939) and 1 (0.9827).
        assert!(sims[1] > sims[0] && sims[0] > sims[2] && sims[0] > sims[3]);
        let two = mean_u
            + (sims[1] * (item3[1] - means[1]) + sims[0] * (item3[0] - means[0]))
                / (sims[1] + sims[0]);
        let got = mean_centred_prediction(&r, 0, 3, 2).expect("prediction");
        assert!((got - two).abs() < 1e-12, "{got} vs {two}");
        // By hand: 4 + (0.9827·0.75 − 0.9939·0.5) / (0.9827 + 0.9939) ≈ 4.1215.
        assert!((got - 4.1215).abs() < 1e-3, "{got}");
    }

    #[test]
    fn sparse_explicit_prediction_is_the_formula() {
        let r = example();
        let triplets: Vec<(u32, u32, f32)> = r
            .iter()
            .enumerate()
            .flat_map(|(u, row)| {
                row.iter()
                    .enumerate()
                    .filter_map(move |(i, x)| x.map(|x| (u as u32, i as u32, x as f32)))
            })
            .collect();
        let train = Csr::from_triplets(5, 4, &triplets);
        let by_item = train.transpose();
        let means = row_means(&train);
        let near = rating_neighbours(&train, &by_item, 0, &mut Scratch::new(4, 5));
        for k in [1, 2, 4] {
            let (got, used) = predicted_rating(&train, &means, &near, 0, 3, k);
            let want = mean_centred_prediction(&r, 0, 3, k).expect("prediction");
            assert!(
                (f64::from(got) - want).abs() < 1e-5,
                "k={k}: {got} vs {want}"
            );
            assert_eq!(used as usize, k);
        }
        // Customer 0's neighbours: everyone, customer 2 first.
        assert_eq!(near[0].0, 2);
        assert_eq!(near.len(), 4);
    }

    #[test]
    fn item_neighbours_are_cosine_top_n() {
        // Items 0 and 1 always together; item 2 once with 0.
        let train = Csr::from_triplets(
            3,
            3,
            &[
                (0, 0, 1.0),
                (0, 1, 1.0),
                (1, 0, 1.0),
                (1, 1, 1.0),
                (2, 0, 1.0),
                (2, 2, 1.0),
            ],
        );
        let n = item_neighbours(&train, 1, &Progress::detached()).expect("fit");
        // sim(0,1) = 2/√(3·2) = 0.8165 beats sim(0,2) = 1/√3.
        assert_eq!(n.row(0).0, &[1]);
        assert!((n.row(0).1[0] - 2.0 / 6f32.sqrt()).abs() < 1e-6);
        assert_eq!(n.row(2).0, &[0]);
    }
}

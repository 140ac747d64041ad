//! The propensity random forest: classification trees (Gini) grown on binned
//! features, one seeded RNG per tree, in parallel. The single tree grows with
//! the same grower (see [`super::tree`]).
//!
//! Why our own: linfa-trees 0.8 walks every row of the fit for every node and
//! feature, with a hashed class count per row, so its 100-tree forest took about
//! 93 % of a propensity run; biosphere 0.4 (regression forests) has no
//! importance, no per-tree cancel and needs ndarray 0.17. Histograms over
//! at most 256 bins make a tree cost rows × depth × drawn features.
//!
//! Contract:
//! - Binning, once for all trees: each column's cut points come from a seeded
//!   sample of at most [`CUT_SAMPLE_ROWS`] rows. A column with at most
//!   [`MAX_BINS`] distinct values gets a cut between every two neighbouring
//!   values, so its splits are exactly CART's; a longer column gets at most
//!   `MAX_BINS − 1` cuts, each between two neighbouring distinct values, with
//!   about equally many rows in each bin (a value held by many rows, say 0,
//!   fills one bin and the others share the rest). A cut is a threshold in the
//!   column's own units: a row goes right when its value is at least the cut
//!   (NaN goes left).
//! - Each tree: `min(rows, sample_rows)` rows drawn with replacement (a row drawn
//!   twice counts twice). At every node the features are drawn one at a time in
//!   a fresh random order, and the best Gini split among the first ⌈√features⌉
//!   that are not constant in the node is taken (a feature found constant in a
//!   node is skipped below it); when none of them can split
//!   (leaves of at least `min_leaf_rows` drawn rows), the draw goes on, as in
//!   scikit-learn's `max_features="sqrt"`. Among the empty bins between two
//!   values the cut is the middle one.
//! - A node is a leaf at `forest_depth`, when it holds fewer than
//!   `2 × min_leaf_rows` rows, when all its rows have one outcome, or when no
//!   split lowers the impurity. A leaf's probability is the share of buyers among
//!   its drawn rows; the forest's is the mean over trees.
//! - Importance: each tree's impurity decrease per feature as a share of the
//!   tree's total (all 0 for a tree with no split), averaged over trees.
//! - Tree `t` draws from its own RNG seeded `seed + t`, so the forest is the same
//!   on every run and with any number of threads. Cancelling is checked between
//!   trees.

use std::sync::atomic::{AtomicU64, Ordering};

use ndarray::Array2;
use rand::seq::index::sample;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::flat::{FlatNode, FlatTree, Link};
use super::models::ModelParams;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;

/// At most this many bins per feature (so at most `MAX_BINS − 1` cuts); a bin
/// number fits a `u8`.
const MAX_BINS: usize = 256;

/// Cut points are read from a seeded sample of at most this many rows: 255
/// quantiles are as sure from 200,000 rows as from millions.
const CUT_SAMPLE_ROWS: usize = 200_000;

/// A fitted forest.
#[derive(Clone, Debug)]
pub struct Forest {
    trees: Vec<FlatTree>,
    /// Mean impurity share per feature.
    importance: Vec<f64>,
}

/// The feature matrix cut into bins.
pub(super) struct Binned {
    rows: usize,
    /// Column-major: the bin of row `r` in column `c` is `bins[c * rows + r]`.
    bins: Vec<u8>,
    /// Cut points per column, ascending: a value's bin is the number of cuts at
    /// or below it.
    cuts: Vec<Vec<f64>>,
}

impl Binned {
    pub(super) fn new(raw: &Array2<f64>, seed: u64) -> Binned {
        let rows = raw.nrows();
        let sampled: Option<Vec<usize>> = (rows > CUT_SAMPLE_ROWS).then(|| {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            sample(&mut rng, rows, CUT_SAMPLE_ROWS).into_vec()
        });
        let cuts: Vec<Vec<f64>> = (0..raw.ncols())
            .into_par_iter()
            .map(|c| {
                let column = raw.column(c);
                let mut values: Vec<f64> = match &sampled {
                    Some(rows) => rows.iter().map(|&r| column[r]).collect(),
                    None => column.to_vec(),
                };
                cut_points(&mut values)
            })
            .collect();
        let mut bins = vec![0u8; rows * raw.ncols()];
        bins.par_chunks_mut(rows.max(1))
            .zip(cuts.par_iter())
            .enumerate()
            .for_each(|(c, (out, cuts))| {
                for (bin, &v) in out.iter_mut().zip(raw.column(c)) {
                    // At most MAX_BINS − 1 cuts, so the count fits.
                    *bin = cuts.partition_point(|&t| t <= v) as u8;
                }
            });
        Binned { rows, bins, cuts }
    }

    fn column(&self, c: usize) -> &[u8] {
        &self.bins[c * self.rows..(c + 1) * self.rows]
    }
}

/// A threshold strictly above `a` and at most `b` (`a < b`), halfway when the
/// floats allow it.
fn between(a: f64, b: f64) -> f64 {
    let middle = a + (b - a) / 2.0;
    if middle > a && middle <= b { middle } else { b }
}

/// The cut points of one column (see the module contract); `values` is sorted
/// in place and NaNs are dropped.
fn cut_points(values: &mut Vec<f64>) -> Vec<f64> {
    values.retain(|v| !v.is_nan());
    values.sort_unstable_by(f64::total_cmp);
    let mut distinct: Vec<(f64, usize)> = Vec::new();
    for &v in values.iter() {
        match distinct.last_mut() {
            Some((d, n)) if *d == v => *n += 1,
            _ => distinct.push((v, 1)),
        }
    }
    if distinct.len() <= MAX_BINS {
        return distinct
            .windows(2)
            .map(|w| between(w[0].0, w[1].0))
            .collect();
    }
    // Equal frequency: each cut closes a bin once it holds its share of the rows
    // still to come, so a value repeated in many rows (say 0) takes one bin and
    // leaves the others to the rest.
    let mut cuts = Vec::with_capacity(MAX_BINS - 1);
    let (total, mut seen) = (values.len(), 0);
    let mut target = (total / MAX_BINS).max(1);
    for w in distinct.windows(2) {
        seen += w[0].1;
        if seen >= target {
            cuts.push(between(w[0].0, w[1].0));
            if cuts.len() == MAX_BINS - 1 {
                break;
            }
            target = seen + ((total - seen) / (MAX_BINS - cuts.len())).max(1);
        }
    }
    cuts
}

/// A row's weight in a tree, packed: the times it was drawn in the high 32 bits,
/// the times it counts as a buyer (0 or the same) in the low 32. Sums of packed
/// weights (a node, a histogram bin) are the node's rows and buyers at once.
const ROWS: u32 = 32;

fn unpack(packed: u64) -> (u32, u32) {
    ((packed >> ROWS) as u32, packed as u32)
}

/// The impurity mass of a node, `n × Gini / 2`: `positives × (n − positives) / n`.
fn impurity(n: u32, positives: u32) -> f64 {
    if n == 0 {
        return 0.0;
    }
    f64::from(positives) * f64::from(n - positives) / f64::from(n)
}

/// The best cut of one column's histogram of packed weights: `(bin, gain)`,
/// rows in bins below `bin` going left.
fn best_cut(histogram: &[u64], min_leaf: u32) -> Option<(usize, f64)> {
    let (n, pos) = unpack(histogram.iter().sum());
    let parent = impurity(n, pos);
    let mut left: u64 = 0;
    let mut last_filled: Option<usize> = None;
    let mut best: Option<(usize, f64)> = None;
    for (b, &weight) in histogram.iter().enumerate() {
        if weight == 0 {
            continue;
        }
        if let Some(prev) = last_filled {
            let (left_n, left_pos) = unpack(left);
            let right_n = n - left_n;
            if left_n >= min_leaf && right_n >= min_leaf {
                let gain = parent - impurity(left_n, left_pos) - impurity(right_n, pos - left_pos);
                // Above rounding noise, and strictly better than the best so far.
                if gain > 1e-12 * f64::from(n) && best.is_none_or(|(_, g)| gain > g) {
                    best = Some(((prev + 1 + b) / 2, gain));
                }
            }
        }
        left += weight;
        last_filled = Some(b);
    }
    best
}

/// The best split of a node.
struct Split {
    column: usize,
    bin: usize,
    gain: f64,
}

/// Grows one tree.
struct Grower<'a> {
    data: &'a Binned,
    max_depth: usize,
    min_leaf: u32,
    per_split: usize,
    rng: ChaCha8Rng,
    /// The features in the order of the last draw.
    order: Vec<usize>,
    nodes: Vec<FlatNode>,
    /// Impurity decrease per feature.
    gains: Vec<f64>,
    histograms: Box<[[u64; MAX_BINS]; LANES]>,
}

impl Grower<'_> {
    /// The link to the subtree grown on `rows` (distinct drawn rows with their
    /// packed weights) at `depth`. `constant` marks the features known to take one
    /// value in these rows (constant in an ancestor): they are drawn but not read.
    fn grow(&mut self, rows: &mut [(usize, u64)], depth: usize, constant: &[bool]) -> Link {
        let (n, positives) = unpack(rows.iter().map(|&(_, w)| w).sum());
        let leaf = Link::Leaf(f64::from(positives) / f64::from(n.max(1)));
        let too_few = u64::from(n) < 2 * u64::from(self.min_leaf);
        if depth >= self.max_depth || too_few || positives == 0 || positives == n {
            return leaf;
        }
        let mut constant = constant.to_vec();
        let Some(split) = self.best_split(rows, &mut constant) else {
            return leaf;
        };
        let column = self.data.column(split.column);
        let mut middle = 0;
        for i in 0..rows.len() {
            if usize::from(column[rows[i].0]) < split.bin {
                rows.swap(middle, i);
                middle += 1;
            }
        }
        self.gains[split.column] += split.gain;
        let at = self.nodes.len();
        self.nodes.push(FlatNode {
            column: split.column,
            split: self.data.cuts[split.column][split.bin - 1],
            next: [Link::Leaf(0.0); 2],
        });
        let (left, right) = rows.split_at_mut(middle);
        self.nodes[at].next[0] = self.grow(left, depth + 1, &constant);
        self.nodes[at].next[1] = self.grow(right, depth + 1, &constant);
        Link::Node(at)
    }

    /// The best split of `rows`; marks in `constant` the features found to take
    /// one value in them.
    fn best_split(&mut self, rows: &[(usize, u64)], constant: &mut [bool]) -> Option<Split> {
        let features = self.order.len();
        let (mut best, mut drawn): (Option<Split>, usize) = (None, 0);
        for i in 0..features {
            if drawn >= self.per_split && best.is_some() {
                break;
            }
            let j = self.rng.random_range(i..features);
            self.order.swap(i, j);
            let c = self.order[i];
            if constant[c] {
                continue;
            }
            let bins = self.data.cuts[c].len() + 1;
            let histogram = fill_histogram(&mut self.histograms, bins, self.data.column(c), rows);
            if histogram.iter().filter(|&&w| w > 0).count() < 2 {
                constant[c] = true; // Not a draw, here or below.
                continue;
            }
            drawn += 1;
            if let Some((bin, gain)) = best_cut(histogram, self.min_leaf)
                && best.as_ref().is_none_or(|s| gain > s.gain)
            {
                best = Some(Split {
                    column: c,
                    bin,
                    gain,
                });
            }
        }
        best
    }
}

/// Histograms filled side by side: rows that fall in one bin one after the
/// other (common in a column of few values) would otherwise wait on each
/// other's add to memory.
const LANES: usize = 4;

/// A node fills the side-by-side histograms when it has at least this many
/// rows per bin; for fewer, clearing and adding up the lanes costs more than
/// the waits it saves.
const ROWS_PER_BIN_FOR_LANES: usize = 4;

/// The packed weights of `rows` per bin of `column` (`bins` bins), summed in
/// `histograms[0]` and returned.
fn fill_histogram<'h>(
    histograms: &'h mut [[u64; MAX_BINS]; LANES],
    bins: usize,
    column: &[u8],
    rows: &[(usize, u64)],
) -> &'h [u64] {
    let [first, second, third, fourth] = histograms;
    first[..bins].fill(0);
    if rows.len() < ROWS_PER_BIN_FOR_LANES * bins {
        for &(r, weight) in rows {
            first[usize::from(column[r])] += weight;
        }
        return &first[..bins];
    }
    for lane in [&mut *second, &mut *third, &mut *fourth] {
        lane[..bins].fill(0);
    }
    let mut quads = rows.chunks_exact(LANES);
    for quad in &mut quads {
        first[usize::from(column[quad[0].0])] += quad[0].1;
        second[usize::from(column[quad[1].0])] += quad[1].1;
        third[usize::from(column[quad[2].0])] += quad[2].1;
        fourth[usize::from(column[quad[3].0])] += quad[3].1;
    }
    for &(r, weight) in quads.remainder() {
        first[usize::from(column[r])] += weight;
    }
    for b in 0..bins {
        first[b] += second[b] + third[b] + fourth[b];
    }
    &first[..bins]
}

/// Packed weights (see [`ROWS`]) of the `drawn` rows (a row drawn twice counts twice).
pub(super) fn packed_weights(ones: &[u8], drawn: &[usize]) -> Vec<u64> {
    let mut weights = vec![0u64; ones.len()];
    for &r in drawn {
        weights[r] += 1 << ROWS | u64::from(ones[r]);
    }
    weights
}

/// How a tree grows: its depth limit, the fewest drawn rows in a leaf, and the
/// features drawn at each split (see the module contract).
pub(super) struct Growth {
    pub(super) max_depth: usize,
    pub(super) min_leaf: usize,
    pub(super) per_split: usize,
}

/// Grows one tree on the rows with a packed weight (see [`packed_weights`]):
/// the tree and its impurity decrease per feature. Each distinct row is visited
/// once, with its weight.
pub(super) fn grow_tree(
    data: &Binned,
    weights: &[u64],
    growth: &Growth,
    rng: ChaCha8Rng,
) -> (FlatTree, Vec<f64>) {
    let features = data.cuts.len();
    let mut grower = Grower {
        data,
        max_depth: growth.max_depth,
        min_leaf: growth.min_leaf.clamp(1, u32::MAX as usize) as u32,
        per_split: growth.per_split.clamp(1, features.max(1)),
        rng,
        order: (0..features).collect(),
        nodes: Vec::new(),
        gains: vec![0.0; features],
        histograms: Box::new([[0; MAX_BINS]; LANES]),
    };
    let mut rows: Vec<(usize, u64)> = (weights.iter().copied().enumerate())
        .filter(|&(_, w)| w != 0)
        .collect();
    let root = grower.grow(&mut rows, 0, &vec![false; features]);
    let tree = FlatTree {
        root,
        nodes: grower.nodes,
    };
    (tree, grower.gains)
}

/// Fits the forest on `raw` (original units) and `labels` (see the module contract).
pub(super) fn fit(
    raw: &Array2<f64>,
    labels: &[bool],
    params: &ModelParams,
    progress: &Progress,
) -> Result<Forest, AnalysisError> {
    let data = Binned::new(raw, params.seed);
    let ones: Vec<u8> = labels.iter().map(|&l| u8::from(l)).collect();
    let growth = Growth {
        max_depth: params.forest_depth,
        min_leaf: params.min_leaf_rows,
        per_split: (raw.ncols() as f64).sqrt().ceil() as usize,
    };
    // Packed weights count draws in 32 bits.
    let draws = raw
        .nrows()
        .min(params.sample_rows.clamp(1, u32::MAX as usize));
    let (done, total) = (AtomicU64::new(0), params.trees as u64);
    let grown: Vec<(FlatTree, Vec<f64>)> = (0..params.trees)
        .into_par_iter()
        .map(|t| {
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            let mut rng = ChaCha8Rng::seed_from_u64(params.seed.wrapping_add(t as u64));
            let drawn: Vec<usize> = (0..draws)
                .map(|_| rng.random_range(0..raw.nrows()))
                .collect();
            let tree = grow_tree(&data, &packed_weights(&ones, &drawn), &growth, rng);
            progress.report(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            Ok(tree)
        })
        .collect::<Result<_, AnalysisError>>()?;
    let mut importance = vec![0.0; raw.ncols()];
    for (_, gains) in &grown {
        let sum: f64 = gains.iter().sum();
        if sum > 0.0 {
            for (total, g) in importance.iter_mut().zip(gains) {
                *total += g / sum;
            }
        }
    }
    let trees_grown = grown.len().max(1) as f64;
    importance.iter_mut().for_each(|v| *v /= trees_grown);
    Ok(Forest {
        trees: grown.into_iter().map(|(tree, _)| tree).collect(),
        importance,
    })
}

impl Forest {
    /// The mean of the trees' leaf shares for every row of `raw`.
    pub fn predict(&self, raw: &Array2<f64>) -> Vec<f64> {
        // Tree by tree over a block of rows, so one tree's nodes stay in cache
        // while the block walks it; the sum runs in tree order. The rows are
        // read as slices of a row-major copy (ndarray's indexing checks shape
        // and strides at every step).
        let matrix = raw.as_standard_layout();
        let (columns, values) = (raw.ncols(), matrix.as_slice().unwrap_or_default());
        let rows: Vec<usize> = (0..raw.nrows()).collect();
        rows.par_chunks(1024)
            .flat_map_iter(|block| {
                let mut sums = vec![0.0; block.len()];
                for tree in &self.trees {
                    for (sum, &r) in sums.iter_mut().zip(block) {
                        let row = &values[r * columns..(r + 1) * columns];
                        *sum += tree.probability_of(|c| row[c]);
                    }
                }
                let n = self.trees.len().max(1) as f64;
                sums.into_iter().map(move |s| s / n)
            })
            .collect()
    }

    /// Mean impurity share per feature.
    pub fn importance(&self) -> &[f64] {
        &self.importance
    }
}

#[cfg(test)]
#[path = "forest_tests.rs"]
mod tests;

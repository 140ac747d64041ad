//! The three propensity models, each fitted on a feature matrix and giving a
//! probability of buying in the window for every row.
//!
//! Contract:
//! - Logistic regression (Newton's method, L2 penalty `alpha`, linfa-logistic's
//!   objective: see [`super::logistic`]) on standardised `log1p` features (see
//!   [`Standardiser`]); importance = the coefficients on that scale (signed:
//!   positive raises the probability). Above [`MAX_FIT_ROWS`] training rows it is
//!   fitted on a seeded sample of that many: 26 coefficients are as sure from
//!   200,000 customers as from millions.
//! - Decision tree (linfa-trees, Gini, `max_depth`): a leaf's probability is the
//!   share of positive training rows that reach it (linfa's leaves only vote), so
//!   scores rank; the tree is also given as readable rules. Importance = linfa's
//!   impurity decrease share. Above [`MAX_FIT_ROWS`] training rows it grows on
//!   a seeded sample of that many (a depth-4 tree's splits are as sure on 200,000
//!   rows as on millions, and linfa copies and sorts what it is given).
//! - Random forest: `trees` linfa-trees trees, each on a bootstrap sample of at most
//!   `sample_rows` rows (drawn with replacement) and a random subset of
//!   ⌈√features⌉ features; the probability is the mean of the trees' leaf shares.
//!   Every tree has its own seeded RNG (seed + tree number), so the forest is the
//!   same on every run and with any number of threads. Importance = mean impurity
//!   share over all trees (0 in a tree that did not see the feature).
//! - Boosted trees: see [`super::boosted`].
//! - Fitting checks the cancel flag between trees.

use std::collections::HashMap;

use linfa::prelude::*;
use linfa_trees::{DecisionTree, TreeNode};
use ndarray::{Array1, Array2, ArrayView1, Axis};
use rand::seq::index::sample;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::Serialize;

use super::boosted::{self, Boosted};
use super::features::Standardiser;
use super::logistic::{self, Logistic};
use super::rules::{Condition, TreeRule};
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// Which model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    #[serde(rename = "logreg")]
    LogReg,
    Tree,
    Forest,
    #[serde(rename = "gbt")]
    Boosted,
}

impl ModelKind {
    /// Every model the CLI and the saved settings know.
    pub const ALL: [ModelKind; 4] = [
        ModelKind::LogReg,
        ModelKind::Tree,
        ModelKind::Forest,
        ModelKind::Boosted,
    ];

    /// The models fitted by default and offered in the Value tab: boosted trees
    /// did not beat these out of time (see `benches/value_service.rs`), so they
    /// stay a comparison on the CLI and in the report.
    pub const DEFAULT: [ModelKind; 3] = [ModelKind::LogReg, ModelKind::Tree, ModelKind::Forest];

    /// The name used in the CLI and JSON.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::LogReg => "logreg",
            ModelKind::Tree => "tree",
            ModelKind::Forest => "forest",
            ModelKind::Boosted => "gbt",
        }
    }

    /// The model's name as the window shows it (the CLI and JSON keep
    /// [`ModelKind::name`]).
    pub fn label(self) -> String {
        match self {
            ModelKind::LogReg => tr!("value-model-logreg"),
            ModelKind::Tree => tr!("value-model-tree"),
            ModelKind::Forest => tr!("value-model-forest"),
            ModelKind::Boosted => tr!("value-model-gbt"),
        }
    }

    /// The kind named `name` (as in [`ModelKind::name`]).
    pub fn from_name(name: &str) -> Result<ModelKind, AnalysisError> {
        ModelKind::ALL
            .into_iter()
            .find(|k| k.name() == name.trim().to_ascii_lowercase())
            .ok_or_else(|| AnalysisError::Invalid {
                what: tr!("analysis-model", name = name),
                why: tr!("analysis-model-choices"),
            })
    }
}

/// The most training rows the logistic regression, the single tree and the
/// boosted trees are fitted on (a seeded sample above).
pub const MAX_FIT_ROWS: usize = 200_000;

/// The training rows a model is fitted on: all of them, or a seeded sample of
/// [`MAX_FIT_ROWS`] in row order (all of them again when the sample would
/// hold only one outcome, as with very rare buyers).
fn fit_rows(labels: &[bool], seed: u64) -> Vec<usize> {
    let n = labels.len();
    if n <= MAX_FIT_ROWS {
        return (0..n).collect();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut rows = sample(&mut rng, n, MAX_FIT_ROWS).into_vec();
    rows.sort_unstable();
    let positives = rows.iter().filter(|&&r| labels[r]).count();
    if positives == 0 || positives == rows.len() {
        return (0..n).collect();
    }
    rows
}

/// Settings of the models.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelParams {
    /// L2 penalty of the logistic regression.
    pub alpha: f64,
    /// Depth limit of the single tree (rules stay readable).
    pub tree_depth: usize,
    /// Depth limit of each forest tree.
    pub forest_depth: usize,
    /// Number of forest trees.
    pub trees: usize,
    /// Rows drawn (with replacement) for each forest tree, at most.
    pub sample_rows: usize,
    /// A leaf holds at least this many training rows.
    pub min_leaf_rows: usize,
    pub seed: u64,
}

impl Default for ModelParams {
    fn default() -> Self {
        ModelParams {
            alpha: 1.0,
            tree_depth: 4,
            forest_depth: 8,
            trees: 100,
            sample_rows: 20_000,
            min_leaf_rows: 5,
            seed: 42,
        }
    }
}

/// One decision tree with the positive share of each leaf.
#[derive(Clone, Debug)]
pub struct ScoredTree {
    tree: DecisionTree<f64, usize>,
    /// Columns of the full matrix this tree was fitted on, in its order.
    columns: Vec<usize>,
    /// Leaf path (see `leaf_of`) → (training rows, positive rows).
    leaves: HashMap<u64, (usize, usize)>,
    /// The same tree as arrays, for scoring.
    flat: FlatTree,
}

/// Where a split sends a row: another node, or a leaf's positive share.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Link {
    Node(usize),
    Leaf(f64),
}

/// One split of a [`FlatTree`]: left when the value is below `split` (linfa's rule).
#[derive(Clone, Copy, Debug)]
struct FlatNode {
    /// Column of the full matrix.
    column: usize,
    split: f64,
    /// Left, right.
    next: [Link; 2],
}

/// A fitted tree flattened once into an array of splits with the leaf shares in
/// place: scoring walks indices in one allocation instead of linfa's boxed nodes
/// and a leaf lookup by path.
#[derive(Clone, Debug)]
struct FlatTree {
    root: Link,
    nodes: Vec<FlatNode>,
}

impl FlatTree {
    fn new(
        tree: &DecisionTree<f64, usize>,
        columns: &[usize],
        leaves: &HashMap<u64, (usize, usize)>,
    ) -> FlatTree {
        let mut flat = FlatTree {
            root: Link::Leaf(0.0),
            nodes: Vec::new(),
        };
        flat.root = flat.link(tree.root_node(), 1, columns, leaves);
        flat
    }

    /// The link to `node` (path `code`, as `leaf_of`), adding its splits.
    fn link(
        &mut self,
        node: &TreeNode<f64, usize>,
        code: u64,
        columns: &[usize],
        leaves: &HashMap<u64, (usize, usize)>,
    ) -> Link {
        let share = |code: u64| {
            let (n, pos) = leaves.get(&code).copied().unwrap_or((0, 0));
            Link::Leaf(if n == 0 { 0.0 } else { pos as f64 / n as f64 })
        };
        if node.is_leaf() {
            return share(code);
        }
        let (feature, split, _) = node.split();
        let at = self.nodes.len();
        self.nodes.push(FlatNode {
            column: columns[feature],
            split,
            next: [Link::Leaf(0.0); 2],
        });
        for (side, child) in node.children().into_iter().enumerate() {
            // A missing child ends the walk at this node, as in `leaf_of`.
            self.nodes[at].next[side] = match child {
                Some(child) => self.link(child, code << 1 | side as u64, columns, leaves),
                None => share(code),
            };
        }
        Link::Node(at)
    }

    /// The positive share of the leaf `row` (a row of the full matrix) reaches.
    fn probability(&self, row: &ArrayView1<f64>) -> f64 {
        let mut link = self.root;
        loop {
            match link {
                Link::Leaf(p) => return p,
                Link::Node(at) => {
                    let node = &self.nodes[at];
                    link = node.next[usize::from(row[node.column] >= node.split)];
                }
            }
        }
    }
}

/// A fitted model.
#[derive(Clone, Debug)]
pub enum Fitted {
    LogReg {
        model: Logistic,
        scaler: Standardiser,
    },
    Tree(ScoredTree),
    Forest(Vec<ScoredTree>),
    // Boxed: the booster's config makes it far larger than the other variants.
    Boosted(Box<Boosted>),
}

fn fit_failed(kind: ModelKind) -> impl Fn(String) -> AnalysisError {
    move |why| AnalysisError::Invalid {
        what: tr!("value-error-fitting", model = kind.label()),
        why,
    }
}

/// Fits `kind` on `raw` (original units) and `labels`. Both classes must occur.
pub fn fit(
    kind: ModelKind,
    raw: &Array2<f64>,
    labels: &[bool],
    names: &[String],
    params: &ModelParams,
    progress: &Progress,
) -> Result<Fitted, AnalysisError> {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 || positives == labels.len() {
        return Err(fit_failed(kind)(tr!("value-error-same-outcome")));
    }
    let targets: Array1<usize> = labels.iter().map(|&l| usize::from(l)).collect();
    match kind {
        ModelKind::LogReg => {
            let scaler = Standardiser::fit(raw, names);
            let rows = fit_rows(labels, params.seed);
            let x = scaler.apply(&raw.select(Axis(0), &rows));
            let y: Vec<bool> = rows.iter().map(|&r| labels[r]).collect();
            let model = logistic::fit(&x, &y, params.alpha, progress)?;
            Ok(Fitted::LogReg { model, scaler })
        }
        ModelKind::Tree => {
            let columns: Vec<usize> = (0..raw.ncols()).collect();
            let rows = fit_rows(labels, params.seed);
            let tree = fit_tree(raw, &targets, &rows, columns, params.tree_depth, params)
                .map_err(fit_failed(kind))?;
            Ok(Fitted::Tree(tree))
        }
        ModelKind::Forest => {
            let features = raw.ncols();
            let per_tree = ((features as f64).sqrt().ceil() as usize).clamp(1, features);
            let draws = raw.nrows().min(params.sample_rows.max(1));
            let done = std::sync::atomic::AtomicU64::new(0);
            let total = params.trees as u64;
            let trees: Result<Vec<ScoredTree>, AnalysisError> = (0..params.trees)
                .into_par_iter()
                .map(|t| {
                    progress.check().map_err(|_| AnalysisError::Cancelled)?;
                    let mut rng = ChaCha8Rng::seed_from_u64(params.seed.wrapping_add(t as u64));
                    let mut columns = sample(&mut rng, features, per_tree).into_vec();
                    columns.sort_unstable();
                    let rows: Vec<usize> = (0..draws)
                        .map(|_| rng.random_range(0..raw.nrows()))
                        .collect();
                    let tree = fit_tree(raw, &targets, &rows, columns, params.forest_depth, params)
                        .map_err(fit_failed(kind))?;
                    let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    progress.report(n, total);
                    Ok(tree)
                })
                .collect();
            Ok(Fitted::Forest(trees?))
        }
        ModelKind::Boosted => {
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            let rows = fit_rows(labels, params.seed);
            let y: Vec<bool> = rows.iter().map(|&r| labels[r]).collect();
            let model = boosted::fit(&raw.select(Axis(0), &rows), &y, params.seed)
                .map_err(fit_failed(kind))?;
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            Ok(Fitted::Boosted(Box::new(model)))
        }
    }
}

/// The extra weight of a non-buyer row in a tree fit (see `fit_tree`).
const TIE_BREAK: f32 = 1.0 / 1_048_576.0;

fn fit_tree(
    raw: &Array2<f64>,
    targets: &Array1<usize>,
    rows: &[usize],
    columns: Vec<usize>,
    depth: usize,
    params: &ModelParams,
) -> Result<ScoredTree, String> {
    let x = raw.select(Axis(0), rows).select(Axis(1), &columns);
    let y = targets.select(Axis(0), rows);
    // linfa names a leaf's class by a HashMap walk, so a leaf with as many
    // buyers as non-buyers gets a class that changes from process to process,
    // and its pruning (sibling leaves of one class merge) with it: the forest's
    // scores differed run to run. A non-buyer weighs 1 + 2^-20, so no leaf of
    // fewer than a million rows is a tie; split scores move by about a millionth.
    let weights = y.mapv(|label| if label == 0 { 1.0 + TIE_BREAK } else { 1.0 });
    let data = Dataset::new(x, y).with_weights(weights);
    let tree = DecisionTree::params()
        .max_depth(Some(depth))
        .min_weight_leaf(params.min_leaf_rows as f32)
        .min_weight_split(2.0 * params.min_leaf_rows as f32)
        .fit(&data)
        .map_err(|e| e.to_string())?;
    let mut leaves: HashMap<u64, (usize, usize)> = HashMap::new();
    for (i, row) in data.records().rows().into_iter().enumerate() {
        let entry = leaves
            .entry(leaf_of(tree.root_node(), |f| row[f]))
            .or_default();
        entry.0 += 1;
        entry.1 += data.targets()[i];
    }
    let flat = FlatTree::new(&tree, &columns, &leaves);
    Ok(ScoredTree {
        tree,
        columns,
        leaves,
        flat,
    })
}

/// The leaf a row falls in (linfa's rule: left when value < split), as its path
/// from the root: a leading 1 bit, then 0 for left and 1 for right at each level.
/// `value(f)` is the row's value of the tree's feature `f`.
fn leaf_of(root: &TreeNode<f64, usize>, value: impl Fn(usize) -> f64) -> u64 {
    let (mut node, mut code) = (root, 1u64);
    loop {
        if node.is_leaf() {
            return code;
        }
        let (feature, split, _) = node.split();
        let go_right = value(feature) >= split;
        match node.children()[usize::from(go_right)] {
            Some(child) => {
                node = child;
                code = code << 1 | u64::from(go_right);
            }
            None => return code,
        }
    }
}

impl ScoredTree {
    fn probability(&self, row: &ArrayView1<f64>) -> f64 {
        self.flat.probability(row)
    }

    /// Impurity importance per column of the full matrix.
    fn importance(&self, features: usize) -> Vec<f64> {
        let mut out = vec![0.0; features];
        for (i, v) in self.tree.feature_importance().into_iter().enumerate() {
            if let Some(&c) = self.columns.get(i) {
                out[c] = if v.is_finite() { v } else { 0.0 };
            }
        }
        out
    }

    /// The tree as "if ... then p" rules, one per leaf, left to right.
    pub fn rules(&self, names: &[String]) -> Vec<TreeRule> {
        let mut out = Vec::new();
        self.rules_below(self.tree.root_node(), 1, names, &mut Vec::new(), &mut out);
        out
    }

    fn rules_below(
        &self,
        node: &TreeNode<f64, usize>,
        code: u64,
        names: &[String],
        path: &mut Vec<Condition>,
        out: &mut Vec<TreeRule>,
    ) {
        let children = node.children();
        if node.is_leaf() || children.iter().all(|c| c.is_none()) {
            let (n, pos) = self.leaves.get(&code).copied().unwrap_or((0, 0));
            out.push(TreeRule {
                conditions: path.clone(),
                probability: if n == 0 { 0.0 } else { pos as f64 / n as f64 },
                customers: n,
            });
            return;
        }
        let (feature, split, _) = node.split();
        let name = self
            .columns
            .get(feature)
            .and_then(|&c| names.get(c))
            .map_or_else(|| "?".to_string(), Clone::clone);
        for (bit, child) in children.into_iter().enumerate() {
            if let Some(child) = child {
                path.push(Condition {
                    feature: name.clone(),
                    at_least: bit == 1,
                    threshold: split,
                });
                self.rules_below(child, code << 1 | bit as u64, names, path, out);
                path.pop();
            }
        }
    }
}

impl Fitted {
    /// The probability of the positive class for every row of `raw`.
    pub fn predict(&self, raw: &Array2<f64>) -> Vec<f64> {
        match self {
            Fitted::LogReg { model, scaler } => model.predict(&scaler.apply(raw)),
            Fitted::Tree(tree) => raw
                .rows()
                .into_iter()
                .map(|r| tree.probability(&r))
                .collect(),
            Fitted::Forest(trees) => {
                // Tree by tree over a block of rows, so one tree's nodes stay in
                // cache while the block walks it; the sum runs in tree order.
                let rows: Vec<usize> = (0..raw.nrows()).collect();
                rows.par_chunks(1024)
                    .flat_map_iter(|block| {
                        let mut sums = vec![0.0; block.len()];
                        for tree in trees {
                            for (sum, &r) in sums.iter_mut().zip(block) {
                                *sum += tree.probability(&raw.row(r));
                            }
                        }
                        let n = trees.len().max(1) as f64;
                        sums.into_iter().map(move |s| s / n)
                    })
                    .collect()
            }
            Fitted::Boosted(model) => model.predict(raw),
        }
    }

    /// Importance per feature (see the module contract for what each model reports).
    pub fn importance(&self, features: usize) -> Vec<f64> {
        match self {
            Fitted::LogReg { model, .. } => model.coefficients.clone(),
            Fitted::Tree(tree) => tree.importance(features),
            Fitted::Forest(trees) => {
                let mut sum = vec![0.0; features];
                for tree in trees {
                    for (s, v) in sum.iter_mut().zip(tree.importance(features)) {
                        *s += v;
                    }
                }
                sum.iter().map(|s| s / trees.len().max(1) as f64).collect()
            }
            Fitted::Boosted(model) => model.importance(features),
        }
    }

    /// Readable rules of a single tree; empty for the other models.
    pub fn rules(&self, names: &[String]) -> Vec<TreeRule> {
        match self {
            Fitted::Tree(tree) => tree.rules(names),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattened_forest_scores_equal_the_linfa_tree_walk() {
        // Three features, a label that depends on two of them, and ties on the
        // split values (integers), so both sides of `>=` are exercised.
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let rows = 600;
        let raw = Array2::from_shape_fn((rows, 3), |_| f64::from(rng.random_range(0..20u32)));
        let labels: Vec<bool> = (0..rows)
            .map(|r| raw[[r, 0]] + raw[[r, 2]] > 20.0 || rng.random_bool(0.1))
            .collect();
        let names: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let params = ModelParams {
            trees: 12,
            sample_rows: 300,
            ..ModelParams::default()
        };
        let progress = Progress::detached();
        for kind in [ModelKind::Tree, ModelKind::Forest] {
            let fitted = fit(kind, &raw, &labels, &names, &params, &progress).expect("fit");
            let trees = match &fitted {
                Fitted::Tree(tree) => vec![tree.clone()],
                Fitted::Forest(trees) => trees.clone(),
                Fitted::LogReg { .. } | Fitted::Boosted(_) => unreachable!("a tree model"),
            };
            let mut leaves_seen = 0;
            for row in raw.rows() {
                let mut walked = 0.0;
                for t in &trees {
                    // linfa's own nodes, walked as the model did before flattening.
                    let leaf = leaf_of(t.tree.root_node(), |f| row[t.columns[f]]);
                    let (n, pos) = t.leaves.get(&leaf).copied().unwrap_or((0, 0));
                    leaves_seen += usize::from(n > 0);
                    let p = if n == 0 { 0.0 } else { pos as f64 / n as f64 };
                    assert_eq!(t.flat.probability(&row), p);
                    walked += p;
                }
                let expected = walked / trees.len() as f64;
                let scored = fitted.predict(&row.to_owned().insert_axis(Axis(0)))[0];
                assert!((scored - expected).abs() < 1e-12, "{scored} vs {expected}");
            }
            if let Fitted::Tree(t) = &fitted {
                // Fitted on every row: linfa's vote is the majority of the leaf
                // the flattened walk reaches.
                let classes = t.tree.predict(&raw);
                for (row, class) in raw.rows().into_iter().zip(classes) {
                    let p = t.flat.probability(&row);
                    if p != 0.5 {
                        assert_eq!(class == 1, p > 0.5, "share {p}, linfa class {class}");
                    }
                }
            }
            assert!(
                leaves_seen * 2 > rows * trees.len(),
                "rows reach trained leaves"
            );
            assert!(
                trees.iter().all(|t| !t.flat.nodes.is_empty()),
                "trees split"
            );
        }
    }
}

//! The forest's binning, its split search against an exhaustive Gini search,
//! its leaves, a planted interaction, and its determinism across thread counts.

use std::collections::HashMap;

use ndarray::{Array2, ArrayView1, ShapeBuilder};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::analysis::propensity::metrics::auc;
use crate::analysis::propensity::models::{self, Fitted, ModelKind};

fn column(values: &[f64]) -> Array2<f64> {
    Array2::from_shape_vec((values.len(), 1), values.to_vec()).expect("shape")
}

#[test]
fn cuts_fall_between_neighbouring_values_and_bin_rows_by_threshold() {
    // Few values: a cut between every two, NaN in the lowest bin.
    let few = Binned::new(&column(&[3.0, 1.0, 2.0, 2.0, f64::NAN, 1.0]), 1);
    assert_eq!(few.cuts, vec![vec![1.5, 2.5]]);
    assert_eq!(few.bins, vec![2, 0, 1, 1, 0, 0]);

    // Many values: 10,000 distinct integers and 5,000 more zeros.
    let mut values: Vec<f64> = (0..10_000).map(f64::from).collect();
    values.extend(std::iter::repeat_n(0.0, 5_000));
    values.shuffle(&mut ChaCha8Rng::seed_from_u64(3));
    let many = Binned::new(&column(&values), 1);
    let cuts = &many.cuts[0];
    assert_eq!(cuts.len(), MAX_BINS - 1);
    assert!(cuts.windows(2).all(|w| w[0] < w[1]), "ascending");
    assert!(cuts.iter().all(|c| c.fract() == 0.5), "between integers");
    let mut per_bin = vec![0usize; cuts.len() + 1];
    for (&v, &b) in values.iter().zip(&many.bins) {
        let b = usize::from(b);
        assert!(b == 0 || cuts[b - 1] <= v, "{v} in bin {b}");
        assert!(b == cuts.len() || v < cuts[b], "{v} in bin {b}");
        per_bin[b] += 1;
    }
    // Equal frequency: the zeros fill the first bin, and the other 254 bins
    // share the other 10,000 rows about equally.
    assert!(per_bin[0] >= 5_000);
    assert!(
        per_bin[1..].iter().all(|&n| (30..=50).contains(&n)),
        "{per_bin:?}"
    );
}

/// Integer features with few values (every cut exact) and a label that leans
/// on the first two.
fn small_problem(seed: u64, rows: usize) -> (Array2<f64>, Vec<bool>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let raw = Array2::from_shape_fn((rows, 4), |(_, c)| {
        f64::from(rng.random_range(0..[30u32, 8, 3, 1][c]))
    });
    let labels = (0..rows)
        .map(|r| {
            rng.random_bool(if raw[[r, 0]] + 3.0 * raw[[r, 1]] > 25.0 {
                0.8
            } else {
                0.3
            })
        })
        .collect();
    (raw, labels)
}

/// The best Gini decrease over every column and every threshold between two
/// values the rows take, with leaves of at least `min_leaf` rows.
fn exhaustive_gain(raw: &Array2<f64>, labels: &[bool], rows: &[usize], min_leaf: u32) -> f64 {
    let gini_mass = |n: f64, p: f64| if n == 0.0 { 0.0 } else { p * (n - p) / n };
    let n = rows.len() as f64;
    let pos = rows.iter().filter(|&&r| labels[r]).count() as f64;
    let mut best = 0.0_f64;
    for c in 0..raw.ncols() {
        for t in 0..128 {
            let threshold = f64::from(t) + 0.5;
            let (mut ln, mut lp) = (0.0, 0.0);
            for &r in rows.iter().filter(|&&r| raw[[r, c]] < threshold) {
                ln += 1.0;
                lp += f64::from(u8::from(labels[r]));
            }
            if ln < f64::from(min_leaf) || n - ln < f64::from(min_leaf) {
                continue;
            }
            best = best.max(gini_mass(n, pos) - gini_mass(ln, lp) - gini_mass(n - ln, pos - lp));
        }
    }
    best
}

fn grower(data: &Binned, min_leaf: u32, seed: u64) -> Grower<'_> {
    let features = data.cuts.len();
    Grower {
        data,
        max_depth: 8,
        min_leaf,
        per_split: features,
        rng: ChaCha8Rng::seed_from_u64(seed),
        order: (0..features).collect(),
        nodes: Vec::new(),
        gains: vec![0.0; features],
        histograms: Box::new([[0; MAX_BINS]; LANES]),
    }
}

/// The distinct rows of `drawn` with their packed weights, as a node holds them.
fn node_rows(ones: &[u8], drawn: &[usize]) -> Vec<(usize, u64)> {
    let weights = packed_weights(ones, drawn);
    (weights.iter().copied().enumerate())
        .filter(|&(_, w)| w != 0)
        .collect()
}

#[test]
fn with_every_feature_drawn_the_split_is_the_exhaustive_gini_optimum() {
    for seed in 0..6 {
        let (raw, labels) = small_problem(seed, 400);
        let data = Binned::new(&raw, seed);
        let ones: Vec<u8> = labels.iter().map(|&l| u8::from(l)).collect();
        // Every row, the first hundred drawn twice.
        let all: Vec<usize> = (0..raw.nrows()).chain(0..100).collect();
        for min_leaf in [1, 5, 60] {
            // The whole matrix and a node of the rows with a small first value.
            let node: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&r| raw[[r, 0]] < 12.0)
                .collect();
            for drawn in [all.clone(), node] {
                let expected = exhaustive_gain(&raw, &labels, &drawn, min_leaf);
                let mut constant = vec![false; 4];
                let mut grower = grower(&data, min_leaf, seed);
                let split = grower.best_split(&node_rows(&ones, &drawn), &mut constant);
                let split = split.expect("a split exists");
                assert!(
                    (split.gain - expected).abs() < 1e-9,
                    "{} vs {expected}",
                    split.gain
                );
                // The cut it names lies between values of the node's rows.
                let threshold = data.cuts[split.column][split.bin - 1];
                assert_eq!(threshold.fract(), 0.5, "{threshold}");
                assert_eq!(
                    constant,
                    [false, false, false, true],
                    "column 3 takes one value"
                );
            }
        }
        // A feature constant in the node never splits, and is marked for the
        // nodes below; the draw goes on past it.
        let sevens: Vec<usize> = (0..raw.nrows()).filter(|&r| raw[[r, 0]] == 7.0).collect();
        let mut constant = vec![false; 4];
        let split = grower(&data, 1, seed).best_split(&node_rows(&ones, &sevens), &mut constant);
        assert!(split.is_none_or(|s| s.column == 1 || s.column == 2));
        assert!(constant[0] && constant[3], "{constant:?}");
    }
}

#[test]
fn a_split_never_leaves_fewer_rows_than_a_leaf_needs_on_either_side() {
    // Three buyers at the bottom and three non-buyers at the top, buyers and
    // non-buyers in turn between: cutting either end off alone is the best
    // split, and too small for leaves of five.
    let mut values = vec![0.0; 3];
    values.extend((1..95).map(f64::from));
    values.extend([100.0; 3]);
    let raw = column(&values);
    let labels: Vec<bool> = (0..values.len())
        .map(|r| r < 3 || (r < 97 && r % 2 == 0))
        .collect();
    let data = Binned::new(&raw, 1);
    let ones: Vec<u8> = labels.iter().map(|&l| u8::from(l)).collect();
    let drawn: Vec<usize> = (0..values.len()).collect();
    for min_leaf in [1, 5] {
        let mut constant = vec![false];
        let rows = node_rows(&ones, &drawn);
        let split = grower(&data, min_leaf, 1).best_split(&rows, &mut constant);
        let split = split.expect("a split");
        let left = values
            .iter()
            .filter(|&&v| v < data.cuts[0][split.bin - 1])
            .count();
        let expected = exhaustive_gain(&raw, &labels, &drawn, min_leaf);
        assert!(
            (split.gain - expected).abs() < 1e-9,
            "{} vs {expected}",
            split.gain
        );
        let sides = (left as u32, (values.len() - left) as u32);
        assert!(sides.0 >= min_leaf && sides.1 >= min_leaf, "{sides:?}");
        if min_leaf == 1 {
            assert!(
                sides.0 == 3 || sides.1 == 3,
                "the pure end is cut off: {sides:?}"
            );
        }
    }
}

/// The leaf a row reaches, as the index of its parent node and the side.
fn leaf_of(tree: &FlatTree, row: &ArrayView1<f64>) -> (usize, usize) {
    let (mut at, mut side) = (usize::MAX, 0);
    let mut link = tree.root;
    while let Link::Node(node) = link {
        at = node;
        side = usize::from(row[tree.nodes[node].column] >= tree.nodes[node].split);
        link = tree.nodes[node].next[side];
    }
    (at, side)
}

#[test]
fn a_leaf_is_the_buyer_share_of_the_drawn_rows_reaching_it() {
    let (raw, labels) = small_problem(9, 3000);
    let data = Binned::new(&raw, 9);
    let ones: Vec<u8> = labels.iter().map(|&l| u8::from(l)).collect();
    let growth = Growth {
        max_depth: 5,
        min_leaf: 7,
        per_split: 2,
    };
    let mut rng = ChaCha8Rng::seed_from_u64(4);
    let drawn: Vec<usize> = (0..2000).map(|_| rng.random_range(0..3000)).collect();
    let (tree, gains) = grow_tree(&data, &packed_weights(&ones, &drawn), &growth, rng);
    assert!(tree.nodes.len() >= 4, "{} splits", tree.nodes.len());
    let mut leaves: HashMap<(usize, usize), (u32, u32)> = HashMap::new();
    for &r in &drawn {
        let leaf = leaves.entry(leaf_of(&tree, &raw.row(r))).or_default();
        leaf.0 += 1;
        leaf.1 += u32::from(ones[r]);
    }
    let mut leaf_impurity = 0.0;
    for (&(at, side), &(n, pos)) in &leaves {
        assert!(n >= 7, "a leaf of {n} rows");
        assert_eq!(
            tree.nodes[at].next[side],
            Link::Leaf(f64::from(pos) / f64::from(n))
        );
        leaf_impurity += impurity(n, pos);
    }
    // Depth: no path longer than five splits (at most 2^5 leaves).
    assert!(leaves.len() <= 32);
    // The gains add up to what the leaves removed from the root's impurity.
    let root = impurity(2000, drawn.iter().map(|&r| u32::from(ones[r])).sum());
    let gained: f64 = gains.iter().sum();
    assert!(
        (root - leaf_impurity - gained).abs() < 1e-6,
        "{root} {leaf_impurity} {gained}"
    );
}

/// An exclusive-or of the first two features (10 % flipped) and four noise features.
fn interaction(seed: u64, rows: usize) -> (Array2<f64>, Vec<bool>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let raw = Array2::from_shape_fn((rows, 6), |_| rng.random::<f64>());
    let labels = (0..rows)
        .map(|r| ((raw[[r, 0]] > 0.5) != (raw[[r, 1]] > 0.5)) != rng.random_bool(0.1))
        .collect();
    (raw, labels)
}

#[test]
fn a_planted_interaction_is_found_where_a_straight_line_finds_nothing() {
    let (train, train_labels) = interaction(1, 4000);
    let (test, test_labels) = interaction(2, 2000);
    let names: Vec<String> = (0..6).map(|c| format!("x{c}")).collect();
    let params = ModelParams {
        trees: 40,
        ..ModelParams::default()
    };
    let progress = Progress::detached();
    let forest = fit(&train, &train_labels, &params, &progress).expect("forest");
    let forest_auc = auc(&forest.predict(&test), &test_labels).expect("auc");
    let line = models::fit(
        ModelKind::LogReg,
        &train,
        &train_labels,
        &names,
        &params,
        &progress,
    );
    let line_auc = auc(&line.expect("logreg").predict(&test), &test_labels).expect("auc");
    assert!(forest_auc > 0.85, "forest AUC {forest_auc}");
    assert!(line_auc < 0.6, "logistic AUC {line_auc}");
    let importance = forest.importance();
    let noise = importance[2..].iter().cloned().fold(0.0, f64::max);
    assert!(
        importance[0] > 2.0 * noise && importance[1] > 2.0 * noise,
        "{importance:?}"
    );
    assert!((importance.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    // Through the model interface, as the propensity job calls it.
    let fitted = models::fit(
        ModelKind::Forest,
        &train,
        &train_labels,
        &names,
        &params,
        &progress,
    );
    let Ok(Fitted::Forest(same)) = fitted else {
        panic!("a forest")
    };
    assert_eq!(same.predict(&test), forest.predict(&test));
}

#[test]
fn the_same_seed_grows_the_same_forest_on_any_number_of_threads() {
    let (raw, labels) = interaction(5, 3000);
    let params = ModelParams {
        trees: 16,
        sample_rows: 2000,
        ..ModelParams::default()
    };
    let fit_on = |threads: usize, seed: u64| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let params = ModelParams {
            seed,
            ..params.clone()
        };
        pool.install(|| fit(&raw, &labels, &params, &Progress::detached()).expect("forest"))
    };
    let one = fit_on(1, 42);
    let three = fit_on(3, 42);
    assert_eq!(one.predict(&raw), three.predict(&raw));
    // A column-major matrix scores the same.
    let mut column_major = Array2::zeros(raw.raw_dim().f());
    column_major.assign(&raw);
    assert_eq!(one.predict(&column_major), one.predict(&raw));
    assert_eq!(one.importance(), three.importance());
    assert_ne!(
        one.predict(&raw),
        fit_on(3, 43).predict(&raw),
        "the seed matters"
    );
}

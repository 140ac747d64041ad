//! The single propensity tree, kept shallow so its leaves read as rules.
//!
//! Contract:
//! - Grown by the forest's grower (see [`super::forest`]) on every training row
//!   once, every feature considered at every split: depth `tree_depth`, leaves of
//!   at least `min_leaf_rows` rows, Gini. Its cuts are the forest's: exact
//!   between neighbouring values for a column of at most 256 values, otherwise
//!   between neighbouring values at 255 equal-frequency marks.
//! - A leaf's probability is the share of buyers among the training rows that
//!   reach it, so scores rank customers and read as a buy rate.
//! - Importance = impurity decrease per feature as a share of the tree's total.
//! - Rules: one per leaf, left to right, with the conditions on the way there
//!   (one bound per feature and side: "< 200.5 and < 197.5" reads "< 197.5"),
//!   the leaf's probability and the training rows that reach it.

use std::collections::HashMap;

use ndarray::{Array2, ArrayView1};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::flat::{FlatTree, Link};
use super::forest::{Binned, Growth, grow_tree, packed_weights};
use super::models::ModelParams;
use super::rules::{Condition, TreeRule};

/// A fitted single tree.
#[derive(Clone, Debug)]
pub struct SingleTree {
    flat: FlatTree,
    importance: Vec<f64>,
    /// The leaves left to right.
    leaves: Vec<Leaf>,
}

/// A leaf: the splits on the way (column, right side?, threshold), its
/// probability and its training rows.
#[derive(Clone, Debug)]
struct Leaf {
    path: Vec<(usize, bool, f64)>,
    probability: f64,
    rows: usize,
}

/// Where a row ends: the split above its leaf and the side (`None` for a tree
/// that is one leaf).
type Slot = Option<(usize, usize)>;

impl SingleTree {
    /// Fits the tree on `raw` (the training rows, original units) and `labels`.
    pub(super) fn fit(raw: &Array2<f64>, labels: &[bool], params: &ModelParams) -> SingleTree {
        let data = Binned::new(raw, params.seed);
        let ones: Vec<u8> = labels.iter().map(|&l| u8::from(l)).collect();
        let every_row: Vec<usize> = (0..raw.nrows()).collect();
        let growth = Growth {
            max_depth: params.tree_depth,
            min_leaf: params.min_leaf_rows,
            per_split: raw.ncols(),
        };
        let rng = ChaCha8Rng::seed_from_u64(params.seed);
        let (flat, gains) = grow_tree(&data, &packed_weights(&ones, &every_row), &growth, rng);
        let total: f64 = gains.iter().sum();
        let importance = gains
            .iter()
            .map(|g| if total > 0.0 { g / total } else { 0.0 })
            .collect();
        let mut tree = SingleTree {
            flat,
            importance,
            leaves: Vec::new(),
        };
        let mut slots = Vec::new();
        tree.collect_leaves(tree.flat.root, None, &mut Vec::new(), &mut slots);
        let leaf_of: HashMap<Slot, usize> = slots.into_iter().zip(0..).collect();
        for row in raw.rows() {
            if let Some(&at) = leaf_of.get(&tree.slot(&row)) {
                tree.leaves[at].rows += 1;
            }
        }
        tree
    }

    /// Adds the leaves below `link` (reached through `slot`, along `path`) and
    /// their slots, left to right.
    fn collect_leaves(
        &mut self,
        link: Link,
        slot: Slot,
        path: &mut Vec<(usize, bool, f64)>,
        slots: &mut Vec<Slot>,
    ) {
        match link {
            Link::Leaf(probability) => {
                self.leaves.push(Leaf {
                    path: path.clone(),
                    probability,
                    rows: 0,
                });
                slots.push(slot);
            }
            Link::Node(at) => {
                let node = self.flat.nodes[at];
                for (side, next) in node.next.into_iter().enumerate() {
                    path.push((node.column, side == 1, node.split));
                    self.collect_leaves(next, Some((at, side)), path, slots);
                    path.pop();
                }
            }
        }
    }

    /// The slot of the leaf `row` reaches.
    fn slot(&self, row: &ArrayView1<f64>) -> Slot {
        let (mut link, mut slot) = (self.flat.root, None);
        while let Link::Node(at) = link {
            let node = &self.flat.nodes[at];
            let side = usize::from(row[node.column] >= node.split);
            (link, slot) = (node.next[side], Some((at, side)));
        }
        slot
    }

    /// The probability of the leaf `row` reaches.
    pub(super) fn probability(&self, row: &ArrayView1<f64>) -> f64 {
        self.flat.probability(row)
    }

    /// Impurity share per feature.
    pub(super) fn importance(&self) -> &[f64] {
        &self.importance
    }

    /// The tree as "if ... then p" rules, one per leaf, left to right.
    pub(super) fn rules(&self, names: &[String]) -> Vec<TreeRule> {
        let name = |c: usize| names.get(c).map_or_else(|| "?".to_string(), Clone::clone);
        self.leaves
            .iter()
            .map(|leaf| TreeRule {
                conditions: tightest(&leaf.path)
                    .into_iter()
                    .map(|(c, at_least, threshold)| Condition {
                        feature: name(c),
                        at_least,
                        threshold,
                    })
                    .collect(),
                probability: leaf.probability,
                customers: leaf.rows,
            })
            .collect()
    }
}

/// A leaf's path with one bound per feature and side: two splits on one
/// feature the same way ("< 200.5 and < 197.5") say the same as the tighter
/// one. In order of each bound's first split.
fn tightest(path: &[(usize, bool, f64)]) -> Vec<(usize, bool, f64)> {
    let mut out: Vec<(usize, bool, f64)> = Vec::new();
    for &(c, at_least, threshold) in path {
        match out
            .iter_mut()
            .find(|(oc, oa, _)| (*oc, *oa) == (c, at_least))
        {
            Some((_, _, bound)) if at_least => *bound = bound.max(threshold),
            Some((_, _, bound)) => *bound = bound.min(threshold),
            None => out.push((c, at_least, threshold)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use ndarray::Array2;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use crate::analysis::propensity::models::{Fitted, ModelKind, ModelParams, fit};
    use crate::analysis::propensity::rules::Condition;
    use crate::jobs::Progress;

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|c| format!("x{c}")).collect()
    }

    #[test]
    fn every_rule_is_the_buyer_share_of_the_rows_meeting_its_conditions() {
        // Integer features (ties on every cut) beside a continuous one with more
        // than 256 values (cuts at equal-frequency marks).
        let mut rng = ChaCha8Rng::seed_from_u64(8);
        let rows = 5000;
        let raw = Array2::from_shape_fn((rows, 4), |(_, c)| match c {
            0 => rng.random::<f64>() * 1000.0,
            _ => f64::from(rng.random_range(0..12u32)),
        });
        let labels: Vec<bool> = (0..rows)
            .map(|r| {
                rng.random_bool(if raw[[r, 0]] + 50.0 * raw[[r, 1]] > 700.0 {
                    0.85
                } else {
                    0.2
                })
            })
            .collect();
        let params = ModelParams::default();
        let fitted = fit(
            ModelKind::Tree,
            &raw,
            &labels,
            &names(4),
            &params,
            &Progress::detached(),
        );
        let fitted = fitted.expect("tree");
        let rules = fitted.rules(&names(4));
        assert!(rules.len() >= 4, "{} leaves", rules.len());
        let scores = fitted.predict(&raw);
        let mut reached = vec![0usize; rules.len()];
        for (r, row) in raw.rows().into_iter().enumerate() {
            let meets: Vec<usize> = (0..rules.len())
                .filter(|&i| {
                    rules[i].conditions.iter().all(|c| {
                        let at = c.feature[1..].parse::<usize>().expect("x<n>");
                        (row[at] >= c.threshold) == c.at_least
                    })
                })
                .collect();
            assert_eq!(meets.len(), 1, "row {r} meets rules {meets:?}");
            reached[meets[0]] += 1;
            assert_eq!(scores[r], rules[meets[0]].probability);
        }
        for (i, rule) in rules.iter().enumerate() {
            assert!(rule.conditions.len() <= params.tree_depth);
            // One bound per feature and side (the tighter of two splits).
            for (k, c) in rule.conditions.iter().enumerate() {
                let same = |o: &&Condition| (&o.feature, o.at_least) == (&c.feature, c.at_least);
                assert_eq!(
                    rule.conditions[..k].iter().filter(same).count(),
                    0,
                    "{rule:?}"
                );
            }
            assert_eq!(rule.customers, reached[i]);
            assert!(rule.customers >= params.min_leaf_rows);
            let buyers = (0..rows)
                .filter(|&r| labels[r] && scores[r] == rule.probability)
                .count();
            let same_score = scores.iter().filter(|&&s| s == rule.probability).count();
            // Leaves may share a probability; the buyers among all of them then
            // match the shared share.
            assert!((buyers as f64 / same_score as f64 - rule.probability).abs() < 1e-12);
        }
    }

    #[test]
    fn a_planted_threshold_is_the_first_split_and_the_whole_importance() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let raw = Array2::from_shape_fn((3000, 3), |_| f64::from(rng.random_range(0..20u32)));
        let labels: Vec<bool> = raw.column(1).iter().map(|&v| v >= 10.0).collect();
        let progress = Progress::detached();
        let params = ModelParams::default();
        let fitted = fit(
            ModelKind::Tree,
            &raw,
            &labels,
            &names(3),
            &params,
            &progress,
        );
        let Ok(Fitted::Tree(tree)) = fitted else {
            panic!("a tree")
        };
        let rules = tree.rules(&names(3));
        assert_eq!(rules.len(), 2, "{rules:?}");
        for (rule, (at_least, p)) in rules.iter().zip([(false, 0.0), (true, 1.0)]) {
            let condition = &rule.conditions[0];
            assert_eq!(
                (condition.feature.as_str(), condition.threshold),
                ("x1", 9.5)
            );
            assert_eq!((condition.at_least, rule.probability), (at_least, p));
        }
        assert_eq!(tree.importance(), [0.0, 1.0, 0.0]);
    }
}

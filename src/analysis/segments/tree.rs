//! Decision-tree profiles: a shallow tree that predicts each customer's segment
//! from the raw features in use, read back as plain rules
//! ("orders ≥ 4 and recency_days ≤ 30 → segment 1").
//!
//! Contract:
//! - linfa-trees `DecisionTree` (Gini), depth at most [`TreeParams::max_depth`],
//!   leaves of at least [`TreeParams::min_leaf_share`] of the fitted rows, on the
//!   features of the segmentation's [`FeatureSet`](super::FeatureSet) in original
//!   units (days, orders, money, shares), so thresholds read as the operator's own
//!   figures.
//! - With more than [`TreeParams::fit_sample`] customers the tree is fitted on a
//!   seeded uniform sample of that many; `accuracy` is always measured on every
//!   customer: the share whose segment the rules predict.
//! - A row goes left when `value ≤ threshold` (as linfa fits it). Conditions on the
//!   same feature along a path are merged into the tightest bound. Whole-number
//!   features (days, orders, units) state bounds as whole numbers: `≤ 3.5` reads
//!   `≤ 3`, `> 3.5` reads `≥ 4`.
//! - Rules are listed by predicted segment, then by customers covered (most first),
//!   ties by the order of the leaves (left first).

use linfa::prelude::*;
use linfa_trees::{DecisionTree, TreeNode};
use ndarray::{Array1, Array2, ArrayView1, Axis};
use rand::SeedableRng;
use rand::seq::index::sample;
use rand_chacha::ChaCha8Rng;

use super::features::{CustomerFeatures, Feature};
use crate::analysis::lines::AnalysisError;
use crate::tr;

/// Settings of the profile tree.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeParams {
    /// Deepest level (the root is level 0): at most 2^depth rules.
    pub max_depth: usize,
    /// Smallest leaf, as a share of the fitted rows: no rule for a handful.
    pub min_leaf_share: f32,
    /// Above this many customers the tree is fitted on a sample of this many.
    pub fit_sample: usize,
    pub seed: u64,
}

impl Default for TreeParams {
    fn default() -> Self {
        TreeParams {
            max_depth: 3,
            min_leaf_share: 0.01,
            fit_sample: 20_000,
            seed: 42,
        }
    }
}

/// One bound on one feature.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub feature: Feature,
    /// True: `feature > threshold`; false: `feature ≤ threshold`.
    pub above: bool,
    pub threshold: f64,
}

impl Condition {
    /// "orders ≥ 4", "recency_days ≤ 30", "discount_share > 0.35", with the
    /// feature's [`Feature::label`] in the current language.
    pub fn text(&self) -> String {
        let name = self.feature.label();
        if is_whole(self.feature) {
            if self.above {
                format!("{name} ≥ {}", self.threshold.floor() + 1.0)
            } else {
                format!("{name} ≤ {}", self.threshold.floor())
            }
        } else if self.above {
            format!("{name} > {:.2}", self.threshold)
        } else {
            format!("{name} ≤ {:.2}", self.threshold)
        }
    }
}

/// One leaf of the tree as a rule.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeRule {
    /// All must hold; empty: everyone.
    pub conditions: Vec<Condition>,
    /// The segment predicted.
    pub segment: usize,
    /// Customers the rule covers (all customers, not only the fitted sample).
    pub customers: usize,
    /// Share of them that are in `segment`.
    pub precision: f64,
}

impl TreeRule {
    /// "orders ≥ 4 and recency_days ≤ 30" ("everyone" without conditions), in
    /// the current language (the command line's is English).
    pub fn conditions_text(&self) -> String {
        if self.conditions.is_empty() {
            return tr!("segments-rule-everyone");
        }
        let mut parts = Vec::new();
        for (i, c) in self.conditions.iter().enumerate() {
            let pair = self.conditions[..i].iter().any(|o| o.feature == c.feature);
            if pair {
                continue;
            }
            let other = self.conditions[i + 1..]
                .iter()
                .find(|o| o.feature == c.feature);
            parts.push(match other {
                // A range reads "44 ≤ recency_days ≤ 114".
                Some(o) => {
                    let (low, high) = if c.above { (c, o) } else { (o, c) };
                    let low_text = low.text();
                    let low_bound = low_text.rsplit(' ').next().unwrap_or("");
                    format!(
                        "{low_bound} {} {}",
                        if is_whole(low.feature) { "≤" } else { "<" },
                        high.text()
                    )
                }
                None => c.text(),
            });
        }
        // The catalogue trims a message's spaces: they stay here.
        parts.join(&format!(" {} ", tr!("segments-rule-and")))
    }
}

/// The rules and how often they are right.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentTree {
    pub rules: Vec<TreeRule>,
    /// Share of all customers whose segment the rules predict.
    pub accuracy: f64,
    /// Whether the tree was fitted on a sample.
    pub fit_sampled: bool,
}

fn is_whole(feature: Feature) -> bool {
    matches!(
        feature,
        Feature::Recency | Feature::Frequency | Feature::Tenure | Feature::Units
    )
}

/// Fits the profile tree of `labels` (one segment per customer of `features`).
pub fn explain_segments(
    features: &CustomerFeatures,
    labels: &[usize],
    params: &TreeParams,
) -> Result<SegmentTree, AnalysisError> {
    let used = features.set.features();
    let columns: Vec<usize> = used
        .iter()
        .filter_map(|f| features.available.iter().position(|a| a == f))
        .collect();
    let n = features.len();
    if n == 0 || labels.len() != n {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-segment-tree"),
            why: tr!(
                "analysis-segment-tree-labels",
                labels = labels.len().to_string(),
                customers = n.to_string()
            ),
        });
    }
    let records: Array2<f64> = features.raw.select(Axis(1), &columns);
    let fit_rows: Option<Vec<usize>> = (n > params.fit_sample).then(|| {
        let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
        let mut rows = sample(&mut rng, n, params.fit_sample).into_vec();
        rows.sort_unstable();
        rows
    });
    let (fit_x, fit_y) = match &fit_rows {
        Some(rows) => (
            records.select(Axis(0), rows),
            rows.iter().map(|&i| labels[i]).collect::<Array1<usize>>(),
        ),
        None => (records.clone(), Array1::from(labels.to_vec())),
    };
    let dataset = Dataset::new(fit_x, fit_y);
    let tree = DecisionTree::params()
        .max_depth(Some(params.max_depth))
        .min_weight_leaf((params.min_leaf_share * dataset.nsamples() as f32).max(1.0))
        .fit(&dataset)
        .map_err(|e| AnalysisError::Invalid {
            what: tr!("analysis-segment-tree"),
            why: e.to_string(),
        })?;
    let mut leaves = Vec::new();
    collect_leaves(tree.root_node(), used, &mut Vec::new(), &mut leaves);
    // Count every customer into the leaf the rules send them to.
    let mut covered = vec![(0usize, 0usize); leaves.len()];
    for (row, &label) in records.outer_iter().zip(labels) {
        let leaf = leaf_of(tree.root_node(), row, &leaves);
        if let Some(leaf) = leaf {
            covered[leaf].0 += 1;
            if leaves[leaf].1 == label {
                covered[leaf].1 += 1;
            }
        }
    }
    let correct: usize = covered.iter().map(|c| c.1).sum();
    let mut rules: Vec<(usize, TreeRule)> = leaves
        .into_iter()
        .zip(&covered)
        .enumerate()
        .map(|(order, ((conditions, segment), &(customers, right)))| {
            let precision = if customers > 0 {
                right as f64 / customers as f64
            } else {
                0.0
            };
            let rule = TreeRule {
                conditions: merge(conditions),
                segment,
                customers,
                precision,
            };
            (order, rule)
        })
        .collect();
    rules.sort_by(|(oa, a), (ob, b)| {
        a.segment
            .cmp(&b.segment)
            .then(b.customers.cmp(&a.customers))
            .then(oa.cmp(ob))
    });
    Ok(SegmentTree {
        rules: rules.into_iter().map(|(_, r)| r).collect(),
        accuracy: correct as f64 / n as f64,
        fit_sampled: fit_rows.is_some(),
    })
}

type Leaf = (Vec<Condition>, usize);

/// Leaves left to right with the conditions on the path to each.
fn collect_leaves(
    node: &TreeNode<f64, usize>,
    used: &[Feature],
    path: &mut Vec<Condition>,
    out: &mut Vec<Leaf>,
) {
    if let Some(segment) = node.prediction() {
        out.push((path.clone(), segment));
        return;
    }
    let (index, threshold, _) = node.split();
    let children = node.children();
    for (child, above) in children.into_iter().zip([false, true]) {
        if let Some(child) = child {
            path.push(Condition {
                feature: used[index],
                above,
                threshold,
            });
            collect_leaves(child, used, path, out);
            path.pop();
        }
    }
}

/// Index (in `collect_leaves` order) of the leaf `row` falls in.
fn leaf_of(
    node: &TreeNode<f64, usize>,
    row: ArrayView1<'_, f64>,
    leaves: &[Leaf],
) -> Option<usize> {
    let mut node = node;
    let mut seen_before = 0usize;
    loop {
        if node.is_leaf() {
            return (seen_before < leaves.len()).then_some(seen_before);
        }
        let (index, threshold, _) = node.split();
        let [left, right] = [&node.children()[0], &node.children()[1]].map(|c| c.as_deref());
        let go_left = row.get(index).is_some_and(|&v| v <= threshold);
        match (left, right) {
            (Some(l), Some(r)) => {
                if go_left {
                    node = l;
                } else {
                    seen_before += count_leaves(l);
                    node = r;
                }
            }
            (Some(only), None) | (None, Some(only)) => node = only,
            (None, None) => return None,
        }
    }
}

fn count_leaves(node: &TreeNode<f64, usize>) -> usize {
    if node.is_leaf() {
        return 1;
    }
    node.children()
        .into_iter()
        .flatten()
        .map(|c| count_leaves(c))
        .sum()
}

/// Keeps the tightest bound per feature and direction, in first-seen order.
fn merge(conditions: Vec<Condition>) -> Vec<Condition> {
    let mut out: Vec<Condition> = Vec::new();
    for c in conditions {
        match out
            .iter_mut()
            .find(|o| o.feature == c.feature && o.above == c.above)
        {
            Some(o) if c.above => o.threshold = o.threshold.max(c.threshold),
            Some(o) => o.threshold = o.threshold.min(c.threshold),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segments::FeatureSet;
    use chrono::NaiveDate;
    use ndarray::ShapeBuilder;

    /// Customers whose segment is set by orders (≥ 4) and recency (≤ 30 days).
    fn planted() -> (CustomerFeatures, Vec<usize>) {
        let mut recency = Vec::new();
        let mut orders = Vec::new();
        let mut labels = Vec::new();
        for i in 0..400usize {
            let o = (i % 8) as f64 + 1.0;
            let r = ((i * 37) % 120) as f64;
            recency.push(r);
            orders.push(o);
            labels.push(match (o >= 4.0, r <= 30.0) {
                (true, true) => 0,
                (true, false) => 1,
                (false, _) => 2,
            });
        }
        let n = labels.len();
        let mut buffer = recency.clone();
        buffer.extend(&orders);
        let raw = Array2::from_shape_vec((n, 2).f(), buffer).expect("shape");
        let set = FeatureSet::new(&[Feature::Recency, Feature::Frequency]).expect("set");
        let features = CustomerFeatures {
            analysis_date: NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
            customer_ids: (0..n).map(|i| format!("c{i}")).collect(),
            available: vec![Feature::Recency, Feature::Frequency],
            scaled: raw.clone(),
            raw,
            set,
            revenue: Some(vec![1.0; n]),
        };
        (features, labels)
    }

    #[test]
    fn a_planted_rule_is_read_back_exactly() {
        let (features, labels) = planted();
        let tree = explain_segments(&features, &labels, &TreeParams::default()).expect("tree");
        assert_eq!(tree.accuracy, 1.0);
        assert!(!tree.fit_sampled);
        let texts: Vec<(String, usize)> = tree
            .rules
            .iter()
            .map(|r| (r.conditions_text(), r.segment))
            .collect();
        assert_eq!(
            texts,
            [
                ("orders ≥ 4 and recency_days ≤ 30".to_string(), 0),
                ("orders ≥ 4 and recency_days ≥ 31".to_string(), 1),
                ("orders ≤ 3".to_string(), 2),
            ]
        );
        assert_eq!(tree.rules.iter().map(|r| r.customers).sum::<usize>(), 400);
        assert!(tree.rules.iter().all(|r| r.precision == 1.0));
    }

    #[test]
    fn a_sampled_fit_is_scored_on_everyone() {
        let (features, labels) = planted();
        let params = TreeParams {
            fit_sample: 200,
            ..TreeParams::default()
        };
        let tree = explain_segments(&features, &labels, &params).expect("tree");
        assert!(tree.fit_sampled);
        assert_eq!(tree.rules.iter().map(|r| r.customers).sum::<usize>(), 400);
        assert!(tree.accuracy > 0.95, "{}", tree.accuracy);
    }

    #[test]
    fn bounds_on_one_feature_merge_to_the_tightest() {
        let c = |above, threshold| Condition {
            feature: Feature::Monetary,
            above,
            threshold,
        };
        let merged = merge(vec![c(true, 10.0), c(false, 90.0), c(true, 25.5)]);
        assert_eq!(merged, [c(true, 25.5), c(false, 90.0)]);
        assert_eq!(merged[0].text(), "revenue > 25.50");
        let rule = TreeRule {
            conditions: vec![
                Condition {
                    feature: Feature::Recency,
                    above: true,
                    threshold: 43.5,
                },
                Condition {
                    feature: Feature::Frequency,
                    above: true,
                    threshold: 4.5,
                },
                Condition {
                    feature: Feature::Recency,
                    above: false,
                    threshold: 114.5,
                },
            ],
            segment: 0,
            customers: 1,
            precision: 1.0,
        };
        assert_eq!(
            rule.conditions_text(),
            "44 ≤ recency_days ≤ 114 and orders ≥ 5"
        );
    }
}

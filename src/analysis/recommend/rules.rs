//! Frequently bought together: association rules from order baskets, mined with
//! FP-growth (own code; the `fp-growth` crate is unmaintained since 2021).
//!
//! Contract:
//! - A basket is the distinct items of one order (purchase lines only, as in
//!   `interactions`). Support = baskets holding the itemset / all baskets.
//! - Items below the minimum support are dropped before the tree is built, and
//!   itemsets are capped at `max_len` items, so tens of thousands of items fit:
//!   memory is one tree node per kept basket item at most.
//! - Rules have one consequent: {A…} → B, confidence = support(A…B) /
//!   support(A…), lift = confidence / support(B). Rules below any threshold are
//!   dropped. Sorted by lift, then count (both descending), then antecedent and
//!   consequent item index ascending.

use std::collections::HashMap;

use polars::prelude::{Column, DataFrame, PolarsResult};

use super::interactions::{Interactions, ItemInfo};
use crate::analysis::lines::AnalysisError;
use crate::export::rounded;
use crate::jobs::Progress;
use crate::tr;

/// Thresholds of the rule search.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleParams {
    /// Smallest share of baskets holding the whole rule (0..=1).
    pub min_support: f64,
    /// Smallest confidence (0..=1).
    pub min_confidence: f64,
    pub min_lift: f64,
    /// Fewest baskets holding the whole rule, whatever the support.
    pub min_count: u32,
    /// Most items in an itemset (antecedent and consequent together), 2..=5.
    pub max_len: usize,
}

impl Default for RuleParams {
    fn default() -> Self {
        RuleParams {
            min_support: 0.001,
            min_confidence: 0.1,
            min_lift: 1.0,
            min_count: 3,
            max_len: 2,
        }
    }
}

impl RuleParams {
    pub fn check(&self) -> Result<(), AnalysisError> {
        let bad = |why: String| {
            Err(AnalysisError::Invalid {
                what: tr!("analysis-rule-settings"),
                why,
            })
        };
        if !(0.0..=1.0).contains(&self.min_support) || !(0.0..=1.0).contains(&self.min_confidence) {
            return bad(tr!("analysis-rule-shares"));
        }
        if self.min_lift.is_nan() || self.min_lift < 0.0 {
            return bad(tr!("analysis-rule-lift"));
        }
        if !(2..=5).contains(&self.max_len) {
            return bad(tr!("analysis-rule-length"));
        }
        Ok(())
    }
}

/// One rule: customers who buy `antecedent` also buy `consequent`.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Item indices, ascending.
    pub antecedent: Vec<u32>,
    pub consequent: u32,
    pub support: f64,
    pub confidence: f64,
    pub lift: f64,
    /// Baskets holding antecedent and consequent.
    pub count: u32,
}

/// The distinct items of each order, by order index.
pub fn baskets(interactions: &Interactions) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); interactions.orders];
    for e in &interactions.events {
        out[e.order as usize].push(e.item);
    }
    for b in &mut out {
        b.sort_unstable();
        b.dedup();
    }
    out
}

struct Node {
    item: u32,
    count: u32,
    parent: u32,
}

/// An FP-tree over item ranks (0 = most frequent); node 0 is the root.
struct Tree {
    nodes: Vec<Node>,
    /// Nodes of each rank.
    header: Vec<Vec<u32>>,
}

impl Tree {
    /// Builds from weighted transactions whose ranks are ascending.
    fn build(transactions: &[(Vec<u32>, u32)], ranks: usize) -> Tree {
        let mut nodes = vec![Node {
            item: u32::MAX,
            count: 0,
            parent: 0,
        }];
        let mut header = vec![Vec::new(); ranks];
        let mut children: HashMap<(u32, u32), u32> = HashMap::new();
        for (items, count) in transactions {
            let mut at = 0u32;
            for &r in items {
                at = *children.entry((at, r)).or_insert_with(|| {
                    nodes.push(Node {
                        item: r,
                        count: 0,
                        parent: at,
                    });
                    let id = nodes.len() as u32 - 1;
                    header[r as usize].push(id);
                    id
                });
                nodes[at as usize].count += count;
            }
        }
        Tree { nodes, header }
    }
}

/// Appends every itemset (as ranks, ascending) with `count` ≥ `min_count` and at
/// most `max_len` items, each with its count.
fn mine(
    tree: &Tree,
    suffix: &[u32],
    min_count: u32,
    max_len: usize,
    out: &mut Vec<(Vec<u32>, u32)>,
) {
    for (r, nodes) in tree.header.iter().enumerate() {
        let support: u32 = nodes.iter().map(|&n| tree.nodes[n as usize].count).sum();
        if support < min_count {
            continue;
        }
        let mut itemset = suffix.to_vec();
        itemset.push(r as u32);
        out.push((itemset.clone(), support));
        if itemset.len() >= max_len {
            continue;
        }
        // The conditional pattern base: each path above a node of r, weighted.
        let mut base: Vec<(Vec<u32>, u32)> = Vec::with_capacity(nodes.len());
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for &n in nodes {
            let node = &tree.nodes[n as usize];
            let mut path = Vec::new();
            let mut at = node.parent;
            while at != 0 {
                let p = &tree.nodes[at as usize];
                path.push(p.item);
                *counts.entry(p.item).or_default() += node.count;
                at = p.parent;
            }
            path.reverse();
            base.push((path, node.count));
        }
        for (path, _) in &mut base {
            path.retain(|i| counts[i] >= min_count);
        }
        base.retain(|(path, _)| !path.is_empty());
        if !base.is_empty() {
            mine(&Tree::build(&base, r), &itemset, min_count, max_len, out);
        }
    }
}

/// Frequent itemsets of item indices (ascending) with their basket counts.
pub fn frequent_itemsets(
    baskets: &[Vec<u32>],
    items: usize,
    min_count: u32,
    max_len: usize,
    progress: &Progress,
) -> Result<Vec<(Vec<u32>, u32)>, AnalysisError> {
    let mut counts = vec![0u32; items];
    for b in baskets {
        for &i in b {
            counts[i as usize] += 1;
        }
    }
    let mut kept: Vec<u32> = (0..items as u32)
        .filter(|&i| counts[i as usize] >= min_count.max(1))
        .collect();
    kept.sort_by_key(|&i| (std::cmp::Reverse(counts[i as usize]), i));
    let mut rank = vec![u32::MAX; items];
    for (r, &i) in kept.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    progress.check().map_err(|_| AnalysisError::Cancelled)?;
    let transactions: Vec<(Vec<u32>, u32)> = baskets
        .iter()
        .filter_map(|b| {
            let mut ranks: Vec<u32> = b
                .iter()
                .map(|&i| rank[i as usize])
                .filter(|&r| r != u32::MAX)
                .collect();
            ranks.sort_unstable();
            (!ranks.is_empty()).then_some((ranks, 1))
        })
        .collect();
    let tree = Tree::build(&transactions, kept.len());
    drop(transactions);
    progress.check().map_err(|_| AnalysisError::Cancelled)?;
    let mut found = Vec::new();
    mine(&tree, &[], min_count.max(1), max_len, &mut found);
    Ok(found
        .into_iter()
        .map(|(ranks, count)| {
            let mut set: Vec<u32> = ranks.iter().map(|&r| kept[r as usize]).collect();
            set.sort_unstable();
            (set, count)
        })
        .collect())
}

/// Decimals of support, confidence and lift, as the rules table shows them.
pub const DECIMALS: [i32; 3] = [4, 3, 2];

/// The rules as one table: `antecedent` (item ids joined by `+`),
/// `antecedent_name` (names joined by ` + `), `consequent`, `consequent_name`,
/// `support`, `confidence`, `lift` (to [`DECIMALS`]), `count`; rows in the
/// order given.
pub fn rules_frame(items: &[ItemInfo], rules: &[Rule]) -> PolarsResult<DataFrame> {
    let figure = |get: fn(&Rule) -> f64, decimals: i32| -> Vec<f64> {
        rules.iter().map(|r| rounded(get(r), decimals)).collect()
    };
    let item = |i: u32| items.get(i as usize);
    let joined = |r: &Rule, name: bool, separator: &str| -> String {
        r.antecedent
            .iter()
            .map(|&i| item(i).map_or("?", |x| if name { &x.name } else { &x.id }))
            .collect::<Vec<_>>()
            .join(separator)
    };
    let consequent = |r: &Rule, name: bool| -> String {
        item(r.consequent).map_or_else(
            || "?".into(),
            |x| if name { x.name.clone() } else { x.id.clone() },
        )
    };
    DataFrame::new(
        rules.len(),
        vec![
            Column::new(
                "antecedent".into(),
                rules
                    .iter()
                    .map(|r| joined(r, false, "+"))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "antecedent_name".into(),
                rules
                    .iter()
                    .map(|r| joined(r, true, " + "))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "consequent".into(),
                rules
                    .iter()
                    .map(|r| consequent(r, false))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "consequent_name".into(),
                rules
                    .iter()
                    .map(|r| consequent(r, true))
                    .collect::<Vec<_>>(),
            ),
            Column::new("support".into(), figure(|r| r.support, DECIMALS[0])),
            Column::new("confidence".into(), figure(|r| r.confidence, DECIMALS[1])),
            Column::new("lift".into(), figure(|r| r.lift, DECIMALS[2])),
            Column::new(
                "count".into(),
                rules.iter().map(|r| r.count).collect::<Vec<_>>(),
            ),
        ],
    )
}

/// Association rules from the order baskets of `interactions`.
pub fn association_rules(
    interactions: &Interactions,
    params: &RuleParams,
    progress: &Progress,
) -> Result<Vec<Rule>, AnalysisError> {
    params.check()?;
    let baskets = baskets(interactions);
    let sets = frequent_itemsets(
        &baskets,
        interactions.items.len(),
        least_count(params, baskets.len()),
        params.max_len,
        progress,
    )?;
    Ok(rules_from_itemsets(&sets, baskets.len(), params))
}

/// The fewest baskets a frequent itemset is in, out of `baskets`: the
/// minimum support's share of them, and at least `min_count` (and 1).
pub fn least_count(params: &RuleParams, baskets: usize) -> u32 {
    let n = baskets.max(1) as f64;
    ((params.min_support * n).ceil() as u32)
        .max(params.min_count)
        .max(1)
}

/// The rules of the frequent itemsets `sets` (item indices ascending, with
/// their basket counts; every subset of a set is among them) out of `baskets`
/// baskets, sorted as the module says.
pub fn rules_from_itemsets(
    sets: &[(Vec<u32>, u32)],
    baskets: usize,
    params: &RuleParams,
) -> Vec<Rule> {
    let n = baskets.max(1) as f64;
    let support: HashMap<&[u32], u32> = sets.iter().map(|(s, c)| (s.as_slice(), *c)).collect();
    let mut rules = Vec::new();
    for (set, count) in sets.iter().filter(|(s, _)| s.len() >= 2) {
        for (k, &consequent) in set.iter().enumerate() {
            let mut antecedent = set.clone();
            antecedent.remove(k);
            // Every subset of a frequent itemset is frequent, so both are present.
            let (Some(&a), Some(&c)) = (
                support.get(antecedent.as_slice()),
                support.get(&[consequent][..]),
            ) else {
                continue;
            };
            let confidence = f64::from(*count) / f64::from(a);
            let lift = confidence / (f64::from(c) / n);
            if confidence >= params.min_confidence && lift >= params.min_lift {
                rules.push(Rule {
                    antecedent,
                    consequent,
                    support: f64::from(*count) / n,
                    confidence,
                    lift,
                    count: *count,
                });
            }
        }
    }
    rules.sort_by(|a, b| {
        b.lift
            .total_cmp(&a.lift)
            .then(b.count.cmp(&a.count))
            .then(a.antecedent.cmp(&b.antecedent))
            .then(a.consequent.cmp(&b.consequent))
    });
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fp_growth_counts_match_brute_force() {
        let baskets = vec![
            vec![0, 1, 2],
            vec![0, 1],
            vec![1, 2, 3],
            vec![0, 1, 3],
            vec![2],
            vec![0, 1, 2, 3],
        ];
        let mut sets = frequent_itemsets(&baskets, 4, 2, 3, &Progress::detached()).expect("mine");
        sets.sort();
        let count = |s: &[u32]| {
            baskets
                .iter()
                .filter(|b| s.iter().all(|i| b.contains(i)))
                .count() as u32
        };
        // Every itemset of up to 3 items with count ≥ 2, by brute force.
        let mut expected = Vec::new();
        for mask in 1u32..16 {
            let s: Vec<u32> = (0..4).filter(|i| mask & (1 << i) != 0).collect();
            if s.len() <= 3 && count(&s) >= 2 {
                expected.push((s.clone(), count(&s)));
            }
        }
        expected.sort();
        assert_eq!(sets, expected);
        assert!(sets.contains(&(vec![0, 1], 4)));
        assert!(sets.contains(&(vec![0, 1, 2], 2)));
    }
}

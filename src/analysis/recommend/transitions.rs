//! What customers buy next: transitions from one order's items (or categories)
//! to the customer's next order's, within a window.
//!
//! Contract:
//! - Orders of a customer are ordered by time (the first line's time), then order
//!   index. Each pair of consecutive orders no more than `window_days` apart adds
//!   one to every (A in the first, B in the second) of distinct items or
//!   categories; A = B is a re-purchase and counts too.
//! - At category level, items without a category are left out.
//! - `share` = count / all transitions out of A; `customers` = distinct customers
//!   with the transition; `median_days` = median gap in days over the
//!   transitions. Rows below `min_count` are dropped; sorted by count
//!   (descending), then A, then B.

use std::collections::{BTreeMap, BTreeSet};

use super::interactions::Interactions;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

const DAY_MS: f64 = 86_400_000.0;

/// Item or category transitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Item,
    Category,
}

/// Settings of the transition table.
#[derive(Clone, Debug, PartialEq)]
pub struct TransitionParams {
    pub level: Level,
    pub window_days: f64,
    pub min_count: u32,
}

impl Default for TransitionParams {
    fn default() -> Self {
        TransitionParams {
            level: Level::Item,
            window_days: 60.0,
            min_count: 3,
        }
    }
}

/// One row: after buying `from`, customers bought `to` next.
#[derive(Clone, Debug, PartialEq)]
pub struct Transition {
    /// Item name or category.
    pub from: String,
    pub to: String,
    pub count: u32,
    pub customers: u32,
    pub share: f64,
    pub median_days: f64,
}

/// A transition's count, its customers and its gaps in days.
type Tally = (u32, BTreeSet<u32>, Vec<f64>);

/// The next-purchase transitions of `interactions`.
pub fn next_purchases(
    interactions: &Interactions,
    params: &TransitionParams,
    progress: &Progress,
) -> Result<Vec<Transition>, AnalysisError> {
    if params.window_days.is_nan() || params.window_days <= 0.0 {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-next-purchase-settings"),
            why: tr!("analysis-window-positive"),
        });
    }
    let key = |item: u32| -> Option<String> {
        let info = &interactions.items[item as usize];
        match params.level {
            Level::Item => Some(info.name.clone()),
            Level::Category => info.category.clone(),
        }
    };
    let mut table: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut out_of: BTreeMap<String, u32> = BTreeMap::new();
    let events = &interactions.events;
    let mut start = 0;
    while start < events.len() {
        if start % 4096 == 0 {
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
        }
        let customer = events[start].customer;
        let end = start + events[start..].partition_point(|e| e.customer == customer);
        // order → (time, keys)
        let mut orders: BTreeMap<u32, (i64, BTreeSet<String>)> = BTreeMap::new();
        for e in &events[start..end] {
            let entry = orders.entry(e.order).or_insert((e.ts_ms, BTreeSet::new()));
            entry.0 = entry.0.min(e.ts_ms);
            entry.1.extend(key(e.item));
        }
        let mut orders: Vec<(i64, u32, BTreeSet<String>)> =
            orders.into_iter().map(|(o, (t, k))| (t, o, k)).collect();
        orders.sort_by_key(|o| (o.0, o.1));
        for pair in orders.windows(2) {
            let gap = (pair[1].0 - pair[0].0) as f64 / DAY_MS;
            if gap > params.window_days {
                continue;
            }
            for a in &pair[0].2 {
                for b in &pair[1].2 {
                    let row = table.entry((a.clone(), b.clone())).or_default();
                    row.0 += 1;
                    row.1.insert(customer);
                    row.2.push(gap);
                    *out_of.entry(a.clone()).or_default() += 1;
                }
            }
        }
        start = end;
    }
    let mut rows: Vec<Transition> = table
        .into_iter()
        .filter(|(_, (count, _, _))| *count >= params.min_count)
        .map(|((from, to), (count, customers, mut gaps))| {
            gaps.sort_unstable_by(f64::total_cmp);
            let mid = gaps.len() / 2;
            let median_days = if gaps.len() % 2 == 1 {
                gaps[mid]
            } else {
                (gaps[mid - 1] + gaps[mid]) / 2.0
            };
            Transition {
                share: f64::from(count) / f64::from(out_of[&from]),
                from,
                to,
                count,
                customers: customers.len() as u32,
                median_days,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.from.cmp(&b.from))
            .then_with(|| a.to.cmp(&b.to))
    });
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::recommend::{Event, ItemInfo};

    #[test]
    fn transitions_count_consecutive_orders_within_the_window() {
        let day = 86_400_000i64;
        let item = |id: &str, cat: &str| ItemInfo {
            id: id.into(),
            name: id.into(),
            category: Some(cat.into()),
            price: None,
        };
        let e = |customer, item, order, days: i64| Event {
            customer,
            item,
            order,
            ts_ms: days * day,
            rating: 1.0,
        };
        // Customer 0: a (day 0) → b (day 10) → a (day 100, too late).
        // Customer 1: a (day 0) → b (day 4) and c (day 4).
        let events = vec![
            e(0, 0, 0, 0),
            e(0, 1, 1, 10),
            e(0, 0, 2, 100),
            e(1, 0, 3, 0),
            e(1, 1, 4, 4),
            e(1, 2, 4, 4),
        ];
        let it = Interactions::from_parts(
            vec!["x".into(), "y".into()],
            vec![item("a", "food"), item("b", "food"), item("c", "toys")],
            5,
            events,
        );
        let params = TransitionParams {
            min_count: 1,
            ..TransitionParams::default()
        };
        let rows = next_purchases(&it, &params, &Progress::detached()).expect("rows");
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].from.as_str(), rows[0].to.as_str(), rows[0].count),
            ("a", "b", 2)
        );
        assert_eq!(rows[0].customers, 2);
        assert!((rows[0].share - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(rows[0].median_days, 7.0);
        assert_eq!((rows[1].to.as_str(), rows[1].count), ("c", 1));
        let params = TransitionParams {
            level: Level::Category,
            min_count: 1,
            ..TransitionParams::default()
        };
        let rows = next_purchases(&it, &params, &Progress::detached()).expect("rows");
        assert_eq!(
            (rows[0].from.as_str(), rows[0].to.as_str(), rows[0].count),
            ("food", "food", 2)
        );
        assert_eq!((rows[1].to.as_str(), rows[1].count), ("toys", 1));
    }
}

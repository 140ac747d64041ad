//! The report card: how well each model predicts purchases it did not see.
//!
//! Contract:
//! - Protocols, per customer on their events sorted by time, then item:
//!   leave-last-out holds out the last event; time 80/20 trains on the first
//!   floor(0.8·n) events and tests on the rest; last basket tests on every item of
//!   the order of the last event. A customer whose split leaves nothing to train
//!   on or nothing to test (one event, one order) keeps all events in training.
//! - The test set is the distinct held-out items. With `exclude_seen`, test items
//!   the customer also bought in training are dropped (they can never be
//!   recommended), and a customer left with an empty test set is not scored.
//! - Metrics at K, averaged over scored customers: precision = hits / K, recall =
//!   hits / |test|, NDCG = DCG / ideal DCG with gain 1 / log2(rank + 1) and the
//!   ideal over min(|test|, K) items, hit rate = share with at least one hit.
//!   Coverage = distinct items in all top-K lists / items in the catalogue.
//! - Ranking is over the whole catalogue with the models' tie-break (lower item
//!   index first) and their fallbacks, exactly as `recommend` lists them.
//! - Models are fitted on the training events only. With `validate`, the
//!   neighbour count and the ALS factors and regularisation are first chosen by
//!   [`super::validate`] on those training events alone (a leave-last-out split
//!   carved from them), then every model is fitted with them.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use std::time::Instant;

use super::interactions::{Event, Interactions};
use super::models::{ModelKind, ModelParams, fit};
use super::validate::{Validation, choose_by_validation, tunable};
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// How interactions are split into training and test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    LeaveLastOut,
    Time8020,
    LastBasket,
}

impl Split {
    pub fn name(self) -> &'static str {
        match self {
            Split::LeaveLastOut => "leave-last-out",
            Split::Time8020 => "time-80-20",
            Split::LastBasket => "last-basket",
        }
    }

    /// The protocol's name shown in the window, in the window's language (the
    /// English one is [`Split::name`]).
    pub fn display_name(self) -> String {
        match self {
            Split::LeaveLastOut => tr!("recommend-split-leave-last-out"),
            Split::Time8020 => tr!("recommend-split-time-80-20"),
            Split::LastBasket => tr!("recommend-split-last-basket"),
        }
    }
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Split {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [Split::LeaveLastOut, Split::Time8020, Split::LastBasket]
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown split '{s}': use leave-last-out, time-80-20 or last-basket")
            })
    }
}

/// Training events and each tested customer's held-out items.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SplitData {
    pub train: Vec<Event>,
    /// (customer index, distinct held-out items ascending), by customer.
    pub test: Vec<(usize, Vec<u32>)>,
}

/// Splits `interactions` by `split` (events must be sorted by customer, time, item).
pub fn split_events(interactions: &Interactions, split: Split) -> SplitData {
    let mut out = SplitData::default();
    let events = &interactions.events;
    let mut start = 0;
    while start < events.len() {
        let customer = events[start].customer;
        let end = start + events[start..].partition_point(|e| e.customer == customer);
        let own = &events[start..end];
        let n = own.len();
        let cut = match split {
            Split::LeaveLastOut => n - 1,
            Split::Time8020 => n * 8 / 10,
            Split::LastBasket => {
                let last = own[n - 1].order;
                let (train, _): (Vec<&Event>, Vec<&Event>) =
                    own.iter().partition(|e| e.order != last);
                let test: BTreeSet<u32> = own
                    .iter()
                    .filter(|e| e.order == last)
                    .map(|e| e.item)
                    .collect();
                if train.is_empty() {
                    out.train.extend_from_slice(own);
                } else {
                    out.train.extend(train.into_iter().copied());
                    out.test
                        .push((customer as usize, test.into_iter().collect()));
                }
                start = end;
                continue;
            }
        };
        if cut == 0 || cut == n {
            out.train.extend_from_slice(own);
        } else {
            out.train.extend_from_slice(&own[..cut]);
            let test: BTreeSet<u32> = own[cut..].iter().map(|e| e.item).collect();
            out.test
                .push((customer as usize, test.into_iter().collect()));
        }
        start = end;
    }
    out
}

/// Ranking quality at K, averaged over the scored customers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    pub precision: f64,
    pub recall: f64,
    pub ndcg: f64,
    pub hit_rate: f64,
    pub coverage: f64,
    /// Customers scored.
    pub customers: usize,
}

/// Metrics of `recommended` lists (best first) against `test` sets, at `k`.
pub fn metrics_at_k(
    recommended: &[Vec<u32>],
    test: &[Vec<u32>],
    k: usize,
    items: usize,
) -> Metrics {
    let mut m = Metrics::default();
    let mut shown = BTreeSet::new();
    let gain = |rank: usize| 1.0 / ((rank + 1) as f64).log2();
    for (list, truth) in recommended.iter().zip(test) {
        if truth.is_empty() {
            continue;
        }
        let list = &list[..list.len().min(k)];
        shown.extend(list.iter().copied());
        let mut hits = 0usize;
        let mut dcg = 0.0;
        for (rank, item) in list.iter().enumerate() {
            if truth.contains(item) {
                hits += 1;
                dcg += gain(rank + 1);
            }
        }
        let ideal: f64 = (1..=truth.len().min(k)).map(gain).sum();
        m.precision += hits as f64 / k as f64;
        m.recall += hits as f64 / truth.len() as f64;
        m.ndcg += dcg / ideal;
        m.hit_rate += f64::from(u8::from(hits > 0));
        m.customers += 1;
    }
    if m.customers > 0 {
        let n = m.customers as f64;
        m.precision /= n;
        m.recall /= n;
        m.ndcg /= n;
        m.hit_rate /= n;
    }
    m.coverage = if items > 0 {
        shown.len() as f64 / items as f64
    } else {
        0.0
    };
    m
}

/// Settings of a report card.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalParams {
    pub split: Split,
    pub k: usize,
    pub exclude_seen: bool,
    pub models: Vec<ModelKind>,
    pub model: ModelParams,
    /// Choose neighbours and ALS settings on a validation split of the training
    /// part first (see the module contract).
    pub validate: bool,
}

impl Default for EvalParams {
    fn default() -> Self {
        EvalParams {
            split: Split::LeaveLastOut,
            k: 10,
            exclude_seen: true,
            models: ModelKind::ALL.to_vec(),
            model: ModelParams::default(),
            validate: false,
        }
    }
}

/// One model's line on the report card.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelScore {
    pub model: ModelKind,
    pub metrics: Metrics,
    pub fit_secs: f64,
    pub recommend_secs: f64,
}

/// Every model compared under one protocol.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportCard {
    pub split: Split,
    pub k: usize,
    pub exclude_seen: bool,
    /// Customers with a test set.
    pub tested: usize,
    pub models: Vec<ModelScore>,
    /// None: not asked (or no model compared has a setting to choose); the
    /// settings chosen by validation, or why none were.
    pub validation: Option<Result<Validation, String>>,
}

/// Fits each model on the training part and scores it on the held-out part.
pub fn evaluate(
    interactions: &Interactions,
    params: &EvalParams,
    progress: &Progress,
) -> Result<ReportCard, AnalysisError> {
    if params.k == 0 {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-report-card"),
            why: tr!("analysis-report-card-k"),
        });
    }
    let data = split_events(interactions, params.split);
    let train = interactions.matrix(&data.train);
    let mut customers = Vec::new();
    let mut truth = Vec::new();
    for (u, items) in &data.test {
        let mut items = items.clone();
        if params.exclude_seen {
            let seen = train.row(*u).0;
            items.retain(|i| seen.binary_search(i).is_err());
        }
        if !items.is_empty() {
            customers.push(*u);
            truth.push(items);
        }
    }
    if customers.is_empty() {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-report-card"),
            why: tr!("analysis-report-card-no-test", split = params.split.name()),
        });
    }
    let base = ModelParams {
        explicit: interactions.is_explicit(),
        ..params.model.clone()
    };
    let validation = if params.validate && tunable(&params.models) {
        Some(choose_by_validation(
            interactions,
            &data.train,
            &base,
            &params.models,
            params.k,
            params.exclude_seen,
            progress,
        )?)
    } else {
        None
    };
    let model_params = match &validation {
        Some(Ok(chosen)) => chosen.apply(&base),
        _ => base,
    };
    let mut models = Vec::new();
    for &kind in &params.models {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        progress.set_message(tr!(
            "recommend-progress-fitting",
            model = kind.display_name()
        ));
        let started = Instant::now();
        let model = fit(
            kind,
            train.clone(),
            &interactions.items,
            &model_params,
            progress,
        )?;
        let fit_secs = started.elapsed().as_secs_f64();
        progress.set_message(tr!(
            "recommend-progress-scoring",
            model = kind.display_name()
        ));
        let started = Instant::now();
        let lists = model.recommend_for(&customers, params.k, params.exclude_seen, progress)?;
        let recommend_secs = started.elapsed().as_secs_f64();
        let lists: Vec<Vec<u32>> = lists
            .into_iter()
            .map(|l| l.into_iter().map(|r| r.item).collect())
            .collect();
        models.push(ModelScore {
            model: kind,
            metrics: metrics_at_k(&lists, &truth, params.k, interactions.items.len()),
            fit_secs,
            recommend_secs,
        });
    }
    Ok(ReportCard {
        split: params.split,
        k: params.k,
        exclude_seen: params.exclude_seen,
        tested: customers.len(),
        models,
        validation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::recommend::ItemInfo;

    #[test]
    fn metrics_match_hand_computation() {
        // A: hit at rank 2 of a 2-item test set; B: hit at rank 1 of 1.
        let recs = vec![vec![1, 2, 3], vec![4, 1, 0]];
        let test = vec![vec![2, 5], vec![4]];
        let m = metrics_at_k(&recs, &test, 3, 6);
        assert_eq!(m.customers, 2);
        assert!((m.precision - 1.0 / 3.0).abs() < 1e-12);
        assert!((m.recall - 0.75).abs() < 1e-12);
        // A: (1/log2 3) / (1 + 1/log2 3) = 0.386853; B: 1.
        assert!(
            (m.ndcg - (0.386_853 + 1.0) / 2.0).abs() < 1e-6,
            "{}",
            m.ndcg
        );
        assert_eq!(m.hit_rate, 1.0);
        assert!((m.coverage - 5.0 / 6.0).abs() < 1e-12);
        // At K = 1 only B hits.
        let m = metrics_at_k(&recs, &test, 1, 6);
        assert_eq!((m.precision, m.recall, m.hit_rate), (0.5, 0.5, 0.5));
        assert!((m.coverage - 2.0 / 6.0).abs() < 1e-12);
    }

    fn tiny() -> Interactions {
        let e = |customer, item, order, ts_ms| Event {
            customer,
            item,
            order,
            ts_ms,
            rating: 1.0,
        };
        let items = (0..4)
            .map(|i| ItemInfo {
                id: format!("i{i}"),
                name: format!("i{i}"),
                ..ItemInfo::default()
            })
            .collect();
        // Customer 0: order 0 at t=1 (items 2, 0), order 1 at t=2 (items 3, 1).
        // Customer 1: one order. Customer 2: five events in five orders.
        let mut events = vec![
            e(0, 2, 0, 1),
            e(0, 0, 0, 1),
            e(0, 3, 1, 2),
            e(0, 1, 1, 2),
            e(1, 0, 2, 1),
            e(1, 1, 2, 1),
        ];
        events.extend((0..5).map(|k| e(2, k % 4, 3 + k, 10 + i64::from(k))));
        Interactions::from_parts(vec!["a".into(), "b".into(), "c".into()], items, 8, events)
    }

    #[test]
    fn splits_follow_the_protocols() {
        let it = tiny();
        let s = split_events(&it, Split::LeaveLastOut);
        // Customer 0's last event: t=2, ties by item → item 3.
        assert_eq!(s.test[0], (0, vec![3]));
        assert_eq!(s.test[1], (1, vec![1]));
        assert_eq!(s.test[2], (2, vec![0]));
        assert_eq!(s.train.len(), it.events.len() - 3);
        let s = split_events(&it, Split::LastBasket);
        // Customer 1 has one order: all in training.
        assert_eq!(s.test, vec![(0, vec![1, 3]), (2, vec![0])]);
        let s = split_events(&it, Split::Time8020);
        // 4 events → 3 train, 1 test; 2 → 1 and 1; 5 → 4 and 1.
        assert_eq!(s.test, vec![(0, vec![3]), (1, vec![1]), (2, vec![0])]);
        assert_eq!(s.train.len(), 3 + 1 + 4);
    }
}

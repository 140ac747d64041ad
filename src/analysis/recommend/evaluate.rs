//! The report card: how well each model predicts purchases it did not see.
//!
//! Contract:
//! - Protocols, per customer on their events sorted by time, then item:
//!   leave-last-out holds out the last event (its last order, when it stands
//!   for several: a streamed file's pair); time 80/20 trains on the first
//!   floor(0.8·n) events and tests on the rest; last basket tests on every item of
//!   the order of the last event. A customer whose split leaves nothing to train
//!   on or nothing to test (one event, one order) keeps all events in training.
//! - The test set is the distinct held-out items. With `exclude_seen`, test items
//!   the customer also bought in training are dropped (they can never be
//!   recommended), and a customer left with an empty test set is not scored.
//! - When no customer is left to score, the outcome is [`Outcome::NothingToTest`]
//!   (not an error) with the figures that say why: no customer with two purchases,
//!   no customer with two orders under last basket, or every held-out item bought
//!   before under "exclude seen". Nothing is fitted then.
//! - Metrics at K, averaged over scored customers: precision = hits / K, recall =
//!   hits / |test|, NDCG = DCG / ideal DCG with gain 1 / log2(rank + 1) and the
//!   ideal over min(|test|, K) items, hit rate = share with at least one hit.
//!   Coverage = distinct items in all top-K lists / items in the catalogue.
//! - Ranking is over the whole catalogue with the models' tie-break (lower item
//!   index first) and their fallbacks, exactly as `recommend` lists them.
//! - Models are fitted on the training events only. With `validate`, the
//!   neighbour count, the ALS factors and regularisation, the repeat settings
//!   and the blend's mix are first chosen by
//!   [`super::validate`] on those training events alone (a leave-last-out split
//!   carved from them), then every model is fitted with them.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use std::time::Instant;

use super::interactions::{Event, Feedback, Interactions};
use super::models::{ModelKind, ModelParams, fit};
use super::validate::{Validation, choose_by_validation, tunable};
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::numbers::count;
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

    /// What the protocol holds out, in the operator's words.
    pub fn note(self) -> String {
        match self {
            Split::LeaveLastOut => tr!("recommend-split-leave-last-out-note"),
            Split::Time8020 => tr!("recommend-split-time-80-20-note"),
            Split::LastBasket => tr!("recommend-split-last-basket-note"),
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
        let last = own[n - 1];
        let cut = match split {
            // A purchase event standing for several orders (a streamed file's
            // pair: `Event::rating`) holds out its last order only.
            Split::LeaveLastOut
                if interactions.feedback == Feedback::Purchases && last.rating > 1.0 =>
            {
                out.train.extend_from_slice(&own[..n - 1]);
                out.train.push(Event {
                    rating: last.rating - 1.0,
                    ..last
                });
                out.test.push((customer as usize, vec![last.item]));
                start = end;
                continue;
            }
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

/// Why a report card had nothing to test, and so what would let it test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Untested {
    /// No customer has two purchases: no protocol can hold one out, the data
    /// itself lacks repeat customers.
    OnePurchaseEach,
    /// Last basket: no customer has two orders, but some bought several items in
    /// one order, which leave-last-out can test.
    OneOrderEach,
    /// Purchases were held out, but each was of an item the customer had bought
    /// before, and "exclude seen" leaves those out of the test.
    AllSeen,
}

/// A report card with nothing to test, with the figures that say why.
#[derive(Clone, Debug, PartialEq)]
pub struct NothingToTest {
    pub split: Split,
    pub exclude_seen: bool,
    /// Customers with a purchase.
    pub customers: usize,
    /// Customers with at least two purchases (two items, or one item in two
    /// orders).
    pub repeat_customers: usize,
    /// Customers the split held purchases out for, before "exclude seen" dropped
    /// the ones bought before.
    pub held_out: usize,
}

impl NothingToTest {
    pub fn cause(&self) -> Untested {
        if self.held_out > 0 {
            Untested::AllSeen
        } else if self.split == Split::LastBasket && self.repeat_customers > 0 {
            Untested::OneOrderEach
        } else {
            Untested::OnePurchaseEach
        }
    }

    /// What happened and what the card needs, with the figures, in one sentence
    /// (the window's language; the command line's is English).
    pub fn sentence(&self) -> String {
        let (protocol, note) = (self.split.display_name(), self.split.note());
        match self.cause() {
            Untested::OnePurchaseEach => tr!(
                "recommend-nothing-to-test-purchases",
                protocol = protocol,
                note = note,
                customers = count(self.customers),
                n = self.customers
            ),
            Untested::OneOrderEach => tr!(
                "recommend-nothing-to-test-orders",
                protocol = protocol,
                note = note,
                customers = count(self.customers),
                n = self.customers,
                repeat = count(self.repeat_customers),
                repeat_n = self.repeat_customers,
                other = Split::LeaveLastOut.display_name()
            ),
            Untested::AllSeen => tr!(
                "recommend-nothing-to-test-seen",
                protocol = protocol,
                note = note,
                held = count(self.held_out),
                n = self.held_out,
                setting = tr!("recommend-exclude-seen")
            ),
        }
    }
}

/// What a report card run gives: every model scored, or why nothing could be.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Scored(ReportCard),
    NothingToTest(NothingToTest),
}

/// Customers with a purchase and those with at least two (events are sorted by
/// customer).
fn customer_counts(events: &[Event]) -> (usize, usize) {
    events
        .chunk_by(|a, b| a.customer == b.customer)
        .fold((0, 0), |(all, repeat), own| {
            (all + 1, repeat + usize::from(own.len() >= 2))
        })
}

/// Fits each model on the training part and scores it on the held-out part;
/// when no customer has anything to test, says why instead.
pub fn evaluate(
    interactions: &Interactions,
    params: &EvalParams,
    progress: &Progress,
) -> Result<Outcome, AnalysisError> {
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
        let (all, repeat_customers) = customer_counts(&interactions.events);
        return Ok(Outcome::NothingToTest(NothingToTest {
            split: params.split,
            exclude_seen: params.exclude_seen,
            customers: all,
            repeat_customers,
            held_out: data.test.len(),
        }));
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
            &data.train,
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
    Ok(Outcome::Scored(ReportCard {
        split: params.split,
        k: params.k,
        exclude_seen: params.exclude_seen,
        tested: customers.len(),
        models,
        validation,
    }))
}

#[cfg(test)]
#[path = "evaluate_tests.rs"]
mod tests;

//! Customer-service features for propensity: what a customer wrote to the
//! service team before a cutoff, as numbers beside the purchase features.
//!
//! Contract of [`with_service_features`]:
//! - Only messages dated before the cutoff's day count (no look-ahead): a
//!   message on the cutoff day or later changes nothing.
//! - `service:contacts_30d`, `service:contacts_90d`: messages in the 30 / 90
//!   days before the cutoff; `service:complained_30d`, `service:discount_30d`:
//!   1 when one of the last 30 days' messages was a complaint / asked about a
//!   discount, else 0; `service:mean_sentiment`: mean P(positive) of all their
//!   messages before the cutoff ([`NEUTRAL_SENTIMENT`] for a customer who never
//!   wrote); `service:days_since_contact`: whole days from the last message to
//!   the cutoff, at most [`CONTACT_DAYS_CAP`] (the cap for one who never wrote).
//! - The facts are plain per-message values ([`ServiceFact`]), read once from the
//!   store by [`service_facts`], so the features at every cutoff share them.
//!
//! Measured (issue 21: keep only if out-of-time AUC rises): `cargo bench --bench
//! value_service` compares the Value tab's propensity with and without them.

use std::collections::HashMap;

use polars::prelude::*;

use super::features::FeatureFrame;
use crate::analysis::lines::{AnalysisError, days_from_date, polars_failed};
use crate::analysis::voice::{self, ServiceReport};
use crate::data::{FileKind, Store};
use crate::jobs::Progress;

const MS_PER_DAY: i64 = 86_400_000;

/// Mean sentiment of a customer with no message before the cutoff: neither
/// positive nor negative.
pub const NEUTRAL_SENTIMENT: f64 = 0.5;

/// Days since the last contact are capped here (and a customer who never wrote
/// gets it): a contact a year ago or none says the same.
pub const CONTACT_DAYS_CAP: f64 = 365.0;

/// The service features, in the order they are added.
pub const SERVICE_FEATURES: [&str; 6] = [
    "service:contacts_30d",
    "service:contacts_90d",
    "service:complained_30d",
    "service:discount_30d",
    "service:mean_sentiment",
    "service:days_since_contact",
];

/// One service message as the features read it.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceFact {
    pub customer: String,
    /// Milliseconds since 1970.
    pub time: i64,
    pub complaint: bool,
    pub discount: bool,
    /// P(positive), 0–1.
    pub positive: f64,
}

/// The facts of every message with a customer and a time in `report`; a
/// message's intent is its label or prediction (none without an intent model).
pub fn facts_of(report: &ServiceReport) -> Vec<ServiceFact> {
    let messages = &report.messages;
    (0..messages.len())
        .filter_map(|i| {
            let customer = messages.customer[i].as_ref()?;
            let time = messages.time[i]?;
            let intent = report.intent_of(i);
            Some(ServiceFact {
                customer: customer.clone(),
                time,
                complaint: intent.is_some_and(voice::signals::is_complaint),
                discount: intent.is_some_and(voice::signals::is_discount),
                positive: report
                    .sentiment
                    .get(i)
                    .copied()
                    .unwrap_or(NEUTRAL_SENTIMENT),
            })
        })
        .collect()
}

/// The service facts of `store` read with the operator's `labels`: `None` without
/// a service file. The one place propensity reads the service messages.
pub fn service_facts(
    store: &Store,
    labels: &voice::Labels,
    progress: &Progress,
) -> Result<Option<Vec<ServiceFact>>, AnalysisError> {
    if store.of_kind(FileKind::Service).next().is_none() {
        return Ok(None);
    }
    let report = voice::analyse(store, labels, progress)?;
    Ok(Some(facts_of(&report)))
}

#[derive(Default)]
struct Tally {
    d30: u32,
    d90: u32,
    complained: bool,
    discount: bool,
    positive_sum: f64,
    messages: u32,
    last_day: i64,
}

/// `frame` with the [`SERVICE_FEATURES`] of `facts` (see the module contract).
pub fn with_service_features(
    frame: FeatureFrame,
    facts: &[ServiceFact],
) -> Result<FeatureFrame, AnalysisError> {
    let cutoff = i64::from(days_from_date(frame.cutoff));
    let mut tallies: HashMap<&str, Tally> = HashMap::new();
    for fact in facts {
        let day = fact.time.div_euclid(MS_PER_DAY);
        if day >= cutoff {
            continue;
        }
        let tally = tallies.entry(fact.customer.as_str()).or_insert(Tally {
            last_day: i64::MIN,
            ..Tally::default()
        });
        let recent = day >= cutoff - 30;
        tally.d30 += u32::from(recent);
        tally.d90 += u32::from(day >= cutoff - 90);
        tally.complained |= recent && fact.complaint;
        tally.discount |= recent && fact.discount;
        tally.positive_sum += fact.positive;
        tally.messages += 1;
        tally.last_day = tally.last_day.max(day);
    }
    let ids = frame.customer_ids()?;
    let ids = ids
        .str()
        .map_err(polars_failed("context-read-customer-ids"))?;
    let mut values: [Vec<f64>; 6] = Default::default();
    for id in ids.iter() {
        let row = match id.and_then(|id| tallies.get(id)) {
            Some(t) => [
                f64::from(t.d30),
                f64::from(t.d90),
                f64::from(u8::from(t.complained)),
                f64::from(u8::from(t.discount)),
                t.positive_sum / f64::from(t.messages),
                ((cutoff - t.last_day) as f64).min(CONTACT_DAYS_CAP),
            ],
            None => [0.0, 0.0, 0.0, 0.0, NEUTRAL_SENTIMENT, CONTACT_DAYS_CAP],
        };
        for (column, value) in values.iter_mut().zip(row) {
            column.push(value);
        }
    }
    let mut out = frame.frame;
    for (name, column) in SERVICE_FEATURES.iter().zip(values) {
        out.with_column(Column::new((*name).into(), column))
            .map_err(polars_failed("context-propensity-features"))?;
    }
    let mut names = frame.names;
    names.extend(SERVICE_FEATURES.iter().map(|n| n.to_string()));
    Ok(FeatureFrame {
        cutoff: frame.cutoff,
        names,
        frame: out,
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn at(date: NaiveDate) -> i64 {
        i64::from(days_from_date(date)) * MS_PER_DAY + 3_600_000
    }

    fn fact(customer: &str, date: NaiveDate, complaint: bool, positive: f64) -> ServiceFact {
        ServiceFact {
            customer: customer.into(),
            time: at(date),
            complaint,
            discount: !complaint,
            positive,
        }
    }

    fn frame(cutoff: NaiveDate) -> FeatureFrame {
        FeatureFrame {
            cutoff,
            names: vec!["orders".into()],
            frame: df!("customer_id" => ["a", "b", "c"], "orders" => [1.0, 2.0, 3.0])
                .expect("frame"),
        }
    }

    fn rows(frame: &FeatureFrame) -> Vec<Vec<f64>> {
        let m = frame.matrix().expect("matrix");
        m.rows().into_iter().map(|r| r.to_vec()).collect()
    }

    #[test]
    fn counts_windows_flags_sentiment_and_the_never_wrote_defaults() {
        let cutoff = day(2026, 3, 1);
        let facts = [
            // a: a complaint 10 days before, a discount question 60 days before.
            fact("a", day(2026, 2, 19), true, 0.1),
            fact("a", day(2025, 12, 31), false, 0.9),
            // b: one discount question 200 days before (outside every window).
            fact("b", day(2025, 8, 13), false, 0.8),
            // no customer in the frame.
            fact("z", day(2026, 2, 28), true, 0.0),
        ];
        let out = with_service_features(frame(cutoff), &facts).expect("features");
        assert_eq!(out.names.len(), 1 + SERVICE_FEATURES.len());
        assert_eq!(&out.names[1..], SERVICE_FEATURES.map(String::from));
        let rows = rows(&out);
        assert_eq!(rows[0], [1.0, 1.0, 2.0, 1.0, 0.0, 0.5, 10.0]);
        assert_eq!(rows[1], [2.0, 0.0, 0.0, 0.0, 0.0, 0.8, 200.0]);
        assert_eq!(
            rows[2],
            [3.0, 0.0, 0.0, 0.0, 0.0, NEUTRAL_SENTIMENT, CONTACT_DAYS_CAP]
        );
    }

    #[test]
    fn the_mean_sentiment_is_a_probability_the_regression_does_not_log() {
        use super::super::features::is_logged;
        for name in SERVICE_FEATURES {
            assert_eq!(is_logged(name), name != "service:mean_sentiment", "{name}");
        }
    }

    #[test]
    fn a_message_on_or_after_the_cutoff_changes_nothing() {
        let cutoff = day(2026, 3, 1);
        let before = [fact("a", day(2026, 2, 27), false, 0.7)];
        let expected = rows(&with_service_features(frame(cutoff), &before).expect("before"));
        for late in [day(2026, 3, 1), day(2026, 3, 2), day(2027, 1, 1)] {
            let mut facts = before.to_vec();
            facts.push(fact("a", late, true, 0.0));
            facts.push(fact("c", late, true, 0.0));
            let got = rows(&with_service_features(frame(cutoff), &facts).expect("after"));
            assert_eq!(
                got, expected,
                "a message on {late} leaked into the features"
            );
        }
        // The same message a day before the cutoff does count.
        let mut facts = before.to_vec();
        facts.push(fact("a", day(2026, 2, 28), true, 0.0));
        let got = rows(&with_service_features(frame(cutoff), &facts).expect("in time"));
        assert_ne!(got, expected);
    }
}

//! Customer signals from service messages, one row per customer who wrote, to join
//! onto the customer frame that segments and campaigns use.
//!
//! Columns (contract):
//! - `customer_id`;
//! - `last_contact_days`: whole days from the last message to `as_of`;
//! - `contacts_30d`, `contacts_90d`: messages in the 30 / 90 days up to `as_of`;
//! - `complained_30d`: a complaint (an intent named like 质量, 投诉, quality,
//!   complaint) in the last 30 days;
//! - `asked_discount_no_buy`: asked about discounts (优惠, 折扣, 券, discount,
//!   coupon) in the last 30 days and placed no order after that message;
//! - `mean_sentiment`: mean P(positive) of their messages, 0–1.

use std::collections::BTreeMap;
use std::collections::HashMap;

use polars::prelude::*;

use crate::analysis::AnalysisError;
use crate::analysis::lines::polars_failed;

const MS_PER_DAY: i64 = 86_400_000;

/// The signal columns, in frame order after `customer_id`.
pub const SIGNAL_COLUMNS: [&str; 6] = [
    "last_contact_days",
    "contacts_30d",
    "contacts_90d",
    "complained_30d",
    "asked_discount_no_buy",
    "mean_sentiment",
];

/// One message as the signals read it.
pub struct MessageFacts<'a> {
    pub customer: &'a str,
    pub time: i64,
    /// The message's intent name (labelled or predicted), if any.
    pub intent: Option<&'a str>,
    pub positive: f64,
}

/// True for an intent that is a complaint about the goods or the service.
pub fn is_complaint(intent: &str) -> bool {
    let lower = intent.to_lowercase();
    ["质量", "投诉", "quality", "complaint"]
        .iter()
        .any(|w| lower.contains(w))
}

/// True for an intent that asks about a price cut.
pub fn is_discount(intent: &str) -> bool {
    let lower = intent.to_lowercase();
    ["优惠", "折扣", "券", "discount", "coupon"]
        .iter()
        .any(|w| lower.contains(w))
}

#[derive(Default)]
struct Signal {
    last: i64,
    d30: u32,
    d90: u32,
    complained: bool,
    /// The latest discount question in the window.
    discount_at: Option<i64>,
    sentiment: f64,
    messages: u32,
}

/// Signals per customer as of `as_of` (ms); `last_order` gives each customer's
/// latest order time, for "asked about discounts and did not buy".
pub fn customer_signals(
    messages: &[MessageFacts],
    as_of: i64,
    last_order: &HashMap<String, i64>,
) -> Result<DataFrame, AnalysisError> {
    let mut by_customer: BTreeMap<&str, Signal> = BTreeMap::new();
    for m in messages.iter().filter(|m| m.time <= as_of) {
        let s = by_customer.entry(m.customer).or_insert_with(|| Signal {
            last: i64::MIN,
            ..Signal::default()
        });
        s.last = s.last.max(m.time);
        let age = as_of - m.time;
        let recent = age <= 30 * MS_PER_DAY;
        s.d30 += u32::from(recent);
        s.d90 += u32::from(age <= 90 * MS_PER_DAY);
        if recent && m.intent.is_some_and(is_complaint) {
            s.complained = true;
        }
        if recent && m.intent.is_some_and(is_discount) {
            s.discount_at = Some(s.discount_at.map_or(m.time, |t| t.max(m.time)));
        }
        s.sentiment += m.positive;
        s.messages += 1;
    }
    let n = by_customer.len();
    let mut ids = Vec::with_capacity(n);
    let mut last_days = Vec::with_capacity(n);
    let mut d30 = Vec::with_capacity(n);
    let mut d90 = Vec::with_capacity(n);
    let mut complained = Vec::with_capacity(n);
    let mut no_buy = Vec::with_capacity(n);
    let mut sentiment = Vec::with_capacity(n);
    for (id, s) in by_customer {
        ids.push(id);
        last_days.push((as_of - s.last) / MS_PER_DAY);
        d30.push(s.d30);
        d90.push(s.d90);
        complained.push(s.complained);
        let bought_after = |asked: i64| last_order.get(id).is_some_and(|&t| t > asked);
        no_buy.push(s.discount_at.is_some_and(|asked| !bought_after(asked)));
        sentiment.push(s.sentiment / f64::from(s.messages.max(1)));
    }
    df!(
        "customer_id" => ids,
        SIGNAL_COLUMNS[0] => last_days,
        SIGNAL_COLUMNS[1] => d30,
        SIGNAL_COLUMNS[2] => d90,
        SIGNAL_COLUMNS[3] => complained,
        SIGNAL_COLUMNS[4] => no_buy,
        SIGNAL_COLUMNS[5] => sentiment,
    )
    .map_err(polars_failed("context-customer-signals"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_complaints_and_unanswered_discount_questions_are_found() {
        let day = MS_PER_DAY;
        let now = 400 * day;
        let m = |customer: &'static str, days_ago: i64, intent: &'static str, positive: f64| {
            MessageFacts {
                customer,
                time: now - days_ago * day,
                intent: Some(intent),
                positive,
            }
        };
        let messages = [
            m("A", 5, "质量", 0.1),       // complained recently
            m("A", 50, "物流", 0.5),      // older contact
            m("B", 45, "质量", 0.2),      // complained, but not in the last 30 days
            m("C", 10, "优惠", 0.6),      // asked about a discount, bought after
            m("D", 12, "Discounts", 0.6), // asked, did not buy
            m("E", 200, "优惠", 0.5),     // asked long ago
        ];
        let orders = HashMap::from([
            ("C".to_string(), now - 2 * day),
            ("D".to_string(), now - 20 * day),
        ]);
        let frame = customer_signals(&messages, now, &orders).expect("signals");
        let ids: Vec<String> = frame
            .column("customer_id")
            .expect("ids")
            .str()
            .expect("text")
            .iter()
            .map(|v| v.unwrap_or_default().to_string())
            .collect();
        assert_eq!(ids, ["A", "B", "C", "D", "E"]);
        let flags = |name: &str| -> Vec<bool> {
            frame
                .column(name)
                .expect("column")
                .bool()
                .expect("bool")
                .iter()
                .map(|v| v.unwrap_or(false))
                .collect()
        };
        assert_eq!(flags("complained_30d"), [true, false, false, false, false]);
        assert_eq!(
            flags("asked_discount_no_buy"),
            [false, false, false, true, false]
        );
        let counts: Vec<u32> = frame
            .column("contacts_90d")
            .expect("column")
            .u32()
            .expect("u32")
            .into_no_null_iter()
            .collect();
        assert_eq!(counts, [2, 1, 1, 1, 0]);
        let last: Vec<i64> = frame
            .column("last_contact_days")
            .expect("column")
            .i64()
            .expect("i64")
            .into_no_null_iter()
            .collect();
        assert_eq!(last, [5, 45, 10, 12, 200]);
    }
}

//! Customer-service signals (`analysis::voice::signals`) as segment features:
//! joined on the customer, with values for the customers who never wrote.
//!
//! Contract:
//! - The signals frame has one row per customer who wrote; customers who bought
//!   but never wrote are kept (left join on `customer_id`), writers who never
//!   bought are not segmented.
//! - Customers who never wrote get: `contacts_30d`, `contacts_90d` 0;
//!   `complained_30d`, `asked_discount_no_buy` 0 (no); `last_contact_days` one day
//!   more than the longest any customer who wrote has gone without writing (the
//!   messages show no contact of theirs in the span they cover, so "at least that
//!   long": never wrote must not look like wrote yesterday), or, when none of the
//!   customers wrote, their longest `tenure_days`; `mean_sentiment` the mean over
//!   the customers who wrote (the shop's usual tone: not writing reads as neither
//!   happy nor unhappy), or 0.5 (neutral) when none wrote.
//! - The values of a customer who wrote are the signals' own, measured as of the
//!   later of the last message and the last order (`analysis::voice`), which can
//!   differ by days from the features' analysis date.

use polars::prelude::*;

use super::features::Feature;
use crate::analysis::lines::{AnalysisError, polars_failed};
use crate::analysis::voice::signals::SIGNAL_COLUMNS;
use crate::tr;

/// The error for a signal `feature` asked for without service messages.
pub fn needs_service(feature: Feature) -> AnalysisError {
    AnalysisError::Invalid {
        what: tr!("segments-feature-what", feature = feature.label()),
        why: tr!("segments-feature-needs-service"),
    }
}

/// `frame` (one row per customer, `customer_id`) with the signal columns of
/// `signals` joined on, as floats (null for customers who never wrote), sorted by
/// customer id.
pub fn join_signals(frame: &DataFrame, signals: &DataFrame) -> Result<DataFrame, AnalysisError> {
    let context = "context-join-service-signals";
    let mut columns = vec![col("customer_id").cast(DataType::String)];
    columns.extend(
        SIGNAL_COLUMNS
            .iter()
            .map(|c| col(*c).cast(DataType::Float64)),
    );
    frame
        .clone()
        .lazy()
        .join(
            signals.clone().lazy().select(columns),
            [col("customer_id")],
            [col("customer_id")],
            JoinArgs::new(JoinType::Left),
        )
        .sort(["customer_id"], SortMultipleOptions::default())
        .collect()
        .map_err(polars_failed(context))
}

/// The value of `feature` for a customer who never wrote (see the module doc),
/// from the joined `values` (None: never wrote) and everyone's `tenure`; 0 for a
/// feature that is not a signal.
pub fn silent_value(feature: Feature, values: &[Option<f64>], tenure: &[Option<f64>]) -> f64 {
    let wrote = values.iter().flatten();
    match feature {
        Feature::LastContact => match wrote.copied().reduce(f64::max) {
            Some(longest) => longest + 1.0,
            None => tenure.iter().flatten().copied().fold(0.0, f64::max),
        },
        Feature::Sentiment => {
            let (sum, n) = wrote.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
            if n > 0 { sum / n as f64 } else { 0.5 }
        }
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customers_who_never_wrote_look_long_silent_and_of_usual_mood() {
        let values = [Some(3.0), None, Some(40.0)];
        let tenure = [Some(100.0), Some(500.0), Some(200.0)];
        assert_eq!(silent_value(Feature::LastContact, &values, &tenure), 41.0);
        assert_eq!(silent_value(Feature::Contacts90, &values, &tenure), 0.0);
        assert_eq!(silent_value(Feature::Complained, &values, &tenure), 0.0);
        let mood = [Some(0.2), None, Some(0.6)];
        assert!((silent_value(Feature::Sentiment, &mood, &tenure) - 0.4).abs() < 1e-12);
        // Nobody wrote: as long as the longest customer, and neutral.
        let none = [None, None, None];
        assert_eq!(silent_value(Feature::LastContact, &none, &tenure), 500.0);
        assert_eq!(silent_value(Feature::Sentiment, &none, &tenure), 0.5);
    }

    #[test]
    fn the_join_keeps_every_customer_and_only_them() {
        let frame = df!("customer_id" => ["b", "a", "c"], "orders" => [1u32, 2, 3]).unwrap();
        let signals = df!(
            "customer_id" => ["a", "z"],
            SIGNAL_COLUMNS[0] => [5i64, 1],
            SIGNAL_COLUMNS[1] => [1u32, 1],
            SIGNAL_COLUMNS[2] => [2u32, 1],
            SIGNAL_COLUMNS[3] => [true, false],
            SIGNAL_COLUMNS[4] => [false, true],
            SIGNAL_COLUMNS[5] => [0.25, 0.9],
        )
        .unwrap();
        let joined = join_signals(&frame, &signals).expect("join");
        let ids: Vec<Option<&str>> = joined
            .column("customer_id")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(ids, [Some("a"), Some("b"), Some("c")]);
        let complained: Vec<Option<f64>> = joined
            .column("complained_30d")
            .unwrap()
            .f64()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(complained, [Some(1.0), None, None]);
    }
}

//! The customer frame campaigns are built over, from what is loaded now: RFM per
//! customer from the order lines, contact fields from the customers file. Score
//! columns computed elsewhere (segment, propensity, churn_bucket, clv, ...) are
//! joined on by the caller with [`join_scores`].
//!
//! Contract:
//! - One row per customer with a purchase before the analysis date (see
//!   `analysis::customers`), sorted by `customer_id`: `customer_id`,
//!   `recency_days`, `frequency`, `monetary`, `r_score`, `f_score`, `m_score`,
//!   `rfm_code`, `rfm_group` (RFM group label), `avg_order_value` (monetary /
//!   frequency). Orders without money have no `monetary`, `m_score` or
//!   `avg_order_value` (see `analysis::rfm`).
//! - With a service messages file: the customer signals of
//!   `analysis::voice::signals` (contacts, complained in 30 days, asked about
//!   discounts and did not buy, …); customers who never wrote have 0 contacts and
//!   flags, and no last contact or sentiment.
//! - With a customers table: its `email`, `phone`, `region`, `first_name`,
//!   `last_name` columns (those it has), from its first row per customer id.
//!   Customers of the customers file with no purchase are in the frame too, with
//!   null RFM columns (a "never bought" or "has email" condition can pick them).

use chrono::NaiveDate;
use polars::prelude::*;

use super::CampaignError;
use crate::analysis::rfm::{RfmParams, rfm};
use crate::analysis::voice::signals::SIGNAL_COLUMNS;
use crate::data::{FileKind, Store};
use crate::jobs::Progress;
use crate::tr;

/// Contact and profile columns taken from a customers table.
pub const CONTACT_COLUMNS: [&str; 5] = ["email", "phone", "region", "first_name", "last_name"];

/// The customer frame from order `lines` and an optional `customers` table.
pub fn customer_frame(
    lines: &DataFrame,
    customers: Option<&DataFrame>,
    analysis_date: Option<NaiveDate>,
    progress: &Progress,
) -> Result<DataFrame, CampaignError> {
    let scored = rfm(lines, &RfmParams { analysis_date }, progress)?;
    let mut frame = scored
        .customers
        .lazy()
        .rename(["group"], ["rfm_group"], true);
    if scored.money {
        frame = frame.with_column(
            (col("monetary") / col("frequency").cast(DataType::Float64)).alias("avg_order_value"),
        );
    }
    let frame = frame
        .collect()
        .map_err(CampaignError::polars("context-customer-frame"))?;
    match customers {
        Some(contacts) if contacts.schema().contains("customer_id") => {
            let present: Vec<&str> = CONTACT_COLUMNS
                .into_iter()
                .filter(|c| contacts.schema().contains(c) && !frame.schema().contains(c))
                .collect();
            let mut selection = vec![col("customer_id").cast(DataType::String)];
            selection.extend(
                present
                    .iter()
                    .map(|c| col(*c).cast(DataType::String).alias(*c)),
            );
            let right = contacts
                .clone()
                .lazy()
                .select(selection)
                .filter(col("customer_id").is_not_null())
                .unique_stable(
                    Some(by_name(["customer_id"], true, false)),
                    UniqueKeepStrategy::First,
                );
            let args = JoinArgs::new(JoinType::Full).with_coalesce(JoinCoalesce::CoalesceColumns);
            frame
                .lazy()
                .with_column(col("customer_id").cast(DataType::String))
                .join(right, [col("customer_id")], [col("customer_id")], args)
                .sort(["customer_id"], SortMultipleOptions::default())
                .collect()
                .map_err(CampaignError::polars("context-add-customers-file"))
        }
        _ => Ok(frame),
    }
}

/// `frame` with the columns of `scores` (keyed by `customer_id`) left-joined on,
/// keeping the frame's rows and order; customers without a score get nulls.
pub fn join_scores(frame: &DataFrame, scores: LazyFrame) -> Result<DataFrame, CampaignError> {
    let args = JoinArgs {
        maintain_order: MaintainOrderJoin::Left,
        ..JoinArgs::new(JoinType::Left)
    };
    frame
        .clone()
        .lazy()
        .with_column(col("customer_id").cast(DataType::String))
        .join(
            scores.with_column(col("customer_id").cast(DataType::String)),
            [col("customer_id")],
            [col("customer_id")],
            args,
        )
        .collect()
        .map_err(CampaignError::polars("context-join-scores"))
}

/// The order lines and the customer frame of a loaded store (its first
/// customers table gives the contact fields), with the customer `signals` of the
/// store's service messages joined on when given (`voice::signals`: the Service
/// tab's result in the window, `voice::store_signals` headless). Flags become 0/1
/// numbers so a score-range condition picks them ("complained = at most 0"
/// excludes complainers); a customer who never wrote has 0 contacts and flags.
pub fn campaign_inputs(
    store: &Store,
    analysis_date: Option<NaiveDate>,
    signals: Option<&DataFrame>,
    progress: &Progress,
) -> Result<(DataFrame, DataFrame), CampaignError> {
    let lines = store.order_lines()?.ok_or_else(|| CampaignError::Invalid {
        what: tr!("campaigns-error-loaded-files"),
        why: tr!("campaigns-error-no-orders"),
    })?;
    let contacts = store.of_kind(FileKind::Customers).next().map(|t| &t.frame);
    let mut frame = customer_frame(&lines, contacts, analysis_date, progress)?;
    if let Some(signals) = signals {
        let flags = [SIGNAL_COLUMNS[3], SIGNAL_COLUMNS[4]].map(|f| col(f).cast(DataType::UInt32));
        frame = join_scores(&frame, signals.clone().lazy().with_columns(flags))?;
        let zero_when_silent = SIGNAL_COLUMNS[1..5]
            .iter()
            .map(|c| col(*c).fill_null(lit(0u32)));
        frame = frame
            .lazy()
            .with_columns(zero_when_silent.collect::<Vec<_>>())
            .collect()
            .map_err(CampaignError::polars("context-join-scores"))?;
    }
    Ok((lines, frame))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::with_ms_ts;

    #[test]
    fn the_frame_has_rfm_groups_contacts_and_joined_scores() {
        let day = 86_400_000i64;
        let lines = df!(
            "customer_id" => ["b", "a", "a", "c"],
            "order_id" => ["o1", "o2", "o3", "o4"],
            "amount" => [30.0, 10.0, 50.0, 5.0],
        )
        .expect("lines");
        let lines = with_ms_ts(lines, vec![day, 2 * day, 3 * day, 3 * day]);
        let contacts = df!(
            "customer_id" => ["a", "a", "b", "z"],
            "email" => ["a@x.com", "second@x.com", "b@x.com", "z@x.com"],
            "signup_date" => ["1", "2", "3", "4"],
        )
        .expect("contacts");
        let frame =
            customer_frame(&lines, Some(&contacts), None, &Progress::detached()).expect("frame");
        let text = |name: &str| -> Vec<Option<String>> {
            frame
                .column(name)
                .expect("column")
                .cast(&DataType::String)
                .expect("text")
                .str()
                .expect("text")
                .iter()
                .map(|v| v.map(String::from))
                .collect()
        };
        // Buyers and the customer who never bought (z), sorted; the first
        // customers row per id; no signup_date.
        assert_eq!(
            text("customer_id"),
            [
                Some("a".into()),
                Some("b".into()),
                Some("c".into()),
                Some("z".into())
            ]
        );
        assert_eq!(
            text("email"),
            [
                Some("a@x.com".into()),
                Some("b@x.com".into()),
                None,
                Some("z@x.com".into())
            ]
        );
        // z has no RFM figures, and "never bought" picks z.
        assert_eq!(text("rfm_group")[3], None);
        assert_eq!(text("monetary")[3], None);
        assert!(!frame.schema().contains("signup_date"));
        assert!(frame.schema().contains("rfm_group"));
        // a: 60 over 2 orders.
        let aov = frame.column("avg_order_value").expect("aov");
        assert_eq!(aov.f64().expect("f64").get(0), Some(30.0));

        let scores = df!("customer_id" => ["c", "a"], "propensity" => [0.9, 0.2])
            .expect("scores")
            .lazy();
        let joined = join_scores(&frame, scores).expect("joined");
        let propensity = joined.column("propensity").expect("propensity");
        let values: Vec<Option<f64>> = propensity.f64().expect("f64").iter().collect();
        assert_eq!(values, [Some(0.2), None, Some(0.9), None]);
    }
}

//! Service signals as campaign conditions on the sample store: "complained in the
//! last 30 days = at most 0" leaves out exactly the customers who complained, and
//! "asked about discounts and did not buy = at least 1" targets exactly those.

use std::collections::BTreeSet;
use std::path::Path;

use marketbench::analysis::campaign::frame::campaign_inputs;
use marketbench::analysis::campaign::{CampaignDef, Condition, ExclusionLists, build_audience};
use marketbench::analysis::voice::{Labels, store_signals};
use marketbench::data::{LoadOptions, Store, inspect, load};
use marketbench::jobs::Progress;
use polars::prelude::*;

fn store(names: &[&str]) -> Store {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let mut store = Store::default();
    for name in names {
        let path = dir.join(name);
        let inspection = inspect(&path, None).expect("inspect");
        let options = LoadOptions::from_inspection(&inspection);
        store.insert(load(&path, &options, &Progress::detached()).expect("load"));
    }
    store
}

fn ids_where(frame: &DataFrame, column: &str, value: u32) -> BTreeSet<String> {
    let ids = frame.column("customer_id").expect("ids");
    let flags = frame.column(column).expect("flag");
    ids.str()
        .expect("text")
        .iter()
        .zip(flags.u32().expect("0/1").iter())
        .filter(|(_, f)| *f == Some(value))
        .filter_map(|(id, _)| id.map(str::to_string))
        .collect()
}

fn audience_ids(
    frame: &DataFrame,
    column: &str,
    min: Option<f64>,
    max: Option<f64>,
) -> BTreeSet<String> {
    let condition = Condition::All {
        of: vec![Condition::Range {
            column: column.into(),
            min,
            max,
        }],
    };
    let mut campaign = CampaignDef::new("signals", condition);
    campaign.control_share = 0.0;
    let audience = build_audience(
        frame,
        None,
        &campaign,
        &ExclusionLists::default(),
        &Progress::detached(),
    )
    .expect("audience");
    ids_where(&audience.frame, column, if min.is_some() { 1 } else { 0 })
}

#[test]
fn complaints_exclude_and_discount_questions_target_the_right_customers() {
    let store = store(&["orders.csv", "customers.csv", "service.csv"]);
    let signals =
        store_signals(&store, &Labels::default(), &Progress::detached()).expect("signals");
    let (_, frame) =
        campaign_inputs(&store, None, signals.as_ref(), &Progress::detached()).expect("inputs");
    let complained = ids_where(&frame, "complained_30d", 1);
    let asked = ids_where(&frame, "asked_discount_no_buy", 1);
    assert!(complained.len() >= 20, "{} complainers", complained.len());
    assert!(asked.len() >= 20, "{} discount askers", asked.len());
    // Customers who never wrote count as not complaining, not as unknown.
    let silent = ids_where(&frame, "contacts_90d", 0);
    assert!(silent.len() > 1000, "{} silent customers", silent.len());

    let kept = audience_ids(&frame, "complained_30d", None, Some(0.0));
    assert!(kept.is_disjoint(&complained));
    assert_eq!(kept.len() + complained.len(), frame.height());

    let targeted = audience_ids(&frame, "asked_discount_no_buy", Some(1.0), None);
    assert_eq!(targeted, asked);
}

#[test]
fn without_service_messages_the_customer_frame_has_no_signals() {
    let store = store(&["orders.csv"]);
    let signals =
        store_signals(&store, &Labels::default(), &Progress::detached()).expect("signals");
    assert!(signals.is_none());
    let (_, frame) =
        campaign_inputs(&store, None, signals.as_ref(), &Progress::detached()).expect("inputs");
    assert!(!frame.schema().contains("complained_30d"));
}

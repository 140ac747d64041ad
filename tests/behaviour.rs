//! The Behaviour analyses on the bundled sample store: RFM groups, funnel and
//! repeat figures find what `sample-data/README.md` says was planted, and the
//! `rfm` command end to end.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use marketbench::analysis::customers::customer_table;
use marketbench::analysis::funnel::{FunnelParams, dropoff_items, funnel, funnel_by_group};
use marketbench::analysis::repeat::{RepeatParams, repeat};
use marketbench::analysis::rfm::{RfmParams, rfm};
use marketbench::analysis::summary::Summary;
use marketbench::cli::{LoadArgs, load_files};
use marketbench::data::{FileKind, Store};
use marketbench::jobs::Progress;
use polars::prelude::*;
use serde_json::Value;

fn sample_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"))
}

/// The sample store, loaded once for all tests here.
fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        load_files(&[sample_dir()], &LoadArgs::default())
            .expect("the sample store loads")
            .store
    })
}

fn order_lines() -> DataFrame {
    store()
        .order_lines()
        .expect("order lines")
        .expect("an orders file")
}

/// `truth/customer_groups.csv`: customer id → planted group.
fn planted_groups() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(sample_dir().join("truth/customer_groups.csv"))
        .expect("customer_groups.csv");
    text.lines()
        .skip(1)
        .filter_map(|l| l.split_once(','))
        .map(|(c, g)| (c.to_string(), g.to_string()))
        .collect()
}

fn strings(df: &DataFrame, name: &str) -> Vec<String> {
    df.column(name)
        .expect("column")
        .str()
        .expect("text")
        .iter()
        .map(|v| v.expect("value").to_string())
        .collect()
}

/// Share of the planted `group`'s customers whose RFM group is in `wanted`.
fn share_in(
    rfm_groups: &BTreeMap<String, String>,
    planted: &BTreeMap<String, String>,
    group: &str,
    wanted: &[&str],
) -> f64 {
    let members: Vec<&String> = planted
        .iter()
        .filter(|(_, g)| g.as_str() == group)
        .map(|(c, _)| c)
        .collect();
    let hits = members
        .iter()
        .filter(|c| {
            rfm_groups
                .get(c.as_str())
                .is_some_and(|g| wanted.contains(&g.as_str()))
        })
        .count();
    hits as f64 / members.len() as f64
}

#[test]
fn rfm_puts_planted_loyal_and_lapsed_customers_in_the_matching_groups() {
    let result = rfm(&order_lines(), &RfmParams::default(), &Progress::detached()).expect("rfm");
    // The history ends 2026-06-30: the default analysis date is the day after.
    assert_eq!(result.analysis_date.to_string(), "2026-07-01");
    let ids = strings(&result.customers, "customer_id");
    let groups = strings(&result.customers, "group");
    let by_customer: BTreeMap<String, String> = ids.into_iter().zip(groups).collect();
    let planted = planted_groups();
    let loyal = share_in(&by_customer, &planted, "loyal", &["Champions", "Loyal"]);
    let lapsed = share_in(
        &by_customer,
        &planted,
        "lapsed",
        &["Hibernating", "Lost", "At risk"],
    );
    // Measured on the default store: 100 % of loyal customers and 94.8 % of lapsed
    // ones. The thresholds leave room for a regenerated store.
    assert!(loyal >= 0.95, "loyal in Champions/Loyal: {loyal:.3}");
    assert!(
        lapsed >= 0.85,
        "lapsed in Hibernating/Lost/At risk: {lapsed:.3}"
    );
    // One-off buyers have one order, so F = 1 (the lowest tied rank): they can only
    // be New, Hibernating or Lost.
    let one_off = share_in(
        &by_customer,
        &planted,
        "one_off",
        &["New", "Hibernating", "Lost"],
    );
    assert_eq!(one_off, 1.0);
    let counted: usize = result.groups.iter().map(|g| g.customers).sum();
    assert_eq!(counted, result.len());
}

fn events() -> DataFrame {
    store()
        .of_kind(FileKind::Events)
        .next()
        .expect("an events file")
        .frame
        .clone()
}

#[test]
fn the_funnel_finds_the_planted_rates_and_dropoff_products() {
    let events = events();
    let params = FunnelParams::default();
    let overall = funnel(&events, &params).expect("funnel");
    let rates: Vec<f64> = overall.steps[1..]
        .iter()
        .map(|s| s.event_rate.expect("rate"))
        .collect();
    // Planted: carts / views = 10 %, purchases / carts = 35 % (event counts).
    assert!((rates[0] - 0.10).abs() < 0.005, "view → cart {}", rates[0]);
    assert!(
        (rates[1] - 0.35).abs() < 0.01,
        "cart → purchase {}",
        rates[1]
    );
    assert_eq!(overall.unmatched_events, 0);
    // Users narrow at each step.
    assert!(overall.steps[0].users > overall.steps[1].users);
    assert!(overall.steps[1].users > overall.steps[2].users);

    // The five planted drop-off products are the top five.
    let truth: BTreeSet<String> =
        std::fs::read_to_string(sample_dir().join("truth/dropoff_items.csv"))
            .expect("dropoff_items.csv")
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').next().map(str::to_string))
            .collect();
    assert_eq!(truth.len(), 5);
    let found = dropoff_items(&events, &params).expect("drop-off");
    let top: BTreeSet<String> = found.iter().take(5).map(|d| d.item_id.clone()).collect();
    assert_eq!(top, truth);
    for item in found.iter().take(5) {
        // Measured: view → cart 0.2–1.2 % on these against 10 % overall.
        assert!(item.conversion < 0.03, "{item:?}");
    }

    // Per planted group: lapsed and one-off customers have no events.
    let planted = planted_groups();
    let groups = df! {
        "customer_id" => planted.keys().cloned().collect::<Vec<_>>(),
        "group" => planted.values().cloned().collect::<Vec<_>>(),
    }
    .expect("groups");
    let by_group = funnel_by_group(&events, &params, &groups, "group").expect("per group");
    let names: Vec<&str> = by_group.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(names, ["bargain_hunter", "loyal", "new", "regular"]);
    let viewers: u64 = by_group.iter().map(|g| g.funnel.steps[0].users).sum();
    assert_eq!(viewers, overall.steps[0].users);
}

/// Distinct customers with a paid row in `orders.csv`, read naively (the sample
/// needs no quoting) so the check does not go through the loader.
fn paying_customers_in_sample() -> usize {
    let text = std::fs::read_to_string(sample_dir().join("orders.csv")).expect("orders.csv");
    let mut header = text.lines().next().expect("header").split(',');
    let customer = header
        .clone()
        .position(|c| c == "customer_id")
        .expect("customer_id");
    let status = header.position(|c| c == "status").expect("status");
    text.lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|f| f[status] == "paid" && !f[customer].is_empty())
        .map(|f| f[customer].to_string())
        .collect::<BTreeSet<_>>()
        .len()
}

#[test]
fn the_rfm_command_prints_groups_that_add_up_and_writes_the_customer_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("rfm.csv");
    let output = Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .arg("rfm")
        .arg(sample_dir())
        .arg("--out")
        .arg(&out)
        .arg("--json")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let customers = paying_customers_in_sample();
    assert_eq!(report["customers"].as_u64(), Some(customers as u64));
    assert_eq!(report["analysis_date"], "2026-07-01");
    let groups = report["groups"].as_array().expect("groups");
    let names: Vec<&str> = groups.iter().filter_map(|g| g["group"].as_str()).collect();
    assert_eq!(
        names,
        [
            "Champions",
            "Loyal",
            "Potential loyalists",
            "New",
            "At risk",
            "Can't lose them",
            "Hibernating",
            "Lost"
        ]
    );
    let counted: u64 = groups.iter().filter_map(|g| g["customers"].as_u64()).sum();
    assert_eq!(counted, customers as u64);
    let share: f64 = groups
        .iter()
        .filter_map(|g| g["revenue_share"].as_f64())
        .sum();
    assert!((share - 1.0).abs() < 1e-9, "revenue shares sum to {share}");

    // The per-customer table: UTF-8 with a BOM, a header and one row per customer.
    let bytes = std::fs::read(&out).expect("rfm.csv written");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let mut rows = text.lines();
    assert_eq!(
        rows.next(),
        Some("customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_code,group")
    );
    assert_eq!(rows.count(), customers);
}

#[test]
fn the_rfm_command_refuses_a_bad_output_name_before_loading() {
    let output = Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .arg("rfm")
        .arg(sample_dir())
        .args(["--out", "rfm.txt"])
        .output()
        .expect("the binary runs");
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains(".csv or .xlsx"), "{error}");
}

#[test]
fn repeat_figures_match_the_planted_store() {
    let lines = order_lines();
    let result = repeat(&lines, &RepeatParams::default(), &Progress::detached()).expect("repeat");
    // One-off buyers (1,100) have one order; new customers (500) have 1–3.
    assert!(
        (1_100..1_600).contains(&result.one_time_buyers),
        "{} one-time buyers",
        result.one_time_buyers
    );
    assert_eq!(result.customers, 5_000);
    // Two years of history from Monday 2024-07-01 to Tuesday 2026-06-30: 24
    // complete months, 104 complete weeks; the week of Monday 2026-06-29 is left out.
    assert_eq!(
        result.last_day.map(|d| d.to_string()).as_deref(),
        Some("2026-06-30")
    );
    assert_eq!(result.monthly.len(), 24);
    assert_eq!(result.partial_month, None);
    assert_eq!(result.weekly.len(), 104);
    assert_eq!(
        result.partial_week.map(|d| d.to_string()).as_deref(),
        Some("2026-06-29")
    );
    assert_eq!(result.weekly[0].start.to_string(), "2024-07-01");
    // Monthly revenue adds up to the dataset's net revenue.
    let summary = Summary::from_lines(&lines).expect("summary");
    let monthly: f64 = result.monthly.iter().map(|p| p.revenue).sum();
    assert!(
        (monthly - summary.revenue_net.expect("priced")).abs()
            < 1e-6 * summary.revenue_net.expect("priced")
    );
    let weekly_orders: u64 = result.weekly.iter().map(|p| p.orders).sum();
    let monthly_orders: u64 = result.monthly.iter().map(|p| p.orders).sum();
    // The weeks miss only the two days of the partial week: a few days' orders.
    let per_day = monthly_orders / 730;
    assert!(
        weekly_orders < monthly_orders && weekly_orders + 6 * per_day > monthly_orders,
        "{weekly_orders} of {monthly_orders} orders, {per_day} a day"
    );
    // Measured in sample-data/README.md: year two sells 1.52 × year one.
    let year = |from: usize| -> f64 {
        result.monthly[from..from + 12]
            .iter()
            .map(|p| p.revenue)
            .sum()
    };
    let growth = year(12) / year(0);
    assert!((1.45..1.60).contains(&growth), "growth {growth}");
    // Every customer with n purchase days has n − 1 gaps.
    let table = customer_table(&lines, None).expect("customers");
    let days: u64 = table
        .frame
        .column("purchase_days")
        .expect("purchase_days")
        .u32()
        .expect("u32")
        .iter()
        .map(|d| u64::from(d.expect("days")) - 1)
        .sum();
    let gaps: u64 = result.gap_bins.iter().map(|b| b.gaps).sum();
    assert_eq!(gaps, days);
    // Measured: the bin from 31 days is the largest (regulars re-order every
    // 30–110 days; the staples' 21–45 days fall on either side of it).
    let largest = result.gap_bins.iter().max_by_key(|b| b.gaps).expect("bins");
    assert_eq!(largest.from_days, 31);
    assert_eq!(result.top_categories_by_buyers.len(), 10);
}

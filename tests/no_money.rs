//! An orders export without prices (issue 19): the sample store's orders with the
//! price and amount columns removed load, and every analysis that needs no money
//! gives what it gives on the priced file: the same RFM groups, order counts,
//! order forecast and report card, purchase predictions, and segments that still
//! recover the planted behaviour groups. What needs money says so.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::cli::{json_of, marketbench, sample, sample_dir};
use marketbench::analysis::segments::{
    FeatureSet, KChoice, SearchParams, adjusted_rand_index, segment_customers,
};
use marketbench::cli::{LoadArgs, load_files};
use marketbench::jobs::Progress;
use serde_json::Value;

/// Writes the sample store's orders without `unit_price` and `amount` into
/// `folder` and returns the file's path.
fn unpriced_orders(folder: &Path) -> String {
    let text = std::fs::read_to_string(sample("orders.csv")).expect("sample orders");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let keep: Vec<usize> = (0..header.len())
        .filter(|&i| !matches!(header[i], "unit_price" | "amount"))
        .collect();
    assert_eq!(keep.len(), header.len() - 2, "the sample has both columns");
    let pick = |cells: Vec<&str>| keep.iter().map(|&i| cells[i]).collect::<Vec<_>>().join(",");
    let mut out = pick(header.clone()) + "\n";
    for line in lines {
        // The sample store writes no quoted cells, so a comma always separates.
        out += &pick(line.split(',').collect());
        out.push('\n');
    }
    let path = folder.join("orders.csv");
    std::fs::write(&path, out).expect("write");
    path.to_str().expect("utf-8 path").to_string()
}

fn run(args: &[&str]) -> Value {
    json_of(&marketbench(args))
}

#[test]
fn rfm_groups_order_counts_and_the_order_forecast_are_those_of_the_priced_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let unpriced = unpriced_orders(dir.path());
    let priced = sample("orders.csv");

    let summary = |file: &str| run(&["inspect", file, "--json"])["summary"].clone();
    let (with, without) = (summary(&priced), summary(&unpriced));
    for figure in [
        "customers",
        "orders",
        "order_lines",
        "items",
        "return_lines",
    ] {
        assert_eq!(with[figure], without[figure], "{figure}");
    }
    assert!(with["revenue_net"].as_f64().expect("priced revenue") > 0.0);
    assert!(without["revenue_net"].is_null(), "{without}");

    let groups = |file: &str| run(&["rfm", file, "--json"]);
    let (with, without) = (groups(&priced), groups(&unpriced));
    assert_eq!(
        (with["money"].as_bool(), without["money"].as_bool()),
        (Some(true), Some(false))
    );
    let counts = |rfm: &Value| -> Vec<(String, u64)> {
        rfm["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .map(|g| {
                (
                    g["group"].to_string(),
                    g["customers"].as_u64().expect("count"),
                )
            })
            .collect()
    };
    assert_eq!(counts(&with), counts(&without));
    assert!(without["groups"][0]["revenue"].is_null());

    // The default measure without money is the number of orders: the same series
    // and forecast as asking the priced file for orders.
    let weekly = |file: &str, extra: &[&str]| {
        let mut args = vec!["forecast", file, "--freq", "week", "--json"];
        args.extend_from_slice(extra);
        run(&args)
    };
    let (with, without) = (
        weekly(&priced, &["--measure", "orders"]),
        weekly(&unpriced, &[]),
    );
    assert_eq!(without["measure"], "orders");
    assert_eq!(with["forecast"], without["forecast"]);
    assert_eq!(with["model"], without["model"]);
    let refused = marketbench(&["forecast", &unpriced, "--measure", "revenue"]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("orders.csv"), "{message}");
    assert!(
        message.contains("needs a price or amount column"),
        "{message}"
    );
    assert!(message.contains("--price or --amount"), "{message}");
}

#[test]
fn the_report_card_purchase_predictions_and_campaigns_need_no_prices() {
    let dir = tempfile::tempdir().expect("temp dir");
    let unpriced = unpriced_orders(dir.path());
    let priced = sample("orders.csv");

    // Recommendations learn from who bought what: the same report card, except
    // where the history and user-kNN fill-ins keep to the price band of an item
    // bought (without prices, any item of its category).
    let card = |file: &str| run(&["evaluate", file, "--json"]);
    let ndcg = |card: &Value| -> HashMap<String, f64> {
        card["models"]
            .as_array()
            .expect("models")
            .iter()
            .map(|m| {
                let name = m["name"].as_str().expect("name").to_string();
                (name, m["ndcg_at_k"].as_f64().expect("ndcg"))
            })
            .collect()
    };
    let (with, without) = (ndcg(&card(&priced)), ndcg(&card(&unpriced)));
    assert_eq!(with.len(), 7);
    for model in ["popular", "item-knn", "als", "blend", "repeat"] {
        assert_eq!(with[model], without[model], "{model}");
    }
    for model in ["history", "user-knn"] {
        assert!(without[model] > without["popular"], "{model}: {without:?}");
    }

    // Purchases and P(alive) need no money; CLV says it needs prices.
    let value = |file: &str| run(&["clv", file, "--json"]);
    let (with, without) = (value(&priced), value(&unpriced));
    assert_eq!(with["purchases"], without["purchases"]);
    assert_eq!(
        with["totals"]["predicted_purchases"],
        without["totals"]["predicted_purchases"]
    );
    assert!(with["totals"]["clv"].as_f64().expect("priced CLV") > 0.0);
    assert!(without["totals"]["clv"].is_null());
    assert_eq!(without["spend"]["method"], "unpriced");

    // A campaign over RFM groups sizes the same audience from a project.
    std::fs::copy(sample("customers.csv"), dir.path().join("customers.csv")).expect("copy");
    let project = dir.path().join("shop.json");
    let project = project.to_str().expect("utf-8");
    let customers = dir.path().join("customers.csv");
    let created = marketbench(&[
        "project",
        "new",
        "--out",
        project,
        &unpriced,
        customers.to_str().expect("utf-8"),
    ]);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let define = r#"{"name": "lapsed", "control_share": 0.0, "condition": {"kind": "rfm_group",
        "values": ["At risk", "Hibernating"]}}"#;
    let campaign = run(&["campaign", project, "--define", define, "--json"]);
    let rfm = run(&["rfm", &unpriced, "--json"]);
    let expected: u64 = rfm["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter(|g| matches!(g["group"].as_str(), Some("At risk" | "Hibernating")))
        .map(|g| g["customers"].as_u64().expect("count"))
        .sum();
    assert_eq!(campaign["size"].as_u64(), Some(expected));
    assert!(campaign["revenue_share"].is_null(), "{campaign}");
}

#[test]
fn segments_without_prices_default_to_recency_and_orders_and_still_find_the_planted_groups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let unpriced = unpriced_orders(dir.path());
    let segments = run(&["segment", &unpriced, "--json"]);
    assert_eq!(
        segments["features"],
        serde_json::json!(["recency_days", "orders"])
    );
    assert_eq!(segments["money"], false);
    assert!(segments["segments"][0]["revenue_share"].is_null());
    let refused = marketbench(&["segment", &unpriced, "--features", "recency,monetary"]);
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("'revenue' needs a price or amount column"),
        "{message}"
    );

    // The money-free behaviour features still separate the planted groups (the
    // priced sample reaches 0.88 with the discount share, which needs prices).
    let loaded = load_files(&[unpriced.clone().into()], &LoadArgs::default()).expect("load");
    let lines = loaded.store.order_lines().expect("lines").expect("orders");
    let set: FeatureSet = "recency,frequency,tenure,days_between,units"
        .parse()
        .expect("set");
    let params = SearchParams {
        k: KChoice::Fixed(6),
        ..SearchParams::default()
    };
    let result =
        segment_customers(&lines, &set, &params, None, &Progress::detached()).expect("segments");
    let truth = std::fs::read_to_string(format!("{}/truth/customer_groups.csv", sample_dir()))
        .expect("truth");
    let mut names: Vec<&str> = Vec::new();
    let planted: HashMap<&str, usize> = truth
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(','))
        .map(|(customer, group)| {
            let id = names.iter().position(|n| *n == group).unwrap_or_else(|| {
                names.push(group);
                names.len() - 1
            });
            (customer, id)
        })
        .collect();
    let labels: Vec<usize> = result
        .features
        .customer_ids
        .iter()
        .map(|c| planted[c.as_str()])
        .collect();
    let ari = adjusted_rand_index(&labels, &result.clustering.labels);
    println!("adjusted Rand index without prices: {ari:.3}");
    assert!(ari >= 0.5, "adjusted Rand index {ari:.3}");
}

//! Propensity and customer value on the bundled sample store: the planted loyal
//! customers score above the lapsed ones, and the `propensity` and `clv` commands
//! end to end.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use marketbench::analysis::clv::{ClvParams, PurchaseMethod, clv};
use marketbench::analysis::propensity::{ModelParams, PropensityParams, propensity};
use marketbench::cli::{LoadArgs, load_files};
use marketbench::jobs::Progress;
use polars::prelude::*;
use serde_json::Value;

fn sample_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"))
}

fn order_lines() -> &'static DataFrame {
    static LINES: OnceLock<DataFrame> = OnceLock::new();
    LINES.get_or_init(|| {
        load_files(&[sample_dir()], &LoadArgs::default())
            .expect("the sample store loads")
            .store
            .order_lines()
            .expect("order lines")
            .expect("an orders file")
    })
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

/// Mean of `column` per planted group.
fn group_means(frame: &DataFrame, column: &str) -> BTreeMap<String, f64> {
    let groups = planted_groups();
    let ids = frame
        .column("customer_id")
        .expect("ids")
        .str()
        .expect("str");
    let values = frame.column(column).expect(column).f64().expect("f64");
    let mut sums: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for (id, v) in ids.iter().zip(values.iter()) {
        if let (Some(group), Some(v)) = (id.and_then(|id| groups.get(id)), v) {
            let s = sums.entry(group.clone()).or_default();
            s.0 += v;
            s.1 += 1.0;
        }
    }
    sums.into_iter().map(|(g, (s, n))| (g, s / n)).collect()
}

#[test]
fn planted_loyal_customers_score_above_lapsed_ones() {
    let params = PropensityParams {
        model: ModelParams {
            trees: 30,
            ..ModelParams::default()
        },
        ..PropensityParams::default()
    };
    let result = propensity(order_lines(), &params, &Progress::detached()).expect("propensity");
    for m in &result.models {
        let auc = m.auc_out_of_time.expect("auc");
        assert!(auc > 0.75, "{:?}: out-of-time AUC {auc}", m.kind);
    }
    let means = group_means(&result.scores, "propensity");
    let (loyal, lapsed) = (means["loyal"], means["lapsed"]);
    assert!(
        loyal > 0.8 && lapsed < 0.2,
        "loyal {loyal}, lapsed {lapsed}"
    );
    // Loyal customers are low churn risk, lapsed ones high.
    let risk = group_means(&result.scores, "churn_risk");
    assert!(risk["loyal"] < 0.2 && risk["lapsed"] > 0.8, "{risk:?}");
    // Every one of the 5,000 planted customers bought, so each gets a score.
    assert_eq!(result.scores.height(), 5_000);
}

#[test]
fn customer_value_ranks_the_planted_groups_and_checks_a_holdout() {
    let result = clv(order_lines(), &ClvParams::default(), &Progress::detached()).expect("clv");
    assert!(
        matches!(result.purchases, PurchaseMethod::MbgNbd(_)),
        "{:?}",
        result.purchases
    );
    let value = group_means(&result.customers, "clv");
    let alive = group_means(&result.customers, "p_alive");
    // Planted (sample-data/README.md): loyal about 10.5 paid orders a year at
    // 750, regular about 5.2 at 552: 2.75×. MBG/NBD measures 2.49× (5,899
    // against 2,369); BG/NBD measured 2.8×.
    assert!(value["loyal"] > 2.2 * value["regular"], "{value:?}");
    assert!(value["regular"] > value["lapsed"], "{value:?}");
    assert!(alive["loyal"] > 0.9 && alive["lapsed"] < 0.5, "{alive:?}");
    let holdout = result.holdout.expect("holdout");
    // Predicted purchase days in the 180-day holdout within 15 % of the actual ones.
    let off = (holdout.predicted_total - holdout.actual_total).abs() / holdout.actual_total;
    assert!(off < 0.15, "{holdout:?}");
    let total: f64 = result
        .customers
        .column("clv")
        .expect("clv")
        .f64()
        .expect("f64")
        .sum()
        .expect("sum");
    assert!((total - result.totals.clv.expect("priced")).abs() < 1e-6 * total);
    // The next order lies after the data and within the horizon; the lapsed are
    // not given a date decades away but none ("none expected within 365 days").
    let next = result
        .customers
        .column("next_order_date")
        .expect("next order")
        .date()
        .expect("dates")
        .clone();
    let score_day =
        (result.score_date - chrono::DateTime::UNIX_EPOCH.date_naive()).num_days() as i32;
    let horizon = ClvParams::default().horizon_days as i32;
    let days: Vec<i32> = next.physical().iter().flatten().collect();
    assert!(!days.is_empty());
    assert!(
        days.iter()
            .all(|d| *d >= score_day && *d <= score_day + horizon),
        "{:?}",
        days.iter().max()
    );
    let dated = result
        .customers
        .clone()
        .lazy()
        .with_column(
            col("next_order_date")
                .is_not_null()
                .cast(DataType::Float64)
                .alias("dated"),
        )
        .collect()
        .expect("dated");
    let dated = group_means(&dated, "dated");
    assert!(dated["loyal"] > 0.9 && dated["lapsed"] < 0.1, "{dated:?}");
}

fn run(args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

#[test]
fn the_propensity_command_prints_models_and_writes_scores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("scores.csv");
    let sample = sample_dir();
    let report = run(&[
        "propensity",
        sample.to_str().expect("path"),
        "--models",
        "logreg,tree",
        "--window-days",
        "60",
        "--out",
        out.to_str().expect("path"),
        "--json",
    ]);
    assert_eq!(report["window_days"], 60);
    assert_eq!(report["cutoff"], "2026-05-02");
    let rate = report["positive_rate"].as_f64().expect("rate");
    assert!(rate > 0.1 && rate < 0.9);
    let names: Vec<&str> = report["models"]
        .as_array()
        .expect("models")
        .iter()
        .map(|m| m["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["logreg", "tree"]);
    for m in report["models"].as_array().expect("models") {
        assert!(m["auc_out_of_time"].as_f64().expect("auc") > 0.7);
        assert!(m["auc_random"].as_f64().expect("auc") > 0.7);
    }
    let text = std::fs::read_to_string(&out).expect("scores written");
    let mut rows = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        rows.next(),
        Some("customer_id,propensity,churn_risk,risk_bucket")
    );
    assert_eq!(
        rows.count() as u64,
        report["customers"].as_u64().expect("customers")
    );
}

#[test]
fn the_clv_command_prints_parameters_holdout_and_totals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("clv.csv");
    let sample = sample_dir();
    let report = run(&[
        "clv",
        sample.to_str().expect("path"),
        "--horizon-days",
        "180",
        "--cutoff",
        "2026-03-01",
        "--out",
        out.to_str().expect("path"),
        "--json",
    ]);
    assert_eq!(report["purchases"]["method"], "mbg_nbd");
    assert!(report["purchases"]["r"].as_f64().expect("r") > 0.0);
    assert_eq!(report["spend"]["method"], "gamma_gamma");
    assert_eq!(report["holdout"]["cutoff"], "2026-03-01");
    assert_eq!(report["holdout"]["days"], 122);
    assert!(
        report["holdout"]["mean_absolute_error"]
            .as_f64()
            .expect("mae")
            > 0.0
    );
    let customers = report["totals"]["customers"].as_u64().expect("customers");
    let text = std::fs::read_to_string(&out).expect("clv written");
    let mut rows = text.trim_start_matches('\u{feff}').lines();
    assert!(
        rows.next()
            .expect("header")
            .starts_with("customer_id,frequency,recency_days")
    );
    assert_eq!(rows.count() as u64, customers);
}

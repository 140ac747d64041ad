//! Commands whose settings or data leave nothing useful to print refuse with a
//! clear error (exit code 1) instead of succeeding with empty or undefined
//! figures: a season longer than the history, an analysis date before the
//! first order, a readout period that ends before it starts, and a forecast of
//! orders that are all returns.

mod common;

use std::fmt::Write as _;
use std::process::Output;

use common::cli::{marketbench, new_project, sample, sample_dir};

/// The error a failed run printed (the test fails if it succeeded).
fn refused(output: &Output) -> String {
    assert!(
        !output.status.success(),
        "succeeded: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!error.contains("panicked"), "{error}");
    error
}

#[test]
fn a_season_longer_than_the_history_is_refused() {
    let error = refused(&marketbench(&[
        "forecast",
        &sample_dir(),
        "--freq",
        "week",
        "--season",
        "100000",
    ]));
    for part in ["season 100000", "at most 52 periods", "leave it out"] {
        assert!(error.contains(part), "{part}: {error}");
    }
}

#[test]
fn an_analysis_date_before_the_first_order_is_refused() {
    let error = refused(&marketbench(&[
        "rfm",
        &sample("orders.csv"),
        "--date",
        "1900-01-01",
    ]));
    for part in [
        "--date 1900-01-01",
        "no purchase comes before it",
        "2024-07-01",
    ] {
        assert!(error.contains(part), "{part}: {error}");
    }
}

#[test]
fn a_readout_period_that_ends_before_it_starts_is_refused() {
    let folder = tempfile::tempdir().expect("temp dir");
    let project = new_project(folder.path(), &["orders.csv", "customers.csv"]);
    let define = r#"{"name": "all", "control_share": 0.2, "condition": {"kind": "has_email"}}"#;
    let error = refused(&marketbench(&[
        "campaign",
        &project,
        "--define",
        define,
        "--readout",
        &sample("orders.csv"),
        "--since",
        "2026-08-01",
        "--until",
        "2026-07-01",
    ]));
    assert!(error.contains("starts after it ends"), "{error}");
}

#[test]
fn orders_that_are_all_returns_have_no_sales_to_forecast() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut text = String::from("order_id,customer_id,order_time,sku,quantity,amount\n");
    for day in 1..=28 {
        let _ = writeln!(
            text,
            "R{day:03},C{:02},2026-02-{day:02} 10:00:00,SKU1,-1,-25.50",
            day % 7
        );
    }
    let returns = folder.path().join("returns.csv");
    std::fs::write(&returns, text).expect("write");
    let error = refused(&marketbench(&[
        "forecast",
        returns.to_str().expect("utf-8 path"),
    ]));
    assert!(error.contains("no purchase"), "{error}");
    assert!(error.contains("return"), "{error}");
}

#[test]
fn a_country_code_that_is_not_one_is_refused_before_any_work() {
    let folder = tempfile::tempdir().expect("temp dir");
    let project = new_project(folder.path(), &["orders.csv", "customers.csv"]);
    let output = marketbench(&[
        "campaign",
        &project,
        "--define",
        r#"{"name": "all", "condition": {"kind": "has_email"}}"#,
        "--country-code",
        "abc",
    ]);
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("'abc' is not a country calling code"),
        "{error}"
    );
}

#[test]
fn a_file_too_big_for_the_free_memory_is_refused_before_loading() {
    // ALS needs the lines (RFM, popularity and item-kNN would stream:
    // tests/cli_streamed.rs).
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(["recommend", &sample("orders.csv"), "--model", "als"])
        .env("MARKETBENCH_MEMORY", "4MB")
        .output()
        .expect("runs");
    let error = refused(&output);
    assert!(error.contains("orders.csv"), "{error}");
    assert!(
        error.contains("--model als needs the order lines")
            && error.contains("loading it needs about 15 MB and 4 MB is free"),
        "{error}"
    );
}

#[test]
fn an_analysis_too_big_for_the_free_memory_is_refused_before_it_starts() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("short_lines.csv");
    let mut text = String::from("order_id,customer_id,order_time,amount\n");
    for n in 0..100_000 {
        let _ = writeln!(text, "{n},{},2025-01-{:02},1", n % 997, n % 28 + 1);
    }
    std::fs::write(&path, text).expect("write");
    let file = path.to_str().expect("utf-8");
    let run = |command: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_marketbench"))
            .args([command, file])
            .env("MARKETBENCH_MEMORY", "12MB")
            .output()
            .expect("runs")
    };
    // The file loads in 12 MB (about 3 × its 2 MB); segmenting 100,000 lines
    // needs more, and says so with both figures.
    let error = refused(&run("segment"));
    assert!(error.contains("short_lines.csv"), "{error}");
    assert!(
        error.contains("segmenting the customers of 100000 order lines: needs about 19 MB of memory and this machine has 12 MB free"),
        "{error}"
    );
    assert!(
        run("rfm").status.success(),
        "RFM needs no more than the load"
    );
}

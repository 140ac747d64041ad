//! End-to-end: `marketbench forecast` on the bundled sample store.

use std::process::{Command, Output};

use serde_json::Value;

fn marketbench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json_of(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON on stdout")
}

fn sample_dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data").to_string()
}

#[test]
fn weekly_orders_forecast_with_holdout_as_json_and_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("forecast.csv");
    let report = json_of(&marketbench(&[
        "forecast",
        &sample_dir(),
        "--measure",
        "orders",
        "--freq",
        "week",
        "--horizon",
        "8",
        "--holdout",
        "8",
        "--out",
        out.to_str().expect("path"),
        "--json",
    ]));
    assert_eq!(report["freq"], "week");
    assert_eq!(report["horizon"], 8);
    // The sample history ends on Tuesday 2026-06-30: that week is partial.
    assert_eq!(report["dropped_partial"], "2026-06-29");
    let candidates = report["candidates"].as_array().expect("candidates");
    assert_eq!(candidates.len(), 8);
    let chosen = report["model"].as_str().expect("model");
    let best = candidates
        .iter()
        .filter(|c| c["mase"].is_f64())
        .min_by(|a, b| {
            a["mase"]
                .as_f64()
                .unwrap_or(f64::MAX)
                .total_cmp(&b["mase"].as_f64().unwrap_or(f64::MAX))
        })
        .expect("a scored candidate");
    assert_eq!(best["model"], chosen, "the winner has the lowest MASE");
    assert!(report["holdout"]["mase"].is_f64() && report["holdout"]["smape"].is_f64());
    let forecast = report["forecast"].as_array().expect("forecast");
    assert_eq!(forecast.len(), 8);
    assert_eq!(forecast[0]["period"], "2026-06-29");
    for row in forecast {
        let v = |k: &str| row[k].as_f64().expect("number");
        assert!(v("lo95") <= v("lo80") && v("lo80") <= v("value"));
        assert!(v("value") <= v("hi80") && v("hi80") <= v("hi95"));
    }
    let csv = std::fs::read_to_string(&out).expect("csv written");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().map(|h| h.trim_start_matches('\u{feff}')),
        Some("series,period,model,value,lo80,hi80,lo95,hi95")
    );
    assert_eq!(lines.count(), 8);
}

#[test]
fn per_category_series_and_a_clear_error_for_segments() {
    let report = json_of(&marketbench(&[
        "forecast",
        &sample_dir(),
        "--freq",
        "month",
        "--by",
        "category",
        "--horizon",
        "3",
        "--model",
        "naive",
        "--json",
    ]));
    let series = report["series"].as_array().expect("series");
    assert!(series.len() >= 5, "{} categories", series.len());
    assert!(
        series.iter().all(
            |s| s["model"] == "naive" && s["forecast"].as_array().is_some_and(|f| f.len() == 3)
        )
    );
    let names: Vec<&str> = series.iter().filter_map(|s| s["name"].as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let failed = marketbench(&["forecast", &sample_dir(), "--by", "segment"]);
    assert!(!failed.status.success());
    assert!(String::from_utf8_lossy(&failed.stderr).contains("segment"));
}

#[test]
fn an_aggregated_monthly_file_is_forecast_as_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("monthly.csv");
    // Three years of months: +2.5 a month and a season that repeats every 12.
    let season = [
        -20.0, -10.0, 0.0, 5.0, 10.0, 15.0, 5.0, 0.0, -5.0, 10.0, 30.0, -40.0,
    ];
    let mut text = String::from("month,sales\n");
    for t in 0..36 {
        let value = 300.0 + 2.5 * t as f64 + season[t % 12];
        text.push_str(&format!("{}-{:02}-01,{value}\n", 2022 + t / 12, t % 12 + 1));
    }
    std::fs::write(&path, text).expect("write");
    let report = json_of(&marketbench(&[
        "forecast",
        path.to_str().expect("path"),
        "--freq",
        "month",
        "--horizon",
        "3",
        "--json",
    ]));
    assert_eq!(report["dropped_partial"], Value::Null);
    let forecast = report["forecast"].as_array().expect("forecast");
    assert_eq!(forecast[0]["period"], "2025-01-01");
    // Month 36 continues the line and the season exactly: 300 + 90 - 20.
    let first = forecast[0]["value"].as_f64().expect("value");
    assert!((first - 370.0).abs() < 1.0, "{first}");
}

//! End-to-end: `marketbench forecast` on the bundled sample store.

mod common;

use common::cli::*;

use chrono::NaiveDate;
use marketbench::analysis::forecast::{
    ForecastParams, Freq, Measure, SeriesBy, forecast_series, natural_freq, series_from_lines,
    series_from_table, with_segmentation,
};
use marketbench::analysis::segments::{FeatureSet, SearchParams, segment_customers};
use marketbench::cli::{LoadArgs, load_files};
use marketbench::data::FileKind;
use marketbench::jobs::Progress;
use serde_json::Value;

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
    assert_eq!(
        candidates.len(),
        10,
        "eight single models, Theta and the combination"
    );
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
    // The file holds the same forecast, to the cent as the window shows it.
    let csv = std::fs::read_to_string(&out).expect("csv written");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().map(|h| h.trim_start_matches('\u{feff}')),
        Some("series,line,model,period,value,lo80,hi80,lo95,hi95")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 8);
    for (row, json) in rows.iter().zip(forecast) {
        assert_eq!(row[1], "baseline");
        assert_eq!(row[2], chosen);
        assert_eq!(row[3], json["period"]);
        for (cell, key) in row[4..]
            .iter()
            .zip(["value", "lo80", "hi80", "lo95", "hi95"])
        {
            let exact = json[key].as_f64().expect("number");
            let written: f64 = cell.parse().expect("a number");
            assert_eq!(written, (exact * 100.0).round() / 100.0, "{key} {cell}");
            let decimals = cell.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 2, "{key} written as {cell}");
        }
    }
}

/// `--model combination` forecasts the mean of the three best single models of the
/// backtest, which every single model ran to rank, and names them.
#[test]
fn the_combination_names_its_three_members_and_forecasts_their_mean() {
    let report = json_of(&marketbench(&[
        "forecast",
        &sample_dir(),
        "--freq",
        "week",
        "--horizon",
        "4",
        "--model",
        "combination",
        "--json",
    ]));
    assert_eq!(report["model"], "combination");
    let candidates = report["candidates"].as_array().expect("candidates");
    let combination = candidates
        .iter()
        .find(|c| c["model"] == "combination")
        .expect("the combination");
    let members: Vec<&str> = combination["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m.as_str())
        .collect();
    // The three single models with the lowest backtest MASE.
    let mut singles: Vec<(&str, f64)> = candidates
        .iter()
        .filter(|c| c["model"] != "combination")
        .filter_map(|c| Some((c["model"].as_str()?, c["mase"].as_f64()?)))
        .collect();
    singles.sort_by(|a, b| a.1.total_cmp(&b.1));
    let best: Vec<&str> = singles.iter().take(3).map(|s| s.0).collect();
    assert_eq!(members, best);
    // Its forecast is the mean of theirs, each fitted alone on the same series.
    use marketbench::analysis::forecast::{ModelChoice, ModelKind};
    use marketbench::workspace::forecast::{ForecastRunParams, compute};
    let loaded = load_files(&[sample_dir().into()], &LoadArgs::default()).expect("load");
    let first_value = |model: &str| {
        let kind = ModelKind::ALL
            .into_iter()
            .find(|k| k.name() == model)
            .expect("a model");
        let params = ForecastRunParams {
            freq: Freq::Week,
            horizon: 4,
            choice: ModelChoice::Fixed(kind),
            ..ForecastRunParams::default_for(&loaded.store)
        };
        let run = compute(&loaded.store, params, None, &Progress::detached()).expect("run");
        let forecast = run.series[0].forecast.as_ref().expect("forecast");
        forecast.forecast.point[0]
    };
    let mean = members.iter().map(|m| first_value(m)).sum::<f64>() / 3.0;
    let combined = report["forecast"][0]["value"].as_f64().expect("value");
    assert!(
        (combined - mean).abs() <= 1e-9 * mean.abs().max(1.0),
        "{combined} vs {mean}"
    );
}

#[test]
fn per_category_series_in_name_order() {
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
}

/// On the sample store the per-segment series (segments as `marketbench segment`
/// finds them by default) add up to the whole shop's, period by period, and the
/// command names one series per segment.
#[test]
fn per_segment_series_sum_to_the_shop() {
    let loaded = load_files(&[sample_dir().into()], &LoadArgs::default()).expect("load");
    let lines = loaded.store.order_lines().expect("lines").expect("orders");
    let segmentation = segment_customers(
        &lines,
        &FeatureSet::default(),
        &SearchParams::default(),
        None,
        &Progress::detached(),
    )
    .expect("segments");
    let segmented = with_segmentation(&lines, &segmentation).expect("segment column");
    let week =
        |by| series_from_lines(&segmented, Measure::Revenue, Freq::Week, by).expect("series");
    let shop = week(SeriesBy::Shop);
    let by_segment = week(SeriesBy::Segment);
    // One series per segment, plus "(none)" for lines of customers the
    // segmentation left out (no line that counts towards their features).
    let named = by_segment.iter().filter(|s| s.name != "(none)").count();
    assert_eq!(named, segmentation.clustering.k);
    for s in &by_segment {
        assert_eq!(
            (s.start, s.values.len()),
            (shop[0].start, shop[0].values.len())
        );
    }
    for (period, total) in shop[0].values.iter().enumerate() {
        let sum: f64 = by_segment.iter().map(|s| s.values[period]).sum();
        assert!(
            (sum - total).abs() < 1e-6 * total.abs().max(1.0),
            "week {period}: {sum} vs {total}"
        );
    }
    let report = json_of(&marketbench(&[
        "forecast",
        &sample_dir(),
        "--freq",
        "month",
        "--by",
        "segment",
        "--horizon",
        "2",
        "--model",
        "naive",
        "--json",
    ]));
    let names: Vec<&str> = report["series"]
        .as_array()
        .expect("series")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    let mut expected: Vec<&str> = by_segment.iter().map(|s| s.name.as_str()).collect();
    expected.sort();
    assert_eq!(names, expected);
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

/// A monthly report with a Chinese header and day-first dates loads as an
/// aggregated series file (no customer or item column), is read in months, and
/// the command forecasts it with the same figures as the library path.
#[test]
fn a_day_first_monthly_report_with_a_chinese_header_is_a_series_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("月报.csv");
    let season = [
        -20.0, -10.0, 0.0, 5.0, 10.0, 15.0, 5.0, 0.0, -5.0, 10.0, 30.0, -40.0,
    ];
    let value = |t: usize| 300.0 + 2.5 * t as f64 + season[t % 12];
    let mut text = String::from("月份,销售额\n");
    for t in 0..36 {
        text.push_str(&format!(
            "01/{:02}/{},{}\n",
            t % 12 + 1,
            2022 + t / 12,
            value(t)
        ));
    }
    std::fs::write(&path, text).expect("write");
    let inspection = marketbench::data::inspect(&path, None).expect("inspect");
    assert_eq!(inspection.kind, FileKind::Series);
    let loaded = load_files(std::slice::from_ref(&path), &LoadArgs::default()).expect("load");
    let table = loaded
        .store
        .of_kind(FileKind::Series)
        .next()
        .expect("a series table");
    assert_eq!(natural_freq(table), Freq::Month);
    let series = series_from_table(table, Freq::Month).expect("series");
    assert_eq!(series.name, "月报.csv");
    assert_eq!(series.values.len(), 36, "day first: one value per month");
    assert_eq!(series.period(0), NaiveDate::from_ymd_opt(2022, 1, 1));
    assert_eq!(series.values[13], value(13));
    let params = ForecastParams {
        horizon: 3,
        ..ForecastParams::default()
    };
    let library = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
    let report = json_of(&marketbench(&[
        "forecast",
        path.to_str().expect("path"),
        "--freq",
        "month",
        "--horizon",
        "3",
        "--json",
    ]));
    assert_eq!(report["model"], library.model.name());
    let forecast = report["forecast"].as_array().expect("forecast");
    assert_eq!(forecast[0]["period"], "2025-01-01");
    for (row, expected) in forecast.iter().zip(&library.forecast.point) {
        let got = row["value"].as_f64().expect("value");
        assert!((got - expected).abs() < 1e-9, "{got} vs {expected}");
    }
    // Month 36 continues the line and the season: 300 + 90 - 20.
    assert!((library.forecast.point[0] - 370.0).abs() < 1.0);
}

#[test]
fn the_command_and_the_forecast_tab_forecast_the_same_figures_for_the_same_settings() {
    use marketbench::workspace::forecast::{ForecastRunParams, compute};
    let orders = format!("{}/orders.csv", sample_dir());
    let report = json_of(&marketbench(&[
        "forecast",
        &orders,
        "--measure",
        "orders",
        "--freq",
        "week",
        "--by",
        "category",
        "--horizon",
        "6",
        "--json",
    ]));
    let loaded = load_files(&[orders.clone().into()], &LoadArgs::default()).expect("load");
    let params = ForecastRunParams {
        measure: Measure::Orders,
        freq: Freq::Week,
        by: SeriesBy::Category,
        horizon: 6,
        ..ForecastRunParams::default()
    };
    let tab = compute(&loaded.store, params, None, &Progress::detached()).expect("the tab's run");
    let series = report["series"].as_array().expect("series");
    assert_eq!(series.len(), tab.series.len());
    for (cli, shown) in series.iter().zip(&tab.series) {
        assert_eq!(cli["name"], shown.series.name.as_str());
        let forecast = shown.forecast.as_ref().expect("forecast");
        assert_eq!(cli["model"], forecast.model.name());
        let points: Vec<f64> = cli["forecast"]
            .as_array()
            .expect("points")
            .iter()
            .map(|p| p["value"].as_f64().expect("value"))
            .collect();
        assert_eq!(points.len(), 6);
        for (a, b) in points.iter().zip(&forecast.forecast.point) {
            assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{a} vs {b}");
        }
    }
}

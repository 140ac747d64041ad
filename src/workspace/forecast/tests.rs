//! Tests of `workspace::forecast`.

use chrono::NaiveDate;
use polars::df;

use super::averages::order_averages;
use super::*;
use crate::analysis::forecast::forecast_series;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// A daily series from 2025-01-06 forecast by the naive model (the last value).
pub(crate) fn naive_result(name: &str, values: Vec<f64>, horizon: usize) -> SeriesResult {
    let series = TimeSeries {
        name: name.into(),
        freq: Freq::Day,
        start: Freq::Day.index_of(day(2025, 1, 6)),
        values,
        dropped_partial: None,
    };
    let params = ForecastParams {
        horizon,
        choice: ModelChoice::Fixed(ModelKind::Naive),
        ..ForecastParams::default()
    };
    let forecast =
        forecast_series(&series, &params, &Progress::detached()).map_err(|e| e.to_string());
    SeriesResult {
        series,
        forecast,
        baseline: None,
    }
}

#[test]
fn growth_and_mase_of_a_rising_series() {
    let r = naive_result("rising", (1..=20).map(f64::from).collect(), 2);
    // Naive forecasts 20 twice (periods 21 and 22 of a daily series, weekly
    // season): 40 against the same weekdays a week earlier, 14 + 15.
    let (growth, base) = r.growth().expect("growth");
    assert!((growth - 100.0 * 11.0 / 29.0).abs() < 1e-9, "{growth}");
    assert_eq!(base, GrowthBase::SeasonsEarlier { periods_back: 7 });
    // Each fold misses by 1 then 2 (MAE 1.5); the lag-7 in-sample MAE is 7.
    let mase = r.mase().expect("mase");
    assert!((mase - 1.5 / 7.0).abs() < 1e-9, "{mase}");
    let short = naive_result("short", vec![1.0, 2.0, 3.0], 2);
    assert!(short.forecast.is_err());
    assert_eq!(short.growth_pct(), None);
    assert_eq!(short.mase(), None);
    let zero = naive_result("zero", vec![0.0; 20], 2);
    assert_eq!(zero.growth_pct(), None, "no recent history: undefined");
}

#[test]
fn a_seasonal_low_is_not_read_as_a_drop() {
    // A weekly season: weekdays 10, weekends 2, four weeks, ending on a Friday.
    let week = [10.0, 10.0, 10.0, 10.0, 10.0, 2.0, 2.0];
    let values: Vec<f64> = (0..26).map(|t| week[t % 7]).collect();
    let series = TimeSeries {
        name: "seasonal".into(),
        freq: Freq::Day,
        start: Freq::Day.index_of(day(2025, 1, 6)),
        values,
        dropped_partial: None,
    };
    let params = ForecastParams {
        horizon: 2,
        choice: ModelChoice::Fixed(ModelKind::SeasonalNaive),
        ..ForecastParams::default()
    };
    let forecast = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
    assert_eq!(forecast.forecast.point, [2.0, 2.0]);
    let r = SeriesResult {
        series,
        forecast: Ok(forecast),
        baseline: None,
    };
    // The weekend ahead against last weekend: no change (against the last two
    // weekdays it would read −80 %).
    assert_eq!(
        r.growth(),
        Some((0.0, GrowthBase::SeasonsEarlier { periods_back: 7 }))
    );
}

#[test]
fn order_averages_count_returns_negative_and_drop_cancelled() {
    let lines = df!(
        "order_id" => ["o1", "o1", "o2", "o3", "o4"],
        "amount" => [10.0, 20.0, 30.0, 40.0, 100.0],
        "quantity" => [1.0, 2.0, 3.0, 1.0, 9.0],
        "is_return" => [false, false, false, true, false],
        "is_cancelled" => [false, false, false, false, true],
    )
    .expect("frame");
    // 10 + 20 + 30 - 40 over orders o1, o2, o3 (o4 was cancelled).
    let averages = order_averages(&lines).expect("averages");
    let aov = averages.value.expect("some");
    assert!((aov - 20.0 / 3.0).abs() < 1e-9, "{aov}");
    // Units: 1 + 2 + 3 - 1 over the same three orders.
    assert_eq!(averages.units, Some(5.0 / 3.0));
    let refunds = df!(
        "order_id" => ["o1"],
        "amount" => [10.0],
        "is_return" => [true],
    )
    .expect("frame");
    assert_eq!(order_averages(&refunds).expect("averages").value, None);
}

#[test]
fn export_writes_the_baseline_with_intervals_and_each_scenario_line() {
    let r = naive_result("shop", (1..=20).map(f64::from).collect(), 2);
    let first = r.forecast.as_ref().expect("forecast").periods[0];
    assert_eq!(first, day(2025, 1, 26));
    let results = ForecastResults {
        params: ForecastRunParams::default(),
        series: vec![r, naive_result("short", vec![1.0], 2)],
        per_order: OrderAverages::default(),
    };
    let scenarios = [NamedScenario {
        name: "Spring sale".into(),
        scenario: Scenario::Promotion {
            from: first,
            to: first,
            uplift_pct: 50.0,
            dip_pct: 0.0,
            dip_periods: 0,
        },
    }];
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("forecast.csv");
    // Shown in the order short, shop: the file follows it.
    assert_eq!(
        table::row_count(&results.series, &scenarios),
        4,
        "the count the button shows"
    );
    assert_eq!(
        export(&path, &results, &[1, 0], &scenarios).expect("export"),
        4
    );
    let text = std::fs::read_to_string(&path).expect("read");
    let rows: Vec<Vec<&str>> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "series", "line", "model", "period", "value", "lo80", "hi80", "lo95", "hi95"
        ]
    );
    let value = |row: &[&str]| row[4].parse::<f64>().expect("value");
    // The short series cannot be forecast and is left out.
    assert_eq!(rows.len(), 5);
    assert_eq!(&rows[1][..4], ["shop", "baseline", "naive", "2025-01-26"]);
    assert_eq!(value(&rows[1]), 20.0);
    let lo80 = rows[1][5];
    assert!(lo80.parse::<f64>().expect("lo80") < 20.0);
    assert!(
        lo80.split('.').nth(1).is_none_or(|d| d.len() <= 2),
        "{lo80}"
    );
    assert_eq!(
        &rows[3][..4],
        ["shop", "Spring sale", "naive", "2025-01-26"]
    );
    assert_eq!(value(&rows[3]), 30.0, "+50 % in the first period");
    assert_eq!(value(&rows[4]), 20.0, "after the promotion");
    assert_eq!(rows[3][5], "", "no interval on a scenario line");
}

#[test]
fn an_orders_forecast_exports_campaigns_as_orders_and_price_changes_as_quantity() {
    let r = naive_result("shop", vec![100.0; 20], 2);
    let first = r.forecast.as_ref().expect("forecast").periods[0];
    let results = ForecastResults {
        params: ForecastRunParams {
            measure: Measure::Orders,
            ..ForecastRunParams::default()
        },
        series: vec![r],
        per_order: OrderAverages {
            value: Some(80.0),
            units: Some(2.5),
        },
    };
    let scenarios = [
        NamedScenario {
            name: "Mailing".into(),
            scenario: Scenario::Campaign {
                at: first,
                customers: 1000.0,
                response_rate: 0.02,
                average_order_value: 80.0,
            },
        },
        NamedScenario {
            name: "Cheaper".into(),
            scenario: Scenario::PriceChange {
                from: first,
                change_pct: -10.0,
                elasticity: -2.0,
            },
        },
    ];
    let frame = table::forecast_frame(&results.series, &[0], &scenarios, results.scenario_basis())
        .expect("frame");
    let value_of = |line: &str| -> f64 {
        let at = frame
            .column("line")
            .expect("line")
            .str()
            .expect("text")
            .iter()
            .position(|l| l == Some(line))
            .expect(line);
        frame
            .column("value")
            .expect("value")
            .f64()
            .expect("f64")
            .get(at)
            .expect("value")
    };
    // 20 responders add 20 orders (not 20 × 80 of money) to the first period.
    assert_eq!(value_of("Mailing"), 120.0);
    // 10 % cheaper, elasticity -2: orders × 0.9^-2 = 123.46 (revenue would be 111.11).
    assert_eq!(value_of("Cheaper"), 123.46);
}

#[test]
fn the_export_table_follows_the_order_shown() {
    let series = vec![
        naive_result("a", (1..=20).map(f64::from).collect(), 3),
        naive_result("b", vec![2.0 / 3.0; 20], 3),
    ];
    let frame = table::forecast_frame(&series, &[1, 0], &[], Basis::REVENUE).expect("frame");
    let names = frame
        .column("series")
        .and_then(|c| c.str().cloned())
        .expect("series");
    let names: Vec<&str> = names.iter().flatten().collect();
    assert_eq!(names, ["b", "b", "b", "a", "a", "a"]);
    let values: Vec<f64> = frame
        .column("value")
        .and_then(|c| c.f64().cloned())
        .expect("values")
        .into_no_null_iter()
        .collect();
    assert_eq!(values[0], 0.67, "2/3 as the screen shows it");
    assert_eq!(values[3], 20.0);
}

#[test]
fn a_forecast_per_segment_is_keyed_by_the_language_of_its_series_names_and_a_shop_one_is_not() {
    use crate::i18n::Language;
    let per_segment = ForecastRunParams {
        by: SeriesBy::Segment,
        ..ForecastRunParams::default()
    };
    let inputs =
        |params: &ForecastRunParams, language| Forecast::inputs(params, 3, Some(7), language);
    assert_ne!(
        inputs(&per_segment, Language::English),
        inputs(&per_segment, Language::Chinese),
        "segment names are in the series: a switch runs it again"
    );
    let shop = ForecastRunParams::default();
    assert_eq!(shop.by, SeriesBy::Shop);
    assert_eq!(
        inputs(&shop, Language::English),
        inputs(&shop, Language::Chinese),
        "nothing worded in a shop forecast's data: a switch keeps it"
    );
}

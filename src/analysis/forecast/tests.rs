//! Series building on small frames; model choice, season recovery and interval
//! coverage on generated series with planted structure; the sample shop's calendar.

use chrono::{Datelike, NaiveDate, Weekday};
use polars::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::backtest::ranked;
use super::metrics::{accuracy, mase_scale};
use super::models::predict;
use super::*;
use crate::jobs::Progress;

fn ts(values: &[&str]) -> Column {
    Column::new("ts_text".into(), values)
        .str()
        .expect("text")
        .as_datetime(
            Some("%Y-%m-%d %H:%M"),
            TimeUnit::Milliseconds,
            false,
            false,
            None,
            &StringChunked::from_iter(std::iter::once(Some("raise"))),
        )
        .expect("parse")
        .into_column()
        .with_name("ts".into())
}

/// Mon 2024-01-01 .. Wed 2024-01-10, with a gap on 01-03 and 01-04.
fn lines() -> DataFrame {
    last_line_on("2024-01-10 08:00")
}

/// [`lines`] with its last line on `last` ("YYYY-MM-DD HH:MM").
fn last_line_on(last: &str) -> DataFrame {
    let mut df = df! {
        "customer_id" => ["c1", "c1", "c2", "c3", "c2", "c1", "c3"],
        "order_id" => ["o1", "o1", "o2", "o3", "o4", "o5", "o6"],
        "item_id" => ["a", "b", "a", "b", "a", "b", "a"],
        "category" => [Some("x"), Some("y"), Some("x"), Some("y"), None, Some("y"), Some("x")],
        "quantity" => [1.0, 2.0, 1.0, 3.0, 1.0, 1.0, 2.0],
        "amount" => [10.0, 20.0, 10.0, 30.0, 10.0, 10.0, 20.0],
        "is_return" => [false, false, false, false, false, true, false],
        "is_cancelled" => [false, false, false, false, true, false, false],
    }
    .expect("frame");
    df.with_column(ts(&[
        "2024-01-01 10:00",
        "2024-01-01 10:00",
        "2024-01-02 09:00",
        "2024-01-05 12:00",
        "2024-01-08 13:00",
        "2024-01-09 08:00",
        last,
    ]))
    .expect("ts");
    df
}

#[test]
fn daily_revenue_fills_gaps_with_zero() {
    let series =
        series_from_lines(&lines(), Measure::Revenue, Freq::Day, SeriesBy::Shop).expect("series");
    assert_eq!(series.len(), 1);
    let s = &series[0];
    // 01-08 is cancelled (0), 01-09 a return of 10 (-10).
    assert_eq!(
        s.values,
        vec![30.0, 10.0, 0.0, 0.0, 30.0, 0.0, 0.0, 0.0, -10.0, 20.0]
    );
    assert_eq!(s.period(0), NaiveDate::from_ymd_opt(2024, 1, 1));
    assert_eq!(s.dropped_partial, None);
}

#[test]
fn a_kept_placeholder_date_is_refused_before_a_series_of_millions_of_days() {
    let far = last_line_on("9999-12-31 08:00");
    for freq in [Freq::Day, Freq::Week, Freq::Month] {
        let error = series_from_lines(&far, Measure::Revenue, freq, SeriesBy::Shop)
            .expect_err("a span of 8,000 years is refused")
            .to_string();
        assert!(error.contains("from 2024-01-"), "{error}");
        assert!(error.contains("to 9999-12-"), "{error}");
        assert!(error.contains("Keep far dates"), "{error}");
        let (unit, coarser) = match freq {
            Freq::Day => ("days", ", or forecast by week or month"),
            Freq::Week => ("weeks", ", or forecast by month"),
            Freq::Month => ("months", ""),
        };
        // The catalogue's text, word for word as the command line printed it before.
        let tail = format!(
            " {unit}, more than the 20,000 periods a forecast follows. Dates that far apart \
             are usually placeholders such as 9999-12-31 kept with \"Keep far dates\": read \
             the file again without it (Data tab, \"Change how it is read\"; on the command \
             line, leave out --keep-far-dates){coarser}."
        );
        assert!(
            error.starts_with("order lines: the dates run from 2024-01-"),
            "{error}"
        );
        assert!(error.ends_with(&tail), "{error}");
    }
    // 20,000 days (55 years) is still a series.
    let long = last_line_on("2078-10-03 08:00");
    let series =
        series_from_lines(&long, Measure::Revenue, Freq::Day, SeriesBy::Shop).expect("series");
    assert_eq!(series[0].values.len(), super::series::MAX_PERIODS);
}

#[test]
fn weekly_series_drop_the_partial_last_week() {
    let orders =
        series_from_lines(&lines(), Measure::Orders, Freq::Week, SeriesBy::Shop).expect("series");
    // Week of 01-01: o1, o2, o3; week of 01-08 ends on Sunday 01-14 after the
    // last order day (Wednesday 01-10): dropped and flagged.
    assert_eq!(orders[0].values, vec![3.0]);
    assert_eq!(
        orders[0].dropped_partial,
        NaiveDate::from_ymd_opt(2024, 1, 8)
    );
    let units =
        series_from_lines(&lines(), Measure::Units, Freq::Week, SeriesBy::Shop).expect("units");
    assert_eq!(units[0].values, vec![7.0]);
    let active = series_from_lines(
        &lines(),
        Measure::ActiveCustomers,
        Freq::Day,
        SeriesBy::Shop,
    )
    .expect("active");
    assert_eq!(active[0].values[0], 1.0);
    assert_eq!(active[0].values[9], 1.0);
}

#[test]
fn per_category_and_top_items() {
    let by_category = series_from_lines(&lines(), Measure::Revenue, Freq::Day, SeriesBy::Category)
        .expect("categories");
    let names: Vec<&str> = by_category.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["(none)", "x", "y"]);
    assert_eq!(by_category[1].values[0], 10.0);
    assert_eq!(by_category[2].values[4], 30.0);
    assert!(by_category.iter().all(|s| s.values.len() == 10));
    // Net revenue: a 10 + 10 + 0 (cancelled) + 20 = 40, b 20 + 30 - 10 = 40: the
    // tie goes to the smaller item id, so the top 1 is "a".
    let top = series_from_lines(&lines(), Measure::Revenue, Freq::Day, SeriesBy::TopItems(1))
        .expect("items");
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].name, "a");
}

#[test]
fn orders_without_money_forecast_orders_and_refuse_revenue_by_name() {
    let unpriced = lines().drop("amount").expect("drop");
    let error = series_from_lines(&unpriced, Measure::Revenue, Freq::Day, SeriesBy::Shop)
        .expect_err("revenue needs money")
        .to_string();
    assert!(
        error.contains("revenue forecast needs a price or amount"),
        "{error}"
    );
    let orders = series_from_lines(&unpriced, Measure::Orders, Freq::Day, SeriesBy::Shop)
        .expect("orders need no money");
    // o1, o2, o3 and o6; o4 is cancelled and o5 a return.
    let expected = vec![1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0];
    assert_eq!(orders[0].values, expected);
    // Without order ids an order is a customer's purchase day: the same here.
    let no_ids = unpriced.drop("order_id").expect("drop");
    let days = series_from_lines(&no_ids, Measure::Orders, Freq::Day, SeriesBy::Shop)
        .expect("customer days");
    assert_eq!(days[0].values, expected);
    // Top items by purchase lines: a three (one more is cancelled), b two.
    let top = series_from_lines(&unpriced, Measure::Units, Freq::Day, SeriesBy::TopItems(1))
        .expect("top items without money");
    assert_eq!(top[0].name, "a");
}

#[test]
fn per_segment_series_name_each_segment_and_sum_to_the_shop() {
    // c1 is in "Loyal", c2 in "New"; c3 has no segment and lands in "(none)".
    let ids = ["c1".to_string(), "c2".to_string()];
    let names = ["Loyal".to_string(), "New".to_string()];
    let segmented = with_segments(&lines(), &ids, &names).expect("segments");
    assert_eq!(segmented.height(), 7, "every line kept");
    let by_segment = series_from_lines(&segmented, Measure::Revenue, Freq::Day, SeriesBy::Segment)
        .expect("segments");
    let found: Vec<&str> = by_segment.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(found, ["(none)", "Loyal", "New"]);
    // c3: 30 on 01-05 and 20 on 01-10; c1: 30 on 01-01 and the -10 return on 01-09;
    // c2: 10 on 01-02 and a cancelled line (0) on 01-08.
    assert_eq!(by_segment[0].values[4], 30.0);
    assert_eq!(by_segment[0].values[9], 20.0);
    assert_eq!(by_segment[1].values[0], 30.0);
    assert_eq!(by_segment[1].values[8], -10.0);
    assert_eq!(by_segment[2].values[1], 10.0);
    let shop =
        series_from_lines(&segmented, Measure::Revenue, Freq::Day, SeriesBy::Shop).expect("shop");
    for (day, total) in shop[0].values.iter().enumerate() {
        let sum: f64 = by_segment.iter().map(|s| s.values[day]).sum();
        assert_eq!(sum, *total, "day {day}");
    }
    let plain = series_from_lines(&lines(), Measure::Revenue, Freq::Day, SeriesBy::Segment);
    assert!(plain.is_err(), "no segment column: a clear error");
    assert!(with_segments(&lines(), &ids, &names[..1]).is_err());
}

#[test]
fn aggregated_table_is_a_series_as_it_is() {
    let dates = Column::new(
        "month".into(),
        [
            NaiveDate::from_ymd_opt(2024, 1, 1),
            NaiveDate::from_ymd_opt(2024, 3, 15),
            NaiveDate::from_ymd_opt(2024, 3, 20),
        ],
    );
    let frame = DataFrame::new(3, vec![dates, Column::new("sales".into(), [5.0, 7.0, 1.0])])
        .expect("frame");
    let s = series_from_frame(&frame, "month", "sales", Freq::Month).expect("series");
    assert_eq!(s.values, vec![5.0, 0.0, 8.0]);
    assert!(series_from_frame(&frame, "date", "sales", Freq::Month).is_err());
}

pub(super) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u: f64 = rng.random_range(f64::EPSILON..1.0);
    let v: f64 = rng.random();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

const WEEK: [f64; 7] = [0.0, -5.0, -8.0, -3.0, 4.0, 18.0, 14.0];

/// 52 weeks of days: level 100, +0.1 a day, a weekly pattern and noise σ 3.
fn weekly_series(seed: u64) -> TimeSeries {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let values = (0..364)
        .map(|t| 100.0 + 0.1 * t as f64 + WEEK[t % 7] + 3.0 * normal(&mut rng))
        .collect();
    TimeSeries {
        name: "generated".into(),
        freq: Freq::Day,
        start: Freq::Day.index_of(NaiveDate::from_ymd_opt(2024, 1, 1).expect("date")),
        values,
        dropped_partial: None,
    }
}

#[test]
fn auto_choice_beats_naive_and_recovers_the_weekly_season() {
    let series = weekly_series(7);
    let params = ForecastParams {
        horizon: 14,
        holdout: 28,
        ..ForecastParams::default()
    };
    let result = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
    assert_eq!(result.candidates.len(), ModelKind::ALL.len());
    let chosen = result.holdout.expect("holdout scored").mase;
    let n = series.values.len();
    let train = &series.values[..n - 28];
    let naive = predict(ModelKind::Naive, train, 7, &[7], 28).expect("naive");
    let naive_mase = accuracy(&series.values[n - 28..], &naive.point, mase_scale(train, 7)).mase;
    assert!(
        chosen < 0.6 * naive_mase,
        "chosen {chosen} vs naive {naive_mase}"
    );
    assert!(result.model != ModelKind::Naive && result.model != ModelKind::EtsSimple);
    // The forecast's weekday profile matches the planted one (both minus their week's
    // mean; the trend adds 0.1 a day), within 1 noise σ and with correlation > 0.95.
    let planted_mean = WEEK.iter().sum::<f64>() / 7.0;
    for week in result.forecast.point.chunks(7) {
        let mean = week.iter().sum::<f64>() / 7.0;
        let found: Vec<f64> = week.iter().map(|v| v - mean).collect();
        let planted: Vec<f64> = (0..7)
            .map(|h| WEEK[(n + h) % 7] - planted_mean + 0.1 * (h as f64 - 3.0))
            .collect();
        for (f, p) in found.iter().zip(&planted) {
            assert!((f - p).abs() < 3.0, "found {found:?}, planted {planted:?}");
        }
        let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
        let correlation =
            dot(&found, &planted) / (dot(&found, &found) * dot(&planted, &planted)).sqrt();
        assert!(correlation > 0.95, "correlation {correlation}");
    }
}

#[test]
fn backtest_fold_forecasts_cover_the_held_out_ranges() {
    let series = weekly_series(3);
    let n = series.values.len();
    let params = ForecastParams {
        horizon: 10,
        holdout: 20,
        folds: 3,
        ..ForecastParams::default()
    };
    let result = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
    // The backtest runs on the 344 periods before the holdout: folds at 314, 324, 334.
    let folds = result.backtest_folds();
    let origins: Vec<usize> = folds.iter().map(|f| f.origin).collect();
    assert_eq!(origins, [n - 50, n - 40, n - 30]);
    for fold in folds {
        assert_eq!(fold.forecast.point.len(), 10);
        assert_eq!(fold.forecast.hi95.len(), 10);
    }
    // Each fold is the model (or the fold's combination members) trained on the
    // history before its origin.
    for fold in folds {
        let refit = |m: ModelKind| predict(m, &series.values[..fold.origin], 7, &[7], 10);
        let again = match result.model {
            ModelKind::Combination => {
                let members: Vec<PointForecast> = fold
                    .members
                    .iter()
                    .map(|m| refit(*m).expect("member"))
                    .collect();
                combination::mean_of(&members.iter().collect::<Vec<_>>())
            }
            model => refit(model).expect("refit"),
        };
        assert_eq!(again.point, fold.forecast.point);
    }
    // Every candidate that ran keeps its folds; the naive one repeats the last value.
    let naive = result
        .candidates
        .iter()
        .find(|c| c.model == ModelKind::Naive)
        .expect("naive candidate");
    for fold in &naive.folds {
        let last = series.values[fold.origin - 1];
        assert!(fold.forecast.point.iter().all(|v| *v == last));
    }
}

#[test]
fn intervals_cover_about_their_nominal_share() {
    let mut inside80 = 0usize;
    let mut inside95 = 0usize;
    let mut total = 0usize;
    for seed in 0..60 {
        let series = weekly_series(100 + seed);
        let n = series.values.len();
        let train = &series.values[..n - 7];
        let f = predict(ModelKind::HoltWintersAdditive, train, 7, &[7], 7).expect("hw");
        for (h, actual) in series.values[n - 7..].iter().enumerate() {
            inside80 += usize::from(f.lo80[h] <= *actual && *actual <= f.hi80[h]);
            inside95 += usize::from(f.lo95[h] <= *actual && *actual <= f.hi95[h]);
            total += 1;
        }
    }
    let share80 = inside80 as f64 / total as f64;
    let share95 = inside95 as f64 / total as f64;
    assert!(
        (0.72..=0.9).contains(&share80),
        "80 % interval covers {share80}"
    );
    assert!(
        (0.9..=0.99).contains(&share95),
        "95 % interval covers {share95}"
    );
}

#[test]
fn many_series_in_parallel_and_cancel() {
    let series: Vec<TimeSeries> = (0..4).map(weekly_series).collect();
    let params = ForecastParams {
        horizon: 7,
        choice: ModelChoice::Ets,
        ..ForecastParams::default()
    };
    let progress = Progress::detached();
    let results = forecast_many(&series, &params, &progress).expect("forecasts");
    assert_eq!(results.len(), 4);
    assert!(
        results
            .iter()
            .all(|r| r.as_ref().is_ok_and(|f| f.forecast.point.len() == 7))
    );
    assert_eq!(progress.snapshot().done, 4);
    let cancelled = Progress::detached();
    cancelled.cancel();
    assert!(matches!(
        forecast_many(&series, &params, &cancelled),
        Err(crate::analysis::AnalysisError::Cancelled)
    ));
    let short = TimeSeries {
        values: vec![1.0; 10],
        ..weekly_series(1)
    };
    let err = forecast_series(&short, &params, &Progress::detached()).unwrap_err();
    assert!(err.to_string().contains("too short"), "{err}");
}

/// The planted weekend factor from `truth/calendar.csv`: mean Sat/Sun factor over
/// the mean weekday factor, on days without a promotion in `from..=to`.
fn planted_weekend_ratio(from: NaiveDate, to: NaiveDate) -> f64 {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/truth/calendar.csv"
    );
    let text = std::fs::read_to_string(path).expect("calendar.csv");
    let (mut weekend, mut weekday) = (Vec::new(), Vec::new());
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let day = NaiveDate::parse_from_str(cells[0], "%Y-%m-%d").expect("date");
        if day < from || day > to || !cells[3].is_empty() {
            continue;
        }
        let factor: f64 = cells[2].parse().expect("factor");
        match day.weekday() {
            Weekday::Sat | Weekday::Sun => weekend.push(factor),
            _ => weekday.push(factor),
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    mean(&weekend) / mean(&weekday)
}

#[test]
fn sample_shop_orders_forecast_finds_the_planted_weekend() {
    let dir = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"));
    let loaded = crate::cli::load_files(&[dir], &crate::cli::LoadArgs::default()).expect("load");
    let lines = loaded.store.order_lines().expect("lines").expect("orders");
    let mut series = series_from_lines(&lines, Measure::Orders, Freq::Day, SeriesBy::Shop)
        .expect("series")
        .remove(0);
    // Stop before 618 (06-01): four quiet weeks from Monday 05-04 are held out.
    let end = Freq::Day.index_of(NaiveDate::from_ymd_opt(2026, 5, 31).expect("date"));
    series.values.truncate((end - series.start + 1) as usize);
    let params = ForecastParams {
        horizon: 28,
        holdout: 28,
        ..ForecastParams::default()
    };
    let result = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
    let n = series.values.len();
    // Over the backtest folds (not one 28-day window, which is at the mercy of
    // noise), the best single model beats the naive forecast clearly.
    let mase_of = |kind: ModelKind| {
        result
            .candidates
            .iter()
            .find(|c| c.model == kind)
            .map(|c| c.mase)
            .expect("candidate")
    };
    let best = ranked(&result.candidates)
        .into_iter()
        .find(|m| *m != ModelKind::Combination)
        .expect("a single model");
    let (best, naive) = (mase_of(best), mase_of(ModelKind::Naive));
    assert!(
        result.folds >= 3 && best < 0.8 * naive,
        "best {best} vs naive {naive} over {} folds",
        result.folds
    );
    // The forecast used (one model or the combination, by the contest) beats the
    // naive forecast on the held-out weeks too.
    let train = &series.values[..n - 28];
    let naive_held = predict(ModelKind::Naive, train, 7, &[7], 28).expect("naive");
    let naive_held = accuracy(
        &series.values[n - 28..],
        &naive_held.point,
        mase_scale(train, 7),
    );
    let chosen = result.holdout.expect("holdout").mase;
    assert!(
        chosen < 0.8 * naive_held.mase,
        "{chosen} vs naive {}",
        naive_held.mase
    );
    // Weekend over weekday in the held-out forecast ≈ the planted factor (1.3).
    let (mut weekend, mut weekday) = (Vec::new(), Vec::new());
    for (h, value) in result.holdout_forecast.point.iter().enumerate() {
        let day = series.period(n - 28 + h).expect("day");
        match day.weekday() {
            Weekday::Sat | Weekday::Sun => weekend.push(*value),
            _ => weekday.push(*value),
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let found = mean(&weekend) / mean(&weekday);
    let planted = planted_weekend_ratio(
        NaiveDate::from_ymd_opt(2026, 5, 4).expect("date"),
        NaiveDate::from_ymd_opt(2026, 5, 31).expect("date"),
    );
    // The orders themselves show 1.27 on non-promotion days over the history;
    // the forecast's weekly shape measured 1.20.
    assert!(
        (found - planted).abs() < 0.15,
        "found {found}, planted {planted}"
    );
}

#[test]
fn a_model_not_scored_says_how_much_history_it_lacks() {
    // 364 days with a 170-day season: Holt-Winters needs 2 · 170 + 2 = 342 periods,
    // the earliest of 3 folds of 28 days starts after 364 − 84 = 280.
    let series = weekly_series(5);
    let params = ForecastParams {
        horizon: 28,
        folds: 3,
        season: Some(170),
        ..ForecastParams::default()
    };
    let result = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
    let hw = result
        .candidates
        .iter()
        .find(|c| c.model == ModelKind::HoltWintersAdditive)
        .expect("candidate");
    let error = hw.error.as_ref().expect("not scored").text();
    assert!(
        error.contains("needs 342 periods")
            && error.contains("earliest backtest fold has 280")
            && error.contains("the series has 364"),
        "{error}"
    );
    assert!(hw.mase.is_nan() && result.model != ModelKind::HoltWintersAdditive);
}

#[test]
fn folds_too_short_for_the_seasonal_models_are_left_out_when_later_ones_remain() {
    // 36 months of trend and a yearly season. Five folds of 3 months would
    // start after 21, 24, 27, 30 and 33 months; Holt-Winters needs 2 · 12 + 2 =
    // 26, so only the last three run, and the seasonal model competes and wins.
    let season = [
        -20.0, -10.0, 0.0, 5.0, 10.0, 15.0, 5.0, 0.0, -5.0, 10.0, 30.0, -40.0,
    ];
    let series = TimeSeries {
        name: "monthly".into(),
        freq: Freq::Month,
        start: Freq::Month.index_of(NaiveDate::from_ymd_opt(2022, 1, 1).expect("date")),
        values: (0..36)
            .map(|t| 300.0 + 2.5 * t as f64 + season[t % 12])
            .collect(),
        dropped_partial: None,
    };
    let params = ForecastParams {
        horizon: 3,
        folds: 5,
        ..ForecastParams::default()
    };
    let result = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
    assert_eq!(result.folds, 3);
    let hw = result
        .candidates
        .iter()
        .find(|c| c.model == ModelKind::HoltWintersAdditive)
        .expect("candidate");
    assert!(hw.error.is_none() && hw.mase < 0.01, "{hw:?}");
    assert_eq!(result.model, ModelKind::HoltWintersAdditive);
}

#[test]
fn two_years_of_weeks_keep_the_folds_that_hold_a_season() {
    // 104 weeks, a 52-week season: five folds of 12 weeks would start after 44,
    // 56, 68, 80 and 92 weeks. None holds two seasons; the four after the first
    // season run, so seasonal naive and MASE are defined.
    let series = TimeSeries {
        name: "weekly".into(),
        freq: Freq::Week,
        start: Freq::Week.index_of(NaiveDate::from_ymd_opt(2024, 7, 1).expect("date")),
        values: (0..104)
            .map(|t| 100.0 + t as f64 + 20.0 * (t as f64 * std::f64::consts::TAU / 52.0).sin())
            .collect(),
        dropped_partial: None,
    };
    let params = ForecastParams {
        horizon: 12,
        folds: 5,
        ..ForecastParams::default()
    };
    let result = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
    assert_eq!(result.folds, 4);
    let seasonal = result
        .candidates
        .iter()
        .find(|c| c.model == ModelKind::SeasonalNaive)
        .expect("candidate");
    assert!(
        seasonal.error.is_none() && seasonal.mase.is_finite(),
        "{seasonal:?}"
    );
}

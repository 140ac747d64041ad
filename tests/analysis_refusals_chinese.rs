//! The analyses refuse bad inputs in the window's language: in Chinese their
//! refusals read as Chinese sentences (the frame "what：why" included), and in
//! English they stay word for word what the command line and its tests expect.
//!
//! The language is one setting for the whole process, so every assertion lives
//! in one test: nothing else in this binary could switch it halfway.

use chrono::NaiveDate;
use marketbench::analysis::forecast::{
    ForecastParams, Freq, Measure, SeriesBy, TimeSeries, forecast_series, series_from_frame,
    series_from_lines,
};
use marketbench::analysis::lines::polars_failed;
use marketbench::analysis::recommend::evaluate::{EvalParams, Outcome, evaluate};
use marketbench::analysis::recommend::{Event, Interactions, ItemInfo};
use marketbench::analysis::segments::FeatureSet;
use marketbench::data::read::{ReadOptions, read_raw};
use marketbench::i18n::{Language, set_language};
use marketbench::jobs::{JobError, Progress};
use polars::prelude::*;

/// Forty-odd periods short of what a three-fold backtest of six periods needs.
fn short_series() -> TimeSeries {
    TimeSeries {
        name: "shop".into(),
        freq: Freq::Month,
        start: 0,
        values: vec![10.0, 12.0, 11.0, 13.0, 12.0],
        dropped_partial: None,
    }
}

fn forecast_refusal() -> String {
    let params = ForecastParams {
        horizon: 6,
        holdout: 0,
        folds: 3,
        season: None,
        ..ForecastParams::default()
    };
    forecast_series(&short_series(), &params, &Progress::detached())
        .expect_err("too short to backtest")
        .to_string()
}

/// A series table whose last day is a placeholder 8,000 years on.
fn far_series_refusal() -> String {
    let days = [
        NaiveDate::from_ymd_opt(2024, 1, 1).expect("date"),
        NaiveDate::from_ymd_opt(9999, 12, 31).expect("date"),
    ];
    let frame = df!("day" => days, "value" => [1.0, 2.0]).expect("frame");
    series_from_frame(&frame, "day", "value", Freq::Day)
        .expect_err("a span of 8,000 years")
        .to_string()
}

/// Three customers with one purchase each: none has a later one to test on.
fn one_purchase_each() -> Interactions {
    let events = (0..3)
        .map(|c| Event {
            customer: c,
            item: c,
            order: c,
            ts_ms: i64::from(c) * 86_400_000,
            rating: 1.0,
        })
        .collect();
    let items = (0..3)
        .map(|i| ItemInfo {
            id: format!("I{i}"),
            name: format!("item {i}"),
            category: None,
            price: None,
        })
        .collect();
    let names = (0..3).map(|c| format!("C{c}")).collect();
    Interactions::from_parts(names, items, 3, events)
}

/// Order lines with a customer but no date (nor money).
fn undated_lines() -> String {
    let lines = df!("customer_id" => ["C1"]).expect("frame");
    series_from_lines(&lines, Measure::Orders, Freq::Month, SeriesBy::Shop)
        .expect_err("no date column")
        .to_string()
}

/// Dated order lines without a price or an amount, asked for a revenue forecast.
fn unpriced_revenue() -> String {
    let lines = df!("customer_id" => ["C1"], "order_id" => ["O1"]).expect("frame");
    let lines = lines
        .lazy()
        .with_column(
            lit(0i64)
                .cast(DataType::Datetime(TimeUnit::Milliseconds, None))
                .alias("ts"),
        )
        .collect()
        .expect("ts");
    series_from_lines(&lines, Measure::Revenue, Freq::Month, SeriesBy::Shop)
        .expect_err("no money")
        .to_string()
}

/// What a polars failure while finding the last day shows.
fn failed_step() -> String {
    polars_failed("context-last-day")(PolarsError::ComputeError("boom".into())).to_string()
}

/// Opening a folder (named in Chinese, so the file name adds no letters) as a file.
fn folder_refusal(folder: &std::path::Path) -> String {
    read_raw(folder, &ReadOptions::default())
        .err()
        .expect("a folder is no file")
        .to_string()
}

/// Whether `text` has a run of `letters` or more ASCII letters: an English word
/// the catalogue left untranslated (model and split names are shorter or named).
fn has_english_word(text: &str, letters: usize) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(|word| word.len() >= letters)
}

#[test]
fn refusals_follow_the_language_and_english_is_unchanged() {
    set_language(Language::Chinese);

    let features = FeatureSet::new(&[]).expect_err("an empty list").to_string();
    assert_eq!(features, "特征列表：为空；请至少给出一个特征");

    let forecast = forecast_refusal();
    assert!(
        forecast.starts_with("5 个周期的序列：太短，无法回测 6 个周期的预测"),
        "{forecast}"
    );
    assert!(forecast.contains("至少需要 14 个周期"), "{forecast}");
    assert!(!has_english_word(&forecast, 2), "{forecast}");

    // Nobody to test is an outcome the card explains, not a refusal.
    let card = match evaluate(
        &one_purchase_each(),
        &EvalParams::default(),
        &Progress::detached(),
    ) {
        Ok(Outcome::NothingToTest(why)) => why.sentence(),
        other => panic!("nobody to test: {other:?}"),
    };
    assert!(
        !card.contains("customer") && !card.contains("report"),
        "{card}"
    );

    let bad_k = EvalParams {
        k: 0,
        ..EvalParams::default()
    };
    let k = evaluate(&one_purchase_each(), &bad_k, &Progress::detached())
        .expect_err("K = 0")
        .to_string();
    assert_eq!(k, "评估报告：K 至少为 1");

    let far = far_series_refusal();
    assert!(
        far.starts_with("序列表：日期从 2024-01-01 到 9999-12-31：共 "),
        "{far}"
    );
    assert!(
        far.contains(" 天，超过预测能跟踪的 20,000 个周期。"),
        "{far}"
    );
    assert!(far.ends_with("，或改为按周或按月预测。"), "{far}");
    assert!(!far.contains('\n'), "{far}");

    assert_eq!(JobError::Cancelled.to_string(), "已取消");
    let panicked = JobError::Panicked("boom".into()).to_string();
    assert_eq!(panicked, "内部错误（请报告此问题）：boom");

    // Free memory is unknown on some systems; where it is known, no machine has 16 EB.
    if let Some(why) = marketbench::data::memory::shortfall(u64::MAX) {
        assert!(why.starts_with("需要约 "), "{why}");
        assert!(!has_english_word(&why, 3), "{why}");
    }

    let missing = undated_lines();
    assert!(
        missing.starts_with("订单明细中没有日期 / 时间列"),
        "{missing}"
    );
    assert!(!has_english_word(&missing, 1), "{missing}");
    let money = unpriced_revenue();
    assert!(money.starts_with("销售额预测需要单价或金额列"), "{money}");
    assert!(!has_english_word(&money, 1), "{money}");
    // polars' own message stays as the detail after the translated step.
    assert_eq!(failed_step(), "查找最后一天时出错：boom");
    let temp = tempfile::tempdir().expect("a temporary folder");
    let folder = temp.path().join("数据");
    std::fs::create_dir(&folder).expect("a folder");
    let parse = folder_refusal(&folder);
    assert!(parse.starts_with("数据：这是一个文件夹"), "{parse}");
    assert!(!has_english_word(&parse, 1), "{parse}");

    set_language(Language::English);
    assert_eq!(
        FeatureSet::new(&[]).expect_err("an empty list").to_string(),
        "the feature list: is empty; give at least one feature"
    );
    assert_eq!(
        forecast_refusal(),
        "a series of 5 periods: is too short to backtest a 6-period horizon: it needs at \
         least 14 periods; shorten the horizon or use a finer frequency"
    );
    assert_eq!(
        JobError::Panicked("boom".into()).to_string(),
        "internal error (please report it): boom"
    );
    assert_eq!(JobError::Cancelled.to_string(), "cancelled");
    assert_eq!(
        undated_lines(),
        "the order lines have no date / time column; map a column to date / time when loading"
    );
    assert!(
        unpriced_revenue().starts_with("a revenue forecast needs a price or amount column"),
        "{}",
        unpriced_revenue()
    );
    assert_eq!(failed_step(), "finding the last day: boom");
    assert!(
        folder_refusal(&folder).starts_with("数据: this is a folder: open the data files"),
        "{}",
        folder_refusal(&folder)
    );
}

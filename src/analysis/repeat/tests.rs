//! Tests of repeat behaviour on small hand-computed frames.

use super::*;
use crate::analysis::lines::with_ms_ts;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("day")
}

/// a: orders on Mon 1 Jan (two lines), Thu 4 Jan and Wed 24 Jan. b: Tue 2 Jan,
/// a return on 9 Jan, Mon 12 Feb. c: one order on 10 Jan. d: a cancelled line.
fn lines() -> DataFrame {
    let rows = [
        (
            "a",
            "o1",
            day(2024, 1, 1),
            "i1",
            "Tea",
            "X",
            10.0,
            false,
            false,
        ),
        (
            "a",
            "o1",
            day(2024, 1, 1),
            "i2",
            "Cup",
            "Y",
            5.0,
            false,
            false,
        ),
        (
            "a",
            "o2",
            day(2024, 1, 4),
            "i1",
            "Tea",
            "X",
            10.0,
            false,
            false,
        ),
        (
            "a",
            "o3",
            day(2024, 1, 24),
            "i1",
            "Tea",
            "X",
            10.0,
            false,
            false,
        ),
        (
            "b",
            "o4",
            day(2024, 1, 2),
            "i2",
            "Cup",
            "Y",
            5.0,
            false,
            false,
        ),
        (
            "b",
            "r1",
            day(2024, 1, 9),
            "i2",
            "Cup",
            "Y",
            -5.0,
            true,
            false,
        ),
        (
            "b",
            "o5",
            day(2024, 2, 12),
            "i1",
            "Tea",
            "X",
            10.0,
            false,
            false,
        ),
        (
            "c",
            "o6",
            day(2024, 1, 10),
            "i3",
            "Pot",
            "Z",
            100.0,
            false,
            false,
        ),
        (
            "d",
            "o7",
            day(2024, 1, 3),
            "i1",
            "Tea",
            "X",
            10.0,
            false,
            true,
        ),
    ];
    let ts: Vec<i64> = rows
        .iter()
        .map(|r| {
            r.2.and_hms_opt(9, 30, 0)
                .expect("time")
                .and_utc()
                .timestamp_millis()
        })
        .collect();
    let df = df! {
        "customer_id" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "order_id" => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "item_id" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        "item_name" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        "category" => rows.iter().map(|r| r.5).collect::<Vec<_>>(),
        "amount" => rows.iter().map(|r| r.6).collect::<Vec<_>>(),
        "is_return" => rows.iter().map(|r| r.7).collect::<Vec<_>>(),
        "is_cancelled" => rows.iter().map(|r| r.8).collect::<Vec<_>>(),
    }
    .expect("frame");
    with_ms_ts(df, ts)
}

fn keys(entries: &[TopEntry]) -> Vec<(&str, f64, u64)> {
    entries
        .iter()
        .map(|e| (e.key.as_str(), e.revenue, e.buyers))
        .collect()
}

#[test]
fn gaps_one_time_buyers_and_top_lists() {
    let result = repeat(&lines(), &RepeatParams::default(), &Progress::detached()).expect("repeat");
    // Gaps: a 3 and 20 days, b 41 days (the return day is no purchase day).
    let gaps: Vec<u64> = result.gap_bins.iter().map(|b| b.gaps).collect();
    assert_eq!(gaps, [1, 0, 1, 1, 0, 0, 0, 0]);
    assert_eq!(result.gap_bins[2].from_days, 15);
    assert_eq!(result.gap_bins[2].to_days, Some(31));
    assert_eq!(result.gap_bins[7].to_days, None);
    assert_eq!(result.median_gap_days, Some(20.0));
    assert_eq!((result.customers, result.one_time_buyers), (3, 1));
    assert!((result.one_time_share - 1.0 / 3.0).abs() < 1e-12);
    // Tea: 3 × 10 by a + 10 by b (d's line is cancelled); Cup: 5 + 5 − 5.
    assert_eq!(
        keys(&result.top_products_by_revenue),
        [("i3", 100.0, 1), ("i1", 40.0, 2), ("i2", 5.0, 2)]
    );
    assert_eq!(
        keys(&result.top_products_by_buyers),
        [("i1", 40.0, 2), ("i2", 5.0, 2), ("i3", 100.0, 1)]
    );
    assert_eq!(
        result.top_products_by_revenue[0].name.as_deref(),
        Some("Pot")
    );
    assert_eq!(
        keys(&result.top_categories_by_buyers),
        [("X", 40.0, 2), ("Y", 5.0, 2), ("Z", 100.0, 1)]
    );
    assert_eq!(result.top_categories_by_revenue[0].name, None);
}

#[test]
fn trends_list_every_week_and_month_with_zeros_between() {
    for df in [lines(), lines().drop("order_id").expect("drop")] {
        let result = repeat(&df, &RepeatParams::default(), &Progress::detached()).expect("repeat");
        let weekly: Vec<(NaiveDate, f64, u64)> = result
            .weekly
            .iter()
            .map(|p| (p.start, p.revenue, p.orders))
            .collect();
        assert_eq!(
            weekly,
            [
                (day(2024, 1, 1), 30.0, 3),
                (day(2024, 1, 8), 95.0, 1),
                (day(2024, 1, 15), 0.0, 0),
                (day(2024, 1, 22), 10.0, 1),
                (day(2024, 1, 29), 0.0, 0),
                (day(2024, 2, 5), 0.0, 0),
            ]
        );
        // The data ends on Monday 2024-02-12: that week and February are incomplete.
        assert_eq!(result.last_day, Some(day(2024, 2, 12)));
        assert_eq!(result.partial_week, Some(day(2024, 2, 12)));
        assert_eq!(result.partial_month, Some(day(2024, 2, 1)));
        let monthly: Vec<(NaiveDate, f64, u64)> = result
            .monthly
            .iter()
            .map(|p| (p.start, p.revenue, p.orders))
            .collect();
        assert_eq!(monthly, [(day(2024, 1, 1), 135.0, 5)]);
    }
}

#[test]
fn bad_bins_and_cancelling_stop_before_work() {
    let params = RepeatParams {
        gap_edges_days: vec![7, 3],
        top_n: 10,
    };
    assert!(repeat(&lines(), &params, &Progress::detached()).is_err());
    let progress = Progress::detached();
    progress.cancel();
    let result = repeat(&lines(), &RepeatParams::default(), &progress);
    assert!(matches!(result, Err(AnalysisError::Cancelled)));
}

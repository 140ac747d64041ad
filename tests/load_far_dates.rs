//! Placeholder dates among real orders (9999-12-31, 1900-01-01, 1970-01-01):
//! dropped and reported with their rows unless the operator keeps them, so the
//! analysis date and recency come from the real orders.

mod common;

use std::fmt::Write as _;

use common::cli::{json_of, marketbench};
use marketbench::data::{FileKind, LoadOptions, ProblemKind};

/// 40 orders over 2025–2026 (customers C0..C9), then three placeholder rows.
fn orders_with_placeholders() -> String {
    let mut text = String::from("order_id,customer_id,order_time,amount\n");
    for n in 0..40 {
        let _ = writeln!(
            text,
            "O{n:03},C{},2025-{:02}-{:02} 12:00:00,{}.50",
            n % 10,
            n % 12 + 1,
            n % 28 + 1,
            10 + n
        );
    }
    for (n, date) in ["9999-12-31", "1900-01-01", "1970-01-01"]
        .iter()
        .enumerate()
    {
        let _ = writeln!(text, "P{n},C{n},{date} 00:00:00,99.00");
    }
    text
}

#[test]
fn placeholder_dates_are_dropped_with_their_rows_and_can_be_kept() {
    let folder = tempfile::tempdir().expect("dir");
    let path = folder.path().join("orders.csv");
    std::fs::write(&path, orders_with_placeholders()).expect("write");
    let inspection = marketbench::data::inspect(&path, None).expect("inspect");
    let options = LoadOptions::from_inspection(&inspection);
    assert_eq!(options.kind, FileKind::Orders);
    let progress = marketbench::jobs::Progress::detached();

    let table = marketbench::data::load(&path, &options, &progress).expect("loads");

    assert_eq!(table.report.rows_kept, 40);
    let far = table
        .report
        .problem(ProblemKind::FarDate)
        .expect("reported");
    assert_eq!(far.count, 3);
    let rows: Vec<(usize, &str)> = far
        .examples
        .iter()
        .map(|e| (e.row, e.value.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (41, "9999-12-31 00:00:00"),
            (42, "1900-01-01 00:00:00"),
            (43, "1970-01-01 00:00:00")
        ]
    );
    assert!(far.hint.text().contains("--keep-far-dates"));

    let keep = LoadOptions {
        keep_far_dates: true,
        ..options
    };
    let kept = marketbench::data::load(&path, &keep, &progress).expect("loads");
    assert_eq!(kept.report.rows_kept, 43);
    assert!(kept.report.problem(ProblemKind::FarDate).is_none());
}

#[test]
fn rfm_measures_at_the_real_last_order_not_the_placeholder() {
    let folder = tempfile::tempdir().expect("dir");
    let path = folder.path().join("orders.csv");
    std::fs::write(&path, orders_with_placeholders()).expect("write");
    let path = path.to_str().expect("utf-8 path");

    let rfm = json_of(&marketbench(&["rfm", path, "--json"]));
    // The last real order is 2025-12-24 (n = 23): measured the day after.
    assert_eq!(rfm["analysis_date"], "2025-12-25");
    assert_eq!(rfm["customers"].as_u64(), Some(10));

    // Kept on purpose, the placeholder moves the analysis date past year 9999.
    let kept = json_of(&marketbench(&["rfm", path, "--keep-far-dates", "--json"]));
    let date = kept["analysis_date"].as_str().expect("date");
    assert!(date.contains("10000-01-01"), "{date}");
}

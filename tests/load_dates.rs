//! Dates on load: the operator's format, detection over the whole column, notes on
//! ambiguity, and errors that name the row and suggest the other day/month order.

use std::path::Path;

use marketbench::data::load::table_from_frame;
use marketbench::data::{DataError, DateFormat, FileKind, LoadOptions, ProblemKind, Role, Table};
use marketbench::jobs::Progress;
use polars::prelude::*;

/// Loads orders with one line per date (customers a, b, c, …) in `format`
/// (None: detect).
fn dated_orders(dates: &[&str], format: Option<DateFormat>) -> Result<Table, DataError> {
    let customers: Vec<String> = (0..dates.len()).map(|i| format!("c{i}")).collect();
    let paid: Vec<f64> = (0..dates.len()).map(|i| i as f64 + 1.0).collect();
    let frame = df![
        "customer" => customers,
        "date" => dates,
        "paid" => paid,
    ]
    .expect("frame");
    let options = LoadOptions {
        kind: FileKind::Orders,
        mapping: [
            (Role::CustomerId, "customer".to_string()),
            (Role::Timestamp, "date".to_string()),
            (Role::Amount, "paid".to_string()),
        ]
        .into_iter()
        .collect(),
        date_format: format,
        sheet: None,
        keep_far_dates: false,
    };
    table_from_frame(
        frame,
        Path::new("/shop/orders.csv"),
        &options,
        &Progress::detached(),
    )
}

/// The loaded dates as `yyyy-mm-dd` text.
fn days(table: &Table) -> Vec<Option<String>> {
    let text = table
        .frame
        .column("ts")
        .expect("ts")
        .cast(&DataType::Date)
        .expect("date")
        .cast(&DataType::String)
        .expect("text");
    text.str()
        .expect("str")
        .iter()
        .map(|d| d.map(str::to_string))
        .collect()
}

#[test]
fn no_readable_date_is_an_error_naming_the_first_row() {
    let error = dated_orders(&["03/31/2024", "04/30/2024"], Some(DateFormat::DayFirst))
        .expect_err("no date reads");
    match &error {
        DataError::BadValue {
            row, column, value, ..
        } => {
            assert_eq!(
                (*row, column.as_str(), value.as_str()),
                (1, "date", "03/31/2024")
            );
        }
        other => panic!("expected BadValue, got {other:?}"),
    }
    let message = error.to_string();
    assert!(message.contains("row 1"), "{message}");
    assert!(message.contains("--date-format"), "{message}");
    assert!(message.contains("month first"), "{message}");
}

#[test]
fn undetectable_dates_are_an_error_too() {
    let error = dated_orders(&["soon", "later"], None).expect_err("no format");
    assert!(
        matches!(error, DataError::BadValue { row: 1, .. }),
        "{error}"
    );
}

#[test]
fn wrong_day_month_order_hints_at_the_other_one() {
    let table = dated_orders(
        &["03/05/2024", "03/13/2024", "04/14/2024"],
        Some(DateFormat::DayFirst),
    )
    .expect("one row reads");
    let problem = table
        .report
        .problem(ProblemKind::UnparseableDate)
        .expect("dates");
    let rows: Vec<usize> = problem.examples.iter().map(|e| e.row).collect();
    assert_eq!((problem.count, rows), (2, vec![2, 3]));
    assert!(
        problem.hint.text().contains("month first"),
        "{}",
        problem.hint
    );
    assert_eq!(days(&table)[0].as_deref(), Some("2024-05-03"));
}

#[test]
fn ambiguous_detected_dates_are_noted() {
    let table = dated_orders(&["05/03/2024", "06/03/2024"], None).expect("loads");
    let note = table
        .report
        .notes
        .iter()
        .find(|n| n.text().contains("day first"))
        .expect("a date note");
    assert!(note.text().contains("12 or less"), "{note}");
}

#[test]
fn one_late_day_above_twelve_settles_the_order_for_every_row() {
    let table = dated_orders(&["05/03/2024", "06/03/2024", "03/25/2024"], None).expect("loads");
    let shown = days(&table);
    assert_eq!(shown[0].as_deref(), Some("2024-05-03"), "month first");
    assert_eq!(shown[2].as_deref(), Some("2024-03-25"));
}

#[test]
fn a_sample_too_ambiguous_to_tell_is_settled_by_the_whole_file() {
    // The first 1,500 rows have days of 12 or less; row 1,501 is the 25th of March.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("orders.csv");
    let mut text = String::from("customer,date,paid\n");
    for i in 0..1_500 {
        text.push_str(&format!("c{i},05/03/2024,1\n"));
    }
    text.push_str("late,25/03/2024,1\n");
    std::fs::write(&path, text).expect("write");

    let inspection = marketbench::data::inspect(&path, None).expect("inspect");
    assert!(inspection.date.as_ref().expect("a date guess").ambiguous);
    let options = LoadOptions::from_inspection(&inspection);
    assert_eq!(options.date_format, None, "left to the load");
    let table = marketbench::data::load(&path, &options, &Progress::detached()).expect("load");
    let shown = days(&table);
    assert_eq!(
        shown[0].as_deref(),
        Some("2024-03-05"),
        "day first, as row 1,501 shows"
    );
    assert_eq!(shown[1_500].as_deref(), Some("2024-03-25"));
}

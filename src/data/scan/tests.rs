//! A streamed file gives the loaded file's numbers: generated orders with
//! returns, cancellations, exact duplicates, untrimmed ids, an unreadable price
//! and placeholder dates, as CSV and as Parquet, in one part and in several.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::*;
use crate::analysis::customers::customer_table;
use crate::analysis::forecast::SeriesBy;
use crate::analysis::forecast::series::series_from_lines;
use crate::analysis::segments::{FeatureSet, customer_features, customer_features_of_table};
use crate::data::{Store, inspect, load};
use crate::jobs::Progress;

/// Order lines over two years (a planted mix of everything the loader cleans).
fn orders_csv(dir: &Path) -> PathBuf {
    let mut seed: u64 = 42;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let mut rows =
        vec!["order_id,customer_id,order_date,sku,quantity,unit_price,status".to_string()];
    for order in 0..1500 {
        let customer = next(200);
        let day = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).expect("day")
            + chrono::Days::new(next(700));
        let status = match next(20) {
            0 => "Cancelled",
            1 => "退款",
            _ => "paid",
        };
        for _ in 0..=next(3) {
            let quantity = if next(15) == 0 {
                -1
            } else {
                1 + next(3) as i64
            };
            let line = format!(
                // Quarter prices: every sum is exact in binary, so the order in
                // which the engines add them cannot change a figure.
                "O{order},{}C{customer:03}{},{day} 1{}:30:00,S{},{quantity},\"{}.{:02}\",{status}",
                if customer % 7 == 0 { " " } else { "" },
                if customer % 11 == 0 { " " } else { "" },
                next(9),
                next(40),
                5 + next(200),
                next(4) * 25
            );
            rows.push(line.clone());
            // Exact copies of a line, later in the file.
            if next(25) == 0 {
                rows.push(line);
            }
        }
    }
    rows.push("O9001,C001,1900-01-01 00:00:00,S1,1,10.00,paid".into());
    rows.push("O9002,C002,9999-12-31 00:00:00,S1,1,10.00,paid".into());
    rows.push("O9003,C003,2024-05-01 10:00:00,S1,1,abc,paid".into());
    rows.push("O9004,C004,not a date,S1,1,10.00,paid".into());
    let path = dir.join("orders.csv");
    std::fs::write(&path, rows.join("\n")).expect("write");
    path
}

fn scan_and_lines(path: &Path) -> (Scan, DataFrame) {
    let inspection = inspect(path, None).expect("inspect");
    let options = LoadOptions::from_inspection(&inspection);
    let table = load(path, &options, &Progress::detached()).expect("load");
    let mut store = Store::default();
    store.insert(table);
    let lines = store.order_lines().expect("lines").expect("orders");
    (Scan::new(&inspection, &options).expect("streamable"), lines)
}

fn assert_same(streamed: &DataFrame, loaded: &DataFrame) {
    assert_eq!(streamed.get_column_names(), loaded.get_column_names());
    assert_eq!(streamed.height(), loaded.height());
    for name in loaded.get_column_names() {
        let (a, b) = (
            streamed.column(name).expect("column"),
            loaded.column(name).expect("column"),
        );
        if !a
            .as_materialized_series()
            .equals_missing(b.as_materialized_series())
        {
            let diff: Vec<String> = (0..a.len())
                .filter(|&i| a.get(i).ok() != b.get(i).ok())
                .take(3)
                .map(|i| format!("{i}: {:?} vs {:?}", a.get(i), b.get(i)))
                .collect();
            panic!("{}: {diff:?}", a.name());
        }
    }
    assert!(
        streamed.equals_missing(loaded),
        "streamed\n{streamed}\nloaded\n{loaded}"
    );
}

fn check(scan: &Scan, lines: &DataFrame) {
    let loaded = customer_table(lines, None).expect("table");
    let streamed = scan.customers(None).expect("scan").expect("purchases");
    assert!(streamed.money);
    assert_eq!(streamed.table.analysis_date, loaded.analysis_date);
    assert_same(&streamed.table.frame, &loaded.frame);
    // At a date inside the history, too.
    let day = chrono::NaiveDate::from_ymd_opt(2024, 2, 1).expect("day");
    let loaded_at = customer_table(lines, Some(day)).expect("table");
    let streamed_at = scan.customers(Some(day)).expect("scan").expect("purchases");
    assert_same(&streamed_at.table.frame, &loaded_at.frame);

    let set = FeatureSet::default();
    let features = customer_features(lines, &set, None, &Progress::detached()).expect("features");
    let of_table = customer_features_of_table(&streamed.table, true, &set).expect("features");
    assert_eq!(of_table.customer_ids, features.customer_ids);
    assert_eq!(of_table.scaled, features.scaled);

    for measure in [Measure::Orders, Measure::Revenue, Measure::ActiveCustomers] {
        let loaded = series_from_lines(lines, measure, Freq::Week, SeriesBy::Shop).expect("series");
        let streamed = scan.series(measure, Freq::Week).expect("series");
        assert_eq!(streamed, loaded, "{measure:?}");
    }
}

#[test]
fn a_streamed_csv_gives_the_loaded_numbers_in_one_part_and_in_three() {
    let dir = tempfile::tempdir().expect("dir");
    let path = orders_csv(dir.path());
    let (scan, lines) = scan_and_lines(&path);
    // The planted cleaning: the placeholder dates, the bad date and the bad
    // price are gone, and so is every later copy.
    let days = lines
        .column("ts")
        .expect("ts")
        .as_materialized_series()
        .clone();
    assert!(days.n_unique().expect("n") > 300);
    assert_eq!(scan.clone().with_passes(1).passes, 1);
    check(&scan.clone().with_passes(1), &lines);
    check(&scan.with_passes(3), &lines);
}

#[test]
fn a_streamed_parquet_file_gives_the_loaded_numbers() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = orders_csv(dir.path());
    let raw = CsvReadOptions::default()
        .with_infer_schema_length(Some(0))
        .try_into_reader_with_file_path(Some(csv))
        .and_then(|r| r.finish())
        .expect("read");
    let path = dir.path().join("orders.parquet");
    let mut raw = raw;
    let file = std::fs::File::create(&path).expect("create");
    ParquetWriter::new(file).finish(&mut raw).expect("parquet");
    let (scan, lines) = scan_and_lines(&path);
    check(&scan, &lines);
}

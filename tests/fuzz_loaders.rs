//! Fuzzing the loaders with proptest: arbitrary bytes and text built from the
//! characters that break parsers (quotes, delimiters, line ends, NUL, GBK and
//! UTF-16 pieces) are read as CSV, TSV, JSON, NDJSON and XLSX; numbers and
//! dates are parsed from arbitrary text. Nothing may panic, and what can be
//! checked is: a number written out reads back the same, a date written in a
//! layout is detected in it and reads back the same day.
//!
//! CI runs the default 256 cases per property; `PROPTEST_CASES=100000 cargo
//! test --release --test fuzz_loaders` runs a long session.

use chrono::NaiveDate;
use marketbench::data::DateFormat;
use marketbench::data::dates::{detect_date_format, parse_dates};
use marketbench::data::load::parse_number;
use marketbench::data::read::{ReadOptions, read_raw};
use polars::prelude::*;
use proptest::prelude::*;

/// Text made of the pieces that break delimited and JSON parsers.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "1",
        "2.5",
        "-",
        ",",
        ";",
        "\t",
        "|",
        "\"",
        "\"\"",
        "\n",
        "\r\n",
        "\r",
        " ",
        "{",
        "}",
        "[",
        "]",
        ":",
        "null",
        "中文",
        "é",
        "\u{0}",
        "\u{feff}",
        "1E+11",
        "2025-01-02",
        "9999-12-31",
        "NaN",
        "#N/A",
        "=1+1",
    ]);
    prop::collection::vec(pieces, 0..200).prop_map(|p| p.concat())
}

/// Reads `bytes` as a file named `name`; the result may be any error, never a panic.
fn read_as(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let _ = read_raw(&path, &ReadOptions::default());
    let sample = ReadOptions {
        max_rows: Some(5),
        ..ReadOptions::default()
    };
    let _ = read_raw(&path, &sample);
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_crash_a_reader(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        for name in ["x.csv", "x.tsv", "x.json", "x.ndjson", "x.txt", "x.xlsx", "x.parquet"] {
            read_as(name, &bytes);
        }
        // A zip header makes the workbook reader try harder.
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend(&bytes);
        read_as("x.xlsx", &zip);
    }

    #[test]
    fn hostile_text_never_crashes_a_reader(text in hostile_text()) {
        for name in ["x.csv", "x.json", "x.ndjson", "x"] {
            read_as(name, text.as_bytes());
        }
        let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
        read_as("gbk.csv", &gbk);
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        read_as("utf16.csv", &utf16);
    }

    #[test]
    fn a_csv_of_quoted_fields_reads_back_every_value(
        rows in prop::collection::vec(prop::collection::vec("[a-z0-9 ,\"\n中]{1,12}", 3), 1..40)
    ) {
        let quote = |v: &String| format!("\"{}\"", v.replace('"', "\"\""));
        let mut text = String::from("a,b,c\n");
        for row in &rows {
            text.push_str(&row.iter().map(quote).collect::<Vec<_>>().join(","));
            text.push('\n');
        }
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("quoted.csv");
        std::fs::write(&path, &text).expect("write");
        let options = ReadOptions {
            text_columns: vec!["a".into(), "b".into(), "c".into()],
            ..ReadOptions::default()
        };
        let raw = read_raw(&path, &options).expect("a well-quoted file reads");
        prop_assert_eq!(raw.frame.height(), rows.len());
        let column = raw.frame.column("b").expect("b");
        let read: Vec<Option<&str>> = column.str().expect("text").iter().collect();
        for (row, value) in rows.iter().zip(read) {
            let written = row[1].trim();
            prop_assert_eq!(value.map(str::trim).unwrap_or_default(), written);
        }
    }

    #[test]
    fn any_text_parses_as_a_number_or_not_without_a_panic(text in "\\PC{0,30}") {
        let _ = parse_number(&text);
    }

    #[test]
    fn a_number_written_out_reads_back_the_same(value in -1.0e12f64..1.0e12) {
        prop_assert_eq!(parse_number(&value.to_string()), Some(value));
        prop_assert_eq!(parse_number(&format!("{value:.2}")), Some(format!("{value:.2}").parse().unwrap()));
    }

    #[test]
    fn any_text_in_a_date_column_never_panics(values in prop::collection::vec("\\PC{0,24}", 1..20)) {
        let series = Series::new("d".into(), values);
        if let Some(guess) = detect_date_format(&series) {
            let _ = parse_dates(&series, &guess.format);
        }
        let _ = parse_dates(&series, &DateFormat::Iso);
    }

    #[test]
    fn an_iso_date_is_detected_and_read_back(days in prop::collection::vec(0i64..40_000, 1..30)) {
        let start = NaiveDate::from_ymd_opt(1990, 1, 1).expect("date");
        let dates: Vec<NaiveDate> = days.iter().map(|d| start + chrono::TimeDelta::days(*d)).collect();
        let text: Vec<String> = dates.iter().map(|d| d.format("%Y-%m-%d").to_string()).collect();
        let series = Series::new("d".into(), text);
        let guess = detect_date_format(&series).expect("ISO dates are detected");
        let parsed = parse_dates(&series, &guess.format).expect("parsed");
        let millis: Vec<Option<i64>> = parsed
            .cast(&DataType::Int64)
            .expect("ms")
            .i64()
            .expect("i64")
            .iter()
            .collect();
        for (date, ms) in dates.iter().zip(millis) {
            let expected = date.and_hms_opt(0, 0, 0).expect("midnight").and_utc().timestamp_millis();
            prop_assert_eq!(ms, Some(expected));
        }
    }
}

//! The read layer on small files written by each test: every supported format,
//! delimiter and encoding, the typing rules and the errors.

use std::path::{Path, PathBuf};

use marketbench::data::read::{RawFile, ReadOptions, read_raw};
use marketbench::data::{DataError, FileFormat, TextEncoding};
use polars::prelude::*;
use tempfile::TempDir;

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn read(path: &Path) -> RawFile {
    read_raw(path, &ReadOptions::default()).expect("file reads")
}

fn names(raw: &RawFile) -> Vec<String> {
    raw.frame
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect()
}

/// The values of a column as text (nulls as "<null>").
fn texts(raw: &RawFile, column: &str) -> Vec<String> {
    let column = raw
        .frame
        .column(column)
        .expect("column exists")
        .cast(&DataType::String)
        .expect("casts to text");
    column
        .str()
        .expect("string column")
        .iter()
        .map(|v| v.map_or_else(|| "<null>".to_owned(), str::to_owned))
        .collect()
}

fn dtype(raw: &RawFile, column: &str) -> DataType {
    raw.frame
        .column(column)
        .expect("column exists")
        .dtype()
        .clone()
}

#[test]
fn each_delimiter_is_sniffed() {
    let dir = TempDir::new().expect("temp dir");
    let cases: [(&str, &str, u8); 5] = [
        ("comma.csv", "id,name,amount\n1,Ann,3.5\n2,Bo,4\n", b','),
        ("semi.csv", "id;name;amount\n1;Ann;3.5\n2;Bo;4\n", b';'),
        (
            "tabs.tsv",
            "id\tname\tamount\n1\tAnn\t3.5\n2\tBo\t4\n",
            b'\t',
        ),
        ("pipes.csv", "id|name|amount\n1|Ann|3.5\n2|Bo|4\n", b'|'),
        (
            "spaces.txt",
            "  id    name     amount\n  1     Ann      3.5\n  2     Bo       4\n",
            b' ',
        ),
    ];
    for (file, text, delimiter) in cases {
        let raw = read(&write(&dir, file, text.as_bytes()));
        assert_eq!(raw.format, FileFormat::Csv { delimiter }, "{file}");
        assert_eq!(names(&raw), ["id", "name", "amount"], "{file}");
        assert_eq!(texts(&raw, "name"), ["Ann", "Bo"], "{file}");
        assert_eq!(dtype(&raw, "id"), DataType::Int64, "{file}");
        assert_eq!(dtype(&raw, "amount"), DataType::Float64, "{file}");
        assert_eq!(raw.encoding, TextEncoding::Utf8, "{file}");
    }
}

#[test]
fn quoted_fields_keep_the_delimiter_and_newlines() {
    let dir = TempDir::new().expect("temp dir");
    let text = "id,title,amount\n1,\"Shoes, red\",\"1,200\"\n2,\"Say \"\"hi\"\"\nthere\",5\n";
    let raw = read(&write(&dir, "quoted.csv", text.as_bytes()));
    assert_eq!(raw.format, FileFormat::Csv { delimiter: b',' });
    assert_eq!(texts(&raw, "title"), ["Shoes, red", "Say \"hi\"\nthere"]);
    // Thousands separators are left for the load layer.
    assert_eq!(dtype(&raw, "amount"), DataType::String);
    assert_eq!(texts(&raw, "amount"), ["1,200", "5"]);
}

#[test]
fn spaces_inside_values_survive_two_space_columns() {
    let dir = TempDir::new().expect("temp dir");
    let text = "order    customer     paid_at\n1001     Ann Lee      2024-01-02 10:00:00\n1002     Bo           2024-01-03 11:30:00\n";
    let raw = read(&write(&dir, "fixed.txt", text.as_bytes()));
    assert_eq!(raw.format, FileFormat::Csv { delimiter: b' ' });
    assert_eq!(texts(&raw, "customer"), ["Ann Lee", "Bo"]);
    assert_eq!(
        texts(&raw, "paid_at"),
        ["2024-01-02 10:00:00", "2024-01-03 11:30:00"]
    );
}

#[test]
fn utf8_bom_is_stripped_from_the_header() {
    let dir = TempDir::new().expect("temp dir");
    let text = "\u{feff}user_id,amount\nu1,3\n";
    let raw = read(&write(&dir, "bom.csv", text.as_bytes()));
    assert_eq!(raw.encoding, TextEncoding::Utf8Bom);
    assert_eq!(names(&raw), ["user_id", "amount"]);
}

#[test]
fn gb18030_text_decodes_exactly() {
    let dir = TempDir::new().expect("temp dir");
    let text = "用户ID,订单号,商品,金额\nU001,DD20240101,羽绒服（黑色）,299.5\nU002,DD20240102,保温杯,45\n";
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test file must not be UTF-8"
    );
    let raw = read(&write(&dir, "订单.csv", &bytes));
    assert_eq!(raw.encoding, TextEncoding::Gb18030);
    assert_eq!(names(&raw), ["用户ID", "订单号", "商品", "金额"]);
    assert_eq!(texts(&raw, "商品"), ["羽绒服（黑色）", "保温杯"]);
    assert_eq!(texts(&raw, "用户ID"), ["U001", "U002"]);
    assert_eq!(dtype(&raw, "金额"), DataType::Float64);
}

#[test]
fn header_names_are_cleaned() {
    let dir = TempDir::new().expect("temp dir");
    let text = " id ,,amount,amount\n1,x,2,3\n";
    let raw = read(&write(&dir, "names.csv", text.as_bytes()));
    assert_eq!(names(&raw), ["id", "column_2", "amount", "amount_2"]);
}

#[test]
fn text_columns_keep_leading_zeros() {
    let dir = TempDir::new().expect("temp dir");
    let text = "user_id,phone,amount\n000123,13800138000,5\n004560,13900139000,6\n";
    let path = write(&dir, "ids.csv", text.as_bytes());
    let options = ReadOptions {
        text_columns: vec!["user_id".to_owned(), "phone".to_owned()],
        ..ReadOptions::default()
    };
    let raw = read_raw(&path, &options).expect("file reads");
    assert_eq!(texts(&raw, "user_id"), ["000123", "004560"]);
    assert_eq!(texts(&raw, "phone"), ["13800138000", "13900139000"]);
    assert_eq!(dtype(&raw, "amount"), DataType::Int64);
    // Without the option the id is a number and the zeros are gone.
    assert_eq!(dtype(&read(&path), "user_id"), DataType::Int64);
}

#[test]
fn late_non_numeric_value_reads_the_column_as_text() {
    let dir = TempDir::new().expect("temp dir");
    let mut text = String::from("id,amount,qty\n");
    for i in 0..20_000 {
        text.push_str(&format!("{i},{}.5,{}\n", i % 100, i % 7));
    }
    text.push_str("20000,n/a,3\n");
    let raw = read(&write(&dir, "late.csv", text.as_bytes()));
    assert_eq!(raw.frame.height(), 20_001);
    assert_eq!(dtype(&raw, "amount"), DataType::String);
    assert_eq!(dtype(&raw, "qty"), DataType::Int64);
    let amounts = texts(&raw, "amount");
    assert_eq!(amounts[0], "0.5");
    assert_eq!(amounts[20_000], "n/a");
}

#[test]
fn max_rows_limits_data_rows() {
    let dir = TempDir::new().expect("temp dir");
    let mut text = String::from("id,amount\n");
    for i in 0..100 {
        text.push_str(&format!("{i},{i}\n"));
    }
    let path = write(&dir, "many.csv", text.as_bytes());
    let options = ReadOptions {
        max_rows: Some(10),
        ..ReadOptions::default()
    };
    let raw = read_raw(&path, &options).expect("file reads");
    assert_eq!(raw.frame.height(), 10);
    assert_eq!(texts(&raw, "id")[9], "9");
}

#[test]
fn ragged_line_names_file_and_line() {
    let dir = TempDir::new().expect("temp dir");
    let mut text = String::from("id;name;amount\n");
    for i in 0..60 {
        text.push_str(&format!("{i};n{i};{i}\n"));
    }
    text.push_str("60;n60;60;extra\n");
    let err = read_raw(
        &write(&dir, "ragged.csv", text.as_bytes()),
        &ReadOptions::default(),
    )
    .err()
    .expect("a ragged file fails");
    let message = err.to_string();
    assert!(matches!(err, DataError::Parse { .. }), "{message}");
    assert!(message.contains("ragged.csv"), "{message}");
    assert!(message.contains("line 62"), "{message}");
    assert!(message.contains("';'"), "{message}");
    assert!(
        !message.contains(&dir.path().display().to_string()),
        "{message}"
    );
}

#[test]
fn unclosed_quote_names_its_line() {
    let dir = TempDir::new().expect("temp dir");
    let text = "id,name\n1,Ann\n2,\"Bo\n3,Cy\n";
    let err = read_raw(
        &write(&dir, "quote.csv", text.as_bytes()),
        &ReadOptions::default(),
    )
    .err()
    .expect("an unclosed quote fails");
    let message = err.to_string();
    assert!(message.contains("quote.csv"), "{message}");
    assert!(message.contains("line 3"), "{message}");
}

#[test]
fn empty_and_header_only_files_are_empty() {
    let dir = TempDir::new().expect("temp dir");
    for (file, text) in [
        ("empty.csv", ""),
        ("header.csv", "id,amount\n"),
        ("blank.csv", "\n\n"),
    ] {
        let err = read_raw(&write(&dir, file, text.as_bytes()), &ReadOptions::default())
            .err()
            .expect("no data rows");
        assert!(matches!(err, DataError::Empty { .. }), "{file}: {err}");
    }
}

#[test]
fn missing_file_is_an_io_error() {
    let dir = TempDir::new().expect("temp dir");
    let err = read_raw(&dir.path().join("gone.csv"), &ReadOptions::default())
        .err()
        .expect("missing file fails");
    assert!(matches!(err, DataError::Io { .. }), "{err}");
    assert!(err.to_string().starts_with("gone.csv:"), "{err}");
}

//! Text that arrives damaged or in an unusual encoding: UTF-16 ("Unicode text"
//! from Excel, with or without a byte-order mark) is decoded; NUL characters in
//! ids are removed and noted; ids Excel rounded into scientific notation are
//! reported with their rows.

use std::path::Path;

use marketbench::data::read::{ReadOptions, read_raw};
use marketbench::data::{LoadOptions, ProblemKind, TextEncoding, inspect, load};
use marketbench::jobs::Progress;

const ORDERS: &str = "order_id,customer_id,order_time,amount\n\
                      O1,张三,2025-01-01,10\n\
                      O2,李四,2025-01-02,20\n\
                      O3,C3,2025-01-03,30\n";

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = std::iter::once(0xFEFF)
        .filter(|_| bom)
        .chain(text.encode_utf16());
    for unit in units {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend(pair);
    }
    bytes
}

fn ids(path: &Path) -> Vec<String> {
    let raw = read_raw(path, &ReadOptions::default()).expect("reads");
    let column = raw.frame.column("customer_id").expect("customer_id");
    let text = column
        .cast(&polars::prelude::DataType::String)
        .expect("text");
    text.str()
        .expect("text")
        .iter()
        .flatten()
        .map(String::from)
        .collect()
}

#[test]
fn utf16_files_are_decoded_with_or_without_a_byte_order_mark() {
    let dir = tempfile::tempdir().expect("dir");
    for (name, big_endian, bom, encoding) in [
        ("le-bom.csv", false, true, TextEncoding::Utf16Le),
        ("be-bom.csv", true, true, TextEncoding::Utf16Be),
        ("le.csv", false, false, TextEncoding::Utf16Le),
        ("be.txt", true, false, TextEncoding::Utf16Be),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, utf16(ORDERS, big_endian, bom)).expect("write");
        assert_eq!(ids(&path), ["张三", "李四", "C3"], "{name}");
        let raw = read_raw(&path, &ReadOptions::default()).expect("reads");
        assert_eq!(raw.encoding, encoding, "{name}");
    }
}

#[test]
fn nul_characters_in_ids_are_removed_and_noted() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("orders.csv");
    std::fs::write(
        &path,
        "order_id,customer_id,order_time,amount\nO1,C\u{0}1,2025-01-01,10\nO2,C1,2025-01-02,20\n",
    )
    .expect("write");
    let options = LoadOptions::from_inspection(&inspect(&path, None).expect("inspect"));
    let table = load(&path, &options, &Progress::detached()).expect("loads");
    let customers = table.frame.column("customer_id").expect("ids");
    let customers: Vec<&str> = customers.str().expect("text").iter().flatten().collect();
    assert_eq!(customers, ["C1", "C1"], "one customer, as the shop has");
    assert!(
        table
            .report
            .notes
            .iter()
            .any(|n| n.text().contains("NUL") && n.text().contains("'customer_id', first in row 1")),
        "{:?}",
        table.report.notes
    );
}

#[test]
fn ids_rounded_by_excel_are_reported_with_their_rows() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("orders.csv");
    std::fs::write(
        &path,
        "order_id,customer_id,order_time,amount\n\
         O1,123456789012,2025-01-01,10\n\
         O2,1.23457E+11,2025-01-02,20\n\
         O3,1.23457E+11,2025-01-03,30\n",
    )
    .expect("write");
    let options = LoadOptions::from_inspection(&inspect(&path, None).expect("inspect"));
    let table = load(&path, &options, &Progress::detached()).expect("loads");
    let problem = table
        .report
        .problem(ProblemKind::ScientificId)
        .expect("reported");
    assert_eq!(problem.count, 2);
    let rows: Vec<(usize, &str)> = problem
        .examples
        .iter()
        .map(|e| (e.row, e.value.as_str()))
        .collect();
    assert_eq!(rows, [(2, "1.23457E+11"), (3, "1.23457E+11")]);
    assert!(problem.hint.text().contains("Text"), "{}", problem.hint);
    assert_eq!(table.report.rows_kept, 3, "kept as written");
}

#[test]
fn latin1_text_is_read_as_western_european_not_as_chinese() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("orders.csv");
    // Latin-1 bytes: é = E9, ü = FC, ñ = F1; GB18030 would read "Mü" as a rare
    // Chinese character.
    let mut bytes = b"order_id,customer_id,order_time,amount\n".to_vec();
    bytes.extend(b"O1,M\xfcller,2025-01-01,10\nO2,Caf\xe9 Ni\xf1o,2025-01-02,20\n");
    std::fs::write(&path, &bytes).expect("write");
    assert_eq!(ids(&path), ["Müller", "Café Niño"]);
    let options = LoadOptions::from_inspection(&inspect(&path, None).expect("inspect"));
    let table = load(&path, &options, &Progress::detached()).expect("loads");
    assert!(
        table
            .report
            .notes
            .iter()
            .any(|n| n.text().contains("Windows-1252")),
        "{:?}",
        table.report.notes
    );
    // Chinese GBK text is still read as GBK.
    let (gbk, _, _) = encoding_rs::GBK.encode(ORDERS);
    std::fs::write(&path, &gbk).expect("write");
    assert_eq!(ids(&path), ["张三", "李四", "C3"]);
}

#[test]
fn rows_shorter_than_the_header_are_counted_with_their_lines() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("orders.csv");
    std::fs::write(
        &path,
        "order_id,customer_id,order_time,amount\n\
         O1,C1,2025-01-01,10\n\
         O2,C2,2025-01-02\n\
         O3,C3,2025-01-03,30\n\
         O4,C4\n",
    )
    .expect("write");
    let options = LoadOptions::from_inspection(&inspect(&path, None).expect("inspect"));
    let table = load(&path, &options, &Progress::detached()).expect("loads");
    assert!(
        table.report.notes.iter().any(|n| n.text().starts_with(
            "2 rows have fewer cells than the header's 4 columns (first on line 3, 5)"
        )),
        "{:?}",
        table.report.notes
    );
}

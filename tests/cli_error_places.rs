//! Errors that point at the right place: the line of bad bytes in a GBK file,
//! the line of a broken NDJSON record, the date layouts a column mixes (with
//! counts), two role flags naming one column, and an amount column of words.

mod common;

use std::fmt::Write as _;

use common::cli::{marketbench, sample};

/// The error of a run that must fail.
fn error_of(args: &[&str]) -> String {
    let output = marketbench(args);
    assert_eq!(output.status.code(), Some(1), "{args:?} did not fail");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn bad_bytes_in_a_gbk_file_are_placed_on_their_line() {
    let dir = tempfile::tempdir().expect("dir");
    let mut text = "订单号,客户,时间,金额\n".to_string();
    for n in 1..=4 {
        let _ = writeln!(text, "O{n},客户{n},2025-01-0{n},{n}0");
    }
    let (mut bytes, _, _) = encoding_rs::GBK.encode(&text);
    let mut bytes = bytes.to_mut().clone();
    bytes.extend(b"O5,\xff\xfe\xfd,2025-01-05,50\n");
    let path = dir.path().join("gbk.csv");
    std::fs::write(&path, bytes).expect("write");
    let error = error_of(&["inspect", path.to_str().expect("path")]);
    assert!(error.contains("on line 6"), "{error}");
}

#[test]
fn a_broken_ndjson_record_is_named_by_its_line() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("orders.ndjson");
    std::fs::write(
        &path,
        "{\"customer_id\":\"C1\",\"ts\":\"2025-01-01\",\"amount\":1}\n\
         {\"customer_id\":\"C2\",\"ts\":\"2025-01-02\",\"amount\":2}\n\
         {\"customer_id\":\"C3\", \"ts\": oops}\n",
    )
    .expect("write");
    let error = error_of(&["inspect", path.to_str().expect("path")]);
    assert!(error.contains("line 3, column"), "{error}");
    assert!(!error.contains("TapeError"), "{error}");
}

#[test]
fn a_column_mixing_date_layouts_says_which_with_counts() {
    let dir = tempfile::tempdir().expect("dir");
    let mut text = "order_id,customer_id,order_time,amount\n".to_string();
    for n in 1..=40 {
        let day = n % 28 + 1;
        let date = if n % 2 == 1 {
            format!("2025-01-{day:02}T10:00:00")
        } else {
            format!("{day:02}/01/2025 10:00")
        };
        let _ = writeln!(text, "O{n},C{},{date},{n}", n % 5);
    }
    let path = dir.path().join("mixed.csv");
    std::fs::write(&path, text).expect("write");
    let error = error_of(&["inspect", path.to_str().expect("path")]);
    for part in [
        "mixes",
        "(ISO) 20 of 40",
        "(day first) 20 of 40",
        "--date-format",
    ] {
        assert!(error.contains(part), "{part}: {error}");
    }
}

#[test]
fn two_roles_on_one_column_are_refused_naming_both_flags() {
    let error = error_of(&[
        "rfm",
        &sample("orders.csv"),
        "--customer",
        "sku",
        "--order",
        "sku",
    ]);
    assert!(
        error.contains("--customer and --order both name the column 'sku'"),
        "{error}"
    );
}

#[test]
fn an_amount_column_of_words_names_the_first_value() {
    let error = error_of(&["rfm", &sample("orders.csv"), "--amount", "product_name"]);
    for part in [
        "row 1, column 'product_name'",
        "is not a number",
        "--amount",
    ] {
        assert!(error.contains(part), "{part}: {error}");
    }
}

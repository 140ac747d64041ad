//! Legacy Excel (`.xls`, BIFF8) as old shop back-ends export it: a committed
//! fixture (`tests/fixtures/orders_legacy.xls`, written with Python's xlwt) whose
//! first sheet is a note and whose second holds the orders, with Chinese headers,
//! ids with leading zeros stored as text and real Excel date cells.

use std::path::PathBuf;

use marketbench::data::read::{ReadOptions, read_raw};
use marketbench::data::{FileFormat, FileKind, LoadOptions, Role, inspect, load};
use marketbench::jobs::Progress;
use polars::prelude::*;

const SHEET: &str = "订单明细";

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/orders_legacy.xls")
}

fn texts(frame: &DataFrame, column: &str) -> Vec<String> {
    let column = frame
        .column(column)
        .expect("column exists")
        .cast(&DataType::String)
        .expect("casts to text");
    column
        .str()
        .expect("text")
        .iter()
        .map(|v| v.unwrap_or("<null>").to_owned())
        .collect()
}

#[test]
fn xls_sheets_are_listed_and_the_chosen_one_reads_with_types() {
    let options = ReadOptions {
        sheet: Some(SHEET.to_owned()),
        ..ReadOptions::default()
    };
    let raw = read_raw(&fixture(), &options).expect("the .xls reads");
    assert_eq!(
        raw.format,
        FileFormat::Excel {
            sheet: SHEET.to_owned(),
            sheets: vec!["说明".to_owned(), SHEET.to_owned()],
        }
    );
    assert_eq!(texts(&raw.frame, "用户ID"), ["00123", "00456", "00123"]);
    assert_eq!(
        texts(&raw.frame, "商品"),
        ["羽绒服（黑色）", "保温杯", "保温杯"]
    );
    assert!(
        raw.frame
            .column("下单时间")
            .expect("date column")
            .dtype()
            .is_temporal(),
        "Excel date cells arrive as dates"
    );
    assert_eq!(texts(&raw.frame, "下单时间")[0], "2024-03-01 09:30:00.000");
    assert_eq!(
        raw.frame.column("金额").expect("amount").dtype(),
        &DataType::Float64
    );
}

#[test]
fn an_xls_order_export_loads_end_to_end() {
    let inspection = inspect(&fixture(), Some(SHEET)).expect("inspect");
    assert_eq!(inspection.kind, FileKind::Orders);
    for (role, column) in [
        (Role::OrderId, "订单号"),
        (Role::CustomerId, "用户ID"),
        (Role::Timestamp, "下单时间"),
        (Role::ItemName, "商品"),
        (Role::Quantity, "数量"),
        (Role::UnitPrice, "单价"),
        (Role::Amount, "金额"),
    ] {
        assert_eq!(
            inspection.mapping.get(&role).map(String::as_str),
            Some(column),
            "{role:?}"
        );
    }
    let mut options = LoadOptions::from_inspection(&inspection);
    options.sheet = Some(SHEET.to_owned());
    let table = load(&fixture(), &options, &Progress::detached()).expect("load");
    assert_eq!(table.report.rows_kept, 3);
    let frame = &table.frame;
    assert_eq!(texts(frame, "customer_id"), ["00123", "00456", "00123"]);
    let amounts: Vec<f64> = frame
        .column("amount")
        .expect("amount")
        .f64()
        .expect("f64")
        .into_no_null_iter()
        .collect();
    assert_eq!(amounts, [299.5, 90.0, 45.0]);
}

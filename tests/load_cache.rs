//! The Parquet copy of a CSV (`data::load::cache`): made by `marketbench cache`,
//! read by the next load instead of the text with the same table (summary, RFM),
//! ignored and said so once the CSV changes.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::cli::marketbench;
use marketbench::analysis::rfm::{RfmParams, rfm};
use marketbench::analysis::summary::Summary;
use marketbench::data::{LoadOptions, Store, Table};
use marketbench::jobs::Progress;

/// 600 order lines with Chinese headers and item names, customer ids with
/// leading zeros, every 9th line a return and one placeholder date.
fn orders() -> String {
    let mut text = String::from("订单号,客户编号,下单时间,商品名称,数量,单价,订单状态\n");
    let items = ["连衣裙", "保温杯", "蓝牙耳机", "羊毛围巾"];
    for n in 0..600 {
        let quantity: i64 = if n % 9 == 4 { -1 } else { 1 + (n % 3) as i64 };
        let status = if quantity < 0 { "退款" } else { "已完成" };
        let _ = writeln!(
            text,
            "D{n:04},{:06},2025-{:02}-{:02} 10:{:02}:00,{},{quantity},{}.90,{status}",
            n % 37,
            n % 12 + 1,
            n % 28 + 1,
            n % 60,
            items[n % items.len()],
            19 + n % 5 * 10,
        );
    }
    text.push_str("D9999,000001,1900-01-01 00:00:00,连衣裙,1,19.90,已完成\n");
    text
}

fn load(path: &Path) -> Table {
    let inspection = marketbench::data::inspect(path, None).expect("inspect");
    let options = LoadOptions::from_inspection(&inspection);
    marketbench::data::load(path, &options, &Progress::detached()).expect("load")
}

/// The summary and the RFM table of one loaded orders file.
fn analysed(table: Table) -> (Summary, polars::prelude::DataFrame) {
    let mut store = Store::default();
    store.insert(table);
    let lines = store.order_lines().expect("lines").expect("orders");
    let summary = Summary::from_lines(&lines).expect("summary");
    let rfm = rfm(&lines, &RfmParams::default(), &Progress::detached()).expect("rfm");
    (summary, rfm.customers)
}

fn notes(table: &Table) -> Vec<String> {
    table.report.notes.iter().map(|n| n.text()).collect()
}

#[test]
fn the_copy_gives_the_same_table_as_the_csv_until_the_csv_changes() {
    let folder = tempfile::tempdir().expect("dir");
    let path = folder.path().join("订单.csv");
    std::fs::write(&path, orders()).expect("write");
    let from_text = load(&path);
    assert!(notes(&from_text).iter().all(|n| !n.contains("Parquet")));
    let rows_kept = from_text.report.rows_kept;
    assert_eq!(rows_kept, 600, "the placeholder date is dropped");
    let text_frame = from_text.frame.clone();
    let text_problems = from_text.report.problems.clone();
    let (summary, customers) = analysed(from_text);
    assert!(summary.return_lines > 0);
    assert_eq!(
        customers
            .column("customer_id")
            .unwrap()
            .str()
            .unwrap()
            .get(0),
        Some("000000"),
        "ids keep their leading zeros"
    );

    let out = marketbench(&["cache", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("订单.csv.marketbench.parquet"), "{said}");
    assert!(folder.path().join("订单.csv.marketbench.parquet").is_file());

    let from_copy = load(&path);
    assert!(
        notes(&from_copy)[0]
            .starts_with("read from the Parquet copy 订单.csv.marketbench.parquet made on"),
        "{:?}",
        notes(&from_copy)
    );
    assert!(from_copy.frame.equals_missing(&text_frame));
    assert_eq!(from_copy.report.problems, text_problems);
    let (copy_summary, copy_customers) = analysed(from_copy);
    assert_eq!(copy_summary, summary);
    assert!(copy_customers.equals_missing(&customers));

    // One more line in the CSV: the copy is stale, the new line is read.
    let mut text = orders();
    text.push_str("D9998,000999,2025-06-01 09:00:00,保温杯,2,29.90,已完成\n");
    std::fs::write(&path, text).expect("rewrite");
    let after = load(&path);
    assert_eq!(after.report.rows_kept, 601);
    assert!(
        notes(&after)
            .iter()
            .any(|n| n.contains("made before the file last changed")),
        "{:?}",
        notes(&after)
    );
}

#[test]
fn a_file_that_is_not_delimited_text_gets_no_copy() {
    let folder = tempfile::tempdir().expect("dir");
    let path = folder.path().join("orders.json");
    std::fs::write(
        &path,
        r#"[{"customer_id":"C1","order_time":"2025-01-01","amount":3}]"#,
    )
    .expect("write");
    let out = marketbench(&["cache", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("only delimited text files"), "{said}");
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
}

/// With memory for the text file but not for the Parquet factor (24× a Parquet
/// file's size, for Parquet from anywhere), a CSV with a copy still loads: its
/// need is the text's, as when it had no copy.
#[test]
fn a_csv_that_fits_still_loads_once_it_has_a_copy() {
    let folder = tempfile::tempdir().expect("dir");
    let path = folder.path().join("订单.csv");
    std::fs::write(&path, orders()).expect("write");
    let file = path.to_str().unwrap();
    assert!(marketbench(&["cache", file]).status.success());
    let size = |p: &Path| std::fs::metadata(p).expect("size").len();
    let text_need = 3 * size(&path);
    let copy_need = 24 * size(&folder.path().join("订单.csv.marketbench.parquet"));
    assert!(copy_need > text_need, "{copy_need} ≤ {text_need}");
    let memory = (text_need + copy_need) / 2;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(["rfm", file])
        .env("MARKETBENCH_MEMORY", memory.to_string())
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.starts_with("RFM of 37 customers"), "{said}");
}

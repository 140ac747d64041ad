//! The load core on small frames: canonical columns, problems with exact counts and
//! example rows, derived columns, errors and cancellation. The store's joins are in
//! `tests/store_joins.rs`.

mod common;

use std::path::Path;

use common::frames::options;

use marketbench::data::load::table_from_frame;
use marketbench::data::{DataError, FileKind, LoadOptions, ProblemKind, Role, Table};
use marketbench::jobs::Progress;
use polars::prelude::*;

fn load(frame: DataFrame, options: &LoadOptions) -> Result<Table, DataError> {
    table_from_frame(
        frame,
        Path::new("/shop/orders.csv"),
        options,
        &Progress::detached(),
    )
}

/// A text column's values, stored as text or as Categorical.
fn strings(table: &Table, name: &str) -> Vec<Option<String>> {
    let column = table.frame.column(name).expect(name);
    marketbench::data::text::text(column)
        .expect("text")
        .iter()
        .map(|v| v.map(str::to_string))
        .collect()
}

fn floats(table: &Table, name: &str) -> Vec<Option<f64>> {
    let column = table.frame.column(name).expect(name);
    column.f64().expect("f64").iter().collect()
}

fn flags(table: &Table, name: &str) -> Vec<bool> {
    let column = table.frame.column(name).expect(name);
    column
        .bool()
        .expect("bool")
        .iter()
        .map(|v| v.expect("no null flags"))
        .collect()
}

fn rows(table: &Table) -> Vec<u32> {
    let column = table.frame.column("row").expect("row");
    assert_eq!(column.dtype(), &DataType::UInt32);
    column.u32().expect("u32").iter().flatten().collect()
}

/// (count, example rows) of a problem kind; (0, []) when absent.
fn problem(table: &Table, kind: ProblemKind) -> (usize, Vec<usize>) {
    match table.report.problem(kind) {
        Some(p) => (p.count, p.examples.iter().map(|e| e.row).collect()),
        None => (0, Vec::new()),
    }
}

fn messy_orders() -> DataFrame {
    df![
        "order" => ["o1", "o2", "o3", "o4", "o5", "o6", "o1", "o8", "o9", "o10"],
        "customer" => ["c001", "c002", "", "c003", "c004", "c005", "c001", " c006 ", "c007", "c008"],
        "date" => ["2024-03-05 10:00", "not a date", "2024-03-05", "2024-03-06", "2024-03-06",
                   "2024-03-07", "2024-03-05 10:00", "2024-03-07", "", "2024-03-08"],
        "sku" => ["A", "A", "B", "B", "C", "C", "A", "D", "D", "E"],
        "qty" => ["2", "1", "1", "-1", "1", "abc", "2", "3", "1", "2"],
        "price" => ["10.00", "10", "5", "5", "0", "5", "10.00", "¥1,299.00", "5", "(12.50)"],
        "status" => ["paid", "paid", "paid", "Refunded", "paid", "paid", "paid", "已取消", "paid", "paid"],
    ]
    .expect("frame")
}

fn messy_options() -> LoadOptions {
    options(
        FileKind::Orders,
        &[
            (Role::OrderId, "order"),
            (Role::CustomerId, "customer"),
            (Role::Timestamp, "date"),
            (Role::ItemId, "sku"),
            (Role::Quantity, "qty"),
            (Role::UnitPrice, "price"),
            (Role::Status, "status"),
        ],
    )
}

#[test]
fn every_problem_is_counted_with_its_example_rows() {
    let table = load(messy_orders(), &messy_options()).expect("loads");
    let report = &table.report;
    assert_eq!(report.file, "orders.csv");
    assert_eq!(report.rows_read, 10);
    assert_eq!(problem(&table, ProblemKind::Duplicate), (1, vec![7]));
    assert_eq!(
        problem(&table, ProblemKind::UnparseableDate),
        (2, vec![2, 9])
    );
    assert_eq!(
        problem(&table, ProblemKind::UnparseableNumber),
        (1, vec![6])
    );
    assert_eq!(report.rows_kept, 6);
    assert_eq!(problem(&table, ProblemKind::MissingCustomer), (1, vec![3]));
    assert_eq!(problem(&table, ProblemKind::Return), (2, vec![4, 10]));
    assert_eq!(problem(&table, ProblemKind::Cancelled), (2, vec![4, 8]));
    assert_eq!(
        problem(&table, ProblemKind::NonPositivePrice),
        (2, vec![5, 10])
    );

    // Examples carry the source column and the original text.
    let dup = report.problem(ProblemKind::Duplicate).expect("dup");
    assert_eq!(dup.examples[0].value, "same as row 1");
    let date = report.problem(ProblemKind::UnparseableDate).expect("date");
    assert_eq!(date.examples[0].column, "date");
    assert_eq!(date.examples[0].value, "not a date");
    assert_eq!(date.examples[1].value, "");
    assert!(date.hint.text().contains("date format"));
    let number = report
        .problem(ProblemKind::UnparseableNumber)
        .expect("number");
    assert_eq!(
        (
            number.examples[0].column.as_str(),
            number.examples[0].value.as_str()
        ),
        ("qty", "abc")
    );
    assert!(number.action.text().contains("dropped"));
    let missing = report
        .problem(ProblemKind::MissingCustomer)
        .expect("missing");
    assert!(
        missing
            .action
            .text()
            .contains("left out of per-customer analyses")
    );
    let returns = report.problem(ProblemKind::Return).expect("returns");
    assert_eq!(returns.examples[0].value, "-1");
    assert_eq!(returns.examples[1].value, "(12.50)");

    // Problems are listed in kind order.
    let kinds: Vec<ProblemKind> = report.problems.iter().map(|p| p.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted);
}

#[test]
fn orders_get_canonical_columns_flags_and_derived_amount() {
    let table = load(messy_orders(), &messy_options()).expect("loads");
    assert_eq!(rows(&table), vec![1, 3, 4, 5, 8, 10]);
    assert_eq!(
        strings(&table, "customer_id"),
        vec![
            Some("c001".into()),
            None,
            Some("c003".into()),
            Some("c004".into()),
            Some("c006".into()),
            Some("c008".into())
        ]
    );
    assert_eq!(
        floats(&table, "unit_price"),
        vec![
            Some(10.0),
            Some(5.0),
            Some(5.0),
            Some(0.0),
            Some(1299.0),
            Some(-12.5)
        ]
    );
    assert_eq!(
        floats(&table, "amount"),
        vec![
            Some(20.0),
            Some(5.0),
            Some(-5.0),
            Some(0.0),
            Some(3897.0),
            Some(-25.0)
        ]
    );
    assert_eq!(
        flags(&table, "is_return"),
        vec![false, false, true, false, false, true]
    );
    assert_eq!(
        flags(&table, "is_cancelled"),
        vec![false, false, true, false, true, false]
    );
    let ts = table.frame.column("ts").expect("ts");
    assert_eq!(
        ts.dtype(),
        &DataType::Datetime(TimeUnit::Milliseconds, None)
    );
    assert_eq!(ts.null_count(), 0);
    assert!(
        table
            .report
            .notes
            .iter()
            .any(|n| n.text().contains("amount = quantity × unit price"))
    );
    assert!(table.report.notes.iter().any(|n| n.text().contains("ISO")));
    // Source names of mapped columns are gone; canonical ones are there.
    let names: Vec<&str> = table
        .frame
        .get_column_names()
        .into_iter()
        .map(|n| n.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "customer_id",
            "order_id",
            "ts",
            "item_id",
            "quantity",
            "unit_price",
            "amount",
            "status",
            "is_return",
            "is_cancelled",
            "row"
        ]
    );
}

#[test]
fn messy_amounts_leading_zeros_and_default_quantity() {
    let frame = df![
        "id" => ["007", "0042", "1"],
        "when" => ["2024-03-05", "2024-03-06", "2024-03-07"],
        "paid" => ["¥1,299.00", "(12.50)", "3,5"],
    ]
    .expect("frame");
    let opts = options(
        FileKind::Orders,
        &[
            (Role::CustomerId, "id"),
            (Role::Timestamp, "when"),
            (Role::Amount, "paid"),
        ],
    );
    let table = load(frame, &opts).expect("loads");
    assert_eq!(
        strings(&table, "customer_id"),
        vec![Some("007".into()), Some("0042".into()), Some("1".into())]
    );
    assert_eq!(
        floats(&table, "amount"),
        vec![Some(1299.0), Some(-12.5), Some(3.5)]
    );
    assert_eq!(
        floats(&table, "quantity"),
        vec![Some(1.0), Some(1.0), Some(1.0)]
    );
    assert!(
        table
            .report
            .notes
            .iter()
            .any(|n| n.text().contains("quantity 1"))
    );
    assert_eq!(problem(&table, ProblemKind::Return), (1, vec![2]));
}

#[test]
fn whole_float_ids_lose_their_decimal_part() {
    let frame = df![
        "CustomerID" => [Some(17850.0f64), None, Some(13047.0)],
        "InvoiceDate" => ["2024-03-05", "2024-03-05", "2024-03-05"],
        "Amount" => [1.0f64, 2.0, 3.0],
    ]
    .expect("frame");
    let opts = options(
        FileKind::Orders,
        &[
            (Role::CustomerId, "CustomerID"),
            (Role::Timestamp, "InvoiceDate"),
            (Role::Amount, "Amount"),
        ],
    );
    let table = load(frame, &opts).expect("loads");
    assert_eq!(
        strings(&table, "customer_id"),
        vec![Some("17850".into()), None, Some("13047".into())]
    );
    assert_eq!(problem(&table, ProblemKind::MissingCustomer), (1, vec![2]));
}

#[test]
fn unmapped_columns_keep_their_names_unless_they_clash() {
    let frame = df![
        "buyer" => ["a", "b"],
        "date" => ["2024-03-05", "2024-03-06"],
        "price" => [2.0f64, 3.0],
        "amount" => ["x", "y"],
        "row" => [10i64, 20],
        "note" => ["n1", "n2"],
    ]
    .expect("frame");
    let opts = options(
        FileKind::Orders,
        &[
            (Role::CustomerId, "buyer"),
            (Role::Timestamp, "date"),
            (Role::UnitPrice, "price"),
        ],
    );
    let table = load(frame, &opts).expect("loads");
    assert_eq!(floats(&table, "amount"), vec![Some(2.0), Some(3.0)]);
    assert_eq!(
        strings(&table, "amount_orig"),
        vec![Some("x".into()), Some("y".into())]
    );
    assert_eq!(rows(&table), vec![1, 2]);
    assert!(table.frame.column("row_orig").is_ok());
    assert!(table.frame.column("note").is_ok());
}

#[test]
fn missing_role_names_file_role_and_flag() {
    let frame = df!["customer" => ["a"], "date" => ["2024-03-05"], "qty" => [1i64]].expect("frame");
    let opts = options(
        FileKind::Orders,
        &[
            (Role::CustomerId, "customer"),
            (Role::Timestamp, "date"),
            (Role::Quantity, "qty"),
        ],
    );
    // Orders need no money: they load without an amount, and the report says
    // what needs one.
    let table = load(frame.clone(), &opts).expect("orders without money load");
    assert!(table.frame.column("amount").is_err());
    let note = table
        .report
        .notes
        .iter()
        .find(|n| n.text().contains("no price or amount"));
    let note = note.expect("a note on the missing money");
    assert!(note.text().contains("--price / --amount"), "{note}");
    let unnamed = options(FileKind::Orders, &[(Role::CustomerId, "customer")]);
    let error = load(frame.clone(), &unnamed).expect_err("needs a date");
    assert!(matches!(
        error,
        DataError::MissingRole {
            role: Role::Timestamp,
            kind: FileKind::Orders,
            ..
        }
    ));
    let message = error.to_string();
    assert!(message.contains("orders.csv"), "{message}");
    assert!(message.contains("--time"), "{message}");

    let events = options(
        FileKind::Events,
        &[(Role::CustomerId, "customer"), (Role::Timestamp, "date")],
    );
    let message = load(frame, &events).expect_err("needs events").to_string();
    assert!(message.contains("event type"), "{message}");
    assert!(message.contains("--event"), "{message}");
}

#[test]
fn unknown_column_lists_the_available_ones() {
    let frame =
        df!["customer" => ["a"], "date" => ["2024-03-05"], "paid" => [1.0f64]].expect("frame");
    let opts = options(
        FileKind::Orders,
        &[
            (Role::CustomerId, "customer"),
            (Role::Timestamp, "Datum"),
            (Role::Amount, "paid"),
        ],
    );
    let error = load(frame, &opts).expect_err("no such column");
    let message = error.to_string();
    assert!(matches!(error, DataError::UnknownColumn { .. }));
    assert!(message.contains("'Datum'"), "{message}");
    assert!(message.contains("customer, date, paid"), "{message}");
}

#[test]
fn events_are_deduplicated_and_lower_cased() {
    let frame = df![
        "user_id" => ["1", "1", "2", ""],
        "behavior_type" => ["PV", "PV", "cart", "buy"],
        "timestamp" => [1_709_596_800i64, 1_709_596_800, 1_709_600_400, 1_709_600_401],
    ]
    .expect("frame");
    let opts = options(
        FileKind::Events,
        &[
            (Role::CustomerId, "user_id"),
            (Role::EventType, "behavior_type"),
            (Role::Timestamp, "timestamp"),
        ],
    );
    let table = load(frame, &opts).expect("loads");
    assert_eq!(problem(&table, ProblemKind::Duplicate), (1, vec![2]));
    assert_eq!(problem(&table, ProblemKind::MissingCustomer), (1, vec![4]));
    assert_eq!(
        strings(&table, "event"),
        vec![Some("pv".into()), Some("cart".into()), Some("buy".into())]
    );
    assert!(table.frame.column("is_return").is_err());
    assert!(
        table
            .report
            .notes
            .iter()
            .any(|n| n.text().contains("Unix seconds"))
    );
}

#[test]
fn customers_without_id_are_dropped() {
    let frame = df![
        "会员ID" => ["m1", "", "m3"],
        "城市" => ["上海", "北京", "广州"],
    ]
    .expect("frame");
    let opts = options(
        FileKind::Customers,
        &[(Role::CustomerId, "会员ID"), (Role::Region, "城市")],
    );
    let table = load(frame, &opts).expect("loads");
    assert_eq!(table.report.rows_kept, 2);
    assert_eq!(problem(&table, ProblemKind::MissingCustomer), (1, vec![2]));
    assert!(
        table
            .report
            .problem(ProblemKind::MissingCustomer)
            .expect("missing")
            .action
            .text()
            .contains("dropped")
    );
}

#[test]
fn products_keep_rows_with_unreadable_prices() {
    let frame = df![
        "sku" => ["A", "B", "C", ""],
        "price" => ["10", "n/a", "0", "5"],
    ]
    .expect("frame");
    let opts = options(
        FileKind::Products,
        &[(Role::ItemId, "sku"), (Role::UnitPrice, "price")],
    );
    let table = load(frame, &opts).expect("loads");
    assert_eq!(table.report.rows_kept, 3);
    assert_eq!(
        problem(&table, ProblemKind::UnparseableNumber),
        (1, vec![2])
    );
    assert_eq!(problem(&table, ProblemKind::NonPositivePrice), (1, vec![3]));
    assert_eq!(
        floats(&table, "unit_price"),
        vec![Some(10.0), None, Some(0.0)]
    );
    assert!(
        table
            .report
            .notes
            .iter()
            .any(|n| n.text().contains("without an item id"))
    );
}

#[test]
fn cancelling_stops_the_load() {
    let progress = Progress::detached();
    progress.cancel();
    let result = table_from_frame(
        messy_orders(),
        Path::new("orders.csv"),
        &messy_options(),
        &progress,
    );
    assert!(matches!(result, Err(DataError::Cancelled)));
}

/// Item names, categories, channels and statuses repeat over millions of lines:
/// they are stored as Categorical (4 bytes a line), ids stay text, and both read
/// back and export as the text of the file.
#[test]
fn repeated_text_is_stored_compactly_and_reads_back_and_exports_unchanged() {
    let frame = df!(
        "order" => ["o1", "o2", "o3"],
        "customer" => ["c1", "c2", "c1"],
        "time" => ["2024-01-02", "2024-01-03", "2024-01-04"],
        "product" => ["婴儿推车 豪华款", "安全座椅", "婴儿推车 豪华款"],
        "cat" => ["母婴", "母婴", "食品"],
        "channel" => ["小程序", "app", "小程序"],
        "state" => ["paid", "已取消", "paid"],
        "amount" => [10.0, 20.0, 30.0],
    )
    .expect("frame");
    let table = load(
        frame,
        &options(
            FileKind::Orders,
            &[
                (Role::OrderId, "order"),
                (Role::CustomerId, "customer"),
                (Role::Timestamp, "time"),
                (Role::ItemName, "product"),
                (Role::Category, "cat"),
                (Role::Region, "channel"),
                (Role::Status, "state"),
                (Role::Amount, "amount"),
            ],
        ),
    )
    .expect("loads");
    let dtype = |name: &str| table.frame.column(name).expect(name).dtype().clone();
    for name in ["item_name", "category", "region", "status"] {
        assert!(
            matches!(dtype(name), DataType::Categorical(..)),
            "{name}: {:?}",
            dtype(name)
        );
    }
    assert_eq!(dtype("customer_id"), DataType::String);
    assert_eq!(dtype("order_id"), DataType::String);
    assert_eq!(
        strings(&table, "item_name"),
        [
            Some("婴儿推车 豪华款"),
            Some("安全座椅"),
            Some("婴儿推车 豪华款")
        ]
        .map(|v| v.map(str::to_string))
    );
    assert_eq!(flags(&table, "is_cancelled"), [false, true, false]);

    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("lines.csv");
    marketbench::export::write_frame(&table.frame, &out).expect("export");
    let written = std::fs::read_to_string(&out).expect("read back");
    for value in [
        "婴儿推车 豪华款",
        "安全座椅",
        "母婴",
        "食品",
        "小程序",
        "已取消",
    ] {
        assert!(written.contains(value), "{value} in {written}");
    }
}

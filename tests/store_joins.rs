//! The store over several loaded tables: order lines stacked across order files
//! and joined with products and customers; replacing a table loaded again.

mod common;

use std::path::PathBuf;

use common::frames::options;
use marketbench::analysis::summary::Summary;
use marketbench::data::load::table_from_frame;
use marketbench::data::{FileKind, Role, Store, Table};
use marketbench::jobs::Progress;
use polars::prelude::*;

fn table(path: &str, kind: FileKind, frame: DataFrame, pairs: &[(Role, &str)]) -> Table {
    table_from_frame(
        frame,
        &PathBuf::from(path),
        &options(kind, pairs),
        &Progress::detached(),
    )
    .expect("loads")
}

fn shop() -> Store {
    let mut store = Store::default();
    let orders_2023 = df![
        "customer" => ["c1", "c2"],
        "date" => ["2023-12-30", "2023-12-31"],
        "sku" => ["A", "B"],
        "amount" => [10.0f64, 20.0],
    ]
    .expect("frame");
    let orders_2024 = df![
        "customer" => ["c1", "c3", "c9"],
        "date" => ["2024-01-02", "2024-01-03", "2024-01-04"],
        "sku" => ["B", "C", "A"],
        "name" => [Some("own name"), None, None],
        "amount" => [20.0f64, 30.0, 10.0],
    ]
    .expect("frame");
    let order_roles = [
        (Role::CustomerId, "customer"),
        (Role::Timestamp, "date"),
        (Role::ItemId, "sku"),
        (Role::Amount, "amount"),
    ];
    store.insert(table(
        "2023.csv",
        FileKind::Orders,
        orders_2023,
        &order_roles,
    ));
    let mut roles_2024 = order_roles.to_vec();
    roles_2024.push((Role::ItemName, "name"));
    store.insert(table(
        "2024.csv",
        FileKind::Orders,
        orders_2024,
        &roles_2024,
    ));
    let products = df![
        "sku" => ["A", "B", "C", "A"],
        "title" => ["Apple", "Bread", "Cheese", "Apricot"],
        "cat" => ["fruit", "bakery", "dairy", "fruit"],
    ]
    .expect("frame");
    store.insert(table(
        "products.csv",
        FileKind::Products,
        products,
        &[
            (Role::ItemId, "sku"),
            (Role::ItemName, "title"),
            (Role::Category, "cat"),
        ],
    ));
    let customers = df![
        "id" => ["c1", "c2", "c3"],
        "region" => ["north", "south", "east"],
    ]
    .expect("frame");
    store.insert(table(
        "customers.csv",
        FileKind::Customers,
        customers,
        &[(Role::CustomerId, "id"), (Role::Region, "region")],
    ));
    store
}

fn texts(frame: &DataFrame, name: &str) -> Vec<Option<String>> {
    marketbench::data::text::text(frame.column(name).expect(name))
        .expect("text")
        .iter()
        .map(|v| v.map(str::to_string))
        .collect()
}

#[test]
fn order_lines_stack_orders_and_join_products_and_customers() {
    let lines = shop().order_lines().expect("joins").expect("orders exist");
    assert_eq!(lines.height(), 5);
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        texts(&lines, "file"),
        vec![
            s("2023.csv"),
            s("2023.csv"),
            s("2024.csv"),
            s("2024.csv"),
            s("2024.csv")
        ]
    );
    assert_eq!(
        texts(&lines, "category"),
        vec![s("fruit"), s("bakery"), s("bakery"), s("dairy"), s("fruit")]
    );
    // The line's own name wins; the first product row of a duplicated sku is used.
    assert_eq!(
        texts(&lines, "item_name"),
        vec![
            s("Apple"),
            s("Bread"),
            s("own name"),
            s("Cheese"),
            s("Apple")
        ]
    );
    assert_eq!(
        texts(&lines, "region"),
        vec![s("north"), s("south"), s("north"), s("east"), None]
    );
    assert!(lines.column("row").is_ok());
}

#[test]
fn store_insert_replaces_the_same_path() {
    let mut store = shop();
    let before = store.tables.len();
    let again = df!["sku" => ["Z"], "cat" => ["misc"]].expect("frame");
    let replaced = store.insert(table(
        "products.csv",
        FileKind::Products,
        again,
        &[(Role::ItemId, "sku"), (Role::Category, "cat")],
    ));
    assert!(replaced.is_some());
    assert_eq!(store.tables.len(), before);
    assert!(Store::default().order_lines().expect("empty").is_none());
    let lines = store.order_lines().expect("joins").expect("orders");
    assert_eq!(lines.column("category").expect("category").null_count(), 5);
}

#[test]
fn orders_without_money_are_priced_from_the_products_file_when_it_has_prices() {
    let mut store = Store::default();
    let unpriced = df![
        "customer" => ["c1", "c2", "c3"],
        "date" => ["2024-01-02", "2024-01-03", "2024-01-04"],
        "sku" => ["A", "B", "Z"],
        "qty" => [2.0f64, -1.0, 1.0],
    ]
    .expect("frame");
    store.insert(table(
        "orders.csv",
        FileKind::Orders,
        unpriced,
        &[
            (Role::CustomerId, "customer"),
            (Role::Timestamp, "date"),
            (Role::ItemId, "sku"),
            (Role::Quantity, "qty"),
        ],
    ));
    assert!(!store.has_money());
    let lines = store.order_lines().expect("lines").expect("orders");
    assert!(
        lines.column("amount").is_err(),
        "no price anywhere: no amount"
    );

    // Beside a priced orders file, the unpriced lines are counted, not hidden.
    let priced = df![
        "customer" => ["c4", "c5"],
        "date" => ["2024-01-05", "2024-01-06"],
        "sku" => ["A", "B"],
        "paid" => [4.0f64, 6.0],
    ]
    .expect("frame");
    store.insert(table(
        "priced.csv",
        FileKind::Orders,
        priced,
        &[
            (Role::CustomerId, "customer"),
            (Role::Timestamp, "date"),
            (Role::ItemId, "sku"),
            (Role::Amount, "paid"),
        ],
    ));
    assert!(store.has_money());
    let lines = store.order_lines().expect("lines").expect("orders");
    let summary = Summary::from_lines(&lines).expect("summary");
    assert_eq!(summary.unpriced_lines, 3);
    assert_eq!(summary.revenue_net, Some(10.0));

    let products = df!["sku" => ["A", "B"], "price" => [5.0f64, 7.5]].expect("frame");
    store.insert(table(
        "products.csv",
        FileKind::Products,
        products,
        &[(Role::ItemId, "sku"), (Role::UnitPrice, "price")],
    ));
    assert!(store.has_money());
    let lines = store.order_lines().expect("lines").expect("orders");
    let amounts: Vec<Option<f64>> = lines
        .column("amount")
        .expect("amount from the catalogue")
        .f64()
        .expect("f64")
        .iter()
        .collect();
    // 2 × 5, a returned B at −7.5, Z has no catalogue price; the priced file's own.
    assert_eq!(
        amounts,
        vec![Some(10.0), Some(-7.5), None, Some(4.0), Some(6.0)]
    );
    let summary = Summary::from_lines(&lines).expect("summary");
    assert_eq!(summary.unpriced_lines, 1);
    assert_eq!(summary.revenue_net, Some(10.0 - 7.5 + 4.0 + 6.0));
}

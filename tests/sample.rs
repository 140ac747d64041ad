//! The sample store: determinism, files that parse with the documented columns,
//! and the generator's errors. The planted structure is checked in
//! `tests/sample_planted.rs`.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::sample_store::*;
use marketbench::data::sample::{SampleConfig, SampleError, write_orders_csv, write_sample};

fn small_config(seed: u64) -> SampleConfig {
    SampleConfig {
        seed,
        customers: 600,
        products: 120,
        ..SampleConfig::default()
    }
}

fn file_names(dir: &Path) -> Vec<PathBuf> {
    let mut names = Vec::new();
    for sub in [dir.to_path_buf(), dir.join("truth")] {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&sub)
            .expect("folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .map(|p| p.strip_prefix(dir).expect("inside").to_path_buf())
            .collect();
        entries.sort();
        names.extend(entries);
    }
    names
}

#[test]
fn same_seed_gives_identical_bytes_and_another_seed_differs() {
    let (a, b, c) = (
        tempfile::tempdir(),
        tempfile::tempdir(),
        tempfile::tempdir(),
    );
    let (a, b, c) = (a.expect("tmp"), b.expect("tmp"), c.expect("tmp"));
    write_sample(&small_config(7), a.path()).expect("first run");
    write_sample(&small_config(7), b.path()).expect("second run");
    write_sample(&small_config(8), c.path()).expect("other seed");
    let names = file_names(a.path());
    assert_eq!(names.len(), 16, "{names:?}");
    assert_eq!(names, file_names(b.path()));
    for name in &names {
        let first = std::fs::read(a.path().join(name)).expect("read");
        let second = std::fs::read(b.path().join(name)).expect("read");
        assert!(first == second, "{} differs between runs", name.display());
    }
    let orders = |dir: &Path| std::fs::read(dir.join("orders.csv")).expect("read");
    assert_ne!(orders(a.path()), orders(c.path()));
    // No temporary files are left behind.
    assert!(names.iter().all(|n| !n.to_string_lossy().contains(".tmp")));
}

#[test]
fn committed_sample_data_is_what_the_generator_writes() {
    let files = default_store();
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let names = file_names(&files.dir);
    assert_eq!(names, file_names(&committed));
    for name in names {
        let generated = std::fs::read(files.dir.join(&name)).expect("read");
        let stored = std::fs::read(committed.join(&name)).expect("read");
        assert!(
            generated == stored,
            "sample-data/{} is stale: regenerate with `marketbench sample --out sample-data`",
            name.display()
        );
    }
}

#[test]
fn files_parse_with_the_documented_columns_and_sizes() {
    let files = default_store();
    let orders = frame(&files.orders);
    assert_eq!(orders.height(), files.order_rows);
    assert!(
        (40_000..80_000).contains(&orders.height()),
        "{} order rows",
        orders.height()
    );
    let columns: Vec<&str> = orders
        .get_column_names()
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        columns,
        [
            "order_id",
            "customer_id",
            "order_time",
            "sku",
            "product_name",
            "category",
            "quantity",
            "unit_price",
            "amount",
            "status",
            "channel"
        ]
    );
    let products = frame(&files.products);
    let columns: Vec<&str> = products
        .get_column_names()
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        columns,
        ["商品ID", "商品名称", "英文名称", "品类", "单价", "毛利率"]
    );
    assert_eq!(products.height(), 300);
    let categories: BTreeSet<String> = text(&products, "品类").into_iter().collect();
    assert_eq!(categories.len(), 12);
    let customers = frame(&files.customers);
    assert_eq!(customers.height(), 5000);
    assert!(
        text(&customers, "phone")
            .iter()
            .all(|p| p.len() == 11 && p.starts_with('1'))
    );
    let events = frame(&files.events);
    assert_eq!(events.height(), files.event_rows);
    let behaviors: BTreeSet<String> = text(&events, "behavior").into_iter().collect();
    assert_eq!(
        behaviors,
        BTreeSet::from(["cart".into(), "purchase".into(), "view".into()])
    );
    // Amount = quantity × unit price on every line.
    let (q, p, a) = (
        numbers(&orders, "quantity"),
        numbers(&orders, "unit_price"),
        numbers(&orders, "amount"),
    );
    assert!((0..q.len()).all(|i| (q[i] * p[i] - a[i]).abs() < 0.011));
    let service = frame(&files.service);
    assert_eq!(service.height(), files.message_rows);
    assert!(
        (15_000..25_000).contains(&service.height()),
        "{} messages",
        service.height()
    );
    let columns: Vec<&str> = service
        .get_column_names()
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        columns,
        [
            "会话ID",
            "客户ID",
            "时间",
            "渠道",
            "消息内容",
            "客服回复",
            "意图"
        ]
    );
    let intents: BTreeSet<String> = text(&service, "意图")
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(intents.len(), 8, "{intents:?}");
    let reviews = frame(&files.reviews);
    assert_eq!(reviews.height(), files.review_rows);
    let ratings = numbers(&reviews, "评分");
    assert!(ratings.iter().all(|r| (1.0..=5.0).contains(r)));
    assert!(files.bytes < 13_000_000, "{} bytes", files.bytes);
}

#[test]
fn out_of_range_settings_and_unwritable_folders_are_errors() {
    let few_products = SampleConfig {
        products: 50,
        ..SampleConfig::default()
    };
    let dir = tempfile::tempdir().expect("tmp");
    match write_sample(&few_products, dir.path()) {
        Err(SampleError::Config { field, .. }) => assert_eq!(field, "products"),
        other => panic!("expected a config error, got {other:?}"),
    }
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, b"x").expect("write");
    let error = write_sample(&small_config(1), &blocked).expect_err("a file is in the way");
    assert!(matches!(error, SampleError::Io { .. }));
    assert!(error.to_string().contains("not-a-folder"), "{error}");
}

#[test]
fn bulk_orders_file_has_the_sample_layout() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("big.csv");
    let bytes = write_orders_csv(&path, 20_000, 5).expect("written");
    assert_eq!(bytes, std::fs::metadata(&path).expect("meta").len());
    let df = frame(&path);
    assert_eq!(df.height(), 20_000);
    let sample = frame(&default_store().orders);
    assert_eq!(df.get_column_names(), sample.get_column_names());
    let (q, p, a) = (
        numbers(&df, "quantity"),
        numbers(&df, "unit_price"),
        numbers(&df, "amount"),
    );
    assert!((0..q.len()).all(|i| (q[i] * p[i] - a[i]).abs() < 0.011));
    let status: BTreeSet<String> = text(&df, "status").into_iter().collect();
    assert_eq!(status.len(), 3);
    let again = dir.path().join("again.csv");
    write_orders_csv(&again, 20_000, 5).expect("written");
    assert!(std::fs::read(&path).expect("read") == std::fs::read(&again).expect("read"));
}

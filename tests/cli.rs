//! End-to-end: the `marketbench` binary on the bundled sample store, on a freshly
//! generated one, with role overrides, and on bad input.

mod common;

use common::cli::*;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

fn file<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["file"].as_str().is_some_and(|p| p.ends_with(name)))
        .unwrap_or_else(|| panic!("{name} in the report"))
}

fn role_of(file: &Value, column: &str) -> Option<String> {
    file["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .find(|c| c["name"] == column)
        .and_then(|c| c["role"].as_str().map(str::to_string))
}

fn problem_count(file: &Value, kind: &str) -> u64 {
    file["report"]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .find(|p| p["kind"] == kind)
        .map_or(0, |p| p["count"].as_u64().expect("count"))
}

/// Distinct non-empty customer ids and the number of data rows, read naively
/// (the sample needs no quoting) so the check does not go through the loader.
fn orders_truth(path: &Path) -> (usize, usize) {
    let text = std::fs::read_to_string(path).expect("orders.csv");
    let mut customers = BTreeSet::new();
    let mut rows = 0;
    for line in text.lines().skip(1) {
        rows += 1;
        let id = line.split(',').nth(1).expect("customer column");
        if !id.is_empty() {
            customers.insert(id.to_string());
        }
    }
    (customers.len(), rows)
}

#[test]
fn inspect_finds_the_sample_store_roles_problems_and_summary() {
    let dir = sample_dir();
    let report = json_of(&marketbench(&["inspect", &dir, "--json"]));
    assert_eq!(
        report["files"].as_array().map(Vec::len),
        Some(6),
        "truth/ is not data"
    );

    let orders = file(&report, "orders.csv");
    assert_eq!(orders["kind"], "orders");
    for (column, role) in [
        ("customer_id", "customer_id"),
        ("order_id", "order_id"),
        ("order_time", "ts"),
        ("sku", "item_id"),
        ("quantity", "quantity"),
        ("amount", "amount"),
        ("status", "status"),
    ] {
        assert_eq!(role_of(orders, column).as_deref(), Some(role), "{column}");
    }
    // Chinese headers.
    let products = file(&report, "products.csv");
    assert_eq!(products["kind"], "products");
    for (column, role) in [
        ("商品ID", "item_id"),
        ("商品名称", "item_name"),
        ("品类", "category"),
        ("单价", "unit_price"),
    ] {
        assert_eq!(role_of(products, column).as_deref(), Some(role), "{column}");
    }
    assert_eq!(file(&report, "customers.csv")["kind"], "customers");
    assert_eq!(file(&report, "events.csv")["kind"], "behaviour events");

    // The planted messy rows (sample-data/truth/messy_rows.csv).
    let truth =
        std::fs::read_to_string(Path::new(&dir).join("truth/messy_rows.csv")).expect("truth file");
    let planted = |kind: &str| truth.lines().filter(|l| l.contains(kind)).count() as u64;
    assert_eq!(problem_count(orders, "Duplicate"), planted(",duplicate,"));
    assert_eq!(
        problem_count(orders, "MissingCustomer"),
        planted(",empty_customer_id,")
    );
    let planted_rows: BTreeSet<u64> = truth
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next()?.parse().ok())
        .collect();
    for problem in orders["report"]["problems"].as_array().expect("problems") {
        if problem["kind"] == "Duplicate" || problem["kind"] == "MissingCustomer" {
            for example in problem["examples"].as_array().expect("examples") {
                let row = example["row"].as_u64().expect("row");
                assert!(
                    planted_rows.contains(&row),
                    "row {row} is a planted messy row"
                );
            }
        }
    }

    let (customers, rows) = orders_truth(&Path::new(&dir).join("orders.csv"));
    let summary = &report["summary"];
    assert_eq!(summary["customers"].as_u64(), Some(customers as u64));
    assert_eq!(
        summary["order_lines"].as_u64(),
        Some(rows as u64 - planted(",duplicate,"))
    );
    assert_eq!(summary["items"].as_u64(), Some(300));
    assert_eq!(summary["first_day"], "2024-07-01");
    assert_eq!(summary["last_day"], "2026-06-30");
}

#[test]
fn sample_writes_a_store_that_inspect_reads() {
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("shop");
    let dir_text = dir.to_str().expect("utf-8 path");
    let written = marketbench(&[
        "sample",
        "--seed",
        "7",
        "--customers",
        "400",
        "--out",
        dir_text,
    ]);
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let report = json_of(&marketbench(&["inspect", dir_text, "--json"]));
    assert_eq!(file(&report, "orders.csv")["kind"], "orders");
    let customers = report["summary"]["customers"].as_u64().expect("customers");
    assert!(customers > 300 && customers <= 400, "{customers}");
}

#[test]
fn role_overrides_map_columns_detection_cannot_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("export.csv");
    std::fs::write(
        &path,
        "k1,k2,k3,k4\nA,2024-01-05,19.5,x\nB,2024-01-06,5,y\nA,2024-02-01,7.25,x\n",
    )
    .expect("write");
    let path = path.to_str().expect("utf-8 path");
    let report = json_of(&marketbench(&[
        "inspect",
        path,
        "--customer",
        "k1",
        "--time",
        "k2",
        "--amount",
        "k3",
        "--item",
        "k4",
        "--kind",
        "orders",
        "--json",
    ]));
    let export = file(&report, "export.csv");
    assert_eq!(role_of(export, "k1").as_deref(), Some("customer_id"));
    assert_eq!(role_of(export, "k3").as_deref(), Some("amount"));
    assert_eq!(report["summary"]["customers"].as_u64(), Some(2));
    assert_eq!(report["summary"]["revenue_net"].as_f64(), Some(31.75));

    let wrong = marketbench(&["inspect", path, "--customer", "nope"]);
    assert!(!wrong.status.success());
    let message = String::from_utf8_lossy(&wrong.stderr);
    assert!(message.contains("--customer nope"), "{message}");
    assert!(message.contains("k1, k2, k3, k4"), "{message}");
}

#[test]
fn bad_input_is_a_clear_error_not_a_panic() {
    let missing = marketbench(&["inspect", "no-such-file.csv"]);
    assert_eq!(missing.status.code(), Some(1));
    let message = String::from_utf8_lossy(&missing.stderr);
    assert!(message.contains("no-such-file.csv"), "{message}");
    assert!(!message.contains("panicked"), "{message}");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("orders.csv");
    std::fs::write(
        &path,
        "customer,date,amount\nA,31/31/2024,5\nB,yesterday,6\nC,32.13.2024,7\n",
    )
    .expect("write");
    let bad = marketbench(&["inspect", path.to_str().expect("utf-8"), "--time", "date"]);
    assert_eq!(bad.status.code(), Some(1));
    let message = String::from_utf8_lossy(&bad.stderr);
    assert!(message.contains("orders.csv"), "{message}");
    assert!(message.contains("date"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
}

/// Runs `args`, expects a refusal that names the output, and the file unchanged.
fn refused(args: &[&str], protected: &Path, before: &[u8]) {
    let output = marketbench(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{args:?} was not refused");
    assert!(
        stderr.contains("refusing to write there"),
        "{args:?}: {stderr}"
    );
    assert_eq!(
        std::fs::read(protected).expect("still there"),
        before,
        "{args:?} changed {}",
        protected.display()
    );
}

#[test]
fn an_output_path_that_is_an_input_or_a_link_to_one_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let orders = dir.path().join("orders.csv");
    std::fs::copy(format!("{}/orders.csv", sample_dir()), &orders).expect("copy");
    let before = std::fs::read(&orders).expect("orders");
    let orders_arg = orders.to_str().expect("utf-8");
    refused(&["rfm", orders_arg, "--out", orders_arg], &orders, &before);
    // The same file by another name: a link, or a file inside a folder given.
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&orders, &link).expect("link");
    let link_arg = link.to_str().expect("utf-8");
    refused(
        &["segment", orders_arg, "--out", link_arg],
        &orders,
        &before,
    );
    let folder = dir.path().to_str().expect("utf-8");
    refused(&["forecast", folder, "--out", orders_arg], &orders, &before);

    // A campaign never writes over its project nor the project's data files.
    let project = dir.path().join("shop.json");
    let project_arg = project.to_str().expect("utf-8");
    let made = marketbench(&["project", "new", orders_arg, "--out", project_arg]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let saved = std::fs::read(&project).expect("project");
    refused(
        &["project", "new", orders_arg, "--out", orders_arg],
        &orders,
        &before,
    );
    let define = r#"{"name": "all", "condition": {"kind": "all", "of": []}}"#;
    for out in [project_arg, orders_arg] {
        let protected: &Path = if out == project_arg {
            &project
        } else {
            &orders
        };
        let content = if out == project_arg { &saved } else { &before };
        refused(
            &["campaign", project_arg, "--define", define, "--out", out],
            protected,
            content,
        );
    }
    // A new file is written as before.
    let list = dir.path().join("list.csv");
    let ok = marketbench(&[
        "campaign",
        project_arg,
        "--define",
        define,
        "--out",
        list.to_str().expect("utf-8"),
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(list.exists());
}

#[test]
fn json_nested_deeper_than_any_export_is_refused_not_a_stack_overflow() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = dir.path().join("deep.json");
    std::fs::write(
        &deep,
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .expect("write");
    let objects = dir.path().join("objects.json");
    std::fs::write(
        &objects,
        format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)),
    )
    .expect("write");
    for file in [&deep, &objects] {
        for command in ["inspect", "rfm"] {
            let output = marketbench(&[command, file.to_str().expect("utf-8")]);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{command} {}: {stderr}",
                file.display()
            );
            assert!(
                stderr.contains("deep.json") || stderr.contains("objects.json"),
                "{stderr}"
            );
            assert!(
                stderr.contains("more than 128 levels deep (line 1"),
                "{stderr}"
            );
        }
    }
    // A folder holding it says so for that file instead of aborting.
    let output = marketbench(&["inspect", dir.path().to_str().expect("utf-8")]);
    assert_ne!(output.status.code(), Some(134), "aborted");
    assert!(output.status.code().is_some(), "killed by a signal");
}

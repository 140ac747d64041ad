//! An orders file too big to load (`MARKETBENCH_MEMORY` set below its load
//! need) still gives RFM, segments and a weekly forecast through the streaming
//! engine, with the same figures as the loaded file and a line saying so, and
//! popularity and item-kNN recommendations with the loaded lists; a command
//! that needs the lines still refuses with the memory figures.

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Output;

use common::cli::without_fit_times;
use serde_json::Value;

/// Order lines of 300 customers over two years, with returns, cancellations,
/// exact duplicates and a placeholder date.
fn orders(dir: &Path) -> String {
    let mut seed: u64 = 7;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let mut text = String::from("order_id,customer_id,order_date,sku,quantity,unit_price,status\n");
    for order in 0..3000 {
        let customer = next(300);
        let day = chrono::NaiveDate::from_ymd_opt(2023, 1, 2).expect("day")
            + chrono::Days::new(next(728));
        let status = if next(30) == 0 { "cancelled" } else { "paid" };
        for _ in 0..=next(2) {
            let quantity = if next(20) == 0 {
                -1
            } else {
                1 + next(3) as i64
            };
            let line = format!(
                "O{order},C{customer},{day},S{},{quantity},{}.50,{status}\n",
                next(50),
                5 + next(100)
            );
            text.push_str(&line);
            if next(30) == 0 {
                text.push_str(&line);
            }
        }
    }
    let _ = writeln!(text, "O9999,C1,9999-12-31,S1,1,10.00,paid");
    let path = dir.join("orders.csv");
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("utf-8").to_string()
}

fn run(args: &[&str], memory: Option<&str>) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_marketbench"));
    command.args(args).env_remove("MARKETBENCH_MEMORY");
    if let Some(memory) = memory {
        command.env("MARKETBENCH_MEMORY", memory);
    }
    command.output().expect("runs")
}

/// The JSON a run printed, and its `streamed` line (taken out).
fn json(output: &Output) -> (Value, Option<String>) {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut value: Value = serde_json::from_slice(&output.stdout).expect("json");
    let streamed = value
        .as_object_mut()
        .and_then(|o| o.remove("streamed"))
        .and_then(|s| s.as_str().map(String::from));
    (value, streamed)
}

/// The file is about 150 KB, so its load needs about 450 KB: 200 KB is too little.
const SMALL: &str = "200KB";

#[test]
fn rfm_segments_and_a_weekly_forecast_stream_with_the_loaded_figures() {
    let dir = tempfile::tempdir().expect("dir");
    let file = orders(dir.path());
    for args in [
        vec!["rfm", &file, "--json"],
        vec!["segment", &file, "--json", "--k", "4"],
        vec![
            "forecast",
            &file,
            "--json",
            "--freq",
            "week",
            "--measure",
            "orders",
        ],
        vec!["forecast", &file, "--json", "--freq", "week"],
    ] {
        let (loaded, not_streamed) = json(&run(&args, None));
        assert_eq!(not_streamed, None, "{args:?}");
        let (streamed, line) = json(&run(&args, Some(SMALL)));
        let line = line.unwrap_or_else(|| panic!("{args:?}: no streamed line"));
        assert!(
            line.starts_with("streamed: the file is larger than the memory free;"),
            "{line}"
        );
        assert!(line.contains("is free"), "{line}");
        let (mut loaded, mut streamed) = (loaded, streamed);
        // Segments: top categories need the lines (there is no category column
        // here, so they are empty in both).
        for value in [&mut loaded, &mut streamed] {
            if let Some(o) = value.as_object_mut() {
                o.remove("rules");
            }
        }
        // The price profile (discount share, mean unit price) needs each item's
        // median price over every line: a streamed run leaves it out.
        let segments = loaded.get_mut("segments").and_then(Value::as_array_mut);
        let segments = segments.into_iter().flatten();
        for segment in segments {
            for stat in ["means", "medians"] {
                if let Some(o) = segment[stat].as_object_mut() {
                    assert!(o.remove("discount_share").is_some(), "{args:?}");
                    assert!(o.remove("avg_unit_price").is_some(), "{args:?}");
                }
            }
        }
        assert_eq!(streamed, loaded, "{args:?}");
    }
    // The text output says so in its first line.
    let text = run(&["rfm", &file], Some(SMALL));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.lines().next().unwrap_or("").starts_with("streamed: "),
        "{text}"
    );
}

#[test]
fn what_needs_the_lines_still_refuses_with_the_memory_figures() {
    let dir = tempfile::tempdir().expect("dir");
    let file = orders(dir.path());
    for args in [
        vec!["recommend", file.as_str(), "--model", "als"],
        vec!["recommend", file.as_str(), "--model", "repeat"],
        vec!["forecast", file.as_str(), "--by", "item"],
    ] {
        let output = run(&args, Some(SMALL));
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(error.contains("orders.csv"), "{error}");
        assert!(error.contains("needs about"), "{error}");
        assert!(error.contains("free"), "{error}");
    }
}

/// Order lines of 400 customers over a year with planted co-bought items: a
/// customer of taste k (customer number mod 12) buys `P{k}` and, but for every
/// tenth customer (who only buys `P{k}`), `Q{k}`, both again and again, and a
/// few of 30 other items; with returns, a cancelled order, exact duplicates, a
/// placeholder date, prices that vary and an item's first name left empty.
fn planted_orders(dir: &Path) -> String {
    let mut seed: u64 = 11;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let mut text = String::from(
        "order_id,customer_id,order_date,sku,product,category,quantity,unit_price,status\n",
    );
    let _ = writeln!(text, "O0,C0,2024-01-02,P0,,Fresh,1,3.50,paid");
    let mut order = 1;
    for customer in 0..400u64 {
        let taste = customer % 12;
        let probe = customer % 10 == 0;
        for _ in 0..8 {
            let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).expect("day")
                + chrono::Days::new(next(360));
            let status = if next(40) == 0 { "cancelled" } else { "paid" };
            let mut items = vec![format!("P{taste}")];
            if !probe && next(3) > 0 {
                items.push(format!("Q{taste}"));
            }
            if next(3) == 0 {
                items.push(format!("N{}", next(30)));
            }
            for item in items {
                let quantity = if next(25) == 0 {
                    -1
                } else {
                    1 + next(2) as i64
                };
                let category = if item.starts_with('N') {
                    "Other"
                } else {
                    "Fresh"
                };
                let line = format!(
                    "O{order},C{customer},{day},{item},Product {item},{category},{quantity},{}.{}0,{status}\n",
                    2 + next(5),
                    next(10)
                );
                text.push_str(&line);
                if next(30) == 0 {
                    text.push_str(&line);
                }
            }
            order += 1;
        }
    }
    let _ = writeln!(
        text,
        "O{order},C1,9999-12-31,Q1,Product Q1,Fresh,1,3.00,paid"
    );
    let path = dir.join("orders.csv");
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("utf-8").to_string()
}

/// The planted file is about 380 KB, so its load needs over 1 MB; its 2,000 or
/// so customer × item pairs need about 400 KB.
const PAIRS_FIT: &str = "800KB";

#[test]
fn popular_and_item_knn_recommend_from_a_streamed_file_with_the_loaded_lists() {
    let dir = tempfile::tempdir().expect("dir");
    let file = planted_orders(dir.path());
    for model in ["popular", "item-knn"] {
        let args = ["recommend", &file, "--model", model, "--json", "--top", "5"];
        let (loaded, not_streamed) = json(&run(&args, None));
        assert_eq!(not_streamed, None, "{model}");
        let (streamed, line) = json(&run(&args, Some(PAIRS_FIT)));
        let line = line.unwrap_or_else(|| panic!("{model}: no streamed line"));
        assert!(line.starts_with("streamed: "), "{line}");
        assert!(line.contains("2 × through the file"), "{line}");
        let lists = loaded["recommendations"].as_array().map_or(0, Vec::len);
        assert!(lists > 1000, "{model}: {lists} recommendations");
        assert_eq!(
            without_fit_times(streamed),
            without_fit_times(loaded),
            "{model}"
        );
    }
    // The planted answer: who bought only P{k} is offered Q{k} first.
    for customer in ["C10", "C20", "C130"] {
        let args = ["recommend", &file, "--json", "--for", customer];
        let (streamed, _) = json(&run(&args, Some(PAIRS_FIT)));
        let taste = customer[1..].parse::<u64>().expect("number") % 12;
        assert_eq!(
            streamed["recommendations"][0]["item_id"],
            Value::from(format!("Q{taste}")),
            "{customer}: {streamed}"
        );
    }
    // The text output says so in its first line, and names the first name given.
    let output = run(&["recommend", &file, "--for", "C12"], Some(PAIRS_FIT));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("streamed: "), "{text}");
    assert!(text.contains("Product P0"), "{text}");
}

#[test]
fn streamed_recommendations_are_refused_when_even_the_pairs_do_not_fit() {
    let dir = tempfile::tempdir().expect("dir");
    let file = planted_orders(dir.path());
    let output = run(&["recommend", &file, "--model", "popular"], Some("100KB"));
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("customer × item pairs"), "{error}");
    assert!(error.contains("orders.csv"), "{error}");
    assert!(error.contains("needs about"), "{error}");
}

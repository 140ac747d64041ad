//! An orders file too big to load (`MARKETBENCH_MEMORY` set below its load
//! need) still gives RFM, segments and a weekly forecast through the streaming
//! engine, with the same figures as the loaded file and a line saying so; a
//! command that needs the lines still refuses with the memory figures.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Output;

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
        vec!["recommend", file.as_str()],
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

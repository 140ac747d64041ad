//! `marketbench recommend --model sasrec --sasrec-model FILE` on a shop where
//! order matters: the first run trains and saves the model, the second reuses
//! it without training and gives the same lists, changed purchases or settings
//! train again, and a file that is not a model is refused, never overwritten.

mod common;

use std::fs::OpenOptions;
use std::io::Write;

use common::cli::{json_of, marketbench};
use common::planted::ring_orders;
use serde_json::Value;

/// `recommend --model sasrec` on `orders` with the model file `model` and
/// `epochs`, as JSON.
fn recommend(orders: &str, model: &str, epochs: &str) -> Value {
    json_of(&marketbench(&[
        "recommend",
        orders,
        "--model",
        "sasrec",
        "--sasrec-model",
        model,
        "--sasrec-epochs",
        epochs,
        "--json",
    ]))
}

#[test]
fn a_saved_model_is_reused_only_for_the_same_purchases_and_settings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let orders = ring_orders(dir.path());
    let orders = orders.to_str().expect("utf-8 path");
    let model_path = dir.path().join("rings.sasrec.safetensors");
    let model = model_path.to_str().expect("utf-8 path");

    let first = recommend(orders, model, "3");
    assert_eq!(first["sasrec"]["reloaded"], false, "{}", first["sasrec"]);
    assert!(model_path.exists());
    let epochs = first["sasrec"]["epochs"].as_u64().expect("epochs");
    assert!((1..=3).contains(&epochs), "{}", first["sasrec"]);
    let summary = first["sasrec"]["summary"].as_str().expect("summary");
    assert!(summary.contains("saved to"), "{summary}");

    let second = recommend(orders, model, "3");
    assert_eq!(second["sasrec"]["reloaded"], true, "{}", second["sasrec"]);
    assert_eq!(second["sasrec"]["epochs"], epochs);
    assert_eq!(second["recommendations"], first["recommendations"]);

    // Other settings: trained again (and saved over the old model).
    let other = recommend(orders, model, "2");
    assert_eq!(other["sasrec"]["reloaded"], false);

    // One more purchase: the sequences differ, so it trains again.
    let mut file = OpenOptions::new()
        .append(true)
        .open(dir.path().join("rings.csv"))
        .expect("open orders");
    writeln!(file, "O99999,C000,2025-06-01,SKU01,1,9.90").expect("append");
    let changed = recommend(orders, model, "2");
    assert_eq!(changed["sasrec"]["reloaded"], false);
}

#[test]
fn a_file_that_is_not_a_model_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let orders = ring_orders(dir.path());
    let orders = orders.to_str().expect("utf-8 path");
    let output = marketbench(&[
        "recommend",
        orders,
        "--model",
        "sasrec",
        "--sasrec-model",
        orders,
    ]);
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("rings.csv"), "{error}");
    assert!(error.contains("not a SASRec model"), "{error}");
    assert!(error.contains("delete the file or name another"), "{error}");
    let text = std::fs::read_to_string(orders).expect("orders");
    assert!(text.starts_with("order_id,customer_id"));

    let output = marketbench(&["recommend", orders, "--sasrec-model", "x.safetensors"]);
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("use it with --model sasrec"), "{error}");
}

//! The readout of a list that was sent: `campaign --readout LATER --sent LIST`
//! compares exactly the targets and the control group the list's record names,
//! even after the campaign's definition changed; without `--sent` the audience
//! is rebuilt from the project, which then holds other people.
//!
//! Planted answer: in the later orders every recorded target buys once and one
//! control customer in ten does.

mod common;

use std::fmt::Write as _;

use common::cli::{json_of, marketbench, new_project};
use marketbench::numbers::count;
use serde_json::Value;

fn winback(seed: u64) -> String {
    format!(
        r#"{{"name": "winback", "seed": {seed}, "control_share": 0.2,
        "condition": {{"kind": "all", "of": [
            {{"kind": "rfm_group", "values": ["At risk", "Can't lose them", "Hibernating"]}},
            {{"kind": "has_email"}}]}}}}"#
    )
}

fn ids(record: &Value, key: &str) -> Vec<String> {
    record[key]
        .as_array()
        .expect(key)
        .iter()
        .map(|v| v.as_str().expect("id").to_string())
        .collect()
}

#[test]
fn a_readout_of_the_sent_list_compares_the_recorded_groups() {
    let folder = tempfile::tempdir().expect("temp dir");
    let project = new_project(
        folder.path(),
        &["orders.csv", "customers.csv", "products.csv"],
    );
    let list = folder.path().join("winback.csv");
    let list = list.to_str().expect("utf-8 path");
    let sent = json_of(&marketbench(&[
        "campaign",
        &project,
        "--define",
        &winback(9),
        "--out",
        list,
        "--format",
        "mailchimp",
        "--json",
    ]));
    let record: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{list}.json")).expect("record"))
            .expect("json");
    let targets = ids(&record, "target_ids");
    let controls = ids(&record, "control_ids");
    assert_eq!(
        targets.len() as u64,
        sent["targets"].as_u64().expect("targets")
    );
    assert_eq!(
        controls.len() as u64,
        sent["controls"].as_u64().expect("controls")
    );

    // Later orders: every target buys, every tenth control customer too.
    let later = folder.path().join("later.csv");
    let mut orders = String::from("order_id,customer_id,order_time,sku,quantity,amount\n");
    let control_buyers: Vec<&String> = controls.iter().step_by(10).collect();
    for (n, id) in targets
        .iter()
        .chain(control_buyers.iter().copied())
        .enumerate()
    {
        let _ = writeln!(orders, "L{n:06},{id},2026-08-01 10:00:00,SKU0001,1,100.00");
    }
    std::fs::write(&later, orders).expect("later orders");
    let later = later.to_str().expect("utf-8 path");

    // The campaign changes afterwards: another seed splits other people off.
    json_of(&marketbench(&[
        "campaign",
        &project,
        "--define",
        &winback(10),
        "--json",
    ]));

    let read = json_of(&marketbench(&[
        "campaign",
        &project,
        "--name",
        "winback",
        "--readout",
        later,
        "--sent",
        list,
        "--json",
    ]));
    let readout = &read["readout"];
    assert_eq!(
        readout["target"]["customers"].as_u64(),
        Some(targets.len() as u64)
    );
    assert_eq!(readout["target"]["response_rate"].as_f64(), Some(1.0));
    assert_eq!(
        readout["control"]["responders"].as_u64(),
        Some(control_buyers.len() as u64)
    );
    let compared = readout["compared"].as_str().expect("compared");
    assert!(
        compared.contains(&format!("({} targets", count(targets.len()))),
        "{compared}"
    );

    // Rebuilt with the new seed, the groups hold other people.
    let rebuilt = json_of(&marketbench(&[
        "campaign",
        &project,
        "--name",
        "winback",
        "--readout",
        later,
        "--json",
    ]));
    let rate = rebuilt["readout"]["target"]["response_rate"]
        .as_f64()
        .expect("rate");
    assert!(
        rate < 1.0,
        "the rebuilt targets include old controls: {rate}"
    );
    assert_eq!(
        rebuilt["readout"]["compared"],
        "the audience rebuilt from the project"
    );

    // A list without its record says what to choose.
    let bare = folder.path().join("bare.csv");
    std::fs::write(&bare, "email\na@x.com\n").expect("bare list");
    let refused = marketbench(&[
        "campaign",
        &project,
        "--name",
        "winback",
        "--readout",
        later,
        "--sent",
        bare.to_str().expect("utf-8 path"),
    ]);
    assert!(!refused.status.success());
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(
        error.contains("bare.csv.json") && error.contains("Choose the list file"),
        "{error}"
    );
}

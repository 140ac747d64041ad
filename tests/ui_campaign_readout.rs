//! The Campaigns readout of a list that was sent, driven through egui_kittest:
//! the operator names the list exported earlier and the later orders, presses
//! Read out, and the tab compares the groups the list's record names (planted:
//! every recorded target buys later, no control customer does), saying which
//! groups it compared and, in one sentence, that the campaign worked.

mod common;

use std::fmt::Write as _;

use common::cli::{json_of, marketbench, new_project};
use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use marketbench::jobs::no_wake;
use marketbench::ui::Tab;

#[test]
fn the_readout_of_a_sent_list_compares_its_recorded_groups() {
    let folder = tempfile::tempdir().expect("temp dir");
    let project = new_project(folder.path(), &["orders.csv", "customers.csv"]);
    let list = folder.path().join("sent.csv");
    let define = r#"{"name": "sent", "seed": 3, "control_share": 0.25,
        "condition": {"kind": "rfm_group", "values": ["At risk"]}}"#;
    let sent = json_of(&marketbench(&[
        "campaign",
        &project,
        "--define",
        define,
        "--out",
        list.to_str().expect("utf-8 path"),
        "--json",
    ]));
    let targets = sent["targets"].as_u64().expect("targets");
    let record: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(folder.path().join("sent.csv.json")).expect("record"),
    )
    .expect("json");
    let mut orders = String::from("order_id,customer_id,order_time,sku,quantity,amount\n");
    for (n, id) in record["target_ids"]
        .as_array()
        .expect("ids")
        .iter()
        .enumerate()
    {
        let id = id.as_str().expect("id");
        let _ = writeln!(orders, "L{n:06},{id},2026-08-01 10:00:00,SKU0001,1,50.00");
    }
    let later = folder.path().join("later.csv");
    std::fs::write(&later, orders).expect("later orders");

    let mut harness = app_harness(returning_user(), no_wake(), 2400.0);
    step_until(&mut harness, "the orders", loaded);
    click_tab(&mut harness, Tab::Campaigns);
    step_until(&mut harness, "the audience", |app| current(app).is_some());
    harness.get_by_label("Sent list:").scroll_to_me();
    harness.run();
    replace_text(&mut harness, "Sent list:", list.to_str().expect("path"));
    replace_text(&mut harness, "Later orders:", later.to_str().expect("path"));
    harness
        .get_by_role_and_label(Role::Button, "Read out")
        .click();
    step_until(&mut harness, "the readout", |app| {
        let slot = app.workspace().campaigns.readout_slot();
        slot.pending().is_none() && (slot.value().is_some() || slot.error().is_some())
    });
    harness.run();

    let slot = harness.state().workspace().campaigns.readout_slot();
    let result = slot.value().unwrap_or_else(|| panic!("{:?}", slot.error()));
    assert_eq!(result.readout.target.customers as u64, targets);
    assert_eq!(result.readout.target.response_rate, 1.0);
    assert_eq!(result.readout.control.responders, 0);
    harness.get_by_label_contains("Compared: the list exported");
    harness.get_by_label_contains(&format!("({targets} targets,"));
    assert!(shown(&harness, "100.0%"), "the targets' response");
    // What it means, in one sentence: every target bought, no control customer.
    harness.get_by_label_contains("The campaign worked: targets bought 100.0 pts more often");
}

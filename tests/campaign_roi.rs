//! End-to-end: the campaign what-if on the sample store counts only the buyers
//! the campaign adds as earning, pays the incentive on the buyers anyway too, and
//! a list is never written in a format its file name contradicts.

mod common;

use common::cli::*;

use serde_json::Value;

fn number(value: &Value) -> f64 {
    value.as_f64().expect("a number")
}

#[test]
fn buyers_anyway_are_not_counted_as_campaign_responders() {
    let folder = tempfile::tempdir().expect("temp dir");
    let project = new_project(folder.path(), &["orders.csv", "customers.csv"]);
    let project = project.as_str();
    // A campaign with typed economics: 30% buy anyway, 2% more because of it.
    let define = r#"{"name": "at risk", "control_share": 0.1,
        "condition": {"kind": "all", "of": [
            {"kind": "rfm_group", "values": ["At risk"]}, {"kind": "has_email"}]},
        "roi": {"cost_per_contact": 0.5, "incentive_share": 0.1, "margin_share": 0.4,
                "avg_order_value": 100.0, "baseline_rate": 0.3, "uplift_rate": 0.02,
                "baseline_redemption": 1.0}}"#;
    let output = marketbench(&[
        "campaign", project, "--define", define, "--aov", "100", "--json",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let run: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let targets = number(&run["targets"]);
    assert!(targets > 100.0, "{targets}");
    let roi = &run["roi"];
    // By hand, per target: 0.3 buy anyway, 0.02 more; only 0.02 × 100 × 0.4 = 0.8
    // earns; costs 0.5 + (0.02 + 0.3) × 100 × 0.1 = 3.7; profit −2.9.
    assert!((number(&roi["baseline_buyers"]) - 0.3 * targets).abs() < 1e-6);
    assert!((number(&roi["incremental_responders"]) - 0.02 * targets).abs() < 1e-6);
    assert!((number(&roi["incremental_revenue"]) - 2.0 * targets).abs() < 1e-6);
    assert!((number(&roi["cost"]) - 3.7 * targets).abs() < 1e-6);
    assert!((number(&roi["profit"]) + 2.9 * targets).abs() < 1e-6);
    assert!((number(&roi["roi"]) + 2.9 / 3.7).abs() < 1e-9);
    // Break-even uplift: (0.5 + 0.3 × 100 × 0.1) / (100 × 0.3) = 3.5 / 30.
    assert!((number(&roi["break_even_uplift"]) - 3.5 / 30.0).abs() < 1e-9);
    // The text output says both numbers.
    let text = marketbench(&["campaign", project, "--name", "at risk", "--aov", "100"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("buy anyway") && text.contains("incremental responders"),
        "{text}"
    );
}

#[test]
fn a_format_its_file_name_contradicts_is_refused_before_any_work() {
    let folder = tempfile::tempdir().expect("temp dir");
    let project = new_project(folder.path(), &["orders.csv"]);
    let project = project.as_str();
    let define = r#"{"name": "all", "condition": {"kind": "all", "of": []}}"#;
    let out = folder.path().join("x.xlsx");
    let refused = marketbench(&[
        "campaign",
        project,
        "--define",
        define,
        "--format",
        "meta",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("x.xlsx") && message.contains("meta") && message.contains(".csv"),
        "{message}"
    );
    assert!(!out.exists());
    // Refused before the definition was saved; the matching name works, and the
    // confirmation names the full path of the list and of the control file.
    let out = folder.path().join("x.csv");
    let written = marketbench(&[
        "campaign",
        project,
        "--define",
        define,
        "--format",
        "meta",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(written.status.success());
    let said = String::from_utf8_lossy(&written.stdout);
    assert!(said.contains(&out.display().to_string()), "{said}");
    assert!(said.contains("x.control.csv"), "{said}");
}

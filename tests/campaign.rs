//! End-to-end: `marketbench project new` and `marketbench campaign` on the sample
//! store: define, run, export in every format, exclude the recently contacted.

mod common;

use common::cli::*;

use std::path::Path;

use marketbench::analysis::propensity::RiskThresholds;
use marketbench::analysis::segments::KChoice;
use marketbench::workspace::project::{SEGMENTS_KEY, VALUE_KEY};
use marketbench::workspace::segments::SegmentsParams;
use marketbench::workspace::value::ValueSettings;
use serde_json::Value;

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

#[test]
fn a_campaign_on_the_sample_store_matches_rfm_exports_and_reads_out() {
    let folder = tempfile::tempdir().expect("temp dir");
    let project = new_project(
        folder.path(),
        &["orders.csv", "customers.csv", "products.csv"],
    );
    let project = project.as_str();

    // The audience of two RFM groups, no control, is exactly those groups' size.
    let rfm = json_of(&marketbench(&[
        "rfm",
        &sample("orders.csv"),
        &sample("customers.csv"),
        "--json",
    ]));
    let group_size = |name: &str| {
        rfm["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .find(|g| g["group"] == name)
            .and_then(|g| g["customers"].as_u64())
            .expect("group size")
    };
    let expected = group_size("Champions") + group_size("Loyal");
    let define = r#"{"name": "best", "condition": {"kind": "rfm_group",
        "values": ["Champions", "Loyal"]}, "control_share": 0.0}"#;
    let run = json_of(&marketbench(&[
        "campaign", project, "--define", define, "--json",
    ]));
    assert_eq!(run["size"].as_u64(), Some(expected));
    assert_eq!(run["controls"].as_u64(), Some(0));
    assert!(run["roi"]["cost"].as_f64().expect("cost") > 0.0);
    assert!(run["warnings"].as_array().expect("warnings").is_empty());

    // A second campaign with a 20% control group, exported in every format.
    let define = r#"{"name": "winback", "seed": 9, "control_share": 0.2,
        "condition": {"kind": "all", "of": [
            {"kind": "rfm_group", "values": ["At risk", "Can't lose them", "Hibernating"]},
            {"kind": "has_email"}]}}"#;
    let defined = json_of(&marketbench(&[
        "campaign", project, "--define", define, "--json",
    ]));
    let size = defined["size"].as_u64().expect("size");
    let targets = defined["targets"].as_u64().expect("targets");
    assert!(size > 100, "{size}");
    assert!((size as f64 * 0.8 - targets as f64).abs() <= 1.0);
    // Every format is checked on small frames in `export::campaign`; here one of
    // each kind, end to end (each run reloads the sample store).
    for (format, header) in [
        ("csv", None),
        ("xlsx", None),
        (
            "mailchimp",
            Some("Email Address,Phone Number,First Name,Last Name,TAGS"),
        ),
        ("google", Some("Email,Phone")),
    ] {
        let out = folder.path().join(format!("winback-{format}.out"));
        let result = json_of(&marketbench(&[
            "campaign",
            project,
            "--name",
            "winback",
            "--out",
            out.to_str().expect("utf-8"),
            "--format",
            format,
            "--json",
        ]));
        // The same audience every run (same seed).
        assert_eq!(result["targets"].as_u64(), Some(targets), "{format}");
        let rows = result["rows"].as_u64().expect("rows");
        let sidecar: Value = serde_json::from_str(&text(
            &folder.path().join(format!("winback-{format}.out.json")),
        ))
        .expect("sidecar");
        assert_eq!(sidecar["campaign"]["name"], "winback");
        assert_eq!(sidecar["seed"], 9);
        assert_eq!(sidecar["rows"].as_u64(), Some(rows));
        assert_eq!(sidecar["data_files"].as_array().map(Vec::len), Some(3));
        // Every list holds the targets only (every one has an email here); the
        // control group is written beside it and recorded in the sidecar.
        assert_eq!(rows, targets, "{format}");
        let control_name = format!("winback-{format}.control.csv");
        assert_eq!(sidecar["control_file"], control_name.as_str());
        assert_eq!(sidecar["control_rows"].as_u64(), Some(size - targets));
        let control = text(&folder.path().join(&control_name));
        assert_eq!(control.lines().count() as u64, size - targets + 1);
        assert!(control.lines().skip(1).all(|l| l.ends_with(",control")));
        if let Some(header) = header {
            let written = text(&out);
            assert_eq!(written.lines().next(), Some(header), "{format}");
            assert_eq!(written.lines().count() as u64, targets + 1);
            if format == "google" {
                assert!(!written.contains("@example"), "raw emails in {format}");
            }
        } else if format == "csv" {
            let written = text(&out);
            assert_eq!(written.lines().count() as u64, targets + 1);
            assert!(written.lines().skip(1).all(|l| l.ends_with(",target")));
        }
    }

    // Readout from later orders and the ROI curve over the targets.
    let read = json_of(&marketbench(&[
        "campaign",
        project,
        "--name",
        "winback",
        "--readout",
        &sample("orders.csv"),
        "--since",
        "2025-06-01",
        "--curve",
        "monetary",
        "--json",
    ]));
    let readout = &read["readout"];
    assert_eq!(readout["target"]["customers"].as_u64(), Some(targets));
    assert_eq!(
        readout["control"]["customers"].as_u64(),
        Some(size - targets)
    );
    let difference = &readout["response_difference"];
    let estimate = difference["estimate"].as_f64().expect("estimate");
    let low = difference["low"].as_f64().expect("low");
    let high = difference["high"].as_f64().expect("high");
    assert!(low < estimate && estimate < high);
    let curve = read["curve"].as_array().expect("curve");
    let contacts: Vec<u64> = curve
        .iter()
        .map(|p| p["outcome"]["contacts"].as_u64().expect("contacts"))
        .collect();
    assert_eq!(contacts.last().copied(), Some(targets));
    assert!(contacts.windows(2).all(|w| w[0] < w[1]));

    // Recently contacted: everyone in the earlier Mailchimp export is left out,
    // and so is anyone sharing an email with them (the sample has shared emails).
    let contacted = folder.path().join("winback-mailchimp.out");
    let emails: std::collections::HashSet<String> = text(&contacted)
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap_or_default().to_string())
        .collect();
    let full = text(&folder.path().join("winback-csv.out"))
        + &text(&folder.path().join("winback-csv.control.csv"));
    let header: Vec<&str> = full.lines().next().expect("header").split(',').collect();
    let email_at = header.iter().position(|h| *h == "email").expect("email");
    let sharing = full
        .lines()
        .filter(|l| !l.starts_with("customer_id,"))
        .filter(|l| {
            let email = l.split(',').nth(email_at).unwrap_or_default();
            emails.contains(&email.trim().to_lowercase())
        })
        .count() as u64;
    assert!(sharing >= targets);
    let define = format!(
        r#"{{"name": "again", "seed": 9, "control_share": 0.2,
        "exclusions": {{"contacted_files": ["{}"]}},
        "condition": {{"kind": "all", "of": [
            {{"kind": "rfm_group", "values": ["At risk", "Can't lose them", "Hibernating"]}},
            {{"kind": "has_email"}}]}}}}"#,
        contacted.display()
    );
    let again = json_of(&marketbench(&[
        "campaign", project, "--define", &define, "--json",
    ]));
    assert_eq!(again["contacted"].as_u64(), Some(sharing));
    assert_eq!(again["size"].as_u64(), Some(size - sharing));
}

#[test]
fn a_missing_data_file_and_an_unknown_campaign_are_clear_errors() {
    let folder = tempfile::tempdir().expect("temp dir");
    let orders = folder.path().join("orders.csv");
    std::fs::copy(sample("orders.csv"), &orders).expect("copy");
    let project = folder.path().join("p.json");
    let project = project.to_str().expect("utf-8");
    let created = marketbench(&[
        "project",
        "new",
        orders.to_str().expect("utf-8"),
        "--out",
        project,
    ]);
    assert!(created.status.success());
    let stored = text(Path::new(project));
    assert!(stored.contains("\"path\": \"orders.csv\""), "{stored}");
    let unknown = marketbench(&["campaign", project, "--name", "nope"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no campaign named 'nope'"));
    std::fs::remove_file(&orders).expect("remove");
    let define = r#"{"name": "x", "condition": {"kind": "has_email"}}"#;
    let missing = marketbench(&["campaign", project, "--define", define]);
    assert!(!missing.status.success());
    let error = String::from_utf8_lossy(&missing.stderr);
    assert!(
        error.contains("missing") && error.contains("orders.csv"),
        "{error}"
    );
}

#[test]
fn scores_join_on_so_conditions_use_them_and_exports_carry_them() {
    let folder = tempfile::tempdir().expect("temp dir");
    let project = new_project(folder.path(), &["orders.csv", "customers.csv"]);
    let project = project.as_str();
    // A condition on propensity: only computed scores make it possible.
    let define = r#"{"name": "likely", "control_share": 0.1, "seed": 3,
        "condition": {"kind": "range", "column": "propensity", "min": 0.3}}"#;
    let without = marketbench(&["campaign", project, "--define", define]);
    assert!(!without.status.success());
    assert!(
        String::from_utf8_lossy(&without.stderr).contains("propensity"),
        "{}",
        String::from_utf8_lossy(&without.stderr)
    );
    // Settings saved by the window: three segments and lower churn-risk thresholds.
    let mut saved: Value =
        serde_json::from_str(&std::fs::read_to_string(project).expect("read")).expect("JSON");
    let segments = SegmentsParams {
        k: KChoice::Fixed(3),
        ..SegmentsParams::default()
    };
    let value = ValueSettings {
        thresholds: RiskThresholds {
            medium: 0.2,
            high: 0.3,
        },
        ..ValueSettings::default()
    };
    saved["model_settings"][SEGMENTS_KEY] = segments.to_settings();
    saved["model_settings"][VALUE_KEY] = value.to_settings();
    std::fs::write(project, saved.to_string()).expect("write");
    let out = folder.path().join("likely.csv");
    let run = json_of(&marketbench(&[
        "campaign",
        project,
        "--name",
        "likely",
        "--scores",
        "segments,propensity,clv,recs",
        "--out",
        out.to_str().expect("utf-8"),
        "--json",
    ]));
    let size = run["size"].as_u64().expect("size");
    assert!(size > 100 && size < 5_000, "{size}");
    // The baseline (buy anyway) is the targets' mean propensity, at least the threshold.
    assert_eq!(run["baseline_from_scores"], true);
    assert!(run["inputs"]["baseline_rate"].as_f64().expect("rate") >= 0.3);
    let written = text(&out);
    let mut lines = written.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    for column in [
        "customer_id",
        "email",
        "segment",
        "segment_name",
        "propensity",
        "churn_risk",
        "churn_bucket",
        "clv",
        "p_alive",
        "rec_1",
        "rec_2",
        "rec_3",
        "rec_reasons",
        "group",
    ] {
        assert!(header.contains(&column), "{column} missing in {header:?}");
    }
    let at = |name: &str| header.iter().position(|h| *h == name).expect("column");
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(Some(rows.len() as u64), run["targets"].as_u64());
    for row in &rows {
        let propensity: f64 = row[at("propensity")].parse().expect("a propensity");
        assert!((0.3..=1.0).contains(&propensity), "{propensity}");
        let segment: usize = row[at("segment")].parse().expect("a segment");
        assert!(segment < 3, "{segment}");
        let risk: f64 = row[at("churn_risk")].parse().expect("a churn risk");
        let bucket = match risk {
            r if r >= 0.3 => "high",
            r if r >= 0.2 => "medium",
            _ => "low",
        };
        // The bucket of the risk as written (3 decimals), also at a threshold.
        assert_eq!(row[at("churn_bucket")], bucket, "{risk}");
        let clv: f64 = row[at("clv")].parse().expect("a clv");
        assert!(clv >= 0.0);
        // Figures as the window shows them: probabilities to 3 decimals, the
        // rest to 2 (no 801.7692307692307).
        for (column, most) in [
            ("propensity", 3),
            ("churn_risk", 3),
            ("p_alive", 3),
            ("clv", 2),
            ("monetary", 2),
            ("avg_order_value", 2),
            ("predicted_purchases", 2),
        ] {
            let cell = row[at(column)];
            let decimals = cell.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= most, "{column} written as {cell}");
        }
    }
    // Nearly everyone has a first recommended item.
    let with_rec = rows.iter().filter(|r| !r[at("rec_1")].is_empty()).count();
    assert!(
        with_rec * 10 >= rows.len() * 9,
        "{with_rec} of {}",
        rows.len()
    );
}

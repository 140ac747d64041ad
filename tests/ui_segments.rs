//! The Segments tab, driven through egui_kittest on the bundled sample store's
//! orders: auto-K runs by itself and shows the elbow and silhouette charts and the
//! segment table; moving K changes the table and keeps the curve; a segment can be
//! renamed and the name is saved; a run can be cancelled (the job is held at its
//! first progress report by the test's wake, so no timing is assumed); the Value
//! tab's scores join the segments (per-segment figures, member and customer tables)
//! and a segment's members export to CSV. The results say what they mean for a
//! campaign, and orders with too few customers, or price features asked of orders
//! without a unit price, say so with a button to the Data tab instead of an error
//! (the price features also with one that unticks them and runs again).

mod common;

use std::sync::atomic::Ordering;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::segments::{Feature, FeatureSet, KChoice};
use marketbench::jobs::{Wake, no_wake};
use marketbench::ui::format;
use marketbench::ui::{MarketbenchApp, Tab, UiState};
use marketbench::workspace::segments::{SegmentsCommand, SegmentsParams, SegmentsResults};
use marketbench::workspace::value::ValueResults;

fn harness(state: UiState, wake: Wake) -> Harness<'static, MarketbenchApp> {
    app_harness(state, wake, 900.0)
}

fn results(app: &MarketbenchApp) -> Option<&SegmentsResults> {
    let segments = &app.workspace().segments;
    (!segments.is_busy()).then(|| segments.results().latest().map(|c| &c.value))?
}

/// Opens the Segments tab and waits for the first (auto) run.
fn segments_tab(state: UiState) -> Harness<'static, MarketbenchApp> {
    segments_tab_sized(state, 900.0)
}

/// A window `height` tall: tall enough, every view of the tab is on screen.
fn segments_tab_sized(state: UiState, height: f32) -> Harness<'static, MarketbenchApp> {
    let mut harness = app_harness(state, no_wake(), height);
    step_until(&mut harness, "the orders", loaded);
    harness
        .get_by_role_and_label(Role::Button, &Tab::Segments.label())
        .click();
    step_until(&mut harness, "the auto-K run", |app| results(app).is_some());
    harness.run();
    harness
}

/// Every segment's name and size is in the table.
fn assert_table_shows(harness: &Harness<'_, MarketbenchApp>, results: &SegmentsResults) {
    for p in &results.segmentation.profiles {
        assert!(shown(harness, &p.name.text()), "{}", p.name);
        assert!(shown(harness, &format::count(p.size)), "size of {}", p.name);
    }
}

#[test]
fn auto_k_shows_the_charts_and_the_table_and_moving_k_changes_it() {
    let mut harness = segments_tab(returning_user());
    let first = results(harness.state()).expect("results").clone();
    // The charts show K = 2..=10; the choice is among 3..=8 and says why.
    assert_eq!(first.params.k, KChoice::Auto { min: 3, max: 8 });
    assert_eq!(first.curve.len(), 9);
    let k = first.segmentation.clustering.k;
    assert!((3..=8).contains(&k), "{k}");
    assert!(shown(
        &harness,
        &first.segmentation.clustering.reason.text()
    ));
    assert!(shown(&harness, "Elbow: inertia per K"));
    assert!(shown(&harness, "Silhouette per K"));
    assert_table_shows(&harness, &first);
    // The silhouette is explained and read for a campaign; so is the segment
    // shown in the profile (the first).
    assert!(shown(&harness, "Silhouette:"));
    let separation = ["clearly apart", "fairly apart", "The groups overlap"]
        .iter()
        .map(|words| harness.query_all_by_label_contains(words).count())
        .sum::<usize>();
    assert_eq!(separation, 1);
    let profile = &first.segmentation.profiles[0];
    let campaign = format!(
        "{}, {} customers, ",
        profile.name,
        format::count(profile.size)
    );
    assert_eq!(
        harness.query_all_by_label_contains(&campaign).count(),
        1,
        "{campaign}"
    );
    assert!(
        harness
            .query_all_by_label_contains("of the customers")
            .count()
            >= 1,
        "the size sentence"
    );
    assert_eq!(first.segmentation.profiles.len(), k);
    assert!(
        harness
            .query_all_by_label_contains("of customers in their own segment")
            .count()
            == 1
    );

    harness.get_by_role_and_label(Role::Button, "K + 1").click();
    step_until(&mut harness, "the run with one more segment", |app| {
        results(app).is_some_and(|r| r.segmentation.clustering.k == k + 1)
    });
    let second = results(harness.state()).expect("results").clone();
    assert_eq!(second.params.k, KChoice::Fixed(k + 1));
    // The curve of the auto run stays on screen.
    assert_eq!(second.curve, first.curve);
    assert!(shown(&harness, "Elbow: inertia per K"));
    assert_eq!(second.segmentation.profiles.len(), k + 1);
    assert_table_shows(&harness, &second);
    let sizes = |r: &SegmentsResults| -> Vec<usize> {
        r.segmentation.profiles.iter().map(|p| p.size).collect()
    };
    assert_ne!(sizes(&first), sizes(&second));
    assert_eq!(sizes(&second).iter().sum::<usize>(), 5_000);
}

#[test]
fn a_renamed_segment_keeps_its_name_in_the_saved_state() {
    let mut harness = segments_tab(returning_user());
    let results_now = results(harness.state()).expect("results").clone();
    let proposed = results_now.segmentation.profiles[0].name.text();
    harness.get_by_label("Rename segment 0:").click();
    harness.step();
    harness.key_press(egui::Key::End);
    harness.step();
    for _ in 0..proposed.chars().count() {
        harness.key_press(egui::Key::Backspace);
        harness.step();
    }
    harness
        .get_by_label("Rename segment 0:")
        .type_text("老客户 VIP");
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Save name")
        .click();
    harness.run();
    let key = results_now.name_key(0);
    let saved = harness.state().state().clone();
    assert_eq!(
        saved.segment_names.get(&key).map(String::as_str),
        Some("老客户 VIP"),
        "{:?}",
        saved.segment_names
    );
    assert!(shown(&harness, "老客户 VIP"));

    // A new window with the saved state shows the name for the same segment.
    let again = segments_tab(saved);
    assert!(shown(&again, "老客户 VIP"));
    assert!(!shown(&again, &proposed));
}

#[test]
fn a_run_can_be_cancelled() {
    // The test's wake holds a segments job at its first progress report until
    // released, so the job is certainly running when Cancel is clicked.
    let (wake, held) = held_wake("segments");
    let mut harness = harness(returning_user(), wake);
    step_until(&mut harness, "the orders", loaded);
    harness
        .get_by_role_and_label(Role::Button, &Tab::Segments.label())
        .click();
    step_until(&mut harness, "the run to start", |app| {
        app.workspace().segments.results().pending().is_some()
    });
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.step();
    held.store(false, Ordering::SeqCst);
    step_until(&mut harness, "the cancel", |app| {
        !app.workspace().segments.is_busy()
    });
    let slot = harness.state().workspace().segments.results();
    assert!(slot.latest().is_none() && slot.error().is_none());
    assert!(shown(
        &harness,
        "Cancelled. Press Auto or move K to segment the customers."
    ));
    // Not restarted by itself; Auto runs it again.
    harness.run();
    assert!(!harness.state().workspace().segments.is_busy());
    harness.get_by_role_and_label(Role::Button, "Auto").click();
    step_until(&mut harness, "the second run", |app| results(app).is_some());
    assert!(shown(&harness, "Silhouette per K"));
}

fn value_results(app: &MarketbenchApp) -> Option<&ValueResults> {
    let value = &app.workspace().value;
    (!value.is_busy()).then(|| value.results().latest().map(|c| &c.value))?
}

#[test]
fn value_scores_join_the_segment_profiles_and_both_customer_tables() {
    // Tall, so the member table's controls at the bottom can be clicked.
    let mut harness = segments_tab_sized(returning_user(), 4_000.0);
    assert!(shown(&harness, "Customers per segment"));
    assert!(shown(&harness, "Share of revenue per segment"));
    assert!(
        harness
            .query_all_by_label_contains("Train the models in the Value tab")
            .count()
            == 1
    );
    harness
        .get_by_role_and_label(Role::Button, &Tab::Value.label())
        .click();
    harness.run();
    // The forest is the slowest model and not needed here.
    harness.get_by_label("forest").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Train").click();
    step_until(&mut harness, "the training", |app| {
        value_results(app).is_some()
    });
    // The customer table names each customer's segment.
    assert!(shown(&harness, "segment"));

    harness
        .get_by_role_and_label(Role::Button, &Tab::Segments.label())
        .click();
    harness.run();
    let segments = results(harness.state()).expect("segments").clone();
    let value = value_results(harness.state()).expect("value").clone();
    let by_id: std::collections::HashMap<&str, &marketbench::workspace::value::CustomerRow> = value
        .rows
        .iter()
        .map(|r| (r.customer_id.as_str(), r))
        .collect();
    let features = &segments.segmentation.features;
    for profile in &segments.segmentation.profiles {
        let members: Vec<_> = features
            .customer_ids
            .iter()
            .zip(&segments.segmentation.clustering.labels)
            .filter(|(_, l)| **l == profile.id)
            .filter_map(|(id, _)| by_id.get(id.as_str()))
            .collect();
        // Every segmented customer has scores on the sample store.
        assert_eq!(members.len(), profile.size);
        let propensity: Vec<f64> = members.iter().filter_map(|r| r.propensity).collect();
        let mean = propensity.iter().sum::<f64>() / propensity.len() as f64;
        assert!(
            shown(&harness, &format!("{mean:.3}")),
            "mean propensity of {}",
            profile.name
        );
        let scored = format!(
            "{} of {}",
            format::count(members.len()),
            format::count(profile.size)
        );
        assert!(shown(&harness, &scored), "{scored}");
    }
    assert!(shown(&harness, "Mean propensity"));
    // The member table gains the score columns, and narrows to high churn risk.
    assert!(shown(&harness, "churn risk"));
    assert!(shown(&harness, "P(alive)"));
    let thresholds = value.propensity.thresholds;
    let high = features
        .customer_ids
        .iter()
        .zip(&segments.segmentation.clustering.labels)
        .filter(|(_, l)| **l == 0)
        .filter_map(|(id, _)| by_id[id.as_str()].churn_risk)
        .filter(|c| thresholds.bucket(*c) == "high")
        .count();
    let size = segments.segmentation.profiles[0].size;
    assert!(0 < high && high < size, "{high} of {size}");
    assert!(shown(
        &harness,
        &format!("{} customers", format::count(size))
    ));
    harness.get_by_label("Only high churn risk").click();
    harness.run();
    assert!(shown(
        &harness,
        &format!("{} customers", format::count(high))
    ));

    // The export writes the rows shown (the high-risk members), says so first,
    // and carries the score columns shown, rounded as shown.
    let rows_shown = format!(
        "writes the {} rows shown, in this order",
        format::count(high)
    );
    assert!(shown(&harness, &rows_shown), "{rows_shown}");
    let dir = std::env::temp_dir().join(format!("mb-ui-segments-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("members.csv");
    export_segment_csv(&mut harness, &path);
    let wrote = format!(
        "Wrote {} customers to {}",
        format::count(high),
        path.display()
    );
    let export = harness.state().workspace().segments.export_slot();
    let outcome = (export.value(), export.error().map(|e| e.to_string()));
    assert_eq!(outcome, (Some(&wrote), None));
    assert!(shown(&harness, &wrote), "{wrote}");
    let bytes = std::fs::read(&path).expect("exported file");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert_eq!(
        text.lines().count(),
        high + 1,
        "header and one line per member shown"
    );
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let ids: Vec<String> = lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let risk = cells[at("churn_risk")];
            assert!(
                risk.split('.').nth(1).is_none_or(|d| d.len() <= 3),
                "{risk}"
            );
            let risk: f64 = risk.parse().expect("a churn risk");
            assert!(risk >= thresholds.high - 0.0005, "{risk}: not high risk");
            cells[at("customer_id")].to_string()
        })
        .collect();
    // In the order shown (by customer id, numbers as numbers).
    let mut sorted = ids.clone();
    sorted.sort_by(|a, b| marketbench::ui::sorted_table::id_order(a, b));
    assert_eq!(ids, sorted);
    std::fs::remove_dir_all(&dir).ok();
}

/// A CSV's data lines (without the BOM and the header) whose `segment` column is
/// `segment`, with the segment name column left out (the window's names can be
/// the operator's).
fn member_lines(text: &str, segment: usize) -> Vec<String> {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (segment_at, name_at) = (at("segment"), at("segment_name"));
    let mut kept: Vec<String> = lines
        .map(|line| line.split(',').collect::<Vec<_>>())
        .filter(|cells| cells[segment_at] == segment.to_string())
        .map(|cells| {
            let mut cells = cells;
            cells.remove(name_at);
            cells.join(",")
        })
        .collect();
    kept.sort();
    kept
}

#[test]
fn the_segment_command_and_the_tab_export_the_same_members_for_the_same_settings() {
    let mut harness = segments_tab_sized(returning_user(), 4_000.0);
    let dir = tempfile::tempdir().expect("temp dir");
    let tab_file = dir.path().join("tab.csv");
    export_segment_csv(&mut harness, &tab_file);
    let shown = results(harness.state()).expect("results");
    let params = shown.params.clone();
    let KChoice::Auto { min, max } = params.k else {
        panic!("the tab's first run is auto K");
    };
    let features: Vec<&str> = params
        .features
        .features()
        .iter()
        .map(|f| f.name())
        .collect();
    let cli_file = dir.path().join("cli.csv");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .arg("segment")
        .arg(orders())
        .args([
            "--k",
            "auto",
            "--k-min",
            &min.to_string(),
            "--k-max",
            &max.to_string(),
        ])
        .args([
            "--seed",
            &params.seed.to_string(),
            "--features",
            &features.join(","),
        ])
        .arg("--json")
        .arg("--out")
        .arg(&cli_file)
        .output()
        .expect("run marketbench segment");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let segmentation = &shown.segmentation;
    assert_eq!(json["k"], segmentation.clustering.k);
    // The rules the tab shows are the command's too.
    let tree = shown.tree.as_ref().expect("rules");
    let rules: Vec<String> = tree.rules.iter().map(|r| r.conditions_text()).collect();
    let cli_rules: Vec<String> = json["rules"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["conditions"].as_str().expect("text").to_string())
        .collect();
    assert_eq!(cli_rules, rules);
    // The tab exported its selected segment (the first); the command every
    // customer: the first segment's members and features are the same lines.
    let tab = std::fs::read_to_string(&tab_file).expect("tab export");
    let cli = std::fs::read_to_string(&cli_file).expect("cli export");
    let from_tab = member_lines(&tab, 0);
    assert_eq!(from_tab.len(), segmentation.profiles[0].size);
    assert_eq!(member_lines(&cli, 0), from_tab);
}

#[test]
fn orders_of_one_customer_say_what_is_needed_with_a_button_to_the_data_tab() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("one-customer.csv");
    std::fs::write(
        &path,
        "order_id,customer_id,order_date,amount\nO1,C1,2025-01-01,10\nO2,C1,2025-01-05,20\n",
    )
    .expect("write");
    let mut harness = remembered_app(&path, |_| {});
    click_tab(&mut harness, Tab::Segments);
    step_until(&mut harness, "the run to fail", |app| {
        let segments = &app.workspace().segments;
        !segments.is_busy() && segments.results().error().is_some()
    });
    harness.run();
    assert!(shown(
        &harness,
        "Segments need at least 2 customers to compare, and these orders have 1. \
         Load a file with more customers."
    ));
    // One sentence instead of the run's error.
    assert_eq!(
        harness
            .query_all_by_label_contains("The segmentation stopped")
            .count(),
        0
    );
    click_to_tab(&mut harness, "Open the Data tab", Tab::Data);
}

#[test]
fn price_features_on_orders_without_unit_prices_say_what_is_needed_with_buttons() {
    let dir = tempfile::tempdir().expect("temp dir");
    let columns = [
        "order_id",
        "customer_id",
        "order_time",
        "sku",
        "qty",
        "amount",
    ];
    let path = small_orders(dir.path(), "no-unit-price.csv", &columns);
    let mut harness = remembered_app(&path, |_| {});
    click_tab(&mut harness, Tab::Segments);
    step_until(&mut harness, "the first run", |app| {
        !app.workspace().segments.is_busy()
    });
    // A project (or the picker before a result) asks for the discount share.
    let wanted = SegmentsParams {
        features: FeatureSet::new(&[Feature::Recency, Feature::DiscountShare]).expect("set"),
        ..SegmentsParams::default()
    };
    harness
        .state_mut()
        .push(SegmentsCommand::Run(wanted.clone()));
    step_until(&mut harness, "the run to fail", |app| {
        let segments = &app.workspace().segments;
        !segments.is_busy() && segments.results().error().is_some()
    });
    harness.run();
    assert!(shown(
        &harness,
        "Grouping on share bought on discount needs a unit price and an item column in the \
         orders, and these orders lack one: map them on the Data tab, or untick these features."
    ));
    // One sentence instead of the run's error.
    assert_eq!(
        harness
            .query_all_by_label_contains("The segmentation stopped")
            .count(),
        0
    );
    // Unticking runs again without the feature, keeping the rest.
    harness
        .get_by_role_and_label(Role::Button, "Untick these features")
        .click();
    step_until(&mut harness, "the run without it", |app| {
        let segments = &app.workspace().segments;
        !segments.is_busy() && segments.results().error().is_none()
    });
    harness.run();
    let rerun = harness.state().workspace().segments.wanted();
    assert_eq!(rerun.features.features(), [Feature::Recency]);
    assert_eq!(rerun.k, wanted.k);
    assert!(!shown(&harness, "Untick these features"));
    // Asked again, the other button opens the Data tab.
    harness.state_mut().push(SegmentsCommand::Run(wanted));
    step_until(&mut harness, "the run to fail again", |app| {
        let segments = &app.workspace().segments;
        !segments.is_busy() && segments.results().error().is_some()
    });
    harness.run();
    click_to_tab(&mut harness, "Open the Data tab", Tab::Data);
}

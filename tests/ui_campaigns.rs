//! The Campaigns tab, driven through egui_kittest on the bundled sample store's
//! orders: with segments and value scores computed in their tabs, a campaign built
//! from a segment and a propensity threshold shows its size and ROI, both change
//! when the threshold moves, and the export writes the targets with their scores;
//! a build can be cancelled (the job is held at its first progress report by the
//! test's wake, so no timing is assumed); replacing the files never shows or
//! joins the old files' audience, segments or scores. A condition on a score not
//! trained yet, orders without prices and a store without orders each say what
//! is missing in one sentence with a button to the tab that adds it.

mod common;

use std::sync::atomic::Ordering;
use std::time::Duration;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::campaign::{Audience, Condition};
use marketbench::jobs::no_wake;
use marketbench::ui::format;
use marketbench::ui::{Command, MarketbenchApp, Tab};
use marketbench::workspace::Command as WorkCommand;

/// Steps until `done` holds; on giving up, says what the tab was doing.
fn wait(
    harness: &mut Harness<'_, MarketbenchApp>,
    what: &str,
    done: impl Fn(&MarketbenchApp) -> bool,
) {
    for _ in 0..3_000 {
        harness.step();
        if done(harness.state()) {
            harness.step();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let app = harness.state();
    let slot = app.workspace().campaigns.build();
    panic!(
        "gave up waiting for {what}: busy {}, error {:?}, shown {:?}, draft {:?}",
        app.workspace().campaigns.is_busy(),
        slot.error(),
        slot.latest().map(|r| (
            &r.value.key.audience.condition,
            r.value.audience.as_ref().err()
        )),
        app.state().campaigns.draft.condition
    );
}

fn column_text(audience: &Audience, name: &str) -> Vec<Option<String>> {
    audience
        .frame
        .column(name)
        .expect("column")
        .cast(&polars::prelude::DataType::String)
        .expect("text")
        .str()
        .expect("str")
        .iter()
        .map(|v| v.map(String::from))
        .collect()
}

#[test]
fn a_segment_and_a_propensity_threshold_make_a_list_whose_size_and_roi_follow_the_threshold() {
    let mut harness = app_harness(returning_user(), no_wake(), 1000.0);
    step_until(&mut harness, "the orders", loaded);
    // Segments run by themselves in their tab; the value models on Train (the
    // slow forest left out).
    click_tab(&mut harness, Tab::Segments);
    step_until(&mut harness, "the segments", |app| {
        !app.workspace().segments.is_busy()
            && app
                .workspace()
                .segments
                .results()
                .latest()
                .map(|c| &c.value)
                .is_some()
    });
    click_tab(&mut harness, Tab::Value);
    harness.get_by_label("forest").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Train").click();
    step_until(&mut harness, "the value scores", |app| {
        !app.workspace().value.is_busy()
            && app
                .workspace()
                .value
                .results()
                .latest()
                .map(|c| &c.value)
                .is_some()
    });
    let first_segment = harness
        .state()
        .workspace()
        .segments
        .results()
        .latest()
        .expect("segments")
        .value
        .segmentation
        .profiles[0]
        .name
        .text();

    click_tab(&mut harness, Tab::Campaigns);
    wait(&mut harness, "everyone", |app| {
        current(app).is_some_and(|a| a.frame.schema().contains("propensity"))
    });
    // No condition: every customer, with the segment and the scores joined on.
    let everyone = current(harness.state()).expect("audience").size();
    assert_eq!(everyone, 5_000);
    assert!(shown(&harness, &format::count(everyone)));

    harness
        .get_by_role_and_label(Role::Button, "+ Segment")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, &first_segment)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "+ Score range")
        .click();
    harness.run();
    wait(&mut harness, "segment 0 with propensity ≥ 0.5", |app| {
        current(app).is_some()
    });
    let strict = current(harness.state()).expect("audience").clone();
    assert!(
        strict.size() > 0 && strict.size() < everyone,
        "{}",
        strict.size()
    );
    assert!(
        column_text(&strict, "segment")
            .iter()
            .all(|s| s.as_deref() == Some("0"))
    );
    let propensity: Vec<f64> = column_text(&strict, "propensity")
        .into_iter()
        .map(|p| p.expect("scored").parse().expect("number"))
        .collect();
    assert!(propensity.iter().all(|p| *p >= 0.5));
    let strict_outcome = harness.state().state().campaigns.outcome(&strict, None);
    assert!(shown(&harness, &format::count(strict.size())));
    assert!(shown(&harness, &format::money(strict_outcome.cost)));
    // The targets' mean propensity is who buys anyway, not who responds: the
    // header card and the ROI panel show the same two figures.
    let mean = strict.scored_baseline_rate.expect("scored");
    assert!((strict_outcome.baseline_buyers - mean * strict.targets as f64).abs() < 1e-9);
    for figure in [
        strict_outcome.baseline_buyers,
        strict_outcome.incremental_responders,
    ] {
        let text = format::number(figure, 1);
        let places = harness.query_all_by_label(&text).count();
        assert!(places >= 2, "{text} shown {places} times");
    }

    // A lower threshold: more targets, a lower mean propensity, another ROI.
    harness
        .get_by_role_and_label(Role::Slider, "propensity at least:")
        .set_value_accesskit(0.2);
    harness.run();
    wait(&mut harness, "propensity ≥ 0.2", |app| {
        current(app).is_some_and(|a| a.size() != strict.size())
    });
    let loose = current(harness.state()).expect("audience").clone();
    assert!(loose.size() > strict.size());
    assert!(loose.scored_baseline_rate < strict.scored_baseline_rate);
    let loose_outcome = harness.state().state().campaigns.outcome(&loose, None);
    assert_ne!(loose_outcome.roi, strict_outcome.roi);
    assert!(shown(&harness, &format::money(loose_outcome.cost)));

    // Export to a temporary folder: every audience row with its scores.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("list.csv");
    // The export sits below the fold: scroll to it first.
    harness.get_by_label("Export to:").scroll_to_me();
    harness.run();
    replace_text(
        &mut harness,
        "Export to:",
        path.to_str().expect("utf-8 path"),
    );
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    wait(&mut harness, "the export", |app| {
        app.workspace().campaigns.export_slot().value().is_some()
    });
    let control = dir.path().join("list.control.csv");
    let done = format!(
        "Wrote {} target rows to {}; the control group ({} rows, not to be contacted) to {}",
        marketbench::numbers::count(loose.targets),
        path.display(),
        marketbench::numbers::count(loose.controls),
        control.display()
    );
    assert!(shown(&harness, &done), "{done}");
    let held_out = std::fs::read_to_string(&control).expect("control file");
    assert_eq!(held_out.lines().count(), loose.controls + 1);
    let text = std::fs::read_to_string(&path).expect("exported file");
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    for column in [
        "customer_id",
        "segment",
        "segment_name",
        "propensity",
        "group",
    ] {
        assert!(header.split(',').any(|h| h == column), "{column}: {header}");
    }
    assert_eq!(lines.count(), loose.targets);
    assert!(dir.path().join("list.csv.json").exists());
}

#[test]
fn a_build_can_be_cancelled_and_is_not_restarted_by_itself() {
    let (wake, held) = held_wake("campaign audience");
    let mut harness = app_harness(returning_user(), wake, 900.0);
    wait(&mut harness, "the orders", loaded);
    harness
        .get_by_role_and_label(Role::Button, &Tab::Campaigns.label())
        .click();
    wait(&mut harness, "the build to start", |app| {
        app.workspace().campaigns.build().pending().is_some()
    });
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.step();
    held.store(false, Ordering::SeqCst);
    wait(&mut harness, "the build to stop", |app| {
        !app.workspace().campaigns.is_busy()
    });
    for _ in 0..8 {
        harness.step();
    }
    let campaigns = &harness.state().workspace().campaigns;
    assert!(!campaigns.is_busy(), "restarted by itself");
    assert!(campaigns.build().latest().map(|c| &c.value).is_none());
    assert!(campaigns.build().error().is_none());
    // The operator can build again.
    harness.get_by_role_and_label(Role::Button, "Build").click();
    wait(&mut harness, "the build", |app| current(app).is_some());
    assert_eq!(current(harness.state()).expect("audience").size(), 5_000);
}

/// True when the window shows a cell or label that is one of the customer ids
/// `{prefix}000`..`{prefix}079` of `common::planted::orders_file`.
fn shows_customer_of(harness: &Harness<'_, MarketbenchApp>, prefix: &str) -> bool {
    (0..80).any(|i| shown(harness, &format!("{prefix}{i:03}")))
}

#[test]
fn loading_other_files_never_shows_the_old_audience_segments_or_scores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = common::planted::orders_file(dir.path(), "A");
    let b = common::planted::orders_file(dir.path(), "B");
    let app = MarketbenchApp::new(returning_user(), vec![a.clone()], no_wake());
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 1000.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    // A file of the operator's waits for the mapping to be confirmed; B has the
    // same columns, so it loads with the confirmed options.
    step_until(&mut harness, "A's mapping", |app| {
        !app.workspace().pending().is_empty() && !app.workspace().is_busy()
    });
    harness.get_by_role_and_label(Role::Button, "Load").click();
    step_until(&mut harness, "file A", loaded);
    click_tab(&mut harness, Tab::Value);
    harness.get_by_label("forest").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Train").click();
    step_until(&mut harness, "A's value scores", |app| {
        !app.workspace().value.is_busy() && app.workspace().value.results().latest().is_some()
    });
    // The Campaigns tab segments A's customers by itself and joins the scores.
    click_tab(&mut harness, Tab::Campaigns);
    wait(&mut harness, "A's audience", |app| {
        current(app).is_some_and(|a| {
            a.frame.schema().contains("propensity") && a.frame.schema().contains("segment")
        })
    });
    assert_eq!(current(harness.state()).expect("audience").size(), 80);
    assert!(
        shows_customer_of(&harness, "A"),
        "A's targets in the preview"
    );

    harness
        .state_mut()
        .push(WorkCommand::RemoveTable(a.clone()));
    harness.state_mut().push(Command::Open(vec![b.clone()]));
    // The commands are carried out after this frame is drawn; in every frame
    // from the next on, nothing of A is drawn or counted as current.
    harness.step();
    for _ in 0..30_000 {
        harness.step();
        let app = harness.state();
        assert!(!shows_customer_of(&harness, "A"), "A's rows are shown");
        if let Some(audience) = current(app) {
            let ids = audience.frame.column("customer_id").expect("ids");
            assert!(
                ids.str()
                    .expect("text")
                    .iter()
                    .flatten()
                    .all(|id| !id.starts_with('A')),
                "an audience of A's customers is current"
            );
        }
        let done = app.workspace().store().tables.iter().any(|t| t.path == b)
            && !app.workspace().is_busy()
            && current(app).is_some();
        if done {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let app = harness.state();
    let audience = current(app).expect("B's audience");
    assert_eq!(audience.size(), 80);
    // B's segments were computed for it; A's value scores are not joined (the
    // Value tab was trained on A only).
    assert!(audience.frame.schema().contains("segment"));
    assert!(!audience.frame.schema().contains("propensity"));
    assert!(
        shows_customer_of(&harness, "B"),
        "B's targets in the preview"
    );
    click_tab(&mut harness, Tab::Value);
    assert!(shown(
        &harness,
        &marketbench::ui::value_panel::files_changed()
    ));
    assert!(!shows_customer_of(&harness, "A"));
}

/// Steps until a build has finished, whatever its audience (a condition on a
/// missing score leaves the conditions unevaluated).
fn built(app: &MarketbenchApp) -> bool {
    let campaigns = &app.workspace().campaigns;
    !campaigns.is_busy() && campaigns.build().latest().is_some()
}

#[test]
fn a_propensity_condition_before_training_says_so_once_and_opens_the_value_tab() {
    let mut state = returning_user();
    state.campaigns.draft.condition = Condition::Range {
        column: "propensity".into(),
        min: Some(0.5),
        max: None,
    };
    let mut harness = app_harness(state, no_wake(), 1000.0);
    step_until(&mut harness, "the orders", loaded);
    click_tab(&mut harness, Tab::Campaigns);
    wait(&mut harness, "the build", built);
    harness.run();
    assert_eq!(
        harness
            .query_all_by_label_contains("train them in the Value tab")
            .count(),
        1
    );
    // Not the build's error text.
    assert_eq!(
        harness
            .query_all_by_label_contains("The conditions cannot be applied")
            .count(),
        0
    );
    click_to_tab(&mut harness, "Open the Value tab", Tab::Value);
}

#[test]
fn orders_without_prices_say_where_to_map_one_and_the_figures_explain_themselves() {
    let dir = tempfile::tempdir().expect("dir");
    let path = small_orders(
        dir.path(),
        "orders.csv",
        &["order_id", "customer_id", "order_time", "sku", "qty"],
    );
    let mut harness = remembered_app(&path, |_| {});
    harness.set_size(egui::Vec2::new(1280.0, 1400.0));
    click_tab(&mut harness, Tab::Campaigns);
    wait(&mut harness, "everyone", |app| current(app).is_some());
    harness.run();
    // What contacting them is expected to bring, in one sentence.
    let targets = current(harness.state()).expect("audience").targets;
    let sentence = format!("Contacting these {targets} targets is expected to");
    assert!(
        harness.query_all_by_label_contains(&sentence).count() > 0,
        "{sentence}"
    );
    // The ROI's metric names explain themselves on hover.
    harness.get_by_label("ROI").hover();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("Profit per unit spent")
            .count()
            > 0
    );
    harness
        .get_by_label_contains("The orders carry no prices")
        .scroll_to_me();
    harness.run();
    click_to_tab(&mut harness, "Open the Data tab", Tab::Data);
}

#[test]
fn without_an_orders_file_the_tab_says_so_and_opens_the_data_tab() {
    let customers = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/customers.csv"
    ));
    let mut harness = remembered_app(&customers, |_| {});
    click_tab(&mut harness, Tab::Campaigns);
    harness.get_by_label_contains("Campaigns need an orders file");
    click_to_tab(&mut harness, "Open the Data tab", Tab::Data);
}

//! The Value tab, driven through egui_kittest on the bundled sample store's orders:
//! Train fits the ticked models and CLV, shows the ROC chart with its AUC table,
//! the customer table and CLV's holdout; moving a churn-risk threshold re-buckets
//! the customers at once without a new job; a training can be cancelled (the job
//! is held at its first progress report by the test's wake, so no timing is
//! assumed).

mod common;

use std::sync::atomic::Ordering;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::clv::PurchaseMethod;
use marketbench::analysis::propensity::ModelKind;
use marketbench::jobs::{Wake, no_wake};
use marketbench::ui::format;
use marketbench::ui::{MarketbenchApp, Tab};
use marketbench::workspace::value::ValueResults;

fn harness(wake: Wake) -> Harness<'static, MarketbenchApp> {
    app_harness(returning_user(), wake, 900.0)
}

fn results(app: &MarketbenchApp) -> Option<&ValueResults> {
    let value = &app.workspace().value;
    (!value.is_busy()).then(|| value.results().latest().map(|c| &c.value))?
}

fn value_tab(wake: Wake) -> Harness<'static, MarketbenchApp> {
    let mut harness = harness(wake);
    step_until(&mut harness, "the orders", loaded);
    harness
        .get_by_role_and_label(Role::Button, &Tab::Value.label())
        .click();
    harness.run();
    harness
}

fn bucket_labels(counts: (usize, usize, usize)) -> [String; 3] {
    [
        format!("Low risk: {}", format::count(counts.0)),
        format!("Medium risk: {}", format::count(counts.1)),
        format!("High risk: {}", format::count(counts.2)),
    ]
}

#[test]
fn training_shows_roc_scores_and_value_and_thresholds_rebucket_at_once() {
    let mut harness = value_tab(no_wake());
    assert!(shown(
        &harness,
        "Press Train to fit the propensity models (who buys within the window) and \
         the customer value models."
    ));
    // The forest is the slowest model: leave it out, and see that the choice counts.
    harness.get_by_label("forest").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Train").click();
    step_until(&mut harness, "the training", |app| results(app).is_some());
    harness.run();
    let trained = results(harness.state()).expect("results").clone();
    let kinds: Vec<ModelKind> = trained.propensity.models.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, [ModelKind::LogReg, ModelKind::Tree]);
    assert!(shown(&harness, "ROC curve per model (out-of-time test)"));
    assert!(shown(&harness, "AUC per model"));
    for m in &trained.propensity.models {
        // The planted loyal and lapsed customers make buyers easy to rank.
        let auc = m.auc_out_of_time.expect("auc");
        assert!(auc > 0.75, "{:?}: {auc}", m.kind);
        assert!(shown(&harness, &format!("{auc:.3}")), "AUC of {:?}", m.kind);
    }
    // The customer table, its scores column and every planted customer.
    assert!(shown(&harness, "propensity"));
    assert!(shown(&harness, "CLV"));
    assert_eq!(trained.rows.len(), 5_000);
    assert!(
        trained
            .rows
            .iter()
            .all(|r| r.propensity.is_some() && r.clv.is_some())
    );
    assert!(matches!(
        trained.clv.as_ref().expect("clv").purchases,
        PurchaseMethod::MbgNbd(_)
    ));
    assert!(shown(
        &harness,
        "Holdout: predicted against actual purchase days per customer"
    ));

    let before = trained.bucket_counts();
    assert_eq!(before.0 + before.1 + before.2, 5_000);
    for label in bucket_labels(before) {
        assert!(shown(&harness, &label), "{label}");
    }
    let generation = harness
        .state()
        .workspace()
        .value
        .results()
        .latest()
        .map(|c| c.generation);
    harness
        .get_by_role_and_label(Role::Slider, "Medium risk from:")
        .set_value_accesskit(0.2);
    harness.run();
    let moved = harness
        .state()
        .workspace()
        .value
        .results()
        .latest()
        .map(|c| c.value.clone())
        .expect("results");
    assert!((moved.propensity.thresholds.medium - 0.2).abs() < 1e-9);
    // No new job: the same fit, re-bucketed, under a new generation (so a
    // campaign or table that joined the old buckets is rebuilt).
    assert!(!harness.state().workspace().value.is_busy());
    assert_ne!(
        harness
            .state()
            .workspace()
            .value
            .results()
            .latest()
            .map(|c| c.generation),
        generation
    );
    assert_eq!(moved.rows, trained.rows);
    let after = moved.bucket_counts();
    assert!(after.0 < before.0, "{before:?} → {after:?}");
    assert_eq!(after.2, before.2);
    assert_eq!(after.0 + after.1 + after.2, 5_000);
    for label in bucket_labels(after) {
        assert!(shown(&harness, &label), "{label}");
    }
    let buckets = moved
        .propensity
        .scores
        .column("risk_bucket")
        .expect("bucket")
        .str()
        .expect("str")
        .iter()
        .filter(|b| *b == Some("medium"))
        .count();
    assert_eq!(buckets, after.1);

    // The customer table narrowed to the high-risk bucket shows just those.
    assert!(shown(&harness, "5,000 customers"));
    harness
        .get_by_role_and_label(Role::Button, "high")
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "high").click();
    harness.run();
    let high = format!("{} customers", format::count(after.2));
    assert!(shown(&harness, &high), "{high}");
    assert!(!shown(&harness, "5,000 customers"));

    // The export writes exactly those, with money to 2 decimals, and the
    // confirmation names the full path.
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("high-risk.csv");
    replace_text(&mut harness, "Export to:", &path.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, "Export CSV")
        .click();
    step_until(&mut harness, "the export", |app| {
        let slot = app.workspace().value.export_slot();
        slot.pending().is_none() && (slot.value().is_some() || slot.error().is_some())
    });
    let wrote = format!("Wrote {} customers to {}", after.2, path.display());
    assert!(shown(&harness, &wrote), "{wrote}");
    let text = std::fs::read_to_string(&path).expect("exported");
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let mut rows = 0;
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[at("risk_bucket")], "high");
        let clv = cells[at("clv")];
        assert!(clv.split('.').nth(1).is_none_or(|d| d.len() <= 2), "{clv}");
        rows += 1;
    }
    assert_eq!(rows, after.2);
}

#[test]
fn a_training_can_be_cancelled() {
    // The test's wake holds a value job at its first progress report until
    // released, so the job is certainly running when Cancel is clicked.
    let (wake, held) = held_wake("value");
    let mut harness = value_tab(wake);
    harness.get_by_role_and_label(Role::Button, "Train").click();
    step_until(&mut harness, "the training to start", |app| {
        app.workspace().value.results().pending().is_some()
    });
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.step();
    held.store(false, Ordering::SeqCst);
    step_until(&mut harness, "the cancel", |app| {
        !app.workspace().value.is_busy()
    });
    let slot = harness.state().workspace().value.results();
    assert!(slot.latest().is_none() && slot.error().is_none());
    // Not restarted by itself.
    harness.run();
    assert!(!harness.state().workspace().value.is_busy());
    assert!(shown(
        &harness,
        "Press Train to fit the propensity models (who buys within the window) and \
         the customer value models."
    ));
}

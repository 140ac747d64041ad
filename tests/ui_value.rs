//! The Value tab, driven through egui_kittest on the bundled sample store's orders:
//! Train fits the ticked models and CLV, shows the ROC chart with its AUC table,
//! the customer table and CLV's holdout, each card with what it means for a
//! campaign; moving a churn-risk threshold re-buckets the customers at once
//! without a new job; a training can be cancelled (the job is held at its first
//! progress report by the test's wake, so no timing is assumed). What the data
//! lacks (orders, a long enough history, prices for CLV) is one sentence with a
//! button that opens the Data tab.

mod common;

use std::path::Path;
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
    // The diagonal is named in the legend.
    assert!(shown(&harness, "guessing"));
    // Each card says what it means for a campaign.
    for sentence in [
        "target them first",
        "at high churn risk",
        "purchase days over the 180 days held out",
    ] {
        assert!(
            harness.query_all_by_label_contains(sentence).count() > 0,
            "{sentence}"
        );
    }
    for m in &trained.propensity.models {
        // The planted loyal and lapsed customers make buyers easy to rank.
        let auc = m.auc_out_of_time.expect("auc");
        assert!(auc > 0.75, "{:?}: {auc}", m.kind);
        assert!(
            shown(&harness, &format::number(auc, 3)),
            "AUC of {:?}",
            m.kind
        );
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

    // Scrolled into view at the foot of the long page, the customer table shows
    // a screenful of rows (up to 18), not the few a nested table can shrink to.
    harness.hover_at(egui::pos2(700.0, 500.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Page,
        delta: egui::vec2(0.0, -100.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::default(),
    });
    // The scroll animates over a few frames.
    harness.run_steps(20);
    let rows = harness
        // A label's text is its node's value.
        .query_all_by(|node| {
            node.value()
                .is_some_and(|text| text.len() == 6 && text.starts_with("C0"))
        })
        .count();
    assert!(rows >= 15, "{rows} customer rows shown");
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
    let wrote = format!(
        "Wrote {} customers to {}",
        format::count(after.2),
        path.display()
    );
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

/// Clicks the button that opens the Data tab and sees the Data tab shown.
fn open_data_tab(harness: &mut Harness<'static, MarketbenchApp>) {
    let button = harness.get_by_role_and_label(Role::Button, "Open the Data tab");
    button.scroll_to_me();
    harness.run();
    click_to_tab(harness, "Open the Data tab", Tab::Data);
}

#[test]
fn without_orders_the_tab_says_what_to_load_and_opens_the_data_tab() {
    let app = MarketbenchApp::new(returning_user(), Vec::new(), no_wake());
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    harness.run();
    click_tab(&mut harness, Tab::Value);
    assert!(
        harness
            .query_all_by_label_contains("The Value tab needs an orders file")
            .count()
            > 0
    );
    open_data_tab(&mut harness);
}

/// Order lines without a price or amount column: customer `k` of 40 buys every
/// `7 + 5k` days over `days` days, every fourth one stopping halfway (so some
/// customers buy in a window and some do not).
fn unpriced_orders(path: &Path, days: u64) -> Harness<'static, MarketbenchApp> {
    let mut text = String::from("order_id,customer_id,order_time,sku,qty\n");
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    let mut n = 0;
    for k in 0..40u64 {
        let gap = 7 + 5 * k;
        let end = if k % 4 == 0 { days / 2 } else { days };
        for day in (k % gap..end).step_by(gap as usize) {
            let date = start + chrono::Days::new(day);
            text.push_str(&format!("O{n},C{k},{date},SKU{},{}\n", n % 5, 1 + n % 3));
            n += 1;
        }
    }
    std::fs::write(path, text).expect("write");
    let mut harness = remembered_app(path, |_| {});
    click_tab(&mut harness, Tab::Value);
    harness
}

#[test]
fn orders_without_prices_predict_purchases_and_say_clv_needs_money() {
    let dir = tempfile::tempdir().expect("dir");
    let mut harness = unpriced_orders(&dir.path().join("orders.csv"), 420);
    for model in ["tree", "forest"] {
        harness.get_by_label(model).click();
        harness.run();
    }
    harness.get_by_role_and_label(Role::Button, "Train").click();
    step_until(&mut harness, "the training", |app| results(app).is_some());
    harness.run();
    let trained = results(harness.state()).expect("results");
    assert!(trained.rows.iter().all(|r| r.clv.is_none()));
    assert!(
        harness
            .query_all_by_label_contains("CLV needs money")
            .count()
            > 0
    );
    open_data_tab(&mut harness);
}

#[test]
fn a_history_shorter_than_two_windows_is_said_before_and_after_training() {
    let dir = tempfile::tempdir().expect("dir");
    let mut harness = unpriced_orders(&dir.path().join("orders.csv"), 120);
    let sentence = "too few for a 90-day window";
    assert!(harness.query_all_by_label_contains(sentence).count() > 0);
    assert!(!shown(
        &harness,
        "Press Train to fit the propensity models (who buys within the window) and \
         the customer value models."
    ));
    // Training anyway fails for want of history: the same sentence, not the fit's error.
    harness.get_by_role_and_label(Role::Button, "Train").click();
    step_until(&mut harness, "the training", |app| {
        let value = &app.workspace().value;
        !value.is_busy() && value.results().error().is_some()
    });
    harness.run();
    assert!(harness.query_all_by_label_contains(sentence).count() > 0);
    assert_eq!(
        harness
            .query_all_by_label_contains("The training stopped")
            .count(),
        0
    );
    open_data_tab(&mut harness);
}

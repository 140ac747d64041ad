//! The guide at the top of the Data tab (issue 18, "Guidance and flow"), driven
//! through egui_kittest: the empty start view shows the operator's path with
//! nothing done; on the sample orders each step says what it has computed, a
//! step's button opens its tab, and the Segments step reports the segments once
//! that tab has run; an orders file without items or prices says in words what
//! the Recommendations and Value steps need.

mod common;

use std::path::Path;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::jobs::no_wake;
use marketbench::ui::format;
use marketbench::ui::{MarketbenchApp, Tab};

const STEPS: [&str; 7] = [
    "1. Load the files",
    "2. Check the load report",
    "3. Group the customers",
    "4. Score customer value",
    "5. Recommend items",
    "6. Forecast sales",
    "7. Build a campaign",
];

#[test]
fn the_start_view_shows_the_path_with_nothing_done() {
    let app = MarketbenchApp::new(returning_user(), Vec::new(), no_wake());
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    harness.run();
    assert!(shown(&harness, "Your path: 0 of 7 steps done"));
    for step in STEPS {
        assert!(shown(&harness, step), "{step}");
    }
    assert!(shown(
        &harness,
        "no files yet: choose your shop's exports below, or try the sample store"
    ));
    assert_eq!(harness.query_all_by_label("to do").count(), 7);
    // The empty view's own buttons stay below the guide.
    harness.get_by_role_and_label(Role::Button, "Try the sample store");
}

#[test]
fn on_the_sample_orders_each_step_says_what_it_computed_and_its_button_opens_the_tab() {
    let mut harness = app_harness(returning_user(), no_wake(), 900.0);
    step_until(&mut harness, "the orders", loaded);
    harness.run();
    for step in STEPS {
        assert!(shown(&harness, step), "{step}");
    }
    let summary = harness
        .state()
        .workspace()
        .overview()
        .value()
        .cloned()
        .flatten()
        .expect("a summary")
        .summary;
    let load = format!(
        "1 file, {} order lines, {} customers",
        format::count(summary.order_lines),
        format::count(summary.customers)
    );
    assert!(shown(&harness, &load), "{load}");
    assert!(shown(
        &harness,
        "not run yet: open the tab to group the customers"
    ));
    assert!(shown(&harness, "not trained yet: press Train on the tab"));

    click_to_tab(&mut harness, "Open Segments", Tab::Segments);
    step_until(&mut harness, "the segments", |app| {
        let workspace = app.workspace();
        !workspace.segments.is_busy()
            && workspace
                .segments
                .current(workspace.store_version())
                .is_some()
    });
    click_tab(&mut harness, Tab::Data);
    let k = {
        let workspace = harness.state().workspace();
        let results = workspace.segments.current(workspace.store_version());
        results.expect("segments").value.segmentation.clustering.k
    };
    let segments = format!(
        "{k} segments of {} customers",
        format::count(summary.customers)
    );
    assert!(shown(&harness, &segments), "{segments}");

    click_to_tab(&mut harness, "Open Campaigns", Tab::Campaigns);
}

/// Dated orders without an item or a price column, read as detected.
fn plain_orders(path: &Path) -> Harness<'static, MarketbenchApp> {
    let mut text = String::from("order_id,customer_id,order_time,qty\n");
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    for n in 0..40 {
        let day = start + chrono::Days::new(2 * n);
        text.push_str(&format!("O{n},C{},{day},1\n", n % 7));
    }
    std::fs::write(path, text).expect("write");
    remembered_app(path, |_| {})
}

#[test]
fn steps_the_data_cannot_give_say_what_they_need() {
    let dir = tempfile::tempdir().expect("dir");
    let harness = plain_orders(&dir.path().join("orders.csv"));
    assert!(shown(
        &harness,
        "needs an item column: map one, or load a file with items"
    ));
    assert!(shown(
        &harness,
        "(customer value in money needs a price or amount column)"
    ));
    assert_eq!(harness.query_all_by_label("needs data").count(), 1);
}

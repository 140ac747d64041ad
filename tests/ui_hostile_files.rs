//! Hostile files opened beside good data in the window, driven through
//! egui_kittest: a JSON file nested 100,000 levels deep (once a stack overflow
//! that took the window down) and a workbook whose few values lie too far apart
//! to read (once a 550 GB allocation). Each ends in a notice naming the file and
//! what to do, and the orders already loaded stay loaded and usable.

mod common;

use common::ui::*;
use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::jobs::no_wake;
use marketbench::ui::{MarketbenchApp, Tab};

/// The window on `path`: 40 orders in March 2025 and one dated `far`, whose
/// columns were confirmed before (with "Keep far dates" as `keep`), so the file
/// loads without the mapping view.
fn far_date_app(path: &Path, far: &str, keep: bool) -> Harness<'static, MarketbenchApp> {
    let mut text = String::from("order_id,customer_id,order_time,amount\n");
    for n in 0..40 {
        text.push_str(&format!("O{n},C{},2025-03-{:02},10\n", n % 7, n % 28 + 1));
    }
    text.push_str(&format!("O99,C1,{far},10\n"));
    std::fs::write(path, text).expect("write");
    remembered_app(path, |options| options.keep_far_dates = keep)
}

#[test]
fn hostile_files_end_in_notices_and_the_loaded_orders_stay_usable() {
    let dir = tempfile::tempdir().expect("dir");
    let deep = dir.path().join("deep.json");
    std::fs::write(
        &deep,
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .expect("deep json");
    let sparse = dir.path().join("sparse.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for i in 0..15_000u32 {
        sheet.write_number(i, i as u16, 1.0).expect("cell");
    }
    workbook.save(&sparse).expect("save");

    let mut harness = app_harness(returning_user(), no_wake(), 900.0);
    step_until(&mut harness, "the orders", loaded);
    for path in [&deep, &sparse] {
        replace_text(&mut harness, "Path:", &path.display().to_string());
        harness.get_by_role_and_label(Role::Button, "Open").click();
        harness.step();
    }
    step_until(&mut harness, "both notices", |app| {
        !app.workspace().is_busy() && app.workspace().notices().len() == 2
    });
    harness.run();
    harness.get_by_label_contains("deep.json");
    harness.get_by_label_contains("levels deep");
    harness.get_by_label_contains("sparse.xlsx");
    harness.get_by_label_contains("too far apart");

    // The orders are still the one loaded table, and the tabs still use them.
    assert_eq!(harness.state().workspace().store().tables.len(), 1);
    click_tab(&mut harness, Tab::Behaviour);
    step_until(&mut harness, "the behaviour figures", |app| {
        !app.workspace().is_busy()
    });
    harness.run();
    harness.get_by_label_contains("5,000 customers scored");
}

#[test]
fn a_loaded_file_can_be_read_again_to_keep_the_rows_with_far_dates() {
    // 40 orders in 2025 and one dated 1900-01-01 (a placeholder, or a real
    // old order), whose columns were confirmed before: the file loads without
    // the mapping view and drops the far date.
    let dir = tempfile::tempdir().expect("dir");
    let mut harness = far_date_app(&dir.path().join("orders.csv"), "1900-01-01", false);
    let kept = |app: &MarketbenchApp| app.workspace().store().tables[0].report.rows_kept;
    assert_eq!(kept(harness.state()), 40, "the far date was dropped");

    harness
        .get_by_role_and_label(Role::Button, "Change how it is read")
        .click();
    step_until(&mut harness, "the mapping view", |app| {
        app.workspace()
            .pending()
            .iter()
            .any(|p| matches!(p.stage, marketbench::workspace::FileStage::Mapping { .. }))
    });
    harness.run();
    harness.get_by_label("Keep far dates").click();
    harness.run();
    let ticked = |app: &MarketbenchApp| {
        app.workspace().pending().iter().any(|p| {
            matches!(&p.stage, marketbench::workspace::FileStage::Mapping { options, .. } if options.keep_far_dates)
        })
    };
    assert!(ticked(harness.state()), "the box is ticked");
    harness.get_by_role_and_label(Role::Button, "Load").click();
    step_until(&mut harness, "the file read again", |app| {
        loaded(app) && app.workspace().store().tables[0].report.rows_kept == 41
    });
    assert_eq!(
        harness.state().workspace().store().tables.len(),
        1,
        "replaced, not added"
    );
}

#[test]
fn kept_placeholder_dates_chart_in_buckets_and_the_forecast_says_which_file_and_why() {
    // 40 orders in 2025 and one dated 9999-12-31, kept on purpose ("Keep far
    // dates" remembered for this layout): the chart sums millennia into a few
    // thousand points, and the forecast refuses a series of 400,000 weeks.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("placeholder-orders.csv");
    let mut harness = far_date_app(&path, "9999-12-31", true);
    harness.get_by_label_contains("Net revenue per 730 days (the orders span 79");

    click_tab(&mut harness, Tab::Forecast);
    step_until(&mut harness, "the forecast to stop", |app| {
        app.workspace().forecast.results().error().is_some()
    });
    harness.run();
    let error = harness.get_by_label_contains("The forecast stopped");
    let text = format!("{error:?}");
    assert!(text.contains("placeholder-orders.csv"), "{text}");
    assert!(text.contains("to 9999-12-27"), "{text}");
    assert!(text.contains("Keep far dates"), "{text}");
}

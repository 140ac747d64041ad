//! Hostile files opened beside good data in the window, driven through
//! egui_kittest: a JSON file nested 100,000 levels deep (once a stack overflow
//! that took the window down) and a workbook whose few values lie too far apart
//! to read (once a 550 GB allocation). Each ends in a notice naming the file and
//! what to do, and the orders already loaded stay loaded and usable.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use marketbench::jobs::no_wake;
use marketbench::ui::Tab;

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

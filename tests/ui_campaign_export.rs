//! The Campaigns tab's edges, driven through egui_kittest: an audience nobody
//! matches shows "—" for its ROI (never "-0.0%") and says nobody would be
//! contacted; "Save as…" where no file dialog can be shown says to type the
//! path; the suggested file is named after the campaign; a typed file name is written in the data files' folder, not the
//! process's working folder, and the confirmation names the full path.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::campaign::Condition;
use marketbench::jobs::no_wake;
use marketbench::ui::{MarketbenchApp, Tab};

#[test]
fn an_empty_audience_shows_dashes_and_a_typed_name_lands_beside_the_data() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none(),
        "this test needs a desktop where no file dialog can be shown"
    );
    let folder = tempfile::tempdir().expect("temp dir");
    let orders = folder.path().join("orders.csv");
    std::fs::copy(common::ui::orders(), &orders).expect("copy");
    let mut state = returning_user();
    // The copy's columns were confirmed before, as the sample's are.
    remember_columns(&mut state, &orders);
    state.campaigns.draft.name = "春季 VIP".into();
    state.campaigns.draft.condition = Condition::RfmGroup {
        values: vec!["No such group".into()],
    };
    let app = MarketbenchApp::new(state, vec![orders], no_wake());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 2400.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    step_until(&mut harness, "the orders", loaded);
    click_tab(&mut harness, Tab::Campaigns);
    step_until(&mut harness, "the empty audience", |app| {
        current(app).is_some()
    });
    assert_eq!(current(harness.state()).expect("audience").size(), 0);
    harness.run();
    // ROI, profit and costs of nobody: "—", and no "-0.0%" anywhere.
    assert!(harness.query_all_by_label("—").count() >= 5);
    assert_eq!(harness.query_all_by_label("-0.0%").count(), 0);
    harness.get_by_label_contains("Nobody would be contacted");

    harness.get_by_label("Export to:").scroll_to_me();
    harness.run();
    // The suggested file is named after the campaign.
    assert_eq!(
        harness.get_by_label("Export to:").value().as_deref(),
        Some("春季-vip.csv")
    );
    harness
        .get_by_role_and_label(Role::Button, "Save as…")
        .click();
    step_until(&mut harness, "the dialog's answer", |_| true);
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("No file dialog could be shown")
            .count()
            > 0
    );
    replace_text(&mut harness, "Export to:", "typed-list.csv");
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    step_until(&mut harness, "the export", |app| {
        let slot = app.workspace().campaigns.export_slot();
        slot.pending().is_none() && (slot.value().is_some() || slot.error().is_some())
    });
    harness.run();
    let written = folder.path().join("typed-list.csv");
    assert!(written.exists(), "not beside the data");
    let absolute = std::path::absolute(&written).expect("absolute");
    let done = format!("Wrote 0 target rows to {}", absolute.display());
    assert!(
        harness.query_all_by_label_contains(&done).count() > 0,
        "{done}"
    );
}

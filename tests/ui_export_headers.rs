//! The export options' column headers, driven through egui_kittest: the operator
//! picks 中文 beside the campaign export, exports, and the list's header row is
//! Chinese (values as they were), its record says so, and the choice is kept
//! with the saved settings.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::campaign::Condition;
use marketbench::export::campaign::{Sidecar, sidecar_path};
use marketbench::export::headers::Headers;
use marketbench::jobs::no_wake;
use marketbench::ui::{MarketbenchApp, Tab};

#[test]
fn picking_chinese_headers_writes_them_and_remembers_the_choice() {
    let folder = tempfile::tempdir().expect("temp dir");
    let orders = folder.path().join("orders.csv");
    std::fs::copy(common::ui::orders(), &orders).expect("copy");
    let mut state = returning_user();
    remember_columns(&mut state, &orders);
    state.campaigns.draft.name = "best".into();
    state.campaigns.draft.condition = Condition::RfmGroup {
        values: vec!["Champions".into()],
    };
    let app = MarketbenchApp::new(state, vec![orders], no_wake());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 2400.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    step_until(&mut harness, "the orders", loaded);
    click_tab(&mut harness, Tab::Campaigns);
    step_until(&mut harness, "the audience", |app| current(app).is_some());
    let targets = current(harness.state()).expect("audience").size();
    assert!(targets > 0, "Champions exist in the sample");
    harness.run();

    harness.get_by_label("Column headers:").scroll_to_me();
    harness.run();
    harness.get_by_label("Column headers:").click();
    harness.run();
    harness.get_by_label("中文").click();
    harness.run();
    assert_eq!(harness.state().state().export_headers, Headers::Chinese);

    replace_text(&mut harness, "Export to:", "best.csv");
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    step_until(&mut harness, "the export", |app| {
        let slot = app.workspace().campaigns.export_slot();
        slot.pending().is_none() && (slot.value().is_some() || slot.error().is_some())
    });
    let list = folder.path().join("best.csv");
    let text = std::fs::read_to_string(&list).expect("the list");
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert_eq!(header[0], "客户ID", "{header:?}");
    let group = header
        .iter()
        .position(|h| *h == "RFM分组")
        .expect("RFM分组");
    let first: Vec<&str> = lines.next().expect("a target").split(',').collect();
    assert_eq!(first[group], "Champions", "values are not translated");
    let record: Sidecar =
        serde_json::from_str(&std::fs::read_to_string(sidecar_path(&list)).expect("record"))
            .expect("a record");
    assert_eq!(record.headers, Headers::Chinese);
}

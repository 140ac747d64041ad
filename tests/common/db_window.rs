//! The "Connect to database…" dialog driven as an operator drives it
//! (egui_kittest): an empty window, the URL and password typed, Connect, a
//! table picked for the orders, Count, and what the window shows.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use marketbench::data::FileKind;
use marketbench::jobs::Wake;
use marketbench::ui::{Command, MarketbenchApp};

use super::ui::{replace_text, returning_user, step_until};

/// An empty window (no files) of 1280 × 800 with `wake`.
pub fn window(wake: Wake) -> Harness<'static, MarketbenchApp> {
    let app = MarketbenchApp::new(returning_user(), Vec::new(), wake);
    Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app)
}

/// Draws a few frames: the dialog fades in and its scroll area settles.
pub fn frames(harness: &mut Harness<'_, MarketbenchApp>) {
    harness.run_steps(10);
}

pub fn dialog_idle(app: &MarketbenchApp) -> bool {
    !app.db_dialog().is_busy()
}

/// Opens the dialog, types `url` and `password`, and connects.
pub fn connect(harness: &mut Harness<'_, MarketbenchApp>, url: &str, password: &str) {
    if !harness.state().db_dialog().is_open() {
        harness
            .get_by_role_and_label(Role::Button, "Connect to database…")
            .click();
        frames(harness);
    }
    replace_text(harness, "Database URL", url);
    type_password(harness, password);
    press_and_wait(harness, "Connect", "the connection");
}

/// Presses the dialog's button `label` and waits until its job is done.
pub fn press_and_wait(harness: &mut Harness<'_, MarketbenchApp>, label: &str, what: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.step();
    step_until(harness, what, dialog_idle);
}

/// Replaces the password field's text with `password`.
pub fn type_password(harness: &mut Harness<'_, MarketbenchApp>, password: &str) {
    // Select all and type: an empty password deletes what was typed before.
    harness.get_by_label("Password").click();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Delete);
    harness.step();
    harness.get_by_label("Password").type_text(password);
    harness.step();
}

/// Picks `table` for the orders.
pub fn pick_orders(harness: &mut Harness<'_, MarketbenchApp>, choice: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, &FileKind::Orders.label())
        .click();
    frames(harness);
    harness.get_by_label(choice).click();
    frames(harness);
}

pub fn count(harness: &mut Harness<'_, MarketbenchApp>) {
    press_and_wait(harness, "Count rows", "the count");
}

/// Every text the window shows or holds that contains `needle`.
pub fn texts_with(harness: &Harness<'_, MarketbenchApp>, needle: &str) -> Vec<String> {
    harness
        .query_all(by().include_labels().predicate(|node| {
            [node.label(), node.value()]
                .into_iter()
                .flatten()
                .any(|text| text.contains(needle))
        }))
        .map(|node| format!("{:?}", node.accesskit_node().label()))
        .collect()
}

/// Presses Fetch on what was counted, then Load in the mapping view, and
/// waits until the rows are a loaded table.
pub fn fetch_and_load(harness: &mut Harness<'_, MarketbenchApp>) {
    harness.get_by_role_and_label(Role::Button, "Fetch").click();
    harness.step();
    step_until(harness, "the fetch", |app| {
        !app.workspace().pending().is_empty()
    });
    harness.get_by_role_and_label(Role::Button, "Load").click();
    step_until(harness, "the load", |app| {
        app.workspace().pending().is_empty() && !app.workspace().store().tables.is_empty()
    });
}

/// Saves the window's project to `path` and waits for the file.
pub fn save_project(harness: &mut Harness<'_, MarketbenchApp>, path: &std::path::Path) {
    harness
        .state_mut()
        .push(Command::SaveProject(path.to_path_buf()));
    step_until(harness, "the save", |_| path.exists());
}

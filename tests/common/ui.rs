//! The egui_kittest set-up shared by the tab tests: the app on the sample orders
//! for a returning user, stepping frames until a job has finished, and small queries.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::campaign::Audience;
use marketbench::data::LoadOptions;
use marketbench::jobs::{Wake, no_wake};
use marketbench::ui::{MarketbenchApp, Tab, UiState};
use marketbench::workspace::campaign::audience_key;

/// The sample store's orders file.
pub fn orders() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/orders.csv"
    ))
}

/// Not a first launch: only the files given are opened.
pub fn returning_user() -> UiState {
    UiState {
        // The labels these tests look for are English, whatever the system says.
        language: Some(marketbench::i18n::Language::English),
        recent_files: vec![PathBuf::from("/nowhere/last-week.csv")],
        ..UiState::default()
    }
}

/// The window (1280 wide, `height` tall) with the sample orders opening.
pub fn app_harness(state: UiState, wake: Wake, height: f32) -> Harness<'static, MarketbenchApp> {
    let app = MarketbenchApp::new(state, vec![orders()], wake);
    Harness::builder()
        .with_size(egui::Vec2::new(1280.0, height))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app)
}

/// Records `path`'s columns as confirmed before, as detected, so it opens
/// without the mapping view.
pub fn remember_columns(state: &mut UiState, path: &Path) {
    let inspection = marketbench::data::inspect(path, None).expect("inspect");
    let options = LoadOptions::from_inspection(&inspection);
    state.remembered.insert(inspection.signature, options);
}

/// The window (1280 × 900) on `path`, whose columns were confirmed before as
/// detected and then changed by `confirm`, so the file loads without the mapping
/// view. Returned once the file and its summary are shown ([`loaded`]).
pub fn remembered_app(
    path: &Path,
    confirm: impl FnOnce(&mut LoadOptions),
) -> Harness<'static, MarketbenchApp> {
    let mut state = returning_user();
    let inspection = marketbench::data::inspect(path, None).expect("inspect");
    let mut options = LoadOptions::from_inspection(&inspection);
    confirm(&mut options);
    state.remembered.insert(inspection.signature, options);
    window_on(state, path)
}

/// The window (1280 × 900) with `state` opening `path`, once the file and its
/// summary are shown.
pub fn window_on(state: UiState, path: &Path) -> Harness<'static, MarketbenchApp> {
    let app = MarketbenchApp::new(state, vec![path.to_path_buf()], no_wake());
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    step_until(&mut harness, "the file and its summary", loaded);
    harness.run();
    harness
}

/// Steps frames until `done` holds (jobs run on their own threads meanwhile).
pub fn step_until(
    harness: &mut Harness<'_, MarketbenchApp>,
    what: &str,
    done: impl Fn(&MarketbenchApp) -> bool,
) {
    for _ in 0..30_000 {
        harness.step();
        if done(harness.state()) {
            harness.step();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("gave up waiting for {what}");
}

/// A small orders file `dir/name` of 60 lines (9 customers, 5 items, one line
/// every third day from 2025-01-01) with only `columns`, in that order, out of
/// order_id, customer_id, order_time, sku, qty and amount: a file that lacks
/// what some tab needs.
pub fn small_orders(dir: &Path, name: &str, columns: &[&str]) -> PathBuf {
    let mut text = columns.join(",") + "\n";
    for n in 0..60u64 {
        let day =
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date") + chrono::Days::new(3 * n);
        let cells: Vec<String> = columns
            .iter()
            .map(|column| match *column {
                "order_id" => format!("O{n}"),
                "customer_id" => format!("C{}", n % 9),
                "order_time" => day.to_string(),
                "sku" => format!("SKU{}", n % 5),
                "qty" => "1".to_string(),
                "amount" => format!("{}.50", 10 + n % 7),
                other => panic!("no such column in small_orders: {other}"),
            })
            .collect();
        text.push_str(&(cells.join(",") + "\n"));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// Clicks the button labelled `label` (a missing prerequisite's, a guide
/// step's) and checks that it shows `tab`.
pub fn click_to_tab(harness: &mut Harness<'_, MarketbenchApp>, label: &str, tab: Tab) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
    assert_eq!(harness.state().state().tab, tab);
}

/// Steps until nothing has run for a while: a tab's results can start further jobs.
pub fn settle(harness: &mut Harness<'_, MarketbenchApp>) {
    let mut quiet = 0;
    for _ in 0..30_000 {
        harness.step();
        quiet = match harness.state().workspace().is_busy() {
            true => 0,
            false => quiet + 1,
        };
        if quiet >= 20 {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the window never settled");
}

/// The one file given is loaded and its summary is shown: the summary moves the
/// widgets below it when it lands, so a click aimed before that could miss.
pub fn loaded(app: &MarketbenchApp) -> bool {
    let overview = app.workspace().overview();
    app.workspace().pending().is_empty()
        && app.workspace().store().tables.len() == 1
        && overview.value().is_some()
        && overview.pending().is_none()
}

pub fn shown(harness: &Harness<'_, MarketbenchApp>, label: &str) -> bool {
    harness.query_all_by_label(label).count() > 0
}

/// The audience of the campaign being edited, once built and nothing runs.
pub fn current(app: &MarketbenchApp) -> Option<&Audience> {
    let campaigns = &app.workspace().campaigns;
    if campaigns.is_busy() {
        return None;
    }
    let workspace = app.workspace();
    let scores = workspace.score_sources();
    let results = &campaigns.current(workspace.store_version(), &scores)?.value;
    let wanted = audience_key(&app.state().campaigns.draft);
    (results.key.audience == wanted)
        .then(|| results.audience.as_deref().ok())
        .flatten()
}

/// Replaces the text of the field labelled `label` by `text` (click, select
/// all, type).
pub fn replace_text(harness: &mut Harness<'_, MarketbenchApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.step();
    harness.get_by_label(label).type_text(text);
    harness.step();
}

/// Exports the selected segment's members to `path` as CSV and waits for the job.
pub fn export_segment_csv(harness: &mut Harness<'_, MarketbenchApp>, path: &std::path::Path) {
    replace_text(harness, "Export to:", &path.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, "Export CSV")
        .click();
    step_until(harness, "the export", |app| {
        let export = app.workspace().segments.export_slot();
        export.pending().is_none() && (export.value().is_some() || export.error().is_some())
    });
}

/// Clicks the tab's button on the left and lets the frame settle.
pub fn click_tab(harness: &mut Harness<'_, MarketbenchApp>, tab: Tab) {
    harness
        .get_by_role_and_label(Role::Button, &tab.label())
        .click();
    harness.run();
}

/// A wake that holds the job thread named `job: {job}` at its progress reports
/// until the returned flag is set to false, so a test's Cancel certainly meets a
/// running job.
pub fn held_wake(job: &str) -> (Wake, Arc<AtomicBool>) {
    let held = Arc::new(AtomicBool::new(true));
    let gate = held.clone();
    let thread = format!("job: {job}");
    let wake: Wake = Arc::new(move || {
        let in_job = std::thread::current().name() == Some(thread.as_str());
        while in_job && gate.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    (wake, held)
}

/// No job runs and no command waits.
pub fn idle(app: &MarketbenchApp) -> bool {
    !app.workspace().is_busy() && app.workspace().pending().is_empty()
}

/// The notices the window holds, as shown.
pub fn notices(app: &MarketbenchApp) -> Vec<String> {
    app.workspace()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .collect()
}

/// Opens the project at `path` through the typed-path prompt (no file dialog
/// on a machine without a session bus) and waits for its files to load.
pub fn open_typed_project(harness: &mut Harness<'_, MarketbenchApp>, path: &Path) {
    harness
        .get_by_role_and_label(Role::Button, "Open project…")
        .click();
    harness.run();
    harness.get_by_label("Project file:").click();
    harness.step();
    harness
        .get_by_label("Project file:")
        .type_text(&path.display().to_string());
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Open project")
        .click();
    step_until(harness, "the project's files", |app| {
        idle(app) && !app.workspace().store().tables.is_empty()
    });
}

/// A project of `files`, each with the options its inspection suggests,
/// relative to `dir`.
pub fn project_of(files: &[PathBuf], dir: &Path) -> marketbench::workspace::project::Project {
    let mut project = marketbench::workspace::project::Project::default();
    for file in files {
        let inspection = marketbench::data::inspect(file, None).expect("inspect");
        project
            .add_file(file, LoadOptions::from_inspection(&inspection), dir)
            .expect("add");
    }
    project
}

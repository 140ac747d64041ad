//! The window, driven through egui_kittest without a display: tabs, opening files by
//! typed path, the mapping view, the summary cards, the table's sort and filter, the
//! sample store, and errors that must not stop the app.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::jobs::no_wake;
use marketbench::ui::format;
use marketbench::ui::{MarketbenchApp, Tab, UiState};

/// A state that is not a first launch, so the sample store is not opened.
fn returning_user() -> UiState {
    UiState {
        // The labels these tests look for are English, whatever the system says.
        language: Some(marketbench::i18n::Language::English),
        recent_files: vec![PathBuf::from("/nowhere/last-week.csv")],
        ..UiState::default()
    }
}

fn harness(app: MarketbenchApp) -> Harness<'static, MarketbenchApp> {
    Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app)
}

/// Steps frames until `done` holds (jobs run on their own threads meanwhile).
fn step_until(
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
    panic!("gave up waiting for {what}");
}

fn idle(app: &MarketbenchApp) -> bool {
    !app.workspace().is_busy()
}

fn type_path(harness: &mut Harness<'_, MarketbenchApp>, path: &Path) {
    harness.get_by_label("Path:").click();
    harness.step();
    harness
        .get_by_label("Path:")
        .type_text(&path.display().to_string());
    harness.step();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
}

/// 2,000 order lines from 1,234 customers, with Chinese headers and product names;
/// the customer column has a header nothing recognises ("ref").
fn planted_orders(dir: &Path) -> (PathBuf, f64) {
    let mut text = String::from("订单编号,ref,下单时间,商品编号,商品名称,数量,单价,金额\n");
    let names = ["乌龙茶", "红茶", "Green tea"];
    let mut revenue = 0.0;
    for i in 0..2_000_usize {
        let quantity = 1 + i % 3;
        let amount = quantity as f64 * 12.5;
        revenue += amount;
        text.push_str(&format!(
            "O{i:05},C{:04},2024-01-{:02} 10:{:02}:00,SKU{},{},{quantity},12.50,{amount:.2}\n",
            i % 1_234,
            1 + i % 28,
            i % 60,
            i % 3,
            names[i % 3],
        ));
    }
    let path = dir.join("orders.csv");
    std::fs::write(&path, text).expect("write orders");
    (path, revenue)
}

#[test]
fn every_tab_shows_its_heading_and_unbuilt_ones_say_so() {
    let app = MarketbenchApp::new(returning_user(), Vec::new(), no_wake());
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label_contains("No data loaded yet");
    for tab in Tab::ALL {
        harness
            .get_by_role_and_label(Role::Button, &tab.label())
            .click();
        harness.run();
        assert_eq!(harness.state().state().tab, tab);
        assert!(
            harness.query_all_by_label(&tab.label()).count() >= 2,
            "{} heading missing",
            tab.label()
        );
        let unbuilt = harness
            .query_by_label("This part is not built yet.")
            .is_some();
        let built = matches!(
            tab,
            Tab::Data
                | Tab::Behaviour
                | Tab::Segments
                | Tab::Value
                | Tab::Recommendations
                | Tab::Forecast
                | Tab::Campaigns
                | Tab::Service
        );
        assert_eq!(unbuilt, !built, "{}", tab.label());
    }
}

#[test]
fn a_typed_path_goes_through_the_mapping_view_into_the_summary_and_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (orders, revenue) = planted_orders(dir.path());
    let app = MarketbenchApp::new(returning_user(), Vec::new(), no_wake());
    let mut harness = harness(app);
    harness.run();

    type_path(&mut harness, &orders);
    step_until(&mut harness, "the mapping view", |app| {
        idle(app) && !app.workspace().pending().is_empty()
    });
    harness.get_by_label("Check how to read orders.csv");
    harness.get_by_label_contains("Encoding: UTF-8");

    // Map the unrecognised column to the customer id.
    harness.get_by_label("Role of column ref").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "customer id")
        .click();
    harness.step();
    harness.get_by_role_and_label(Role::Button, "Load").click();
    step_until(&mut harness, "the load and the summary", |app| {
        idle(app) && app.workspace().overview().value().is_some()
    });
    harness.run();

    let shown = |label: &str| harness.query_all_by_label(label).count() > 0;
    assert!(shown("1,234"), "customers card");
    assert!(shown("2,000"), "orders and order lines cards");
    assert!(shown(&format::money(revenue)), "net revenue card");
    assert!(shown("2024-01-01 – 2024-01-28"), "date range card");
    assert!(shown("2,000 of 2,000 rows"), "table row count");
    // Chinese product names reach the table (the harness panics on missing glyphs).
    assert!(shown("乌龙茶"), "a product name in the table");
    // The confirmed options are remembered for this header.
    assert_eq!(harness.state().state().remembered.len(), 1);
    assert_eq!(harness.state().state().recent_files[0], orders);

    // Filter: a third of the lines sell oolong tea.
    harness.get_by_label("Filter rows:").click();
    harness.step();
    harness.get_by_label("Filter rows:").type_text("乌龙");
    step_until(&mut harness, "the filter", |app| {
        idle(app)
            && app
                .workspace()
                .view()
                .value()
                .is_some_and(|v| v.request.filter == "乌龙")
    });
    assert!(
        harness.query_by_label("667 of 2,000 rows").is_some(),
        "filtered row count"
    );

    // Sort: clicking the amount header sorts ascending, clicking again descending.
    harness
        .get_by_role_and_label(Role::Button, "amount")
        .click();
    step_until(&mut harness, "the sort", |app| {
        idle(app)
            && app
                .workspace()
                .view()
                .value()
                .is_some_and(|v| v.request.sort.is_some())
    });
    assert!(harness.query_by_label("Sorted by amount (ascending). Click a column name to sort by it; click again to reverse.").is_some());
    let view = harness.state().workspace().view().value().expect("view");
    let amounts = view.frame.column("amount").expect("amount");
    let first = amounts
        .get(view.frame_row(0))
        .expect("cell")
        .extract::<f64>();
    let last = amounts
        .get(view.frame_row(view.len() - 1))
        .expect("cell")
        .extract::<f64>();
    assert!(first <= last, "{first:?} then {last:?}");
}

#[test]
fn bad_files_show_errors_and_the_app_keeps_running() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.parquet");
    std::fs::write(&broken, "this is not parquet").expect("write");
    let missing = dir.path().join("missing-orders.csv");
    let app = MarketbenchApp::new(returning_user(), Vec::new(), no_wake());
    let mut harness = harness(app);
    harness.run();

    type_path(&mut harness, &broken);
    type_path(&mut harness, &missing);
    step_until(&mut harness, "both errors", |app| {
        idle(app) && app.workspace().notices().len() == 2
    });
    harness.run();
    harness.get_by_label_contains("broken.parquet");
    harness.get_by_label_contains("missing-orders.csv");

    harness
        .get_all_by_label("Dismiss")
        .next()
        .expect("a dismiss button")
        .click();
    harness.run();
    assert_eq!(harness.state().workspace().notices().len(), 1);

    // Still alive: tabs work and a good file still opens.
    harness
        .get_by_role_and_label(Role::Button, "Behaviour")
        .click();
    harness.run();
    harness.get_by_label_contains("Load an orders file to see customer behaviour");
}

#[test]
fn the_sample_store_opens_on_first_launch_and_loads_without_questions() {
    let Some(files) = marketbench::workspace::sample_files() else {
        panic!("the sample store is missing: sample-data/ should be in the repository");
    };
    let app = MarketbenchApp::new(
        UiState {
            language: Some(marketbench::i18n::Language::English),
            ..UiState::default()
        },
        Vec::new(),
        no_wake(),
    );
    let mut harness = harness(app);
    step_until(&mut harness, "the sample store", |app| {
        idle(app)
            && app.workspace().pending().is_empty()
            && app.workspace().overview().value().is_some()
    });
    harness.run();
    let app = harness.state();
    assert_eq!(app.workspace().store().tables.len(), files.len());
    assert!(
        app.workspace().notices().is_empty(),
        "{:?}",
        app.workspace().notices()
    );
    let overview = app
        .workspace()
        .overview()
        .value()
        .cloned()
        .flatten()
        .expect("the sample store has orders");
    assert!(overview.summary.customers > 0);
    let customers = format::count(overview.summary.customers);
    let net = format::money(overview.summary.revenue_net.expect("priced"));
    // Counted here from the file itself, not from the app.
    let text = std::fs::read_to_string("sample-data/orders.csv").expect("sample orders");
    let distinct: std::collections::HashSet<&str> = text
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(1))
        .filter(|id| !id.trim().is_empty())
        .collect();
    assert_eq!(overview.summary.customers, distinct.len());

    // Every tab opens on the loaded store, and the Data tab still shows the figures.
    for tab in Tab::ALL.into_iter().chain([Tab::Data]) {
        harness
            .get_by_role_and_label(Role::Button, &tab.label())
            .click();
        harness.run();
        assert_eq!(harness.state().state().tab, tab);
    }
    harness.get_by_label("Customers");
    assert!(
        harness.query_all_by_label(&customers).count() > 0,
        "{customers}"
    );
    assert!(harness.query_all_by_label(&net).count() > 0, "{net}");
}

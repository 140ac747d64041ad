//! The "Connect to database…" dialog against a real PostgreSQL (`common::db`),
//! driven through egui_kittest: open the dialog from the Data tab, type the
//! server's socket URL, connect, pick the orders table, see its row count before
//! anything is fetched, fetch, map and load: the planted customers arrive. A
//! wrong password and a bad SELECT show one sentence without the password; a
//! connection dropped mid-fetch shows an error and leaves nothing half-loaded,
//! and fetching again then works.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use common::db::{Server, postgres, postgres_with_password};
use common::ui::{replace_text, returning_user, shown, step_until};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use marketbench::data::FileKind;
use marketbench::data::Role as DataRole;
use marketbench::jobs::{Wake, no_wake};
use marketbench::ui::{Command, MarketbenchApp};
use marketbench::workspace::FileStage;

/// Customers planted in the orders table.
const CUSTOMERS: usize = 37;

/// Creates `shop_orders` with `lines` order lines of [`CUSTOMERS`] customers.
fn fill(server: &Server, password: Option<&str>, lines: u32) {
    let mut connect = format!("host={} user=mb dbname=postgres", server.socket.display());
    if let Some(password) = password {
        connect.push_str(&format!(" password={password}"));
    }
    let mut client = postgres::Client::connect(&connect, postgres::NoTls).expect("connect");
    client
        .batch_execute(&format!(
            "CREATE TABLE shop_orders AS SELECT \
             'C' || lpad((g % {CUSTOMERS})::text, 3, '0') AS customer_id, \
             'O' || g AS order_id, \
             timestamp '2024-01-01' + (g % 300) * interval '1 day' AS order_time, \
             'SKU' || (g % 11) AS sku, 1 + g % 3 AS qty, \
             (10 + g % 7)::numeric(10, 2) AS amount \
             FROM generate_series(1, {lines}) g; \
             CREATE TABLE other_things (id int)"
        ))
        .expect("fill");
}

/// An empty window (no files) of 1280 × 800 with `wake`.
fn window(wake: Wake) -> Harness<'static, MarketbenchApp> {
    let app = MarketbenchApp::new(returning_user(), Vec::new(), wake);
    Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app)
}

/// Draws a few frames: the dialog fades in and its scroll area settles.
fn frames(harness: &mut Harness<'_, MarketbenchApp>) {
    harness.run_steps(10);
}

fn dialog_idle(app: &MarketbenchApp) -> bool {
    !app.db_dialog().is_busy()
}

/// Opens the dialog, types `url` and `password`, and connects.
fn connect(harness: &mut Harness<'_, MarketbenchApp>, url: &str, password: &str) {
    if !harness.state().db_dialog().is_open() {
        harness
            .get_by_role_and_label(Role::Button, "Connect to database…")
            .click();
        frames(harness);
    }
    replace_text(harness, "Database URL", url);
    // Select all and type: an empty password deletes what was typed before.
    harness.get_by_label("Password").click();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Delete);
    harness.step();
    harness.get_by_label("Password").type_text(password);
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Connect")
        .click();
    harness.step();
    step_until(harness, "the connection", dialog_idle);
}

/// Picks `table` for the orders.
fn pick_orders(harness: &mut Harness<'_, MarketbenchApp>, choice: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, &FileKind::Orders.label())
        .click();
    frames(harness);
    harness.get_by_label(choice).click();
    frames(harness);
}

fn count(harness: &mut Harness<'_, MarketbenchApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Count rows")
        .click();
    harness.step();
    step_until(harness, "the count", dialog_idle);
}

/// Every text the window shows or holds that contains `needle`.
fn texts_with(harness: &Harness<'_, MarketbenchApp>, needle: &str) -> Vec<String> {
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

#[test]
fn the_dialog_counts_fetches_maps_and_loads_the_orders_of_a_real_postgres() {
    let server = postgres();
    fill(&server, None, 500);
    let mut harness = window(no_wake());
    connect(&mut harness, &server.url, "");
    let tables = harness.state().db_dialog().tables().to_vec();
    assert_eq!(tables, vec!["other_things", "shop_orders"]);
    pick_orders(&mut harness, "shop_orders");
    count(&mut harness);

    // The count is said before anything is fetched.
    let counted = harness
        .state()
        .db_dialog()
        .counted()
        .expect("counted")
        .to_vec();
    assert_eq!(counted.len(), 1);
    assert_eq!(counted[0].estimate.rows, 500);
    assert!(counted[0].estimate.bytes > 0);
    assert!(
        harness
            .query_by_label_contains("shop_orders: 500 rows, about")
            .is_some(),
        "the count is shown"
    );
    assert!(harness.state().workspace().pending().is_empty());
    assert!(harness.state().workspace().store().tables.is_empty());

    harness.get_by_role_and_label(Role::Button, "Fetch").click();
    harness.step();
    step_until(&mut harness, "the fetch", |app| {
        !app.workspace().pending().is_empty()
    });
    assert!(!harness.state().db_dialog().is_open(), "the dialog closes");
    // The same mapping view as a file, with the roles detected.
    let pending = &harness.state().workspace().pending()[0];
    let FileStage::Mapping { options, .. } = &pending.stage else {
        panic!("the fetched orders wait in the mapping view");
    };
    assert_eq!(options.kind, FileKind::Orders);
    assert_eq!(
        options
            .mapping
            .get(&DataRole::CustomerId)
            .map(String::as_str),
        Some("customer_id")
    );
    assert!(shown(&harness, "Check how to read shop_orders"));
    harness.get_by_role_and_label(Role::Button, "Load").click();
    step_until(&mut harness, "the load and the summary", |app| {
        let overview = app.workspace().overview();
        app.workspace().pending().is_empty()
            && overview.pending().is_none()
            && overview.value().is_some()
    });
    let workspace = harness.state().workspace();
    let table = &workspace.store().tables[0];
    assert_eq!(table.path, std::path::Path::new("postgres/shop_orders"));
    assert_eq!(table.report.rows_kept, 500);
    let summary = &workspace
        .overview()
        .value()
        .expect("summary")
        .as_ref()
        .expect("orders")
        .summary;
    assert_eq!(summary.customers, CUSTOMERS);
    frames(&mut harness);
    // The file list names the table and where it came from; it is no recent file.
    assert!(shown(&harness, "shop_orders"));
    assert!(shown(&harness, &format!("From {}", server.url)));
    assert!(
        !harness
            .state()
            .state()
            .recent_files
            .iter()
            .any(|p| p.ends_with("shop_orders"))
    );
    // A project cannot keep it: saving says so, writes nothing and never the password.
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("shop.json");
    harness
        .state_mut()
        .push(Command::SaveProject(project.clone()));
    frames(&mut harness);
    let notices: Vec<String> = harness
        .state()
        .workspace()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert!(
        notices
            .iter()
            .any(|n| n.contains("A project keeps files only") && n.contains("shop_orders")),
        "{notices:?}"
    );
    assert!(!project.exists());
}

#[test]
fn a_wrong_password_and_a_bad_select_show_one_sentence_without_the_password() {
    let secret = "right-horse-battery";
    let server = postgres_with_password(secret);
    fill(&server, Some(secret), 20);
    let mut harness = window(no_wake());

    connect(&mut harness, &server.url, "hunter2wrong");
    let failure = harness
        .state()
        .db_dialog()
        .failure()
        .expect("refused")
        .clone();
    assert!(
        failure
            .sentence
            .starts_with("Could not connect to postgres://mb@/postgres?host=")
            && failure.sentence.contains("password authentication failed"),
        "{}",
        failure.sentence
    );
    assert!(shown(&harness, &failure.sentence), "the sentence is shown");
    assert!(texts_with(&harness, "hunter2wrong").is_empty());
    assert!(harness.state().db_dialog().tables().is_empty());

    // The password in the URL itself (the field emptied): connected, and the
    // URL field then shows the URL without it.
    let with_password = server
        .url
        .replace("postgres://mb@", &format!("postgres://mb:{secret}@"));
    connect(&mut harness, &with_password, "");
    assert!(harness.state().db_dialog().failure().is_none());
    assert_eq!(harness.state().db_dialog().tables().len(), 2);
    assert_eq!(harness.state().db_dialog().url(), server.url);

    pick_orders(&mut harness, "Type a SELECT…");
    let bad = "SELECT nope FROM shop_orders";
    harness.get_by_label("SELECT for orders").click();
    harness.step();
    harness.get_by_label("SELECT for orders").type_text(bad);
    frames(&mut harness);
    count(&mut harness);
    let failure = harness
        .state()
        .db_dialog()
        .failure()
        .expect("refused")
        .clone();
    assert_eq!(
        failure.sentence,
        "The database refused the query: column \"nope\" does not exist"
    );
    assert!(failure.sql.as_deref().is_some_and(|sql| sql.contains(bad)));
    assert!(shown(&harness, &failure.sentence));
    assert!(harness.state().db_dialog().counted().is_none());
    assert!(texts_with(&harness, secret).is_empty());
    let saved = serde_json::to_string(harness.state().state()).expect("state");
    assert!(!saved.contains(secret) && !saved.contains("hunter2wrong"));

    // Closing forgets the password: the URL stays, without it.
    harness.get_by_role_and_label(Role::Button, "Close").click();
    frames(&mut harness);
    assert!(!harness.state().db_dialog().is_open());
    assert_eq!(harness.state().db_dialog().url(), server.url);
}

/// A wake that holds the fetch job's thread at its `at`-th wake (its first
/// progress report, mid-COPY) until `held` is cleared.
fn hold_fetch_at(at: usize) -> (Wake, Arc<AtomicBool>) {
    let held = Arc::new(AtomicBool::new(true));
    let gate = held.clone();
    let seen = Arc::new(AtomicUsize::new(0));
    let wake: Wake = Arc::new(move || {
        if std::thread::current().name() != Some("job: fetch from database") {
            return;
        }
        if seen.fetch_add(1, Ordering::SeqCst) + 1 >= at {
            while gate.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    });
    (wake, held)
}

#[test]
fn a_connection_dropped_mid_fetch_shows_an_error_and_loads_nothing() {
    let server = postgres();
    let lines = 200_000;
    fill(&server, None, lines);
    // The fetch job wakes at its stage, its message, then at each report.
    let (wake, held) = hold_fetch_at(3);
    let mut harness = window(wake);
    connect(&mut harness, &server.url, "");
    pick_orders(&mut harness, "shop_orders");
    count(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Fetch").click();
    harness.step();
    step_until(&mut harness, "the fetch to report rows", |app| {
        app.db_dialog()
            .progress()
            .is_some_and(|p| p.snapshot().done > 0)
    });
    let snapshot = harness
        .state()
        .db_dialog()
        .progress()
        .expect("fetching")
        .snapshot();
    assert!(snapshot.done < u64::from(lines), "mid-fetch: {snapshot:?}");

    // The server ends the backend while COPY streams.
    let connect = format!("host={} user=mb dbname=postgres", server.socket.display());
    let mut admin = postgres::Client::connect(&connect, postgres::NoTls).expect("connect");
    let ended = admin
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'",
            &[],
        )
        .expect("terminate");
    assert!(!ended.is_empty(), "the fetching backend");
    held.store(false, Ordering::SeqCst);
    step_until(&mut harness, "the fetch to fail", dialog_idle);

    let dialog = harness.state().db_dialog();
    let failure = dialog.failure().expect("an error").clone();
    assert!(
        failure
            .sentence
            .contains("connection to the database broke"),
        "{}",
        failure.sentence
    );
    assert!(dialog.is_open());
    assert!(harness.state().workspace().pending().is_empty());
    assert!(harness.state().workspace().store().tables.is_empty());
    frames(&mut harness);
    assert!(shown(&harness, &failure.sentence));

    // The window is still usable: fetching again brings every row.
    harness.get_by_role_and_label(Role::Button, "Fetch").click();
    harness.step();
    step_until(&mut harness, "the second fetch", |app| {
        !app.workspace().pending().is_empty()
    });
    harness.get_by_role_and_label(Role::Button, "Load").click();
    step_until(&mut harness, "the load", |app| {
        app.workspace().pending().is_empty() && !app.workspace().store().tables.is_empty()
    });
    let table = &harness.state().workspace().store().tables[0];
    assert_eq!(table.report.rows_read, lines as usize);
}

//! The "Connect to database…" dialog against a real PostgreSQL (`common::db`),
//! driven through egui_kittest: open the dialog from the Data tab, type the
//! server's socket URL, connect, pick the orders table, see its row count before
//! anything is fetched, fetch, map and load: the planted customers arrive. A
//! wrong password and a bad SELECT show one sentence without the password; a
//! connection dropped mid-fetch shows an error and leaves nothing half-loaded,
//! and fetching again then works. A saved project keeps the source and its
//! mapping without the password; opening it fills the dialog in, asks for the
//! password, and loads the rows with the saved mapping.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use common::db::{Server, postgres, postgres_with_password};
use common::db_window::*;
use common::ui::{shown, step_until};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
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
    fetch_and_load(&mut harness);
    let table = &harness.state().workspace().store().tables[0];
    assert_eq!(table.report.rows_read, lines as usize);
}

#[test]
fn a_saved_project_asks_for_the_password_and_loads_the_rows_with_its_mapping() {
    let secret = "oolong-harbour-9";
    let server = postgres_with_password(secret);
    fill(&server, Some(secret), 200);
    let mut harness = window(no_wake());
    connect(&mut harness, &server.url, secret);
    pick_orders(&mut harness, "shop_orders");
    count(&mut harness);
    fetch_and_load(&mut harness);

    // Saving keeps where the rows came from and how they were read, never the password.
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("shop.json");
    save_project(&mut harness, &project);
    let text = std::fs::read_to_string(&project).expect("project");
    assert!(!text.contains(secret), "{text}");
    let mut saved: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(saved["files"], serde_json::json!([]));
    let database = &mut saved["databases"][0];
    assert_eq!(database["url"], server.url.as_str());
    assert_eq!(
        database["source"],
        serde_json::json!({"table": "shop_orders"})
    );
    assert_eq!(database["options"]["mapping"]["Amount"], "amount");
    // The operator's choice, kept in the project: these orders are read without money.
    database["options"]["mapping"]
        .as_object_mut()
        .expect("mapping")
        .remove("Amount");
    std::fs::write(&project, saved.to_string()).expect("write");

    // Another day, a new window: opening the project asks for the password.
    let mut harness = window(no_wake());
    harness
        .state_mut()
        .push(Command::OpenProject(project.clone()));
    step_until(&mut harness, "the project", |app| app.db_dialog().is_open());
    frames(&mut harness);
    assert_eq!(harness.state().db_dialog().url(), server.url);
    assert!(
        harness
            .query_by_label_contains("Project shop.json reads shop_orders from this database")
            .is_some()
    );
    // The Data tab says what waits, with the button that fetches it.
    let waits = format!("The project reads shop_orders from {}", server.url);
    assert!(harness.query_by_label_contains(&waits).is_some());
    let connect_and_fetch = |harness: &mut Harness<'_, MarketbenchApp>, password: &str| {
        type_password(harness, password);
        harness
            .get_by_role_and_label(Role::Button, "Connect and fetch")
            .click();
        harness.step();
    };
    connect_and_fetch(&mut harness, "hunter2wrong");
    step_until(&mut harness, "the refusal", dialog_idle);
    let failure = harness.state().db_dialog().failure().expect("refused");
    assert!(
        failure.sentence.contains("password authentication failed"),
        "{}",
        failure.sentence
    );
    frames(&mut harness);

    // The right password: connect, count and fetch in one go; the rows load with
    // the project's mapping at once, never waiting in the mapping view.
    connect_and_fetch(&mut harness, secret);
    step_until(&mut harness, "the rows", |app| {
        let workspace = app.workspace();
        assert!(
            !workspace
                .pending()
                .iter()
                .any(|p| matches!(p.stage, FileStage::Mapping { .. })),
            "the project's rows skip the mapping view"
        );
        workspace.pending().is_empty() && workspace.store().tables.len() == 1
    });
    assert!(!harness.state().db_dialog().is_open());
    let table = &harness.state().workspace().store().tables[0];
    assert_eq!(table.path, std::path::Path::new("postgres/shop_orders"));
    assert_eq!(table.report.rows_kept, 200);
    assert_eq!(table.mapping.get(&DataRole::Amount), None);
    assert_eq!(
        table.mapping.get(&DataRole::CustomerId).map(String::as_str),
        Some("customer_id")
    );
    frames(&mut harness);
    assert!(texts_with(&harness, secret).is_empty());
    assert!(harness.query_by_label_contains(&waits).is_none());

    // Saved again, it is the same project.
    let again = dir.path().join("again.json");
    save_project(&mut harness, &again);
    let resaved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&again).expect("read")).expect("JSON");
    assert_eq!(resaved["databases"], saved["databases"]);
}

//! Database passwords in the desktop keyring (issue 19), against a real one:
//! GNOME Keyring's Secret Service on a private session bus (`common::keyring`)
//! and a PostgreSQL that asks for a password (`common::db`).
//!
//! The operator types the password once in the window and ticks "Remember the
//! password"; a project saved then opens in a new window and fetches its rows
//! without asking; the command line on the same computer runs the project's
//! campaign with no password in its environment; the window's "Forget the
//! password" removes it, after which the command line says that no password was
//! given; `password remember` (standard input) and `password forget` do the same
//! from the command line.
//!
//! One test only: the bus address goes into this process's environment.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::db::{execute, fill_sample_orders, postgres_with_password};
use common::db_window::*;
use common::keyring::session_keyring;
use common::ui::{replace_text, shown, step_until};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use marketbench::data::db::Dialect;
use marketbench::jobs::no_wake;
use marketbench::ui::Command as UiCommand;

const SECRET: &str = "lapsang-ferry-31";

/// Runs the binary with no password in its environment (the bus address stays).
fn run(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_marketbench"));
    command.args(args);
    for name in ["MARKETBENCH_DB_PASSWORD", "PGPASSWORD", "MYSQL_PWD"] {
        command.env_remove(name);
    }
    command.output().expect("the binary runs")
}

#[test]
fn a_remembered_password_reopens_a_project_and_serves_the_command_line_until_forgotten() {
    let _keyring = session_keyring();
    let server = postgres_with_password(SECRET);
    fill_sample_orders(&server, Dialect::Postgres);
    // A name no other text of the window has, so the pick finds one label.
    execute(
        &server,
        &["ALTER TABLE orders RENAME TO shop_orders".to_string()],
    );

    // The window: the password typed once, the keyring asked to remember it.
    let mut harness = window(no_wake());
    harness
        .get_by_role_and_label(Role::Button, "Connect to database…")
        .click();
    frames(&mut harness);
    replace_text(&mut harness, "Database URL", &server.url);
    type_password(&mut harness, SECRET);
    harness
        .get_by_label("Remember the password in this computer's keyring")
        .click();
    harness.step();
    press_and_wait(&mut harness, "Connect", "the connection");
    assert_eq!(harness.state().db_dialog().remembered(), Some(&Ok(())));
    frames(&mut harness);
    assert!(shown(
        &harness,
        "The keyring keeps the password of this database."
    ));
    pick_orders(&mut harness, "shop_orders");
    count(&mut harness);
    fetch_and_load(&mut harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("shop.json");
    save_project(&mut harness, &project);
    let rows = harness.state().workspace().store().tables[0]
        .report
        .rows_kept;
    let text = std::fs::read_to_string(&project).expect("project");
    assert!(!text.contains(SECRET), "{text}");
    drop(harness);

    // Another window: the project's rows come back without a password typed.
    let mut harness = window(no_wake());
    harness
        .state_mut()
        .push(UiCommand::OpenProject(project.clone()));
    step_until(
        &mut harness,
        "the rows from the keyring's password",
        |app| {
            let workspace = app.workspace();
            workspace.pending().is_empty() && workspace.store().tables.len() == 1
        },
    );
    assert!(!harness.state().db_dialog().is_open());
    assert!(harness.state().db_dialog().failure().is_none());
    let table = &harness.state().workspace().store().tables[0];
    assert_eq!(table.report.rows_kept, rows);

    // The command line on this computer finds the same password.
    let project = project.to_str().expect("utf-8");
    let define = r#"{"name": "all lapsed", "control_share": 0.0, "condition": {"kind": "rfm_group",
        "values": ["At risk", "Hibernating"]}}"#;
    let campaign = run(&["campaign", project, "--define", define, "--json"]);
    assert!(
        campaign.status.success(),
        "{}",
        String::from_utf8_lossy(&campaign.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&campaign.stdout).expect("JSON");
    assert!(json["size"].as_u64().is_some_and(|n| n > 100), "{json}");

    let refused_without_password = || {
        let refused = run(&["campaign", project, "--name", "all lapsed", "--json"]);
        assert!(!refused.status.success());
        let error = String::from_utf8_lossy(&refused.stderr).to_string();
        assert!(error.contains("no password was given"), "{error}");
    };

    // Forgotten from the window: Connect (no password typed: the keyring's
    // serves), the dialog says the keyring keeps it, Forget takes it out.
    frames(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "Connect to database…")
        .click();
    frames(&mut harness);
    assert_eq!(harness.state().db_dialog().url(), server.url);
    press_and_wait(&mut harness, "Connect", "the connection");
    frames(&mut harness);
    assert!(harness.state().db_dialog().in_keyring());
    assert!(shown(
        &harness,
        "The keyring keeps the password of this database."
    ));
    press_and_wait(&mut harness, "Forget the password", "the keyring's answer");
    frames(&mut harness);
    assert_eq!(harness.state().db_dialog().forgotten(), Some(&Ok(())));
    assert!(!harness.state().db_dialog().in_keyring());
    assert!(shown(
        &harness,
        "The keyring no longer keeps the password of this database: it is asked for next time."
    ));
    assert!(harness.query_by_label("Forget the password").is_none());
    refused_without_password();

    // The command line remembers it again (from standard input) and forgets it.
    let mut remember = Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(["password", "remember", &server.url])
        .stdin(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    remember
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{SECRET}\n").as_bytes())
        .expect("the password written");
    assert!(remember.wait().expect("remember").success());
    let again = run(&["campaign", project, "--name", "all lapsed", "--json"]);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let forget = run(&["password", "forget", &server.url]);
    assert!(
        forget.status.success(),
        "{}",
        String::from_utf8_lossy(&forget.stderr)
    );
    refused_without_password();
}

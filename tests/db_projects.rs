//! Projects whose orders live in a database (issue 19), against a real
//! PostgreSQL that asks for a password (`common::db`): `project new --db` saves
//! the source with the URL and never the password; each `campaign` run fetches
//! the rows again with the password from the environment and builds the same
//! audience as a project of the same lines in a file. Without a password the
//! run fails with a sentence naming the server and what to set.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::cli::{json_of, new_project, sample};
use common::db::{fill_sample_orders, postgres_with_password};
use marketbench::data::db::Dialect;
use serde_json::Value;

const SECRET: &str = "tea-garden-47";

/// The variables a password could come from, which the runs below control.
const PASSWORD_VARIABLES: [&str; 3] = ["MARKETBENCH_DB_PASSWORD", "PGPASSWORD", "MYSQL_PWD"];

/// Runs the binary with `password` (or none) in `MARKETBENCH_DB_PASSWORD`.
fn run(args: &[&str], password: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_marketbench"));
    command.args(args);
    for name in PASSWORD_VARIABLES {
        command.env_remove(name);
    }
    if let Some(password) = password {
        command.env("MARKETBENCH_DB_PASSWORD", password);
    }
    command.output().expect("the binary runs")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("JSON")
}

#[test]
fn a_project_fetches_its_database_orders_again_and_never_keeps_the_password() {
    let server = postgres_with_password(SECRET);
    fill_sample_orders(&server, Dialect::Postgres);
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("from_db.json");
    let project_arg = project.to_str().expect("utf-8");
    let url_with_password = server
        .url
        .replace("postgres://mb@", &format!("postgres://mb:{SECRET}@"));
    let customers = sample("customers.csv");
    let created = run(
        &[
            "project",
            "new",
            &customers,
            "--db",
            &url_with_password,
            "--orders-table",
            "orders",
            "--out",
            project_arg,
        ],
        None,
    );
    let said = String::from_utf8_lossy(&created.stdout);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(said.contains("1 files and 1 database sources"), "{said}");
    assert!(
        said.contains(&format!("orders from {}", server.url)),
        "{said}"
    );

    let text = std::fs::read_to_string(&project).expect("project");
    assert!(!text.contains(SECRET), "{text}");
    let saved = read_json(&project);
    let database = &saved["databases"][0];
    assert_eq!(database["url"], server.url.as_str());
    assert_eq!(database["source"]["table"], "orders");
    assert_eq!(database["options"]["kind"], "Orders");
    assert_eq!(database["options"]["mapping"]["CustomerId"], "customer_id");
    assert_eq!(saved["files"].as_array().map(Vec::len), Some(1));

    // The same lines from the file, for comparison.
    let file_dir = tempfile::tempdir().expect("temp dir");
    let from_file = new_project(file_dir.path(), &["orders.csv", "customers.csv"]);
    let define = r#"{"name": "lapsed", "control_share": 0.0, "condition": {"kind": "rfm_group",
        "values": ["At risk", "Hibernating"]}}"#;
    let campaign = |project: &str, password: Option<&str>| {
        run(
            &["campaign", project, "--define", define, "--json"],
            password,
        )
    };
    let expected = json_of(&campaign(&from_file, None));
    let size = expected["size"].as_u64().expect("size");
    assert!(size > 100, "{expected}");

    // No password anywhere: a sentence naming the server and the refusal.
    let refused = campaign(project_arg, None);
    assert!(!refused.status.success());
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(
        error.contains("orders")
            && error.contains(&server.url)
            && error.contains("no password was given")
            && error.contains("MARKETBENCH_DB_PASSWORD"),
        "{error}"
    );

    // The password from the environment: the rows are fetched again.
    let fetched = json_of(&campaign(project_arg, Some(SECRET)));
    assert_eq!(fetched["size"], expected["size"], "{fetched}\n{expected}");
    assert_eq!(fetched["matched"], expected["matched"]);
    assert_eq!(fetched["roi"], expected["roi"]);
    // `--define` saved the campaign into the project: still no password.
    let again = std::fs::read_to_string(&project).expect("project");
    assert!(!again.contains(SECRET));
    assert_eq!(read_json(&project)["databases"], saved["databases"]);
}

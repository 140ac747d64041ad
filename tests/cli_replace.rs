//! `--out` replaces a file only when it is empty or an earlier export of the
//! same kind; any other file of that name (a customer list, a project, a
//! README) is left untouched with an error that says what to do, unless
//! `--force` is given. Tables are recognised by their first columns (CSV and
//! XLSX), campaign lists by the record Marketbench writes beside them.

mod common;

use std::path::Path;

use common::cli::{marketbench, new_project, sample};

/// Runs `args`; expects a refusal naming `file` and `--force`, and `file` unchanged.
fn refused_to_replace(args: &[&str], file: &Path) {
    let before = std::fs::read(file).expect("file exists");
    let output = marketbench(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{args:?} was not refused");
    let name = file.file_name().expect("name").to_string_lossy();
    assert!(stderr.contains(name.as_ref()), "{args:?}: {stderr}");
    assert!(stderr.contains("--force"), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert_eq!(
        std::fs::read(file).expect("still there"),
        before,
        "{args:?}"
    );
}

fn succeeds(args: &[&str]) {
    let output = marketbench(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn text(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn a_table_export_replaces_only_an_earlier_export_of_its_kind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let orders = sample("orders.csv");
    // A customer list that is not an input of this command.
    let customers = dir.path().join("customers.csv");
    std::fs::copy(sample("customers.csv"), &customers).expect("copy");
    refused_to_replace(&["rfm", &orders, "--out", text(&customers)], &customers);

    // An earlier RFM export is replaced by a new run; a segment export is not
    // an RFM table, in CSV as in XLSX.
    let rfm = dir.path().join("rfm.csv");
    succeeds(&["rfm", &orders, "--out", text(&rfm)]);
    succeeds(&["rfm", &orders, "--out", text(&rfm), "--date", "2026-06-30"]);
    refused_to_replace(&["segment", &orders, "--k", "3", "--out", text(&rfm)], &rfm);
    let members = dir.path().join("members.xlsx");
    succeeds(&["segment", &orders, "--k", "3", "--out", text(&members)]);
    succeeds(&["segment", &orders, "--k", "4", "--out", text(&members)]);
    refused_to_replace(&["rfm", &orders, "--out", text(&members)], &members);

    // An empty file holds nothing to lose; --force replaces anything.
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").expect("write");
    succeeds(&["rfm", &orders, "--out", text(&empty)]);
    succeeds(&["rfm", &orders, "--out", text(&customers), "--force"]);
    let written = std::fs::read_to_string(&customers).expect("read");
    assert!(
        written
            .trim_start_matches('\u{feff}')
            .starts_with("customer_id,recency_days"),
        "{}",
        &written[..80.min(written.len())]
    );
}

#[test]
fn a_campaign_list_replaces_only_an_earlier_list_with_its_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = new_project(dir.path(), &["orders.csv", "customers.csv"]);
    let define = r#"{"name":"vip","condition":{"kind":"rfm_group","values":["Champions"]}}"#;
    let list = dir.path().join("list.csv");
    std::fs::write(&list, "email,name\nsomeone@example.com,Someone\n").expect("write");
    refused_to_replace(
        &[
            "campaign",
            &project,
            "--define",
            define,
            "--out",
            text(&list),
        ],
        &list,
    );
    assert!(
        !dir.path().join("list.csv.json").exists(),
        "no record written"
    );

    let fresh = dir.path().join("vip.csv");
    succeeds(&[
        "campaign",
        &project,
        "--define",
        define,
        "--out",
        text(&fresh),
    ]);
    succeeds(&["campaign", &project, "--name", "vip", "--out", text(&fresh)]);
    // Without its record the list is no longer recognisable as ours.
    std::fs::remove_file(dir.path().join("vip.csv.json")).expect("remove record");
    refused_to_replace(
        &["campaign", &project, "--name", "vip", "--out", text(&fresh)],
        &fresh,
    );
}

#[test]
fn a_project_and_the_sample_shop_never_replace_files_they_did_not_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let orders = sample("orders.csv");
    let notes = dir.path().join("notes.json");
    std::fs::write(&notes, r#"{"todo": ["call the supplier"]}"#).expect("write");
    refused_to_replace(&["project", "new", &orders, "--out", text(&notes)], &notes);
    let project = dir.path().join("shop.json");
    succeeds(&["project", "new", &orders, "--out", text(&project)]);
    succeeds(&["project", "new", &orders, "--out", text(&project)]);

    // A folder with the operator's own README is not an earlier sample shop.
    let folder = dir.path().join("shop");
    std::fs::create_dir(&folder).expect("folder");
    let readme = folder.join("README.md");
    std::fs::write(&readme, "# our shop\n").expect("write");
    let sample_args = |folder: &Path| {
        vec![
            "sample".to_string(),
            "--customers".into(),
            "200".into(),
            "--out".into(),
            text(folder).to_string(),
        ]
    };
    let args = sample_args(&folder);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    refused_to_replace(&args, &readme);
    let again = dir.path().join("again");
    let args = sample_args(&again);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    succeeds(&args);
    succeeds(&args);
}

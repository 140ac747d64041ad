//! Running the `marketbench` binary in the end-to-end tests.

use std::process::{Command, Output};

use serde_json::Value;

/// Runs `marketbench ARGS` and returns what it printed and its status.
pub fn marketbench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The JSON a successful run printed (the test fails with its stderr otherwise).
pub fn json_of(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON on stdout")
}

/// The bundled sample store's folder.
pub fn sample_dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data").to_string()
}

/// A file of the bundled sample store.
pub fn sample(name: &str) -> String {
    format!("{}/{name}", sample_dir())
}

/// Writes `shop.json` in `folder` from the sample store's `files` with
/// `marketbench project new` and returns its path (the test fails if it cannot).
pub fn new_project(folder: &std::path::Path, files: &[&str]) -> String {
    let project = folder
        .join("shop.json")
        .to_str()
        .expect("utf-8 path")
        .to_string();
    let mut args: Vec<String> = vec!["project".into(), "new".into()];
    args.extend(files.iter().map(|f| sample(f)));
    args.extend(["--out".into(), project.clone()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let created = marketbench(&args);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    project
}

/// A recommendation JSON without the validation's fit times (they vary).
pub fn without_fit_times(mut value: Value) -> Value {
    let trials = value["chosen"]["trials"].as_array_mut();
    for trial in trials.into_iter().flatten() {
        if let Some(o) = trial.as_object_mut() {
            o.remove("fit_secs");
        }
    }
    value
}

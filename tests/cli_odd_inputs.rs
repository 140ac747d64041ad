//! Inputs that are not data files: a named pipe (which would block a second
//! open forever) and a folder with no data file in it. Each ends at once with
//! an error naming the path and what to do.

mod common;

use std::time::{Duration, Instant};

use common::cli::marketbench;

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("orders.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(["inspect", fifo.to_str().expect("utf-8 path")])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    while child.try_wait().expect("status").is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("inspect hung on a named pipe");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("orders.csv") && error.contains("not a regular file"),
        "{error}"
    );
}

#[test]
fn a_folder_without_data_files_is_named() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("README.md"), "notes").expect("write");
    let folder = dir.path().to_str().expect("utf-8 path");
    for command in ["inspect", "rfm", "segment"] {
        let output = marketbench(&[command, folder]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(
            error.contains(folder) && error.contains("no data file directly in this folder"),
            "{command}: {error}"
        );
    }
}

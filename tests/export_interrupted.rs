//! Exports that are killed or stopped leave no temporary file behind: SIGTERM
//! removes the file being written, and the next export to a folder removes what a
//! process killed outright (SIGKILL, power loss) left there.

mod common;

use std::path::Path;

use common::cli::{marketbench, sample};

/// The temporary export files in `folder`.
fn temporary_files(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".marketbench-export-") && name.ends_with(".tmp"))
        .collect()
}

#[test]
fn the_next_export_removes_what_a_killed_export_left() {
    let dir = tempfile::tempdir().expect("dir");
    // Left by a process that no longer runs (no pid is this large), and an old
    // one written before names carried a pid, untouched for two hours.
    let dead = dir.path().join(".marketbench-export-9999999-Ab3xYz.tmp");
    std::fs::write(&dead, vec![0u8; 4096]).expect("write");
    let old = dir.path().join(".marketbench-export-Zq81kW.tmp");
    std::fs::File::create(&old)
        .and_then(|f| f.set_modified(std::time::SystemTime::now() - 2 * 3600 * SECOND))
        .expect("old file");
    let out = dir.path().join("rfm.csv");

    let run = marketbench(&[
        "rfm",
        &sample("orders.csv"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);

    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.exists());
    assert!(!old.exists(), "an idle temporary file stays");
    if cfg!(target_os = "linux") {
        assert!(!dead.exists(), "a dead writer's file stays");
    }
    assert_eq!(
        temporary_files(dir.path()).len(),
        usize::from(!cfg!(target_os = "linux"))
    );
}

const SECOND: std::time::Duration = std::time::Duration::from_secs(1);

/// SIGTERM while the XLSX is written: the process ends with 143 and neither the
/// temporary file nor a partial export remains.
#[cfg(unix)]
#[test]
fn sigterm_removes_the_export_being_written() {
    let dir = tempfile::tempdir().expect("dir");
    let shop = dir.path().join("shop");
    let made = marketbench(&[
        "sample",
        "--customers",
        "20000",
        "--out",
        shop.to_str().expect("utf-8 path"),
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let folder = dir.path().join("out");
    std::fs::create_dir(&folder).expect("out folder");
    let out = folder.join("rfm.xlsx");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(["rfm", shop.join("orders.csv").to_str().expect("path")])
        .args(["--out", out.to_str().expect("path")])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait for the temporary file (the RFM table is computed first).
    let started = std::time::Instant::now();
    while temporary_files(&folder).is_empty() {
        assert!(
            child.try_wait().expect("status").is_none(),
            "the export ended before its temporary file was seen"
        );
        assert!(
            started.elapsed() < 120 * SECOND,
            "no temporary file in 2 minutes"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    // dash's kill builtin: no procps needed.
    let signal = std::process::Command::new("sh")
        .args(["-c", &format!("kill -TERM {}", child.id())])
        .status()
        .expect("kill");
    assert!(signal.success());
    let status = child.wait().expect("wait");

    // The handler ran: 128 + SIGTERM, not killed by the signal itself.
    assert_eq!(status.code(), Some(143), "{status}");
    assert!(!out.exists(), "no partial export");
    assert_eq!(temporary_files(&folder), Vec::<String>::new());
}

//! The large-file benchmark: generates an orders CSV of `LARGE_ROWS` lines
//! (default 16,900,000: about 1.5 GB and 1.69 M customers, the size the
//! hostile-input issue measured), then runs the release binary's commands on
//! it one at a time, each in its own process, and prints each one's wall time
//! and peak memory (the kernel's maximum resident set) against the file size.
//!
//! `cargo bench --bench large` (release). `LARGE_DIR=/big/disk` keeps the file
//! there and reuses it on the next run; `LARGE_ROWS=2000000` for a quicker run.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use common::child;

use marketbench::data::sample::write_orders_csv;

const DEFAULT_ROWS: usize = 16_900_000;
const MB: f64 = 1024.0 * 1024.0;

/// The commands measured, each with the file as its last argument.
const COMMANDS: [&[&str]; 6] = [
    &["inspect"],
    &["rfm"],
    &["forecast"],
    &["segment"],
    &["recommend", "--model", "popular"],
    &["propensity"],
];

fn main() {
    if let Err(error) = run() {
        eprintln!("benchmark failed: {error}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    let rows = std::env::var("LARGE_ROWS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(DEFAULT_ROWS);
    let temp = tempfile::tempdir()?;
    let dir =
        std::env::var_os("LARGE_DIR").map_or_else(|| temp.path().to_path_buf(), PathBuf::from);
    let path = dir.join(format!("orders-{rows}.csv"));
    if !path.exists() {
        let started = Instant::now();
        write_orders_csv(&path, rows, 1)?;
        println!(
            "generated {} in {:.1} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
    }
    let file_mb = std::fs::metadata(&path)?.len() as f64 / MB;
    println!("marketbench large-file benchmark: {rows} order lines, {file_mb:.0} MB");
    println!("| command | exit | wall s | peak MB | peak / file |");
    println!("|---|---|---|---|---|");
    for command in COMMANDS {
        let (code, seconds, peak_mb) = measure(command, &path)?;
        println!(
            "| {} | {code} | {seconds:.1} | {peak_mb:.0} | {:.2}× |",
            command.join(" "),
            peak_mb / file_mb
        );
    }
    Ok(())
}

/// Runs `marketbench COMMAND FILE` (output discarded); its exit code, wall
/// seconds and peak resident memory in MB.
fn measure(command: &[&str], file: &Path) -> anyhow::Result<(i32, f64, f64)> {
    let file = file.to_string_lossy();
    let mut args = command.to_vec();
    args.push(&file);
    let run = child::measure(&args, &[])?;
    Ok((run.code, run.wall, run.peak_mb))
}

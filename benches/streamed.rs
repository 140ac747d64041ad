//! The larger-than-memory benchmark: generates an orders CSV of `STREAMED_ROWS`
//! lines (default 50,000,000) and runs the release binary's `rfm`, `segment`,
//! weekly `forecast` and `recommend` (popularity; item-kNN without
//! validation) on it with `MARKETBENCH_MEMORY` below the file's load
//! need, so each one streams it (`data::scan`); prints each one's wall time,
//! CPU time (user + system) and peak memory against the file size. The file is
//! deleted at the end.
//!
//! Two peaks: the kernel's maximum resident set (`ru_maxrss`), which counts the
//! pages of the CSV that polars maps to read it (they belong to the file and the
//! kernel drops them when memory runs short), and the process's own memory
//! (`RssAnon` in `/proc/PID/status`, sampled every 20 ms), what the memory the
//! command was given has to hold.
//!
//! `cargo bench --bench streamed` (release). `STREAMED_ROWS=5000000` for a
//! quicker run; `STREAMED_MEMORY=2GB` sets the memory the commands are given
//! (default: a third of the file's load need); `STREAMED_ONLY=rfm,forecast`
//! runs only the commands named.

mod common;

use std::path::Path;
use std::time::Instant;

use common::child;

use marketbench::data::memory::load_need;
use marketbench::data::sample::write_orders_csv;

const DEFAULT_ROWS: usize = 50_000_000;
const MB: f64 = 1024.0 * 1024.0;

/// The commands measured, each with the file as its last argument.
const COMMANDS: [&[&str]; 5] = [
    &["rfm"],
    &["segment"],
    &["forecast", "--freq", "week"],
    &["recommend", "--model", "popular"],
    &["recommend", "--model", "item-knn", "--validate", "false"],
];

fn main() {
    if let Err(error) = run() {
        eprintln!("benchmark failed: {error}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    let rows = std::env::var("STREAMED_ROWS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(DEFAULT_ROWS);
    let temp = tempfile::tempdir()?;
    let path = temp.path().join(format!("orders-{rows}.csv"));
    let started = Instant::now();
    write_orders_csv(&path, rows, 1)?;
    println!(
        "generated {rows} lines in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let bytes = std::fs::metadata(&path)?.len();
    let memory = std::env::var("STREAMED_MEMORY")
        .unwrap_or_else(|_| format!("{}", load_need(&path, bytes) / 3));
    let file_mb = bytes as f64 / MB;
    println!(
        "marketbench streamed benchmark: {rows} order lines, {file_mb:.0} MB, load need {:.0} MB, MARKETBENCH_MEMORY={memory}",
        load_need(&path, bytes) as f64 / MB
    );
    println!(
        "| command | exit | wall s | cpu s | peak MB (with mapped file) | peak / file | own peak MB |"
    );
    println!("|---|---|---|---|---|---|---|");
    let only = std::env::var("STREAMED_ONLY").ok();
    let chosen = |command: &[&str]| {
        only.as_deref()
            .is_none_or(|only| only.split(',').any(|name| name.trim() == command[0]))
    };
    for command in COMMANDS.into_iter().filter(|c| chosen(c)) {
        let (code, wall, cpu, peak_mb, own_mb) = measure(command, &path, &memory)?;
        println!(
            "| {} | {code} | {wall:.1} | {cpu:.1} | {peak_mb:.0} | {:.2}× | {own_mb:.0} |",
            command.join(" "),
            peak_mb / file_mb
        );
    }
    std::fs::remove_file(&path)?;
    Ok(())
}

/// Runs `marketbench COMMAND FILE` with `memory` (its first line of output
/// shown); its exit code, wall and CPU seconds, peak resident MB and peak own
/// (anonymous) MB.
fn measure(
    command: &[&str],
    file: &Path,
    memory: &str,
) -> anyhow::Result<(i32, f64, f64, f64, f64)> {
    let file = file.to_string_lossy();
    let mut args = command.to_vec();
    args.push(&file);
    let run = child::measure(&args, &[("MARKETBENCH_MEMORY", memory)])?;
    if let Some(line) = run.stdout.lines().next() {
        println!("  {}: {line}", command.join(" "));
    }
    Ok((run.code, run.wall, run.cpu, run.peak_mb, run.own_mb))
}

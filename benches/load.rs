//! Load benchmark: generates a large orders CSV (`MB_ROWS` rows, default 5,000,000)
//! in a temporary folder, then times `inspect`, `load` (its read and clean parts), `Store::order_lines` and the
//! summary on it, and reports the peak memory of the process (VmHWM) against the
//! file size. Then it writes the file's Parquet copy (`data::load::cache`) and
//! measures the same steps opened from the copy in a fresh process (its own
//! peak memory), beside the CSV's.
//!
//! Run in release mode: `cargo bench --bench load` (`MB_ROWS=1000000 cargo bench
//! --bench load` for a quicker run). `MB_CSV=PATH` writes the file there (or
//! reuses it) and keeps it with its copy, to time other readers on the same bytes:
//! `benches/peer/load_polars.py PATH` times polars' own CSV reader, and
//! `benches/peer/thin_orders.py PATH` writes a thin file (4 columns, numeric ids)
//! to reuse the same way.

mod common;

use std::path::Path;
use std::time::Instant;

use common::status_mb;

use marketbench::analysis::summary::Summary;
use marketbench::data::load::{cache, read_options, table_from_frame};
use marketbench::data::read::{RawFile, read_raw};
use marketbench::data::sample::write_orders_csv;
use marketbench::data::{LoadOptions, Store, inspect};
use marketbench::jobs::Progress;

const DEFAULT_ROWS: usize = 5_000_000;
const MB: f64 = 1024.0 * 1024.0;
/// Set for the child process that opens the copy of this CSV.
const OPEN_COPY: &str = "MB_OPEN_COPY";

/// Runs `step` and returns its value with the seconds it took.
fn timed<T>(step: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let value = step();
    (value, start.elapsed().as_secs_f64())
}

fn row(label: &str, value: String) {
    println!("| {label:<28} | {value:>24} |");
}

fn main() {
    // The allocator as the app sets it (`src/main.rs`), so peaks are the app's.
    marketbench::return_freed_memory_promptly();
    // The child that opens the copy: see the end of `run`.
    let result = match std::env::var_os(OPEN_COPY) {
        Some(path) => open_copy(Path::new(&path)),
        None => run(),
    };
    if let Err(error) = result {
        eprintln!("benchmark failed: {error}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    let rows = std::env::var("MB_ROWS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(DEFAULT_ROWS);
    let dir = tempfile::tempdir()?;
    let kept = std::env::var_os("MB_CSV").map(std::path::PathBuf::from);
    let path = kept
        .clone()
        .unwrap_or_else(|| dir.path().join("orders.csv"));
    println!("marketbench load benchmark: {rows} order rows");
    let (bytes, generate_secs) = match std::fs::metadata(&path) {
        Ok(meta) if kept.is_some() => (Ok(meta.len()), 0.0),
        _ => timed(|| write_orders_csv(&path, rows, 1)),
    };
    let file_mb = bytes? as f64 / MB;
    let rss_before = status_mb("self", "VmRSS:");
    let (inspection, inspect_secs) = timed(|| inspect(&path, None));
    let options = LoadOptions::from_inspection(&inspection?);
    let read = read_options(&options);
    let text = measure(&path, &options, || read_raw(&path, &read))?;
    let peak = status_mb("self", "VmHWM:");

    println!();
    println!("| {:<28} | {:>24} |", "measure", "value");
    println!("|{:-<30}|{:->26}|", "", "");
    row("rows generated", rows.to_string());
    row("file size", format!("{file_mb:.1} MB"));
    row("generate", format!("{generate_secs:.2} s"));
    row("inspect", format!("{inspect_secs:.2} s"));
    print_measured(&text, file_mb);
    if let Some(before) = rss_before {
        row("memory before load", format!("{before:.0} MB"));
    }
    match peak {
        Some(peak) => row(
            "peak memory, with summary",
            format!("{peak:.0} MB = {:.1} × file", peak / file_mb),
        ),
        None => row("peak memory, with summary", "unknown (no /proc)".into()),
    }

    let copy_path = cache::copy_path(&path);
    let (copy, copy_secs) = timed(|| cache::make(&path, &read, &Progress::detached()));
    let copy_mb = std::fs::metadata(copy?)?.len() as f64 / MB;
    println!();
    println!(
        "| {:<28} | {:>24} |",
        "opened from the Parquet copy", "value"
    );
    println!("|{:-<30}|{:->26}|", "", "");
    row("make the copy", format!("{copy_secs:.2} s"));
    row("copy size", format!("{copy_mb:.1} MB"));
    // A fresh process, so the peak memory is the open's own.
    let child = std::process::Command::new(std::env::current_exe()?)
        .env(OPEN_COPY, &path)
        .stdout(std::process::Stdio::inherit())
        .status()?;
    row("from the CSV, same steps", format!("{:.2} s", text.total()));
    if kept.is_none() {
        std::fs::remove_file(copy_path)?;
    }
    anyhow::ensure!(child.success(), "opening the copy failed");
    Ok(())
}

/// The child process: opens the fresh copy of the CSV at `path` and prints the
/// same steps with its peak memory against the CSV's size.
fn open_copy(path: &Path) -> anyhow::Result<()> {
    let file_mb = std::fs::metadata(path)?.len() as f64 / MB;
    let options = LoadOptions::from_inspection(&inspect(path, None)?);
    let read = read_options(&options);
    let cached = measure(path, &options, || match cache::lookup(path, &read) {
        cache::Lookup::Fresh(copy) => cache::read_copy(&copy),
        other => panic!("the copy just made is not used: {other:?}"),
    })?;
    print_measured(&cached, file_mb);
    if let Some(peak) = status_mb("self", "VmHWM:") {
        row(
            "peak memory, with summary",
            format!("{peak:.0} MB = {:.1} × CSV", peak / file_mb),
        );
    }
    row("load + lines + summary", format!("{:.2} s", cached.total()));
    Ok(())
}

fn print_measured(measured: &Measured, file_mb: f64) {
    row(
        "load (read + clean)",
        format!(
            "{:.2} s ({:.0} MB/s)",
            measured.load_secs,
            file_mb / measured.load_secs
        ),
    );
    row("  of which read", format!("{:.2} s", measured.read_secs));
    row("  of which clean", format!("{:.2} s", measured.clean_secs));
    if let Some(peak) = measured.peak_after_read {
        row("  peak memory after read", format!("{peak:.0} MB"));
    }
    if let Some(peak) = measured.peak_after_load {
        row(
            "  peak memory of the load",
            format!("{peak:.0} MB = {:.1} × file", peak / file_mb),
        );
    }
    row("rows kept", measured.rows_kept.to_string());
    row(
        "Store::order_lines",
        format!("{:.2} s", measured.order_lines_secs),
    );
    row("summary", format!("{:.2} s", measured.summary_secs));
}

struct Measured {
    read_secs: f64,
    peak_after_read: Option<f64>,
    peak_after_load: Option<f64>,
    clean_secs: f64,
    load_secs: f64,
    rows_kept: usize,
    order_lines_secs: f64,
    summary_secs: f64,
}

impl Measured {
    /// Seconds from nothing to the summary.
    fn total(&self) -> f64 {
        self.load_secs + self.order_lines_secs + self.summary_secs
    }
}

/// Times `read`, the cleaning, `Store::order_lines` and the summary.
fn measure(
    path: &Path,
    options: &LoadOptions,
    read: impl FnOnce() -> Result<RawFile, marketbench::data::DataError>,
) -> anyhow::Result<Measured> {
    let (raw, read_secs) = timed(read);
    let raw = raw?;
    let peak_after_read = status_mb("self", "VmHWM:");
    let (table, clean_secs) =
        timed(|| table_from_frame(raw.frame, path, options, &Progress::detached()));
    let table = table?;
    let peak_after_load = status_mb("self", "VmHWM:");
    let load_secs = read_secs + clean_secs;
    let rows_kept = table.frame.height();
    let mut store = Store::default();
    store.insert(table);
    let (lines, order_lines_secs) = timed(|| store.order_lines());
    let lines = lines?.ok_or_else(|| anyhow::anyhow!("no order lines"))?;
    let (summary, summary_secs) = timed(|| Summary::from_lines(&lines));
    summary?;
    Ok(Measured {
        read_secs,
        peak_after_read,
        peak_after_load,
        clean_secs,
        load_secs,
        rows_kept,
        order_lines_secs,
        summary_secs,
    })
}

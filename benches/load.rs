//! Load benchmark: generates a large orders CSV (`MB_ROWS` rows, default 5,000,000)
//! in a temporary folder, then times `inspect`, `load` and `Store::order_lines` on it
//! and reports the peak memory of the process (VmHWM) against the file size.
//!
//! Run in release mode: `cargo bench --bench load` (`MB_ROWS=1000000 cargo bench
//! --bench load` for a quicker run). A step that is not implemented yet (a `todo!`
//! stub) is reported as such, never timed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::Instant;

use marketbench::data::sample::write_orders_csv;
use marketbench::data::{LoadOptions, Store, inspect, load};
use marketbench::jobs::Progress;

const DEFAULT_ROWS: usize = 5_000_000;
const MB: f64 = 1024.0 * 1024.0;

/// A `kB` field of /proc/self/status, in MB (None off Linux).
fn proc_status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Runs `step`, timing it; a panic (such as a `todo!` stub) becomes an error.
fn timed<T>(name: &str, step: impl FnOnce() -> T) -> Result<(T, f64), String> {
    let start = Instant::now();
    match catch_unwind(AssertUnwindSafe(step)) {
        Ok(value) => Ok((value, start.elapsed().as_secs_f64())),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panicked".into());
            Err(format!("{name} did not run: {message}"))
        }
    }
}

fn row(label: &str, value: String) {
    println!("| {label:<28} | {value:>22} |");
}

fn main() {
    let rows = std::env::var("MB_ROWS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(DEFAULT_ROWS);
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("cannot make a temporary folder: {e}");
            std::process::exit(1);
        }
    };
    let path = dir.path().join("orders.csv");
    println!(
        "marketbench load benchmark: {rows} order rows in {}",
        path.display()
    );
    // The panic hook would print each stub's panic before our table: keep it quiet.
    std::panic::set_hook(Box::new(|_| {}));

    let generated = timed("generate", || write_orders_csv(&path, rows, 1));
    let (bytes, generate_secs) = match generated {
        Ok((Ok(bytes), secs)) => (bytes, secs),
        Ok((Err(e), _)) => {
            eprintln!("generating failed: {e}");
            std::process::exit(1);
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let file_mb = bytes as f64 / MB;
    let rss_before = proc_status_mb("VmRSS:");
    let mut notes = Vec::new();
    let measured = measure(&path, &mut notes);
    let peak = proc_status_mb("VmHWM:");

    println!();
    println!("| {:<28} | {:>22} |", "measure", "value");
    println!("|{:-<30}|{:->24}|", "", "");
    row("rows generated", rows.to_string());
    row("file size", format!("{file_mb:.1} MB"));
    row(
        "generate",
        format!("{generate_secs:.2} s ({:.0} MB/s)", file_mb / generate_secs),
    );
    let secs = |s: Option<f64>| s.map_or("not run".to_string(), |s| format!("{s:.2} s"));
    row("inspect", secs(measured.inspect_secs));
    row("load (read + clean)", secs(measured.load_secs));
    if let (Some(load), true) = (measured.load_secs, file_mb > 0.0) {
        row("load throughput", format!("{:.0} MB/s", file_mb / load));
    }
    row(
        "rows kept",
        measured.rows_kept.map_or("-".into(), |r| r.to_string()),
    );
    row("Store::order_lines", secs(measured.order_lines_secs));
    if let Some(before) = rss_before {
        row("memory before load", format!("{before:.0} MB"));
    }
    match peak {
        Some(peak) => row(
            "peak memory (VmHWM)",
            format!("{peak:.0} MB = {:.1} × file", peak / file_mb),
        ),
        None => row("peak memory (VmHWM)", "unknown (no /proc)".into()),
    }
    for note in notes {
        println!("note: {note}");
    }
}

#[derive(Default)]
struct Measured {
    inspect_secs: Option<f64>,
    load_secs: Option<f64>,
    rows_kept: Option<usize>,
    order_lines_secs: Option<f64>,
}

fn measure(path: &Path, notes: &mut Vec<String>) -> Measured {
    let mut m = Measured::default();
    let inspection = match timed("inspect", || inspect(path, None).map_err(|e| e.to_string())) {
        Ok((Ok(inspection), secs)) => {
            m.inspect_secs = Some(secs);
            inspection
        }
        Ok((Err(e), _)) => {
            notes.push(format!("inspect failed: {e}"));
            return m;
        }
        Err(e) => {
            notes.push(e);
            return m;
        }
    };
    let options = LoadOptions::from_inspection(&inspection);
    let table = match timed("load", || {
        load(path, &options, &Progress::detached()).map_err(|e| e.to_string())
    }) {
        Ok((Ok(table), secs)) => {
            m.load_secs = Some(secs);
            m.rows_kept = Some(table.frame.height());
            notes.push(format!(
                "load report: {} rows read, {} kept, {} problem kinds",
                table.report.rows_read,
                table.report.rows_kept,
                table.report.problems.len()
            ));
            table
        }
        Ok((Err(e), _)) => {
            notes.push(format!("load failed: {e}"));
            return m;
        }
        Err(e) => {
            notes.push(e);
            return m;
        }
    };
    let mut store = Store::default();
    match timed("Store::order_lines", || {
        store.insert(table);
        store.order_lines().map_err(|e| e.to_string())
    }) {
        Ok((Ok(lines), secs)) => {
            m.order_lines_secs = Some(secs);
            if let Some(lines) = lines {
                notes.push(format!(
                    "order lines: {} rows, {} columns",
                    lines.height(),
                    lines.width()
                ));
            }
        }
        Ok((Err(e), _)) => notes.push(format!("order_lines failed: {e}")),
        Err(e) => notes.push(e),
    }
    m
}

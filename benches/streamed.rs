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
use std::process::Command;
use std::time::Instant;

use common::status_mb;

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

/// Runs `marketbench COMMAND FILE` with `memory` (output discarded, its first
/// line shown); its exit code, wall and CPU seconds, peak resident MB and peak
/// own (anonymous) MB.
fn measure(
    command: &[&str],
    file: &Path,
    memory: &str,
) -> anyhow::Result<(i32, f64, f64, f64, f64)> {
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(command)
        .arg(file)
        .env("MARKETBENCH_MEMORY", memory)
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    let pid = child.id() as libc::pid_t;
    let own = std::thread::spawn(move || peak_own_mb(pid));
    let output = child.wait_with_output_after(pid)?;
    let own_mb = own.join().unwrap_or(0.0);
    let (status, usage) = output.1;
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    if let Some(line) = String::from_utf8_lossy(&output.0).lines().next() {
        println!("  {}: {line}", command.join(" "));
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    // ru_maxrss is in kilobytes on Linux.
    Ok((
        code,
        started.elapsed().as_secs_f64(),
        seconds(usage.ru_utime) + seconds(usage.ru_stime),
        usage.ru_maxrss as f64 / 1024.0,
        own_mb,
    ))
}

/// The largest `RssAnon` of process `pid`, in MB, sampled until it exits (an
/// exited process's status has no such line).
fn peak_own_mb(pid: libc::pid_t) -> f64 {
    let mut peak = 0.0_f64;
    while let Some(own) = status_mb(&pid.to_string(), "RssAnon:") {
        peak = peak.max(own);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    peak
}

/// Reading a child's output, then waiting for it with its resource usage.
trait WaitWithUsage {
    fn wait_with_output_after(
        self,
        pid: libc::pid_t,
    ) -> anyhow::Result<(Vec<u8>, (i32, libc::rusage))>;
}

impl WaitWithUsage for std::process::Child {
    fn wait_with_output_after(
        mut self,
        pid: libc::pid_t,
    ) -> anyhow::Result<(Vec<u8>, (i32, libc::rusage))> {
        let mut out = Vec::new();
        if let Some(mut stdout) = self.stdout.take() {
            std::io::Read::read_to_end(&mut stdout, &mut out)?;
        }
        let mut status = 0;
        // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waits for our own child, with valid pointers to locals.
        let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        anyhow::ensure!(waited == pid, "waiting for the command failed");
        Ok((out, (status, usage)))
    }
}

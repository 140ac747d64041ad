//! Memory: what a job will need, against what the machine has free, so a file
//! too big for the laptop is refused with its figures before any work starts
//! instead of ending in an allocation failure that takes the window down.
//!
//! - Free memory is the least of the kernel's `MemAvailable`, the room left
//!   under the cgroup's `memory.max` (containers) and the address-space limit
//!   (`ulimit -v`); `MARKETBENCH_MEMORY` (bytes, or with `MB`/`GB`) overrides
//!   it, for a user who wants to keep room for other programs.
//! - Needs are estimated from measured peaks (`benches/large.rs`, release
//!   build): see [`load_need`] for loading a file and the analyses' own
//!   estimates (`analysis::*::memory_need`).

use std::path::Path;

use super::DataError;
use crate::tr;

/// One gigabyte, for messages.
const GB: f64 = 1024.0 * 1024.0 * 1024.0;

/// The bytes of memory free for this process, None when unknown (then no job
/// is refused).
pub fn available() -> Option<u64> {
    if let Ok(text) = std::env::var("MARKETBENCH_MEMORY") {
        return parse_bytes(&text);
    }
    [mem_available(), cgroup_room(), address_space_room()]
        .into_iter()
        .flatten()
        .min()
}

/// Refuses `what` (about `file`) when it needs more than the memory free.
pub fn check(file: &str, what: &str, need: u64) -> Result<(), DataError> {
    match shortfall(need) {
        None => Ok(()),
        Some(why) => Err(DataError::Parse {
            file: file.to_owned(),
            message: tr!("error-memory-refused", what = what, why = why),
        }),
    }
}

/// Why a job that needs `need` bytes cannot start (None when it can): "needs
/// about 3.1 GB of memory and this machine has 1.2 GB free, …".
pub fn shortfall(need: u64) -> Option<String> {
    let free = available()?;
    (need > free).then(|| {
        tr!(
            "error-memory-shortfall",
            need = human(need),
            free = human(free)
        )
    })
}

/// `1.5 GB`, `300 MB`.
pub fn human(bytes: u64) -> String {
    let bytes = bytes as f64;
    if bytes >= GB {
        format!("{:.1} GB", bytes / GB)
    } else {
        format!("{:.0} MB", (bytes / (1024.0 * 1024.0)).max(1.0))
    }
}

/// Peak memory of loading a file, per byte of the file, by format, measured with
/// `inspect` (release) and rounded up: text 2.8× on a 1.7 GB CSV (the pieces and
/// the cleaned copy); on 1,000,000 order lines written as each format, beyond the
/// process's 60 MB: NDJSON 2.3×, a JSON array 9.8× (parsed whole), Parquet
/// 20× (compressed about 7:1), XLSX 17.6× (compressed, and every cell a value).
pub fn load_need(path: &Path, bytes: u64) -> u64 {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let factor = match extension.as_str() {
        "parquet" | "pq" => 24,
        "xlsx" | "xlsm" | "xls" => 20,
        "json" => 12,
        "ndjson" | "jsonl" => 4,
        _ => 3,
    };
    bytes.saturating_mul(factor)
}

/// `2GB`, `512 MB`, `1000000` (bytes).
fn parse_bytes(text: &str) -> Option<u64> {
    let text = text.trim().to_ascii_uppercase();
    let (number, unit) = match text.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => text.split_at(i),
        None => (text.as_str(), ""),
    };
    let number: f64 = number.trim().parse().ok()?;
    let unit = match unit.trim() {
        "" | "B" => 1.0,
        "KB" | "K" => 1024.0,
        "MB" | "M" => 1024.0 * 1024.0,
        "GB" | "G" => GB,
        _ => return None,
    };
    Some((number * unit) as u64)
}

/// `MemAvailable` of /proc/meminfo.
fn mem_available() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The room left under the cgroup (v2) memory limit, None without one.
fn cgroup_room() -> Option<u64> {
    let max: u64 = std::fs::read_to_string("/sys/fs/cgroup/memory.max")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let current: u64 = std::fs::read_to_string("/sys/fs/cgroup/memory.current")
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0);
    Some(max.saturating_sub(current))
}

/// The address space left under `ulimit -v`, None without a limit.
fn address_space_room() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max address space"))?;
    let limit: u64 = line.split_whitespace().nth(3)?.parse().ok()?;
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let used_kb: u64 = status
        .lines()
        .find(|l| l.starts_with("VmSize:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(limit.saturating_sub(used_kb * 1024))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_their_units() {
        assert_eq!(parse_bytes("2GB"), Some(2 * 1024 * 1024 * 1024));
        assert_eq!(parse_bytes(" 512 mb "), Some(512 * 1024 * 1024));
        assert_eq!(parse_bytes("1000"), Some(1000));
        assert_eq!(parse_bytes("lots"), None);
    }
}

//! Helpers shared by the benchmarks (`mod common;`): settings from the
//! environment, the process's peak memory, and a command run and measured as a
//! child ([`child`]). Each benchmark uses part of them.
#![allow(dead_code)]

pub mod child;

/// The number in the environment variable `name`, else `default`.
pub fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A `kB` field of `/proc/PROCESS/status` ("self", or a process id), in MB:
/// `VmHWM:` the peak resident memory, `RssAnon:` the process's own memory now.
/// None off Linux, or once the process has exited.
pub fn status_mb(process: &str, field: &str) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{process}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// VmHWM of this process (its peak resident memory) in MB; NaN where the
/// kernel does not say.
pub fn peak_mb() -> f64 {
    status_mb("self", "VmHWM:").unwrap_or(f64::NAN)
}

/// Starts a new high-water mark for [`peak_mb`] (Linux: writing 5 to
/// `/proc/self/clear_refs`).
pub fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

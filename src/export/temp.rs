//! The temporary files exports are written to before the rename, and their
//! clean-up.
//!
//! Contract:
//! - A temporary file is named `.marketbench-export-<pid>-<random>.tmp`, in the
//!   folder of the file it becomes, and is registered as in flight while written.
//! - Ctrl-C and SIGTERM remove every file in flight before the process ends
//!   ([`remove_on_signal`], installed by `main`); an export that fails removes its
//!   own.
//! - A file that still remains was left by a process that was killed outright:
//!   the next export to that folder removes it ([`remove_stale`]) once its
//!   writer's process is gone (seen in `/proc` on Linux) or, where that cannot be
//!   told, once nothing wrote to it for [`STALE_AFTER`]. Files of running exports,
//!   ours or another process's, are kept.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// The start of every temporary export file's name.
pub const PREFIX: &str = ".marketbench-export-";
/// The end of every temporary export file's name.
pub const SUFFIX: &str = ".tmp";
/// How long a temporary file whose writer cannot be checked is left alone.
pub const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// The temporary files being written by this process.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A new temporary file beside `folder`'s exports, registered as in flight
/// until the returned guard is dropped.
pub(crate) fn create_in(folder: &Path) -> std::io::Result<(tempfile::NamedTempFile, InFlight)> {
    let temp = tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{}-", std::process::id()))
        .suffix(SUFFIX)
        .tempfile_in(folder)?;
    let path = temp.path().to_path_buf();
    lock().push(path.clone());
    Ok((temp, InFlight(path)))
}

/// Keeps a temporary file registered while it is written.
pub(crate) struct InFlight(PathBuf);

impl Drop for InFlight {
    fn drop(&mut self) {
        lock().retain(|p| p != &self.0);
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves a usable list.
    IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary file this process is writing; their count.
pub fn remove_in_flight() -> usize {
    remove_all(&lock())
}

fn remove_all(paths: &[PathBuf]) -> usize {
    paths
        .iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count()
}

/// On Ctrl-C (SIGINT) or SIGTERM: removes the files in flight and ends the
/// process with the usual code (130 or 143). Does nothing where signals cannot
/// be watched.
pub fn remove_on_signal() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                remove_in_flight();
                std::process::exit(128 + signal);
            }
        });
    }
}

/// Removes the temporary export files in `folder` left by killed exports (see
/// the module contract); how many were removed. Errors reading the folder are
/// ignored: the export itself reports them.
pub fn remove_stale(folder: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let ours = lock().clone();
    entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                return false;
            };
            let Some(rest) = name.strip_prefix(PREFIX) else {
                return false;
            };
            if !name.ends_with(SUFFIX) || ours.contains(&entry.path()) {
                return false;
            }
            let writer = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
            let idle = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|idle| idle >= STALE_AFTER);
            (writer.is_some_and(writer_is_gone) || idle)
                && std::fs::remove_file(entry.path()).is_ok()
        })
        .count()
}

/// True when the process `pid` is known to have ended.
fn writer_is_gone(pid: u32) -> bool {
    cfg!(target_os = "linux")
        && pid != std::process::id()
        && !Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pid above Linux's largest (2^22), so never a running process.
    const DEAD_PID: u32 = 9_999_999;

    fn touch(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, b"partial").expect("write");
        path
    }

    #[test]
    fn stale_files_of_gone_or_idle_writers_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().expect("dir");
        let dead = touch(dir.path(), &format!("{PREFIX}{DEAD_PID}-abc{SUFFIX}"));
        // An older name without a pid, untouched for two hours.
        let idle = touch(dir.path(), &format!("{PREFIX}xyz{SUFFIX}"));
        let two_hours_ago = std::time::SystemTime::now() - 2 * STALE_AFTER;
        std::fs::File::options()
            .write(true)
            .open(&idle)
            .and_then(|f| f.set_modified(two_hours_ago))
            .expect("set mtime");
        // A running writer (this process) and a file that is not ours.
        let live = touch(
            dir.path(),
            &format!("{PREFIX}{}-def{SUFFIX}", std::process::id()),
        );
        let other = touch(dir.path(), "orders.tmp");
        let (temp, _guard) = create_in(dir.path()).expect("in flight");

        let removed = remove_stale(dir.path());

        let expected = usize::from(cfg!(target_os = "linux")) + 1;
        assert_eq!(removed, expected);
        assert!(!idle.exists());
        assert_eq!(dead.exists(), !cfg!(target_os = "linux"));
        assert!(live.exists() && other.exists() && temp.path().exists());
    }

    #[test]
    fn files_in_flight_are_removed_on_request_and_forgotten_when_done() {
        let dir = tempfile::tempdir().expect("dir");
        let (temp, guard) = create_in(dir.path()).expect("in flight");
        let path = temp.path().to_path_buf();
        assert!(lock().contains(&path));
        // Other tests' exports run in this process too: remove only this one.
        assert_eq!(remove_all(std::slice::from_ref(&path)), 1);
        assert!(!path.exists());
        drop(guard);
        assert!(!lock().contains(&path));
    }
}

//! A real desktop keyring for the keyring tests: a private D-Bus session bus
//! and GNOME Keyring's Secret Service on it (`scripts/setup.sh test` installs
//! `dbus-daemon` and `gnome-keyring`), each in a temporary folder, started
//! within a bounded time and stopped when the [`SessionKeyring`] is dropped.
//!
//! The bus address goes into this process's environment, where the keyring
//! client looks for it: a test binary that starts one has that one test only.

use std::io::Write as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long the bus or the keyring may take to come up.
const STEP: Duration = Duration::from_secs(60);

/// A running session bus with an unlocked keyring on it.
pub struct SessionKeyring {
    bus: Child,
    _folder: tempfile::TempDir,
}

impl Drop for SessionKeyring {
    fn drop(&mut self) {
        // The keyring daemon leaves when its bus goes.
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

fn missing(what: &str) -> ! {
    panic!(
        "{what} is not installed: run `scripts/setup.sh test` (it installs the Debian \
         packages dbus-daemon and gnome-keyring that this test starts)"
    )
}

fn wait_for(path: &Path, what: &str) {
    let start = Instant::now();
    while !path.exists() {
        assert!(start.elapsed() < STEP, "{what} did not start in {STEP:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts the bus and the keyring, and points this process at the bus.
pub fn session_keyring() -> SessionKeyring {
    let folder = tempfile::tempdir().expect("temp folder");
    let dir = folder.path();
    let socket = dir.join("bus");
    let address = format!("unix:path={}", socket.display());
    let bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--nopidfile"])
        .arg(format!("--address={address}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|_| missing("dbus-daemon"));
    wait_for(&socket, "the session bus");
    let mut keyring = Command::new("gnome-keyring-daemon")
        .args(["--unlock", "--components=secrets"])
        .env("DBUS_SESSION_BUS_ADDRESS", &address)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_RUNTIME_DIR", dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|_| missing("gnome-keyring-daemon"));
    // The new login keyring's own password, on standard input.
    keyring
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"keyring-test")
        .expect("unlock");
    let start = Instant::now();
    while keyring.try_wait().expect("wait").is_none() {
        assert!(start.elapsed() < STEP, "gnome-keyring-daemon did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: set before any other thread of this one-test binary reads the
    // environment (the keyring client reads it on first use, later).
    unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &address) };
    SessionKeyring {
        bus,
        _folder: folder,
    }
}

//! Database passwords in the desktop keyring (the Secret Service on Linux:
//! GNOME Keyring, KWallet, KeePassXC), for operators who ask the window to
//! remember one, and for command-line runs on their machine.
//!
//! Contract:
//! - An entry is service [`SERVICE`], user the URL as shown (`DbUrl::shown`,
//!   never with a password), so one password per server, user and database.
//! - Every call may wait on D-Bus or on the keyring's unlock prompt: call them
//!   from a job or the command line, never from the window's thread.
//! - Without a keyring (no session bus, no Secret Service, another system)
//!   [`recall`] finds nothing and [`remember`] says why; the keyring is looked
//!   for once per process.

use std::sync::OnceLock;

use crate::tr;

/// The keyring service name of Marketbench's entries.
pub const SERVICE: &str = "marketbench";

/// Whether the keyring was found, or why not (looked for once).
static READY: OnceLock<Result<(), String>> = OnceLock::new();

/// Why a password could not be remembered or forgotten.
#[derive(Debug, thiserror::Error)]
#[error("{}", tr!("db-keyring-failed", why = .0.as_str()))]
pub struct KeyringError(String);

fn ready() -> Result<(), KeyringError> {
    READY.get_or_init(open_store).clone().map_err(KeyringError)
}

#[cfg(target_os = "linux")]
fn open_store() -> Result<(), String> {
    let store = zbus_secret_service_keyring_store::Store::new().map_err(|e| e.to_string())?;
    keyring_core::set_default_store(store);
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn open_store() -> Result<(), String> {
    Err(tr!("db-keyring-unsupported"))
}

#[cfg(target_os = "linux")]
fn entry(url: &str) -> Result<keyring_core::Entry, KeyringError> {
    ready()?;
    keyring_core::Entry::new(SERVICE, url).map_err(|e| KeyringError(e.to_string()))
}

/// Stores `password` for the server of `url` (shown form), replacing one
/// stored before.
#[cfg(target_os = "linux")]
pub fn remember(url: &str, password: &str) -> Result<(), KeyringError> {
    entry(url)?
        .set_password(password)
        .map_err(|e| KeyringError(e.to_string()))
}

/// The password stored for the server of `url`, if the keyring has one.
#[cfg(target_os = "linux")]
pub fn recall(url: &str) -> Option<String> {
    entry(url).ok()?.get_password().ok()
}

/// Removes the password stored for `url`; none stored is no error.
#[cfg(target_os = "linux")]
pub fn forget(url: &str) -> Result<(), KeyringError> {
    match entry(url)?.delete_credential() {
        Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
        Err(e) => Err(KeyringError(e.to_string())),
    }
}

#[cfg(not(target_os = "linux"))]
pub fn remember(_url: &str, _password: &str) -> Result<(), KeyringError> {
    ready()
}

#[cfg(not(target_os = "linux"))]
pub fn recall(_url: &str) -> Option<String> {
    None
}

#[cfg(not(target_os = "linux"))]
pub fn forget(_url: &str) -> Result<(), KeyringError> {
    ready()
}

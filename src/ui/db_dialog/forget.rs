//! Forgetting a remembered password from the window: while the dialog is
//! connected to a server whose password the desktop keyring keeps, it says so
//! beside a "Forget the password" button.
//!
//! Contract:
//! - Whether the keyring keeps the password is looked up by the Connect job
//!   (`Connected::in_keyring`), and Forget runs as a job: the keyring may wait
//!   on D-Bus or an unlock prompt, never on the window's thread.
//! - After Forget the dialog says the password is forgotten, or why the keyring
//!   refused; the next Connect, and the next opening of a project reading this
//!   server, ask for the password again.

use super::{DbDialog, Running};
use crate::data::db;
use crate::jobs::{Job, JobError, Wake, spawn};

impl DbDialog {
    /// Whether the keyring keeps the password of the server connected to.
    pub fn in_keyring(&self) -> bool {
        self.is_connected() && self.connected.as_ref().is_some_and(|c| c.in_keyring)
    }

    /// What the keyring said to the last Forget, while still connected.
    pub fn forgotten(&self) -> Option<&Result<(), String>> {
        self.forgotten.as_ref().filter(|_| self.is_connected())
    }

    /// Starts forgetting the connected server's password (the Forget button).
    pub fn forget_password(&mut self, wake: Wake) {
        let Some(connected) = self.connected.as_ref().filter(|_| self.in_keyring()) else {
            return;
        };
        let shown = connected.url.shown();
        self.forgotten = None;
        let job = spawn("forget database password", 0, wake, move |_| {
            Ok(db::keyring::forget(&shown).map_err(|e| e.to_string()))
        });
        self.replace(Running::Forget(job));
    }

    /// Takes the finished Forget job's answer (see [`DbDialog::poll`]).
    pub(super) fn settle_forget(&mut self, job: Result<Result<(), String>, JobError>) {
        let answer = match job {
            Ok(answer) => answer,
            Err(JobError::Cancelled) => return,
            Err(error) => Err(error.to_string()),
        };
        if answer.is_ok()
            && let Some(connected) = self.connected.as_mut()
        {
            connected.in_keyring = false;
        }
        self.forgotten = Some(answer);
    }
}

/// The running Forget job.
pub(super) type ForgetJob = Job<Result<(), String>>;

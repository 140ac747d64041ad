//! The system's file dialog, shown from a worker thread so the window keeps
//! drawing while it is open (rfd's dialogs block the thread that calls them).
//!
//! Where no dialog can be shown (on Linux: no session bus, so no file chooser
//! portal), rfd would return "nothing picked" as if the operator had cancelled.
//! That case, and an answer faster than a person can cancel, are reported as
//! [`DialogOutcome::Unavailable`] so the app can point to the other ways in.
//!
//! The same dialog opens data files, opens a project file or chooses where to
//! save a project ([`DialogPurpose`]); the outcome says which it was for.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::data::files::DATA_EXTENSIONS;
use crate::jobs::Wake;
use crate::tr;

/// Faster than a person can cancel a dialog: no dialog was shown.
const UNAVAILABLE_WITHIN: Duration = Duration::from_millis(300);

/// What became of the dialog.
#[derive(Debug, PartialEq)]
pub enum DialogOutcome {
    Picked(Vec<PathBuf>),
    Cancelled,
    Unavailable,
}

/// What the dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Pick data files to open.
    OpenData,
    /// Pick a project file to open.
    OpenProject,
    /// Choose where to save the project.
    SaveProject,
}

/// The suggested name of a new project file.
pub const PROJECT_FILE_NAME: &str = "marketbench-project.json";

/// An open dialog: what for, since when, and where its answer arrives.
type OpenDialog = (DialogPurpose, Instant, Receiver<Option<Vec<PathBuf>>>);

/// At most one open dialog.
#[derive(Default)]
pub struct FileDialog {
    open: Option<OpenDialog>,
}

impl FileDialog {
    /// Shows the dialog for `purpose` (unless one is already open); `wake`
    /// repaints when it closes.
    pub fn show(&mut self, purpose: DialogPurpose, wake: Wake) {
        if self.open.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        if !dialog_possible() {
            let _ = sender.send(None);
            self.open = Some((purpose, Instant::now(), receiver));
            wake();
            return;
        }
        // The texts in the window's language, read here rather than on the thread.
        let all_files = tr!("data-dialog-all-files");
        let project_files = tr!("data-dialog-project-files");
        let title = match purpose {
            DialogPurpose::OpenData => tr!("data-dialog-open-data"),
            DialogPurpose::OpenProject => tr!("data-dialog-open-project"),
            DialogPurpose::SaveProject => tr!("data-save-project-title"),
        };
        let data_files = tr!("data-dialog-data-files");
        let spawned = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let dialog = rfd::FileDialog::new().set_title(title);
                let picked = match purpose {
                    DialogPurpose::OpenData => dialog
                        .add_filter(data_files, &DATA_EXTENSIONS)
                        .add_filter(all_files, &["*"])
                        .pick_files(),
                    DialogPurpose::OpenProject => dialog
                        .add_filter(project_files, &["json"])
                        .add_filter(all_files, &["*"])
                        .pick_file()
                        .map(|p| vec![p]),
                    DialogPurpose::SaveProject => dialog
                        .set_file_name(PROJECT_FILE_NAME)
                        .add_filter(project_files, &["json"])
                        .save_file()
                        .map(|p| vec![p]),
                };
                let _ = sender.send(picked);
                wake();
            });
        if spawned.is_ok() {
            self.open = Some((purpose, Instant::now(), receiver));
        }
    }

    /// What the dialog was for and its outcome, once it has closed.
    pub fn poll(&mut self) -> Option<(DialogPurpose, DialogOutcome)> {
        let (purpose, opened, receiver) = self.open.as_ref()?;
        let purpose = *purpose;
        let outcome = outcome_of(receiver.try_recv(), *opened)?;
        self.open = None;
        Some((purpose, outcome))
    }
}

/// The outcome of a dialog opened at `opened` from what its thread sent (None
/// while it is still open): nothing picked faster than a person can cancel, or a
/// thread that died, means no dialog was shown.
pub(crate) fn outcome_of(
    received: Result<Option<Vec<PathBuf>>, TryRecvError>,
    opened: Instant,
) -> Option<DialogOutcome> {
    Some(match received {
        Ok(Some(files)) if !files.is_empty() => DialogOutcome::Picked(files),
        Ok(_) if opened.elapsed() < UNAVAILABLE_WITHIN => DialogOutcome::Unavailable,
        Ok(_) => DialogOutcome::Cancelled,
        Err(TryRecvError::Empty) => return None,
        Err(TryRecvError::Disconnected) => DialogOutcome::Unavailable,
    })
}

/// Whether a file dialog can appear at all: on Linux and the BSDs rfd asks the
/// desktop's portal over the session bus, which must exist.
pub(crate) fn dialog_possible() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists())
}

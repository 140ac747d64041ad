//! One-file dialogs for the Campaigns tab (pick a list or an orders file, choose
//! where to save). Views ask with `Command::CampaignFileDialog`; the app opens the
//! dialog after the frame, on a worker thread like its own open dialog, so the
//! window keeps drawing; the tab takes the answer by its purpose. Where no dialog
//! can appear (see `file_dialog`) the answer is [`Answer::Unavailable`], so the
//! tab can point to the typed path every dialog has beside it.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::tr;
use crate::ui::file_dialog::{DialogOutcome, dialog_possible, outcome_of};

/// What the chosen file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    OptOut,
    Contacted,
    Export,
    Readout,
    /// The list sent earlier, whose recorded groups a readout compares.
    SentList,
}

/// What came of a dialog that closed (a cancelled one gives none).
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Picked(PathBuf),
    /// No dialog could be shown: the path must be typed.
    Unavailable,
}

type Open = Arc<Mutex<Option<(Purpose, Instant, Receiver<Option<PathBuf>>)>>>;

fn open_dialog(ctx: &egui::Context) -> Open {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Open>(egui::Id::unique("campaign_file_dialog"))
            .clone()
    })
}

/// Shows a dialog for `purpose` (unless one is open): a save dialog suggesting
/// `file_name` when `save`, else an open dialog.
pub fn show(ctx: &egui::Context, purpose: Purpose, save: bool, file_name: &str) {
    let open = open_dialog(ctx);
    let Ok(mut slot) = open.lock() else {
        return;
    };
    if slot.is_some() {
        return;
    }
    let (sender, receiver) = channel();
    if !dialog_possible() {
        let _ = sender.send(None);
        *slot = Some((purpose, Instant::now(), receiver));
        ctx.request_repaint();
        return;
    }
    let repaint = ctx.clone();
    let file_name = file_name.to_string();
    let title = match save {
        true => tr!("campaigns-dialog-save"),
        false => tr!("campaigns-dialog-choose"),
    };
    let spawned = std::thread::Builder::new()
        .name("campaign file dialog".into())
        .spawn(move || {
            let dialog = rfd::FileDialog::new()
                .set_file_name(&file_name)
                .set_title(&title);
            let picked = match save {
                true => dialog.save_file(),
                false => dialog.pick_file(),
            };
            let _ = sender.send(picked);
            repaint.request_repaint();
        });
    if spawned.is_ok() {
        *slot = Some((purpose, Instant::now(), receiver));
    }
}

/// The answer of a dialog that has closed since the last call.
pub fn take(ctx: &egui::Context) -> Option<(Purpose, Answer)> {
    let open = open_dialog(ctx);
    let mut slot = open.lock().ok()?;
    let (purpose, opened, receiver) = slot.as_ref()?;
    let purpose = *purpose;
    let outcome = outcome_of(receiver.try_recv().map(|p| p.map(|p| vec![p])), *opened)?;
    *slot = None;
    match outcome {
        DialogOutcome::Picked(mut files) => Some((purpose, Answer::Picked(files.remove(0)))),
        DialogOutcome::Unavailable => Some((purpose, Answer::Unavailable)),
        DialogOutcome::Cancelled => None,
    }
}

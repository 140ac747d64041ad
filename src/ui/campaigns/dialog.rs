//! One-file dialogs for the Campaigns tab (pick a list or an orders file, choose
//! where to save). Views ask with `Command::CampaignFileDialog`; the app opens the
//! dialog after the frame, on a worker thread like its own open dialog, so the
//! window keeps drawing; the tab takes the answer by its purpose. Where no dialog can appear the answer is simply
//! "nothing chosen"; every dialog has a typed path beside it.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

/// What the chosen file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    OptOut,
    Contacted,
    Export,
    Readout,
}

type Open = Arc<Mutex<Option<(Purpose, Receiver<Option<PathBuf>>)>>>;

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
    let repaint = ctx.clone();
    let file_name = file_name.to_string();
    let spawned = std::thread::Builder::new()
        .name("campaign file dialog".into())
        .spawn(move || {
            let dialog = rfd::FileDialog::new().set_file_name(&file_name);
            let picked = match save {
                true => dialog.set_title("Save the target list").save_file(),
                false => dialog.set_title("Choose a file").pick_file(),
            };
            let _ = sender.send(picked);
            repaint.request_repaint();
        });
    if spawned.is_ok() {
        *slot = Some((purpose, receiver));
    }
}

/// The file chosen in a dialog that has closed since the last call.
pub fn take(ctx: &egui::Context) -> Option<(Purpose, PathBuf)> {
    let open = open_dialog(ctx);
    let mut slot = open.lock().ok()?;
    let (purpose, receiver) = slot.as_ref()?;
    let purpose = *purpose;
    match receiver.try_recv() {
        Ok(picked) => {
            *slot = None;
            picked.map(|p| (purpose, p))
        }
        Err(std::sync::mpsc::TryRecvError::Empty) => None,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => {
            *slot = None;
            None
        }
    }
}

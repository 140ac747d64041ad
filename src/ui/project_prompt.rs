//! A typed project path, for desktops where no file dialog can be shown (no
//! file chooser portal): a small window with the path and Save/Open or Cancel.
//! Answering pushes the same command the dialog's answer would.

use std::path::{Path, PathBuf};

use super::command::{Command, Commands};
use super::file_dialog::{DialogPurpose, PROJECT_FILE_NAME};
use crate::tr;

/// The open prompt: what for and the path as typed.
pub struct ProjectPrompt {
    save: bool,
    path: String,
}

impl ProjectPrompt {
    /// A prompt for a project `purpose` (None for opening data files, which have
    /// the toolbar's Path box), starting from `current` (the open project's
    /// file), else the usual project file name in the working folder.
    pub fn new(purpose: DialogPurpose, current: Option<&Path>) -> Option<ProjectPrompt> {
        let save = match purpose {
            DialogPurpose::SaveProject => true,
            DialogPurpose::OpenProject => false,
            DialogPurpose::OpenData => return None,
        };
        let path = match current {
            Some(path) => path.display().to_string(),
            None if save => std::env::current_dir()
                .map(|dir| dir.join(PROJECT_FILE_NAME))
                .unwrap_or_else(|_| PathBuf::from(PROJECT_FILE_NAME))
                .display()
                .to_string(),
            None => String::new(),
        };
        Some(ProjectPrompt { save, path })
    }

    /// Draws the window. Returns false once answered or cancelled (the caller
    /// drops the prompt); an answer is pushed onto `commands`.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Commands) -> bool {
        let (title, action) = if self.save {
            (tr!("data-save-project-title"), tr!("data-prompt-save"))
        } else {
            (tr!("data-open-project-title"), tr!("data-prompt-open"))
        };
        let mut open = true;
        egui::Window::new(title)
            .id(egui::Id::unique(("project_prompt", self.save)))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(tr!("data-prompt-no-dialog"));
                let label = ui.label(tr!("data-prompt-project-file"));
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut self.path).desired_width(420.0))
                    .labelled_by(label.id);
                let typed = PathBuf::from(self.path.trim());
                let ready = !self.path.trim().is_empty();
                ui.horizontal(|ui| {
                    let entered =
                        edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let clicked = ui.add_enabled(ready, egui::Button::new(action)).clicked();
                    if ready && (clicked || entered) {
                        commands.send(if self.save {
                            Command::SaveProject(typed.clone())
                        } else {
                            Command::OpenProject(typed.clone())
                        });
                        open = false;
                    }
                    if ui.button(tr!("data-cancel")).clicked() {
                        open = false;
                    }
                });
            });
        open
    }
}

//! The toolbar: open files (dialog, typed path, recent files, sample store), save
//! and open projects, and the theme. Drag-and-drop onto the window is handled by
//! the app.

use std::path::{Path, PathBuf};

use super::command::{Command, Commands};
use super::state::{Theme, UiState};
use crate::workspace::file_name;

/// What the project buttons need to know.
pub struct ProjectStatus<'a> {
    /// Files are loaded, so there is something to save.
    pub can_save: bool,
    /// The project file last saved or opened.
    pub path: Option<&'a Path>,
}

pub fn ui(
    ui: &mut egui::Ui,
    state: &mut UiState,
    path_input: &mut String,
    project: ProjectStatus<'_>,
    commands: &mut Commands,
) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Marketbench");
        ui.separator();
        if ui
            .button("Open files…")
            .on_hover_text("Choose data files: CSV, TSV, TXT, Parquet, JSON, NDJSON, XLSX, XLS")
            .clicked()
        {
            commands.send(Command::OpenDialog);
        }
        recent_menu_ui(ui, state, commands);
        if ui
            .button("Open sample store")
            .on_hover_text("A generated shop: orders, products, customers and behaviour events")
            .clicked()
        {
            commands.send(Command::OpenSample);
        }
        ui.separator();
        project_ui(ui, &project, commands);
        ui.separator();
        let label = ui.label("Path:");
        let field = ui.add(
            egui::TextEdit::singleline(path_input)
                .hint_text("/path/to/orders.csv or a folder")
                .desired_width(320.0),
        );
        let field = field.labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let typed = path_input.trim().to_string();
        let open = ui.add_enabled(!typed.is_empty(), egui::Button::new("Open"));
        if (open.clicked() || entered) && !typed.is_empty() {
            commands.send(Command::Open(vec![PathBuf::from(typed)]));
            path_input.clear();
        }
        ui.separator();
        egui::ComboBox::from_label("Theme")
            .selected_text(state.theme.label())
            .show_ui(ui, |ui| {
                for theme in Theme::ALL {
                    ui.selectable_value(&mut state.theme, theme, theme.label());
                }
            });
    });
    ui.add_space(4.0);
}

fn project_ui(ui: &mut egui::Ui, project: &ProjectStatus<'_>, commands: &mut Commands) {
    if ui
        .button("Open project…")
        .on_hover_text("Open a saved project: its files, segment names and campaigns")
        .clicked()
    {
        commands.send(Command::OpenProjectDialog);
    }
    if ui
        .add_enabled(project.can_save, egui::Button::new("Save project…"))
        .on_hover_text("Save the open files, segment names and campaigns as a project file")
        .on_disabled_hover_text("Open data files first")
        .clicked()
    {
        commands.send(Command::SaveProjectDialog);
    }
    if let Some(path) = project.path
        && ui
            .add_enabled(project.can_save, egui::Button::new("Save"))
            .on_hover_text(format!("Save the project again to {}", path.display()))
            .clicked()
    {
        commands.send(Command::SaveProject(path.to_path_buf()));
    }
}

fn recent_menu_ui(ui: &mut egui::Ui, state: &mut UiState, commands: &mut Commands) {
    ui.menu_button("Recent files", |ui| {
        if state.recent_files.is_empty() {
            ui.weak("No recent files yet");
            return;
        }
        for path in &state.recent_files {
            let clicked = ui
                .button(file_name(path))
                .on_hover_text(path.display().to_string())
                .clicked();
            if clicked {
                commands.send(Command::Open(vec![path.clone()]));
                ui.close();
            }
        }
        ui.separator();
        if ui.button("Open all recent files").clicked() {
            commands.send(Command::Open(state.recent_files.clone()));
            ui.close();
        }
        if ui.button("Clear recent files").clicked() {
            state.recent_files.clear();
            ui.close();
        }
    });
}

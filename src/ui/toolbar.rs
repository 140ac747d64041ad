//! The toolbar: open files (dialog, typed path, recent files, sample store), save
//! and open projects, the language, and the View menu (theme, currency).
//! Drag-and-drop onto the window is handled by the app.

use std::path::{Path, PathBuf};

use super::command::{Command, Commands};
use super::format::Currency;
use super::state::{Theme, UiState};
use crate::i18n::{self, Language};
use crate::tr;
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
        ui.strong(tr!("app-name"));
        ui.separator();
        if ui
            .button(tr!("toolbar-open-files"))
            .on_hover_text(tr!("toolbar-open-files-hover"))
            .clicked()
        {
            commands.send(Command::OpenDialog);
        }
        recent_menu_ui(ui, state, commands);
        if ui
            .button(tr!("toolbar-open-sample"))
            .on_hover_text(tr!("toolbar-open-sample-hover"))
            .clicked()
        {
            commands.send(Command::OpenSample);
        }
        ui.separator();
        project_ui(ui, &project, commands);
        ui.separator();
        let label = ui.label(tr!("toolbar-path"));
        let field = ui.add(
            egui::TextEdit::singleline(path_input)
                .hint_text(tr!("toolbar-path-hint"))
                .desired_width(200.0),
        );
        let field = field.labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let typed = path_input.trim().to_string();
        let open = ui.add_enabled(!typed.is_empty(), egui::Button::new(tr!("toolbar-open")));
        if (open.clicked() || entered) && !typed.is_empty() {
            commands.send(Command::Open(vec![PathBuf::from(typed)]));
            path_input.clear();
        }
        ui.separator();
        language_ui(ui, state);
        view_menu_ui(ui, state);
    });
    ui.add_space(4.0);
}

fn project_ui(ui: &mut egui::Ui, project: &ProjectStatus<'_>, commands: &mut Commands) {
    if ui
        .button(tr!("toolbar-open-project"))
        .on_hover_text(tr!("toolbar-open-project-hover"))
        .clicked()
    {
        commands.send(Command::OpenProjectDialog);
    }
    if ui
        .add_enabled(
            project.can_save,
            egui::Button::new(tr!("toolbar-save-project-as")),
        )
        .on_hover_text(tr!("toolbar-save-project-as-hover"))
        .on_disabled_hover_text(tr!("toolbar-save-project-disabled"))
        .clicked()
    {
        commands.send(Command::SaveProjectDialog);
    }
    if let Some(path) = project.path
        && ui
            .add_enabled(
                project.can_save,
                egui::Button::new(tr!("toolbar-save-project")),
            )
            .on_hover_text(tr!(
                "toolbar-save-project-hover",
                path = path.display().to_string()
            ))
            .clicked()
    {
        commands.send(Command::SaveProject(path.to_path_buf()));
    }
}

fn recent_menu_ui(ui: &mut egui::Ui, state: &mut UiState, commands: &mut Commands) {
    ui.menu_button(tr!("toolbar-recent-files"), |ui| {
        if state.recent_files.is_empty() {
            ui.weak(tr!("toolbar-no-recent-files"));
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
        if ui.button(tr!("toolbar-open-all-recent")).clicked() {
            commands.send(Command::Open(state.recent_files.clone()));
            ui.close();
        }
        if ui.button(tr!("toolbar-clear-recent")).clicked() {
            state.recent_files.clear();
            ui.close();
        }
    });
}

/// The View menu: light or dark colours, and the currency symbol money shows.
fn view_menu_ui(ui: &mut egui::Ui, state: &mut UiState) {
    ui.menu_button(tr!("toolbar-view"), |ui| {
        ui.strong(tr!("toolbar-theme"));
        for theme in Theme::ALL {
            ui.radio_value(&mut state.theme, theme, theme.label());
        }
        ui.separator();
        ui.strong(tr!("toolbar-currency"));
        for currency in Currency::ALL {
            ui.radio_value(&mut state.currency, currency, currency.label());
        }
    });
}

/// The language menu: the system's language, or one chosen (remembered with the
/// other settings). Each language is named in itself.
fn language_ui(ui: &mut egui::Ui, state: &mut UiState) {
    let system = i18n::system_language();
    let label = |choice: Option<Language>| match choice {
        None => tr!("toolbar-language-system", language = system.name()),
        Some(language) => language.name().to_string(),
    };
    let heading = ui.label(tr!("toolbar-language"));
    egui::ComboBox::from_id_salt("language")
        .selected_text(label(state.language))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.language, None, label(None));
            for language in Language::ALL {
                ui.selectable_value(&mut state.language, Some(language), label(Some(language)));
            }
        })
        .response
        .labelled_by(heading.id);
}

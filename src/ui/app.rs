//! The app: owns the saved `UiState` and the `Workspace`, draws the toolbar, the
//! notices, the tab bar and the current tab, and carries out the panels' commands.
//!
//! Each frame: take finished jobs' results (`Workspace::poll`), draw (panels read the
//! workspace and send `Command`s), carry out the commands, run the workspace's
//! update step for the tab on screen (it starts what is stale), then ask for the
//! table view the selection needs. Nothing heavy runs on the UI thread.

use std::path::PathBuf;
use std::sync::Arc;

use crate::data::load::cache;
use crate::data::read::ReadOptions;
use crate::data::{FileKind, expand_folders, folders_without_data, no_data_message};
use crate::export::headers;
use crate::i18n;
use crate::jobs::{Slot, Wake};
use crate::tr;
use crate::workspace::project_io::ProjectIo;
use crate::workspace::{
    Level, Origin, ViewRequest, Workspace, WorkspaceEvent, file_name, origin_of, sample_files,
};

use super::command::{Command, Commands};
use super::db_dialog::DbDialog;
use super::file_dialog::{DialogOutcome, DialogPurpose, FileDialog};
use super::project_prompt::ProjectPrompt;
use super::state::{Tab, Theme, UiState};
use super::{
    behaviour_panel, campaigns, campaigns_panel, data_panel, fonts, forecast_panel, project,
    recommend_panel, segments_panel, service_panel, toolbar, value_panel,
};

/// The Marketbench window.
pub struct MarketbenchApp {
    state: UiState,
    workspace: Workspace,
    /// The typed path in the toolbar.
    pub(super) path_input: String,
    fonts_installed: bool,
    applied_theme: Option<Theme>,
    commands: Commands,
    file_dialog: FileDialog,
    /// The typed project path, when no dialog could be shown.
    project_prompt: Option<ProjectPrompt>,
    /// The "Connect to database…" dialog (it holds the password while open,
    /// so it lives here and not in the saved `UiState`).
    db_dialog: DbDialog,
    /// The window's context (set by the first frame), for the dialogs commands open.
    egui_ctx: Option<egui::Context>,
    /// The Data tab's "fast copy" job (one at a time) and what it wrote.
    parquet_copy: Slot<String>,
    wake: Wake,
}

impl MarketbenchApp {
    /// Builds the app. `files` are opened at once; with none and no recent files
    /// (a first launch) the sample store is opened. `wake` repaints the window.
    pub fn new(state: UiState, files: Vec<PathBuf>, wake: Wake) -> Self {
        let first_launch = state.recent_files.is_empty();
        i18n::set_language(state.shown_language());
        let mut app = MarketbenchApp {
            state,
            workspace: Workspace::new(wake.clone()),
            path_input: String::new(),
            fonts_installed: false,
            applied_theme: None,
            commands: Commands::default(),
            file_dialog: FileDialog::default(),
            project_prompt: None,
            db_dialog: DbDialog::default(),
            egui_ctx: None,
            parquet_copy: Slot::default(),
            wake,
        };
        if !files.is_empty() {
            app.handle(Command::Open(files));
        } else if first_launch {
            app.handle(Command::OpenSample);
        }
        app
    }

    /// Builds the app inside eframe: restores the saved state and installs the fonts.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        let state = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        fonts::install(&cc.egui_ctx);
        let ctx = cc.egui_ctx.clone();
        let wake: Wake = Arc::new(move || ctx.request_repaint());
        let mut app = Self::new(state, files, wake);
        app.fonts_installed = true;
        app
    }

    pub fn state(&self) -> &UiState {
        &self.state
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The "Connect to database…" dialog.
    pub fn db_dialog(&self) -> &DbDialog {
        &self.db_dialog
    }

    /// Queues a command, as a panel does.
    pub fn push(&mut self, command: impl Into<Command>) {
        self.commands.send(command);
    }

    /// One frame: poll jobs, draw, carry out commands.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        i18n::set_language(self.state.shown_language());
        super::format::set_currency(self.state.currency);
        headers::choose(self.state.export_headers);
        self.egui_ctx = Some(ctx.clone());
        if !self.fonts_installed {
            fonts::install(&ctx);
            self.fonts_installed = true;
        }
        if self.applied_theme != Some(self.state.theme) {
            ctx.set_theme(self.state.theme.preference());
            self.applied_theme = Some(self.state.theme);
        }
        self.poll();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.send(Command::Open(dropped));
        }

        egui::Panel::top("toolbar").show(ui, |ui| {
            let project = toolbar::ProjectStatus {
                can_save: !self.workspace.store().tables.is_empty()
                    || ProjectIo::summed_file_of(self.workspace.store()).is_some(),
                path: self.workspace.project.path(),
            };
            toolbar::ui(
                ui,
                &mut self.state,
                &mut self.path_input,
                project,
                &mut self.commands,
            );
        });
        if !self.workspace.notices().is_empty() {
            egui::Panel::top("notices").show(ui, |ui| {
                notices_ui(ui, &self.workspace, &mut self.commands);
            });
        }
        egui::Panel::left("tabs")
            .resizable(false)
            .exact_size(175.0)
            .show(ui, |ui| tabs_ui(ui, &mut self.state.tab));
        let (workspace, state, commands) = (&self.workspace, &mut self.state, &mut self.commands);
        egui::CentralPanel::default().show(ui, |ui| match state.tab {
            Tab::Data => data_panel::ui(ui, workspace, &self.parquet_copy, state, commands),
            Tab::Behaviour => behaviour_panel::ui(ui, workspace, state, commands),
            Tab::Segments => segments_panel::ui(ui, workspace, state, commands),
            Tab::Recommendations => recommend_panel::ui(ui, workspace, commands),
            Tab::Forecast => forecast_panel::ui(ui, workspace, commands),
            Tab::Value => value_panel::ui(ui, workspace, state, commands),
            Tab::Campaigns => campaigns_panel::ui(ui, workspace, state, commands),
            Tab::Service => service_panel::ui(ui, workspace, state, commands),
        });
        // The export controls' header menus set the process-wide choice.
        self.state.export_headers = headers::chosen();
        drop_hint_ui(&ctx);
        if let Some(prompt) = &mut self.project_prompt
            && !prompt.ui(&ctx, &mut self.commands)
        {
            self.project_prompt = None;
        }
        self.db_dialog.ui(&ctx, &self.wake);

        for command in self.commands.take() {
            self.handle(command);
        }
        self.workspace.update(self.state.tab.focus());
        self.request_view();
    }

    fn poll(&mut self) {
        match self.file_dialog.poll() {
            Some((purpose, DialogOutcome::Picked(mut files))) => match purpose {
                DialogPurpose::OpenData => self.handle(Command::Open(files)),
                DialogPurpose::OpenProject => self.handle(Command::OpenProject(files.remove(0))),
                DialogPurpose::SaveProject => self.handle(Command::SaveProject(files.remove(0))),
            },
            Some((
                purpose @ (DialogPurpose::OpenProject | DialogPurpose::SaveProject),
                DialogOutcome::Unavailable,
            )) => {
                self.project_prompt = ProjectPrompt::new(purpose, self.workspace.project.path());
            }
            Some((DialogPurpose::OpenData, DialogOutcome::Unavailable)) => self
                .workspace
                .notify(Level::Info, tr!("notice-no-file-dialog")),
            Some((_, DialogOutcome::Cancelled)) | None => {}
        }
        if let Some((name, databases)) = project::poll(&mut self.workspace, &mut self.state) {
            self.db_dialog.reopen(&name, &databases);
        }
        self.parquet_copy.poll();
        for fetched in self.db_dialog.poll(&self.wake) {
            self.workspace.stage_fetched(fetched);
            self.state.tab = Tab::Data;
        }
        for event in self.workspace.poll(&self.state.remembered) {
            match event {
                WorkspaceEvent::Loaded {
                    path,
                    signature,
                    options,
                } => {
                    self.state.add_recent(&path);
                    self.workspace.project.note_loaded(&path, &options);
                    self.state.remembered.insert(signature, options);
                }
                WorkspaceEvent::NeedsMapping { .. } => self.state.tab = Tab::Data,
            }
        }
    }

    fn handle(&mut self, command: Command) {
        match command {
            Command::OpenDialog => self
                .file_dialog
                .show(DialogPurpose::OpenData, self.wake.clone()),
            Command::SaveProjectDialog => self
                .file_dialog
                .show(DialogPurpose::SaveProject, self.wake.clone()),
            Command::OpenProjectDialog => self
                .file_dialog
                .show(DialogPurpose::OpenProject, self.wake.clone()),
            Command::SaveProject(path) => project::save(&mut self.workspace, &self.state, path),
            Command::OpenProject(path) => self.workspace.project.open(path),
            Command::Open(paths) => {
                for (folder, others) in folders_without_data(&paths) {
                    let message = no_data_message(&folder, others);
                    self.workspace.notify(Level::Error, message);
                }
                for path in expand_folders(&paths) {
                    let origin = origin_of(&path);
                    self.workspace.open(path, origin);
                }
            }
            Command::OpenDatabaseDialog => self.db_dialog.show(),
            Command::MakeParquetCopy { path, text_columns } => {
                let name = format!("parquet copy {}", file_name(&path));
                self.parquet_copy
                    .start(name, self.wake.clone(), move |progress| {
                        let read = ReadOptions {
                            text_columns,
                            ..ReadOptions::default()
                        };
                        let copy = cache::make(&path, &read, progress)?;
                        Ok(cache::made_message(&path, &copy))
                    });
            }
            Command::GoTo(tab) => self.state.tab = tab,
            Command::OpenSample => match sample_files() {
                Some(files) => {
                    for path in files {
                        self.workspace.open(path, Origin::Sample);
                    }
                }
                None => self
                    .workspace
                    .notify(Level::Error, tr!("notice-no-sample-store")),
            },
            Command::CampaignFileDialog {
                purpose,
                save,
                file_name,
            } => {
                if let Some(ctx) = &self.egui_ctx {
                    campaigns::dialog::show(ctx, purpose, save, &file_name);
                }
            }
            Command::RenameSegment { key, name } => {
                if name.is_empty() {
                    self.state.segment_names.remove(&key);
                } else {
                    self.state.segment_names.insert(key, name);
                }
            }
            Command::Workspace(command) => self.workspace.apply(*command),
        }
    }

    /// Asks the workspace for the view the table selection needs (cheap when unchanged).
    fn request_view(&mut self) {
        let tables = &self.workspace.store().tables;
        let chosen = self
            .state
            .table
            .table
            .as_ref()
            .and_then(|p| tables.iter().find(|t| &t.path == p))
            .or_else(|| tables.iter().find(|t| t.kind == FileKind::Orders))
            .or_else(|| tables.first());
        let Some(table) = chosen else {
            return;
        };
        let sort = self
            .state
            .table
            .sort
            .clone()
            .filter(|key| table.frame.column(&key.column).is_ok());
        let request = ViewRequest {
            table: table.path.clone(),
            sort,
            filter: self.state.table.filter.clone(),
        };
        self.workspace.set_view(request);
    }
}

impl eframe::App for MarketbenchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

fn tabs_ui(ui: &mut egui::Ui, tab: &mut Tab) {
    ui.add_space(8.0);
    for candidate in Tab::ALL {
        let selected = *tab == candidate;
        let label = egui::RichText::new(candidate.label()).size(15.0);
        if ui
            .add_sized(
                [ui.available_width(), 28.0],
                egui::Button::selectable(selected, label),
            )
            .clicked()
        {
            *tab = candidate;
        }
    }
}

fn notices_ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Commands) {
    ui.add_space(4.0);
    for notice in workspace.notices() {
        ui.horizontal(|ui| {
            if ui.button(tr!("notice-dismiss")).clicked() {
                commands.send(crate::workspace::Command::Dismiss(notice.id));
            }
            let color = match notice.level {
                Level::Error => ui.visuals().error_fg_color,
                Level::Info => ui.visuals().text_color(),
            };
            ui.add(egui::Label::new(egui::RichText::new(&notice.text).color(color)).wrap());
        });
    }
    ui.add_space(4.0);
}

/// While files are dragged over the window, say what dropping them does.
fn drop_hint_ui(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_hint"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        tr!("drop-hint"),
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}

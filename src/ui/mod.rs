//! The eframe app: one file per panel. Panels draw from the `Workspace` and the saved
//! `UiState` and send `Command`s; the app carries them out after the frame, and the
//! workspace's update step starts what is stale for the tab on screen.

pub mod app;
mod bars;
mod behaviour;
mod behaviour_panel;
pub mod campaigns;
mod campaigns_panel;
mod command;
mod data_panel;
pub mod db_dialog;
mod db_dialog_view;
mod export_controls;
mod file_dialog;
pub mod fonts;
mod forecast;
mod forecast_panel;
pub mod format;
pub mod glossary;
pub mod guide;
mod labelled;
pub mod mapping_panel;
mod project;
mod project_prompt;
mod recommend;
mod recommend_panel;
pub mod revenue_chart;
mod segments;
mod segments_panel;
mod service;
mod service_panel;
pub mod sorted_table;
pub mod state;
mod summed;
mod table_view;
mod toolbar;
mod value;
pub mod value_panel;

use std::path::PathBuf;

pub use app::MarketbenchApp;
pub use command::{Command, Commands};
pub use project::unreadable_setting;
pub use state::{Tab, Theme, UiState};

/// Opens the window with `files` loaded (the sample store on a first launch when
/// no files are given). Returns when the window is closed.
pub fn run(files: Vec<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Marketbench")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Marketbench",
        options,
        Box::new(move |cc| Ok(Box::new(MarketbenchApp::from_creation_context(cc, files)))),
    )
    // eframe::Error is not Send + Sync with glow: keep its text only.
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}

//! The eframe app.

use std::path::PathBuf;

/// Opens the window with `files` loaded (the sample store when empty and first run).
pub fn run(_files: Vec<PathBuf>) -> anyhow::Result<()> {
    todo!("ui helper")
}

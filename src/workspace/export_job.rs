//! The export job the Segments and Value tabs share: build a table, write it to a
//! path as CSV (UTF-8 with a BOM) or XLSX (by the extension) atomically through
//! `crate::export`, and report "Wrote N customers to PATH" in the slot.
//! The table is built inside the job, so a large one never holds up the window.

use std::path::PathBuf;

use polars::prelude::DataFrame;

use crate::export::{ExportFormat, write_table};
use crate::jobs::{Slot, Wake};

/// Starts writing the table `build` returns to `path` in `slot` (replacing a
/// running export). An unknown extension is the job's error, before any work.
pub fn start_export(
    slot: &mut Slot<String>,
    name: &str,
    wake: Wake,
    path: PathBuf,
    build: impl FnOnce() -> anyhow::Result<DataFrame> + Send + 'static,
) {
    slot.start(name, wake, move |progress| {
        progress.set_message(format!("writing {}", path.display()));
        let format = ExportFormat::from_path(&path)?;
        let frame = build()?;
        progress.check()?;
        write_table(&frame, &path, format)?;
        Ok(format!(
            "Wrote {} customers to {}",
            frame.height(),
            path.display()
        ))
    });
}

//! The export job the tabs share: build a table inside the job (a large one never
//! holds up the window), write it to a path by its extension (`.csv` UTF-8 with a
//! BOM, `.xlsx`, `.parquet`) atomically through `export::write_frame`, and report
//! what was written ("Wrote N customers to PATH", the full path) in the slot. A
//! relative path goes beside the data files ([`beside_data`]).

use std::path::{Path, PathBuf};

use polars::prelude::DataFrame;

use crate::data::Store;
use crate::export::{ExportFormat, write_frame};
use crate::jobs::{Slot, Wake};
use crate::tr;

/// Starts writing the table `build` returns to `path` in `slot` (replacing a
/// running export); `describe` says what was written. An unknown extension is
/// the job's error, before any work.
pub fn start_export(
    slot: &mut Slot<String>,
    name: &str,
    wake: Wake,
    path: PathBuf,
    build: impl FnOnce() -> anyhow::Result<DataFrame> + Send + 'static,
    describe: impl FnOnce(&DataFrame, &Path) -> String + Send + 'static,
) {
    slot.start(name, wake, move |progress| {
        progress.set_message(tr!(
            "workspace-writing-file",
            path = path.display().to_string()
        ));
        if !is_parquet(&path) {
            ExportFormat::from_path(&path)?;
        }
        let frame = build()?;
        progress.check()?;
        write_frame(&frame, &path)?;
        Ok(describe(&frame, &path))
    });
}

/// Where an export typed as `path` goes: a relative path beside the first data
/// file of `store` (never silently the process's working folder), as a full path.
pub fn beside_data(store: &Store, path: PathBuf) -> PathBuf {
    let path = match (path.is_relative(), store.tables.first()) {
        (true, Some(table)) => table
            .path
            .parent()
            .map_or(path.clone(), |folder| folder.join(&path)),
        _ => path,
    };
    std::path::absolute(&path).unwrap_or(path)
}

/// "Wrote N customers to PATH": what the customer tables' exports say.
pub fn wrote_customers(frame: &DataFrame, path: &Path) -> String {
    tr!(
        "workspace-wrote-customers",
        count = frame.height().to_string(),
        path = path.display().to_string()
    )
}

fn is_parquet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

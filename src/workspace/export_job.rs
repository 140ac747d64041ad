//! The export job the tabs share: build a table inside the job (a large one never
//! holds up the window), write it to a path by its extension (`.csv` UTF-8 with a
//! BOM, `.xlsx`, `.parquet`) atomically through `export::write_frame`, and report
//! what was written ("Wrote N customers to PATH", the full path) in the slot. A
//! relative path goes beside the data files ([`beside_data`]). The column
//! headers are the ones chosen when the export starts (`export::headers`).

use std::path::{Path, PathBuf};

use polars::prelude::DataFrame;

use crate::data::Store;
use crate::export::headers::{self, Headers};
use crate::export::{ExportFormat, write_frame};
use crate::jobs::{Slot, Wake};
use crate::tr;

/// Starts writing the table `build` returns to `path` in `slot` (replacing a
/// running export) under the headers chosen in the window; `describe` says what
/// was written. An unknown extension is the job's error, before any work.
pub fn start_export(
    slot: &mut Slot<String>,
    name: &str,
    wake: Wake,
    path: PathBuf,
    build: impl FnOnce() -> anyhow::Result<DataFrame> + Send + 'static,
    describe: impl FnOnce(&DataFrame, &Path) -> String + Send + 'static,
) {
    let headers = headers::chosen();
    start_export_as(slot, name, wake, path, headers, build, describe);
}

/// [`start_export`] under `headers`.
fn start_export_as(
    slot: &mut Slot<String>,
    name: &str,
    wake: Wake,
    path: PathBuf,
    headers: Headers,
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
        write_frame(&headers.applied(&frame)?, &path)?;
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
        count = crate::numbers::count(frame.height()),
        path = path.display().to_string()
    )
}

fn is_parquet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::df;

    #[test]
    fn the_export_job_writes_the_headers_it_was_given() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("members.csv");
        let mut slot = Slot::default();
        start_export_as(
            &mut slot,
            "export",
            crate::jobs::no_wake(),
            path.clone(),
            Headers::Chinese,
            || Ok(df!("customer_id" => ["C1"], "segment_name" => ["Loyal"])?),
            |frame, _| frame.get_column_names()[0].to_string(),
        );
        while slot.pending().is_some() {
            slot.poll();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        // The outcome speaks of the table's own columns; the file has the headers.
        assert_eq!(slot.value().map(String::as_str), Some("customer_id"));
        let text = std::fs::read_to_string(&path).expect("written");
        let header = text.trim_start_matches('\u{feff}').lines().next();
        assert_eq!(header, Some("客户ID,分群名称"));
    }
}

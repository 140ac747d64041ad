//! The jobs that bring a file in: inspect it, load it as mapped, or load rows
//! fetched from a database through the same mapping and cleaning.

use std::path::Path;

use polars::prelude::DataFrame;

use super::file_name;
use crate::data::{self, Inspection, LoadOptions, Table};
use crate::jobs::{Job, Wake, spawn};
use crate::tr;

pub(super) fn inspect_job(path: &Path, sheet: Option<String>, wake: Wake) -> Job<Inspection> {
    let path = path.to_path_buf();
    let name = format!("inspect {}", file_name(&path));
    spawn(name, 0, wake, move |progress| {
        progress.set_message(tr!("workspace-reading-file", file = file_name(&path)));
        Ok(data::inspect(&path, sheet.as_deref())?)
    })
}

/// Loads rows fetched from a database through the same mapping and cleaning as a file.
pub(super) fn fetched_load_job(
    rows: DataFrame,
    inspection: &Inspection,
    options: LoadOptions,
    wake: Wake,
) -> Job<Table> {
    let inspection = inspection.clone();
    let name = format!("load {}", file_name(&inspection.path));
    spawn(name, 0, wake, move |progress| {
        let source = file_name(&inspection.path);
        progress.set_message(tr!("workspace-loading-file", file = source));
        let mut table = data::db::load_source(rows, &inspection, &options, progress)?;
        table.frame.rechunk_mut_par();
        Ok(table)
    })
}

pub(super) fn load_job(path: &Path, options: LoadOptions, wake: Wake) -> Job<Table> {
    let path = path.to_path_buf();
    let name = format!("load {}", file_name(&path));
    spawn(name, 0, wake, move |progress| {
        progress.set_message(tr!("workspace-loading-file", file = file_name(&path)));
        let mut table = data::load(&path, &options, progress)?;
        table.frame.rechunk_mut_par();
        Ok(table)
    })
}

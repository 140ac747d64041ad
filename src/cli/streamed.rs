//! The streamed path of `rfm`, `segment`, `forecast` and `recommend`: one
//! local CSV or Parquet orders file whose load would be refused for memory is
//! summed by polars' streaming engine instead (`data::scan`), and the output
//! says so in its first line. `recommend` streams for popularity and item-kNN
//! (`analysis::recommend::pairs`); its other models, explicit ratings and the
//! commands that need the lines (propensity, `forecast --by`) are refused with
//! the memory figures.

use std::path::PathBuf;

use anyhow::{Context, bail};

use super::LoadArgs;
use crate::analysis::recommend::pairs::{fits_streamed, interactions_from_scan};
use crate::analysis::recommend::{Interactions, ModelKind};
use crate::data::memory::human;
use crate::data::scan::{Scan, needs_lines, too_big_to_load};
use crate::data::{self, FileKind, Role};
use crate::tr;

/// A file to stream and the line that says so.
pub struct Streamed {
    pub scan: Scan,
    pub note: String,
    /// What loading needs and what is free (for a refusal of what needs lines).
    need: u64,
    free: u64,
}

impl Streamed {
    /// The error for `what`, which needs the lines of the streamed file.
    pub fn needs_lines(&self, what: &str) -> anyhow::Error {
        anyhow::anyhow!(needs_lines(what, &self.scan.file(), self.need, self.free))
    }
}

/// The streamed path for `files`, when they are one local orders file (CSV in
/// UTF-8, or Parquet) and no database source, and loading it would be refused
/// for memory. None: load as usual (which refuses with the figures when the
/// file cannot be streamed either).
pub fn streamed(files: &[PathBuf], args: &LoadArgs) -> anyhow::Result<Option<Streamed>> {
    let ([path], None) = (files, &args.database.db) else {
        return Ok(None);
    };
    if path.is_dir() {
        return Ok(None);
    }
    let Some((need, free)) = too_big_to_load(path) else {
        return Ok(None);
    };
    args.check()?;
    let inspection = data::inspect(path, args.sheet.as_deref())
        .with_context(|| format!("inspecting {}", path.display()))?;
    for (role, column) in args.overrides() {
        if !inspection.columns.iter().any(|c| c.name == column) {
            let names: Vec<&str> = inspection.columns.iter().map(|c| c.name.as_str()).collect();
            bail!(
                "--{} {column}: {} has no column named '{column}'. The columns are: {}",
                role.cli_flag(),
                path.display(),
                names.join(", ")
            );
        }
    }
    let options = args.options_for(&inspection);
    if options.kind != FileKind::Orders {
        return Ok(None);
    }
    let Some(scan) = Scan::new(&inspection, &options) else {
        return Ok(None);
    };
    let note = tr!(
        "scan-streamed",
        need = human(need),
        free = human(free),
        passes = scan.passes.to_string()
    );
    Ok(Some(Streamed {
        scan,
        note,
        need,
        free,
    }))
}

/// The interactions of a streamed orders file for `model`, with the line that
/// says so; None when `files` are not streamed (load them). Refused with the
/// memory figures for a model that needs more than the customer × item matrix
/// and for a file with ratings (explicit feedback needs the lines).
pub fn streamed_interactions(
    files: &[PathBuf],
    args: &LoadArgs,
    model: ModelKind,
) -> anyhow::Result<Option<(Interactions, String)>> {
    let Some(streamed) = streamed(files, args)? else {
        return Ok(None);
    };
    if !fits_streamed(model) {
        return Err(streamed.needs_lines(&format!("--model {}", model.name())));
    }
    if streamed.scan.maps(Role::Rating) {
        return Err(streamed.needs_lines(&Role::Rating.label()));
    }
    let interactions = interactions_from_scan(&streamed.scan)
        .with_context(|| format!("reading the purchases of {}", streamed.scan.file()))?
        .filter(|i| !i.events.is_empty())
        .ok_or_else(|| anyhow::anyhow!(tr!("workspace-orders-no-purchase")))?;
    Ok(Some((interactions, streamed.note)))
}

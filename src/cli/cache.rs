//! `marketbench cache FILE...`: reads each delimited text file as a load with
//! the same roles would, and writes its Parquet copy beside it
//! (`data::load::cache`), so every later command and the window open it fast.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::LoadArgs;
use crate::data;
use crate::data::load::{cache, read_options};
use crate::jobs::Progress;

#[derive(Debug, Args)]
pub struct CacheArgs {
    /// Delimited text files (CSV, TSV, TXT) to copy to Parquet beside them.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Role overrides, as the later loads will give them (they decide which
    /// columns are kept as text).
    #[command(flatten)]
    pub load: LoadArgs,
}

pub fn run(args: &CacheArgs) -> anyhow::Result<String> {
    args.load.check()?;
    let mut out = Vec::new();
    for path in data::expand_folders(&args.files) {
        let inspection =
            data::inspect(&path, None).with_context(|| format!("inspecting {}", path.display()))?;
        let read = read_options(&args.load.options_for(&inspection));
        let copy = cache::make(&path, &read, &Progress::detached())?;
        out.push(cache::made_message(&path, &copy));
    }
    Ok(out.join("\n"))
}

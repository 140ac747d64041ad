//! `inspect` and `load`: roles, dates, cleaning and the load report.

use std::path::Path;

use super::{DataError, Inspection, LoadOptions, Table};
use crate::jobs::Progress;

/// Reads the header and a sample of `path` and proposes how to load it.
pub fn inspect(_path: &Path, _sheet: Option<&str>) -> Result<Inspection, DataError> {
    todo!("load helper")
}

/// Loads the whole file as the operator confirmed it.
pub fn load(
    _path: &Path,
    _options: &LoadOptions,
    _progress: &Progress,
) -> Result<Table, DataError> {
    todo!("load helper")
}

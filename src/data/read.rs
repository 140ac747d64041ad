//! Reading a file's bytes into a raw polars frame: format and encoding detection,
//! delimiter sniffing, Excel sheets. No roles, no cleaning: that is `load`.

use std::path::Path;

use polars::prelude::DataFrame;

use super::{DataError, FileFormat, TextEncoding};

/// A file as read, columns named as in its header.
pub struct RawFile {
    pub frame: DataFrame,
    pub format: FileFormat,
    pub encoding: TextEncoding,
}

/// How to read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Excel: the sheet to read; None = the first.
    pub sheet: Option<String>,
    /// Read at most this many data rows (inspection); None = all.
    pub max_rows: Option<usize>,
    /// Columns to read as text whatever they look like (ids with leading zeros).
    pub text_columns: Vec<String>,
}

/// Reads `path` into a raw frame.
pub fn read_raw(_path: &Path, _options: &ReadOptions) -> Result<RawFile, DataError> {
    todo!("read helper")
}

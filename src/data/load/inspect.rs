//! `inspect`: a first look at a file before the operator confirms how to load it.
//!
//! Reads at most [`INSPECT_ROWS`] data rows, describes each column (name, polars
//! type, up to five non-empty sample values as text), proposes roles and the file
//! kind, and guesses the date format of the proposed timestamp column. The
//! `signature` is a stable FNV-1a 64 hash of the header names in order, so a
//! remembered mapping can be offered again when a file with the same header comes
//! back (the same on every run and machine, unlike std's hasher).

use std::path::Path;

use polars::prelude::*;

use super::problems::value_text;
use crate::data::read::{ReadOptions, read_raw};
use crate::data::{
    ColumnInfo, DataError, FileFormat, Inspection, Role, TextEncoding, dates, roles,
};

/// Rows read by `inspect`.
pub const INSPECT_ROWS: usize = 1_000;
/// Sample values kept per column.
const SAMPLES: usize = 5;

/// Reads the header and a sample of `path` and proposes how to load it.
pub fn inspect(path: &Path, sheet: Option<&str>) -> Result<Inspection, DataError> {
    let options = ReadOptions {
        sheet: sheet.map(str::to_string),
        max_rows: Some(INSPECT_ROWS),
        text_columns: Vec::new(),
    };
    let raw = read_raw(path, &options)?;
    Ok(inspect_frame(&raw.frame, path, raw.format, raw.encoding))
}

/// What [`inspect`] proposes for a frame already read (a file's first rows, or
/// rows fetched from a database): at most [`INSPECT_ROWS`] rows are looked at.
pub fn inspect_frame(
    frame: &DataFrame,
    path: &Path,
    format: FileFormat,
    encoding: TextEncoding,
) -> Inspection {
    let frame = frame.head(Some(INSPECT_ROWS));
    let columns = describe_columns(&frame);
    let mapping = roles::detect_roles(&columns);
    let kind = roles::detect_kind(&mapping);
    let date = mapping
        .get(&Role::Timestamp)
        .and_then(|name| frame.column(name).ok())
        .and_then(|column| dates::detect_date_format(column.as_materialized_series()));
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    Inspection {
        path: path.to_path_buf(),
        format,
        encoding,
        signature: header_signature(&names),
        columns,
        kind,
        mapping,
        date,
    }
}

/// Name, type and sample values of every column of `frame`.
pub fn describe_columns(frame: &DataFrame) -> Vec<ColumnInfo> {
    frame
        .columns()
        .iter()
        .map(|column| ColumnInfo {
            name: column.name().to_string(),
            dtype: column.dtype().to_string(),
            samples: samples(column),
        })
        .collect()
}

fn samples(column: &Column) -> Vec<String> {
    let mut out = Vec::with_capacity(SAMPLES);
    for index in 0..column.len() {
        if out.len() == SAMPLES {
            break;
        }
        if let Ok(value) = column.get(index) {
            let text = value_text(&value);
            if !text.trim().is_empty() {
                out.push(text);
            }
        }
    }
    out
}

/// FNV-1a 64 over the names joined by U+001F, as 16 hex digits.
pub fn header_signature(names: &[&str]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            hash = (hash ^ 0x1f).wrapping_mul(PRIME);
        }
        for byte in name.as_bytes() {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::header_signature;

    #[test]
    fn signature_is_fnv1a_of_joined_names() {
        // FNV-1a 64 of the empty string is the offset basis.
        assert_eq!(header_signature(&[]), "cbf29ce484222325");
        // FNV-1a 64("a") = af63dc4c8601ec8c (published test vector).
        assert_eq!(header_signature(&["a"]), "af63dc4c8601ec8c");
        assert_ne!(header_signature(&["a", "b"]), header_signature(&["b", "a"]));
        assert_ne!(header_signature(&["ab"]), header_signature(&["a", "b"]));
    }
}

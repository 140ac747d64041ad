//! Writing tables to files that spreadsheets, email tools and ad tools open.
//!
//! Contract:
//! - Atomic: a table is written to a temporary file beside the target, synced,
//!   then renamed over it. A failed or interrupted export leaves the previous
//!   file as it was and no temporary file behind (a killed one's is removed by
//!   the next export to the folder: [`temp`]).
//! - CSV (and Parquet): text cells and header names that begin with `=`, `+`,
//!   `-`, `@`, a tab or a carriage return get a leading `'`, so a spreadsheet
//!   shows them as text and never runs them as a formula. A phone number
//!   written with `+` (`+86 188 3484 8273`) is the exception: it cannot run
//!   anything and is written unaltered ([`is_phone_number`]). XLSX needs no prefix:
//!   its text cells are string cells, which Excel never evaluates, so they are
//!   written exactly as they are. Numbers are written as numbers, untouched.
//! - CSV: UTF-8, comma-separated, a header row, quotes where needed; with `bom`
//!   a UTF-8 byte order mark first, so Excel opens Chinese text correctly. Dates
//!   as `yyyy-mm-dd`, times as `yyyy-mm-dd hh:mm:ss`, nulls as empty cells.
//! - XLSX: one sheet with a bold, frozen header row; numbers, booleans, dates
//!   and times keep their type. Excel holds 1,048,575 data rows: a larger table is
//!   an error that suggests CSV.

pub mod campaign;
pub mod hashing;
pub mod headers;
mod outcome;
pub mod sent;
pub mod temp;
mod xlsx;

use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::tr;

/// The most data rows an Excel sheet holds (below the header row).
pub const XLSX_MAX_ROWS: usize = 1_048_575;

/// A file format tables are exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated UTF-8; `bom` puts a byte order mark first (for Excel).
    Csv {
        bom: bool,
    },
    Xlsx,
}

impl ExportFormat {
    /// The format a file name asks for: `.csv` (with a BOM, for Excel) or `.xlsx`.
    pub fn from_path(path: &Path) -> Result<ExportFormat, ExportError> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match extension.as_str() {
            "csv" => Ok(ExportFormat::Csv { bom: true }),
            "xlsx" => Ok(ExportFormat::Xlsx),
            _ => Err(ExportError::UnsupportedFormat {
                file: path.to_path_buf(),
                extension,
            }),
        }
    }
}

/// `value` rounded to `decimals` places, as the tables show it (no
/// `200.45999999999998` in a file).
pub fn rounded(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// Columns holding a probability or a share (0 to 1, written as fractions),
/// shown and written to 3 decimals.
pub const FRACTION_COLUMNS: [&str; 4] = ["propensity", "churn_risk", "p_alive", "discount_share"];

/// Decimals a figure of `column` is shown and written with: 3 for a
/// probability or share ([`FRACTION_COLUMNS`]), 2 for every other figure
/// (money, averages, predicted counts).
pub fn decimals_of(column: &str) -> i32 {
    if FRACTION_COLUMNS.contains(&column) {
        3
    } else {
        2
    }
}

/// `frame` with every float column rounded to [`decimals_of`] its name, as the
/// screen shows it (no `801.7692307692307`).
pub fn rounded_frame(frame: &DataFrame) -> PolarsResult<DataFrame> {
    let columns = frame
        .columns()
        .iter()
        .map(|column| match column.dtype() {
            DataType::Float32 | DataType::Float64 => {
                let decimals = decimals_of(column.name().as_str());
                let values = column.cast(&DataType::Float64)?;
                let values = values.f64()?.apply_values(|v| rounded(v, decimals));
                Ok(values.into_column().with_name(column.name().clone()))
            }
            _ => Ok(column.clone()),
        })
        .collect::<PolarsResult<Vec<Column>>>()?;
    DataFrame::new(frame.height(), columns)
}

/// Why an export failed. Every message names the file and what to do, in the
/// window's language (the command line's is English).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}", tr!("export-unsupported-format", file = shown(file), extension = extension.as_str()))]
    UnsupportedFormat { file: PathBuf, extension: String },
    #[error("{}", tr!(
        "export-format-mismatch",
        file = shown(file),
        format = *format,
        expected = *expected,
        extension = extension.as_str()
    ))]
    FormatMismatch {
        file: PathBuf,
        format: &'static str,
        expected: &'static str,
        extension: String,
    },
    #[error("{}", tr!(
        "export-too-many-rows",
        file = shown(file),
        rows = crate::numbers::count(*rows),
        max = crate::numbers::count(XLSX_MAX_ROWS)
    ))]
    TooManyRows { file: PathBuf, rows: usize },
    #[error("{}", tr!("export-cannot-write", file = shown(file), reason = source.to_string()))]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", tr!("export-cannot-prepare", file = shown(file), reason = source.to_string()))]
    Polars {
        file: PathBuf,
        #[source]
        source: PolarsError,
    },
    #[error("{}", tr!("export-cannot-write-workbook", file = shown(file), reason = message.as_str()))]
    Xlsx { file: PathBuf, message: String },
    #[error("{}", tr!("export-invalid", file = shown(file), why = why.as_str()))]
    Invalid { file: PathBuf, why: String },
}

/// A path as messages show it.
fn shown(file: &Path) -> String {
    file.display().to_string()
}

/// Writes `frame` to `path` in `format`, atomically (see the module contract).
pub fn write_table(
    frame: &DataFrame,
    path: &Path,
    format: ExportFormat,
) -> Result<(), ExportError> {
    if format == ExportFormat::Xlsx && frame.height() > XLSX_MAX_ROWS {
        return Err(ExportError::TooManyRows {
            file: path.to_path_buf(),
            rows: frame.height(),
        });
    }
    let polars_failed = |source| ExportError::Polars {
        file: path.to_path_buf(),
        source,
    };
    let mut safe = match format {
        ExportFormat::Csv { .. } => neutralised(frame).map_err(polars_failed)?,
        ExportFormat::Xlsx => frame.clone(),
    };
    write_atomically(path, |temp, file| match format {
        ExportFormat::Csv { bom } => CsvWriter::new(file)
            .include_bom(bom)
            .with_date_format(Some("%Y-%m-%d".into()))
            .with_datetime_format(Some("%Y-%m-%d %H:%M:%S".into()))
            .finish(&mut safe)
            .map_err(polars_failed),
        ExportFormat::Xlsx => xlsx::write(&safe, temp).map_err(|message| ExportError::Xlsx {
            file: path.to_path_buf(),
            message,
        }),
    })
}

/// Writes `frame` atomically by the extension: `.parquet` with polars, `.csv`
/// (with a BOM) and `.xlsx` as [`write_table`] does.
pub fn write_frame(frame: &DataFrame, path: &Path) -> Result<(), ExportError> {
    let is_parquet = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    if !is_parquet {
        return write_table(frame, path, ExportFormat::from_path(path)?);
    }
    let mut frame = frame.clone();
    write_atomically(path, |_, file| {
        ParquetWriter::new(file)
            .finish(&mut frame)
            .map(|_| ())
            .map_err(|source| ExportError::Polars {
                file: path.to_path_buf(),
                source,
            })
    })
}

/// Runs `write` on a new temporary file beside `path` (its path and an open
/// handle), then syncs it and renames it to `path`. On any error the temporary
/// file is removed and `path` is left as it was. Temporary files that killed
/// exports left in the folder are removed first (see [`temp`]).
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&Path, &mut std::fs::File) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let io_failed = |source| ExportError::Io {
        file: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    temp::remove_stale(&folder);
    let (mut temp, _in_flight) = temp::create_in(&folder).map_err(io_failed)?;
    let temp_path = temp.path().to_path_buf();
    write(&temp_path, temp.as_file_mut())?;
    // A writer that replaced the file by path (XLSX) is reopened before syncing.
    std::fs::File::open(&temp_path)
        .and_then(|f| f.sync_all())
        .map_err(io_failed)?;
    // The temporary file is private (0600); the export gets the permissions of
    // the file it replaces, or the usual rw-r--r-- for a new one.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => default_permissions(temp.as_file()).map_err(io_failed)?,
    };
    std::fs::set_permissions(&temp_path, permissions).map_err(io_failed)?;
    temp.persist(path).map_err(|e| io_failed(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

/// Text that a spreadsheet would take for a formula, made plain text. A phone
/// number written with `+` is kept as it is (see [`is_phone_number`]).
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('+') if is_phone_number(text) => text.into(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// True for an international phone number as shops write it: `+`, then 6 to 15
/// digits with only spaces, `-`, `.`, `/` and brackets between them
/// (`+86 188 3484 8273`, `+1 (555) 123-4567`). Such a cell has no letter, quote,
/// `=`, `@`, `!` or `|`: a spreadsheet cannot call a function, reach another
/// cell, file or program through it, so it needs no `'`, which would break
/// the number for the tools it is imported into.
pub fn is_phone_number(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('+') else {
        return false;
    };
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    rest.starts_with(|c: char| c.is_ascii_digit())
        && (6..=15).contains(&digits)
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '/' | '(' | ')'))
}

/// `frame` with categorical columns as text and every text cell and header
/// neutralised.
pub(crate) fn neutralised(frame: &DataFrame) -> PolarsResult<DataFrame> {
    let columns = frame
        .columns()
        .iter()
        .map(|column| {
            let name = PlSmallStr::from(neutralise(column.name().as_str()).as_ref());
            let column = match column.dtype() {
                DataType::String | DataType::Categorical(..) | DataType::Enum(..) => {
                    let text = column.cast(&DataType::String)?;
                    let cleaned: StringChunked = text
                        .str()?
                        .iter()
                        .map(|cell| cell.map(neutralise))
                        .collect();
                    cleaned.into_column()
                }
                _ => column.clone(),
            };
            Ok(column.with_name(name))
        })
        .collect::<PolarsResult<Vec<Column>>>()?;
    DataFrame::new(frame.height(), columns)
}

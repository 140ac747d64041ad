//! Errors of the data layer. Every message names the file and, where it applies,
//! the row, column and value, and says what the operator can do.

use super::model::{FileKind, Role};

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error(
        "{file}: cannot read the file ({source}). Check that it exists and that you may read it."
    )]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{file}: unsupported file type '{extension}'. Marketbench reads CSV, TSV, TXT, Parquet, JSON, NDJSON, XLSX and XLS."
    )]
    UnsupportedFormat { file: String, extension: String },
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: row {row}, column '{column}': value '{value}' {problem}. {hint}")]
    BadValue {
        file: String,
        row: usize,
        column: String,
        value: String,
        // Boxed so the error stays small on the happy path (`Result<_, DataError>`).
        problem: Box<str>,
        hint: Box<str>,
    },
    #[error(
        "{file}: no column is mapped to {} which a {} file needs. Map a column to it in the mapping view, or pass --{} COLUMN.",
        role.label(), kind.label(), role.cli_flag()
    )]
    MissingRole {
        file: String,
        role: Role,
        kind: FileKind,
    },
    #[error("{file}: there is no column '{column}'. The columns are: {available}.")]
    UnknownColumn {
        file: String,
        column: String,
        available: String,
    },
    #[error("{file}: there is no sheet '{sheet}'. The sheets are: {available}.")]
    UnknownSheet {
        file: String,
        sheet: String,
        available: String,
    },
    #[error("{file}: the file has no data rows.")]
    Empty { file: String },
    #[error("loading was cancelled")]
    Cancelled,
    #[error("{file}: {context}: {source}")]
    Polars {
        file: String,
        context: String,
        #[source]
        source: polars::error::PolarsError,
    },
}

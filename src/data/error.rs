//! Errors of the data layer. Every message names the file and, where it applies,
//! the row, column and value, and says what the operator can do.

use super::model::{FileKind, Role};
use crate::tr;

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{}", tr!("data-error-io", file = .file.as_str(), source = .source.to_string()))]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}",
        tr!("data-error-unsupported", file = .file.as_str(), extension = .extension.as_str())
    )]
    UnsupportedFormat { file: String, extension: String },
    /// `message` says what is wrong with the file, in the current language.
    #[error("{}", tr!("data-error-parse", file = .file.as_str(), message = .message.as_str()))]
    Parse { file: String, message: String },
    #[error(
        "{}",
        tr!(
            "data-error-bad-value",
            file = .file.as_str(),
            row = .row.to_string(),
            column = .column.as_str(),
            value = .value.as_str(),
            problem = &**.problem,
            hint = &**.hint
        )
    )]
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
        "{}",
        tr!(
            "data-error-missing-role",
            file = .file.as_str(),
            role = .role.label(),
            kind = .kind.label(),
            flag = .role.cli_flag(),
        )
    )]
    MissingRole {
        file: String,
        role: Role,
        kind: FileKind,
    },
    #[error(
        "{}",
        tr!(
            "data-error-unknown-column",
            file = .file.as_str(),
            column = .column.as_str(),
            available = .available.as_str(),
        )
    )]
    UnknownColumn {
        file: String,
        column: String,
        available: String,
    },
    #[error(
        "{}",
        tr!(
            "data-error-unknown-sheet",
            file = .file.as_str(),
            sheet = .sheet.as_str(),
            available = .available.as_str(),
        )
    )]
    UnknownSheet {
        file: String,
        sheet: String,
        available: String,
    },
    #[error("{}", tr!("data-error-empty", file = .file.as_str()))]
    Empty { file: String },
    #[error("{}", tr!("data-error-cancelled"))]
    Cancelled,
    /// `context` says what was being done, in the current language; polars' own
    /// message follows.
    #[error(
        "{}",
        tr!(
            "data-error-polars",
            file = .file.as_str(),
            context = .context.as_str(),
            error = .source.to_string(),
        )
    )]
    Polars {
        file: String,
        context: String,
        #[source]
        source: polars::error::PolarsError,
    },
}

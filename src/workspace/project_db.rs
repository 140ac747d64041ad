//! Database sources of a project: a table or SELECT read from a server, saved
//! with the URL *without* its password and the mapping it was loaded with, and
//! read again when the project opens.
//!
//! Contract:
//! - What is saved is [`ProjectDatabase`]: the URL as `DbUrl::shown` gives it
//!   (never a password: [`ProjectDatabase::new`] and `Project::save` both strip
//!   one), the [`Source`], and the `LoadOptions` (kind, roles, date format).
//! - The window asks for the password when the project opens (the database
//!   dialog, filled in); the command line takes it from the environment
//!   (`MARKETBENCH_DB_PASSWORD`, `PGPASSWORD`, `MYSQL_PWD`), as `--db` does.
//! - Rows fetched again load with the saved options, without the mapping view;
//!   a column renamed since then fails that load with the usual message, and
//!   the window then shows the mapping view.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::data::db::{self, Connection, DbError, DbUrl, Source, redact};
use crate::data::{LoadOptions, Table};
use crate::jobs::Progress;

/// One database source of a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectDatabase {
    /// The server's URL without the password.
    pub url: String,
    /// The table or the SELECT read.
    pub source: Source,
    /// How its rows were loaded; `kind` says which file kind they are.
    pub options: LoadOptions,
}

impl ProjectDatabase {
    /// The source read from `url` (any password in it is dropped).
    pub fn new(url: &str, source: Source, options: LoadOptions) -> ProjectDatabase {
        ProjectDatabase {
            url: redact(url),
            source,
            options,
        }
    }

    /// The URL parsed (its password then comes from the environment, or
    /// `with_password`).
    pub fn parsed_url(&self) -> Result<DbUrl, DbError> {
        DbUrl::parse(&self.url)
    }

    /// The path the fetched table carries (`db::source_path`), which the window
    /// matches fetched rows against.
    pub fn table_path(&self) -> Result<PathBuf, DbError> {
        Ok(db::source_path(
            &self.parsed_url()?,
            &self.source,
            self.options.kind,
        ))
    }

    /// Fetches every row of the source over `connection` and loads them with
    /// the saved options (the command line's way; the window fetches through
    /// its dialog).
    pub fn fetch(
        &self,
        connection: &mut Connection,
        progress: &Progress,
    ) -> Result<Table, DbError> {
        let (inspection, raw) =
            db::inspect_source(connection, &self.source, self.options.kind, None)?;
        db::load_source(raw, &inspection, &self.options, progress)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::FileKind;

    #[test]
    fn a_saved_source_keeps_no_password_and_names_its_table() {
        let options = LoadOptions {
            kind: FileKind::Orders,
            mapping: Default::default(),
            date_format: None,
            sheet: None,
            keep_far_dates: false,
        };
        let saved = ProjectDatabase::new(
            "postgres://me:s3cret@db.example:5433/shop",
            Source::Table("public.orders".into()),
            options,
        );
        assert_eq!(saved.url, "postgres://me@db.example:5433/shop");
        let json = serde_json::to_string(&saved).expect("json");
        assert!(!json.contains("s3cret"), "{json}");
        assert!(
            json.contains(r#""source":{"table":"public.orders"}"#),
            "{json}"
        );
        let back: ProjectDatabase = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, saved);
        assert_eq!(
            back.table_path().expect("path"),
            PathBuf::from("shop/public.orders")
        );
    }
}

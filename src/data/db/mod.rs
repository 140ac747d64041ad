//! Database sources: order lines, events, customers and products read from
//! PostgreSQL or a MySQL-protocol server (MySQL, MariaDB, StarRocks, Doris) instead
//! of a file.
//!
//! Contract:
//! - [`DbUrl`] parses `postgres://…` and `mysql://…` URLs, unix sockets included;
//!   the password is never shown, logged or stored ([`redact`], [`DbUrl::shown`]).
//! - A [`Source`] is a table name or a SELECT. [`Connection::count`] says how many
//!   rows it holds (`SELECT count(*) FROM (q) t`) before anything is fetched.
//! - [`Connection::fetch`] reads a source into a raw polars frame: PostgreSQL
//!   through `COPY (q) TO STDOUT (FORMAT csv, HEADER)`, streamed to a temporary
//!   file and read by the same CSV reader as a file (text-typed columns stay
//!   text, so ids keep their leading zeros); MySQL row by row into columns typed
//!   from the result's metadata (integers, floats and decimals, dates, text).
//! - [`load_source`] turns that frame into a [`Table`](crate::data::Table) through
//!   the same role detection, mapping and cleaning as a file
//!   (`load::inspect_frame`, `load::table_from_frame`).
//! - [`pushdown`] generates the per-customer aggregate RFM needs as SQL, so only
//!   one row per customer is fetched.
//! - Errors ([`DbError`]) name the SQL and the server's own message, and never
//!   the password.

mod mysql;
mod postgres;
pub mod pushdown;
mod url;

use std::path::PathBuf;

use polars::prelude::DataFrame;

use super::{DataError, FileKind, Inspection, LoadOptions, Table};
use crate::jobs::Progress;
pub use url::{DbUrl, Dialect, PASSWORD_VARIABLE, redact};

/// What went wrong talking to a database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database URL {url}: {why}")]
    Url { url: String, why: String },
    #[error("could not connect to {url}: {message}")]
    Connect { url: String, message: String },
    #[error("the database refused the query: {message}\nSQL: {sql}")]
    Query { sql: String, message: String },
    #[error("{what}: {source}")]
    Data {
        what: String,
        // Boxed so the error stays small on the happy path.
        #[source]
        source: Box<DataError>,
    },
}

/// What to read for one file kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Every row of a table (`schema.table` allowed).
    Table(String),
    /// The rows of a SELECT, as typed.
    Query(String),
}

impl Source {
    /// The SELECT that reads the source, without a trailing `;`.
    pub fn select(&self, dialect: Dialect) -> String {
        match self {
            Source::Table(name) => format!(
                "SELECT * FROM {}",
                name.split('.')
                    .map(|part| quote(dialect, part))
                    .collect::<Vec<_>>()
                    .join(".")
            ),
            Source::Query(sql) => sql.trim().trim_end_matches(';').trim_end().to_string(),
        }
    }

    /// How the source is named in reports and errors: the table, or "query".
    pub fn label(&self, kind: FileKind) -> String {
        match self {
            Source::Table(name) => name.clone(),
            Source::Query(_) => format!("{} query", kind.label().to_lowercase()),
        }
    }
}

/// `name` as a quoted identifier of `dialect`.
pub fn quote(dialect: Dialect, name: &str) -> String {
    match dialect {
        Dialect::Postgres => format!("\"{}\"", name.replace('"', "\"\"")),
        Dialect::Mysql => format!("`{}`", name.replace('`', "``")),
    }
}

/// An open connection.
pub enum Connection {
    Postgres {
        url: DbUrl,
        client: Box<::postgres::Client>,
    },
    Mysql {
        url: DbUrl,
        conn: Box<::mysql::Conn>,
    },
}

impl Connection {
    /// Connects to `url` (password from the URL or the environment: see [`DbUrl`]).
    pub fn open(url: &DbUrl) -> Result<Connection, DbError> {
        match url.dialect {
            Dialect::Postgres => postgres::connect(url).map(|client| Connection::Postgres {
                url: url.clone(),
                client: Box::new(client),
            }),
            Dialect::Mysql => mysql::connect(url).map(|conn| Connection::Mysql {
                url: url.clone(),
                conn: Box::new(conn),
            }),
        }
    }

    pub fn url(&self) -> &DbUrl {
        match self {
            Connection::Postgres { url, .. } | Connection::Mysql { url, .. } => url,
        }
    }

    pub fn dialect(&self) -> Dialect {
        self.url().dialect
    }

    /// The number of rows `source` would fetch.
    pub fn count(&mut self, source: &Source) -> Result<u64, DbError> {
        let sql = format!("SELECT count(*) FROM ({}) t", source.select(self.dialect()));
        match self {
            Connection::Postgres { client, .. } => postgres::count(client, &sql),
            Connection::Mysql { conn, .. } => mysql::count(conn, &sql),
        }
    }

    /// The rows of `select` as a raw frame, columns named as the result names them.
    pub fn fetch(&mut self, select: &str) -> Result<DataFrame, DbError> {
        match self {
            Connection::Postgres { client, .. } => postgres::fetch(client, select),
            Connection::Mysql { conn, .. } => mysql::fetch(conn, select),
        }
    }
}

/// The path a source's table carries (what `Store` keys tables by and reports
/// name): `database/label`.
pub fn source_path(url: &DbUrl, source: &Source, kind: FileKind) -> PathBuf {
    PathBuf::from(&url.database).join(source.label(kind))
}

/// Fetches `source` (its first `limit` rows, or all) and proposes how to load
/// it, as `inspect` does for a file; the kind is the one the operator chose.
pub fn inspect_source(
    connection: &mut Connection,
    source: &Source,
    kind: FileKind,
    limit: Option<usize>,
) -> Result<(Inspection, DataFrame), DbError> {
    let select = source.select(connection.dialect());
    let select = match limit {
        Some(n) => format!("SELECT * FROM ({select}) t LIMIT {n}"),
        None => select,
    };
    let raw = connection.fetch(&select)?;
    let path = source_path(connection.url(), source, kind);
    let format = super::FileFormat::Database {
        url: connection.url().shown(),
    };
    let mut inspection = super::load::inspect_frame(&raw, &path, format, super::TextEncoding::Utf8);
    inspection.kind = kind;
    Ok((inspection, raw))
}

/// The fetched rows of a source through the same mapping and cleaning as a file.
pub fn load_source(
    raw: DataFrame,
    inspection: &Inspection,
    options: &LoadOptions,
    progress: &Progress,
) -> Result<Table, DbError> {
    super::load::table_from_frame(raw, &inspection.path, options, progress).map_err(|source| {
        DbError::Data {
            what: format!("loading {}", inspection.path.display()),
            source: Box::new(source),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_quoted_and_a_query_loses_its_semicolon() {
        let table = Source::Table("shop.订单".into());
        assert_eq!(
            table.select(Dialect::Postgres),
            "SELECT * FROM \"shop\".\"订单\""
        );
        assert_eq!(table.select(Dialect::Mysql), "SELECT * FROM `shop`.`订单`");
        let query = Source::Query(" SELECT a FROM b ;\n".into());
        assert_eq!(query.select(Dialect::Mysql), "SELECT a FROM b");
        assert_eq!(quote(Dialect::Postgres, "a\"b"), "\"a\"\"b\"");
    }
}

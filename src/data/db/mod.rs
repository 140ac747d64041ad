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
//! - [`cancel`] stops a running query when the job that asked for it is
//!   cancelled.
//! - [`keyring`] keeps passwords the operator asks to remember in the desktop
//!   keyring; [`DbUrl::password`] falls back to it.
//! - Errors ([`DbError`]) name the SQL and the server's own message, and never
//!   the password; their text comes from the catalogue (`db.ftl`), so the window
//!   shows them in its language and the command line (which keeps English) in English.
//! - The window's dialog lists a server's tables ([`Connection::tables`]), counts
//!   and sizes each source before fetching ([`Connection::estimate`]), and fetches
//!   with progress and Cancel ([`inspect_source_with`]).

pub mod cancel;
pub mod keyring;
mod mysql;
mod postgres;
pub mod pushdown;
mod url;

use std::path::PathBuf;

use polars::prelude::DataFrame;

use super::{DataError, FileKind, Inspection, LoadOptions, Table};
use crate::jobs::Progress;
use crate::tr;
pub use url::{DbUrl, Dialect, PASSWORD_VARIABLE, redact};

/// What went wrong talking to a database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("{}", tr!("db-error-url", url = .url.as_str(), why = .why.as_str()))]
    Url { url: String, why: String },
    #[error("{}", tr!("db-error-connect", url = .url.as_str(), message = .message.as_str()))]
    Connect { url: String, message: String },
    #[error("{}", tr!("db-error-query", message = .message.as_str(), sql = .sql.as_str()))]
    Query { sql: String, message: String },
    /// The connection broke while rows were coming (the server stopped, the
    /// backend was ended, the network went): nothing of the fetch is kept.
    #[error("{}", tr!("db-error-lost", message = .message.as_str()))]
    Lost { message: String },
    /// `what` is already in the current language. `error` is said in the
    /// message, not chained as its source: a chain printed it twice.
    #[error("{what}: {error}")]
    Data {
        what: String,
        // Boxed so the error stays small on the happy path.
        error: Box<DataError>,
    },
    /// The operator pressed Cancel.
    #[error("{}", tr!("analysis-cancelled"))]
    Cancelled,
    /// A mapped column the database would read by its own rules, not as a
    /// load reads it (dates kept as text, amounts as text): its sums cannot be
    /// trusted to equal the loaded lines'. `needs` is in the current language.
    #[error("{}", tr!("db-pushdown-column-type", column = .column.as_str(), found = .found.as_str(), needs = .needs.as_str()))]
    ColumnType {
        column: String,
        found: String,
        needs: String,
    },
}

/// What a source's column holds, as the database types it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// A date or a timestamp.
    Time,
    /// An integer, a float or a decimal.
    Number,
    /// Anything else (text, JSON, money…).
    Other,
}

/// A column of a source as the database types it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypedColumn {
    pub name: String,
    pub kind: ColumnKind,
    /// The type as the server names it (`text`, `VARCHAR`, `int8`).
    pub type_name: String,
}

impl DbError {
    /// The error as one sentence for the window: a refused query without its
    /// SQL (the window shows that apart, [`DbError::sql`]); everything else as
    /// `Display` says it. Never with the password.
    pub fn sentence(&self) -> String {
        match self {
            DbError::Query { message, .. } => {
                tr!("db-error-query-short", message = message.as_str())
            }
            other => other.to_string(),
        }
    }

    /// The SQL a refused query ran.
    pub fn sql(&self) -> Option<&str> {
        match self {
            DbError::Query { sql, .. } => Some(sql),
            _ => None,
        }
    }
}

/// What to read for one file kind; a project saves it as `{"table": "orders"}`
/// or `{"query": "SELECT …"}`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Every row of a table (`schema.table` allowed).
    Table(String),
    /// The rows of a SELECT, as typed.
    Query(String),
}

impl Source {
    /// The SELECT that reads the source, without a trailing `;`. A query with
    /// a line comment (`-- …`, MySQL's `# …`) ends with a line break, so the
    /// comment does not swallow the `) t` of the SQL built around it.
    pub fn select(&self, dialect: Dialect) -> String {
        match self {
            Source::Table(name) => format!(
                "SELECT * FROM {}",
                name.split('.')
                    .map(|part| quote(dialect, part))
                    .collect::<Vec<_>>()
                    .join(".")
            ),
            Source::Query(sql) => {
                let mut select = sql.trim().trim_end_matches(';').trim_end().to_string();
                if select.contains("--") || select.contains('#') {
                    select.push('\n');
                }
                select
            }
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
    /// A refusal that mentions a password, when none was given, says where one goes.
    pub fn open(url: &DbUrl) -> Result<Connection, DbError> {
        let opened = match url.dialect {
            Dialect::Postgres => postgres::connect(url).map(|client| Connection::Postgres {
                url: url.clone(),
                client: Box::new(client),
            }),
            Dialect::Mysql => mysql::connect(url).map(|conn| Connection::Mysql {
                url: url.clone(),
                conn: Box::new(conn),
            }),
        };
        opened.map_err(|error| match error {
            DbError::Connect {
                url: shown,
                message,
            } if url.password().is_none() && message.to_lowercase().contains("password") => {
                let hint = tr!("db-no-password-given", variable = PASSWORD_VARIABLE);
                DbError::Connect {
                    url: shown,
                    message: format!("{message} ({hint})"),
                }
            }
            other => other,
        })
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

    /// Each column `source` gives, as the server types it, without reading a row.
    pub fn column_types(&mut self, source: &Source) -> Result<Vec<TypedColumn>, DbError> {
        let select = source.select(self.dialect());
        match self {
            Connection::Postgres { client, .. } => postgres::column_types(client, &select),
            Connection::Mysql { conn, .. } => mysql::column_types(conn, &select),
        }
    }

    /// Whether `source` is a table with a primary key, so that no two of its
    /// rows are the same (a query may repeat rows: false).
    pub fn has_primary_key(&mut self, source: &Source) -> Result<bool, DbError> {
        let Source::Table(name) = source else {
            return Ok(false);
        };
        let literal = |text: &str| format!("'{}'", text.replace('\'', "''"));
        let parts: Vec<&str> = name.split('.').collect();
        let sql = match self.dialect() {
            Dialect::Postgres => {
                let quoted: Vec<String> =
                    parts.iter().map(|p| quote(Dialect::Postgres, p)).collect();
                format!(
                    "SELECT count(*) FROM pg_index WHERE indisprimary \
                     AND indrelid = to_regclass({})",
                    literal(&quoted.join("."))
                )
            }
            Dialect::Mysql => {
                let (schema, table) = match parts.as_slice() {
                    [schema, table] => (literal(schema), literal(table)),
                    _ => ("DATABASE()".to_string(), literal(name)),
                };
                format!(
                    "SELECT count(*) FROM information_schema.table_constraints \
                     WHERE constraint_type = 'PRIMARY KEY' AND table_schema = {schema} \
                     AND table_name = {table}"
                )
            }
        };
        let keys = match self {
            Connection::Postgres { client, .. } => postgres::count(client, &sql),
            Connection::Mysql { conn, .. } => mysql::count(conn, &sql),
        }?;
        Ok(keys > 0)
    }

    /// The rows of `select` as a raw frame, columns named as the result names them.
    pub fn fetch(&mut self, select: &str) -> Result<DataFrame, DbError> {
        self.fetch_with(select, &Progress::detached(), None)
    }

    /// [`Connection::fetch`] reporting the rows read so far against `expected`
    /// (the count said before), and stopping with [`DbError::Cancelled`] when
    /// `progress` is cancelled. A dropped connection is a [`DbError::Query`].
    pub fn fetch_with(
        &mut self,
        select: &str,
        progress: &Progress,
        expected: Option<u64>,
    ) -> Result<DataFrame, DbError> {
        let rows = Rows { progress, expected };
        match self {
            Connection::Postgres { client, .. } => postgres::fetch(client, select, &rows),
            Connection::Mysql { conn, .. } => mysql::fetch(conn, select, &rows),
        }
    }

    /// The server's tables and views the operator can pick, sorted: `name` in the
    /// database's own schema (PostgreSQL's `public`, MySQL's database), else
    /// `schema.name`. System schemas are left out.
    pub fn tables(&mut self) -> Result<Vec<String>, DbError> {
        let sql = match self.dialect() {
            Dialect::Postgres => {
                "SELECT CASE WHEN table_schema = 'public' THEN table_name \
                 ELSE table_schema || '.' || table_name END AS name \
                 FROM information_schema.tables \
                 WHERE table_schema NOT IN ('pg_catalog', 'information_schema') \
                 AND table_schema NOT LIKE 'pg_toast%' ORDER BY 1"
            }
            Dialect::Mysql => {
                "SELECT table_name AS name FROM information_schema.tables \
                 WHERE table_schema = DATABASE() ORDER BY 1"
            }
        };
        match self {
            Connection::Postgres { client, .. } => postgres::names(client, sql),
            Connection::Mysql { conn, .. } => mysql::names(conn, sql),
        }
    }

    /// How many rows `source` would fetch and about how many bytes they take in
    /// memory once fetched: the first [`SIZE_SAMPLE`] rows are read and their
    /// size scaled to the count, so nothing large moves before the operator says so.
    pub fn estimate(&mut self, source: &Source) -> Result<Estimate, DbError> {
        let rows = self.count(source)?;
        let sample = format!(
            "SELECT * FROM ({}) t LIMIT {SIZE_SAMPLE}",
            source.select(self.dialect())
        );
        let frame = self.fetch(&sample)?;
        let per_row = match frame.height() {
            0 => 0.0,
            n => frame.estimated_size() as f64 / n as f64,
        };
        Ok(Estimate {
            rows,
            bytes: (per_row * rows as f64).ceil() as u64,
        })
    }
}

/// `error` and the errors under it, joined: a client's own error often says
/// only "error communicating with the server", the server's words lie below.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(inner) = source {
        let text = inner.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = inner.source();
    }
    parts.join(": ")
}

/// How many rows [`Connection::estimate`] reads to size a source.
pub const SIZE_SAMPLE: usize = 1000;

/// What a source would bring before it is fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub rows: u64,
    /// Bytes of memory the fetched rows take (scaled from a sample).
    pub bytes: u64,
}

/// Progress of a fetch, as the readers report it.
struct Rows<'a> {
    progress: &'a Progress,
    expected: Option<u64>,
}

impl Rows<'_> {
    /// Reports `done` rows read; `Err(Cancelled)` once the operator cancelled.
    fn read(&self, done: u64) -> Result<(), DbError> {
        if self.progress.is_cancelled() {
            return Err(DbError::Cancelled);
        }
        if let Some(total) = self.expected {
            self.progress.report(done.min(total), total);
        }
        Ok(())
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
    Ok(inspect_fetched(connection, source, kind, raw))
}

/// [`inspect_source`] of every row, with progress against `expected` rows and Cancel.
pub fn inspect_source_with(
    connection: &mut Connection,
    source: &Source,
    kind: FileKind,
    progress: &Progress,
    expected: Option<u64>,
) -> Result<(Inspection, DataFrame), DbError> {
    let select = source.select(connection.dialect());
    let raw = connection.fetch_with(&select, progress, expected)?;
    Ok(inspect_fetched(connection, source, kind, raw))
}

fn inspect_fetched(
    connection: &Connection,
    source: &Source,
    kind: FileKind,
    raw: DataFrame,
) -> (Inspection, DataFrame) {
    let path = source_path(connection.url(), source, kind);
    let format = super::FileFormat::Database {
        url: connection.url().shown(),
    };
    let mut inspection = super::load::inspect_frame(&raw, &path, format, super::TextEncoding::Utf8);
    inspection.kind = kind;
    (inspection, raw)
}

/// The fetched rows of a source through the same mapping and cleaning as a file.
pub fn load_source(
    raw: DataFrame,
    inspection: &Inspection,
    options: &LoadOptions,
    progress: &Progress,
) -> Result<Table, DbError> {
    super::load::table_from_frame(raw, &inspection.path, options, progress).map_err(|error| {
        DbError::Data {
            what: tr!("db-loading", source = inspection.path.display().to_string()),
            error: Box::new(error),
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
        let commented = Source::Query("SELECT a FROM b -- every row\n".into());
        assert_eq!(
            format!("({}) t", commented.select(Dialect::Postgres)),
            "(SELECT a FROM b -- every row\n) t"
        );
        assert_eq!(quote(Dialect::Postgres, "a\"b"), "\"a\"\"b\"");
    }
}

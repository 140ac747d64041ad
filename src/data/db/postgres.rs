//! PostgreSQL through the synchronous `postgres` client, without TLS (a local
//! socket or a trusted network; a server that insists on TLS says so in the
//! connection error).
//!
//! Rows come through `COPY (SELECT …) TO STDOUT (FORMAT csv, HEADER)`, streamed
//! to a temporary file and read by the file reader (`read::read_raw`), so a
//! table reads exactly as the same rows exported to CSV would. Columns the
//! server types as text are read as text whatever they look like (ids keep
//! their leading zeros), as a file's mapped id columns are.

use std::io::{Read, Write};

use ::postgres::types::Type;
use ::postgres::{Client, Config, NoTls};
use polars::prelude::DataFrame;

use super::{ColumnKind, DbError, DbUrl, Rows, TypedColumn};
use crate::data::read::{ReadOptions, read_raw};
use crate::tr;

/// Opens a connection to `url`.
pub fn connect(url: &DbUrl) -> Result<Client, DbError> {
    let mut config = Config::new();
    config.user(&url.user).dbname(&url.database);
    if let Some(password) = url.password() {
        config.password(password);
    }
    if let Some(socket) = &url.socket {
        config.host_path(socket);
    }
    if let Some(host) = &url.host {
        config.host(host);
    }
    if let Some(port) = url.port {
        config.port(port);
    }
    config
        .connect_timeout(std::time::Duration::from_secs(20))
        .connect(NoTls)
        .map_err(|e| DbError::Connect {
            url: url.shown(),
            message: message(&e),
        })
}

/// The server's own message of `error` (with its detail and hint when it gives them).
fn message(error: &::postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => {
            let mut text = db.message().to_string();
            for extra in [db.detail(), db.hint()].into_iter().flatten() {
                text.push_str(". ");
                text.push_str(extra);
            }
            text
        }
        // "invalid configuration" alone does not say what: its cause does.
        None => {
            let mut text = error.to_string();
            let mut cause = std::error::Error::source(error);
            while let Some(inner) = cause {
                text.push_str(": ");
                text.push_str(&inner.to_string());
                cause = inner.source();
            }
            text
        }
    }
}

fn query_error(sql: &str) -> impl Fn(::postgres::Error) -> DbError + '_ {
    move |e| DbError::Query {
        sql: sql.to_string(),
        message: message(&e),
    }
}

/// The single number `sql` returns.
pub fn count(client: &mut Client, sql: &str) -> Result<u64, DbError> {
    let row = client.query_one(sql, &[]).map_err(query_error(sql))?;
    let n: i64 = row.try_get(0).map_err(query_error(sql))?;
    Ok(n.max(0) as u64)
}

/// The first column of every row `sql` returns, as text.
pub fn names(client: &mut Client, sql: &str) -> Result<Vec<String>, DbError> {
    let rows = client.query(sql, &[]).map_err(query_error(sql))?;
    rows.iter()
        .map(|row| row.try_get::<_, String>(0).map_err(query_error(sql)))
        .collect()
}

/// Each column `select` gives, as the server types it: the statement is
/// prepared, not run.
pub fn column_types(client: &mut Client, select: &str) -> Result<Vec<TypedColumn>, DbError> {
    let statement = client.prepare(select).map_err(query_error(select))?;
    let kind = |t: &Type| match *t {
        Type::DATE | Type::TIMESTAMP | Type::TIMESTAMPTZ => ColumnKind::Time,
        Type::INT2 | Type::INT4 | Type::INT8 | Type::FLOAT4 | Type::FLOAT8 | Type::NUMERIC => {
            ColumnKind::Number
        }
        _ => ColumnKind::Other,
    };
    Ok(statement
        .columns()
        .iter()
        .map(|c| TypedColumn {
            name: c.name().to_string(),
            kind: kind(c.type_()),
            type_name: c.type_().name().to_string(),
        })
        .collect())
}

/// Bytes read between progress reports: often enough for a smooth bar and a
/// quick Cancel, rarely enough that reporting costs nothing.
const REPORT_EVERY: usize = 256 * 1024;

/// The rows of `select` as a raw frame (see the module doc).
pub fn fetch(client: &mut Client, select: &str, rows: &Rows<'_>) -> Result<DataFrame, DbError> {
    let statement = client.prepare(select).map_err(query_error(select))?;
    let text_columns = statement
        .columns()
        .iter()
        .filter(|c| {
            matches!(
                *c.type_(),
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME
            )
        })
        .map(|c| c.name().to_string())
        .collect();
    let copy = format!("COPY ({select}) TO STDOUT (FORMAT csv, HEADER)");
    let folder = tempfile::tempdir().map_err(io_error(&copy))?;
    let path = folder.path().join("rows.csv");
    let mut file = std::fs::File::create(&path).map_err(io_error(&copy))?;
    let mut reader = client.copy_out(copy.as_str()).map_err(query_error(&copy))?;
    let mut buffer = vec![0u8; 64 * 1024];
    // Lines seen so far, the header's included: a row per line but for quoted
    // line breaks, which only make the bar run a little ahead.
    let (mut lines, mut since_report) = (0u64, 0usize);
    loop {
        let n = reader.read(&mut buffer).map_err(interrupted(&copy))?;
        if n == 0 {
            break;
        }
        file.write_all(&buffer[..n]).map_err(io_error(&copy))?;
        lines += buffer[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        since_report += n;
        if since_report >= REPORT_EVERY {
            since_report = 0;
            rows.read(lines.saturating_sub(1))?;
        }
    }
    rows.read(lines.saturating_sub(1))?;
    file.flush().map_err(io_error(&copy))?;
    drop(reader);
    let options = ReadOptions {
        text_columns,
        ..ReadOptions::default()
    };
    read_raw(&path, &options)
        .map(|raw| raw.frame)
        .map_err(|error| DbError::Data {
            what: tr!("db-reading-rows", sql = select),
            error: Box::new(error),
        })
}

/// A read of the COPY stream of `sql` failed. The client wraps its own error
/// (which wraps the server's words) in the I/O error. The server's own error
/// (a value it cannot convert, met mid-query) is a refusal of `sql`; a FATAL
/// one or anything else is the connection breaking mid-fetch.
fn interrupted(sql: &str) -> impl Fn(std::io::Error) -> DbError + '_ {
    move |error| {
        match error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<::postgres::Error>())
        {
            // A FATAL error (the backend was ended) ends the connection too.
            Some(pg) if pg.as_db_error().is_some_and(|db| db.severity() == "ERROR") => {
                DbError::Query {
                    sql: sql.to_string(),
                    message: message(pg),
                }
            }
            Some(pg) if pg.as_db_error().is_some() => DbError::Lost {
                message: message(pg),
            },
            Some(pg) => DbError::Lost {
                message: super::error_chain(pg),
            },
            None => DbError::Lost {
                message: super::error_chain(&error),
            },
        }
    }
}

/// An I/O error while writing the rows to the temporary file (a full disk).
fn io_error(sql: &str) -> impl Fn(std::io::Error) -> DbError + '_ {
    move |e| DbError::Query {
        sql: sql.to_string(),
        message: e.to_string(),
    }
}

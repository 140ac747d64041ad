//! PostgreSQL through the synchronous `postgres` client, without TLS (a local
//! socket or a trusted network; a server that insists on TLS says so in the
//! connection error).
//!
//! Rows come through `COPY (SELECT …) TO STDOUT (FORMAT csv, HEADER)`, streamed
//! to a temporary file and read by the file reader (`read::read_raw`), so a
//! table reads exactly as the same rows exported to CSV would. Columns the
//! server types as text are read as text whatever they look like (ids keep
//! their leading zeros), as a file's mapped id columns are.

use std::io::Write;

use ::postgres::types::Type;
use ::postgres::{Client, Config, NoTls};
use polars::prelude::DataFrame;

use super::{DbError, DbUrl};
use crate::data::read::{ReadOptions, read_raw};

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
        None => error.to_string(),
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

/// The rows of `select` as a raw frame (see the module doc).
pub fn fetch(client: &mut Client, select: &str) -> Result<DataFrame, DbError> {
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
    std::io::copy(&mut reader, &mut file).map_err(io_error(&copy))?;
    file.flush().map_err(io_error(&copy))?;
    drop(reader);
    let options = ReadOptions {
        text_columns,
        ..ReadOptions::default()
    };
    read_raw(&path, &options)
        .map(|raw| raw.frame)
        .map_err(|source| DbError::Data {
            what: format!("reading the rows of {select}"),
            source: Box::new(source),
        })
}

/// An I/O error while copying rows: the connection dropped, or the disk is full.
fn io_error(sql: &str) -> impl Fn(std::io::Error) -> DbError + '_ {
    move |e| DbError::Query {
        sql: sql.to_string(),
        message: e.to_string(),
    }
}

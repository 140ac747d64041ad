//! MySQL protocol (MySQL, MariaDB, StarRocks, Doris) through the synchronous
//! `mysql` client, without TLS.
//!
//! Rows come as text (the plain query protocol) and are put into columns typed
//! from the result's metadata: integers as `Int64`, floats and decimals as
//! `Float64`, `DATE` as `Date`, `DATETIME`/`TIMESTAMP` as `Datetime(ms)`,
//! everything else as text. A zero date (`0000-00-00`) and a value that does
//! not read as its type are null.

use ::mysql::consts::ColumnType;
use ::mysql::prelude::Queryable;
use ::mysql::{Conn, OptsBuilder, Value};
use chrono::{NaiveDate, NaiveDateTime};
use polars::prelude::*;

use super::{ColumnKind, DbError, DbUrl, Rows, TypedColumn};

/// Opens a connection to `url`.
pub fn connect(url: &DbUrl) -> Result<Conn, DbError> {
    let mut options = OptsBuilder::new()
        .user(Some(&url.user))
        .pass(url.password())
        .db_name(Some(&url.database))
        .tcp_port(url.port.unwrap_or(3306))
        .tcp_connect_timeout(Some(std::time::Duration::from_secs(20)));
    if let Some(host) = &url.host {
        options = options.ip_or_hostname(Some(host));
    }
    if let Some(socket) = &url.socket {
        options = options.socket(Some(socket)).prefer_socket(true);
    }
    Conn::new(options).map_err(|e| DbError::Connect {
        url: url.shown(),
        message: message(&e),
    })
}

/// The server's own message of `error`.
fn message(error: &::mysql::Error) -> String {
    match error {
        ::mysql::Error::MySqlError(e) => e.message.clone(),
        other => other.to_string(),
    }
}

fn query_error(sql: &str) -> impl Fn(::mysql::Error) -> DbError + '_ {
    move |e| DbError::Query {
        sql: sql.to_string(),
        message: message(&e),
    }
}

/// The single number `sql` returns.
pub fn count(conn: &mut Conn, sql: &str) -> Result<u64, DbError> {
    let n: Option<u64> = conn.query_first(sql).map_err(query_error(sql))?;
    Ok(n.unwrap_or(0))
}

/// The first column of every row `sql` returns, as text.
pub fn names(conn: &mut Conn, sql: &str) -> Result<Vec<String>, DbError> {
    conn.query(sql).map_err(query_error(sql))
}

/// Each column `select` gives, as the server types it, from the metadata of
/// a result without rows.
pub fn column_types(conn: &mut Conn, select: &str) -> Result<Vec<TypedColumn>, DbError> {
    let sql = format!("SELECT * FROM ({select}) t LIMIT 0");
    let result = conn.query_iter(&sql).map_err(query_error(&sql))?;
    let kind = |t: ColumnType| match (t, Builder::for_type(t)) {
        // A year alone is no day to sum by.
        (ColumnType::MYSQL_TYPE_YEAR, _) => ColumnKind::Other,
        (_, Builder::Int(_) | Builder::Float(_)) => ColumnKind::Number,
        (_, Builder::Date(_) | Builder::DateTime(_)) => ColumnKind::Time,
        (_, Builder::Text(_)) => ColumnKind::Other,
    };
    let type_name = |t: ColumnType| match t {
        ColumnType::MYSQL_TYPE_VAR_STRING | ColumnType::MYSQL_TYPE_VARCHAR => "VARCHAR".into(),
        ColumnType::MYSQL_TYPE_STRING => "CHAR".into(),
        other => format!("{other:?}")
            .trim_start_matches("MYSQL_TYPE_")
            .to_string(),
    };
    Ok(result
        .columns()
        .as_ref()
        .iter()
        .map(|c| TypedColumn {
            name: c.name_str().into_owned(),
            kind: kind(c.column_type()),
            type_name: type_name(c.column_type()),
        })
        .collect())
}

/// Rows read between progress reports.
const REPORT_EVERY: usize = 4096;

/// One result column being filled.
enum Builder {
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Date(Vec<Option<i32>>),
    DateTime(Vec<Option<i64>>),
    Text(Vec<Option<String>>),
}

impl Builder {
    fn for_type(column_type: ColumnType) -> Builder {
        use ColumnType::*;
        match column_type {
            MYSQL_TYPE_TINY | MYSQL_TYPE_SHORT | MYSQL_TYPE_LONG | MYSQL_TYPE_INT24
            | MYSQL_TYPE_LONGLONG | MYSQL_TYPE_YEAR => Builder::Int(Vec::new()),
            MYSQL_TYPE_FLOAT | MYSQL_TYPE_DOUBLE | MYSQL_TYPE_DECIMAL | MYSQL_TYPE_NEWDECIMAL => {
                Builder::Float(Vec::new())
            }
            MYSQL_TYPE_DATE | MYSQL_TYPE_NEWDATE => Builder::Date(Vec::new()),
            MYSQL_TYPE_DATETIME
            | MYSQL_TYPE_TIMESTAMP
            | MYSQL_TYPE_DATETIME2
            | MYSQL_TYPE_TIMESTAMP2 => Builder::DateTime(Vec::new()),
            _ => Builder::Text(Vec::new()),
        }
    }

    fn push(&mut self, value: Value) {
        let text = match value {
            Value::NULL => None,
            Value::Bytes(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            other => Some(other.as_sql(true).trim_matches('\'').to_string()),
        };
        let text = text.as_deref();
        match self {
            Builder::Int(v) => v.push(text.and_then(|t| t.parse().ok())),
            Builder::Float(v) => v.push(text.and_then(|t| t.parse().ok())),
            Builder::Date(v) => v.push(text.and_then(|t| {
                let day = NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()?;
                Some((day - NaiveDate::default()).num_days() as i32)
            })),
            Builder::DateTime(v) => v.push(text.and_then(|t| {
                let time = NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S%.f").ok()?;
                Some(time.and_utc().timestamp_millis())
            })),
            Builder::Text(v) => v.push(text.map(str::to_string)),
        }
    }

    fn finish(self, name: &str) -> PolarsResult<Column> {
        let name = PlSmallStr::from(name);
        Ok(match self {
            Builder::Int(v) => Column::new(name, v),
            Builder::Float(v) => Column::new(name, v),
            Builder::Date(v) => Column::new(name, v).cast(&DataType::Date)?,
            Builder::DateTime(v) => {
                Column::new(name, v).cast(&DataType::Datetime(TimeUnit::Milliseconds, None))?
            }
            Builder::Text(v) => Column::new(name, v),
        })
    }
}

/// The rows of `select` as a raw frame (see the module doc).
pub fn fetch(conn: &mut Conn, select: &str, rows: &Rows<'_>) -> Result<DataFrame, DbError> {
    let failed = query_error(select);
    let mut result = conn.query_iter(select).map_err(&failed)?;
    let mut columns: Vec<(String, ColumnType)> = result
        .columns()
        .as_ref()
        .iter()
        .map(|c| (c.name_str().into_owned(), c.column_type()))
        .collect();
    // A repeated name (`SELECT a.id, b.id`) becomes `id_2`, as in a file's header.
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for (name, _) in &mut columns {
        let n = seen.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            name.push_str(&format!("_{n}"));
        }
    }
    let mut builders: Vec<Builder> = columns.iter().map(|(_, t)| Builder::for_type(*t)).collect();
    let mut height = 0;
    while let Some(row) = result.next() {
        let row = row.map_err(|e| match e {
            // The server's own error (a value that fails mid-query) is a refusal;
            // anything else is the connection breaking mid-fetch.
            ::mysql::Error::MySqlError(_) => failed(e),
            other => DbError::Lost {
                message: super::error_chain(&other),
            },
        })?;
        for (builder, value) in builders.iter_mut().zip(row.unwrap()) {
            builder.push(value);
        }
        height += 1;
        if height % REPORT_EVERY == 0
            && let Err(cancelled) = rows.read(height as u64)
        {
            // Dropping the result would read every row left before returning
            // (the client drains it); forgetting it returns at once and leaves
            // the connection unusable, which the caller drops anyway.
            std::mem::forget(result);
            return Err(cancelled);
        }
    }
    rows.read(height as u64)?;
    let frame = builders
        .into_iter()
        .zip(&columns)
        .map(|(b, (name, _))| b.finish(name))
        .collect::<PolarsResult<Vec<Column>>>()
        .and_then(|columns| DataFrame::new(height, columns));
    frame.map_err(|e| DbError::Query {
        sql: select.to_string(),
        message: e.to_string(),
    })
}

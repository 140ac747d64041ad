//! Placeholder dates in pushed-down sums: the loader's far-date rule
//! (`load::far_dates`) decided from what the database says about the dated
//! lines (their first and last day, then, only when that leaves a doubt, their
//! count per day), so the sums leave out the lines a load of the same rows
//! drops.

use polars::prelude::*;

use super::{Sql, fetch_sums};
use crate::data::db::{Connection, DbError, Dialect};
use crate::data::load::far_dates;
use crate::data::{Role, RoleMap};

/// Whether the sums leave out the lines the loader drops as placeholder dates
/// (`load::far_dates`): `Drop`, as a load does unless the operator keeps them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FarDates {
    Drop,
    Keep,
}

/// The first and last day kept (days since 1970-01-01, both kept); None: every
/// dated line counts.
pub type KeptDays = Option<(i32, i32)>;

/// The SQL of the dated lines of `select` per day (`unique`: its rows cannot
/// repeat): `d` (days since 1970-01-01) and `n`, every dated line as the
/// loader's far-date rule counts them (exact duplicates once). None without a
/// time column.
pub fn days_sql(dialect: Dialect, mapping: &RoleMap, select: &str, unique: bool) -> Option<String> {
    let sql = Sql {
        dialect,
        mapping,
        unique,
        days: None,
    };
    let ts = sql.time()?;
    let rows = match unique {
        true => select.to_string(),
        false => format!("SELECT DISTINCT * FROM ({select}) s"),
    };
    Some(format!(
        "SELECT {} AS d, COUNT(*) AS n FROM (SELECT CAST({ts} AS DATE) AS day \
         FROM ({rows}) b WHERE {ts} IS NOT NULL) x GROUP BY day",
        sql.epoch_days("day")
    ))
}

/// The SQL of the first and last day (`first`, `last`: days since 1970-01-01)
/// of the dated lines of `select`. None without a time column.
pub fn span_sql(dialect: Dialect, mapping: &RoleMap, select: &str) -> Option<String> {
    let sql = Sql {
        dialect,
        mapping,
        unique: true,
        days: None,
    };
    let ts = sql.column(Role::Timestamp)?;
    // MIN and MAX of the column itself: an index on it answers them, and
    // still does with PostgreSQL's infinities left out by a WHERE.
    let finite = match dialect {
        Dialect::Postgres => format!(" WHERE isfinite({ts})"),
        Dialect::Mysql => String::new(),
    };
    Some(format!(
        "SELECT {} AS first, {} AS last FROM ({select}) s{finite}",
        sql.epoch_days(&format!("CAST(MIN({ts}) AS DATE)")),
        sql.epoch_days(&format!("CAST(MAX({ts}) AS DATE)"))
    ))
}

/// The days the loader's far-date rule keeps among the dated lines of
/// `select`; None with `FarDates::Keep`, without a time column or a dated
/// line, or when no day can be far. The first and last day decide that
/// (`far_dates::may_be_far`: a shop's history of up to ten years); only
/// otherwise does the database count the lines per day ([`days_sql`]), which
/// takes a pass for exact duplicates (6 s on 2 M lines in PostgreSQL).
pub(super) fn kept_days(
    connection: &mut Connection,
    select: &str,
    mapping: &RoleMap,
    unique: bool,
    far: FarDates,
) -> Result<KeptDays, DbError> {
    let dialect = connection.dialect();
    let span = match far {
        FarDates::Keep => None,
        FarDates::Drop => span_sql(dialect, mapping, select),
    };
    let Some(span) = span else {
        return Ok(None);
    };
    let Some(frame) = fetch_sums(connection, &span)? else {
        return Ok(None);
    };
    let day = |name: &str| {
        frame
            .column(name)
            .and_then(|c| c.cast(&DataType::Int32))
            .ok()
            .and_then(|c| c.i32().ok().and_then(|v| v.get(0)))
    };
    let (Some(first), Some(last)) = (day("first"), day("last")) else {
        return Ok(None);
    };
    if !far_dates::may_be_far(first, last) {
        return Ok(None);
    }
    let Some(sql) = days_sql(dialect, mapping, select, unique) else {
        return Ok(None);
    };
    let Some(frame) = fetch_sums(connection, &sql)? else {
        return Ok(None);
    };
    let failed = |e: PolarsError| DbError::Query {
        sql: sql.clone(),
        message: e.to_string(),
    };
    let days = frame
        .column("d")
        .and_then(|c| c.cast(&DataType::Int32))
        .map_err(failed)?;
    let lines = frame
        .column("n")
        .and_then(|c| c.cast(&DataType::UInt64))
        .map_err(failed)?;
    let histogram: Vec<(i32, u64)> = days
        .i32()
        .map_err(failed)?
        .iter()
        .zip(lines.u64().map_err(failed)?.iter())
        .filter_map(|(d, n)| Some((d?, n?)))
        .collect();
    Ok((!histogram.is_empty()).then(|| far_dates::kept_days(&histogram)))
}

//! Aggregates computed by the database: the SQL is generated here and only its
//! result is fetched, one row per customer (or per period) instead of every
//! order line.
//!
//! [`customer_aggregate`] is `analysis::customers::customer_table`: the
//! database sums each customer's purchase days, orders, units and money, and
//! the derived figures come from the same `customer_columns` the loaded and
//! streamed paths use. [`series::shop_series`] is the shop's series of one
//! measure per day, week or month (`analysis::forecast::series_from_lines`),
//! densified by the same `series_of_sums`. The loader's rules are written as SQL
//! over the source's own columns:
//! - exact duplicate rows count once (`SELECT DISTINCT *`; a table with a
//!   primary key has none, and skips that pass); lines without a date, or with
//!   a mapped quantity, price or amount missing, are left out;
//! - a return is a line whose quantity or amount is below zero; a line is
//!   cancelled when its status contains one of `load::CANCEL_WORDS`
//!   (case-insensitive) and it is not a return;
//! - the amount is the amount column, else quantity × unit price, else there is
//!   no money (no `revenue`);
//! - the analysis date defaults to the day after the last purchase day; lines on
//!   or after it do not count; `orders` are distinct order ids among purchases
//!   (distinct purchase days without an order id column); `revenue` is net of
//!   returns, cancelled lines left out;
//! - placeholder dates are left out by the loader's rule (`load::far_dates`),
//!   unless `FarDates::Keep` (`--keep-far-dates`): when the first and last
//!   dated day are more than ten years apart or in an impossible year
//!   (`far_dates::may_be_far`), the database counts the dated lines per day
//!   ([`far_days`]), the fences come from that histogram
//!   (`far_dates::kept_days`), and every sum reads only the days between them.
//!
//! Times are read as a fetch reads them: PostgreSQL's `infinity` and
//! `-infinity` as no date (`Sql::time`), a `timestamptz` as the wall clock of
//! the session's time zone (`CAST(ts AS DATE)`, `CAST(ts AS TIMESTAMP)`).
//!
//! Ids are grouped and counted as a load compares them, byte for byte: on a
//! MySQL-protocol server, whose text comparisons follow a collation that is
//! usually blind to case and accents (`utf8mb4_general_ci` counts `c001` and
//! `C001` as one customer), by the hex of their bytes (`Sql::key`), decoded
//! after the fetch.
//!
//! Unlike a load, the time column must be a date or timestamp in the database,
//! and numbers must be numeric columns: [`typed`] checks the types before any
//! sum, and the command line fetches the lines when they are not.

pub mod baskets;
pub mod far_days;
pub mod purchases;
pub mod series;
pub mod typed;

use chrono::NaiveDate;
use polars::prelude::*;

use far_days::kept_days;
pub use far_days::{FarDates, KeptDays};
pub use typed::check_column_kinds;

use super::{Connection, DbError, Dialect, Source, quote};
use crate::analysis::customers::{CustomerTable, customer_columns};
use crate::analysis::lines::{date_from_days, days_from_date};
use crate::data::load::CANCEL_WORDS;
use crate::data::{DataError, Role, RoleMap};
use crate::tr;

/// The per-customer table, summed by the database.
#[derive(Clone, Debug)]
pub struct CustomerAggregate {
    /// As `analysis::customers::customer_table` gives it for the loaded lines.
    pub table: CustomerTable,
    /// Whether the lines carry money (an amount, or a quantity and a unit price).
    pub money: bool,
    /// The SQL that produced the table.
    pub sql: String,
}

/// Whether order lines mapped by `mapping` carry money: an amount, or a unit
/// price (times the quantity when there is one).
pub fn carries_money(mapping: &RoleMap) -> bool {
    mapping.contains_key(&Role::Amount) || mapping.contains_key(&Role::UnitPrice)
}

/// SQL pieces of one dialect.
struct Sql<'a> {
    dialect: Dialect,
    mapping: &'a RoleMap,
    /// The source's rows cannot repeat (a table with a primary key): no pass
    /// for exact duplicates.
    unique: bool,
    /// The days the far-date rule keeps (`far_days::kept_days`).
    days: KeptDays,
}

impl Sql<'_> {
    fn column(&self, role: Role) -> Option<String> {
        self.mapping.get(&role).map(|c| quote(self.dialect, c))
    }

    fn text(&self, expr: &str) -> String {
        match self.dialect {
            Dialect::Postgres => format!("CAST({expr} AS TEXT)"),
            Dialect::Mysql => format!("CAST({expr} AS CHAR)"),
        }
    }

    fn double(&self, expr: &str) -> String {
        match self.dialect {
            Dialect::Postgres => format!("CAST({expr} AS DOUBLE PRECISION)"),
            Dialect::Mysql => format!("CAST({expr} AS DOUBLE)"),
        }
    }

    /// An id column as the key the sums group and count by: its text, trimmed,
    /// NULL when empty. A MySQL-protocol server compares text by the
    /// connection's collation, blind to case and accents (`utf8mb4_general_ci`:
    /// `c001` = `C001`), so there the key is the hex of its bytes, exact as a
    /// load compares ids; [`ids_as_text`] turns fetched keys back into text.
    fn key(&self, column: &str) -> String {
        let trimmed = format!("NULLIF(TRIM({}), '')", self.text(column));
        match self.dialect {
            Dialect::Postgres => trimmed,
            Dialect::Mysql => format!("HEX({trimmed})"),
        }
    }

    /// The time column, PostgreSQL's `infinity` and `-infinity` as NULL (a
    /// fetch reads them as no date; they would make the day arithmetic fail).
    fn time(&self) -> Option<String> {
        let ts = self.column(Role::Timestamp)?;
        Some(match self.dialect {
            Dialect::Postgres => format!("(CASE WHEN isfinite({ts}) THEN {ts} END)"),
            Dialect::Mysql => ts,
        })
    }

    /// `a` and `b` as one text with a separator.
    fn concat(&self, a: &str, b: &str) -> String {
        match self.dialect {
            Dialect::Postgres => format!("({a} || '|' || {b})"),
            Dialect::Mysql => format!("CONCAT({a}, '|', {b})"),
        }
    }

    fn epoch_days(&self, expr: &str) -> String {
        match self.dialect {
            Dialect::Postgres => format!("({expr} - DATE '1970-01-01')"),
            Dialect::Mysql => format!("DATEDIFF({expr}, DATE '1970-01-01')"),
        }
    }

    /// The amount of a line, when the lines carry money.
    fn amount(&self) -> Option<String> {
        match (
            self.column(Role::Amount),
            self.column(Role::Quantity),
            self.column(Role::UnitPrice),
        ) {
            (Some(amount), _, _) => Some(self.double(&amount)),
            (None, Some(q), Some(p)) => Some(format!("{} * {}", self.double(&q), self.double(&p))),
            (None, None, Some(p)) => Some(self.double(&p)),
            _ => None,
        }
    }

    /// One row per kept line of `select`: `customer`, `day`, `order_key`, `ret`,
    /// `canc` (0/1), `net` and `qty` (the quantity; NULL without a quantity column).
    fn lines(&self, select: &str) -> Result<String, String> {
        self.lines_with(select, &[], !self.unique)
    }

    /// [`Sql::lines`] with more columns: `(expression over the source's
    /// columns, name)`; exact duplicate rows counted once when `dedupe` (a
    /// figure they cannot change, such as the last day, skips that pass).
    fn lines_with(
        &self,
        select: &str,
        extra: &[(String, &str)],
        dedupe: bool,
    ) -> Result<String, String> {
        let ts = self.time().ok_or_else(|| Role::Timestamp.label())?;
        let customer = match self.column(Role::CustomerId) {
            Some(c) => self.key(&c),
            None => self.text("NULL"),
        };
        let day = format!("CAST({ts} AS DATE)");
        let order_key = match self.column(Role::OrderId) {
            Some(order) => self.key(&order),
            None => self.text(&day),
        };
        let amount = self.amount();
        let mut negative: Vec<String> = Vec::new();
        let mut present = vec![format!("{ts} IS NOT NULL")];
        // The kept days lie between 1900 and 2200: always dates.
        if let Some((first, last)) = self.days
            && let (Some(first), Some(last)) = (date_from_days(first), date_from_days(last))
        {
            present.push(format!("{day} BETWEEN DATE '{first}' AND DATE '{last}'"));
        }
        for role in [Role::Quantity, Role::UnitPrice, Role::Amount] {
            if let Some(column) = self.column(role) {
                present.push(format!("{column} IS NOT NULL"));
                if role != Role::UnitPrice {
                    negative.push(format!("{} < 0", self.double(&column)));
                }
            }
        }
        if let Some(amount) = &amount
            && self.column(Role::Amount).is_none()
        {
            negative.push(format!("{amount} < 0"));
        }
        let ret = match negative.is_empty() {
            true => "0".to_string(),
            false => format!("CASE WHEN {} THEN 1 ELSE 0 END", negative.join(" OR ")),
        };
        let canc = match self.column(Role::Status) {
            Some(status) => {
                let lower = format!("LOWER({})", self.text(&status));
                let words: Vec<String> = CANCEL_WORDS
                    .iter()
                    .map(|w| format!("{lower} LIKE '%{w}%'"))
                    .collect();
                format!("CASE WHEN {} THEN 1 ELSE 0 END", words.join(" OR "))
            }
            None => "0".to_string(),
        };
        let amount = amount.unwrap_or_else(|| "0".to_string());
        let qty = match self.column(Role::Quantity) {
            Some(q) => self.double(&q),
            None => self.double("NULL"),
        };
        let computed: String = extra
            .iter()
            .map(|(expr, name)| format!(", {expr} AS {name}"))
            .collect();
        let passed: String = extra.iter().map(|(_, name)| format!(", {name}")).collect();
        let raw = format!(
            "SELECT {customer} AS customer, {day} AS day, \
             {order_key} AS order_key, {ret} AS ret, {canc} AS canc, {amount} AS amount, \
             {qty} AS qty{computed} FROM ({rows}) b WHERE {present}{fence}",
            rows = match dedupe {
                true => format!("SELECT DISTINCT * FROM ({select}) s"),
                false => select.to_string(),
            },
            present = present.join(" AND "),
            // The database would inline these columns into every use above
            // (the status test ten times a line): a subquery with `OFFSET 0`
            // (PostgreSQL) or a `LIMIT` (MySQL, MariaDB; the largest BIGINT,
            // which StarRocks and Doris read too) is not merged, so they are
            // computed once. 2 M lines per customer: PostgreSQL 14.7 → 6.6 s,
            // MariaDB 26.0 → 9.5 s (without the duplicate pass).
            fence = match self.dialect {
                Dialect::Postgres => " OFFSET 0",
                Dialect::Mysql => " LIMIT 9223372036854775807",
            },
        );
        Ok(format!(
            "SELECT customer, day, order_key, ret, \
             CASE WHEN canc = 1 AND ret = 0 THEN 1 ELSE 0 END AS canc, \
             CASE WHEN canc = 1 AND ret = 0 THEN 0 \
             WHEN ret = 1 THEN 0 - ABS(COALESCE(amount, 0)) \
             ELSE COALESCE(amount, 0) END AS net, qty{passed} \
             FROM ({raw}) r"
        ))
    }
}

/// What every pushed-down sum reads from `source`: its SELECT, whether its
/// rows cannot repeat (a primary key), and the days the far-date rule keeps.
/// `Err(DbError::ColumnType)` when a column it reads is not typed as a load
/// would read it ([`check_column_kinds`]).
fn prepare(
    connection: &mut Connection,
    source: &Source,
    mapping: &RoleMap,
    far: FarDates,
) -> Result<(String, bool, KeptDays), DbError> {
    check_column_kinds(connection, source, mapping)?;
    let select = source.select(connection.dialect());
    let unique = connection.has_primary_key(source)?;
    let days = kept_days(connection, &select, mapping, unique, far)?;
    Ok((select, unique, days))
}

/// The SQL of the last purchase day (days since 1970-01-01) of `select`, among
/// the kept `days`.
pub fn last_day_sql(
    dialect: Dialect,
    mapping: &RoleMap,
    select: &str,
    days: KeptDays,
) -> Result<String, String> {
    let sql = Sql {
        dialect,
        mapping,
        unique: false,
        days,
    };
    Ok(format!(
        "SELECT {} AS last_day FROM ({}) x WHERE canc = 0 AND ret = 0",
        sql.epoch_days("MAX(day)"),
        sql.lines_with(select, &[], false)?
    ))
}

/// The SQL of the per-customer sums of `select` (`unique`: its rows cannot
/// repeat; the kept `days`) at `analysis_date`, with the
/// columns `analysis::customers::customer_columns` takes (the days as days since
/// 1970). Err: the label of a role it needs that `mapping` lacks.
pub fn customer_sql(
    dialect: Dialect,
    mapping: &RoleMap,
    select: &str,
    (unique, days): (bool, KeptDays),
    analysis_date: NaiveDate,
) -> Result<String, String> {
    let sql = Sql {
        dialect,
        mapping,
        unique,
        days,
    };
    if sql.column(Role::CustomerId).is_none() {
        return Err(Role::CustomerId.label());
    }
    // Compared as days since 1970: a date after 9999-12-31 (a kept
    // placeholder moves the analysis date there) is no SQL date literal.
    let counted = format!(
        "canc = 0 AND {} < {}",
        sql.epoch_days("day"),
        days_from_date(analysis_date)
    );
    let purchase = format!("{counted} AND ret = 0");
    let orders = format!("COUNT(DISTINCT CASE WHEN {purchase} THEN order_key END)");
    let purchase_day = format!("CASE WHEN {purchase} THEN day END");
    let money = match sql.amount() {
        Some(_) => format!(
            ", {} AS revenue, {} AS returns_amount",
            sql.double(&format!("SUM(CASE WHEN {counted} THEN net ELSE 0 END)")),
            sql.double(&format!(
                "SUM(CASE WHEN {counted} AND ret = 1 THEN ABS(net) ELSE 0 END)"
            )),
        ),
        None => String::new(),
    };
    Ok(format!(
        "SELECT customer AS customer_id, {first} AS first_day, {last} AS last_day, \
         {orders} AS orders, COUNT(DISTINCT {purchase_day}) AS purchase_days, \
         {units} AS units{money} \
         FROM ({lines}) x WHERE customer IS NOT NULL GROUP BY customer HAVING {orders} > 0",
        first = sql.epoch_days(&format!("MIN({purchase_day})")),
        last = sql.epoch_days(&format!("MAX({purchase_day})")),
        units = sql.double(&format!(
            "SUM(CASE WHEN {purchase} THEN COALESCE(ABS(qty), 1) ELSE 0 END)"
        )),
        lines = sql.lines(select)?,
    ))
}

/// The per-customer table of `source` (columns named by `mapping`, an orders
/// mapping), measured at `analysis_date` (default: the day after the last
/// purchase day), placeholder dates left out or kept by `far`. None when no
/// line is a dated purchase.
pub fn customer_aggregate(
    connection: &mut Connection,
    source: &Source,
    mapping: &RoleMap,
    far: FarDates,
    analysis_date: Option<NaiveDate>,
) -> Result<Option<CustomerAggregate>, DbError> {
    let dialect = connection.dialect();
    let (select, unique, days) = prepare(connection, source, mapping, far)?;
    let unmapped = |role: String| DbError::Query {
        sql: select.clone(),
        message: tr!("db-pushdown-unmapped", role = role),
    };
    let epoch = NaiveDate::default();
    let analysis_date = match analysis_date {
        Some(day) => day,
        None => {
            let sql = last_day_sql(dialect, mapping, &select, days).map_err(unmapped)?;
            let last = connection.fetch(&sql)?;
            let day = last
                .column("last_day")
                .ok()
                .and_then(|c| c.cast(&DataType::Int64).ok())
                .and_then(|c| c.i64().ok().and_then(|v| v.get(0)));
            match day {
                Some(day) => epoch
                    .checked_add_signed(chrono::Duration::days(day + 1))
                    .ok_or_else(|| DbError::Query {
                        sql: sql.clone(),
                        message: tr!("db-pushdown-day-out-of-range", days = day.to_string()),
                    })?,
                None => return Ok(None),
            }
        }
    };
    let sql =
        customer_sql(dialect, mapping, &select, (unique, days), analysis_date).map_err(unmapped)?;
    let money = carries_money(mapping);
    let Some(raw) = fetch_sums(connection, &sql)? else {
        return Ok(None);
    };
    let raw = ids_as_text(raw, &["customer_id"], dialect).map_err(|e| DbError::Query {
        sql: sql.clone(),
        message: e.to_string(),
    })?;
    let mut sums = vec![
        col("customer_id").cast(DataType::String),
        col("first_day").cast(DataType::Int32),
        col("last_day").cast(DataType::Int32),
        col("orders").cast(DataType::UInt32),
        col("purchase_days").cast(DataType::UInt32),
        col("units").cast(DataType::Float64),
    ];
    if money {
        sums.push(col("revenue").cast(DataType::Float64));
        sums.push(col("returns_amount").cast(DataType::Float64));
    }
    let frame = customer_columns(raw.lazy().select(sums), analysis_date, money)
        .collect()
        .map_err(|e| DbError::Query {
            sql: sql.clone(),
            message: e.to_string(),
        })?;
    if frame.height() == 0 {
        return Ok(None);
    }
    Ok(Some(CustomerAggregate {
        table: CustomerTable {
            analysis_date,
            frame,
        },
        money,
        sql,
    }))
}

/// `frame` with its id columns `names` as text: the keys [`Sql::key`] made
/// hex in `dialect` decoded (bytes that are not UTF-8 become U+FFFD).
fn ids_as_text(mut frame: DataFrame, names: &[&str], dialect: Dialect) -> PolarsResult<DataFrame> {
    if dialect != Dialect::Mysql {
        return Ok(frame);
    }
    let unhex = |hex: &str| -> Option<String> {
        let bytes: Option<Vec<u8>> = (0..hex.len() / 2)
            .map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
            .collect();
        bytes.map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    for name in names {
        let keys = frame.column(name)?.cast(&DataType::String)?;
        let text: StringChunked = keys.str()?.iter().map(|key| key.and_then(unhex)).collect();
        frame.with_column(text.with_name((*name).into()).into_column())?;
    }
    Ok(frame)
}

/// The rows of `sql`; None when there are none.
fn fetch_sums(connection: &mut Connection, sql: &str) -> Result<Option<DataFrame>, DbError> {
    match connection.fetch(sql) {
        Ok(raw) if raw.height() > 0 => Ok(Some(raw)),
        Ok(_) => Ok(None),
        Err(DbError::Data { error, .. }) if matches!(*error, DataError::Empty { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The mapping of `pairs` (for the tests here and in the submodules).
#[cfg(test)]
fn mapping(pairs: &[(Role, &str)]) -> RoleMap {
    pairs.iter().map(|(r, c)| (*r, c.to_string())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sql_follows_the_mapping_and_the_dialect() {
        let orders = mapping(&[
            (Role::CustomerId, "客户"),
            (Role::Timestamp, "时间"),
            (Role::OrderId, "订单"),
            (Role::Amount, "金额"),
            (Role::Status, "状态"),
        ]);
        let day = NaiveDate::from_ymd_opt(2024, 3, 1).expect("day");
        let pg = customer_sql(
            Dialect::Postgres,
            &orders,
            "SELECT * FROM o",
            (false, None),
            day,
        )
        .expect("sql");
        assert!(pg.contains("CAST(\"金额\" AS DOUBLE PRECISION)"), "{pg}");
        assert!(
            pg.contains("- DATE '1970-01-01') < 19783") && pg.contains("AS revenue"),
            "{pg}"
        );
        assert!(pg.contains("LIKE '%退款%'"), "{pg}");
        let my = customer_sql(
            Dialect::Mysql,
            &orders,
            "SELECT * FROM o",
            (false, None),
            day,
        )
        .expect("sql");
        assert!(my.contains("DATEDIFF(") && my.contains("`客户`"), "{my}");
        // Duplicates count once, each line's columns computed once (PostgreSQL);
        // the last day needs no duplicate pass.
        assert!(
            pg.contains("SELECT DISTINCT *") && pg.contains(" OFFSET 0)"),
            "{pg}"
        );
        assert!(
            !my.contains("OFFSET") && my.contains(" LIMIT 9223372036854775807)"),
            "{my}"
        );
        let last = last_day_sql(Dialect::Postgres, &orders, "SELECT * FROM o", None).expect("sql");
        assert!(!last.contains("DISTINCT"), "{last}");
        // Without money there is no revenue; without a customer, no SQL.
        let counts = mapping(&[(Role::CustomerId, "c"), (Role::Timestamp, "t")]);
        let sql =
            customer_sql(Dialect::Mysql, &counts, "SELECT 1", (true, None), day).expect("sql");
        assert!(!sql.contains("revenue"), "{sql}");
        let none = mapping(&[(Role::Timestamp, "t")]);
        assert!(customer_sql(Dialect::Mysql, &none, "SELECT 1", (false, None), day).is_err());
    }
}

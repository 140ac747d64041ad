//! The shop's series of one measure per day, week or month, summed by the
//! database: one row per period is fetched, and `series_of_sums` makes it the
//! dense series `analysis::forecast::series_from_lines` gives for the loaded
//! lines (the same measures, periods and dropped partial last period).

use polars::prelude::*;

use super::{FarDates, KeptDays, Sql, fetch_sums, prepare};
use crate::analysis::forecast::series::{KEY, LAST, PERIOD, VALUE, series_of_sums};
use crate::analysis::forecast::{Freq, Measure, TimeSeries};
use crate::data::db::{Connection, DbError, Dialect, Source};
use crate::data::{Role, RoleMap};
use crate::tr;

/// The shop's series, summed by the database.
#[derive(Clone, Debug)]
pub struct PushedSeries {
    /// One series named "shop", or none when no line is dated.
    pub series: Vec<TimeSeries>,
    /// The SQL that summed it.
    pub sql: String,
    /// The rows fetched: one per period with a line.
    pub rows: usize,
}

/// The SQL of the per-period sums of `measure` in `select` (`unique`: its rows
/// cannot repeat): `_period`, `_value`
/// and `_last` (the period's index, its value and its last day with a line, as
/// `series_of_sums` takes them). Err: the label of a role the measure needs
/// that `mapping` lacks.
pub fn series_sql(
    dialect: Dialect,
    mapping: &RoleMap,
    select: &str,
    (unique, days): (bool, KeptDays),
    measure: Measure,
    freq: Freq,
) -> Result<String, String> {
    let sql = Sql {
        dialect,
        mapping,
        unique,
        days,
    };
    let has = |role: Role| mapping.contains_key(&role);
    let paid = "ret = 0 AND canc = 0";
    let value = match measure {
        Measure::Revenue if sql.amount().is_none() => return Err(Role::Amount.label()),
        Measure::Revenue => "SUM(net)".to_string(),
        Measure::Orders if has(Role::OrderId) => {
            format!("COUNT(DISTINCT CASE WHEN {paid} THEN order_key END)")
        }
        Measure::Orders if !has(Role::CustomerId) => return Err(Role::CustomerId.label()),
        // Without order ids an order is a customer's purchase day.
        Measure::Orders => format!(
            "COUNT(DISTINCT CASE WHEN {paid} AND customer IS NOT NULL THEN {} END)",
            sql.concat("customer", "order_key")
        ),
        Measure::Units if !has(Role::Quantity) => return Err(Role::Quantity.label()),
        Measure::Units => "SUM(CASE WHEN canc = 1 THEN 0 WHEN ret = 1 THEN 0 - ABS(qty) \
                           ELSE qty END)"
            .to_string(),
        Measure::ActiveCustomers if !has(Role::CustomerId) => {
            return Err(Role::CustomerId.label());
        }
        Measure::ActiveCustomers => format!("COUNT(DISTINCT CASE WHEN {paid} THEN customer END)"),
    };
    let days = sql.epoch_days("day");
    let period = match freq {
        Freq::Day => days.clone(),
        // ISO weeks: 1970-01-01 was a Thursday, so day + 3 counts from a Monday.
        Freq::Week => format!("FLOOR(({days} + 3) / 7.0)"),
        Freq::Month => "EXTRACT(YEAR FROM day) * 12 + EXTRACT(MONTH FROM day) - 1".to_string(),
    };
    Ok(format!(
        "SELECT p AS {PERIOD}, {value} AS {VALUE}, {last} AS {LAST} \
         FROM (SELECT {period} AS p, l.* FROM ({lines}) l) x GROUP BY p",
        value = sql.double(&value),
        last = sql.epoch_days("MAX(day)"),
        lines = sql.lines(select)?,
    ))
}

/// The shop's series of `measure` per `freq` period in `source` (columns named
/// by `mapping`, an orders mapping), placeholder dates left out or kept by `far`.
pub fn shop_series(
    connection: &mut Connection,
    source: &Source,
    mapping: &RoleMap,
    far: FarDates,
    (measure, freq): (Measure, Freq),
) -> Result<PushedSeries, DbError> {
    let (select, unique, days) = prepare(connection, source, mapping, far)?;
    let sql = series_sql(
        connection.dialect(),
        mapping,
        &select,
        (unique, days),
        measure,
        freq,
    )
    .map_err(|role| DbError::Query {
        sql: select.clone(),
        message: tr!(
            "db-pushdown-unmapped-series",
            role = role,
            measure = measure.label()
        ),
    })?;
    let Some(raw) = fetch_sums(connection, &sql)? else {
        return Ok(PushedSeries {
            series: Vec::new(),
            sql,
            rows: 0,
        });
    };
    let failed = |e: PolarsError| DbError::Query {
        sql: sql.clone(),
        message: e.to_string(),
    };
    let sums = raw
        .lazy()
        .select([
            lit("shop").alias(KEY),
            col(PERIOD).cast(DataType::Float64).cast(DataType::Int32),
            col(VALUE).cast(DataType::Float64).fill_null(lit(0.0)),
            col(LAST).cast(DataType::Int32),
        ])
        .collect()
        .map_err(failed)?;
    let series = series_of_sums(&sums, freq).map_err(|e| DbError::Query {
        sql: sql.clone(),
        message: e.to_string(),
    })?;
    Ok(PushedSeries {
        series,
        rows: sums.height(),
        sql,
    })
}

#[cfg(test)]
mod tests {
    use super::super::mapping;
    use super::*;

    #[test]
    fn each_measure_says_which_column_it_needs() {
        let counts = mapping(&[(Role::Timestamp, "t"), (Role::OrderId, "o")]);
        let needs = |measure| {
            series_sql(
                Dialect::Postgres,
                &counts,
                "SELECT 1",
                (false, None),
                measure,
                Freq::Week,
            )
        };
        assert_eq!(needs(Measure::Revenue), Err(Role::Amount.label()));
        assert_eq!(needs(Measure::Units), Err(Role::Quantity.label()));
        assert_eq!(
            needs(Measure::ActiveCustomers),
            Err(Role::CustomerId.label())
        );
        let orders = needs(Measure::Orders).expect("orders need only order ids");
        assert!(
            orders.contains("FLOOR(") && orders.contains("GROUP BY p"),
            "{orders}"
        );
        let month = series_sql(
            Dialect::Mysql,
            &counts,
            "SELECT 1",
            (true, Some((19_723, 20_089))),
            Measure::Orders,
            Freq::Month,
        )
        .expect("sql");
        assert!(!month.contains("DISTINCT *"), "unique rows: {month}");
        // Only the days the far-date rule keeps are summed.
        assert!(
            month.contains("BETWEEN DATE '2024-01-01' AND DATE '2025-01-01'"),
            "{month}"
        );
        assert!(!orders.contains("BETWEEN"), "{orders}");
        assert!(orders.contains("SELECT DISTINCT *"), "{orders}");
        assert!(
            month.contains("EXTRACT(MONTH FROM day)") && month.contains("DATEDIFF("),
            "{month}"
        );
    }
}

//! Shared rules for reading canonical order lines (`data::Store::order_lines`), so
//! every analysis counts revenue, returns, cancellations and days the same way.
//!
//! Contract:
//! - The net amount of a line (`_net`) is its amount; a return line (`is_return`)
//!   counts as minus its absolute amount (exports differ on the sign); a cancelled
//!   line (`is_cancelled` and not a return) counts 0. A refunded return is a return.
//! - A day is the calendar day of `ts` as written in the file (no time zone shift).

use crate::data::Role;
use crate::tr;
use chrono::NaiveDate;
use polars::prelude::*;

/// Errors of the analysis layer.
#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    /// `column` is the canonical name; `role` the translated name the operator
    /// maps a column to.
    #[error("{}", tr!("analysis-missing-column", role = .role.as_str()))]
    MissingColumn { column: String, role: String },
    #[error("{}", tr!("analysis-needs-money", what = .what.as_str()))]
    NeedsMoney { what: String },
    #[error("{}", tr!("analysis-invalid", what = .what.as_str(), why = .why.as_str()))]
    Invalid { what: String, why: String },
    #[error("{}", tr!("analysis-cancelled"))]
    Cancelled,
    /// A polars failure while doing `step`, a catalogue key (`contexts.ftl`)
    /// read only when the error is shown; polars' own message follows.
    #[error("{}", tr!("context-failed", step = crate::i18n::message(.step), error = .source.to_string()))]
    Polars {
        step: &'static str,
        #[source]
        source: PolarsError,
    },
}

/// Refuses `what`, an analysis of `rows` order lines that takes about
/// `bytes_per_line` of memory for each (measured by `benches/large.rs`), when
/// the machine has less free: a clear error before it starts, never an
/// allocation failure halfway.
pub fn check_memory(what: &str, rows: usize, bytes_per_line: u64) -> Result<(), AnalysisError> {
    let need = (rows as u64).saturating_mul(bytes_per_line);
    match crate::data::memory::shortfall(need) {
        None => Ok(()),
        Some(why) => Err(AnalysisError::Invalid {
            what: what.to_string(),
            why,
        }),
    }
}

/// Wraps a polars error with `step`, the catalogue key (`contexts.ftl`) of what
/// was being done. The key is a string literal or a `&'static str` bound to one
/// (`tests/analysis_steps.rs` checks that each exists).
pub fn polars_failed(step: &'static str) -> impl FnOnce(PolarsError) -> AnalysisError {
    move |source| AnalysisError::Polars { step, source }
}

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");

/// The date `days` after 1970-01-01 (polars' `Date` representation).
pub fn date_from_days(days: i32) -> Option<NaiveDate> {
    EPOCH.checked_add_signed(chrono::TimeDelta::days(i64::from(days)))
}

/// Days since 1970-01-01 of `date` (polars' `Date` representation).
pub fn days_from_date(date: NaiveDate) -> i32 {
    (date - EPOCH).num_days() as i32
}

/// An error unless `lines` has the column of `role`.
pub fn require(lines: &DataFrame, role: Role) -> Result<(), AnalysisError> {
    require_column(lines, role.column_name(), || role.label())
}

/// An error unless `lines` has `column`, a column that is no role (a segment or
/// group column); `label` names it in the current language.
pub fn require_column(
    lines: &DataFrame,
    column: &str,
    label: impl FnOnce() -> String,
) -> Result<(), AnalysisError> {
    if lines.schema().contains(column) {
        Ok(())
    } else {
        Err(AnalysisError::MissingColumn {
            column: column.to_string(),
            role: label(),
        })
    }
}

/// Whether the order lines carry money: an `amount` column, mapped or derived
/// from quantity × unit price. Orders without either load (counts, recency,
/// items and dates work); whatever needs revenue asks [`require_money`].
pub fn has_money(lines: &DataFrame) -> bool {
    lines.schema().contains("amount")
}

/// An error naming `what`, asked for only then (`|| tr!(…)`: "a revenue
/// forecast"), unless the lines carry money.
pub fn require_money(
    lines: &DataFrame,
    what: impl FnOnce() -> String,
) -> Result<(), AnalysisError> {
    if has_money(lines) {
        Ok(())
    } else {
        Err(AnalysisError::NeedsMoney { what: what() })
    }
}

/// A boolean flag column, false where missing (or when the column is absent).
pub fn flag(lines: &DataFrame, name: &str) -> Expr {
    flag_in(lines.schema(), name)
}

/// [`flag`] by the lines' schema.
fn flag_in(schema: &Schema, name: &str) -> Expr {
    if schema.contains(name) {
        col(name).fill_null(lit(false))
    } else {
        lit(false)
    }
}

/// `lines` with `_net` (signed net amount, 0 for cancelled lines; null on every
/// line when the lines carry no money), `_return` and `_cancelled` (cancelled
/// and not a return).
pub fn with_net_amount(lines: &DataFrame) -> LazyFrame {
    with_net_amount_of(lines.clone().lazy(), lines.schema())
}

/// [`with_net_amount`] of lines not in memory (a streamed file: `data::scan`),
/// with the columns of `schema`.
pub fn with_net_amount_of(lines: LazyFrame, schema: &Schema) -> LazyFrame {
    let is_return = flag_in(schema, "is_return");
    let is_cancelled = flag_in(schema, "is_cancelled").and(is_return.clone().not());
    let amount = if schema.contains("amount") {
        col("amount").cast(DataType::Float64).fill_null(lit(0.0))
    } else {
        lit(NULL).cast(DataType::Float64)
    };
    lines.with_columns([
        when(is_cancelled.clone())
            .then(lit(0.0))
            .when(is_return.clone())
            .then(lit(0.0) - amount.clone().abs())
            .otherwise(amount)
            .alias("_net"),
        is_return.alias("_return"),
        is_cancelled.alias("_cancelled"),
    ])
}

/// The calendar day of `ts`, as `_day`.
pub fn day_expr() -> Expr {
    col("ts").dt().date().alias("_day")
}

/// Test support: `frame` with a canonical `ts` column built from milliseconds
/// since 1970-01-01.
#[cfg(test)]
pub fn with_ms_ts(mut frame: DataFrame, millis: Vec<i64>) -> DataFrame {
    let ts = Column::new("ts".into(), millis)
        .cast(&DataType::Datetime(TimeUnit::Milliseconds, None))
        .expect("ts");
    frame.with_column(ts).expect("ts");
    frame
}

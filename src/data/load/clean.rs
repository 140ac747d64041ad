//! Source column → canonical column, one role at a time.
//!
//! Contract: ids and text are `String`, trimmed, with empty text as null; whole
//! floats used as ids lose their `.0` (`1234.0` → `"1234"`); event types are also
//! lower-cased so `PV` and `pv` are one type. Numbers are `Float64` (see
//! `numbers`). Dates are `Datetime(ms)` (see `dates`). Columns that need no change
//! are passed through without copying.

use polars::prelude::*;

use super::numbers::numbers_from_column;
use crate::data::Role;
use crate::data::dates;
use crate::data::model::DateFormat;
use crate::data::text::count_where;

/// Status words that mark a cancelled, refunded or returned order line.
pub const CANCEL_WORDS: &[&str] = &[
    "cancel", "refund", "returned", "void", "closed", "取消", "退款", "退货", "关闭",
];

/// The canonical version of `source` for `role`, named `role.column_name()`.
pub fn canonical_column(
    source: &Column,
    role: Role,
    date_format: &DateFormat,
) -> PolarsResult<Column> {
    let name = PlSmallStr::from_static(role.column_name());
    let column = match role {
        Role::CustomerId | Role::OrderId | Role::ItemId | Role::Phone | Role::SessionId => {
            id_text(source)?
        }
        Role::EventType => lower_text(&trimmed_text(source)?)?,
        Role::ItemName
        | Role::Category
        | Role::Region
        | Role::Email
        | Role::Status
        | Role::Message
        | Role::Reply
        | Role::Intent => trimmed_text(source)?,
        Role::Quantity | Role::UnitPrice | Role::Amount | Role::Rating => {
            numbers_from_column(source)?.into_column()
        }
        Role::Timestamp => {
            dates::parse_dates(source.as_materialized_series(), date_format)?.into_column()
        }
    };
    Ok(column.with_name(name))
}

/// Ids as text: whole floats lose the `.0`, then trimmed text.
fn id_text(source: &Column) -> PolarsResult<Column> {
    if source.dtype().is_float() {
        let floats = source.cast(&DataType::Float64)?;
        let whole = floats
            .f64()?
            .iter()
            .all(|v| v.is_none_or(|v| v.fract() == 0.0 && v.abs() < 9.0e15));
        if whole {
            return trimmed_text(&floats.cast(&DataType::Int64)?);
        }
    }
    trimmed_text(source)
}

/// Text, trimmed, empty → null. Untouched (no copy) when nothing needs trimming.
pub fn trimmed_text(source: &Column) -> PolarsResult<Column> {
    let text = source.cast(&DataType::String)?;
    let ca = text.str()?;
    let untrimmed = |s: &str| {
        s.is_empty()
            || s.chars().next().is_some_and(char::is_whitespace)
            || s.chars().next_back().is_some_and(char::is_whitespace)
    };
    if count_where(ca, untrimmed) == 0 {
        return Ok(text);
    }
    let trimmed: StringChunked = ca
        .iter()
        .map(|v| v.map(str::trim).filter(|s| !s.is_empty()))
        .collect();
    Ok(trimmed.with_name(source.name().clone()).into_column())
}

fn lower_text(source: &Column) -> PolarsResult<Column> {
    Ok(source.str()?.to_lowercase().into_column())
}

/// True where the source value is present and not blank text.
pub fn present(source: &Column) -> PolarsResult<BooleanChunked> {
    if source.dtype() == &DataType::String {
        Ok(source
            .str()?
            .iter()
            .map(|v| Some(v.is_some_and(|s| !s.trim().is_empty())))
            .collect())
    } else {
        Ok(source.is_not_null())
    }
}

/// True where `status` names a cancellation or refund (case-insensitive, any of
/// [`CANCEL_WORDS`] inside the text). Each distinct status is checked once.
pub fn cancelled_mask(status: &Column) -> PolarsResult<BooleanChunked> {
    let mut verdicts: foldhash::HashMap<&str, bool> = foldhash::HashMap::default();
    Ok(status
        .str()?
        .iter()
        .map(|v| {
            Some(v.is_some_and(|s| {
                *verdicts.entry(s).or_insert_with(|| {
                    let lower = s.to_lowercase();
                    CANCEL_WORDS.iter().any(|w| lower.contains(w))
                })
            }))
        })
        .collect::<BooleanChunked>()
        .with_name(status.name().clone()))
}

/// A mask that is true where `column` is below zero (null counts as false).
pub fn negative(column: &Column) -> PolarsResult<BooleanChunked> {
    column.f64()?.lt(0.0).fill_null_with_values(false)
}

/// A mask that is true where `column` is zero or below (null counts as false).
pub fn not_positive(column: &Column) -> PolarsResult<BooleanChunked> {
    column.f64()?.lt_eq(0.0).fill_null_with_values(false)
}

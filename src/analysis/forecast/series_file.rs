//! Series from a loaded series file ([`crate::data::FileKind::Series`]): a
//! table already aggregated per date, summed per period, and the period it is
//! written in.

use polars::prelude::*;

use super::series::{Freq, KEY, PERIOD, TimeSeries, VALUE, dense};
use crate::analysis::lines::{AnalysisError, polars_failed};
use crate::tr;

/// A series from an already aggregated table: `date_column` (Date or Datetime) and
/// `value_column` (numeric). Values of one period are summed, missing periods are 0,
/// rows with a missing date are skipped and a missing value counts 0. The last
/// period is kept as it is: the table says what each period holds.
pub fn series_from_frame(
    frame: &DataFrame,
    date_column: &str,
    value_column: &str,
    freq: Freq,
) -> Result<TimeSeries, AnalysisError> {
    for column in [date_column, value_column] {
        if !frame.schema().contains(column) {
            return Err(AnalysisError::Invalid {
                what: tr!("analysis-series-no-column", column = column),
                why: tr!("analysis-series-no-column-why"),
            });
        }
    }
    let date = match frame.schema().get(date_column) {
        Some(DataType::Date) => col(date_column),
        Some(DataType::Datetime(..)) => col(date_column).dt().date(),
        other => {
            return Err(AnalysisError::Invalid {
                what: tr!("analysis-column", column = date_column),
                why: tr!("analysis-column-not-dates", kind = format!("{other:?}")),
            });
        }
    };
    let grouped = frame
        .clone()
        .lazy()
        .filter(date.clone().is_not_null())
        .group_by([
            lit(value_column).alias(KEY),
            freq.index_expr(date).alias(PERIOD),
        ])
        .agg([col(value_column)
            .cast(DataType::Float64)
            .fill_null(lit(0.0))
            .sum()
            .alias(VALUE)])
        .collect()
        .map_err(polars_failed("context-series-table-per-period"))?;
    dense(
        &grouped,
        freq,
        "context-read-series-table-per-period",
        || tr!("analysis-series-table"),
    )?
    .into_iter()
    .next()
    .ok_or_else(|| AnalysisError::Invalid {
        what: tr!("analysis-series-table"),
        why: tr!("analysis-series-no-dates"),
    })
}

/// The series of a loaded aggregated series file ([`crate::data::FileKind::Series`]):
/// its date (`ts`) and value (`amount`) columns per [`series_from_frame`], named
/// after the file.
pub fn series_from_table(
    table: &crate::data::Table,
    freq: Freq,
) -> Result<TimeSeries, AnalysisError> {
    let mut series = series_from_frame(&table.frame, "ts", "amount", freq)?;
    series.name = table.path.file_name().map_or_else(
        || table.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(series)
}

/// The period a series file is written in, from the median gap between its
/// distinct dates: 28 days or more → month, 7 or more → week, else day (also
/// when there are fewer than two dates or no `ts` column).
pub fn natural_freq(table: &crate::data::Table) -> Freq {
    let days = table
        .frame
        .column("ts")
        .and_then(|c| c.cast(&DataType::Date))
        .and_then(|c| c.cast(&DataType::Int32));
    let Ok(days) = days else { return Freq::Day };
    let Ok(days) = days.i32() else {
        return Freq::Day;
    };
    let mut distinct: Vec<i32> = days.iter().flatten().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut gaps: Vec<i32> = distinct.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_unstable();
    match gaps.get(gaps.len() / 2) {
        Some(&gap) if gap >= 28 => Freq::Month,
        Some(&gap) if gap >= 7 => Freq::Week,
        _ => Freq::Day,
    }
}

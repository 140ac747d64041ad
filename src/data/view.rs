//! Row views for the table: sort and text filter as vectors of row indices, and the
//! text of one cell. Nothing here imports egui; the window runs `sorted_rows` and
//! `filtered_rows` as background jobs and reads cells only for the rows on screen.
//!
//! Contract:
//! - Row indices are 0-based positions in the frame (`u32`, polars' index type).
//! - Sorting is stable (ties keep file order) and puts nulls last in both directions.
//!   Text sorts by its bytes (so "B" before "a"), numbers and dates by value.
//! - The filter keeps rows where any text column (String or Categorical) contains the
//!   filter text, ignoring case; other columns are not searched. Nulls never match.
//!   Blank filter text keeps every row. The order of `base` is kept, so a filter
//!   applied to sorted rows stays sorted.
//! - Cells: nulls are empty, datetimes `YYYY-MM-DD HH:MM`, dates `YYYY-MM-DD`,
//!   floats with 2 decimals, everything else as polars writes it.

use chrono::{DateTime, NaiveDate};
use polars::prelude::*;

use crate::data::Role;
use crate::jobs::Progress;
use crate::tr;

/// Rows are checked in blocks of this many between progress reports and cancel checks.
const BLOCK_ROWS: usize = 65_536;

/// Why a row view could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    #[error(
        "{}",
        tr!("data-view-unknown-column", column = .column.as_str(), available = .available.as_str())
    )]
    UnknownColumn { column: String, available: String },
    /// Searching `column` failed; polars' own message follows.
    #[error(
        "{}",
        tr!("data-view-search-failed", column = .column.as_str(), error = .source.to_string())
    )]
    Polars {
        column: String,
        #[source]
        source: PolarsError,
    },
    #[error("{}", tr!("analysis-cancelled"))]
    Cancelled,
}

/// Row indices of `frame` ordered by `column`: stable, nulls last.
pub fn sorted_rows(
    frame: &DataFrame,
    column: &str,
    descending: bool,
) -> Result<Vec<u32>, ViewError> {
    let values = frame.column(column).map_err(|_| ViewError::UnknownColumn {
        column: column.to_string(),
        available: frame
            .get_column_names()
            .iter()
            .map(|n| n.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    })?;
    let order = values.arg_sort(SortOptions {
        descending,
        nulls_last: true,
        multithreaded: true,
        maintain_order: true,
        limit: None,
    });
    Ok(order.into_no_null_iter().collect())
}

/// The rows of `base` (every row when None) where a text column contains `text`,
/// ignoring case. Reports progress per block of rows and stops when cancelled.
pub fn filtered_rows(
    frame: &DataFrame,
    text: &str,
    base: Option<&[u32]>,
    progress: &Progress,
) -> Result<Vec<u32>, ViewError> {
    let needle = text.trim().to_lowercase();
    let all_rows = || (0..frame.height()).filter_map(|i| u32::try_from(i).ok());
    if needle.is_empty() {
        return Ok(base.map_or_else(|| all_rows().collect(), <[u32]>::to_vec));
    }
    let texts = text_columns(frame)?;
    let height = frame.height();
    let total = (texts.len() * height) as u64;
    let mut matches = vec![false; height];
    for (done_columns, column) in texts.iter().enumerate() {
        let mut row = 0;
        for chunk in column.downcast_iter() {
            for value in chunk.iter() {
                if row % BLOCK_ROWS == 0 {
                    if progress.is_cancelled() {
                        return Err(ViewError::Cancelled);
                    }
                    progress.report((done_columns * height + row) as u64, total);
                }
                if let Some(value) = value
                    && !matches[row]
                    && contains_ignoring_case(value, &needle)
                {
                    matches[row] = true;
                }
                row += 1;
            }
        }
    }
    progress.report(total, total);
    let keep = |i: &u32| matches.get(*i as usize).copied().unwrap_or(false);
    Ok(match base {
        Some(rows) => rows.iter().copied().filter(keep).collect(),
        None => all_rows().filter(keep).collect(),
    })
}

/// The frame's String and Categorical columns as text, each in one chunk.
fn text_columns(frame: &DataFrame) -> Result<Vec<StringChunked>, ViewError> {
    let mut out = Vec::new();
    for column in frame.columns() {
        let as_text = match column.dtype() {
            DataType::String => column.clone(),
            DataType::Categorical(..) | DataType::Enum(..) => column
                .cast(&DataType::String)
                .map_err(|source| ViewError::Polars {
                    column: column.name().to_string(),
                    source,
                })?,
            _ => continue,
        };
        let text = as_text.str().map_err(|source| ViewError::Polars {
            column: column.name().to_string(),
            source,
        })?;
        out.push(text.rechunk().into_owned());
    }
    Ok(out)
}

/// `needle` must already be lower case. ASCII text is compared without allocating.
fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        haystack.to_lowercase().contains(needle)
    }
}

/// The text shown for `row` of `column`; empty for nulls and rows past the end.
pub fn cell_text(column: &Column, row: usize) -> String {
    match column.get(row) {
        // Quantities are counts, sometimes weights: no padding zeros ("1", "0.25").
        Ok(AnyValue::Float64(v)) if column.name().as_str() == Role::Quantity.column_name() => {
            let text = format!("{v:.3}");
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        Ok(value) => any_value_text(&value),
        Err(_) => String::new(),
    }
}

fn any_value_text(value: &AnyValue<'_>) -> String {
    match value {
        AnyValue::Null => String::new(),
        AnyValue::String(s) => (*s).to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Float32(v) => format!("{v:.2}"),
        AnyValue::Float64(v) => format!("{v:.2}"),
        AnyValue::Date(days) => NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::days(i64::from(*days))))
            .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()),
        AnyValue::Datetime(v, unit, _) | AnyValue::DatetimeOwned(v, unit, _) => {
            datetime_text(*v, *unit)
        }
        AnyValue::Categorical(..)
        | AnyValue::CategoricalOwned(..)
        | AnyValue::Enum(..)
        | AnyValue::EnumOwned(..) => value.str_value().into_owned(),
        other => other.to_string(),
    }
}

fn datetime_text(value: i64, unit: TimeUnit) -> String {
    let moment = match unit {
        TimeUnit::Nanoseconds => Some(DateTime::from_timestamp_nanos(value)),
        TimeUnit::Microseconds => DateTime::from_timestamp_micros(value),
        TimeUnit::Milliseconds => DateTime::from_timestamp_millis(value),
    };
    moment.map_or_else(String::new, |m| {
        m.naive_utc().format("%Y-%m-%d %H:%M").to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> DataFrame {
        df!(
            "name" => [Some("Red Tea"), Some("green TEA"), None, Some("乌龙茶"), Some("coffee")],
            "price" => [Some(3.5), None, Some(1.0), Some(3.5), Some(2.25)],
            "sku" => ["A1", "B2", "tea-3", "C4", "D5"],
        )
        .expect("frame")
    }

    #[test]
    fn sort_is_stable_with_nulls_last_both_ways() {
        let f = frame();
        assert_eq!(
            sorted_rows(&f, "price", false).expect("sort"),
            [2, 4, 0, 3, 1]
        );
        assert_eq!(
            sorted_rows(&f, "price", true).expect("sort"),
            [0, 3, 4, 2, 1]
        );
        assert_eq!(
            sorted_rows(&f, "name", false).expect("sort"),
            [0, 4, 1, 3, 2]
        );
    }

    #[test]
    fn sorting_by_a_missing_column_names_the_columns() {
        let error = sorted_rows(&frame(), "amount", false).expect_err("no such column");
        let message = error.to_string();
        assert!(
            message.contains("'amount'") && message.contains("name, price, sku"),
            "{message}"
        );
    }

    #[test]
    fn filter_ignores_case_searches_every_text_column_and_keeps_base_order() {
        let f = frame();
        let progress = Progress::detached();
        assert_eq!(
            filtered_rows(&f, "TEA", None, &progress).expect("filter"),
            [0, 1, 2]
        );
        assert_eq!(
            filtered_rows(&f, "乌龙", None, &progress).expect("filter"),
            [3]
        );
        let sorted = sorted_rows(&f, "price", true).expect("sort");
        assert_eq!(
            filtered_rows(&f, " tea ", Some(&sorted), &progress).expect("filter"),
            [0, 2, 1]
        );
        assert_eq!(
            filtered_rows(&f, "3.5", None, &progress).expect("filter"),
            Vec::<u32>::new()
        );
        assert_eq!(
            filtered_rows(&f, "  ", Some(&[4, 1]), &progress).expect("filter"),
            [4, 1]
        );
        assert_eq!(
            filtered_rows(&f, "", None, &progress)
                .expect("filter")
                .len(),
            5
        );
    }

    #[test]
    fn a_cancelled_filter_stops_with_cancelled() {
        let progress = Progress::detached();
        progress.cancel();
        assert!(matches!(
            filtered_rows(&frame(), "tea", None, &progress),
            Err(ViewError::Cancelled)
        ));
    }

    #[test]
    fn cells_are_formatted_for_reading() {
        let ts = Column::new("ts".into(), [Some(1_709_647_331_000_i64), None])
            .cast(&DataType::Datetime(TimeUnit::Milliseconds, None))
            .expect("datetime");
        assert_eq!(cell_text(&ts, 0), "2024-03-05 14:02");
        assert_eq!(cell_text(&ts, 1), "");
        assert_eq!(cell_text(&ts, 9), "");
        let day = Column::new("d".into(), [19_787_i32])
            .cast(&DataType::Date)
            .expect("date");
        assert_eq!(cell_text(&day, 0), "2024-03-05");
        let f = frame();
        let price = f.column("price").expect("price");
        assert_eq!(cell_text(price, 4), "2.25");
        assert_eq!(cell_text(price, 2), "1.00");
        assert_eq!(cell_text(f.column("name").expect("name"), 3), "乌龙茶");
        let count = Column::new("n".into(), [12_i64]);
        assert_eq!(cell_text(&count, 0), "12");
        let quantity = Column::new("quantity".into(), [1.0_f64, 0.25, 2.5]);
        let shown: Vec<String> = (0..3).map(|row| cell_text(&quantity, row)).collect();
        assert_eq!(shown, ["1", "0.25", "2.5"]);
    }
}

//! Excel workbooks (xlsx, xlsm, xls) through calamine.
//!
//! The sheet is `ReadOptions::sheet` or the first; an unknown name is
//! `DataError::UnknownSheet` listing the sheets. An .xlsx sheet is read cell by
//! cell, so memory follows the values it holds, not the range it claims. The
//! header is the first row with a non-empty cell; rows and columns whose cells
//! are all empty are left out (a sheet whose values are spread too far apart is
//! refused, naming the sheet and what to do). Each column is typed from its
//! non-empty cells:
//!
//! - only numbers: Int64 when every number is integral, else Float64;
//! - only date/datetime cells: Datetime (milliseconds, no time zone);
//! - only booleans: Boolean;
//! - anything else (text, or a mix of kinds): String, numbers written without a
//!   trailing `.0` when integral and dates as `YYYY-MM-DD[ HH:MM:SS]`.
//!
//! Empty cells, text cells holding only blanks, and error cells (`#N/A`, ...) are
//! null. `text_columns` are String whatever their cells hold. A column with no
//! value at all is String (all null).

use std::path::Path;

use calamine::{Data, Reader, Sheets, open_workbook_auto};
use polars::prelude::*;

use super::{RawFile, ReadOptions, clean_names, finish, string_column_indices};
use crate::data::{DataError, FileFormat, TextEncoding};
use crate::numbers::count;
use crate::tr;

/// Reads one sheet of a workbook.
pub(super) fn read_excel(
    path: &Path,
    file: &str,
    options: &ReadOptions,
) -> Result<RawFile, DataError> {
    let mut workbook = open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(source) => DataError::Io {
            file: file.to_owned(),
            source,
        },
        other => DataError::Parse {
            file: file.to_owned(),
            message: tr!("read-excel-unreadable", error = other.to_string()),
        },
    })?;
    let sheets = workbook.sheet_names();
    let sheet = match &options.sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| *s == wanted || s.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| DataError::UnknownSheet {
                file: file.to_owned(),
                sheet: wanted.clone(),
                available: sheets.join(", "),
            })?,
        None => sheets.first().cloned().ok_or_else(|| DataError::Empty {
            file: file.to_owned(),
        })?,
    };
    let unreadable = |e: &dyn std::fmt::Display| DataError::Parse {
        file: file.to_owned(),
        message: tr!(
            "read-sheet-unreadable",
            sheet = sheet.as_str(),
            error = e.to_string()
        ),
    };
    let cells = match &mut workbook {
        // Cell by cell: a stray cell at XFD1048576 must not size a dense range.
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx
                .worksheet_cells_reader(&sheet)
                .map_err(|e| unreadable(&e))?;
            let mut cells = Vec::new();
            while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                let (row, column) = cell.get_position();
                let value = Data::from(cell.get_value().clone());
                if !is_empty(&value) {
                    cells.push((row, column, value));
                }
            }
            cells
        }
        // The older formats bound a sheet's size (xls: 65,536 × 256).
        workbook => {
            let range = workbook
                .worksheet_range(&sheet)
                .map_err(|e| unreadable(&e))?;
            let (row0, column0) = range.start().unwrap_or_default();
            range
                .used_cells()
                .filter(|(_, _, value)| !is_empty(value))
                .map(|(r, c, value)| (row0 + r as u32, column0 + c as u32, value.clone()))
                .collect()
        }
    };
    let rows = used_rows(cells, file, &sheet)?;
    let frame = frame_from_rows(&rows, file, options)?;
    finish(
        frame,
        FileFormat::Excel { sheet, sheets },
        TextEncoding::Utf8,
        file,
    )
}

/// True for a cell that holds no value.
fn is_empty(cell: &Data) -> bool {
    match cell {
        Data::Empty | Data::Error(_) => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The most cells the used rows × used columns of a sheet may span: a sheet
/// whose few values lie far apart would need more memory than a laptop has.
const MAX_SPAN: usize = 200_000_000;

/// The sheet's rows that hold a value, top to bottom, each as wide as the
/// columns that hold a value anywhere (left to right); `cells` are the
/// non-empty `(row, column, value)` in any order. Empty rows and columns are
/// left out, so a stray cell far away costs one row and one column. A sheet
/// whose used rows × used columns exceed [`MAX_SPAN`] is refused.
fn used_rows(
    mut cells: Vec<(u32, u32, Data)>,
    file: &str,
    sheet: &str,
) -> Result<Vec<Vec<Data>>, DataError> {
    cells.sort_by_key(|&(row, column, _)| (row, column));
    let mut columns: Vec<u32> = cells.iter().map(|&(_, column, _)| column).collect();
    columns.sort_unstable();
    columns.dedup();
    let rows = 1 + cells.windows(2).filter(|w| w[0].0 != w[1].0).count();
    if rows.saturating_mul(columns.len()) > MAX_SPAN {
        return Err(DataError::Parse {
            file: file.to_owned(),
            message: tr!(
                "read-sheet-too-spread",
                sheet = sheet,
                values = count(cells.len()),
                rows = count(rows),
                columns = count(columns.len())
            ),
        });
    }
    let mut table: Vec<Vec<Data>> = Vec::new();
    let mut current = None;
    for (row, column, value) in cells {
        if current != Some(row) {
            table.push(vec![Data::Empty; columns.len()]);
            current = Some(row);
        }
        let (Ok(j) | Err(j)) = columns.binary_search(&column);
        if let Some(cell) = table.last_mut().and_then(|r| r.get_mut(j)) {
            *cell = value;
        }
    }
    Ok(table)
}

/// The sheet's used rows as a frame (see the module doc for the typing).
fn frame_from_rows(
    rows: &[Vec<Data>],
    file: &str,
    options: &ReadOptions,
) -> Result<DataFrame, DataError> {
    let mut rows = rows.iter().map(Vec::as_slice);
    let Some(header) = rows.next() else {
        return Err(DataError::Empty {
            file: file.to_owned(),
        });
    };
    let names = clean_names(
        header
            .iter()
            .map(cell_text)
            .map(Option::unwrap_or_default)
            .collect(),
    );
    let data: Vec<&[Data]> = match options.max_rows {
        Some(n) => rows.take(n).collect(),
        None => rows.collect(),
    };
    let forced = string_column_indices(&names, &options.text_columns, file)?;
    let columns = names
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let cells = data
                .iter()
                .map(|row| row.get(index).unwrap_or(&Data::Empty));
            column_from_cells(name, cells, forced.contains(&index))
        })
        .collect::<Result<Vec<Column>, PolarsError>>()
        .and_then(DataFrame::new_infer_height);
    columns.map_err(|source| DataError::Polars {
        file: file.to_owned(),
        context: tr!("context-sheet-columns"),
        source,
    })
}

/// What the non-empty cells of a column hold.
#[derive(Default)]
struct Seen {
    integers: bool,
    fractions: bool,
    dates: bool,
    bools: bool,
    other: bool,
}

/// One typed column from its cells.
fn column_from_cells<'a>(
    name: &str,
    cells: impl Iterator<Item = &'a Data> + Clone,
    as_text: bool,
) -> PolarsResult<Column> {
    let mut seen = Seen::default();
    for cell in cells.clone().filter(|c| !is_empty(c)) {
        match cell {
            Data::Int(_) => seen.integers = true,
            Data::Float(f) if is_integral(*f) => seen.integers = true,
            Data::Float(_) => seen.fractions = true,
            Data::DateTime(d) if d.is_datetime() => seen.dates = true,
            Data::DateTimeIso(s) if iso_millis(s).is_some() => seen.dates = true,
            Data::Bool(_) => seen.bools = true,
            _ => seen.other = true,
        }
    }
    let numbers = seen.integers || seen.fractions;
    let kinds = [numbers, seen.dates, seen.bools, seen.other]
        .iter()
        .filter(|&&k| k)
        .count();
    let name = PlSmallStr::from_str(name);
    if as_text || kinds != 1 || seen.other {
        let values: Vec<Option<String>> = cells
            .map(|c| if is_empty(c) { None } else { cell_text(c) })
            .collect();
        return Ok(Column::new(name, values));
    }
    if numbers && !seen.fractions {
        let values: Vec<Option<i64>> = cells
            .map(|c| match c {
                Data::Int(i) => Some(*i),
                // is_integral checked the range: the cast is exact.
                Data::Float(f) => Some(*f as i64),
                _ => None,
            })
            .collect();
        return Ok(Column::new(name, values));
    }
    if numbers {
        let values: Vec<Option<f64>> = cells
            .map(|c| match c {
                Data::Int(i) => Some(*i as f64),
                Data::Float(f) => Some(*f),
                _ => None,
            })
            .collect();
        return Ok(Column::new(name, values));
    }
    if seen.bools {
        let values: Vec<Option<bool>> = cells
            .map(|c| match c {
                Data::Bool(b) => Some(*b),
                _ => None,
            })
            .collect();
        return Ok(Column::new(name, values));
    }
    let millis: Vec<Option<i64>> = cells.map(cell_millis).collect();
    Column::new(name, millis).cast(&DataType::Datetime(TimeUnit::Milliseconds, None))
}

/// A float that is a whole number inside the i64 range.
fn is_integral(f: f64) -> bool {
    f.fract() == 0.0 && f.abs() < 9.0e15
}

/// A date cell as milliseconds since 1970-01-01 (no time zone).
fn cell_millis(cell: &Data) -> Option<i64> {
    match cell {
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, day, hour, minute, second, milli) = d.to_ymd_hms_milli();
            let days = days_from_civil(i64::from(year), i64::from(month), i64::from(day));
            Some(
                days * 86_400_000
                    + (i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second)) * 1000
                    + i64::from(milli),
            )
        }
        Data::DateTimeIso(s) => iso_millis(s),
        _ => None,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// An ISO 8601 `YYYY-MM-DD[THH:MM[:SS[.fff]]]` value as epoch milliseconds.
fn iso_millis(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut parts = date.splitn(3, '-').map(str::parse::<i64>);
    let (year, month, day) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut millis = days_from_civil(year, month, day) * 86_400_000;
    if let Some(time) = time {
        let mut parts = time.splitn(3, ':');
        let hour: i64 = parts.next()?.parse().ok()?;
        let minute: i64 = parts.next()?.parse().ok()?;
        let seconds: f64 = parts.next().map_or(Some(0.0), |s| s.parse().ok())?;
        millis += (hour * 3600 + minute * 60) * 1000 + (seconds * 1000.0).round() as i64;
    }
    Some(millis)
}

/// A cell as text (header names and String columns); `None` for no value.
fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::Empty | Data::Error(_) => None,
        Data::String(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        // Rust prints integral floats without a fractional part ("3", not "3.0").
        Data::Float(f) => Some(f.to_string()),
        Data::Bool(b) => Some(b.to_string()),
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
            Some(if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
            })
        }
        Data::DateTime(d) => Some(d.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Some(s.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_and_iso_values() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2024, 3, 1), 19_783);
        assert_eq!(iso_millis("2024-03-01"), Some(19_783 * 86_400_000));
        assert_eq!(
            iso_millis("2024-03-01T01:00:00.5"),
            Some(19_783 * 86_400_000 + 3_600_500)
        );
        assert_eq!(iso_millis("not a date"), None);
    }

    #[test]
    fn mixed_cells_become_text_without_trailing_zero() {
        let cells = [
            Data::Float(3.0),
            Data::String("n/a".to_owned()),
            Data::Empty,
            Data::Float(2.5),
        ];
        let column = column_from_cells("x", cells.iter(), false).expect("column builds");
        assert_eq!(column.dtype(), &DataType::String);
        let values: Vec<Option<&str>> = column.str().expect("text").iter().collect();
        assert_eq!(values, [Some("3"), Some("n/a"), None, Some("2.5")]);
    }
}

//! The XLSX side of `export`: one sheet written row by row in rust_xlsxwriter's
//! constant-memory mode, so a million-row table does not hold every cell twice.

use std::path::Path;

use polars::prelude::*;
use rust_xlsxwriter::{Format, Workbook};

/// A column in the form its cells are written from.
enum Cells {
    Text(StringChunked),
    Number(Float64Chunked),
    Flag(BooleanChunked),
    /// Days since 1970-01-01.
    Day(Int32Chunked),
    /// Milliseconds since 1970-01-01 00:00.
    Moment(Int64Chunked),
}

const MILLIS_PER_DAY: f64 = 86_400_000.0;
/// 1970-01-01 as an Excel serial day.
const EXCEL_EPOCH_1970: f64 = 25_569.0;

fn cells_of(column: &Column) -> PolarsResult<Cells> {
    let column = column.rechunk();
    Ok(match column.dtype() {
        DataType::Boolean => Cells::Flag(column.bool()?.clone()),
        DataType::Date => Cells::Day(column.cast(&DataType::Int32)?.i32()?.clone()),
        DataType::Datetime(..) => {
            let millis = column.cast(&DataType::Datetime(TimeUnit::Milliseconds, None))?;
            Cells::Moment(millis.cast(&DataType::Int64)?.i64()?.clone())
        }
        dtype if dtype.is_primitive_numeric() => {
            Cells::Number(column.cast(&DataType::Float64)?.f64()?.clone())
        }
        _ => Cells::Text(column.cast(&DataType::String)?.str()?.clone()),
    })
}

/// Writes `frame` to a new workbook at `path`; text goes into string cells,
/// which Excel shows as they are and never evaluates.
pub fn write(frame: &DataFrame, path: &Path) -> Result<(), String> {
    let columns = frame
        .columns()
        .iter()
        .map(cells_of)
        .collect::<PolarsResult<Vec<Cells>>>()
        .map_err(|e| e.to_string())?;
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let day_format = Format::new().set_num_format("yyyy-mm-dd");
    let time_format = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let sheet = workbook
        .add_worksheet_with_constant_memory()
        .map_err(|e| e.to_string())?;
    sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    for (index, column) in frame.columns().iter().enumerate() {
        let index = u16::try_from(index).map_err(|_| "more than 65,535 columns".to_string())?;
        sheet
            .write_string_with_format(0, index, column.name().as_str(), &header)
            .map_err(|e| e.to_string())?;
    }
    for row in 0..frame.height() {
        let sheet_row = u32::try_from(row + 1).map_err(|_| "too many rows".to_string())?;
        for (index, cells) in columns.iter().enumerate() {
            let col = index as u16;
            let written = match cells {
                Cells::Text(values) => values
                    .get(row)
                    .map(|v| sheet.write_string(sheet_row, col, v)),
                Cells::Number(values) => values
                    .get(row)
                    .filter(|v| v.is_finite())
                    .map(|v| sheet.write_number(sheet_row, col, v)),
                Cells::Flag(values) => values
                    .get(row)
                    .map(|v| sheet.write_boolean(sheet_row, col, v)),
                Cells::Day(values) => values.get(row).map(|days| {
                    let serial = f64::from(days) + EXCEL_EPOCH_1970;
                    sheet.write_number_with_format(sheet_row, col, serial, &day_format)
                }),
                Cells::Moment(values) => values.get(row).map(|millis| {
                    let serial = millis as f64 / MILLIS_PER_DAY + EXCEL_EPOCH_1970;
                    sheet.write_number_with_format(sheet_row, col, serial, &time_format)
                }),
            };
            if let Some(result) = written {
                result.map_err(|e| e.to_string())?;
            }
        }
    }
    workbook.save(path).map_err(|e| e.to_string())
}

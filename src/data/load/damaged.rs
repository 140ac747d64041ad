//! Text cells that a shop system or Excel damaged before the file reached us.
//!
//! - NUL characters (byte 0) inside text: removed from every text column, with a
//!   note per column naming the count and the first row (an id `C\01` would
//!   otherwise never match `C1` in another file).
//! - Ids Excel wrote in scientific notation (`1.23457E+11`): Excel rounded the
//!   long number, so different customers may now share one id and nothing can
//!   restore them. Kept as written and reported with examples, so the operator
//!   knows to export the file again.

use polars::prelude::*;

use super::problems::{examples, problem, row_at, wording};
use crate::data::report::{Problem, ProblemKind};
use crate::data::text::count_where;
use crate::data::{LoadOptions, Role};
use crate::i18n::Phrase;
use crate::phrase;

/// `raw` with NUL characters removed from its text columns; a note per column
/// that held any.
pub fn without_nul(
    raw: DataFrame,
    rows: &Column,
    notes: &mut Vec<Phrase>,
) -> PolarsResult<DataFrame> {
    let height = raw.height();
    let columns = raw
        .into_columns()
        .into_iter()
        .map(|column| {
            if column.dtype() != &DataType::String {
                return Ok(column);
            }
            let text = column.str()?;
            // A parallel byte scan per text column: loading stays fast when, as
            // almost always, there is no NUL.
            if count_where(text, |v| v.as_bytes().contains(&0)) == 0 {
                return Ok(column);
            }
            let holds = text.contains_literal("\0")?;
            let cells = holds.num_trues();
            let first = holds.iter().position(|v| v == Some(true)).unwrap_or(0);
            notes.push(phrase!(
                "load-note-nul-removed",
                cells = cells.to_string(),
                column = column.name().to_string(),
                row = row_at(rows, first)?.to_string(),
            ));
            let cleaned = text.apply_values(|v| match v.contains('\0') {
                true => v.replace('\0', "").into(),
                false => v.into(),
            });
            Ok(cleaned.into_column().with_name(column.name().clone()))
        })
        .collect::<PolarsResult<Vec<Column>>>()?;
    DataFrame::new(height, columns)
}

/// True for a number as Excel writes it in scientific notation: one digit, an
/// optional fraction, `E+` and two or more digits (`1E+11`, `1.23457E+11`).
pub fn is_scientific(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.trim().split_once(['E', 'e']) else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => whole.len() == 1 && digits(whole) && digits(fraction),
        None => mantissa.len() == 1 && digits(mantissa),
    };
    mantissa_ok
        && exponent
            .strip_prefix('+')
            .is_some_and(|e| e.len() >= 2 && digits(e))
}

/// The mapped id columns (customer, order, item) whose cells are in scientific
/// notation, as one problem with example rows.
pub fn scientific_ids(
    raw: &DataFrame,
    rows: &Column,
    options: &LoadOptions,
) -> PolarsResult<Option<Problem>> {
    let mut total = 0;
    let mut list = Vec::new();
    for role in [Role::CustomerId, Role::OrderId, Role::ItemId] {
        let Some(name) = options.mapping.get(&role) else {
            continue;
        };
        let column = raw.column(name)?.cast(&DataType::String)?;
        // Every such number holds a `+`: most columns are told apart by that alone.
        let scientific = |v: &str| v.as_bytes().contains(&b'+') && is_scientific(v);
        let count = count_where(column.str()?, scientific);
        if count == 0 {
            continue;
        }
        let mask: BooleanChunked = column
            .str()?
            .iter()
            .map(|v| v.is_some_and(scientific))
            .collect();
        total += count;
        if list.len() < crate::data::report::MAX_EXAMPLES {
            list.extend(examples(&mask, rows, &column, name)?);
            list.truncate(crate::data::report::MAX_EXAMPLES);
        }
    }
    let (action, hint) = wording(ProblemKind::ScientificId, false);
    Ok(problem(
        ProblemKind::ScientificId,
        total,
        action,
        hint,
        list,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_scientific_numbers_are_told_from_codes() {
        for excel in ["1E+11", "1.23457E+11", "9.9e+15", " 2E+10 "] {
            assert!(is_scientific(excel), "{excel}");
        }
        for code in [
            "1E5", "12E+11", "SKU1E+11", "1.2E+1", "E+11", "1.E+11", "C1", "",
        ] {
            assert!(!is_scientific(code), "{code}");
        }
    }

    #[test]
    fn nul_characters_are_removed_and_noted_per_column() {
        let raw = df!(
            "customer_id" => ["C1", "C\u{0}2", "C\u{0}\u{0}3"],
            "amount" => [1.0, 2.0, 3.0],
        )
        .expect("frame");
        let rows = Column::new("row".into(), [1u32, 2, 3]);
        let mut notes = Vec::new();
        let clean = without_nul(raw, &rows, &mut notes).expect("clean");
        let ids: Vec<&str> = clean
            .column("customer_id")
            .and_then(|c| c.str())
            .expect("ids")
            .iter()
            .flatten()
            .collect();
        assert_eq!(ids, ["C1", "C2", "C3"]);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0]
                .text()
                .contains("2 cells of column 'customer_id', first in row 2")
        );
    }
}

//! Building the load report's problems: counts, example rows, actions and hints.
//!
//! Contract: a problem is recorded only when its count is above zero. Examples are
//! the first [`MAX_EXAMPLES`] offending rows in file order; the scan stops as soon
//! as it has them. Values are shown as the source text (empty text for a missing
//! value).

use polars::prelude::*;

use crate::data::report::{Example, MAX_EXAMPLES, Problem, ProblemKind};

/// Example rows where `mask` is true: source row number, column and value.
pub fn examples(
    mask: &BooleanChunked,
    rows: &Column,
    values: &Column,
    column: &str,
) -> PolarsResult<Vec<Example>> {
    let mut out = Vec::new();
    for index in mask
        .iter()
        .enumerate()
        .filter(|(_, v)| *v == Some(true))
        .map(|(i, _)| i)
        .take(MAX_EXAMPLES)
    {
        out.push(Example {
            row: row_at(rows, index)?,
            column: column.to_string(),
            value: value_text(&values.get(index)?),
        });
    }
    Ok(out)
}

/// Example rows where `mask` is true, each showing the first candidate column
/// whose own mask is true at that row.
pub fn examples_by_column(
    mask: &BooleanChunked,
    rows: &Column,
    candidates: &[(BooleanChunked, &str, &Column)],
) -> PolarsResult<Vec<Example>> {
    let mut out = Vec::new();
    let offending = mask
        .iter()
        .enumerate()
        .filter(|(_, v)| *v == Some(true))
        .map(|(i, _)| i)
        .take(MAX_EXAMPLES);
    for index in offending {
        let first = candidates
            .iter()
            .find(|(bad, _, _)| bad.get(index) == Some(true));
        if let Some((_, name, source)) = first {
            out.push(Example {
                row: row_at(rows, index)?,
                column: (*name).to_string(),
                value: value_text(&source.get(index)?),
            });
        }
    }
    Ok(out)
}

/// The 1-based source row at `index`.
pub fn row_at(rows: &Column, index: usize) -> PolarsResult<usize> {
    Ok(match rows.get(index)? {
        AnyValue::UInt32(r) => r as usize,
        AnyValue::UInt64(r) => r as usize,
        other => other.extract::<usize>().unwrap_or(index + 1),
    })
}

/// A cell as the operator would read it.
pub fn value_text(value: &AnyValue) -> String {
    match value {
        AnyValue::Null => String::new(),
        other => match other.get_str() {
            Some(text) => text.to_string(),
            None => other.to_string(),
        },
    }
}

/// A problem record; None when nothing was found.
pub fn problem(
    kind: ProblemKind,
    count: usize,
    action: impl Into<String>,
    hint: impl Into<String>,
    examples: Vec<Example>,
) -> Option<Problem> {
    (count > 0).then(|| Problem {
        kind,
        count,
        action: action.into(),
        hint: hint.into(),
        examples,
    })
}

/// Number of true values.
pub fn count(mask: &BooleanChunked) -> usize {
    mask.num_trues()
}

/// What the loader says about each kind, as (action, hint).
pub fn wording(kind: ProblemKind, dropped: bool) -> (&'static str, &'static str) {
    match (kind, dropped) {
        (ProblemKind::UnparseableDate, true) => (
            "row dropped: the date is missing or not in the chosen format",
            "Pick another date format in the mapping view or pass --date-format.",
        ),
        (ProblemKind::UnparseableDate, false) => (
            "kept; the date is left empty",
            "Pick another date format in the mapping view or pass --date-format.",
        ),
        (ProblemKind::UnparseableNumber, true) => (
            "row dropped: an order or rating line needs every mapped number (quantity, price, amount, rating)",
            "Check the column mapping; numbers may carry currency signs and thousands separators, but not words.",
        ),
        (ProblemKind::UnparseableNumber, false) => (
            "kept; the number is left empty",
            "Check the column mapping; numbers may carry currency signs and thousands separators, but not words.",
        ),
        (ProblemKind::MissingCustomer, true) => (
            "row dropped: a customer row needs a customer id",
            "Check that the right column is mapped to customer id.",
        ),
        (ProblemKind::MissingCustomer, false) => (
            "kept, but left out of per-customer analyses (RFM, segments, recommendations)",
            "Guest checkouts often have no customer id; map another id column if there is one.",
        ),
        (ProblemKind::Return, _) => (
            "kept and marked is_return",
            "Returns are not purchases, and lower revenue where there are prices; analyses can include or exclude them.",
        ),
        (ProblemKind::Cancelled, _) => (
            "kept and marked is_cancelled",
            "Cancelled and refunded lines can be included or excluded in analyses.",
        ),
        (ProblemKind::NonPositivePrice, _) => (
            "kept; a zero price is read as a free item",
            "Negative prices are usually corrections; check the source system.",
        ),
        (ProblemKind::FarDate, _) => (
            "row dropped: the date lies far outside the other rows' dates (a placeholder such as 1900-01-01, 1970-01-01 or 9999-12-31)",
            "Fix the dates in the source system. If they are real, keep them: tick \"Keep far dates\" in the mapping view, or pass --keep-far-dates.",
        ),
        (ProblemKind::ScientificId, _) => (
            "kept as written, but Excel rounded these long numbers: different customers or orders may now share one id",
            "Export the file again from the shop system without opening it in Excel, or format the id column as Text in Excel before saving.",
        ),
        (ProblemKind::Duplicate, _) => (
            "later copies dropped, the first kept",
            "Exports that overlap in time repeat rows; nothing to do unless the copies are real repeat purchases.",
        ),
    }
}

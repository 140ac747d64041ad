//! Building the load report's problems: counts, example rows, actions and hints.
//!
//! Contract: a problem is recorded only when its count is above zero. Examples are
//! the first [`MAX_EXAMPLES`] offending rows in file order; the scan stops as soon
//! as it has them. Values are shown as the source text (empty text for a missing
//! value).

use polars::prelude::*;

use crate::data::report::{Example, MAX_EXAMPLES, Problem, ProblemKind};
use crate::i18n::Phrase;
use crate::phrase;

/// Example rows where `mask` is true: source row number, column and value.
pub fn examples(
    mask: &BooleanChunked,
    rows: &Column,
    values: &Column,
    column: &str,
) -> PolarsResult<Vec<Example>> {
    let mut out = Vec::new();
    if !mask.any() {
        return Ok(out);
    }
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
    if !mask.any() {
        return Ok(out);
    }
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
    action: Phrase,
    hint: Phrase,
    examples: Vec<Example>,
) -> Option<Problem> {
    (count > 0).then_some(Problem {
        kind,
        count,
        action,
        hint,
        examples,
    })
}

/// Number of true values.
pub fn count(mask: &BooleanChunked) -> usize {
    mask.num_trues()
}

/// What the loader says about each kind, as (action, hint), worded when shown.
pub fn wording(kind: ProblemKind, dropped: bool) -> (Phrase, Phrase) {
    match (kind, dropped) {
        (ProblemKind::UnparseableDate, true) => {
            (phrase!("load-date-dropped"), phrase!("load-date-hint"))
        }
        (ProblemKind::UnparseableDate, false) => {
            (phrase!("load-date-kept"), phrase!("load-date-hint"))
        }
        (ProblemKind::UnparseableNumber, true) => {
            (phrase!("load-number-dropped"), phrase!("load-number-hint"))
        }
        (ProblemKind::UnparseableNumber, false) => {
            (phrase!("load-number-kept"), phrase!("load-number-hint"))
        }
        (ProblemKind::MissingCustomer, true) => (
            phrase!("load-customer-dropped"),
            phrase!("load-customer-dropped-hint"),
        ),
        (ProblemKind::MissingCustomer, false) => (
            phrase!("load-customer-kept"),
            phrase!("load-customer-kept-hint"),
        ),
        (ProblemKind::Return, _) => (phrase!("load-return-action"), phrase!("load-return-hint")),
        (ProblemKind::Cancelled, _) => (
            phrase!("load-cancelled-action"),
            phrase!("load-cancelled-hint"),
        ),
        (ProblemKind::NonPositivePrice, _) => {
            (phrase!("load-price-action"), phrase!("load-price-hint"))
        }
        (ProblemKind::FarDate, _) => (
            phrase!("load-far-date-action"),
            phrase!("load-far-date-hint"),
        ),
        (ProblemKind::ScientificId, _) => (
            phrase!("load-scientific-id-action"),
            phrase!("load-scientific-id-hint"),
        ),
        (ProblemKind::Duplicate, _) => (
            phrase!("load-duplicate-action"),
            phrase!("load-duplicate-hint"),
        ),
    }
}

//! Exact duplicate rows: identical in every source column.
//!
//! Contract: the first copy (lowest row number) is kept, later copies are dropped.
//! Nulls count as equal to nulls. The common case, no duplicates, costs one hashing
//! pass over the file; only the duplicated rows are grouped further to find which
//! copy came first.

use polars::prelude::*;

use super::problems::wording;
use crate::data::report::{Example, MAX_EXAMPLES, Problem, ProblemKind};

/// Internal name for the row numbers while grouping (cannot clash with a header
/// in practice, and is never shown).
const ROW_KEY: &str = "__marketbench_row__";

/// The rows to drop (true = a later copy) and the report entry.
pub struct Duplicates {
    pub drop: BooleanChunked,
    pub problem: Problem,
}

/// Finds later copies of identical rows in `source` (all columns). `rows` holds the
/// 1-based row numbers, aligned with `source`.
pub fn find_duplicates(source: &DataFrame, rows: &Column) -> PolarsResult<Option<Duplicates>> {
    if source.width() == 0 {
        return Ok(None);
    }
    let duplicated = source.is_duplicated()?;
    if !duplicated.any() {
        return Ok(None);
    }
    let keys: Vec<Expr> = source
        .get_column_names()
        .into_iter()
        .map(|name| col(name.clone()))
        .collect();
    let mut copies = source.filter(&duplicated)?;
    copies.with_column(rows.filter(&duplicated)?.with_name(ROW_KEY.into()))?;
    let groups = copies
        .lazy()
        .group_by_stable(keys)
        .agg([col(ROW_KEY)])
        .select([col(ROW_KEY)])
        .collect()?;

    // (later copy, first copy), by source row number.
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let lists = groups.column(ROW_KEY)?.list()?;
    for group in (0..lists.len()).filter_map(|i| lists.get_as_series(i)) {
        let numbers = group.cast(&DataType::UInt64)?;
        let mut group_rows: Vec<usize> = numbers
            .u64()?
            .iter()
            .flatten()
            .map(|r| r as usize)
            .collect();
        group_rows.sort_unstable();
        if let Some((first, later)) = group_rows.split_first() {
            dropped.extend(later.iter().map(|row| (*row, *first)));
        }
    }
    dropped.sort_unstable();

    let mut drop = vec![false; source.height()];
    for (row, _) in &dropped {
        if let Some(flag) = drop.get_mut(row - 1) {
            *flag = true;
        }
    }
    let examples: Vec<Example> = dropped
        .iter()
        .take(MAX_EXAMPLES)
        .map(|(row, first)| Example {
            row: *row,
            column: "(whole row)".into(),
            value: format!("same as row {first}"),
        })
        .collect();
    let (action, hint) = wording(ProblemKind::Duplicate, true);
    Ok(Some(Duplicates {
        drop: BooleanChunked::from_slice("duplicate".into(), &drop),
        problem: Problem {
            kind: ProblemKind::Duplicate,
            count: dropped.len(),
            action: action.into(),
            hint: hint.into(),
            examples,
        },
    }))
}

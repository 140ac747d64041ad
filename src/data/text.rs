//! Text columns that repeat a few values over millions of lines (item names,
//! categories, channels, order statuses) are stored as polars `Categorical`: four
//! bytes a line and each distinct text once, instead of a 16-byte view a line plus
//! the text (on 16.9 M lines: 2.8 GB → 1.7 GB after loading).
//!
//! Contract: [`compact`] is applied by the loader after its checks, to the
//! canonical columns of [`COMPACT_ROLES`] only; ids stay `String` (they are join
//! keys and unique per order). All tables share polars' global categories, so
//! joins and concatenations between files work. Code that reads such a column's
//! values as text goes through [`text`], which accepts both layouts, so frames
//! built by hand (`df!`) keep working.

use polars::prelude::*;
use rayon::prelude::*;

use super::Role;

/// Roles whose canonical column is stored as `Categorical`.
pub const COMPACT_ROLES: [Role; 4] = [Role::ItemName, Role::Category, Role::Region, Role::Status];

/// The categorical type every compact column uses (polars' global categories).
pub fn categorical() -> DataType {
    DataType::from_categories(Categories::global())
}

/// True when `name` is the canonical column of a [`COMPACT_ROLES`] role.
pub fn is_compact(name: &str) -> bool {
    COMPACT_ROLES.iter().any(|r| r.column_name() == name)
}

/// `column` as `Categorical` when it is a compact role's text column; any other
/// column is returned as it is.
pub fn compact(column: Column) -> PolarsResult<Column> {
    match is_compact(column.name()) && column.dtype() == &DataType::String {
        true => column.cast(&categorical()),
        false => Ok(column),
    }
}

/// The values of a text column as `String`, whether it is stored as text or as
/// `Categorical` (then decoded into a new column).
pub fn text(column: &Column) -> PolarsResult<StringChunked> {
    match column.dtype() {
        DataType::String => Ok(column.str()?.clone()),
        _ => Ok(column.cast(&DataType::String)?.str()?.clone()),
    }
}

/// The values of a text column read in place, as stored: `String` directly,
/// `Categorical` through its categories (no text copy per line). Other types are
/// an error; cast them first.
pub fn values(column: &Column) -> PolarsResult<Box<dyn Iterator<Item = Option<&str>> + '_>> {
    match column.dtype() {
        DataType::Categorical(..) => Ok(Box::new(column.cat32()?.iter_str())),
        _ => Ok(Box::new(column.str()?.iter())),
    }
}

/// Rows read by one parallel task of [`count_where`].
const CELLS_PER_TASK: usize = 256 * 1024;

/// The non-null cells of `text` for which `test` holds, counted in parallel over
/// row ranges (a text file's pieces are few and of unequal length). The load's
/// scans of millions of cells (NUL characters, cells to trim, Excel's numbers)
/// go through this: 3–4× faster than polars' string kernels on 2 cores.
pub fn count_where(text: &StringChunked, test: impl Fn(&str) -> bool + Sync) -> usize {
    (0..text.len().div_ceil(CELLS_PER_TASK))
        .into_par_iter()
        .map(|task| {
            let part = text.slice((task * CELLS_PER_TASK) as i64, CELLS_PER_TASK);
            let whole = part.null_count() == 0;
            part.downcast_iter()
                .map(|cells| match whole {
                    true => cells.values_iter().filter(|v| test(v)).count(),
                    false => cells.iter().flatten().filter(|v| test(v)).count(),
                })
                .sum::<usize>()
        })
        .sum()
}

/// True for a column `values` reads in place.
pub fn is_text(dtype: &DataType) -> bool {
    matches!(dtype, DataType::String | DataType::Categorical(..))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_counted_across_tasks_and_chunks_and_nulls_are_skipped() {
        // Three tasks' worth of rows in two chunks; every 1,000th cell holds a
        // NUL, every 7th is null (a null never counts, even where its slot
        // would hold a NUL).
        let rows = 2 * CELLS_PER_TASK + 1_234;
        let cell = |i: usize| {
            (!i.is_multiple_of(7))
                .then(|| format!("C{i}{}", if i.is_multiple_of(1_000) { "\0" } else { "" }))
        };
        let mut text: StringChunked = (0..rows / 2).map(cell).collect();
        text.append(&(rows / 2..rows).map(cell).collect()).unwrap();
        assert_eq!(text.chunks().len(), 2);
        let expected = (0..rows)
            .filter(|i| i.is_multiple_of(1_000) && !i.is_multiple_of(7))
            .count();
        assert_eq!(count_where(&text, |v| v.as_bytes().contains(&0)), expected);
        assert_eq!(count_where(&text, |_| true), rows - rows.div_ceil(7));
    }

    #[test]
    fn compact_columns_become_categorical_and_read_back_as_the_same_text() {
        let category = Column::new(
            "category".into(),
            [Some("美妆"), None, Some("食品"), Some("美妆")],
        );
        let stored = compact(category.clone()).unwrap();
        assert!(matches!(stored.dtype(), DataType::Categorical(..)));
        let back: Vec<Option<String>> = text(&stored)
            .unwrap()
            .iter()
            .map(|v| v.map(str::to_string))
            .collect();
        let given: Vec<Option<String>> = category
            .str()
            .unwrap()
            .iter()
            .map(|v| v.map(str::to_string))
            .collect();
        assert_eq!(back, given);
        let in_place: Vec<Option<&str>> = values(&stored).unwrap().collect();
        assert_eq!(in_place, [Some("美妆"), None, Some("食品"), Some("美妆")]);
        let id = Column::new("customer_id".into(), ["c1", "c2"]);
        assert_eq!(compact(id.clone()).unwrap().dtype(), &DataType::String);
    }
}

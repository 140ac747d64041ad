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

/// True for a column `values` reads in place.
pub fn is_text(dtype: &DataType) -> bool {
    matches!(dtype, DataType::String | DataType::Categorical(..))
}

#[cfg(test)]
mod tests {
    use super::*;

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

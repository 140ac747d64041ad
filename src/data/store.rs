//! The loaded files together: orders, events, customers and products, joined by key.

use polars::prelude::DataFrame;

use super::{DataError, FileKind, Table};

/// Every loaded table. Several files of one kind (two years of order exports) are
/// stacked; customers and products are joined onto order lines by key.
#[derive(Clone, Debug, Default)]
pub struct Store {
    pub tables: Vec<Table>,
}

impl Store {
    /// Adds a table, replacing one loaded from the same path. Returns the replaced one.
    pub fn insert(&mut self, _table: Table) -> Option<Table> {
        todo!("load helper")
    }

    pub fn of_kind(&self, kind: FileKind) -> impl Iterator<Item = &Table> {
        self.tables.iter().filter(move |t| t.kind == kind)
    }

    /// All order lines, stacked, with product and customer attributes joined on.
    /// None when no orders file is loaded.
    pub fn order_lines(&self) -> Result<Option<DataFrame>, DataError> {
        todo!("load helper")
    }
}

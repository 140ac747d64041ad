//! What the loaded files must hold before recommendations can run: the tab and
//! the guide say what is missing, and the update step starts no fit that could
//! only fail.

use crate::data::{FileKind, Role, Store};

/// An input the recommendations cannot do without that the loaded files lack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingInput {
    /// Neither an orders nor a ratings file is loaded.
    Purchases,
    /// No orders file has an item column.
    ItemColumn,
    /// No orders file has an order id column (baskets need one).
    OrderColumn,
}

/// What the loaded files lack for recommendations, if anything. A ratings file
/// always has customers and items, so with one nothing is missing. Orders
/// summed without loading (`Store::summed_orders`) need the same columns mapped.
pub fn missing_input(store: &Store) -> Option<MissingInput> {
    if store.of_kind(FileKind::Ratings).next().is_some() {
        return None;
    }
    if let Some(summed) = store.summed_orders() {
        return if !summed.maps(Role::ItemId) {
            Some(MissingInput::ItemColumn)
        } else if !summed.maps(Role::OrderId) {
            Some(MissingInput::OrderColumn)
        } else {
            None
        };
    }
    let has = |role: Role| {
        store
            .of_kind(FileKind::Orders)
            .any(|t| t.frame.column(role.column_name()).is_ok())
    };
    if store.of_kind(FileKind::Orders).next().is_none() {
        Some(MissingInput::Purchases)
    } else if !has(Role::ItemId) {
        Some(MissingInput::ItemColumn)
    } else if !has(Role::OrderId) {
        Some(MissingInput::OrderColumn)
    } else {
        None
    }
}

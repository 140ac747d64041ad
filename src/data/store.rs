//! The loaded files together: orders, events, customers and products, joined by key.
//!
//! Contract of [`Store::order_lines`]:
//! - Every orders table is stacked in load order; columns one file lacks are null
//!   there (diagonal concat), and each line gets a `file` column naming its source,
//!   so `file` + `row` point at the original line.
//! - Products are joined on `item_id`, customers on `customer_id`, as left joins
//!   that keep the order lines' order and count: a key that appears in several
//!   product (or customer) rows takes the first one loaded.
//! - A joined attribute (`item_name`, `category`, `unit_price`; `region`, `email`,
//!   `phone`) fills in only where the order line has none: the line's own value wins.
//! - Order lines without an amount (a file with no price or amount column) take
//!   `amount = quantity × unit_price` from the products file's price when there is
//!   one: the list price, the best the data allows. With no price anywhere the
//!   lines have no `amount` ([`Store::has_money`] is false).
//! - The whole thing is one lazy plan, collected once.
//!
//! Orders may be held summed instead of loaded ([`Store::summed`]): a file too
//! big to load, or a database source, summed per customer and per period each
//! time a tab asks (`data::summed`); their lines are never held. They count
//! only while no orders file is loaded ([`Store::summed_orders`]): loaded lines
//! win.

use polars::prelude::*;

use super::summed::SummedOrders;
use super::{DataError, FileKind, Role, Table};
use crate::tr;

/// Attributes products bring to order lines.
const PRODUCT_ATTRIBUTES: [Role; 3] = [Role::ItemName, Role::Category, Role::UnitPrice];
/// Attributes customers bring to order lines.
const CUSTOMER_ATTRIBUTES: [Role; 3] = [Role::Region, Role::Email, Role::Phone];
/// Name of the source file column in `order_lines`.
pub const FILE_COLUMN: &str = "file";
/// Prefix of joined attributes while they are merged.
const JOINED_PREFIX: &str = "__joined_";

/// Every loaded table. Several files of one kind (two years of order exports) are
/// stacked; customers and products are joined onto order lines by key.
#[derive(Clone, Debug, Default)]
pub struct Store {
    pub tables: Vec<Table>,
    /// Orders summed without loading (a file too big to load, or a database).
    pub summed: Option<SummedOrders>,
}

impl Store {
    /// Adds a table, replacing one loaded from the same path. Returns the replaced one.
    pub fn insert(&mut self, table: Table) -> Option<Table> {
        match self.tables.iter_mut().find(|t| t.path == table.path) {
            Some(slot) => Some(std::mem::replace(slot, table)),
            None => {
                self.tables.push(table);
                None
            }
        }
    }

    /// Whether order lines will carry money: an orders file with an amount (or a
    /// price), or a products file with prices for orders that name their items;
    /// or orders summed without loading, with an amount or a price.
    pub fn has_money(&self) -> bool {
        let has = |t: &Table, role: Role| t.frame.column(role.column_name()).is_ok();
        let priced_orders = self.of_kind(FileKind::Orders).any(|t| has(t, Role::Amount));
        let priced_catalogue = self
            .of_kind(FileKind::Products)
            .any(|t| has(t, Role::UnitPrice))
            && self.of_kind(FileKind::Orders).any(|t| has(t, Role::ItemId));
        let priced_sums = self.summed_orders().is_some_and(SummedOrders::money);
        priced_orders || priced_catalogue || priced_sums
    }

    /// The orders summed without loading, when no orders file is loaded.
    pub fn summed_orders(&self) -> Option<&SummedOrders> {
        match self.of_kind(FileKind::Orders).next() {
            Some(_) => None,
            None => self.summed.as_ref(),
        }
    }

    /// Whether there are orders to analyse: loaded, or summed without loading.
    pub fn has_orders(&self) -> bool {
        self.of_kind(FileKind::Orders).next().is_some() || self.summed.is_some()
    }

    /// The names of the loaded files, in load order (what errors name).
    pub fn file_names(&self) -> Vec<String> {
        self.tables.iter().map(|t| t.report.file.clone()).collect()
    }

    pub fn of_kind(&self, kind: FileKind) -> impl Iterator<Item = &Table> {
        self.tables.iter().filter(move |t| t.kind == kind)
    }

    /// All order lines, stacked, with product and customer attributes joined on.
    /// None when no orders file is loaded.
    pub fn order_lines(&self) -> Result<Option<DataFrame>, DataError> {
        self.lines_of(FileKind::Orders)
    }

    /// All explicit ratings, stacked, with product and customer attributes joined
    /// on as for order lines. None when no ratings file is loaded.
    pub fn ratings(&self) -> Result<Option<DataFrame>, DataError> {
        self.lines_of(FileKind::Ratings)
    }

    /// The tables of `kind` stacked and joined with products and customers.
    fn lines_of(&self, kind: FileKind) -> Result<Option<DataFrame>, DataError> {
        let failed = |source| DataError::Polars {
            file: self
                .of_kind(kind)
                .map(|t| t.report.file.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            context: tr!("context-join-products-customers", kind = kind.label()),
            source,
        };
        let Some(orders) = self.stacked(kind, true).map_err(failed)? else {
            return Ok(None);
        };
        let mut lines = orders;
        if let Some(products) = self.stacked(FileKind::Products, false).map_err(failed)? {
            lines = join_attributes(lines, products, Role::ItemId, &PRODUCT_ATTRIBUTES)
                .map_err(failed)?;
        }
        let unpriced = |t: &Table| t.frame.column(Role::Amount.column_name()).is_err();
        if kind == FileKind::Orders && self.of_kind(kind).any(unpriced) {
            lines = with_catalogue_amount(lines).map_err(failed)?;
        }
        if let Some(customers) = self.stacked(FileKind::Customers, false).map_err(failed)? {
            lines = join_attributes(lines, customers, Role::CustomerId, &CUSTOMER_ATTRIBUTES)
                .map_err(failed)?;
        }
        lines.collect().map(Some).map_err(failed)
    }

    /// The tables of `kind` stacked diagonally, optionally tagged with their file.
    fn stacked(&self, kind: FileKind, tag_file: bool) -> PolarsResult<Option<LazyFrame>> {
        let frames: Vec<LazyFrame> = self
            .of_kind(kind)
            .map(|t| {
                let lazy = t.frame.clone().lazy();
                if tag_file {
                    lazy.with_column(lit(t.report.file.as_str()).alias(FILE_COLUMN))
                } else {
                    lazy
                }
            })
            .collect();
        match frames.len() {
            0 => Ok(None),
            1 => Ok(frames.into_iter().next()),
            _ => concat(
                frames,
                UnionArgs {
                    diagonal: true,
                    to_supertypes: true,
                    rechunk: false,
                    ..UnionArgs::default()
                },
            )
            .map(Some),
        }
    }
}

/// `amount = quantity × unit_price` where order lines have a price (joined from
/// products) but no amount.
fn with_catalogue_amount(mut lines: LazyFrame) -> PolarsResult<LazyFrame> {
    let schema = lines.collect_schema()?;
    let (amount, price) = (Role::Amount.column_name(), Role::UnitPrice.column_name());
    if !schema.contains(price) {
        return Ok(lines);
    }
    let quantity = Role::Quantity.column_name();
    let derived = col(quantity).cast(DataType::Float64) * col(price).cast(DataType::Float64);
    let filled = if schema.contains(amount) {
        coalesce(&[col(amount).cast(DataType::Float64), derived])
    } else {
        derived
    };
    Ok(lines.with_column(filled.alias(amount)))
}

/// Left-joins `attributes` of `other` onto `lines` by `key`, filling only what the
/// lines lack.
fn join_attributes(
    lines: LazyFrame,
    other: LazyFrame,
    key: Role,
    attributes: &[Role],
) -> PolarsResult<LazyFrame> {
    let mut lines = lines;
    let mut other = other;
    let key_name = key.column_name();
    let line_schema = lines.collect_schema()?;
    let other_schema = other.collect_schema()?;
    if !line_schema.contains(key_name) || !other_schema.contains(key_name) {
        return Ok(lines);
    }
    let brought: Vec<Role> = attributes
        .iter()
        .copied()
        .filter(|a| other_schema.contains(a.column_name()))
        .collect();
    if brought.is_empty() {
        return Ok(lines);
    }
    let joined_name = |role: Role| format!("{JOINED_PREFIX}{}", role.column_name());
    let mut selection = vec![col(key_name)];
    selection.extend(
        brought
            .iter()
            .map(|a| col(a.column_name()).alias(joined_name(*a))),
    );
    let right = other
        .select(selection)
        .filter(col(key_name).is_not_null())
        .unique_stable(
            Some(by_name([key_name], true, false)),
            UniqueKeepStrategy::First,
        );
    let args = JoinArgs {
        maintain_order: MaintainOrderJoin::Left,
        ..JoinArgs::new(JoinType::Left)
    };
    let merged: Vec<Expr> = brought
        .iter()
        .map(|a| {
            let name = a.column_name();
            let joined = col(joined_name(*a));
            if line_schema.contains(name) {
                coalesce(&[col(name), joined]).alias(name)
            } else {
                joined.alias(name)
            }
        })
        .collect();
    let temporary: Vec<PlSmallStr> = brought
        .iter()
        .map(|a| PlSmallStr::from(joined_name(*a)))
        .collect();
    Ok(lines
        .join(right, [col(key_name)], [col(key_name)], args)
        .with_columns(merged)
        .drop(by_name(temporary, true, false)))
}

//! The distinct purchases of a streamed orders file, for popularity and
//! item-kNN recommendations (`analysis::recommend::pairs`), summed without
//! holding the lines:
//! - per customer × item: the distinct orders holding it and the time of the
//!   latest of them (an order's time for an item is its first line of the item);
//! - per item: its first non-empty name and category in file order, and the
//!   unit prices paid (how many lines paid each price; the price is the unit
//!   price, else amount ÷ quantity; only positive prices).
//!
//! Lines count as `analysis::recommend::interactions` counts loaded ones: kept
//! purchases (not a return, not cancelled, every number read, not on a far
//! date) with a customer, an item and an order. Explicit ratings are not read
//! here: a file with a rating column needs its lines.
//!
//! Memory: before the pairs are held, they are counted by a hash of each, per
//! part (8 bytes a pair while a part is read), and the caller's check may
//! refuse.

use polars::prelude::*;

use super::Scan;
use super::clean::ROW;
use crate::analysis::lines::{AnalysisError, polars_failed};
use crate::data::{DataError, Role};

/// What step the errors of this module name (`contexts.ftl`).
const STEP: &str = "context-scan-purchases";

/// The distinct purchases of a streamed file (see the module doc).
#[derive(Clone, Debug)]
pub struct Purchases {
    /// `customer_id`, `item_id` (text), `orders` (distinct orders holding the
    /// item, UInt32) and `last_ts` (milliseconds since 1970 of the latest, Int64).
    pub pairs: DataFrame,
    /// `item_id`, `name`, `category` (text, null when none), one row per item
    /// with a name or a category.
    pub items: DataFrame,
    /// `item_id`, `price` (Float64) and `lines` (UInt32): how many lines paid
    /// each price. Empty when the lines carry no money.
    pub prices: DataFrame,
}

impl Scan {
    /// The distinct purchases of the file, after `check` accepted the number of
    /// customer × item pairs (it refuses what would not fit). None when no line
    /// is a dated purchase.
    pub fn purchases(
        &self,
        check: impl FnOnce(u64) -> Result<(), AnalysisError>,
    ) -> Result<Option<Purchases>, AnalysisError> {
        for role in [Role::ItemId, Role::OrderId] {
            if !self.options.mapping.contains_key(&role) {
                return Err(AnalysisError::MissingColumn {
                    column: role.column_name().to_string(),
                    role: role.label(),
                });
            }
        }
        let histogram = self.histogram().map_err(|e| self.invalid(e))?;
        if histogram.default_analysis_date().is_none() {
            return Ok(None);
        }
        let lines = |part: u64| -> Result<LazyFrame, AnalysisError> {
            let bought = col("_buy")
                .and(col("customer_id").is_not_null())
                .and(col("item_id").is_not_null())
                .and(col("order_id").is_not_null());
            self.kept((part, Role::CustomerId), histogram.fences, true)
                .map(|lines| lines.filter(bought))
                .map_err(polars_failed(STEP))
        };
        let mut pairs = 0;
        for part in 0..self.passes {
            let hashed = concat_str([col("customer_id"), col("item_id")], "\u{1f}", false)
                .hash(3, 5, 7, 11)
                .n_unique()
                .cast(DataType::UInt64);
            let frame = collect(lines(part)?.select([hashed.alias("pairs")]))?;
            pairs += frame
                .column("pairs")
                .and_then(|c| c.u64().cloned())
                .map_err(polars_failed(STEP))?
                .get(0)
                .unwrap_or(0);
        }
        check(pairs)?;
        let mapping = &self.options.mapping;
        let price = if mapping.contains_key(&Role::UnitPrice) {
            Some(col("unit_price"))
        } else if mapping.contains_key(&Role::Amount) {
            Some(col("amount") / col("quantity"))
        } else {
            None
        };
        let (mut pairs, mut texts, mut prices) = (Vec::new(), Vec::new(), Vec::new());
        for part in 0..self.passes {
            let lines = lines(part)?;
            let events = lines
                .clone()
                .group_by([col("customer_id"), col("item_id"), col("order_id")])
                .agg([col("ts").min()]);
            let part_pairs = events.group_by([col("customer_id"), col("item_id")]).agg([
                len().cast(DataType::UInt32).alias("orders"),
                col("ts").max().cast(DataType::Int64).alias("last_ts"),
            ]);
            pairs.push(collect(part_pairs)?.lazy());
            for role in [Role::ItemName, Role::Category] {
                if mapping.contains_key(&role) {
                    let name = role.column_name();
                    let firsts = lines
                        .clone()
                        .filter(col(name).is_not_null())
                        .group_by([col("item_id"), col(name).alias("text")])
                        .agg([col(ROW).min()])
                        .with_column(lit(name).alias("role"));
                    texts.push(collect(firsts)?.lazy());
                }
            }
            if let Some(price) = price.clone() {
                let paid = lines
                    .select([col("item_id"), price.alias("price")])
                    .filter(col("price").gt(lit(0.0)).and(col("price").is_finite()))
                    .group_by([col("item_id"), col("price")])
                    .agg([len().cast(DataType::UInt32).alias("lines")]);
                prices.push(collect(paid)?.lazy());
            }
        }
        let pairs = concat(pairs, UnionArgs::default())
            .and_then(LazyFrame::collect)
            .map_err(polars_failed(STEP))?;
        Ok(Some(Purchases {
            pairs,
            items: first_texts(texts)?,
            prices: paid_prices(prices)?,
        }))
    }

    fn invalid(&self, error: DataError) -> AnalysisError {
        AnalysisError::Invalid {
            what: self.file(),
            why: error.to_string(),
        }
    }
}

/// Runs `query` on the streaming engine.
fn collect(query: LazyFrame) -> Result<DataFrame, AnalysisError> {
    super::collect(query).map_err(polars_failed(STEP))
}

/// Each item's name and category at its lowest line number over the parts'
/// `item_id, text, _row, role` frames.
fn first_texts(parts: Vec<LazyFrame>) -> Result<DataFrame, AnalysisError> {
    let first = |role: Role| {
        let of_role = col("role").eq(lit(role.column_name()));
        col("text")
            .filter(of_role.clone())
            .sort_by([col(ROW).filter(of_role)], SortMultipleOptions::default())
            .first()
    };
    let items = if parts.is_empty() {
        DataFrame::new(
            0,
            vec![
                Column::new_empty("item_id".into(), &DataType::String),
                Column::new_empty("name".into(), &DataType::String),
                Column::new_empty("category".into(), &DataType::String),
            ],
        )
    } else {
        concat(parts, UnionArgs::default()).and_then(|all| {
            all.group_by([col("item_id")])
                .agg([
                    first(Role::ItemName).alias("name"),
                    first(Role::Category).alias("category"),
                ])
                .collect()
        })
    };
    items.map_err(polars_failed(STEP))
}

/// The lines per item and price over the parts' `item_id, price, lines` frames.
fn paid_prices(parts: Vec<LazyFrame>) -> Result<DataFrame, AnalysisError> {
    let prices = if parts.is_empty() {
        DataFrame::new(
            0,
            vec![
                Column::new_empty("item_id".into(), &DataType::String),
                Column::new_empty("price".into(), &DataType::Float64),
                Column::new_empty("lines".into(), &DataType::UInt32),
            ],
        )
    } else {
        concat(parts, UnionArgs::default()).and_then(|all| {
            all.group_by([col("item_id"), col("price")])
                .agg([col("lines").sum().cast(DataType::UInt32)])
                .collect()
        })
    };
    prices.map_err(polars_failed(STEP))
}

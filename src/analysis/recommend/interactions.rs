//! Purchases or explicit ratings as interactions: one event per customer × item ×
//! order (or rating), indexed so the models work on dense integer ids.
//!
//! Contract:
//! - From order lines, only purchase lines count: return lines and cancelled lines
//!   are left out (the rules of `analysis::lines`), and so are lines without a
//!   customer, item, order id or time.
//! - An item bought twice in one order is one event (the order's first time);
//!   the interaction value of a customer × item is the number of distinct orders
//!   holding it (implicit feedback, [`Feedback::Purchases`]), never the quantity.
//! - Explicit feedback ([`Feedback::Ratings`]) when the lines carry a `rating`
//!   column (a ratings file, or orders with a rating mapped): only rated lines
//!   count, and the value of a customer × item is the mean of its ratings. A
//!   ratings file needs no order id (each rating is its own "order") and no time
//!   (without one, the file's row order stands for time).
//! - Customers, items and orders are indexed in ascending id order, so "lower item
//!   index" (the tie-break everywhere) means the lower item id. Events are sorted by
//!   customer, then time, then item.
//! - Item name and category are the first non-empty ones seen; the price is the
//!   median unit price paid (or amount / quantity when there is no unit price).

use std::collections::HashMap;

use polars::prelude::*;

use super::sparse::Csr;
use crate::analysis::lines::{
    AnalysisError, check_memory, polars_failed, require, with_net_amount,
};
use crate::data::Role;
use crate::tr;

/// One purchase: a customer bought an item in an order at a time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Event {
    pub customer: u32,
    pub item: u32,
    pub order: u32,
    /// Milliseconds since 1970 (the `ts` column).
    pub ts_ms: i64,
    /// The rating given ([`Feedback::Ratings`]). For a purchase, the orders
    /// the event stands for: 1, but one event stands for every order of a
    /// customer × item pair of a streamed file (`pairs`).
    pub rating: f32,
}

/// What the interaction values mean.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Feedback {
    /// Implicit: the number of distinct orders holding the item.
    #[default]
    Purchases,
    /// Explicit: the customer's mean rating of the item.
    Ratings,
}

impl Feedback {
    /// How the tab and the CLI name the data.
    pub fn label(self) -> &'static str {
        match self {
            Feedback::Purchases => "purchase counts",
            Feedback::Ratings => "explicit ratings",
        }
    }

    /// How the window names the data, in its language (the English name is
    /// [`Feedback::label`], which the CLI writes).
    pub fn display_name(self) -> String {
        match self {
            Feedback::Purchases => tr!("recommend-feedback-purchases"),
            Feedback::Ratings => tr!("recommend-feedback-ratings"),
        }
    }
}

/// What is known about an item besides its purchases.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemInfo {
    pub id: String,
    /// The item's name, or its id when no name is known.
    pub name: String,
    pub category: Option<String>,
    pub price: Option<f64>,
}

/// Every purchase event with the index maps.
#[derive(Clone, Debug, Default)]
pub struct Interactions {
    /// Customer ids by index (ascending).
    pub customers: Vec<String>,
    /// Items by index (ascending id).
    pub items: Vec<ItemInfo>,
    /// Number of distinct orders.
    pub orders: usize,
    /// Sorted by customer, time, item.
    pub events: Vec<Event>,
    pub feedback: Feedback,
}

impl Interactions {
    /// Builds from parts (events in any order); sorts the events.
    pub fn from_parts(
        customers: Vec<String>,
        items: Vec<ItemInfo>,
        orders: usize,
        mut events: Vec<Event>,
    ) -> Interactions {
        events.sort_unstable_by_key(|e| (e.customer, e.ts_ms, e.item, e.order));
        Interactions {
            customers,
            items,
            orders,
            events,
            feedback: Feedback::Purchases,
        }
    }

    /// The customer × item matrix over `events`: distinct-order counts, or mean
    /// ratings for explicit feedback.
    pub fn matrix(&self, events: &[Event]) -> Csr {
        let (rows, cols) = (self.customers.len(), self.items.len());
        if self.feedback == Feedback::Purchases {
            // The orders each event stands for (see `Event::rating`).
            let orders: Vec<(u32, u32, f32)> = events
                .iter()
                .map(|e| (e.customer, e.item, e.rating))
                .collect();
            return Csr::from_triplets(rows, cols, &orders);
        }
        let ones: Vec<(u32, u32, f32)> = events.iter().map(|e| (e.customer, e.item, 1.0)).collect();
        let counts = Csr::from_triplets(rows, cols, &ones);
        let rated: Vec<(u32, u32, f32)> = events
            .iter()
            .map(|e| (e.customer, e.item, e.rating))
            .collect();
        // Same cells in the same order as `counts`: sum / count is the mean.
        let mut sums = Csr::from_triplets(rows, cols, &rated);
        for (sum, n) in sums.values.iter_mut().zip(&counts.values) {
            *sum /= n;
        }
        sums
    }

    /// True for explicit ratings ([`Feedback::Ratings`]).
    pub fn is_explicit(&self) -> bool {
        self.feedback == Feedback::Ratings
    }

    /// The index of a customer id.
    pub fn customer_index(&self, id: &str) -> Option<usize> {
        self.customers.binary_search_by(|c| c.as_str().cmp(id)).ok()
    }

    /// The index of an item id.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items.binary_search_by(|i| i.id.as_str().cmp(id)).ok()
    }
}

/// A column of `frame` cast to `dtype` (taken as it is when it already has that
/// type), or nulls when the frame lacks it.
fn column_or_null(frame: &DataFrame, name: &str, dtype: DataType) -> Expr {
    match frame.schema().get(name) {
        Some(have) if *have == dtype => col(name),
        Some(_) => col(name).cast(dtype),
        None => lit(NULL).cast(dtype),
    }
}

/// A text column as stored (`String` or `Categorical`: read in place by
/// `data::text::values`), other types as `String`, nulls when absent.
fn text_as_stored(frame: &DataFrame, name: &str) -> Expr {
    match frame.schema().get(name) {
        Some(have) if crate::data::text::is_text(have) => col(name),
        _ => column_or_null(frame, name, DataType::String),
    }
}

/// The item attributes every source shares: name, category and price paid.
fn item_columns(frame: &DataFrame) -> [Expr; 3] {
    let number = |name: &str| column_or_null(frame, name, DataType::Float64);
    let price = when(number("unit_price").is_not_null())
        .then(number("unit_price"))
        .otherwise(number("amount") / number("quantity"));
    [
        text_as_stored(frame, "item_name").alias("name"),
        text_as_stored(frame, "category").alias("cat"),
        price.alias("price"),
    ]
}

/// Memory the interactions and a model take per order line, beyond the loaded
/// lines: about 0.7 GB above the load on 16.9 M lines (`benches/large.rs`), with
/// room for an allocator that holds more and for the larger models.
const BYTES_PER_LINE: u64 = 200;

/// Interactions from canonical order lines. Needs `customer_id`, `item_id`,
/// `order_id` and `ts`; with a `rating` column they are explicit ratings.
pub fn interactions_from_lines(lines: &DataFrame) -> Result<Interactions, AnalysisError> {
    check_memory(
        &tr!(
            "analysis-memory-purchases",
            lines = lines.height().to_string()
        ),
        lines.height(),
        BYTES_PER_LINE,
    )?;
    require(lines, Role::CustomerId)?;
    require(lines, Role::ItemId)?;
    require(lines, Role::OrderId)?;
    require(lines, Role::Timestamp)?;
    let text = |name: &str| column_or_null(lines, name, DataType::String);
    let explicit = lines.schema().contains("rating");
    let mut columns = vec![
        text("customer_id").alias("c"),
        text("item_id").alias("i"),
        text("order_id").alias("o"),
        col("ts").cast(DataType::Int64).alias("t"),
        column_or_null(lines, "rating", DataType::Float32).alias("r"),
    ];
    columns.extend(item_columns(lines));
    let rated = if explicit {
        col("r").is_not_null()
    } else {
        lit(true)
    };
    let purchase = col("_return").not().and(col("_cancelled").not());
    columns.push(purchase.alias(KEEP));
    let frame = with_net_amount(lines)
        .select(columns)
        .with_column(col(KEEP).and(rated).and(complete()).alias(KEEP))
        .collect()
        .map_err(polars_failed("context-purchases-for-recommendations"))?;
    let feedback = if explicit {
        Feedback::Ratings
    } else {
        Feedback::Purchases
    };
    from_frame(&frame, feedback)
}

/// Interactions from canonical explicit ratings (a ratings file). Needs
/// `customer_id`, `item_id` and `rating`; every row is its own "order", and the
/// time is `ts` when present, else the row order.
pub fn interactions_from_ratings(ratings: &DataFrame) -> Result<Interactions, AnalysisError> {
    require(ratings, Role::CustomerId)?;
    require(ratings, Role::ItemId)?;
    require(ratings, Role::Rating)?;
    let text = |name: &str| column_or_null(ratings, name, DataType::String);
    let position = col("_position").cast(DataType::Int64);
    let order = position.clone().cast(DataType::String);
    let time = column_or_null(ratings, "ts", DataType::Int64).fill_null(position);
    let mut columns = vec![
        text("customer_id").alias("c"),
        text("item_id").alias("i"),
        order.alias("o"),
        time.alias("t"),
        col("rating").cast(DataType::Float32).alias("r"),
    ];
    columns.extend(item_columns(ratings));
    let frame = ratings
        .clone()
        .lazy()
        .with_row_index("_position", None)
        .select(columns)
        .with_column(col("r").is_not_null().and(complete()).alias(KEEP))
        .collect()
        .map_err(polars_failed("context-ratings-for-recommendations"))?;
    from_frame(&frame, Feedback::Ratings)
}

/// The column of the frames [`from_frame`] reads that marks the rows that count.
const KEEP: &str = "_keep";

/// True for rows with a customer, an item, an order and a time.
fn complete() -> Expr {
    col("c")
        .is_not_null()
        .and(col("i").is_not_null())
        .and(col("o").is_not_null())
        .and(col("t").is_not_null())
}

/// Interactions from the rows marked [`KEEP`] of a frame of `c, i, o, t, r,
/// name, cat, price`. Nothing is filtered or copied: the text columns are the
/// lines' own (selected, not cast) and are read in place, never turned into one
/// `String` per row. A filtered copy of the lines took 1.8 GB on 16.9 M lines.
fn from_frame(lines: &DataFrame, feedback: Feedback) -> Result<Interactions, AnalysisError> {
    let context = "context-interactions-for-recommendations";
    let text = |name: &str| -> Result<StringChunked, AnalysisError> {
        lines
            .column(name)
            .and_then(|c| c.str().cloned())
            .map_err(polars_failed(context))
    };
    let (customer_ids, item_ids, order_ids) = (text("c")?, text("i")?, text("o")?);
    let stored = |name: &str| {
        lines
            .column(name)
            .and_then(crate::data::text::values)
            .map_err(polars_failed(context))
    };
    let (names, categories) = (stored("name")?, stored("cat")?);
    let keep = lines
        .column(KEEP)
        .and_then(|c| c.bool().cloned())
        .map_err(polars_failed(context))?;
    let keep: Vec<bool> = keep.iter().map(|k| k == Some(true)).collect();
    let times = lines
        .column("t")
        .and_then(|c| c.i64().cloned())
        .map_err(polars_failed(context))?;
    let ratings = lines
        .column("r")
        .and_then(|c| c.f32().cloned())
        .map_err(polars_failed(context))?;
    let prices = lines
        .column("price")
        .and_then(|c| c.f64().cloned())
        .map_err(polars_failed(context))?;

    let customers = Codes::sorted(&customer_ids, &keep);
    let item_codes = Codes::sorted(&item_ids, &keep);
    let orders = Codes::first_seen(&order_ids, &keep);
    let mut items: Vec<ItemInfo> = item_codes
        .owned()
        .into_iter()
        .map(|id| ItemInfo {
            name: id.clone(),
            id,
            ..ItemInfo::default()
        })
        .collect();
    let mut named = vec![false; items.len()];
    let mut paid: Vec<Vec<f64>> = vec![Vec::new(); items.len()];
    let mut events: Vec<Event> = Vec::with_capacity(keep.iter().filter(|k| **k).count());
    let attributes = names.zip(categories).zip(prices.iter());
    let rows = times.iter().zip(ratings.iter()).zip(attributes).enumerate();
    for (row, ((t, rating), ((name, category), price))) in rows {
        let (true, Some(t)) = (keep[row], t) else {
            continue;
        };
        let i = item_codes.codes[row];
        let info = &mut items[i as usize];
        if let Some(name) = name.filter(|n| !n.is_empty())
            && !named[i as usize]
        {
            info.name = name.to_string();
            named[i as usize] = true;
        }
        if info.category.is_none() {
            info.category = category.filter(|c| !c.is_empty()).map(String::from);
        }
        if let Some(p) = price.filter(|p| p.is_finite() && *p > 0.0) {
            paid[i as usize].push(p);
        }
        events.push(Event {
            customer: customers.codes[row],
            item: i,
            order: orders.codes[row],
            ts_ms: t,
            rating: rating.unwrap_or(1.0),
        });
    }
    // One event per customer × item × order: the earliest (the first row
    // among equal times; the sort is stable).
    events.sort_by_key(|e| (e.customer, e.item, e.order, e.ts_ms));
    events.dedup_by(|later, kept| {
        (later.customer, later.item, later.order) == (kept.customer, kept.item, kept.order)
    });
    for (info, mut prices) in items.iter_mut().zip(paid) {
        if !prices.is_empty() {
            prices.sort_unstable_by(f64::total_cmp);
            let mid = prices.len() / 2;
            info.price = Some(if prices.len() % 2 == 1 {
                prices[mid]
            } else {
                (prices[mid - 1] + prices[mid]) / 2.0
            });
        }
    }
    let mut interactions =
        Interactions::from_parts(customers.owned(), items, orders.values.len(), events);
    interactions.feedback = feedback;
    Ok(interactions)
}

/// A text column as integer codes: the distinct values among the kept rows
/// (borrowed from the column) and each kept row's code ([`Codes::SKIPPED`] for
/// the rows not kept; kept rows must not be null).
struct Codes<'a> {
    values: Vec<&'a str>,
    codes: Vec<u32>,
}

impl<'a> Codes<'a> {
    /// The code of a row that is not kept.
    const SKIPPED: u32 = u32::MAX;

    /// Codes in ascending order of the values.
    fn sorted(column: &'a StringChunked, keep: &[bool]) -> Codes<'a> {
        let first = Codes::first_seen(column, keep);
        let mut order: Vec<u32> = (0..first.values.len() as u32).collect();
        order.sort_unstable_by_key(|&code| first.values[code as usize]);
        let mut rank = vec![0u32; order.len()];
        for (position, &code) in order.iter().enumerate() {
            rank[code as usize] = position as u32;
        }
        Codes {
            values: order
                .iter()
                .map(|&code| first.values[code as usize])
                .collect(),
            codes: first
                .codes
                .iter()
                .map(|&c| rank.get(c as usize).copied().unwrap_or(Codes::SKIPPED))
                .collect(),
        }
    }

    /// Codes in the order the values first appear.
    fn first_seen(column: &'a StringChunked, keep: &[bool]) -> Codes<'a> {
        let mut position: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
        let mut values = Vec::new();
        let codes = column
            .iter()
            .zip(keep)
            .map(|(value, &kept)| {
                if !kept {
                    return Codes::SKIPPED;
                }
                let value = value.unwrap_or_default();
                *position.entry(value).or_insert_with(|| {
                    values.push(value);
                    values.len() as u32 - 1
                })
            })
            .collect();
        Codes { values, codes }
    }

    /// The distinct values as owned text.
    fn owned(&self) -> Vec<String> {
        self.values.iter().map(|v| v.to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purchases_only_one_event_per_order_and_sorted_indexes() {
        let lines = df!(
            "customer_id" => ["b", "a", "a", "a", "b", "a", "c"],
            "order_id" => ["o2", "o1", "o1", "o3", "o4", "o5", "o6"],
            "ts" => [5i64, 1, 2, 3, 4, 6, 7],
            "item_id" => ["y", "x", "x", "y", "x", "z", "y"],
            "item_name" => ["Y", "X", "X", "Y", "X", "Z", "Y"],
            "amount" => [1.0, 2.0, 2.0, 3.0, -2.0, 4.0, -3.0],
            "is_return" => [false, false, false, false, true, false, true],
            "is_cancelled" => [false, false, false, false, false, true, false],
        )
        .expect("frame");
        let lines = lines
            .lazy()
            .with_column(col("ts").cast(DataType::Datetime(TimeUnit::Milliseconds, None)))
            .collect()
            .expect("ts");
        let it = interactions_from_lines(&lines).expect("interactions");
        // c only returned an item: not a customer of the models.
        assert_eq!(it.customers, vec!["a", "b"]);
        let ids: Vec<&str> = it.items.iter().map(|i| i.id.as_str()).collect();
        // z was only in a cancelled line, x for b only a return.
        assert_eq!(ids, vec!["x", "y"]);
        assert_eq!(it.items[0].name, "X");
        let pairs: Vec<(u32, u32, i64)> = it
            .events
            .iter()
            .map(|e| (e.customer, e.item, e.ts_ms))
            .collect();
        assert_eq!(pairs, vec![(0, 0, 1), (0, 1, 3), (1, 1, 5)]);
        let m = it.matrix(&it.events);
        assert_eq!(m.get(0, 0), 1.0);
        assert_eq!(m.get(1, 0), 0.0);
    }
}

//! Interactions from the distinct purchases of a streamed orders file
//! (`data::scan::purchases`): popularity and item-kNN recommendations for a
//! file whose lines do not fit in memory.
//!
//! Contract: the customer × item matrix, the customers, the items (name,
//! category, median price paid) and every customer's last purchase (what
//! validation holds out: latest time, then highest item) are those
//! `interactions_from_lines` gives for the loaded file. The events are not
//! one per order: a pair is one event at its latest time, standing for its
//! orders (`Event::rating`, which the matrix and the leave-last-out split
//! read), each pair its own "order". So baskets (rules, last-basket and 80/20
//! splits) and purchase sequences (repeat, SASRec) cannot be read from them:
//! only the models that read the matrix (popularity, item-kNN, with
//! validation's leave-last-out) are fitted on these interactions.
//!
//! The same purchases summed by a database server
//! ([`interactions_from_database`]) give the same interactions.
//!
//! Memory: the pairs are counted before they are held, and refused when
//! [`BYTES_PER_PAIR`] each do not fit.

use polars::prelude::*;

use super::interactions::{Event, Feedback, Interactions, ItemInfo};
use crate::analysis::lines::{AnalysisError, polars_failed};
use crate::data::RoleMap;
use crate::data::db::pushdown::FarDates;
use crate::data::db::pushdown::purchases::purchases;
use crate::data::db::{Connection, Source};
use crate::data::memory;
use crate::data::scan::Scan;
use crate::data::scan::purchases::Purchases;
use crate::tr;

/// Memory per customer × item pair: its ids and figures in the summed frame
/// (about 50 bytes), its event and validation's two copies (24 each), and the
/// matrix cells of the model and of validation's fits (by customer and by
/// item, 8 each), with room for the allocator. An estimate from the sizes of
/// the structures, not measured.
pub const BYTES_PER_PAIR: u64 = 200;

/// The models that read only the customer × item matrix, so they can be fitted
/// on a streamed file's interactions.
pub fn fits_streamed(kind: super::ModelKind) -> bool {
    matches!(kind, super::ModelKind::Popular | super::ModelKind::ItemKnn)
}

/// The interactions of a streamed file's purchases, refused before anything is
/// held when they would not fit in memory. None when no line is a dated purchase.
pub fn interactions_from_scan(scan: &Scan) -> Result<Option<Interactions>, AnalysisError> {
    let check = |pairs: u64| match memory::shortfall(pairs.saturating_mul(BYTES_PER_PAIR)) {
        None => Ok(()),
        Some(why) => Err(AnalysisError::Invalid {
            what: tr!(
                "scan-memory-purchases",
                file = scan.file(),
                pairs = crate::numbers::count(pairs as usize)
            ),
            why,
        }),
    };
    match scan.purchases(check)? {
        Some(purchases) => interactions_from_purchases(&purchases).map(Some),
        None => Ok(None),
    }
}

/// The interactions of a database source's distinct purchases, summed by its
/// server (`data::db::pushdown::purchases`, columns named by `mapping`,
/// placeholder dates left out or kept by `far`), refused before anything is
/// fetched when they would not fit in memory; with the rows fetched. None when
/// no line is a purchase.
pub fn interactions_from_database(
    connection: &mut Connection,
    source: &Source,
    (mapping, far): (&RoleMap, FarDates),
) -> anyhow::Result<Option<(Interactions, usize)>> {
    let check = |pairs: u64| match memory::shortfall(pairs.saturating_mul(BYTES_PER_PAIR)) {
        None => Ok(()),
        Some(why) => Err(tr!(
            "db-pushdown-pairs-too-many",
            pairs = crate::numbers::count(pairs as usize),
            why = why
        )),
    };
    match purchases(connection, source, mapping, far, check)? {
        Some((purchases, rows)) => Ok(Some((interactions_from_purchases(&purchases)?, rows))),
        None => Ok(None),
    }
}

/// Interactions from the summed purchases (see the module contract).
pub fn interactions_from_purchases(purchases: &Purchases) -> Result<Interactions, AnalysisError> {
    let context = "context-scan-purchases";
    let failed = polars_failed(context);
    let pairs = &purchases.pairs;
    let text = |frame: &DataFrame, name: &str| -> PolarsResult<StringChunked> {
        frame.column(name).and_then(|c| c.str().cloned())
    };
    let read = || -> PolarsResult<_> {
        Ok((
            text(pairs, "customer_id")?,
            text(pairs, "item_id")?,
            pairs.column("orders")?.u32()?.clone(),
            pairs.column("last_ts")?.i64()?.clone(),
        ))
    };
    let (customer_ids, item_ids, orders, last) = read().map_err(failed)?;
    let customers = sorted_distinct(&customer_ids);
    let item_index = sorted_distinct(&item_ids);
    let mut items: Vec<ItemInfo> = item_index
        .iter()
        .map(|id| ItemInfo {
            id: id.clone(),
            name: id.clone(),
            ..ItemInfo::default()
        })
        .collect();
    attributes(purchases, &mut items).map_err(polars_failed(context))?;
    let index = |ids: &[String], id: &str| ids.binary_search_by(|v| v.as_str().cmp(id)).ok();
    let mut events = Vec::new();
    let rows = customer_ids.iter().zip(item_ids.iter());
    for ((customer, item), (n, ts_ms)) in rows.zip(orders.iter().zip(last.iter())) {
        let (Some(customer), Some(item), Some(n), Some(ts_ms)) = (customer, item, n, ts_ms) else {
            continue;
        };
        let (Some(customer), Some(item)) = (index(&customers, customer), index(&item_index, item))
        else {
            continue;
        };
        events.push(Event {
            customer: customer as u32,
            item: item as u32,
            order: events.len() as u32,
            ts_ms,
            rating: n as f32,
        });
    }
    let orders = events.len();
    let mut interactions = Interactions::from_parts(customers, items, orders, events);
    interactions.feedback = Feedback::Purchases;
    Ok(interactions)
}

/// The distinct values of a text column, ascending.
fn sorted_distinct(column: &StringChunked) -> Vec<String> {
    let mut values: Vec<&str> = column.iter().flatten().collect();
    values.sort_unstable();
    values.dedup();
    values.into_iter().map(String::from).collect()
}

/// Names, categories and median prices of `items` (sorted by id).
fn attributes(purchases: &Purchases, items: &mut [ItemInfo]) -> PolarsResult<()> {
    let ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
    let find = |id: &str| ids.binary_search_by(|v| v.as_str().cmp(id)).ok();
    let texts = &purchases.items;
    let text_ids = texts.column("item_id")?.str()?.clone();
    let names = texts.column("name")?.str()?.clone();
    let categories = texts.column("category")?.str()?.clone();
    for ((id, name), category) in text_ids.iter().zip(names.iter()).zip(categories.iter()) {
        if let Some(i) = id.and_then(find) {
            if let Some(name) = name {
                items[i].name = name.to_string();
            }
            items[i].category = category.map(String::from);
        }
    }
    // Each item's prices ascending with their line counts: the median line.
    let prices = &purchases.prices;
    let price_ids = prices.column("item_id")?.str()?.clone();
    let paid = prices.column("price")?.f64()?.clone();
    let lines = prices.column("lines")?.u32()?.clone();
    let mut by_item: Vec<Vec<(f64, u64)>> = vec![Vec::new(); items.len()];
    for ((id, price), n) in price_ids.iter().zip(paid.iter()).zip(lines.iter()) {
        if let (Some(i), Some(price), Some(n)) = (id.and_then(find), price, n) {
            by_item[i].push((price, u64::from(n)));
        }
    }
    for (info, mut prices) in items.iter_mut().zip(by_item) {
        prices.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        info.price = median(&prices);
    }
    Ok(())
}

/// The median of values given with their counts (ascending), as the median of
/// the values repeated: the middle one, or the mean of the two middle ones.
fn median(counted: &[(f64, u64)]) -> Option<f64> {
    let n: u64 = counted.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    let at = |position: u64| {
        let mut seen = 0;
        for &(value, count) in counted {
            seen += count;
            if seen > position {
                return value;
            }
        }
        counted.last().map_or(0.0, |(v, _)| *v)
    };
    Some(if n % 2 == 1 {
        at(n / 2)
    } else {
        (at(n / 2 - 1) + at(n / 2)) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn the_median_of_counted_values_is_the_median_of_the_values_repeated() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[(2.0, 3)]), Some(2.0));
        // 1 1 3 5: between 1 and 3.
        assert_eq!(median(&[(1.0, 2), (3.0, 1), (5.0, 1)]), Some(2.0));
        // 1 3 3 3 5: 3.
        assert_eq!(median(&[(1.0, 1), (3.0, 3), (5.0, 1)]), Some(3.0));
    }
}

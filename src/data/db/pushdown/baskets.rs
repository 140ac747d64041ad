//! The items bought together, counted by PostgreSQL for `rules` (frequently
//! bought together, rules of two items): how many baskets there are, how many
//! hold each frequent item, and how many hold each pair of frequent items, in
//! one query. Only one row per frequent item and per frequent pair is fetched.
//!
//! Not MariaDB: it computes a CTE again for each use (the lines were read 8
//! times: 2 M lines, 538 s, where fetching them takes 6 s), and a query
//! without CTEs reads them at least 4 times (a self-join of the order items);
//! `rules` fetches the lines from a MySQL-protocol server.
//!
//! A basket is the distinct items of one order among the purchases
//! (`purchases::bought_sql`, the lines `analysis::recommend::interactions`
//! counts), as `analysis::recommend::rules::baskets` makes it. An item or a
//! pair is frequent when at least `least` baskets hold it; a pair is counted
//! only over frequent items (a pair is never in more baskets than either of its
//! items). Items are indexed in ascending id order, as the loaded interactions
//! index them, so the rules come out in the same order. An item's name and
//! category are its smallest non-empty ones (a table has no row order).

use polars::prelude::*;

use super::purchases::bought_sql;
use super::{FarDates, KeptDays, Sql, fetch_sums, prepare};
use crate::analysis::recommend::ItemInfo;
use crate::analysis::recommend::rules::{RuleParams, least_count};
use crate::data::RoleMap;
use crate::data::db::{Connection, DbError, Dialect, Source};
use crate::tr;

/// The baskets summed by the database.
#[derive(Clone, Debug, PartialEq)]
pub struct PairCounts {
    /// How many baskets (orders with a purchase) there are.
    pub baskets: usize,
    /// The frequent items, ascending by id.
    pub items: Vec<ItemInfo>,
    /// Each frequent item (`[i]`) and pair (`[i, j]`, i < j) with the baskets
    /// holding it: the frequent itemsets of at most two items.
    pub itemsets: Vec<(Vec<u32>, u32)>,
    /// The rows fetched.
    pub rows: usize,
}

/// The SQL (PostgreSQL): one query, so the lines are read and deduplicated
/// once (three queries took 19.6 s on 2 M lines, one takes 11.7 s). Its rows:
/// `kind` 0, the number of `baskets`; `kind` 1, a frequent item `a` with its
/// `name`, `category` and `baskets`; `kind` 2, a frequent pair `a`, `b` (`a` <
/// `b` in the database's order) with its `baskets`, at most `limit` of them.
///
/// No join's plan may depend on estimates: PostgreSQL estimates one row for
/// the lines (a filtered, fenced subquery) and joined them in a nested loop
/// (sample shop: 48,608 order items, 192 s). Frequent items are kept by a
/// window count, not a join, and the items of each order are paired from one
/// sorted array.
fn pairs_sql(
    mapping: &RoleMap,
    select: &str,
    (unique, days): (bool, KeptDays),
    params: &RuleParams,
    limit: u64,
) -> Result<String, String> {
    let sql = Sql {
        dialect: Dialect::Postgres,
        mapping,
        unique,
        days,
    };
    let bought = bought_sql(&sql, select, Vec::new())?;
    // The threshold as `rules::least_count` computes it, in doubles.
    let share = sql.double(&format!("{:?}", params.min_support));
    let least = format!(
        "GREATEST(CEIL({share} * COUNT(DISTINCT order_key)), {}, 1)",
        params.min_count
    );
    let none = sql.text("NULL");
    let threshold = "(SELECT holding FROM least)";
    Ok(format!(
        "WITH held AS (SELECT order_key, item, MIN(item_name) AS item_name, \
         MIN(category) AS category FROM ({bought}) b GROUP BY order_key, item), \
         least AS (SELECT COUNT(DISTINCT order_key) AS baskets, {least} AS holding \
         FROM held), \
         kept AS (SELECT order_key, item FROM (SELECT order_key, item, \
         COUNT(*) OVER (PARTITION BY item) AS holding FROM held) h \
         WHERE holding >= {threshold}), \
         pairs AS (SELECT p.a, p.b FROM (SELECT ARRAY_AGG(item ORDER BY item) AS items \
         FROM kept GROUP BY order_key HAVING COUNT(*) > 1) o CROSS JOIN LATERAL \
         (SELECT i.item AS a, j.item AS b FROM UNNEST(o.items) WITH ORDINALITY \
         AS i(item, n) JOIN UNNEST(o.items) WITH ORDINALITY AS j(item, m) \
         ON i.n < j.m) p) \
         SELECT 0 AS kind, {none} AS a, {none} AS b, {none} AS name, {none} AS category, \
         baskets FROM least \
         UNION ALL SELECT 1, item, {none}, MIN(item_name), MIN(category), COUNT(*) \
         FROM held GROUP BY item HAVING COUNT(*) >= {threshold} \
         UNION ALL (SELECT 2, a, b, {none}, {none}, COUNT(*) FROM pairs \
         GROUP BY a, b HAVING COUNT(*) >= {threshold} LIMIT {limit})"
    ))
}

/// The baskets of `source` in PostgreSQL (columns named by `mapping`, an
/// orders mapping): the frequent items and pairs, frequent meaning in at least
/// `rules::least_count(params, baskets)` baskets. Refused, naming the SQL, when
/// more than `most_pairs` pairs are frequent. None when no line is a purchase.
pub fn pair_counts(
    connection: &mut Connection,
    source: &Source,
    (mapping, far): (&RoleMap, FarDates),
    params: &RuleParams,
    most_pairs: u64,
) -> Result<Option<PairCounts>, DbError> {
    let (select, unique, days) = prepare(connection, source, mapping, far)?;
    let limit = most_pairs.saturating_add(1);
    let sql = pairs_sql(mapping, &select, (unique, days), params, limit).map_err(|role| {
        DbError::Query {
            sql: select.clone(),
            message: tr!("db-pushdown-unmapped-pairs", role = role),
        }
    })?;
    let Some(frame) = fetch_sums(connection, &sql)? else {
        return Ok(None);
    };
    let kinds = numbers(&frame, "kind", &sql)?;
    let a = texts(&frame, "a", &sql)?;
    let b = texts(&frame, "b", &sql)?;
    let names = texts(&frame, "name", &sql)?;
    let categories = texts(&frame, "category", &sql)?;
    let counts = numbers(&frame, "baskets", &sql)?;
    let baskets = kinds
        .iter()
        .zip(&counts)
        .find(|(kind, _)| **kind == 0)
        .map_or(0, |(_, n)| *n as usize);
    if baskets == 0 {
        return Ok(None);
    }
    let pairs = kinds.iter().filter(|kind| **kind == 2).count() as u64;
    let least = least_count(params, baskets);
    if pairs > most_pairs {
        return Err(DbError::Query {
            sql,
            message: tr!(
                "db-pushdown-rule-pairs-too-many",
                pairs = crate::numbers::count(most_pairs as usize),
                least = least.to_string()
            ),
        });
    }
    let rows = frame.height();
    // Counts below Rust's threshold are dropped, should the database's doubles
    // have rounded it down.
    let frequent = |count: u64| count >= u64::from(least);
    let mut items: Vec<(ItemInfo, u32)> = Vec::new();
    for row in 0..rows {
        if let (1, Some(id), true) = (kinds[row], &a[row], frequent(counts[row])) {
            let info = ItemInfo {
                id: id.clone(),
                name: names[row].clone().unwrap_or_else(|| id.clone()),
                category: categories[row].clone(),
                price: None,
            };
            items.push((info, counts[row] as u32));
        }
    }
    items.sort_by(|x, y| x.0.id.cmp(&y.0.id));
    let index = |id: &Option<String>| {
        let id = id.as_deref()?;
        let at = items.binary_search_by(|(info, _)| info.id.as_str().cmp(id));
        at.ok().map(|i| i as u32)
    };
    let mut itemsets: Vec<(Vec<u32>, u32)> = (0..items.len() as u32)
        .map(|i| (vec![i], items[i as usize].1))
        .collect();
    for row in 0..rows {
        if let (2, Some(x), Some(y), true) = (
            kinds[row],
            index(&a[row]),
            index(&b[row]),
            frequent(counts[row]),
        ) {
            itemsets.push((vec![x.min(y), x.max(y)], counts[row] as u32));
        }
    }
    Ok(Some(PairCounts {
        baskets,
        items: items.into_iter().map(|(info, _)| info).collect(),
        itemsets,
        rows,
    }))
}

/// A column of a fetched frame as texts.
fn texts(frame: &DataFrame, name: &str, sql: &str) -> Result<Vec<Option<String>>, DbError> {
    let column = frame
        .column(name)
        .and_then(|c| c.cast(&DataType::String))
        .map_err(|e| failed(sql, e))?;
    let values = column.str().map_err(|e| failed(sql, e))?;
    Ok(values.iter().map(|v| v.map(String::from)).collect())
}

/// A column of counts of a fetched frame (a missing count is 0).
fn numbers(frame: &DataFrame, name: &str, sql: &str) -> Result<Vec<u64>, DbError> {
    let column = frame
        .column(name)
        .and_then(|c| c.cast(&DataType::UInt64))
        .map_err(|e| failed(sql, e))?;
    let values = column.u64().map_err(|e| failed(sql, e))?;
    Ok(values.iter().map(|v| v.unwrap_or(0)).collect())
}

fn failed(sql: &str, error: PolarsError) -> DbError {
    DbError::Query {
        sql: sql.to_string(),
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::mapping;
    use super::*;
    use crate::data::Role;

    #[test]
    fn pairs_are_counted_over_frequent_items_of_one_order() {
        let mapping = mapping(&[
            (Role::CustomerId, "客户"),
            (Role::ItemId, "商品"),
            (Role::OrderId, "订单"),
            (Role::Timestamp, "时间"),
        ]);
        let params = RuleParams {
            min_support: 0.001,
            min_count: 7,
            ..RuleParams::default()
        };
        let pg = pairs_sql(&mapping, "SELECT * FROM o", (false, None), &params, 1001).expect("sql");
        let least =
            "GREATEST(CEIL(CAST(0.001 AS DOUBLE PRECISION) * COUNT(DISTINCT order_key)), 7, 1)";
        assert!(pg.contains(least), "{pg}");
        assert!(
            pg.contains("LIMIT 1001)") && pg.contains("\"商品\""),
            "{pg}"
        );
        assert!(pg.contains("ARRAY_AGG(item ORDER BY item)") && !pg.contains(" JOIN kept"));
        assert!(pg.contains("SELECT DISTINCT *"), "an unkeyed table");
        let keyed = pairs_sql(&mapping, "SELECT 1", (true, None), &params, 10).expect("sql");
        assert!(!keyed.contains("DISTINCT *"), "a keyed table");
        // Without an order there are no baskets.
        let mut no_order = mapping.clone();
        no_order.remove(&Role::OrderId);
        let refused = pairs_sql(&no_order, "SELECT 1", (true, None), &params, 10);
        assert_eq!(refused.err(), Some(Role::OrderId.label()));
    }
}

//! The distinct purchases of the orders in a database, summed by it per
//! customer × item: the `Purchases` a streamed file gives (`data::scan`), so
//! `analysis::recommend::pairs` makes the popularity and item-kNN
//! interactions the loaded lines give, and only one row per customer × item
//! pair (plus one per item and per item × price) is fetched.
//!
//! Purchases are the lines `analysis::recommend::interactions` counts: not a
//! return, not cancelled, with a customer, an item, an order and a time. Per
//! pair: the distinct orders holding the item and the time of the latest (an
//! order's time for an item is its first line of the item). Per item: the
//! prices paid (the unit price, else amount ÷ quantity; only positive ones)
//! and how many lines paid each. Unlike a file, whose rows have an order, an
//! item's name and category are its smallest non-empty ones.

use polars::prelude::*;

use super::{FarDates, KeptDays, Sql, fetch_sums, ids_as_text, prepare};
use crate::data::db::{Connection, DbError, Dialect, Source};
use crate::data::scan::purchases::Purchases;
use crate::data::{Role, RoleMap};
use crate::tr;

/// The SQL of the three sums: the pairs, the items' names and categories, the
/// prices paid (`unique`: the rows of `select` cannot repeat). Err: the label of
/// a role they need that `mapping` lacks.
pub fn purchases_sql(
    dialect: Dialect,
    mapping: &RoleMap,
    select: &str,
    (unique, days): (bool, KeptDays),
) -> Result<[String; 3], String> {
    let sql = Sql {
        dialect,
        mapping,
        unique,
        days,
    };
    // Without a time column `bought_sql` refuses before this is used.
    let ts = sql.time().unwrap_or_default();
    // As a timestamp without zone: a `timestamptz` as the wall clock of the
    // session's time zone, as a fetch reads it.
    let ts_ms = match dialect {
        Dialect::Postgres => {
            format!("CAST(FLOOR(EXTRACT(EPOCH FROM CAST({ts} AS TIMESTAMP)) * 1000) AS BIGINT)")
        }
        Dialect::Mysql => {
            format!("TIMESTAMPDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', {ts}) DIV 1000")
        }
    };
    let price = match (
        sql.column(Role::UnitPrice),
        sql.column(Role::Amount),
        sql.column(Role::Quantity),
    ) {
        (Some(p), _, _) => sql.double(&p),
        (None, Some(a), Some(q)) => format!("{} / NULLIF({}, 0)", sql.double(&a), sql.double(&q)),
        (None, Some(a), None) => sql.double(&a),
        (None, None, _) => sql.double("NULL"),
    };
    let bought = bought_sql(&sql, select, vec![(ts_ms, "ts_ms"), (price, "price")])?;
    let pairs = format!(
        "SELECT customer AS customer_id, item AS item_id, COUNT(*) AS orders, \
         MAX(first_ms) AS last_ts FROM (SELECT customer, item, order_key, \
         MIN(ts_ms) AS first_ms FROM ({bought}) b GROUP BY customer, item, order_key) e \
         GROUP BY customer, item"
    );
    let items = format!(
        "SELECT item AS item_id, MIN(item_name) AS name, MIN(category) AS category \
         FROM ({bought}) b GROUP BY item"
    );
    let prices = format!(
        "SELECT item AS item_id, price, COUNT(*) AS paid_lines FROM ({bought}) b \
         WHERE price > 0 GROUP BY item, price"
    );
    Ok([pairs, items, prices])
}

/// The purchase lines of `select`: `customer`, `order_key`, `item`,
/// `item_name`, `category` and the `extra` columns, for the lines that are not
/// a return, not cancelled, and have a customer, an item, an order and a time.
/// Err: the label of a role they need that `sql`'s mapping lacks.
pub(super) fn bought_sql(
    sql: &Sql,
    select: &str,
    extra: Vec<(String, &str)>,
) -> Result<String, String> {
    for role in [Role::CustomerId, Role::ItemId, Role::OrderId] {
        if sql.column(role).is_none() {
            return Err(role.label());
        }
    }
    let text = |role: Role| match sql.column(role) {
        Some(c) => format!("NULLIF({}, '')", sql.text(&c)),
        None => sql.text("NULL"),
    };
    let item = sql.column(Role::ItemId).unwrap_or_default();
    let mut columns = vec![
        (sql.key(&item), "item"),
        (text(Role::ItemName), "item_name"),
        (text(Role::Category), "category"),
    ];
    columns.extend(extra);
    Ok(format!(
        "SELECT * FROM ({}) l WHERE ret = 0 AND canc = 0 AND customer IS NOT NULL \
         AND item IS NOT NULL AND order_key IS NOT NULL",
        sql.lines_with(select, &columns, !sql.unique)?
    ))
}

/// The distinct purchases of `source` (columns named by `mapping`, an orders
/// mapping; placeholder dates left out or kept by `far`), after `check`
/// accepted the number of customer × item pairs (it refuses what would not
/// fit); the rows fetched beside. None when no line is a purchase.
pub fn purchases(
    connection: &mut Connection,
    source: &Source,
    mapping: &RoleMap,
    far: FarDates,
    check: impl FnOnce(u64) -> Result<(), String>,
) -> Result<Option<(Purchases, usize)>, DbError> {
    let (select, unique, days) = prepare(connection, source, mapping, far)?;
    let [pairs_sql, items_sql, prices_sql] =
        purchases_sql(connection.dialect(), mapping, &select, (unique, days)).map_err(|role| {
            DbError::Query {
                sql: select.clone(),
                message: tr!("db-pushdown-unmapped-pairs", role = role),
            }
        })?;
    let count_sql = format!("SELECT COUNT(*) AS pairs FROM ({pairs_sql}) p");
    let counted = connection.fetch(&count_sql)?;
    let pairs = counted
        .column("pairs")
        .ok()
        .and_then(|c| c.cast(&DataType::UInt64).ok())
        .and_then(|c| c.u64().ok().and_then(|v| v.get(0)))
        .unwrap_or(0);
    check(pairs).map_err(|why| DbError::Query {
        sql: count_sql.clone(),
        message: why,
    })?;
    let Some(raw_pairs) = fetch_sums(connection, &pairs_sql)? else {
        return Ok(None);
    };
    let texts = fetch_sums(connection, &items_sql)?;
    let paid = fetch_sums(connection, &prices_sql)?;
    let rows = raw_pairs.height()
        + texts.as_ref().map_or(0, DataFrame::height)
        + paid.as_ref().map_or(0, DataFrame::height);
    let dialect = connection.dialect();
    let as_text = |frame: DataFrame, names: &[&str], sql: &str| {
        ids_as_text(frame, names, dialect).map_err(|e| DbError::Query {
            sql: sql.to_string(),
            message: e.to_string(),
        })
    };
    let raw_pairs = as_text(raw_pairs, &["customer_id", "item_id"], &pairs_sql)?;
    let texts = texts
        .map(|frame| as_text(frame, &["item_id"], &items_sql))
        .transpose()?;
    let paid = paid
        .map(|frame| as_text(frame, &["item_id"], &prices_sql))
        .transpose()?;
    // Each column as its SQL names it, as `Purchases` names it, and its type
    // (`lines` is a reserved word in MySQL).
    let typed = |raw: Option<DataFrame>, columns: &[(&str, &str, DataType)], sql: &str| {
        let empty = || {
            let empty: Vec<Column> = columns
                .iter()
                .map(|(_, name, dtype)| Column::new_empty((*name).into(), dtype))
                .collect();
            DataFrame::new(0, empty)
        };
        match raw {
            Some(raw) => raw
                .lazy()
                .select(
                    columns
                        .iter()
                        .map(|(from, name, dtype)| col(*from).cast(dtype.clone()).alias(*name))
                        .collect::<Vec<_>>(),
                )
                .collect(),
            None => empty(),
        }
        .map_err(|e| DbError::Query {
            sql: sql.to_string(),
            message: e.to_string(),
        })
    };
    let text = DataType::String;
    let purchases = Purchases {
        pairs: typed(
            Some(raw_pairs),
            &[
                ("customer_id", "customer_id", text.clone()),
                ("item_id", "item_id", text.clone()),
                ("orders", "orders", DataType::UInt32),
                ("last_ts", "last_ts", DataType::Int64),
            ],
            &pairs_sql,
        )?,
        items: typed(
            texts,
            &[
                ("item_id", "item_id", text.clone()),
                ("name", "name", text.clone()),
                ("category", "category", text.clone()),
            ],
            &items_sql,
        )?,
        prices: typed(
            paid,
            &[
                ("item_id", "item_id", text),
                ("price", "price", DataType::Float64),
                ("paid_lines", "lines", DataType::UInt32),
            ],
            &prices_sql,
        )?,
    };
    Ok(Some((purchases, rows)))
}

//! The database sums order lines only when the columns it reads are typed as
//! a load reads them (issue 19): an order time kept as day-first text
//! (`25/12/2024 10:00`, as shop systems export it) would be refused by
//! PostgreSQL (`DateStyle` MDY) and turned into NULL, the line silently
//! dropped, by MariaDB. The commands then fetch the lines, say why on
//! standard error, and give the figures of the same lines with a real
//! timestamp column, on real servers (`common::db`). A value PostgreSQL
//! refuses in the middle of a fetch is a refused query, not a broken
//! connection. A typed SELECT may end with a line comment. A `timestamptz`
//! column reads, fetched or summed, as the shop's wall clock in the
//! session's time zone.

mod common;

use common::cli::{json_of, marketbench, without_fit_times};
use common::close::assert_close_json;
use common::db::{Server, execute, fill_sample_orders, mariadb, postgres};
use marketbench::data::db::pushdown::FarDates::Drop;
use marketbench::data::db::pushdown::check_column_kinds;
use marketbench::data::db::pushdown::purchases::purchases;
use marketbench::data::db::{Connection, DbError, DbUrl, Dialect, Source};
use marketbench::data::{Role, RoleMap};
use polars::prelude::SortMultipleOptions;
use serde_json::Value;

/// Copies `orders` into `orders_text`, its time as day-first text.
fn add_text_time_table(server: &Server, dialect: Dialect) {
    let time = match dialect {
        Dialect::Postgres => "to_char(order_time, 'DD/MM/YYYY HH24:MI:SS')",
        Dialect::Mysql => "DATE_FORMAT(order_time, '%d/%m/%Y %H:%i:%s')",
    };
    execute(
        server,
        &[format!(
            "CREATE TABLE orders_text AS SELECT order_id, customer_id, {time} AS order_time, \
             sku, product_name, category, quantity, unit_price, amount, status, channel \
             FROM orders"
        )],
    );
}

/// `rfm --json` on `table`: its JSON and standard error.
fn rfm(server: &Server, table: &str) -> (Value, String) {
    command(server, &["rfm"], table)
}

/// `args --json` on `table`: its JSON and standard error.
fn command(server: &Server, args: &[&str], table: &str) -> (Value, String) {
    let mut all = args.to_vec();
    all.extend(["--db", &server.url, "--orders-table", table, "--json"]);
    let output = marketbench(&all);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (json_of(&output), stderr)
}

/// The JSON without the line that says what was pushed down, nor fit times.
fn figures(value: Value) -> Value {
    let mut value = without_fit_times(value);
    if let Some(object) = value.as_object_mut() {
        object.remove("pushed_down");
    }
    value
}

fn text_time_is_fetched_not_summed(server: &Server, dialect: Dialect) {
    fill_sample_orders(server, dialect);
    add_text_time_table(server, dialect);

    // The library refuses to sum it, naming the column and its type.
    let url = DbUrl::parse(&server.url).expect("url");
    let mut connection = Connection::open(&url).expect("connect");
    let mapping = RoleMap::from([(Role::Timestamp, "order_time".to_string())]);
    let text = Source::Table("orders_text".into());
    match check_column_kinds(&mut connection, &text, &mapping) {
        Err(DbError::ColumnType { column, found, .. }) => {
            assert_eq!(column, "order_time");
            assert!(["text", "VARCHAR"].contains(&found.as_str()), "{found}");
        }
        other => panic!("a text time must be refused: {other:?}"),
    }
    let typed = Source::Table("orders".into());
    check_column_kinds(&mut connection, &typed, &mapping).expect("a timestamp is summed");

    // The command fetches the text lines instead, and says why.
    let (pushed, _) = rfm(server, "orders");
    assert!(pushed["pushed_down"].is_string(), "{pushed}");
    let (mut fetched, stderr) = rfm(server, "orders_text");
    assert!(fetched.get("pushed_down").is_none(), "{fetched}");
    assert!(
        stderr.contains("order_time") && stderr.contains("fetched"),
        "{stderr}"
    );
    // Same customers, the same figures as the timestamp column's.
    let mut pushed = pushed;
    for value in [&mut pushed, &mut fetched] {
        let object = value.as_object_mut().expect("object");
        object.remove("pushed_down");
        object.remove("source");
    }
    assert_eq!(pushed["customers"], fetched["customers"]);
    assert_close_json(&pushed, &fetched, "rfm");

    // A typed SELECT with a line comment, as operators paste them: the comment
    // used to swallow the SQL built around the query.
    let comment = match dialect {
        Dialect::Postgres => "-- every line",
        Dialect::Mysql => "# every line",
    };
    let query = format!("SELECT * FROM orders {comment}");
    let output = marketbench(&[
        "rfm",
        "--db",
        &server.url,
        "--orders-query",
        &query,
        "--json",
    ]);
    let mut commented = json_of(&output);
    assert!(commented["pushed_down"].is_string(), "{commented}");
    commented
        .as_object_mut()
        .expect("object")
        .remove("pushed_down");
    assert_close_json(&pushed, &commented, "rfm of a commented query");
}

#[test]
fn postgres_text_time_is_fetched_not_summed() {
    let server = postgres();
    text_time_is_fetched_not_summed(&server, Dialect::Postgres);
    // What the sums would have met: the server refuses a day-first date in
    // the middle of the rows. That is a refusal naming the SQL and the
    // server's words, not a broken connection, and the connection stays usable.
    let url = DbUrl::parse(&server.url).expect("url");
    let mut connection = Connection::open(&url).expect("connect");
    let sql = "SELECT CAST(order_time AS DATE) AS day FROM orders_text";
    match connection.fetch(sql) {
        Err(error @ DbError::Query { .. }) => {
            assert!(error.sql().is_some_and(|s| s.contains(sql)), "{error}");
            assert!(error.to_string().contains("datestyle"), "{error}");
        }
        other => panic!("a refusal: {other:?}"),
    }
    let rows = connection.count(&Source::Table("orders_text".into()));
    assert_eq!(rows.expect("count"), 51_007);
}

/// A `timestamp with time zone` column (Rails' and Django's default) in a
/// shop in Shanghai: PostgreSQL writes its values as `2024-07-01 08:52:36+08`,
/// which a fetch could not read at all. Fetched or summed, the days are the
/// shop's wall-clock days in the session's time zone, so the figures equal
/// those of the same wall-clock times in a plain `timestamp` column (in UTC,
/// the lines before 8 am would move to the day before). Lines at `infinity`
/// and `-infinity` count as undated both ways (they made the sums' day
/// arithmetic fail).
#[test]
fn postgres_time_zone_columns_read_as_the_shops_wall_clock() {
    let server = postgres();
    fill_sample_orders(&server, Dialect::Postgres);
    execute(
        &server,
        &[
            "CREATE TABLE orders_tz AS SELECT * FROM orders".into(),
            "ALTER TABLE orders_tz ALTER COLUMN order_time TYPE timestamptz \
             USING order_time AT TIME ZONE 'Asia/Shanghai'"
                .into(),
            "ALTER ROLE mb SET timezone = 'Asia/Shanghai'".into(),
            // PostgreSQL's own placeholders: no date to a fetch, none to the sums.
            "INSERT INTO orders_tz (order_id, customer_id, order_time, sku, quantity, \
             unit_price, amount, status) VALUES \
             ('INF-1', 'C00233', 'infinity', 'SKU0212', 1, 89.00, 89.00, 'paid'), \
             ('INF-2', 'C99999', '-infinity', 'SKU0212', 1, 89.00, 89.00, 'paid')"
                .into(),
        ],
    );
    // Each customer × item's last purchase time, as the wall clock.
    let url = DbUrl::parse(&server.url).expect("url");
    let mut connection = Connection::open(&url).expect("connect");
    let mapping = RoleMap::from([
        (Role::CustomerId, "customer_id".to_string()),
        (Role::OrderId, "order_id".to_string()),
        (Role::Timestamp, "order_time".to_string()),
        (Role::ItemId, "sku".to_string()),
        (Role::Amount, "amount".to_string()),
    ]);
    let mut last_bought = |table: &str| {
        let source = Source::Table(table.into());
        let (purchases, _) = purchases(&mut connection, &source, &mapping, Drop, |_| Ok(()))
            .expect("pushed down")
            .expect("purchases");
        purchases
            .pairs
            .sort(["customer_id", "item_id"], SortMultipleOptions::default())
            .expect("sorted")
    };
    let (plain, zoned) = (last_bought("orders"), last_bought("orders_tz"));
    assert!(plain.equals_missing(&zoned), "{plain}\n{zoned}");

    for args in [
        &["rfm"][..],
        &["forecast", "--freq", "day", "--measure", "orders"],
        &["recommend", "--model", "item-knn", "--top", "5"],
    ] {
        let (plain, _) = command(&server, args, "orders");
        let (pushed, _) = command(&server, args, "orders_tz");
        assert!(pushed["pushed_down"].is_string(), "{args:?}: {pushed}");
        let mut fetch = args.to_vec();
        fetch.push("--fetch-lines");
        let (fetched, stderr) = command(&server, &fetch, "orders_tz");
        assert!(fetched.get("pushed_down").is_none(), "{stderr}");
        let what = args.join(" ");
        assert_close_json(&figures(pushed), &figures(plain.clone()), &what);
        assert_close_json(&figures(fetched), &figures(plain), &what);
    }
}

#[test]
fn mariadb_text_time_is_fetched_not_summed() {
    text_time_is_fetched_not_summed(&mariadb(), Dialect::Mysql);
}

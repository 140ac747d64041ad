//! Database sources against real servers (issue 19): PostgreSQL and MariaDB
//! started from the Debian packages in temporary folders (`common::db`).
//!
//! Each test starts its own servers and stops them at the end. The same order
//! lines (Chinese column names and values, a duplicate row, a return, a
//! cancellation, a line without customer and one without date) are written to a
//! CSV file and to a table, and must give the same loaded table, and the RFM
//! the database sums per customer must equal polars' RFM on the loaded lines.
//! The window's dialog lists the tables, sizes a source before fetching it and
//! fetches with progress and Cancel; a MariaDB connection killed mid-fetch is a
//! `DbError::Lost` (PostgreSQL's is driven through the window in `ui_db.rs`).

mod common;

use std::path::{Path, PathBuf};

use common::cli::{json_of, marketbench};
use common::db::{Server, execute, mariadb, postgres};
use marketbench::analysis::rfm::{RfmParams, rfm, rfm_of_customers};
use marketbench::cli::{DbArgs, LoadArgs, load_files};
use marketbench::data::db::pushdown::FarDates;
use marketbench::data::db::{Connection, DbError, DbUrl, Dialect, Source, pushdown, quote};
use marketbench::data::{FileKind, Table};
use marketbench::jobs::Progress;
use mysql::prelude::Queryable;

const HEADER: [&str; 7] = [
    "客户ID",
    "订单号",
    "下单时间",
    "商品",
    "数量",
    "金额",
    "状态",
];

/// The order lines; an empty cell is NULL in the database.
const ROWS: [[&str; 7]; 15] = [
    [
        "C001",
        "O1",
        "2024-01-05 10:00:00",
        "绿茶",
        "2",
        "30.00",
        "已完成",
    ],
    [
        "C001",
        "O1",
        "2024-01-05 10:00:00",
        "乌龙茶",
        "1",
        "45.50",
        "已完成",
    ],
    [
        "C001",
        "O2",
        "2024-02-10 09:30:00",
        "绿茶",
        "1",
        "15.00",
        "已完成",
    ],
    [
        "C001",
        "R1",
        "2024-02-12 12:00:00",
        "绿茶",
        "-1",
        "-15.00",
        "退货",
    ],
    [
        "C002",
        "O3",
        "2024-01-20 18:00:00",
        "茉莉花茶",
        "3",
        "60.00",
        "已完成",
    ],
    [
        "C002",
        "O4",
        "2024-03-01 08:00:00",
        "普洱",
        "1",
        "120.00",
        "已取消",
    ],
    [
        "C003",
        "O5",
        "2024-02-28 20:00:00",
        "红茶",
        "2",
        "50.00",
        "已完成",
    ],
    [
        "C003",
        "O5",
        "2024-02-28 20:00:00",
        "红茶",
        "2",
        "50.00",
        "已完成",
    ],
    [
        "C004",
        "O6",
        "2024-03-02 11:00:00",
        "白茶",
        "1",
        "80.00",
        "已完成",
    ],
    [
        "C004",
        "O7",
        "2024-03-03 11:00:00",
        "白茶",
        "1",
        "80.00",
        "已完成",
    ],
    [
        "C005",
        "R2",
        "2024-03-01 10:00:00",
        "绿茶",
        "-1",
        "-15.00",
        "退款",
    ],
    [
        "",
        "O8",
        "2024-02-01 10:00:00",
        "绿茶",
        "1",
        "15.00",
        "已完成",
    ],
    ["C006", "O9", "", "绿茶", "1", "15.00", "已完成"],
    [
        "C007",
        "O10",
        "2024-01-15 10:00:00",
        "红茶",
        "4",
        "100.00",
        "已完成",
    ],
    [
        "C008",
        "O11",
        "2024-03-03 15:00:00",
        "绿茶",
        "1",
        "15.00",
        "已完成",
    ],
];

fn write_csv(folder: &Path) -> PathBuf {
    let mut text = HEADER.join(",") + "\n";
    for row in ROWS {
        text.push_str(&row.join(","));
        text.push('\n');
    }
    let path = folder.join("订单.csv");
    std::fs::write(&path, text).expect("write csv");
    path
}

/// `INSERT INTO 订单 VALUES …` for `dialect`.
fn insert_sql(dialect: Dialect) -> String {
    let values: Vec<String> = ROWS
        .iter()
        .map(|row| {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, cell)| match (cell.is_empty(), i) {
                    (true, _) => "NULL".to_string(),
                    (false, 4 | 5) => cell.to_string(),
                    (false, _) => format!("'{cell}'"),
                })
                .collect();
            format!("({})", cells.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {} VALUES {}",
        quote(dialect, "订单"),
        values.join(", ")
    )
}

/// Creates and fills the `订单` table; on MariaDB also the user `mb` with a
/// password.
fn fill(server: &Server, dialect: Dialect) {
    let types = match dialect {
        Dialect::Postgres => [
            "TEXT",
            "TEXT",
            "TIMESTAMP",
            "TEXT",
            "INTEGER",
            "NUMERIC(10,2)",
            "TEXT",
        ],
        Dialect::Mysql => [
            "VARCHAR(20)",
            "VARCHAR(20)",
            "DATETIME",
            "VARCHAR(40)",
            "INT",
            "DECIMAL(10,2)",
            "VARCHAR(20)",
        ],
    };
    let columns: Vec<String> = HEADER
        .iter()
        .zip(types)
        .map(|(name, kind)| format!("{} {kind}", quote(dialect, name)))
        .collect();
    let mut statements = vec![
        format!(
            "CREATE TABLE {} ({})",
            quote(dialect, "订单"),
            columns.join(", ")
        ),
        insert_sql(dialect),
    ];
    if dialect == Dialect::Mysql {
        statements.push("CREATE USER 'mb'@'localhost' IDENTIFIED BY 'hunter2secret'".into());
        statements.push("GRANT ALL ON shop.* TO 'mb'@'localhost'".into());
    }
    execute(server, &statements);
}

fn db_args(url: &str, table: Option<&str>, query: Option<&str>) -> LoadArgs {
    LoadArgs {
        database: DbArgs {
            db: Some(url.to_string()),
            orders_table: table.map(str::to_string),
            orders_query: query.map(str::to_string),
            ..DbArgs::default()
        },
        ..LoadArgs::default()
    }
}

fn only_table(args: &LoadArgs, files: &[PathBuf]) -> Table {
    let loaded = load_files(files, args).unwrap_or_else(|e| panic!("load: {e:#}"));
    assert_eq!(loaded.store.tables.len(), 1);
    loaded.store.tables.into_iter().next().expect("table")
}

fn assert_same_table(from_db: &Table, from_csv: &Table, what: &str) {
    assert_eq!(from_db.kind, FileKind::Orders, "{what}");
    assert_eq!(from_db.mapping, from_csv.mapping, "{what}");
    assert_eq!(
        from_db.report.rows_read, from_csv.report.rows_read,
        "{what}"
    );
    assert_eq!(
        from_db.report.rows_kept, from_csv.report.rows_kept,
        "{what}"
    );
    assert!(
        from_db.frame.equals_missing(&from_csv.frame),
        "{what}: the database gave\n{}\nthe CSV file\n{}",
        from_db.frame,
        from_csv.frame
    );
}

fn loads_like_csv(server: &Server, dialect: Dialect) {
    fill(server, dialect);
    let folder = tempfile::tempdir().expect("temp");
    let csv = write_csv(folder.path());
    let from_csv = only_table(&LoadArgs::default(), &[csv]);
    assert_eq!(
        from_csv.report.rows_kept, 13,
        "a duplicate and an undated line dropped"
    );

    let from_table = only_table(&db_args(&server.url, Some("订单"), None), &[]);
    assert_same_table(&from_table, &from_csv, "table");

    let columns: Vec<String> = HEADER.iter().map(|h| quote(dialect, h)).collect();
    let select = format!(
        "SELECT {} FROM {} WHERE {} IS NULL OR {} <> '测试'",
        columns.join(", "),
        quote(dialect, "订单"),
        columns[6],
        columns[6]
    );
    let from_query = only_table(&db_args(&server.url, None, Some(&select)), &[]);
    assert_same_table(&from_query, &from_csv, "query");
    assert!(
        from_query.report.file.contains("query"),
        "{}",
        from_query.report.file
    );
}

#[test]
fn postgres_orders_from_a_table_and_a_chinese_select_load_like_the_csv() {
    loads_like_csv(&postgres(), Dialect::Postgres);
}

#[test]
fn mariadb_orders_from_a_table_and_a_chinese_select_load_like_the_csv() {
    loads_like_csv(&mariadb(), Dialect::Mysql);
}

fn pushdown_equals_polars(server: &Server, dialect: Dialect) {
    fill(server, dialect);
    let loaded = load_files(&[], &db_args(&server.url, Some("订单"), None)).expect("load");
    let lines = loaded.store.order_lines().expect("lines").expect("orders");
    let expected = rfm(&lines, &RfmParams::default(), &Progress::detached()).expect("rfm");

    let url = DbUrl::parse(&server.url).expect("url");
    let mut connection = Connection::open(&url).expect("connect");
    let mapping = &loaded.store.tables[0].mapping;
    let source = Source::Table("订单".into());
    let aggregate =
        pushdown::customer_aggregate(&mut connection, &source, mapping, FarDates::Drop, None)
            .expect("aggregate")
            .expect("customers");
    assert!(aggregate.money);
    assert!(aggregate.sql.contains("GROUP BY"), "{}", aggregate.sql);
    let pushed =
        rfm_of_customers(aggregate.table, aggregate.money, &Progress::detached()).expect("rfm");
    assert_eq!(pushed.analysis_date, expected.analysis_date);
    assert!(
        pushed.customers.equals_missing(&expected.customers),
        "pushed down:\n{}\npolars:\n{}",
        pushed.customers,
        expected.customers
    );
    assert_eq!(pushed.groups, expected.groups);
    // C001: O1 and O2 (the return adds no order); C002's cancelled order does
    // not count; C005 has only a return: no row.
    assert_eq!(pushed.len(), 6);

    // The command line takes the same path and prints what the CSV file gives.
    let folder = tempfile::tempdir().expect("temp");
    let csv = write_csv(folder.path());
    let mut from_db = json_of(&marketbench(&[
        "rfm",
        "--db",
        &server.url,
        "--orders-table",
        "订单",
        "--json",
    ]));
    let pushed_down = from_db
        .as_object_mut()
        .and_then(|o| o.remove("pushed_down"));
    assert!(pushed_down.is_some(), "{from_db}");
    let from_file = json_of(&marketbench(&[
        "rfm",
        csv.to_str().expect("utf-8"),
        "--json",
    ]));
    assert_eq!(from_db, from_file);
}

#[test]
fn postgres_rfm_pushed_down_equals_the_polars_rfm() {
    pushdown_equals_polars(&postgres(), Dialect::Postgres);
}

#[test]
fn mariadb_rfm_pushed_down_equals_the_polars_rfm() {
    pushdown_equals_polars(&mariadb(), Dialect::Mysql);
}

fn errors_name_the_sql_never_the_password(
    server: &Server,
    dialect: Dialect,
    with_password: &str,
    server_says: &str,
) {
    fill(server, dialect);
    let bad = "SELECT nope FROM 订单";
    let error = load_files(&[], &db_args(with_password, None, Some(bad)))
        .err()
        .expect("a bad query fails");
    let text = format!("{error:#}");
    assert!(text.contains(bad), "names the SQL: {text}");
    assert!(text.contains(server_says), "the server's message: {text}");
    assert!(!text.contains("hunter2secret"), "{text}");

    // A database that does not exist: a connection error, shown without the password.
    let missing = with_password
        .replace("/postgres?", "/nosuchdb?")
        .replace("/shop?", "/nosuchdb?");
    let error = load_files(&[], &db_args(&missing, Some("订单"), None))
        .err()
        .expect("no such database");
    let text = format!("{error:#}");
    assert!(text.contains("nosuchdb"), "{text}");
    assert!(!text.contains("hunter2secret"), "{text}");

    let output = marketbench(&["rfm", "--db", &missing, "--orders-table", "订单"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("nosuchdb"), "{stderr}");
    assert!(!stderr.contains("hunter2secret"), "{stderr}");
}

#[test]
fn postgres_errors_name_the_sql_and_the_server_message_never_the_password() {
    let server = postgres();
    let url = server
        .url
        .replace("postgres://mb@", "postgres://mb:hunter2secret@");
    errors_name_the_sql_never_the_password(
        &server,
        Dialect::Postgres,
        &url,
        "column \"nope\" does not exist",
    );
}

#[test]
fn mariadb_errors_name_the_sql_and_the_server_message_never_the_password() {
    let server = mariadb();
    let url = server
        .url
        .replace("mysql://root@", "mysql://mb:hunter2secret@");
    errors_name_the_sql_never_the_password(&server, Dialect::Mysql, &url, "Unknown column 'nope'");
}

fn lists_sizes_and_fetches_with_progress(server: &Server, dialect: Dialect) {
    fill(server, dialect);
    let url = DbUrl::parse(&server.url).expect("url");
    let mut connection = Connection::open(&url).expect("connect");
    assert_eq!(
        connection.tables().expect("tables"),
        vec!["订单".to_string()]
    );

    let source = Source::Table("订单".into());
    let estimate = connection.estimate(&source).expect("estimate");
    assert_eq!(estimate.rows, ROWS.len() as u64);
    let select = source.select(dialect);
    let progress = Progress::detached();
    let frame = connection
        .fetch_with(&select, &progress, Some(estimate.rows))
        .expect("fetch");
    // Every row fits in the sample, so the size said is the fetched frame's.
    assert!(
        estimate.bytes.abs_diff(frame.estimated_size() as u64) <= 1,
        "{estimate:?} vs {}",
        frame.estimated_size()
    );
    let snapshot = progress.snapshot();
    assert_eq!((snapshot.done, snapshot.total), (15, 15));

    let cancelled = Progress::detached();
    cancelled.cancel();
    let error = connection
        .fetch_with(&select, &cancelled, Some(estimate.rows))
        .expect_err("cancelled");
    assert!(matches!(error, DbError::Cancelled), "{error}");
}

#[test]
fn postgres_tables_are_listed_and_sized_before_a_fetch_that_reports_and_cancels() {
    lists_sizes_and_fetches_with_progress(&postgres(), Dialect::Postgres);
}

#[test]
fn mariadb_tables_are_listed_and_sized_before_a_fetch_that_reports_and_cancels() {
    lists_sizes_and_fetches_with_progress(&mariadb(), Dialect::Mysql);
}

#[test]
fn a_mariadb_connection_killed_mid_fetch_is_a_lost_connection() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let server = mariadb();
    let url = DbUrl::parse(&server.url).expect("url");
    let mut admin = Connection::open(&url).expect("connect");
    let options = mysql::OptsBuilder::new()
        .user(Some("root"))
        .db_name(Some("shop"))
        .socket(url.socket.as_deref())
        .prefer_socket(true);
    let mut conn = mysql::Conn::new(options).expect("connect");
    conn.query_drop(
        "CREATE TABLE order_lines AS SELECT seq AS id, CONCAT('customer-', seq % 97) AS customer \
         FROM seq_1_to_300000",
    )
    .expect("fill");

    // The fetch waits at its first report (4,096 rows in) until the kill is done.
    let (reached, go) = (
        Arc::new(AtomicBool::new(false)),
        Arc::new(AtomicBool::new(false)),
    );
    let (at, release) = (reached.clone(), go.clone());
    let progress = Progress::new(Arc::new(move || {
        at.store(true, Ordering::SeqCst);
        while !release.load(Ordering::SeqCst) {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }));
    let fetching = std::thread::spawn(move || {
        let mut connection = Connection::open(&url).expect("connect");
        connection.fetch_with("SELECT * FROM order_lines", &progress, Some(300_000))
    });
    while !reached.load(Ordering::SeqCst) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let ids: Vec<u64> = conn
        .query("SELECT id FROM information_schema.processlist WHERE id <> CONNECTION_ID() AND info LIKE 'SELECT * FROM order_lines%'")
        .expect("processlist");
    assert_eq!(ids.len(), 1, "the fetching connection");
    conn.query_drop(format!("KILL {}", ids[0])).expect("kill");
    go.store(true, Ordering::SeqCst);
    let error = fetching
        .join()
        .expect("no panic")
        .expect_err("the fetch fails");
    assert!(matches!(error, DbError::Lost { .. }), "{error}");
    // The server lives on: another connection still counts the rows.
    let rows = admin
        .count(&Source::Table("order_lines".into()))
        .expect("count");
    assert_eq!(rows, 300_000);
}

/// A query the server would run for a minute stops soon after the job that
/// asked for it is cancelled (`db::cancel`: the cancel request, `KILL QUERY`),
/// and the connection still answers. The fetch itself is not told: only the
/// server stops it.
fn a_cancelled_job_stops_the_servers_query(server: &Server, sleep: &str) {
    use marketbench::data::db::cancel::StopOnCancel;
    use std::time::{Duration, Instant};
    let url = DbUrl::parse(&server.url).expect("url");
    let mut connection = Connection::open(&url).expect("connect");
    let progress = Progress::detached();
    let cancel = progress.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        cancel.cancel();
    });
    let started = Instant::now();
    let stop = StopOnCancel::watch(&connection, &progress);
    let result = connection.fetch(sleep);
    drop(stop);
    canceller.join().expect("canceller");
    let took = started.elapsed();
    assert!(took < Duration::from_secs(20), "the query ran {took:?}");
    // PostgreSQL: "canceling statement due to user request"; MariaDB:
    // "Query execution was interrupted".
    if let Err(error) = result {
        let text = error.to_string();
        assert!(
            text.contains("cancel") || text.contains("interrupted"),
            "{text}"
        );
    }
    let one = connection.fetch("SELECT 1 AS one").expect("still answers");
    assert_eq!(one.height(), 1);
}

#[test]
fn postgres_stops_a_query_whose_job_is_cancelled() {
    a_cancelled_job_stops_the_servers_query(&postgres(), "SELECT pg_sleep(60) AS slept");
}

#[test]
fn mariadb_stops_a_query_whose_job_is_cancelled() {
    a_cancelled_job_stops_the_servers_query(&mariadb(), "SELECT SLEEP(60) AS slept");
}

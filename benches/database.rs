//! The database benchmark (issue 19): a generated orders table of `DB_ROWS`
//! lines (default 20,000,000) in a PostgreSQL (or MariaDB) server started from
//! the Debian packages in a temporary folder (`tests/common/db.rs`, as the tests do), and
//! the release binary's `rfm` and `segment` on it twice: pushed down (the
//! database sums per customer, one row per customer fetched) and with
//! `--fetch-lines` (every line fetched and loaded like a file), and the weekly
//! forecast and the frequently-bought-together rules both ways (pushed down:
//! one row per week; one per frequent item and item pair). Prints, for
//! each: wall and CPU time of the command, its peak memory, the rows fetched
//! (from its own report), and the server's CPU time over the run (its main
//! process and its reaped connection backends, from `/proc`; MariaDB's
//! connections are threads of its one process).
//!
//! `cargo bench --bench database` (release; needs `scripts/setup.sh test`).
//! `DB_ROWS=2000000` for a quicker run; `DB_ONLY=pushed` skips the runs that
//! fetch the lines; `DB_SERVER=mariadb` runs the same on a MariaDB server
//! (the MySQL protocol). `DB_KEYED=1` adds a primary key to the table (as shop
//! schemas have one: WooCommerce's order lookup, Magento's order items), so the
//! pushed-down SQL skips its pass for exact duplicates.

mod common;
#[path = "../tests/common/db.rs"]
#[allow(dead_code)]
mod db;

use std::time::Instant;

use common::child;
use marketbench::data::sample::{ORDERS_HEADER, write_orders_csv};

const DEFAULT_ROWS: usize = 20_000_000;

fn main() {
    if let Err(error) = run() {
        eprintln!("benchmark failed: {error:#}");
        std::process::exit(1);
    }
}

/// Column types of the generated orders, in `ORDERS_HEADER` order, in
/// PostgreSQL and in MariaDB (short texts are `VARCHAR` there, as shop
/// schemas have them: a `TEXT` column groups through a temporary table on disk).
const TYPES: [(&str, &str); 11] = [
    ("TEXT", "VARCHAR(20)"),
    ("TEXT", "VARCHAR(20)"),
    ("TIMESTAMP", "DATETIME"),
    ("TEXT", "VARCHAR(20)"),
    ("TEXT", "VARCHAR(80)"),
    ("TEXT", "VARCHAR(40)"),
    ("INTEGER", "INTEGER"),
    ("NUMERIC(10,2)", "NUMERIC(10,2)"),
    ("NUMERIC(12,2)", "NUMERIC(12,2)"),
    ("TEXT", "VARCHAR(20)"),
    ("TEXT", "VARCHAR(20)"),
];

fn run() -> anyhow::Result<()> {
    let rows = common::env_or("DB_ROWS", DEFAULT_ROWS);
    let only_pushed = std::env::var("DB_ONLY").is_ok_and(|v| v == "pushed");
    let mariadb = std::env::var("DB_SERVER").is_ok_and(|v| v == "mariadb");
    let temp = tempfile::tempdir()?;
    let csv = temp.path().join("orders.csv");
    let started = Instant::now();
    let bytes = write_orders_csv(&csv, rows, 1)?;
    println!(
        "generated {rows} lines ({:.0} MB) in {:.1} s",
        bytes as f64 / 1048576.0,
        started.elapsed().as_secs_f64()
    );
    let (server, name) = match mariadb {
        true => (db::mariadb(), "MariaDB"),
        false => (db::postgres(), "PostgreSQL"),
    };
    let started = Instant::now();
    let megabytes = match mariadb {
        true => fill_mariadb(&server, &csv)?,
        false => fill_postgres(&server, &csv)?,
    };
    println!(
        "copied into {name} in {:.1} s; the table takes {megabytes:.0} MB",
        started.elapsed().as_secs_f64(),
    );
    std::fs::remove_file(&csv)?;
    if std::env::var("DB_KEYED").is_ok_and(|v| v == "1") {
        let started = Instant::now();
        db::execute(
            &server,
            &[match mariadb {
                true => "ALTER TABLE orders ADD COLUMN line_id BIGINT AUTO_INCREMENT PRIMARY KEY",
                false => "ALTER TABLE orders ADD COLUMN line_id BIGSERIAL PRIMARY KEY",
            }
            .into()],
        );
        println!(
            "added a primary key in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    println!("| command | how | exit | wall s | cpu s | server cpu s | peak MB | rows fetched |");
    println!("|---|---|---|---|---|---|---|---|");
    let commands: [&[&str]; 4] = [
        &["rfm"],
        &["segment"],
        &["forecast", "--freq", "week"],
        &["rules"],
    ];
    for command in commands {
        for fetch_lines in [false, true] {
            if fetch_lines && only_pushed {
                continue;
            }
            let mut args = command.to_vec();
            args.extend(["--db", &server.url, "--orders-table", "orders"]);
            if fetch_lines {
                args.push("--fetch-lines");
            }
            let server_before = server_cpu(&server);
            let run = child::measure(&args, &[])?;
            let server_cpu = server_cpu(&server) - server_before;
            let fetched = rows_fetched(&run);
            println!(
                "| {} | {} | {} | {:.1} | {:.1} | {server_cpu:.1} | {:.0} | {fetched} |",
                command.join(" "),
                if fetch_lines {
                    "fetch lines"
                } else {
                    "pushed down"
                },
                run.code,
                run.wall,
                run.cpu,
                run.peak_mb,
            );
            if run.code != 0 {
                println!("  {}", run.stderr.trim());
            }
        }
    }
    Ok(())
}

/// Column definitions of the orders table, `mariadb` or PostgreSQL types.
fn columns(mariadb: bool) -> String {
    let columns: Vec<String> = ORDERS_HEADER
        .split(',')
        .zip(TYPES)
        .map(|(name, (pg, my))| format!("{name} {}", if mariadb { my } else { pg }))
        .collect();
    columns.join(", ")
}

/// Creates the orders table in PostgreSQL from `csv` (COPY); its size in MB.
fn fill_postgres(server: &db::Server, csv: &std::path::Path) -> anyhow::Result<f64> {
    let connect = format!("host={} user=mb dbname=postgres", server.socket.display());
    let mut client = postgres::Client::connect(&connect, postgres::NoTls)?;
    client.batch_execute(&format!("CREATE TABLE orders ({})", columns(false)))?;
    let mut writer = client.copy_in("COPY orders FROM STDIN (FORMAT csv, HEADER)")?;
    std::io::copy(&mut std::fs::File::open(csv)?, &mut writer)?;
    writer.finish()?;
    client.batch_execute("ANALYZE orders")?;
    let size: i64 = client
        .query_one("SELECT pg_total_relation_size('orders')", &[])?
        .get(0);
    Ok(size as f64 / 1048576.0)
}

/// Creates the orders table in MariaDB from `csv` (`LOAD DATA INFILE`: the
/// server reads the file); its size in MB.
fn fill_mariadb(server: &db::Server, csv: &std::path::Path) -> anyhow::Result<f64> {
    use mysql::prelude::Queryable;
    let options = mysql::OptsBuilder::new()
        .user(Some("root"))
        .db_name(Some("shop"))
        .socket(server.socket.to_str())
        .prefer_socket(true);
    let mut conn = mysql::Conn::new(options)?;
    conn.query_drop(format!("CREATE TABLE orders ({})", columns(true)))?;
    conn.query_drop(format!(
        "LOAD DATA INFILE '{}' INTO TABLE orders CHARACTER SET utf8mb4 \
         FIELDS TERMINATED BY ',' LINES TERMINATED BY '\\n' IGNORE 1 LINES",
        csv.display()
    ))?;
    conn.query_drop("ANALYZE TABLE orders")?;
    let size: Option<u64> = conn.query_first(
        "SELECT data_length + index_length FROM information_schema.tables \
         WHERE table_schema = 'shop' AND table_name = 'orders'",
    )?;
    Ok(size.unwrap_or(0) as f64 / 1048576.0)
}

/// The rows a run fetched, as it said: its `pushed_down` line ("N rows
/// fetched") or its "fetching N rows" report.
fn rows_fetched(run: &child::Run) -> String {
    let number_before = |text: &str, marker: &str| {
        text.find(marker)
            .and_then(|at| text[..at].split_whitespace().last().map(str::to_string))
    };
    let number_after = |text: &str, marker: &str| {
        text.find(marker)
            .and_then(|at| text[at + marker.len()..].split_whitespace().next())
            .map(str::to_string)
    };
    number_before(&run.stdout, " rows fetched")
        .or_else(|| number_after(&run.stderr, "fetching "))
        .unwrap_or_else(|| "?".into())
}

/// User + system CPU seconds of the server so far: its main process and the
/// children it has reaped (each connection's backend is a child that exits
/// with the connection, so a finished command's queries are counted).
fn server_cpu(server: &db::Server) -> f64 {
    // Let the backend of the command that just ended be reaped.
    std::thread::sleep(std::time::Duration::from_millis(300));
    // PostgreSQL's socket is its folder, MariaDB's a file in it.
    let folder = match server.socket.is_dir() {
        true => server.socket.to_string_lossy().to_string(),
        false => server
            .socket
            .parent()
            .map_or_else(String::new, |p| p.to_string_lossy().to_string()),
    };
    let ticks = 100.0; // USER_HZ on Linux
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return f64::NAN;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let cmdline = std::fs::read(path.join("cmdline")).unwrap_or_default();
        // The main process was started with `-D FOLDER/data` (its arguments
        // are separated by NUL bytes).
        if !String::from_utf8_lossy(&cmdline).contains(&format!("{folder}/data")) {
            continue;
        }
        let Ok(stat) = std::fs::read_to_string(path.join("stat")) else {
            continue;
        };
        // After the command name (which may hold spaces): utime, stime, cutime
        // and cstime are fields 14 to 17 of the line, 11 to 14 after it.
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        return [11, 12, 13, 14]
            .iter()
            .filter_map(|&i| fields.get(i).and_then(|f| f.parse::<f64>().ok()))
            .sum::<f64>()
            / ticks;
    }
    f64::NAN
}

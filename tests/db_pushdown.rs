//! What the database sums (issue 19) equals what polars computes from the same
//! rows, on real PostgreSQL and MariaDB servers (`common::db`): the bundled
//! sample shop's 51,007 order lines (paid, cancelled and refunded lines, lines
//! without a customer) are inserted into a table, fetched and loaded like a
//! file, and compared with the pushed-down per-customer table, the shop's
//! series of every measure per day, week and month, and the purchases per
//! customer × item (the matrix item-kNN counts co-occurrences on), and the
//! frequent items and item pairs of the orders' baskets (the co-occurrence
//! counts the rules come from; PostgreSQL). The commands give the same RFM, segments,
//! forecast, recommendations and rules pushed down as with `--fetch-lines`,
//! and say which they did. A table with a
//! primary key skips the pass for exact duplicates and still gives polars'
//! figures. Lines with placeholder dates (1970, 1900, 9999) are left out by the
//! database as by the loader, or kept by both with `--keep-far-dates`.

mod common;

use chrono::NaiveDate;
use common::cli::{json_of, marketbench, without_fit_times};
use common::close::{assert_close_json, close};
use common::db::{Server, execute, fill_sample_orders as fill, mariadb, postgres};
use marketbench::analysis::customers::customer_table;
use marketbench::analysis::forecast::{Freq, Measure, SeriesBy, TimeSeries, series_from_lines};
use marketbench::analysis::recommend::pairs::interactions_from_purchases;
use marketbench::analysis::recommend::rules::{self, Rule, RuleParams};
use marketbench::analysis::recommend::{Interactions, ItemInfo};
use marketbench::cli::{DbArgs, LoadArgs, load_files};
use marketbench::data::ProblemKind;
use marketbench::data::RoleMap;
use marketbench::data::db::pushdown::{self, FarDates::Drop};
use marketbench::data::db::{Connection, DbUrl, Dialect, Source};
use marketbench::jobs::Progress;
use marketbench::workspace::recommend::load_interactions;
use polars::prelude::*;
use serde_json::Value;

fn db_args(url: &str, table: &str) -> LoadArgs {
    LoadArgs {
        database: DbArgs {
            db: Some(url.to_string()),
            orders_table: Some(table.into()),
            fetch_lines: true,
            ..DbArgs::default()
        },
        ..LoadArgs::default()
    }
}

/// `pushed` equals `loaded`: the same columns, types and rows; numbers within
/// [`close`].
fn assert_same_frame(pushed: &DataFrame, loaded: &DataFrame) {
    assert_eq!(pushed.schema(), loaded.schema());
    assert_eq!(pushed.height(), loaded.height());
    for column in loaded.columns() {
        let name = column.name();
        let other = pushed.column(name).expect("column");
        if column.dtype() == &DataType::Float64 {
            let (a, b) = (column.f64().expect("f64"), other.f64().expect("f64"));
            for (row, (x, y)) in a.iter().zip(b.iter()).enumerate() {
                let same = match (x, y) {
                    (Some(x), Some(y)) => close(x, y),
                    (x, y) => x == y,
                };
                assert!(same, "{name}, row {row}: pushed down {y:?}, polars {x:?}");
            }
        } else {
            assert!(
                column.equals_missing(other),
                "{name}: pushed down\n{other:?}\npolars\n{column:?}"
            );
        }
    }
}

fn assert_same_series(pushed: &[TimeSeries], loaded: &[TimeSeries], what: &str) {
    assert_eq!(pushed.len(), 1, "{what}");
    assert_eq!(loaded.len(), 1, "{what}");
    let (p, l) = (&pushed[0], &loaded[0]);
    assert_eq!(
        (&p.name, p.freq, p.start, p.dropped_partial),
        (&l.name, l.freq, l.start, l.dropped_partial),
        "{what}"
    );
    assert_eq!(p.values.len(), l.values.len(), "{what}");
    for (i, (x, y)) in p.values.iter().zip(&l.values).enumerate() {
        assert!(close(*x, *y), "{what}, period {i}: pushed {x}, polars {y}");
    }
}

/// Lines [`add_placeholder_dates`] adds.
const PLACEHOLDERS: usize = 3;

/// Lines a shop system wrote with "no date" placeholders: two for customers
/// with real orders (one would give them a first order in 1970, the other move
/// the analysis date to the year 10000), one for a customer with no other line.
fn add_placeholder_dates(server: &Server) {
    let lines = [
        ("PH-1", "C00233", "1970-01-01 00:00:00"),
        ("PH-2", "C01023", "9999-12-31 00:00:00"),
        ("PH-3", "C99999", "1900-01-01 00:00:00"),
    ];
    assert_eq!(lines.len(), PLACEHOLDERS);
    let values: Vec<String> = lines
        .iter()
        .map(|(order, customer, time)| {
            format!("('{order}', '{customer}', '{time}', 'SKU0212', 1, 89.00, 89.00, 'paid')")
        })
        .collect();
    execute(
        server,
        &[format!(
            "INSERT INTO orders (order_id, customer_id, order_time, sku, quantity, \
             unit_price, amount, status) VALUES {}",
            values.join(", ")
        )],
    );
}

/// A line whose customer and item ids differ from a real customer's and
/// item's only in case: other ids to a load, and to the database's sums,
/// whatever its collation (MariaDB's `utf8mb4_general_ci` would merge them).
fn add_case_variant_ids(server: &Server) {
    execute(
        server,
        &[
            "INSERT INTO orders (order_id, customer_id, order_time, sku, quantity, \
           unit_price, amount, status) VALUES \
           ('so-case', 'c00233', '2024-08-01 10:00:00', 'sku0212', 1, 89.00, 89.00, 'paid')"
                .into(),
        ],
    );
}

fn sums_equal_polars(server: &Server, dialect: Dialect) {
    fill(server, dialect);
    add_placeholder_dates(server);
    add_case_variant_ids(server);
    let loaded = load_files(&[], &db_args(&server.url, "orders")).expect("load");
    let lines = loaded.store.order_lines().expect("lines").expect("orders");
    // The loader's cleaning (exact duplicates, placeholder dates) keeps
    // 50,988 of the 51,011.
    assert!(lines.height() > 50_900, "{}", lines.height());
    let far = &loaded.store.tables[0].report.problems;
    assert!(
        far.iter()
            .any(|p| p.kind == ProblemKind::FarDate && p.count == PLACEHOLDERS),
        "{far:?}"
    );
    let mapping = &loaded.store.tables[0].mapping;
    let url = DbUrl::parse(&server.url).expect("url");
    let mut connection = Connection::open(&url).expect("connect");
    let source = Source::Table("orders".into());

    // The per-customer table, at the default date and at a date inside the data.
    let day = NaiveDate::from_ymd_opt(2025, 3, 1);
    for date in [None, day] {
        let expected = customer_table(&lines, date).expect("polars");
        let aggregate = pushdown::customer_aggregate(&mut connection, &source, mapping, Drop, date)
            .expect("pushed down")
            .expect("customers");
        assert!(aggregate.money && aggregate.sql.contains("GROUP BY"));
        assert_eq!(aggregate.table.analysis_date, expected.analysis_date);
        assert!(expected.len() > 2000, "{}", expected.len());
        assert_same_frame(&aggregate.table.frame, &expected.frame);
    }

    // The shop's series of every measure per day, week and month.
    for measure in [
        Measure::Revenue,
        Measure::Orders,
        Measure::Units,
        Measure::ActiveCustomers,
    ] {
        for freq in [Freq::Day, Freq::Week, Freq::Month] {
            let what = format!("{} per {}", measure.name(), freq.name());
            let expected =
                series_from_lines(&lines, measure, freq, SeriesBy::Shop).expect("polars");
            let pushed = pushdown::series::shop_series(
                &mut connection,
                &source,
                mapping,
                Drop,
                (measure, freq),
            )
            .unwrap_or_else(|e| panic!("{what}: {e}"));
            // One row per period with a line: the series has no empty period here,
            // and a partial last period is fetched, then dropped.
            let partial = usize::from(expected[0].dropped_partial.is_some());
            assert_eq!(pushed.rows, expected[0].values.len() + partial, "{what}");
            assert_same_series(&pushed.series, &expected, &what);
        }
    }

    // The purchases per customer × item: the same customers, items (names,
    // categories, median prices) and customer × item matrix, so the same
    // item co-occurrence counts for item-kNN.
    let expected = load_interactions(&loaded.store).expect("polars interactions");
    let (purchases, rows) =
        pushdown::purchases::purchases(&mut connection, &source, mapping, Drop, |_| Ok(()))
            .expect("pushed down")
            .expect("purchases");
    let pushed = interactions_from_purchases(&purchases).expect("interactions");
    assert!(rows < lines.height(), "{rows} rows fetched");
    assert_eq!(pushed.customers, expected.customers);
    assert_eq!(pushed.items, expected.items);
    let matrix = pushed.matrix(&pushed.events);
    assert_eq!(matrix, expected.matrix(&expected.events));
    assert!(
        matrix.values.iter().any(|&orders| orders > 1.0),
        "re-bought items count"
    );
    // A refused count stops before the pairs are fetched, naming the count's SQL.
    let refused =
        pushdown::purchases::purchases(&mut connection, &source, mapping, Drop, |pairs| {
            Err(format!("{pairs} pairs do not fit"))
        })
        .expect_err("refused");
    assert!(
        refused
            .to_string()
            .contains(&format!("{} pairs do not fit", pushed.events.len())),
        "{refused}"
    );
    assert!(refused.sql().is_some_and(|sql| sql.contains("COUNT(*)")));

    // The items and item pairs bought together (PostgreSQL): the same baskets,
    // frequent items and pairs as FP-growth finds in the loaded baskets, so
    // the same rules.
    if dialect == Dialect::Postgres {
        assert_same_pairs(&mut connection, &source, mapping, &expected);
    }
}

/// The frequent items and pairs the database counts equal FP-growth's on the
/// loaded interactions `expected`, and give the same rules.
fn assert_same_pairs(
    connection: &mut Connection,
    source: &Source,
    mapping: &RoleMap,
    expected: &Interactions,
) {
    // Every pair in two baskets or more, every rule.
    let params = RuleParams {
        min_support: 0.0,
        min_confidence: 0.0,
        min_lift: 0.0,
        min_count: 2,
        max_len: 2,
    };
    let baskets = rules::baskets(expected);
    let least = rules::least_count(&params, baskets.len());
    let sets = rules::frequent_itemsets(
        &baskets,
        expected.items.len(),
        least,
        2,
        &Progress::detached(),
    )
    .expect("FP-growth");
    let counts =
        pushdown::baskets::pair_counts(connection, source, (mapping, Drop), &params, 1_000_000)
            .expect("pushed down")
            .expect("baskets");
    assert_eq!(counts.baskets, baskets.len());
    let named = |items: &[ItemInfo], sets: &[(Vec<u32>, u32)]| {
        let mut named: Vec<(Vec<String>, u32)> = sets
            .iter()
            .map(|(set, count)| {
                let ids = set.iter().map(|&i| items[i as usize].id.clone()).collect();
                (ids, *count)
            })
            .collect();
        named.sort();
        named
    };
    let pairs = counts
        .itemsets
        .iter()
        .filter(|(set, _)| set.len() == 2)
        .count();
    assert!(pairs > 100, "{pairs} frequent pairs");
    assert_eq!(
        named(&counts.items, &counts.itemsets),
        named(&expected.items, &sets)
    );
    let rule_ids = |items: &[ItemInfo], rules: &[Rule]| -> Vec<(Vec<String>, String, u32)> {
        rules
            .iter()
            .map(|r| {
                let ids = r.antecedent.iter().map(|&i| items[i as usize].id.clone());
                (
                    ids.collect(),
                    items[r.consequent as usize].id.clone(),
                    r.count,
                )
            })
            .collect()
    };
    let pushed_rules = rules::rules_from_itemsets(&counts.itemsets, counts.baskets, &params);
    let loaded_rules =
        rules::association_rules(expected, &params, &Progress::detached()).expect("rules");
    assert!(!loaded_rules.is_empty());
    assert_eq!(
        rule_ids(&counts.items, &pushed_rules),
        rule_ids(&expected.items, &loaded_rules)
    );
    // More frequent pairs than may be fetched: refused, naming the SQL.
    let refused = pushdown::baskets::pair_counts(connection, source, (mapping, Drop), &params, 5)
        .expect_err("too many pairs");
    assert!(refused.to_string().contains("--min-support"), "{refused}");
    assert!(refused.sql().is_some_and(|sql| sql.contains("LIMIT 6")));
}

/// A table with a primary key has no exact duplicates, so the pushed-down SQL
/// skips that pass: the sums still equal polars' on the table's lines.
fn keyed_table_skips_the_duplicate_pass(server: &Server, dialect: Dialect) {
    let add_key = match dialect {
        Dialect::Postgres => "ALTER TABLE keyed ADD COLUMN line_id SERIAL PRIMARY KEY",
        Dialect::Mysql => "ALTER TABLE keyed ADD COLUMN line_id INT AUTO_INCREMENT PRIMARY KEY",
    };
    execute(
        server,
        &[
            "CREATE TABLE keyed AS SELECT * FROM orders".into(),
            add_key.into(),
        ],
    );
    let loaded = load_files(&[], &db_args(&server.url, "keyed")).expect("load");
    let lines = loaded.store.order_lines().expect("lines").expect("orders");
    assert_eq!(
        lines.height(),
        51_011 - PLACEHOLDERS,
        "the key makes every line distinct; the placeholder dates are dropped"
    );
    let mapping = &loaded.store.tables[0].mapping;
    let url = DbUrl::parse(&server.url).expect("url");
    let mut connection = Connection::open(&url).expect("connect");
    let keyed = Source::Table("keyed".into());
    assert!(connection.has_primary_key(&keyed).expect("keyed"));
    let orders = Source::Table("orders".into());
    assert!(!connection.has_primary_key(&orders).expect("orders"));
    let query = Source::Query("SELECT * FROM keyed".into());
    assert!(!connection.has_primary_key(&query).expect("query"));

    let expected = customer_table(&lines, None).expect("polars");
    let aggregate = pushdown::customer_aggregate(&mut connection, &keyed, mapping, Drop, None)
        .expect("pushed down")
        .expect("customers");
    assert!(!aggregate.sql.contains("DISTINCT *"), "{}", aggregate.sql);
    assert_same_frame(&aggregate.table.frame, &expected.frame);
    let expected =
        series_from_lines(&lines, Measure::Units, Freq::Week, SeriesBy::Shop).expect("polars");
    let pushed = pushdown::series::shop_series(
        &mut connection,
        &keyed,
        mapping,
        Drop,
        (Measure::Units, Freq::Week),
    )
    .expect("pushed down");
    assert!(!pushed.sql.contains("DISTINCT *"), "{}", pushed.sql);
    assert_same_series(&pushed.series, &expected, "units per week, keyed");
}

#[test]
fn postgres_customer_table_and_series_pushed_down_equal_polars() {
    let server = postgres();
    sums_equal_polars(&server, Dialect::Postgres);
    keyed_table_skips_the_duplicate_pass(&server, Dialect::Postgres);
}

#[test]
fn mariadb_customer_table_and_series_pushed_down_equal_polars() {
    let server = mariadb();
    sums_equal_polars(&server, Dialect::Mysql);
    keyed_table_skips_the_duplicate_pass(&server, Dialect::Mysql);
    // MariaDB reads the lines again for each use of a CTE: rules fetch them.
    let (fetched, note) = run(&server, &["rules"], false);
    assert_eq!(note, None);
    assert!(fetched["baskets"].as_u64().is_some_and(|n| n > 10_000));
}

/// The JSON of `args` against `server`, and its `pushed_down` line (taken out).
fn run(server: &Server, args: &[&str], fetch_lines: bool) -> (Value, Option<String>) {
    let mut all = args.to_vec();
    all.extend(["--db", &server.url, "--orders-table", "orders", "--json"]);
    if fetch_lines {
        all.push("--fetch-lines");
    }
    let mut value = json_of(&marketbench(&all));
    let note = value
        .as_object_mut()
        .and_then(|o| o.remove("pushed_down"))
        .and_then(|s| s.as_str().map(String::from));
    (value, note)
}

#[test]
fn the_commands_give_the_same_segments_and_forecast_pushed_down() {
    let server = postgres();
    fill(&server, Dialect::Postgres);
    add_placeholder_dates(&server);
    let (rfm, note) = run(&server, &["rfm"], false);
    let customers = rfm["customers"].as_u64().expect("customers");
    let note = note.expect("rfm says it was pushed down");
    assert!(
        note.contains(&format!("{customers} rows fetched")),
        "{note}"
    );
    let (fetched, none) = run(&server, &["rfm"], true);
    assert_eq!(none, None);
    assert_close_json(&rfm, &fetched, "rfm");
    // Kept placeholder dates count both ways: a customer more, and the
    // analysis date after 9999-12-31.
    let (kept, note) = run(&server, &["rfm", "--keep-far-dates"], false);
    assert!(note.is_some());
    let (fetched, _) = run(&server, &["rfm", "--keep-far-dates"], true);
    assert_close_json(&kept, &fetched, "rfm, far dates kept");
    assert_eq!(kept["customers"].as_u64(), Some(customers + 1));
    assert_eq!(kept["analysis_date"], "+10000-01-01", "{kept}");

    let (mut pushed, note) = run(&server, &["segment", "--k", "4"], false);
    assert!(note.is_some_and(|n| n.contains("per customer")));
    let (mut fetched, _) = run(&server, &["segment", "--k", "4"], true);
    // The price profile (discount share, mean unit price) needs each item's
    // median price over the lines, and top categories need the lines: a
    // pushed-down run leaves them out.
    for segment in fetched["segments"].as_array_mut().into_iter().flatten() {
        for stat in ["means", "medians"] {
            let stats = segment[stat].as_object_mut().expect("stats");
            assert!(stats.remove("discount_share").is_some());
            assert!(stats.remove("avg_unit_price").is_some());
        }
        segment["top_categories"] = Value::Null;
        let price = |d: &Value| {
            ["discount_share", "avg_unit_price"].contains(&d["feature"].as_str().unwrap_or(""))
        };
        if let Some(list) = segment["distinguishing"].as_array_mut() {
            list.retain(|d| !price(d));
        }
    }
    // The pushed-down profile names its top distinguishing features among the
    // others: the same ones, in the same order, after the price features.
    let fetched_segments = fetched["segments"].as_array().cloned().unwrap_or_default();
    let pushed_segments = pushed["segments"].as_array_mut().into_iter().flatten();
    for (segment, other) in pushed_segments.zip(&fetched_segments) {
        segment["top_categories"] = Value::Null;
        let kept = other["distinguishing"].as_array().map_or(0, Vec::len);
        if let Some(list) = segment["distinguishing"].as_array_mut() {
            list.truncate(kept);
        }
    }
    for value in [&mut pushed, &mut fetched] {
        value.as_object_mut().expect("object").remove("rules");
    }
    assert_close_json(&pushed, &fetched, "segment");

    for freq in ["day", "week", "month"] {
        let args = ["forecast", "--freq", freq, "--measure", "orders"];
        let (pushed, note) = run(&server, &args, false);
        assert!(note.is_some_and(|n| n.contains("per period")), "{freq}");
        let (fetched, _) = run(&server, &args, true);
        assert_close_json(&pushed, &fetched, freq);
    }
    for model in ["popular", "item-knn"] {
        let args = ["recommend", "--model", model, "--top", "5"];
        let (pushed, note) = run(&server, &args, false);
        assert!(
            note.is_some_and(|n| n.contains("per customer and item")),
            "{model}"
        );
        let (fetched, _) = run(&server, &args, true);
        assert_close_json(
            &without_fit_times(pushed),
            &without_fit_times(fetched),
            model,
        );
    }
    let (pushed, note) = run(&server, &["rules"], false);
    assert!(note.is_some_and(|n| n.contains("bought together")));
    let (fetched, _) = run(&server, &["rules"], true);
    assert!(fetched["rules"].as_array().is_some_and(|r| r.len() > 10));
    assert_close_json(&pushed, &fetched, "rules");
    // Rules of three items need the baskets: fetched, not pushed down.
    let (_, note) = run(&server, &["rules", "--max-len", "3"], false);
    assert_eq!(note, None);
    // ALS needs each order's basket: fetched, not pushed down.
    let (_, note) = run(
        &server,
        &["recommend", "--model", "als", "--validate", "false"],
        false,
    );
    assert_eq!(note, None);
    // Per category needs the lines: fetched, not pushed down.
    let (_, note) = run(&server, &["forecast", "--by", "category"], false);
    assert_eq!(note, None);
}

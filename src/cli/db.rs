//! `--db URL` with a table or a SELECT per file kind (`--orders-table T`,
//! `--orders-query SQL`, and the same for events, customers and products): every
//! command that reads files can read from a database instead, or as well.
//!
//! Each source is counted first (the rows it would fetch are said on standard
//! error), then fetched and loaded through the same mapping and cleaning as a
//! file, with the same role overrides. RFM asks the database for one row per
//! customer instead (`data::db::pushdown`) when the orders come from it alone.

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::Args;
use polars::prelude::DataFrame;

use super::LoadArgs;
use crate::data::db::{self, Connection, DbUrl, Source, pushdown};
use crate::data::{FileKind, Inspection};

/// Where database rows come from.
#[derive(Debug, Clone, Default, Args)]
pub struct DbArgs {
    /// Read from a database: postgres://user@host[:port]/db or mysql://…, a unix
    /// socket as ?host=/socket/folder (PostgreSQL) or ?socket=/path (MySQL). The
    /// password comes from MARKETBENCH_DB_PASSWORD, PGPASSWORD or MYSQL_PWD (or the URL).
    #[arg(long, value_name = "URL")]
    pub db: Option<String>,
    /// Table of order lines (with --db).
    #[arg(
        long,
        value_name = "TABLE",
        requires = "db",
        conflicts_with = "orders_query"
    )]
    pub orders_table: Option<String>,
    /// SELECT giving the order lines (with --db).
    #[arg(long, value_name = "SQL", requires = "db")]
    pub orders_query: Option<String>,
    /// Table of behaviour events (with --db).
    #[arg(
        long,
        value_name = "TABLE",
        requires = "db",
        conflicts_with = "events_query"
    )]
    pub events_table: Option<String>,
    /// SELECT giving the behaviour events (with --db).
    #[arg(long, value_name = "SQL", requires = "db")]
    pub events_query: Option<String>,
    /// Table of customers (with --db).
    #[arg(
        long,
        value_name = "TABLE",
        requires = "db",
        conflicts_with = "customers_query"
    )]
    pub customers_table: Option<String>,
    /// SELECT giving the customers (with --db).
    #[arg(long, value_name = "SQL", requires = "db")]
    pub customers_query: Option<String>,
    /// Table of products (with --db).
    #[arg(
        long,
        value_name = "TABLE",
        requires = "db",
        conflicts_with = "products_query"
    )]
    pub products_table: Option<String>,
    /// SELECT giving the products (with --db).
    #[arg(long, value_name = "SQL", requires = "db")]
    pub products_query: Option<String>,
}

impl DbArgs {
    /// The sources given, by kind, in the order orders, events, customers, products.
    pub fn sources(&self) -> Vec<(FileKind, Source)> {
        [
            (FileKind::Orders, &self.orders_table, &self.orders_query),
            (FileKind::Events, &self.events_table, &self.events_query),
            (
                FileKind::Customers,
                &self.customers_table,
                &self.customers_query,
            ),
            (
                FileKind::Products,
                &self.products_table,
                &self.products_query,
            ),
        ]
        .into_iter()
        .filter_map(|(kind, table, query)| {
            let source = match (table, query) {
                (Some(t), _) => Source::Table(t.clone()),
                (None, Some(q)) => Source::Query(q.clone()),
                (None, None) => return None,
            };
            Some((kind, source))
        })
        .collect()
    }

    /// The parsed URL and an open connection, when `--db` is given.
    fn connect(&self) -> anyhow::Result<Option<Connection>> {
        let Some(text) = &self.db else {
            return Ok(None);
        };
        let url = DbUrl::parse(text)?;
        if self.sources().is_empty() {
            bail!(
                "--db {}: say what to read, e.g. --orders-table orders or --orders-query 'SELECT …'",
                url.shown()
            );
        }
        Ok(Some(Connection::open(&url)?))
    }
}

/// Every source of `args`, counted, fetched and inspected: what `load_files`
/// maps and loads beside the files.
pub fn fetch_sources(args: &DbArgs) -> anyhow::Result<Vec<(Inspection, DataFrame)>> {
    let Some(mut connection) = args.connect()? else {
        return Ok(Vec::new());
    };
    let mut fetched = Vec::new();
    for (kind, source) in args.sources() {
        let rows = connection.count(&source)?;
        eprintln!(
            "marketbench: fetching {rows} rows of {} from {}",
            source.label(kind),
            connection.url().shown()
        );
        fetched.push(db::inspect_source(&mut connection, &source, kind, None)?);
    }
    Ok(fetched)
}

/// The per-customer figures RFM needs, summed by the database, when the orders
/// come from `--db` alone (no files, no products that could bring prices).
/// None when RFM should load the lines instead.
pub fn customer_aggregate(
    files: &[std::path::PathBuf],
    args: &LoadArgs,
    analysis_date: Option<NaiveDate>,
) -> anyhow::Result<Option<pushdown::CustomerAggregate>> {
    let sources = args.database.sources();
    let orders = sources.iter().find(|(kind, _)| *kind == FileKind::Orders);
    let products = sources.iter().any(|(kind, _)| *kind == FileKind::Products);
    let (Some((_, orders)), false, true) = (orders, products, files.is_empty()) else {
        return Ok(None);
    };
    args.check()?;
    let Some(mut connection) = args.database.connect()? else {
        return Ok(None);
    };
    let (inspection, _) =
        db::inspect_source(&mut connection, orders, FileKind::Orders, Some(1000))?;
    let options = args.options_for(&inspection);
    let aggregate =
        pushdown::customer_aggregate(&mut connection, orders, &options.mapping, analysis_date)
            .with_context(|| format!("summing {} per customer", orders.label(FileKind::Orders)))?;
    Ok(aggregate)
}

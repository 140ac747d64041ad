//! `--db URL` with a table or a SELECT per file kind (`--orders-table T`,
//! `--orders-query SQL`, and the same for events, customers and products): every
//! command that reads files can read from a database instead, or as well.
//!
//! Each source is counted first (the rows it would fetch are said on standard
//! error), then fetched and loaded through the same mapping and cleaning as a
//! file, with the same role overrides. When the orders come from the database
//! alone, `rfm`, `segment` (with features of the per-customer table),
//! `forecast` (of the whole shop), `recommend` (popularity and item-kNN) and
//! `rules` (of two items, PostgreSQL) ask it for one row per customer, per period, per
//! customer × item or per frequent item and item pair instead
//! ([`Pushdown`], `data::db::pushdown`) and say so in their first line (JSON:
//! `pushed_down`); `--fetch-lines` fetches the lines.

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::Args;
use polars::prelude::DataFrame;

use super::LoadArgs;
use crate::analysis::forecast::{Freq, Measure, TimeSeries};
use crate::analysis::recommend::pairs::{fits_streamed, interactions_from_database};
use crate::analysis::recommend::rules::RuleParams;
use crate::analysis::recommend::{Interactions, ModelKind};
use crate::data::db::pushdown::FarDates;
use crate::data::db::{self, Connection, DbUrl, Dialect, Source, pushdown};
use crate::data::{FileKind, Inspection, Role, RoleMap, memory};
use crate::tr;

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
    /// Fetch the order lines (with --db) instead of letting the database sum
    /// them per customer, per period, per customer and item or per item pair
    /// (rfm, segment, forecast, recommend, rules): to compare the two, or when
    /// its SQL is refused.
    #[arg(long, requires = "db")]
    pub fetch_lines: bool,
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

    /// Each source with the path its table carries and the URL without
    /// password, as a project saves them (none without `--db`).
    pub fn saved_sources(&self) -> anyhow::Result<Vec<(PathBuf, String, Source)>> {
        let Some(text) = &self.db else {
            return Ok(Vec::new());
        };
        let url = DbUrl::parse(text)?;
        Ok(self
            .sources()
            .into_iter()
            .map(|(kind, source)| (db::source_path(&url, &source, kind), url.shown(), source))
            .collect())
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

/// Memory a frequent item pair takes, fetched and made into its two rules.
const BYTES_PER_RULE_PAIR: u64 = 400;

/// The most frequent item pairs fetched when the memory free is unknown.
const MOST_PAIRS: u64 = 10_000_000;

/// Said with a refused pushed-down query.
const RETRY: &str = " in the database (--fetch-lines fetches the lines instead)";

/// The orders of `--db` when the database can sum them: they come from the
/// database alone (no files, no products that could bring prices) and
/// `--fetch-lines` is not given. `rfm`, `segment`, `forecast`, `recommend`
/// and `rules` ask it for one row per customer, per period, per customer ×
/// item or per frequent item and pair instead of fetching the order lines.
pub struct Pushdown {
    connection: Connection,
    source: Source,
    mapping: RoleMap,
    /// `--keep-far-dates`: placeholder dates count, as in a load with it.
    far: FarDates,
}

impl Pushdown {
    /// The pushdown for `files` and `args`; None when the lines should be
    /// fetched (and loaded like a file) instead: also when a column the sums
    /// read is not typed as a load reads it (`pushdown::typed`), which is said
    /// on standard error.
    pub fn of(files: &[std::path::PathBuf], args: &LoadArgs) -> anyhow::Result<Option<Pushdown>> {
        let sources = args.database.sources();
        let orders = sources.iter().find(|(kind, _)| *kind == FileKind::Orders);
        let products = sources.iter().any(|(kind, _)| *kind == FileKind::Products);
        let (Some((_, orders)), false, true, false) = (
            orders,
            products,
            files.is_empty(),
            args.database.fetch_lines,
        ) else {
            return Ok(None);
        };
        args.check()?;
        let Some(mut connection) = args.database.connect()? else {
            return Ok(None);
        };
        let (inspection, _) =
            db::inspect_source(&mut connection, orders, FileKind::Orders, Some(1000))?;
        let options = args.options_for(&inspection);
        match pushdown::check_column_kinds(&mut connection, orders, &options.mapping) {
            Err(why @ db::DbError::ColumnType { .. }) => {
                eprintln!(
                    "marketbench: {}",
                    tr!("db-pushdown-fetching-instead", why = why.to_string())
                );
                return Ok(None);
            }
            checked => checked?,
        }
        Ok(Some(Pushdown {
            connection,
            source: orders.clone(),
            mapping: options.mapping,
            far: match options.keep_far_dates {
                true => FarDates::Keep,
                false => FarDates::Drop,
            },
        }))
    }

    /// Whether the order lines carry money (an amount or a unit price is mapped).
    pub fn money(&self) -> bool {
        pushdown::carries_money(&self.mapping)
    }

    fn label(&self) -> String {
        self.source.label(FileKind::Orders)
    }

    /// The per-customer table at `analysis_date` (default: the day after the
    /// last purchase day), and the line that says it was pushed down. None when
    /// no line is a dated purchase.
    pub fn customers(
        &mut self,
        analysis_date: Option<NaiveDate>,
    ) -> anyhow::Result<Option<(pushdown::CustomerAggregate, String)>> {
        let aggregate = pushdown::customer_aggregate(
            &mut self.connection,
            &self.source,
            &self.mapping,
            self.far,
            analysis_date,
        )
        .with_context(|| format!("summing {} per customer{RETRY}", self.label()))?;
        Ok(aggregate.map(|aggregate| {
            let note = tr!(
                "db-pushed-down-customers",
                source = self.label(),
                rows = aggregate.table.len().to_string()
            );
            (aggregate, note)
        }))
    }

    /// The purchases as interactions for `model`, and the line that says they
    /// were pushed down: for the models that read only the customer × item
    /// matrix (`recommend::pairs::fits_streamed`), without ratings. None:
    /// fetch the lines.
    pub fn interactions(
        &mut self,
        model: ModelKind,
    ) -> anyhow::Result<Option<(Interactions, String)>> {
        if !fits_streamed(model) || self.mapping.contains_key(&Role::Rating) {
            return Ok(None);
        }
        let pushed = interactions_from_database(
            &mut self.connection,
            &self.source,
            (&self.mapping, self.far),
        )
        .with_context(|| format!("summing {} per customer and item{RETRY}", self.label()))?;
        let Some((interactions, rows)) = pushed else {
            bail!(tr!("workspace-orders-no-purchase"));
        };
        let note = tr!(
            "db-pushed-down-pairs",
            source = self.label(),
            rows = rows.to_string()
        );
        Ok(Some((interactions, note)))
    }

    /// Whether the database counts the items bought together
    /// (`pushdown::baskets`: PostgreSQL only).
    pub fn counts_pairs(&self) -> bool {
        self.connection.dialect() == Dialect::Postgres
    }

    /// The frequent items and item pairs of the orders' baskets for rules of
    /// two items with `params` (checked), and the line that says they were
    /// pushed down. PostgreSQL only ([`Pushdown::counts_pairs`]).
    pub fn pair_counts(
        &mut self,
        params: &RuleParams,
    ) -> anyhow::Result<(pushdown::baskets::PairCounts, String)> {
        let most_pairs = memory::available().map_or(MOST_PAIRS, |free| free / BYTES_PER_RULE_PAIR);
        let counts = pushdown::baskets::pair_counts(
            &mut self.connection,
            &self.source,
            (&self.mapping, self.far),
            params,
            most_pairs,
        )
        .with_context(|| {
            format!(
                "counting the items bought together in {}{RETRY}",
                self.label()
            )
        })?;
        let Some(counts) = counts else {
            bail!(tr!("workspace-orders-no-purchase"));
        };
        let note = tr!(
            "db-pushed-down-rules",
            source = self.label(),
            rows = counts.rows.to_string()
        );
        Ok((counts, note))
    }

    /// The shop's series of `measure` per `freq` period, and the line that says
    /// it was pushed down.
    pub fn series(
        &mut self,
        measure: Measure,
        freq: Freq,
    ) -> anyhow::Result<(Vec<TimeSeries>, String)> {
        let pushed = pushdown::series::shop_series(
            &mut self.connection,
            &self.source,
            &self.mapping,
            self.far,
            (measure, freq),
        )
        .with_context(|| format!("summing {} per period{RETRY}", self.label()))?;
        let note = tr!(
            "db-pushed-down-series",
            source = self.label(),
            rows = pushed.rows.to_string()
        );
        Ok((pushed.series, note))
    }
}

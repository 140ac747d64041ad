//! Orders summed without loading their lines: a local file too big to load,
//! streamed by polars (`data::scan`), or a database table or SELECT whose sums
//! the server computes (`data::db::pushdown`). Either gives the per-customer
//! table and the shop's series through the same queries as loaded lines, so
//! RFM, segments and the shop's forecast read the same numbers; what needs the
//! lines says so ([`SummedOrders::needs_lines`]).
//!
//! A database source keeps its URL with the password, in memory only (the
//! store is never saved with it); each sum opens its own connection, so a
//! dropped one fails that run alone, with the server's words.

use std::path::PathBuf;

use anyhow::Context as _;
use chrono::NaiveDate;

use super::db::pushdown::{self, FarDates};
use super::db::{Connection, DbUrl, Source, source_path};
use super::scan::{Scan, needs_lines};
use super::{FileKind, RoleMap};
use crate::analysis::customers::CustomerTable;
use crate::analysis::forecast::{Freq, Measure, TimeSeries};
use crate::tr;

/// Orders summed without loading, with the memory their lines would need.
#[derive(Clone, Debug)]
pub struct SummedOrders {
    pub source: SummedSource,
    /// The memory loading (or fetching) the lines needs and the memory that
    /// was free when the operator chose to sum, in bytes.
    pub need: u64,
    pub free: u64,
}

/// Where the sums come from.
#[derive(Clone, Debug)]
pub enum SummedSource {
    /// A local file, streamed.
    File(Scan),
    /// A table or SELECT, summed by its server.
    Database(InDatabase),
}

/// An orders source summed by its database.
#[derive(Clone, Debug)]
pub struct InDatabase {
    /// With the password (`DbUrl`'s `Debug` leaves it out).
    pub url: DbUrl,
    pub source: Source,
    /// The orders mapping confirmed in the mapping view.
    pub mapping: RoleMap,
    pub far: FarDates,
    /// The rows the server counted.
    pub rows: u64,
}

/// The per-customer table of summed orders, and whether they carry money.
#[derive(Clone, Debug)]
pub struct CustomerSums {
    pub table: CustomerTable,
    pub money: bool,
}

impl SummedOrders {
    /// The name shown: the file's, or the source's label.
    pub fn name(&self) -> String {
        match &self.source {
            SummedSource::File(scan) => scan.file(),
            SummedSource::Database(db) => db.source.label(FileKind::Orders),
        }
    }

    /// The path that stands for it in the file list: the file, or
    /// `database/source` (`db::source_path`).
    pub fn path(&self) -> PathBuf {
        match &self.source {
            SummedSource::File(scan) => scan.path().to_path_buf(),
            SummedSource::Database(db) => source_path(&db.url, &db.source, FileKind::Orders),
        }
    }

    /// Whether the lines carry money (an amount, or a unit price).
    pub fn money(&self) -> bool {
        match &self.source {
            SummedSource::File(scan) => scan.money(),
            SummedSource::Database(db) => pushdown::carries_money(&db.mapping),
        }
    }

    /// One row per customer at `analysis_date` (default: the day after the last
    /// purchase day), as `analysis::customers::customer_table` gives it for the
    /// loaded lines. None when no line is a dated purchase.
    pub fn customers(
        &self,
        analysis_date: Option<NaiveDate>,
    ) -> anyhow::Result<Option<CustomerSums>> {
        match &self.source {
            SummedSource::File(scan) => Ok(scan.customers(analysis_date)?.map(|s| CustomerSums {
                table: s.table,
                money: s.money,
            })),
            SummedSource::Database(db) => {
                let mut connection = db.connect()?;
                let aggregate = pushdown::customer_aggregate(
                    &mut connection,
                    &db.source,
                    &db.mapping,
                    db.far,
                    analysis_date,
                )
                .with_context(|| tr!("summed-in-database-customers", source = self.name()))?;
                Ok(aggregate.map(|a| CustomerSums {
                    table: a.table,
                    money: a.money,
                }))
            }
        }
    }

    /// The shop's series of `measure` per `freq` period, as
    /// `analysis::forecast::series_from_lines` gives it for the loaded lines
    /// (empty when no line is dated).
    pub fn series(&self, measure: Measure, freq: Freq) -> anyhow::Result<Vec<TimeSeries>> {
        match &self.source {
            SummedSource::File(scan) => Ok(scan.series(measure, freq)?),
            SummedSource::Database(db) => {
                let mut connection = db.connect()?;
                let pushed = pushdown::series::shop_series(
                    &mut connection,
                    &db.source,
                    &db.mapping,
                    db.far,
                    (measure, freq),
                )
                .with_context(|| tr!("summed-in-database-series", source = self.name()))?;
                Ok(pushed.series)
            }
        }
    }

    /// Why `what` is not shown: it needs the lines, which are not held.
    pub fn needs_lines(&self, what: &str) -> String {
        match &self.source {
            SummedSource::File(scan) => needs_lines(what, &scan.file(), self.need, self.free),
            SummedSource::Database(db) => tr!(
                "summed-in-database-needs-lines",
                what = what,
                source = self.name(),
                rows = crate::numbers::count(db.rows as usize)
            ),
        }
    }
}

impl InDatabase {
    /// A connection of its own (every pushed-down sum checks the column types
    /// first: `pushdown::typed`).
    fn connect(&self) -> anyhow::Result<Connection> {
        Ok(Connection::open(&self.url)?)
    }
}

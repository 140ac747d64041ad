//! Orders summed without loading their lines: a local file too big to load,
//! streamed by polars (`data::scan`), or a database table or SELECT whose sums
//! the server computes (`data::db::pushdown`). Either gives the per-customer
//! table, the shop's series and the customer × item purchases as loaded lines
//! give them, so RFM, segments, the shop's forecast and the popularity and
//! item-kNN recommendations read the same numbers; what needs the lines says
//! so ([`SummedOrders::needs_lines`]).
//!
//! A database source keeps its URL with the password, in memory only (the
//! store is never saved with it); each sum opens its own connection, so a
//! dropped one fails that run alone, with the server's words, and the server's
//! data is summed afresh each time. Cancelling the job stops the server's
//! query (`db::cancel`). A file's sums run to their end (polars' streaming
//! engine cannot be interrupted), and the cancelled job drops them.
//!
//! A file's per-customer table is kept once summed, for the same analysis date
//! while the file's size and modification time stay the same: Behaviour,
//! Segments and Campaigns ask for it in turn, and each pass reads the whole
//! file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use anyhow::Context as _;
use chrono::NaiveDate;

use super::db::cancel::StopOnCancel;
use super::db::pushdown::{self, FarDates};
use super::db::{Connection, DbUrl, Source, source_path};
use super::scan::{Scan, needs_lines};
use super::{FileKind, Role, RoleMap};
use crate::analysis::customers::CustomerTable;
use crate::analysis::forecast::{Freq, Measure, TimeSeries};
use crate::analysis::recommend::Interactions;
use crate::analysis::recommend::pairs::{interactions_from_database, interactions_from_scan};
use crate::jobs::Progress;
use crate::tr;

/// Orders summed without loading, with the memory their lines would need.
/// Clones share the kept per-customer table.
#[derive(Clone, Debug)]
pub struct SummedOrders {
    pub source: SummedSource,
    /// The memory loading (or fetching) the lines needs and the memory that
    /// was free when the operator chose to sum, in bytes.
    pub need: u64,
    pub free: u64,
    /// A file's last per-customer table and what it was summed from.
    kept: Arc<Mutex<Option<Kept>>>,
}

/// A per-customer table (None: no dated purchase) and what it was summed from.
type Kept = (Summed, Option<CustomerSums>);

/// What a file's per-customer table was summed from.
#[derive(Clone, Debug, PartialEq)]
struct Summed {
    analysis_date: Option<NaiveDate>,
    bytes: u64,
    modified: Option<SystemTime>,
}

impl Summed {
    /// `path` as it is now, summed at `analysis_date`; None when its
    /// metadata cannot be read (then nothing is kept).
    fn of(path: &Path, analysis_date: Option<NaiveDate>) -> Option<Summed> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Summed {
            analysis_date,
            bytes: meta.len(),
            modified: meta.modified().ok(),
        })
    }
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
    pub fn new(source: SummedSource, need: u64, free: u64) -> SummedOrders {
        SummedOrders {
            source,
            need,
            free,
            kept: Arc::default(),
        }
    }

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
        progress: &Progress,
    ) -> anyhow::Result<Option<CustomerSums>> {
        progress.check()?;
        match &self.source {
            SummedSource::File(scan) => {
                let key = Summed::of(scan.path(), analysis_date);
                let kept = self.kept.lock().map(|k| k.clone()).unwrap_or_default();
                if let (Some(key), Some((summed, sums))) = (&key, kept)
                    && *key == summed
                {
                    return Ok(sums);
                }
                let sums = scan.customers(analysis_date)?.map(|s| CustomerSums {
                    table: s.table,
                    money: s.money,
                });
                if let (Some(key), Ok(mut kept)) = (key, self.kept.lock()) {
                    *kept = Some((key, sums.clone()));
                }
                Ok(sums)
            }
            SummedSource::Database(db) => db.sum(progress, |connection| {
                let aggregate = pushdown::customer_aggregate(
                    connection,
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
            }),
        }
    }

    /// The shop's series of `measure` per `freq` period, as
    /// `analysis::forecast::series_from_lines` gives it for the loaded lines
    /// (empty when no line is dated).
    pub fn series(
        &self,
        (measure, freq): (Measure, Freq),
        progress: &Progress,
    ) -> anyhow::Result<Vec<TimeSeries>> {
        progress.check()?;
        match &self.source {
            SummedSource::File(scan) => Ok(scan.series(measure, freq)?),
            SummedSource::Database(db) => db.sum(progress, |connection| {
                let pushed = pushdown::series::shop_series(
                    connection,
                    &db.source,
                    &db.mapping,
                    db.far,
                    (measure, freq),
                )
                .with_context(|| tr!("summed-in-database-series", source = self.name()))?;
                Ok(pushed.series)
            }),
        }
    }

    /// Whether the orders' mapping has a column for `role`.
    pub fn maps(&self, role: Role) -> bool {
        match &self.source {
            SummedSource::File(scan) => scan.maps(role),
            SummedSource::Database(db) => db.mapping.contains_key(&role),
        }
    }

    /// The distinct customer × item purchases as interactions, as
    /// `analysis::recommend::pairs` gives them for popularity and item-kNN
    /// (refused before they are held when they would not fit in memory). None
    /// when no line is a dated purchase.
    pub fn interactions(&self, progress: &Progress) -> anyhow::Result<Option<Interactions>> {
        progress.check()?;
        match &self.source {
            SummedSource::File(scan) => Ok(interactions_from_scan(scan)?),
            SummedSource::Database(db) => db.sum(progress, |connection| {
                let pushed =
                    interactions_from_database(connection, &db.source, (&db.mapping, db.far))
                        .with_context(|| tr!("summed-in-database-pairs", source = self.name()))?;
                Ok(pushed.map(|(interactions, _)| interactions))
            }),
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
    /// Runs `sums` on a connection of its own (every pushed-down sum checks
    /// the column types first: `pushdown::typed`); the server is asked to stop
    /// the query when `progress` is cancelled (`db::cancel`).
    fn sum<T>(
        &self,
        progress: &Progress,
        sums: impl FnOnce(&mut Connection) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let mut connection = Connection::open(&self.url)?;
        let _stop = StopOnCancel::watch(&connection, progress);
        sums(&mut connection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{LoadOptions, inspect};

    /// The customer ids of the per-customer table at `date`.
    fn ids(summed: &SummedOrders, date: Option<NaiveDate>) -> Vec<String> {
        let sums = summed.customers(date, &Progress::detached());
        let sums = sums.expect("sums").expect("purchases");
        let ids = sums.table.frame.column("customer_id").expect("ids").clone();
        let ids = ids.str().expect("text").iter().flatten();
        ids.map(str::to_string).collect()
    }

    #[test]
    fn a_files_customer_table_is_kept_until_the_file_or_the_date_changes() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("orders.csv");
        let header = "customer_id,order_date,amount\n";
        let write = |text: &str| std::fs::write(&path, format!("{header}{text}")).expect("write");
        write("C1,2025-01-01,10\nC2,2025-01-02,20\n");
        let inspection = inspect(&path, None).expect("inspect");
        let options = LoadOptions::from_inspection(&inspection);
        let scan = Scan::new(&inspection, &options).expect("streamable");
        let summed = SummedOrders::new(SummedSource::File(scan), 0, 0);
        assert_eq!(ids(&summed, None), ["C1", "C2"]);

        // Other customers in as many bytes, with the time set back: kept.
        let modified = std::fs::metadata(&path).and_then(|m| m.modified());
        write("C3,2025-01-01,10\nC4,2025-01-02,20\n");
        let file = std::fs::File::options().write(true).open(&path);
        file.and_then(|f| f.set_modified(modified?)).expect("time");
        assert_eq!(ids(&summed.clone(), None), ["C1", "C2"], "kept, and shared");
        // Another analysis date sums the file again.
        let date = NaiveDate::from_ymd_opt(2025, 3, 1);
        assert_eq!(ids(&summed, date), ["C3", "C4"]);
        // So does a changed file.
        write("C5,2025-01-01,10\n");
        assert_eq!(ids(&summed, date), ["C5"]);
    }
}

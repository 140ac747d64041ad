//! The dialog's jobs, each on its own connection: connect and list the
//! tables, count the sources, fetch them, or fetch a sample of the orders for
//! the database to sum (`workspace::summed`).

use super::{Answer, Connected, Counted};
use crate::data::db::{self, Connection, DbError, DbUrl, Source};
use crate::data::{FileKind, memory};
use crate::jobs::Progress;
use crate::tr;
use crate::workspace::{Fetched, Summing};

/// Peak memory of a fetched source per byte of its rows: the fetched frame, the
/// cleaned copy the load makes of it, and the pieces in between (as a CSV's
/// load needs; see `data::memory::load_need`).
const FETCH_NEED_FACTOR: u64 = 3;

/// Rows of a sample of orders for the mapping view (the roles are detected on it).
const SAMPLE_ROWS: usize = 1000;

/// Connects and lists the tables; then stores `remember` (the typed password)
/// in the keyring, which only a password that worked deserves, and looks
/// whether the keyring keeps one (for the Forget button).
pub(super) fn connect_and_list(url: DbUrl, remember: Option<String>) -> Answer<Connected> {
    let mut connection = Connection::open(&url)?;
    let tables = connection.tables()?;
    let remembered = remember
        .map(|password| db::keyring::remember(&url.shown(), &password).map_err(|e| e.to_string()));
    let in_keyring =
        matches!(remembered, Some(Ok(()))) || db::keyring::recall(&url.shown()).is_some();
    Ok(Connected {
        url,
        tables,
        remembered,
        in_keyring,
    })
}

/// The sources counted, and whether they fit in the memory free (checked here,
/// once, rather than by the window on every frame).
#[derive(Clone)]
pub(super) struct Counts {
    pub(super) sources: Vec<Counted>,
    pub(super) too_big: Option<String>,
}

pub(super) fn count_sources(
    url: &DbUrl,
    sources: Vec<(FileKind, Source)>,
    progress: &Progress,
) -> Answer<Counts> {
    let mut connection = Connection::open(url)?;
    let total = sources.len() as u64;
    let mut counted = Vec::new();
    for (index, (kind, source)) in sources.into_iter().enumerate() {
        if progress.is_cancelled() {
            return Err(DbError::Cancelled.into());
        }
        progress.set_message(tr!("db-counting", source = source.label(kind)));
        progress.report(index as u64, total);
        let estimate = connection.estimate(&source)?;
        counted.push(Counted {
            kind,
            source,
            estimate,
        });
    }
    let bytes: u64 = counted.iter().map(|c| c.estimate.bytes).sum();
    Ok(Counts {
        too_big: memory::shortfall(bytes.saturating_mul(FETCH_NEED_FACTOR)),
        sources: counted,
    })
}

pub(super) fn fetch_sources(
    url: &DbUrl,
    counted: &[Counted],
    progress: &Progress,
) -> Answer<Vec<Fetched>> {
    let mut connection = Connection::open(url)?;
    let mut fetched = Vec::new();
    for (index, item) in counted.iter().enumerate() {
        progress.stage(index as u64, counted.len() as u64);
        progress.set_message(tr!(
            "db-fetching",
            source = item.source.label(item.kind),
            rows = crate::numbers::count(item.estimate.rows as usize)
        ));
        let (inspection, rows) = db::inspect_source_with(
            &mut connection,
            &item.source,
            item.kind,
            progress,
            Some(item.estimate.rows),
        )?;
        fetched.push(Fetched {
            inspection,
            rows,
            source: item.source.clone(),
            summing: None,
        });
    }
    Ok(fetched)
}

/// A sample of `orders` for the mapping view, with what the database is to sum.
pub(super) fn sample_orders(
    url: &DbUrl,
    orders: &Counted,
    progress: &Progress,
) -> Answer<Vec<Fetched>> {
    let mut connection = Connection::open(url)?;
    let label = orders.source.label(FileKind::Orders);
    progress.set_message(tr!("db-sampling-orders", source = label));
    let (inspection, rows) = db::inspect_source(
        &mut connection,
        &orders.source,
        FileKind::Orders,
        Some(SAMPLE_ROWS),
    )?;
    Ok(vec![Fetched {
        inspection,
        rows,
        source: orders.source.clone(),
        summing: Some(Summing {
            url: url.clone(),
            rows: orders.estimate.rows,
            need: orders.estimate.bytes.saturating_mul(FETCH_NEED_FACTOR),
        }),
    }])
}

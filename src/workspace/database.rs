//! The workspace's database sources: rows fetched by the window's dialog on
//! their way in, the loaded tables they became (with where they came from, for
//! the file list and the project), and the sources an opened project awaits.
//!
//! Contract:
//! - A sample of orders the database is to sum ([`Fetched::summing`]) stops in
//!   the mapping view, to be summed (`workspace::summed`), never loaded.
//! - Fetched rows stop in the mapping view, unless an opened project awaits
//!   their source ([`Workspace::await_databases`]): then they load at once with
//!   the project's options (a failed load goes back to the mapping view, as a
//!   file's does).
//! - A loaded database table knows its URL (without password), source and
//!   options ([`Workspace::database_sources`]), which a saved project keeps.

use std::path::Path;

use polars::prelude::DataFrame;

use super::load_jobs::fetched_load_job;
use super::project_db::ProjectDatabase;
use super::{FileStage, Level, Origin, PendingFile, Workspace};
use crate::data::db::{DbUrl, Source};
use crate::data::{Inspection, LoadOptions};
use crate::tr;

/// Rows fetched from a database for one file kind, as the dialog hands them over.
pub struct Fetched {
    /// What the mapping view starts from (roles detected in the rows).
    pub inspection: Inspection,
    pub rows: DataFrame,
    /// The table or SELECT they were read from.
    pub source: Source,
    /// Set when the rows are only a sample of orders the database is to sum
    /// (`workspace::summed`): they are mapped, never loaded.
    pub summing: Option<Summing>,
}

/// Orders the database is to sum, as the dialog counted them.
#[derive(Clone)]
pub struct Summing {
    /// With the password, for the sums' own connections.
    pub url: DbUrl,
    /// The rows the server counted, and the memory fetching them would take.
    pub rows: u64,
    pub need: u64,
}

/// Raw rows held until they load (or, for a sample of orders to sum, until
/// they are summed).
pub(super) struct HeldRows {
    pub(super) rows: DataFrame,
    pub(super) source: Source,
    pub(super) summing: Option<Summing>,
}

impl Workspace {
    /// Puts rows fetched from a database into the mapping view, with the roles
    /// detected in them; loading them then goes as for a file. Rows an opened
    /// project awaits load at once with its options. A source already on its
    /// way in is replaced.
    pub fn stage_fetched(&mut self, fetched: Fetched) {
        let Fetched {
            inspection,
            rows,
            source,
            summing,
        } = fetched;
        let path = inspection.path.clone();
        self.drop_pending_path(&path);
        let id = self.next_id();
        let awaited = match summing {
            Some(_) => None,
            None => self.awaited_databases.remove(&path).map(|d| d.options),
        };
        let stage = match awaited {
            Some(options) => FileStage::Loading {
                job: fetched_load_job(
                    rows.clone(),
                    &inspection,
                    options.clone(),
                    self.wake.clone(),
                ),
                inspection,
                options,
            },
            None => FileStage::Mapping {
                options: LoadOptions::from_inspection(&inspection),
                inspection,
                last_error: None,
                too_big: None,
            },
        };
        self.fetched.insert(
            id,
            HeldRows {
                rows,
                source,
                summing,
            },
        );
        self.pending.push(PendingFile {
            id,
            path,
            origin: Origin::Database,
            stage,
        });
    }

    /// Remembers a loaded table as read from `url` (shown, without password).
    pub(super) fn note_database_table(
        &mut self,
        path: &Path,
        url: &str,
        held: HeldRows,
        options: LoadOptions,
    ) {
        let source = ProjectDatabase::new(url, held.source, options);
        self.database_tables.insert(path.to_path_buf(), source);
    }

    /// The URL (without password) a loaded table was fetched from, if it was.
    pub fn database_url(&self, path: &Path) -> Option<&str> {
        self.database_tables.get(path).map(|d| d.url.as_str())
    }

    /// The loaded tables read from a database, in the store's order, as a
    /// project saves them.
    pub fn database_sources(&self) -> Vec<ProjectDatabase> {
        self.store
            .tables
            .iter()
            .filter_map(|t| self.database_tables.get(&t.path).cloned())
            .collect()
    }

    /// Makes the sources of an opened project load with its options once the
    /// dialog fetches them (replacing what an earlier project awaited). A
    /// source whose URL does not parse is reported and skipped.
    pub fn await_databases(&mut self, databases: &[ProjectDatabase]) {
        self.awaited_databases.clear();
        for database in databases {
            match database.table_path() {
                Ok(path) => {
                    self.awaited_databases.insert(path, database.clone());
                }
                Err(error) => self.notify(Level::Error, error.sentence()),
            }
        }
    }

    /// The sources an opened project still awaits (not fetched yet), by the
    /// path their table will carry.
    pub fn awaited_databases(&self) -> impl Iterator<Item = (&Path, &ProjectDatabase)> {
        self.awaited_databases
            .iter()
            .map(|(path, database)| (path.as_path(), database))
    }

    /// Says that `path` is a database table, which cannot be opened as a file.
    pub(super) fn refuse_reopen(&mut self, path: &Path) -> bool {
        let Some(url) = self.database_url(path).map(str::to_string) else {
            return false;
        };
        let text = tr!("db-fetch-again", source = super::file_name(path), url = url);
        self.notify(Level::Info, text);
        true
    }
}

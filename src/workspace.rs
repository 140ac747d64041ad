//! The open workspace: the loaded files, the files on their way in, and the results
//! computed from them. Nothing here imports egui: the window drives it and draws it,
//! tests drive it directly.
//!
//! Contract:
//! - Opening a file runs `data::inspect` as a job. A file from the sample store, or
//!   whose header signature has remembered options, is then loaded straight away;
//!   any other waits in the mapping stage until the operator confirms (`load`).
//! - A failed or cancelled load goes back to the mapping stage, with the error as a
//!   notice, so the operator can change the mapping and try again; a failed inspect
//!   drops the file with a notice. Errors never panic.
//! - Every change of the store bumps its version and restarts the overview (summary
//!   and daily revenue) and the table view as jobs. The last good value stays shown
//!   while a new one computes; results of outdated inputs are dropped (`jobs::Slot`).
//! - Each tab's result is a [`computation::Computation`] that knows what it was
//!   computed from; the window changes things only through [`Command`]s
//!   ([`Workspace::apply`]) and the update step ([`Workspace::update`]) starts
//!   what is stale for the tab on screen (see `update.rs`).
//! - Loaded frames are rechunked once, in the load job, so reading a cell is O(1).
//! - Rows fetched from a database (`stage_fetched`) enter the same mapping stage
//!   and the same load, labelled `database/source` (`data::db::source_path`);
//!   their raw frame is held only until they load, and a loaded one cannot be
//!   read again differently (it would have to be fetched again). The sources an
//!   opened project awaits load at once with its options (`database.rs`).

pub mod behaviour;
pub mod campaign;
pub mod campaign_scores;
pub mod computation;
mod database;
mod export_job;
pub mod forecast;
mod load_jobs;
pub mod project;
pub mod project_db;
pub mod project_io;
pub mod recommend;
mod recommend_inputs;
mod rows;
mod sample;
pub mod segments;
pub mod service;
pub mod settings;
mod summed;
mod update;
pub mod value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::analysis::summary::{DailyRevenue, Summary, daily_revenue};

use crate::data::scan::too_big_to_load;
use crate::data::{FileFormat, Inspection, LoadOptions, Store, Table};
use crate::jobs::{Job, JobError, Slot, Wake};
use crate::tr;
use database::HeldRows;
pub use database::{Fetched, Summing};
use load_jobs::{fetched_load_job, inspect_job, load_job};
pub use rows::{RowView, SortKey, ViewRequest};
pub use sample::{origin_of, sample_dir, sample_files};
pub use summed::Summable;
pub use update::{Command, Focus};

/// Identifies a file on its way in (inspecting, waiting for mapping, loading).
pub type FileId = u64;

/// Where a file came from: sample files load without asking, and so do files
/// whose columns the operator confirmed before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Sample,
    User,
    /// A loaded file the operator asked to read again differently (to keep far
    /// dates, another date layout, another column for a role): it always stops
    /// in the mapping view, with the options it was read with.
    Remap,
    /// Rows fetched from a database: they stop in the mapping view unless an
    /// opened project awaits them (`Workspace::await_databases`).
    Database,
    /// An orders file an opened project saved as summed without loading: summed
    /// again with its options while its load would be refused for memory, else
    /// loaded with them.
    Summed,
}

/// Where a file on its way in stands.
pub enum FileStage {
    Inspecting(Job<Inspection>),
    /// Waiting for the operator to confirm `options` (edited in the mapping view).
    Mapping {
        inspection: Inspection,
        options: LoadOptions,
        /// Why the last load attempt failed, if it did.
        last_error: Option<String>,
        /// The memory a load needs and the memory free, in bytes, when the
        /// load would be refused for memory; worked out once, when the file
        /// entered this stage (`scan::too_big_to_load`), not on every frame.
        too_big: Option<(u64, u64)>,
    },
    Loading {
        inspection: Inspection,
        options: LoadOptions,
        job: Job<Table>,
    },
}

/// A file that is not loaded yet.
pub struct PendingFile {
    pub id: FileId,
    pub path: PathBuf,
    pub origin: Origin,
    pub stage: FileStage,
}

/// What happened during `poll`, for the app to act on.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkspaceEvent {
    /// A file was loaded with these options: remember them for its signature.
    Loaded {
        path: PathBuf,
        signature: String,
        options: LoadOptions,
    },
    /// A file waits for the operator in the mapping view.
    NeedsMapping { path: PathBuf },
}

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Info,
}

/// A dismissable message for the operator.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub level: Level,
    pub text: String,
}

/// The summary and the daily revenue of the loaded orders.
#[derive(Clone, Debug)]
pub struct Overview {
    pub summary: Summary,
    pub daily: DailyRevenue,
}

/// The loaded data and everything computed from it.
pub struct Workspace {
    store: Store,
    store_version: u64,
    pending: Vec<PendingFile>,
    /// The raw rows of database sources on their way in, by pending id.
    fetched: BTreeMap<FileId, HeldRows>,
    /// Loaded tables read from a database, by path: URL shown, source, options.
    database_tables: BTreeMap<PathBuf, project_db::ProjectDatabase>,
    /// Database sources an opened project awaits, by the path their table will
    /// carry (loaded with their options once fetched).
    awaited_databases: BTreeMap<PathBuf, project_db::ProjectDatabase>,
    overview: Slot<Option<Overview>>,
    view: Slot<RowView>,
    /// The last view asked for, with the store version it was asked at.
    view_request: Option<(ViewRequest, u64)>,
    /// The Behaviour tab's results.
    pub behaviour: behaviour::Behaviour,
    /// The Segments tab's runs and exports.
    pub segments: segments::Segments,
    /// The Recommendations tab's fits, report cards and exports.
    pub recommend: recommend::Recommend,
    /// The Forecast tab's runs and scenarios.
    pub forecast: forecast::Forecast,
    /// The Value tab's training runs and exports.
    pub value: value::Value,
    /// The Campaigns tab's audience builds, exports and readouts.
    pub campaigns: campaign::Campaigns,
    /// The Service tab's reading of messages and reviews.
    pub service: service::Service,
    /// Project files saved and opened from the window.
    pub project: project_io::ProjectIo,
    notices: Vec<Notice>,
    next_id: u64,
    wake: Wake,
}

impl Workspace {
    /// An empty workspace; `wake` is called whenever a job has news.
    pub fn new(wake: Wake) -> Self {
        Workspace {
            store: Store::default(),
            store_version: 0,
            pending: Vec::new(),
            fetched: BTreeMap::new(),
            database_tables: BTreeMap::new(),
            awaited_databases: BTreeMap::new(),
            overview: Slot::default(),
            view: Slot::default(),
            view_request: None,
            behaviour: behaviour::Behaviour::new(wake.clone()),
            segments: segments::Segments::new(wake.clone()),
            recommend: recommend::Recommend::new(wake.clone()),
            forecast: forecast::Forecast::new(wake.clone()),
            value: value::Value::new(wake.clone()),
            campaigns: campaign::Campaigns::new(wake.clone()),
            service: service::Service::new(wake.clone()),
            project: project_io::ProjectIo::new(wake.clone()),
            notices: Vec::new(),
            next_id: 1,
            wake,
        }
    }

    fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// Starts inspecting `path`. A file already on its way in is started again.
    pub fn open(&mut self, path: PathBuf, origin: Origin) {
        // Not a file: its rows were fetched and not kept.
        if self.refuse_reopen(&path) {
            return;
        }
        self.drop_pending_path(&path);
        let id = self.next_id();
        let job = inspect_job(&path, None, self.wake.clone());
        self.pending.push(PendingFile {
            id,
            path,
            origin,
            stage: FileStage::Inspecting(job),
        });
    }

    /// Drops what is on its way in from `path`, cancelling its job.
    fn drop_pending_path(&mut self, path: &Path) {
        let ids: Vec<FileId> = self
            .pending
            .iter()
            .filter(|p| p.path == path)
            .map(|p| p.id)
            .collect();
        for id in ids {
            self.discard(id);
        }
    }

    /// Inspects a waiting file again with another Excel sheet.
    pub fn reinspect(&mut self, id: FileId, sheet: String) {
        let wake = self.wake.clone();
        if let Some(file) = self.pending.iter_mut().find(|p| p.id == id) {
            file.stage = FileStage::Inspecting(inspect_job(&file.path, Some(sheet), wake));
        }
    }

    /// Files on their way in, oldest first.
    pub fn pending(&self) -> &[PendingFile] {
        &self.pending
    }

    /// Sets the options a waiting file will be loaded with (edited in the
    /// mapping view).
    pub fn set_options(&mut self, id: FileId, edited: LoadOptions) {
        if let Some(PendingFile {
            stage: FileStage::Mapping { options, .. },
            ..
        }) = self.pending.iter_mut().find(|p| p.id == id)
        {
            *options = edited;
        }
    }

    /// Starts loading a waiting file with the options edited in the mapping view.
    pub fn load(&mut self, id: FileId) {
        let wake = self.wake.clone();
        let Some(index) = self.pending.iter().position(|p| p.id == id) else {
            return;
        };
        // A sample of orders for the database to sum is not the orders.
        if self.fetched.get(&id).is_some_and(|h| h.summing.is_some()) {
            return;
        }
        let PendingFile {
            id,
            path,
            origin,
            stage,
        } = self.pending.remove(index);
        let stage = match stage {
            FileStage::Mapping {
                inspection,
                options,
                ..
            } => FileStage::Loading {
                job: match self.fetched.get(&id) {
                    Some(held) => {
                        fetched_load_job(held.rows.clone(), &inspection, options.clone(), wake)
                    }
                    None => load_job(&path, options.clone(), wake),
                },
                inspection,
                options,
            },
            other => other,
        };
        self.pending.insert(
            index,
            PendingFile {
                id,
                path,
                origin,
                stage,
            },
        );
    }

    /// Drops a file on its way in (cancelling its job).
    pub fn discard(&mut self, id: FileId) {
        if let Some(file) = self.pending.iter().find(|p| p.id == id) {
            match &file.stage {
                FileStage::Inspecting(job) => job.cancel(),
                FileStage::Loading { job, .. } => job.cancel(),
                FileStage::Mapping { .. } => {}
            }
        }
        self.pending.retain(|p| p.id != id);
        self.fetched.remove(&id);
    }

    /// Asks a running load to stop; the file goes back to the mapping stage.
    pub fn cancel_load(&mut self, id: FileId) {
        if let Some(FileStage::Loading { job, .. }) =
            self.pending.iter().find(|p| p.id == id).map(|p| &p.stage)
        {
            job.cancel();
        }
    }

    /// Takes finished jobs' results. `remembered` maps header signatures to the options
    /// the operator confirmed before. Returns what the app should know about.
    pub fn poll(&mut self, remembered: &BTreeMap<String, LoadOptions>) -> Vec<WorkspaceEvent> {
        let mut events = Vec::new();
        let mut loaded = Vec::new();
        let mut errors = Vec::new();
        let mut to_sum = Vec::new();
        for file in std::mem::take(&mut self.pending) {
            let PendingFile {
                id,
                path,
                origin,
                stage,
            } = file;
            let stage = match stage {
                FileStage::Inspecting(job) => match job.try_take() {
                    None => Some(FileStage::Inspecting(job)),
                    Some(Ok(inspection)) => {
                        let confirmed = remembered.get(&inspection.signature);
                        let auto = match (origin, confirmed) {
                            (Origin::Remap | Origin::Database, _) => None,
                            (_, Some(options)) => Some(options.clone()),
                            (Origin::Sample | Origin::Summed, None) => {
                                Some(LoadOptions::from_inspection(&inspection))
                            }
                            (Origin::User, None) => None,
                        };
                        let too_big = too_big_to_load(&path);
                        Some(match auto {
                            Some(options) if origin == Origin::Summed && too_big.is_some() => {
                                to_sum.push(id);
                                FileStage::Mapping {
                                    inspection,
                                    options,
                                    last_error: None,
                                    too_big,
                                }
                            }
                            Some(options) => FileStage::Loading {
                                job: load_job(&path, options.clone(), self.wake.clone()),
                                inspection,
                                options,
                            },
                            None => {
                                events.push(WorkspaceEvent::NeedsMapping { path: path.clone() });
                                FileStage::Mapping {
                                    options: confirmed.cloned().unwrap_or_else(|| {
                                        LoadOptions::from_inspection(&inspection)
                                    }),
                                    inspection,
                                    last_error: None,
                                    too_big,
                                }
                            }
                        })
                    }
                    Some(Err(JobError::Cancelled)) => None,
                    Some(Err(error)) => {
                        errors.push(error.to_string());
                        None
                    }
                },
                FileStage::Loading {
                    inspection,
                    options,
                    job,
                } => match job.try_take() {
                    None => Some(FileStage::Loading {
                        inspection,
                        options,
                        job,
                    }),
                    Some(Ok(table)) => {
                        if let (Some(held), FileFormat::Database { url }) =
                            (self.fetched.remove(&id), &inspection.format)
                        {
                            // Not a file: not a recent file, no remembered header.
                            self.note_database_table(&path, url, held, options);
                        } else {
                            events.push(WorkspaceEvent::Loaded {
                                path: path.clone(),
                                signature: inspection.signature.clone(),
                                options,
                            });
                        }
                        loaded.push(table);
                        None
                    }
                    Some(Err(error)) => {
                        let last_error = (error != JobError::Cancelled).then(|| error.to_string());
                        errors.extend(last_error.clone());
                        events.push(WorkspaceEvent::NeedsMapping { path: path.clone() });
                        Some(FileStage::Mapping {
                            inspection,
                            options,
                            last_error,
                            too_big: too_big_to_load(&path),
                        })
                    }
                },
                mapping @ FileStage::Mapping { .. } => Some(mapping),
            };
            if let Some(stage) = stage {
                self.pending.push(PendingFile {
                    id,
                    path,
                    origin,
                    stage,
                });
            }
        }
        for text in errors {
            self.notify(Level::Error, text);
        }
        for id in to_sum {
            self.sum_without_loading(id);
        }
        if !loaded.is_empty() {
            for table in loaded {
                self.store.insert(table);
            }
            self.store_changed();
        }
        self.poll_results();
        events
    }

    fn poll_results(&mut self) {
        if self.overview.poll()
            && let Some(error) = self.overview.error().cloned()
        {
            self.overview.dismiss_error();
            self.notify(
                Level::Error,
                tr!("workspace-summary-failed", error = error.to_string()),
            );
        }
        if self.view.poll()
            && let Some(error) = self.view.error().cloned()
        {
            self.view.dismiss_error();
            self.notify(
                Level::Error,
                tr!("workspace-table-view-failed", error = error.to_string()),
            );
        }
        self.behaviour.poll();
        self.service.poll();
        self.segments.poll();
        self.recommend.poll();
        self.forecast.poll();
        self.value.poll();
        self.campaigns.poll();
    }

    /// The loaded tables.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Bumped whenever a table is added, replaced or removed.
    pub fn store_version(&self) -> u64 {
        self.store_version
    }

    /// Unloads the table read from `path` (or drops the file summed from it).
    pub fn remove_table(&mut self, path: &Path) {
        let before = self.store.tables.len();
        self.store.tables.retain(|t| t.path != path);
        self.database_tables.remove(path);
        let summed = self.store.summed.as_ref().map(|s| s.path());
        let unsummed = summed.as_deref() == Some(path);
        if unsummed {
            self.store.summed = None;
        }
        if self.store.tables.len() != before || unsummed {
            self.store_changed();
        }
    }

    fn store_changed(&mut self) {
        self.store_version += 1;
        let store = self.store.clone();
        self.overview
            .start("summary", self.wake.clone(), move |progress| {
                progress.set_message(tr!("workspace-computing-summary"));
                let Some(lines) = store.order_lines()? else {
                    return Ok(None);
                };
                progress.check()?;
                let summary = Summary::from_lines(&lines)
                    .with_context(|| tr!("workspace-computing-summary"))?;
                progress.check()?;
                let daily = daily_revenue(&lines)
                    .with_context(|| tr!("workspace-computing-daily-revenue"))?;
                Ok(Some(Overview { summary, daily }))
            });
        if let Some((request, _)) = self.view_request.clone() {
            self.view_request = None;
            self.set_view(request);
        }
    }

    /// The summary and daily revenue (None inside: no orders loaded).
    pub fn overview(&self) -> &Slot<Option<Overview>> {
        &self.overview
    }

    /// Adds a notice for the operator.
    pub fn notify(&mut self, level: Level, text: impl Into<String>) {
        let id = self.next_id();
        self.notices.push(Notice {
            id,
            level,
            text: text.into(),
        });
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn dismiss(&mut self, id: u64) {
        self.notices.retain(|n| n.id != id);
    }

    /// True while any file is inspecting or loading or a result is computing.
    pub fn is_busy(&self) -> bool {
        self.is_loading()
            || self.overview.pending().is_some()
            || self.view.pending().is_some()
            || self.behaviour.is_busy()
            || self.service.is_busy()
            || self.segments.is_busy()
            || self.recommend.is_busy()
            || self.forecast.is_busy()
            || self.value.is_busy()
            || self.campaigns.is_busy()
            || self.project.is_busy()
    }
}

/// The file name of `path` as shown to the operator.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

//! Saving and opening project files from the window, as jobs (hashing the data
//! files and inspecting them take a moment; the window keeps drawing).
//!
//! Contract:
//! - The options each loaded file was loaded with are noted (`note_loaded`); a
//!   table without noted options is saved with its kind and role mapping, the date
//!   format detected again on open.
//! - `save` writes a [`Project`] of the loaded tables (sorted by path), the
//!   orders file summed without loading (marked so), plus what the caller gives
//!   (names, campaigns, settings), atomically, and remembers the
//!   path for saving again. `open` reads a project, checks its files and inspects
//!   each present one for its header signature, so the caller can load it with the
//!   project's options through the workspace's usual remembered-options path.
//! - A fitted SASRec given to `save` is written beside the project
//!   (`recommend::sasrec_path`) with the data files' hashes; a failure there
//!   leaves the project saved and says so. `open` reads that file when it is
//!   there (an unreadable one is reported, not fatal).
//! - At most one save and one open run at a time; a new request replaces (and
//!   cancels) the previous one. Results come out of `take_events` once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use crate::analysis::recommend::Model;
use crate::analysis::recommend::sasrec::saved::{SavedFile, SavedSasrec};
use crate::data::summed::SummedSource;
use crate::data::{self, LoadOptions, Store};
use crate::jobs::{Job, JobError, Wake, spawn};
use crate::tr;

use super::project::{FileStatus, OpenedProject, Project};
use super::recommend::sasrec_path;

/// A present data file of an opened project, ready to load.
#[derive(Clone, Debug)]
pub struct ProjectLoad {
    pub path: PathBuf,
    /// The header signature `data::inspect` found (what remembered options key on).
    pub signature: String,
    pub options: LoadOptions,
    /// Saved as summed without loading (`ProjectFile::summed`).
    pub summed: bool,
}

/// A data file to save in a project, with the options it is read with.
pub type FileToSave = (PathBuf, LoadOptions);

/// A project read from disk, with its present files inspected.
#[derive(Clone, Debug)]
pub struct OpenedForLoad {
    pub path: PathBuf,
    pub opened: OpenedProject,
    pub loads: Vec<ProjectLoad>,
    /// The project's saved SASRec, when it has a model file (or why it does
    /// not read).
    pub sasrec: Option<Result<SavedSasrec, String>>,
}

/// What a finished save or open job produced.
#[derive(Debug)]
pub enum ProjectEvent {
    Saved(PathBuf),
    Opened(Box<OpenedForLoad>),
    /// Why a save or an open failed, for a notice.
    Failed(String),
}

/// The project jobs, the options files were loaded with and the current project file.
pub struct ProjectIo {
    /// The saved project's path and what went wrong saving its model.
    save: Option<Job<(PathBuf, Option<String>)>>,
    open: Option<Job<OpenedForLoad>>,
    loaded_options: BTreeMap<PathBuf, LoadOptions>,
    path: Option<PathBuf>,
    wake: Wake,
}

impl ProjectIo {
    pub fn new(wake: Wake) -> Self {
        ProjectIo {
            save: None,
            open: None,
            loaded_options: BTreeMap::new(),
            path: None,
            wake,
        }
    }

    /// Records the options `path` was loaded with.
    pub fn note_loaded(&mut self, path: &Path, options: &LoadOptions) {
        self.loaded_options
            .insert(path.to_path_buf(), options.clone());
    }

    /// The project file last saved or opened successfully (for "Save" without a
    /// dialog; a failed open never makes another file the target).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The loaded files with the options to save for each, sorted by path.
    pub fn files_of(&self, store: &Store) -> Vec<FileToSave> {
        let mut files: Vec<FileToSave> = store
            .tables
            .iter()
            .map(|t| {
                let options = self
                    .loaded_options
                    .get(&t.path)
                    .cloned()
                    .unwrap_or_else(|| LoadOptions {
                        kind: t.kind,
                        mapping: t.mapping.clone(),
                        date_format: None,
                        sheet: None,
                        keep_far_dates: false,
                    });
                (t.path.clone(), options)
            })
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files
    }

    /// The orders file summed without loading, with the options it is read
    /// with (a database's summed orders are not a file).
    pub fn summed_file_of(store: &Store) -> Option<FileToSave> {
        match &store.summed.as_ref()?.source {
            SummedSource::File(scan) => Some((scan.path().to_path_buf(), scan.options().clone())),
            SummedSource::Database(_) => None,
        }
    }

    /// Saves `base` (names, campaigns, settings) with `files` and the `summed`
    /// orders file added, to `path`, and the fitted SASRec of `sasrec` beside
    /// it.
    pub fn save(
        &mut self,
        path: PathBuf,
        base: Project,
        (files, summed): (Vec<FileToSave>, Option<FileToSave>),
        sasrec: Option<Arc<Model>>,
    ) {
        if let Some(job) = self.save.take() {
            job.cancel();
        }
        let name = format!("save project {}", super::file_name(&path));
        self.save = Some(spawn(name, 0, self.wake.clone(), move |progress| {
            progress.set_message(tr!("workspace-hashing-files"));
            let mut project = base;
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let total = files.len() as u64 + u64::from(summed.is_some());
            for (done, (file, options)) in files.into_iter().enumerate() {
                progress.check()?;
                project.add_file(&file, options, &folder)?;
                progress.report(done as u64 + 1, total);
            }
            if let Some((file, options)) = summed {
                progress.check()?;
                project.add_summed_file(&file, options, &folder)?;
            }
            project.save(&path)?;
            let hashes = project
                .files
                .iter()
                .map(|f| SavedFile {
                    name: f.path.display().to_string(),
                    sha256: f.sha256.clone(),
                })
                .collect();
            let failed = sasrec
                .as_deref()
                .and_then(Model::sasrec)
                .and_then(|sasrec| {
                    let saved = sasrec.saved(hashes).map_err(|e| e.to_string());
                    saved
                        .and_then(|s| s.save(&sasrec_path(&path)).map_err(|e| e.to_string()))
                        .err()
                });
            Ok((path, failed))
        }));
    }

    /// Reads the project at `path` and inspects its present files.
    pub fn open(&mut self, path: PathBuf) {
        if let Some(job) = self.open.take() {
            job.cancel();
        }
        let name = format!("open project {}", super::file_name(&path));
        self.open = Some(spawn(name, 0, self.wake.clone(), move |progress| {
            progress.set_message(tr!("workspace-checking-files"));
            let opened = Project::open(&path)?;
            let mut loads = Vec::new();
            for (file, check) in opened.project.files.iter().zip(&opened.checks) {
                progress.check()?;
                if check.status == FileStatus::Missing {
                    continue;
                }
                let at = std::fs::canonicalize(&check.path).unwrap_or_else(|_| check.path.clone());
                let inspection = data::inspect(&at, file.options.sheet.as_deref())?;
                loads.push(ProjectLoad {
                    path: at,
                    signature: inspection.signature,
                    options: file.options.clone(),
                    summed: file.summed,
                });
            }
            let model = sasrec_path(&path);
            let sasrec = model
                .exists()
                .then(|| SavedSasrec::read(&model).map_err(|e| e.to_string()));
            Ok(OpenedForLoad {
                path,
                opened,
                loads,
                sasrec,
            })
        }));
    }

    /// Finished saves and opens, once each.
    pub fn take_events(&mut self) -> Vec<ProjectEvent> {
        let mut events = Vec::new();
        if let Some(result) = self.save.as_ref().and_then(Job::try_take) {
            self.save = None;
            match result {
                Ok((path, failed)) => {
                    self.path = Some(path.clone());
                    events.push(ProjectEvent::Saved(path));
                    events.extend(failed.map(|error| {
                        ProjectEvent::Failed(tr!("recommend-sasrec-save-failed", error = error))
                    }));
                }
                Err(JobError::Cancelled) => {}
                Err(e) => events.push(ProjectEvent::Failed(tr!(
                    "workspace-project-save-failed",
                    error = e.to_string()
                ))),
            }
        }
        if let Some(result) = self.open.as_ref().and_then(Job::try_take) {
            self.open = None;
            events.extend(match result {
                Ok(opened) => {
                    self.path = Some(opened.path.clone());
                    Some(ProjectEvent::Opened(Box::new(opened)))
                }
                Err(JobError::Cancelled) => None,
                Err(e) => Some(ProjectEvent::Failed(tr!(
                    "workspace-project-open-failed",
                    error = e.to_string()
                ))),
            });
        }
        events
    }

    /// True while a save or an open runs.
    pub fn is_busy(&self) -> bool {
        self.save.is_some() || self.open.is_some()
    }
}

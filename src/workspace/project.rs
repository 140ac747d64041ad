//! Project files: what was loaded and how, and the campaigns built on it, saved
//! as versioned, human-readable JSON so the same lists come back on another day
//! or another machine.
//!
//! Contract:
//! - A project holds the data files (path, load options with role mappings,
//!   size and SHA-256 at save time, whether it was summed without loading), segment names, the tabs' settings (by key,
//!   readable JSON: segmentation, recommender, Value, forecast run and its
//!   what-if scenarios) and campaigns (each with its ROI what-if inputs; the
//!   window's variants are campaigns too).
//! - Paths under the project file's folder are stored relative to it, others
//!   absolute; relative paths are resolved against the folder on open, so a
//!   project folder can be moved or copied whole.
//! - `version` is [`PROJECT_VERSION`]; a newer version is refused with a message
//!   to update Marketbench. Missing fields of older files take their defaults;
//!   fields this version does not know (the empty `scenarios` list of the
//!   first files) are ignored.
//! - Opening checks every data file: missing, or changed (size or hash differs),
//!   is reported per file; [`OpenedProject::load_store`] refuses missing files
//!   and loads changed ones (the caller shows the report).
//! - Saving is atomic (`export::write_atomically`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::analysis::campaign::frame::campaign_inputs;
use crate::analysis::campaign::{
    Audience, CampaignDef, CampaignError, ExclusionLists, build_audience,
};
use crate::data::{self, LoadOptions, Store};
use crate::export::hashing::file_sha256;
use crate::export::{ExportError, write_atomically};
use crate::jobs::Progress;
use crate::tr;
use polars::prelude::DataFrame;

use crate::analysis::voice::{Labels, store_signals};
use crate::workspace::campaign_scores::ScoreFrames;
use crate::workspace::project_db::ProjectDatabase;
use crate::workspace::service::labels_from_settings;

/// The project file format version this build writes and reads.
pub const PROJECT_VERSION: u32 = 1;

/// `model_settings` key of the segmentation's settings (`SegmentsParams`).
pub const SEGMENTS_KEY: &str = "segments";
/// `model_settings` key of the recommender's settings (`RecommendParams`).
pub const RECOMMEND_KEY: &str = "recommend";
/// `model_settings` key of the Value tab's settings (`ValueSettings`).
pub const VALUE_KEY: &str = "value";
/// `model_settings` key of the forecast run and its scenarios (`Forecast::to_settings`).
pub const FORECAST_KEY: &str = "forecast";
/// `model_settings` key of the Service tab's labels (`service::labels_to_settings`).
pub const SERVICE_KEY: &str = "service";

/// One data file of a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectFile {
    /// Relative to the project file's folder, or absolute.
    pub path: PathBuf,
    pub options: LoadOptions,
    pub size_bytes: u64,
    pub sha256: String,
    /// An orders file that was summed without loading (too big to load) when
    /// saved: the window sums it again on open while it is still too big.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub summed: bool,
}

/// A saved project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub version: u32,
    pub files: Vec<ProjectFile>,
    /// Day the customer figures are measured at (default: after the last order).
    #[serde(default)]
    pub analysis_date: Option<NaiveDate>,
    /// Segment id → the operator's name for it.
    #[serde(default)]
    pub segment_names: BTreeMap<String, String>,
    /// The tabs' settings by key ([`SEGMENTS_KEY`], [`RECOMMEND_KEY`],
    /// [`VALUE_KEY`], [`FORECAST_KEY`], [`SERVICE_KEY`]) and the window's own (variants' figures,
    /// the draft); a key this version does not know is kept as it is.
    #[serde(default)]
    pub model_settings: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub campaigns: Vec<CampaignDef>,
    /// Tables and SELECTs read from a database (URL without password), read
    /// again on open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub databases: Vec<ProjectDatabase>,
}

impl Default for Project {
    fn default() -> Self {
        Project {
            version: PROJECT_VERSION,
            files: Vec::new(),
            analysis_date: None,
            segment_names: BTreeMap::new(),
            model_settings: BTreeMap::new(),
            campaigns: Vec::new(),
            databases: Vec::new(),
        }
    }
}

/// Why a project could not be saved, opened or run.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("{}", unreadable(.file, .source))]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", not_a_project(.file, .message))]
    Parse { file: PathBuf, message: String },
    #[error("{}", newer_version(.file, .found))]
    NewerVersion { file: PathBuf, found: u32 },
    #[error("{}", describe_missing(.0))]
    MissingFiles(Vec<PathBuf>),
    #[error("the project has no campaign named '{name}'; it has: {known}")]
    NoCampaign { name: String, known: String },
    #[error("{}: cannot load ({message})", file.display())]
    Load { file: PathBuf, message: String },
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Campaign(#[from] CampaignError),
}

fn unreadable(file: &Path, source: &std::io::Error) -> String {
    tr!(
        "workspace-project-unreadable",
        file = file.display().to_string(),
        error = source.to_string()
    )
}

fn not_a_project(file: &Path, message: &str) -> String {
    tr!(
        "workspace-project-not-a-project",
        file = file.display().to_string(),
        error = message
    )
}

fn newer_version(file: &Path, found: &u32) -> String {
    tr!(
        "workspace-project-newer",
        file = file.display().to_string(),
        found = found.to_string(),
        supported = PROJECT_VERSION.to_string()
    )
}

fn describe_missing(files: &[PathBuf]) -> String {
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    format!(
        "data files of the project are missing: {}. Put them back at those paths (or next to the project file) and open it again",
        names.join(", ")
    )
}

/// The state of one data file when a project is opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FileStatus {
    Unchanged,
    Missing,
    /// Size or content differs from when the project was saved.
    Changed {
        size_then: u64,
        size_now: u64,
    },
}

/// A data file checked on open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileCheck {
    /// Where it was looked for.
    pub path: PathBuf,
    #[serde(flatten)]
    pub status: FileStatus,
}

impl FileCheck {
    /// One line for the operator, e.g. "orders.csv: changed since the project was saved".
    pub fn describe(&self) -> String {
        let file = self.path.display().to_string();
        match &self.status {
            FileStatus::Unchanged => tr!("workspace-file-unchanged", file = file),
            FileStatus::Missing => tr!("workspace-file-missing", file = file),
            FileStatus::Changed {
                size_then,
                size_now,
            } => tr!(
                "workspace-file-changed",
                file = file,
                then = size_then.to_string(),
                now = size_now.to_string()
            ),
        }
    }
}

/// A project as opened: its folder and the check of each data file.
#[derive(Clone, Debug)]
pub struct OpenedProject {
    pub project: Project,
    /// The project file's folder; relative paths start here.
    pub folder: PathBuf,
    /// One per data file, in project order.
    pub checks: Vec<FileCheck>,
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl Project {
    /// Adds (or replaces) a data file, recording its size and hash now. The path is
    /// stored relative to `folder` (the project file's) when it lies under it.
    pub fn add_file(
        &mut self,
        path: &Path,
        options: LoadOptions,
        folder: &Path,
    ) -> Result<(), ProjectError> {
        let (size_bytes, sha256) = file_sha256(path).map_err(|source| ProjectError::Io {
            file: path.to_path_buf(),
            source,
        })?;
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let stored = std::fs::canonicalize(folder)
            .ok()
            .and_then(|f| absolute.strip_prefix(f).ok().map(Path::to_path_buf))
            .unwrap_or(absolute);
        self.files.retain(|f| f.path != stored);
        self.files.push(ProjectFile {
            path: stored,
            options,
            size_bytes,
            sha256,
            summed: false,
        });
        Ok(())
    }

    /// Adds an orders file summed without loading, as [`Project::add_file`]
    /// does, marked `summed`.
    pub fn add_summed_file(
        &mut self,
        path: &Path,
        options: LoadOptions,
        folder: &Path,
    ) -> Result<(), ProjectError> {
        self.add_file(path, options, folder)?;
        if let Some(file) = self.files.last_mut() {
            file.summed = true;
        }
        Ok(())
    }

    /// The campaign named `name`.
    pub fn campaign(&self, name: &str) -> Result<&CampaignDef, ProjectError> {
        self.campaigns
            .iter()
            .find(|c| c.name == name)
            .ok_or_else(|| ProjectError::NoCampaign {
                name: name.to_string(),
                known: match self.campaigns.len() {
                    0 => "none yet".into(),
                    _ => self
                        .campaigns
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                },
            })
    }

    /// Adds `campaign`, replacing one of the same name.
    pub fn put_campaign(&mut self, campaign: CampaignDef) {
        match self.campaigns.iter_mut().find(|c| c.name == campaign.name) {
            Some(slot) => *slot = campaign,
            None => self.campaigns.push(campaign),
        }
    }

    /// Writes the project to `path` as pretty JSON, atomically.
    pub fn save(&self, path: &Path) -> Result<(), ProjectError> {
        let mut saved = self.clone();
        for database in &mut saved.databases {
            database.url = crate::data::db::redact(&database.url);
        }
        let text = serde_json::to_string_pretty(&saved).map_err(|e| ProjectError::Parse {
            file: path.to_path_buf(),
            message: e.to_string(),
        })?;
        write_atomically(path, |_, file| {
            use std::io::Write as _;
            file.write_all(text.as_bytes())
                .and_then(|()| file.write_all(b"\n"))
                .map_err(|source| ExportError::Io {
                    file: path.to_path_buf(),
                    source,
                })
        })?;
        Ok(())
    }

    /// Reads the project at `path` and checks its data files.
    pub fn open(path: &Path) -> Result<OpenedProject, ProjectError> {
        let text = std::fs::read_to_string(path).map_err(|source| ProjectError::Io {
            file: path.to_path_buf(),
            source,
        })?;
        let parse_error = |e: serde_json::Error| ProjectError::Parse {
            file: path.to_path_buf(),
            message: e.to_string(),
        };
        let raw: serde_json::Value = serde_json::from_str(&text).map_err(parse_error)?;
        let found = raw.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if found > u64::from(PROJECT_VERSION) {
            return Err(ProjectError::NewerVersion {
                file: path.to_path_buf(),
                found: found as u32,
            });
        }
        let project: Project = serde_json::from_value(raw).map_err(parse_error)?;
        let folder = folder_of(path);
        let checks = project
            .files
            .iter()
            .map(|f| check_file(&folder.join(&f.path), f))
            .collect();
        Ok(OpenedProject {
            project,
            folder,
            checks,
        })
    }
}

/// The rows of a project's database source, fetched and loaded with its options.
fn fetch_database(
    database: &ProjectDatabase,
    progress: &Progress,
) -> Result<data::Table, ProjectError> {
    let fetched = database.parsed_url().and_then(|url| {
        let mut connection = crate::data::db::Connection::open(&url)?;
        database.fetch(&mut connection, progress)
    });
    fetched.map_err(|error| ProjectError::Load {
        file: database
            .table_path()
            .unwrap_or_else(|_| PathBuf::from(&database.url)),
        message: error.to_string(),
    })
}

fn check_file(path: &Path, file: &ProjectFile) -> FileCheck {
    let status = match file_sha256(path) {
        Err(_) => FileStatus::Missing,
        Ok((size, hash)) if size == file.size_bytes && hash == file.sha256 => FileStatus::Unchanged,
        Ok((size, _)) => FileStatus::Changed {
            size_then: file.size_bytes,
            size_now: size,
        },
    };
    FileCheck {
        path: path.to_path_buf(),
        status,
    }
}

impl OpenedProject {
    /// The checks that are not `Unchanged`.
    pub fn problems(&self) -> impl Iterator<Item = &FileCheck> {
        self.checks
            .iter()
            .filter(|c| c.status != FileStatus::Unchanged)
    }

    /// Loads every data file with its saved options. Missing files are an error
    /// naming them all.
    pub fn load_store(&self, progress: &Progress) -> Result<Store, ProjectError> {
        let missing: Vec<PathBuf> = self
            .checks
            .iter()
            .filter(|c| c.status == FileStatus::Missing)
            .map(|c| c.path.clone())
            .collect();
        if !missing.is_empty() {
            return Err(ProjectError::MissingFiles(missing));
        }
        let mut store = Store::default();
        for (file, check) in self.project.files.iter().zip(&self.checks) {
            let table = data::load(&check.path, &file.options, progress).map_err(|e| {
                ProjectError::Load {
                    file: check.path.clone(),
                    message: e.to_string(),
                }
            })?;
            store.insert(table);
        }
        for database in &self.project.databases {
            store.insert(fetch_database(database, progress)?);
        }
        Ok(store)
    }

    /// The audience of the campaign named `name` over `store` (loaded from this
    /// project), with `scores` joined onto the customer frame first when given;
    /// exclusion files are resolved against the project folder.
    pub fn audience(
        &self,
        name: &str,
        store: &Store,
        scores: Option<&ScoreFrames>,
        progress: &Progress,
    ) -> Result<Audience, ProjectError> {
        let campaign = self.project.campaign(name)?;
        let signals = self.signals(store, progress)?;
        let (lines, frame) = campaign_inputs(
            store,
            self.project.analysis_date,
            signals.as_ref(),
            progress,
        )?;
        let frame = match scores {
            Some(scores) => scores.apply(&frame)?,
            None => frame,
        };
        let lists = ExclusionLists::read(&campaign.exclusions, &self.folder)?;
        Ok(build_audience(
            &frame,
            Some(&lines),
            campaign,
            &lists,
            progress,
        )?)
    }
}

impl OpenedProject {
    /// The customer signals of `store`'s service messages read with the labels
    /// saved in the project, as the window's Service tab reads them.
    fn signals(
        &self,
        store: &Store,
        progress: &Progress,
    ) -> Result<Option<DataFrame>, ProjectError> {
        let labels = match self.project.model_settings.get(SERVICE_KEY) {
            Some(saved) => labels_from_settings(saved).map_err(|e| CampaignError::Invalid {
                what: tr!("workspace-saved-labels", key = SERVICE_KEY),
                why: e.to_string(),
            })?,
            None => Labels::default(),
        };
        store_signals(store, &labels, progress).map_err(|e| CampaignError::from(e).into())
    }
}

#[cfg(test)]
#[path = "project_tests.rs"]
mod tests;

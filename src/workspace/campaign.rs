//! The Campaigns tab's jobs: building the audience of the campaign being edited,
//! exporting its list, and reading it out from later orders.
//!
//! Contract:
//! - A build is a [`Computation`] keyed by the campaign's audience definition (the
//!   ROI inputs and the name are left out: they change no one's membership) and
//!   the segment names, on the store version and the generations of the score
//!   results joined on ([`ScoreSources`]: only results computed on the loaded
//!   files; the Service tab's result gives the customer signals, so a list
//!   excludes exactly the complainers that tab counts). The window defines the campaign ([`CampaignsCommand::Define`]); the
//!   workspace's update step builds it when it was not built on these inputs.
//! - An audience built on other inputs is never shown, exported or read out
//!   ([`Campaigns::current`]).
//! - A build always returns what the customer frame offers (columns, choices,
//!   size), even when the conditions cannot be evaluated: the error is kept in
//!   [`AudienceResults::audience`] so the panel can say what to compute first.
//! - Exports and readouts run as their own jobs over the audience shown; exports
//!   are atomic with a sidecar (`export::campaign`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, anyhow};
use chrono::NaiveDate;
use polars::prelude::*;

use crate::analysis::campaign::frame::campaign_inputs;
use crate::analysis::campaign::{
    Audience, CampaignDef, ExclusionLists, Readout, RoiInputs, build_audience, readout,
};
use crate::data::{self, LoadOptions, Store};
use crate::export::campaign::{CampaignExport, DataFileRecord, Sidecar, export_campaign};
use crate::export::decimals_of;
use crate::export::sent::Sent;
use crate::i18n::Language;
use crate::jobs::{Progress, Slot, Wake};
use crate::tr;
use crate::workspace::campaign_scores::ScoreInputs;

use super::computation::{Computation, Computed, Inputs};
use super::recommend::{Recommend, RecommendResults};
use super::segments::{Segments, SegmentsResults};
use super::service::Service;
use super::value::{Value, ValueResults};
use crate::analysis::voice::ServiceReport;

/// Score columns an audience can be cut by, in the order offered.
pub const SCORE_COLUMNS: [&str; 7] = [
    "propensity",
    "clv",
    "predicted_purchases",
    "p_alive",
    "monetary",
    "frequency",
    "recency_days",
];

/// Text columns whose distinct values the builder offers.
const CHOICE_COLUMNS: [&str; 4] = ["rfm_group", "churn_bucket", "region", "segment"];

/// Rows of the target preview.
pub const PREVIEW_ROWS: usize = 50;

/// The part of a campaign that decides who is in it.
pub fn audience_key(def: &CampaignDef) -> CampaignDef {
    CampaignDef {
        name: String::new(),
        roi: RoiInputs::default(),
        ..def.clone()
    }
}

/// What a build is keyed by besides its inputs: the audience definition, the
/// segment names written into the list and the language its sentences (the
/// recommendations' reasons) are worded in.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildKey {
    /// [`audience_key`] of the campaign.
    pub audience: CampaignDef,
    /// The segments' names by id, as shown.
    pub segment_names: Vec<String>,
    pub language: Language,
}

/// What the window asks of the Campaigns tab.
#[derive(Clone, Debug, PartialEq)]
pub enum CampaignsCommand {
    /// The campaign being edited (and the segment names shown): the update step
    /// builds its audience when it was not built on these inputs.
    Define {
        def: Box<CampaignDef>,
        segment_names: Vec<String>,
    },
    /// Build the defined campaign again now (after a cancel).
    Rebuild,
    Cancel,
    /// Write the audience shown, as `def` says, with its sidecar; a relative
    /// `path` is taken from [`Campaigns::export_folder`].
    Export {
        path: PathBuf,
        options: CampaignExport,
        def: Box<CampaignDef>,
    },
    /// Read a campaign out from the orders in a later file: the groups of the
    /// `sent` list (its recorded customers), or without one the audience shown.
    ReadOut {
        path: PathBuf,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        sent: Option<PathBuf>,
    },
}

/// A readout and the groups it compared.
#[derive(Clone, Debug)]
pub struct ReadoutShown {
    pub readout: Readout,
    /// "the audience shown" or the sent list ([`Sent::describe`]).
    pub groups: String,
}

/// The score results a build joins on: the current ones of each tab, if any.
#[derive(Clone, Copy, Default)]
pub struct ScoreSources<'a> {
    pub segments: Option<&'a Computed<SegmentsResults>>,
    pub value: Option<&'a Computed<ValueResults>>,
    pub recs: Option<&'a Computed<RecommendResults>>,
    /// The Service tab's result: its customer signals.
    pub service: Option<&'a Computed<Arc<ServiceReport>>>,
}

impl<'a> ScoreSources<'a> {
    /// Each tab's result computed on `store_version`, if any.
    pub fn of(
        segments: &'a Segments,
        value: &'a Value,
        recommend: &'a Recommend,
        service: &'a Service,
        store_version: u64,
    ) -> Self {
        ScoreSources {
            segments: segments.current(store_version),
            value: value.results().current(store_version),
            recs: recommend.fit().current(store_version),
            service: service.current(store_version),
        }
    }

    /// The inputs of a build on `store_version` with these results.
    pub fn inputs(&self, store_version: u64) -> Inputs {
        Inputs::of_store(store_version)
            .using(self.segments.map(|c| c.generation))
            .using(self.value.map(|c| c.generation))
            .using(self.recs.map(|c| c.generation))
            .using(self.service.map(|c| c.generation))
    }

    /// The score tables' inputs, cheap to move into a job.
    fn score_inputs(&self, segment_names: Vec<String>) -> ScoreInputs {
        ScoreInputs {
            segments: self
                .segments
                .map(|c| (c.value.segmentation.clone(), segment_names)),
            value: self.value.map(|c| {
                (
                    Arc::new(c.value.rows.clone()),
                    c.value.propensity.thresholds,
                )
            }),
            recs: self
                .recs
                .map(|c| (c.value.interactions.clone(), c.value.lists.clone())),
            signals: self.service.map(|c| c.value.signals.clone()),
        }
    }
}

/// One finished build.
#[derive(Clone, Debug)]
pub struct AudienceResults {
    pub key: BuildKey,
    /// Customers in the customer frame.
    pub customers: usize,
    /// Columns of the customer frame (with the scores joined on).
    pub columns: Vec<String>,
    /// Distinct values of the choice columns, and `category` of the order lines.
    pub choices: BTreeMap<String, Vec<String>>,
    /// The audience, or why the conditions could not be evaluated.
    pub audience: Result<Arc<Audience>, String>,
    /// Per score column: (score, response probability or None) of every target.
    pub scored: BTreeMap<String, Vec<(f64, Option<f64>)>>,
    /// Column names and first rows of the audience, as text.
    pub preview: (Vec<String>, Vec<Vec<String>>),
}

impl AudienceResults {
    pub fn has_column(&self, name: &str) -> bool {
        self.columns.iter().any(|c| c == name)
    }
}

/// The Campaigns jobs: the audience build, its export and its readout.
pub struct Campaigns {
    build: Computation<BuildKey, AudienceResults>,
    /// The campaign being edited and the segment names, as last defined.
    wanted: Option<(CampaignDef, Vec<String>)>,
    export: Slot<String>,
    /// The folder of the last export: where a relative export path goes next.
    last_export_folder: Option<PathBuf>,
    readout: Slot<ReadoutShown>,
    wake: Wake,
}

impl Campaigns {
    pub fn new(wake: Wake) -> Self {
        Campaigns {
            build: Computation::new("campaign audience", wake.clone()),
            wanted: None,
            export: Slot::default(),
            last_export_folder: None,
            readout: Slot::default(),
            wake,
        }
    }

    /// The audience, the running build and its error.
    pub fn build(&self) -> &Computation<BuildKey, AudienceResults> {
        &self.build
    }

    /// The last export's outcome ("Wrote …") and the running export.
    pub fn export_slot(&self) -> &Slot<String> {
        &self.export
    }

    /// Where a relative export path is written: the folder of the last export,
    /// else of the first data file (never silently the process's working folder
    /// unless there is neither).
    pub fn export_folder(&self, store: &Store) -> PathBuf {
        let folder = self.last_export_folder.clone().or_else(|| {
            let first = store.tables.first()?;
            first.path.parent().map(Path::to_path_buf)
        });
        let folder = folder.unwrap_or_default();
        std::path::absolute(&folder).unwrap_or(folder)
    }

    /// The last readout and the running one.
    pub fn readout_slot(&self) -> &Slot<ReadoutShown> {
        &self.readout
    }

    /// The campaign and segment names last defined.
    pub fn wanted(&self) -> Option<(&CampaignDef, &[String])> {
        self.wanted.as_ref().map(|(d, n)| (d, n.as_slice()))
    }

    /// The key of the defined campaign.
    fn wanted_key(&self) -> Option<BuildKey> {
        self.wanted.as_ref().map(|(def, names)| BuildKey {
            audience: audience_key(def),
            segment_names: names.clone(),
            language: crate::i18n::language(),
        })
    }

    /// The audience of the defined campaign on these inputs, if it was built on
    /// them: what may be shown and exported.
    pub fn current(
        &self,
        store_version: u64,
        scores: &ScoreSources<'_>,
    ) -> Option<&Computed<AudienceResults>> {
        let inputs = scores.inputs(store_version);
        self.build.latest().filter(|c| c.inputs == inputs)
    }

    /// Builds the defined campaign when it was not built on these inputs.
    pub fn update(&mut self, store: &Store, store_version: u64, scores: ScoreSources<'_>) {
        let Some(key) = self.wanted_key() else {
            return;
        };
        if self.build.needs_run(&key, &scores.inputs(store_version)) {
            self.start_build(store, store_version, scores);
        }
    }

    /// Carries out a command of the window.
    pub fn apply(
        &mut self,
        command: CampaignsCommand,
        store: &Store,
        store_version: u64,
        scores: ScoreSources<'_>,
    ) {
        match command {
            CampaignsCommand::Define { def, segment_names } => {
                self.wanted = Some((*def, segment_names));
            }
            CampaignsCommand::Rebuild => self.start_build(store, store_version, scores),
            CampaignsCommand::Cancel => self.build.cancel(),
            CampaignsCommand::Export { path, options, def } => {
                self.export(store_version, &scores, path, options, *def, store)
            }
            CampaignsCommand::ReadOut {
                path,
                from,
                to,
                sent,
            } => self.read_out(store_version, &scores, path, (from, to), sent),
        }
    }

    fn start_build(&mut self, store: &Store, store_version: u64, scores: ScoreSources<'_>) {
        let (Some(key), Some((def, names))) = (self.wanted_key(), self.wanted.clone()) else {
            return;
        };
        let inputs = scores.inputs(store_version);
        let score_inputs = scores.score_inputs(names);
        let store = store.clone();
        let job_key = key.clone();
        self.build
            .run(key, inputs, store.file_names(), move |progress| {
                compute(&store, job_key, &def, &score_inputs, progress)
            });
    }

    /// The audience shown on these inputs, if it could be built.
    fn shown_audience(
        &self,
        store_version: u64,
        scores: &ScoreSources<'_>,
    ) -> Option<Arc<Audience>> {
        self.current(store_version, scores)?
            .value
            .audience
            .as_ref()
            .ok()
            .cloned()
    }

    /// Writes the audience shown to `path` as `options` say, with its sidecar.
    fn export(
        &mut self,
        store_version: u64,
        scores: &ScoreSources<'_>,
        path: PathBuf,
        options: CampaignExport,
        def: CampaignDef,
        store: &Store,
    ) {
        let Some(audience) = self.shown_audience(store_version, scores) else {
            return;
        };
        let path = self.export_folder(store).join(path);
        self.last_export_folder = path.parent().map(Path::to_path_buf);
        let files: Vec<PathBuf> = store.tables.iter().map(|t| t.path.clone()).collect();
        self.export
            .start("export campaign", self.wake.clone(), move |progress| {
                progress.set_message(tr!(
                    "workspace-writing-file",
                    path = path.display().to_string()
                ));
                let data_files = files
                    .iter()
                    .map(|f| DataFileRecord::of(f))
                    .collect::<Result<Vec<_>, _>>()?;
                let sidecar = Sidecar::new(serde_json::to_value(&def)?, data_files, def.seed);
                let written = export_campaign(&audience.frame, &path, &options, &sidecar)?;
                Ok(written.describe(&path))
            });
    }

    /// Reads out from the orders in `later` within the days the groups of the
    /// `sent` list, or without one the audience shown.
    fn read_out(
        &mut self,
        store_version: u64,
        scores: &ScoreSources<'_>,
        later: PathBuf,
        (from, to): (Option<NaiveDate>, Option<NaiveDate>),
        sent: Option<PathBuf>,
    ) {
        let shown = match &sent {
            Some(_) => None,
            None => match self.shown_audience(store_version, scores) {
                Some(audience) => Some(audience),
                None => return,
            },
        };
        self.readout
            .start("campaign readout", self.wake.clone(), move |progress| {
                let (groups, described) = match (sent, shown) {
                    (Some(list), _) => {
                        let sent = Sent::read(&list)?;
                        (sent.groups()?, sent.describe())
                    }
                    (None, audience) => (
                        audience.map(|a| a.frame.clone()).unwrap_or_default(),
                        tr!("workspace-audience-shown"),
                    ),
                };
                let lines = later_lines(&later, progress)?;
                progress.check()?;
                Ok(ReadoutShown {
                    readout: readout(&groups, &lines, from, to)?,
                    groups: described,
                })
            });
    }

    /// Takes finished jobs' results; true when something changed.
    pub fn poll(&mut self) -> bool {
        self.build.poll() | self.export.poll() | self.readout.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.build.is_busy() || self.export.pending().is_some() || self.readout.pending().is_some()
    }
}

/// The order lines of a later orders file (loaded with detected roles).
fn later_lines(path: &Path, progress: &Progress) -> anyhow::Result<DataFrame> {
    let reading = || tr!("workspace-reading-file", file = path.display().to_string());
    progress.set_message(reading());
    let inspection = data::inspect(path, None).with_context(reading)?;
    let options = LoadOptions::from_inspection(&inspection);
    let table = data::load(path, &options, progress)?;
    let mut store = Store::default();
    store.insert(table);
    store.order_lines()?.ok_or_else(|| {
        anyhow!(tr!(
            "workspace-readout-needs-orders",
            path = path.display().to_string()
        ))
    })
}

/// Distinct non-empty values of text column `name`, sorted.
fn distinct(frame: &DataFrame, name: &str) -> anyhow::Result<Vec<String>> {
    let column = frame.column(name)?.cast(&DataType::String)?;
    let mut values: Vec<String> = column
        .str()?
        .iter()
        .flatten()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect();
    values.sort();
    values.dedup();
    Ok(values)
}

/// The cell of `column` at `row` as shown in the preview.
fn cell_text(column: &Column, row: usize) -> String {
    match column.get(row) {
        Ok(AnyValue::Null) | Err(_) => String::new(),
        Ok(AnyValue::Float64(v)) => figure(column, v),
        Ok(AnyValue::Float32(v)) => figure(column, f64::from(v)),
        Ok(other) => match other.get_str() {
            Some(text) => text.to_string(),
            None => other.to_string(),
        },
    }
}

/// A figure of `column` to the decimals the exports write it with.
fn figure(column: &Column, value: f64) -> String {
    let decimals = decimals_of(column.name().as_str()) as usize;
    format!("{value:.decimals$}")
}

/// Builds the customer frame, joins the scores and evaluates the campaign.
pub fn compute(
    store: &Store,
    key: BuildKey,
    def: &CampaignDef,
    scores: &ScoreInputs,
    progress: &Progress,
) -> anyhow::Result<AudienceResults> {
    progress.set_message(tr!("workspace-building-customer-table"));
    let (lines, frame) = campaign_inputs(store, None, scores.signals.as_ref(), progress)?;
    progress.check()?;
    let frame = scores.frames()?.apply(&frame)?;
    progress.check()?;
    let columns: Vec<String> = frame
        .get_column_names()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let mut choices = BTreeMap::new();
    for name in CHOICE_COLUMNS {
        if frame.schema().contains(name) {
            choices.insert(name.to_string(), distinct(&frame, name)?);
        }
    }
    if lines.schema().contains("category") {
        choices.insert("category".into(), distinct(&lines, "category")?);
    }
    progress.set_message(tr!("workspace-evaluating-conditions"));
    let built = ExclusionLists::read(&def.exclusions, Path::new("."))
        .and_then(|lists| build_audience(&frame, Some(&lines), def, &lists, progress));
    let audience = match built {
        Ok(audience) => Ok(Arc::new(audience)),
        Err(crate::analysis::campaign::CampaignError::Cancelled) => {
            return Err(crate::jobs::Cancelled.into());
        }
        Err(error) => Err(error.to_string()),
    };
    let mut scored = BTreeMap::new();
    let mut preview = (Vec::new(), Vec::new());
    if let Ok(audience) = &audience {
        let rate_column = audience.frame.schema().contains(&def.response_column);
        for name in SCORE_COLUMNS {
            if !audience.frame.schema().contains(name) {
                continue;
            }
            let pairs = audience.scored_targets(name, &def.response_column, 0.0)?;
            let pairs = pairs
                .into_iter()
                .map(|(s, p)| (s, rate_column.then_some(p)))
                .collect();
            scored.insert(name.to_string(), pairs);
        }
        preview = preview_of(&audience.frame);
    }
    Ok(AudienceResults {
        key,
        customers: frame.height(),
        columns,
        choices,
        audience,
        scored,
        preview,
    })
}

/// The preview columns the frame has, and its first rows as text.
fn preview_of(frame: &DataFrame) -> (Vec<String>, Vec<Vec<String>>) {
    let wanted = [
        "customer_id",
        "group",
        "email",
        "phone",
        "segment_name",
        "rfm_group",
        "propensity",
        "churn_bucket",
        "clv",
        "monetary",
        "rec_1",
        "rec_2",
        "rec_3",
    ];
    let columns: Vec<&Column> = wanted
        .iter()
        .filter_map(|name| frame.column(name).ok())
        .collect();
    let rows = (0..frame.height().min(PREVIEW_ROWS))
        .map(|row| columns.iter().map(|c| cell_text(c, row)).collect())
        .collect();
    (columns.iter().map(|c| c.name().to_string()).collect(), rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::campaign::Condition;

    #[test]
    fn the_key_ignores_the_name_and_the_roi_inputs_but_not_the_conditions() {
        let def = CampaignDef::new("a", Condition::HasEmail);
        let mut renamed = def.clone();
        renamed.name = "b".into();
        renamed.roi.cost_per_contact = 9.0;
        assert_eq!(audience_key(&def), audience_key(&renamed));
        let mut other = def.clone();
        other.control_share = 0.2;
        assert_ne!(audience_key(&def), audience_key(&other));
    }

    #[test]
    fn the_preview_shows_figures_as_exported_and_blank_nulls() {
        let frame = df!(
            "customer_id" => ["a", "b"],
            "propensity" => [Some(0.12345), None],
            "clv" => [Some(3630.008), Some(1.0)],
            "group" => ["target", "control"],
        )
        .expect("frame");
        let (columns, rows) = preview_of(&frame);
        assert_eq!(columns, ["customer_id", "group", "propensity", "clv"]);
        assert_eq!(rows[0], ["a", "target", "0.123", "3630.01"]);
        assert_eq!(rows[1], ["b", "control", "", "1.00"]);
    }
}

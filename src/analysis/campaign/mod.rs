//! Campaigns: who to contact (an audience from conditions over one customer
//! frame), a held-out control group, the expected return, and the readout after.
//!
//! Contract of [`build_audience`]:
//! - The customer frame has one row per `customer_id` plus any columns the caller
//!   joined on (RFM group, recency/frequency/monetary, segment, propensity,
//!   churn_bucket, clv, region, email, phone, ...). See [`frame::customer_frame`]
//!   for the one built from order lines and the customers file.
//! - Steps, in order: the condition tree; exclusions (opted-out ids or emails,
//!   recently contacted ids; matched case-insensitively after trimming); the
//!   maximum size (the top `count` by a score column, highest first, ties by
//!   customer id, rows without a score last); the control group
//!   ([`control::assign_groups`]). The result is sorted by customer id.
//! - Revenue share = audience `monetary` / frame `monetary` (None without that
//!   column or with a non-positive total). The scored baseline rate is the mean of
//!   the response column over the targets when the frame has it (nulls count as
//!   0): the share expected to buy anyway, which [`roi`] does not count as earned.

pub mod condition;
pub mod control;
pub mod frame;
pub mod roi;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use polars::prelude::*;
use serde::{Deserialize, Serialize};

pub use condition::{Condition, Purchase};
pub use control::{GROUP_COLUMN, Readout, assign_groups, control_count, readout};
pub use roi::{CurvePoint, RoiInputs, RoiOutcome, roi, roi_curve};

use crate::analysis::AnalysisError;
use crate::data::DataError;
use crate::jobs::Progress;
use crate::tr;

/// Errors of campaign building. Each says what is missing and what to do, in
/// the current language when shown (the command line keeps English).
#[derive(Debug, thiserror::Error)]
pub enum CampaignError {
    #[error("{}", tr!("campaigns-error-missing-column", column = .column.as_str(), hint = .hint.as_str()))]
    MissingColumn { column: String, hint: String },
    #[error("{}", tr!("campaigns-error-not-numeric", column = .column.as_str()))]
    NotNumeric { column: String },
    #[error("{}", tr!("campaigns-error-needs-orders"))]
    NeedsOrders,
    #[error("{}", tr!("campaigns-error-missing-line-column", column = .column.as_str()))]
    MissingLineColumn { column: String },
    #[error("{}", tr!("analysis-invalid", what = .what.as_str(), why = .why.as_str()))]
    Invalid { what: String, why: String },
    #[error("{}", tr!("campaigns-error-io", file = .file.display().to_string(), error = .source.to_string()))]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", tr!("analysis-cancelled"))]
    Cancelled,
    #[error(transparent)]
    Analysis(#[from] AnalysisError),
    #[error(transparent)]
    Data(#[from] DataError),
    /// A polars failure while doing `step`, a catalogue key (`contexts.ftl`)
    /// read only when the error is shown; polars' own message follows.
    #[error("{}", tr!("context-failed", step = crate::i18n::message(.step), error = .source.to_string()))]
    Polars {
        step: &'static str,
        #[source]
        source: PolarsError,
    },
}

impl CampaignError {
    /// Wraps a polars error with `step`, the catalogue key of what was being done.
    pub fn polars(step: &'static str) -> impl FnOnce(PolarsError) -> CampaignError {
        move |source| CampaignError::Polars { step, source }
    }
}

/// Files of people to leave out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Exclusions {
    /// Opted-out customers: a file of customer ids or emails.
    pub opt_out_files: Vec<PathBuf>,
    /// Recently contacted: previous campaign exports (their customer ids or
    /// emails; a list's control rows are skipped). Use a CSV, Mailchimp or Klaviyo
    /// export: hashed ad audiences hold nothing to match.
    pub contacted_files: Vec<PathBuf>,
}

/// Keep only the top `count` by `column` (highest first).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MaxSize {
    pub column: String,
    pub count: usize,
}

/// A saved campaign: who, who not, how many, the control share and the ROI inputs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignDef {
    pub name: String,
    pub condition: Condition,
    #[serde(default)]
    pub exclusions: Exclusions,
    #[serde(default)]
    pub max_size: Option<MaxSize>,
    /// Share of the audience held out as the control group (0..1).
    #[serde(default = "default_control_share")]
    pub control_share: f64,
    /// Seed of the control draw: the same seed gives the same split.
    #[serde(default)]
    pub seed: u64,
    /// Column with each customer's response probability, used when present.
    #[serde(default = "default_response_column")]
    pub response_column: String,
    /// What-if economics; its `baseline_rate` is used without a response column.
    #[serde(default)]
    pub roi: RoiInputs,
}

fn default_control_share() -> f64 {
    0.10
}

fn default_response_column() -> String {
    "propensity".into()
}

impl CampaignDef {
    /// A campaign over `condition` with the defaults (10% control, seed 0).
    pub fn new(name: impl Into<String>, condition: Condition) -> Self {
        CampaignDef {
            name: name.into(),
            condition,
            exclusions: Exclusions::default(),
            max_size: None,
            control_share: default_control_share(),
            seed: 0,
            response_column: default_response_column(),
            roi: RoiInputs::default(),
        }
    }
}

/// Lowercased, trimmed ids and emails to leave out, read from the exclusion files.
#[derive(Clone, Debug, Default)]
pub struct ExclusionLists {
    pub opt_out: HashSet<String>,
    pub contacted: HashSet<String>,
}

impl ExclusionLists {
    /// Reads every file of `exclusions`; relative paths are taken from `base`.
    pub fn read(exclusions: &Exclusions, base: &Path) -> Result<Self, CampaignError> {
        let read_all = |files: &[PathBuf]| -> Result<HashSet<String>, CampaignError> {
            let mut all = HashSet::new();
            for file in files {
                all.extend(read_id_list(&base.join(file))?);
            }
            Ok(all)
        };
        Ok(ExclusionLists {
            opt_out: read_all(&exclusions.opt_out_files)?,
            contacted: read_all(&exclusions.contacted_files)?,
        })
    }
}

/// Header names whose column holds ids or emails, lowercased.
const ID_HEADERS: [&str; 6] = [
    "customer_id",
    "email",
    "email address",
    "id",
    "user_id",
    "phone",
];

/// The ids or emails in a list file, trimmed and lowercased. A CSV with a header
/// naming `customer_id` or `email` (an earlier export, its headers English or
/// Chinese: `export::headers::canonical`) gives every such column,
/// leaving out rows whose `group` is `control` (they were not contacted); any
/// other file gives the first field of each line. Fields are split on commas
/// (no quoted commas: ids and emails have none).
pub fn read_id_list(path: &Path) -> Result<HashSet<String>, CampaignError> {
    let text = std::fs::read_to_string(path).map_err(|source| CampaignError::Io {
        file: path.to_path_buf(),
        source,
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let fields = |line: &str| -> Vec<String> {
        line.split(',')
            .map(|f| f.trim().trim_matches('"').trim().to_lowercase())
            .collect()
    };
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let Some(first) = lines.next() else {
        return Ok(HashSet::new());
    };
    let header: Vec<String> = fields(first)
        .iter()
        .map(|h| crate::export::headers::canonical(h).into_owned())
        .collect();
    let picked: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| ID_HEADERS.contains(&h.as_str()))
        .map(|(i, _)| i)
        .collect();
    let group = header.iter().position(|h| h == control::GROUP_COLUMN);
    let mut ids = HashSet::new();
    if picked.is_empty() {
        ids.extend(header.into_iter().take(1));
        ids.extend(lines.filter_map(|l| fields(l).into_iter().next()));
    } else {
        for line in lines {
            let cells = fields(line);
            let held_out = group
                .and_then(|g| cells.get(g))
                .is_some_and(|g| g == "control");
            if !held_out {
                ids.extend(picked.iter().filter_map(|&i| cells.get(i).cloned()));
            }
        }
    }
    ids.retain(|id| !id.is_empty());
    Ok(ids)
}

/// An audience with its figures.
#[derive(Clone, Debug)]
pub struct Audience {
    /// The chosen customers' rows of the customer frame, sorted by id, with
    /// [`GROUP_COLUMN`] (`target` or `control`).
    pub frame: DataFrame,
    /// Customers matching the conditions, before exclusions.
    pub matched: usize,
    /// Left out as opted out.
    pub opted_out: usize,
    /// Left out as recently contacted.
    pub contacted: usize,
    /// Left out by the maximum size.
    pub over_max: usize,
    pub targets: usize,
    pub controls: usize,
    /// Audience `monetary` / all customers' `monetary`.
    pub revenue_share: Option<f64>,
    /// The targets' mean of the response column (their chance to buy anyway,
    /// the ROI's baseline; null as 0); None when the customers have no such column.
    pub scored_baseline_rate: Option<f64>,
    /// The audience's own average order value: Σ `monetary` / Σ `frequency`
    /// (None without those columns or orders).
    pub history_aov: Option<f64>,
}

impl Audience {
    /// Customers in the audience (targets and controls).
    pub fn size(&self) -> usize {
        self.targets + self.controls
    }

    /// (score, baseline probability) of every target with a `score_column`
    /// value, for [`roi_curve`]: the probability is `response_column` when the
    /// frame has it (null as 0), else `typed_rate`.
    pub fn scored_targets(
        &self,
        score_column: &str,
        response_column: &str,
        typed_rate: f64,
    ) -> Result<Vec<(f64, f64)>, CampaignError> {
        let scores = condition::numbers(&self.frame, score_column)?;
        let groups = condition::texts(&self.frame, GROUP_COLUMN)?;
        let responses = match self.frame.schema().contains(response_column) {
            true => condition::numbers(&self.frame, response_column)?
                .into_iter()
                .map(|r| r.unwrap_or(0.0))
                .collect(),
            false => vec![typed_rate; self.frame.height()],
        };
        Ok(scores
            .into_iter()
            .zip(responses)
            .zip(groups)
            .filter(|(_, g)| g.as_deref() == Some("target"))
            .filter_map(|((s, r), _)| Some((s?, r)))
            .collect())
    }
}

/// The audience of `campaign` over `customers` (see the module contract).
pub fn build_audience(
    customers: &DataFrame,
    lines: Option<&DataFrame>,
    campaign: &CampaignDef,
    lists: &ExclusionLists,
    progress: &Progress,
) -> Result<Audience, CampaignError> {
    let cancelled = |_| CampaignError::Cancelled;
    if !(0.0..1.0).contains(&campaign.control_share) {
        return Err(CampaignError::Invalid {
            what: tr!("campaigns-error-campaign", name = campaign.name.as_str()),
            why: tr!(
                "campaigns-error-control-share",
                share = campaign.control_share.to_string()
            ),
        });
    }
    progress.report(0, 3);
    let mut keep = campaign.condition.evaluate(customers, lines)?;
    progress.check().map_err(cancelled)?;
    progress.report(1, 3);
    let matched = keep.iter().filter(|k| **k).count();
    let ids = condition::texts(customers, "customer_id")?;
    let emails = match customers.schema().contains("email") {
        true => condition::texts(customers, "email")?,
        false => vec![None; customers.height()],
    };
    let listed = |list: &HashSet<String>, row: usize| {
        [&ids[row], &emails[row]]
            .into_iter()
            .flatten()
            .any(|v| list.contains(&v.to_lowercase()))
    };
    let mut opted_out = 0;
    let mut contacted = 0;
    for (row, k) in keep.iter_mut().enumerate() {
        if !*k {
            continue;
        }
        if listed(&lists.opt_out, row) {
            *k = false;
            opted_out += 1;
        } else if listed(&lists.contacted, row) {
            *k = false;
            contacted += 1;
        }
    }
    let mut rows: Vec<usize> = (0..keep.len()).filter(|&r| keep[r]).collect();
    let mut over_max = 0;
    if let Some(max) = &campaign.max_size {
        let scores = condition::numbers(customers, &max.column)?;
        rows.sort_by(|&a, &b| {
            let by_score = match (scores[a], scores[b]) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            by_score.then_with(|| ids[a].cmp(&ids[b]))
        });
        over_max = rows.len().saturating_sub(max.count);
        rows.truncate(max.count);
    }
    rows.sort_by(|&a, &b| ids[a].cmp(&ids[b]).then(a.cmp(&b)));
    let indices = IdxCa::from_vec("rows".into(), rows.iter().map(|&r| r as IdxSize).collect());
    let chosen = customers
        .take(&indices)
        .map_err(CampaignError::polars("context-audience-rows"))?;
    progress.check().map_err(cancelled)?;
    progress.report(2, 3);
    let frame = assign_groups(&chosen, campaign.control_share, campaign.seed)?;
    let controls = control_count(chosen.height(), campaign.control_share);
    let targets = chosen.height() - controls;
    let revenue_share = revenue_share(customers, &frame)?;
    let history_aov = history_aov(&frame)?;
    let scored_baseline_rate = match customers.schema().contains(&campaign.response_column) {
        true => {
            let target_rows = frame
                .clone()
                .lazy()
                .filter(col(GROUP_COLUMN).eq(lit("target")))
                .collect()
                .map_err(CampaignError::polars("context-select-targets"))?;
            let scores = condition::numbers(&target_rows, &campaign.response_column)?;
            let sum: f64 = scores.iter().map(|s| s.unwrap_or(0.0)).sum();
            Some(sum / scores.len().max(1) as f64)
        }
        false => None,
    };
    progress.report(3, 3);
    Ok(Audience {
        frame,
        matched,
        opted_out,
        contacted,
        over_max,
        targets,
        controls,
        revenue_share,
        scored_baseline_rate,
        history_aov,
    })
}

fn revenue_share(all: &DataFrame, chosen: &DataFrame) -> Result<Option<f64>, CampaignError> {
    if !all.schema().contains("monetary") {
        return Ok(None);
    }
    let total: f64 = condition::numbers(all, "monetary")?.iter().flatten().sum();
    let part: f64 = condition::numbers(chosen, "monetary")?
        .iter()
        .flatten()
        .sum();
    Ok((total > 0.0).then(|| part / total))
}

fn history_aov(audience: &DataFrame) -> Result<Option<f64>, CampaignError> {
    let schema = audience.schema();
    if !schema.contains("monetary") || !schema.contains("frequency") {
        return Ok(None);
    }
    let revenue: f64 = condition::numbers(audience, "monetary")?
        .iter()
        .flatten()
        .sum();
    let orders: f64 = condition::numbers(audience, "frequency")?
        .iter()
        .flatten()
        .sum();
    Ok((orders > 0.0).then(|| revenue / orders))
}

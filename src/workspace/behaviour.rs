//! The Behaviour tab's results: RFM groups, cohort retention, the events funnel and
//! repeat figures, computed together by one background job from the store's order
//! lines (and its behaviour events, when loaded).
//!
//! Contract:
//! - A run is keyed by its [`BehaviourParams`] and the store version it was asked
//!   at; [`Behaviour::needs_run`] says whether the shown key differs from the wanted
//!   one, so results are recomputed when files change. The last good result stays
//!   shown while the next one computes (`jobs::Slot`); a cancelled run keeps its key,
//!   so it is not restarted until asked again or the inputs change.
//! - Each part carries its own outcome: one failing analysis (a missing column) is
//!   shown as that part's error while the others still show. Cancelling stops the
//!   whole run.
//! - The filter (dates, categories, customers) narrows the order lines of every
//!   part; the funnel's events are narrowed by dates and customers only (events
//!   carry no category).
//! - The funnel is `None` without an events file. With several events files, the
//!   first loaded one is used (the panel says which).
//! - A segment picked as the customer filter remembers the segmentation it came
//!   from ([`SegmentPick`]); when segments are recomputed its ids are stale and
//!   the panel drops it ([`BehaviourParams::segment_is_stale`]).

use std::fmt::Display;
use std::sync::Arc;

use anyhow::anyhow;
use chrono::NaiveDate;

use crate::analysis::cohorts::{CohortParams, Cohorts, cohorts};
use crate::analysis::filter::{LineFilter, categories};
use crate::analysis::funnel::{DropoffItem, Funnel, FunnelParams, dropoff_items, funnel};
use crate::analysis::repeat::{Repeat, RepeatParams, repeat};
use crate::analysis::rfm::{Rfm, RfmParams, rfm};
use crate::analysis::segments::Segmentation;
use crate::data::{FileKind, Store};
use crate::jobs::{Cancelled, Progress, Slot, Wake};

use super::file_name;

/// What the operator chose for a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BehaviourParams {
    /// RFM analysis date; None: the day after the last purchase.
    pub analysis_date: Option<NaiveDate>,
    /// The lines (and events) every figure looks at.
    pub filter: LineFilter,
    /// The segment `filter.customers` was taken from, if any.
    pub segment: Option<SegmentPick>,
}

impl BehaviourParams {
    /// True when a segment is picked but `current` (the segmentation shown in the
    /// Segments tab, None when there is none) is not the one it was taken from.
    pub fn segment_is_stale(&self, current: Option<&Arc<Segmentation>>) -> bool {
        self.segment
            .as_ref()
            .is_some_and(|pick| current.is_none_or(|c| !Arc::ptr_eq(c, &pick.segmentation)))
    }
}

/// A segment chosen as the customer filter: the segmentation it belongs to (kept
/// alive, compared by identity) and its id there.
#[derive(Clone)]
pub struct SegmentPick {
    pub segmentation: Arc<Segmentation>,
    pub id: usize,
}

impl SegmentPick {
    /// The customer ids of segment `id`, in the segmentation's (customer id) order.
    pub fn member_ids(&self) -> Vec<String> {
        let features = &self.segmentation.features;
        self.segmentation
            .clustering
            .labels
            .iter()
            .zip(&features.customer_ids)
            .filter(|(label, _)| **label == self.id)
            .map(|(_, id)| id.clone())
            .collect()
    }
}

impl PartialEq for SegmentPick {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && Arc::ptr_eq(&self.segmentation, &other.segmentation)
    }
}

impl Eq for SegmentPick {}

/// Only the segment id: the segmentation is too big to print.
impl std::fmt::Debug for SegmentPick {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SegmentPick {{ id: {} }}", self.id)
    }
}

/// The funnel of the events file and its worst-converting products.
#[derive(Clone, Debug)]
pub struct FunnelResult {
    /// File name of the events table used.
    pub file: String,
    pub funnel: Funnel,
    /// Drop-off products; an error when the events have no item id.
    pub dropoff: Result<Vec<DropoffItem>, String>,
}

/// One finished run. Each part is its value or the error text to show.
#[derive(Clone, Debug)]
pub struct BehaviourResults {
    pub params: BehaviourParams,
    pub store_version: u64,
    /// Every category of the unfiltered lines (what the filter can offer).
    pub categories: Vec<String>,
    /// Order lines kept by the filter, of all lines.
    pub lines_kept: (usize, usize),
    pub rfm: Result<Rfm, String>,
    pub cohorts: Result<Cohorts, String>,
    /// None: no events file is loaded.
    pub funnel: Option<Result<FunnelResult, String>>,
    pub repeat: Result<Repeat, String>,
}

/// The Behaviour results slot and the key of the last run asked for.
pub struct Behaviour {
    slot: Slot<BehaviourResults>,
    requested: Option<(BehaviourParams, u64)>,
    wake: Wake,
}

/// Steps of a run, for the progress bar.
const STEPS: u64 = 4;

impl Behaviour {
    /// No results yet; `wake` is called when a run has news.
    pub fn new(wake: Wake) -> Self {
        Behaviour {
            slot: Slot::default(),
            requested: None,
            wake,
        }
    }

    /// The results shown, the running job and its error.
    pub fn slot(&self) -> &Slot<BehaviourResults> {
        &self.slot
    }

    /// The params of the last run asked for (what the panel shows as chosen).
    pub fn requested_params(&self) -> Option<&BehaviourParams> {
        self.requested.as_ref().map(|(p, _)| p)
    }

    /// True when no run was asked for with `params` at `store_version`.
    pub fn needs_run(&self, params: &BehaviourParams, store_version: u64) -> bool {
        self.requested
            .as_ref()
            .is_none_or(|(p, v)| p != params || *v != store_version)
    }

    /// Starts a run on `store` at `store_version` (replacing a running one).
    pub fn run(&mut self, store: &Store, store_version: u64, params: BehaviourParams) {
        self.requested = Some((params.clone(), store_version));
        let store = store.clone();
        self.slot
            .start("behaviour", self.wake.clone(), move |progress| {
                compute(&store, store_version, params, progress)
            });
    }

    pub fn cancel(&mut self) {
        self.slot.cancel();
    }

    /// Takes a finished run's result; true when something changed.
    pub fn poll(&mut self) -> bool {
        self.slot.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.slot.pending().is_some()
    }
}

fn text(error: impl Display) -> String {
    error.to_string()
}

/// Moves to step `done` of [`STEPS`], stopping when cancelled.
fn step(progress: &Progress, done: u64, message: &str) -> Result<(), Cancelled> {
    progress.check()?;
    progress.set_message(message);
    progress.report(done, STEPS);
    Ok(())
}

/// Runs every Behaviour analysis on `store`. Errors only when there are no order
/// lines to analyse or the run was cancelled.
pub fn compute(
    store: &Store,
    store_version: u64,
    params: BehaviourParams,
    progress: &Progress,
) -> anyhow::Result<BehaviourResults> {
    step(progress, 0, "reading the order lines")?;
    let all_lines = store
        .order_lines()?
        .ok_or_else(|| anyhow!("no orders file is loaded: open one to see behaviour"))?;
    let categories = categories(&all_lines)?;
    let lines = params.filter.apply(&all_lines)?;
    let lines_kept = (lines.height(), all_lines.height());
    drop(all_lines);
    step(progress, 0, "scoring customers (RFM)")?;
    let rfm_params = RfmParams {
        analysis_date: params.analysis_date,
    };
    let rfm = rfm(&lines, &rfm_params, progress).map_err(text);
    step(progress, 1, "building monthly cohorts")?;
    let cohorts = cohorts(&lines, &CohortParams::default()).map_err(text);
    step(progress, 2, "counting the funnel")?;
    let filter = &params.filter;
    let funnel = store.of_kind(FileKind::Events).next().map(|table| {
        let params = FunnelParams::default();
        let events = filter.apply_to_events(&table.frame).map_err(text)?;
        funnel(&events, &params)
            .map(|funnel| FunnelResult {
                file: file_name(&table.path),
                funnel,
                dropoff: dropoff_items(&events, &params).map_err(text),
            })
            .map_err(text)
    });
    step(progress, 3, "measuring repeat purchases")?;
    let repeat = repeat(&lines, &RepeatParams::default(), progress).map_err(text);
    progress.check()?;
    progress.report(STEPS, STEPS);
    Ok(BehaviourResults {
        params,
        store_version,
        categories,
        lines_kept,
        rfm,
        cohorts,
        funnel,
        repeat,
    })
}

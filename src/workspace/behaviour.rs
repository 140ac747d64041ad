//! The Behaviour tab's results: RFM groups, cohort retention, the events funnel and
//! repeat figures, computed together by one background job from the store's order
//! lines (and its behaviour events, when loaded).
//!
//! Contract:
//! - A run is a [`Computation`] keyed by its [`BehaviourParams`] and the store
//!   version; the workspace's update step runs the wanted settings when they were
//!   not run on these files ([`Behaviour::update`]).
//! - Each part carries its own outcome: one failing analysis (a missing column) is
//!   shown as that part's error while the others still show. Cancelling stops the
//!   whole run.
//! - The filter (dates, categories, customers) narrows the order lines of every
//!   part; the funnel's events are narrowed by dates and customers only (events
//!   carry no category).
//! - Orders summed without loading (`Store::summed_orders`) give RFM from their
//!   per-customer table; cohorts and repeat need the lines, and so does a filter:
//!   those parts say so with the memory figures.
//! - The funnel is `None` without an events file. With several events files, the
//!   first loaded one is used (the panel says which). Its drop-off products are
//!   `None` when the events carry no item id.
//! - A segment picked as the customer filter remembers the generation of the
//!   Segments result it came from ([`SegmentPick`]); when segments are recomputed
//!   its ids are stale and the update step drops it
//!   ([`BehaviourParams::segment_is_stale`]).

use anyhow::anyhow;
use chrono::NaiveDate;
use std::fmt::Display;

use crate::analysis::cohorts::{CohortParams, Cohorts, cohorts};
use crate::analysis::filter::{LineFilter, categories};
use crate::analysis::funnel::{DropoffItem, Funnel, FunnelParams, dropoff_items, funnel};
use crate::analysis::repeat::{Repeat, RepeatParams, repeat};
use crate::analysis::rfm::{Rfm, RfmParams, rfm, rfm_of_customers};
use crate::analysis::segments::Segmentation;
use crate::data::summed::SummedOrders;
use crate::data::{FileKind, Store};
use crate::jobs::{Cancelled, Progress, Wake};
use crate::tr;

use super::computation::{Computation, Inputs};

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
    /// True when a segment is picked but `current` (the generation of the Segments
    /// result computed on the loaded files, None when there is none) is not the one
    /// it was taken from.
    pub fn segment_is_stale(&self, current: Option<u64>) -> bool {
        self.segment
            .as_ref()
            .is_some_and(|pick| current != Some(pick.segments_generation))
    }
}

/// A segment chosen as the customer filter: the generation of the Segments result
/// it belongs to and its id there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentPick {
    pub segments_generation: u64,
    pub id: usize,
}

/// The customer ids of segment `id`, in the segmentation's (customer id) order.
pub fn member_ids(segmentation: &Segmentation, id: usize) -> Vec<String> {
    segmentation
        .clustering
        .labels
        .iter()
        .zip(&segmentation.features.customer_ids)
        .filter(|(label, _)| **label == id)
        .map(|(_, id)| id.clone())
        .collect()
}

/// The funnel of the events file and its worst-converting products.
#[derive(Clone, Debug)]
pub struct FunnelResult {
    /// File name of the events table used.
    pub file: String,
    pub funnel: Funnel,
    /// Drop-off products; None when the events have no item id (the window
    /// says what that needs).
    pub dropoff: Option<Result<Vec<DropoffItem>, String>>,
}

/// One finished run. Each part is its value or the error text to show.
#[derive(Clone, Debug)]
pub struct BehaviourResults {
    pub params: BehaviourParams,
    /// Every category of the unfiltered lines (what the filter can offer).
    pub categories: Vec<String>,
    /// Order lines kept by the filter, of all lines; (0, 0) for orders summed
    /// without loading (no line is held).
    pub lines_kept: (usize, usize),
    pub rfm: Result<Rfm, String>,
    pub cohorts: Result<Cohorts, String>,
    /// None: no events file is loaded.
    pub funnel: Option<Result<FunnelResult, String>>,
    pub repeat: Result<Repeat, String>,
}

/// What the window asks of the Behaviour tab.
#[derive(Clone, Debug, PartialEq)]
pub enum BehaviourCommand {
    /// Run with these settings (they become the wanted ones).
    Run(BehaviourParams),
    Cancel,
}

/// Shown as a notice when a picked segment is dropped.
pub fn segment_dropped() -> String {
    tr!("workspace-segment-dropped")
}

/// The Behaviour computation.
pub struct Behaviour {
    results: Computation<BehaviourParams, BehaviourResults>,
}

/// Steps of a run, for the progress bar.
const STEPS: u64 = 4;

impl Behaviour {
    /// No results yet; `wake` is called when a run has news.
    pub fn new(wake: Wake) -> Self {
        Behaviour {
            results: Computation::new("behaviour", wake),
        }
    }

    /// The results, the running job and its error.
    pub fn results(&self) -> &Computation<BehaviourParams, BehaviourResults> {
        &self.results
    }

    /// The settings of the next (or last) run.
    pub fn wanted(&self) -> BehaviourParams {
        self.results.requested_params().cloned().unwrap_or_default()
    }

    /// Runs the wanted settings when they were not run on these files. A picked
    /// segment whose Segments result is gone (`segments` is the generation of the
    /// current one) is dropped first: returns true then, for a notice.
    pub fn update(&mut self, store: &Store, store_version: u64, segments: Option<u64>) -> bool {
        let mut wanted = self.wanted();
        let dropped = wanted.segment_is_stale(segments);
        if dropped {
            wanted.segment = None;
            wanted.filter.customers = None;
        }
        if dropped
            || self
                .results
                .needs_run(&wanted, &Inputs::of_store(store_version))
        {
            self.run(store, store_version, wanted);
        }
        dropped
    }

    /// Carries out a command of the window.
    pub fn apply(&mut self, command: BehaviourCommand, store: &Store, store_version: u64) {
        match command {
            BehaviourCommand::Run(params) => self.run(store, store_version, params),
            BehaviourCommand::Cancel => self.results.cancel(),
        }
    }

    fn run(&mut self, store: &Store, store_version: u64, params: BehaviourParams) {
        let store = store.clone();
        self.results.run(
            params.clone(),
            Inputs::of_store(store_version),
            store.file_names(),
            move |progress| compute(&store, params, progress),
        );
    }

    /// Takes a finished run's result; true when something changed.
    pub fn poll(&mut self) -> bool {
        self.results.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.results.is_busy()
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
    params: BehaviourParams,
    progress: &Progress,
) -> anyhow::Result<BehaviourResults> {
    step(progress, 0, &tr!("workspace-reading-order-lines"))?;
    let Some(all_lines) = store.order_lines()? else {
        let summed = store
            .summed_orders()
            .ok_or_else(|| anyhow!(tr!("workspace-behaviour-needs-orders")))?;
        return compute_summed(store, summed, params, progress);
    };
    let categories = categories(&all_lines)?;
    let lines = params.filter.apply(&all_lines)?;
    let lines_kept = (lines.height(), all_lines.height());
    drop(all_lines);
    step(progress, 0, &tr!("workspace-scoring-rfm"))?;
    let rfm_params = RfmParams {
        analysis_date: params.analysis_date,
    };
    let rfm = rfm(&lines, &rfm_params, progress).map_err(text);
    step(progress, 1, &tr!("workspace-building-cohorts"))?;
    let cohorts = cohorts(&lines, &CohortParams::default()).map_err(text);
    step(progress, 2, &tr!("workspace-counting-funnel"))?;
    let funnel = funnel_part(store, &params.filter);
    step(progress, 3, &tr!("workspace-measuring-repeat"))?;
    let repeat = repeat(&lines, &RepeatParams::default(), progress).map_err(text);
    progress.check()?;
    progress.report(STEPS, STEPS);
    Ok(BehaviourResults {
        params,
        categories,
        lines_kept,
        rfm,
        cohorts,
        funnel,
        repeat,
    })
}

/// The funnel of the first events file, narrowed by `filter`; None without one.
fn funnel_part(store: &Store, filter: &LineFilter) -> Option<Result<FunnelResult, String>> {
    store.of_kind(FileKind::Events).next().map(|table| {
        let params = FunnelParams::default();
        let events = filter.apply_to_events(&table.frame).map_err(text)?;
        funnel(&events, &params)
            .map(|funnel| FunnelResult {
                file: file_name(&table.path),
                funnel,
                dropoff: events
                    .schema()
                    .contains("item_id")
                    .then(|| dropoff_items(&events, &params).map_err(text)),
            })
            .map_err(text)
    })
}

/// The parts of orders summed without loading: RFM from the per-customer table
/// (unless a filter is set: sums cannot be narrowed); cohorts and repeat need
/// the lines and say so; the funnel of an events file as with loaded orders.
fn compute_summed(
    store: &Store,
    summed: &SummedOrders,
    params: BehaviourParams,
    progress: &Progress,
) -> anyhow::Result<BehaviourResults> {
    let file = summed.name();
    step(
        progress,
        0,
        &tr!("workspace-summing-file", file = file.as_str()),
    )?;
    let rfm = match params.filter.is_empty() {
        false => Err(summed.needs_lines(&tr!("workspace-filter-what"))),
        true => match summed.customers(params.analysis_date, progress) {
            Ok(Some(customers)) => {
                rfm_of_customers(customers.table, customers.money, progress).map_err(text)
            }
            Ok(None) => Err(tr!("workspace-summed-no-purchase", file = file.as_str())),
            Err(error) => Err(text(error)),
        },
    };
    step(progress, 2, &tr!("workspace-counting-funnel"))?;
    let funnel = funnel_part(store, &params.filter);
    progress.check()?;
    progress.report(STEPS, STEPS);
    Ok(BehaviourResults {
        params,
        categories: Vec::new(),
        lines_kept: (0, 0),
        rfm,
        cohorts: Err(summed.needs_lines(&tr!("workspace-cohorts-what"))),
        funnel,
        repeat: Err(summed.needs_lines(&tr!("workspace-repeat-what"))),
    })
}

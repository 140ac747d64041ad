//! The Recommendations tab's results: a fitted recommender with every customer's
//! top-N list, the bought-together rules, the report card and exports, each
//! computed by its own background job.
//!
//! Contract:
//! - A fit is a [`Computation`] keyed by its [`RecommendParams`], the store
//!   version and the generation of the Segments result it used; the workspace's
//!   update step fits the wanted settings when they were not fitted on these
//!   inputs ([`Recommend::update`]).
//!   Cancel is checked between steps, between ALS iterations and between blocks
//!   of customers.
//! - Lists are ranked by score, ties by lower item index (see
//!   `analysis::recommend::models`). The rules come from the same purchases with
//!   default thresholds; a rules failure is shown as text, the lists still show.
//! - The report card is its own computation, run on request; it splits the
//!   purchases by the chosen protocol and never looks at the test part to fit.
//!   A split with nothing to test is a result saying why, not an error.
//! - The rules table (FP-growth at the operator's thresholds) and the
//!   next-purchase transitions are one more computation, keyed by
//!   [`RulesRunParams`] and the store version.
//! - With `validate` (the default) the fit first chooses item-kNN neighbours,
//!   ALS factors and λ, the repeat model's settings or the blend's mix by
//!   validation on each customer's last purchase
//!   (`analysis::recommend::validate`); the choice is kept with the results.
//! - When the Segments tab has a result on the loaded files, the fit gets each
//!   customer's segment, so popularity (and every fallback to it) is the
//!   segment's ("popular in your segment").
//! - Exports write atomically: `.csv` (with a BOM) and `.xlsx` through
//!   `crate::export`, `.parquet` with polars (`export::write_frame`).
//! - A saved SASRec (a project's, [`Recommend::use_saved_sasrec`]) goes to
//!   every fit; it replaces training when it was trained with the fit's
//!   settings on the same purchases (`analysis::recommend::sasrec::saved`).

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{anyhow, bail};

use crate::analysis::recommend::evaluate::{EvalParams, Outcome, evaluate};
use crate::analysis::recommend::pairs::fits_streamed;
use crate::analysis::recommend::rules::{
    Rule, RuleParams, association_rules, baskets, rules_frame,
};
use crate::analysis::recommend::sasrec::saved::SavedSasrec;
use crate::analysis::recommend::transitions::{Transition, TransitionParams, next_purchases};
use crate::analysis::recommend::validate::Validation;
use crate::analysis::recommend::{
    Interactions, Model, Recommendation, interactions_from_lines, interactions_from_ratings,
    lists_frame,
};
use crate::analysis::segments::Segmentation;
use crate::data::summed::SummedOrders;
use crate::data::{FileKind, Role, Store};
use crate::jobs::{Progress, Slot, Wake};
use crate::tr;
pub use crate::workspace::recommend_inputs::{MissingInput, missing_input};

use super::computation::{Computation, Computed, Inputs};
use super::export_job::start_export;
use super::segments::SegmentsResults;

/// One finished fit.
pub struct RecommendResults {
    pub params: RecommendParams,
    pub interactions: Arc<Interactions>,
    pub model: Arc<Model>,
    /// Every customer's list, by customer index.
    pub lists: Arc<Vec<Vec<Recommendation>>>,
    /// Bought-together rules (default thresholds), or why they could not be found.
    pub rules: Result<Vec<Rule>, String>,
    /// None: the typed settings were asked for (or the model has none to
    /// choose); else the settings validation chose, or why it chose none.
    pub validation: Option<Result<Validation, String>>,
}

/// The thresholds of the rules table and the transitions' settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RulesRunParams {
    pub rules: RuleParams,
    pub transitions: TransitionParams,
}

/// One finished rules run.
pub struct RulesResults {
    pub params: RulesRunParams,
    pub interactions: Arc<Interactions>,
    /// Orders with at least one purchased item.
    pub baskets: usize,
    /// Sorted as `association_rules` sorts them (lift, count, items).
    pub rules: Result<Vec<Rule>, String>,
    /// Sorted by count, then from, then to.
    pub transitions: Result<Vec<Transition>, String>,
}

/// What the window asks of the Recommendations tab.
#[derive(Clone, Debug, PartialEq)]
pub enum RecommendCommand {
    /// Fit a model with these settings (they become the wanted ones).
    Run(RecommendParams),
    Cancel,
    /// Run the report card with these settings.
    Evaluate(EvalParams),
    CancelReport,
    /// Write every customer's list to a file.
    Export(PathBuf),
    /// Find the rules and transitions with these settings.
    RunRules(RulesRunParams),
    /// Write the rules table to a file: the rules at the indices of `order` (the
    /// order the table shows).
    ExportRules {
        path: PathBuf,
        order: Vec<usize>,
    },
}

/// The Recommendations computations (fit, report card, rules) and exports.
pub struct Recommend {
    fit: Computation<RecommendParams, RecommendResults>,
    report: Computation<EvalParams, Outcome>,
    rules: Computation<RulesRunParams, RulesResults>,
    export: Slot<String>,
    /// The opened project's saved SASRec, if it had one.
    saved_sasrec: Option<Arc<SavedSasrec>>,
    wake: Wake,
}

/// Steps of a fit, for the progress bar.
const STEPS: u64 = 4;

impl Recommend {
    pub fn new(wake: Wake) -> Self {
        Recommend {
            fit: Computation::new("recommend", wake.clone()),
            report: Computation::new("report card", wake.clone()),
            rules: Computation::new("rules", wake.clone()),
            export: Slot::default(),
            saved_sasrec: None,
            wake,
        }
    }

    /// Makes `saved` (an opened project's SASRec, or none) the model fits may
    /// reuse instead of training.
    pub fn use_saved_sasrec(&mut self, saved: Option<SavedSasrec>) {
        self.saved_sasrec = saved.map(Arc::new);
    }

    /// The SASRec of the fit shown on these files, to save with a project.
    pub fn sasrec_model(&self, store_version: u64) -> Option<Arc<Model>> {
        let results = self.fit.current(store_version)?;
        results.value.model.sasrec()?;
        Some(results.value.model.clone())
    }

    /// The fitted model, the running fit and its error.
    pub fn fit(&self) -> &Computation<RecommendParams, RecommendResults> {
        &self.fit
    }

    /// The report card (or why it had nothing to test), the running evaluation
    /// and its error.
    pub fn report(&self) -> &Computation<EvalParams, Outcome> {
        &self.report
    }

    /// The rules table, the running rules job and its error.
    pub fn rules(&self) -> &Computation<RulesRunParams, RulesResults> {
        &self.rules
    }

    /// The last export's outcome ("Wrote …") and the running export.
    pub fn export_slot(&self) -> &Slot<String> {
        &self.export
    }

    /// The settings of the next (or last) fit.
    pub fn wanted(&self) -> RecommendParams {
        self.fit.requested_params().cloned().unwrap_or_default()
    }

    /// The settings of the next (or last) rules run.
    pub fn wanted_rules(&self) -> RulesRunParams {
        self.rules.requested_params().cloned().unwrap_or_default()
    }

    /// True once a fit was asked for (or preferred by a project).
    pub fn was_requested(&self) -> bool {
        self.fit.requested_params().is_some()
    }

    /// Makes `params` the settings of the next fit (a project's saved ones).
    pub fn prefer(&mut self, params: RecommendParams) {
        self.fit.prefer(params);
    }

    /// Fits the wanted settings when they were not fitted on these inputs (the
    /// store and the current Segments result, if any); with `rules`, the rules
    /// table too (a ratings file has no baskets: no rules then).
    pub fn update(
        &mut self,
        store: &Store,
        store_version: u64,
        segments: Option<&Computed<SegmentsResults>>,
        rules: bool,
    ) {
        // The tab says what is missing instead: a run would only fail.
        if missing_input(store).is_some() {
            return;
        }
        let wanted = self.wanted();
        let inputs = Inputs::of_store(store_version).using(segments.map(|s| s.generation));
        if self.fit.needs_run(&wanted, &inputs) {
            self.run(store, store_version, wanted, segments);
        }
        let wanted_rules = self.wanted_rules();
        let from_ratings = store.of_kind(FileKind::Ratings).next().is_some();
        if rules
            && !from_ratings
            && summed_orders(store).is_none()
            && self
                .rules
                .needs_run(&wanted_rules, &Inputs::of_store(store_version))
        {
            self.run_rules(store, store_version, wanted_rules);
        }
    }

    /// Carries out a command of the window.
    pub fn apply(
        &mut self,
        command: RecommendCommand,
        store: &Store,
        store_version: u64,
        segments: Option<&Computed<SegmentsResults>>,
    ) {
        match command {
            RecommendCommand::Run(params) => self.run(store, store_version, params, segments),
            RecommendCommand::Cancel => self.fit.cancel(),
            RecommendCommand::Evaluate(params) => self.evaluate(store, store_version, params),
            RecommendCommand::CancelReport => self.report.cancel(),
            RecommendCommand::Export(path) => {
                self.export(store_version, super::export_job::beside_data(store, path))
            }
            RecommendCommand::RunRules(params) => self.run_rules(store, store_version, params),
            RecommendCommand::ExportRules { path, order } => self.export_rules(
                store_version,
                super::export_job::beside_data(store, path),
                &order,
            ),
        }
    }

    /// Starts a fit (replacing a running one); with `segments`, popularity is per
    /// segment.
    fn run(
        &mut self,
        store: &Store,
        store_version: u64,
        params: RecommendParams,
        segments: Option<&Computed<SegmentsResults>>,
    ) {
        let inputs = Inputs::of_store(store_version).using(segments.map(|s| s.generation));
        let segmentation = segments.map(|s| s.value.segmentation.clone());
        let store = store.clone();
        let saved = self.saved_sasrec.clone();
        self.fit.run(
            params.clone(),
            inputs,
            store.file_names(),
            move |progress| compute(&store, params, segmentation.as_deref(), saved, progress),
        );
    }

    /// Starts the rules and transitions on `store` (replacing a running run).
    fn run_rules(&mut self, store: &Store, store_version: u64, params: RulesRunParams) {
        let store = store.clone();
        self.rules.run(
            params.clone(),
            Inputs::of_store(store_version),
            store.file_names(),
            move |progress| {
                needs_lines(&store, || tr!("recommend-rules-what"))?;
                progress.set_message(tr!("workspace-reading-purchases"));
                let interactions = load_interactions(&store)?;
                progress.check()?;
                progress.set_message(tr!("workspace-finding-bought-together"));
                let rules = association_rules(&interactions, &params.rules, progress)
                    .map_err(|e| e.to_string());
                progress.check()?;
                progress.set_message(tr!("workspace-finding-next-purchases"));
                let transitions = next_purchases(&interactions, &params.transitions, progress)
                    .map_err(|e| e.to_string());
                progress.check()?;
                Ok(RulesResults {
                    params,
                    baskets: baskets(&interactions).len(),
                    interactions: Arc::new(interactions),
                    rules,
                    transitions,
                })
            },
        );
    }

    /// Writes the rules table shown on these files to `path` (.csv, .xlsx or
    /// .parquet), the rules at the indices of `order` in that order, as a job.
    fn export_rules(&mut self, store_version: u64, path: PathBuf, order: &[usize]) {
        let Some(results) = self.rules.current(store_version) else {
            return;
        };
        let Ok(rules) = &results.value.rules else {
            return;
        };
        let rules: Vec<Rule> = order
            .iter()
            .filter_map(|&i| rules.get(i).cloned())
            .collect();
        let interactions = results.value.interactions.clone();
        start_export(
            &mut self.export,
            "export rules",
            self.wake.clone(),
            path,
            move || Ok(rules_frame(&interactions.items, &rules)?),
            |frame, path| {
                tr!(
                    "workspace-wrote-rules",
                    count = frame.height().to_string(),
                    path = path.display().to_string()
                )
            },
        );
    }

    /// Starts the report card on `store` with `params` (replacing a running one).
    fn evaluate(&mut self, store: &Store, store_version: u64, params: EvalParams) {
        let store = store.clone();
        self.report.run(
            params.clone(),
            Inputs::of_store(store_version),
            store.file_names(),
            move |progress| {
                needs_lines(&store, || tr!("recommend-report-card-what"))?;
                progress.set_message(tr!("workspace-reading-purchases"));
                let interactions = load_interactions(&store)?;
                progress.check()?;
                Ok(evaluate(&interactions, &params, progress)?)
            },
        );
    }

    /// Writes every customer's list of the fit shown on these files to `path`
    /// (.csv with a BOM, .xlsx or .parquet), as a job.
    fn export(&mut self, store_version: u64, path: PathBuf) {
        let Some(results) = self.fit.current(store_version) else {
            return;
        };
        let interactions = results.value.interactions.clone();
        let lists = results.value.lists.clone();
        let customers = lists.len();
        start_export(
            &mut self.export,
            "export recommendations",
            self.wake.clone(),
            path,
            move || Ok(lists_frame(&interactions, &lists)?),
            move |frame, path| {
                tr!(
                    "workspace-wrote-recommendations",
                    count = frame.height().to_string(),
                    customers = customers.to_string(),
                    path = path.display().to_string()
                )
            },
        );
    }

    /// Takes finished jobs' results; true when something changed.
    pub fn poll(&mut self) -> bool {
        self.fit.poll() | self.report.poll() | self.rules.poll() | self.export.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.fit.is_busy()
            || self.report.is_busy()
            || self.rules.is_busy()
            || self.export.pending().is_some()
    }
}

/// The orders summed without loading that the models would learn from: those
/// of the store when no ratings file is loaded.
pub fn summed_orders(store: &Store) -> Option<&SummedOrders> {
    let from_ratings = store.of_kind(FileKind::Ratings).next().is_some();
    store.summed_orders().filter(|_| !from_ratings)
}

/// Err with the sentence saying that `what` needs the order lines, when the
/// models would learn from summed orders.
fn needs_lines(store: &Store, what: impl FnOnce() -> String) -> anyhow::Result<()> {
    match summed_orders(store) {
        Some(summed) => Err(anyhow!(summed.needs_lines(&what()))),
        None => Ok(()),
    }
}

/// The interactions the models learn from: the explicit ratings when a ratings
/// file is loaded, else the purchases in the order lines (explicit when they
/// carry a mapped rating column), else the summed orders' purchases (a ratings
/// column there needs the lines).
pub fn load_interactions(store: &Store) -> anyhow::Result<Interactions> {
    load_interactions_with(store, &Progress::detached())
}

/// [`load_interactions`], cancelled by `progress` (which stops a sum in the
/// database).
fn load_interactions_with(store: &Store, progress: &Progress) -> anyhow::Result<Interactions> {
    if let Some(ratings) = store.ratings()? {
        let interactions = interactions_from_ratings(&ratings)?;
        if interactions.events.is_empty() {
            bail!(tr!("workspace-ratings-empty"));
        }
        return Ok(interactions);
    }
    let interactions = match (store.order_lines()?, store.summed_orders()) {
        (Some(lines), _) => interactions_from_lines(&lines)?,
        (None, Some(summed)) if summed.maps(Role::Rating) => {
            bail!(summed.needs_lines(&Role::Rating.label()))
        }
        (None, Some(summed)) => summed.interactions(progress)?.unwrap_or_default(),
        (None, None) => bail!(tr!("workspace-recommend-needs-data")),
    };
    if interactions.events.is_empty() {
        bail!(tr!("workspace-orders-no-purchase"));
    }
    Ok(interactions)
}

/// Each customer's segment (by customer index of `interactions`): the label of
/// the segmentation's row with the same customer id, None when not segmented.
pub fn customer_segments(
    interactions: &Interactions,
    segmentation: &Segmentation,
) -> Vec<Option<u32>> {
    let ids = &segmentation.features.customer_ids;
    let labels = &segmentation.clustering.labels;
    let by_id: std::collections::HashMap<&str, u32> = ids
        .iter()
        .zip(labels)
        .map(|(id, &label)| (id.as_str(), label as u32))
        .collect();
    interactions
        .customers
        .iter()
        .map(|c| by_id.get(c.as_str()).copied())
        .collect()
}

/// Reads the purchases, fits the model (per-segment popularity with
/// `segments`; SASRec from `saved` when it fits), lists every customer's top N
/// and finds the bought-together rules.
pub fn compute(
    store: &Store,
    params: RecommendParams,
    segments: Option<&Segmentation>,
    saved: Option<Arc<SavedSasrec>>,
    progress: &Progress,
) -> anyhow::Result<RecommendResults> {
    params.check()?;
    let summed = summed_orders(store);
    if !fits_streamed(params.model) {
        let model = || tr!("recommend-model-what", model = params.model.display_name());
        needs_lines(store, model)?;
    }
    progress.set_message(tr!("workspace-reading-purchases"));
    progress.report(0, STEPS);
    let interactions = load_interactions_with(store, progress)?;
    progress.check()?;
    progress.set_message(tr!(
        "workspace-fitting-model",
        model = params.model.to_string()
    ));
    progress.report(1, STEPS);
    let segments = segments.map(|s| customer_segments(&interactions, s));
    let (model, validation) = params.fit(&interactions, segments, saved, progress)?;
    progress.check()?;
    progress.set_message(tr!("workspace-listing-top-items"));
    progress.report(2, STEPS);
    let lists = model.recommend_all(params.top, params.exclude_seen, progress)?;
    progress.check()?;
    progress.set_message(tr!("workspace-finding-bought-together"));
    progress.report(3, STEPS);
    let rules = match summed {
        Some(summed) => Err(summed.needs_lines(&tr!("recommend-rules-what"))),
        None => association_rules(&interactions, &RuleParams::default(), progress)
            .map_err(|e| e.to_string()),
    };
    progress.check()?;
    progress.report(STEPS, STEPS);
    Ok(RecommendResults {
        params,
        interactions: Arc::new(interactions),
        model: Arc::new(model),
        lists: Arc::new(lists),
        rules,
        validation,
    })
}

mod params;
mod sasrec_file;
#[cfg(test)]
mod tests;

pub use params::RecommendParams;
pub use sasrec_file::{data_files, sasrec_path, sasrec_summary, scored_items};

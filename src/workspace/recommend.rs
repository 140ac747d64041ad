//! The Recommendations tab's results: a fitted recommender with every customer's
//! top-N list, the bought-together rules, the report card and exports, each
//! computed by its own background job.
//!
//! Contract:
//! - A fit is keyed by its [`RecommendParams`] and the store version it was asked
//!   at ([`Recommend::needs_run`]); the last good fit stays shown while the next
//!   computes, and a cancelled fit keeps its key so it is not restarted by itself.
//!   Cancel is checked between steps, between ALS iterations and between blocks
//!   of customers.
//! - Lists are ranked by score, ties by lower item index (see
//!   `analysis::recommend::models`). The rules come from the same purchases with
//!   default thresholds; a rules failure is shown as text, the lists still show.
//! - The report card is its own job keyed by its [`EvalParams`]; it splits the
//!   purchases by the chosen protocol and never looks at the test part to fit.
//! - Exports write every customer's list atomically through `crate::export`.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{anyhow, bail};

use crate::analysis::recommend::evaluate::{EvalParams, ReportCard, evaluate};
use crate::analysis::recommend::rules::{Rule, RuleParams, association_rules};
use crate::analysis::recommend::{
    AlsParams, Interactions, Model, ModelKind, ModelParams, Recommendation, fit,
    interactions_from_lines, lists_frame,
};
use crate::data::Store;
use crate::export::{ExportFormat, write_table};
use crate::jobs::{Progress, Slot, Wake};

/// What the operator chose for a fit.
#[derive(Clone, Debug, PartialEq)]
pub struct RecommendParams {
    pub model: ModelKind,
    /// Neighbours per item (item-kNN, blend) and per customer (user-kNN).
    pub neighbours: usize,
    /// ALS factors per customer and item.
    pub factors: usize,
    /// ALS iterations.
    pub iterations: usize,
    /// Weight of the customer's own history in the blend (0..=1).
    pub history_weight: f32,
    /// Leave out items the customer already bought.
    pub exclude_seen: bool,
    /// Items per customer.
    pub top: usize,
}

impl Default for RecommendParams {
    fn default() -> Self {
        let model = ModelParams::default();
        RecommendParams {
            model: ModelKind::ItemKnn,
            neighbours: model.item_neighbours,
            factors: model.als.factors,
            iterations: model.als.iterations,
            history_weight: model.history_weight,
            exclude_seen: true,
            top: 10,
        }
    }
}

impl RecommendParams {
    /// The analysis settings of every model from these choices.
    pub fn model_params(&self) -> ModelParams {
        ModelParams {
            item_neighbours: self.neighbours,
            user_neighbours: self.neighbours,
            als: AlsParams {
                factors: self.factors,
                iterations: self.iterations,
                ..AlsParams::default()
            },
            history_weight: self.history_weight,
            segments: None,
        }
    }
}

/// One finished fit.
pub struct RecommendResults {
    pub params: RecommendParams,
    pub store_version: u64,
    pub interactions: Arc<Interactions>,
    pub model: Arc<Model>,
    /// Every customer's list, by customer index.
    pub lists: Arc<Vec<Vec<Recommendation>>>,
    /// Bought-together rules (default thresholds), or why they could not be found.
    pub rules: Result<Vec<Rule>, String>,
}

/// The Recommendations jobs: fit, report card and export.
pub struct Recommend {
    slot: Slot<RecommendResults>,
    report: Slot<ReportCard>,
    export: Slot<String>,
    requested: Option<(RecommendParams, u64)>,
    wake: Wake,
}

/// Steps of a fit, for the progress bar.
const STEPS: u64 = 4;

impl Recommend {
    pub fn new(wake: Wake) -> Self {
        Recommend {
            slot: Slot::default(),
            report: Slot::default(),
            export: Slot::default(),
            requested: None,
            wake,
        }
    }

    /// The fitted model shown, the running fit and its error.
    pub fn slot(&self) -> &Slot<RecommendResults> {
        &self.slot
    }

    /// The last report card, the running evaluation and its error.
    pub fn report_slot(&self) -> &Slot<ReportCard> {
        &self.report
    }

    /// The last export's outcome ("Wrote …") and the running export.
    pub fn export_slot(&self) -> &Slot<String> {
        &self.export
    }

    /// The params of the last fit asked for.
    pub fn requested_params(&self) -> Option<&RecommendParams> {
        self.requested.as_ref().map(|(p, _)| p)
    }

    /// True when no fit was asked for with `params` at `store_version`.
    pub fn needs_run(&self, params: &RecommendParams, store_version: u64) -> bool {
        self.requested
            .as_ref()
            .is_none_or(|(p, v)| p != params || *v != store_version)
    }

    /// Starts a fit on `store` at `store_version` (replacing a running one).
    pub fn run(&mut self, store: &Store, store_version: u64, params: RecommendParams) {
        self.requested = Some((params.clone(), store_version));
        let store = store.clone();
        self.slot
            .start("recommend", self.wake.clone(), move |progress| {
                compute(&store, store_version, params, progress)
            });
    }

    pub fn cancel(&mut self) {
        self.slot.cancel();
    }

    /// Starts the report card on `store` with `params` (replacing a running one).
    pub fn evaluate(&mut self, store: &Store, params: EvalParams) {
        let store = store.clone();
        self.report
            .start("report card", self.wake.clone(), move |progress| {
                progress.set_message("reading the purchases");
                let interactions = load_interactions(&store)?;
                progress.check()?;
                Ok(evaluate(&interactions, &params, progress)?)
            });
    }

    pub fn cancel_report(&mut self) {
        self.report.cancel();
    }

    /// Writes every customer's list to `path` (.csv with a BOM, or .xlsx), as a job.
    pub fn export(&mut self, path: PathBuf) {
        let Some(results) = self.slot.value() else {
            return;
        };
        let interactions = results.interactions.clone();
        let lists = results.lists.clone();
        self.export.start(
            "export recommendations",
            self.wake.clone(),
            move |progress| {
                progress.set_message(format!("writing {}", path.display()));
                let format = ExportFormat::from_path(&path)?;
                let frame = lists_frame(&interactions, &lists)?;
                write_table(&frame, &path, format)?;
                Ok(format!(
                    "Wrote {} recommendations for {} customers to {}",
                    frame.height(),
                    lists.len(),
                    path.display()
                ))
            },
        );
    }

    /// Takes finished jobs' results; true when something changed.
    pub fn poll(&mut self) -> bool {
        self.slot.poll() | self.report.poll() | self.export.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.slot.pending().is_some()
            || self.report.pending().is_some()
            || self.export.pending().is_some()
    }
}

/// Purchase interactions of the store's order lines.
fn load_interactions(store: &Store) -> anyhow::Result<Interactions> {
    let lines = store
        .order_lines()?
        .ok_or_else(|| anyhow!("no orders file is loaded: open one to get recommendations"))?;
    let interactions = interactions_from_lines(&lines)?;
    if interactions.events.is_empty() {
        bail!("the orders hold no purchase with a customer, item, order id and time");
    }
    Ok(interactions)
}

/// Reads the purchases, fits the model, lists every customer's top N and finds
/// the bought-together rules.
pub fn compute(
    store: &Store,
    store_version: u64,
    params: RecommendParams,
    progress: &Progress,
) -> anyhow::Result<RecommendResults> {
    if params.top == 0 {
        bail!("show at least one item per customer");
    }
    progress.set_message("reading the purchases");
    progress.report(0, STEPS);
    let interactions = load_interactions(store)?;
    progress.check()?;
    progress.set_message(format!("fitting {}", params.model));
    progress.report(1, STEPS);
    let train = interactions.matrix(&interactions.events);
    let model = fit(
        params.model,
        train,
        &interactions.items,
        &params.model_params(),
        progress,
    )?;
    progress.check()?;
    progress.set_message("listing every customer's top items");
    progress.report(2, STEPS);
    let lists = model.recommend_all(params.top, params.exclude_seen, progress)?;
    progress.check()?;
    progress.set_message("finding items bought together");
    progress.report(3, STEPS);
    let rules = association_rules(&interactions, &RuleParams::default(), progress)
        .map_err(|e| e.to_string());
    progress.check()?;
    progress.report(STEPS, STEPS);
    Ok(RecommendResults {
        params,
        store_version,
        interactions: Arc::new(interactions),
        model: Arc::new(model),
        lists: Arc::new(lists),
        rules,
    })
}

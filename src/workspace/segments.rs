//! The Segments tab's results: K-means segments of the store's customers with
//! their profiles, the per-K curve, a PCA picture and decision-tree rules, computed
//! by one background job; and exports of a segment's members.
//!
//! Contract:
//! - A run is a [`Computation`] keyed by its [`SegmentsParams`] and the store
//!   version; [`Segments::update`] runs the wanted settings when they were not run
//!   on these files (the workspace's update step calls it when the Segments tab,
//!   or a tab that uses segments, is shown). Cancel is checked between K values
//!   and between steps.
//! - `curve` is the per-K inertia and silhouette of the last auto run with the same
//!   features on the same store, so moving K keeps the elbow on screen; a fixed-K
//!   run with nothing to carry shows its single K.
//! - Exports run as their own job and write atomically through `crate::export`.
//! - Service signals: a run whose features use them ([`FeatureSet::uses_signals`])
//!   joins the Service tab's current result's `signals` and records its
//!   generation in its [`Inputs`], so a new Service result runs it again; without
//!   a service-messages file (or a Service result) the run fails saying the file
//!   is needed. [`Segments::update_after_service`] runs the Service reading first
//!   and waits for it. Headless [`compute`] reads the signals itself.
//! - Orders summed without loading (`Store::summed_orders`) are segmented from
//!   their per-customer table ([`compute_of_table`]): features that need the
//!   lines (prices, service signals) fail saying so.

mod params;
pub mod scores;

pub use params::SegmentsParams;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::anyhow;
use polars::prelude::{Column, DataFrame};

use crate::analysis::customers::CustomerTable;
use crate::analysis::segments::scatter::{SCATTER_POINTS, Scatter, pca_scatter};
use crate::analysis::segments::{
    KChoice, KScore, SegmentTree, Segmentation, TreeParams, explain_segments,
    segment_customer_table, segment_customers_with,
};
use crate::analysis::voice::{Labels, ServiceReport, store_signals};
use crate::data::{FileKind, Role, Store};
use crate::jobs::{Progress, Slot, Wake};
use crate::tr;

use super::computation::{Computation, Computed, Inputs};
use super::service::Service;

use super::export_job::{beside_data, start_export, wrote_customers};
use super::value::CustomerRow;
use crate::export::{decimals_of, rounded};

/// Whether the order lines will carry a unit price and an item id, as
/// `discount_share` and `avg_unit_price` need (`features::PRICE_ROLES`): an
/// orders file with item ids, and a price in an orders file or in a products file
/// (joined on item id). Read from the loaded files' columns, so the tab can say
/// what is missing without running, and whatever an error says.
pub fn has_unit_prices(store: &Store) -> bool {
    let has = |kind: FileKind, role: Role| {
        store
            .of_kind(kind)
            .any(|t| t.frame.column(role.column_name()).is_ok())
    };
    let catalogue =
        has(FileKind::Products, Role::UnitPrice) && has(FileKind::Products, Role::ItemId);
    has(FileKind::Orders, Role::ItemId) && (has(FileKind::Orders, Role::UnitPrice) || catalogue)
}

/// Whether a service-messages file is loaded: the signal features are offered
/// only then.
pub fn has_service_messages(store: &Store) -> bool {
    store.of_kind(FileKind::Service).next().is_some()
}

/// The Service result a run of `params` joins: the current one when its features
/// use the signals and a service-messages file is loaded.
fn service_used<'a>(
    params: &SegmentsParams,
    store: &Store,
    service: Option<&'a Computed<Arc<ServiceReport>>>,
) -> Option<&'a Computed<Arc<ServiceReport>>> {
    service.filter(|_| params.features.uses_signals() && has_service_messages(store))
}

/// The inputs of a run of `params` on `store_version` that joins `used`.
fn inputs(store_version: u64, used: Option<&Computed<Arc<ServiceReport>>>) -> Inputs {
    Inputs::of_store(store_version).using(used.map(|c| c.generation))
}

/// One finished run.
#[derive(Clone, Debug)]
pub struct SegmentsResults {
    pub params: SegmentsParams,
    pub segmentation: Arc<Segmentation>,
    /// Per-K scores to chart, ascending K (see the module doc).
    pub curve: Vec<KScore>,
    /// The PCA picture, or why it could not be drawn.
    pub scatter: Result<Scatter, String>,
    /// The decision-tree rules, or why they could not be found.
    pub tree: Result<SegmentTree, String>,
}

impl SegmentsResults {
    /// A stable key of segment `id` for its saved name: K, the features and the
    /// segment's centre (standardised, one decimal), so the same data and settings
    /// find the same name after a restart.
    pub fn name_key(&self, id: usize) -> String {
        let c = &self.segmentation.clustering;
        let features: Vec<&str> = self
            .params
            .features
            .features()
            .iter()
            .map(|f| f.name())
            .collect();
        let centre: Vec<String> = if id < c.centroids.nrows() {
            c.centroids
                .row(id)
                .iter()
                .map(|v| format!("{:.1}", v + 0.0))
                .collect()
        } else {
            Vec::new()
        };
        format!("k{}|{}|{}", c.k, features.join(","), centre.join(","))
    }
}

/// What the window asks of the Segments tab.
#[derive(Clone, Debug, PartialEq)]
pub enum SegmentsCommand {
    /// Segment with these settings (they become the wanted ones).
    Run(SegmentsParams),
    Cancel,
    /// Export a segment's members (all segments when None) to a file, with the
    /// segments' names by id.
    /// Write the members table as shown: `rows` (indices into the customers, in
    /// the order shown) with the Value tab's scores of each when shown.
    Export {
        path: PathBuf,
        rows: Vec<usize>,
        names: Vec<String>,
        scores: Option<Vec<Option<CustomerRow>>>,
    },
}

/// The Segments computation and its export job.
pub struct Segments {
    results: Computation<SegmentsParams, SegmentsResults>,
    export: Slot<String>,
    wake: Wake,
}

/// Steps of a run after the K search, for the progress bar.
const STEPS: u64 = 3;

impl Segments {
    pub fn new(wake: Wake) -> Self {
        Segments {
            results: Computation::new("segments", wake.clone()),
            export: Slot::default(),
            wake,
        }
    }

    /// The results, the running job and its error.
    pub fn results(&self) -> &Computation<SegmentsParams, SegmentsResults> {
        &self.results
    }

    /// The result computed on `store_version`, if any.
    pub fn current(&self, store_version: u64) -> Option<&Computed<SegmentsResults>> {
        self.results.current(store_version)
    }

    /// The last export's outcome ("wrote …") and the running export.
    pub fn export_slot(&self) -> &Slot<String> {
        &self.export
    }

    /// The settings of the next (or last) run: the last asked for, else the defaults.
    pub fn wanted(&self) -> SegmentsParams {
        self.results.requested_params().cloned().unwrap_or_default()
    }

    /// Makes `params` the settings of the next run (a project's saved ones).
    pub fn prefer(&mut self, params: SegmentsParams) {
        self.results.prefer(params);
    }

    /// Runs the wanted settings when no run was asked for on these files (and
    /// the `service` result their signal features join).
    fn update(
        &mut self,
        store: &Store,
        store_version: u64,
        service: Option<&Computed<Arc<ServiceReport>>>,
    ) {
        let wanted = self.wanted();
        let used = service_used(&wanted, store, service);
        if self
            .results
            .needs_run(&wanted, &inputs(store_version, used))
        {
            self.run(store, store_version, wanted, used);
        }
    }

    /// The update step's Segments part: when the wanted features use the service
    /// signals and a service-messages file is loaded, the Service reading runs
    /// first and Segments waits while it is busy (so it runs once, on the new
    /// signals). True while waiting.
    pub fn update_after_service(
        &mut self,
        service: &mut Service,
        store: &Store,
        store_version: u64,
    ) -> bool {
        if self.wanted().features.uses_signals() && has_service_messages(store) {
            service.update(store, store_version);
            if service.is_busy() {
                return true;
            }
        }
        let current = service.results().current(store_version);
        self.update(store, store_version, current);
        false
    }

    /// Carries out a command of the window; `service` is the Service tab's
    /// result on these files, if any.
    pub fn apply(
        &mut self,
        command: SegmentsCommand,
        store: &Store,
        store_version: u64,
        service: Option<&Computed<Arc<ServiceReport>>>,
    ) {
        match command {
            // Signal features before the messages are read: the update step
            // reads them and then runs these settings.
            SegmentsCommand::Run(params)
                if params.features.uses_signals()
                    && has_service_messages(store)
                    && service.is_none() =>
            {
                self.results.prefer(params)
            }
            SegmentsCommand::Run(params) => {
                let used = service_used(&params, store, service);
                self.run(store, store_version, params, used)
            }
            SegmentsCommand::Cancel => self.results.cancel(),
            SegmentsCommand::Export {
                path,
                rows,
                names,
                scores,
            } => {
                let path = beside_data(store, path);
                self.export(store_version, path, rows, names, scores)
            }
        }
    }

    /// Starts a run on `store` at `store_version` (replacing a running one),
    /// joining the signals of `used`.
    fn run(
        &mut self,
        store: &Store,
        store_version: u64,
        params: SegmentsParams,
        used: Option<&Computed<Arc<ServiceReport>>>,
    ) {
        let carried = self
            .results
            .current(store_version)
            .map(|c| &c.value)
            .filter(|r| r.params.features == params.features)
            .filter(|r| r.curve.len() > 1)
            .map(|r| r.curve.clone());
        let store = store.clone();
        let files = store.file_names();
        let key = params.clone();
        let signals = used.map(|c| c.value.signals.clone());
        self.results
            .run(key, inputs(store_version, used), files, move |progress| {
                compute_on(&store, params, carried, signals.as_ref(), progress)
            });
    }

    /// Writes the customers at `rows` with their features (and `scores`) to
    /// `path` (.csv with a BOM, or .xlsx), as a job.
    fn export(
        &mut self,
        store_version: u64,
        path: PathBuf,
        rows: Vec<usize>,
        names: Vec<String>,
        scores: Option<Vec<Option<CustomerRow>>>,
    ) {
        let Some(results) = self.results.current(store_version) else {
            return;
        };
        let segmentation = results.value.segmentation.clone();
        start_export(
            &mut self.export,
            "export segment",
            self.wake.clone(),
            path,
            move || members_frame(&segmentation, &rows, &names, scores.as_deref()),
            wrote_customers,
        );
    }

    /// Takes finished jobs' results; true when something changed.
    pub fn poll(&mut self) -> bool {
        self.results.poll() | self.export.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.results.is_busy() || self.export.pending().is_some()
    }
}

/// The customers at `rows` (indices into the segmentation's customers), in that
/// order: `customer_id`, `segment`, `segment_name` (from `names`, by id), every
/// available feature (2 decimals, as the members table shows them), and with
/// `scores` (one per row) `propensity`, `churn_risk`, `p_alive` (3 decimals),
/// `clv` (2) and `next_order_date`.
pub fn members_frame(
    result: &Segmentation,
    rows: &[usize],
    names: &[String],
    scores: Option<&[Option<CustomerRow>]>,
) -> anyhow::Result<DataFrame> {
    let labels = &result.clustering.labels;
    let features = &result.features;
    let name_of = |l: usize| names.get(l).map_or("", String::as_str);
    let mut columns = vec![
        Column::new(
            "customer_id".into(),
            rows.iter()
                .map(|&i| features.customer_ids[i].as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "segment".into(),
            rows.iter().map(|&i| labels[i] as u32).collect::<Vec<_>>(),
        ),
        Column::new(
            "segment_name".into(),
            rows.iter().map(|&i| name_of(labels[i])).collect::<Vec<_>>(),
        ),
    ];
    for (j, feature) in features.available.iter().enumerate() {
        columns.push(Column::new(
            feature.name().into(),
            rows.iter()
                .map(|&i| rounded(features.raw[[i, j]], decimals_of(feature.name())))
                .collect::<Vec<f64>>(),
        ));
    }
    if let Some(scores) = scores {
        let score = |name: &str, get: fn(&CustomerRow) -> Option<f64>| {
            let decimals = decimals_of(name);
            let values: Vec<Option<f64>> = scores
                .iter()
                .map(|r| r.as_ref().and_then(get).map(|v| rounded(v, decimals)))
                .collect();
            Column::new(name.into(), values)
        };
        columns.push(score("propensity", |r| r.propensity));
        columns.push(score("churn_risk", |r| r.churn_risk));
        columns.push(score("p_alive", |r| r.p_alive));
        columns.push(score("clv", |r| r.clv));
        columns.push(Column::new(
            "next_order_date".into(),
            scores
                .iter()
                .map(|r| r.as_ref()?.next_order_date.map(|d| d.to_string()))
                .collect::<Vec<_>>(),
        ));
    }
    Ok(DataFrame::new(rows.len(), columns)?)
}

/// Segments the store's customers, then draws the picture and fits the rules;
/// without a window: the service signals the features use are read from the
/// store's service-messages file here, with the operator's `labels`.
pub fn compute(
    store: &Store,
    params: SegmentsParams,
    carried: Option<Vec<KScore>>,
    labels: &Labels,
    progress: &Progress,
) -> anyhow::Result<SegmentsResults> {
    params.check()?;
    let signals = match params.features.uses_signals() {
        true => store_signals(store, labels, progress)?,
        false => None,
    };
    compute_on(store, params, carried, signals.as_ref(), progress)
}

/// [`compute`] with the customer-service `signals` given (None: not loaded).
fn compute_on(
    store: &Store,
    params: SegmentsParams,
    carried: Option<Vec<KScore>>,
    signals: Option<&DataFrame>,
    progress: &Progress,
) -> anyhow::Result<SegmentsResults> {
    params.check()?;
    progress.set_message(tr!("workspace-reading-order-lines"));
    let Some(lines) = store.order_lines()? else {
        let summed = store
            .summed_orders()
            .ok_or_else(|| anyhow!(tr!("workspace-segments-need-orders")))?;
        progress.set_message(tr!("workspace-summing-file", file = summed.name()));
        let customers = summed
            .customers(None, progress)?
            .ok_or_else(|| anyhow!(tr!("workspace-summed-no-purchase", file = summed.name())))?;
        progress.check()?;
        return compute_of_table(&customers.table, customers.money, params, progress);
    };
    progress.check()?;
    let segmentation = segment_customers_with(
        &lines,
        signals,
        &params.features,
        &params.search_params(),
        None,
        progress,
    )?;
    progress.check()?;
    finish(params, segmentation, carried, progress)
}

/// [`compute`] of a per-customer table that is already summed (a file streamed
/// by `data::scan` because its lines do not fit in memory): the same features,
/// clustering, picture and rules, without service signals, price features or
/// top categories.
pub fn compute_of_table(
    table: &CustomerTable,
    money: bool,
    params: SegmentsParams,
    progress: &Progress,
) -> anyhow::Result<SegmentsResults> {
    params.check()?;
    let segmentation = segment_customer_table(
        table,
        money,
        &params.features,
        &params.search_params(),
        progress,
    )?;
    progress.check()?;
    finish(params, segmentation, None, progress)
}

/// The picture and rules of a segmentation, and the per-K curve to chart.
fn finish(
    params: SegmentsParams,
    segmentation: Segmentation,
    carried: Option<Vec<KScore>>,
    progress: &Progress,
) -> anyhow::Result<SegmentsResults> {
    progress.set_message(tr!("workspace-drawing-pca"));
    progress.report(1, STEPS);
    let scatter = pca_scatter(
        segmentation.features.scaled.view(),
        SCATTER_POINTS,
        params.seed,
    )
    .map_err(|e| e.to_string());
    progress.check()?;
    progress.set_message(tr!("workspace-finding-segment-rules"));
    progress.report(2, STEPS);
    let tree = explain_segments(
        &segmentation.features,
        &segmentation.clustering.labels,
        &TreeParams {
            seed: params.seed,
            ..TreeParams::default()
        },
    )
    .map_err(|e| e.to_string());
    progress.check()?;
    progress.report(STEPS, STEPS);
    let curve = match (params.k, carried) {
        (KChoice::Fixed(_), Some(curve)) => curve,
        _ => segmentation.clustering.per_k.clone(),
    };
    Ok(SegmentsResults {
        params,
        segmentation: Arc::new(segmentation),
        curve,
        scatter,
        tree,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segments::features::PRICE_ROLES;
    use crate::analysis::segments::{Feature, FeatureSet};

    /// `files` (name, kind, CSV text) loaded with their detected columns.
    fn store(dir: &std::path::Path, files: &[(&str, FileKind, &str)]) -> Store {
        let mut store = Store::default();
        for (name, kind, text) in files {
            let path = dir.join(name);
            std::fs::write(&path, text).expect("write");
            let inspection = crate::data::inspect(&path, None).expect("inspect");
            let options = crate::data::LoadOptions {
                kind: *kind,
                ..crate::data::LoadOptions::from_inspection(&inspection)
            };
            let table = crate::data::load(&path, &options, &Progress::detached()).expect("load");
            store.insert(table);
        }
        store
    }

    #[test]
    fn unit_prices_come_from_the_orders_or_the_products_file_as_the_lines_get_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        let head = "order_id,customer_id,order_date,sku,qty";
        let unpriced = format!("{head},amount\nO1,C1,2025-01-01,S1,1,10\n");
        let priced = format!("{head},unit_price\nO1,C1,2025-01-01,S1,1,10\n");
        let no_items = "order_id,customer_id,order_date,unit_price\nO1,C1,2025-01-01,10\n";
        let products = "sku,product_name,unit_price\nS1,Tea,10\n";
        let cases = [
            (vec![("o.csv", FileKind::Orders, unpriced.as_str())], false),
            (vec![("o.csv", FileKind::Orders, priced.as_str())], true),
            (vec![("o.csv", FileKind::Orders, no_items)], false),
            (
                vec![
                    ("o.csv", FileKind::Orders, unpriced.as_str()),
                    ("p.csv", FileKind::Products, products),
                ],
                true,
            ),
        ];
        for (files, expected) in cases {
            let store = store(dir.path(), &files);
            assert_eq!(has_unit_prices(&store), expected, "{files:?}");
            // The same answer as the order lines the analysis reads.
            let lines = store.order_lines().expect("lines").expect("orders");
            let schema = lines.schema();
            assert_eq!(
                PRICE_ROLES.iter().all(|r| schema.contains(r.column_name())),
                expected,
                "{files:?}"
            );
        }
    }

    #[test]
    fn settings_round_trip_and_bad_ones_say_which_field() {
        let auto = SegmentsParams {
            features: FeatureSet::new(&[Feature::Frequency, Feature::Tenure]).unwrap(),
            k: KChoice::Auto { min: 3, max: 7 },
            seed: 9,
        };
        let fixed = SegmentsParams {
            k: KChoice::Fixed(4),
            ..SegmentsParams::default()
        };
        for params in [auto, fixed] {
            assert_eq!(
                SegmentsParams::from_settings(&params.to_settings()),
                Ok(params)
            );
        }
        let mut bad = SegmentsParams::default().to_settings();
        bad["k"] = serde_json::json!(1);
        let error = SegmentsParams::from_settings(&bad).expect_err("K = 1");
        assert!(error.to_string().starts_with("k = 1: "), "{error}");
        let mut unknown = SegmentsParams::default().to_settings();
        unknown["features"] = serde_json::json!(["recency_days", "shoe_size"]);
        let error = SegmentsParams::from_settings(&unknown).expect_err("unknown feature");
        assert!(error.to_string().contains("shoe_size"), "{error}");
        let mut missing = SegmentsParams::default().to_settings();
        missing.as_object_mut().expect("object").remove("seed");
        assert_eq!(
            SegmentsParams::from_settings(&missing),
            Ok(SegmentsParams::default())
        );
    }
}

//! The three propensity models, each fitted on a feature matrix and giving a
//! probability of buying in the window for every row.
//!
//! Contract:
//! - Logistic regression (Newton's method, L2 penalty `alpha`, linfa-logistic's
//!   objective: see [`super::logistic`]) on standardised `log1p` features (see
//!   [`Standardiser`]); importance = the coefficients on that scale (signed:
//!   positive raises the probability). Above [`MAX_FIT_ROWS`] training rows it is
//!   fitted on a seeded sample of that many: 26 coefficients are as sure from
//!   200,000 customers as from millions.
//! - Decision tree (Gini, depth `tree_depth`), also given as readable rules: see
//!   [`super::tree`]. Above [`MAX_FIT_ROWS`] training rows it grows on a seeded
//!   sample of that many (a depth-4 tree's splits are as sure on 200,000 rows as
//!   on millions).
//! - Random forest: `trees` trees of depth `forest_depth` on binned features,
//!   each on a bootstrap sample of at most `sample_rows` rows, ⌈√features⌉
//!   features drawn at each split: see [`super::forest`].
//! - Boosted trees: see [`super::boosted`].
//! - Fitting checks the cancel flag between trees.

use ndarray::{Array2, Axis};
use rand::SeedableRng;
use rand::seq::index::sample;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::boosted::{self, Boosted};
use super::features::Standardiser;
use super::forest::{self, Forest};
use super::logistic::{self, Logistic};
use super::rules::TreeRule;
use super::tree::SingleTree;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// Which model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    #[serde(rename = "logreg")]
    LogReg,
    Tree,
    Forest,
    #[serde(rename = "gbt")]
    Boosted,
}

impl ModelKind {
    /// Every model the CLI and the saved settings know.
    pub const ALL: [ModelKind; 4] = [
        ModelKind::LogReg,
        ModelKind::Tree,
        ModelKind::Forest,
        ModelKind::Boosted,
    ];

    /// The models fitted by default and offered in the Value tab: boosted trees
    /// did not beat these out of time (see `benches/value_service.rs`), so they
    /// stay a comparison on the CLI and in the report.
    pub const DEFAULT: [ModelKind; 3] = [ModelKind::LogReg, ModelKind::Tree, ModelKind::Forest];

    /// The name used in the CLI and JSON.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::LogReg => "logreg",
            ModelKind::Tree => "tree",
            ModelKind::Forest => "forest",
            ModelKind::Boosted => "gbt",
        }
    }

    /// The model's name as the window shows it (the CLI and JSON keep
    /// [`ModelKind::name`]).
    pub fn label(self) -> String {
        match self {
            ModelKind::LogReg => tr!("value-model-logreg"),
            ModelKind::Tree => tr!("value-model-tree"),
            ModelKind::Forest => tr!("value-model-forest"),
            ModelKind::Boosted => tr!("value-model-gbt"),
        }
    }

    /// The kind named `name` (as in [`ModelKind::name`]).
    pub fn from_name(name: &str) -> Result<ModelKind, AnalysisError> {
        ModelKind::ALL
            .into_iter()
            .find(|k| k.name() == name.trim().to_ascii_lowercase())
            .ok_or_else(|| AnalysisError::Invalid {
                what: tr!("analysis-model", name = name),
                why: tr!("analysis-model-choices"),
            })
    }
}

/// The most training rows the logistic regression, the single tree and the
/// boosted trees are fitted on (a seeded sample above).
pub const MAX_FIT_ROWS: usize = 200_000;

/// The training rows a model is fitted on: all of them, or a seeded sample of
/// [`MAX_FIT_ROWS`] in row order (all of them again when the sample would
/// hold only one outcome, as with very rare buyers).
fn fit_rows(labels: &[bool], seed: u64) -> Vec<usize> {
    let n = labels.len();
    if n <= MAX_FIT_ROWS {
        return (0..n).collect();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut rows = sample(&mut rng, n, MAX_FIT_ROWS).into_vec();
    rows.sort_unstable();
    let positives = rows.iter().filter(|&&r| labels[r]).count();
    if positives == 0 || positives == rows.len() {
        return (0..n).collect();
    }
    rows
}

/// Settings of the models.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelParams {
    /// L2 penalty of the logistic regression.
    pub alpha: f64,
    /// Depth limit of the single tree (rules stay readable).
    pub tree_depth: usize,
    /// Depth limit of each forest tree.
    pub forest_depth: usize,
    /// Number of forest trees.
    pub trees: usize,
    /// Rows drawn (with replacement) for each forest tree, at most.
    pub sample_rows: usize,
    /// A leaf holds at least this many training rows.
    pub min_leaf_rows: usize,
    pub seed: u64,
}

impl Default for ModelParams {
    fn default() -> Self {
        ModelParams {
            alpha: 1.0,
            tree_depth: 4,
            forest_depth: 8,
            trees: 100,
            sample_rows: 20_000,
            min_leaf_rows: 5,
            seed: 42,
        }
    }
}

/// A fitted model.
#[derive(Clone, Debug)]
pub enum Fitted {
    LogReg {
        model: Logistic,
        scaler: Standardiser,
    },
    Tree(SingleTree),
    Forest(Forest),
    // Boxed: the booster's config makes it far larger than the other variants.
    Boosted(Box<Boosted>),
}

fn fit_failed(kind: ModelKind) -> impl Fn(String) -> AnalysisError {
    move |why| AnalysisError::Invalid {
        what: tr!("value-error-fitting", model = kind.label()),
        why,
    }
}

/// Fits `kind` on `raw` (original units) and `labels`. Both classes must occur.
pub fn fit(
    kind: ModelKind,
    raw: &Array2<f64>,
    labels: &[bool],
    names: &[String],
    params: &ModelParams,
    progress: &Progress,
) -> Result<Fitted, AnalysisError> {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 || positives == labels.len() {
        return Err(fit_failed(kind)(tr!("value-error-same-outcome")));
    }
    match kind {
        ModelKind::LogReg => {
            let scaler = Standardiser::fit(raw, names);
            let rows = fit_rows(labels, params.seed);
            let x = scaler.apply(&raw.select(Axis(0), &rows));
            let y: Vec<bool> = rows.iter().map(|&r| labels[r]).collect();
            let model = logistic::fit(&x, &y, params.alpha, progress)?;
            Ok(Fitted::LogReg { model, scaler })
        }
        ModelKind::Tree => {
            let rows = fit_rows(labels, params.seed);
            let y: Vec<bool> = rows.iter().map(|&r| labels[r]).collect();
            let tree = SingleTree::fit(&raw.select(Axis(0), &rows), &y, params);
            Ok(Fitted::Tree(tree))
        }
        ModelKind::Forest => Ok(Fitted::Forest(forest::fit(raw, labels, params, progress)?)),
        ModelKind::Boosted => {
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            let rows = fit_rows(labels, params.seed);
            let y: Vec<bool> = rows.iter().map(|&r| labels[r]).collect();
            let model = boosted::fit(&raw.select(Axis(0), &rows), &y, params.seed)
                .map_err(fit_failed(kind))?;
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            Ok(Fitted::Boosted(Box::new(model)))
        }
    }
}

impl Fitted {
    /// The probability of the positive class for every row of `raw`.
    pub fn predict(&self, raw: &Array2<f64>) -> Vec<f64> {
        match self {
            Fitted::LogReg { model, scaler } => model.predict(&scaler.apply(raw)),
            Fitted::Tree(tree) => raw
                .rows()
                .into_iter()
                .map(|r| tree.probability(&r))
                .collect(),
            Fitted::Forest(forest) => forest.predict(raw),
            Fitted::Boosted(model) => model.predict(raw),
        }
    }

    /// Importance per feature (see the module contract for what each model reports).
    pub fn importance(&self, features: usize) -> Vec<f64> {
        match self {
            Fitted::LogReg { model, .. } => model.coefficients.clone(),
            Fitted::Tree(tree) => tree.importance().to_vec(),
            Fitted::Forest(forest) => forest.importance().to_vec(),
            Fitted::Boosted(model) => model.importance(features),
        }
    }

    /// Readable rules of a single tree; empty for the other models.
    pub fn rules(&self, names: &[String]) -> Vec<TreeRule> {
        match self {
            Fitted::Tree(tree) => tree.rules(names),
            _ => Vec::new(),
        }
    }
}

//! Settings chosen by validation: the item-kNN neighbour count and the ALS
//! factors and regularisation that predict best on a validation split carved
//! from the training purchases only.
//!
//! Contract:
//! - Only the events passed in are used. The report card passes its training
//!   part, so the held-out test purchases cannot influence the choice.
//! - A leave-last-out split of those events (each customer's last purchase by
//!   time, then item) is the validation set; every setting of [`ITEM_GRID`]
//!   (when item-kNN or the blend is among the models asked for) and of
//!   [`ALS_GRID`] (when ALS is) is fitted on the rest and scored by NDCG at K
//!   (already-bought items excluded or not, as asked). The other settings stay
//!   as given.
//! - The best setting has the highest NDCG; ties go to the earlier grid entry
//!   (the smaller, cheaper one).
//! - With fewer than [`MIN_VALIDATION`] customers to validate on, or no model
//!   with a setting to choose, nothing is chosen (`Err(why)`): the given
//!   settings stay.

use std::collections::BTreeSet;

use super::evaluate::{Split, metrics_at_k, split_events};
use super::interactions::{Event, Interactions};
use super::models::{ModelKind, ModelParams, fit};
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// Neighbour counts tried for item-kNN (and the blend, which uses them).
pub const ITEM_GRID: [usize; 4] = [10, 25, 50, 100];
/// (factors, regularisation) tried for ALS.
pub const ALS_GRID: [(usize, f32); 4] = [(16, 0.01), (16, 0.1), (32, 0.01), (32, 0.1)];
/// The fewest customers with a validation purchase for a choice to be made.
pub const MIN_VALIDATION: usize = 20;

/// One setting's validation score.
#[derive(Clone, Debug, PartialEq)]
pub struct Trial {
    pub model: ModelKind,
    /// The setting in words, e.g. "25 neighbours" or "32 factors, λ 0.1".
    pub setting: String,
    pub ndcg: f64,
}

/// The chosen settings and every trial.
#[derive(Clone, Debug, PartialEq)]
pub struct Validation {
    pub item_neighbours: usize,
    pub als_factors: usize,
    pub als_regularization: f32,
    /// Customers with a validation purchase.
    pub customers: usize,
    pub k: usize,
    /// In grid order: item-kNN first, then ALS.
    pub trials: Vec<Trial>,
}

impl Validation {
    /// `params` with the chosen settings.
    pub fn apply(&self, params: &ModelParams) -> ModelParams {
        let mut out = params.clone();
        out.item_neighbours = self.item_neighbours;
        out.als.factors = self.als_factors;
        out.als.regularization = self.als_regularization;
        out
    }

    /// The choice in words, for the report card and the fit, in the current
    /// language (the command line keeps English).
    pub fn summary(&self) -> String {
        let tried = |kind: ModelKind| self.trials.iter().any(|t| t.model == kind);
        let mut parts = Vec::new();
        if tried(ModelKind::ItemKnn) {
            let setting = neighbours_setting(self.item_neighbours);
            parts.push(tr!("recommend-validation-item-knn", setting = setting));
        }
        if tried(ModelKind::Als) {
            let setting = als_setting(self.als_factors, self.als_regularization);
            parts.push(tr!("recommend-validation-als", setting = setting));
        }
        let mut parts = parts.into_iter();
        let first = parts.next().unwrap_or_default();
        let settings = parts.fold(first, |settings, next| {
            tr!(
                "recommend-validation-join",
                settings = settings,
                next = next
            )
        });
        tr!(
            "recommend-validation-summary",
            settings = settings,
            k = self.k.to_string(),
            customers = self.customers.to_string()
        )
    }
}

/// An item-kNN setting in words: "25 neighbours".
fn neighbours_setting(neighbours: usize) -> String {
    tr!(
        "recommend-setting-neighbours",
        neighbours = neighbours.to_string()
    )
}

/// An ALS setting in words: "32 factors, λ 0.1".
fn als_setting(factors: usize, regularization: f32) -> String {
    tr!(
        "recommend-setting-als",
        factors = factors.to_string(),
        lambda = regularization.to_string()
    )
}

/// The settings to fit `kind` with on all of `interactions`: `base`, or with
/// `validate` the ones chosen by validation on every customer's last purchase,
/// with the validation's outcome (None when not asked or nothing to choose).
pub fn settings_for_fit(
    interactions: &Interactions,
    base: ModelParams,
    kind: ModelKind,
    validate: bool,
    k: usize,
    exclude_seen: bool,
    progress: &Progress,
) -> Result<(ModelParams, Option<Result<Validation, String>>), AnalysisError> {
    if !validate || !tunable(&[kind]) {
        return Ok((base, None));
    }
    progress.set_message(tr!("recommend-progress-choosing"));
    let validation = choose_by_validation(
        interactions,
        &interactions.events,
        &base,
        &[kind],
        k,
        exclude_seen,
        progress,
    )?;
    let params = match &validation {
        Ok(chosen) => chosen.apply(&base),
        Err(_) => base,
    };
    Ok((params, Some(validation)))
}

/// True when one of `kinds` has a setting validation chooses.
pub fn tunable(kinds: &[ModelKind]) -> bool {
    kinds
        .iter()
        .any(|k| matches!(k, ModelKind::ItemKnn | ModelKind::Blend | ModelKind::Als))
}

/// Chooses the settings of `kinds` on `events` (some of `interactions`' events;
/// see the module contract). `Err(why)` when nothing could be chosen.
pub fn choose_by_validation(
    interactions: &Interactions,
    events: &[Event],
    base: &ModelParams,
    kinds: &[ModelKind],
    k: usize,
    exclude_seen: bool,
    progress: &Progress,
) -> Result<Result<Validation, String>, AnalysisError> {
    if !tunable(kinds) {
        return Ok(Err(tr!("recommend-validation-nothing-to-choose")));
    }
    let items = &interactions.items;
    let mut sub = Interactions::from_parts(
        vec![String::new(); interactions.customers.len()],
        items.clone(),
        0,
        events.to_vec(),
    );
    sub.feedback = interactions.feedback;
    let inner = split_events(&sub, Split::LeaveLastOut);
    let train = sub.matrix(&inner.train);
    let mut rows = Vec::new();
    let mut truth = Vec::new();
    for (u, held) in &inner.test {
        let seen: BTreeSet<u32> = train.row(*u).0.iter().copied().collect();
        let held: Vec<u32> = held
            .iter()
            .copied()
            .filter(|i| !exclude_seen || !seen.contains(i))
            .collect();
        if !held.is_empty() {
            rows.push(*u);
            truth.push(held);
        }
    }
    if rows.len() < MIN_VALIDATION {
        return Ok(Err(tr!(
            "recommend-validation-too-few",
            min = MIN_VALIDATION.to_string()
        )));
    }
    let score = |kind: ModelKind, params: &ModelParams| -> Result<f64, AnalysisError> {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        let model = fit(kind, train.clone(), items, params, progress)?;
        let lists: Vec<Vec<u32>> = model
            .recommend_for(&rows, k, exclude_seen, progress)?
            .into_iter()
            .map(|l| l.into_iter().map(|r| r.item).collect())
            .collect();
        Ok(metrics_at_k(&lists, &truth, k, items.len()).ndcg)
    };
    let mut trials = Vec::new();
    let wanted = |kind: ModelKind| kinds.contains(&kind);
    let item_grid: &[usize] = if wanted(ModelKind::ItemKnn) || wanted(ModelKind::Blend) {
        &ITEM_GRID
    } else {
        &[]
    };
    let mut best_item = (f64::NEG_INFINITY, base.item_neighbours);
    for &neighbours in item_grid {
        progress.set_message(tr!(
            "recommend-progress-validating-item-knn",
            setting = neighbours_setting(neighbours)
        ));
        let params = ModelParams {
            item_neighbours: neighbours,
            ..base.clone()
        };
        let ndcg = score(ModelKind::ItemKnn, &params)?;
        if ndcg > best_item.0 {
            best_item = (ndcg, neighbours);
        }
        trials.push(Trial {
            model: ModelKind::ItemKnn,
            setting: neighbours_setting(neighbours),
            ndcg,
        });
    }
    let mut best_als = (f64::NEG_INFINITY, base.als.factors, base.als.regularization);
    let als_grid: &[(usize, f32)] = if wanted(ModelKind::Als) {
        &ALS_GRID
    } else {
        &[]
    };
    for &(factors, regularization) in als_grid {
        progress.set_message(tr!(
            "recommend-progress-validating-als",
            setting = als_setting(factors, regularization)
        ));
        let mut params = base.clone();
        params.als.factors = factors;
        params.als.regularization = regularization;
        let ndcg = score(ModelKind::Als, &params)?;
        if ndcg > best_als.0 {
            best_als = (ndcg, factors, regularization);
        }
        trials.push(Trial {
            model: ModelKind::Als,
            setting: als_setting(factors, regularization),
            ndcg,
        });
    }
    Ok(Ok(Validation {
        item_neighbours: best_item.1,
        als_factors: best_als.1,
        als_regularization: best_als.2,
        customers: rows.len(),
        k,
        trials,
    }))
}

//! Settings chosen by validation: the item-kNN neighbour count and the ALS
//! factors and regularisation that predict best on a validation split carved
//! from the training purchases only.
//!
//! Contract:
//! - Only the events passed in are used. The report card passes its training
//!   part, so the held-out test purchases cannot influence the choice.
//! - A leave-last-out split of those events (each customer's last purchase by
//!   time, then item) is the validation set; every setting of [`ITEM_GRID`] and
//!   [`ALS_GRID`] is fitted on the rest and scored by NDCG at K (already-bought
//!   items excluded or not, as asked). The other ALS settings stay as given.
//! - The best setting has the highest NDCG; ties go to the earlier grid entry
//!   (the smaller, cheaper one).
//! - With fewer than [`MIN_VALIDATION`] customers to validate on, nothing is
//!   chosen (`None`): the given settings stay.

use std::collections::BTreeSet;

use super::evaluate::{Split, metrics_at_k, split_events};
use super::interactions::{Event, Feedback, Interactions, ItemInfo};
use super::models::{ModelKind, ModelParams, fit};
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;

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

    /// The choice in words, for the report card.
    pub fn summary(&self) -> String {
        format!(
            "item-kNN {} neighbours; ALS {} factors, λ {} (NDCG@{} on each customer's last training purchase, {} customers)",
            self.item_neighbours, self.als_factors, self.als_regularization, self.k, self.customers
        )
    }
}

/// Chooses the settings on `events` (purchases of `customers` customers over
/// `items`; see the module contract). None when too few customers validate.
pub fn choose_by_validation(
    items: &[ItemInfo],
    customers: usize,
    events: &[Event],
    base: &ModelParams,
    k: usize,
    exclude_seen: bool,
    progress: &Progress,
) -> Result<Option<Validation>, AnalysisError> {
    let mut sub = Interactions::from_parts(
        vec![String::new(); customers],
        items.to_vec(),
        0,
        events.to_vec(),
    );
    if base.explicit {
        sub.feedback = Feedback::Ratings;
    }
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
        return Ok(None);
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
    let mut best_item = (f64::NEG_INFINITY, base.item_neighbours);
    for neighbours in ITEM_GRID {
        progress.set_message(format!("validating item-kNN, {neighbours} neighbours"));
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
            setting: format!("{neighbours} neighbours"),
            ndcg,
        });
    }
    let mut best_als = (f64::NEG_INFINITY, base.als.factors, base.als.regularization);
    for (factors, regularization) in ALS_GRID {
        progress.set_message(format!(
            "validating ALS, {factors} factors, λ {regularization}"
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
            setting: format!("{factors} factors, λ {regularization}"),
            ndcg,
        });
    }
    Ok(Some(Validation {
        item_neighbours: best_item.1,
        als_factors: best_als.1,
        als_regularization: best_als.2,
        customers: rows.len(),
        k,
        trials,
    }))
}

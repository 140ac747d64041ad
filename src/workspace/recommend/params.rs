//! The Recommendations tab's settings ([`RecommendParams`]): what the
//! operator chose, checked, saved in projects and turned into the models'
//! settings, with the fit that uses them.

use std::sync::Arc;

use crate::analysis::recommend::sasrec::saved::SavedSasrec;
use crate::analysis::recommend::validate::{Validation, settings_for_fit};
use crate::analysis::recommend::{
    AlsParams, BlendWeights, Interactions, Model, ModelKind, ModelParams, RepeatParams,
    SasrecParams, fit,
};
use crate::jobs::Progress;
use crate::tr;
use serde::{Deserialize, Serialize};

use crate::workspace::settings::{SettingsError, model_kind_name};

/// What the operator chose for a fit: the Recommendations tab's settings, the
/// `recommend`/`evaluate` commands' (`From<&RecommendArgs>`) and a project's
/// (serde; a missing field takes its default).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecommendParams {
    #[serde(with = "model_kind_name")]
    pub model: ModelKind,
    /// Neighbours per item (item-kNN, blend) and per customer (user-kNN).
    pub neighbours: usize,
    /// ALS factors per customer and item.
    pub factors: usize,
    /// ALS iterations.
    pub iterations: usize,
    /// ALS confidence weight α (confidence = 1 + α·orders).
    pub alpha: f32,
    /// ALS regularisation λ.
    pub regularization: f32,
    /// Weight of the customer's own history in the blend (0..=1).
    pub history_weight: f32,
    /// Weight of the timed repeat buys in the blend (0..=1).
    pub repeat_weight: f32,
    /// Weight of item-kNN in the blend (0..=1). A project saved before this
    /// setting existed mixed item-kNN at `1 - history_weight`, and reads so.
    pub item_knn_weight: f32,
    /// Repeat model: baskets per group.
    pub repeat_group_size: usize,
    /// Repeat model: weight of a basket relative to the next in its group (0..=1).
    pub repeat_basket_decay: f32,
    /// Repeat model: weight of a group relative to the next (0..=1).
    pub repeat_group_decay: f32,
    /// Repeat model: weight of the similar customers' items (0 = own items only).
    pub repeat_alpha: f32,
    /// Leave out items the customer already bought.
    pub exclude_seen: bool,
    /// Items per customer.
    pub top: usize,
    /// Choose item-kNN neighbours and ALS factors/λ on a validation split (each
    /// customer's last purchase) instead of the typed values.
    pub validate: bool,
    /// SASRec: wall-clock seconds its training may take at most.
    pub sasrec_budget_secs: usize,
    /// SASRec: passes over the training sequences at most (early stopping may
    /// end sooner).
    pub sasrec_epochs: usize,
}

impl Default for RecommendParams {
    fn default() -> Self {
        let model = ModelParams::default();
        RecommendParams {
            model: ModelKind::ItemKnn,
            neighbours: model.item_neighbours,
            factors: model.als.factors,
            iterations: model.als.iterations,
            alpha: model.als.alpha,
            regularization: model.als.regularization,
            history_weight: model.blend.history,
            repeat_weight: model.blend.repeat,
            item_knn_weight: model.blend.item_knn,
            repeat_group_size: model.repeat.group_size,
            repeat_basket_decay: model.repeat.basket_decay,
            repeat_group_decay: model.repeat.group_decay,
            repeat_alpha: model.repeat.alpha,
            exclude_seen: true,
            top: 10,
            validate: true,
            sasrec_budget_secs: model.sasrec.budget_secs as usize,
            sasrec_epochs: model.sasrec.epochs,
        }
    }
}

impl RecommendParams {
    /// Checks the settings before any work: counts of at least 1, blend
    /// weights and decays in 0..=1 (one blend weight above 0), a positive α and
    /// a λ and neighbour weight of at least 0.
    pub fn check(&self) -> Result<(), SettingsError> {
        let counts = [
            ("neighbours", self.neighbours),
            ("factors", self.factors),
            ("iterations", self.iterations),
            ("top", self.top),
            ("repeat_group_size", self.repeat_group_size),
            ("sasrec_budget_secs", self.sasrec_budget_secs),
            ("sasrec_epochs", self.sasrec_epochs),
        ];
        if let Some((field, value)) = counts.into_iter().find(|(_, v)| *v == 0) {
            let why = tr!("workspace-setting-at-least-one");
            return Err(SettingsError::invalid(field, value, why));
        }
        let fractions = [
            ("history_weight", self.history_weight),
            ("repeat_weight", self.repeat_weight),
            ("item_knn_weight", self.item_knn_weight),
            ("repeat_basket_decay", self.repeat_basket_decay),
            ("repeat_group_decay", self.repeat_group_decay),
        ];
        if let Some((field, value)) = fractions
            .into_iter()
            .find(|(_, v)| !(0.0..=1.0).contains(v))
        {
            let why = tr!("workspace-setting-between-0-1");
            return Err(SettingsError::invalid(field, value, why));
        }
        if self.model == ModelKind::Blend && !self.model_params().blend.is_valid() {
            let why = tr!("workspace-setting-blend-all-zero");
            return Err(SettingsError::invalid(
                "history_weight",
                self.history_weight,
                why,
            ));
        }
        if !(self.repeat_alpha >= 0.0 && self.repeat_alpha.is_finite()) {
            let why = tr!("workspace-setting-0-or-more");
            return Err(SettingsError::invalid(
                "repeat_alpha",
                self.repeat_alpha,
                why,
            ));
        }
        if !(self.alpha > 0.0 && self.alpha.is_finite()) {
            let why = tr!("workspace-setting-above-0");
            return Err(SettingsError::invalid("alpha", self.alpha, why));
        }
        if !(self.regularization >= 0.0 && self.regularization.is_finite()) {
            let why = tr!("workspace-setting-0-or-more");
            return Err(SettingsError::invalid(
                "regularization",
                self.regularization,
                why,
            ));
        }
        Ok(())
    }

    /// The settings as a project stores them (every field by name).
    pub fn to_settings(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// Settings written by [`Self::to_settings`] (missing fields take their
    /// defaults, but a blend saved before item-kNN had its own weight keeps
    /// `1 - history_weight`), checked.
    pub fn from_settings(value: &serde_json::Value) -> Result<RecommendParams, SettingsError> {
        let mut params: RecommendParams = serde_json::from_value(value.clone())?;
        if value.get("item_knn_weight").is_none() {
            params.item_knn_weight = 1.0 - params.history_weight;
        }
        params.check()?;
        Ok(params)
    }

    /// Fits the chosen model on `interactions` (explicit ratings or purchase
    /// counts, as they are), with each customer's segment (by customer index) for
    /// popularity when given, after choosing its settings by validation when asked.
    /// A `saved` SASRec trained with these settings on the same sequences
    /// stands in for training one.
    pub fn fit(
        &self,
        interactions: &Interactions,
        segments: Option<Vec<Option<u32>>>,
        saved: Option<Arc<SavedSasrec>>,
        progress: &Progress,
    ) -> anyhow::Result<(Model, Option<Result<Validation, String>>)> {
        self.check()?;
        let base = ModelParams {
            segments,
            sasrec_saved: saved,
            explicit: interactions.is_explicit(),
            ..self.model_params()
        };
        let (params, validation) = settings_for_fit(
            interactions,
            base,
            self.model,
            self.validate,
            self.top,
            self.exclude_seen,
            progress,
        )?;
        progress.check()?;
        progress.set_message(tr!(
            "workspace-fitting-model",
            model = self.model.to_string()
        ));
        let train = interactions.matrix(&interactions.events);
        let model = fit(
            self.model,
            train,
            &interactions.events,
            &interactions.items,
            &params,
            progress,
        )?;
        Ok((model, validation))
    }

    /// The analysis settings of every model from these choices: the one place
    /// `ModelParams` is built from the operator's settings.
    pub fn model_params(&self) -> ModelParams {
        ModelParams {
            item_neighbours: self.neighbours,
            user_neighbours: self.neighbours,
            als: AlsParams {
                factors: self.factors,
                iterations: self.iterations,
                alpha: self.alpha,
                regularization: self.regularization,
                ..AlsParams::default()
            },
            // Typed (validation off); validation chooses these itself.
            blend: BlendWeights {
                repeat: self.repeat_weight,
                history: self.history_weight,
                item_knn: self.item_knn_weight,
            },
            repeat: RepeatParams {
                group_size: self.repeat_group_size,
                basket_decay: self.repeat_basket_decay,
                group_decay: self.repeat_group_decay,
                neighbours: self.neighbours,
                alpha: self.repeat_alpha,
            },
            // With validation on, SASRec chooses its size, depth, dropout
            // and window by validation within its budget.
            sasrec: SasrecParams {
                budget_secs: self.sasrec_budget_secs as f64,
                epochs: self.sasrec_epochs,
                search: self.validate,
                ..SasrecParams::default()
            },
            ..ModelParams::default()
        }
    }
}

//! The Recommendations tab's settings ([`RecommendParams`]): what the
//! operator chose, checked, saved in projects and turned into the models'
//! settings, with the fit that uses them.

use crate::analysis::recommend::validate::{Validation, settings_for_fit};
use crate::analysis::recommend::{
    AlsParams, BlendWeights, Interactions, Model, ModelKind, ModelParams, SasrecParams, fit,
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
            exclude_seen: true,
            top: 10,
            validate: true,
            sasrec_budget_secs: model.sasrec.budget_secs as usize,
            sasrec_epochs: model.sasrec.epochs,
        }
    }
}

impl RecommendParams {
    /// Checks the settings before any work: counts of at least 1, a history
    /// weight in 0..=1, a positive α and a λ of at least 0.
    pub fn check(&self) -> Result<(), SettingsError> {
        let counts = [
            ("neighbours", self.neighbours),
            ("factors", self.factors),
            ("iterations", self.iterations),
            ("top", self.top),
            ("sasrec_budget_secs", self.sasrec_budget_secs),
            ("sasrec_epochs", self.sasrec_epochs),
        ];
        if let Some((field, value)) = counts.into_iter().find(|(_, v)| *v == 0) {
            let why = tr!("workspace-setting-at-least-one");
            return Err(SettingsError::invalid(field, value, why));
        }
        if !(0.0..=1.0).contains(&self.history_weight) {
            let why = tr!("workspace-setting-between-0-1");
            return Err(SettingsError::invalid(
                "history_weight",
                self.history_weight,
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
    /// defaults), checked.
    pub fn from_settings(value: &serde_json::Value) -> Result<RecommendParams, SettingsError> {
        let params: RecommendParams = serde_json::from_value(value.clone())?;
        params.check()?;
        Ok(params)
    }

    /// Fits the chosen model on `interactions` (explicit ratings or purchase
    /// counts, as they are), with each customer's segment (by customer index) for
    /// popularity when given, after choosing its settings by validation when asked.
    pub fn fit(
        &self,
        interactions: &Interactions,
        segments: Option<Vec<Option<u32>>>,
        progress: &Progress,
    ) -> anyhow::Result<(Model, Option<Result<Validation, String>>)> {
        self.check()?;
        let base = ModelParams {
            segments,
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
            // The typed blend (validation off) mixes history and item-kNN as
            // before the repeat part existed; validation chooses all three.
            blend: BlendWeights {
                repeat: 0.0,
                history: self.history_weight,
                item_knn: 1.0 - self.history_weight,
            },
            sasrec: SasrecParams {
                budget_secs: self.sasrec_budget_secs as f64,
                epochs: self.sasrec_epochs,
                ..SasrecParams::default()
            },
            ..ModelParams::default()
        }
    }
}

//! Gradient-boosted trees for propensity, from the `perpetual` crate.
//!
//! Contract:
//! - Log loss on the features in original units (trees split on order, so no
//!   scaling), perpetual's `budget` ([`BUDGET`]) as its one complexity setting,
//!   its class reweighting off so the probabilities stay the buy rate a
//!   customer's risk bucket reads.
//! - Above [`super::models::MAX_FIT_ROWS`] training rows it is fitted on the same
//!   seeded sample as the logistic regression and the single tree.
//! - Deterministic for a fixed seed: perpetual's own seed is the model seed.
//! - Importance = total split gain per feature, as a share of the total (0 for a
//!   feature no tree splits on).
//! - Cancelling is checked before and after the fit (perpetual has no hook), by
//!   [`super::models::fit`].

use ndarray::Array2;
use perpetual::Matrix;
use perpetual::PerpetualBooster;
use perpetual::booster::config::ImportanceMethod;
use perpetual::objective::Objective;

/// Perpetual's complexity budget: its documented default range is 0.5–1.5; 0.5
/// already stops early on our customer features and keeps the fit quick.
pub const BUDGET: f32 = 0.5;

/// A fitted boosted model.
#[derive(Clone)]
pub struct Boosted {
    booster: PerpetualBooster,
}

impl std::fmt::Debug for Boosted {
    // The booster has no Debug of its own; its trees would be too long to print.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Boosted")
            .field("trees", &self.booster.get_prediction_trees().len())
            .finish()
    }
}

/// `raw` as one column-major buffer, perpetual's layout.
fn column_major(raw: &Array2<f64>) -> Vec<f64> {
    raw.t().iter().copied().collect()
}

/// Fits on `raw` (original units) and `labels`; the error is the crate's words.
pub fn fit(raw: &Array2<f64>, labels: &[bool], seed: u64) -> Result<Boosted, String> {
    let buffer = column_major(raw);
    let matrix = Matrix::new(&buffer, raw.nrows(), raw.ncols());
    let y: Vec<f64> = labels.iter().map(|&l| f64::from(u8::from(l))).collect();
    let mut booster = PerpetualBooster::default()
        .set_objective(Objective::LogLoss)
        .set_budget(BUDGET)
        .set_seed(seed);
    booster.cfg.auto_class_weights = false;
    booster
        .fit(&matrix, &y, None, None)
        .map_err(|e| e.to_string())?;
    Ok(Boosted { booster })
}

impl Boosted {
    /// The probability of buying for every row of `raw`.
    pub fn predict(&self, raw: &Array2<f64>) -> Vec<f64> {
        let buffer = column_major(raw);
        let matrix = Matrix::new(&buffer, raw.nrows(), raw.ncols());
        self.booster.predict_proba(&matrix, true, false)
    }

    /// Share of the total split gain per feature.
    pub fn importance(&self, features: usize) -> Vec<f64> {
        let gains = self
            .booster
            .calculate_feature_importance(ImportanceMethod::TotalGain, true);
        (0..features)
            .map(|f| gains.get(&f).map_or(0.0, |&g| f64::from(g)))
            .map(|g| if g.is_finite() { g } else { 0.0 })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use super::super::metrics::auc;
    use super::super::models::{ModelKind, ModelParams, fit as fit_model};
    use super::*;
    use crate::jobs::Progress;

    /// Customers with features a, b (uniform 0–100) and c (noise) who buy again
    /// when a is high and b low, or a low and b high (an XOR, 5 % of labels
    /// flipped): no single straight line separates them.
    fn planted_xor(rows: usize, seed: u64) -> (Array2<f64>, Vec<bool>) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let x = Array2::from_shape_fn((rows, 3), |_| rng.random_range(0.0..100.0));
        let y = x
            .rows()
            .into_iter()
            .map(|r| ((r[0] > 50.0) != (r[1] > 50.0)) != rng.random_bool(0.05))
            .collect();
        (x, y)
    }

    #[test]
    fn boosted_trees_recover_an_interaction_logistic_regression_cannot() {
        let (train_x, train_y) = planted_xor(4_000, 1);
        let (test_x, test_y) = planted_xor(4_000, 2);
        let names: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let params = ModelParams::default();
        let progress = Progress::detached();
        let score = |kind| {
            let model =
                fit_model(kind, &train_x, &train_y, &names, &params, &progress).expect("fit");
            (model.predict(&test_x), model.importance(names.len()))
        };
        let (boosted, importance) = score(ModelKind::Boosted);
        let (linear, _) = score(ModelKind::LogReg);
        let boosted_auc = auc(&boosted, &test_y).expect("auc");
        let linear_auc = auc(&linear, &test_y).expect("auc");
        assert!(boosted_auc > 0.9, "boosted AUC {boosted_auc}");
        assert!(linear_auc < 0.7, "logistic AUC {linear_auc}");
        assert!(boosted.iter().all(|p| (0.0..=1.0).contains(p)));
        // The planted features carry the gain; the noise column little of it.
        assert!(
            importance[0] > 3.0 * importance[2] && importance[1] > 3.0 * importance[2],
            "{importance:?}"
        );
        // Same seed, same model.
        let (again, _) = score(ModelKind::Boosted);
        assert_eq!(again, boosted);
    }
}

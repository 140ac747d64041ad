//! The Campaigns tab's views, one file per view, and what they share: the
//! campaign being edited and the saved variants (persisted in `UiState`), the
//! session's view state (typed paths, export choices) kept in egui memory, and
//! the [`Action`]s views push. Views only draw results computed by the
//! workspace's Campaigns jobs; the what-if ROI is arithmetic, drawn at once.

pub mod builder_view;
pub mod curve_view;
pub mod dialog;
pub mod exclusions_view;
pub mod export_view;
pub mod figures_view;
pub mod prerequisite;
pub mod preview_view;
pub mod readout_view;
pub mod roi_view;
pub mod sentences;
pub mod variants_view;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::campaign::{
    Audience, CampaignDef, Condition, Readout, RoiInputs, RoiOutcome, roi,
};
use crate::tr;

/// The campaign being edited and the saved variants, kept between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CampaignUiState {
    pub draft: CampaignDef,
    /// Take the baseline (buy-anyway) rate from the audience's mean propensity
    /// when it has one.
    pub rate_from_scores: bool,
    /// Take the uplift from the last readout's target − control difference when
    /// there is one.
    pub uplift_from_readout: bool,
    /// Take the order value from the audience's own history.
    pub aov_from_history: bool,
    /// The score the ROI curve cuts the list by.
    pub curve_column: String,
    pub variants: Vec<Variant>,
}

impl Default for CampaignUiState {
    fn default() -> Self {
        CampaignUiState {
            draft: CampaignDef::new("Campaign", Condition::All { of: Vec::new() }),
            rate_from_scores: true,
            uplift_from_readout: true,
            aov_from_history: true,
            curve_column: "propensity".into(),
            variants: Vec::new(),
        }
    }
}

impl CampaignUiState {
    /// The ROI inputs in use for `audience`: the typed ones, with the baseline
    /// and the order value taken from the audience and the uplift from the
    /// `readout`, each when chosen and known.
    pub fn inputs(&self, audience: &Audience, readout: Option<&Readout>) -> RoiInputs {
        let mut inputs = self.draft.roi.clone();
        if let Some(rate) = self.scored_baseline(audience) {
            inputs.baseline_rate = rate;
        }
        if let Some(uplift) = self.measured_uplift(readout) {
            inputs.uplift_rate = uplift;
        }
        if self.aov_from_history
            && let Some(aov) = audience.history_aov
        {
            inputs.avg_order_value = aov;
        }
        inputs
    }

    /// The expected outcome of contacting the audience's targets: the one the
    /// header, the ROI panel and the variants all show.
    pub fn outcome(&self, audience: &Audience, readout: Option<&Readout>) -> RoiOutcome {
        roi(&self.inputs(audience, readout), audience.targets)
    }

    /// The audience's mean propensity, when it is chosen as the baseline.
    pub fn scored_baseline(&self, audience: &Audience) -> Option<f64> {
        audience
            .scored_baseline_rate
            .filter(|_| self.rate_from_scores)
    }

    /// The readout's target − control response difference, when chosen as the uplift.
    pub fn measured_uplift(&self, readout: Option<&Readout>) -> Option<f64> {
        readout
            .map(|r| r.response_difference.estimate)
            .filter(|u| self.uplift_from_readout && u.is_finite())
    }
}

/// A saved campaign variant with its figures at the time it was saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub def: CampaignDef,
    pub rate_from_scores: bool,
    pub aov_from_history: bool,
    pub size: usize,
    pub targets: usize,
    /// Targets expected to buy anyway (0 in variants saved before it was kept).
    #[serde(default)]
    pub baseline_buyers: f64,
    /// Targets expected to buy because of the campaign.
    #[serde(default)]
    pub incremental_responders: f64,
    pub cost: f64,
    pub profit: f64,
    pub roi: Option<f64>,
}

/// The session's view settings, kept in egui memory.
#[derive(Clone, Debug)]
pub struct ViewState {
    /// When the definition last changed (egui time), for the debounce.
    pub changed_at: f64,
    pub opt_out_path: String,
    pub contacted_path: String,
    pub export_path: String,
    /// The file name last suggested: while the path is that, it follows the
    /// campaign's name and format.
    pub export_default: String,
    /// Index into `export_view::FORMATS`.
    pub format: usize,
    pub country_code: String,
    pub readout_path: String,
    /// The list exported earlier whose groups the readout compares (empty: the
    /// audience shown).
    pub readout_sent: String,
    pub readout_from: String,
    pub readout_to: String,
    pub variant_name: String,
    /// A file dialog could not be shown: say to type the path.
    pub no_dialog: bool,
    /// Dates of Bought rows as typed, by (row, is_end).
    pub dates: BTreeMap<(usize, bool), String>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            changed_at: f64::NEG_INFINITY,
            opt_out_path: String::new(),
            contacted_path: String::new(),
            export_path: String::new(),
            export_default: String::new(),
            format: 0,
            country_code: "86".into(),
            readout_path: String::new(),
            readout_sent: String::new(),
            readout_from: String::new(),
            readout_to: String::new(),
            variant_name: String::new(),
            no_dialog: false,
            dates: BTreeMap::new(),
        }
    }
}

use crate::ui::format;
pub use crate::ui::format::percent;

/// A score column as the window names it (its column name in English, as the
/// export and the preview write it; in words in Chinese).
pub fn score_label(column: &str) -> String {
    match column {
        "propensity" => tr!("campaigns-score-propensity"),
        "clv" => tr!("campaigns-score-clv"),
        "predicted_purchases" => tr!("campaigns-score-predicted-purchases"),
        "p_alive" => tr!("campaigns-score-p-alive"),
        "monetary" => tr!("campaigns-score-monetary"),
        "frequency" => tr!("campaigns-score-frequency"),
        "recency_days" => tr!("campaigns-score-recency-days"),
        "churn_risk" => tr!("campaigns-score-churn-risk"),
        "last_contact_days" => tr!("campaigns-signal-last-contact-days"),
        "contacts_30d" => tr!("campaigns-signal-contacts-30d"),
        "contacts_90d" => tr!("campaigns-signal-contacts-90d"),
        "complained_30d" => tr!("campaigns-signal-complained-30d"),
        "asked_discount_no_buy" => tr!("campaigns-signal-asked-discount-no-buy"),
        "mean_sentiment" => tr!("campaigns-signal-mean-sentiment"),
        other => other.to_string(),
    }
}

/// A share as percentage points: `0.034` → `3.4 pts`.
pub fn points(share: f64) -> String {
    tr!("campaigns-points", value = format::number(share * 100.0, 1))
}

/// A difference as signed percentage points: `0.034` → `+3.4 pts` (zero unsigned).
pub fn signed_points(share: f64) -> String {
    let value = format::number(share * 100.0, 1);
    let value = match share > 0.0 && value != "0.0" {
        true => format!("+{value}"),
        false => value,
    };
    tr!("campaigns-points", value = value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persisted_state_survives_a_round_trip_and_old_saves_take_defaults() {
        let mut state = CampaignUiState::default();
        state.draft.control_share = 0.25;
        state.curve_column = "clv".into();
        let text = serde_json::to_string(&state).expect("save");
        let back: CampaignUiState = serde_json::from_str(&text).expect("load");
        assert_eq!(back, state);
        let old: CampaignUiState = serde_json::from_str("{}").expect("old");
        assert_eq!(old, CampaignUiState::default());
    }

    #[test]
    fn points_are_signed_only_when_asked_and_never_minus_zero() {
        assert_eq!(points(0.034), "3.4 pts");
        assert_eq!(signed_points(0.034), "+3.4 pts");
        assert_eq!(signed_points(-0.034), "-3.4 pts");
        assert_eq!(signed_points(0.0001), "0.0 pts");
        assert_eq!(signed_points(-0.0001), "0.0 pts");
    }
}

//! The Value tab's views, one file per view, and what they share: the panel's
//! view state (the settings being edited, table sort, export path) kept in egui
//! memory and a colour per model. Views only draw results computed by the
//! workspace's Value job and send `ValueCommand`s.

pub mod charts;
pub mod clv_view;
pub mod controls_view;
pub mod customers_view;
pub mod holdout_view;
pub mod importance_view;
pub mod meaning;
pub mod model_view;
pub mod needs;
pub mod risk_view;
pub mod roc_view;

use crate::analysis::propensity::ModelKind;
use crate::tr;
use crate::workspace::value::{CustomerRow, ValueParams};

/// Which customer column the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CustomerSort {
    #[default]
    Customer,
    Propensity,
    ChurnRisk,
    PAlive,
    PredictedPurchases,
    Clv,
    NextOrder,
    /// The customer's segment (shown when segments exist).
    Segment,
}

impl CustomerSort {
    /// The score `self` names of `row`, as a number to sort by (dates as days);
    /// None for the id and segment columns, which are not in the row.
    pub fn score(self, row: &CustomerRow) -> Option<f64> {
        match self {
            CustomerSort::Customer | CustomerSort::Segment => None,
            CustomerSort::Propensity => row.propensity,
            CustomerSort::ChurnRisk => row.churn_risk,
            CustomerSort::PAlive => row.p_alive,
            CustomerSort::PredictedPurchases => row.predicted_purchases,
            CustomerSort::Clv => row.clv,
            CustomerSort::NextOrder => row
                .next_order_date
                .map(|d| f64::from(chrono::Datelike::num_days_from_ce(&d))),
        }
    }
}

/// A customer's next order as shown: the date, or "none within N days" when the
/// purchase model gave none within its horizon, or "–" without a model.
pub fn next_order_text(row: &CustomerRow, horizon_days: Option<u32>) -> String {
    match (row.next_order_date, row.p_alive, horizon_days) {
        (Some(date), ..) => date.to_string(),
        (None, Some(_), Some(days)) => tr!("value-next-order-none", days = days.to_string()),
        _ => "–".to_string(),
    }
}

/// The panel's view settings, kept in egui memory for the session.
#[derive(Clone, Debug)]
pub struct ViewState {
    pub params: ValueParams,
    /// The cutoff as typed (empty: the default).
    pub cutoff_text: String,
    pub sort: CustomerSort,
    pub descending: bool,
    pub export_path: String,
    /// Show only customers in this churn-risk bucket ("high", "medium", "low").
    pub bucket: Option<&'static str>,
    /// A project's params last adopted as `params` (adopted once each).
    pub adopted: Option<ValueParams>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            params: ValueParams::default(),
            cutoff_text: String::new(),
            sort: CustomerSort::default(),
            descending: false,
            adopted: None,
            export_path: "customer-value.csv".into(),
            bucket: None,
        }
    }
}

/// One colour per model, readable on light and dark backgrounds.
pub fn model_color(kind: ModelKind) -> egui::Color32 {
    match kind {
        ModelKind::LogReg => egui::Color32::from_rgb(60, 130, 220),
        ModelKind::Tree => egui::Color32::from_rgb(230, 120, 40),
        ModelKind::Forest => egui::Color32::from_rgb(70, 170, 90),
        ModelKind::Boosted => egui::Color32::from_rgb(150, 90, 200),
    }
}

/// A probability or rate with three decimals; "–" when missing.
pub fn decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| crate::ui::format::number(v, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_without_a_next_order_in_the_horizon_says_so() {
        let row = |next, p_alive| CustomerRow {
            customer_id: "c".into(),
            propensity: None,
            churn_risk: None,
            p_alive,
            predicted_purchases: None,
            clv: None,
            next_order_date: next,
        };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
        assert_eq!(
            next_order_text(&row(day, Some(0.9)), Some(365)),
            "2026-03-01"
        );
        assert_eq!(
            next_order_text(&row(None, Some(0.2)), Some(365)),
            "none within 365 days"
        );
        // Without a purchase model (the historical estimate) there is no date to give.
        assert_eq!(next_order_text(&row(None, None), Some(365)), "–");
    }
}

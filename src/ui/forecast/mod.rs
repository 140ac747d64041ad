//! The Forecast tab's views, one file per view, and what they share: the panel's
//! view state (selected series, breakdown sort, export path) kept in egui memory,
//! display names and colours. Views only draw results computed by the workspace's
//! Forecast job (scenarios are pure functions of that result) and send
//! `ForecastCommand`s.

pub mod breakdown_view;
pub mod candidates_view;
pub mod chart_view;
pub mod controls_view;
pub mod scenarios_view;

use crate::analysis::forecast::{Freq, Measure, ModelChoice, ModelKind};

/// Which breakdown column the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BreakdownSort {
    #[default]
    Series,
    Growth,
    Mase,
    Total,
}

/// The panel's view settings, kept in egui memory for the session.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// Index of the series shown in the chart.
    pub selected: usize,
    pub sort: BreakdownSort,
    pub descending: bool,
    /// Draw the chosen model's backtest folds over the history.
    pub show_backtest: bool,
    pub export_path: String,
}

/// Colours of the scenario lines, readable on light and dark backgrounds.
const PALETTE: [egui::Color32; 6] = [
    egui::Color32::from_rgb(230, 120, 40),
    egui::Color32::from_rgb(70, 170, 90),
    egui::Color32::from_rgb(170, 90, 200),
    egui::Color32::from_rgb(200, 60, 80),
    egui::Color32::from_rgb(40, 170, 180),
    egui::Color32::from_rgb(150, 120, 60),
];

/// The colour of scenario `i`.
pub fn scenario_color(i: usize) -> egui::Color32 {
    PALETTE[i % PALETTE.len()]
}

/// The measure as the operator reads it.
pub fn measure_label(measure: Measure) -> &'static str {
    match measure {
        Measure::Revenue => "Revenue",
        Measure::Orders => "Orders",
        Measure::Units => "Units",
        Measure::ActiveCustomers => "Active customers",
    }
}

/// The frequency as the operator reads it.
pub fn freq_label(freq: Freq) -> &'static str {
    match freq {
        Freq::Day => "Daily",
        Freq::Week => "Weekly",
        Freq::Month => "Monthly",
    }
}

/// The model choice as the operator reads it (the candidate table uses the
/// model's CLI name, so the two never read alike).
pub fn choice_label(choice: ModelChoice) -> &'static str {
    match choice {
        ModelChoice::Auto => "Auto (best backtest)",
        ModelChoice::Ets => "ETS family",
        ModelChoice::Fixed(kind) => match kind {
            ModelKind::Naive => "Naive only",
            ModelKind::SeasonalNaive => "Seasonal naive only",
            ModelKind::EtsSimple => "Simple exponential smoothing",
            ModelKind::EtsHolt => "Holt (trend)",
            ModelKind::EtsDamped => "Holt, damped trend",
            ModelKind::HoltWintersAdditive => "Holt-Winters additive",
            ModelKind::HoltWintersMultiplicative => "Holt-Winters multiplicative",
            ModelKind::Mstl => "MSTL (several seasons)",
        },
    }
}

/// Every model choice the combo offers, in order.
pub fn choices() -> Vec<ModelChoice> {
    let mut all = vec![ModelChoice::Auto, ModelChoice::Ets];
    all.extend(ModelKind::ALL.iter().map(|&k| ModelChoice::Fixed(k)));
    all
}

/// A figure that may be undefined (NaN) as text.
pub fn figure(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{value:.decimals$}")
    } else {
        "–".into()
    }
}

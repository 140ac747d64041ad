//! The Forecast tab's views, one file per view, and what they share: the panel's
//! view state (selected series, breakdown sort, export path) kept in egui memory,
//! display names, plain meanings and colours. Views only draw results computed by the workspace's
//! Forecast job (scenarios are pure functions of that result) and send
//! `ForecastCommand`s.

pub mod breakdown_view;
pub mod candidates_view;
pub mod chart_view;
pub mod controls_view;
pub mod outlook;
pub mod prerequisite;
pub mod scenarios_view;
pub mod spike;

use crate::analysis::forecast::{Freq, ModelChoice, ModelKind};
use crate::tr;
use crate::ui::format;

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

/// A model as the tables name it: its command-line name in English (the
/// `--model` value and the export's `model` column), in words in Chinese.
pub fn model_label(kind: ModelKind) -> String {
    match kind {
        ModelKind::Naive => tr!("forecast-model-naive"),
        ModelKind::SeasonalNaive => tr!("forecast-model-seasonal-naive"),
        ModelKind::EtsSimple => tr!("forecast-model-ets-simple"),
        ModelKind::EtsHolt => tr!("forecast-model-ets-holt"),
        ModelKind::EtsDamped => tr!("forecast-model-ets-damped"),
        ModelKind::HoltWintersAdditive => tr!("forecast-model-holt-winters-additive"),
        ModelKind::HoltWintersMultiplicative => tr!("forecast-model-holt-winters-multiplicative"),
        ModelKind::Mstl => tr!("forecast-model-mstl"),
        ModelKind::Theta => tr!("forecast-model-theta"),
        ModelKind::Combination => tr!("forecast-model-combination"),
    }
}

/// What a model does, in one plain line (the hover of its name).
pub fn model_meaning(kind: ModelKind) -> String {
    match kind {
        ModelKind::Naive => tr!("forecast-model-naive-meaning"),
        ModelKind::SeasonalNaive => tr!("forecast-model-seasonal-naive-meaning"),
        ModelKind::EtsSimple => tr!("forecast-model-ets-simple-meaning"),
        ModelKind::EtsHolt => tr!("forecast-model-ets-holt-meaning"),
        ModelKind::EtsDamped => tr!("forecast-model-ets-damped-meaning"),
        ModelKind::HoltWintersAdditive => tr!("forecast-model-holt-winters-additive-meaning"),
        ModelKind::HoltWintersMultiplicative => {
            tr!("forecast-model-holt-winters-multiplicative-meaning")
        }
        ModelKind::Mstl => tr!("forecast-model-mstl-meaning"),
        ModelKind::Theta => tr!("forecast-model-theta-meaning"),
        ModelKind::Combination => tr!("forecast-model-combination-meaning"),
    }
}

/// A series as the window names it: the whole shop's series (key "shop" in
/// exports) in the current language, a category or item as it is.
pub fn series_label(name: &str) -> String {
    match name {
        "shop" => tr!("forecast-series-shop"),
        other => other.to_string(),
    }
}

/// The frequency as the operator reads it.
pub fn freq_label(freq: Freq) -> String {
    match freq {
        Freq::Day => tr!("forecast-freq-daily"),
        Freq::Week => tr!("forecast-freq-weekly"),
        Freq::Month => tr!("forecast-freq-monthly"),
    }
}

/// The model choice as the operator reads it (the candidate table uses the
/// model's CLI name, so the two never read alike).
pub fn choice_label(choice: ModelChoice) -> String {
    match choice {
        ModelChoice::Auto => tr!("forecast-choice-auto"),
        ModelChoice::Ets => tr!("forecast-choice-ets"),
        ModelChoice::Fixed(kind) => match kind {
            ModelKind::Naive => tr!("forecast-choice-naive"),
            ModelKind::SeasonalNaive => tr!("forecast-choice-seasonal-naive"),
            ModelKind::EtsSimple => tr!("forecast-choice-ets-simple"),
            ModelKind::EtsHolt => tr!("forecast-choice-ets-holt"),
            ModelKind::EtsDamped => tr!("forecast-choice-ets-damped"),
            ModelKind::HoltWintersAdditive => tr!("forecast-choice-holt-winters-additive"),
            ModelKind::HoltWintersMultiplicative => {
                tr!("forecast-choice-holt-winters-multiplicative")
            }
            ModelKind::Mstl => tr!("forecast-choice-mstl"),
            ModelKind::Theta => tr!("forecast-choice-theta"),
            ModelKind::Combination => tr!("forecast-choice-combination"),
        },
    }
}

/// Every model choice the combo offers, in order.
pub fn choices() -> Vec<ModelChoice> {
    let mut all = vec![ModelChoice::Auto, ModelChoice::Ets];
    all.extend(ModelKind::ALL.iter().map(|&k| ModelChoice::Fixed(k)));
    all
}

/// A figure that may be undefined (NaN) as text, with thousands separators.
pub fn figure(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format::number(value, decimals)
    } else {
        "–".into()
    }
}

/// A change as a signed percent (`0.032` → `+3.2%`, `-0.1` → `-10.0%`), "–"
/// when undefined.
pub fn signed_percent(share: f64) -> String {
    if !share.is_finite() {
        return "–".into();
    }
    let text = format::percent(share);
    match text.starts_with('-') || text == format::percent(0.0) {
        true => text,
        false => format!("+{text}"),
    }
}

//! What drives the scoring model: one horizontal bar per feature, named in words
//! on the axis and on hover, strongest at the top. The regression's weights are
//! signed (green raises the chance to buy, red lowers it); the trees' are shares
//! of their decisions. Each row is tall enough for its name to be drawn: the
//! plot hides tick labels that crowd each other, which is how 26 features once
//! became 26 unnamed bars.

use crate::analysis::propensity::{ModelKind, ModelReport};
use crate::tr;
use crate::ui::bars::{self, Bars};
use crate::ui::format;

use super::charts::importance_axis;
use super::meaning::ranked;

/// Height of one feature's row: above the spacing under which the axis would
/// hide names (`ui::bars`).
const ROW_HEIGHT: f32 = 24.0;

const RAISES: egui::Color32 = egui::Color32::from_rgb(70, 170, 90);
const LOWERS: egui::Color32 = egui::Color32::from_rgb(210, 80, 70);
const SHARE: egui::Color32 = egui::Color32::from_rgb(60, 130, 220);

/// The importance of a feature as its axis tick and hover show it.
pub fn value_text(kind: ModelKind, value: f64) -> String {
    match kind {
        ModelKind::LogReg => format::number(value, 2),
        ModelKind::Tree | ModelKind::Forest | ModelKind::Boosted => format::percent(value),
    }
}

/// The hover of a bar: the feature in words, its importance and what it means.
pub fn hover_text(kind: ModelKind, feature: &str, value: f64) -> String {
    let value_text = value_text(kind, value);
    match kind {
        ModelKind::LogReg if value < 0.0 => {
            tr!(
                "value-importance-hover-lowers",
                feature = feature,
                weight = value_text
            )
        }
        ModelKind::LogReg => {
            tr!(
                "value-importance-hover-raises",
                feature = feature,
                weight = value_text
            )
        }
        ModelKind::Tree | ModelKind::Forest | ModelKind::Boosted => {
            tr!(
                "value-importance-hover-share",
                feature = feature,
                share = value_text
            )
        }
    }
}

pub fn ui(ui: &mut egui::Ui, model: &ModelReport) {
    let features = ranked(&model.importance);
    if features.is_empty() {
        return;
    }
    let kind = model.kind;
    let (names, values): (Vec<String>, Vec<f64>) = features.into_iter().unzip();
    let chart = Bars {
        id: "value_importance",
        names: &names,
        values: &values,
        value_axis: importance_axis(kind),
        name_axis: tr!("value-axis-feature"),
        hover: Box::new(move |name, value| hover_text(kind, name, value)),
        tick: Box::new(move |value| value_text(kind, value)),
        reference: None,
        size: [ui.available_width(), names.len() as f32 * ROW_HEIGHT + 60.0],
    };
    let color = |i: usize| match kind {
        ModelKind::LogReg if values[i] < 0.0 => LOWERS,
        ModelKind::LogReg => RAISES,
        ModelKind::Tree | ModelKind::Forest | ModelKind::Boosted => SHARE,
    };
    bars::ui(ui, chart, color);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_says_its_feature_its_weight_and_which_way_it_pushes() {
        assert_eq!(
            hover_text(ModelKind::LogReg, "Days since last order", -1.234),
            "Days since last order\nweight -1.23: the higher it is, the less likely to buy"
        );
        assert_eq!(
            hover_text(ModelKind::LogReg, "Orders", 0.5),
            "Orders\nweight 0.50: the higher it is, the likelier to buy"
        );
        assert_eq!(
            hover_text(ModelKind::Forest, "Orders", 0.234),
            "Orders\n23.4% of the model's decisions"
        );
    }
}

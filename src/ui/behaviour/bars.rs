//! How the Behaviour tab's bar charts (`ui::bars`) write their figures: counts
//! in whole numbers, money like the tables, each axis titled.

use crate::ui::{bars, format};

/// The colour of every bar: a blue readable on light and dark backgrounds.
const BAR_COLOR: egui::Color32 = egui::Color32::from_rgb(60, 130, 220);

/// What the bars count: sets how hover and the value axis write a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// Customers, orders, users: whole numbers.
    Count,
    Money,
}

impl Figure {
    /// The figure as hover shows it, like the tables.
    fn hover(self) -> fn(f64) -> String {
        match self {
            Figure::Count => |v| format::count(v.max(0.0).round() as usize),
            Figure::Money => format::money,
        }
    }

    /// A tick of the value axis: counts only at whole numbers (a tick at 2.5
    /// customers would repeat "3"), money without cents.
    fn tick(self) -> fn(f64) -> String {
        match self {
            Figure::Count => |v| match v.fract().abs() < 1e-9 && v >= 0.0 {
                true => format::count(v.round() as usize),
                false => String::new(),
            },
            Figure::Money => |v| format::number(v, 0),
        }
    }
}

/// The titles of a bar chart's axes: what the bars stand for (the y axis, where
/// their names are) and what their length measures, with its unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarAxes {
    pub categories: String,
    pub values: String,
}

/// Horizontal bars, one per label, top to bottom, named on the y axis, with
/// titled axes; `figure` writes hover values like the tables and the value axis
/// in whole numbers.
pub fn titled_bars_ui(
    ui: &mut egui::Ui,
    id: &str,
    labels: &[String],
    values: &[f64],
    figure: Figure,
    axes: &BarAxes,
    height: f32,
) {
    let chart = bars::Bars {
        id,
        names: labels,
        values,
        value_axis: axes.values.clone(),
        name_axis: axes.categories.clone(),
        hover: bars::name_over(figure.hover()),
        tick: Box::new(figure.tick()),
        reference: None,
        size: [ui.available_width(), height],
    };
    bars::ui(ui, chart, |_| BAR_COLOR);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_tick_only_at_whole_numbers_and_money_without_cents() {
        let tick = Figure::Count.tick();
        assert_eq!(tick(1500.0), "1,500");
        assert_eq!(tick(2.5), "");
        assert_eq!(Figure::Money.tick()(12_345.67), "12,346");
        assert_eq!(Figure::Money.hover()(12_345.67), format::money(12_345.67));
        assert_eq!(Figure::Count.hover()(7.0), "7");
    }
}

//! What the Value tab's charts share: their axis titles in plain words with
//! units (one function per chart, so the titles are tested where they are
//! built) and the line chart that draws one curve per model with a named
//! reference line, percent or figure ticks, formatted hover values and a
//! legend in the corner the curves leave free.

use egui_plot::{
    Corner, GridInput, GridMark, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoints,
};

use crate::analysis::propensity::{ModelKind, ModelReport};
use crate::tr;
use crate::ui::format;

use super::model_color;

/// Height of the curve charts.
pub const CHART_HEIGHT: f32 = 240.0;

/// A chart's axis titles: `[x, y]`.
pub type Axes = [String; 2];

/// How an axis writes its ticks and hover values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    /// A share from 0 to 1, as a percentage, with a tick every quarter.
    Percent,
    /// A figure with one decimal, with four to eight ticks ([`figure_marks`]).
    Figure,
}

impl Scale {
    pub fn text(self, value: f64) -> String {
        match self {
            Scale::Percent => format::percent(value),
            Scale::Figure => format::number(value, 1),
        }
    }

    /// Where the axis puts its ticks and grid lines.
    pub fn marks(self) -> fn(GridInput) -> Vec<GridMark> {
        match self {
            Scale::Percent => percent_marks,
            Scale::Figure => figure_marks,
        }
    }
}

/// Grid marks for a share axis: a labelled tick every 25% and a faint line every
/// 5% (too close for a label). The plot's own spacer steps by tenths, whose
/// labels it hides on a chart this size, leaving only 0% and 100%.
pub fn percent_marks(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let first = (low / 0.05).ceil() as i64;
    let last = (high / 0.05).floor() as i64;
    (first..=last)
        .map(|i| GridMark {
            value: i as f64 * 0.05,
            step_size: if i % 5 == 0 { 0.25 } else { 0.05 },
        })
        .collect()
}

/// ROC: non-buyers wrongly flagged across, buyers found up.
pub fn roc_axes() -> Axes {
    [tr!("value-roc-x-axis"), tr!("value-roc-y-axis")]
}

/// Cumulative gain: the share of customers contacted, best scores first,
/// against the share of all buyers among them.
pub fn gain_axes() -> Axes {
    [tr!("value-top-share-axis"), tr!("value-gain-y-axis")]
}

/// Lift: the same share of customers against how many times the average buy
/// rate they buy at.
pub fn lift_axes() -> Axes {
    [tr!("value-top-share-axis"), tr!("value-lift-y-axis")]
}

/// Calibration: the predicted chance against the share who bought.
pub fn calibration_axes() -> Axes {
    [
        tr!("value-calibration-x-axis"),
        tr!("value-calibration-y-axis"),
    ]
}

/// Feature importance: what the model's importance is in its own terms (signed
/// weights for the regression, shares of the decisions for the trees).
pub fn importance_axis(kind: ModelKind) -> String {
    match kind {
        ModelKind::LogReg => tr!("value-importance-weight-axis"),
        ModelKind::Tree | ModelKind::Forest | ModelKind::Boosted => {
            tr!("value-importance-share-axis")
        }
    }
}

/// The holdout check: customers grouped by their repeat purchases before
/// `cutoff`, against their purchase days in the `days` after it.
pub fn holdout_axes(cutoff: chrono::NaiveDate, days: u32) -> Axes {
    let cutoff = cutoff.to_string();
    [
        tr!("value-holdout-x-axis", cutoff = cutoff.as_str()),
        tr!("value-holdout-y-axis", days = days.to_string()),
    ]
}

/// One line chart of a curve per model.
pub struct Curves<'a> {
    pub id: &'a str,
    pub width: f32,
    pub axes: Axes,
    /// The dashed line a useless model would draw, with its legend name.
    pub reference: Option<(String, Vec<[f64; 2]>)>,
    /// Where the legend covers no curve.
    pub legend: Corner,
    pub x_scale: Scale,
    pub y_scale: Scale,
}

impl Curves<'_> {
    /// Draws `line(model)` (its legend name and points) for each model, in the
    /// model's colour.
    pub fn ui(
        self,
        ui: &mut egui::Ui,
        models: &[ModelReport],
        line: impl Fn(&ModelReport) -> (String, Vec<[f64; 2]>),
    ) {
        let Curves {
            id,
            width,
            axes: [x_axis, y_axis],
            reference,
            legend,
            x_scale,
            y_scale,
        } = self;
        let hover_axes = (x_axis.clone(), y_axis.clone());
        Plot::new(id)
            .x_grid_spacer(x_scale.marks())
            .y_grid_spacer(y_scale.marks())
            .width(width)
            .height(CHART_HEIGHT)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .include_x(0.0)
            .include_y(0.0)
            .x_axis_label(x_axis)
            .y_axis_label(y_axis)
            .x_axis_formatter(move |mark, _| x_scale.text(mark.value))
            .y_axis_formatter(move |mark, _| y_scale.text(mark.value))
            .label_formatter(move |hover| match hover {
                HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => Some(tr!(
                    "value-chart-hover",
                    series = *plot_name,
                    x_axis = hover_axes.0.as_str(),
                    x = x_scale.text(position.x),
                    y_axis = hover_axes.1.as_str(),
                    y = y_scale.text(position.y)
                )),
                HoverPosition::Elsewhere { .. } => None,
            })
            .legend(Legend::default().position(legend))
            .show(ui, |plot_ui| {
                if let Some((name, points)) = reference {
                    plot_ui.line(
                        Line::new(name, PlotPoints::from(points))
                            .color(egui::Color32::GRAY)
                            .style(LineStyle::dashed_loose()),
                    );
                }
                for model in models {
                    // A repeated point draws a wide smear with some line joins.
                    let (name, mut points) = line(model);
                    points.dedup();
                    plot_ui.line(
                        Line::new(name, PlotPoints::from(points)).color(model_color(model.kind)),
                    );
                }
            });
    }
}

/// Grid marks for a figure axis: a step of 1, 2 or 5 times a power of ten that
/// gives at most eight ticks over the range (the plot's own spacer steps by
/// powers of ten only, so a lift from 0 to 2 showed just 0 and 1).
pub fn figure_marks(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let span = high - low;
    if !(span.is_finite() && span > 0.0) {
        return Vec::new();
    }
    let power = 10f64.powf((span / 8.0).log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| span / step <= 8.0)
        .unwrap_or(10.0 * power);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last)
        .map(|i| GridMark {
            value: i as f64 * step,
            step_size: step,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_axes_get_a_labelled_tick_every_quarter() {
        let marks = percent_marks(GridInput {
            bounds: (-0.02, 1.02),
            base_step_size: 0.01,
        });
        let labelled: Vec<f64> = marks
            .iter()
            .filter(|m| m.step_size == 0.25)
            .map(|m| m.value)
            .collect();
        assert_eq!(labelled, [0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(marks.len(), 21);
        let lift: Vec<f64> = figure_marks(GridInput {
            bounds: (-0.1, 2.05),
            base_step_size: 0.01,
        })
        .iter()
        .map(|m| m.value)
        .collect();
        assert_eq!(lift, [0.0, 0.5, 1.0, 1.5, 2.0]);
        assert_eq!(Scale::Percent.text(0.25), "25.0%");
        assert_eq!(Scale::Figure.text(1.26), "1.3");
    }

    #[test]
    fn every_chart_names_its_axes_in_words_with_units() {
        assert_eq!(
            roc_axes(),
            [
                "False alarm rate: share of non-buyers flagged",
                "Share of buyers found"
            ]
        );
        assert_eq!(
            gain_axes(),
            [
                "Customers contacted, highest scores first",
                "Share of all buyers reached"
            ]
        );
        assert_eq!(lift_axes()[1], "Lift: times the average buy rate");
        assert_eq!(
            calibration_axes(),
            ["Predicted chance to buy", "Share who really bought"]
        );
        assert!(importance_axis(ModelKind::LogReg).starts_with("Weight in the score"));
        assert!(importance_axis(ModelKind::Forest).starts_with("Share of the model's"));
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
        assert_eq!(
            holdout_axes(day, 90),
            [
                "Customers by repeat purchases before 2025-03-01",
                "Purchase days per customer in the 90 days after"
            ]
        );
    }
}

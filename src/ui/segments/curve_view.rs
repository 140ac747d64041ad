//! The elbow (inertia per K) and silhouette per K charts side by side, the chosen
//! K marked by a dashed line. K is ticked at whole numbers only; both axes are
//! titled; each title explains its measure on hover, and hover shows K and the
//! value written like the tables.

use egui_plot::{
    AxisHints, GridMark, HoverPosition, Line, LineStyle, Plot, PlotPoints, Points, VLine,
};

use crate::analysis::segments::KScore;
use crate::tr;
use crate::ui::format;
use crate::ui::glossary::term;

/// Which per-K measure a chart shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    Inertia,
    Silhouette,
}

impl Measure {
    fn of(self, score: &KScore) -> f64 {
        match self {
            Measure::Inertia => score.inertia,
            Measure::Silhouette => score.silhouette,
        }
    }

    /// The chart's title above it, and its meaning on hover.
    fn title(self) -> (String, String) {
        match self {
            Measure::Inertia => (tr!("segments-elbow-title"), tr!("segments-inertia-meaning")),
            Measure::Silhouette => (
                tr!("segments-silhouette-title"),
                tr!("segments-silhouette-meaning"),
            ),
        }
    }

    /// The x and y axis titles.
    pub fn axes(self) -> [String; 2] {
        let y = match self {
            Measure::Inertia => tr!("segments-axis-inertia"),
            Measure::Silhouette => tr!("segments-axis-silhouette"),
        };
        [tr!("segments-axis-k"), y]
    }

    /// A value as the axis and the hover write it: inertia is a sum of squares
    /// (a whole number reads best), the silhouette lies within −1..1.
    pub fn format(self, value: f64) -> String {
        match self {
            Measure::Inertia => format::number(value, 0),
            Measure::Silhouette => format::number(value, 2),
        }
    }
}

/// The K axis marks: one at every K charted, none between.
pub fn k_marks(curve: &[KScore]) -> Vec<GridMark> {
    curve
        .iter()
        .map(|s| GridMark {
            value: s.k as f64,
            step_size: 1.0,
        })
        .collect()
}

/// A K axis tick: the whole number, nothing between whole numbers.
pub fn k_tick(value: f64) -> String {
    match (value - value.round()).abs() < 1e-6 && value >= 0.0 {
        true => format::count(value.round() as usize),
        false => String::new(),
    }
}

pub fn ui(ui: &mut egui::Ui, curve: &[KScore], chosen_k: usize) {
    if curve.len() < 2 {
        ui.weak(tr!("segments-curve-empty"));
        return;
    }
    let width = (ui.available_width() / 2.0 - 8.0).max(200.0);
    ui.horizontal(|ui| {
        for (id, measure) in [
            ("segments_elbow", Measure::Inertia),
            ("segments_silhouette", Measure::Silhouette),
        ] {
            ui.vertical(|ui| {
                let (title, meaning) = measure.title();
                term(ui, title, meaning);
                chart_ui(ui, id, curve, chosen_k, width, measure);
            });
        }
    });
}

fn chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    curve: &[KScore],
    chosen_k: usize,
    width: f32,
    measure: Measure,
) {
    let points: Vec<[f64; 2]> = curve.iter().map(|s| [s.k as f64, measure.of(s)]).collect();
    let marks = k_marks(curve);
    let [x_title, y_title] = measure.axes();
    let chosen = tr!("segments-chosen-k");
    let mut plot = Plot::new(id)
        .width(width)
        .height(220.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        // K marks are a whole number apart: the default hides labels closer
        // than 60 points, which a chart of nine K values is.
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(x_title)
                .formatter(|mark: GridMark, _| k_tick(mark.value))
                .label_spacing(20.0..=30.0),
        ])
        .y_axis_label(y_title)
        .x_grid_spacer(move |_| marks.clone())
        .y_axis_formatter(move |mark: GridMark, _| measure.format(mark.value));
    if measure == Measure::Silhouette {
        // From 0 to past the 0.4 of clear groups, so the curve reads on the
        // measure's own scale rather than zoomed into a few hundredths.
        plot = plot.include_y(0.0).include_y(0.5);
    }
    plot.label_formatter(move |position| match position {
        HoverPosition::NearDataPoint { position, .. } => Some(tr!(
            "segments-curve-hover",
            k = k_tick(position.x.round()),
            value = measure.format(position.y),
        )),
        HoverPosition::Elsewhere { .. } => None,
    })
    .show(ui, |plot_ui| {
        plot_ui.line(Line::new(id, PlotPoints::from(points.clone())));
        plot_ui.points(Points::new(id, PlotPoints::from(points)).radius(3.0));
        plot_ui.vline(VLine::new(chosen, chosen_k as f64).style(LineStyle::dashed_loose()));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_is_ticked_at_whole_numbers_and_both_axes_are_titled() {
        let curve: Vec<KScore> = (2..=10)
            .map(|k| KScore {
                k,
                inertia: 1_000.0 / k as f64,
                silhouette: 0.3,
            })
            .collect();
        let marks: Vec<f64> = k_marks(&curve).iter().map(|m| m.value).collect();
        assert_eq!(marks, (2..=10).map(f64::from).collect::<Vec<_>>());
        assert_eq!(k_tick(4.0), "4");
        assert_eq!(k_tick(4.5), "");
        assert_eq!(
            Measure::Inertia.axes(),
            [
                "K (number of segments)".to_string(),
                "Inertia (spread within segments)".to_string()
            ]
        );
        assert_eq!(Measure::Silhouette.axes()[1], "Silhouette (−1 to 1)");
        assert_eq!(Measure::Inertia.format(12_345.6), "12,346");
        assert_eq!(Measure::Silhouette.format(0.4123), "0.41");
    }
}

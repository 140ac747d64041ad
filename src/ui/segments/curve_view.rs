//! The elbow (inertia per K) and silhouette per K charts side by side, the chosen
//! K marked. Hover shows K and the value.

use egui_plot::{GridMark, HoverPosition, Line, Plot, PlotPoints, Points, VLine};

use crate::analysis::segments::KScore;
use crate::tr;

pub fn ui(ui: &mut egui::Ui, curve: &[KScore], chosen_k: usize) {
    if curve.len() < 2 {
        ui.weak(tr!("segments-curve-empty"));
        return;
    }
    let width = (ui.available_width() / 2.0 - 8.0).max(200.0);
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.strong(tr!("segments-elbow-title"));
            chart_ui(ui, "segments_elbow", curve, chosen_k, width, |s| s.inertia);
        });
        ui.vertical(|ui| {
            ui.strong(tr!("segments-silhouette-title"));
            chart_ui(ui, "segments_silhouette", curve, chosen_k, width, |s| {
                s.silhouette
            });
        });
    });
}

fn chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    curve: &[KScore],
    chosen_k: usize,
    width: f32,
    value: fn(&KScore) -> f64,
) {
    let points: Vec<[f64; 2]> = curve.iter().map(|s| [s.k as f64, value(s)]).collect();
    Plot::new(id)
        .width(width)
        .height(180.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .x_axis_formatter(|mark: GridMark, _| {
            // Whole K only: the default grid may put marks between them.
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                format!("{}", mark.value.round())
            } else {
                String::new()
            }
        })
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint { position, .. } => {
                Some(format!("K = {}\n{:.3}", position.x.round(), position.y))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.line(Line::new(id, PlotPoints::from(points.clone())));
            plot_ui.points(Points::new(id, PlotPoints::from(points)).radius(3.0));
            plot_ui.vline(
                VLine::new("chosen K", chosen_k as f64).style(egui_plot::LineStyle::dashed_loose()),
            );
        });
}

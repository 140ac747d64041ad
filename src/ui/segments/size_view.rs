//! Segment size and revenue side by side: one bar per segment, in its colour and
//! named on the axis, for the number of customers and for the share of revenue.
//! Hover shows the segment's name and the figure.

use crate::tr;
use crate::ui::behaviour::{named_bars_ui, percent};
use crate::ui::format;
use crate::workspace::segments::SegmentsResults;

use super::segment_color;

pub fn ui(ui: &mut egui::Ui, results: &SegmentsResults, names: &[String]) {
    let profiles = &results.segmentation.profiles;
    let sizes: Vec<f64> = profiles.iter().map(|p| p.size as f64).collect();
    let revenue: Option<Vec<f64>> = profiles.iter().map(|p| p.revenue_share).collect();
    let width = (ui.available_width() / 2.0 - 8.0).max(240.0);
    let height = 30.0 * profiles.len() as f32 + 50.0;
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.strong(tr!("segments-customers-per-segment"));
            chart_ui(
                ui,
                "segment_sizes",
                names,
                &sizes,
                |v| format::count(v.round().max(0.0) as usize),
                [width, height],
            );
        });
        ui.vertical(|ui| {
            ui.strong(tr!("segments-revenue-share-per-segment"));
            match &revenue {
                Some(revenue) => chart_ui(
                    ui,
                    "segment_revenue",
                    names,
                    revenue,
                    percent,
                    [width, height],
                ),
                None => {
                    ui.weak(format::needs_money(&tr!("segments-revenue-per-segment")));
                }
            }
        });
    });
}

/// Horizontal bars, segment `i` on row `i` in its colour, named on the y axis.
fn chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    names: &[String],
    values: &[f64],
    format: fn(f64) -> String,
    [width, height]: [f32; 2],
) {
    named_bars_ui(
        ui,
        id,
        names,
        values,
        segment_color,
        format,
        [Some(width), Some(height)],
    );
}

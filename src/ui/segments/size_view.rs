//! Segment size and revenue side by side: one bar per segment, in its colour and
//! named on the axis, for the number of customers and for the share of revenue.
//! Hover shows the segment's name and the figure.

use egui_plot::{Bar, BarChart, GridMark, Plot};

use crate::ui::behaviour::percent;
use crate::ui::format;
use crate::workspace::segments::SegmentsResults;

use super::segment_color;

pub fn ui(ui: &mut egui::Ui, results: &SegmentsResults, names: &[String]) {
    let profiles = &results.segmentation.profiles;
    let sizes: Vec<f64> = profiles.iter().map(|p| p.size as f64).collect();
    let revenue: Vec<f64> = profiles.iter().map(|p| p.revenue_share).collect();
    let width = (ui.available_width() / 2.0 - 8.0).max(240.0);
    let height = 30.0 * profiles.len() as f32 + 50.0;
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.strong("Customers per segment");
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
            ui.strong("Share of revenue per segment");
            chart_ui(
                ui,
                "segment_revenue",
                names,
                &revenue,
                percent,
                [width, height],
            );
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
    let bars: Vec<Bar> = values
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (&value, name))| {
            let color = segment_color(i);
            Bar::new(i as f64, value)
                .name(name)
                .width(0.7)
                .fill(color.gamma_multiply(0.75))
                .stroke(egui::Stroke::new(1.0, color))
        })
        .collect();
    let count = names.len();
    let axis_names = names.to_vec();
    let chart = BarChart::new(id, bars)
        .horizontal()
        .element_formatter(Box::new(move |bar, _| {
            format!("{}\n{}", bar.name, format(bar.value))
        }));
    Plot::new(id)
        .width(width)
        .height(height)
        .invert_y(true)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([true, false])
        .include_x(0.0)
        .y_axis_min_width(120.0)
        .y_grid_spacer(move |_| {
            (0..count)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark: GridMark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            axis_names.get(index as usize).cloned().unwrap_or_default()
        })
        .x_axis_formatter(move |mark: GridMark, _| format(mark.value))
        .label_formatter(|_| None)
        .show(ui, |plot_ui| plot_ui.bar_chart(chart));
}

//! The Behaviour tab's views, one file per analysis, and the small helpers they
//! share (shares as percentages, labelled bar charts, toggles saved in `UiState`).
//! Views only draw results computed by the workspace's Behaviour job.

pub mod cohort_view;
pub mod filter_view;
pub mod funnel_view;
pub mod repeat_view;
pub mod rfm_view;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egui_plot::{Bar, BarChart, GridMark, Plot};

use crate::tr;

/// The colour of every bar: a blue readable on light and dark backgrounds.
const BAR_COLOR: egui::Color32 = egui::Color32::from_rgb(60, 130, 220);

/// `0.1234` → `12.3%`.
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// The Behaviour tab's two-way view choices, by name, saved between runs
/// (`UiState::behaviour_toggles`); true (or absent) is the first choice.
pub type Toggles = BTreeMap<String, bool>;

/// A two-way choice drawn as two selectable labels and saved in `toggles` under
/// `id`. Returns true for `first` (the default).
pub fn toggle_ui(
    ui: &mut egui::Ui,
    toggles: &mut Toggles,
    id: &str,
    first: &str,
    second: &str,
) -> bool {
    let mut first_chosen = toggles.get(id).copied().unwrap_or(true);
    ui.horizontal(|ui| {
        if ui.selectable_label(first_chosen, first).clicked() {
            first_chosen = true;
        }
        if ui.selectable_label(!first_chosen, second).clicked() {
            first_chosen = false;
        }
    });
    if first_chosen {
        // The default is not written, so the saved state stays small.
        toggles.remove(id);
    } else {
        toggles.insert(id.to_owned(), false);
    }
    first_chosen
}

/// Horizontal bars, one per label, top to bottom; hover shows the label and the
/// value written by `format`.
pub fn bar_chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    labels: &[String],
    values: &[f64],
    format: fn(f64) -> String,
    height: f32,
) {
    named_bars_ui(
        ui,
        id,
        labels,
        values,
        |_| BAR_COLOR,
        format,
        [None, Some(height)],
    );
}

/// Horizontal bars, label `i` on row `i` in `color(i)`, named on the y axis;
/// hover shows the label and the value written by `format`. `size` is the plot's
/// width and height (None: the plot's default).
pub fn named_bars_ui(
    ui: &mut egui::Ui,
    id: &str,
    labels: &[String],
    values: &[f64],
    color: impl Fn(usize) -> egui::Color32,
    format: fn(f64) -> String,
    [width, height]: [Option<f32>; 2],
) {
    let bars: Vec<Bar> = values
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (&value, label))| {
            let color = color(i);
            Bar::new(i as f64, value)
                .name(label)
                .width(0.7)
                .fill(color.gamma_multiply(0.75))
                .stroke(egui::Stroke::new(1.0, color))
        })
        .collect();
    let count = labels.len();
    let axis_labels = labels.to_vec();
    let chart = BarChart::new(id, bars)
        .horizontal()
        .element_formatter(Box::new(move |bar, _| {
            format!("{}\n{}", bar.name, format(bar.value))
        }));
    let mut plot = Plot::new(id);
    if let Some(width) = width {
        plot = plot.width(width);
    }
    if let Some(height) = height {
        plot = plot.height(height);
    }
    plot.invert_y(true)
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
            axis_labels.get(index as usize).cloned().unwrap_or_default()
        })
        .x_axis_formatter(move |mark: GridMark, _| format(mark.value))
        .label_formatter(|_| None)
        .show(ui, |plot_ui| plot_ui.bar_chart(chart));
}

/// A section title with a line of explanation under it.
pub fn section_ui(ui: &mut egui::Ui, title: &str, explanation: &str) {
    ui.add_space(10.0);
    ui.separator();
    ui.label(egui::RichText::new(title).heading().size(18.0));
    ui.add(egui::Label::new(egui::RichText::new(explanation).weak()).wrap());
    ui.add_space(4.0);
}

/// An error of one part, in the error colour.
pub fn error_ui(ui: &mut egui::Ui, what: &str, error: &str) {
    let color = ui.visuals().error_fg_color;
    let text = tr!("behaviour-error", what = what, error = error);
    ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
}

/// Empty text: the default date; otherwise YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_read_as_percentages() {
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(percent(1.0), "100.0%");
        assert_eq!(percent(0.0), "0.0%");
    }

    #[test]
    fn analysis_dates_are_read_strictly() {
        assert_eq!(parse_date("  "), Ok(None));
        assert_eq!(
            parse_date(" 2024-06-30 "),
            Ok(NaiveDate::from_ymd_opt(2024, 6, 30))
        );
        assert_eq!(parse_date("30/06/2024"), Err(()));
        assert_eq!(parse_date("2024-02-30"), Err(()));
    }
}

//! The horizontal bar chart every tab uses for named categories (RFM groups,
//! funnel steps, segment sizes and profiles, feature importance): one named bar
//! per row, its name on the y axis, both axes titled, the value axis and the
//! hover written by the caller's `ui::format` function, and an optional
//! reference line (a segment profile's 100 = everyone).

use egui_plot::{AxisHints, Bar, BarChart, GridMark, LineStyle, Plot, VLine};

/// `plot` with its x positions 0, 1, 2, … named by `labels` (months, groups), a
/// grid line and a name every `step` of them; nothing between positions.
pub fn named_x_axis<'a>(plot: Plot<'a>, labels: Vec<String>, step: usize) -> Plot<'a> {
    let count = labels.len();
    let step = step.max(1);
    plot.x_grid_spacer(move |_| {
        (0..count)
            .step_by(step)
            .map(|i| GridMark {
                value: i as f64,
                step_size: step as f64,
            })
            .collect()
    })
    .x_axis_formatter(move |mark, _| {
        let index = mark.value.round();
        if (mark.value - index).abs() > 1e-6 || index < 0.0 {
            return String::new();
        }
        labels.get(index as usize).cloned().unwrap_or_default()
    })
}

/// A bar's hover text from its name and value.
pub type Hover = Box<dyn Fn(&str, f64) -> String>;

/// What one chart shows.
pub struct Bars<'a> {
    pub id: &'a str,
    /// One per bar, top to bottom.
    pub names: &'a [String],
    pub values: &'a [f64],
    /// The value axis title (with its unit) and the category axis title.
    pub value_axis: String,
    pub name_axis: String,
    /// A bar's hover from its name and value ([`name_over`] for the usual one).
    pub hover: Hover,
    /// A tick of the value axis.
    pub tick: Box<dyn Fn(f64) -> String>,
    /// A dashed line at this value, named on hover.
    pub reference: Option<(f64, String)>,
    pub size: [f32; 2],
}

/// The usual hover: the bar's name over its value as `format` writes it.
pub fn name_over(format: fn(f64) -> String) -> Hover {
    Box::new(move |name, value| format!("{name}\n{}", format(value)))
}

/// Draws `bars`, bar `i` in `color(i)`. The name axis is as wide as the
/// longest name and names every bar: the plot hides tick labels closer than
/// its label spacing, which is how 26 features once became 26 unnamed bars, so
/// rows must be at least 18 points tall (callers size the chart for that).
pub fn ui(ui: &mut egui::Ui, bars: Bars<'_>, color: impl Fn(usize) -> egui::Color32) {
    let Bars { hover, tick, .. } = bars;
    let items: Vec<Bar> = bars
        .values
        .iter()
        .zip(bars.names)
        .enumerate()
        .map(|(i, (&value, name))| {
            let color = color(i);
            Bar::new(i as f64, value)
                .name(name)
                .width(0.7)
                .fill(color.gamma_multiply(0.75))
                .stroke(egui::Stroke::new(1.0, color))
        })
        .collect();
    let count = bars.names.len();
    let axis_names = bars.names.to_vec();
    let chart = BarChart::new(bars.id, items)
        .horizontal()
        .element_formatter(Box::new(move |bar, _| hover(&bar.name, bar.value)));
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = ui.fonts_mut(|fonts| {
        bars.names
            .iter()
            .map(|name| {
                fonts
                    .layout_no_wrap(name.clone(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
    });
    let name_axis = AxisHints::new_y()
        .label(bars.name_axis)
        .min_thickness(widest + 12.0)
        .label_spacing(16.0..=18.0)
        .formatter(move |mark: GridMark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            axis_names.get(index as usize).cloned().unwrap_or_default()
        });
    let [width, height] = bars.size;
    Plot::new(bars.id)
        .width(width)
        .height(height)
        .invert_y(true)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([true, false])
        .include_x(0.0)
        // Ticks may be closer than the default 60 points when they are short.
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(bars.value_axis)
                .formatter(move |mark: GridMark, _| tick(mark.value))
                .label_spacing(30.0..=40.0),
        ])
        .custom_y_axes(vec![name_axis])
        .y_grid_spacer(move |_| {
            (0..count)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(chart);
            if let Some((at, name)) = bars.reference {
                plot_ui.vline(VLine::new(name, at).style(LineStyle::dashed_loose()));
            }
        });
}

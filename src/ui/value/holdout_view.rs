//! The holdout check of the purchase model: fitted before a cutoff, its
//! predicted purchase days per customer against what happened after it, per
//! group of customers by their repeat purchases before the cutoff; the totals,
//! the mean absolute error and whether the forecast is fit to plan by.

use egui_plot::{Bar, BarChart, Corner, Legend, Plot};

use crate::analysis::clv::Holdout;
use crate::tr;
use crate::ui::bars::named_x_axis;
use crate::ui::format;
use crate::ui::glossary::term;

use super::charts::holdout_axes;
use super::meaning;

const PREDICTED: egui::Color32 = egui::Color32::from_rgb(60, 130, 220);
const ACTUAL: egui::Color32 = egui::Color32::from_rgb(230, 120, 40);

/// The hover of one bar: the series, the group and its mean purchase days.
fn hover_text(series: &str, group: &str, customers: usize, value: f64) -> String {
    tr!(
        "value-holdout-hover",
        series = series,
        group = group,
        customers = format::count(customers),
        value = format::number(value, 2)
    )
}

pub fn ui(ui: &mut egui::Ui, holdout: &Holdout) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        term(ui, tr!("value-holdout-title"), tr!("value-holdout-meaning"));
    });
    if let Some(sentence) =
        meaning::holdout(holdout.predicted_total, holdout.actual_total, holdout.days)
    {
        ui.add(egui::Label::new(egui::RichText::new(sentence).strong()).wrap());
    }
    ui.add(
        egui::Label::new(tr!(
            "value-holdout-summary",
            cutoff = holdout.cutoff.to_string(),
            days = holdout.days.to_string(),
            count = format::count(holdout.customers)
        ))
        .wrap(),
    );
    ui.horizontal_wrapped(|ui| {
        term(ui, tr!("value-mae"), tr!("value-mae-meaning"));
        ui.label(tr!(
            "value-mae-value",
            error = format::number(holdout.mean_absolute_error, 2)
        ));
    });
    chart_ui(ui, holdout);
}

fn chart_ui(ui: &mut egui::Ui, holdout: &Holdout) {
    let groups: Vec<(String, usize)> = holdout
        .buckets
        .iter()
        .map(|b| (b.frequency.clone(), b.customers))
        .collect();
    let series =
        |name: String, offset: f64, color: egui::Color32, mean: fn(usize, &Holdout) -> f64| {
            let bars = groups
                .iter()
                .enumerate()
                .map(|(i, (group, _))| {
                    Bar::new(i as f64 + offset, mean(i, holdout))
                        .name(group)
                        .width(0.35)
                        .fill(color)
                })
                .collect();
            let counts: Vec<usize> = groups.iter().map(|(_, n)| *n).collect();
            let hover_name = name.clone();
            BarChart::new(name, bars)
                .color(color)
                .element_formatter(Box::new(move |bar, _| {
                    let index = (bar.argument.round().max(0.0)) as usize;
                    let customers = counts.get(index).copied().unwrap_or_default();
                    hover_text(&hover_name, &bar.name, customers, bar.value)
                }))
        };
    let predicted = series(tr!("value-predicted"), -0.18, PREDICTED, |i, h| {
        h.buckets[i].predicted_mean
    });
    let actual = series(tr!("value-actual"), 0.18, ACTUAL, |i, h| {
        h.buckets[i].actual_mean
    });
    let labels: Vec<String> = groups.into_iter().map(|(group, _)| group).collect();
    let [x_axis, y_axis] = holdout_axes(holdout.cutoff, holdout.days);
    let plot = Plot::new("value_holdout")
        .height(260.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .legend(Legend::default().position(Corner::LeftTop))
        .x_axis_label(x_axis)
        .y_axis_label(y_axis)
        .y_axis_formatter(|mark, _| format::number(mark.value, 1))
        .label_formatter(|_| None);
    named_x_axis(plot, labels, 1).show(ui, |plot_ui| {
        plot_ui.bar_chart(predicted);
        plot_ui.bar_chart(actual);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holdout_bar_names_its_group_and_unit() {
        assert_eq!(
            hover_text("predicted", "7+", 1_234, 2.345),
            "predicted: 7+ repeat purchases before the cutoff (1,234 customers)\n\
             2.35 purchase days per customer"
        );
    }
}

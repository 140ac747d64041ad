//! The run settings: measure, period, which series (shop, per category, top
//! items), horizon and model; every change starts a new run. The running job's
//! progress and its Cancel button sit beside them.

use crate::analysis::forecast::{Freq, Measure, SeriesBy};
use crate::workspace::forecast::{Forecast, ForecastRunParams, default_horizon};

use super::{Action, choice_label, choices, freq_label, measure_label};

/// The longest horizon the slider offers per frequency.
fn max_horizon(freq: Freq) -> usize {
    match freq {
        Freq::Day => 120,
        Freq::Week => 52,
        Freq::Month => 24,
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    forecast: &Forecast,
    wanted: &ForecastRunParams,
    actions: &mut Vec<Action>,
) {
    let mut next = wanted.clone();
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_label("Measure")
            .selected_text(measure_label(next.measure))
            .show_ui(ui, |ui| {
                for m in [
                    Measure::Revenue,
                    Measure::Orders,
                    Measure::Units,
                    Measure::ActiveCustomers,
                ] {
                    ui.selectable_value(&mut next.measure, m, measure_label(m));
                }
            });
        let freq_before = next.freq;
        egui::ComboBox::from_label("Period")
            .selected_text(freq_label(next.freq))
            .show_ui(ui, |ui| {
                for f in [Freq::Day, Freq::Week, Freq::Month] {
                    ui.selectable_value(&mut next.freq, f, freq_label(f));
                }
            });
        if next.freq != freq_before {
            next.horizon = default_horizon(next.freq);
        }
        let by_label = |by: SeriesBy| match by {
            SeriesBy::Shop => "Whole shop".to_string(),
            SeriesBy::Category => "Each category".to_string(),
            SeriesBy::TopItems(n) => format!("Top {n} items"),
        };
        egui::ComboBox::from_label("Series")
            .selected_text(by_label(next.by))
            .show_ui(ui, |ui| {
                for by in [SeriesBy::Shop, SeriesBy::Category, SeriesBy::TopItems(20)] {
                    ui.selectable_value(&mut next.by, by, by_label(by));
                }
            });
        if let SeriesBy::TopItems(n) = &mut next.by {
            let label = ui.label("Items:");
            ui.add(egui::DragValue::new(n).range(1..=500))
                .labelled_by(label.id)
                .on_hover_text("How many items, by net revenue");
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Horizon (periods):");
        let max = max_horizon(next.freq).max(next.horizon);
        ui.add(egui::Slider::new(&mut next.horizon, 1..=max))
            .labelled_by(label.id)
            .on_hover_text("Periods to forecast; also the backtest horizon");
        egui::ComboBox::from_label("Model")
            .selected_text(choice_label(next.choice))
            .width(220.0)
            .show_ui(ui, |ui| {
                for choice in choices() {
                    ui.selectable_value(&mut next.choice, choice, choice_label(choice));
                }
            });
        if let Some(job) = forecast.slot().pending() {
            let snapshot = job.progress().snapshot();
            ui.add(
                egui::ProgressBar::new(snapshot.fraction().unwrap_or(0.0))
                    .desired_width(200.0)
                    .text(format!("{}…", snapshot.message)),
            );
            if ui
                .button("Cancel")
                .on_hover_text("Stop the forecast (between backtest folds)")
                .clicked()
            {
                actions.push(Action::Cancel);
            }
        } else if ui
            .button("Run again")
            .on_hover_text("Forecast again with these settings")
            .clicked()
        {
            actions.push(Action::Run(next.clone()));
        }
    });
    if next != *wanted {
        actions.push(Action::Run(next));
    }
}

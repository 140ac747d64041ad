//! The run settings: the source (order lines or a loaded aggregated series
//! file), measure, period, which series (shop, per category, per segment once the
//! Segments tab has run, top items), horizon and model; every change starts a new
//! run. Measure and series do not apply to a series file. Each model choice
//! says on hover what it does. The running job's
//! progress and its Cancel button sit beside them.

use crate::analysis::forecast::{Freq, Measure, ModelChoice, SeriesBy};
use std::path::PathBuf;

use crate::workspace::forecast::{Forecast, ForecastRunParams, ForecastSource, default_horizon};

use super::{choice_label, choices, freq_label, model_meaning};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::format;
use crate::ui::labelled;
use crate::workspace::forecast::ForecastCommand;

/// The longest horizon the slider offers per frequency.
fn max_horizon(freq: Freq) -> usize {
    match freq {
        Freq::Day => 120,
        Freq::Week => 52,
        Freq::Month => 24,
    }
}

/// What the loaded data offers as a source.
pub struct Sources<'a> {
    /// Order lines are loaded.
    pub orders: bool,
    /// Paths of the loaded aggregated series files, with the period they are
    /// written in.
    pub series_files: &'a [(PathBuf, Freq)],
    /// The Segments tab has a result (per segment is possible).
    pub segments: bool,
    /// The orders carry money (revenue can be forecast).
    pub money: bool,
}

fn source_label(source: &ForecastSource) -> String {
    match source {
        ForecastSource::Orders => tr!("forecast-source-orders"),
        ForecastSource::SeriesFile(path) => path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    forecast: &Forecast,
    wanted: &ForecastRunParams,
    sources: &Sources<'_>,
    commands: &mut Commands,
) {
    let segments_ready = sources.segments;
    let mut next = wanted.clone();
    ui.horizontal_wrapped(|ui| {
        if !sources.series_files.is_empty() {
            labelled::menu(ui, tr!("forecast-source"), "forecast_source")
                .selected_text(source_label(&next.source))
                .show_ui(ui, |ui| {
                    let mut offered = Vec::new();
                    if sources.orders {
                        offered.push(ForecastSource::Orders);
                    }
                    offered.extend(
                        sources
                            .series_files
                            .iter()
                            .map(|(p, _)| ForecastSource::SeriesFile(p.clone())),
                    );
                    for source in offered {
                        let label = source_label(&source);
                        ui.selectable_value(&mut next.source, source, label);
                    }
                });
        }
        if next.source != wanted.source
            && let ForecastSource::SeriesFile(path) = &next.source
            && let Some((_, freq)) = sources.series_files.iter().find(|(p, _)| p == path)
        {
            next.freq = *freq;
            next.horizon = default_horizon(*freq);
        }
        let freq_before = next.freq;
        labelled::menu(ui, tr!("forecast-period"), "forecast_period")
            .selected_text(freq_label(next.freq))
            .show_ui(ui, |ui| {
                for f in [Freq::Day, Freq::Week, Freq::Month] {
                    ui.selectable_value(&mut next.freq, f, freq_label(f));
                }
            });
        if next.freq != freq_before {
            next.horizon = default_horizon(next.freq);
        }
        if next.source != ForecastSource::Orders {
            return;
        }
        labelled::menu(ui, tr!("forecast-measure"), "forecast_measure")
            .selected_text(next.measure.label())
            .show_ui(ui, |ui| {
                for m in [
                    Measure::Revenue,
                    Measure::Orders,
                    Measure::Units,
                    Measure::ActiveCustomers,
                ] {
                    let possible = m != Measure::Revenue || sources.money;
                    ui.add_enabled_ui(possible, |ui| {
                        ui.selectable_value(&mut next.measure, m, m.label())
                            .on_disabled_hover_text(format::needs_money(&Measure::Revenue.label()));
                    });
                }
            });
        let by_label = |by: SeriesBy| match by {
            SeriesBy::Shop => tr!("forecast-by-shop"),
            SeriesBy::Category => tr!("forecast-by-category"),
            SeriesBy::TopItems(n) => tr!("forecast-by-top-items", count = format::count(n)),
            SeriesBy::Segment => tr!("forecast-by-segment"),
        };
        labelled::menu(ui, tr!("forecast-series"), "forecast_series")
            .selected_text(by_label(next.by))
            .show_ui(ui, |ui| {
                for by in [SeriesBy::Shop, SeriesBy::Category, SeriesBy::TopItems(20)] {
                    ui.selectable_value(&mut next.by, by, by_label(by));
                }
                ui.selectable_value(&mut next.by, SeriesBy::Segment, by_label(SeriesBy::Segment))
                    .on_hover_text(tr!("forecast-by-segment-hover"));
            });
        if next.by == SeriesBy::Segment && !segments_ready {
            ui.weak(tr!("forecast-segmenting-first"));
        }
        if let SeriesBy::TopItems(n) = &mut next.by {
            let label = ui.label(tr!("forecast-items"));
            ui.add(egui::DragValue::new(n).range(1..=500))
                .labelled_by(label.id)
                .on_hover_text(tr!("forecast-items-hover"));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!("forecast-horizon"));
        let max = max_horizon(next.freq).max(next.horizon);
        ui.add(egui::Slider::new(&mut next.horizon, 1..=max))
            .labelled_by(label.id)
            .on_hover_text(tr!("forecast-horizon-hover"));
        labelled::menu(ui, tr!("forecast-model"), "forecast_model")
            .selected_text(choice_label(next.choice))
            .width(220.0)
            .show_ui(ui, |ui| {
                for choice in choices() {
                    let meaning = match choice {
                        ModelChoice::Auto => tr!("forecast-choice-auto-meaning"),
                        ModelChoice::Ets => tr!("forecast-choice-ets-meaning"),
                        ModelChoice::Fixed(kind) => model_meaning(kind),
                    };
                    ui.selectable_value(&mut next.choice, choice, choice_label(choice))
                        .on_hover_text(meaning);
                }
            });
        if let Some(job) = forecast.results().pending() {
            let snapshot = job.progress().snapshot();
            ui.add(
                egui::ProgressBar::new(snapshot.fraction().unwrap_or(0.0))
                    .desired_width(200.0)
                    .text(format!("{}…", snapshot.message)),
            );
            if ui
                .button(tr!("forecast-cancel"))
                .on_hover_text(tr!("forecast-cancel-hover"))
                .clicked()
            {
                commands.send(ForecastCommand::Cancel);
            }
        } else if ui
            .button(tr!("forecast-run-again"))
            .on_hover_text(tr!("forecast-run-again-hover"))
            .clicked()
        {
            commands.send(ForecastCommand::Run(next.clone()));
        }
    });
    if next != *wanted {
        commands.send(ForecastCommand::Run(next));
    }
}

//! The Forecast tab: the loaded orders as a series (or one per category or top
//! item), forecast with the model chosen by rolling-origin backtest. Computing is
//! the workspace's Forecast job, started by the update step when the settings or
//! the files changed (per segment, once segments exist: the update step starts
//! them); the panel shows progress with Cancel and keeps the last result of these
//! files on screen meanwhile. What-if scenarios are edited here, sent back to the
//! workspace and redrawn every frame from the shown forecast (pure functions, no
//! job). The export is a job. Views send `ForecastCommand`s.
//! The charted series' result card says in one sentence where the forecast goes;
//! what a run lacks (money for revenue, history for the horizon) is said once
//! with the button to the Data tab, never as the analysis' error text.

use std::path::PathBuf;

use crate::analysis::forecast::{Freq, Measure, natural_freq};
use crate::data::FileKind;
use crate::workspace::Workspace;
use crate::workspace::forecast::{
    Forecast, ForecastCommand, ForecastResults, ForecastSource, NamedScenario, table,
};

use super::behaviour::{error_ui, section_ui};
use super::command::Commands;
use super::export_controls::{export_buttons_ui, export_status_ui};
use super::forecast::outlook::{Counted, series_sentence};
use super::forecast::prerequisite::{self, Missing};
use super::forecast::{
    ViewState, breakdown_view, candidates_view, chart_view, controls_view, scenarios_view,
};
use super::format::count;
use super::glossary::term;
use super::summed;
use crate::tr;

/// Seed of a new campaign's average order value when the data gives none.
const FALLBACK_ORDER_VALUE: f64 = 50.0;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Commands) {
    ui.heading(tr!("forecast-title"));
    let store = workspace.store();
    let has_orders = store.has_orders();
    let series_files: Vec<(PathBuf, Freq)> = store
        .of_kind(FileKind::Series)
        .map(|t| (t.path.clone(), natural_freq(t)))
        .collect();
    if !has_orders && series_files.is_empty() {
        ui.add_space(8.0);
        ui.label(tr!("forecast-empty"));
        return;
    }
    let view_id = egui::Id::unique("forecast_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    let version = workspace.store_version();
    let forecast = &workspace.forecast;
    let wanted = forecast.wanted(store);
    let sources = controls_view::Sources {
        orders: has_orders,
        series_files: &series_files,
        segments: workspace.segments.current(version).is_some(),
        money: store.has_money(),
    };
    summed::note_ui(ui, store);
    controls_view::ui(ui, forecast, &wanted, &sources, commands);
    let computation = forecast.results();
    // Revenue asked of orders without money (a kept setting or a project's).
    let lacks_money = wanted.source == ForecastSource::Orders
        && wanted.measure == Measure::Revenue
        && !store.has_money();
    match computation.error() {
        Some(_) if lacks_money => prerequisite::ui(ui, Missing::Money, commands),
        Some(error) => error_ui(ui, &tr!("forecast-stopped"), &error.to_string()),
        None => {}
    }
    match computation.current(version) {
        Some(results) => {
            egui::ScrollArea::vertical()
                .id_salt("forecast_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    results_ui(ui, forecast, &results.value, &mut view, commands)
                });
        }
        None if computation.pending().is_none() && computation.error().is_none() => {
            ui.label(tr!("forecast-cancelled"));
        }
        None => {}
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));
}

fn results_ui(
    ui: &mut egui::Ui,
    forecast: &Forecast,
    results: &ForecastResults,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    let mut scenarios: Vec<NamedScenario> = forecast.scenarios().to_vec();
    let (measure, counted) = match results.params.source {
        ForecastSource::Orders => (
            results.params.measure.label(),
            Counted::Measure(results.params.measure),
        ),
        ForecastSource::SeriesFile(_) => (tr!("forecast-measure-value"), Counted::SeriesValue),
    };
    let basis = results.scenario_basis();
    if let Some(day) = results
        .series
        .first()
        .and_then(|s| s.series.dropped_partial)
    {
        ui.weak(tr!("forecast-partial-period", day = day.to_string()));
    }
    if results.series.len() > 1 {
        section_ui(
            ui,
            &tr!("forecast-breakdown"),
            &tr!("forecast-breakdown-explanation"),
        );
        breakdown_view::ui(ui, &results.series, &results.params, counted.priced(), view);
    }
    if view.selected >= results.series.len() {
        view.selected = 0;
    }
    let Some(shown) = results.series.get(view.selected) else {
        ui.label(tr!("forecast-no-series"));
        return;
    };
    section_ui(
        ui,
        &tr!(
            "forecast-chart-title",
            measure = measure.as_str(),
            series = super::forecast::series_label(&shown.series.name)
        ),
        &tr!("forecast-chart-explanation"),
    );
    if let Some(sentence) = series_sentence(shown, counted) {
        result_card_ui(ui, &sentence);
    }
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut view.show_backtest, tr!("forecast-show-backtest"))
            .on_hover_text(tr!("forecast-show-backtest-hover"));
        ui.separator();
        term(
            ui,
            tr!("forecast-intervals"),
            tr!("forecast-intervals-meaning"),
        );
    });
    let (x, y) = chart_view::axis_titles(shown.series.freq, &measure);
    let axes = chart_view::Axes {
        x,
        y,
        priced: counted.priced(),
    };
    ui.horizontal_top(|ui| {
        // The candidate table needs about 500 points; the chart takes the rest.
        let width = (ui.available_width() - 500.0).max(320.0);
        ui.allocate_ui(egui::vec2(width, 340.0), |ui| {
            chart_view::ui(ui, shown, &scenarios, basis, view.show_backtest, &axes);
        });
        ui.vertical(|ui| {
            candidates_view::ui(ui, shown, &results.params, counted.priced(), commands)
        });
    });
    section_ui(
        ui,
        &tr!("forecast-scenarios"),
        &tr!("forecast-scenarios-explanation"),
    );
    let (periods, baseline) = match &shown.forecast {
        Ok(f) => (f.periods.as_slice(), f.forecast.point.as_slice()),
        Err(_) => (&[][..], &[][..]),
    };
    let measure_name = measure.to_lowercase();
    let baseline = scenarios_view::Baseline {
        periods,
        values: baseline,
        measure_name: &measure_name,
        counted,
        freq: shown.series.freq,
    };
    scenarios_view::ui(
        ui,
        &mut scenarios,
        &baseline,
        basis,
        results.per_order.value.unwrap_or(FALLBACK_ORDER_VALUE),
    );
    if scenarios != forecast.scenarios() {
        commands.send(ForecastCommand::SetScenarios(scenarios.clone()));
    }
    section_ui(
        ui,
        &tr!("forecast-export"),
        &tr!("forecast-export-explanation"),
    );
    ui.horizontal(|ui| {
        if view.export_path.is_empty() {
            view.export_path = "forecast.csv".into();
        }
        let hover = tr!("forecast-export-hover");
        let forecast_series = results.series.iter().filter(|r| r.forecast.is_ok()).count();
        let rows = count(table::row_count(&results.series, &scenarios));
        let writes = match scenarios.len() {
            0 => tr!(
                "forecast-export-writes",
                rows = rows,
                series = count(forecast_series)
            ),
            n => tr!(
                "forecast-export-writes-scenarios",
                rows = rows,
                lines = count(n),
                n = n,
                series = count(forecast_series)
            ),
        };
        if let Some(path) = export_buttons_ui(ui, &mut view.export_path, &hover, &writes) {
            let order = breakdown_view::sorted_rows(&results.series, view.sort, view.descending);
            commands.send(ForecastCommand::Export { path, order });
        }
    });
    export_status_ui(ui, forecast.export_slot());
    ui.add_space(12.0);
}

/// The result card: what the charted forecast means, in one sentence.
fn result_card_ui(ui: &mut egui::Ui, sentence: &str) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(egui::RichText::new(sentence).strong()).wrap());
        });
}

//! The Forecast tab: the loaded orders as a series (or one per category or top
//! item), forecast with the model chosen by rolling-origin backtest. Computing is
//! the workspace's Forecast job: the panel asks for a run when the store or the
//! settings changed, shows progress with Cancel and keeps the last result on
//! screen meanwhile. What-if scenarios are edited here and redrawn every frame
//! from the shown forecast (pure functions, no job). Views push `Action`s, carried
//! out after the frame is drawn.

use std::path::PathBuf;

use crate::analysis::forecast::{Freq, natural_freq};
use crate::data::FileKind;
use crate::workspace::forecast::{
    ForecastResults, ForecastSource, NamedScenario, default_horizon, export,
};
use crate::workspace::{FileStage, Workspace};

use super::behaviour::{error_ui, section_ui};
use super::forecast::{
    Action, ViewState, breakdown_view, candidates_view, chart_view, controls_view, measure_label,
    scenarios_view,
};

/// Seed of a new campaign's average order value when the data gives none.
const FALLBACK_ORDER_VALUE: f64 = 50.0;

pub fn ui(ui: &mut egui::Ui, workspace: &mut Workspace) {
    ui.heading("Forecast");
    let has_orders = workspace.store().of_kind(FileKind::Orders).next().is_some();
    let series_files: Vec<(PathBuf, Freq)> = workspace
        .store()
        .of_kind(FileKind::Series)
        .map(|t| (t.path.clone(), natural_freq(t)))
        .collect();
    if !has_orders && series_files.is_empty() {
        ui.add_space(8.0);
        ui.label(
            "Load an orders file to forecast its sales, or an aggregated series \
             (a date column and a value column, such as a monthly sales report).",
        );
        return;
    }
    let view_id = egui::Id::unique("forecast_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    let mut actions = Vec::new();
    let segments = workspace
        .segments
        .slot()
        .value()
        .map(|r| r.segmentation.clone());
    let forecast = &workspace.forecast;
    let mut wanted = forecast.requested_params().cloned().unwrap_or_default();
    let source_loaded = match &wanted.source {
        ForecastSource::Orders => has_orders,
        ForecastSource::SeriesFile(path) => series_files.iter().any(|(p, _)| p == path),
    };
    if !source_loaded {
        wanted.source = ForecastSource::Orders;
        if let (Some((path, freq)), false) = (series_files.first(), has_orders) {
            wanted.source = ForecastSource::SeriesFile(path.clone());
            wanted.freq = *freq;
            wanted.horizon = default_horizon(*freq);
        }
    }
    let loading = workspace
        .pending()
        .iter()
        .any(|p| !matches!(p.stage, FileStage::Mapping { .. }));
    if !loading && forecast.needs_run(&wanted, workspace.store_version(), segments.as_ref()) {
        actions.push(Action::Run(wanted.clone()));
    }
    let sources = controls_view::Sources {
        orders: has_orders,
        series_files: &series_files,
        segments: segments.is_some(),
    };
    controls_view::ui(ui, forecast, &wanted, &sources, &mut actions);
    if let Some(error) = forecast.slot().error() {
        error_ui(ui, "The forecast stopped", &error.to_string());
    }
    let mut scenarios = std::mem::take(&mut workspace.forecast.scenarios);
    let forecast = &workspace.forecast;
    match forecast.slot().value() {
        Some(results) => {
            egui::ScrollArea::vertical()
                .id_salt("forecast_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    results_ui(ui, results, &mut scenarios, &mut view, &mut actions)
                });
        }
        None if forecast.slot().pending().is_none() && forecast.slot().error().is_none() => {
            ui.label("Cancelled. Press Run again to forecast.");
        }
        None => {}
    }
    for action in actions {
        match action {
            Action::Run(params) => {
                let (store, version) = (workspace.store().clone(), workspace.store_version());
                workspace
                    .forecast
                    .run(&store, version, params, segments.clone());
            }
            Action::Cancel => workspace.forecast.cancel(),
            Action::Export(path) => {
                view.export_outcome = Some(match workspace.forecast.slot().value() {
                    Some(results) => export(&path, results, &scenarios)
                        .map(|rows| format!("Wrote {rows} rows to {}", path.display()))
                        .map_err(|e| format!("{e:#}")),
                    None => Err("no forecast to export yet".into()),
                });
            }
        }
    }
    workspace.forecast.scenarios = scenarios;
    ui.data_mut(|d| d.insert_temp(view_id, view));
}

fn results_ui(
    ui: &mut egui::Ui,
    results: &ForecastResults,
    scenarios: &mut Vec<NamedScenario>,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let measure = match results.params.source {
        ForecastSource::Orders => measure_label(results.params.measure),
        ForecastSource::SeriesFile(_) => "Value",
    };
    if let Some(day) = results
        .series
        .first()
        .and_then(|s| s.series.dropped_partial)
    {
        ui.weak(format!(
            "The partial last period starting {day} is left out of the history."
        ));
    }
    if results.series.len() > 1 {
        section_ui(
            ui,
            "Breakdown",
            "Growth compares the forecast total with the same number of last periods. \
             Click a header to sort, a series to chart it.",
        );
        breakdown_view::ui(ui, &results.series, view);
    }
    if view.selected >= results.series.len() {
        view.selected = 0;
    }
    let Some(shown) = results.series.get(view.selected) else {
        ui.label("No series to show.");
        return;
    };
    section_ui(
        ui,
        &format!("{measure}: {}", shown.series.name),
        "Shaded: 80 % and 95 % prediction intervals. Drag to pan, scroll to zoom, \
         double-click to reset. The table scores each model on backtests of the history.",
    );
    ui.checkbox(&mut view.show_backtest, "Show backtest")
        .on_hover_text("Draw each backtest fold's forecast over the history it held out");
    ui.horizontal_top(|ui| {
        // The candidate table needs about 480 points; the chart takes the rest.
        let width = (ui.available_width() - 480.0).max(320.0);
        ui.allocate_ui(egui::vec2(width, 340.0), |ui| {
            chart_view::ui(ui, shown, scenarios, view.show_backtest);
        });
        ui.vertical(|ui| candidates_view::ui(ui, shown));
    });
    section_ui(
        ui,
        "What-if scenarios",
        "Each scenario changes the baseline forecast of the charted series; \
         several are compared side by side.",
    );
    let (periods, baseline) = match &shown.forecast {
        Ok(f) => (f.periods.as_slice(), f.forecast.point.as_slice()),
        Err(_) => (&[][..], &[][..]),
    };
    scenarios_view::ui(
        ui,
        scenarios,
        periods,
        baseline,
        &measure.to_lowercase(),
        results.average_order_value.unwrap_or(FALLBACK_ORDER_VALUE),
    );
    section_ui(
        ui,
        "Export",
        "Every series' forecast with its intervals and each scenario line, one row per period.",
    );
    export_ui(ui, view, actions);
    ui.add_space(12.0);
}

fn export_ui(ui: &mut egui::Ui, view: &mut ViewState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if view.export_path.is_empty() {
            view.export_path = "forecast.csv".into();
        }
        let label = ui.label("Export to:");
        ui.add(egui::TextEdit::singleline(&mut view.export_path).desired_width(260.0))
            .labelled_by(label.id);
        for (button, extension) in [("Export CSV", "csv"), ("Export XLSX", "xlsx")] {
            if ui.button(button).clicked() {
                let path = PathBuf::from(view.export_path.trim()).with_extension(extension);
                view.export_path = path.display().to_string();
                actions.push(Action::Export(path));
            }
        }
    });
    match &view.export_outcome {
        Some(Ok(done)) => {
            ui.label(done);
        }
        Some(Err(error)) => error_ui(ui, "Export failed", error),
        None => {}
    }
}

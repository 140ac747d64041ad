//! The trend chart of one series: its history, the baseline forecast with shaded
//! 80 % and 95 % intervals, and every scenario line against it; on request the
//! chosen model's backtest: each fold's forecast over the history it held out. x is the period's
//! first day (days since 1970-01-01, shown as dates); hover shows the line, the
//! period and the value; drag to pan, scroll or pinch to zoom, double-click resets.

use egui_plot::{
    Corner, FilledArea, GridMark, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoints,
};

use crate::analysis::forecast::scenario::apply;
use crate::analysis::lines::{date_from_days, days_from_date};
use crate::workspace::forecast::{NamedScenario, SeriesResult};

use super::scenario_color;

/// Name of the baseline forecast line (the legend and hover use it).
pub const FORECAST: &str = "Forecast";
/// Name of the history line.
pub const HISTORY: &str = "History";
/// Name of the backtest fold lines (one legend entry for all folds).
pub const BACKTEST: &str = "Backtest";

fn date_text(x: f64) -> String {
    date_from_days(x.round() as i32).map_or_else(String::new, |d| d.to_string())
}

pub fn ui(
    ui: &mut egui::Ui,
    result: &SeriesResult,
    scenarios: &[NamedScenario],
    show_backtest: bool,
) {
    let series = &result.series;
    let history: Vec<[f64; 2]> = series
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some([f64::from(days_from_date(series.period(i)?)), *v]))
        .collect();
    let forecast = result.forecast.as_ref().ok();
    let xs: Vec<f64> = forecast.map_or_else(Vec::new, |f| {
        f.periods
            .iter()
            .map(|d| f64::from(days_from_date(*d)))
            .collect()
    });
    Plot::new(("forecast_chart", &series.name))
        .height(320.0)
        .legend(Legend::default().position(Corner::LeftTop))
        .x_axis_formatter(|mark: GridMark, _| date_text(mark.value))
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}\n{:.2}",
                date_text(position.x),
                position.y
            )),
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.line(Line::new(HISTORY, PlotPoints::from(history)).width(1.5));
            let Some(f) = forecast else { return };
            if show_backtest {
                let grey = egui::Color32::from_rgb(150, 110, 60);
                for fold in f.backtest_folds() {
                    let points: Vec<[f64; 2]> = fold
                        .forecast
                        .point
                        .iter()
                        .enumerate()
                        .filter_map(|(i, v)| {
                            let day = series.period(fold.origin + i)?;
                            Some([f64::from(days_from_date(day)), *v])
                        })
                        .collect();
                    plot_ui.line(
                        Line::new(BACKTEST, PlotPoints::from(points))
                            .color(grey)
                            .width(1.5)
                            .style(LineStyle::dotted_dense()),
                    );
                }
            }
            let p = &f.forecast;
            // FilledArea needs equally long sides: keep the periods that have dates.
            let n = [&p.point, &p.lo80, &p.hi80, &p.lo95, &p.hi95]
                .iter()
                .fold(xs.len(), |n, v| n.min(v.len()));
            let xs = &xs[..n];
            let blue = egui::Color32::from_rgb(60, 130, 220);
            plot_ui.add(
                FilledArea::new("95 % interval", xs, &p.lo95[..n], &p.hi95[..n])
                    .fill_color(blue.gamma_multiply(0.15)),
            );
            plot_ui.add(
                FilledArea::new("80 % interval", xs, &p.lo80[..n], &p.hi80[..n])
                    .fill_color(blue.gamma_multiply(0.3)),
            );
            let line = |values: &[f64]| -> Vec<[f64; 2]> {
                xs.iter().zip(values).map(|(x, y)| [*x, *y]).collect()
            };
            plot_ui.line(
                Line::new(FORECAST, PlotPoints::from(line(&p.point[..n])))
                    .color(blue)
                    .width(2.0)
                    .style(LineStyle::dashed_loose()),
            );
            for (i, s) in scenarios.iter().enumerate() {
                let values = apply(&f.periods, &p.point, &s.scenario);
                plot_ui.line(
                    Line::new(s.name.clone(), PlotPoints::from(line(&values)))
                        .color(scenario_color(i))
                        .width(2.0),
                );
            }
        });
}

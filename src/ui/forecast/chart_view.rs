//! The trend chart of one series: its history, the baseline forecast with shaded
//! 80 % and 95 % intervals, and every scenario line against it; on request the
//! chosen model's backtest: each fold's forecast over the history it held out. x is the period's
//! first day (days since 1970-01-01, shown as dates); hover shows the line, the
//! period and the value; drag to pan, scroll or pinch to zoom, double-click resets.

use egui_plot::{
    Corner, FilledArea, GridInput, GridMark, HoverPosition, Legend, Line, LineStyle, Plot,
    PlotPoints,
};

use crate::analysis::forecast::Freq;
use crate::analysis::forecast::scenario::{Basis, apply};
use crate::analysis::lines::{date_from_days, days_from_date};
use crate::workspace::forecast::{NamedScenario, SeriesResult};

use super::scenario_color;
use crate::tr;

fn date_text(x: f64) -> String {
    date_from_days(x.round() as i32).map_or_else(String::new, |d| d.to_string())
}

/// At most this many labelled dates along the x axis.
const MAX_DATE_MARKS: f64 = 7.0;

/// x grid marks on calendar dates (x is days since 1970-01-01): every 1 or 2 days,
/// Mondays every 1 or 2 weeks, or month starts every 1, 2, 3, 6, 12… months, the
/// finest step that keeps at most [`MAX_DATE_MARKS`] in view. One step size for
/// all, so every mark gets its label.
pub fn date_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return Vec::new();
    }
    let first_day = lo.ceil() as i64;
    let last_day = hi.floor() as i64;
    for step in [1_i64, 2, 7, 14] {
        if span / step as f64 <= MAX_DATE_MARKS {
            // Weekly marks sit on Mondays (day 4 after the epoch, a Thursday).
            let mut day = first_day;
            if step >= 7 {
                day += (4 - day).rem_euclid(7);
            }
            let mut marks = Vec::new();
            while day <= last_day {
                marks.push(GridMark {
                    value: day as f64,
                    step_size: step as f64,
                });
                day += step;
            }
            return marks;
        }
    }
    let months = (span / 30.44 / MAX_DATE_MARKS).ceil().max(1.0) as i32;
    let months = [1, 2, 3, 6, 12]
        .into_iter()
        .find(|&m| m >= months)
        .unwrap_or_else(|| 12 * (months + 11) / 12);
    let (Some(from), Some(to)) = (
        date_from_days(first_day as i32),
        date_from_days(last_day as i32),
    ) else {
        return Vec::new();
    };
    let (from, to) = (Freq::Month.index_of(from), Freq::Month.index_of(to));
    (from..=to)
        .filter(|m| m.rem_euclid(months) == 0)
        .filter_map(|m| Freq::Month.start_of(m))
        .map(|d| f64::from(days_from_date(d)))
        .filter(|x| *x >= lo && *x <= hi)
        .map(|value| GridMark {
            value,
            step_size: 30.44 * f64::from(months),
        })
        .collect()
}

pub fn ui(
    ui: &mut egui::Ui,
    result: &SeriesResult,
    scenarios: &[NamedScenario],
    basis: Basis,
    show_backtest: bool,
) {
    let series = &result.series;
    let history: Vec<[f64; 2]> = series
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some([f64::from(days_from_date(series.period(i)?)), *v]))
        .collect();
    // Names of the lines and bands (the legend and hover use them); the backtest
    // folds share one legend entry.
    let history_name = tr!("forecast-line-history");
    let forecast_name = tr!("forecast-line-forecast");
    let backtest_name = tr!("forecast-line-backtest");
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
        .x_grid_spacer(date_marks)
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
            plot_ui.line(Line::new(history_name, PlotPoints::from(history)).width(1.5));
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
                        Line::new(backtest_name.as_str(), PlotPoints::from(points))
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
                FilledArea::new(tr!("forecast-band-95"), xs, &p.lo95[..n], &p.hi95[..n])
                    .fill_color(blue.gamma_multiply(0.15)),
            );
            plot_ui.add(
                FilledArea::new(tr!("forecast-band-80"), xs, &p.lo80[..n], &p.hi80[..n])
                    .fill_color(blue.gamma_multiply(0.3)),
            );
            let line = |values: &[f64]| -> Vec<[f64; 2]> {
                xs.iter().zip(values).map(|(x, y)| [*x, *y]).collect()
            };
            plot_ui.line(
                Line::new(forecast_name, PlotPoints::from(line(&p.point[..n])))
                    .color(blue)
                    .width(2.0)
                    .style(LineStyle::dashed_loose()),
            );
            for (i, s) in scenarios.iter().enumerate() {
                let values = apply(&f.periods, &p.point, &s.scenario, basis);
                plot_ui.line(
                    Line::new(s.name.clone(), PlotPoints::from(line(&values)))
                        .color(scenario_color(i))
                        .width(2.0),
                );
            }
        });
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn x(y: i32, m: u32, d: u32) -> f64 {
        f64::from(days_from_date(
            NaiveDate::from_ymd_opt(y, m, d).expect("date"),
        ))
    }

    fn marks(from: f64, to: f64) -> Vec<String> {
        date_marks(GridInput {
            bounds: (from, to),
            base_step_size: 1.0,
        })
        .iter()
        .map(|m| date_text(m.value))
        .collect()
    }

    #[test]
    fn date_marks_fall_on_days_mondays_or_month_starts() {
        // Two years: at most 7 marks, so every 6 months, on January and July firsts.
        assert_eq!(
            marks(x(2024, 1, 10), x(2025, 12, 20)),
            ["2024-07-01", "2025-01-01", "2025-07-01"]
        );
        // Five weeks: Mondays a week apart (2024-01-01 is a Monday).
        assert_eq!(
            marks(x(2023, 12, 30), x(2024, 1, 31)),
            [
                "2024-01-01",
                "2024-01-08",
                "2024-01-15",
                "2024-01-22",
                "2024-01-29"
            ]
        );
        // Ten days: every other day from the first whole day in view; five: every day.
        assert_eq!(
            marks(x(2024, 3, 1) - 0.5, x(2024, 3, 11) - 0.5),
            [
                "2024-03-01",
                "2024-03-03",
                "2024-03-05",
                "2024-03-07",
                "2024-03-09"
            ]
        );
        assert_eq!(marks(x(2024, 3, 1) - 0.5, x(2024, 3, 5) + 0.2).len(), 5);
        assert!(marks(5.0, 5.0).is_empty());
    }
}

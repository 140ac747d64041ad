//! The trend chart of one series: its history, the baseline forecast with shaded
//! 80 % and 95 % intervals, and every scenario line against it; on request the
//! chosen model's backtest: each fold's forecast over the history it held out. x is the period's
//! first day (days since 1970-01-01, shown as dates); hover shows the line, the
//! period and the value as the tables write it; drag to pan, scroll or pinch to
//! zoom, double-click resets. The axes are titled with the period and the
//! measure, and room is left above the lines for the legend so it never covers
//! them.

use egui_plot::{
    Corner, FilledArea, GridInput, GridMark, HoverPosition, Legend, Line, LineStyle, Plot,
    PlotPoints,
};

use crate::analysis::forecast::Freq;
use crate::analysis::forecast::scenario::{Basis, apply};
use crate::analysis::lines::{date_from_days, days_from_date};
use crate::ui::format;
use crate::workspace::forecast::{NamedScenario, SeriesResult};

use super::scenario_color;
use crate::tr;

/// The chart's height in points.
const HEIGHT: f32 = 320.0;
/// Height of one legend row, and of the legend's frame, in points.
const LEGEND_ROW: f64 = 19.0;
const LEGEND_FRAME: f64 = 14.0;

/// The axis titles: the period each point starts (x) and what is counted (y,
/// `measure` as the window names it: "Revenue", "Orders").
pub fn axis_titles(freq: Freq, measure: &str) -> (String, String) {
    let x = match freq {
        Freq::Day => tr!("forecast-axis-day"),
        Freq::Week => tr!("forecast-axis-week"),
        Freq::Month => tr!("forecast-axis-month"),
    };
    (x, measure.to_string())
}

/// The top of the y range that keeps a legend of `entries` rows (at the top
/// left) above data spanning `lo..=hi` on a plot `height` points tall.
pub fn legend_headroom(lo: f64, hi: f64, entries: usize, height: f64) -> f64 {
    if !(lo.is_finite() && hi.is_finite()) {
        // No data: nothing to keep clear.
        return 0.0;
    }
    // A flat line gets room in proportion to its level.
    let span = match hi - lo {
        s if s > 0.0 => s,
        _ => hi.abs().max(1.0),
    };
    // The axis and the plot's own margins take about 50 points.
    let share = ((entries as f64 * LEGEND_ROW + LEGEND_FRAME) / (height - 50.0)).clamp(0.0, 0.6);
    hi + span * share / (1.0 - share)
}

/// A y-axis value as a whole number when the marks are a unit or more apart
/// (`12,000`, never `12000.00`), else with the decimals the step needs.
fn y_text(mark: &GridMark) -> String {
    let decimals = match mark.step_size {
        s if s >= 1.0 || s <= 0.0 => 0,
        s => (-s.log10()).ceil().clamp(0.0, 6.0) as usize,
    };
    format::number(mark.value, decimals)
}

/// How the chart titles its axes and writes its values.
pub struct Axes {
    pub x: String,
    pub y: String,
    /// Values are money (else counts).
    pub priced: bool,
}

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
    axes: &Axes,
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
    let scenario_lines: Vec<Vec<f64>> = forecast.map_or_else(Vec::new, |f| {
        scenarios
            .iter()
            .map(|s| apply(&f.periods, &f.forecast.point, &s.scenario, basis))
            .collect()
    });
    let (lo, hi) = history
        .iter()
        .map(|p| p[1])
        .chain(
            forecast
                .iter()
                .flat_map(|f| f.forecast.hi95.iter().copied()),
        )
        .chain(
            forecast
                .iter()
                .flat_map(|f| f.forecast.lo95.iter().copied()),
        )
        .chain(scenario_lines.iter().flatten().copied())
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let entries = match forecast {
        None => 1,
        Some(_) => 4 + usize::from(show_backtest) + scenarios.len(),
    };
    let priced = axes.priced;
    Plot::new(("forecast_chart", &series.name))
        .height(HEIGHT)
        .legend(Legend::default().position(Corner::LeftTop))
        .include_y(legend_headroom(lo, hi, entries, f64::from(HEIGHT)))
        .x_axis_label(axes.x.as_str())
        .y_axis_label(axes.y.as_str())
        .x_grid_spacer(date_marks)
        .x_axis_formatter(|mark: GridMark, _| date_text(mark.value))
        .y_axis_formatter(|mark: GridMark, _| y_text(&mark))
        .label_formatter(move |position| match position {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}\n{}",
                date_text(position.x),
                format::money_or_count(priced, position.y)
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
            for (i, (s, values)) in scenarios.iter().zip(&scenario_lines).enumerate() {
                plot_ui.line(
                    Line::new(s.name.clone(), PlotPoints::from(line(values)))
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
    fn axes_are_titled_and_the_legend_gets_room_above_the_data() {
        assert_eq!(
            axis_titles(Freq::Week, "Revenue"),
            ("Week starting".to_string(), "Revenue".to_string())
        );
        assert_eq!(axis_titles(Freq::Month, "Orders").0, "Month starting");
        assert_eq!(axis_titles(Freq::Day, "Orders").0, "Day");
        // Four rows take 90 of the 270 points the data has: a third of the range
        // is left free above it, half the span again.
        let top = legend_headroom(0.0, 100.0, 4, 320.0);
        assert!((top - 150.0).abs() < 1.0, "{top}");
        assert!(legend_headroom(0.0, 100.0, 8, 320.0) > top);
        assert_eq!(
            legend_headroom(5.0, 5.0, 4, 320.0),
            5.0 + 5.0 * 90.0 / 180.0
        );
        let mark = |value, step_size| y_text(&GridMark { value, step_size });
        assert_eq!(mark(12_000.0, 2_000.0), "12,000");
        assert_eq!(mark(0.25, 0.05), "0.25");
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

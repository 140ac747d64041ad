//! The daily net revenue chart: x is days since 1970-01-01, ticked on calendar
//! boundaries (days, Mondays, months, quarters, years) and labelled as dates; both
//! axes are titled with what they measure and the currency; hover shows the day
//! and its value formatted like the tables; drag to pan, scroll or pinch to zoom, double-click
//! to reset. Orders spanning more than 11 years are drawn per week or per N days
//! (`DailyRevenue::bucket_days`), and the title says so. Orders without money are
//! charted as orders per day (`DailyMeasure::Orders`), and the title says why.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use egui_plot::{GridInput, GridMark, HoverPosition, Line, Plot, PlotPoints, uniform_grid_spacer};

use crate::analysis::summary::{DailyMeasure, DailyRevenue};

use super::format::{self, Currency};
use crate::tr;

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");

/// Days since 1970-01-01 for the x axis.
pub fn day_number(day: NaiveDate) -> f64 {
    (day - EPOCH).num_days() as f64
}

/// The date at x (rounded to the nearest day); None outside chrono's range.
pub fn date_of(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1e8 {
        return None;
    }
    EPOCH.checked_add_signed(chrono::TimeDelta::days(x.round() as i64))
}

/// The chart's title: what one point sums.
pub fn title(daily: &DailyRevenue) -> String {
    let priced = daily.measure == DailyMeasure::NetRevenue;
    match daily.bucket_days {
        0 | 1 if priced => tr!("data-chart-revenue-per-day"),
        0 | 1 => tr!("data-chart-orders-per-day"),
        7 if priced => tr!("data-chart-revenue-per-week"),
        7 => tr!("data-chart-orders-per-week"),
        days => {
            let years = (daily.days.len() * days as usize / 365).to_string();
            match priced {
                true => tr!(
                    "data-chart-revenue-per-days",
                    days = days.to_string(),
                    years = years
                ),
                false => tr!(
                    "data-chart-orders-per-days",
                    days = days.to_string(),
                    years = years
                ),
            }
        }
    }
}

/// The axis titles: what x and y measure, with their unit.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisTitles {
    pub x: String,
    pub y: String,
}

/// The titles of `daily`'s axes; money is in `currency` (its symbol, when one is
/// chosen, is the unit).
pub fn axis_titles(daily: &DailyRevenue, currency: Currency) -> AxisTitles {
    let x = match daily.bucket_days {
        0 | 1 => tr!("data-axis-date"),
        7 => tr!("data-axis-week"),
        days => tr!("data-axis-period", days = days.to_string()),
    };
    let y = match (daily.measure, currency.symbol()) {
        (DailyMeasure::Orders, _) => tr!("data-axis-orders"),
        (DailyMeasure::NetRevenue, "") => tr!("data-axis-revenue"),
        (DailyMeasure::NetRevenue, symbol) => tr!("data-axis-revenue-in", symbol = symbol),
    };
    AxisTitles { x, y }
}

/// Tick spacings on a date axis, in days: days, weeks (Mondays), months,
/// quarters, years and decades, each starting on its calendar boundary.
const DATE_STEPS: [u32; 6] = [1, 7, 30, 91, 365, 3652];
/// At most this many ticks of one spacing.
const MAX_MARKS: f64 = 2_000.0;

/// The first day of the calendar unit `step` (from [`DATE_STEPS`]) at or after `day`.
fn boundary(day: NaiveDate, step: u32) -> Option<NaiveDate> {
    let start = match step {
        1 => return Some(day),
        7 => {
            let back = day.weekday().num_days_from_monday();
            return day.checked_add_signed(chrono::TimeDelta::days(i64::from((7 - back) % 7)));
        }
        30 => NaiveDate::from_ymd_opt(day.year(), day.month(), 1)?,
        91 => NaiveDate::from_ymd_opt(day.year(), (day.month0() / 3) * 3 + 1, 1)?,
        365 => NaiveDate::from_ymd_opt(day.year(), 1, 1)?,
        _ => NaiveDate::from_ymd_opt(day.year().div_euclid(10) * 10, 1, 1)?,
    };
    match start < day {
        true => next(start, step),
        false => Some(start),
    }
}

/// The boundary after `day`, which is one.
fn next(day: NaiveDate, step: u32) -> Option<NaiveDate> {
    match step {
        1 | 7 => day.checked_add_signed(chrono::TimeDelta::days(i64::from(step))),
        30 => day.checked_add_months(chrono::Months::new(1)),
        91 => day.checked_add_months(chrono::Months::new(3)),
        365 => day.checked_add_months(chrono::Months::new(12)),
        _ => day.checked_add_months(chrono::Months::new(120)),
    }
}

/// Grid marks on calendar boundaries, so every labelled tick is a whole day, the
/// first of a month or of a year: the three finest spacings at least
/// `base_step_size` days apart.
pub fn date_marks(input: GridInput) -> Vec<GridMark> {
    let (Some(first), Some(last)) = (date_of(input.bounds.0.ceil()), date_of(input.bounds.1))
    else {
        return Vec::new();
    };
    let finest = DATE_STEPS
        .iter()
        .position(|&step| f64::from(step) >= input.base_step_size)
        .unwrap_or(DATE_STEPS.len() - 1);
    let span = (last - first).num_days() as f64;
    let mut marks = std::collections::BTreeMap::new();
    for &step in DATE_STEPS.iter().skip(finest).take(3) {
        // Zoomed out past decades: no more ticks than a wide screen has room for.
        if span / f64::from(step) > MAX_MARKS {
            continue;
        }
        let mut day = boundary(first, step);
        while let Some(d) = day.filter(|d| *d <= last) {
            // A coarser step drawn on the same day wins (it is drawn thicker).
            marks.insert(d, step);
            day = next(d, step);
        }
    }
    marks
        .into_iter()
        .map(|(day, step)| GridMark {
            value: day_number(day),
            step_size: f64::from(step),
        })
        .collect()
}

/// A date tick's label: as fine as its spacing (a year tick shows the year).
pub fn date_label(mark: &GridMark) -> String {
    let Some(day) = date_of(mark.value) else {
        return String::new();
    };
    let layout = match mark.step_size {
        s if s >= 365.0 => "%Y",
        s if s >= 30.0 => "%Y-%m",
        _ => "%Y-%m-%d",
    };
    day.format(layout).to_string()
}

/// [`date_label`], but whole dates while a few months or less are `shown`: week
/// and day ticks are labelled then, and a month's "2024-03" beside them would
/// read as another kind of tick.
pub fn date_label_within(mark: &GridMark, shown: &RangeInclusive<f64>) -> String {
    match shown.end() - shown.start() <= 120.0 {
        true => date_of(mark.value).map_or_else(String::new, |day| day.to_string()),
        false => date_label(mark),
    }
}

/// Three spacings for the value axis, the finest at least `base` apart: 1, 2 or
/// 5 times a power of ten, each a multiple of the one before, so ticks fall on
/// round values and a short chart still labels several of them (powers of ten
/// alone leave two labels on a 200-pixel chart).
pub fn value_steps(base: f64) -> [f64; 3] {
    if !base.is_finite() || base <= 0.0 {
        return [1.0, 10.0, 100.0];
    }
    let power = 10f64.powf(base.log10().floor());
    let finest = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= base * (1.0 - 1e-9))
        .unwrap_or(10.0 * power);
    let lead = (finest / 10f64.powf(finest.log10().floor())).round();
    match lead as u32 {
        1 => [finest, 2.0 * finest, 10.0 * finest],
        2 => [finest, 5.0 * finest, 10.0 * finest],
        _ => [finest, 2.0 * finest, 10.0 * finest],
    }
}

/// A value tick's label: whole numbers (money's currency is in the axis title,
/// cents on every tick only crowd it), decimals only for ticks finer than one;
/// counts only on whole numbers.
pub fn value_label(mark: &GridMark, priced: bool) -> String {
    if !priced && mark.value.fract().abs() > 1e-9 {
        return String::new();
    }
    let decimals = match mark.step_size {
        s if s >= 1.0 || !priced => 0,
        s => (-s.log10()).ceil().clamp(0.0, 6.0) as usize,
    };
    format::number(mark.value, decimals)
}

/// What hovering a point shows: its day (or the days it sums) and its value.
pub fn hover_text(daily: &DailyRevenue, x: f64, y: f64) -> Option<String> {
    let day = date_of(x)?;
    let priced = daily.measure == DailyMeasure::NetRevenue;
    let when = match daily.bucket_days {
        0 | 1 => day.to_string(),
        days => tr!(
            "data-chart-days-from",
            days = days.to_string(),
            day = day.to_string()
        ),
    };
    let measure = match priced {
        true => tr!("data-chart-net-revenue"),
        false => tr!("data-chart-orders"),
    };
    let value = tr!(
        "data-chart-hover-value",
        measure = measure,
        value = format::money_or_count(priced, y)
    );
    Some(format!("{when}\n{value}"))
}

pub fn ui(ui: &mut egui::Ui, daily: &DailyRevenue) {
    ui.strong(title(daily));
    if daily.days.is_empty() {
        ui.weak(tr!("data-chart-no-orders"));
        return;
    }
    let points: PlotPoints = daily
        .days
        .iter()
        .zip(&daily.revenue)
        .map(|(day, revenue)| [day_number(*day), *revenue])
        .collect();
    let priced = daily.measure == DailyMeasure::NetRevenue;
    let name = match priced {
        true => tr!("data-chart-net-revenue"),
        false => tr!("data-chart-orders"),
    };
    let titles = axis_titles(daily, format::currency());
    Plot::new("daily_revenue")
        .allow_zoom(true)
        .allow_drag(true)
        .allow_scroll(true)
        .allow_double_click_reset(true)
        .x_axis_label(titles.x)
        .y_axis_label(titles.y)
        .x_grid_spacer(date_marks)
        .x_axis_formatter(|mark: GridMark, shown| date_label_within(&mark, shown))
        .y_grid_spacer(uniform_grid_spacer(|input| {
            value_steps(input.base_step_size)
        }))
        .y_axis_formatter(move |mark: GridMark, _range| value_label(&mark, priced))
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint { position, .. } => {
                hover_text(daily, position.x, position.y)
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| plot_ui.line(Line::new(name, points)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_through_the_x_axis() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 5).expect("date");
        assert_eq!(day_number(day), 19_787.0);
        assert_eq!(date_of(19_787.4), Some(day));
        assert_eq!(date_of(f64::NAN), None);
    }

    fn daily(bucket_days: u32, measure: DailyMeasure) -> DailyRevenue {
        DailyRevenue {
            days: vec![NaiveDate::from_ymd_opt(2024, 3, 5).expect("date")],
            revenue: vec![1_234.5],
            bucket_days,
            measure,
        }
    }

    #[test]
    fn the_axes_say_what_they_measure_and_in_which_unit() {
        let revenue = daily(1, DailyMeasure::NetRevenue);
        let titles = axis_titles(&revenue, Currency::None);
        assert_eq!(
            (titles.x.as_str(), titles.y.as_str()),
            ("Date", "Net revenue")
        );
        assert_eq!(axis_titles(&revenue, Currency::Yuan).y, "Net revenue (¥)");
        let orders = daily(7, DailyMeasure::Orders);
        let titles = axis_titles(&orders, Currency::Euro);
        assert_eq!(
            (titles.x.as_str(), titles.y.as_str()),
            ("Week starting", "Orders")
        );
        let long = daily(730, DailyMeasure::NetRevenue);
        assert_eq!(
            axis_titles(&long, Currency::None).x,
            "Period starting (every 730 days)"
        );
    }

    fn marks(from: (i32, u32, u32), to: (i32, u32, u32), base_step_size: f64) -> Vec<GridMark> {
        let day = |(y, m, d)| day_number(NaiveDate::from_ymd_opt(y, m, d).expect("date"));
        date_marks(GridInput {
            bounds: (day(from), day(to)),
            base_step_size,
        })
    }

    #[test]
    fn date_ticks_fall_on_calendar_boundaries_and_read_as_dates() {
        // Two years on a screen with room for a tick every five days or so.
        let ticks = marks((2023, 1, 10), (2024, 12, 31), 5.0);
        let labels: Vec<String> = ticks
            .iter()
            .filter(|m| m.step_size >= 30.0)
            .map(date_label)
            .collect();
        assert_eq!(labels.first().map(String::as_str), Some("2023-02"));
        assert!(labels.contains(&"2024-01".to_string()), "{labels:?}");
        assert_eq!(
            labels.len(),
            23,
            "one per month from February 2023: {labels:?}"
        );
        // Less room: months, quarters and years, the years labelled as such.
        let coarse: Vec<String> = marks((2023, 1, 10), (2024, 12, 31), 20.0)
            .iter()
            .filter(|m| m.step_size >= 365.0)
            .map(date_label)
            .collect();
        assert_eq!(coarse, ["2024"]);
        // The finest ticks are weeks: each on a Monday.
        let weeks: Vec<NaiveDate> = ticks
            .iter()
            .filter(|m| m.step_size == 7.0)
            .filter_map(|m| date_of(m.value))
            .collect();
        assert!(weeks.len() > 70);
        assert!(weeks.iter().all(|d| d.weekday() == chrono::Weekday::Mon));
        // A fortnight shows days, the first of the month too.
        let days = marks((2024, 3, 1), (2024, 3, 14), 0.5);
        let first = days.first().expect("a tick");
        assert_eq!(date_label_within(first, &(0.0..=13.0)), "2024-03-01");
        assert_eq!(date_label_within(first, &(0.0..=730.0)), "2024-03");
        // 14 days: the 1st is a month's tick, the 4th and 11th are Mondays.
        assert_eq!(days.len(), 14);
        assert_eq!(days.iter().filter(|m| m.step_size == 1.0).count(), 11);
        // Far outside the calendar: no ticks rather than nonsense.
        let none = date_marks(GridInput {
            bounds: (-1e12, 1e12),
            base_step_size: 1e9,
        });
        assert!(none.is_empty());
    }

    #[test]
    fn value_ticks_are_round_and_read_without_cents() {
        assert_eq!(value_steps(4_100.0), [5_000.0, 10_000.0, 50_000.0]);
        assert_eq!(value_steps(1_000.0), [1_000.0, 2_000.0, 10_000.0]);
        assert_eq!(value_steps(1_500.0), [2_000.0, 10_000.0, 20_000.0]);
        assert_eq!(value_steps(0.03), [0.05, 0.1, 0.5]);
        let tick = |value, step_size| GridMark { value, step_size };
        assert_eq!(value_label(&tick(50_000.0, 50_000.0), true), "50,000");
        assert_eq!(value_label(&tick(0.5, 0.5), true), "0.5");
        assert_eq!(value_label(&tick(2.0, 1.0), false), "2");
        assert_eq!(value_label(&tick(2.5, 0.5), false), "", "no half orders");
    }

    #[test]
    fn hovering_shows_the_day_and_the_value_formatted() {
        let revenue = daily(1, DailyMeasure::NetRevenue);
        let at = day_number(NaiveDate::from_ymd_opt(2024, 3, 5).expect("date"));
        assert_eq!(
            hover_text(&revenue, at, 1_234.5).as_deref(),
            Some("2024-03-05\nnet revenue: 1,234.50")
        );
        let weekly_orders = daily(14, DailyMeasure::Orders);
        assert_eq!(
            hover_text(&weekly_orders, at, 12_345.0).as_deref(),
            Some("14 days from 2024-03-05\norders: 12,345")
        );
    }
}

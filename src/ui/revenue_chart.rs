//! The daily net revenue chart: x is days since 1970-01-01, labelled as dates; hover
//! shows the day and its revenue; drag to pan, scroll or pinch to zoom, double-click
//! to reset. Orders spanning more than 11 years are drawn per week or per N days
//! (`DailyRevenue::bucket_days`), and the title says so. Orders without money are
//! charted as orders per day (`DailyMeasure::Orders`), and the title says why.

use chrono::NaiveDate;
use egui_plot::{GridMark, HoverPosition, Line, Plot, PlotPoints};

use crate::analysis::summary::{DailyMeasure, DailyRevenue};

use super::format;
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
    let bucket = daily.bucket_days;
    let priced = daily.measure == DailyMeasure::NetRevenue;
    let (name, hover_name) = match priced {
        true => (tr!("data-chart-net-revenue"), tr!("data-chart-revenue")),
        false => (tr!("data-chart-orders"), tr!("data-chart-orders")),
    };
    Plot::new("daily_revenue")
        .allow_zoom(true)
        .allow_drag(true)
        .allow_scroll(true)
        .allow_double_click_reset(true)
        .x_axis_formatter(|mark: GridMark, _range| {
            date_of(mark.value).map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
        })
        .y_axis_formatter(move |mark: GridMark, _range| format::money_or_count(priced, mark.value))
        .label_formatter(move |position| match position {
            HoverPosition::NearDataPoint { position, .. } => {
                let day = date_of(position.x)?;
                let value = format::money_or_count(priced, position.y);
                Some(match bucket {
                    0 | 1 => format!("{day}\n{hover_name} {value}"),
                    days => {
                        let from = tr!(
                            "data-chart-days-from",
                            days = days.to_string(),
                            day = day.to_string()
                        );
                        format!("{from}\n{hover_name} {value}")
                    }
                })
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
}

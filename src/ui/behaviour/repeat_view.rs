//! Repeat purchases: one-time buyer share, the histogram of days between purchases,
//! the top products and categories, and revenue by week or month (orders, and
//! top lists by buyers only, when the orders carry no money).

use egui_plot::{GridMark, HoverPosition, Line, Plot, PlotPoints};

use crate::analysis::repeat::{PeriodPoint, Repeat, TopEntry};
use crate::tr;
use crate::ui::format;
use crate::ui::revenue_chart::{date_of, day_number};

use super::{Toggles, bar_chart_ui, percent, toggle_ui};

pub fn ui(ui: &mut egui::Ui, repeat: &Repeat, toggles: &mut Toggles) {
    ui.label(tr!(
        "behaviour-repeat-summary",
        buyers = format::count(repeat.one_time_buyers),
        customers = format::count(repeat.customers),
        share = percent(repeat.one_time_share),
        median = repeat.median_gap_days.map_or_else(
            || tr!("behaviour-repeat-none"),
            |d| tr!("behaviour-days", days = format!("{d:.0}"))
        ),
    ));
    ui.columns(2, |columns| {
        columns[0].strong(tr!("behaviour-repeat-gaps"));
        let labels: Vec<String> = repeat
            .gap_bins
            .iter()
            .map(|bin| match bin.to_days {
                Some(to) => tr!(
                    "behaviour-gap-range",
                    from = bin.from_days.to_string(),
                    to = (to - 1).to_string()
                ),
                None => tr!("behaviour-gap-open", from = bin.from_days.to_string()),
            })
            .collect();
        let gaps: Vec<f64> = repeat.gap_bins.iter().map(|b| b.gaps as f64).collect();
        bar_chart_ui(
            &mut columns[0],
            "repeat_gaps",
            &labels,
            &gaps,
            |v| format::count(v.max(0.0).round() as usize),
            200.0,
        );
        trend_ui(&mut columns[1], repeat, toggles);
    });
    ui.add_space(6.0);
    let by_buyers = tr!("behaviour-top-by-buyers");
    let by_revenue = repeat.money
        && toggle_ui(
            ui,
            toggles,
            "repeat_top",
            &tr!("behaviour-top-by-revenue"),
            &by_buyers,
        );
    if !repeat.money {
        ui.strong(by_buyers);
    }
    let (products, categories) = if by_revenue {
        (
            &repeat.top_products_by_revenue,
            &repeat.top_categories_by_revenue,
        )
    } else {
        (
            &repeat.top_products_by_buyers,
            &repeat.top_categories_by_buyers,
        )
    };
    ui.columns(2, |columns| {
        let money = repeat.money;
        top_ui(
            &mut columns[0],
            "repeat_top_products",
            [
                tr!("behaviour-top-product"),
                tr!("behaviour-top-no-product"),
            ],
            products,
            money,
        );
        top_ui(
            &mut columns[1],
            "repeat_top_categories",
            [
                tr!("behaviour-top-category"),
                tr!("behaviour-top-no-category"),
            ],
            categories,
            money,
        );
    });
}

fn trend_ui(ui: &mut egui::Ui, repeat: &Repeat, toggles: &mut Toggles) {
    let money = repeat.money;
    ui.strong(match money {
        true => tr!("behaviour-trend-revenue"),
        false => tr!("behaviour-trend-orders"),
    });
    let weekly = toggle_ui(
        ui,
        toggles,
        "repeat_trend",
        &tr!("behaviour-by-week"),
        &tr!("behaviour-by-month"),
    );
    let points: &[PeriodPoint] = if weekly {
        &repeat.weekly
    } else {
        &repeat.monthly
    };
    let partial = match weekly {
        true => repeat.partial_week,
        false => repeat.partial_month,
    };
    if let (Some(start), Some(last)) = (partial, repeat.last_day) {
        let (start, last) = (start.to_string(), last.to_string());
        ui.weak(match weekly {
            true => tr!("behaviour-partial-week", start = start, last = last),
            false => tr!("behaviour-partial-month", start = start, last = last),
        });
    }
    if points.is_empty() {
        ui.weak(tr!("behaviour-trend-empty"));
        return;
    }
    let line: PlotPoints = points
        .iter()
        .map(|p| {
            let value = if money { p.revenue } else { p.orders as f64 };
            [day_number(p.start), value]
        })
        .collect();
    let shown = move |value: f64| format::money_or_count(money, value);
    let name = match money {
        true => tr!("behaviour-trend-net-revenue"),
        false => tr!("behaviour-trend-orders-line"),
    };
    Plot::new("repeat_trend")
        .height(170.0)
        .allow_scroll(false)
        .x_axis_formatter(move |mark: GridMark, _| {
            // Months read as 2025-03; weeks by their first day.
            let format = if weekly { "%Y-%m-%d" } else { "%Y-%m" };
            date_of(mark.value).map_or_else(String::new, |d| d.format(format).to_string())
        })
        .y_axis_formatter(move |mark: GridMark, _| shown(mark.value))
        .label_formatter(move |position| match position {
            HoverPosition::NearDataPoint { position, .. } => {
                let day = date_of(position.x)?;
                let day = day.to_string();
                let period = match weekly {
                    true => tr!("behaviour-trend-week-of", day = day),
                    false => tr!("behaviour-trend-month-of", day = day),
                };
                let value = match money {
                    true => tr!("behaviour-hover-revenue", amount = shown(position.y)),
                    false => tr!("behaviour-hover-orders", count = shown(position.y)),
                };
                Some(format!("{period}\n{value}"))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| plot_ui.line(Line::new(name, line)));
}

/// A top list headed `what`; `[what, missing]` says when there is no such column.
fn top_ui(ui: &mut egui::Ui, id: &str, texts: [String; 2], entries: &[TopEntry], money: bool) {
    let [what, missing] = texts;
    if entries.is_empty() {
        ui.weak(missing);
        return;
    }
    egui::Grid::new(id)
        .striped(true)
        .num_columns(if money { 3 } else { 2 })
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong(what);
            if money {
                ui.strong(tr!("behaviour-revenue"));
            }
            ui.strong(tr!("behaviour-top-buyers"));
            ui.end_row();
            for entry in entries {
                let name = match &entry.name {
                    Some(name) => format!("{name} ({})", entry.key),
                    None => entry.key.clone(),
                };
                ui.label(name);
                if money {
                    ui.label(format::money(entry.revenue));
                }
                ui.label(format::count(entry.buyers as usize));
                ui.end_row();
            }
        });
}

//! Repeat purchases: one-time buyer share, the histogram of days between purchases,
//! the top products and categories, and revenue by week or month (orders, and
//! top lists by buyers only, when the orders carry no money).

use egui_plot::{GridMark, HoverPosition, Line, Plot, PlotPoints};

use crate::analysis::repeat::{PeriodPoint, Repeat, TopEntry};
use crate::ui::format;
use crate::ui::revenue_chart::{date_of, day_number};

use super::{Toggles, bar_chart_ui, percent, toggle_ui};

pub fn ui(ui: &mut egui::Ui, repeat: &Repeat, toggles: &mut Toggles) {
    ui.label(format!(
        "One-time buyers: {} of {} customers ({}). Median time between purchases: {}.",
        format::count(repeat.one_time_buyers),
        format::count(repeat.customers),
        percent(repeat.one_time_share),
        repeat.median_gap_days.map_or_else(
            || "no repeat purchases".to_string(),
            |d| format!("{d:.0} days")
        ),
    ));
    ui.columns(2, |columns| {
        columns[0].strong("Days between purchases");
        let labels: Vec<String> = repeat
            .gap_bins
            .iter()
            .map(|bin| match bin.to_days {
                Some(to) => format!("{}–{} days", bin.from_days, to - 1),
                None => format!("{}+ days", bin.from_days),
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
    let by_revenue =
        repeat.money && toggle_ui(ui, toggles, "repeat_top", "Top by revenue", "Top by buyers");
    if !repeat.money {
        ui.strong("Top by buyers");
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
            "Product",
            products,
            money,
        );
        top_ui(
            &mut columns[1],
            "repeat_top_categories",
            "Category",
            categories,
            money,
        );
    });
}

fn trend_ui(ui: &mut egui::Ui, repeat: &Repeat, toggles: &mut Toggles) {
    let money = repeat.money;
    ui.strong(if money {
        "Net revenue trend"
    } else {
        "Orders trend (no price or amount column, so no revenue)"
    });
    let weekly = toggle_ui(ui, toggles, "repeat_trend", "By week", "By month");
    let points: &[PeriodPoint] = if weekly {
        &repeat.weekly
    } else {
        &repeat.monthly
    };
    let partial = if weekly {
        repeat.partial_week.map(|start| ("week", start))
    } else {
        repeat.partial_month.map(|start| ("month", start))
    };
    if let (Some((period, start)), Some(last)) = (partial, repeat.last_day) {
        ui.weak(format!(
            "The {period} of {start} is left out: the data ends on {last}, before that \
             {period} does, so its total would read as a drop."
        ));
    }
    if points.is_empty() {
        ui.weak("No complete period with dated purchases.");
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
    let (name, hover) = match money {
        true => ("net revenue", "revenue"),
        false => ("orders", "orders"),
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
                let period = if weekly { "week of" } else { "month of" };
                Some(format!("{period} {day}\n{hover} {}", shown(position.y)))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| plot_ui.line(Line::new(name, line)));
}

fn top_ui(ui: &mut egui::Ui, id: &str, what: &str, entries: &[TopEntry], money: bool) {
    if entries.is_empty() {
        ui.weak(format!("No {} column to rank.", what.to_lowercase()));
        return;
    }
    egui::Grid::new(id)
        .striped(true)
        .num_columns(if money { 3 } else { 2 })
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong(what);
            if money {
                ui.strong("Revenue");
            }
            ui.strong("Buyers");
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

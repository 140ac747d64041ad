//! Repeat purchases: when to ask for the next order, one-time buyer share, the
//! histogram of days between purchases, the top products and categories, and
//! revenue by week or month (orders, and top lists by buyers only, when the
//! orders carry no money).

use egui_plot::{GridMark, HoverPosition, Line, Plot, PlotPoints};

use crate::analysis::repeat::{PeriodPoint, Repeat, TopEntry};
use crate::tr;
use crate::ui::format;
use crate::ui::glossary::term;
use crate::ui::revenue_chart::{date_label, date_marks, date_of, day_number};

use super::bars::{BarAxes, Figure, titled_bars_ui};
use super::{Toggles, advice, advice_ui, toggle_ui};

pub fn ui(ui: &mut egui::Ui, repeat: &Repeat, toggles: &mut Toggles) {
    let said = advice::repeat(
        repeat.customers,
        repeat.one_time_share,
        repeat.median_gap_days,
    );
    if let Some(sentence) = said {
        advice_ui(ui, &sentence);
    }
    ui.horizontal_wrapped(|ui| {
        term(
            ui,
            tr!("behaviour-one-time-buyers"),
            tr!("behaviour-one-time-meaning"),
        );
        ui.label(tr!(
            "behaviour-one-time-figures",
            buyers = format::count(repeat.one_time_buyers),
            customers = format::count(repeat.customers),
            share = format::percent(repeat.one_time_share),
        ));
        term(
            ui,
            tr!("behaviour-median-gap"),
            tr!("behaviour-median-gap-meaning"),
        );
        ui.label(
            repeat
                .median_gap_days
                .map_or_else(|| tr!("behaviour-repeat-none"), |d| format::days(d.round())),
        );
    });
    ui.columns(2, |columns| {
        columns[0].strong(tr!("behaviour-repeat-gaps"));
        let labels: Vec<String> = repeat
            .gap_bins
            .iter()
            .map(|bin| match bin.to_days {
                Some(to) => tr!(
                    "behaviour-gap-range",
                    from = days(bin.from_days),
                    to = days(to - 1)
                ),
                None => tr!("behaviour-gap-open", from = days(bin.from_days)),
            })
            .collect();
        let gaps: Vec<f64> = repeat.gap_bins.iter().map(|b| b.gaps as f64).collect();
        titled_bars_ui(
            &mut columns[0],
            "repeat_gaps",
            &labels,
            &gaps,
            Figure::Count,
            &gap_axes(),
            220.0,
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
    let [x_title, y_title] = trend_axes(weekly, money);
    Plot::new("repeat_trend")
        .height(200.0)
        .allow_scroll(false)
        .x_axis_label(x_title)
        .y_axis_label(y_title)
        .y_axis_min_width(56.0)
        // Ticks on calendar boundaries (Mondays, months, years), each as fine as
        // its spacing.
        .x_grid_spacer(date_marks)
        .x_axis_formatter(|mark: GridMark, _| date_label(&mark))
        // Ticks in whole numbers: cents on every tick only crowd the axis.
        .y_axis_formatter(|mark: GridMark, _| match mark.value.fract().abs() < 1e-9 {
            true => format::number(mark.value, 0),
            false => String::new(),
        })
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

/// A bin edge in days, as a count.
fn days(days: i32) -> String {
    format::number(f64::from(days), 0)
}

/// The gap chart's axis titles: day ranges down the side, purchases along.
pub fn gap_axes() -> BarAxes {
    BarAxes {
        categories: tr!("behaviour-axis-gap"),
        values: tr!("behaviour-axis-repeat-purchases"),
    }
}

/// The trend chart's axis titles, `[x, y]`: weeks or months along, net revenue
/// or orders up.
pub fn trend_axes(weekly: bool, money: bool) -> [String; 2] {
    let x = match weekly {
        true => tr!("behaviour-axis-week"),
        false => tr!("behaviour-axis-month"),
    };
    let y = match (money, format::currency().symbol()) {
        (false, _) => tr!("behaviour-axis-orders"),
        (true, "") => tr!("behaviour-axis-net-revenue"),
        (true, symbol) => tr!("behaviour-axis-net-revenue-in", symbol = symbol),
    };
    [x, y]
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
            term(
                ui,
                tr!("behaviour-top-buyers"),
                tr!("behaviour-buyers-meaning"),
            );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_axes_say_what_is_measured() {
        assert_eq!(gap_axes().categories, "Days between purchases");
        assert_eq!(gap_axes().values, "Repeat purchases");
        assert_eq!(trend_axes(true, true), ["Week (first day)", "Net revenue"]);
        assert_eq!(trend_axes(false, false), ["Month", "Orders"]);
    }
}

//! What-if scenarios on the shown forecast: promotions, price changes and
//! campaigns, each edited with sliders (the chart and the differences redraw at
//! once: scenarios are pure functions of the baseline, no job runs), kept side by
//! side and compared in a table of totals and differences over the horizon.
//! Date ranges are picked as forecast periods (1 = the first forecast period).

use chrono::NaiveDate;

use crate::analysis::forecast::scenario::{Basis, apply, difference};
use crate::analysis::forecast::series::Measure;
use crate::analysis::forecast::{Freq, Scenario};
use crate::ui::format::{money_or_count, number};
use crate::workspace::forecast::NamedScenario;

use super::outlook::{Counted, ScenarioEffect, scenario_sentence};
use super::{scenario_color, signed_percent};
use crate::tr;

/// Index of the first period starting on or after `day` (the last one if none).
fn index_of(periods: &[NaiveDate], day: NaiveDate) -> usize {
    periods
        .iter()
        .position(|d| *d >= day)
        .unwrap_or(periods.len().saturating_sub(1))
}

/// A new scenario of the kind named by `kind`, placed inside the horizon.
fn new_scenario(kind: &str, periods: &[NaiveDate], average_order_value: f64) -> Option<Scenario> {
    let h = periods.len();
    let first = *periods.first()?;
    let start = h / 4;
    let end = (start + (h / 6).max(1) - 1).min(h - 1);
    Some(match kind {
        "promotion" => Scenario::Promotion {
            from: periods[start],
            to: periods[end],
            uplift_pct: 20.0,
            dip_pct: 0.0,
            dip_periods: 0,
        },
        "price" => Scenario::PriceChange {
            from: first,
            change_pct: -10.0,
            elasticity: -1.5,
        },
        _ => Scenario::Campaign {
            at: periods[start],
            customers: 1000.0,
            response_rate: 0.05,
            average_order_value,
        },
    })
}

/// A slider over forecast periods 1..=h, labelled; returns the chosen index.
fn period_slider(ui: &mut egui::Ui, label: &str, index: usize, periods: &[NaiveDate]) -> usize {
    let mut shown = index + 1;
    let label = ui.label(label);
    ui.add(egui::Slider::new(&mut shown, 1..=periods.len().max(1)))
        .labelled_by(label.id);
    let index = shown.saturating_sub(1).min(periods.len().saturating_sub(1));
    if let Some(day) = periods.get(index) {
        ui.weak(day.to_string());
    }
    index
}

fn number_slider(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
) -> egui::Response {
    let label = ui.label(label);
    ui.add(egui::Slider::new(value, range))
        .labelled_by(label.id)
}

/// What one responder adds, in words, where the forecast does not count money.
fn per_responder_text(basis: Basis) -> String {
    match basis.measure {
        Measure::Revenue => String::new(),
        Measure::Orders => tr!("forecast-responder-adds-order"),
        Measure::ActiveCustomers => tr!("forecast-responder-adds-customer"),
        Measure::Units => tr!(
            "forecast-responder-adds-units",
            units = number(basis.units_per_order, 1)
        ),
    }
}

/// Edits one scenario in place.
fn editor_ui(ui: &mut egui::Ui, scenario: &mut Scenario, periods: &[NaiveDate], basis: Basis) {
    let last = periods.len().saturating_sub(1);
    match scenario {
        Scenario::Promotion {
            from,
            to,
            uplift_pct,
            dip_pct,
            dip_periods,
        } => {
            ui.horizontal_wrapped(|ui| {
                let start = period_slider(
                    ui,
                    &tr!("forecast-starts-in-period"),
                    index_of(periods, *from),
                    periods,
                );
                let mut length = index_of(periods, *to).saturating_sub(start) + 1;
                let label = ui.label(tr!("forecast-lasts"));
                ui.add(egui::Slider::new(&mut length, 1..=periods.len().max(1)))
                    .labelled_by(label.id);
                *from = periods[start];
                *to = periods[(start + length - 1).min(last)];
            });
            ui.horizontal_wrapped(|ui| {
                number_slider(ui, &tr!("forecast-uplift"), uplift_pct, 0.0..=200.0);
                number_slider(ui, &tr!("forecast-dip-after"), dip_pct, 0.0..=100.0);
                let label = ui.label(tr!("forecast-dip-periods"));
                ui.add(egui::Slider::new(dip_periods, 0..=periods.len().max(1)))
                    .labelled_by(label.id);
            });
        }
        Scenario::PriceChange {
            from,
            change_pct,
            elasticity,
        } => {
            ui.horizontal_wrapped(|ui| {
                *from = periods[period_slider(
                    ui,
                    &tr!("forecast-from-period"),
                    index_of(periods, *from),
                    periods,
                )];
                number_slider(
                    ui,
                    &tr!("forecast-price-change-pct"),
                    change_pct,
                    -50.0..=50.0,
                );
                number_slider(ui, &tr!("forecast-elasticity"), elasticity, -5.0..=0.0)
                    .on_hover_text(match basis.measure {
                        Measure::Revenue => tr!("forecast-elasticity-revenue-hover"),
                        _ => tr!("forecast-elasticity-hover"),
                    });
            });
        }
        Scenario::Campaign {
            at,
            customers,
            response_rate,
            average_order_value,
        } => {
            ui.horizontal_wrapped(|ui| {
                *at = periods[period_slider(
                    ui,
                    &tr!("forecast-in-period"),
                    index_of(periods, *at),
                    periods,
                )];
                number_slider(
                    ui,
                    &tr!("forecast-customers-reached"),
                    customers,
                    0.0..=100_000.0,
                );
                let mut pct = *response_rate * 100.0;
                number_slider(ui, &tr!("forecast-response-rate"), &mut pct, 0.0..=100.0);
                *response_rate = pct / 100.0;
                if basis.measure == Measure::Revenue {
                    number_slider(
                        ui,
                        &tr!("forecast-average-order-value"),
                        average_order_value,
                        0.0..=1_000.0,
                    );
                } else {
                    ui.weak(per_responder_text(basis));
                }
            });
        }
    }
}

/// What the baseline forecast is: its periods and values, what it counts
/// (`measure_name` in the table's header) and its frequency.
pub struct Baseline<'a> {
    pub periods: &'a [NaiveDate],
    pub values: &'a [f64],
    pub measure_name: &'a str,
    pub counted: Counted,
    pub freq: Freq,
}

/// The scenario editors, the add buttons, the comparison table and the
/// sentence on the best scenario, for a baseline forecast of `basis`.
/// `average_order_value` seeds new campaigns.
pub fn ui(
    ui: &mut egui::Ui,
    scenarios: &mut Vec<NamedScenario>,
    baseline: &Baseline<'_>,
    basis: Basis,
    average_order_value: f64,
) {
    let (periods, measure_name) = (baseline.periods, baseline.measure_name);
    if periods.is_empty() {
        ui.weak(tr!("forecast-scenarios-need-forecast"));
        return;
    }
    ui.horizontal(|ui| {
        for (button, kind, what) in [
            (
                tr!("forecast-add-promotion"),
                "promotion",
                tr!("forecast-promotion"),
            ),
            (
                tr!("forecast-add-price-change"),
                "price",
                tr!("forecast-price-change"),
            ),
            (
                tr!("forecast-add-campaign"),
                "campaign",
                tr!("forecast-campaign"),
            ),
        ] {
            if ui.button(button).clicked()
                && let Some(scenario) = new_scenario(kind, periods, average_order_value)
            {
                let n = scenarios
                    .iter()
                    .filter(|s| s.name.starts_with(what.as_str()))
                    .count();
                scenarios.push(NamedScenario {
                    name: tr!(
                        "forecast-scenario-name",
                        kind = what.as_str(),
                        number = (n + 1).to_string()
                    ),
                    scenario,
                });
            }
        }
    });
    let mut remove = None;
    for (i, s) in scenarios.iter_mut().enumerate() {
        ui.push_id(("scenario", i), |ui| {
            ui.group(|ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(scenario_color(i), "■");
                    let label = ui.label(tr!("forecast-scenario-name-label"));
                    ui.add(egui::TextEdit::singleline(&mut s.name).desired_width(180.0))
                        .labelled_by(label.id);
                    if ui.button(tr!("forecast-remove")).clicked() {
                        remove = Some(i);
                    }
                });
                editor_ui(ui, &mut s.scenario, periods, basis);
            });
        });
    }
    if let Some(i) = remove {
        scenarios.remove(i);
    }
    if scenarios.is_empty() {
        ui.weak(tr!("forecast-add-scenario-hint"));
        return;
    }
    let base_total: f64 = baseline.values.iter().sum();
    let priced = basis.measure == Measure::Revenue;
    let lines: Vec<Vec<f64>> = scenarios
        .iter()
        .map(|s| apply(periods, baseline.values, &s.scenario, basis))
        .collect();
    let differences: Vec<f64> = lines
        .iter()
        .map(|line| difference(baseline.values, line))
        .collect();
    ui.add_space(6.0);
    egui::Grid::new("forecast_scenarios_compare")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.strong(tr!("forecast-line"));
            ui.strong(tr!("forecast-total-of", measure = measure_name));
            ui.strong(tr!("forecast-difference"));
            ui.strong(tr!("forecast-difference-pct"));
            ui.end_row();
            ui.label(tr!("forecast-baseline-line"));
            ui.label(money_or_count(priced, base_total));
            ui.label("");
            ui.label("");
            ui.end_row();
            for (i, (s, difference)) in scenarios.iter().zip(&differences).enumerate() {
                ui.colored_label(scenario_color(i), &s.name);
                ui.label(money_or_count(priced, base_total + difference));
                ui.label(signed(priced, *difference));
                ui.label(match base_total {
                    t if t != 0.0 => signed_percent(difference / t),
                    _ => "–".into(),
                });
                ui.end_row();
            }
        });
    let effects: Vec<ScenarioEffect<'_>> = scenarios
        .iter()
        .zip(&differences)
        .map(|(s, d)| ScenarioEffect {
            name: &s.name,
            difference: *d,
        })
        .collect();
    if let Some(sentence) = scenario_sentence(
        &effects,
        base_total,
        baseline.counted,
        baseline.freq,
        periods.len(),
    ) {
        ui.add_space(4.0);
        ui.add(egui::Label::new(egui::RichText::new(sentence).strong()).wrap());
    }
}

/// A difference with its sign, as money when `priced` (`+1,234.50`, `-12.00`),
/// else as a count (`+57`).
pub fn signed(priced: bool, difference: f64) -> String {
    let text = money_or_count(priced, difference);
    if difference > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

//! What-if ROI: the economics as sliders and typed values, the outcome redrawn at
//! once (pure arithmetic, no job), and ROI against audience size when the list is
//! cut at each value of a chosen score, so the operator sees where adding people
//! stops paying.

use egui_plot::{Legend, Line, Plot, PlotPoints, VLine};

use crate::analysis::campaign::{Audience, Readout, roi_curve};
use crate::tr;
use crate::ui::format;
use crate::workspace::campaign::{AudienceResults, SCORE_COLUMNS};

use super::{CampaignUiState, percent};

/// A share (0..1) edited as a percentage slider.
fn share_slider(ui: &mut egui::Ui, text: &str, share: &mut f64, max_percent: f64, hover: &str) {
    let label = ui.label(text);
    let mut value = *share * 100.0;
    ui.add(
        egui::Slider::new(&mut value, 0.0..=max_percent)
            .step_by(0.1)
            .suffix("%"),
    )
    .labelled_by(label.id)
    .on_hover_text(hover);
    *share = value / 100.0;
    ui.end_row();
}

/// A checkbox for taking a figure from the data: shown unticked while the data
/// has none (the typed value is in use), the operator's choice kept meanwhile.
fn choice(ui: &mut egui::Ui, chosen: &mut bool, available: bool, text: &str) -> egui::Response {
    let mut ticked = *chosen && available;
    let response = ui.add_enabled(available, egui::Checkbox::new(&mut ticked, text));
    if available {
        *chosen = ticked;
    }
    response
}

pub fn inputs_ui(
    ui: &mut egui::Ui,
    state: &mut CampaignUiState,
    audience: &Audience,
    readout: Option<&Readout>,
) {
    let scores_known = audience.scored_baseline_rate.is_some();
    egui::Grid::new("roi_inputs")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(tr!("campaigns-cost-per-contact"));
            ui.add(
                egui::DragValue::new(&mut state.draft.roi.cost_per_contact)
                    .speed(0.01)
                    .range(0.0..=1_000.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let roi = &mut state.draft.roi;
            share_slider(
                ui,
                &tr!("campaigns-incentive"),
                &mut roi.incentive_share,
                50.0,
                &tr!("campaigns-incentive-hover"),
            );
            share_slider(
                ui,
                &tr!("campaigns-gross-margin"),
                &mut roi.margin_share,
                90.0,
                &tr!("campaigns-gross-margin-hover"),
            );
            share_slider(
                ui,
                &tr!("campaigns-redeem"),
                &mut roi.baseline_redemption,
                100.0,
                &tr!("campaigns-redeem-hover"),
            );
            ui.label("");
            choice(
                ui,
                &mut state.rate_from_scores,
                scores_known,
                &tr!("campaigns-rate-from-scores"),
            )
            .on_hover_text(tr!("campaigns-rate-from-scores-hover"))
            .on_disabled_hover_text(tr!("campaigns-rate-from-scores-disabled-hover"));
            ui.end_row();
            match state.scored_baseline(audience) {
                Some(rate) => {
                    ui.label(tr!("campaigns-buy-anyway-rate"));
                    ui.label(percent(rate));
                    ui.end_row();
                }
                None => share_slider(
                    ui,
                    &tr!("campaigns-buy-anyway-rate"),
                    &mut state.draft.roi.baseline_rate,
                    100.0,
                    &tr!("campaigns-buy-anyway-rate-hover"),
                ),
            }
            let measured = readout.map(|r| r.response_difference.estimate);
            ui.label("");
            choice(
                ui,
                &mut state.uplift_from_readout,
                measured.is_some(),
                &tr!("campaigns-uplift-from-readout"),
            )
            .on_disabled_hover_text(tr!("campaigns-uplift-from-readout-disabled-hover"));
            ui.end_row();
            match state.measured_uplift(readout) {
                Some(uplift) => {
                    ui.label(tr!("campaigns-uplift"));
                    ui.label(tr!(
                        "campaigns-points",
                        value = format!("{:+.1}", uplift * 100.0)
                    ));
                    ui.end_row();
                }
                None => share_slider(
                    ui,
                    &tr!("campaigns-uplift"),
                    &mut state.draft.roi.uplift_rate,
                    30.0,
                    &tr!("campaigns-uplift-hover"),
                ),
            }
            ui.label("");
            choice(
                ui,
                &mut state.aov_from_history,
                audience.history_aov.is_some(),
                &tr!("campaigns-aov-from-history"),
            );
            ui.end_row();
            match (state.aov_from_history, audience.history_aov) {
                (true, Some(aov)) => {
                    ui.label(tr!("campaigns-aov"));
                    ui.label(format::money(aov));
                }
                _ => {
                    let label = ui.label(tr!("campaigns-aov"));
                    ui.add(
                        egui::DragValue::new(&mut state.draft.roi.avg_order_value)
                            .speed(1.0)
                            .range(0.0..=1_000_000.0),
                    )
                    .labelled_by(label.id);
                }
            }
            ui.end_row();
        });
}

/// "—" where there is nothing to show (no one contacted, nothing spent).
fn or_dash(value: Option<f64>, show: impl Fn(f64) -> String) -> String {
    value.map_or_else(|| "—".to_string(), show)
}

pub fn outcome_ui(
    ui: &mut egui::Ui,
    state: &CampaignUiState,
    audience: &Audience,
    readout: Option<&Readout>,
) {
    let outcome = state.outcome(audience, readout);
    let contacted = outcome.contacts > 0;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(tr!(
                "campaigns-outcome-summary",
                targets = format::count(outcome.contacts),
                anyway = format::number(outcome.baseline_buyers, 1),
                incremental = format::number(outcome.incremental_responders, 1),
            ))
            .weak(),
        );
    });
    egui::Grid::new("roi_outcome")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            let mut row = |name: String, value: String| {
                ui.label(name);
                ui.label(egui::RichText::new(value).strong());
                ui.end_row();
            };
            let money = |v: f64| or_dash(contacted.then_some(v), format::money);
            row(
                tr!("campaigns-buy-anyway"),
                format::number(outcome.baseline_buyers, 1),
            );
            row(
                tr!("campaigns-incremental-responders"),
                format::number(outcome.incremental_responders, 1),
            );
            row(
                tr!("campaigns-incremental-revenue"),
                money(outcome.incremental_revenue),
            );
            row(
                tr!("campaigns-incremental-margin"),
                money(outcome.incremental_margin),
            );
            row(tr!("campaigns-contact-cost"), money(outcome.contact_cost));
            row(
                tr!("campaigns-incentive-cost"),
                money(outcome.incentive_cost),
            );
            row(tr!("campaigns-total-cost"), money(outcome.cost));
            row(tr!("campaigns-profit"), money(outcome.profit));
            row(tr!("campaigns-roi"), or_dash(outcome.roi, percent));
            row(
                tr!("campaigns-break-even"),
                outcome.break_even_uplift.map_or_else(
                    || tr!("campaigns-break-even-none"),
                    |u| tr!("campaigns-points", value = format!("{:.1}", u * 100.0)),
                ),
            );
        });
}

pub fn curve_ui(
    ui: &mut egui::Ui,
    state: &mut CampaignUiState,
    results: &AudienceResults,
    audience: &Audience,
    readout: Option<&Readout>,
) {
    // Recency is not a "higher is better" score: the curve cuts the others.
    let offered: Vec<&str> = SCORE_COLUMNS
        .into_iter()
        .filter(|c| *c != "recency_days" && results.scored.contains_key(*c))
        .collect();
    let Some(first) = offered.first() else {
        return;
    };
    if !offered.contains(&state.curve_column.as_str()) {
        state.curve_column = first.to_string();
    }
    egui::ComboBox::from_label(tr!("campaigns-curve-cut"))
        .selected_text(super::score_label(&state.curve_column))
        .show_ui(ui, |ui| {
            for c in offered {
                ui.selectable_value(
                    &mut state.curve_column,
                    c.to_string(),
                    super::score_label(c),
                );
            }
        });
    let inputs = state.inputs(audience, readout);
    let use_scores = state.scored_baseline(audience).is_some();
    let pairs: Vec<(f64, f64)> = results.scored[&state.curve_column]
        .iter()
        .map(|&(score, p)| match (use_scores, p) {
            (true, Some(p)) => (score, p),
            _ => (score, inputs.baseline_rate),
        })
        .collect();
    let curve = roi_curve(&pairs, &inputs);
    let points: Vec<[f64; 2]> = curve
        .iter()
        .filter_map(|p| Some([p.outcome.contacts as f64, p.outcome.roi? * 100.0]))
        .collect();
    let best = curve
        .iter()
        .max_by(|a, b| a.outcome.profit.total_cmp(&b.outcome.profit));
    if let Some(best) = best {
        let text = match best.outcome.profit > 0.0 {
            true => tr!(
                "campaigns-most-profit",
                count = format::count(best.outcome.contacts),
                column = super::score_label(&state.curve_column),
                threshold = format!("{:.3}", best.threshold),
                profit = format::money(best.outcome.profit)
            ),
            false => tr!(
                "campaigns-no-cut-pays",
                count = format::count(best.outcome.contacts),
                column = super::score_label(&state.curve_column),
                profit = format::money(best.outcome.profit)
            ),
        };
        ui.label(text);
    }
    let explanation = match use_scores {
        true => tr!("campaigns-curve-scored"),
        false => tr!("campaigns-curve-flat"),
    };
    ui.label(egui::RichText::new(explanation).weak());
    Plot::new("campaign_roi_curve")
        .height(200.0)
        .include_y(0.0)
        .legend(Legend::default())
        .x_axis_label(tr!("campaigns-axis-targets"))
        .y_axis_label(tr!("campaigns-axis-roi"))
        .allow_scroll(false)
        .show(ui, |plot_ui| {
            plot_ui.line(Line::new(tr!("campaigns-roi"), PlotPoints::from(points)));
            plot_ui.vline(VLine::new(
                tr!("campaigns-this-audience"),
                audience.targets as f64,
            ));
        });
}

//! What-if ROI: the economics as sliders and typed values, and the outcome
//! redrawn at once (pure arithmetic, no job), each figure explaining itself on
//! hover. Scores or prices the data lacks are named with the tab that adds them.
//! The ROI curve is in [`super::curve_view`].

use crate::analysis::campaign::{Audience, Readout};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::state::Tab;
use crate::ui::{format, glossary};
use crate::workspace::campaign::AudienceResults;

use super::{CampaignUiState, percent, points, prerequisite, signed_points};

/// A share (0..1) edited as a percentage slider, its name explained on hover.
fn share_slider(ui: &mut egui::Ui, text: &str, share: &mut f64, max_percent: f64, meaning: &str) {
    let label = glossary::term(ui, text, meaning);
    let mut value = *share * 100.0;
    ui.add(
        egui::Slider::new(&mut value, 0.0..=max_percent)
            .step_by(0.1)
            .suffix("%"),
    )
    .labelled_by(label.id);
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
    results: &AudienceResults,
    audience: &Audience,
    readout: Option<&Readout>,
    commands: &mut Commands,
) {
    let scores_known = audience.scored_baseline_rate.is_some();
    let priced = results.has_column("monetary");
    egui::Grid::new("roi_inputs")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = glossary::term(
                ui,
                tr!("campaigns-cost-per-contact"),
                tr!("campaigns-cost-per-contact-meaning"),
            );
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
                &tr!("campaigns-incentive-meaning"),
            );
            share_slider(
                ui,
                &tr!("campaigns-gross-margin"),
                &mut roi.margin_share,
                90.0,
                &tr!("campaigns-gross-margin-meaning"),
            );
            share_slider(
                ui,
                &tr!("campaigns-redeem"),
                &mut roi.baseline_redemption,
                100.0,
                &tr!("campaigns-redeem-meaning"),
            );
            if scores_known {
                ui.label("");
                choice(
                    ui,
                    &mut state.rate_from_scores,
                    true,
                    &tr!("campaigns-rate-from-scores"),
                )
                .on_hover_text(tr!("campaigns-rate-from-scores-hover"));
                ui.end_row();
            }
            match state.scored_baseline(audience) {
                Some(rate) => {
                    glossary::term(
                        ui,
                        tr!("campaigns-buy-anyway-rate"),
                        tr!("campaigns-buy-anyway-rate-meaning"),
                    );
                    ui.label(percent(rate));
                    ui.end_row();
                }
                None => share_slider(
                    ui,
                    &tr!("campaigns-buy-anyway-rate"),
                    &mut state.draft.roi.baseline_rate,
                    100.0,
                    &tr!("campaigns-buy-anyway-rate-meaning"),
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
                    glossary::term(ui, tr!("campaigns-uplift"), tr!("campaigns-uplift-meaning"));
                    ui.label(signed_points(uplift));
                    ui.end_row();
                }
                None => share_slider(
                    ui,
                    &tr!("campaigns-uplift"),
                    &mut state.draft.roi.uplift_rate,
                    30.0,
                    &tr!("campaigns-uplift-meaning"),
                ),
            }
            if priced {
                ui.label("");
                choice(
                    ui,
                    &mut state.aov_from_history,
                    audience.history_aov.is_some(),
                    &tr!("campaigns-aov-from-history"),
                );
                ui.end_row();
            }
            let aov_label = |ui: &mut egui::Ui| {
                glossary::term(ui, tr!("campaigns-aov"), tr!("campaigns-aov-meaning"))
            };
            match (state.aov_from_history, audience.history_aov) {
                (true, Some(aov)) => {
                    aov_label(ui);
                    ui.label(format::money(aov));
                }
                _ => {
                    let label = aov_label(ui);
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
    if !scores_known {
        prerequisite::ui_with(
            ui,
            &tr!("campaigns-rate-needs-propensity"),
            Tab::Value,
            commands,
        );
    }
    if !priced {
        prerequisite::ui_with(ui, &tr!("campaigns-aov-needs-money"), Tab::Data, commands);
    }
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
            let mut row = |name: String, meaning: String, value: String| {
                glossary::term(ui, name, meaning);
                ui.label(egui::RichText::new(value).strong());
                ui.end_row();
            };
            let money = |v: f64| or_dash(contacted.then_some(v), format::money);
            row(
                tr!("campaigns-buy-anyway"),
                tr!("campaigns-buy-anyway-meaning"),
                format::number(outcome.baseline_buyers, 1),
            );
            row(
                tr!("campaigns-incremental-responders"),
                tr!("campaigns-incremental-responders-meaning"),
                format::number(outcome.incremental_responders, 1),
            );
            row(
                tr!("campaigns-incremental-revenue"),
                tr!("campaigns-incremental-revenue-meaning"),
                money(outcome.incremental_revenue),
            );
            row(
                tr!("campaigns-incremental-margin"),
                tr!("campaigns-incremental-margin-meaning"),
                money(outcome.incremental_margin),
            );
            row(
                tr!("campaigns-contact-cost"),
                tr!("campaigns-contact-cost-meaning"),
                money(outcome.contact_cost),
            );
            row(
                tr!("campaigns-incentive-cost"),
                tr!("campaigns-incentive-cost-meaning"),
                money(outcome.incentive_cost),
            );
            row(
                tr!("campaigns-total-cost"),
                tr!("campaigns-total-cost-meaning"),
                money(outcome.cost),
            );
            row(
                tr!("campaigns-profit"),
                tr!("campaigns-profit-meaning"),
                money(outcome.profit),
            );
            row(
                tr!("campaigns-roi"),
                tr!("campaigns-roi-meaning"),
                or_dash(outcome.roi, percent),
            );
            row(
                tr!("campaigns-break-even"),
                tr!("campaigns-break-even-meaning"),
                outcome
                    .break_even_uplift
                    .map_or_else(|| tr!("campaigns-break-even-none"), points),
            );
        });
}

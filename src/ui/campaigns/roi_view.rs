//! What-if ROI: the economics as sliders and typed values, the outcome redrawn at
//! once (pure arithmetic, no job), and ROI against audience size when the list is
//! cut at each value of a chosen score, so the operator sees where adding people
//! stops paying.

use egui_plot::{Legend, Line, Plot, PlotPoints, VLine};

use crate::analysis::campaign::{Audience, Readout, roi_curve};
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
            let label = ui.label("Cost per contact:");
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
                "Incentive:",
                &mut roi.incentive_share,
                50.0,
                "Discount or incentive, as a share of the order value of everyone who redeems it",
            );
            share_slider(
                ui,
                "Gross margin:",
                &mut roi.margin_share,
                90.0,
                "Margin on the order value",
            );
            share_slider(
                ui,
                "Buy anyway who redeem:",
                &mut roi.baseline_redemption,
                100.0,
                "Of the targets who would buy without the campaign, the share who use the \
                 incentive anyway (100%: all of them, the cautious choice)",
            );
            ui.label("");
            choice(
                ui,
                &mut state.rate_from_scores,
                scores_known,
                "Buy anyway: the targets' mean propensity",
            )
            .on_hover_text("Propensity is the chance to buy without the campaign")
            .on_disabled_hover_text("Train propensity in the Value tab to use its scores");
            ui.end_row();
            match state.scored_baseline(audience) {
                Some(rate) => {
                    ui.label("Buy anyway:");
                    ui.label(percent(rate));
                    ui.end_row();
                }
                None => share_slider(
                    ui,
                    "Buy anyway:",
                    &mut state.draft.roi.baseline_rate,
                    100.0,
                    "Share of targets who would buy without the campaign (the control group's rate)",
                ),
            }
            let measured = readout.map(|r| r.response_difference.estimate);
            ui.label("");
            choice(
                ui,
                &mut state.uplift_from_readout,
                measured.is_some(),
                "Uplift: the last readout's targets minus control",
            )
            .on_disabled_hover_text("Read out a previous campaign below to measure its uplift");
            ui.end_row();
            match state.measured_uplift(readout) {
                Some(uplift) => {
                    ui.label("Uplift:");
                    ui.label(format!("{:+.1} pts", uplift * 100.0));
                    ui.end_row();
                }
                None => share_slider(
                    ui,
                    "Uplift:",
                    &mut state.draft.roi.uplift_rate,
                    30.0,
                    "Extra share of targets who buy because of the campaign",
                ),
            }
            ui.label("");
            choice(
                ui,
                &mut state.aov_from_history,
                audience.history_aov.is_some(),
                "Order value from the audience's history",
            );
            ui.end_row();
            match (state.aov_from_history, audience.history_aov) {
                (true, Some(aov)) => {
                    ui.label("Average order value:");
                    ui.label(format::money(aov));
                }
                _ => {
                    let label = ui.label("Average order value:");
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
            egui::RichText::new(format!(
                "Of {} targets, {} would buy anyway and {} more are expected to buy \
                 because of the campaign. Only those {} earn the margin; the incentive \
                 is paid to both.",
                format::count(outcome.contacts),
                format::number(outcome.baseline_buyers, 1),
                format::number(outcome.incremental_responders, 1),
                format::number(outcome.incremental_responders, 1),
            ))
            .weak(),
        );
    });
    egui::Grid::new("roi_outcome")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            let mut row = |name: &str, value: String| {
                ui.label(name);
                ui.label(egui::RichText::new(value).strong());
                ui.end_row();
            };
            let money = |v: f64| or_dash(contacted.then_some(v), format::money);
            row("Buy anyway", format::number(outcome.baseline_buyers, 1));
            row(
                "Incremental responders",
                format::number(outcome.incremental_responders, 1),
            );
            row("Incremental revenue", money(outcome.incremental_revenue));
            row("Incremental margin", money(outcome.incremental_margin));
            row("Contact cost", money(outcome.contact_cost));
            row("Incentive cost", money(outcome.incentive_cost));
            row("Total cost", money(outcome.cost));
            row("Profit", money(outcome.profit));
            row("ROI", or_dash(outcome.roi, percent));
            row(
                "Break-even uplift",
                outcome.break_even_uplift.map_or_else(
                    || "none: the incentive eats the margin".to_string(),
                    |u| format!("{:.1} pts", u * 100.0),
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
    egui::ComboBox::from_label("cuts the list (highest first)")
        .selected_text(state.curve_column.as_str())
        .show_ui(ui, |ui| {
            for c in offered {
                ui.selectable_value(&mut state.curve_column, c.to_string(), c);
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
            true => format!(
                "Most profit: the top {} by {} (at least {:.3}), profit {}.",
                format::count(best.outcome.contacts),
                state.curve_column,
                best.threshold,
                format::money(best.outcome.profit)
            ),
            false => format!(
                "No cut of the list pays at these settings: the smallest loss is the top {} \
                 by {}, {}. Raise the uplift or lower the incentive or the cost per contact.",
                format::count(best.outcome.contacts),
                state.curve_column,
                format::money(best.outcome.profit)
            ),
        };
        ui.label(text);
    }
    let explanation = match use_scores {
        true => {
            "Same uplift for everyone; the likelier a target buys anyway, the more \
             incentive is paid for nothing, so the curve shows where adding people stops paying."
        }
        false => {
            "Every target has the same chance to buy anyway here, so ROI barely depends \
             on the cut: use propensity scores (Value tab) to see where it stops paying."
        }
    };
    ui.label(egui::RichText::new(explanation).weak());
    Plot::new("campaign_roi_curve")
        .height(200.0)
        .include_y(0.0)
        .legend(Legend::default())
        .x_axis_label("targets contacted")
        .y_axis_label("ROI %")
        .allow_scroll(false)
        .show(ui, |plot_ui| {
            plot_ui.line(Line::new("ROI", PlotPoints::from(points)));
            plot_ui.vline(VLine::new("this audience", audience.targets as f64));
        });
}

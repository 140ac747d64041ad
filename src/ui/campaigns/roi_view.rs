//! What-if ROI: the economics as sliders and typed values, the outcome redrawn at
//! once (pure arithmetic, no job), and ROI against audience size when the list is
//! cut at each value of a chosen score, so the operator sees where adding people
//! stops paying.

use egui_plot::{Legend, Line, Plot, PlotPoints, VLine};

use crate::analysis::campaign::{Audience, roi_curve};
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

pub fn inputs_ui(ui: &mut egui::Ui, state: &mut CampaignUiState, audience: &Audience) {
    let scores_known = audience.rate_from_scores;
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
                "Discount or incentive, as a share of each responder's order",
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
                "Baseline response:",
                &mut roi.baseline_response_rate,
                30.0,
                "Who would buy anyway (the control group's rate)",
            );
            ui.label("");
            ui.add_enabled(
                scores_known,
                egui::Checkbox::new(
                    &mut state.rate_from_scores,
                    "Response rate from the audience's mean propensity",
                ),
            )
            .on_disabled_hover_text("Train propensity in the Value tab to use its scores");
            ui.end_row();
            let from_scores = state.rate_from_scores && scores_known;
            if from_scores {
                ui.label("Response rate:");
                ui.label(percent(audience.response_rate));
                ui.end_row();
            } else {
                share_slider(
                    ui,
                    "Response rate:",
                    &mut state.draft.roi.response_rate,
                    50.0,
                    "Expected share of targets who order",
                );
            }
            ui.label("");
            ui.add_enabled(
                audience.history_aov.is_some(),
                egui::Checkbox::new(
                    &mut state.aov_from_history,
                    "Order value from the audience's history",
                ),
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

pub fn outcome_ui(ui: &mut egui::Ui, state: &CampaignUiState, audience: &Audience) {
    let outcome = state.outcome(audience);
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
            row(
                "Expected responders",
                format!("{:.1}", outcome.expected_responders),
            );
            row(
                "Incremental revenue",
                format::money(outcome.incremental_revenue),
            );
            row(
                "Incremental margin",
                format::money(outcome.incremental_margin),
            );
            row("Cost", format::money(outcome.cost));
            row("Profit", format::money(outcome.profit));
            row(
                "ROI",
                outcome.roi.map_or_else(|| "n/a".to_string(), percent),
            );
            row(
                "Break-even response rate",
                outcome.break_even_response_rate.map_or_else(
                    || "none: the incentive eats the margin".to_string(),
                    percent,
                ),
            );
        });
}

pub fn curve_ui(
    ui: &mut egui::Ui,
    state: &mut CampaignUiState,
    results: &AudienceResults,
    audience: &Audience,
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
    let inputs = state.inputs(audience);
    let use_scores = state.rate_from_scores && audience.rate_from_scores;
    let pairs: Vec<(f64, f64)> = results.scored[&state.curve_column]
        .iter()
        .map(|&(score, p)| match (use_scores, p) {
            (true, Some(p)) => (score, p),
            _ => (score, inputs.response_rate),
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
        ui.label(format!(
            "Most profit: the top {} by {} (at least {:.3}), profit {}.",
            format::count(best.outcome.contacts),
            state.curve_column,
            best.threshold,
            format::money(best.outcome.profit)
        ));
    }
    if !use_scores {
        ui.label(
            egui::RichText::new(
                "Every target has the same response rate here, so ROI barely depends on \
                 the cut: use propensity scores (Value tab) to see where it stops paying.",
            )
            .weak(),
        );
    }
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

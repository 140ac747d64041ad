//! How well each model ranks buyers above non-buyers: the ROC curves (false
//! alarms across, buyers found up, guessing as the dashed diagonal) beside the
//! AUC of each model out of time and on a random split, and what the ranking
//! means for a campaign.

use egui_plot::Corner;

use crate::analysis::propensity::Propensity;
use crate::tr;
use crate::ui::format;
use crate::ui::glossary::term;

use super::charts::{Curves, Scale, roc_axes};
use super::{decimal, meaning, model_color};

pub fn ui(ui: &mut egui::Ui, propensity: &Propensity) {
    if let Some(chosen) = propensity
        .models
        .iter()
        .find(|m| m.kind == propensity.chosen)
    {
        ui.add(egui::Label::new(egui::RichText::new(meaning::ranking(chosen)).strong()).wrap());
        ui.add_space(4.0);
    }
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                term(ui, tr!("value-roc-title"), tr!("value-roc-meaning"));
            });
            Curves {
                id: "value_roc",
                width: (ui.available_width() * 0.55).clamp(300.0, 520.0),
                axes: roc_axes(),
                reference: Some((tr!("value-guessing"), vec![[0.0, 0.0], [1.0, 1.0]])),
                legend: Corner::RightBottom,
                x_scale: Scale::Percent,
                y_scale: Scale::Percent,
            }
            .ui(ui, &propensity.models, |model| {
                let name = tr!(
                    "value-roc-legend",
                    model = model.kind.label(),
                    auc = decimal(model.auc_out_of_time)
                );
                let points = model
                    .roc
                    .iter()
                    .map(|p| [p.false_positive_rate, p.true_positive_rate])
                    .collect();
                (name, points)
            });
        });
        ui.vertical(|ui| auc_table_ui(ui, propensity));
    });
}

fn auc_table_ui(ui: &mut egui::Ui, propensity: &Propensity) {
    ui.horizontal(|ui| {
        term(ui, tr!("value-auc-title"), tr!("value-auc-meaning"));
    });
    egui::Grid::new("value_auc")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong(tr!("value-auc-model"));
            term(
                ui,
                tr!("value-auc-out-of-time"),
                tr!("value-out-of-time-meaning"),
            );
            term(
                ui,
                tr!("value-auc-random-split"),
                tr!("value-random-split-meaning"),
            );
            ui.end_row();
            for m in &propensity.models {
                let name = if m.kind == propensity.chosen {
                    tr!("value-auc-chosen-model", model = m.kind.label())
                } else {
                    m.kind.label()
                };
                ui.colored_label(model_color(m.kind), name);
                ui.label(decimal(m.auc_out_of_time));
                ui.label(decimal(m.auc_random));
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.add(
        egui::Label::new(tr!(
            "value-fit-summary",
            train = propensity.train_cutoff.to_string(),
            test = propensity.cutoff.to_string(),
            share = format::percent(propensity.positive_rate),
            days = propensity.window_days.to_string()
        ))
        .wrap(),
    );
    ui.label(tr!(
        "value-scored-at",
        date = propensity.score_date.to_string()
    ));
}

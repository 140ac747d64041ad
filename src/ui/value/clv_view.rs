//! Customer lifetime value: the fitted MBG/NBD and Gamma-Gamma parameters, or the
//! historical fallback in use and why (labelled, never silent); the key figures
//! over the horizon with what they mean on hover; where the value sits, as one
//! campaign sentence; and the holdout check (`holdout_view`). Orders without
//! money get one sentence and the way to the Data tab instead of CLV.

use crate::analysis::clv::{Clv, PurchaseMethod, SpendMethod};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::format;
use crate::ui::glossary::{self, term};
use crate::workspace::value::ValueResults;

use super::super::behaviour::{error_ui, section_ui};
use super::needs::need_ui;
use super::{holdout_view, meaning};

/// A customer this likely to still buy counts as active in the key figures.
const ACTIVE: f64 = 0.5;

pub fn ui(ui: &mut egui::Ui, results: &ValueResults, commands: &mut Commands) {
    section_ui(ui, &tr!("value-clv-section"), &tr!("value-clv-explanation"));
    let clv = match &results.clv {
        Ok(clv) => clv,
        Err(error) => {
            error_ui(ui, &tr!("value-clv-failed"), error);
            return;
        }
    };
    let priced = !matches!(clv.spend, SpendMethod::Unpriced);
    if priced {
        let values: Vec<f64> = results.rows.iter().filter_map(|r| r.clv).collect();
        if let Some(sentence) = meaning::value_concentration(&values, clv.horizon_days) {
            ui.add(egui::Label::new(egui::RichText::new(sentence).strong()).wrap());
        }
    } else {
        need_ui(ui, &tr!("value-needs-money"), commands);
    }
    methods_ui(ui, clv);
    figures_ui(ui, results, clv);
    if let Some(holdout) = &clv.holdout {
        holdout_view::ui(ui, holdout);
    }
}

/// Which models predicted purchases and spend, each name explained on hover.
fn methods_ui(ui: &mut egui::Ui, clv: &Clv) {
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("value-purchases-label"));
        match &clv.purchases {
            PurchaseMethod::MbgNbd(f) => {
                term(ui, tr!("value-mbgnbd-name"), tr!("value-mbgnbd-meaning"));
                ui.label(tr!(
                    "value-purchases-mbgnbd",
                    r = format::number(f.r, 4),
                    alpha = format::number(f.alpha, 3),
                    a = format::number(f.a, 4),
                    b = format::number(f.b, 4)
                ));
            }
            PurchaseMethod::Historical { reason } => {
                ui.label(tr!("value-purchases-historical", reason = reason.text()));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("value-spend-label"));
        match &clv.spend {
            SpendMethod::GammaGamma(g) => {
                term(
                    ui,
                    tr!("value-gamma-gamma-name"),
                    tr!("value-gamma-gamma-meaning"),
                );
                ui.label(tr!(
                    "value-spend-gamma-gamma",
                    p = format::number(g.p, 4),
                    q = format::number(g.q, 4),
                    gamma = format::number(g.gamma, 3)
                ));
            }
            SpendMethod::Historical { reason } => {
                ui.label(tr!("value-spend-historical", reason = reason.text()));
            }
            SpendMethod::Unpriced => {
                ui.label(tr!("value-spend-unpriced"));
            }
        }
    });
}

/// The totals over the horizon, each figure's name explained on hover.
fn figures_ui(ui: &mut egui::Ui, results: &ValueResults, clv: &Clv) {
    let t = &clv.totals;
    ui.add_space(4.0);
    ui.label(tr!(
        "value-clv-over",
        days = clv.horizon_days.to_string(),
        date = clv.score_date.to_string()
    ));
    let explained = |ui: &mut egui::Ui, name: String, column: &str| {
        let meaning = glossary::meaning(column).unwrap_or_default();
        term(ui, name, meaning);
    };
    egui::Grid::new("value_clv_figures")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            ui.label(tr!("value-figure-customers"));
            ui.label(format::count(t.customers));
            ui.end_row();
            explained(ui, tr!("value-figure-purchases"), "predicted_purchases");
            ui.label(format::number(t.predicted_purchases, 0));
            ui.end_row();
            if matches!(clv.purchases, PurchaseMethod::MbgNbd(_)) {
                let active = results
                    .rows
                    .iter()
                    .filter(|r| r.p_alive.is_some_and(|p| p >= ACTIVE))
                    .count();
                explained(ui, tr!("value-figure-active"), "p_alive");
                ui.label(format::count(active));
                ui.end_row();
            }
            explained(ui, tr!("value-figure-clv"), "clv");
            ui.label(
                t.clv
                    .map_or_else(|| tr!("value-clv-unknown"), format::money),
            );
            ui.end_row();
        });
}

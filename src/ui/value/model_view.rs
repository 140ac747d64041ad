//! How well each model ranks buyers: the ROC curves and AUC table
//! (`roc_view`), cumulative gain and lift by share of customers contacted,
//! calibration, the chosen model's feature importance (`importance_view`) and
//! the decision tree's rules. Each card says what it means for a campaign
//! (`meaning`). Everything comes from the out-of-time fit (see
//! `analysis::propensity`).

use egui_plot::Corner;

use crate::analysis::propensity::{ModelKind, Propensity};
use crate::tr;
use crate::ui::glossary::term;

use super::super::behaviour::section_ui;
use super::charts::{Curves, Scale, calibration_axes, gain_axes, lift_axes};
use super::{importance_view, meaning, roc_view};

pub fn ui(ui: &mut egui::Ui, propensity: &Propensity) {
    section_ui(
        ui,
        &tr!("value-ranking-section"),
        &tr!("value-ranking-explanation"),
    );
    roc_view::ui(ui, propensity);
    let width = (ui.available_width() / 2.0 - 8.0).max(260.0);
    let models = &propensity.models;
    // Deciles as the share of customers contacted, best scores first.
    let share = |decile: u32| f64::from(decile) / 10.0;
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.horizontal(|ui| term(ui, tr!("value-gain-title"), tr!("value-gain-meaning")));
            Curves {
                id: "value_gain",
                width,
                axes: gain_axes(),
                reference: Some((tr!("value-random"), vec![[0.0, 0.0], [1.0, 1.0]])),
                legend: Corner::RightBottom,
                x_scale: Scale::Percent,
                y_scale: Scale::Percent,
            }
            .ui(ui, models, |m| {
                let points = std::iter::once([0.0, 0.0])
                    .chain(
                        m.deciles
                            .iter()
                            .map(|d| [share(d.decile), d.cumulative_gain]),
                    )
                    .collect();
                (m.kind.label(), points)
            });
        });
        ui.vertical(|ui| {
            ui.horizontal(|ui| term(ui, tr!("value-lift-title"), tr!("value-lift-meaning")));
            Curves {
                id: "value_lift",
                width,
                axes: lift_axes(),
                reference: Some((tr!("value-average-rate"), vec![[0.0, 1.0], [1.0, 1.0]])),
                legend: Corner::RightTop,
                x_scale: Scale::Percent,
                y_scale: Scale::Figure,
            }
            .ui(ui, models, |m| {
                let points = m
                    .deciles
                    .iter()
                    .map(|d| [share(d.decile), d.lift])
                    .collect();
                (m.kind.label(), points)
            });
        });
    });
    calibration_ui(ui, propensity, width);
    if let Some(chosen) = models.iter().find(|m| m.kind == propensity.chosen) {
        section_ui(
            ui,
            &tr!("value-drivers-section", model = chosen.kind.label()),
            &tr!("value-drivers-explanation"),
        );
        if let Some(sentence) = meaning::drivers(chosen.kind, &chosen.importance) {
            ui.add(egui::Label::new(egui::RichText::new(sentence).strong()).wrap());
        }
        ui.horizontal(|ui| {
            term(
                ui,
                tr!("value-importance-title"),
                tr!("value-importance-meaning"),
            )
        });
        importance_view::ui(ui, chosen);
    }
    if let Some(tree) = models.iter().find(|m| m.kind == ModelKind::Tree) {
        section_ui(
            ui,
            &tr!("value-tree-section"),
            &tr!("value-tree-explanation"),
        );
        for rule in &tree.rules {
            ui.monospace(rule.text());
        }
    }
}

fn calibration_ui(ui: &mut egui::Ui, propensity: &Propensity, width: f32) {
    section_ui(
        ui,
        &tr!("value-calibration-section"),
        &tr!("value-calibration-explanation"),
    );
    let chosen = propensity
        .models
        .iter()
        .find(|m| m.kind == propensity.chosen);
    if let Some(sentence) = chosen.and_then(|m| meaning::calibration(&m.calibration)) {
        ui.add(egui::Label::new(egui::RichText::new(sentence).strong()).wrap());
    }
    ui.horizontal(|ui| {
        term(
            ui,
            tr!("value-calibration-title"),
            tr!("value-calibration-meaning"),
        )
    });
    Curves {
        id: "value_calibration",
        width,
        axes: calibration_axes(),
        reference: Some((
            tr!("value-calibration-diagonal"),
            vec![[0.0, 0.0], [1.0, 1.0]],
        )),
        // Curves rarely reach the high-score, low-buyer corner.
        legend: Corner::RightBottom,
        x_scale: Scale::Percent,
        y_scale: Scale::Percent,
    }
    .ui(ui, &propensity.models, |m| {
        let points = m
            .calibration
            .iter()
            .map(|b| [b.mean_predicted, b.observed_rate])
            .collect();
        (m.kind.label(), points)
    });
}

//! How well each model ranks buyers: ROC curves with their AUC (out of time and
//! on a random split) in a table, cumulative gain and lift by decile, calibration,
//! the chosen model's feature importance and the decision tree's rules. Everything
//! comes from the out-of-time fit (see `analysis::propensity`).

use egui_plot::{Legend, Line, Plot, PlotPoints};

use crate::analysis::propensity::{ModelKind, ModelReport, Propensity, feature_label};
use crate::tr;

use super::super::behaviour::{bar_chart_ui, section_ui};
use super::{decimal, model_color};

/// Height of the curve charts.
const CHART_HEIGHT: f32 = 220.0;

pub fn ui(ui: &mut egui::Ui, propensity: &Propensity) {
    section_ui(
        ui,
        &tr!("value-ranking-section"),
        &tr!("value-ranking-explanation"),
    );
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.strong(tr!("value-roc-title"));
            roc_ui(ui, &propensity.models);
        });
        ui.vertical(|ui| auc_table_ui(ui, propensity));
    });
    let width = (ui.available_width() / 2.0 - 8.0).max(220.0);
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.strong(tr!("value-gain-title"));
            curves_ui(
                ui,
                "value_gain",
                width,
                &propensity.models,
                Some(10.0),
                |m| {
                    std::iter::once([0.0, 0.0])
                        .chain(
                            m.deciles
                                .iter()
                                .map(|d| [f64::from(d.decile), d.cumulative_gain]),
                        )
                        .collect()
                },
            );
        });
        ui.vertical(|ui| {
            ui.strong(tr!("value-lift-title"));
            curves_ui(ui, "value_lift", width, &propensity.models, None, |m| {
                m.deciles
                    .iter()
                    .map(|d| [f64::from(d.decile), d.lift])
                    .collect()
            });
        });
    });
    section_ui(
        ui,
        &tr!("value-calibration-section"),
        &tr!("value-calibration-explanation"),
    );
    curves_ui(
        ui,
        "value_calibration",
        width,
        &propensity.models,
        Some(1.0),
        |m| {
            m.calibration
                .iter()
                .map(|b| [b.mean_predicted, b.observed_rate])
                .collect()
        },
    );
    if let Some(chosen) = propensity
        .models
        .iter()
        .find(|m| m.kind == propensity.chosen)
    {
        section_ui(
            ui,
            &tr!("value-drivers-section", model = chosen.kind.label()),
            &tr!("value-drivers-explanation"),
        );
        let labels: Vec<String> = chosen
            .importance
            .iter()
            .map(|f| feature_label(&f.feature))
            .collect();
        let values: Vec<f64> = chosen.importance.iter().map(|f| f.value).collect();
        let height = (labels.len() as f32 * 22.0 + 40.0).clamp(80.0, 400.0);
        bar_chart_ui(
            ui,
            "value_importance",
            &labels,
            &values,
            |v| format!("{v:.3}"),
            height,
        );
    }
    if let Some(tree) = propensity.models.iter().find(|m| m.kind == ModelKind::Tree) {
        section_ui(
            ui,
            &tr!("value-tree-section"),
            &tr!("value-tree-explanation"),
        );
        for rule in &tree.rules {
            ui.monospace(rule);
        }
    }
}

fn roc_ui(ui: &mut egui::Ui, models: &[ModelReport]) {
    let width = (ui.available_width() * 0.55).max(260.0);
    Plot::new("value_roc")
        .width(width)
        .height(CHART_HEIGHT + 40.0)
        .data_aspect(1.0)
        .include_x(0.0)
        .include_x(1.0)
        .include_y(0.0)
        .include_y(1.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .legend(Legend::default())
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new(
                    tr!("value-guessing"),
                    PlotPoints::from(vec![[0.0, 0.0], [1.0, 1.0]]),
                )
                .color(egui::Color32::GRAY)
                .style(egui_plot::LineStyle::dashed_loose()),
            );
            for model in models {
                let points: Vec<[f64; 2]> = model
                    .roc
                    .iter()
                    .map(|p| [p.false_positive_rate, p.true_positive_rate])
                    .collect();
                let name = tr!(
                    "value-roc-legend",
                    model = model.kind.label(),
                    auc = decimal(model.auc_out_of_time)
                );
                plot_ui
                    .line(Line::new(name, PlotPoints::from(points)).color(model_color(model.kind)));
            }
        });
}

fn auc_table_ui(ui: &mut egui::Ui, propensity: &Propensity) {
    ui.strong(tr!("value-auc-title"));
    egui::Grid::new("value_auc")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.label(tr!("value-auc-model"));
            ui.label(tr!("value-auc-out-of-time"));
            ui.label(tr!("value-auc-random-split"));
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
    ui.label(tr!(
        "value-fit-summary",
        train = propensity.train_cutoff.to_string(),
        test = propensity.cutoff.to_string(),
        percent = format!("{:.1}", propensity.positive_rate * 100.0),
        days = propensity.window_days.to_string()
    ));
    ui.label(tr!(
        "value-scored-at",
        date = propensity.score_date.to_string()
    ));
}

/// One line per model from `points`, with the line of random ranking from (0, 0)
/// to (`diagonal`, 1) when given.
fn curves_ui(
    ui: &mut egui::Ui,
    id: &str,
    width: f32,
    models: &[ModelReport],
    diagonal: Option<f64>,
    points: fn(&ModelReport) -> Vec<[f64; 2]>,
) {
    Plot::new(id)
        .width(width)
        .height(CHART_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .legend(Legend::default())
        .show(ui, |plot_ui| {
            if let Some(end) = diagonal {
                plot_ui.line(
                    Line::new(
                        tr!("value-random"),
                        PlotPoints::from(vec![[0.0, 0.0], [end, 1.0]]),
                    )
                    .color(egui::Color32::GRAY)
                    .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
            for model in models {
                plot_ui.line(
                    Line::new(model.kind.label(), PlotPoints::from(points(model)))
                        .color(model_color(model.kind)),
                );
            }
        });
}

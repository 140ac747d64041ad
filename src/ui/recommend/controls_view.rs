//! The model picker and its main settings (chosen by validation unless the
//! operator asks for the typed ones), "exclude already-bought", the fit button
//! with the running fit's progress and Cancel, what the last fit chose, and the
//! export of every customer's list.

use std::path::PathBuf;

use crate::analysis::recommend::ModelKind;
use crate::analysis::recommend::validate::tunable;
use crate::workspace::recommend::{Recommend, RecommendParams};

use super::progress_ui;
use super::report_view::validation_ui;
use crate::ui::command::Commands;
use crate::ui::format::count;
use crate::workspace::recommend::RecommendCommand;

/// What each model does, in the operator's words.
pub fn model_note(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Popular => "the most bought items: the baseline and the cold-start fallback",
        ModelKind::ItemKnn => "items similar (cosine) to what the customer bought",
        ModelKind::UserKnn => "what the most similar customers bought",
        ModelKind::Als => {
            "implicit matrix factorisation (ALS), confidence 1 + α·orders (or rating)"
        }
        ModelKind::History => "the customer's own most-bought items (for re-buying shops)",
        ModelKind::Blend => "the customer's history mixed with item-kNN",
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    recommend: &Recommend,
    version: u64,
    draft: &mut RecommendParams,
    export_path: &mut String,
    commands: &mut Commands,
) {
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_label("Model")
            .selected_text(draft.model.name())
            .show_ui(ui, |ui| {
                for kind in ModelKind::ALL {
                    ui.selectable_value(&mut draft.model, kind, kind.name())
                        .on_hover_text(model_note(kind));
                }
            });
        let typed = !(draft.validate && tunable(&[draft.model]));
        match draft.model {
            ModelKind::ItemKnn => {
                ui.add_enabled_ui(typed, |ui| {
                    number_ui(ui, "Neighbours:", &mut draft.neighbours, 1..=500);
                });
            }
            ModelKind::UserKnn => {
                number_ui(ui, "Neighbours:", &mut draft.neighbours, 1..=500);
            }
            ModelKind::Als => {
                ui.add_enabled_ui(typed, |ui| {
                    number_ui(ui, "Factors:", &mut draft.factors, 1..=256);
                });
                number_ui(ui, "Iterations:", &mut draft.iterations, 1..=100);
            }
            ModelKind::Blend => {
                ui.add_enabled_ui(typed, |ui| {
                    number_ui(ui, "Neighbours:", &mut draft.neighbours, 1..=500);
                });
                let label = ui.label("History weight:");
                ui.add(egui::Slider::new(&mut draft.history_weight, 0.0..=1.0))
                    .labelled_by(label.id);
            }
            ModelKind::Popular | ModelKind::History => {}
        }
        number_ui(ui, "Items per customer:", &mut draft.top, 1..=100);
        ui.checkbox(&mut draft.exclude_seen, "Exclude already-bought")
            .on_hover_text("Leave out items the customer bought before");
        if tunable(&[draft.model]) {
            ui.checkbox(
                &mut draft.validate,
                "Choose the fit's settings by validation",
            )
            .on_hover_text(
                "Try several neighbour counts (ALS: factors and λ) and keep the one that best \
                     predicts each customer's last purchase; untick to use the typed values",
            );
        }
    });
    ui.horizontal(|ui| {
        let fitted = recommend.fit().requested_params();
        let label = if fitted == Some(draft) {
            "Fit again"
        } else {
            "Fit model"
        };
        if ui.button(label).clicked() {
            commands.send(RecommendCommand::Run(draft.clone()));
        }
        ui.add(egui::Label::new(egui::RichText::new(model_note(draft.model)).weak()).wrap());
        if let Some(job) = recommend.fit().pending() {
            progress_ui(ui, job.progress());
            if ui
                .button("Cancel")
                .on_hover_text("Stop the fit (between steps and ALS iterations)")
                .clicked()
            {
                commands.send(RecommendCommand::Cancel);
            }
        }
    });
    if let Some(results) = recommend.fit().current(version).map(|c| &c.value) {
        validation_ui(ui, &results.validation);
    }
    ui.horizontal(|ui| {
        let label = ui.label("Export all lists to:");
        ui.add(egui::TextEdit::singleline(export_path).desired_width(260.0))
            .labelled_by(label.id)
            .on_hover_text("A .csv (UTF-8 with a BOM, opens in Excel), .xlsx or .parquet file");
        let results = recommend.fit().current(version).map(|c| &c.value);
        let ready = results.is_some() && !export_path.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Export recommendations"))
            .clicked()
        {
            commands.send(RecommendCommand::Export(PathBuf::from(export_path.trim())));
        }
        if let Some(results) = results {
            let rows: usize = results.lists.iter().map(Vec::len).sum();
            let customers = results.lists.iter().filter(|l| !l.is_empty()).count();
            ui.weak(format!(
                "writes {} rows: each of {} customers' list as shown for them",
                count(rows),
                count(customers)
            ));
        }
        let export = recommend.export_slot();
        if let Some(job) = export.pending() {
            progress_ui(ui, job.progress());
        } else if let Some(error) = export.error() {
            ui.colored_label(ui.visuals().error_fg_color, error.to_string());
        } else if let Some(done) = export.value() {
            ui.label(done);
        }
    });
}

/// A labelled whole-number field.
fn number_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut usize,
    range: std::ops::RangeInclusive<usize>,
) {
    let label = ui.label(label);
    ui.add(egui::DragValue::new(value).range(range))
        .labelled_by(label.id);
}

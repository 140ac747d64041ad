//! The model picker and its main settings (chosen by validation unless the
//! operator asks for the typed ones), "exclude already-bought", the fit button
//! with the running fit's progress and Cancel, what the last fit chose, and the
//! export of every customer's list. With summed orders (`summed`) the picker
//! offers only the models that fit on their purchases per item.

use std::path::PathBuf;

use crate::analysis::recommend::ModelKind;
use crate::analysis::recommend::pairs::fits_streamed;
use crate::analysis::recommend::sasrec::TrainingLog;
use crate::analysis::recommend::validate::tunable;
use crate::workspace::recommend::{Recommend, RecommendParams, sasrec_summary, scored_items};

use super::progress_ui;
use super::report_view::validation_ui;
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::format::{count, number};
use crate::ui::labelled;
use crate::workspace::recommend::RecommendCommand;

/// What each model does, in the operator's words.
pub fn model_note(kind: ModelKind) -> String {
    match kind {
        ModelKind::Popular => tr!("recommend-model-popular-note"),
        ModelKind::ItemKnn => tr!("recommend-model-item-knn-note"),
        ModelKind::UserKnn => tr!("recommend-model-user-knn-note"),
        ModelKind::Als => tr!("recommend-model-als-note"),
        ModelKind::History => tr!("recommend-model-history-note"),
        ModelKind::Repeat => tr!("recommend-model-repeat-note"),
        ModelKind::Sasrec => tr!("recommend-model-sasrec-note"),
        ModelKind::Blend => tr!("recommend-model-blend-note"),
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    recommend: &Recommend,
    version: u64,
    draft: &mut RecommendParams,
    export_path: &mut String,
    summed: bool,
    commands: &mut Commands,
) {
    ui.horizontal_wrapped(|ui| {
        labelled::menu(ui, tr!("recommend-model"), "recommend_model")
            .selected_text(draft.model.display_name())
            .show_ui(ui, |ui| {
                for kind in ModelKind::ALL {
                    let fits = !summed || fits_streamed(kind);
                    let hover = match fits {
                        true => model_note(kind),
                        false => tr!("recommend-needs-lines-hover"),
                    };
                    ui.add_enabled_ui(fits, |ui| {
                        ui.selectable_value(&mut draft.model, kind, kind.display_name())
                            .on_hover_text(&hover)
                            .on_disabled_hover_text(hover);
                    });
                }
            })
            .response
            .on_hover_text(model_note(draft.model));
        let typed = !(draft.validate && tunable(&[draft.model]));
        match draft.model {
            ModelKind::ItemKnn => {
                ui.add_enabled_ui(typed, |ui| {
                    number_ui(
                        ui,
                        &tr!("recommend-neighbours"),
                        &mut draft.neighbours,
                        1..=500,
                    );
                });
            }
            ModelKind::UserKnn => {
                number_ui(
                    ui,
                    &tr!("recommend-neighbours"),
                    &mut draft.neighbours,
                    1..=500,
                );
            }
            ModelKind::Als => {
                ui.add_enabled_ui(typed, |ui| {
                    number_ui(ui, &tr!("recommend-factors"), &mut draft.factors, 1..=256);
                });
                number_ui(
                    ui,
                    &tr!("recommend-iterations"),
                    &mut draft.iterations,
                    1..=100,
                );
            }
            ModelKind::Blend => {
                // Validation chooses the mix and the parts' settings.
                ui.add_enabled_ui(typed, |ui| {
                    number_ui(
                        ui,
                        &tr!("recommend-neighbours"),
                        &mut draft.neighbours,
                        1..=500,
                    );
                    let weights = [
                        (tr!("recommend-repeat-weight"), &mut draft.repeat_weight),
                        (tr!("recommend-history-weight"), &mut draft.history_weight),
                        (tr!("recommend-knn-weight"), &mut draft.item_knn_weight),
                    ];
                    for (label, weight) in weights {
                        slider_ui(ui, &label, weight, 0.0..=1.0);
                    }
                })
                .response
                .on_hover_text(tr!("recommend-blend-weights-hover"));
            }
            ModelKind::Repeat => {
                ui.add_enabled_ui(typed, |ui| {
                    number_ui(
                        ui,
                        &tr!("recommend-neighbours"),
                        &mut draft.neighbours,
                        1..=500,
                    );
                    number_ui(
                        ui,
                        &tr!("recommend-repeat-group-size"),
                        &mut draft.repeat_group_size,
                        1..=50,
                    );
                    let decays = [
                        (
                            tr!("recommend-repeat-basket-decay"),
                            &mut draft.repeat_basket_decay,
                        ),
                        (
                            tr!("recommend-repeat-group-decay"),
                            &mut draft.repeat_group_decay,
                        ),
                    ];
                    for (label, decay) in decays {
                        slider_ui(ui, &label, decay, 0.0..=1.0);
                    }
                    let label = tr!("recommend-repeat-alpha");
                    slider_ui(ui, &label, &mut draft.repeat_alpha, 0.0..=2.0);
                })
                .response
                .on_hover_text(tr!("recommend-repeat-settings-hover"));
            }
            ModelKind::Sasrec => {
                number_ui(
                    ui,
                    &tr!("recommend-sasrec-budget"),
                    &mut draft.sasrec_budget_secs,
                    1..=3600,
                );
                number_ui(
                    ui,
                    &tr!("recommend-sasrec-epochs"),
                    &mut draft.sasrec_epochs,
                    1..=500,
                );
            }
            ModelKind::Popular | ModelKind::History => {}
        }
        number_ui(
            ui,
            &tr!("recommend-items-per-customer"),
            &mut draft.top,
            1..=100,
        );
        ui.checkbox(&mut draft.exclude_seen, tr!("recommend-exclude-seen"))
            .on_hover_text(tr!("recommend-exclude-seen-hover"));
        if tunable(&[draft.model]) {
            ui.checkbox(&mut draft.validate, tr!("recommend-fit-validate"))
                .on_hover_text(tr!("recommend-fit-validate-hover"));
        }
    });
    ui.horizontal(|ui| {
        let fitted = recommend.fit().requested_params();
        let label = if fitted == Some(draft) {
            tr!("recommend-fit-again")
        } else {
            tr!("recommend-fit-model")
        };
        if ui.button(label).clicked() {
            commands.send(RecommendCommand::Run(draft.clone()));
        }
        ui.add(egui::Label::new(egui::RichText::new(model_note(draft.model)).weak()).wrap());
        if let Some(job) = recommend.fit().pending() {
            progress_ui(ui, job.progress());
            if ui
                .button(tr!("recommend-cancel"))
                .on_hover_text(tr!("recommend-cancel-hover"))
                .clicked()
            {
                commands.send(RecommendCommand::Cancel);
            }
        }
    });
    if let Some(results) = recommend.fit().current(version).map(|c| &c.value) {
        validation_ui(ui, &results.validation);
        if let Some(sasrec) = results.model.sasrec() {
            ui.add(egui::Label::new(sasrec_summary(sasrec)).wrap());
            sasrec_trials_ui(ui, &sasrec.log, sasrec.item_count());
        }
    }
    ui.horizontal(|ui| {
        let label = ui.label(tr!("recommend-export-to"));
        ui.add(egui::TextEdit::singleline(export_path).desired_width(260.0))
            .labelled_by(label.id)
            .on_hover_text(tr!("recommend-export-to-hover"));
        let results = recommend.fit().current(version).map(|c| &c.value);
        let ready = results.is_some() && !export_path.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(tr!("recommend-export")))
            .clicked()
        {
            commands.send(RecommendCommand::Export(PathBuf::from(export_path.trim())));
        }
        if let Some(results) = results {
            let rows: usize = results.lists.iter().map(Vec::len).sum();
            let customers = results.lists.iter().filter(|l| !l.is_empty()).count();
            ui.weak(tr!(
                "recommend-export-writes",
                rows = count(rows),
                customers = count(customers)
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
fn slider_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut f32,
    range: std::ops::RangeInclusive<f32>,
) {
    let label = ui.label(label);
    ui.add(egui::Slider::new(value, range))
        .labelled_by(label.id);
}

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

/// The SASRec settings the validation search tried on a catalogue of `items`,
/// one row each: its network, the items each training step scores, epochs
/// trained in its trial, best validation NDCG@10 and time; the row the lists
/// use is marked. Nothing when the search did not run.
fn sasrec_trials_ui(ui: &mut egui::Ui, log: &TrainingLog, items: usize) {
    if log.trials.is_empty() {
        return;
    }
    let title = tr!(
        "recommend-sasrec-trials",
        tried = log.trials.len().to_string()
    );
    egui::CollapsingHeader::new(title)
        .id_salt("recommend_sasrec_trials")
        .show(ui, |ui| {
            egui::Grid::new("recommend_sasrec_trials_grid")
                .striped(true)
                .show(ui, |ui| {
                    for key in [
                        tr!("recommend-sasrec-trial-dim"),
                        tr!("recommend-sasrec-trial-blocks"),
                        tr!("recommend-sasrec-trial-dropout"),
                        tr!("recommend-sasrec-trial-window"),
                        tr!("recommend-sasrec-trial-scored"),
                        tr!("recommend-sasrec-trial-epochs"),
                        tr!("recommend-sasrec-trial-ndcg"),
                        tr!("recommend-sasrec-trial-secs"),
                        String::new(),
                    ] {
                        ui.strong(key);
                    }
                    ui.end_row();
                    for trial in &log.trials {
                        let p = &trial.params;
                        ui.label(p.dim.to_string());
                        ui.label(p.blocks.to_string());
                        ui.label(number(f64::from(p.dropout), 2));
                        ui.label(p.max_len.to_string());
                        ui.label(scored_items(p, items));
                        ui.label(trial.epochs.to_string());
                        ui.label(number(trial.best_ndcg, 4));
                        ui.label(number(trial.secs, 1));
                        if *p == log.chosen {
                            ui.label(tr!("recommend-sasrec-trial-chosen"));
                        } else {
                            ui.label("");
                        }
                        ui.end_row();
                    }
                });
        });
}

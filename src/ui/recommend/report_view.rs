//! The report card: protocol and K pickers, a run button with progress and Cancel,
//! and one table comparing every model under the protocol stated above it.

use crate::analysis::recommend::ModelKind;
use crate::analysis::recommend::evaluate::{EvalParams, ReportCard, Split};
use crate::analysis::recommend::validate::Validation;
use crate::ui::command::Commands;
use crate::workspace::recommend::{Recommend, RecommendCommand, RecommendParams};

use super::{ViewState, progress_ui};

const SPLITS: [Split; 3] = [Split::LeaveLastOut, Split::Time8020, Split::LastBasket];

/// What each protocol holds out, in the operator's words.
pub fn split_note(split: Split) -> &'static str {
    match split {
        Split::LeaveLastOut => "each customer's last purchase is held out",
        Split::Time8020 => "each customer's last 20% of purchases (by time) are held out",
        Split::LastBasket => "each customer's last order is held out",
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    recommend: &Recommend,
    version: u64,
    draft: &RecommendParams,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_label("Protocol")
            .selected_text(view.split.name())
            .show_ui(ui, |ui| {
                for split in SPLITS {
                    ui.selectable_value(&mut view.split, split, split.name())
                        .on_hover_text(split_note(split));
                }
            });
        let label = ui.label("K:");
        ui.add(egui::DragValue::new(&mut view.k).range(1..=100))
            .labelled_by(label.id);
        ui.checkbox(&mut view.validate, "Choose settings by validation")
            .on_hover_text(
                "Pick item-kNN neighbours and ALS factors / regularisation on each customer's \
                 last training purchase (never the held-out test purchases)",
            );
        if ui
            .button("Run report card")
            .on_hover_text("Fit every model on the training part and score it on the held-out part")
            .clicked()
        {
            commands.send(RecommendCommand::Evaluate(EvalParams {
                split: view.split,
                k: view.k,
                exclude_seen: draft.exclude_seen,
                models: ModelKind::ALL.to_vec(),
                model: draft.model_params(),
                validate: view.validate,
            }));
        }
        if let Some(job) = recommend.report().pending() {
            progress_ui(ui, job.progress());
            if ui.button("Cancel report card").clicked() {
                commands.send(RecommendCommand::CancelReport);
            }
        }
    });
    let slot = recommend.report();
    if let Some(error) = slot.error() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("The report card stopped: {error}"),
        );
    }
    if let Some(card) = slot.current(version).map(|c| &c.value) {
        card_ui(ui, card);
    } else if slot.pending().is_none() {
        ui.label("Press Run report card to compare the models on held-out purchases.");
    }
}

/// The protocol line and the table of models.
pub fn protocol_text(card: &ReportCard) -> String {
    format!(
        "Protocol: {} ({}), K = {}, {} customers tested, already-bought items {}",
        card.split.name(),
        split_note(card.split),
        card.k,
        card.tested,
        if card.exclude_seen {
            "excluded"
        } else {
            "allowed"
        }
    )
}

/// The validation line of a card or a fit: what was chosen, or why nothing was;
/// hovering shows every setting tried.
pub fn validation_ui(ui: &mut egui::Ui, validation: &Option<Result<Validation, String>>) {
    match validation {
        None => {}
        Some(Ok(chosen)) => {
            let trials: Vec<String> = chosen
                .trials
                .iter()
                .map(|t| format!("{} {}: NDCG {:.4}", t.model.name(), t.setting, t.ndcg))
                .collect();
            ui.label(format!("Chosen by validation: {}", chosen.summary()))
                .on_hover_text(trials.join("\n"));
        }
        Some(Err(why)) => {
            ui.label(format!("Not chosen by validation: {why}"));
        }
    }
}

fn card_ui(ui: &mut egui::Ui, card: &ReportCard) {
    ui.label(protocol_text(card));
    validation_ui(ui, &card.validation);
    egui::Grid::new("recommend_report")
        .striped(true)
        .show(ui, |ui| {
            let k = card.k;
            let heads = [
                "Model".to_string(),
                format!("Precision@{k}"),
                format!("Recall@{k}"),
                format!("NDCG@{k}"),
                format!("Hit rate@{k}"),
                "Coverage".to_string(),
                "Fit s".to_string(),
                "Recommend s".to_string(),
            ];
            for head in heads {
                ui.strong(head);
            }
            ui.end_row();
            for m in &card.models {
                let x = &m.metrics;
                ui.label(m.model.name());
                for v in [x.precision, x.recall, x.ndcg, x.hit_rate, x.coverage] {
                    ui.label(format!("{v:.4}"));
                }
                ui.label(format!("{:.2}", m.fit_secs));
                ui.label(format!("{:.2}", m.recommend_secs));
                ui.end_row();
            }
        });
}

//! The report card: protocol and K pickers, a run button with progress and Cancel,
//! and one table comparing every model under the protocol stated above it, each
//! figure's meaning on hover, with what the card means for a campaign. A run with
//! nothing to test says why in one sentence, with the button that can fix it: run
//! again with leave-last-out or with already-bought items allowed, or open the
//! Data tab when the data itself lacks repeat customers.

use crate::analysis::recommend::ModelKind;
use crate::analysis::recommend::evaluate::{
    EvalParams, NothingToTest, Outcome, ReportCard, Split, Untested,
};
use crate::analysis::recommend::validate::Validation;
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::glossary::term;
use crate::ui::{format, labelled};
use crate::workspace::recommend::{Recommend, RecommendCommand, RecommendParams};

use super::controls_view::model_note;
use super::verdict::{card_winner, report_sentence};
use super::{ViewState, needs_ui, progress_ui};

const SPLITS: [Split; 3] = [Split::LeaveLastOut, Split::Time8020, Split::LastBasket];

pub fn ui(
    ui: &mut egui::Ui,
    recommend: &Recommend,
    version: u64,
    draft: &mut RecommendParams,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    ui.horizontal_wrapped(|ui| {
        labelled::menu(ui, tr!("recommend-protocol"), "recommend_protocol")
            .selected_text(view.split.display_name())
            .show_ui(ui, |ui| {
                for split in SPLITS {
                    ui.selectable_value(&mut view.split, split, split.display_name())
                        .on_hover_text(split.note());
                }
            })
            .response
            .on_hover_text(view.split.note());
        let label = ui.label(tr!("recommend-k"));
        ui.add(egui::DragValue::new(&mut view.k).range(1..=100))
            .labelled_by(label.id)
            .on_hover_text(tr!("recommend-k-meaning"));
        ui.checkbox(&mut view.validate, tr!("recommend-report-validate"))
            .on_hover_text(tr!("recommend-report-validate-hover"));
        ui.checkbox(&mut view.with_sasrec, tr!("recommend-report-with-sasrec"))
            .on_hover_text(tr!(
                "recommend-report-with-sasrec-hover",
                secs = draft.sasrec_budget_secs.to_string()
            ));
        if ui
            .button(tr!("recommend-run-report"))
            .on_hover_text(tr!("recommend-run-report-hover"))
            .clicked()
        {
            commands.send(RecommendCommand::Evaluate(EvalParams {
                split: view.split,
                k: view.k,
                exclude_seen: draft.exclude_seen,
                // SASRec joins when asked for or when it is the model picked.
                models: ModelKind::ALL
                    .into_iter()
                    .filter(|&k| k.on_default_card() || view.with_sasrec || k == draft.model)
                    .collect(),
                model: draft.model_params(),
                validate: view.validate,
            }));
        }
        if let Some(job) = recommend.report().pending() {
            progress_ui(ui, job.progress());
            if ui.button(tr!("recommend-cancel-report")).clicked() {
                commands.send(RecommendCommand::CancelReport);
            }
        }
    });
    let slot = recommend.report();
    if let Some(error) = slot.error() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr!("recommend-report-stopped", error = error.to_string()),
        );
    }
    match slot.current(version).map(|c| &c.value) {
        Some(Outcome::Scored(card)) => {
            card_ui(ui, card);
            winner_ui(ui, card, draft, commands);
        }
        Some(Outcome::NothingToTest(why)) => {
            let ran = slot.requested_params().cloned().unwrap_or_default();
            nothing_to_test_ui(ui, why, ran, view, commands);
        }
        None if slot.pending().is_none() => {
            ui.label(tr!("recommend-report-prompt"));
        }
        None => {}
    }
}

/// Why the last run had nothing to test, and the one step that can fix it:
/// `ran` again with another protocol or with already-bought items allowed, or
/// the Data tab when no protocol can test these purchases.
fn nothing_to_test_ui(
    ui: &mut egui::Ui,
    why: &NothingToTest,
    ran: EvalParams,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    let (rerun, label) = match why.cause() {
        Untested::OnePurchaseEach => {
            needs_ui(ui, &why.sentence(), commands);
            return;
        }
        Untested::OneOrderEach => (
            EvalParams {
                split: Split::LeaveLastOut,
                ..ran
            },
            tr!(
                "recommend-run-with-split",
                protocol = Split::LeaveLastOut.display_name()
            ),
        ),
        Untested::AllSeen => (
            EvalParams {
                exclude_seen: false,
                ..ran
            },
            tr!("recommend-run-allowing-seen"),
        ),
    };
    ui.add_space(8.0);
    ui.add(egui::Label::new(why.sentence()).wrap());
    if ui.button(label).clicked() {
        view.split = rerun.split;
        commands.send(RecommendCommand::Evaluate(rerun));
    }
}

/// The protocol line and the table of models.
pub fn protocol_text(card: &ReportCard) -> String {
    let protocol = card.split.display_name();
    let note = card.split.note();
    let (k, tested) = (card.k.to_string(), format::count(card.tested));
    if card.exclude_seen {
        tr!(
            "recommend-protocol-line-excluded",
            protocol = protocol,
            note = note,
            k = k,
            tested = tested
        )
    } else {
        tr!(
            "recommend-protocol-line-allowed",
            protocol = protocol,
            note = note,
            k = k,
            tested = tested
        )
    }
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
                .map(|t| {
                    tr!(
                        "recommend-validation-trial",
                        model = t.model.display_name(),
                        setting = t.setting.as_str(),
                        ndcg = format::number(t.ndcg, 4)
                    )
                })
                .collect();
            ui.label(tr!(
                "recommend-validation-chosen",
                summary = chosen.summary()
            ))
            .on_hover_text(trials.join("\n"));
        }
        Some(Err(why)) => {
            ui.label(tr!("recommend-validation-not-chosen", why = why.as_str()));
        }
    }
}

/// The button that makes the card's winner the lists' model, when it is not
/// already: the only way SASRec becomes the model without being picked.
fn winner_ui(
    ui: &mut egui::Ui,
    card: &ReportCard,
    draft: &mut RecommendParams,
    commands: &mut Commands,
) {
    let hit_rates: Vec<(ModelKind, f64)> = card
        .models
        .iter()
        .map(|m| (m.model, m.metrics.hit_rate))
        .collect();
    let Some(winner) = card_winner(&hit_rates).filter(|&w| w != draft.model) else {
        return;
    };
    let label = tr!("recommend-use-winner", model = winner.display_name());
    if ui
        .button(label)
        .on_hover_text(tr!("recommend-use-winner-hover"))
        .clicked()
    {
        draft.model = winner;
        commands.send(RecommendCommand::Run(draft.clone()));
    }
}

fn card_ui(ui: &mut egui::Ui, card: &ReportCard) {
    ui.label(protocol_text(card))
        .on_hover_text(tr!("recommend-protocol-meaning"));
    validation_ui(ui, &card.validation);
    let hit_rates: Vec<(ModelKind, f64)> = card
        .models
        .iter()
        .map(|m| (m.model, m.metrics.hit_rate))
        .collect();
    ui.add(
        egui::Label::new(egui::RichText::new(report_sentence(&hit_rates, card.k)).strong()).wrap(),
    );
    egui::Grid::new("recommend_report")
        .striped(true)
        .show(ui, |ui| {
            let k = card.k.to_string();
            let k = k.as_str();
            let heads = [
                (tr!("recommend-model"), tr!("recommend-model-meaning")),
                (
                    tr!("recommend-ndcg-at", k = k),
                    tr!("recommend-ndcg-meaning", k = k),
                ),
                (
                    tr!("recommend-hit-rate-at", k = k),
                    tr!("recommend-hit-rate-meaning", k = k),
                ),
                (
                    tr!("recommend-recall-at", k = k),
                    tr!("recommend-recall-meaning", k = k),
                ),
                (
                    tr!("recommend-precision-at", k = k),
                    tr!("recommend-precision-meaning", k = k),
                ),
                (tr!("recommend-coverage"), tr!("recommend-coverage-meaning")),
                (tr!("recommend-fit-secs"), tr!("recommend-fit-secs-meaning")),
                (
                    tr!("recommend-recommend-secs"),
                    tr!("recommend-recommend-secs-meaning"),
                ),
            ];
            for (head, meaning) in heads {
                term(ui, head, meaning);
            }
            ui.end_row();
            for m in &card.models {
                let x = &m.metrics;
                term(ui, m.model.display_name(), model_note(m.model));
                ui.label(format::number(x.ndcg, 3));
                for share in [x.hit_rate, x.recall, x.precision, x.coverage] {
                    ui.label(format::percent(share));
                }
                ui.label(format::number(m.fit_secs, 2));
                ui.label(format::number(m.recommend_secs, 2));
                ui.end_row();
            }
        });
}

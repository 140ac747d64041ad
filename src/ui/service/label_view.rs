//! "Label these next": the messages the intent model is least sure about (without
//! a model, the most common texts), each with the model's guess, a menu to give it
//! an intent and buttons to give it a mood. Labels are sent as commands and kept
//! by the workspace; the list stays as it is until the operator retrains, so rows
//! do not jump while they label.

use crate::analysis::voice::{Labels, Mood, ServiceReport};
use crate::numbers::{count, percent};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::glossary::term;
use crate::ui::state::UiState;
use crate::workspace::service::{Service, ServiceCommand};

/// Messages listed for labelling, at most.
const LISTED: usize = 10;

pub fn ui(
    ui: &mut egui::Ui,
    report: &ServiceReport,
    service: &Service,
    state: &mut UiState,
    commands: &mut Commands,
) {
    ui.add_space(6.0);
    term(
        ui,
        tr!("service-least-sure"),
        match report.intents.is_ok() {
            true => tr!("service-least-sure-meaning"),
            false => tr!("service-most-common-meaning"),
        },
    );
    status_ui(ui, service, commands);
    let choices = intent_choices(report, service.labels(), &state.service_new_intents);
    new_intent_ui(ui, state);
    egui::Grid::new("service_to_label")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for header in [
                tr!("service-col-row"),
                tr!("service-col-message"),
                tr!("service-col-guess"),
                tr!("service-col-label"),
                tr!("service-col-mood"),
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for &i in report.to_label.iter().take(LISTED) {
                row_ui(ui, report, service.labels(), &choices, i, commands);
                ui.end_row();
            }
        });
}

/// How many labels the operator gave and how many the shown result has not used,
/// with the button that trains on them.
fn status_ui(ui: &mut egui::Ui, service: &Service, commands: &mut Commands) {
    let labels = service.labels();
    let not_used = service.labels_not_used();
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(
            "service-labels-status",
            intents = count(labels.intent_count()),
            i = labels.intent_count(),
            moods = count(labels.mood_count()),
            m = labels.mood_count(),
            not_used = count(not_used),
        ));
        let button = egui::Button::new(tr!("service-retrain"));
        if ui
            .add_enabled(not_used > 0 && !service.is_busy(), button)
            .on_hover_text(tr!("service-retrain-hover"))
            .clicked()
        {
            commands.send(ServiceCommand::Run);
        }
    });
}

/// A field to name an intent no message has yet, so it can be chosen below.
fn new_intent_ui(ui: &mut egui::Ui, state: &mut UiState) {
    ui.horizontal(|ui| {
        let label = ui.label(tr!("service-new-intent"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.service_new_intent)
                    .hint_text(tr!("service-new-intent-hint"))
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let name = state.service_new_intent.trim().to_string();
        if (ui.button(tr!("service-new-intent-add")).clicked() || entered) && !name.is_empty() {
            if !state.service_new_intents.contains(&name) {
                state.service_new_intents.push(name);
            }
            state.service_new_intent.clear();
        }
    });
}

/// The intents a message can be labelled with: the model's, those the operator
/// used, and those they named; sorted, once each.
fn intent_choices(report: &ServiceReport, labels: &Labels, named: &[String]) -> Vec<String> {
    let mut choices: Vec<String> = match &report.intents {
        Ok(intents) => intents.model.intents().to_vec(),
        Err(_) => Vec::new(),
    };
    choices.extend(labels.intent_names());
    choices.extend(named.iter().cloned());
    choices.sort();
    choices.dedup();
    choices
}

fn row_ui(
    ui: &mut egui::Ui,
    report: &ServiceReport,
    labels: &Labels,
    choices: &[String],
    i: usize,
    commands: &mut Commands,
) {
    let text = &report.messages.text[i];
    ui.label(format!(
        "{} {}",
        report.messages.file[i], report.messages.row[i]
    ));
    // The message names its menu, for screen readers and tests.
    let message = ui.label(text).id;
    match &report.intents {
        Ok(intents) => {
            let guess = intents.predictions[i];
            ui.label(format!(
                "{} ({})",
                intents.model.intents()[guess.intent],
                percent(guess.confidence)
            ));
        }
        Err(_) => {
            ui.label("—");
        }
    }
    let current = labels.intent(text);
    egui::ComboBox::from_id_salt(("service_label", i))
        .selected_text(current.unwrap_or("—"))
        .width(110.0)
        .show_ui(ui, |ui| {
            if ui.selectable_label(current.is_none(), "—").clicked() {
                commands.send(ServiceCommand::LabelIntent {
                    text: text.clone(),
                    intent: None,
                });
            }
            for choice in choices {
                if ui
                    .selectable_label(current == Some(choice.as_str()), choice)
                    .clicked()
                {
                    commands.send(ServiceCommand::LabelIntent {
                        text: text.clone(),
                        intent: Some(choice.clone()),
                    });
                }
            }
        })
        .response
        .labelled_by(message);
    let mood = labels.mood(text);
    ui.horizontal(|ui| {
        for (choice, name) in [
            (Mood::Positive, tr!("service-mood-positive")),
            (Mood::Negative, tr!("service-mood-negative")),
        ] {
            let chosen = mood == Some(choice);
            if ui.selectable_label(chosen, name).clicked() {
                commands.send(ServiceCommand::LabelMood {
                    text: text.clone(),
                    mood: (!chosen).then_some(choice),
                });
            }
        }
    });
}

//! The Service tab: what customers write, sorted by intent and mood, replies
//! suggested from the shop's own past answers, product voice from reviews, and the
//! customer signals the other tabs can use. Reading is the workspace's Service job,
//! started by the update step while this tab is shown; the panel shows its
//! progress with Cancel. A missing file is one sentence with the button to the
//! Data tab.

use crate::analysis::service::sentiment::baseline_report;
use crate::analysis::voice::products::ProductVoice;
use crate::analysis::voice::{Intents, ReviewVoice, ServiceReport};
use crate::numbers::{count, number, percent};
use crate::tr;
use crate::workspace::Workspace;
use crate::workspace::service::{ServiceCommand, has_voice};

use super::bars::named_x_axis;
use super::behaviour::{error_ui, needs_ui, term_section_ui};
use super::command::Commands;
use super::glossary::term;
use super::service::{faq_view, label_view};
use super::state::UiState;

/// Products listed, at most.
const LISTED: usize = 10;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, state: &mut UiState, commands: &mut Commands) {
    ui.heading(tr!("tab-service"));
    if !has_voice(workspace.store()) {
        ui.add_space(8.0);
        needs_ui(ui, &tr!("service-needs-files"), commands);
        return;
    }
    let version = workspace.store_version();
    let results = workspace.service.results();
    ui.horizontal(|ui| {
        if ui.button(tr!("service-recompute")).clicked() {
            commands.send(ServiceCommand::Run);
        }
        if let Some(job) = results.pending() {
            let snapshot = job.progress().snapshot();
            ui.add(
                egui::ProgressBar::new(snapshot.fraction().unwrap_or(0.0))
                    .desired_width(260.0)
                    .text(tr!("service-reading")),
            );
            if ui.button(tr!("service-cancel")).clicked() {
                commands.send(ServiceCommand::Cancel);
            }
        }
    });
    if let Some(error) = results.error() {
        error_ui(ui, &tr!("service-stopped"), &error.to_string());
    }
    let Some(report) = results.current(version) else {
        return;
    };
    let report = &report.value;
    egui::ScrollArea::vertical()
        .id_salt("service_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if !report.messages.is_empty() {
                summary_ui(ui, report);
                intents_ui(ui, report);
                label_view::ui(ui, report, &workspace.service, state, commands);
                suggest_ui(ui, workspace, state, commands);
                faq_view::ui(ui, report, &workspace.service, state, commands);
                signals_ui(ui, report);
            }
            if let Some(voice) = &report.reviews {
                products_ui(ui, voice);
            }
        });
}

fn summary_ui(ui: &mut egui::Ui, report: &ServiceReport) {
    let baseline = baseline_report();
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(
            "service-summary",
            messages = count(report.messages.len()),
            positive = percent(report.positive_share())
        ));
        term(
            ui,
            tr!("service-sentiment"),
            tr!(
                "service-sentiment-meaning",
                accuracy = percent(baseline.accuracy),
                held_out = count(baseline.test)
            ),
        );
        if report.mood_labels > 0 {
            ui.label(tr!(
                "service-fine-tuned",
                labels = count(report.mood_labels)
            ));
        }
    });
}

fn intents_ui(ui: &mut egui::Ui, report: &ServiceReport) {
    term_section_ui(
        ui,
        &tr!("service-intents"),
        &tr!("service-intents-meaning"),
        &tr!("service-intents-explained"),
    );
    let intents = match &report.intents {
        Ok(intents) => intents,
        Err(why) => {
            ui.label(tr!("service-no-intents", why = why.as_str()));
            return;
        }
    };
    egui::Grid::new("service_intents")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for header in [
                tr!("service-col-intent"),
                tr!("service-col-messages"),
                tr!("service-col-share"),
                tr!("service-col-labelled"),
                tr!("service-col-words"),
                tr!("service-col-example"),
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for s in &intents.summary {
                ui.label(&s.name);
                ui.label(count(s.count));
                ui.label(percent(s.share));
                ui.label(count(s.labelled));
                ui.label(s.top_words.join(" "));
                ui.label(
                    s.examples
                        .first()
                        .map(|&i| report.messages.text[i].as_str())
                        .unwrap_or(""),
                );
                ui.end_row();
            }
        });
    volume_ui(ui, intents);
}

/// Messages per intent per month, one line each.
fn volume_ui(ui: &mut egui::Ui, intents: &Intents) {
    use egui_plot::{Corner, Legend, Line, Plot, PlotPoints};
    if intents.monthly.len() < 2 {
        return;
    }
    ui.add_space(6.0);
    ui.label(tr!("service-volume"));
    let months: Vec<String> = intents.monthly.iter().map(|(m, _)| m.clone()).collect();
    let plot = Plot::new("service_volume")
        .height(220.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .legend(Legend::default().position(Corner::LeftTop))
        .y_axis_label(tr!("service-volume-axis"));
    named_x_axis(plot, months, 3).show(ui, |plot_ui| {
        for (k, summary) in intents.summary.iter().enumerate() {
            let points: PlotPoints = intents
                .monthly
                .iter()
                .enumerate()
                .map(|(i, (_, counts))| [i as f64, counts[k] as f64])
                .collect();
            plot_ui.line(Line::new(summary.name.clone(), points));
        }
    });
}

fn suggest_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    state: &mut UiState,
    commands: &mut Commands,
) {
    term_section_ui(
        ui,
        &tr!("service-suggest"),
        &tr!("service-suggest-meaning"),
        &tr!("service-suggest-explained"),
    );
    ui.horizontal(|ui| {
        let label = ui.label(tr!("service-suggest-label"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.service_query)
                    .hint_text(tr!("service-suggest-hint"))
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(tr!("service-suggest-button")).clicked() || entered)
            && !state.service_query.trim().is_empty()
        {
            commands.send(ServiceCommand::Suggest(state.service_query.clone()));
        }
    });
    let Some(suggested) = workspace.service.suggested(workspace.store_version()) else {
        return;
    };
    if suggested.suggestions.is_empty() {
        ui.label(tr!("service-no-match", query = suggested.query.as_str()));
        return;
    }
    egui::Grid::new("service_suggestions")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for header in [
                tr!("service-col-score"),
                tr!("service-col-past-message"),
                tr!("service-col-reply"),
                tr!("service-col-intent"),
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for s in &suggested.suggestions {
                ui.label(number(s.score, 2));
                ui.label(&s.message);
                ui.label(&s.reply);
                ui.label(s.intent.as_deref().unwrap_or("—"));
                ui.end_row();
            }
        });
}

fn signals_ui(ui: &mut egui::Ui, report: &ServiceReport) {
    term_section_ui(
        ui,
        &tr!("service-signals"),
        &tr!("service-signals-meaning"),
        &tr!("service-signals-explained"),
    );
    ui.label(tr!(
        "service-signals-summary",
        customers = count(report.signals.height()),
        complained = count(report.complained),
        discount = count(report.asked_discount_no_buy)
    ));
}

fn products_ui(ui: &mut egui::Ui, voice: &ReviewVoice) {
    term_section_ui(
        ui,
        &tr!("service-products"),
        &tr!("service-products-meaning"),
        &tr!(
            "service-products-explained",
            reviews = count(voice.reviews),
            negative = percent(voice.negative_share)
        ),
    );
    voice_table_ui(
        ui,
        "service_products",
        tr!("service-col-product"),
        &voice.products,
    );
    if !voice.categories.is_empty() {
        ui.add_space(6.0);
        ui.label(tr!(
            "service-categories",
            reviews = count(voice.categorised)
        ));
        voice_table_ui(
            ui,
            "service_categories",
            tr!("service-col-category"),
            &voice.categories,
        );
    }
}

/// Products (or categories) with their review figures, flagged first.
fn voice_table_ui(ui: &mut egui::Ui, id: &str, first: String, rows: &[ProductVoice]) {
    egui::Grid::new(id)
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            for header in [
                first,
                tr!("service-col-reviews"),
                tr!("service-col-rating"),
                tr!("service-col-negative"),
                tr!("service-col-recent"),
                tr!("service-col-flag"),
                tr!("service-col-complaints"),
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for p in rows.iter().take(LISTED) {
                ui.label(match &p.name {
                    Some(name) => format!("{} {name}", p.item),
                    None => p.item.clone(),
                });
                ui.label(count(p.reviews));
                ui.label(p.mean_rating.map(|r| number(r, 1)).unwrap_or_default());
                ui.label(percent(p.negative_share));
                ui.label(match (p.recent_negative_share, p.earlier_negative_share) {
                    (Some(recent), Some(earlier)) => tr!(
                        "service-recent-vs-earlier",
                        recent = percent(recent),
                        earlier = percent(earlier)
                    ),
                    _ => String::new(),
                });
                ui.label(match (p.flagged, p.dropped) {
                    (_, true) => tr!("service-flag-dropped"),
                    (true, false) => tr!("service-flag-bad"),
                    _ => String::new(),
                });
                ui.label(p.words.join(" "));
                ui.end_row();
            }
        });
}

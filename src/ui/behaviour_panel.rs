//! The Behaviour tab: RFM groups, cohort retention, the events funnel and repeat
//! purchases of the loaded store. Computing is the workspace's Behaviour job,
//! started by the update step while this tab is shown and its settings or files
//! changed; the panel shows the progress with a Cancel button and keeps the last
//! results of these files on screen meanwhile. Errors are shown per part.

use crate::data::FileKind;
use crate::workspace::Workspace;
use crate::workspace::behaviour::{BehaviourCommand, BehaviourParams, BehaviourResults};

use super::behaviour::{
    Toggles, cohort_view, error_ui, filter_view, funnel_view, parse_date, repeat_view, rfm_view,
    section_ui,
};
use super::command::Commands;
use super::segments::segment_names;
use super::state::UiState;

/// Shown when the typed analysis date cannot be read.
pub const BAD_DATE: &str = "Write the analysis date as YYYY-MM-DD, e.g. 2024-06-30.";

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, state: &mut UiState, commands: &mut Commands) {
    ui.heading("Behaviour");
    if workspace.store().of_kind(FileKind::Orders).next().is_none() {
        ui.add_space(8.0);
        ui.label("Load an orders file to see customer behaviour: RFM groups, cohorts, the funnel and repeat purchases.");
        return;
    }
    let version = workspace.store_version();
    let wanted = workspace.behaviour.wanted();
    let names = workspace
        .segments
        .current(version)
        .map(|r| (r, segment_names(&r.value, &state.segment_names)));
    let segments = names.as_ref().map(|(r, n)| (*r, n.as_slice()));
    controls_ui(ui, workspace, &wanted, segments, commands);
    let behaviour = workspace.behaviour.results();
    if let Some(error) = behaviour.error() {
        error_ui(ui, "The behaviour analyses stopped", &error.to_string());
    }
    let Some(results) = behaviour.current(version) else {
        if behaviour.pending().is_none() && behaviour.error().is_none() {
            ui.label("Cancelled. Press Recompute to run the analyses.");
        }
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("behaviour_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            results_ui(ui, &results.value, &mut state.behaviour_toggles)
        });
}

/// The analysis date field, Recompute, the running job's progress and Cancel,
/// then the filter row.
fn controls_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    wanted: &BehaviourParams,
    segments: filter_view::SegmentChoice<'_>,
    commands: &mut Commands,
) {
    let text_id = egui::Id::unique("behaviour_date_text");
    let error_id = egui::Id::unique("behaviour_date_error");
    let mut text = ui
        .data(|d| d.get_temp::<String>(text_id))
        .unwrap_or_else(|| {
            wanted
                .analysis_date
                .map(|d| d.to_string())
                .unwrap_or_default()
        });
    let mut error = ui.data(|d| d.get_temp::<bool>(error_id)).unwrap_or(false);
    let shown_date = workspace
        .behaviour
        .results()
        .current(workspace.store_version())
        .and_then(|r| r.value.rfm.as_ref().ok())
        .map(|rfm| rfm.analysis_date.to_string());
    ui.horizontal(|ui| {
        let label = ui
            .label("Analysis date:")
            .on_hover_text("RFM recency is measured to this day; later purchases are left out.");
        let hint = match (&shown_date, wanted.analysis_date) {
            (Some(date), None) => format!("{date} (default)"),
            _ => "the day after the last purchase".to_string(),
        };
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(220.0),
        );
        let field = field.labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Apply").clicked() || entered {
            match parse_date(&text) {
                Ok(analysis_date) => {
                    error = false;
                    commands.send(BehaviourCommand::Run(BehaviourParams {
                        analysis_date,
                        ..wanted.clone()
                    }));
                }
                Err(()) => error = true,
            }
        }
        if ui
            .button("Recompute")
            .on_hover_text("Run every Behaviour analysis again")
            .clicked()
        {
            commands.send(BehaviourCommand::Run(wanted.clone()));
        }
        if let Some(job) = workspace.behaviour.results().pending() {
            let snapshot = job.progress().snapshot();
            let bar = egui::ProgressBar::new(snapshot.fraction().unwrap_or(0.0))
                .desired_width(260.0)
                .text(format!("{}…", snapshot.message));
            ui.add(bar);
            if ui
                .button("Cancel")
                .on_hover_text("Stop the behaviour analyses")
                .clicked()
            {
                commands.send(BehaviourCommand::Cancel);
            }
        }
    });
    if error {
        ui.colored_label(ui.visuals().error_fg_color, BAD_DATE);
    }
    ui.data_mut(|d| {
        d.insert_temp(text_id, text);
        d.insert_temp(error_id, error);
    });
    filter_view::ui(
        ui,
        wanted,
        workspace
            .behaviour
            .results()
            .current(workspace.store_version())
            .map(|r| &r.value),
        segments,
        commands,
    );
}

fn results_ui(ui: &mut egui::Ui, results: &BehaviourResults, toggles: &mut Toggles) {
    let unpriced = matches!(&results.rfm, Ok(rfm) if !rfm.money);
    let rule = match unpriced {
        true => rfm_view::SCORING_RULE_WITHOUT_MONEY,
        false => rfm_view::SCORING_RULE,
    };
    section_ui(ui, "RFM groups", rule);
    if !results.params.filter.is_empty() {
        // Quintiles are ranks: with a filter they compare the kept customers.
        ui.weak("With the filter, the ranks are among the customers it keeps.");
    }
    match &results.rfm {
        Ok(rfm) => rfm_view::ui(ui, rfm, toggles),
        Err(error) => error_ui(ui, "RFM", error),
    }
    section_ui(
        ui,
        "Cohort retention",
        "Customers grouped by the month of their first purchase; each cell is the share \
         of the cohort that bought in a later month (hover for figures).",
    );
    match &results.cohorts {
        Ok(cohorts) => cohort_view::ui(ui, cohorts, toggles),
        Err(error) => error_ui(ui, "Cohorts", error),
    }
    let funnel_scope = match &results.params.filter.customers {
        Some(set) => format!(" Only the events of {}.", set.label),
        None => String::new(),
    };
    section_ui(
        ui,
        "Funnel",
        &format!(
            "Customers who viewed, added to cart and bought, from the behaviour events.{funnel_scope}"
        ),
    );
    match &results.funnel {
        None => {
            ui.label(funnel_view::NEEDS_EVENTS);
        }
        Some(Ok(funnel)) => funnel_view::ui(ui, funnel),
        Some(Err(error)) => error_ui(ui, "Funnel", error),
    }
    section_ui(
        ui,
        "Repeat purchases",
        "How many customers come back, how long they take, and what sells.",
    );
    match &results.repeat {
        Ok(repeat) => repeat_view::ui(ui, repeat, toggles),
        Err(error) => error_ui(ui, "Repeat purchases", error),
    }
    ui.add_space(12.0);
}

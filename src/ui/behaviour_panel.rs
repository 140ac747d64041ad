//! The Behaviour tab: RFM groups, cohort retention, the events funnel and repeat
//! purchases of the loaded store. Computing is the workspace's Behaviour job: the
//! panel asks for a run when the store or the analysis date changed (and no run
//! with those inputs was asked for yet), shows the progress with a Cancel button
//! and keeps the last results on screen meanwhile. Errors are shown per part.
//! A picked segment whose segmentation was recomputed is dropped with a notice.

use crate::data::FileKind;
use crate::workspace::behaviour::{BehaviourParams, BehaviourResults};
use crate::workspace::{FileStage, Level, Workspace};

use super::app::Command;
use super::behaviour::{
    Toggles, cohort_view, error_ui, filter_view, funnel_view, parse_date, repeat_view, rfm_view,
    section_ui,
};
use super::segments::segment_names;
use super::state::UiState;

/// Shown when the typed analysis date cannot be read.
pub const BAD_DATE: &str = "Write the analysis date as YYYY-MM-DD, e.g. 2024-06-30.";

/// Shown as a notice when a picked segment is dropped.
pub const SEGMENT_DROPPED: &str = "The segments were recomputed, so the Behaviour tab's segment \
     filter no longer matches them and was removed. Pick a segment again to filter by one.";

pub fn ui(
    ui: &mut egui::Ui,
    workspace: &mut Workspace,
    state: &mut UiState,
    commands: &mut Vec<Command>,
) {
    ui.heading("Behaviour");
    if workspace.store().of_kind(FileKind::Orders).next().is_none() {
        ui.add_space(8.0);
        ui.label("Load an orders file to see customer behaviour: RFM groups, cohorts, the funnel and repeat purchases.");
        return;
    }
    let behaviour = workspace.behaviour();
    let mut wanted = behaviour.requested_params().cloned().unwrap_or_default();
    let loading = workspace
        .pending()
        .iter()
        .any(|p| !matches!(p.stage, FileStage::Mapping { .. }));
    let current = workspace.segments.slot().value().map(|r| &r.segmentation);
    if wanted.segment_is_stale(current) {
        wanted.segment = None;
        wanted.filter.customers = None;
        commands.push(Command::RunBehaviour(wanted.clone()));
        workspace.notify(Level::Info, SEGMENT_DROPPED);
    } else if !loading && behaviour.needs_run(&wanted, workspace.store_version()) {
        commands.push(Command::RunBehaviour(wanted.clone()));
    }
    let workspace = &*workspace;
    let names = workspace
        .segments
        .slot()
        .value()
        .map(|r| (r, segment_names(r, &state.segment_names)));
    let segments = names.as_ref().map(|(r, n)| (*r, n.as_slice()));
    controls_ui(ui, workspace, &wanted, segments, commands);
    let behaviour = workspace.behaviour();
    let slot = behaviour.slot();
    if let Some(error) = slot.error() {
        error_ui(ui, "The behaviour analyses stopped", &error.to_string());
    }
    let Some(results) = slot.value() else {
        if slot.pending().is_none() && slot.error().is_none() {
            ui.label("Cancelled. Press Recompute to run the analyses.");
        }
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("behaviour_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            results_ui(ui, results, &mut state.behaviour_toggles)
        });
}

/// The analysis date field, Recompute, the running job's progress and Cancel,
/// then the filter row.
fn controls_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    wanted: &BehaviourParams,
    segments: filter_view::SegmentChoice<'_>,
    commands: &mut Vec<Command>,
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
        .behaviour()
        .slot()
        .value()
        .and_then(|r| r.rfm.as_ref().ok())
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
                    commands.push(Command::RunBehaviour(BehaviourParams {
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
            commands.push(Command::RunBehaviour(wanted.clone()));
        }
        if let Some(job) = workspace.behaviour().slot().pending() {
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
                commands.push(Command::CancelBehaviour);
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
        workspace.behaviour().slot().value(),
        segments,
        commands,
    );
}

fn results_ui(ui: &mut egui::Ui, results: &BehaviourResults, toggles: &mut Toggles) {
    section_ui(ui, "RFM groups", rfm_view::SCORING_RULE);
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

//! The Behaviour tab: RFM groups, cohort retention, the events funnel and repeat
//! purchases of the loaded store. Computing is the workspace's Behaviour job,
//! started by the update step while this tab is shown and its settings or files
//! changed; the panel shows the progress with a Cancel button and keeps the last
//! results of these files on screen meanwhile. Errors are shown per part; a
//! missing input (no orders, no events file, events without items, no money) is
//! one sentence with the button to the Data tab. Each part opens with what its
//! result means for a campaign, and its title explains the jargon on hover.

use crate::tr;
use crate::workspace::Workspace;
use crate::workspace::behaviour::{BehaviourCommand, BehaviourParams, BehaviourResults};

use super::behaviour::{
    Toggles, cohort_view, error_ui, filter_view, funnel_view, needs_ui, parse_date, repeat_view,
    rfm_view, term_section_ui,
};
use super::command::Commands;
use super::segments::segment_names;
use super::state::UiState;
use super::summed;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, state: &mut UiState, commands: &mut Commands) {
    ui.heading(tr!("behaviour-heading"));
    if !workspace.store().has_orders() {
        ui.add_space(8.0);
        needs_ui(ui, &tr!("behaviour-needs-orders"), commands);
        return;
    }
    summed::note_ui(ui, workspace.store());
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
        error_ui(ui, &tr!("behaviour-stopped"), &error.to_string());
    }
    let Some(results) = behaviour.current(version) else {
        if behaviour.pending().is_none() && behaviour.error().is_none() {
            ui.label(tr!("behaviour-cancelled"));
        }
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("behaviour_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            results_ui(ui, &results.value, &mut state.behaviour_toggles, commands)
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
            .label(tr!("behaviour-analysis-date"))
            .on_hover_text(tr!("behaviour-analysis-date-hover"));
        let hint = match (&shown_date, wanted.analysis_date) {
            (Some(date), None) => tr!("behaviour-date-default", date = date.as_str()),
            _ => tr!("behaviour-date-hint"),
        };
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(220.0),
        );
        let field = field.labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr!("behaviour-apply")).clicked() || entered {
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
            .button(tr!("behaviour-recompute"))
            .on_hover_text(tr!("behaviour-recompute-hover"))
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
                .button(tr!("behaviour-cancel"))
                .on_hover_text(tr!("behaviour-cancel-hover"))
                .clicked()
            {
                commands.send(BehaviourCommand::Cancel);
            }
        }
    });
    if error {
        ui.colored_label(ui.visuals().error_fg_color, tr!("behaviour-bad-date"));
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

fn results_ui(
    ui: &mut egui::Ui,
    results: &BehaviourResults,
    toggles: &mut Toggles,
    commands: &mut Commands,
) {
    let unpriced = matches!(&results.rfm, Ok(rfm) if !rfm.money);
    term_section_ui(
        ui,
        &tr!("behaviour-rfm-title"),
        &tr!("behaviour-rfm-meaning"),
        &rfm_view::scoring_rule(!unpriced),
    );
    if !results.params.filter.is_empty() {
        // Quintiles are ranks: with a filter they compare the kept customers.
        ui.weak(tr!("behaviour-rfm-filtered"));
    }
    match &results.rfm {
        Ok(rfm) => rfm_view::ui(ui, rfm, toggles, commands),
        Err(error) => error_ui(ui, &tr!("behaviour-rfm-error"), error),
    }
    term_section_ui(
        ui,
        &tr!("behaviour-cohorts-title"),
        &tr!("behaviour-cohorts-meaning"),
        &tr!("behaviour-cohorts-explanation"),
    );
    match &results.cohorts {
        Ok(cohorts) => cohort_view::ui(ui, cohorts, toggles),
        Err(error) => error_ui(ui, &tr!("behaviour-cohorts-error"), error),
    }
    let funnel_explanation = match &results.params.filter.customers {
        Some(set) => tr!(
            "behaviour-funnel-explanation-segment",
            segment = set.label.as_str()
        ),
        None => tr!("behaviour-funnel-explanation"),
    };
    term_section_ui(
        ui,
        &tr!("behaviour-funnel"),
        &tr!("behaviour-funnel-meaning"),
        &funnel_explanation,
    );
    match &results.funnel {
        None => needs_ui(ui, &tr!("behaviour-needs-events"), commands),
        Some(Ok(funnel)) => funnel_view::ui(ui, funnel, commands),
        Some(Err(error)) => error_ui(ui, &tr!("behaviour-funnel"), error),
    }
    term_section_ui(
        ui,
        &tr!("behaviour-repeat"),
        &tr!("behaviour-repeat-meaning"),
        &tr!("behaviour-repeat-explanation"),
    );
    match &results.repeat {
        Ok(repeat) => repeat_view::ui(ui, repeat, toggles),
        Err(error) => error_ui(ui, &tr!("behaviour-repeat"), error),
    }
    ui.add_space(12.0);
}

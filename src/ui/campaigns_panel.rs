//! The Campaigns tab: who to contact, what it will likely return, and the list
//! out to the tools. The audience is the workspace's Campaigns job: the panel
//! asks for a build when the conditions, the loaded files or the scores joined on
//! (segments, propensity and value, recommendations) changed, a moment after the
//! last edit (debounced), shows progress with Cancel and keeps the last audience
//! on screen meanwhile. The what-if ROI is arithmetic, redrawn at once. Views
//! push `Action`s, carried out after the frame is drawn.

use std::sync::Arc;
use std::time::Duration;

use crate::data::FileKind;
use crate::workspace::campaign::{BuildKey, ScoreVersions, audience_key};
use crate::workspace::campaign_scores::ScoreInputs;
use crate::workspace::{FileStage, Workspace};

use super::behaviour::{error_ui, section_ui};
use super::campaigns::dialog::{self, Purpose};
use super::campaigns::{
    Action, ViewState, builder_view, exclusions_view, export_view, figures_view, preview_view,
    readout_view, roi_view, variants_view,
};
use super::segments::segment_names;
use super::state::UiState;

/// Seconds after the last edit before the audience is built again.
const DEBOUNCE_SECS: f64 = 0.3;

pub fn ui(ui: &mut egui::Ui, workspace: &mut Workspace, state: &mut UiState) {
    ui.heading("Campaigns");
    if workspace.store().of_kind(FileKind::Orders).next().is_none() {
        ui.add_space(8.0);
        ui.label("Load an orders file to build target lists for your campaigns.");
        return;
    }
    let view_id = egui::Id::unique("campaigns_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    while let Some((purpose, path)) = dialog::take(ui.ctx()) {
        let text = path.display().to_string();
        match purpose {
            Purpose::OptOut => view.opt_out_path = text,
            Purpose::Contacted => view.contacted_path = text,
            Purpose::Export => view.export_path = text,
            Purpose::Readout => view.readout_path = text,
        }
    }
    let names = workspace
        .segments
        .slot()
        .value()
        .map(|r| segment_names(r, &state.segment_names));
    let before = audience_key(&state.campaigns.draft);
    let mut actions = Vec::new();
    let campaigns = &workspace.campaigns;
    let slot = campaigns.build_slot();
    let results = slot.value();
    let key = BuildKey {
        audience: before.clone(),
        store_version: workspace.store_version(),
        scores: score_versions(workspace, names.as_deref()),
    };
    ui.horizontal(|ui| {
        if let Some(job) = slot.pending() {
            let snapshot = job.progress().snapshot();
            ui.add(
                egui::ProgressBar::new(snapshot.fraction().unwrap_or(0.0))
                    .desired_width(280.0)
                    .text(format!("Building the audience: {}…", snapshot.message)),
            );
            if ui
                .button("Cancel")
                .on_hover_text("Stop building (the last audience stays shown)")
                .clicked()
            {
                actions.push(Action::Cancel);
            }
        } else if results.is_none_or(|r| r.key != key) {
            if ui
                .button("Build")
                .on_hover_text("Build the audience now")
                .clicked()
            {
                actions.push(Action::Rebuild);
            }
            if results.is_some() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "The figures below are of the previous conditions.",
                );
            }
        }
    });
    if let Some(error) = slot.error() {
        error_ui(ui, "The audience could not be built", &error.to_string());
    }
    let audience = results.and_then(|r| r.audience.as_deref().ok());
    if let Some(Err(error)) = results.map(|r| &r.audience) {
        error_ui(ui, "The conditions cannot be applied", error);
    }
    if let (Some(results), Some(audience)) = (results, audience) {
        figures_view::ui(ui, audience, results.customers);
    }
    let segment_names = names.unwrap_or_default();
    egui::ScrollArea::vertical()
        .id_salt("campaigns_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.columns(2, |columns| {
                let left = &mut columns[0];
                section_ui(
                    left,
                    "Who",
                    "Conditions over the customers, their segments, scores and purchases.",
                );
                builder_view::ui(
                    left,
                    &mut state.campaigns.draft.condition,
                    results,
                    &segment_names,
                    &mut view,
                );
                section_ui(
                    left,
                    "Leave out and hold out",
                    "Opted-out and recently contacted lists, a maximum size, and the \
                     control group kept aside to measure the uplift.",
                );
                exclusions_view::ui(left, &mut state.campaigns.draft, results, &mut view);
                let right = &mut columns[1];
                section_ui(
                    right,
                    "What-if ROI",
                    "Economics of contacting the targets, against the control's baseline.",
                );
                match (results, audience) {
                    (Some(results), Some(audience)) => {
                        roi_view::inputs_ui(right, &mut state.campaigns, audience);
                        right.add_space(6.0);
                        roi_view::outcome_ui(right, &state.campaigns, audience);
                        right.add_space(6.0);
                        roi_view::curve_ui(right, &mut state.campaigns, results, audience);
                    }
                    _ => {
                        right.label("The figures appear once the audience is built.");
                    }
                }
                section_ui(
                    right,
                    "Variants",
                    "Save the campaign under a name to compare variants side by side.",
                );
                variants_view::ui(right, &mut state.campaigns, audience, &mut view);
            });
            section_ui(
                ui,
                "Targets",
                "The first customers of the list, and the export for your tools.",
            );
            if let Some(results) = results.filter(|_| audience.is_some()) {
                preview_view::ui(ui, results);
            }
            ui.add_space(6.0);
            export_view::ui(
                ui,
                campaigns,
                &state.campaigns.draft.name,
                audience.is_some(),
                &mut view,
                &mut actions,
            );
            section_ui(
                ui,
                "Readout",
                "After the campaign: did the targets buy more than the control group?",
            );
            readout_view::ui(ui, campaigns, audience.is_some(), &mut view, &mut actions);
            ui.add_space(12.0);
        });
    let now = ui.input(|i| i.time);
    let after = audience_key(&state.campaigns.draft);
    if after != before {
        view.changed_at = now;
    }
    let key = BuildKey {
        audience: after,
        ..key
    };
    let loading = workspace
        .pending()
        .iter()
        .any(|p| !matches!(p.stage, FileStage::Mapping { .. }));
    if !loading && workspace.campaigns.needs_build(&key) {
        let wait = DEBOUNCE_SECS - (now - view.changed_at);
        if wait <= 0.0 {
            start_build(workspace, state, key.clone());
        } else {
            ui.ctx()
                .request_repaint_after(Duration::from_secs_f64(wait));
        }
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));
    for action in actions {
        match action {
            Action::Rebuild => start_build(workspace, state, key.clone()),
            Action::Cancel => workspace.campaigns.cancel(),
            Action::Export { path, options } => {
                let store = workspace.store().clone();
                let def = state.campaigns.draft.clone();
                workspace.campaigns.export(path, options, def, &store);
            }
            Action::ReadOut { path, from, to } => workspace.campaigns.read_out(path, from, to),
        }
    }
}

fn start_build(workspace: &mut Workspace, state: &UiState, key: BuildKey) {
    let names = workspace
        .segments
        .slot()
        .value()
        .map(|r| segment_names(r, &state.segment_names));
    let inputs = ScoreInputs {
        segments: workspace
            .segments
            .slot()
            .value()
            .map(|r| (r.segmentation.clone(), names.unwrap_or_default())),
        value: workspace
            .value
            .slot()
            .value()
            .map(|r| (Arc::new(r.rows.clone()), r.propensity.thresholds)),
        recs: workspace
            .recommend
            .slot()
            .value()
            .map(|r| (r.interactions.clone(), r.lists.clone())),
    };
    let store = workspace.store().clone();
    let def = state.campaigns.draft.clone();
    workspace.campaigns.build(&store, key, def, inputs);
}

/// The identity of the score results the audience would be built with.
fn score_versions(workspace: &Workspace, names: Option<&[String]>) -> ScoreVersions {
    ScoreVersions {
        segments: workspace.segments.slot().value().map(|r| {
            (
                Arc::as_ptr(&r.segmentation) as usize,
                names.map(<[String]>::to_vec).unwrap_or_default(),
            )
        }),
        value: workspace.value.slot().value().map(|r| {
            let t = r.propensity.thresholds;
            (
                r.rows.as_ptr() as usize,
                t.medium.to_bits(),
                t.high.to_bits(),
            )
        }),
        recs: workspace
            .recommend
            .slot()
            .value()
            .map(|r| Arc::as_ptr(&r.lists) as usize),
    }
}

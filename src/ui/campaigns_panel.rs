//! The Campaigns tab: who to contact, what it will likely return, and the list
//! out to the tools. The audience is the workspace's Campaigns job: the panel
//! defines the campaign being edited a moment after the last edit (debounced) and
//! the update step builds it when the conditions, the loaded files or the scores
//! joined on (segments, propensity and value, recommendations, each only when
//! computed on the loaded files) changed. Only an audience built on exactly
//! these inputs is shown, exported or read out. The what-if ROI is arithmetic,
//! redrawn at once. Views send `CampaignsCommand`s, carried out after the frame.

use std::time::Duration;

use crate::data::FileKind;
use crate::tr;
use crate::workspace::Workspace;
use crate::workspace::campaign::{CampaignsCommand, audience_key};

use super::behaviour::{error_ui, section_ui};
use super::campaigns::dialog::{self, Answer, Purpose};
use super::campaigns::{
    ViewState, builder_view, curve_view, exclusions_view, export_view, figures_view, prerequisite,
    preview_view, readout_view, roi_view, variants_view,
};
use super::command::Commands;
use super::segments::segment_names;
use super::state::{Tab, UiState};
use super::summed;

/// Seconds after the last edit before the audience is built again.
const DEBOUNCE_SECS: f64 = 0.3;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, state: &mut UiState, commands: &mut Commands) {
    ui.heading(tr!("campaigns-heading"));
    if workspace.store().of_kind(FileKind::Orders).next().is_none() {
        ui.add_space(8.0);
        let text = summed::missing_orders(
            workspace.store(),
            &tr!("campaigns-what"),
            tr!("campaigns-no-orders"),
        );
        prerequisite::ui_with(ui, &text, Tab::Data, commands);
        return;
    }
    let view_id = egui::Id::unique("campaigns_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    while let Some((purpose, answer)) = dialog::take(ui.ctx()) {
        let path = match answer {
            Answer::Picked(path) => path,
            Answer::Unavailable => {
                view.no_dialog = true;
                continue;
            }
        };
        view.no_dialog = false;
        let text = path.display().to_string();
        match purpose {
            Purpose::OptOut => view.opt_out_path = text,
            Purpose::Contacted => view.contacted_path = text,
            Purpose::Export => view.export_path = text,
            Purpose::Readout => view.readout_path = text,
            Purpose::SentList => view.readout_sent = text,
        }
    }
    if view.no_dialog {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, tr!("campaigns-no-dialog"));
            if ui.small_button(tr!("campaigns-ok")).clicked() {
                view.no_dialog = false;
            }
        });
    }
    let version = workspace.store_version();
    let scores = workspace.score_sources();
    let names = scores
        .segments
        .map(|r| segment_names(&r.value, &state.segment_names));
    let before = audience_key(&state.campaigns.draft);
    let campaigns = &workspace.campaigns;
    let build = campaigns.build();
    let results = campaigns.current(version, &scores).map(|c| &c.value);
    let readout = campaigns.readout_slot().value().map(|r| &r.readout);
    ui.horizontal(|ui| {
        if let Some(job) = build.pending() {
            let snapshot = job.progress().snapshot();
            ui.add(
                egui::ProgressBar::new(snapshot.fraction().unwrap_or(0.0))
                    .desired_width(280.0)
                    .text(tr!("campaigns-building", step = snapshot.message.as_str())),
            );
            if ui
                .button(tr!("campaigns-cancel"))
                .on_hover_text(tr!("campaigns-cancel-hover"))
                .clicked()
            {
                commands.send(CampaignsCommand::Cancel);
            }
        } else if results.is_none_or(|r| r.key.audience != before) {
            if ui
                .button(tr!("campaigns-build"))
                .on_hover_text(tr!("campaigns-build-hover"))
                .clicked()
            {
                commands.send(CampaignsCommand::Define {
                    def: Box::new(state.campaigns.draft.clone()),
                    segment_names: names.clone().unwrap_or_default(),
                });
                commands.send(CampaignsCommand::Rebuild);
            }
            if results.is_some() {
                ui.colored_label(ui.visuals().warn_fg_color, tr!("campaigns-stale"));
            }
        }
    });
    if let Some(error) = build.error() {
        error_ui(ui, &tr!("campaigns-build-failed"), &error.to_string());
    }
    let audience = results.and_then(|r| r.audience.as_deref().ok());
    // A condition on something not computed or loaded yet says so at its row
    // (with the tab that provides it), not as the build's error.
    if let Some(results) = results
        && let Err(error) = &results.audience
        && prerequisite::missing(&results.key.audience, results).is_none()
    {
        error_ui(ui, &tr!("campaigns-conditions-failed"), error);
    }
    if let (Some(results), Some(audience)) = (results, audience) {
        let outcome = state.campaigns.outcome(audience, readout);
        figures_view::ui(ui, audience, &outcome, results.customers);
    }
    let shown_names = names.clone().unwrap_or_default();
    egui::ScrollArea::vertical()
        .id_salt("campaigns_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.columns(2, |columns| {
                let left = &mut columns[0];
                section_ui(
                    left,
                    &tr!("campaigns-who"),
                    &tr!("campaigns-who-explanation"),
                );
                builder_view::ui(
                    left,
                    &mut state.campaigns.draft.condition,
                    results,
                    &shown_names,
                    &mut view,
                    commands,
                );
                section_ui(
                    left,
                    &tr!("campaigns-leave-out"),
                    &tr!("campaigns-leave-out-explanation"),
                );
                exclusions_view::ui(
                    left,
                    &mut state.campaigns.draft,
                    results,
                    &mut view,
                    commands,
                );
                let right = &mut columns[1];
                section_ui(
                    right,
                    &tr!("campaigns-what-if"),
                    &tr!("campaigns-what-if-explanation"),
                );
                match (results, audience) {
                    (Some(results), Some(audience)) => {
                        roi_view::inputs_ui(
                            right,
                            &mut state.campaigns,
                            results,
                            audience,
                            readout,
                            commands,
                        );
                        right.add_space(6.0);
                        roi_view::outcome_ui(right, &state.campaigns, audience, readout);
                        right.add_space(6.0);
                        curve_view::ui(right, &mut state.campaigns, results, audience, readout);
                    }
                    _ => {
                        right.label(tr!("campaigns-no-figures"));
                    }
                }
                section_ui(
                    right,
                    &tr!("campaigns-variants"),
                    &tr!("campaigns-variants-explanation"),
                );
                variants_view::ui(right, &mut state.campaigns, audience, readout, &mut view);
            });
            section_ui(
                ui,
                &tr!("campaigns-targets"),
                &tr!("campaigns-targets-explanation"),
            );
            if let Some(results) = results.filter(|_| audience.is_some()) {
                preview_view::ui(ui, results);
            }
            ui.add_space(6.0);
            export_view::ui(
                ui,
                campaigns,
                &campaigns.export_folder(workspace.store()),
                &state.campaigns.draft,
                audience.is_some(),
                &mut view,
                commands,
            );
            section_ui(
                ui,
                &tr!("campaigns-readout"),
                &tr!("campaigns-readout-explanation"),
            );
            readout_view::ui(ui, campaigns, audience.is_some(), &mut view, commands);
            ui.add_space(12.0);
        });
    let now = ui.input(|i| i.time);
    if audience_key(&state.campaigns.draft) != before {
        view.changed_at = now;
    }
    let segment_names = names.unwrap_or_default();
    let defined = campaigns.wanted();
    if defined.is_none_or(|(def, names)| *def != state.campaigns.draft || names != segment_names) {
        let wait = DEBOUNCE_SECS - (now - view.changed_at);
        if wait <= 0.0 || defined.is_none() {
            commands.send(CampaignsCommand::Define {
                def: Box::new(state.campaigns.draft.clone()),
                segment_names,
            });
        } else {
            ui.ctx()
                .request_repaint_after(Duration::from_secs_f64(wait));
        }
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));
}

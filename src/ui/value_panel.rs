//! The Value tab: who will buy in the next window, who is at risk of churning and
//! what each customer is worth. Training is the workspace's Value job, started by
//! the Train button (fitting is too heavy to start by itself); the panel shows its
//! progress with Cancel and keeps the last result on screen meanwhile. Views push
//! `Action`s, carried out after the frame is drawn. When the Segments tab has
//! segments, the customer table names each customer's segment.

use crate::data::FileKind;
use crate::workspace::Workspace;
use crate::workspace::value::ValueResults;

use super::behaviour::{error_ui, section_ui};
use super::segments::{scores_view, segment_names};
use super::state::UiState;
use super::value::{
    Action, ViewState, clv_view, controls_view, customers_view, model_view, risk_view,
};

pub fn ui(ui: &mut egui::Ui, workspace: &mut Workspace, state: &UiState) {
    ui.heading("Value");
    if workspace.store().of_kind(FileKind::Orders).next().is_none() {
        ui.add_space(8.0);
        ui.label("Load an orders file to score your customers' propensity, churn risk and value.");
        return;
    }
    let view_id = egui::Id::unique("value_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    if let Some(params) = workspace.value.take_preferred_params() {
        view.cutoff_text = params.cutoff.map(|d| d.to_string()).unwrap_or_default();
        view.params = params;
    }
    let mut actions = Vec::new();
    let value = &workspace.value;
    controls_view::ui(ui, value, &mut view, &mut actions);
    let slot = value.slot();
    if let Some(error) = slot.error() {
        error_ui(ui, "The training stopped", &error.to_string());
    }
    match slot.value() {
        Some(results) => {
            egui::ScrollArea::vertical()
                .id_salt("value_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    results_ui(ui, workspace, state, results, &mut view, &mut actions)
                });
        }
        None if slot.pending().is_none() && slot.error().is_none() => {
            ui.add_space(8.0);
            ui.label(
                "Press Train to fit the propensity models (who buys within the window) and \
                 the customer value models.",
            );
        }
        None => {}
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));
    for action in actions {
        apply(action, workspace);
    }
}

fn apply(action: Action, workspace: &mut Workspace) {
    match action {
        Action::Train(params) => {
            let (store, version) = (workspace.store().clone(), workspace.store_version());
            workspace.value.train(&store, version, params);
        }
        Action::Cancel => workspace.value.cancel(),
        Action::SetThresholds(thresholds) => {
            if let Err(error) = workspace.value.set_thresholds(thresholds) {
                workspace.notify(crate::workspace::Level::Error, error.to_string());
            }
        }
        Action::Export(path) => workspace.value.export(path),
    }
}

fn results_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    state: &UiState,
    results: &ValueResults,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    if results.store_version != workspace.store_version() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The loaded files changed since this training: press Train to refresh it.",
        );
    }
    let propensity = &results.propensity;
    ui.label(format!(
        "{} customers scored by {} on {} features.",
        crate::ui::format::count(propensity.scores.height()),
        propensity.chosen.name(),
        propensity.features.len()
    ));
    model_view::ui(ui, propensity);
    risk_view::ui(ui, results, actions);
    clv_view::ui(ui, &results.clv);
    section_ui(
        ui,
        "Customers",
        "Propensity to buy within the window, churn risk and its bucket, P(alive), \
         purchases and value predicted over the CLV horizon, and the expected next order.",
    );
    let segments = workspace.segments.slot().value().map(|segments| {
        let join = scores_view::joined(ui, segments, results);
        (join, segment_names(segments, &state.segment_names))
    });
    let segments = segments
        .as_ref()
        .map(|(join, names)| (join.as_ref(), names.as_slice()));
    customers_view::ui(ui, &workspace.value, results, segments, view, actions);
    ui.add_space(12.0);
}

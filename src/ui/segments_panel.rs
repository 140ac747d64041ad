//! The Segments tab: K-means segments of the loaded customers that explain
//! themselves. Computing is the workspace's Segments job: the panel asks for a run
//! when the store or the settings changed (and no run with those inputs was asked
//! for yet), shows progress with Cancel and keeps the last result on screen
//! meanwhile. Views push `Action`s, carried out after the frame is drawn. When the
//! Value tab has scores, they are joined to the segments (profiles and members).

use crate::analysis::segments::Feature;
use crate::data::FileKind;
use crate::workspace::segments::SegmentsResults;
use crate::workspace::{FileStage, Workspace};

use super::behaviour::{error_ui, section_ui};
use super::segments::{
    Action, ViewState, controls_view, curve_view, members_view, profile_view, scatter_view,
    scores_view, segment_names, size_view, summary_view, tree_view,
};
use super::state::UiState;

pub fn ui(ui: &mut egui::Ui, workspace: &mut Workspace, state: &mut UiState) {
    ui.heading("Segments");
    if workspace.store().of_kind(FileKind::Orders).next().is_none() {
        ui.add_space(8.0);
        ui.label("Load an orders file to segment your customers.");
        return;
    }
    let view_id = egui::Id::unique("segments_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    let mut actions = Vec::new();
    let segments = &workspace.segments;
    let wanted = segments.requested_params().cloned().unwrap_or_default();
    let loading = workspace
        .pending()
        .iter()
        .any(|p| !matches!(p.stage, FileStage::Mapping { .. }));
    if !loading && segments.needs_run(&wanted, workspace.store_version()) {
        actions.push(Action::Run(wanted.clone()));
    }
    let available: Vec<Feature> = segments.slot().value().map_or_else(
        || Feature::ALL.to_vec(),
        |r| r.segmentation.features.available.clone(),
    );
    controls_view::ui(ui, segments, &wanted, &available, &mut actions);
    let slot = segments.slot();
    if let Some(error) = slot.error() {
        error_ui(ui, "The segmentation stopped", &error.to_string());
    }
    match slot.value() {
        Some(results) => {
            let names = segment_names(results, &state.segment_names);
            if view.selected >= names.len() {
                view.selected = 0;
            }
            egui::ScrollArea::vertical()
                .id_salt("segments_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    results_ui(ui, workspace, results, &names, &mut view, &mut actions)
                });
        }
        None if slot.pending().is_none() && slot.error().is_none() => {
            ui.label("Cancelled. Press Auto or move K to segment the customers.");
        }
        None => {}
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));
    for action in actions {
        apply(action, workspace, state);
    }
}

fn apply(action: Action, workspace: &mut Workspace, state: &mut UiState) {
    match action {
        Action::Run(params) => {
            let (store, version) = (workspace.store().clone(), workspace.store_version());
            workspace.segments.run(&store, version, params);
        }
        Action::Cancel => workspace.segments.cancel(),
        Action::Rename { key, name } => {
            if name.is_empty() {
                state.segment_names.remove(&key);
            } else {
                state.segment_names.insert(key, name);
            }
        }
        Action::Export { path, segment } => {
            let names = workspace
                .segments
                .slot()
                .value()
                .map(|r| segment_names(r, &state.segment_names))
                .unwrap_or_default();
            workspace.segments.export(path, segment, names);
        }
    }
}

fn results_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    results: &SegmentsResults,
    names: &[String],
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let segmentation = &results.segmentation;
    let c = &segmentation.clustering;
    ui.label(format!(
        "{} customers in {} segments (K = {}), silhouette {:.3}{}, on {}; recency measured to {}.",
        crate::ui::format::count(segmentation.features.len()),
        c.k,
        c.k,
        c.silhouette,
        if c.silhouette_sampled {
            " (sampled)"
        } else {
            ""
        },
        segmentation
            .features
            .set
            .features()
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", "),
        segmentation.features.analysis_date
    ));
    section_ui(
        ui,
        "Choosing K",
        "Inertia (within-segment spread) always falls as K grows: look for the bend. \
         Silhouette (−1..1) is higher when segments are well apart.",
    );
    curve_view::ui(ui, &results.curve, c.k);
    section_ui(
        ui,
        "Segments",
        "Click a name to look at that segment below and to rename it.",
    );
    summary_view::ui(ui, results, names, view, actions);
    section_ui(
        ui,
        "Size and revenue",
        "How many customers each segment holds, and how much of the revenue they bring.",
    );
    size_view::ui(ui, results, names);
    section_ui(
        ui,
        "How to recognise each segment",
        "A shallow decision tree that predicts the segment from the features in use.",
    );
    match &results.tree {
        Ok(tree) => tree_view::ui(ui, tree, names),
        Err(error) => error_ui(ui, "Rules", error),
    }
    section_ui(
        ui,
        "Segment picture",
        "Each dot is a customer, placed by the two directions along which customers differ most.",
    );
    match &results.scatter {
        Ok(scatter) => scatter_view::ui(ui, results, scatter, names),
        Err(error) => error_ui(ui, "Picture", error),
    }
    let value = workspace.value.slot().value();
    let join = value.map(|value| scores_view::joined(ui, results, value));
    section_ui(
        ui,
        "Scores by segment",
        "From the Value tab: mean propensity to buy within its window, share of the \
         segment in the high churn-risk bucket, mean and total predicted customer value.",
    );
    scores_view::ui(ui, join.as_deref(), results, names);
    let name = names.get(view.selected).map_or("", String::as_str);
    section_ui(
        ui,
        &format!("Profile and members: {name}"),
        "Pick another segment in the table above.",
    );
    profile_view::ui(ui, results, view.selected, name);
    let scores = join
        .as_deref()
        .zip(value)
        .map(|(join, value)| (join, value.rows.as_slice(), value.propensity.thresholds));
    members_view::ui(
        ui,
        &workspace.segments,
        results,
        scores,
        names,
        view,
        actions,
    );
    ui.add_space(12.0);
}

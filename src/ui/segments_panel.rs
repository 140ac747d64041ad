//! The Segments tab: K-means segments of the loaded customers that explain
//! themselves. Computing is the workspace's Segments job, started by the update
//! step when the settings or the files changed; the panel shows progress with
//! Cancel and keeps the last result of these files on screen meanwhile. Views send
//! commands, carried out after the frame is drawn. When the Value tab has scores
//! on the same files, they are joined to the segments (profiles and members).

use crate::analysis::segments::Feature;
use crate::data::FileKind;
use crate::workspace::Workspace;
use crate::workspace::computation::Computed;
use crate::workspace::segments::SegmentsResults;

use super::behaviour::{error_ui, section_ui};
use super::command::Commands;
use super::segments::{
    ViewState, controls_view, curve_view, members_view, profile_view, scatter_view, scores_view,
    segment_names, size_view, summary_view, tree_view,
};
use super::state::UiState;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, state: &UiState, commands: &mut Commands) {
    ui.heading("Segments");
    if workspace.store().of_kind(FileKind::Orders).next().is_none() {
        ui.add_space(8.0);
        ui.label("Load an orders file to segment your customers.");
        return;
    }
    let view_id = egui::Id::unique("segments_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    let segments = &workspace.segments;
    let wanted = segments.wanted();
    let shown = segments.current(workspace.store_version());
    let available: Vec<Feature> = shown.map_or_else(
        || Feature::ALL.to_vec(),
        |r| r.value.segmentation.features.available.clone(),
    );
    let clustering = shown.map(|r| &r.value.segmentation.clustering);
    controls_view::ui(ui, segments, clustering, &wanted, &available, commands);
    let computation = segments.results();
    if let Some(error) = computation.error() {
        error_ui(ui, "The segmentation stopped", &error.to_string());
    }
    match shown {
        Some(results) => {
            let names = segment_names(&results.value, &state.segment_names);
            if view.selected >= names.len() {
                view.selected = 0;
            }
            egui::ScrollArea::vertical()
                .id_salt("segments_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    results_ui(ui, workspace, results, &names, &mut view, commands)
                });
        }
        None if computation.pending().is_none() && computation.error().is_none() => {
            ui.label("Cancelled. Press Auto or move K to segment the customers.");
        }
        None => {}
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));
}

fn results_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    computed: &Computed<SegmentsResults>,
    names: &[String],
    view: &mut ViewState,
    commands: &mut Commands,
) {
    let results = &computed.value;
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
    summary_view::ui(ui, results, names, view, commands);
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
    let value = workspace.value.results().current(workspace.store_version());
    let join = value.map(|value| scores_view::joined(ui, computed, value));
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
    let scores = join.as_deref().zip(value.map(|v| &v.value));
    members_view::ui(
        ui,
        &workspace.segments,
        results,
        (computed.generation, value.map_or(0, |v| v.generation)),
        scores,
        names,
        view,
        commands,
    );
    ui.add_space(12.0);
}

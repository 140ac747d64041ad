//! The Segments tab: K-means segments of the loaded customers that explain
//! themselves. Computing is the workspace's Segments job, started by the update
//! step when the settings or the files changed; the panel shows progress with
//! Cancel and keeps the last result of these files on screen meanwhile. Views send
//! commands, carried out after the frame is drawn. When the Value tab has scores
//! on the same files, they are joined to the segments (profiles and members).
//! A run that failed for want of an input (no orders, too few customers, no
//! money for the spend features, no unit price or item id for the price
//! features, no service-messages file for the service signals) says what is
//! needed, with a button to the Data tab (and one that unticks the features the
//! data cannot give), instead of the run's error. The service signals are
//! offered as features only when a service-messages file is loaded.

use crate::analysis::segments::Feature;
use crate::workspace::Workspace;
use crate::workspace::computation::Computed;
use crate::workspace::segments::{SegmentsResults, has_service_messages, has_unit_prices};

use super::behaviour::{error_ui, section_ui};
use super::command::Commands;
use super::format;
use super::glossary::term;
use super::segments::needs::{self, Need};
use super::segments::{
    ViewState, controls_view, curve_view, feature_words, meaning, members_view, profile_view,
    scatter_view, scores_view, segment_names, size_view, summary_view, tree_view,
};
use super::state::UiState;
use super::summed;
use crate::tr;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, state: &UiState, commands: &mut Commands) {
    ui.heading(tr!("segments-heading"));
    let segments = &workspace.segments;
    let wanted = segments.wanted();
    if !workspace.store().has_orders() {
        needs::ui(ui, &Need::Orders, &wanted, commands);
        return;
    }
    summed::note_ui(ui, workspace.store());
    let view_id = egui::Id::unique("segments_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    let shown = segments.current(workspace.store_version());
    let available: Vec<Feature> = shown.map_or_else(
        || Feature::ALL.to_vec(),
        |r| r.value.segmentation.features.available.clone(),
    );
    let clustering = shown.map(|r| &r.value.segmentation.clustering);
    let version = workspace.store_version();
    let offered = has_service_messages(workspace.store());
    controls_view::ui(
        ui, segments, clustering, &wanted, &available, offered, commands,
    );
    let computation = segments.results();
    if let Some(error) = computation.error() {
        let overview = workspace.overview().value().and_then(Option::as_ref);
        let priced = has_unit_prices(workspace.store());
        let signals = offered && workspace.service.results().current(version).is_some();
        let summary = overview.map(|o| &o.summary);
        match needs::missing(true, summary, priced, signals, &wanted) {
            Some(need) => needs::ui(ui, &need, &wanted, commands),
            None => error_ui(ui, &tr!("segments-stopped"), &error.to_string()),
        }
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
            ui.label(tr!("segments-cancelled"));
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
    let features: Vec<String> = segmentation
        .features
        .set
        .features()
        .iter()
        .map(|f| feature_words(*f))
        .collect();
    let summary = tr!(
        "segments-run-summary",
        customers = format::count(segmentation.features.len()),
        k = format::count(c.k),
        features = features.join(", "),
        date = segmentation.features.analysis_date.to_string(),
    );
    ui.add(egui::Label::new(summary).wrap());
    ui.horizontal_wrapped(|ui| {
        term(
            ui,
            tr!("segments-silhouette"),
            tr!("segments-silhouette-meaning"),
        );
        let silhouette = format::number(c.silhouette, 3);
        ui.label(match c.silhouette_sampled {
            true => tr!(
                "segments-silhouette-sampled",
                silhouette = silhouette,
                rows = format::count(c.silhouette_rows),
                error = format::number(c.silhouette_error, 3)
            ),
            false => silhouette,
        });
        ui.label(meaning::separation_sentence(c.silhouette));
    });
    section_ui(
        ui,
        &tr!("segments-choosing-k"),
        &tr!("segments-choosing-k-explanation"),
    );
    curve_view::ui(ui, &results.curve, c.k);
    section_ui(
        ui,
        &tr!("segments-heading"),
        &tr!("segments-table-explanation"),
    );
    summary_view::ui(ui, results, names, view, commands);
    section_ui(
        ui,
        &tr!("segments-size-section"),
        &tr!("segments-size-explanation"),
    );
    size_view::ui(ui, results, names);
    section_ui(
        ui,
        &tr!("segments-rules-section"),
        &tr!("segments-rules-explanation"),
    );
    match &results.tree {
        Ok(tree) => tree_view::ui(ui, tree, names),
        Err(error) => error_ui(ui, &tr!("segments-rules-error"), error),
    }
    section_ui(
        ui,
        &tr!("segments-picture-section"),
        &tr!("segments-picture-explanation"),
    );
    match &results.scatter {
        Ok(scatter) => scatter_view::ui(ui, results, scatter, names, computed.generation),
        Err(error) => error_ui(ui, &tr!("segments-picture-error"), error),
    }
    let value = workspace.value.results().current(workspace.store_version());
    let join = value.map(|value| scores_view::joined(ui, computed, value));
    section_ui(
        ui,
        &tr!("segments-scores-section"),
        &tr!("segments-scores-explanation"),
    );
    scores_view::ui(ui, join.as_deref(), results, names);
    let name = names.get(view.selected).map_or("", String::as_str);
    section_ui(
        ui,
        &tr!("segments-profile-section", name = name),
        &tr!("segments-profile-explanation"),
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

//! The Value tab: who will buy in the next window, who is at risk of churning and
//! what each customer is worth. Training is the workspace's Value job, started by
//! the Train button (fitting is too heavy to start by itself); the panel shows its
//! progress with Cancel and keeps the last result of these files on screen
//! meanwhile (a training on other files is not shown: the tab asks to train
//! again). Views send `ValueCommand`s, carried out after the frame is drawn. When
//! the Segments tab has segments, the customer table names each customer's segment.
//! What the data lacks (orders, a long enough history, money for CLV) is said in
//! one sentence with a button to the Data tab, not as the fit's error.

use crate::data::FileKind;
use crate::tr;
use crate::workspace::Workspace;
use crate::workspace::computation::Computed;
use crate::workspace::value::ValueResults;

use super::behaviour::{error_ui, section_ui};
use super::command::Commands;
use super::format;
use super::segments::{scores_view, segment_names};
use super::state::UiState;
use super::summed;
use super::value::needs::{need_ui, short_history};
use super::value::{ViewState, clv_view, controls_view, customers_view, model_view, risk_view};

/// Shown when the last training was on other files.
pub fn files_changed() -> String {
    tr!("value-files-changed")
}

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, state: &UiState, commands: &mut Commands) {
    ui.heading(tr!("value-heading"));
    if workspace.store().of_kind(FileKind::Orders).next().is_none() {
        let text = summed::missing_orders(
            workspace.store(),
            &tr!("value-what"),
            tr!("value-no-orders"),
        );
        need_ui(ui, &text, commands);
        return;
    }
    let view_id = egui::Id::unique("value_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    if let Some(params) = workspace.value.preferred_params()
        && view.adopted.as_ref() != Some(params)
    {
        view.cutoff_text = params.cutoff.map(|d| d.to_string()).unwrap_or_default();
        view.params = params.clone();
        view.adopted = Some(params.clone());
    }
    let value = &workspace.value;
    controls_view::ui(ui, value, &mut view, commands);
    let computation = value.results();
    let short = short_history_of(workspace, &view);
    if let Some(error) = computation.error() {
        match &short {
            // The training failed for want of history: say that, not the fit's words.
            Some(sentence) => need_ui(ui, sentence, commands),
            None => error_ui(ui, &tr!("value-training-stopped"), &error.to_string()),
        }
    }
    match computation.current(workspace.store_version()) {
        Some(results) => {
            egui::ScrollArea::vertical()
                .id_salt("value_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    results_ui(ui, workspace, state, results, &mut view, commands)
                });
        }
        None if computation.latest().is_some() && computation.pending().is_none() => {
            ui.add_space(8.0);
            ui.colored_label(ui.visuals().warn_fg_color, files_changed());
        }
        None if computation.pending().is_none() && computation.error().is_none() => match &short {
            Some(sentence) => need_ui(ui, sentence, commands),
            None => {
                ui.add_space(8.0);
                ui.label(tr!("value-press-train"));
            }
        },
        None => {}
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));
}

/// Why the loaded orders are too short for the training as set, when they are.
fn short_history_of(workspace: &Workspace, view: &ViewState) -> Option<String> {
    let overview = workspace.overview().value().and_then(Option::as_ref)?;
    let summary = &overview.summary;
    short_history(
        summary.first_day?,
        summary.last_day?,
        view.params.window_days,
        view.params.cutoff,
    )
}

fn results_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    state: &UiState,
    computed: &Computed<ValueResults>,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    let results = &computed.value;
    let propensity = &results.propensity;
    ui.label(tr!(
        "value-scored-summary",
        count = format::count(propensity.scores.height()),
        model = propensity.chosen.label(),
        features = format::count(propensity.features.len())
    ));
    model_view::ui(ui, propensity);
    risk_view::ui(ui, results, commands);
    clv_view::ui(ui, results, commands);
    section_ui(
        ui,
        &tr!("value-customers-section"),
        &tr!("value-customers-explanation"),
    );
    let segments = workspace.segments.current(workspace.store_version());
    let joined = segments.map(|segments| {
        let join = scores_view::joined(ui, segments, computed);
        (join, segment_names(&segments.value, &state.segment_names))
    });
    let shown = joined
        .as_ref()
        .map(|(join, names)| (join.as_ref(), names.as_slice()));
    let generations = (computed.generation, segments.map_or(0, |s| s.generation));
    customers_view::ui(
        ui,
        &workspace.value,
        results,
        generations,
        shown,
        view,
        commands,
    );
    ui.add_space(12.0);
}

//! The Recommendations tab: what to offer each customer, why, and how much to
//! trust it. Fitting is the workspace's Recommend job: the panel asks for a fit
//! when the store changed (and no fit with those inputs was asked for yet), shows
//! progress with Cancel and keeps the last fit on screen meanwhile. The report
//! card, the bought-together rules (with the next-purchase transitions) and
//! exports are jobs of their own. With a Segments result, popularity is the
//! customer's segment's. With a ratings file loaded the models learn from the
//! ratings, and the rules sections say that they need orders instead. Views push
//! `Action`s, carried out after the frame is drawn.

use std::sync::Arc;

use crate::analysis::recommend::ModelKind;
use crate::analysis::recommend::evaluate::EvalParams;
use crate::analysis::segments::Segmentation;
use crate::data::FileKind;
use crate::workspace::recommend::RecommendParams;
use crate::workspace::{FileStage, Workspace};

use super::recommend::{
    Action, ViewState, controls_view, customer_view, heading_ui, item_view, report_view, rules_view,
};

pub fn ui(ui: &mut egui::Ui, workspace: &mut Workspace) {
    ui.heading("Recommendations");
    let store = workspace.store();
    // Recommendations then learn from the ratings, which have no order baskets.
    let from_ratings = store.of_kind(FileKind::Ratings).next().is_some();
    if store.of_kind(FileKind::Orders).next().is_none() && !from_ratings {
        ui.add_space(8.0);
        ui.label("Load an orders or ratings file to recommend items to your customers.");
        return;
    }
    let view_id = egui::Id::unique("recommend_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    let mut actions = Vec::new();
    let segments = workspace
        .segments
        .slot()
        .value()
        .map(|r| r.segmentation.clone());
    let recommend = &workspace.recommend;
    let wanted = recommend.requested_params().cloned().unwrap_or_default();
    let wanted_rules = recommend.requested_rules().cloned().unwrap_or_default();
    let loading = workspace
        .pending()
        .iter()
        .any(|p| !matches!(p.stage, FileStage::Mapping { .. }));
    let version = workspace.store_version();
    if !loading && recommend.needs_run(&wanted, version, segments.as_ref()) {
        actions.push(Action::Run(wanted.clone()));
    }
    if !loading && !from_ratings && recommend.needs_rules(&wanted_rules, version) {
        actions.push(Action::RunRules(wanted_rules.clone()));
    }
    let mut draft = view.draft.take().unwrap_or_else(|| wanted.clone());
    egui::ScrollArea::vertical()
        .id_salt("recommend_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            controls_view::ui(
                ui,
                recommend,
                &mut draft,
                &mut view.export_path,
                &mut actions,
            );
            let slot = recommend.slot();
            if let Some(error) = slot.error() {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("The fit stopped: {error}"),
                );
            }
            match slot.value() {
                Some(results) => {
                    heading_ui(
                        ui,
                        "Per customer",
                        "The customer's top items with the reason for each, beside what they bought.",
                    );
                    customer_view::ui(ui, results, &mut view);
                    if let Some(item) = view.item {
                        heading_ui(
                            ui,
                            "Per item",
                            "Items like the chosen one under the fitted model, and items bought in the same orders.",
                        );
                        item_view::ui(ui, results, item);
                    }
                }
                None if slot.pending().is_none() && slot.error().is_none() => {
                    ui.label("Cancelled. Press Fit model to get recommendations.");
                }
                None => {}
            }
            heading_ui(
                ui,
                "Report card",
                "How well each model would have predicted purchases it did not see.",
            );
            report_view::ui(ui, recommend, &mut view, &mut actions);
            if from_ratings {
                heading_ui(
                    ui,
                    "Bought together",
                    "Items bought in the same orders, and what customers buy next.",
                );
                ui.label(
                    "The recommendations learn from the ratings file, which has no orders: \
                     remove it from the Data tab to see the rules and next purchases of the \
                     orders.",
                );
                return;
            }
            heading_ui(
                ui,
                "Bought together",
                "Association rules from the order baskets (FP-growth): customers whose order holds \
                 the first items also bought the second. Lift above 1 means more often than by chance.",
            );
            rules_view::controls_ui(ui, &wanted_rules, &mut actions);
            rules_view::rules_ui(ui, recommend, &mut view, &mut actions);
            heading_ui(
                ui,
                "What customers buy next",
                "The most common steps from one order to the customer's next one.",
            );
            rules_view::transitions_ui(ui, recommend, &wanted_rules, &mut actions);
        });
    for action in actions {
        apply(action, workspace, &draft, segments.clone());
    }
    view.draft = Some(draft);
    ui.data_mut(|d| d.insert_temp(view_id, view));
}

fn apply(
    action: Action,
    workspace: &mut Workspace,
    draft: &RecommendParams,
    segments: Option<Arc<Segmentation>>,
) {
    let (store, version) = (workspace.store().clone(), workspace.store_version());
    match action {
        Action::Run(params) => workspace.recommend.run(&store, version, params, segments),
        Action::RunRules(params) => workspace.recommend.run_rules(&store, version, params),
        Action::ExportRules(path) => workspace.recommend.export_rules(path),
        Action::Cancel => workspace.recommend.cancel(),
        Action::Evaluate { split, k, validate } => {
            let params = EvalParams {
                split,
                k,
                exclude_seen: draft.exclude_seen,
                models: ModelKind::ALL.to_vec(),
                model: draft.model_params(),
                validate,
            };
            workspace.recommend.evaluate(&store, params);
        }
        Action::CancelReport => workspace.recommend.cancel_report(),
        Action::Export(path) => workspace.recommend.export(path),
    }
}

//! The Recommendations tab: what to offer each customer, why, and how much to
//! trust it. Fitting is the workspace's Recommend job, started by the update step
//! when the settings, the files or the segments changed; the panel shows progress
//! with Cancel and keeps the last fit of these files on screen meanwhile. The report
//! card, the bought-together rules (with the next-purchase transitions) and
//! exports are jobs of their own. With a Segments result, popularity is the
//! customer's segment's. With a ratings file loaded the models learn from the
//! ratings, and the rules sections say that they need orders instead. Files
//! without items (or order ids) get one sentence saying so and a button to the
//! Data tab, not a failed fit. Views send `RecommendCommand`s, carried out after
//! the frame is drawn.

use crate::data::FileKind;
use crate::tr;
use crate::workspace::Workspace;
use crate::workspace::recommend::{MissingInput, missing_input, summed_orders};

use super::command::Commands;
use super::recommend::{
    ViewState, controls_view, customer_view, heading_ui, item_view, needs_ui, report_view,
    rules_view,
};
use super::summed;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Commands) {
    ui.heading(tr!("recommend-heading"));
    let store = workspace.store();
    if let Some(missing) = missing_input(store) {
        let sentence = match missing {
            MissingInput::Purchases => tr!("recommend-no-orders"),
            MissingInput::ItemColumn => tr!("recommend-needs-items"),
            MissingInput::OrderColumn => tr!("recommend-needs-order-ids"),
        };
        needs_ui(ui, &sentence, commands);
        return;
    }
    // Recommendations then learn from the ratings, which have no order baskets.
    let from_ratings = store.of_kind(FileKind::Ratings).next().is_some();
    // Or from summed orders, which have no baskets either.
    let summed = summed_orders(store);
    if summed.is_some() {
        summed::note_ui(ui, store);
        ui.add(egui::Label::new(egui::RichText::new(tr!("recommend-summed-note")).weak()).wrap());
    }
    let view_id = egui::Id::unique("recommend_view_state");
    let mut view: ViewState = ui.data(|d| d.get_temp(view_id)).unwrap_or_default();
    let recommend = &workspace.recommend;
    let version = workspace.store_version();
    let wanted = recommend.wanted();
    let wanted_rules = recommend.wanted_rules();
    let mut draft = view.draft.take().unwrap_or_else(|| wanted.clone());
    egui::ScrollArea::vertical()
        .id_salt("recommend_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            controls_view::ui(
                ui,
                recommend,
                version,
                &mut draft,
                &mut view.export_path,
                summed.is_some(),
                commands,
            );
            let fit = recommend.fit();
            if let Some(error) = fit.error() {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    tr!("recommend-fit-stopped", error = error.to_string()),
                );
            }
            match fit.current(version).map(|c| &c.value) {
                Some(results) => {
                    heading_ui(
                        ui,
                        &tr!("recommend-per-customer"),
                        &tr!("recommend-per-customer-note"),
                    );
                    customer_view::ui(ui, results, &mut view);
                    if let Some(item) = view.item {
                        heading_ui(
                            ui,
                            &tr!("recommend-per-item"),
                            &tr!("recommend-per-item-note"),
                        );
                        item_view::ui(ui, results, item);
                    }
                }
                None if fit.pending().is_none() && fit.error().is_none() => {
                    ui.label(tr!("recommend-fit-cancelled"));
                }
                None => {}
            }
            heading_ui(
                ui,
                &tr!("recommend-report-card"),
                &tr!("recommend-report-card-note"),
            );
            if let Some(summed) = summed {
                lines_needed_ui(ui, summed.needs_lines(&tr!("recommend-report-card-what")));
                heading_ui(
                    ui,
                    &tr!("recommend-bought-together"),
                    &tr!("recommend-bought-together-note"),
                );
                lines_needed_ui(ui, summed.needs_lines(&tr!("recommend-rules-what")));
                heading_ui(
                    ui,
                    &tr!("recommend-buy-next"),
                    &tr!("recommend-buy-next-note"),
                );
                lines_needed_ui(ui, summed.needs_lines(&tr!("recommend-next-what")));
                return;
            }
            report_view::ui(ui, recommend, version, &mut draft, &mut view, commands);
            if from_ratings {
                heading_ui(
                    ui,
                    &tr!("recommend-bought-together"),
                    &tr!("recommend-bought-together-ratings-note"),
                );
                needs_ui(ui, &tr!("recommend-rules-need-orders"), commands);
                return;
            }
            heading_ui(
                ui,
                &tr!("recommend-bought-together"),
                &tr!("recommend-bought-together-note"),
            );
            rules_view::controls_ui(ui, &wanted_rules, commands);
            rules_view::rules_ui(ui, recommend, version, &mut view, commands);
            heading_ui(
                ui,
                &tr!("recommend-buy-next"),
                &tr!("recommend-buy-next-note"),
            );
            rules_view::transitions_ui(ui, recommend, version, &wanted_rules, commands);
        });
    view.draft = Some(draft);
    ui.data_mut(|d| d.insert_temp(view_id, view));
}

/// The sentence saying that a section needs the order lines of summed orders.
fn lines_needed_ui(ui: &mut egui::Ui, sentence: String) {
    ui.add_space(4.0);
    ui.add(egui::Label::new(sentence).wrap());
}

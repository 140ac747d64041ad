//! Decision-tree profiles: the rules a shallow tree learned to predict each
//! customer's segment from the raw features, with the share of customers the rules
//! place in their own segment.

use crate::analysis::segments::SegmentTree;
use crate::ui::behaviour::percent;
use crate::ui::format;

use super::segment_color;

pub fn ui(ui: &mut egui::Ui, tree: &SegmentTree, names: &[String]) {
    ui.label(format!(
        "The rules put {} of customers in their own segment{}.",
        percent(tree.accuracy),
        if tree.fit_sampled {
            " (tree fitted on a sample of 20,000)"
        } else {
            ""
        }
    ));
    egui::Grid::new("segment_rules")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Rule");
            ui.strong("Segment");
            ui.strong("Customers");
            ui.strong("Right");
            ui.end_row();
            for rule in &tree.rules {
                ui.label(rule.conditions_text());
                let name = names.get(rule.segment).map_or("", String::as_str);
                ui.colored_label(segment_color(rule.segment), format!("→ {name}"));
                ui.label(format::count(rule.customers));
                ui.label(percent(rule.precision));
                ui.end_row();
            }
        });
}

//! Decision-tree profiles: the rules a shallow tree learned to predict each
//! customer's segment from the raw features, with the share of customers the rules
//! place in their own segment.

use crate::analysis::segments::SegmentTree;
use crate::tr;
use crate::ui::behaviour::percent;
use crate::ui::format;

use super::segment_color;

pub fn ui(ui: &mut egui::Ui, tree: &SegmentTree, names: &[String]) {
    let accuracy = percent(tree.accuracy);
    ui.label(match tree.fit_sampled {
        true => tr!("segments-rules-accuracy-sampled", share = accuracy),
        false => tr!("segments-rules-accuracy", share = accuracy),
    });
    egui::Grid::new("segment_rules")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.strong(tr!("segments-column-rule"));
            ui.strong(tr!("segments-column-segment"));
            ui.strong(tr!("segments-column-customers"));
            ui.strong(tr!("segments-column-right"));
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

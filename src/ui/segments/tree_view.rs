//! Decision-tree profiles: the rules a shallow tree learned to predict each
//! customer's segment from the raw features, with the share of customers the rules
//! place in their own segment and whether that is enough to use the rules as
//! filters elsewhere.

use crate::analysis::segments::SegmentTree;
use crate::tr;
use crate::ui::format;
use crate::ui::glossary::term;

use super::{meaning, segment_color};

pub fn ui(ui: &mut egui::Ui, tree: &SegmentTree, names: &[String]) {
    let accuracy = format::percent(tree.accuracy);
    let summary = match tree.fit_sampled {
        true => tr!("segments-rules-accuracy-sampled", share = accuracy),
        false => tr!("segments-rules-accuracy", share = accuracy),
    };
    ui.add(egui::Label::new(summary).wrap());
    ui.add(egui::Label::new(meaning::rules_sentence(tree.accuracy)).wrap());
    egui::Grid::new("segment_rules")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.strong(tr!("segments-column-rule"));
            ui.strong(tr!("segments-column-segment"));
            ui.strong(tr!("segments-column-customers"));
            term(
                ui,
                tr!("segments-column-right"),
                tr!("segments-right-meaning"),
            );
            ui.end_row();
            for rule in &tree.rules {
                ui.label(rule.conditions_text());
                let name = names.get(rule.segment).map_or("", String::as_str);
                ui.colored_label(segment_color(rule.segment), format!("→ {name}"));
                ui.label(format::count(rule.customers));
                ui.label(format::percent(rule.precision));
                ui.end_row();
            }
        });
}

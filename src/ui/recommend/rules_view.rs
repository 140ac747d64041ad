//! Items bought together and what customers buy next: the association rules
//! (antecedent → consequent with support, confidence, lift and count) at the
//! operator's minimum support, confidence and lift, sortable by any figure and
//! exported to CSV, XLSX or Parquet; and the most common next-purchase
//! transitions (item or category, within a window of days). Both come from the
//! workspace's rules job: a change of a threshold asks for a new run.

use std::path::PathBuf;

use crate::analysis::recommend::rules::{DECIMALS, Rule};
use crate::analysis::recommend::transitions::Level;
use crate::workspace::recommend::{Recommend, RulesResults, RulesRunParams};

use super::{ViewState, progress_ui};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::format::count;
use crate::ui::labelled;
use crate::workspace::recommend::RecommendCommand;

/// Rows of each table drawn at most (the export has them all).
pub const MAX_ROWS: usize = 100;

/// Which figure the rules table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RuleSort {
    Support,
    Confidence,
    /// The miner's own order: lift, then count.
    #[default]
    Lift,
    Count,
}

impl RuleSort {
    const ALL: [RuleSort; 4] = [
        RuleSort::Support,
        RuleSort::Confidence,
        RuleSort::Lift,
        RuleSort::Count,
    ];

    /// The column header.
    pub fn label(self) -> String {
        match self {
            RuleSort::Support => tr!("recommend-support"),
            RuleSort::Confidence => tr!("recommend-confidence"),
            RuleSort::Lift => tr!("recommend-lift"),
            RuleSort::Count => tr!("recommend-count"),
        }
    }

    fn key(self, rule: &Rule) -> f64 {
        match self {
            RuleSort::Support => rule.support,
            RuleSort::Confidence => rule.confidence,
            RuleSort::Lift => rule.lift,
            RuleSort::Count => f64::from(rule.count),
        }
    }
}

/// The indices of `rules` in display order: by `sort` (descending unless
/// `ascending`), ties in the miner's order.
pub fn sorted_rules(rules: &[Rule], sort: RuleSort, ascending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by(|&a, &b| {
        let by = sort.key(&rules[a]).total_cmp(&sort.key(&rules[b]));
        let by = if ascending { by } else { by.reverse() };
        by.then(a.cmp(&b))
    });
    order
}

/// The threshold controls; a change pushes a new rules run.
pub fn controls_ui(ui: &mut egui::Ui, wanted: &RulesRunParams, commands: &mut Commands) {
    let mut next = wanted.clone();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!("recommend-min-support"));
        ui.add(
            egui::DragValue::new(&mut next.rules.min_support)
                .range(0.0001..=1.0)
                .speed(0.0005)
                .max_decimals(4),
        )
        .labelled_by(label.id)
        .on_hover_text(tr!("recommend-min-support-hover"));
        let label = ui.label(tr!("recommend-min-confidence"));
        ui.add(egui::Slider::new(&mut next.rules.min_confidence, 0.0..=1.0))
            .labelled_by(label.id)
            .on_hover_text(tr!("recommend-min-confidence-hover"));
        let label = ui.label(tr!("recommend-min-lift"));
        ui.add(
            egui::DragValue::new(&mut next.rules.min_lift)
                .range(0.0..=100.0)
                .speed(0.05),
        )
        .labelled_by(label.id)
        .on_hover_text(tr!("recommend-min-lift-hover"));
    });
    if next != *wanted {
        commands.send(RecommendCommand::RunRules(next));
    }
}

/// The rules table with its sort headers and export row. The direction is
/// written out: the bundled fonts have no arrow glyphs.
pub fn rules_ui(
    ui: &mut egui::Ui,
    recommend: &Recommend,
    version: u64,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    let slot = recommend.rules();
    if let Some(job) = slot.pending() {
        progress_ui(ui, job.progress());
    }
    if let Some(error) = slot.error() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr!("recommend-rules-stopped", error = error.to_string()),
        );
    }
    let Some(results) = slot.current(version).map(|c| &c.value) else {
        return;
    };
    let rules = match &results.rules {
        Ok(rules) => rules,
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
            return;
        }
    };
    let direction = if view.rule_ascending {
        tr!("recommend-smallest-first")
    } else {
        tr!("recommend-largest-first")
    };
    ui.label(tr!(
        "recommend-rules-found",
        rules = rules.len().to_string(),
        orders = results.baskets.to_string(),
        sort = view.rule_sort.label().to_lowercase(),
        direction = direction
    ));
    rules_table_ui(ui, results, rules, view);
    ui.horizontal(|ui| {
        let label = ui.label(tr!("recommend-export-rules-to"));
        ui.add(egui::TextEdit::singleline(&mut view.rules_path).desired_width(260.0))
            .labelled_by(label.id)
            .on_hover_text(tr!("recommend-export-rules-to-hover"));
        let ready = !rules.is_empty() && !view.rules_path.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(tr!("recommend-export-rules")))
            .clicked()
        {
            commands.send(RecommendCommand::ExportRules {
                path: PathBuf::from(view.rules_path.trim()),
                order: sorted_rules(rules, view.rule_sort, view.rule_ascending),
            });
        }
        let rules_count = count(rules.len());
        ui.weak(if rules.len() > MAX_ROWS {
            tr!(
                "recommend-export-rules-writes-drawn",
                count = rules_count,
                max = MAX_ROWS.to_string()
            )
        } else {
            tr!("recommend-export-rules-writes", count = rules_count)
        });
    });
}

fn rules_table_ui(ui: &mut egui::Ui, results: &RulesResults, rules: &[Rule], view: &mut ViewState) {
    let items = &results.interactions.items;
    let name = |i: u32| items.get(i as usize).map_or("?", |x| x.name.as_str());
    egui::ScrollArea::vertical()
        .id_salt("recommend_rules")
        .max_height(300.0)
        .show(ui, |ui| {
            egui::Grid::new("recommend_rules_grid")
                .striped(true)
                .show(ui, |ui| {
                    ui.strong(tr!("recommend-rule-bought"));
                    ui.strong(tr!("recommend-rule-also-bought"));
                    for sort in RuleSort::ALL {
                        let column = sort.label();
                        let head = match (view.rule_sort == sort, view.rule_ascending) {
                            (true, true) => tr!("recommend-sorted-asc", column = column),
                            (true, false) => tr!("recommend-sorted-desc", column = column),
                            (false, _) => column,
                        };
                        if ui.button(head).clicked() {
                            if view.rule_sort == sort {
                                view.rule_ascending = !view.rule_ascending;
                            } else {
                                view.rule_sort = sort;
                                view.rule_ascending = false;
                            }
                        }
                    }
                    ui.end_row();
                    let order = sorted_rules(rules, view.rule_sort, view.rule_ascending);
                    for &r in order.iter().take(MAX_ROWS) {
                        let rule = &rules[r];
                        let bought: Vec<&str> = rule.antecedent.iter().map(|&i| name(i)).collect();
                        ui.label(bought.join(" + "));
                        ui.label(name(rule.consequent));
                        let [support, confidence, lift] = DECIMALS.map(|d| d as usize);
                        ui.label(format!("{:.support$}", rule.support));
                        ui.label(format!("{:.confidence$}", rule.confidence));
                        ui.label(format!("{:.lift$}", rule.lift));
                        ui.label(rule.count.to_string());
                        ui.end_row();
                    }
                });
        });
}

/// The transition settings and table.
pub fn transitions_ui(
    ui: &mut egui::Ui,
    recommend: &Recommend,
    version: u64,
    wanted: &RulesRunParams,
    commands: &mut Commands,
) {
    let mut next = wanted.clone();
    ui.horizontal_wrapped(|ui| {
        let level_label = |level: Level| match level {
            Level::Item => tr!("recommend-level-items"),
            Level::Category => tr!("recommend-level-categories"),
        };
        labelled::menu(ui, tr!("recommend-level"), "recommend_level")
            .selected_text(level_label(next.transitions.level))
            .show_ui(ui, |ui| {
                for level in [Level::Item, Level::Category] {
                    ui.selectable_value(&mut next.transitions.level, level, level_label(level));
                }
            });
        let label = ui.label(tr!("recommend-within-days"));
        ui.add(
            egui::DragValue::new(&mut next.transitions.window_days)
                .range(1.0..=730.0)
                .speed(1.0),
        )
        .labelled_by(label.id)
        .on_hover_text(tr!("recommend-within-days-hover"));
    });
    if next != *wanted {
        commands.send(RecommendCommand::RunRules(next));
    }
    let Some(results) = recommend.rules().current(version).map(|c| &c.value) else {
        return;
    };
    let rows = match &results.transitions {
        Ok(rows) => rows,
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
            return;
        }
    };
    if rows.is_empty() {
        ui.label(tr!("recommend-no-transitions"));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("recommend_transitions")
        .max_height(300.0)
        .show(ui, |ui| {
            egui::Grid::new("recommend_transitions_grid")
                .striped(true)
                .show(ui, |ui| {
                    for head in [
                        tr!("recommend-after-buying"),
                        tr!("recommend-next-bought"),
                        tr!("recommend-times"),
                        tr!("recommend-customers"),
                        tr!("recommend-share"),
                        tr!("recommend-median-days"),
                    ] {
                        ui.strong(head);
                    }
                    ui.end_row();
                    for t in rows.iter().take(MAX_ROWS) {
                        ui.label(&t.from);
                        ui.label(&t.to);
                        ui.label(t.count.to_string());
                        ui.label(t.customers.to_string());
                        ui.label(format!("{:.1} %", 100.0 * t.share));
                        ui.label(format!("{:.0}", t.median_days));
                        ui.end_row();
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(support: f64, confidence: f64, lift: f64, count: u32) -> Rule {
        Rule {
            antecedent: vec![0],
            consequent: 1,
            support,
            confidence,
            lift,
            count,
        }
    }

    #[test]
    fn rules_sort_by_the_chosen_figure_with_ties_in_mined_order() {
        let rules = [
            rule(0.1, 0.5, 3.0, 10),
            rule(0.3, 0.2, 2.0, 30),
            rule(0.2, 0.5, 4.0, 20),
        ];
        assert_eq!(sorted_rules(&rules, RuleSort::Support, false), [1, 2, 0]);
        assert_eq!(sorted_rules(&rules, RuleSort::Support, true), [0, 2, 1]);
        // Confidence ties (0 and 2) keep the mined order either way.
        assert_eq!(sorted_rules(&rules, RuleSort::Confidence, false), [0, 2, 1]);
        assert_eq!(sorted_rules(&rules, RuleSort::Lift, false), [2, 0, 1]);
        assert_eq!(sorted_rules(&rules, RuleSort::Count, true), [0, 2, 1]);
    }
}

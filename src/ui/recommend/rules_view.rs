//! Items bought together and what customers buy next: the association rules
//! (antecedent → consequent with support, confidence, lift and count) at the
//! operator's minimum support, confidence and lift, sortable by any figure and
//! exported to CSV, XLSX or Parquet; and the most common next-purchase
//! transitions (item or category, within a window of days). Both come from the
//! workspace's rules job: a change of a threshold asks for a new run. Each table
//! keeps its header in view, explains its figures on hover and opens with what
//! it means for a campaign.

use std::path::PathBuf;

use crate::analysis::recommend::rules::{DECIMALS, Rule};
use crate::analysis::recommend::transitions::Level;
use crate::workspace::recommend::{Recommend, RulesResults, RulesRunParams};

use egui_extras::{Column, TableBuilder};

use super::verdict::{rules_sentence, transitions_sentence};
use super::{ViewState, progress_ui};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::format::{self, count};
use crate::ui::glossary::term;
use crate::ui::labelled;
use crate::workspace::recommend::RecommendCommand;

/// Rows of each table drawn at most (the export has them all).
pub const MAX_ROWS: usize = 100;
/// Height of a table row.
const ROW_HEIGHT: f32 = 20.0;
/// A table with rows to scroll is never shorter than this (about eight rows)...
const MIN_HEIGHT: f32 = 180.0;
/// ...nor taller than this, so the sections below stay in reach.
const MAX_HEIGHT: f32 = 320.0;

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

    /// What the figure means, on the header's hover.
    fn meaning(self) -> String {
        match self {
            RuleSort::Support => tr!("recommend-support-meaning"),
            RuleSort::Confidence => tr!("recommend-confidence-meaning"),
            RuleSort::Lift => tr!("recommend-lift-meaning"),
            RuleSort::Count => tr!("recommend-count-meaning"),
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
    let name = |i: u32| {
        let items = &results.interactions.items;
        items
            .get(i as usize)
            .map_or("?", |x| x.name.as_str())
            .to_string()
    };
    ui.add(egui::Label::new(egui::RichText::new(rules_sentence(rules, name)).strong()).wrap());
    ui.label(tr!(
        "recommend-rules-found",
        rules = count(rules.len()),
        orders = count(results.baskets),
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
                max = count(MAX_ROWS)
            )
        } else {
            tr!("recommend-export-rules-writes", count = rules_count)
        });
    });
}

fn rules_table_ui(ui: &mut egui::Ui, results: &RulesResults, rules: &[Rule], view: &mut ViewState) {
    let items = &results.interactions.items;
    let name = |i: u32| items.get(i as usize).map_or("?", |x| x.name.as_str());
    let order = sorted_rules(rules, view.rule_sort, view.rule_ascending);
    let shown = order.len().min(MAX_ROWS);
    let mut clicked = None;
    table(ui, "recommend_rules", 6)
        .header(ROW_HEIGHT + 4.0, |mut header| {
            header.col(|ui| {
                ui.strong(tr!("recommend-rule-bought"));
            });
            header.col(|ui| {
                ui.strong(tr!("recommend-rule-also-bought"));
            });
            for sort in RuleSort::ALL {
                header.col(|ui| {
                    let column = sort.label();
                    let head = match (view.rule_sort == sort, view.rule_ascending) {
                        (true, true) => tr!("recommend-sorted-asc", column = column),
                        (true, false) => tr!("recommend-sorted-desc", column = column),
                        (false, _) => column,
                    };
                    if ui.button(head).on_hover_text(sort.meaning()).clicked() {
                        clicked = Some(sort);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, shown, |mut row| {
                let rule = &rules[order[row.index()]];
                let bought: Vec<&str> = rule.antecedent.iter().map(|&i| name(i)).collect();
                let [support, _, lift] = DECIMALS.map(|d| d as usize);
                for cell in [
                    bought.join(" + "),
                    name(rule.consequent).to_string(),
                    format::number(rule.support, support),
                    format::percent(rule.confidence),
                    format::number(rule.lift, lift),
                    format::count(rule.count as usize),
                ] {
                    row.col(|ui| {
                        ui.label(cell);
                    });
                }
            });
        });
    if let Some(sort) = clicked {
        if view.rule_sort == sort {
            view.rule_ascending = !view.rule_ascending;
        } else {
            view.rule_sort = sort;
            view.rule_ascending = false;
        }
    }
}

/// A striped table of `columns` columns whose header stays in view, between
/// [`MIN_HEIGHT`] and [`MAX_HEIGHT`] tall; the last column takes the room left
/// and every column clips, so nothing runs past the window's edge.
fn table<'a>(ui: &'a mut egui::Ui, id_salt: &str, columns: usize) -> TableBuilder<'a> {
    let mut table = TableBuilder::new(ui)
        .id_salt(id_salt)
        .striped(true)
        .resizable(true)
        .min_scrolled_height(MIN_HEIGHT)
        .max_scroll_height(MAX_HEIGHT)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for i in 0..columns {
        let column = match i + 1 == columns {
            true => Column::remainder(),
            false => Column::auto(),
        };
        table = table.column(column.at_least(70.0).clip(true));
    }
    table
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
    if let Some(sentence) = transitions_sentence(rows) {
        ui.add(egui::Label::new(egui::RichText::new(sentence).strong()).wrap());
    }
    let heads = [
        (tr!("recommend-after-buying"), None),
        (tr!("recommend-next-bought"), None),
        (tr!("recommend-times"), Some(tr!("recommend-times-meaning"))),
        (
            tr!("recommend-customers"),
            Some(tr!("recommend-customers-meaning")),
        ),
        (tr!("recommend-share"), Some(tr!("recommend-share-meaning"))),
        (
            tr!("recommend-median-days"),
            Some(tr!("recommend-median-days-meaning")),
        ),
    ];
    table(ui, "recommend_transitions", heads.len())
        .header(ROW_HEIGHT + 4.0, |mut header| {
            for (head, meaning) in heads {
                header.col(|ui| match meaning {
                    Some(meaning) => {
                        term(ui, head, meaning);
                    }
                    None => {
                        ui.strong(head);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len().min(MAX_ROWS), |mut row| {
                let t = &rows[row.index()];
                for cell in [
                    t.from.clone(),
                    t.to.clone(),
                    format::count(t.count as usize),
                    format::count(t.customers as usize),
                    format::percent(t.share),
                    format::days(t.median_days),
                ] {
                    row.col(|ui| {
                        ui.label(cell);
                    });
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

//! The chosen item's neighbours: items similar to it under the fitted model
//! (item-kNN and blend: cosine neighbours; ALS: factor cosine) and items bought
//! with it (the fit's association rules with this item alone as antecedent,
//! highest lift first, ties by higher count then item index).

use crate::analysis::recommend::rules::Rule;
use crate::tr;
use crate::ui::format;
use crate::ui::glossary::term;
use crate::workspace::recommend::RecommendResults;

/// Neighbours shown per list.
const SHOWN: usize = 10;

/// Rules `item → other`, by lift, then count, then consequent index.
pub fn bought_with(rules: &[Rule], item: u32) -> Vec<&Rule> {
    let mut list: Vec<&Rule> = rules.iter().filter(|r| r.antecedent == [item]).collect();
    list.sort_by(|a, b| {
        b.lift
            .total_cmp(&a.lift)
            .then(b.count.cmp(&a.count))
            .then(a.consequent.cmp(&b.consequent))
    });
    list.truncate(SHOWN);
    list
}

pub fn ui(ui: &mut egui::Ui, results: &RecommendResults, item: u32) {
    let items = &results.interactions.items;
    let Some(info) = items.get(item as usize) else {
        return;
    };
    ui.columns(2, |columns| {
        let ui = &mut columns[0];
        ui.strong(tr!("recommend-similar-to", item = info.name.as_str()));
        let similar = results.model.similar_items(item, SHOWN);
        if similar.is_empty() {
            ui.label(tr!(
                "recommend-no-similarity",
                model = results.params.model.display_name()
            ));
        } else {
            egui::Grid::new("recommend_similar")
                .striped(true)
                .show(ui, |ui| {
                    ui.label(tr!("recommend-item"));
                    term(
                        ui,
                        tr!("recommend-similarity"),
                        tr!("recommend-similarity-meaning"),
                    );
                    ui.end_row();
                    for (j, sim) in similar {
                        ui.label(&items[j as usize].name);
                        ui.label(format::number(f64::from(sim), 3));
                        ui.end_row();
                    }
                });
        }
        let ui = &mut columns[1];
        ui.strong(tr!("recommend-bought-with", item = info.name.as_str()));
        match &results.rules {
            Err(error) => {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            Ok(rules) => {
                let list = bought_with(rules, item);
                if list.is_empty() {
                    ui.label(tr!("recommend-no-rule-for-item"));
                    return;
                }
                egui::Grid::new("recommend_together")
                    .striped(true)
                    .show(ui, |ui| {
                        ui.label(tr!("recommend-item"));
                        for (head, meaning) in [
                            (tr!("recommend-orders"), tr!("recommend-count-meaning")),
                            (
                                tr!("recommend-confidence"),
                                tr!("recommend-confidence-meaning"),
                            ),
                            (tr!("recommend-lift"), tr!("recommend-lift-meaning")),
                        ] {
                            term(ui, head, meaning);
                        }
                        ui.end_row();
                        for r in list {
                            ui.label(&items[r.consequent as usize].name);
                            ui.label(format::count(r.count as usize));
                            ui.label(format::percent(r.confidence));
                            ui.label(format::number(r.lift, 2));
                            ui.end_row();
                        }
                    });
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(antecedent: Vec<u32>, consequent: u32, lift: f64, count: u32) -> Rule {
        Rule {
            antecedent,
            consequent,
            support: 0.1,
            confidence: 0.5,
            lift,
            count,
        }
    }

    #[test]
    fn bought_with_keeps_single_item_rules_by_lift_then_count() {
        let rules = vec![
            rule(vec![1], 2, 1.5, 4),
            rule(vec![1, 3], 4, 9.0, 9),
            rule(vec![1], 5, 3.0, 2),
            rule(vec![1], 6, 1.5, 7),
            rule(vec![2], 1, 5.0, 4),
        ];
        let got: Vec<u32> = bought_with(&rules, 1)
            .iter()
            .map(|r| r.consequent)
            .collect();
        assert_eq!(got, vec![5, 6, 2]);
    }
}

//! Customer search and the chosen customer's top-N list, each item with its
//! reason and the model used, with the customer's purchase history beside it.
//! Typing an id offers the ids starting with it (ids are sorted, so this is a
//! binary search, cheap for any number of customers).

use crate::analysis::recommend::SCORE_DECIMALS;
use crate::tr;
use crate::ui::format;
use crate::ui::glossary::term;
use crate::workspace::recommend::RecommendResults;

use super::ViewState;

/// Ids offered under the search field.
const SUGGESTIONS: usize = 8;

/// Up to [`SUGGESTIONS`] customer ids starting with `prefix`, in id order.
pub fn matching_ids<'a>(customers: &'a [String], prefix: &str) -> Vec<&'a str> {
    let start = customers.partition_point(|c| c.as_str() < prefix);
    customers[start..]
        .iter()
        .take_while(|c| c.starts_with(prefix))
        .take(SUGGESTIONS)
        .map(String::as_str)
        .collect()
}

pub fn ui(ui: &mut egui::Ui, results: &RecommendResults, view: &mut ViewState) {
    let interactions = &results.interactions;
    ui.horizontal(|ui| {
        let label = ui.label(tr!("recommend-customer-id"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut view.search)
                    .hint_text(interactions.customers.first().map_or("", String::as_str))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr!("recommend-show-customer")).clicked() || entered {
            let typed = view.search.trim();
            // An empty field shows the prompt again, not "no customer with id ''".
            view.customer = (!typed.is_empty()).then(|| typed.to_string());
        }
    });
    let typed = view.search.trim().to_string();
    if !typed.is_empty() && view.customer.as_deref() != Some(typed.as_str()) {
        ui.horizontal_wrapped(|ui| {
            for id in matching_ids(&interactions.customers, &typed) {
                if ui.small_button(id).clicked() {
                    view.search = id.to_string();
                    view.customer = Some(id.to_string());
                }
            }
        });
    }
    let Some(id) = view.customer.clone() else {
        ui.label(tr!("recommend-customer-prompt"));
        return;
    };
    let Some(u) = interactions.customer_index(&id) else {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr!("recommend-no-customer", id = id),
        );
        return;
    };
    ui.columns(2, |columns| {
        history_ui(&mut columns[0], results, u);
        list_ui(&mut columns[1], results, u, view);
    });
}

/// What the customer bought, most often first (ties by item order).
fn history_ui(ui: &mut egui::Ui, results: &RecommendResults, u: usize) {
    let items = &results.interactions.items;
    let (bought, counts) = results.model.train().row(u);
    let mut history: Vec<(u32, f32)> = bought.iter().copied().zip(counts.iter().copied()).collect();
    history.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let customer = results.interactions.customers[u].as_str();
    let items_count = format::count(history.len());
    let (heading, value) = if results.interactions.is_explicit() {
        (
            tr!(
                "recommend-history-rated",
                customer = customer,
                count = items_count
            ),
            tr!("recommend-rating"),
        )
    } else {
        (
            tr!(
                "recommend-history-bought",
                customer = customer,
                count = items_count
            ),
            tr!("recommend-orders"),
        )
    };
    ui.strong(heading);
    egui::Grid::new("recommend_history")
        .striped(true)
        .show(ui, |ui| {
            ui.label(tr!("recommend-item"));
            ui.label(value);
            ui.end_row();
            for (i, n) in history {
                ui.label(&items[i as usize].name);
                // Purchase counts are whole; mean ratings may not be.
                let decimals = if n.fract() == 0.0 { 0 } else { 1 };
                ui.label(format::number(f64::from(n), decimals));
                ui.end_row();
            }
        });
}

/// The top N with reasons; clicking an item shows its neighbours.
fn list_ui(ui: &mut egui::Ui, results: &RecommendResults, u: usize, view: &mut ViewState) {
    let items = &results.interactions.items;
    let params = &results.params;
    let top = format::count(params.top);
    let model = params.model.display_name();
    let data = results.interactions.feedback.display_name();
    ui.strong(if params.exclude_seen {
        tr!(
            "recommend-list-title-excluded",
            top = top,
            model = model,
            data = data
        )
    } else {
        tr!(
            "recommend-list-title-allowed",
            top = top,
            model = model,
            data = data
        )
    });
    let list = &results.lists[u];
    if list.is_empty() {
        ui.label(tr!("recommend-nothing-to-recommend"));
        return;
    }
    egui::Grid::new("recommend_list")
        .striped(true)
        .show(ui, |ui| {
            ui.label("#");
            ui.label(tr!("recommend-item"));
            term(ui, tr!("recommend-score"), tr!("recommend-score-meaning"));
            term(ui, tr!("recommend-why"), tr!("recommend-why-meaning"));
            ui.end_row();
            for (rank, r) in list.iter().enumerate() {
                ui.label(format::count(rank + 1));
                let selected = view.item == Some(r.item);
                if ui
                    .selectable_label(selected, &items[r.item as usize].name)
                    .on_hover_text(tr!("recommend-show-item-hover"))
                    .clicked()
                {
                    view.item = Some(r.item);
                }
                let decimals = SCORE_DECIMALS as usize;
                ui.label(format::number(f64::from(r.score), decimals));
                ui.label(r.reason.text(items));
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_ids_are_the_sorted_ids_with_the_prefix() {
        let ids: Vec<String> = ["A1", "B1", "B10", "B2", "C"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(matching_ids(&ids, "B1"), vec!["B1", "B10"]);
        assert_eq!(matching_ids(&ids, "B"), vec!["B1", "B10", "B2"]);
        assert!(matching_ids(&ids, "D").is_empty());
    }
}

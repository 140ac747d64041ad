//! The condition builder: a list of condition rows combined by AND or OR. Each
//! row has its editor (multi-selects of segments, RFM groups, churn buckets and
//! regions; a range on a score; bought or never bought a category or item in a
//! date window; has email or phone). A kind whose column the customer table lacks
//! is offered disabled with what to compute first; a row already there says so.

use crate::analysis::campaign::{Condition, Purchase};
use crate::analysis::rfm::RfmGroup;
use crate::analysis::voice::signals::SIGNAL_COLUMNS;
use crate::workspace::campaign::{AudienceResults, SCORE_COLUMNS};

use super::{ViewState, prerequisite};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::{format, glossary, labelled};

/// The kinds of condition rows, in the order offered, with the column each needs
/// (the kind is the row's identity; [`kind_label`] is what the window shows).
const KINDS: [(&str, &str); 8] = [
    ("Segment", "segment"),
    ("RFM group", "rfm_group"),
    // Every customer table from orders has order counts; spend needs prices.
    ("Score range", "frequency"),
    ("Bought", "customer_id"),
    ("Churn risk", "churn_bucket"),
    ("Region", "region"),
    ("Has email", "email"),
    ("Has phone", "phone"),
];

/// The window's name of a kind of `KINDS`.
fn kind_label(kind: &str) -> String {
    match kind {
        "Segment" => tr!("campaigns-kind-segment"),
        "RFM group" => tr!("campaigns-kind-rfm-group"),
        "Score range" => tr!("campaigns-kind-score-range"),
        "Bought" => tr!("campaigns-bought"),
        "Churn risk" => tr!("campaigns-kind-churn-risk"),
        "Region" => tr!("campaigns-kind-region"),
        "Has email" => tr!("campaigns-kind-has-email"),
        _ => tr!("campaigns-kind-has-phone"),
    }
}

/// What a kind of condition picks, for the jargon among them.
fn kind_meaning(kind: &str) -> Option<String> {
    match kind {
        "RFM group" => Some(tr!("campaigns-rfm-group-meaning")),
        "Churn risk" => Some(tr!("campaigns-churn-risk-meaning")),
        "Score range" => Some(tr!("campaigns-score-range-meaning")),
        _ => None,
    }
}

/// The window's name of a churn bucket (the bucket itself is stored).
fn churn_label(bucket: &str) -> String {
    match bucket {
        "low" => tr!("campaigns-churn-low"),
        "medium" => tr!("campaigns-churn-medium"),
        _ => tr!("campaigns-churn-high"),
    }
}

/// A new row of kind `kind`.
fn new_row(kind: &str, results: Option<&AudienceResults>) -> Condition {
    let has = |c: &str| results.is_some_and(|r| r.has_column(c));
    match kind {
        "Segment" => Condition::Segment { values: Vec::new() },
        "RFM group" => Condition::RfmGroup { values: Vec::new() },
        "Score range" => {
            let column = SCORE_COLUMNS
                .into_iter()
                .find(|c| has(c))
                .unwrap_or("frequency");
            let min = match column {
                "propensity" | "p_alive" => Some(0.5),
                _ => None,
            };
            Condition::Range {
                column: column.to_string(),
                min,
                max: None,
            }
        }
        "Bought" => Condition::Bought {
            what: Purchase::Category(String::new()),
            bought: true,
            from: None,
            to: None,
        },
        "Churn risk" => Condition::ChurnBucket {
            values: vec!["high".into()],
        },
        "Region" => Condition::Region { values: Vec::new() },
        "Has email" => Condition::HasEmail,
        _ => Condition::HasPhone,
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    condition: &mut Condition,
    results: Option<&AudienceResults>,
    segment_names: &[String],
    view: &mut ViewState,
    commands: &mut Commands,
) {
    if !matches!(condition, Condition::All { .. } | Condition::Any { .. }) {
        *condition = Condition::All {
            of: vec![condition.clone()],
        };
    }
    let mut all = matches!(condition, Condition::All { .. });
    ui.horizontal(|ui| {
        ui.label(tr!("campaigns-matching"));
        ui.radio_value(&mut all, true, tr!("campaigns-match-all"));
        ui.radio_value(&mut all, false, tr!("campaigns-match-any"));
    });
    let (Condition::All { of: rows } | Condition::Any { of: rows }) = condition else {
        return;
    };
    let mut rows = std::mem::take(rows);
    if rows.is_empty() {
        ui.label(
            egui::RichText::new(match all {
                true => tr!("campaigns-no-condition-all"),
                false => tr!("campaigns-no-condition-any"),
            })
            .weak(),
        );
    }
    let mut removed = None;
    for (index, row) in rows.iter_mut().enumerate() {
        ui.push_id(("condition", index), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    if ui
                        .small_button(tr!("campaigns-remove"))
                        .on_hover_text(tr!("campaigns-remove-condition-hover"))
                        .clicked()
                    {
                        removed = Some(index);
                    }
                    row_ui(ui, index, row, results, segment_names, view);
                });
                if let Some(column) = results.and_then(|r| prerequisite::row_missing(row, r)) {
                    prerequisite::ui(ui, column, commands);
                }
            });
        });
    }
    if let Some(index) = removed {
        rows.remove(index);
        view.dates.clear();
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("campaigns-add-condition"));
        for (kind, column) in KINDS {
            let available = results.is_none_or(|r| r.has_column(column));
            let text = tr!("campaigns-add-kind", kind = kind_label(kind));
            let button = ui
                .add_enabled(available, egui::Button::new(text))
                .on_disabled_hover_text(prerequisite::sentence(column));
            let button = match kind_meaning(kind) {
                Some(meaning) => button.on_hover_text(meaning),
                None => button,
            };
            if button.clicked() {
                rows.push(new_row(kind, results));
            }
        }
    });
    *condition = match all {
        true => Condition::All { of: rows },
        false => Condition::Any { of: rows },
    };
}

fn row_ui(
    ui: &mut egui::Ui,
    index: usize,
    row: &mut Condition,
    results: Option<&AudienceResults>,
    segment_names: &[String],
    view: &mut ViewState,
) {
    let choices = |name: &str| -> Vec<String> {
        results
            .and_then(|r| r.choices.get(name).cloned())
            .unwrap_or_default()
    };
    match row {
        Condition::Segment { values } => {
            ui.label(tr!("campaigns-segment-is"));
            let ids: Vec<String> = match segment_names.is_empty() {
                true => choices("segment"),
                false => (0..segment_names.len()).map(|i| i.to_string()).collect(),
            };
            ui.horizontal_wrapped(|ui| {
                for id in ids {
                    let name = id
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| segment_names.get(i))
                        .cloned()
                        .unwrap_or_else(|| tr!("campaigns-segment-number", id = id.as_str()));
                    multi_select(ui, values, &id, &name);
                }
            });
        }
        Condition::RfmGroup { values } => {
            glossary::term(
                ui,
                tr!("campaigns-rfm-group-is"),
                tr!("campaigns-rfm-group-meaning"),
            );
            ui.horizontal_wrapped(|ui| {
                for group in choices("rfm_group") {
                    multi_select(ui, values, &group, &RfmGroup::display_label(&group));
                }
            });
        }
        Condition::ChurnBucket { values } => {
            glossary::term(
                ui,
                tr!("campaigns-churn-risk-is"),
                tr!("campaigns-churn-risk-meaning"),
            );
            for bucket in ["low", "medium", "high"] {
                multi_select(ui, values, bucket, &churn_label(bucket));
            }
        }
        Condition::Region { values } => {
            ui.label(tr!("campaigns-region-is"));
            ui.horizontal_wrapped(|ui| {
                for region in choices("region") {
                    multi_select(ui, values, &region, &region);
                }
            });
        }
        Condition::TextIn { column, values } => {
            ui.label(tr!(
                "campaigns-text-in",
                column = column.as_str(),
                values = values.join(", ")
            ));
        }
        Condition::Range { column, min, max } => range_ui(ui, column, min, max, results),
        Condition::Bought {
            what,
            bought,
            from,
            to,
        } => bought_ui(
            ui,
            index,
            what,
            bought,
            from,
            to,
            &choices("category"),
            view,
        ),
        Condition::HasEmail => {
            ui.label(tr!("campaigns-has-email-address"));
        }
        Condition::HasPhone => {
            ui.label(tr!("campaigns-has-phone-number"));
        }
        Condition::All { of } | Condition::Any { of } => {
            ui.label(tr!(
                "campaigns-nested-group",
                count = format::count(of.len())
            ));
        }
    }
}

/// A checkbox that puts `value` in or out of `values`.
fn multi_select(ui: &mut egui::Ui, values: &mut Vec<String>, value: &str, label: &str) {
    let mut on = values.iter().any(|v| v == value);
    if ui.checkbox(&mut on, label).changed() {
        values.retain(|v| v != value);
        if on {
            values.push(value.to_string());
            values.sort();
        }
    }
}

/// Scores in 0..=1, edited with sliders.
fn is_probability(column: &str) -> bool {
    matches!(column, "propensity" | "p_alive" | "churn_risk")
}

fn range_ui(
    ui: &mut egui::Ui,
    column: &mut String,
    min: &mut Option<f64>,
    max: &mut Option<f64>,
    results: Option<&AudienceResults>,
) {
    let offered: Vec<&str> = SCORE_COLUMNS
        .into_iter()
        .chain(["churn_risk"])
        .chain(SIGNAL_COLUMNS)
        .filter(|c| results.is_none_or(|r| r.has_column(c)) || *c == column.as_str())
        .collect();
    let picked = egui::ComboBox::from_label(tr!("campaigns-between"))
        .selected_text(super::score_label(column))
        .show_ui(ui, |ui| {
            for c in offered {
                let option = ui.selectable_label(column == c, super::score_label(c));
                let option = match glossary::meaning(c) {
                    Some(meaning) => option.on_hover_text(meaning),
                    None => option,
                };
                if option.clicked() && column != c {
                    *column = c.to_string();
                    *min = None;
                    *max = None;
                }
            }
        });
    if let Some(meaning) = glossary::meaning(column) {
        picked.response.on_hover_text(meaning);
    }
    let probability = is_probability(column);
    for (bound, text, default) in [
        (min, tr!("campaigns-at-least"), 0.0),
        (
            max,
            tr!("campaigns-at-most"),
            if probability { 1.0 } else { 100.0 },
        ),
    ] {
        let mut on = bound.is_some();
        ui.checkbox(&mut on, text.as_str());
        if !on {
            *bound = None;
            continue;
        }
        let mut value = bound.unwrap_or(default);
        let label = ui.label(tr!(
            "campaigns-bound",
            column = super::score_label(column),
            bound = text
        ));
        let response = match probability {
            true => ui.add(egui::Slider::new(&mut value, 0.0..=1.0).step_by(0.01)),
            false => ui.add(egui::DragValue::new(&mut value).speed(1.0)),
        };
        response.labelled_by(label.id);
        *bound = Some(value);
    }
}

#[allow(clippy::too_many_arguments)]
fn bought_ui(
    ui: &mut egui::Ui,
    index: usize,
    what: &mut Purchase,
    bought: &mut bool,
    from: &mut Option<chrono::NaiveDate>,
    to: &mut Option<chrono::NaiveDate>,
    categories: &[String],
    view: &mut ViewState,
) {
    egui::ComboBox::from_id_salt("bought")
        .selected_text(match *bought {
            true => tr!("campaigns-bought"),
            false => tr!("campaigns-never-bought"),
        })
        .show_ui(ui, |ui| {
            ui.selectable_value(bought, true, tr!("campaigns-bought"));
            ui.selectable_value(bought, false, tr!("campaigns-never-bought"));
        });
    let mut is_item = matches!(what, Purchase::Item(_));
    ui.radio_value(&mut is_item, false, tr!("campaigns-category"));
    ui.radio_value(&mut is_item, true, tr!("campaigns-item-id"));
    match (is_item, &mut *what) {
        (false, Purchase::Item(_)) => *what = Purchase::Category(String::new()),
        (true, Purchase::Category(_)) => *what = Purchase::Item(String::new()),
        _ => {}
    }
    match what {
        Purchase::Category(category) => {
            labelled::menu(ui, tr!("campaigns-category"), "campaigns_category")
                .selected_text(category.as_str())
                .show_ui(ui, |ui| {
                    for c in categories {
                        ui.selectable_value(category, c.clone(), c);
                    }
                });
        }
        Purchase::Item(item) => {
            let label = ui.label(tr!("campaigns-item"));
            ui.add(egui::TextEdit::singleline(item).desired_width(90.0))
                .labelled_by(label.id);
        }
    }
    for (end, bound, text) in [
        (false, from, tr!("campaigns-from")),
        (true, to, tr!("campaigns-until")),
    ] {
        let typed = view
            .dates
            .entry((index, end))
            .or_insert_with(|| bound.map(|d| d.to_string()).unwrap_or_default());
        let label = ui.label(text);
        let response = ui
            .add(
                egui::TextEdit::singleline(typed)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(90.0),
            )
            .labelled_by(label.id);
        if response.changed()
            && let Ok(date) = crate::ui::behaviour::parse_date(typed)
        {
            *bound = date;
        }
        if crate::ui::behaviour::parse_date(typed).is_err() {
            ui.colored_label(ui.visuals().error_fg_color, "YYYY-MM-DD");
        }
    }
}

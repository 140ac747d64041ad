//! Every customer's propensity, churn risk and bucket, P(alive), predicted
//! purchases, CLV and expected next order date in one table: sortable by any column
//! (click a header; again to reverse; missing values last), virtualised so a
//! million customers scroll smoothly; and its export to CSV (UTF-8 with a BOM) or
//! XLSX, written atomically by a background job.
//!
//! The sorted row order is cached in egui memory, keyed by the result and the
//! sort, so it is rebuilt only when one of them changes.

use std::cmp::Ordering;
use std::path::PathBuf;
use std::sync::Arc;

use egui_extras::{Column, TableBuilder};

use crate::ui::format;
use crate::workspace::value::{CustomerRow, Value, ValueResults};

use super::{Action, CustomerSort, ViewState, decimal};

const ROW_HEIGHT: f32 = 20.0;

type CacheKey = (usize, usize, CustomerSort, bool);

const HEADERS: [(&str, CustomerSort); 8] = [
    ("customer_id", CustomerSort::Customer),
    ("propensity", CustomerSort::Propensity),
    ("churn risk", CustomerSort::ChurnRisk),
    ("risk bucket", CustomerSort::ChurnRisk),
    ("P(alive)", CustomerSort::PAlive),
    ("predicted purchases", CustomerSort::PredictedPurchases),
    ("CLV", CustomerSort::Clv),
    ("next order", CustomerSort::NextOrder),
];

/// Compares present values; a missing one sorts after every present one.
fn missing_last<T: PartialOrd>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let order = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            if descending { order.reverse() } else { order }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Row indices sorted by `sort`, ties (and the customer column) by customer id.
pub fn sorted_rows(rows: &[CustomerRow], sort: CustomerSort, descending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&rows[a], &rows[b]);
        let by = match sort {
            CustomerSort::Customer => Ordering::Equal,
            CustomerSort::Propensity => missing_last(x.propensity, y.propensity, descending),
            CustomerSort::ChurnRisk => missing_last(x.churn_risk, y.churn_risk, descending),
            CustomerSort::PAlive => missing_last(x.p_alive, y.p_alive, descending),
            CustomerSort::PredictedPurchases => {
                missing_last(x.predicted_purchases, y.predicted_purchases, descending)
            }
            CustomerSort::Clv => missing_last(x.clv, y.clv, descending),
            CustomerSort::NextOrder => {
                missing_last(x.next_order_date, y.next_order_date, descending)
            }
        };
        let ids = x.customer_id.cmp(&y.customer_id);
        let ids = if descending && sort == CustomerSort::Customer {
            ids.reverse()
        } else {
            ids
        };
        by.then(ids)
    });
    order
}

pub fn ui(
    ui: &mut egui::Ui,
    value: &Value,
    results: &ValueResults,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Export to:");
        ui.add(egui::TextEdit::singleline(&mut view.export_path).desired_width(260.0))
            .labelled_by(label.id);
        for (button, extension) in [("Export CSV", "csv"), ("Export XLSX", "xlsx")] {
            if ui
                .button(button)
                .on_hover_text(
                    "Every customer with the columns below; CSV opens in Excel with Chinese intact",
                )
                .clicked()
            {
                let path = PathBuf::from(view.export_path.trim()).with_extension(extension);
                view.export_path = path.display().to_string();
                actions.push(Action::Export(path));
            }
        }
    });
    let export = value.export_slot();
    if export.pending().is_some() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Exporting…");
        });
    } else if let Some(error) = export.error() {
        ui.colored_label(ui.visuals().error_fg_color, error.to_string());
    } else if let Some(done) = export.value() {
        ui.label(done);
    }
    let key: CacheKey = (
        results.rows.as_ptr() as usize,
        results.rows.len(),
        view.sort,
        view.descending,
    );
    let cache_id = egui::Id::unique("value_customer_rows");
    let cached = ui.data(|d| d.get_temp::<(CacheKey, Arc<Vec<usize>>)>(cache_id));
    let order = match cached {
        Some((k, order)) if k == key => order,
        _ => {
            let order = Arc::new(sorted_rows(&results.rows, view.sort, view.descending));
            ui.data_mut(|d| d.insert_temp(cache_id, (key, order.clone())));
            order
        }
    };
    ui.label(format!("{} customers", format::count(order.len())));
    table_ui(ui, results, &order, view);
}

fn table_ui(ui: &mut egui::Ui, results: &ValueResults, order: &[usize], view: &mut ViewState) {
    let thresholds = results.propensity.thresholds;
    let mut table = TableBuilder::new(ui)
        .id_salt("value_customers")
        .striped(true)
        .resizable(true)
        .max_scroll_height(360.0)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for _ in HEADERS {
        table = table.column(Column::auto().at_least(70.0).clip(true));
    }
    table
        .header(ROW_HEIGHT + 4.0, |mut header| {
            for (name, sort) in HEADERS {
                header.col(|ui| {
                    let arrow = match (view.sort == sort, view.descending) {
                        (true, true) => " ▼",
                        (true, false) => " ▲",
                        _ => "",
                    };
                    let button =
                        egui::Button::new(egui::RichText::new(format!("{name}{arrow}")).strong())
                            .frame(false);
                    if ui
                        .add(button)
                        .on_hover_text(format!("Sort by {name}"))
                        .clicked()
                    {
                        view.descending = view.sort == sort && !view.descending;
                        view.sort = sort;
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, order.len(), |mut row| {
                let r = &results.rows[order[row.index()]];
                let cells = [
                    r.customer_id.clone(),
                    decimal(r.propensity),
                    decimal(r.churn_risk),
                    r.churn_risk
                        .map_or("–", |c| thresholds.bucket(c))
                        .to_string(),
                    decimal(r.p_alive),
                    r.predicted_purchases
                        .map_or_else(|| "–".to_string(), |v| format!("{v:.2}")),
                    r.clv.map_or_else(|| "–".to_string(), format::money),
                    r.next_order_date
                        .map_or_else(|| "–".to_string(), |d| d.to_string()),
                ];
                for cell in cells {
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

    fn row(id: &str, propensity: Option<f64>) -> CustomerRow {
        CustomerRow {
            customer_id: id.into(),
            propensity,
            churn_risk: propensity.map(|p| 1.0 - p),
            p_alive: None,
            predicted_purchases: None,
            clv: None,
            next_order_date: None,
        }
    }

    #[test]
    fn sorting_puts_missing_values_last_and_breaks_ties_by_customer() {
        let rows = [
            row("c", Some(0.5)),
            row("a", None),
            row("b", Some(0.5)),
            row("d", Some(0.9)),
        ];
        assert_eq!(
            sorted_rows(&rows, CustomerSort::Propensity, false),
            [2, 0, 3, 1]
        );
        assert_eq!(
            sorted_rows(&rows, CustomerSort::Propensity, true),
            [3, 2, 0, 1]
        );
        assert_eq!(
            sorted_rows(&rows, CustomerSort::Customer, true),
            [3, 0, 2, 1]
        );
    }
}

//! Every customer's propensity, churn risk and bucket, P(alive), predicted
//! purchases, CLV and expected next order date in one table: sortable by any column
//! (click a header; again to reverse; missing values last), virtualised so a
//! million customers scroll smoothly; and its export to CSV (UTF-8 with a BOM) or
//! XLSX, written atomically by a background job. When the Segments tab has
//! segments, a segment column names each customer's segment (sortable by id). A
//! churn-risk menu narrows the table to one bucket (the export keeps everyone).
//!
//! The sorted row order is cached in egui memory, keyed by the result, the
//! segment join and the sort, so it is rebuilt only when one of them changes.

use crate::analysis::propensity::{RiskThresholds, bucket_label};
use crate::tr;
use crate::ui::export_controls::{export_buttons_ui, export_status_ui, shown_rows};
use crate::ui::format;
use crate::ui::sorted_table::{Sort, cached_rows, sort_by_id, sort_by_key, table_ui};
use crate::workspace::segments::scores::ScoreJoin;
use crate::workspace::value::{CustomerRow, Value, ValueResults};

use super::{CustomerSort, ViewState, decimal, next_order_text};
use crate::ui::command::Commands;
use crate::workspace::value::ValueCommand;

/// The generations of the value result and of the segments joined (0: none),
/// the sort and the bucket shown.
type CacheKey = (u64, u64, CustomerSort, bool, Option<&'static str>, [u64; 2]);

/// The churn-risk buckets the table can be narrowed to.
const BUCKETS: [&str; 3] = ["high", "medium", "low"];

/// The Segments tab's join to these rows and the segment names, when segments exist.
pub type Segments<'a> = Option<(&'a ScoreJoin, &'a [String])>;

/// The columns by their names (the glossary's keys for the header tooltips; the
/// window shows [`header_text`]).
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

/// The header of the column named `name` (in [`HEADERS`], or "segment") as the
/// window shows it.
fn header_text(name: &str) -> String {
    match name {
        "customer_id" => tr!("value-col-customer-id"),
        "segment" => tr!("value-col-segment"),
        "propensity" => tr!("value-col-propensity"),
        "churn risk" => tr!("value-col-churn-risk"),
        "risk bucket" => tr!("value-col-risk-bucket"),
        "P(alive)" => tr!("value-col-p-alive"),
        "predicted purchases" => tr!("value-col-predicted-purchases"),
        "CLV" => tr!("value-col-clv"),
        "next order" => tr!("value-col-next-order"),
        other => other.to_string(),
    }
}

/// Row indices sorted by `sort` (see `ui::sorted_table` for missing values and
/// ties); `segment_of` gives each row's segment for the segment column.
pub fn sorted_rows(
    rows: &[CustomerRow],
    segment_of: Option<&[Option<usize>]>,
    sort: CustomerSort,
    descending: bool,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let id = |i: usize| rows[i].customer_id.as_str();
    match sort {
        CustomerSort::Customer => sort_by_id(&mut order, id, descending),
        CustomerSort::Segment => {
            let segment = |i: usize| segment_of?.get(i).copied().flatten().map(|s| s as f64);
            sort_by_key(&mut order, segment, id, descending);
        }
        score => sort_by_key(&mut order, |i| score.score(&rows[i]), id, descending),
    }
    order
}

/// `order` without the rows outside `bucket` (rows without a churn risk are in
/// no bucket); all of `order` when `bucket` is None.
pub fn in_bucket(
    rows: &[CustomerRow],
    mut order: Vec<usize>,
    thresholds: RiskThresholds,
    bucket: Option<&str>,
) -> Vec<usize> {
    if let Some(bucket) = bucket {
        order.retain(|&i| {
            rows[i]
                .churn_risk
                .is_some_and(|risk| thresholds.bucket(risk) == bucket)
        });
    }
    order
}

/// `generations`: of the value result and of the segments joined (0: none).
pub fn ui(
    ui: &mut egui::Ui,
    value: &Value,
    results: &ValueResults,
    generations: (u64, u64),
    segments: Segments<'_>,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        ui.label(tr!("value-show-churn-risk"));
        ui.selectable_value(&mut view.bucket, None, tr!("value-bucket-all"));
        for bucket in BUCKETS {
            ui.selectable_value(&mut view.bucket, Some(bucket), bucket_label(bucket));
        }
    });
    let thresholds = results.propensity.thresholds;
    let join = segments.map(|(join, _)| join);
    let key: CacheKey = (
        generations.0,
        generations.1,
        view.sort,
        view.descending,
        view.bucket,
        [thresholds.medium.to_bits(), thresholds.high.to_bits()],
    );
    let order = cached_rows(ui, "value_customers", key, || {
        let segment_of = join.map(|j| j.segment_of_row.as_slice());
        let sorted = sorted_rows(&results.rows, segment_of, view.sort, view.descending);
        in_bucket(&results.rows, sorted, thresholds, view.bucket)
    });
    ui.horizontal(|ui| {
        let hover = tr!("value-export-hover");
        if let Some(path) =
            export_buttons_ui(ui, &mut view.export_path, &hover, &shown_rows(order.len()))
        {
            let segments = segments.map(|(join, names)| {
                order
                    .iter()
                    .map(|&i| join.segment_of_row[i].and_then(|s| names.get(s)).cloned())
                    .collect()
            });
            commands.send(ValueCommand::Export {
                path,
                rows: order.to_vec(),
                segments,
            });
        }
    });
    export_status_ui(ui, value.export_slot());
    ui.label(tr!(
        "value-customer-count",
        count = format::count(order.len())
    ));
    customers_table_ui(ui, results, segments, &order, view);
}

fn customers_table_ui(
    ui: &mut egui::Ui,
    results: &ValueResults,
    segments: Segments<'_>,
    order: &[usize],
    view: &mut ViewState,
) {
    let thresholds = results.propensity.thresholds;
    let mut headers: Vec<(String, CustomerSort)> = HEADERS
        .iter()
        .map(|(name, sort)| (header_text(name), *sort))
        .collect();
    if segments.is_some() {
        headers.insert(1, (header_text("segment"), CustomerSort::Segment));
    }
    let sort = Sort {
        column: &mut view.sort,
        descending: &mut view.descending,
    };
    let dash = || "–".to_string();
    table_ui(
        ui,
        "value_customers",
        &headers,
        Some(sort),
        order.len(),
        360.0,
        |position| {
            let index = order[position];
            let r = &results.rows[index];
            let mut cells = vec![
                r.customer_id.clone(),
                decimal(r.propensity),
                decimal(r.churn_risk),
                r.churn_risk
                    .map_or_else(dash, |c| bucket_label(thresholds.bucket(c))),
                decimal(r.p_alive),
                r.predicted_purchases
                    .map_or_else(dash, |v| format::number(v, 2)),
                r.clv.map_or_else(dash, format::money),
                next_order_text(r, results.clv_horizon()),
            ];
            if let Some((join, names)) = segments {
                let segment = join.segment_of_row[index].and_then(|s| names.get(s));
                cells.insert(1, segment.map_or_else(dash, Clone::clone));
            }
            cells
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_score_column_explains_itself_in_its_tooltip() {
        for (name, sort) in HEADERS {
            let meaning = crate::ui::glossary::meaning(name);
            assert_eq!(meaning.is_some(), sort != CustomerSort::Customer, "{name}");
        }
    }

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
            sorted_rows(&rows, None, CustomerSort::Propensity, false),
            [2, 0, 3, 1]
        );
        assert_eq!(
            sorted_rows(&rows, None, CustomerSort::Propensity, true),
            [3, 2, 0, 1]
        );
        assert_eq!(
            sorted_rows(&rows, None, CustomerSort::Customer, true),
            [3, 0, 2, 1]
        );
        let thresholds = RiskThresholds {
            medium: 0.3,
            high: 0.6,
        };
        // Churn risks: c 0.5 (medium), a none, b 0.5 (medium), d 0.1 (low).
        let all = vec![0, 1, 2, 3];
        assert_eq!(
            in_bucket(&rows, all.clone(), thresholds, Some("medium")),
            [0, 2]
        );
        assert_eq!(in_bucket(&rows, all.clone(), thresholds, Some("low")), [3]);
        assert!(in_bucket(&rows, all.clone(), thresholds, Some("high")).is_empty());
        assert_eq!(in_bucket(&rows, all.clone(), thresholds, None), all);
        let segments = [Some(1), Some(0), None, Some(1)];
        assert_eq!(
            sorted_rows(&rows, Some(&segments), CustomerSort::Segment, false),
            [1, 0, 3, 2]
        );
    }
}

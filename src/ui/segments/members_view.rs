//! The selected segment's members: searchable by customer id, sortable by any
//! column (click a header; again to reverse; missing scores last), virtualised so
//! a segment of a million customers scrolls smoothly; and its export to CSV (UTF-8
//! with a BOM) or XLSX, written atomically by a background job. When the Value tab
//! has scores, the table shows each member's propensity, churn risk, P(alive), CLV
//! and next order too ("–" for a member without them), and can be narrowed to the
//! members in the high churn-risk bucket.
//!
//! The filtered, sorted row list is cached in egui memory, keyed by the result,
//! the score join, segment, search and sort, so it is rebuilt only when one of
//! them changes.

use crate::tr;
use crate::ui::command::Commands;
use crate::ui::export_controls::{export_buttons_ui, export_status_ui, file_slug, shown_rows};
use crate::ui::format;
use crate::ui::sorted_table::{Sort, cached_rows, sort_by_id, sort_by_key, table_ui};
use crate::ui::value::{CustomerSort, decimal, next_order_text};
use crate::workspace::segments::scores::ScoreJoin;
use crate::workspace::segments::{Segments, SegmentsCommand, SegmentsResults};
use crate::workspace::value::{CustomerRow, ValueResults};

use super::{MemberSort, ViewState};

/// The score columns the table gains when the Value tab has scores: their
/// headers in the current language.
fn score_columns() -> [(String, CustomerSort); 5] {
    [
        (tr!("segments-column-propensity"), CustomerSort::Propensity),
        (tr!("segments-column-churn-risk"), CustomerSort::ChurnRisk),
        (tr!("segments-column-p-alive"), CustomerSort::PAlive),
        (tr!("segments-column-clv"), CustomerSort::Clv),
        (tr!("segments-column-next-order"), CustomerSort::NextOrder),
    ]
}

/// The member table's height at most (about 18 rows), and a row's height.
const MEMBERS_HEIGHT: f32 = 380.0;
const MEMBER_ROW: f32 = 20.0;

/// The Value tab's rows, their join to the segments and its churn thresholds.
pub type Scores<'a> = Option<(&'a ScoreJoin, &'a ValueResults)>;

/// The generations of the segments and of the scores (0: none), the segment,
/// search and sort.
type CacheKey = (u64, u64, usize, String, bool, MemberSort, bool);

/// Rows of segment `id` whose customer id contains `search` (case-insensitive),
/// only those in the high churn-risk bucket when `high_risk_only` (and there are
/// scores), sorted by `sort` (see `ui::sorted_table` for missing scores and ties).
pub fn member_rows(
    results: &SegmentsResults,
    scores: Scores<'_>,
    id: usize,
    search: &str,
    high_risk_only: bool,
    sort: MemberSort,
    descending: bool,
) -> Vec<usize> {
    let segmentation = &results.segmentation;
    let ids = &segmentation.features.customer_ids;
    let needle = search.trim().to_lowercase();
    let mut rows: Vec<usize> = segmentation
        .clustering
        .labels
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            **l == id && (needle.is_empty() || ids[*i].to_lowercase().contains(&needle))
        })
        .map(|(i, _)| i)
        .collect();
    if let (true, Some((join, value))) = (high_risk_only, scores) {
        let (value_rows, thresholds) = (&value.rows, value.propensity.thresholds);
        rows.retain(|&i| {
            let risk = join.score_row[i].and_then(|r| value_rows[r].churn_risk);
            risk.is_some_and(|c| thresholds.bucket(c) == "high")
        });
    }
    let raw = &segmentation.features.raw;
    let id_of = |i: usize| ids[i].as_str();
    match sort {
        MemberSort::Customer => sort_by_id(&mut rows, id_of, descending),
        MemberSort::Feature(j) => sort_by_key(&mut rows, |i| Some(raw[[i, j]]), id_of, descending),
        MemberSort::Score(column) => {
            let score = |i: usize| {
                let (join, value) = scores?;
                column.score(&value.rows[join.score_row[i]?])
            };
            sort_by_key(&mut rows, score, id_of, descending)
        }
    }
    rows
}

/// `generations`: of the segments result and of the scores joined (0: none).
#[allow(clippy::too_many_arguments)]
pub fn ui(
    ui: &mut egui::Ui,
    segments: &Segments,
    results: &SegmentsResults,
    generations: (u64, u64),
    scores: Scores<'_>,
    names: &[String],
    view: &mut ViewState,
    commands: &mut Commands,
) {
    let id = view.selected;
    ui.horizontal(|ui| {
        let label = ui.label(tr!("segments-search"));
        ui.add(
            egui::TextEdit::singleline(&mut view.search)
                .hint_text(tr!("segments-search-hint"))
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        if scores.is_some() {
            ui.checkbox(&mut view.high_risk_only, tr!("segments-high-risk-only"))
                .on_hover_text(tr!("segments-high-risk-only-hover"));
        }
    });
    let key: CacheKey = (
        generations.0,
        generations.1,
        id,
        view.search.clone(),
        view.high_risk_only,
        view.sort,
        view.descending,
    );
    let rows = cached_rows(ui, "segment_members", key, || {
        member_rows(
            results,
            scores,
            id,
            &view.search,
            view.high_risk_only,
            view.sort,
            view.descending,
        )
    });
    let name = names.get(id).map_or("segment", String::as_str);
    // The suggested file follows the segment selected, until a name is typed.
    if view.export_path.is_empty() || view.export_path == view.export_default {
        view.export_path = default_path(name);
        view.export_default = view.export_path.clone();
    }
    ui.horizontal(|ui| {
        let hover = tr!("segments-export-hover");
        if let Some(path) =
            export_buttons_ui(ui, &mut view.export_path, &hover, &shown_rows(rows.len()))
        {
            let scores = scores.map(|(join, value)| {
                rows.iter()
                    .map(|&i| join.score_row[i].map(|r| value.rows[r].clone()))
                    .collect()
            });
            commands.send(SegmentsCommand::Export {
                path,
                rows: rows.to_vec(),
                names: names.to_vec(),
                scores,
            });
        }
    });
    export_status_ui(ui, segments.export_slot());
    ui.label(tr!(
        "segments-members-count",
        count = format::count(rows.len()),
        n = rows.len()
    ));
    // Many features and scores are wider than the window: scroll sideways. The
    // table keeps room for its header and a screenful of rows (all of a small
    // segment), even at the foot of the page's scroll area.
    let height = (MEMBER_ROW * rows.len().max(1) as f32 + MEMBER_ROW + 8.0).min(MEMBERS_HEIGHT);
    egui::ScrollArea::horizontal()
        .id_salt("segment_members_sideways")
        .show(ui, |ui| {
            ui.set_min_height(height);
            members_table_ui(ui, results, scores, &rows, view)
        });
}

fn default_path(name: &str) -> String {
    format!("segment-{}.csv", file_slug(name))
}

fn members_table_ui(
    ui: &mut egui::Ui,
    results: &SegmentsResults,
    scores: Scores<'_>,
    rows: &[usize],
    view: &mut ViewState,
) {
    let features = &results.segmentation.features;
    let mut headers: Vec<(String, MemberSort)> =
        vec![(tr!("segments-column-customer-id"), MemberSort::Customer)];
    headers.extend(
        features
            .available
            .iter()
            .enumerate()
            .map(|(j, f)| (f.label(), MemberSort::Feature(j))),
    );
    if scores.is_some() {
        headers.extend(
            score_columns()
                .into_iter()
                .map(|(name, column)| (name, MemberSort::Score(column))),
        );
    }
    let sort = Sort {
        column: &mut view.sort,
        descending: &mut view.descending,
    };
    table_ui(
        ui,
        "segment_members",
        &headers,
        Some(sort),
        rows.len(),
        MEMBERS_HEIGHT,
        |position| {
            let i = rows[position];
            let mut cells = vec![features.customer_ids[i].clone()];
            cells.extend((0..features.available.len()).map(|j| {
                let v = features.raw[[i, j]];
                format::number(v, if v.fract() == 0.0 { 0 } else { 2 })
            }));
            if let Some((join, value)) = scores {
                let row = join.score_row[i].map(|r| &value.rows[r]);
                cells.extend(score_cells(row, value.clv_horizon()));
            }
            cells
        },
    );
}

/// The score columns' text of one member ("–" when not scored).
fn score_cells(row: Option<&CustomerRow>, horizon_days: Option<u32>) -> [String; 5] {
    let dash = || "–".to_string();
    let Some(r) = row else {
        return [dash(), dash(), dash(), dash(), dash()];
    };
    [
        decimal(r.propensity),
        decimal(r.churn_risk),
        decimal(r.p_alive),
        r.clv.map_or_else(dash, format::money),
        next_order_text(r, horizon_days),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_names_are_file_friendly() {
        assert_eq!(
            default_path("High-value regulars"),
            "segment-high-value-regulars.csv"
        );
        assert_eq!(default_path("老客户 2"), "segment-老客户-2.csv");
    }
}

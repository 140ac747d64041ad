//! The selected segment's members: searchable by customer id, sortable by any
//! column (click a header; again to reverse), virtualised so a segment of a
//! million customers scrolls smoothly; and its export to CSV (UTF-8 with a BOM)
//! or XLSX, written atomically by a background job.
//!
//! The filtered, sorted row list is cached in egui memory, keyed by the result,
//! segment, search and sort, so it is rebuilt only when one of them changes.

use std::path::PathBuf;
use std::sync::Arc;

use egui_extras::{Column, TableBuilder};

use crate::ui::format;
use crate::workspace::segments::{Segments, SegmentsResults};

use super::{Action, MemberSort, ViewState};

const ROW_HEIGHT: f32 = 20.0;

type CacheKey = (usize, usize, String, MemberSort, bool);

/// Rows of segment `id` whose customer id contains `search` (case-insensitive),
/// sorted by `sort`, ties by customer id.
pub fn member_rows(
    results: &SegmentsResults,
    id: usize,
    search: &str,
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
    let raw = &segmentation.features.raw;
    rows.sort_by(|&a, &b| {
        let order = match sort {
            MemberSort::Customer => std::cmp::Ordering::Equal,
            MemberSort::Feature(j) => raw[[a, j]].total_cmp(&raw[[b, j]]),
        };
        let order = order.then_with(|| ids[a].cmp(&ids[b]));
        if descending { order.reverse() } else { order }
    });
    rows
}

pub fn ui(
    ui: &mut egui::Ui,
    segments: &Segments,
    results: &SegmentsResults,
    names: &[String],
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let id = view.selected;
    ui.horizontal(|ui| {
        let label = ui.label("Search customers:");
        ui.add(
            egui::TextEdit::singleline(&mut view.search)
                .hint_text("part of a customer id")
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        ui.separator();
        if view.export_path.is_empty() {
            view.export_path = default_path(names.get(id).map_or("segment", String::as_str));
        }
        let label = ui.label("Export to:");
        ui.add(egui::TextEdit::singleline(&mut view.export_path).desired_width(260.0))
            .labelled_by(label.id);
        for (button, extension) in [("Export CSV", "csv"), ("Export XLSX", "xlsx")] {
            if ui
                .button(button)
                .on_hover_text("This segment's members with every feature; CSV opens in Excel with Chinese intact")
                .clicked()
            {
                let path = PathBuf::from(view.export_path.trim()).with_extension(extension);
                view.export_path = path.display().to_string();
                actions.push(Action::Export {
                    path,
                    segment: Some(id),
                });
            }
        }
    });
    let export = segments.export_slot();
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
        Arc::as_ptr(&results.segmentation) as usize,
        id,
        view.search.clone(),
        view.sort,
        view.descending,
    );
    let cache_id = egui::Id::unique("segment_member_rows");
    let cached = ui.data(|d| d.get_temp::<(CacheKey, Arc<Vec<usize>>)>(cache_id));
    let rows = match cached {
        Some((k, rows)) if k == key => rows,
        _ => {
            let rows = Arc::new(member_rows(
                results,
                id,
                &view.search,
                view.sort,
                view.descending,
            ));
            ui.data_mut(|d| d.insert_temp(cache_id, (key, rows.clone())));
            rows
        }
    };
    ui.label(format!("{} customers", format::count(rows.len())));
    table_ui(ui, results, &rows, view);
}

fn default_path(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("segment-{}.csv", slug.trim_matches('-'))
}

fn table_ui(ui: &mut egui::Ui, results: &SegmentsResults, rows: &[usize], view: &mut ViewState) {
    let features = &results.segmentation.features;
    let mut headers: Vec<(String, MemberSort)> = vec![("customer_id".into(), MemberSort::Customer)];
    headers.extend(
        features
            .available
            .iter()
            .enumerate()
            .map(|(j, f)| (f.name().to_string(), MemberSort::Feature(j))),
    );
    let mut table = TableBuilder::new(ui)
        .id_salt("segment_members")
        .striped(true)
        .resizable(true)
        .max_scroll_height(360.0)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for _ in &headers {
        table = table.column(Column::auto().at_least(70.0).clip(true));
    }
    table
        .header(ROW_HEIGHT + 4.0, |mut header| {
            for (name, sort) in &headers {
                header.col(|ui| {
                    let arrow = match (view.sort == *sort, view.descending) {
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
                        view.descending = view.sort == *sort && !view.descending;
                        view.sort = *sort;
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let i = rows[row.index()];
                row.col(|ui| {
                    ui.label(&features.customer_ids[i]);
                });
                for j in 0..features.available.len() {
                    row.col(|ui| {
                        let v = features.raw[[i, j]];
                        ui.label(if v.fract() == 0.0 {
                            format!("{v:.0}")
                        } else {
                            format!("{v:.2}")
                        });
                    });
                }
            });
        });
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

//! The customer table the Segments, Value and Campaigns tabs share: virtualised
//! rows (a million scroll smoothly), clickable sort headers, the row order for a
//! sort column, and the cache that keeps the order in egui memory until its
//! inputs (keyed by result generations) change. Searching and narrowing happen in
//! the caller's row list, before the table draws it.
//!
//! Order contract: rows with a value come first, ascending or descending; rows
//! without one (None, or NaN) come last in both directions; ties, and the id
//! column itself, go by customer id (ascending, or descending for the id column
//! sorted descending). Ids made of digits only compare as numbers (`9` before
//! `10`) and come before other ids. The sort is stable, so the order is
//! deterministic.

use std::cmp::Ordering;
use std::sync::Arc;

use egui_extras::{Column, TableBuilder};

use crate::tr;

/// Height of a table row.
const ROW_HEIGHT: f32 = 20.0;

/// The sort a table's headers set: the column in use and its direction.
pub struct Sort<'a, S> {
    pub column: &'a mut S,
    pub descending: &'a mut bool,
}

/// A striped, resizable, virtualised table of `rows` rows (at most `height`
/// points tall). `headers` name the columns, each with the sort it sets when
/// clicked (with `sort`; without, the headers are plain). `cells(position)` gives
/// the texts of the row at that position, one per header.
pub fn table_ui<S: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id_salt: &str,
    headers: &[(String, S)],
    mut sort: Option<Sort<'_, S>>,
    rows: usize,
    height: f32,
    cells: impl Fn(usize) -> Vec<String>,
) {
    let mut table = TableBuilder::new(ui)
        .id_salt(id_salt)
        .striped(true)
        .resizable(true)
        .max_scroll_height(height)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for (i, _) in headers.iter().enumerate() {
        // The last column takes the room left, so long texts are not cut.
        let column = match i + 1 == headers.len() {
            true => Column::remainder(),
            false => Column::auto(),
        };
        table = table.column(column.at_least(70.0).clip(true));
    }
    table
        .header(ROW_HEIGHT + 4.0, |mut header| {
            for (name, column) in headers {
                header.col(|ui| match &mut sort {
                    Some(sort) => header_ui(ui, name, *column, sort.column, sort.descending),
                    None => {
                        let label = ui.strong(name);
                        if let Some(meaning) = crate::ui::glossary::meaning(name) {
                            label.on_hover_text(meaning);
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows, |mut row| {
                for cell in cells(row.index()) {
                    row.col(|ui| {
                        ui.label(cell);
                    });
                }
            });
        });
}

/// Compares present values; a missing one sorts after every present one.
fn missing_last(a: Option<f64>, b: Option<f64>, descending: bool) -> Ordering {
    match (a.filter(|v| !v.is_nan()), b.filter(|v| !v.is_nan())) {
        (Some(a), Some(b)) => {
            let order = a.total_cmp(&b);
            if descending { order.reverse() } else { order }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Customer ids in display order: digit-only ids as numbers (any length, leading
/// zeros ignored, then the text breaks ties) before other ids, which go as text.
pub fn id_order(a: &str, b: &str) -> Ordering {
    match (as_number(a), as_number(b)) {
        (Some(x), Some(y)) => x
            .len()
            .cmp(&y.len())
            .then_with(|| x.cmp(y))
            .then_with(|| a.cmp(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

/// `s` without leading zeros when it is made of digits only.
fn as_number(s: &str) -> Option<&str> {
    (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.trim_start_matches('0'))
}

/// Sorts `rows` by their id (`id` of a row), reversed when `descending`.
pub fn sort_by_id<'a>(rows: &mut [usize], id: impl Fn(usize) -> &'a str, descending: bool) {
    rows.sort_by(|&a, &b| {
        let order = id_order(id(a), id(b));
        if descending { order.reverse() } else { order }
    });
}

/// Sorts `rows` by `key` (see the module doc for missing values and ties).
pub fn sort_by_key<'a>(
    rows: &mut [usize],
    key: impl Fn(usize) -> Option<f64>,
    id: impl Fn(usize) -> &'a str,
    descending: bool,
) {
    rows.sort_by(|&a, &b| {
        missing_last(key(a), key(b), descending).then_with(|| id_order(id(a), id(b)))
    });
}

/// A column header that sorts by `sort` when clicked (again: reversed), with an
/// arrow on the column in use.
fn header_ui<S: Copy + PartialEq>(
    ui: &mut egui::Ui,
    name: &str,
    sort: S,
    current: &mut S,
    descending: &mut bool,
) {
    let arrow = match (*current == sort, *descending) {
        (true, true) => " ↓",
        (true, false) => " ↑",
        _ => "",
    };
    let button =
        egui::Button::new(egui::RichText::new(format!("{name}{arrow}")).strong()).frame(false);
    let hover = match crate::ui::glossary::meaning(name) {
        Some(meaning) => format!("{meaning}\n\n{}", tr!("data-click-to-sort", column = name)),
        None => tr!("data-sort-by", column = name),
    };
    if ui.add(button).on_hover_text(hover).clicked() {
        *descending = *current == sort && !*descending;
        *current = sort;
    }
}

/// The rows cached under `salt` for `key`, built by `build` when the key changed.
pub fn cached_rows<K>(
    ui: &egui::Ui,
    salt: &str,
    key: K,
    build: impl FnOnce() -> Vec<usize>,
) -> Arc<Vec<usize>>
where
    K: Clone + PartialEq + Send + Sync + 'static,
{
    let cache_id = egui::Id::unique(("sorted_table_rows", salt));
    let cached = ui.data(|d| d.get_temp::<(K, Arc<Vec<usize>>)>(cache_id));
    match cached {
        Some((k, rows)) if k == key => rows,
        _ => {
            let rows = Arc::new(build());
            ui.data_mut(|d| d.insert_temp(cache_id, (key, rows.clone())));
            rows
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_values_go_last_both_ways_and_ties_go_by_id() {
        let ids = ["c", "a", "b", "d", "e"];
        let values = [Some(0.5), None, Some(0.5), Some(0.9), Some(f64::NAN)];
        let sorted = |descending| {
            let mut rows: Vec<usize> = (0..ids.len()).collect();
            sort_by_key(&mut rows, |i| values[i], |i| ids[i], descending);
            rows
        };
        assert_eq!(sorted(false), [2, 0, 3, 1, 4]);
        assert_eq!(sorted(true), [3, 2, 0, 1, 4]);
        let mut rows: Vec<usize> = (0..ids.len()).collect();
        sort_by_id(&mut rows, |i| ids[i], true);
        assert_eq!(rows, [4, 3, 0, 2, 1]);
    }

    #[test]
    fn numeric_ids_sort_as_numbers_before_text_ids() {
        let ids = ["10", "9", "C1", "100", "009", "2", "A"];
        let mut rows: Vec<usize> = (0..ids.len()).collect();
        sort_by_id(&mut rows, |i| ids[i], false);
        let sorted: Vec<&str> = rows.iter().map(|&i| ids[i]).collect();
        assert_eq!(sorted, ["2", "009", "9", "10", "100", "A", "C1"]);
        // Ties of a score column go the same way.
        let mut rows: Vec<usize> = (0..ids.len()).collect();
        sort_by_key(&mut rows, |_| Some(1.0), |i| ids[i], true);
        assert_eq!(rows.iter().map(|&i| ids[i]).collect::<Vec<_>>(), sorted);
    }
}

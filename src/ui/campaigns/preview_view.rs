//! The first targets as they will be exported: id, group, contact fields,
//! segment, scores and recommended items (the columns the audience has), in the
//! customer table the other tabs use (not sortable: it is the list's head). The
//! table gets the room its rows need, between about six and fifteen rows, so it
//! never collapses to a few rows inside the tab's scrolling page.

use crate::tr;
use crate::ui::sorted_table::table_ui;
use crate::workspace::campaign::AudienceResults;

/// The height of the table's rows (as `sorted_table` draws them).
const ROW: f32 = 20.0;

/// The table's height for `rows` rows: header and rows, at least six rows'
/// worth and at most fifteen (the page scrolls for the rest).
pub fn table_height(rows: usize) -> f32 {
    (rows as f32 + 1.5).clamp(6.0, 15.0) * ROW
}

pub fn ui(ui: &mut egui::Ui, results: &AudienceResults) {
    let (columns, rows) = &results.preview;
    if rows.is_empty() {
        ui.label(egui::RichText::new(tr!("campaigns-nobody")).weak());
        return;
    }
    let headers: Vec<(String, ())> = columns.iter().map(|c| (c.clone(), ())).collect();
    let height = table_height(rows.len());
    egui::ScrollArea::horizontal()
        .id_salt("campaign_preview_sideways")
        .show(ui, |ui| {
            // A fixed-height box: inside the page's scroll area the table would
            // otherwise size itself to what little is left on screen.
            ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                ui.set_min_height(height);
                table_ui(
                    ui,
                    "campaign_preview",
                    &headers,
                    None,
                    rows.len(),
                    height,
                    |position| rows[position].clone(),
                );
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_is_never_shorter_than_six_rows_nor_taller_than_fifteen() {
        assert_eq!(table_height(1), 6.0 * ROW);
        assert_eq!(table_height(10), 11.5 * ROW);
        assert_eq!(table_height(50), 15.0 * ROW);
    }
}

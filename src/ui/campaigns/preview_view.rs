//! The first targets as they will be exported: id, group, contact fields,
//! segment, scores and recommended items (the columns the audience has), in the
//! customer table the other tabs use (not sortable: it is the list's head).

use crate::tr;
use crate::ui::sorted_table::table_ui;
use crate::workspace::campaign::AudienceResults;

pub fn ui(ui: &mut egui::Ui, results: &AudienceResults) {
    let (columns, rows) = &results.preview;
    if rows.is_empty() {
        ui.label(egui::RichText::new(tr!("campaigns-nobody")).weak());
        return;
    }
    let headers: Vec<(String, ())> = columns.iter().map(|c| (c.clone(), ())).collect();
    egui::ScrollArea::horizontal()
        .id_salt("campaign_preview_sideways")
        .show(ui, |ui| {
            table_ui(
                ui,
                "campaign_preview",
                &headers,
                None,
                rows.len(),
                260.0,
                |position| rows[position].clone(),
            );
        });
}

//! The first targets as they will be exported: id, group, contact fields,
//! segment, scores and recommended items (the columns the audience has).

use crate::workspace::campaign::AudienceResults;

pub fn ui(ui: &mut egui::Ui, results: &AudienceResults) {
    let (columns, rows) = &results.preview;
    if rows.is_empty() {
        ui.label(egui::RichText::new("Nobody in the audience.").weak());
        return;
    }
    egui::ScrollArea::both()
        .id_salt("campaign_preview")
        .max_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("campaign_preview_grid")
                .striped(true)
                .spacing([14.0, 2.0])
                .show(ui, |ui| {
                    for c in columns {
                        ui.label(egui::RichText::new(c).strong());
                    }
                    ui.end_row();
                    for row in rows {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
        });
}

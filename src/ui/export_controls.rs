//! The export controls the tables share: a path field with Export CSV and Export
//! XLSX (the extension follows the button) and what they write (for a customer
//! table the number of rows shown: the exports write the table as filtered and
//! sorted), and the export job's state (spinner, error, or "Wrote …") from its
//! slot.

use std::path::PathBuf;

use crate::jobs::Slot;
use crate::tr;

/// "Export to:" with the path field and both buttons, on the current line, and
/// what they write (`writes`, e.g. [`shown_rows`]). Returns the path to write
/// when a button was clicked (its extension set).
pub fn export_buttons_ui(
    ui: &mut egui::Ui,
    path_text: &mut String,
    hover: &str,
    writes: &str,
) -> Option<PathBuf> {
    let label = ui.label(tr!("data-export-to"));
    ui.add(egui::TextEdit::singleline(path_text).desired_width(260.0))
        .labelled_by(label.id);
    let mut chosen = None;
    let buttons = [
        (tr!("data-export-csv"), "csv"),
        (tr!("data-export-xlsx"), "xlsx"),
    ];
    for (button, extension) in buttons {
        if ui.button(button).on_hover_text(hover).clicked() {
            let path = PathBuf::from(path_text.trim()).with_extension(extension);
            *path_text = path.display().to_string();
            chosen = Some(path);
        }
    }
    ui.weak(writes);
    chosen
}

/// What a table export writes: the `rows` shown, in the shown order.
pub fn shown_rows(rows: usize) -> String {
    tr!(
        "data-export-shown-rows",
        count = crate::ui::format::count(rows),
        n = rows
    )
}

/// `name` as a file name part: letters and digits (Chinese too), lower case,
/// the rest as `-`.
pub fn file_slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| match c.is_alphanumeric() {
            true => c.to_ascii_lowercase(),
            false => '-',
        })
        .collect();
    slug.trim_matches('-').to_string()
}

/// The running export, its error or its outcome; nothing before the first one.
pub fn export_status_ui(ui: &mut egui::Ui, export: &Slot<String>) {
    if export.pending().is_some() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr!("data-exporting"));
        });
    } else if let Some(error) = export.error() {
        ui.colored_label(ui.visuals().error_fg_color, error.to_string());
    } else if let Some(done) = export.value() {
        ui.label(done);
    }
}

//! The export controls the tables share: a path field with Export CSV and Export
//! XLSX (the extension follows the button) and what they write (for a customer
//! table the number of rows shown: the exports write the table as filtered and
//! sorted), the column headers' language (English or 中文, one choice for every
//! table export: `export::headers`), and the export job's state (spinner,
//! error, or "Wrote …") from its slot.

use std::path::PathBuf;

use crate::export::headers::{self, Headers};
use crate::jobs::Slot;
use crate::tr;
use crate::ui::labelled;

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
    headers_ui(ui);
    ui.weak(writes);
    chosen
}

/// "Column headers: English / 中文", the choice every table export writes its
/// headers in (the tool formats keep their own: the hover says so); returns it.
pub fn headers_ui(ui: &mut egui::Ui) -> Headers {
    let mut current = headers::chosen();
    // Under the enclosing row's id, so two tables' controls never share a menu.
    let salt = format!("export_headers_{}", ui.scope_id().short_debug_format());
    labelled::menu(ui, tr!("export-headers"), &salt)
        .selected_text(headers_label(current))
        .show_ui(ui, |ui| {
            for option in Headers::ALL {
                ui.selectable_value(&mut current, option, headers_label(option));
            }
        })
        .response
        .on_hover_text(tr!("export-headers-hover"));
    headers::choose(current);
    current
}

/// The window's name of a header choice ("English" / "英文", "中文").
fn headers_label(headers: Headers) -> String {
    match headers {
        Headers::English => tr!("export-headers-english"),
        Headers::Chinese => tr!("export-headers-chinese"),
    }
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

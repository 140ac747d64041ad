//! Export the target list: a format (CSV, CSV with a BOM for Excel, XLSX,
//! Parquet, Mailchimp, Klaviyo, Meta and Google audiences with hashed contacts),
//! the country code national phone numbers get, and the file (typed or chosen in
//! a save dialog; a relative path goes to the folder of the last export or of the
//! data files), and the column headers (English or 中文, the choice the tables'
//! exports share; the tool formats keep their tools' headers). The export is a
//! job; its outcome names the list's and the control file's full paths and rows.

use std::path::{Path, PathBuf};

use crate::export::campaign::{CampaignExport, CampaignFormat};
use crate::ui::export_controls::{export_status_ui, file_slug, headers_ui};
use crate::workspace::campaign::Campaigns;

use super::ViewState;
use super::dialog::Purpose;
use crate::analysis::campaign::CampaignDef;
use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::labelled;
use crate::workspace::campaign::CampaignsCommand;

/// The formats offered: format, BOM, file extension (see [`format_label`]).
pub const FORMATS: [(CampaignFormat, bool, &str); 8] = [
    (CampaignFormat::Csv, false, "csv"),
    (CampaignFormat::Csv, true, "csv"),
    (CampaignFormat::Xlsx, false, "xlsx"),
    (CampaignFormat::Parquet, false, "parquet"),
    (CampaignFormat::Mailchimp, false, "csv"),
    (CampaignFormat::Klaviyo, false, "csv"),
    (CampaignFormat::Meta, false, "csv"),
    (CampaignFormat::Google, false, "csv"),
];

/// The window's name of a format of [`FORMATS`] (product names stay as they are).
pub fn format_label(format: CampaignFormat, bom: bool) -> String {
    match (format, bom) {
        (CampaignFormat::Csv, false) => "CSV".into(),
        (CampaignFormat::Csv, true) => tr!("campaigns-format-csv-bom"),
        (CampaignFormat::Xlsx, _) => "XLSX".into(),
        (CampaignFormat::Parquet, _) => "Parquet".into(),
        (CampaignFormat::Mailchimp, _) => "Mailchimp CSV".into(),
        (CampaignFormat::Klaviyo, _) => "Klaviyo CSV".into(),
        (CampaignFormat::Meta, _) => tr!("campaigns-format-meta"),
        (CampaignFormat::Google, _) => tr!("campaigns-format-google"),
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    campaigns: &Campaigns,
    folder: &Path,
    draft: &CampaignDef,
    ready: bool,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    let format = view.format.min(FORMATS.len() - 1);
    let (chosen, bom, extension) = FORMATS[format];
    // The suggested file follows the campaign's name and the format, until a
    // path is typed.
    if view.export_path.is_empty() || view.export_path == view.export_default {
        let slug = file_slug(&draft.name);
        let stem = if slug.is_empty() { "campaign" } else { &slug };
        view.export_path = format!("{stem}.{extension}");
        view.export_default = view.export_path.clone();
    }
    let chosen_headers = ui.horizontal_wrapped(|ui| {
        labelled::menu(ui, tr!("campaigns-format"), "campaigns_format")
            .selected_text(format_label(chosen, bom))
            .show_ui(ui, |ui| {
                for (i, &(option, option_bom, _)) in FORMATS.iter().enumerate() {
                    ui.selectable_value(&mut view.format, i, format_label(option, option_bom));
                }
            });
        let label = ui.label(tr!("campaigns-country-code"));
        ui.add(egui::TextEdit::singleline(&mut view.country_code).desired_width(40.0))
            .labelled_by(label.id)
            .on_hover_text(tr!("campaigns-country-code-hover"));
        headers_ui(ui)
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!("campaigns-export-to"));
        ui.add(egui::TextEdit::singleline(&mut view.export_path).desired_width(300.0))
            .labelled_by(label.id)
            .on_hover_text(tr!(
                "campaigns-export-to-hover",
                folder = folder.display().to_string()
            ));
        if ui.button(tr!("campaigns-save-as")).clicked() {
            let name = PathBuf::from(view.export_path.trim())
                .with_extension(extension)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            commands.send(Command::CampaignFileDialog {
                purpose: Purpose::Export,
                save: true,
                file_name: name,
            });
        }
        let busy = campaigns.export_slot().pending().is_some();
        if ui
            .add_enabled(ready && !busy, egui::Button::new(tr!("campaigns-export")))
            .on_hover_text(tr!("campaigns-export-hover"))
            .clicked()
        {
            let mut path = PathBuf::from(view.export_path.trim());
            if path.extension().is_none() {
                path.set_extension(extension);
            }
            view.export_path = path.display().to_string();
            commands.send(CampaignsCommand::Export {
                path,
                options: CampaignExport {
                    format: chosen,
                    bom,
                    default_country_code: view.country_code.trim().to_string(),
                    campaign_name: draft.name.clone(),
                    headers: chosen_headers.inner,
                },
                def: Box::new(draft.clone()),
            });
        }
    });
    export_status_ui(ui, campaigns.export_slot());
}

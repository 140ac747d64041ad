//! Files on their way in: a spinner while inspecting, a progress bar with Cancel while
//! loading, and the mapping view for files that wait for the operator: format,
//! encoding, kind, sheet, each column's type, samples and role, and the date format
//! (with a warning when day and month could be swapped). Edits are sent as
//! `SetOptions` commands, as Load and Discard are.

use crate::data::{DateFormat, FileFormat, FileKind, Inspection, LoadOptions, Role, TextEncoding};
use crate::workspace::{FileStage, PendingFile, Workspace, file_name};

use super::command::Commands;
use crate::workspace::Command as WorkCommand;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Commands) {
    for file in workspace.pending() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            file_ui(ui, file, commands);
        });
        ui.add_space(6.0);
    }
}

fn file_ui(ui: &mut egui::Ui, file: &PendingFile, commands: &mut Commands) {
    let name = file_name(&file.path);
    match &file.stage {
        FileStage::Inspecting(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("Reading {name}…"));
                if ui.button("Discard").clicked() {
                    commands.send(WorkCommand::Discard(file.id));
                }
            });
        }
        FileStage::Loading { job, .. } => {
            let progress = job.progress().snapshot();
            ui.horizontal(|ui| {
                ui.strong(&name);
                let message = if progress.message.is_empty() {
                    format!("loading {name}")
                } else {
                    progress.message.clone()
                };
                let bar = match progress.fraction() {
                    Some(fraction) => egui::ProgressBar::new(fraction).show_percentage(),
                    None => egui::ProgressBar::new(0.0).animate(true),
                };
                ui.add(bar.text(message).desired_width(320.0));
                if ui.button("Cancel").clicked() {
                    commands.send(WorkCommand::CancelLoad(file.id));
                }
            });
        }
        FileStage::Mapping {
            inspection,
            options,
            last_error,
        } => {
            let mut edited = options.clone();
            mapping_ui(
                ui,
                file.id,
                &name,
                inspection,
                &mut edited,
                last_error.as_deref(),
                commands,
            );
            if edited != *options {
                commands.send(WorkCommand::SetOptions {
                    id: file.id,
                    options: edited,
                });
            }
        }
    }
}

fn mapping_ui(
    ui: &mut egui::Ui,
    id: u64,
    name: &str,
    inspection: &Inspection,
    options: &mut LoadOptions,
    last_error: Option<&str>,
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        ui.heading(format!("Check how to read {name}"));
    });
    ui.weak(inspection.path.display().to_string());
    ui.label(format!(
        "Format: {} · Encoding: {} · {} columns",
        format_label(&inspection.format),
        encoding_label(inspection.encoding),
        inspection.columns.len()
    ));
    if let Some(error) = last_error {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("The last load failed: {error}"),
        );
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        egui::ComboBox::new(("kind", id), "File kind")
            .selected_text(options.kind.label())
            .show_ui(ui, |ui| {
                for kind in FileKind::ALL {
                    ui.selectable_value(&mut options.kind, kind, kind.label());
                }
            });
        if let FileFormat::Excel { sheet, sheets } = &inspection.format {
            let mut chosen = sheet.clone();
            egui::ComboBox::new(("sheet", id), "Sheet")
                .selected_text(chosen.as_str())
                .show_ui(ui, |ui| {
                    for candidate in sheets {
                        ui.selectable_value(&mut chosen, candidate.clone(), candidate.as_str());
                    }
                });
            if chosen != *sheet {
                commands.send(WorkCommand::Reinspect { id, sheet: chosen });
            }
        }
    });
    ui.add_space(4.0);
    columns_ui(ui, id, inspection, options);
    ui.add_space(4.0);
    date_ui(ui, id, inspection, options);
    let priced = [Role::Amount, Role::UnitPrice]
        .iter()
        .any(|role| options.mapping.contains_key(role));
    if options.kind == FileKind::Orders && !priced {
        ui.weak(
            "No column is a price or an amount: order counts, recency, segments, \
             recommendations and order forecasts work without; revenue and customer value \
             need one, if the file has it.",
        );
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui
            .button("Load")
            .on_hover_text(format!("Load {name} with these settings"))
            .clicked()
        {
            commands.send(WorkCommand::Load(id));
        }
        if ui.button("Discard").clicked() {
            commands.send(WorkCommand::Discard(id));
        }
    });
}

fn columns_ui(ui: &mut egui::Ui, id: u64, inspection: &Inspection, options: &mut LoadOptions) {
    egui::Grid::new(("columns", id))
        .striped(true)
        .num_columns(4)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Column");
            ui.strong("Type");
            ui.strong("Samples");
            ui.strong("Role");
            ui.end_row();
            for (index, column) in inspection.columns.iter().enumerate() {
                ui.label(&column.name);
                ui.weak(&column.dtype);
                let samples: Vec<&str> =
                    column.samples.iter().take(3).map(String::as_str).collect();
                ui.add(egui::Label::new(samples.join(" · ")).truncate())
                    .on_hover_text(column.samples.join("\n"));
                let current = role_of(options, &column.name);
                let mut chosen = current;
                egui::ComboBox::from_id_salt(("role", id, index))
                    .selected_text(chosen.map_or("—", Role::label))
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, "—");
                        for role in Role::ALL {
                            ui.selectable_value(&mut chosen, Some(role), role.label());
                        }
                    })
                    .response
                    .on_hover_text(format!("Role of column {}", column.name));
                if chosen != current {
                    set_role(options, &column.name, chosen);
                }
                ui.end_row();
            }
        });
}

/// The role mapped to `column`, if any.
fn role_of(options: &LoadOptions, column: &str) -> Option<Role> {
    options
        .mapping
        .iter()
        .find(|(_, name)| name.as_str() == column)
        .map(|(role, _)| *role)
}

/// Gives `column` the role `role` (or none); a role belongs to one column only.
fn set_role(options: &mut LoadOptions, column: &str, role: Option<Role>) {
    options.mapping.retain(|_, name| name != column);
    if let Some(role) = role {
        options.mapping.insert(role, column.to_string());
    }
}

fn date_ui(ui: &mut egui::Ui, id: u64, inspection: &Inspection, options: &mut LoadOptions) {
    let Some(column) = options.mapping.get(&Role::Timestamp).cloned() else {
        return;
    };
    ui.horizontal(|ui| {
        egui::ComboBox::new(("date", id), format!("Date format of '{column}'"))
            .selected_text(
                options
                    .date_format
                    .as_ref()
                    .map_or_else(|| "detect from the data".to_string(), date_format_label),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut options.date_format, None, "detect from the data");
                for format in DateFormat::CHOICES {
                    let label = date_format_label(&format);
                    ui.selectable_value(&mut options.date_format, Some(format), label);
                }
            });
        ui.checkbox(&mut options.keep_far_dates, "Keep far dates")
            .on_hover_text(
                "Rows dated far outside the rest (placeholders such as 1900-01-01 or \
                 9999-12-31) are dropped and listed in the load report. Tick to keep them.",
            );
    });
    let ambiguous = inspection.date.as_ref().is_some_and(|d| d.ambiguous);
    if ambiguous {
        let sample = inspection
            .columns
            .iter()
            .find(|c| c.name == column)
            .and_then(|c| c.samples.first())
            .map_or("", String::as_str);
        let now = options
            .date_format
            .as_ref()
            .map_or_else(|| "detect from the data".to_string(), date_format_label);
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("{} Now: {now}.", ambiguity_warning(sample)),
        );
    }
}

/// "05/03/2024 could be 5 March or 3 May: choose day first or month first."
pub fn ambiguity_warning(sample: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let numbers: Vec<usize> = sample
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .take(2)
        .filter_map(|part| part.parse().ok())
        .collect();
    let choose = "choose day first or month first in the date format.";
    match numbers.as_slice() {
        [a, b] if (1..=12).contains(a) && (1..=12).contains(b) => format!(
            "{sample} could be {a} {} or {b} {}: {choose}",
            MONTHS[b - 1],
            MONTHS[a - 1]
        ),
        _ => format!("The dates could be read day first or month first: {choose}"),
    }
}

pub fn date_format_label(format: &DateFormat) -> String {
    match format {
        DateFormat::Iso => "ISO (2024-03-05 14:02)".into(),
        DateFormat::YmdCompact => "compact (20240305)".into(),
        DateFormat::DayFirst => "day first (05/03/2024)".into(),
        DateFormat::MonthFirst => "month first (03/05/2024)".into(),
        DateFormat::Chinese => "Chinese (2024年3月5日)".into(),
        DateFormat::UnixSeconds => "Unix seconds".into(),
        DateFormat::UnixMillis => "Unix milliseconds".into(),
        DateFormat::ExcelSerial => "Excel serial days".into(),
        DateFormat::Native => "already dates in the file".into(),
        DateFormat::Custom(pattern) => format!("pattern {pattern}"),
    }
}

pub fn format_label(format: &FileFormat) -> String {
    match format {
        FileFormat::Csv { delimiter } => match delimiter {
            b',' => "CSV (comma)".into(),
            b';' => "CSV (semicolon)".into(),
            b'\t' => "TSV (tab)".into(),
            b'|' => "CSV (pipe)".into(),
            b' ' => "text (spaces)".into(),
            other => format!("CSV ('{}')", char::from(*other)),
        },
        FileFormat::Parquet => "Parquet".into(),
        FileFormat::Json => "JSON".into(),
        FileFormat::Ndjson => "NDJSON".into(),
        FileFormat::Excel { sheet, .. } => format!("Excel, sheet {sheet}"),
    }
}

pub fn encoding_label(encoding: TextEncoding) -> &'static str {
    match encoding {
        TextEncoding::Utf8 => "UTF-8",
        TextEncoding::Utf8Bom => "UTF-8 with BOM",
        TextEncoding::Gb18030 => "GBK / GB18030",
        TextEncoding::Utf16Le => "UTF-16 (little endian)",
        TextEncoding::Utf16Be => "UTF-16 (big endian)",
        TextEncoding::Windows1252 => "Western European (Windows-1252 / Latin-1)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ambiguity_warning_spells_out_both_readings() {
        assert_eq!(
            ambiguity_warning("05/03/2024"),
            "05/03/2024 could be 5 March or 3 May: choose day first or month first in the date format."
        );
        assert!(ambiguity_warning("").starts_with("The dates could be read day first"));
    }

    #[test]
    fn a_role_moves_to_the_column_that_takes_it() {
        let mut options = LoadOptions {
            kind: FileKind::Orders,
            mapping: [(Role::CustomerId, "buyer".to_string())].into(),
            date_format: None,
            sheet: None,
            keep_far_dates: false,
        };
        set_role(&mut options, "member", Some(Role::CustomerId));
        assert_eq!(role_of(&options, "member"), Some(Role::CustomerId));
        assert_eq!(role_of(&options, "buyer"), None);
        set_role(&mut options, "member", None);
        assert!(options.mapping.is_empty());
    }
}

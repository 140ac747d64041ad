//! Files on their way in: a spinner while inspecting, a progress bar with Cancel while
//! loading, and the mapping view for files that wait for the operator: format,
//! encoding, kind, sheet, each column's type, samples and role, and the date format
//! (with a warning when day and month could be swapped). Edits are sent as
//! `SetOptions` commands, as Load and Discard are. An orders file whose load
//! would be refused for memory says so, with a button that sums it without
//! loading; a sample of database orders is mapped for the database to sum it
//! (`workspace::summed`), and has no Load.

use crate::data::memory::human;
use crate::data::{DateFormat, FileFormat, FileKind, Inspection, LoadOptions, Role, TextEncoding};
use crate::workspace::{FileStage, PendingFile, Summable, Workspace, file_name};

use super::command::Commands;
use crate::tr;
use crate::workspace::Command as WorkCommand;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Commands) {
    for file in workspace.pending() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            file_ui(ui, file, workspace.summable(file.id), commands);
        });
        ui.add_space(6.0);
    }
}

/// `summable`: whether the file can be summed instead of loaded, and how.
fn file_ui(
    ui: &mut egui::Ui,
    file: &PendingFile,
    summable: Option<Summable>,
    commands: &mut Commands,
) {
    let name = file_name(&file.path);
    match &file.stage {
        FileStage::Inspecting(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!("data-reading-file", name = name.as_str()));
                if ui.button(tr!("data-discard")).clicked() {
                    commands.send(WorkCommand::Discard(file.id));
                }
            });
        }
        FileStage::Loading { job, .. } => {
            let progress = job.progress().snapshot();
            ui.horizontal(|ui| {
                ui.strong(&name);
                let message = if progress.message.is_empty() {
                    tr!("data-loading-file", name = name.as_str())
                } else {
                    progress.message.clone()
                };
                let bar = match progress.fraction() {
                    Some(fraction) => egui::ProgressBar::new(fraction).show_percentage(),
                    None => egui::ProgressBar::new(0.0).animate(true),
                };
                ui.add(bar.text(message).desired_width(320.0));
                if ui.button(tr!("data-cancel")).clicked() {
                    commands.send(WorkCommand::CancelLoad(file.id));
                }
            });
        }
        FileStage::Mapping {
            inspection,
            options,
            last_error,
            ..
        } => {
            let mut edited = options.clone();
            mapping_ui(
                ui,
                (file.id, &name),
                inspection,
                &mut edited,
                (last_error.as_deref(), summable),
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
    (id, name): (u64, &str),
    inspection: &Inspection,
    options: &mut LoadOptions,
    (last_error, summable): (Option<&str>, Option<Summable>),
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        ui.heading(tr!("data-check-reading", name = name));
    });
    ui.weak(inspection.path.display().to_string());
    let columns = inspection.columns.len();
    ui.label(tr!(
        "data-file-facts",
        format = format_label(&inspection.format),
        encoding = encoding_label(inspection.encoding),
        columns = columns.to_string(),
        n = columns
    ));
    if let Some(error) = last_error {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr!("data-last-load-failed", error = error),
        );
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        egui::ComboBox::new(("kind", id), tr!("data-file-kind"))
            .selected_text(options.kind.label())
            .show_ui(ui, |ui| {
                for kind in FileKind::ALL {
                    ui.selectable_value(&mut options.kind, kind, kind.label());
                }
            });
        if let FileFormat::Excel { sheet, sheets } = &inspection.format {
            let mut chosen = sheet.clone();
            egui::ComboBox::new(("sheet", id), tr!("data-sheet"))
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
        ui.weak(tr!("data-no-price-column"));
    }
    ui.add_space(6.0);
    let (note, sum, hover) = match summable {
        Some(Summable::TooBig { need, free }) => (
            tr!(
                "data-too-big-to-load",
                name = name,
                need = human(need),
                free = human(free)
            ),
            tr!("data-sum-without-loading"),
            tr!("data-sum-without-loading-hover", name = name),
        ),
        Some(Summable::InDatabase { rows }) => (
            tr!(
                "data-sum-in-database-note",
                name = name,
                rows = crate::numbers::count(rows as usize)
            ),
            tr!("data-sum-in-database"),
            tr!("data-sum-in-database-hover", name = name),
        ),
        None => Default::default(),
    };
    if summable.is_some() {
        ui.add(
            egui::Label::new(egui::RichText::new(note).color(ui.visuals().warn_fg_color)).wrap(),
        );
    }
    ui.horizontal(|ui| {
        // A database sample is only for the mapping: it is summed, not loaded.
        let sample = matches!(summable, Some(Summable::InDatabase { .. }));
        if !sample
            && ui
                .button(tr!("data-load"))
                .on_hover_text(tr!("data-load-hover", name = name))
                .clicked()
        {
            commands.send(WorkCommand::Load(id));
        }
        if summable.is_some() && ui.button(sum).on_hover_text(hover).clicked() {
            commands.send(WorkCommand::SumWithoutLoading(id));
        }
        if ui.button(tr!("data-discard")).clicked() {
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
            ui.strong(tr!("data-column"));
            ui.strong(tr!("data-type"));
            ui.strong(tr!("data-samples"));
            ui.strong(tr!("data-role"));
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
                    .selected_text(chosen.map_or_else(|| "—".to_string(), Role::label))
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, "—");
                        for role in Role::ALL {
                            ui.selectable_value(&mut chosen, Some(role), role.label());
                        }
                    })
                    .response
                    .on_hover_text(tr!("data-role-hover", column = column.name.as_str()));
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
        egui::ComboBox::new(
            ("date", id),
            tr!("data-date-format", column = column.as_str()),
        )
        .selected_text(
            options
                .date_format
                .as_ref()
                .map_or_else(|| tr!("data-date-detect"), date_format_label),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut options.date_format, None, tr!("data-date-detect"));
            for format in DateFormat::CHOICES {
                let label = date_format_label(&format);
                ui.selectable_value(&mut options.date_format, Some(format), label);
            }
        });
        ui.checkbox(&mut options.keep_far_dates, tr!("data-keep-far-dates"))
            .on_hover_text(tr!("data-keep-far-dates-hover"));
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
            .map_or_else(|| tr!("data-date-detect"), date_format_label);
        ui.colored_label(
            ui.visuals().warn_fg_color,
            tr!(
                "data-ambiguity-now",
                warning = ambiguity_warning(sample),
                now = now
            ),
        );
    }
}

/// "05/03/2024 could be 5 March or 3 May: choose day first or month first."
pub fn ambiguity_warning(sample: &str) -> String {
    let numbers: Vec<usize> = sample
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .take(2)
        .filter_map(|part| part.parse().ok())
        .collect();
    match numbers.as_slice() {
        [a, b] if (1..=12).contains(a) && (1..=12).contains(b) => tr!(
            "data-ambiguity",
            sample = sample,
            first = tr!("data-day-month", day = a.to_string(), month = *b),
            second = tr!("data-day-month", day = b.to_string(), month = *a)
        ),
        _ => tr!("data-ambiguity-unknown"),
    }
}

pub fn date_format_label(format: &DateFormat) -> String {
    match format {
        DateFormat::Iso => tr!("data-date-iso"),
        DateFormat::YmdCompact => tr!("data-date-compact"),
        DateFormat::DayFirst => tr!("data-date-day-first"),
        DateFormat::MonthFirst => tr!("data-date-month-first"),
        DateFormat::Chinese => tr!("data-date-chinese"),
        DateFormat::UnixSeconds => tr!("data-date-unix-seconds"),
        DateFormat::UnixMillis => tr!("data-date-unix-millis"),
        DateFormat::ExcelSerial => tr!("data-date-excel-serial"),
        DateFormat::Native => tr!("data-date-native"),
        DateFormat::Custom(pattern) => tr!("data-date-pattern", pattern = pattern.as_str()),
    }
}

pub fn format_label(format: &FileFormat) -> String {
    match format {
        FileFormat::Csv { delimiter } => match delimiter {
            b',' => tr!("data-format-csv-comma"),
            b';' => tr!("data-format-csv-semicolon"),
            b'\t' => tr!("data-format-tsv"),
            b'|' => tr!("data-format-csv-pipe"),
            b' ' => tr!("data-format-text-spaces"),
            other => tr!(
                "data-format-csv-other",
                delimiter = char::from(*other).to_string()
            ),
        },
        FileFormat::Parquet => "Parquet".into(),
        FileFormat::Json => "JSON".into(),
        FileFormat::Ndjson => "NDJSON".into(),
        FileFormat::Excel { sheet, .. } => tr!("data-format-excel", sheet = sheet.as_str()),
        FileFormat::Database { url } => tr!("data-format-database", url = url.as_str()),
    }
}

pub fn encoding_label(encoding: TextEncoding) -> String {
    match encoding {
        TextEncoding::Utf8 => "UTF-8".into(),
        TextEncoding::Utf8Bom => tr!("data-encoding-utf8-bom"),
        TextEncoding::Gb18030 => "GBK / GB18030".into(),
        TextEncoding::Utf16Le => tr!("data-encoding-utf16-le"),
        TextEncoding::Utf16Be => tr!("data-encoding-utf16-be"),
        TextEncoding::Windows1252 => tr!("data-encoding-windows-1252"),
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

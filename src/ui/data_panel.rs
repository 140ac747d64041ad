//! The Data tab: the guide to the operator's path, files on their way in (mapping
//! view), the summary cards, the loaded files with their load reports, the daily
//! revenue chart and the table of rows. "Connect to database…" opens the
//! database dialog (`db_dialog`); tables fetched from a database are listed with
//! the URL they came from (never with a password). A large CSV read from its
//! text gets "Make a fast copy": its Parquet copy, written by a job
//! (`data::load::cache`), which the next open reads instead. An orders file
//! summed without loading (too big to load) is listed with what that means.
//! Reads the workspace's results; computing is left to jobs.

use crate::data::load::{cache, text_columns};
use crate::data::memory::human;
use crate::data::summed::{SummedOrders, SummedSource};
use crate::data::{LoadReport, Store, Table};
use crate::jobs::Slot;
use crate::tr;
use crate::workspace::{Overview, Workspace, file_name};

use super::command::{Command, Commands};
use super::state::UiState;
use super::{format, guide, mapping_panel, revenue_chart, table_view};
use crate::workspace::Command as WorkCommand;

pub fn ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    parquet_copy: &Slot<String>,
    state: &mut UiState,
    commands: &mut Commands,
) {
    ui.heading(tr!("tab-data"));
    guide::ui(ui, workspace, commands);
    awaited_ui(ui, workspace, commands);
    let store = workspace.store();
    let nothing_in = store.tables.is_empty() && store.summed.is_none();
    if !workspace.pending().is_empty() {
        let max_height = if nothing_in {
            ui.available_height()
        } else {
            ui.available_height() * 0.6
        };
        egui::ScrollArea::vertical()
            .id_salt("pending_files")
            .max_height(max_height)
            .show(ui, |ui| mapping_panel::ui(ui, workspace, commands));
    }
    if nothing_in {
        if workspace.pending().is_empty() {
            empty_ui(ui, commands);
        }
        return;
    }
    summary_ui(ui, workspace, commands);
    ui.add_space(4.0);
    egui::Panel::left("loaded_files")
        .resizable(true)
        .default_size(330.0)
        .size_range(220.0..=600.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("loaded_files_scroll")
                .show(ui, |ui| {
                    let offer_bytes = state.copy_offer_bytes.unwrap_or(cache::WORTH_BYTES);
                    loaded_files_ui(ui, workspace, (parquet_copy, offer_bytes), commands)
                });
        });
    egui::CentralPanel::no_frame().show(ui, |ui| {
        if let Some(Some(overview)) = workspace.overview().value() {
            egui::Panel::top("revenue_chart")
                .resizable(true)
                .default_size(230.0)
                .size_range(120.0..=500.0)
                .show(ui, |ui| revenue_chart::ui(ui, &overview.daily));
        }
        table_picker_ui(ui, workspace, state);
        table_view::ui(ui, workspace.view(), &mut state.table, commands);
    });
}

/// The opened project's database sources not fetched yet: what they are and
/// the button that fetches them (the dialog asks for the password).
fn awaited_ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Commands) {
    let awaited: Vec<_> = workspace.awaited_databases().collect();
    if awaited.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for (path, database) in awaited {
            ui.label(tr!(
                "data-awaits-database",
                source = file_name(path),
                url = database.url.as_str()
            ));
        }
        database_button(ui, commands);
    });
}

fn empty_ui(ui: &mut egui::Ui, commands: &mut Commands) {
    ui.add_space(24.0);
    ui.label(tr!("data-empty"));
    ui.label(tr!("data-empty-hint"));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(tr!("data-choose-files")).clicked() {
            commands.send(Command::OpenDialog);
        }
        if ui.button(tr!("data-try-sample")).clicked() {
            commands.send(Command::OpenSample);
        }
        database_button(ui, commands);
    });
}

fn summary_ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Commands) {
    let slot = workspace.overview();
    ui.horizontal_wrapped(|ui| {
        match slot.value() {
            Some(Some(overview)) => cards_ui(ui, overview),
            Some(None) if workspace.store().summed_orders().is_some() => {
                ui.label(tr!("data-summary-summed"));
            }
            Some(None) => {
                ui.label(tr!("data-summary-needs-orders"));
            }
            None if slot.pending().is_none() => {
                ui.label(tr!("data-no-summary"));
            }
            None => {}
        }
        if let Some(job) = slot.pending() {
            ui.spinner();
            let message = job.progress().snapshot().message;
            ui.label(if message.is_empty() {
                tr!("data-updating-summary")
            } else {
                format!("{message}…")
            });
            if ui
                .button(tr!("data-cancel"))
                .on_hover_text(tr!("data-cancel-summary-hover"))
                .clicked()
            {
                commands.send(WorkCommand::CancelSummary);
            }
        }
    });
}

fn cards_ui(ui: &mut egui::Ui, overview: &Overview) {
    let s = &overview.summary;
    let range = match (s.first_day, s.last_day) {
        (Some(first), Some(last)) => format!("{first} – {last}"),
        _ => tr!("data-no-dates"),
    };
    let lines = |n: usize| tr!("data-lines", count = format::count(n), n = n);
    card_ui(
        ui,
        &tr!("data-card-customers"),
        &format::count(s.customers),
        None,
    );
    card_ui(ui, &tr!("data-card-orders"), &format::count(s.orders), None);
    card_ui(
        ui,
        &tr!("data-card-order-lines"),
        &format::count(s.order_lines),
        None,
    );
    card_ui(
        ui,
        &tr!("data-card-items"),
        &format::count(s.items),
        Some(&tr!("data-card-items-hover")),
    );
    card_ui(ui, &tr!("data-card-date-range"), &range, None);
    match (s.revenue_net, s.returns_amount) {
        (Some(net), Some(returned)) => {
            card_ui(
                ui,
                &tr!("data-card-net-revenue"),
                &format::money(net),
                Some(&tr!("data-card-net-revenue-hover")),
            );
            let returns = tr!(
                "data-returns-amount",
                amount = format::money(returned),
                lines = lines(s.return_lines)
            );
            card_ui(ui, &tr!("data-card-returns"), &returns, None);
        }
        _ => {
            let hint = format::needs_money(&tr!("data-revenue"));
            card_ui(
                ui,
                &tr!("data-card-net-revenue"),
                &tr!("data-no-prices"),
                Some(&hint),
            );
            card_ui(ui, &tr!("data-card-returns"), &lines(s.return_lines), None);
        }
    }
    if s.unpriced_lines > 0 {
        card_ui(
            ui,
            &tr!("data-card-unpriced-lines"),
            &format::count(s.unpriced_lines),
            Some(&tr!("data-card-unpriced-lines-hover")),
        );
    }
    if s.cancelled_lines > 0 {
        card_ui(
            ui,
            &tr!("data-card-cancelled-lines"),
            &format::count(s.cancelled_lines),
            None,
        );
    }
}

fn card_ui(ui: &mut egui::Ui, title: &str, value: &str, hint: Option<&str>) {
    let response = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(12, 6))
        .show(ui, |ui| {
            ui.vertical(|ui| {
                ui.weak(title);
                ui.label(egui::RichText::new(value).size(18.0).strong());
            });
        })
        .response;
    if let Some(hint) = hint {
        response.on_hover_text(hint);
    }
}

fn database_button(ui: &mut egui::Ui, commands: &mut Commands) {
    if ui
        .button(tr!("data-connect-database"))
        .on_hover_text(tr!("data-connect-database-hover"))
        .clicked()
    {
        commands.send(Command::OpenDatabaseDialog);
    }
}

/// The loaded files; the text ones at least `offer_bytes` large in memory are
/// offered a Parquet copy (made by the `parquet_copy` job).
fn loaded_files_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    (parquet_copy, offer_bytes): (&Slot<String>, u64),
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        ui.strong(tr!("data-loaded-files"));
        database_button(ui, commands);
    });
    copy_status_ui(ui, parquet_copy);
    ui.add_space(4.0);
    for table in &workspace.store().tables {
        let url = workspace.database_url(&table.path);
        let offer_copy =
            url.is_none() && parquet_copy.pending().is_none() && worth_a_copy(table, offer_bytes);
        table_report_ui(ui, table, url, commands);
        if offer_copy
            && ui
                .small_button(tr!("data-make-copy"))
                .on_hover_text(tr!(
                    "data-make-copy-hover",
                    copy = file_name(&cache::copy_path(&table.path))
                ))
                .clicked()
        {
            commands.send(Command::MakeParquetCopy {
                path: table.path.clone(),
                text_columns: text_columns(&table.mapping),
            });
        }
        ui.separator();
    }
    if let Some(summed) = &workspace.store().summed {
        summed_ui(ui, workspace.store(), summed, commands);
    }
}

/// An orders file summed without loading: what that means, and Remove.
fn summed_ui(ui: &mut egui::Ui, store: &Store, summed: &SummedOrders, commands: &mut Commands) {
    let name = summed.name();
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&name).strong())
            .on_hover_text(summed.path().display().to_string());
        ui.weak(tr!("data-summed-kind"));
    });
    let text = match &summed.source {
        SummedSource::File(_) => tr!(
            "data-summed-card",
            need = human(summed.need),
            free = human(summed.free)
        ),
        SummedSource::Database(db) => tr!(
            "data-summed-database-card",
            url = db.url.shown(),
            rows = format::count(db.rows as usize),
            size = human(summed.need)
        ),
    };
    ui.add(egui::Label::new(text).wrap());
    if store.summed_orders().is_none() {
        ui.colored_label(ui.visuals().warn_fg_color, tr!("data-summed-unused"));
    }
    if ui
        .small_button(tr!("data-remove"))
        .on_hover_text(tr!("data-remove-hover", name = name.as_str()))
        .clicked()
    {
        commands.send(WorkCommand::RemoveTable(summed.path()));
    }
    ui.separator();
}

/// A text file at least `offer_bytes` large that was read from its text (not
/// from a fresh copy). Sized by its loaded table (no file-system call on every
/// frame).
fn worth_a_copy(table: &Table, offer_bytes: u64) -> bool {
    cache::can_copy(&table.path)
        && !cache::read_from_copy(&table.report)
        && table.frame.estimated_size() as u64 >= offer_bytes
}

/// The running copy with its progress, its error, or what it wrote.
fn copy_status_ui(ui: &mut egui::Ui, parquet_copy: &Slot<String>) {
    if let Some(job) = parquet_copy.pending() {
        let progress = job.progress().snapshot();
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("{}…", progress.message));
        });
        if let Some(fraction) = progress.fraction {
            ui.add(egui::ProgressBar::new(fraction).show_percentage());
        }
    } else if let Some(error) = parquet_copy.error() {
        ui.add(
            egui::Label::new(
                egui::RichText::new(error.to_string()).color(ui.visuals().error_fg_color),
            )
            .wrap(),
        );
    } else if let Some(done) = parquet_copy.value() {
        ui.add(egui::Label::new(egui::RichText::new(done).weak()).wrap());
    }
}

/// A loaded table's name, kind, report and buttons; `url` is the database it
/// was fetched from (then it cannot be read again differently without fetching).
fn table_report_ui(ui: &mut egui::Ui, table: &Table, url: Option<&str>, commands: &mut Commands) {
    let name = file_name(&table.path);
    let report = &table.report;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&name).strong())
            .on_hover_text(table.path.display().to_string());
        ui.weak(table.kind.label());
    });
    if let Some(url) = url {
        ui.add(
            egui::Label::new(egui::RichText::new(tr!("data-from-database", url = url)).weak())
                .wrap(),
        );
    }
    ui.label(tr!(
        "data-rows-kept",
        kept = format::count(report.rows_kept),
        read = format::count(report.rows_read),
        n = report.rows_read
    ));
    report_ui(ui, &table.path, report);
    ui.horizontal(|ui| {
        if url.is_none()
            && ui
                .small_button(tr!("data-change-reading"))
                .on_hover_text(tr!("data-change-reading-hover", name = name.as_str()))
                .clicked()
        {
            commands.send(WorkCommand::Remap(table.path.clone()));
        }
        if ui
            .small_button(tr!("data-remove"))
            .on_hover_text(tr!("data-remove-hover", name = name.as_str()))
            .clicked()
        {
            commands.send(WorkCommand::RemoveTable(table.path.clone()));
        }
    });
}

fn report_ui(ui: &mut egui::Ui, path: &std::path::Path, report: &LoadReport) {
    if report.problems.is_empty() {
        ui.weak(tr!("data-no-problems"));
    }
    for problem in &report.problems {
        let rows = tr!(
            "format-rows",
            count = format::count(problem.count),
            n = problem.count
        );
        ui.label(tr!(
            "data-problem",
            kind = problem.kind.label(),
            rows = rows,
            action = problem.action.text()
        ));
        let hint = problem.hint.text();
        if !hint.is_empty() {
            ui.add(egui::Label::new(egui::RichText::new(hint).weak()).wrap());
        }
        if !problem.examples.is_empty() {
            let count = problem.examples.len().to_string();
            egui::CollapsingHeader::new(tr!("data-examples", count = count))
                .id_salt((path, problem.kind))
                .show(ui, |ui| {
                    egui::Grid::new((path, problem.kind, "examples"))
                        .striped(true)
                        .show(ui, |ui| {
                            ui.strong(tr!("data-row"));
                            ui.strong(tr!("data-column"));
                            ui.strong(tr!("data-value"));
                            ui.end_row();
                            for example in &problem.examples {
                                ui.label(format::count(example.row));
                                ui.label(&example.column);
                                ui.label(&example.value);
                                ui.end_row();
                            }
                        });
                });
        }
    }
    for note in &report.notes {
        ui.add(
            egui::Label::new(egui::RichText::new(tr!("data-note", note = note.text())).weak())
                .wrap(),
        );
    }
}

fn table_picker_ui(ui: &mut egui::Ui, workspace: &Workspace, state: &mut UiState) {
    let shown = workspace.view().value().map(|v| v.request.table.clone());
    ui.horizontal(|ui| {
        let selected = shown
            .as_ref()
            .map_or_else(|| "—".to_string(), |p| file_name(p));
        let mut choice = shown.clone();
        egui::ComboBox::new("table_picker", tr!("data-table"))
            .selected_text(selected)
            .show_ui(ui, |ui| {
                for table in &workspace.store().tables {
                    let label = format!("{} ({})", file_name(&table.path), table.kind.label());
                    ui.selectable_value(&mut choice, Some(table.path.clone()), label);
                }
            });
        if choice != shown {
            state.table.table = choice;
            state.table.sort = None;
        }
    });
}

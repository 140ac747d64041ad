//! The rows of one loaded table: a filter box, a sortable header and a virtualised
//! body. Only the rows on screen are formatted (`TableBody::rows`), read by index
//! through the computed `RowView`, so millions of rows scroll smoothly. Sorting and
//! filtering are jobs; the previous view stays on screen while they run.

use egui_extras::{Column, TableBuilder};

use crate::data::view::cell_text;
use crate::jobs::Slot;
use crate::workspace::{RowView, SortKey};

use super::command::Commands;
use super::format;
use super::state::TableSelection;
use crate::tr;
use crate::workspace::Command as WorkCommand;

const ROW_HEIGHT: f32 = 20.0;

pub fn ui(
    ui: &mut egui::Ui,
    view: &Slot<RowView>,
    selection: &mut TableSelection,
    commands: &mut Commands,
) {
    ui.horizontal(|ui| {
        let label = ui.label(tr!("data-filter-rows"));
        ui.add(
            egui::TextEdit::singleline(&mut selection.filter)
                .hint_text(tr!("data-filter-hint"))
                .desired_width(240.0),
        )
        .labelled_by(label.id);
        if !selection.filter.is_empty() && ui.button(tr!("data-clear-filter")).clicked() {
            selection.filter.clear();
        }
        if let Some(shown) = view.value() {
            let total = shown.frame.height();
            ui.label(tr!(
                "data-rows-shown",
                shown = format::count(shown.len()),
                total = format::count(total),
                n = total
            ));
        }
        if let Some(job) = view.pending() {
            ui.spinner();
            let progress = job.progress().snapshot();
            if let Some(fraction) = progress.fraction() {
                ui.add(egui::ProgressBar::new(fraction).desired_width(120.0));
            }
            ui.label(progress.message);
            if ui
                .button(tr!("data-cancel"))
                .on_hover_text(tr!("data-cancel-view-hover"))
                .clicked()
            {
                commands.send(WorkCommand::CancelView);
            }
        }
    });
    let Some(shown) = view.value() else {
        return;
    };
    if let Some(active) = &shown.request.sort
        && selection.sort.as_ref() == Some(active)
    {
        let direction = match active.descending {
            true => tr!("data-descending"),
            false => tr!("data-ascending"),
        };
        ui.weak(tr!(
            "data-sorted-by",
            column = active.column.as_str(),
            direction = direction
        ));
    } else {
        ui.weak(tr!("data-sort-hint"));
    }
    egui::ScrollArea::horizontal()
        .id_salt("table_hscroll")
        .show(ui, |ui| grid_ui(ui, shown, selection));
}

fn grid_ui(ui: &mut egui::Ui, shown: &RowView, selection: &mut TableSelection) {
    let frame = &shown.frame;
    let columns = frame.columns();
    let mut table = TableBuilder::new(ui)
        .id_salt(("table", &shown.request.table))
        .striped(true)
        .resizable(true)
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for _ in columns {
        table = table.column(Column::auto().at_least(60.0).at_most(320.0).clip(true));
    }
    table
        .header(ROW_HEIGHT + 4.0, |mut header| {
            for column in columns {
                header.col(|ui| {
                    let name = column.name().as_str();
                    let arrow = match &shown.request.sort {
                        Some(key) if key.column == name && key.descending => " ↓",
                        Some(key) if key.column == name => " ↑",
                        _ => "",
                    };
                    let button =
                        egui::Button::new(egui::RichText::new(format!("{name}{arrow}")).strong())
                            .frame(false);
                    if ui
                        .add(button)
                        .on_hover_text(tr!("data-sort-by", column = name))
                        .clicked()
                    {
                        selection.sort = Some(next_sort(selection.sort.as_ref(), name));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, shown.len(), |mut row| {
                let frame_row = shown.frame_row(row.index());
                for column in columns {
                    row.col(|ui| {
                        ui.label(cell_text(column, frame_row));
                    });
                }
            });
        });
}

/// Clicking a column sorts ascending; clicking it again reverses.
fn next_sort(current: Option<&SortKey>, column: &str) -> SortKey {
    match current {
        Some(key) if key.column == column => SortKey {
            column: column.to_string(),
            descending: !key.descending,
        },
        _ => SortKey {
            column: column.to_string(),
            descending: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicking_a_header_sorts_ascending_then_toggles() {
        let first = next_sort(None, "amount");
        assert_eq!((first.column.as_str(), first.descending), ("amount", false));
        let second = next_sort(Some(&first), "amount");
        assert!(second.descending);
        let third = next_sort(Some(&second), "amount");
        assert!(!third.descending);
        let other = next_sort(Some(&second), "ts");
        assert_eq!((other.column.as_str(), other.descending), ("ts", false));
    }
}

//! Who to leave out and hold out: opted-out and previously contacted lists (a
//! file picked in a dialog or typed), a maximum size by a chosen score, and the
//! control group's share and seed.

use std::path::PathBuf;

use crate::analysis::campaign::{CampaignDef, MaxSize};
use crate::workspace::campaign::{AudienceResults, SCORE_COLUMNS};

use super::dialog::Purpose;
use super::{ViewState, prerequisite, score_label};
use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::{glossary, labelled};

pub fn ui(
    ui: &mut egui::Ui,
    draft: &mut CampaignDef,
    results: Option<&AudienceResults>,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    let lists = [
        (
            Purpose::OptOut,
            tr!("campaigns-opt-out"),
            &mut draft.exclusions.opt_out_files,
            &mut view.opt_out_path,
        ),
        (
            Purpose::Contacted,
            tr!("campaigns-contacted"),
            &mut draft.exclusions.contacted_files,
            &mut view.contacted_path,
        ),
    ];
    for (purpose, text, files, typed) in lists {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(text);
            ui.add(
                egui::TextEdit::singleline(typed)
                    .hint_text(tr!("campaigns-path-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            if ui.button(tr!("campaigns-choose")).clicked() {
                commands.send(Command::CampaignFileDialog {
                    purpose,
                    save: false,
                    file_name: String::new(),
                });
            }
            let path = PathBuf::from(typed.trim());
            if ui
                .add_enabled(
                    !typed.trim().is_empty(),
                    egui::Button::new(tr!("campaigns-add-file")),
                )
                .clicked()
                && !files.contains(&path)
            {
                files.push(path);
                typed.clear();
            }
        });
        let mut removed = None;
        for (i, file) in files.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.add_space(16.0);
                if ui
                    .small_button(tr!("campaigns-remove"))
                    .on_hover_text(tr!("campaigns-remove-list-hover"))
                    .clicked()
                {
                    removed = Some(i);
                }
                ui.label(file.display().to_string());
            });
        }
        if let Some(i) = removed {
            files.remove(i);
        }
    }
    ui.horizontal_wrapped(|ui| {
        let mut limited = draft.max_size.is_some();
        ui.checkbox(&mut limited, tr!("campaigns-limit"));
        if !limited {
            draft.max_size = None;
            return;
        }
        let offered: Vec<&str> = SCORE_COLUMNS
            .into_iter()
            .filter(|c| results.is_none_or(|r| r.has_column(c)))
            .collect();
        let max = draft.max_size.get_or_insert_with(|| MaxSize {
            column: offered.first().unwrap_or(&"monetary").to_string(),
            count: 1_000,
        });
        let label = ui.label(tr!("campaigns-limit-customers"));
        ui.add(egui::DragValue::new(&mut max.count).range(1..=10_000_000))
            .labelled_by(label.id);
        labelled::menu(ui, tr!("campaigns-highest-first-by"), "campaigns_max_by")
            .selected_text(score_label(&max.column))
            .show_ui(ui, |ui| {
                for c in offered {
                    ui.selectable_value(&mut max.column, c.to_string(), score_label(c));
                }
            });
    });
    if let (Some(max), Some(results)) = (&draft.max_size, results)
        && !results.has_column(&max.column)
    {
        prerequisite::ui(ui, &max.column, commands);
    }
    ui.horizontal_wrapped(|ui| {
        let label = glossary::term(
            ui,
            tr!("campaigns-control-group"),
            tr!("campaigns-control-meaning"),
        );
        let mut share_percent = draft.control_share * 100.0;
        ui.add(
            egui::Slider::new(&mut share_percent, 0.0..=50.0)
                .step_by(1.0)
                .suffix("%"),
        )
        .labelled_by(label.id)
        .on_hover_text(tr!("campaigns-control-group-hover"));
        draft.control_share = (share_percent / 100.0).clamp(0.0, 0.99);
        let label = ui.label(tr!("campaigns-seed"));
        ui.add(egui::DragValue::new(&mut draft.seed))
            .labelled_by(label.id)
            .on_hover_text(tr!("campaigns-seed-hover"));
    });
}

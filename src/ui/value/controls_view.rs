//! The training settings: purchase window in days, the test cutoff (empty: the
//! last order day − window), which models to compare; the Train button, the
//! running job's progress and its Cancel button.

use crate::analysis::propensity::ModelKind;
use crate::tr;
use crate::workspace::value::Value;

use super::super::behaviour::parse_date;
use super::ViewState;
use crate::ui::command::Commands;
use crate::workspace::value::ValueCommand;

pub fn ui(ui: &mut egui::Ui, value: &Value, view: &mut ViewState, commands: &mut Commands) {
    let mut valid = true;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!("value-window-days"));
        ui.add(egui::DragValue::new(&mut view.params.window_days).range(7..=365))
            .labelled_by(label.id)
            .on_hover_text(tr!("value-window-days-hover"));
        let label = ui.label(tr!("value-cutoff"));
        ui.add(
            egui::TextEdit::singleline(&mut view.cutoff_text)
                .hint_text(tr!("value-cutoff-hint"))
                .desired_width(240.0),
        )
        .labelled_by(label.id)
        .on_hover_text(tr!("value-cutoff-hover"));
        match parse_date(&view.cutoff_text) {
            Ok(cutoff) => view.params.cutoff = cutoff,
            Err(()) => {
                valid = false;
                ui.colored_label(ui.visuals().error_fg_color, tr!("value-cutoff-invalid"));
            }
        }
        ui.separator();
        ui.label(tr!("value-models"));
        // The tab offers the default models; another one (boosted trees, from
        // saved settings) is listed only while chosen, so it can be unticked.
        let offered: Vec<ModelKind> = ModelKind::ALL
            .into_iter()
            .filter(|k| ModelKind::DEFAULT.contains(k) || view.params.models.contains(k))
            .collect();
        for kind in offered {
            let mut used = view.params.models.contains(&kind);
            if ui
                .checkbox(&mut used, kind.label())
                .on_hover_text(model_meaning(kind))
                .changed()
            {
                if used {
                    view.params.models.push(kind);
                    view.params.models.sort();
                } else {
                    view.params.models.retain(|k| *k != kind);
                }
            }
        }
    });
    ui.horizontal(|ui| {
        let ready = valid && !view.params.models.is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(tr!("value-train")))
            .on_hover_text(tr!("value-train-hover"))
            .on_disabled_hover_text(tr!("value-train-disabled-hover"))
            .clicked()
        {
            commands.send(ValueCommand::Train(view.params.clone()));
        }
        if let Some(job) = value.results().pending() {
            let snapshot = job.progress().snapshot();
            let left = snapshot
                .time_left()
                .map_or_else(String::new, |left| format!(" ({left})"));
            ui.add(
                egui::ProgressBar::new(snapshot.fraction().unwrap_or(0.0))
                    .desired_width(360.0)
                    .text(format!("{}…{left}", snapshot.message)),
            );
            if ui
                .button(tr!("value-cancel"))
                .on_hover_text(tr!("value-cancel-hover"))
                .clicked()
            {
                commands.send(ValueCommand::Cancel);
            }
        }
    });
}

/// What each model is, in a line, for the checkbox's hover.
fn model_meaning(kind: ModelKind) -> String {
    match kind {
        ModelKind::LogReg => tr!("value-logreg-meaning"),
        ModelKind::Tree => tr!("value-tree-meaning"),
        ModelKind::Forest => tr!("value-forest-meaning"),
        ModelKind::Boosted => tr!("value-gbt-meaning"),
    }
}

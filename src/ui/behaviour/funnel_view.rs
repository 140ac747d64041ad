//! The events funnel: steps with users and conversion from the previous step, a bar
//! chart of users per step, and the products where viewers drop off.

use crate::analysis::funnel::{DropoffItem, step_display};
use crate::tr;
use crate::ui::format;
use crate::workspace::behaviour::FunnelResult;

use super::{bar_chart_ui, error_ui, percent};

pub fn ui(ui: &mut egui::Ui, result: &FunnelResult) {
    ui.weak(tr!("behaviour-funnel-source", file = result.file.as_str()));
    let funnel = &result.funnel;
    ui.columns(2, |columns| {
        egui::Grid::new("funnel_steps")
            .striped(true)
            .num_columns(4)
            .spacing([16.0, 4.0])
            .show(&mut columns[0], |ui| {
                ui.strong(tr!("behaviour-funnel-step"));
                ui.strong(tr!("behaviour-funnel-users"));
                ui.strong(tr!("behaviour-conversion"));
                ui.strong(tr!("behaviour-funnel-events"));
                ui.end_row();
                for step in &funnel.steps {
                    ui.label(step_display(&step.step));
                    ui.label(format::count(step.users as usize));
                    ui.label(step.user_rate.map_or_else(|| "–".to_string(), percent));
                    ui.label(format::count(step.events as usize));
                    ui.end_row();
                }
            });
        if funnel.unmatched_events > 0 {
            columns[0].weak(tr!(
                "behaviour-funnel-unmatched",
                count = format::count(funnel.unmatched_events as usize)
            ));
        }
        let labels: Vec<String> = funnel.steps.iter().map(|s| step_display(&s.step)).collect();
        let users: Vec<f64> = funnel.steps.iter().map(|s| s.users as f64).collect();
        bar_chart_ui(
            &mut columns[1],
            "funnel_chart",
            &labels,
            &users,
            |v| format::count(v.max(0.0).round() as usize),
            150.0,
        );
    });
    ui.add_space(6.0);
    ui.strong(tr!("behaviour-dropoff-title"));
    match &result.dropoff {
        Ok(items) if items.is_empty() => {
            ui.weak(tr!("behaviour-dropoff-none"));
        }
        Ok(items) => dropoff_ui(ui, items),
        Err(error) => error_ui(ui, &tr!("behaviour-dropoff-error"), error),
    }
}

fn dropoff_ui(ui: &mut egui::Ui, items: &[DropoffItem]) {
    ui.weak(tr!("behaviour-dropoff-explanation"));
    egui::Grid::new("funnel_dropoff")
        .striped(true)
        .num_columns(5)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong(tr!("behaviour-dropoff-item"));
            ui.strong(tr!("behaviour-dropoff-views"));
            ui.strong(tr!("behaviour-dropoff-next"));
            ui.strong(tr!("behaviour-conversion"));
            ui.strong(tr!("behaviour-dropoff-lost"));
            ui.end_row();
            for item in items {
                ui.label(&item.item_id);
                ui.label(format::count(item.views as usize));
                ui.label(format::count(item.next as usize));
                ui.label(percent(item.conversion));
                ui.label(format!("{:.0}", item.lost_views));
                ui.end_row();
            }
        });
}

//! The events funnel: the step that loses most and what fits it, steps with users
//! and conversion from the previous step, a bar chart of users per step, and the
//! products where viewers drop off (or, for events without items, what that needs).

use crate::analysis::funnel::{DropoffItem, step_display};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::format;
use crate::ui::glossary::term;
use crate::workspace::behaviour::FunnelResult;

use super::bars::{BarAxes, Figure, titled_bars_ui};
use super::{advice, advice_ui, error_ui, needs_ui};

pub fn ui(ui: &mut egui::Ui, result: &FunnelResult, commands: &mut Commands) {
    ui.weak(tr!("behaviour-funnel-source", file = result.file.as_str()));
    let funnel = &result.funnel;
    if let Some(sentence) = advice::funnel(funnel) {
        advice_ui(ui, &sentence);
    }
    ui.columns(2, |columns| {
        egui::Grid::new("funnel_steps")
            .striped(true)
            .num_columns(4)
            .spacing([16.0, 4.0])
            .show(&mut columns[0], |ui| {
                ui.strong(tr!("behaviour-funnel-step"));
                term(
                    ui,
                    tr!("behaviour-funnel-users"),
                    tr!("behaviour-funnel-users-meaning"),
                );
                term(
                    ui,
                    tr!("behaviour-conversion"),
                    tr!("behaviour-conversion-meaning"),
                );
                ui.strong(tr!("behaviour-funnel-events"));
                ui.end_row();
                for step in &funnel.steps {
                    ui.label(step_display(&step.step));
                    ui.label(format::count(step.users as usize));
                    ui.label(
                        step.user_rate
                            .map_or_else(|| "–".to_string(), format::percent),
                    );
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
        let axes = chart_axes();
        let height = (40.0 * labels.len() as f32 + 60.0).max(160.0);
        titled_bars_ui(
            &mut columns[1],
            "funnel_chart",
            &labels,
            &users,
            Figure::Count,
            &axes,
            height,
        );
    });
    ui.add_space(6.0);
    ui.strong(tr!("behaviour-dropoff-title"));
    match &result.dropoff {
        None => needs_ui(ui, &tr!("behaviour-dropoff-needs-items"), commands),
        Some(Ok(items)) if items.is_empty() => {
            ui.weak(tr!("behaviour-dropoff-none"));
        }
        Some(Ok(items)) => dropoff_ui(ui, items),
        Some(Err(error)) => error_ui(ui, &tr!("behaviour-dropoff-error"), error),
    }
}

/// The funnel chart's axis titles: steps down the side, customers along.
pub fn chart_axes() -> BarAxes {
    BarAxes {
        categories: tr!("behaviour-axis-funnel-step"),
        values: tr!("behaviour-axis-customers"),
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
            term(
                ui,
                tr!("behaviour-conversion"),
                tr!("behaviour-dropoff-conversion-meaning"),
            );
            term(
                ui,
                tr!("behaviour-dropoff-lost"),
                tr!("behaviour-dropoff-explanation"),
            );
            ui.end_row();
            for item in items {
                ui.label(&item.item_id);
                ui.label(format::count(item.views as usize));
                ui.label(format::count(item.next as usize));
                ui.label(format::percent(item.conversion));
                ui.label(format::number(item.lost_views, 0));
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_axes_name_the_steps_and_the_customers() {
        let axes = chart_axes();
        assert_eq!(
            (axes.categories.as_str(), axes.values.as_str()),
            ("Funnel step", "Customers")
        );
    }
}

//! Churn-risk thresholds: two sliders (medium from, high from) that re-bucket the
//! customers at once, without refitting, and the customers in each bucket. Moving
//! one past the other pushes the other along, so medium ≤ high always holds.

use crate::analysis::propensity::RiskThresholds;
use crate::tr;
use crate::ui::format;
use crate::workspace::value::ValueResults;

use super::super::behaviour::section_ui;
use crate::ui::command::Commands;
use crate::workspace::value::ValueCommand;

pub fn ui(ui: &mut egui::Ui, results: &ValueResults, commands: &mut Commands) {
    section_ui(
        ui,
        &tr!("value-churn-risk-section"),
        &tr!("value-churn-risk-explanation"),
    );
    let current = results.propensity.thresholds;
    let mut medium = current.medium;
    let mut high = current.high;
    ui.horizontal(|ui| {
        let label = ui.label(tr!("value-medium-risk-from"));
        let medium_moved = ui
            .add(egui::Slider::new(&mut medium, 0.0..=1.0).step_by(0.01))
            .labelled_by(label.id)
            .changed();
        let label = ui.label(tr!("value-high-risk-from"));
        let high_moved = ui
            .add(egui::Slider::new(&mut high, 0.0..=1.0).step_by(0.01))
            .labelled_by(label.id)
            .changed();
        if medium_moved && medium > high {
            high = medium;
        }
        if high_moved && high < medium {
            medium = high;
        }
    });
    let wanted = RiskThresholds { medium, high };
    if wanted != current {
        commands.send(ValueCommand::SetThresholds(wanted));
    }
    let (low, medium_count, high_count) = results.bucket_counts();
    ui.horizontal(|ui| {
        ui.label(tr!("value-low-risk-count", count = format::count(low)));
        ui.separator();
        ui.label(tr!(
            "value-medium-risk-count",
            count = format::count(medium_count)
        ));
        ui.separator();
        ui.label(tr!(
            "value-high-risk-count",
            count = format::count(high_count)
        ));
    });
}

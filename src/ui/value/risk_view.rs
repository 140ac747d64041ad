//! Churn-risk thresholds: two sliders (medium from, high from) that re-bucket the
//! customers at once, without refitting, and the customers in each bucket. Moving
//! one past the other pushes the other along, so medium ≤ high always holds.

use crate::analysis::propensity::RiskThresholds;
use crate::tr;
use crate::ui::format;
use crate::workspace::value::ValueResults;

use super::super::behaviour::section_ui;
use super::meaning;
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
            .add(percent_slider(&mut medium))
            .labelled_by(label.id)
            .changed();
        let label = ui.label(tr!("value-high-risk-from"));
        let high_moved = ui
            .add(percent_slider(&mut high))
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
    let counts = results.bucket_counts();
    if let Some(sentence) = meaning::risk(counts) {
        ui.add(egui::Label::new(egui::RichText::new(sentence).strong()).wrap());
    }
    let (low, medium_count, high_count) = counts;
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

/// A churn-risk threshold, shown and typed as a percentage ("35.0%" or "35").
fn percent_slider(value: &mut f64) -> egui::Slider<'_> {
    egui::Slider::new(value, 0.0..=1.0)
        .step_by(0.01)
        .custom_formatter(|v, _| format::percent(v))
        .custom_parser(parse_percent)
}

/// A percentage as typed, "35.0%" or "35", as a share.
fn parse_percent(text: &str) -> Option<f64> {
    let number = text.trim().trim_end_matches('%').trim();
    number.parse::<f64>().ok().map(|v| v / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_threshold_reads_back_as_the_percentage_it_shows() {
        assert_eq!(parse_percent(&format::percent(0.35)), Some(0.35));
        assert_eq!(parse_percent(" 80 "), Some(0.8));
        assert_eq!(parse_percent("high"), None);
    }
}

//! The audience at a glance, redrawn after every build: its size and share of
//! customers, its share of revenue, targets and control, the targets expected to
//! buy anyway and the ones the campaign adds (the same outcome the ROI panel
//! shows), and how many the exclusions and the maximum size left out.

use crate::analysis::campaign::{Audience, RoiOutcome};
use crate::tr;
use crate::ui::format;

use super::percent;

pub fn ui(ui: &mut egui::Ui, audience: &Audience, outcome: &RoiOutcome, customers: usize) {
    let share = audience.size() as f64 / customers.max(1) as f64;
    ui.horizontal_wrapped(|ui| {
        figure(
            ui,
            &tr!("campaigns-audience"),
            &format::count(audience.size()),
        );
        figure(ui, &tr!("campaigns-share-of-customers"), &percent(share));
        figure(
            ui,
            &tr!("campaigns-share-of-revenue"),
            &audience
                .revenue_share
                .map_or_else(|| "–".to_string(), percent),
        );
        figure(
            ui,
            &tr!("campaigns-targets"),
            &format::count(audience.targets),
        );
        figure(
            ui,
            &tr!("campaigns-control"),
            &format::count(audience.controls),
        );
        figure(
            ui,
            &tr!("campaigns-buy-anyway"),
            &format::number(outcome.baseline_buyers, 1),
        );
        figure(
            ui,
            &tr!("campaigns-incremental-responders"),
            &format::number(outcome.incremental_responders, 1),
        );
    });
    let left_out = audience.opted_out + audience.contacted + audience.over_max;
    if left_out > 0 {
        ui.label(
            egui::RichText::new(tr!(
                "campaigns-left-out",
                matched = format::count(audience.matched),
                opted_out = format::count(audience.opted_out),
                contacted = format::count(audience.contacted),
                over_max = format::count(audience.over_max)
            ))
            .weak(),
        );
    }
}

/// A figure with its caption: `Audience: 1,234`.
fn figure(ui: &mut egui::Ui, caption: &str, value: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(caption).weak());
            ui.label(egui::RichText::new(value).strong().size(18.0))
                .on_hover_text(tr!(
                    "campaigns-figure-hover",
                    caption = caption,
                    value = value
                ));
        });
    });
}

//! The audience at a glance, redrawn after every build: its size and share of
//! customers, its share of revenue, targets and control, the targets expected to
//! buy anyway and the ones the campaign adds (the same outcome the ROI panel
//! shows), how many the exclusions and the maximum size left out, and one
//! sentence on what contacting the targets is expected to bring.

use crate::analysis::campaign::{Audience, RoiOutcome};
use crate::tr;
use crate::ui::{format, glossary};

use super::percent;
use super::sentences::audience_sentence;

pub fn ui(ui: &mut egui::Ui, audience: &Audience, outcome: &RoiOutcome, customers: usize) {
    let share = audience.size() as f64 / customers.max(1) as f64;
    let revenue_caption = tr!("campaigns-share-of-revenue");
    let revenue_share = audience.revenue_share.map(percent);
    ui.horizontal_wrapped(|ui| {
        figure(
            ui,
            &tr!("campaigns-audience"),
            tr!("campaigns-audience-meaning"),
            &format::count(audience.size()),
        );
        figure(
            ui,
            &tr!("campaigns-share-of-customers"),
            tr!("campaigns-share-of-customers-meaning"),
            &percent(share),
        );
        let meaning = match revenue_share {
            Some(_) => tr!("campaigns-share-of-revenue-meaning"),
            None => format::needs_money(&revenue_caption),
        };
        figure(
            ui,
            &revenue_caption,
            meaning,
            revenue_share.as_deref().unwrap_or("–"),
        );
        figure(
            ui,
            &tr!("campaigns-targets"),
            tr!("campaigns-targets-meaning"),
            &format::count(audience.targets),
        );
        figure(
            ui,
            &tr!("campaigns-control"),
            tr!("campaigns-control-meaning"),
            &format::count(audience.controls),
        );
        figure(
            ui,
            &tr!("campaigns-buy-anyway"),
            tr!("campaigns-buy-anyway-meaning"),
            &format::number(outcome.baseline_buyers, 1),
        );
        figure(
            ui,
            &tr!("campaigns-incremental-responders"),
            tr!("campaigns-incremental-responders-meaning"),
            &format::number(outcome.incremental_responders, 1),
        );
    });
    ui.label(egui::RichText::new(audience_sentence(outcome)).strong());
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

/// A figure under its caption, the caption explaining itself on hover.
fn figure(ui: &mut egui::Ui, caption: &str, meaning: String, value: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.vertical(|ui| {
            glossary::term(ui, caption, meaning);
            ui.label(egui::RichText::new(value).strong().size(18.0));
        });
    });
}

//! The readout after the campaign: the list sent (its recorded targets and
//! control group; without one, the audience shown), a later orders file and the
//! days to count; response and revenue per customer of targets against the
//! control group, with the difference and its 95% interval, which groups were
//! compared, and one sentence on whether the campaign worked.

use std::path::PathBuf;

use crate::analysis::campaign::control::Difference;
use crate::tr;
use crate::ui::behaviour::parse_date;
use crate::ui::format;
use crate::workspace::campaign::Campaigns;

use super::dialog::Purpose;
use super::sentences::readout_sentence;
use super::{ViewState, percent, signed_points};
use crate::ui::command::{Command, Commands};
use crate::ui::glossary;
use crate::workspace::campaign::CampaignsCommand;

pub fn ui(
    ui: &mut egui::Ui,
    campaigns: &Campaigns,
    ready: bool,
    view: &mut ViewState,
    commands: &mut Commands,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!("campaigns-sent-list"));
        ui.add(
            egui::TextEdit::singleline(&mut view.readout_sent)
                .hint_text(tr!("campaigns-sent-list-hint"))
                .desired_width(320.0),
        )
        .labelled_by(label.id)
        .on_hover_text(tr!("campaigns-sent-list-hover"));
        if ui.button(tr!("campaigns-choose")).clicked() {
            commands.send(Command::CampaignFileDialog {
                purpose: Purpose::SentList,
                save: false,
                file_name: String::new(),
            });
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!("campaigns-later-orders"));
        ui.add(
            egui::TextEdit::singleline(&mut view.readout_path)
                .hint_text(tr!("campaigns-later-orders-hint"))
                .desired_width(260.0),
        )
        .labelled_by(label.id);
        if ui.button(tr!("campaigns-choose")).clicked() {
            commands.send(Command::CampaignFileDialog {
                purpose: Purpose::Readout,
                save: false,
                file_name: String::new(),
            });
        }
        for (text, typed) in [
            (tr!("campaigns-from"), &mut view.readout_from),
            (tr!("campaigns-until"), &mut view.readout_to),
        ] {
            let label = ui.label(text);
            ui.add(
                egui::TextEdit::singleline(typed)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(90.0),
            )
            .labelled_by(label.id);
        }
        let dates = (parse_date(&view.readout_from), parse_date(&view.readout_to));
        let valid = matches!(dates, (Ok(_), Ok(_)));
        let sent = Some(view.readout_sent.trim())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        let enabled = (ready || sent.is_some()) && valid && !view.readout_path.trim().is_empty();
        if ui
            .add_enabled(enabled, egui::Button::new(tr!("campaigns-read-out")))
            .clicked()
            && let (Ok(from), Ok(to)) = dates
        {
            commands.send(CampaignsCommand::ReadOut {
                path: PathBuf::from(view.readout_path.trim()),
                from,
                to,
                sent,
            });
        }
        if !valid {
            ui.colored_label(ui.visuals().error_fg_color, tr!("campaigns-dates-invalid"));
        }
    });
    let slot = campaigns.readout_slot();
    if slot.pending().is_some() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr!("campaigns-reading"));
        });
    }
    if let Some(error) = slot.error() {
        ui.colored_label(ui.visuals().error_fg_color, error.to_string());
    }
    let Some(shown) = slot.value() else {
        return;
    };
    ui.weak(tr!("campaigns-compared", groups = shown.groups.as_str()));
    let result = &shown.readout;
    egui::Grid::new("campaign_readout")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            ui.strong(tr!("campaigns-customers"));
            ui.strong(tr!("campaigns-responded"));
            glossary::term(
                ui,
                tr!("campaigns-response"),
                tr!("campaigns-response-meaning"),
            );
            if result.money {
                glossary::term(
                    ui,
                    tr!("campaigns-revenue-per-customer"),
                    tr!("campaigns-revenue-per-customer-meaning"),
                );
            }
            ui.end_row();
            for (name, meaning, group) in [
                (
                    tr!("campaigns-targets"),
                    tr!("campaigns-targets-meaning"),
                    &result.target,
                ),
                (
                    tr!("campaigns-control"),
                    tr!("campaigns-control-meaning"),
                    &result.control,
                ),
            ] {
                glossary::term(ui, name, meaning);
                ui.label(format::count(group.customers));
                ui.label(format::count(group.responders));
                ui.label(percent(group.response_rate));
                if result.money {
                    ui.label(format::money(group.revenue_per_customer));
                }
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    egui::Grid::new("campaign_readout_difference")
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            glossary::term(ui, tr!("campaigns-ci"), tr!("campaigns-ci-meaning"));
            ui.end_row();
            glossary::term(
                ui,
                tr!("campaigns-response-difference"),
                tr!("campaigns-response-difference-meaning"),
            );
            ui.label(interval(&result.response_difference, signed_points));
            ui.end_row();
            if result.money {
                glossary::term(
                    ui,
                    tr!("campaigns-revenue-difference"),
                    tr!("campaigns-revenue-difference-meaning"),
                );
                ui.label(interval(&result.revenue_difference, format::money));
                ui.end_row();
            }
        });
    if !result.money {
        ui.weak(format::needs_money(&tr!("campaigns-revenue-per-customer")));
    }
    ui.label(egui::RichText::new(readout_sentence(result)).strong());
}

fn interval(d: &Difference, show: impl Fn(f64) -> String) -> String {
    match (d.low, d.high) {
        (Some(low), Some(high)) => tr!(
            "campaigns-interval",
            estimate = show(d.estimate),
            low = show(low),
            high = show(high)
        ),
        _ => tr!("campaigns-interval-too-few", estimate = show(d.estimate)),
    }
}

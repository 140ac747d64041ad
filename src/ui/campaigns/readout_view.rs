//! The readout after the campaign: the list sent (its recorded targets and
//! control group; without one, the audience shown), a later orders file and the
//! days to count; response and revenue per customer of targets against the
//! control group, with the difference and its 95% interval, and which groups
//! were compared.

use std::path::PathBuf;

use crate::analysis::campaign::control::Difference;
use crate::tr;
use crate::ui::behaviour::parse_date;
use crate::ui::format;
use crate::workspace::campaign::Campaigns;

use super::dialog::Purpose;
use super::{ViewState, percent};
use crate::ui::command::{Command, Commands};
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
            let headers = [
                String::new(),
                tr!("campaigns-customers"),
                tr!("campaigns-responded"),
                tr!("campaigns-response"),
                tr!("campaigns-revenue-per-customer"),
            ];
            for header in &headers[..if result.money { 5 } else { 4 }] {
                ui.label(egui::RichText::new(header).strong());
            }
            ui.end_row();
            for (name, group) in [
                (tr!("campaigns-targets"), &result.target),
                (tr!("campaigns-control"), &result.control),
            ] {
                ui.label(name);
                ui.label(format::count(group.customers));
                ui.label(format::count(group.responders));
                ui.label(percent(group.response_rate));
                if result.money {
                    ui.label(format::money(group.revenue_per_customer));
                }
                ui.end_row();
            }
        });
    let response = interval(&result.response_difference, |v| {
        tr!("campaigns-points", value = format!("{:+.1}", v * 100.0))
    });
    if result.money {
        ui.label(tr!(
            "campaigns-difference-money",
            response = response,
            revenue = interval(&result.revenue_difference, format::money)
        ));
    } else {
        ui.label(tr!("campaigns-difference", response = response));
        ui.weak(format::needs_money(&tr!("campaigns-revenue-per-customer")));
    }
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

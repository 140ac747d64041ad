//! The readout after the campaign: the list sent (its recorded targets and
//! control group; without one, the audience shown), a later orders file and the
//! days to count; response and revenue per customer of targets against the
//! control group, with the difference and its 95% interval, and which groups
//! were compared.

use std::path::PathBuf;

use crate::analysis::campaign::control::Difference;
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
        let label = ui.label("Sent list:");
        ui.add(
            egui::TextEdit::singleline(&mut view.readout_sent)
                .hint_text("the list you exported (empty: the audience shown)")
                .desired_width(320.0),
        )
        .labelled_by(label.id)
        .on_hover_text(
            "The list file Marketbench exported: its record beside it names every target \
             and the control group, so the readout compares the people really sent.",
        );
        if ui.button("Choose…").clicked() {
            commands.send(Command::CampaignFileDialog {
                purpose: Purpose::SentList,
                save: false,
                file_name: String::new(),
            });
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Later orders:");
        ui.add(
            egui::TextEdit::singleline(&mut view.readout_path)
                .hint_text("orders after the send")
                .desired_width(260.0),
        )
        .labelled_by(label.id);
        if ui.button("Choose…").clicked() {
            commands.send(Command::CampaignFileDialog {
                purpose: Purpose::Readout,
                save: false,
                file_name: String::new(),
            });
        }
        for (text, typed) in [
            ("from:", &mut view.readout_from),
            ("until:", &mut view.readout_to),
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
            .add_enabled(enabled, egui::Button::new("Read out"))
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
            ui.colored_label(ui.visuals().error_fg_color, "Dates as YYYY-MM-DD");
        }
    });
    let slot = campaigns.readout_slot();
    if slot.pending().is_some() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Reading the later orders…");
        });
    }
    if let Some(error) = slot.error() {
        ui.colored_label(ui.visuals().error_fg_color, error.to_string());
    }
    let Some(shown) = slot.value() else {
        return;
    };
    ui.weak(format!("Compared: {}.", shown.groups));
    let result = &shown.readout;
    egui::Grid::new("campaign_readout")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            let headers = [
                "",
                "Customers",
                "Responded",
                "Response",
                "Revenue per customer",
            ];
            for header in &headers[..if result.money { 5 } else { 4 }] {
                ui.label(egui::RichText::new(*header).strong());
            }
            ui.end_row();
            for (name, group) in [("Targets", &result.target), ("Control", &result.control)] {
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
        format!("{:+.1} pts", v * 100.0)
    });
    if result.money {
        ui.label(format!(
            "Difference (targets minus control): response {response}, revenue per customer {}.",
            interval(&result.revenue_difference, format::money)
        ));
    } else {
        ui.label(format!(
            "Difference (targets minus control): response {response}."
        ));
        ui.weak(format::needs_money("Revenue per customer"));
    }
}

fn interval(d: &Difference, show: impl Fn(f64) -> String) -> String {
    match (d.low, d.high) {
        (Some(low), Some(high)) => format!(
            "{} (95% CI {} to {})",
            show(d.estimate),
            show(low),
            show(high)
        ),
        _ => format!("{} (too few customers for an interval)", show(d.estimate)),
    }
}

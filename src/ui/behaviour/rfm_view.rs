//! RFM groups: the eight named groups as a table (customers, share, revenue,
//! revenue share) and a bar chart of customers or revenue per group.

use crate::analysis::rfm::Rfm;
use crate::tr;
use crate::ui::format;

use super::{Toggles, bar_chart_ui, percent, toggle_ui};

/// How customers are scored, in the operator's words; without money (orders
/// with no price or amount), recency and frequency only.
pub fn scoring_rule(money: bool) -> String {
    match money {
        true => tr!("behaviour-rfm-rule"),
        false => tr!("behaviour-rfm-rule-without-money"),
    }
}

pub fn ui(ui: &mut egui::Ui, rfm: &Rfm, toggles: &mut Toggles) {
    ui.label(tr!(
        "behaviour-rfm-scored",
        count = format::count(rfm.len()),
        date = rfm.analysis_date.to_string(),
    ));
    if rfm.is_empty() {
        ui.weak(tr!("behaviour-rfm-empty"));
        return;
    }
    if !rfm.money {
        ui.weak(format::needs_money(&tr!("behaviour-rfm-revenue-per-group")));
    }
    ui.columns(2, |columns| {
        table_ui(&mut columns[0], rfm);
        chart_ui(&mut columns[1], rfm, toggles);
    });
}

fn table_ui(ui: &mut egui::Ui, rfm: &Rfm) {
    egui::Grid::new("rfm_groups")
        .striped(true)
        .num_columns(if rfm.money { 5 } else { 3 })
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            let titles = [
                tr!("behaviour-rfm-group"),
                tr!("behaviour-rfm-customers"),
                tr!("behaviour-rfm-share"),
                tr!("behaviour-revenue"),
                tr!("behaviour-rfm-revenue-share"),
            ];
            for title in titles.into_iter().take(if rfm.money { 5 } else { 3 }) {
                ui.strong(title);
            }
            ui.end_row();
            for group in &rfm.groups {
                ui.label(group.group.display());
                ui.label(format::count(group.customers));
                ui.label(percent(group.share));
                if let (Some(revenue), Some(share)) = (group.revenue, group.revenue_share) {
                    ui.label(format::money(revenue));
                    ui.label(percent(share));
                }
                ui.end_row();
            }
        });
}

fn chart_ui(ui: &mut egui::Ui, rfm: &Rfm, toggles: &mut Toggles) {
    let by_customers = !rfm.money
        || toggle_ui(
            ui,
            toggles,
            "rfm_chart",
            &tr!("behaviour-rfm-customers-per-group"),
            &tr!("behaviour-rfm-revenue-per-group"),
        );
    let labels: Vec<String> = rfm.groups.iter().map(|g| g.group.display()).collect();
    let (values, format): (Vec<f64>, fn(f64) -> String) = if by_customers {
        let values = rfm.groups.iter().map(|g| g.customers as f64).collect();
        (values, |v| format::count(v.max(0.0).round() as usize))
    } else {
        (
            rfm.groups
                .iter()
                .map(|g| g.revenue.unwrap_or(0.0))
                .collect(),
            format::money,
        )
    };
    bar_chart_ui(ui, "rfm_chart", &labels, &values, format, 220.0);
}

//! RFM groups: the eight named groups as a table (customers, share, revenue,
//! revenue share) and a bar chart of customers or revenue per group.

use crate::analysis::rfm::Rfm;
use crate::ui::format;

use super::{Toggles, bar_chart_ui, percent, toggle_ui};

/// How customers are scored, in the operator's words.
pub const SCORING_RULE: &str = "Each customer gets scores 1–5 for recency, frequency and \
    spend by rank among all customers (5 = bought most recently, most orders, most \
    spend). The group comes from the recency and frequency scores.";

/// The rule on orders without money: recency and frequency only.
pub const SCORING_RULE_WITHOUT_MONEY: &str = "Each customer gets scores 1–5 for recency \
    and frequency by rank among all customers (5 = bought most recently, most orders); \
    the group comes from these two scores. There is no spend score: the orders have no \
    price or amount.";

pub fn ui(ui: &mut egui::Ui, rfm: &Rfm, toggles: &mut Toggles) {
    ui.label(format!(
        "{} customers scored, recency measured to {}.",
        format::count(rfm.len()),
        rfm.analysis_date
    ));
    if rfm.is_empty() {
        ui.weak("No customer bought before the analysis date.");
        return;
    }
    if !rfm.money {
        ui.weak(format::needs_money("Revenue per group"));
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
            let titles = ["Group", "Customers", "Share", "Revenue", "Revenue share"];
            for title in &titles[..if rfm.money { 5 } else { 3 }] {
                ui.strong(*title);
            }
            ui.end_row();
            for group in &rfm.groups {
                ui.label(group.group.label());
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
            "Customers per group",
            "Revenue per group",
        );
    let labels: Vec<String> = rfm
        .groups
        .iter()
        .map(|g| g.group.label().to_string())
        .collect();
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

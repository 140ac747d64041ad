//! RFM groups: what they mean for a campaign, the scores explained on hover, the
//! eight named groups as a table (customers, share, revenue, revenue share) and a
//! bar chart of customers or revenue per group. Orders without money say once,
//! with the button to the Data tab, that spend needs a price or amount column.

use crate::analysis::rfm::{Rfm, RfmGroup};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::format;
use crate::ui::glossary::term;

use super::bars::{BarAxes, Figure, titled_bars_ui};
use super::{Toggles, advice, advice_ui, needs_ui, toggle_ui};

/// How customers are scored, in the operator's words; without money (orders
/// with no price or amount), recency and frequency only.
pub fn scoring_rule(money: bool) -> String {
    match money {
        true => tr!("behaviour-rfm-rule"),
        false => tr!("behaviour-rfm-rule-without-money"),
    }
}

pub fn ui(ui: &mut egui::Ui, rfm: &Rfm, toggles: &mut Toggles, commands: &mut Commands) {
    ui.label(tr!(
        "behaviour-rfm-scored",
        count = format::count(rfm.len()),
        date = rfm.analysis_date.to_string(),
    ));
    if rfm.is_empty() {
        ui.weak(tr!("behaviour-rfm-empty"));
        return;
    }
    if let Some(sentence) = advice::rfm(&rfm.groups) {
        advice_ui(ui, &sentence);
    }
    scores_ui(ui, rfm.money);
    if !rfm.money {
        let sentence = format::needs_money(&tr!("behaviour-rfm-revenue-per-group"));
        needs_ui(ui, &sentence, commands);
    }
    ui.columns(2, |columns| {
        table_ui(&mut columns[0], rfm);
        chart_ui(&mut columns[1], rfm, toggles);
    });
}

/// The scores' names, each explained on hover.
fn scores_ui(ui: &mut egui::Ui, money: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("behaviour-scores"));
        term(
            ui,
            tr!("behaviour-recency"),
            tr!("behaviour-recency-meaning"),
        );
        term(
            ui,
            tr!("behaviour-frequency"),
            tr!("behaviour-frequency-meaning"),
        );
        if money {
            term(
                ui,
                tr!("behaviour-monetary"),
                tr!("behaviour-monetary-meaning"),
            );
        }
    });
}

/// What customers of `group` have in common, for the hover of its name.
fn group_meaning(group: RfmGroup) -> String {
    match group {
        RfmGroup::Champions => tr!("behaviour-group-champions-meaning"),
        RfmGroup::Loyal => tr!("behaviour-group-loyal-meaning"),
        RfmGroup::PotentialLoyalists => tr!("behaviour-group-potential-loyalists-meaning"),
        RfmGroup::New => tr!("behaviour-group-new-meaning"),
        RfmGroup::AtRisk => tr!("behaviour-group-at-risk-meaning"),
        RfmGroup::CantLoseThem => tr!("behaviour-group-cant-lose-them-meaning"),
        RfmGroup::Hibernating => tr!("behaviour-group-hibernating-meaning"),
        RfmGroup::Lost => tr!("behaviour-group-lost-meaning"),
    }
}

fn table_ui(ui: &mut egui::Ui, rfm: &Rfm) {
    egui::Grid::new("rfm_groups")
        .striped(true)
        .num_columns(if rfm.money { 5 } else { 3 })
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong(tr!("behaviour-rfm-group"));
            ui.strong(tr!("behaviour-rfm-customers"));
            term(
                ui,
                tr!("behaviour-rfm-share"),
                tr!("behaviour-rfm-share-meaning"),
            );
            if rfm.money {
                ui.strong(tr!("behaviour-revenue"));
                term(
                    ui,
                    tr!("behaviour-rfm-revenue-share"),
                    tr!("behaviour-rfm-revenue-share-meaning"),
                );
            }
            ui.end_row();
            for group in &rfm.groups {
                term(ui, group.group.display(), group_meaning(group.group));
                ui.label(format::count(group.customers));
                ui.label(format::percent(group.share));
                if let (Some(revenue), Some(share)) = (group.revenue, group.revenue_share) {
                    ui.label(format::money(revenue));
                    ui.label(format::percent(share));
                }
                ui.end_row();
            }
        });
}

/// The RFM chart's axis titles: groups down the side, customers or revenue along.
pub fn chart_axes(by_customers: bool) -> BarAxes {
    BarAxes {
        categories: tr!("behaviour-axis-rfm-group"),
        values: match (by_customers, format::currency().symbol()) {
            (true, _) => tr!("behaviour-axis-customers"),
            (false, "") => tr!("behaviour-axis-revenue"),
            (false, symbol) => tr!("behaviour-axis-revenue-in", symbol = symbol),
        },
    }
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
    let (values, figure): (Vec<f64>, _) = match by_customers {
        true => (
            rfm.groups.iter().map(|g| g.customers as f64).collect(),
            Figure::Count,
        ),
        false => (
            rfm.groups
                .iter()
                .map(|g| g.revenue.unwrap_or(0.0))
                .collect(),
            Figure::Money,
        ),
    };
    let axes = chart_axes(by_customers);
    titled_bars_ui(ui, "rfm_chart", &labels, &values, figure, &axes, 240.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_axes_name_the_groups_and_the_measure() {
        assert_eq!(chart_axes(true).categories, "RFM group");
        assert_eq!(chart_axes(true).values, "Customers");
        assert_eq!(chart_axes(false).values, "Revenue");
    }
}

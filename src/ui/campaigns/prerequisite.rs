//! What a campaign needs that the loaded data or the other tabs have not given
//! yet (segments, propensity or customer value, prices, a customers file with
//! contacts or regions, a category column), said once in a plain sentence with a
//! button to the tab that provides it, in place of the build's raw error.

use crate::analysis::campaign::{CampaignDef, Condition, Purchase};
use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::state::Tab;
use crate::workspace::campaign::AudienceResults;

/// The tab that puts `column` into the customer table.
pub fn tab_for(column: &str) -> Tab {
    match column {
        "segment" | "segment_name" => Tab::Segments,
        "propensity"
        | "churn_risk"
        | "churn_bucket"
        | "clv"
        | "p_alive"
        | "predicted_purchases" => Tab::Value,
        _ => Tab::Data,
    }
}

/// Why `column` is missing and what to do, in one sentence.
pub fn sentence(column: &str) -> String {
    match column {
        "segment" | "segment_name" => tr!("campaigns-needs-segments"),
        "propensity" | "churn_risk" | "churn_bucket" => tr!("campaigns-needs-propensity"),
        "clv" | "p_alive" | "predicted_purchases" => tr!("campaigns-needs-clv"),
        "monetary" | "avg_order_value" => tr!("campaigns-needs-money"),
        "email" => tr!("campaigns-needs-email"),
        "phone" => tr!("campaigns-needs-phone"),
        "region" => tr!("campaigns-needs-region"),
        "category" => tr!("campaigns-needs-category"),
        _ => tr!("campaigns-needs-orders"),
    }
}

/// The button's text: "Open the Value tab".
pub fn button_text(tab: Tab) -> String {
    tr!("campaigns-open-tab", tab = tab.label())
}

/// `text` and the button to `tab`, in the warning colour.
pub fn ui_with(ui: &mut egui::Ui, text: &str, tab: Tab, commands: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(ui.visuals().warn_fg_color, text);
        if ui.button(button_text(tab)).clicked() {
            commands.send(Command::GoTo(tab));
        }
    });
}

/// What `column` needs, with the button to the tab that provides it.
pub fn ui(ui: &mut egui::Ui, column: &str, commands: &mut Commands) {
    ui_with(ui, &sentence(column), tab_for(column), commands);
}

/// The column a condition row reads that the build did not have (a nested
/// group's first), if any.
pub fn row_missing<'a>(row: &'a Condition, results: &AudienceResults) -> Option<&'a str> {
    let needed = match row {
        Condition::Segment { .. } => "segment",
        Condition::RfmGroup { .. } => "rfm_group",
        Condition::ChurnBucket { .. } => "churn_bucket",
        Condition::Region { .. } => "region",
        Condition::TextIn { column, .. } | Condition::Range { column, .. } => column,
        Condition::HasEmail => "email",
        Condition::HasPhone => "phone",
        Condition::Bought {
            what: Purchase::Category(_),
            ..
        } => {
            return (!results.choices.contains_key("category")).then_some("category");
        }
        Condition::Bought { .. } => return None,
        Condition::All { of } | Condition::Any { of } => {
            return of.iter().find_map(|c| row_missing(c, results));
        }
    };
    (!results.has_column(needed)).then_some(needed)
}

/// The first column `def` needs (its conditions or its maximum size's score)
/// that the build did not have: the reason the conditions could not be applied.
pub fn missing(def: &CampaignDef, results: &AudienceResults) -> Option<String> {
    row_missing(&def.condition, results)
        .or_else(|| {
            def.max_size
                .as_ref()
                .map(|m| m.column.as_str())
                .filter(|c| !results.has_column(c))
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::analysis::campaign::MaxSize;
    use crate::workspace::campaign::BuildKey;

    fn results(columns: &[&str]) -> AudienceResults {
        let def = CampaignDef::new("c", Condition::All { of: Vec::new() });
        AudienceResults {
            key: BuildKey {
                audience: def,
                segment_names: Vec::new(),
                language: crate::i18n::Language::English,
            },
            customers: 10,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            choices: BTreeMap::new(),
            audience: Err("missing".into()),
            scored: BTreeMap::new(),
            preview: (Vec::new(), Vec::new()),
        }
    }

    #[test]
    fn the_missing_input_is_found_in_rows_nested_groups_and_the_maximum_size() {
        let built = results(&["customer_id", "frequency", "rfm_group"]);
        let range = Condition::Range {
            column: "propensity".into(),
            min: Some(0.5),
            max: None,
        };
        let def = CampaignDef::new(
            "c",
            Condition::Any {
                of: vec![Condition::RfmGroup { values: Vec::new() }, range],
            },
        );
        assert_eq!(missing(&def, &built).as_deref(), Some("propensity"));
        assert_eq!(tab_for("propensity"), Tab::Value);
        let mut capped = CampaignDef::new("c", Condition::All { of: Vec::new() });
        assert_eq!(missing(&capped, &built), None);
        capped.max_size = Some(MaxSize {
            column: "monetary".into(),
            count: 10,
        });
        assert_eq!(missing(&capped, &built).as_deref(), Some("monetary"));
        assert_eq!(tab_for("monetary"), Tab::Data);
        let bought = Condition::Bought {
            what: Purchase::Category("tea".into()),
            bought: true,
            from: None,
            to: None,
        };
        assert_eq!(row_missing(&bought, &built), Some("category"));
        assert_eq!(tab_for("segment"), Tab::Segments);
        assert!(sentence("segment").contains("Segments tab"));
    }
}

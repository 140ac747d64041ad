//! What the Segments tab needs from the data and, when a run failed for want of
//! it, the one sentence that says so with a button to the Data tab (instead of
//! the run's error): an orders file, enough customers for the segments asked
//! for, and money amounts for the spend features. Detected from the loaded
//! files' summary and the wanted settings, so the sentence does not depend on
//! an error's wording.

use crate::analysis::segments::{Feature, KChoice};
use crate::analysis::summary::Summary;
use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::format;
use crate::ui::state::Tab;
use crate::workspace::segments::SegmentsParams;

use super::feature_words;

/// An input the data lacks.
#[derive(Clone, Debug, PartialEq)]
pub enum Need {
    Orders,
    /// Fewer customers than segments asked for (auto K needs two).
    Customers {
        have: usize,
        need: usize,
    },
    /// The spend features wanted need money the orders do not carry.
    Money(Vec<Feature>),
}

/// What `wanted` needs that the files summarised by `summary` lack (None: no
/// summary yet, or nothing lacking). `has_orders`: an orders file is loaded.
pub fn missing(
    has_orders: bool,
    summary: Option<&Summary>,
    wanted: &SegmentsParams,
) -> Option<Need> {
    if !has_orders {
        return Some(Need::Orders);
    }
    let summary = summary?;
    let need = match wanted.k {
        KChoice::Fixed(k) => k,
        KChoice::Auto { .. } => 2,
    };
    if summary.customers < need {
        return Some(Need::Customers {
            have: summary.customers,
            need,
        });
    }
    let money: Vec<Feature> = wanted
        .features
        .features()
        .iter()
        .copied()
        .filter(|f| f.is_money())
        .collect();
    // Without money the default features drop revenue by themselves
    // (`FeatureSet::for_lines`); only a set chosen with it fails.
    let default = wanted.features == SegmentsParams::default().features;
    (summary.revenue_net.is_none() && !money.is_empty() && !default).then_some(Need::Money(money))
}

/// The sentence saying what is needed and why.
pub fn sentence(need: &Need) -> String {
    match need {
        Need::Orders => tr!("segments-needs-orders"),
        Need::Customers { have, need } => tr!(
            "segments-needs-customers",
            need = format::count(*need),
            have = format::count(*have),
        ),
        Need::Money(features) => {
            let words: Vec<String> = features.iter().map(|f| feature_words(*f)).collect();
            tr!("segments-needs-money", features = words.join(", "))
        }
    }
}

/// The sentence and the button that opens the Data tab.
pub fn ui(ui: &mut egui::Ui, need: &Need, commands: &mut Commands) {
    ui.add_space(8.0);
    ui.add(egui::Label::new(sentence(need)).wrap());
    if ui.button(tr!("segments-open-data")).clicked() {
        commands.send(Command::GoTo(Tab::Data));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segments::FeatureSet;

    fn summary(customers: usize, money: bool) -> Summary {
        Summary {
            customers,
            orders: customers,
            order_lines: customers,
            items: 1,
            first_day: None,
            last_day: None,
            revenue_net: money.then_some(100.0),
            returns_amount: money.then_some(0.0),
            return_lines: 0,
            cancelled_lines: 0,
            unpriced_lines: 0,
        }
    }

    #[test]
    fn orders_customers_and_money_are_asked_for_in_words() {
        let auto = SegmentsParams::default();
        assert_eq!(missing(false, None, &auto), Some(Need::Orders));
        assert_eq!(missing(true, None, &auto), None);
        assert_eq!(missing(true, Some(&summary(500, true)), &auto), None);
        let one = missing(true, Some(&summary(1, true)), &auto).expect("too few");
        assert_eq!(one, Need::Customers { have: 1, need: 2 });
        assert_eq!(
            sentence(&one),
            "Segments need at least 2 customers to compare, and these orders have 1. \
             Load a file with more customers."
        );
        let five = SegmentsParams {
            k: KChoice::Fixed(5),
            ..SegmentsParams::default()
        };
        assert_eq!(
            missing(true, Some(&summary(3, true)), &five),
            Some(Need::Customers { have: 3, need: 5 })
        );
        // The default features drop revenue by themselves without money.
        assert_eq!(missing(true, Some(&summary(500, false)), &auto), None);
        let spend = SegmentsParams {
            features: FeatureSet::new(&[Feature::Recency, Feature::Monetary]).expect("set"),
            ..SegmentsParams::default()
        };
        let need = missing(true, Some(&summary(500, false)), &spend).expect("money");
        assert_eq!(need, Need::Money(vec![Feature::Monetary]));
        assert!(sentence(&need).starts_with("Grouping on revenue needs money amounts"));
    }
}

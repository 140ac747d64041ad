//! What the Segments tab needs from the data and, when a run failed for want of
//! it, the one sentence that says so with a button to the Data tab (instead of
//! the run's error): an orders file, enough customers for the segments asked
//! for, money amounts for the spend features, a unit price with an item id
//! for the price features, and a service-messages file for the service signals. Detected from the loaded files' summary and columns
//! and the wanted settings, so the sentence does not depend on an error's
//! wording. A feature the data cannot give has a second button that unticks it
//! and runs again.

use crate::analysis::segments::{Feature, FeatureSet, KChoice};
use crate::analysis::summary::Summary;
use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::format;
use crate::ui::state::Tab;
use crate::workspace::segments::{SegmentsCommand, SegmentsParams};

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
    /// The price features wanted need a unit price and an item id the order
    /// lines lack.
    Prices(Vec<Feature>),
    /// The service-signal features wanted need a service-messages file (or its
    /// reading failed).
    Service(Vec<Feature>),
}

/// What `wanted` needs that the files summarised by `summary` lack (None: no
/// summary yet, or nothing lacking). `has_orders`: an orders file is loaded;
/// `priced`: its lines carry a unit price and an item id
/// (`workspace::segments::has_unit_prices`); `signals`: the Service tab's
/// reading of a service-messages file is there for the run.
pub fn missing(
    has_orders: bool,
    summary: Option<&Summary>,
    priced: bool,
    signals: bool,
    wanted: &SegmentsParams,
) -> Option<Need> {
    if !has_orders {
        return Some(Need::Orders);
    }
    let features = wanted.features.features().iter().copied();
    let service: Vec<Feature> = features.filter(|f| f.is_signal()).collect();
    if !signals && !service.is_empty() {
        return Some(Need::Service(service));
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
    let wanted_where = |test: fn(&Feature) -> bool| -> Vec<Feature> {
        let features = wanted.features.features().iter();
        features.copied().filter(test).collect()
    };
    let money = wanted_where(|f| f.is_money());
    // Without money the default features drop revenue by themselves
    // (`FeatureSet::for_lines`); only a set chosen with it fails.
    let default = wanted.features == SegmentsParams::default().features;
    if summary.revenue_net.is_none() && !money.is_empty() && !default {
        return Some(Need::Money(money));
    }
    let prices = wanted_where(|f| f.needs_prices());
    (!priced && !prices.is_empty()).then_some(Need::Prices(prices))
}

/// The wanted settings without the features `need` says the data cannot give
/// (the default features when none would be left); None when the need is not
/// a feature's.
pub fn without_missing(need: &Need, wanted: &SegmentsParams) -> Option<SegmentsParams> {
    let (Need::Money(missing) | Need::Prices(missing) | Need::Service(missing)) = need else {
        return None;
    };
    let features = wanted.features.features().iter().copied();
    let rest: Vec<Feature> = features.filter(|f| !missing.contains(f)).collect();
    Some(SegmentsParams {
        features: FeatureSet::new(&rest).unwrap_or_default(),
        ..wanted.clone()
    })
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
        Need::Money(features) => tr!("segments-needs-money", features = words(features)),
        Need::Prices(features) => tr!("segments-needs-prices", features = words(features)),
        Need::Service(features) => tr!("segments-needs-service", features = words(features)),
    }
}

/// Features in words, as a list: "discount share, average unit price".
fn words(features: &[Feature]) -> String {
    let words: Vec<String> = features.iter().map(|f| feature_words(*f)).collect();
    words.join(", ")
}

/// The sentence, the button that opens the Data tab and, for features the data
/// cannot give, the one that unticks them from `wanted` and runs again.
pub fn ui(ui: &mut egui::Ui, need: &Need, wanted: &SegmentsParams, commands: &mut Commands) {
    ui.add_space(8.0);
    ui.add(egui::Label::new(sentence(need)).wrap());
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr!("segments-open-data")).clicked() {
            commands.send(Command::GoTo(Tab::Data));
        }
        if let Some(params) = without_missing(need, wanted)
            && ui.button(tr!("segments-untick-features")).clicked()
        {
            commands.send(SegmentsCommand::Run(params));
        }
    });
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
        assert_eq!(missing(false, None, true, true, &auto), Some(Need::Orders));
        assert_eq!(missing(true, None, true, true, &auto), None);
        assert_eq!(
            missing(true, Some(&summary(500, true)), true, true, &auto),
            None
        );
        let one = missing(true, Some(&summary(1, true)), true, true, &auto).expect("too few");
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
            missing(true, Some(&summary(3, true)), true, true, &five),
            Some(Need::Customers { have: 3, need: 5 })
        );
        // The default features drop revenue by themselves without money.
        assert_eq!(
            missing(true, Some(&summary(500, false)), true, true, &auto),
            None
        );
        let spend = SegmentsParams {
            features: FeatureSet::new(&[Feature::Recency, Feature::Monetary]).expect("set"),
            ..SegmentsParams::default()
        };
        let need = missing(true, Some(&summary(500, false)), true, true, &spend).expect("money");
        assert_eq!(need, Need::Money(vec![Feature::Monetary]));
        assert!(sentence(&need).starts_with("Grouping on revenue needs money amounts"));
    }

    #[test]
    fn price_features_without_unit_prices_are_asked_for_and_can_be_unticked() {
        let wanted = SegmentsParams {
            features: FeatureSet::new(&[
                Feature::Recency,
                Feature::DiscountShare,
                Feature::AvgUnitPrice,
            ])
            .expect("set"),
            k: KChoice::Fixed(4),
            ..SegmentsParams::default()
        };
        let orders = summary(500, true);
        assert_eq!(missing(true, Some(&orders), true, true, &wanted), None);
        let need = missing(true, Some(&orders), false, true, &wanted).expect("prices");
        assert_eq!(
            need,
            Need::Prices(vec![Feature::DiscountShare, Feature::AvgUnitPrice])
        );
        assert_eq!(
            sentence(&need),
            "Grouping on share bought on discount, average unit price needs a unit price and \
             an item column in the orders, and these orders lack one: map them on the Data \
             tab, or untick these features."
        );
        // Without a price feature nothing is missing.
        let auto = SegmentsParams::default();
        assert_eq!(missing(true, Some(&orders), false, true, &auto), None);
        // Unticking keeps the rest of the settings; with nothing left, the default.
        let rest = without_missing(&need, &wanted).expect("a set");
        assert_eq!(rest.features.features(), [Feature::Recency]);
        assert_eq!(rest.k, KChoice::Fixed(4));
        let only = SegmentsParams {
            features: FeatureSet::new(&[Feature::DiscountShare]).expect("set"),
            ..SegmentsParams::default()
        };
        let need = missing(true, Some(&orders), false, true, &only).expect("prices");
        assert_eq!(
            without_missing(&need, &only).map(|p| p.features),
            Some(FeatureSet::default())
        );
        assert_eq!(without_missing(&Need::Orders, &only), None);
    }

    #[test]
    fn signal_features_without_service_messages_are_asked_for_and_can_be_unticked() {
        let wanted = SegmentsParams {
            features: FeatureSet::new(&[Feature::Recency, Feature::Complained]).expect("set"),
            ..SegmentsParams::default()
        };
        let orders = summary(500, true);
        assert_eq!(missing(true, Some(&orders), true, true, &wanted), None);
        let need = missing(true, Some(&orders), true, false, &wanted).expect("service");
        assert_eq!(need, Need::Service(vec![Feature::Complained]));
        assert!(
            sentence(&need).starts_with(
                "Grouping on complained in 30 days needs the customer signals of a \
                 service-messages file"
            ),
            "{}",
            sentence(&need)
        );
        let rest = without_missing(&need, &wanted).expect("a set");
        assert_eq!(rest.features.features(), [Feature::Recency]);
        // Without a signal feature nothing is missing.
        let auto = SegmentsParams::default();
        assert_eq!(missing(true, Some(&orders), true, false, &auto), None);
    }
}

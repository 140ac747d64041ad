//! What the Segments tab's results mean for a campaign, one sentence each, from
//! the real numbers: a segment's profile ("Big spenders, 1,204 customers, spends
//! 2.1 times the average and ordered recently: a loyalty offer fits."), how
//! clearly the customers fall into groups, which segment brings more revenue than
//! its size, how far the rules can be trusted, and where the customer value and
//! the churn risk sit. Pure functions of the figures (no egui), so each rule is
//! unit-tested.

use crate::analysis::segments::{Feature, SegmentProfile};
use crate::tr;
use crate::ui::format;

/// A feature's segment mean over everyone's mean at or above which it sets the
/// segment apart upwards, and at or below which downwards.
const HIGH: f64 = 1.25;
const LOW: f64 = 0.75;
/// Recency is read more strictly: twice as long since the last order as the
/// average customer is lapsed, under 0.6 of it is recent.
const LAPSED: f64 = 1.5;
const RECENT: f64 = 0.6;

/// Silhouettes at or above which the groups read as clearly apart, and below
/// which they overlap (the common reading of the measure).
const CLEAR: f64 = 0.4;
const OVERLAP: f64 = 0.25;

/// Rules that place at least this share of customers in their own segment can
/// stand in for the segments in another tool.
const RULES_HOLD: f64 = 0.8;

/// A segment's figures as ratios to everyone's mean (1 = like everyone), None
/// when the feature is not measured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub size: usize,
    /// Revenue (None without money).
    pub spend: Option<f64>,
    pub orders: Option<f64>,
    pub recency: Option<f64>,
    /// Mean days since the last order (the segment's, original units).
    pub recency_days: Option<f64>,
    pub discount: Option<f64>,
}

/// The mean of every available feature of segment `id` over everyone's mean
/// (weighted by segment size; 0 when everyone's mean is 0), in feature order.
pub fn ratios(profiles: &[SegmentProfile], id: usize) -> Vec<(Feature, f64)> {
    let total: usize = profiles.iter().map(|p| p.size).sum();
    let Some(profile) = profiles.get(id) else {
        return Vec::new();
    };
    profile
        .stats
        .iter()
        .map(|(feature, mean, _)| {
            let overall = profiles
                .iter()
                .map(|p| p.mean(*feature).unwrap_or(0.0) * p.size as f64)
                .sum::<f64>()
                / total.max(1) as f64;
            let ratio = match overall.abs() > f64::EPSILON {
                true => mean / overall,
                false => 0.0,
            };
            (*feature, ratio)
        })
        .collect()
}

/// The figures of segment `id` of `profiles`.
pub fn figures(profiles: &[SegmentProfile], id: usize) -> Figures {
    let ratios = ratios(profiles, id);
    let of = |feature: Feature| ratios.iter().find(|(f, _)| *f == feature).map(|r| r.1);
    let profile = profiles.get(id);
    Figures {
        size: profile.map_or(0, |p| p.size),
        spend: profile
            .and_then(|p| p.revenue)
            .and_then(|_| of(Feature::Monetary)),
        orders: of(Feature::Frequency),
        recency: of(Feature::Recency),
        recency_days: profile.and_then(|p| p.mean(Feature::Recency)),
        discount: of(Feature::DiscountShare),
    }
}

/// One sentence on what segment `name` with `figures` means for a campaign: who
/// they are (at most two traits) and the offer that fits.
pub fn campaign_sentence(name: &str, figures: &Figures) -> String {
    let high = |r: Option<f64>| r.is_some_and(|r| r >= HIGH);
    let low = |r: Option<f64>| r.is_some_and(|r| r <= LOW);
    let lapsed = figures.recency.is_some_and(|r| r >= LAPSED);
    let recent = figures.recency.is_some_and(|r| r <= RECENT);
    let bargain = figures.discount.is_some_and(|r| r >= LAPSED);
    let mut traits = Vec::new();
    match figures.spend {
        Some(s) if s >= HIGH => traits.push(tr!(
            "segments-trait-spends-more",
            times = format::number(s, 1)
        )),
        Some(s) if s <= LOW => traits.push(tr!(
            "segments-trait-spends-less",
            share = format::percent(s)
        )),
        _ => {}
    }
    if lapsed {
        let days = figures.recency_days.unwrap_or(0.0);
        traits.push(tr!("segments-trait-lapsed", days = format::number(days, 0)));
    } else if recent {
        traits.push(tr!("segments-trait-recent"));
    }
    // Order frequency says what spend would have said when there is no money.
    if figures.spend.is_none() {
        match figures.orders {
            Some(o) if o >= HIGH => traits.push(tr!(
                "segments-trait-orders-more",
                times = format::number(o, 1)
            )),
            Some(o) if o <= LOW => traits.push(tr!("segments-trait-orders-less")),
            _ => {}
        }
    }
    if bargain {
        traits.push(tr!("segments-trait-discount"));
    }
    traits.truncate(2);
    let traits = match traits.as_slice() {
        [] => tr!("segments-trait-average"),
        [one] => one.clone(),
        [first, second, ..] => tr!("segments-trait-both", first = first, second = second),
    };
    let valuable = high(figures.spend) || (figures.spend.is_none() && high(figures.orders));
    let offer = if lapsed && valuable {
        tr!("segments-offer-win-back-personal")
    } else if lapsed {
        tr!("segments-offer-win-back")
    } else if bargain {
        tr!("segments-offer-promotions")
    } else if valuable {
        tr!("segments-offer-loyalty")
    } else if recent && low(figures.orders) {
        tr!("segments-offer-welcome")
    } else if low(figures.spend) {
        tr!("segments-offer-upsell")
    } else {
        tr!("segments-offer-newsletter")
    };
    tr!(
        "segments-campaign",
        name = name,
        customers = format::count(figures.size),
        n = figures.size,
        traits = traits,
        offer = offer,
    )
}

/// How clearly the customers fall into groups at this silhouette, and what that
/// means for targeting them apart.
pub fn separation_sentence(silhouette: f64) -> String {
    let value = format::number(silhouette, 2);
    if silhouette >= CLEAR {
        tr!("segments-separation-clear", silhouette = value)
    } else if silhouette >= OVERLAP {
        tr!("segments-separation-fair", silhouette = value)
    } else {
        tr!("segments-separation-weak", silhouette = value)
    }
}

/// The segment bringing the most revenue beyond its share of customers (the one
/// that pays most to keep); without money, the largest segment.
/// `segments`: (name, share of customers, share of revenue).
pub fn size_sentence(segments: &[(&str, f64, Option<f64>)]) -> Option<String> {
    let priced: Vec<(&str, f64, f64)> = segments
        .iter()
        .filter_map(|(name, customers, revenue)| Some((*name, *customers, (*revenue)?)))
        .collect();
    if priced.len() == segments.len()
        && let Some((name, customers, revenue)) = priced
            .iter()
            .max_by(|a, b| (a.2 - a.1).total_cmp(&(b.2 - b.1)))
            .filter(|(_, customers, revenue)| revenue > customers)
    {
        return Some(tr!(
            "segments-size-sentence",
            name = *name,
            customers = format::percent(*customers),
            revenue = format::percent(*revenue),
        ));
    }
    let (name, customers, _) = segments.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    Some(tr!(
        "segments-size-sentence-largest",
        name = *name,
        customers = format::percent(*customers),
    ))
}

/// Whether the rules, right for `accuracy` of the customers, can stand in for
/// the segments where only simple filters are possible.
pub fn rules_sentence(accuracy: f64) -> String {
    match accuracy >= RULES_HOLD {
        true => tr!("segments-rules-hold"),
        false => tr!("segments-rules-rough"),
    }
}

/// Where the predicted customer value and the churn risk sit.
/// `segments`: (name, total CLV, share at high churn risk); None when neither is
/// known for any segment.
pub fn scores_sentence(segments: &[(&str, Option<f64>, Option<f64>)]) -> Option<String> {
    let total: f64 = segments
        .iter()
        .filter_map(|s| s.1)
        .filter(|v| *v > 0.0)
        .sum();
    let valuable = segments
        .iter()
        .filter_map(|(name, clv, _)| Some((*name, (*clv)?)))
        .filter(|_| total > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let risky = segments
        .iter()
        .filter_map(|(name, _, risk)| Some((*name, (*risk)?)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    Some(match (valuable, risky) {
        (Some((value_name, clv)), Some((risk_name, risk))) if value_name == risk_name => tr!(
            "segments-scores-same",
            name = value_name,
            value = format::percent(clv / total),
            risk = format::percent(risk),
        ),
        (Some((value_name, clv)), Some((risk_name, risk))) => tr!(
            "segments-scores-both",
            value_name = value_name,
            value = format::percent(clv / total),
            risk_name = risk_name,
            risk = format::percent(risk),
        ),
        (Some((name, clv)), None) => tr!(
            "segments-scores-value-only",
            name = name,
            value = format::percent(clv / total),
        ),
        (None, Some((name, risk))) => tr!(
            "segments-scores-risk-only",
            name = name,
            risk = format::percent(risk),
        ),
        (None, None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(spend: Option<f64>, orders: f64, recency: f64) -> Figures {
        Figures {
            size: 1_204,
            spend,
            orders: Some(orders),
            recency: Some(recency),
            recency_days: Some(recency * 60.0),
            discount: None,
        }
    }

    #[test]
    fn a_recent_big_spender_gets_a_loyalty_offer() {
        assert_eq!(
            campaign_sentence("Segment 3", &figures(Some(2.04), 1.6, 0.3)),
            "Segment 3, 1,204 customers, spends 2.0 times the average and ordered recently: \
             a loyalty offer fits."
        );
    }

    #[test]
    fn lapsed_customers_get_a_win_back_offer_personal_when_they_spent_much() {
        let cheap = campaign_sentence("Lapsed", &figures(Some(0.4), 0.5, 3.0));
        assert_eq!(
            cheap,
            "Lapsed, 1,204 customers, spends 40.0% of the average and has not ordered for \
             180 days on average: a win-back discount fits."
        );
        let dear = campaign_sentence("Lapsed", &figures(Some(1.5), 1.0, 2.0));
        assert!(
            dear.ends_with("a personal win-back offer fits before they are gone."),
            "{dear}"
        );
    }

    #[test]
    fn new_one_timers_get_a_welcome_series_and_bargain_hunters_promotions() {
        let new = campaign_sentence("New", &figures(Some(1.0), 0.5, 0.4));
        assert_eq!(
            new,
            "New, 1,204 customers, ordered recently: a welcome series towards the second \
             order fits."
        );
        let bargain = Figures {
            discount: Some(2.5),
            ..figures(Some(1.0), 1.0, 1.0)
        };
        let text = campaign_sentence("Bargain", &bargain);
        assert!(text.contains("buys on discount more than most"), "{text}");
        assert!(
            text.ends_with("price promotions and sale alerts fit."),
            "{text}"
        );
    }

    #[test]
    fn without_money_orders_speak_for_spend_and_an_average_segment_says_so() {
        let text = campaign_sentence("Regulars", &figures(None, 2.5, 1.0));
        assert_eq!(
            text,
            "Regulars, 1,204 customers, orders 2.5 times as often as the average: a loyalty \
             offer fits."
        );
        let plain = campaign_sentence("Middle", &figures(Some(1.0), 1.0, 1.0));
        assert_eq!(
            plain,
            "Middle, 1,204 customers, spends and orders like the average customer: regular \
             newsletters and cross-selling fit."
        );
        let one = Figures {
            size: 1,
            ..figures(Some(1.0), 1.0, 1.0)
        };
        assert!(campaign_sentence("Lone", &one).starts_with("Lone, 1 customer, "));
    }

    #[test]
    fn the_silhouette_reads_as_clear_fair_or_weak() {
        assert!(separation_sentence(0.52).starts_with("The groups are clearly apart (0.52)"));
        assert!(separation_sentence(0.31).starts_with("The groups are fairly apart (0.31)"));
        assert!(separation_sentence(0.1).starts_with("The groups overlap (0.10)"));
    }

    #[test]
    fn the_size_sentence_names_the_segment_bringing_more_than_its_share() {
        let priced = [
            ("Steady middle", 0.6, Some(0.3)),
            ("Big spenders", 0.1, Some(0.45)),
            ("Lapsed", 0.3, Some(0.25)),
        ];
        assert_eq!(
            size_sentence(&priced).as_deref(),
            Some(
                "Big spenders: 10.0% of the customers bring 45.0% of the revenue, the \
                 segment that pays most to keep."
            )
        );
        let unpriced = [("Steady middle", 0.6, None), ("Lapsed", 0.4, None)];
        assert_eq!(
            size_sentence(&unpriced).as_deref(),
            Some("The largest segment is Steady middle, with 60.0% of the customers.")
        );
        assert_eq!(size_sentence(&[]), None);
    }

    #[test]
    fn rules_hold_or_are_a_rough_guide() {
        assert!(rules_sentence(0.91).contains("can stand in for the segments"));
        assert!(rules_sentence(0.6).contains("rough guide"));
    }

    #[test]
    fn the_scores_sentence_says_where_value_and_risk_sit() {
        let two = [
            ("Big spenders", Some(600.0), Some(0.1)),
            ("Lapsed", Some(200.0), Some(0.7)),
            ("Middle", Some(200.0), Some(0.3)),
        ];
        assert_eq!(
            scores_sentence(&two).as_deref(),
            Some(
                "The most predicted customer value sits in Big spenders (60.0%): keep them \
                 with loyalty offers. The most customers at high churn risk are in Lapsed \
                 (70.0%): win them back first."
            )
        );
        let one = [
            ("Big spenders", Some(600.0), Some(0.5)),
            ("Lapsed", Some(400.0), Some(0.2)),
        ];
        let text = scores_sentence(&one).expect("a sentence");
        assert_eq!(
            text,
            "The most predicted value and the most churn risk both sit in Big spenders \
             (60.0% of the value, 50.0% at high risk): protect this segment first."
        );
        let no_clv = [("Lapsed", None, Some(0.7))];
        assert!(
            scores_sentence(&no_clv)
                .is_some_and(|t| t.starts_with("The most customers at high churn risk are in"))
        );
        assert_eq!(scores_sentence(&[("Lapsed", None, None)]), None);
    }
}

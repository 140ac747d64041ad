//! What the tab's results mean for a campaign, one sentence each, computed from
//! the real figures: the report card (the best model against the best-sellers
//! list), the bought-together rules (the strongest common pair) and the
//! next-purchase steps (the most common one). Pure functions, no egui.

use crate::analysis::recommend::ModelKind;
use crate::analysis::recommend::rules::Rule;
use crate::analysis::recommend::transitions::Transition;
use crate::tr;
use crate::ui::format;

/// A model must find the next purchase this many times as often as the
/// best-sellers list to be worth recommending over it.
const BEATS_BEST_SELLERS: f64 = 1.1;
/// Lift from which a pair is worth a bundle or a checkout offer.
const STRONG_LIFT: f64 = 1.5;
/// Share of next steps from which one step is worth its own follow-up.
const CLEAR_STEP: f64 = 0.2;

/// The report card's sentence from each model's hit rate at `k`: the model that
/// most often has a customer's next purchase in its top `k` (ties: the first
/// listed), against popularity (the best-sellers list) when it was compared.
pub fn report_sentence(hit_rates: &[(ModelKind, f64)], k: usize) -> String {
    let k = k.to_string();
    let popular = popular_hit_rate(hit_rates);
    let Some((model, hit)) = best_model(hit_rates) else {
        return match popular.filter(|&h| h > 0.0) {
            Some(h) => best_sellers(h, &k),
            None => tr!("recommend-verdict-none", k = k),
        };
    };
    let (model, share) = (model.display_name(), format::percent(hit));
    match popular {
        None => tr!(
            "recommend-verdict-plain",
            model = model,
            k = k,
            share = share
        ),
        Some(p) if p <= 0.0 => tr!(
            "recommend-verdict-only",
            model = model,
            k = k,
            share = share
        ),
        Some(p) if hit < p * BEATS_BEST_SELLERS => best_sellers(p, &k),
        Some(p) => tr!(
            "recommend-verdict-times",
            model = model,
            k = k,
            share = share,
            times = format::number(hit / p, 1)
        ),
    }
}

/// Popularity's hit rate, when it was compared.
fn popular_hit_rate(hit_rates: &[(ModelKind, f64)]) -> Option<f64> {
    hit_rates
        .iter()
        .find(|(m, _)| *m == ModelKind::Popular)
        .map(|&(_, h)| h)
}

/// The model other than popularity that most often has the next purchase in
/// its top k (ties: the first listed), when it ever does.
fn best_model(hit_rates: &[(ModelKind, f64)]) -> Option<(ModelKind, f64)> {
    hit_rates
        .iter()
        .filter(|(m, _)| *m != ModelKind::Popular)
        .fold(None, |best: Option<(ModelKind, f64)>, &(m, h)| match best {
            Some((_, b)) if b >= h => best,
            _ => Some((m, h)),
        })
        .filter(|&(_, h)| h > 0.0)
}

/// The model the report card recommends using for the lists: the sentence's
/// winner ([`report_sentence`]) when it beats the best-sellers list (or
/// popularity was not compared); popularity when nothing beats it.
pub fn card_winner(hit_rates: &[(ModelKind, f64)]) -> Option<ModelKind> {
    let popular = popular_hit_rate(hit_rates);
    match (best_model(hit_rates), popular) {
        (Some((model, _)), None) => Some(model),
        (Some((model, hit)), Some(p)) if p <= 0.0 || hit >= p * BEATS_BEST_SELLERS => Some(model),
        (_, Some(p)) if p > 0.0 => Some(ModelKind::Popular),
        _ => None,
    }
}

fn best_sellers(hit: f64, k: &str) -> String {
    tr!(
        "recommend-verdict-best-sellers",
        k = k,
        share = format::percent(hit)
    )
}

/// The rules' sentence: among the pairs with a lift of at least
/// [`STRONG_LIFT`], the one in the most orders (ties: higher lift, then the
/// miner's order); without one, how weak the strongest pair is. `name` names an
/// item by index.
pub fn rules_sentence(rules: &[Rule], name: impl Fn(u32) -> String) -> String {
    let Some(top_lift) = rules.iter().map(|r| r.lift).reduce(f64::max) else {
        return tr!("recommend-rules-verdict-none");
    };
    let strong =
        rules
            .iter()
            .filter(|r| r.lift >= STRONG_LIFT)
            .fold(None, |best: Option<&Rule>, r| match best {
                Some(b) if (b.count, b.lift) >= (r.count, r.lift) => best,
                _ => Some(r),
            });
    let Some(rule) = strong else {
        return tr!(
            "recommend-rules-verdict-weak",
            lift = format::number(top_lift, 2)
        );
    };
    let bought: Vec<String> = rule.antecedent.iter().map(|&i| name(i)).collect();
    tr!(
        "recommend-rules-verdict-strong",
        bought = bought.join(" + "),
        also = name(rule.consequent),
        confidence = format::percent(rule.confidence),
        lift = format::number(rule.lift, 1)
    )
}

/// The next-purchase sentence from the most common step (`rows` come most
/// common first); None without any step.
pub fn transitions_sentence(rows: &[Transition]) -> Option<String> {
    let top = rows.first()?;
    let share = format::percent(top.share);
    Some(if top.share >= CLEAR_STEP {
        tr!(
            "recommend-next-verdict-clear",
            from = top.from.as_str(),
            to = top.to.as_str(),
            share = share,
            days = format::days(top.median_days)
        )
    } else {
        tr!(
            "recommend-next-verdict-spread",
            from = top.from.as_str(),
            to = top.to.as_str(),
            share = share
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(antecedent: u32, consequent: u32, lift: f64, count: u32) -> Rule {
        Rule {
            antecedent: vec![antecedent],
            consequent,
            support: 0.01,
            confidence: 0.42,
            lift,
            count,
        }
    }

    fn name(i: u32) -> String {
        ["tea", "cups", "milk", "bread"][i as usize].to_string()
    }

    #[test]
    fn the_report_card_names_the_best_model_against_the_best_sellers() {
        let rates = [
            (ModelKind::Popular, 0.075),
            (ModelKind::ItemKnn, 0.23),
            (ModelKind::Als, 0.2),
        ];
        assert_eq!(
            report_sentence(&rates, 10),
            "The item-knn model finds the next purchase in its top 10 for 23.0% of the \
             customers tested, 3.1× as often as the best-sellers list: use it for email \
             recommendations."
        );
    }

    #[test]
    fn the_report_card_says_when_best_sellers_are_as_good() {
        let rates = [(ModelKind::Popular, 0.2), (ModelKind::ItemKnn, 0.21)];
        assert_eq!(
            report_sentence(&rates, 5),
            "No model finds the next purchase in its top 5 clearly more often than the \
             best-sellers list (20.0% of the customers tested): send best-sellers, they are \
             as good and simpler."
        );
    }

    #[test]
    fn the_report_card_says_when_nothing_or_only_one_model_finds_anything() {
        let none = [(ModelKind::Popular, 0.0), (ModelKind::UserKnn, 0.0)];
        assert!(report_sentence(&none, 10).starts_with("No model finds a customer's next"));
        let only = [(ModelKind::Popular, 0.0), (ModelKind::Als, 0.125)];
        assert!(report_sentence(&only, 10).contains("12.5% of the customers tested, where the"));
        let alone = [(ModelKind::Blend, 0.3)];
        assert!(report_sentence(&alone, 10).starts_with("The blend model finds"));
    }

    #[test]
    fn the_card_offers_the_model_its_sentence_names() {
        let sasrec_wins = [
            (ModelKind::Popular, 0.075),
            (ModelKind::ItemKnn, 0.23),
            (ModelKind::Sasrec, 0.31),
        ];
        assert_eq!(card_winner(&sasrec_wins), Some(ModelKind::Sasrec));
        assert!(report_sentence(&sasrec_wins, 10).starts_with("The sasrec model"));
        let knn_wins = [
            (ModelKind::Popular, 0.075),
            (ModelKind::ItemKnn, 0.23),
            (ModelKind::Sasrec, 0.2),
        ];
        assert_eq!(card_winner(&knn_wins), Some(ModelKind::ItemKnn));
        // Within 10 % of the best-sellers: the card says send best-sellers.
        let close = [(ModelKind::Popular, 0.2), (ModelKind::Sasrec, 0.21)];
        assert_eq!(card_winner(&close), Some(ModelKind::Popular));
        let none = [(ModelKind::Popular, 0.0), (ModelKind::Sasrec, 0.0)];
        assert_eq!(card_winner(&none), None);
        assert_eq!(
            card_winner(&[(ModelKind::Blend, 0.3)]),
            Some(ModelKind::Blend)
        );
    }

    #[test]
    fn the_rules_name_the_most_common_strong_pair() {
        let rules = [rule(0, 1, 9.0, 3), rule(2, 3, 2.0, 40), rule(1, 2, 1.2, 90)];
        assert_eq!(
            rules_sentence(&rules, name),
            "Customers who buy milk also buy bread in 42.0% of those orders, 2.0× as often \
             as by chance: bundle them, or offer bread at checkout."
        );
    }

    #[test]
    fn the_rules_say_when_pairs_are_weak_or_absent() {
        let weak = [rule(0, 1, 1.25, 30), rule(1, 2, 1.1, 90)];
        assert!(rules_sentence(&weak, name).contains("(lift 1.25 at most)"));
        assert!(rules_sentence(&[], name).starts_with("No items are bought together"));
    }

    fn step(share: f64) -> Transition {
        Transition {
            from: "tea".into(),
            to: "cups".into(),
            count: 12,
            customers: 10,
            share,
            median_days: 14.0,
        }
    }

    #[test]
    fn the_next_step_is_a_follow_up_only_when_it_is_common() {
        assert_eq!(transitions_sentence(&[]), None);
        assert_eq!(
            transitions_sentence(&[step(0.35)]).as_deref(),
            Some(
                "After tea, 35.0% of next purchases are cups, typically 14 days later: \
                 send a cups offer then."
            )
        );
        assert!(
            transitions_sentence(&[step(0.05)])
                .is_some_and(|s| s.contains("only 5.0% of next purchases"))
        );
    }
}

//! What the Campaigns tab's results mean for the campaign, one sentence each,
//! from the real numbers: the audience's expected outcome, where cutting the
//! list by a score pays most, and what a readout showed. Pure functions (no
//! egui), so each case is tested with numbers that make it say something else.

use crate::analysis::campaign::control::Difference;
use crate::analysis::campaign::{CurvePoint, Readout, RoiOutcome};
use crate::tr;
use crate::ui::format;

use super::{points, score_label, signed_points};

/// Extra orders as a whole number and the plural it takes.
fn orders(outcome: &RoiOutcome) -> (String, f64) {
    let rounded = outcome.incremental_responders.round();
    (format::number(rounded, 0), rounded)
}

/// What contacting the audience's targets is expected to bring.
pub fn audience_sentence(outcome: &RoiOutcome) -> String {
    if outcome.contacts == 0 {
        return tr!("campaigns-says-nobody");
    }
    let targets = format::count(outcome.contacts);
    let (orders, n) = orders(outcome);
    if outcome.profit > 0.0 {
        return tr!(
            "campaigns-says-pays",
            targets = targets,
            orders = orders,
            n = n,
            profit = format::money(outcome.profit)
        );
    }
    let loss = format::money(-outcome.profit);
    match outcome.break_even_uplift {
        Some(uplift) => tr!(
            "campaigns-says-loses",
            targets = targets,
            orders = orders,
            n = n,
            loss = loss,
            break_even = points(uplift)
        ),
        None => tr!("campaigns-says-never-pays", targets = targets, loss = loss),
    }
}

/// A score as the operator reads it: money for spend and value, whole numbers
/// for counts and days, two decimals for chances and predicted purchases.
pub fn score_value(column: &str, value: f64) -> String {
    match column {
        "clv" | "monetary" => format::money(value),
        "frequency" | "recency_days" => format::number(value, 0),
        _ => format::number(value, 2),
    }
}

/// Where cutting the list by `column` (highest first) pays most, and from
/// where adding people loses money; None without a curve.
pub fn curve_sentence(curve: &[CurvePoint], column: &str) -> Option<String> {
    let (best_at, best) = curve
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.outcome.profit.total_cmp(&b.1.outcome.profit))?;
    let count = format::count(best.outcome.contacts);
    let profit = format::money(best.outcome.profit);
    let label = score_label(column);
    if best.outcome.profit <= 0.0 {
        return Some(tr!(
            "campaigns-no-cut-pays",
            count = count,
            column = label,
            profit = profit
        ));
    }
    let (orders, n) = orders(&best.outcome);
    if best_at + 1 == curve.len() {
        return Some(tr!(
            "campaigns-curve-says-all",
            count = count,
            orders = orders,
            n = n,
            profit = profit
        ));
    }
    let threshold = score_value(column, best.threshold);
    let first_loss = curve[best_at..].iter().position(|p| p.outcome.profit < 0.0);
    Some(match first_loss {
        // The last cut before the first loss still pays overall.
        Some(at) => tr!(
            "campaigns-curve-says-top-loses",
            count = count,
            column = label,
            threshold = threshold,
            orders = orders,
            n = n,
            profit = profit,
            loses = format::count(curve[best_at + at - 1].outcome.contacts)
        ),
        None => tr!(
            "campaigns-curve-says-top",
            count = count,
            column = label,
            threshold = threshold,
            orders = orders,
            n = n,
            profit = profit
        ),
    })
}

/// Whether the difference is surely above zero, surely below, or could be
/// either (None: too few customers for an interval).
fn sign(difference: &Difference) -> Option<std::cmp::Ordering> {
    let (low, high) = (difference.low?, difference.high?);
    Some(match (low > 0.0, high < 0.0) {
        (true, _) => std::cmp::Ordering::Greater,
        (_, true) => std::cmp::Ordering::Less,
        _ => std::cmp::Ordering::Equal,
    })
}

/// What the readout says about the campaign: it worked, it put customers off,
/// the difference could be chance, or there are too few customers to tell.
pub fn readout_sentence(readout: &Readout) -> String {
    let response = &readout.response_difference;
    let diff = points(response.estimate.abs());
    let revenue = readout.revenue_difference.estimate;
    match sign(response) {
        None => tr!("campaigns-readout-says-too-few"),
        Some(std::cmp::Ordering::Greater) if readout.money && revenue > 0.0 => tr!(
            "campaigns-readout-says-worked-money",
            diff = diff,
            revenue = format::money(revenue)
        ),
        Some(std::cmp::Ordering::Greater) => {
            tr!("campaigns-readout-says-worked", diff = diff)
        }
        Some(std::cmp::Ordering::Less) => tr!("campaigns-readout-says-harmed", diff = diff),
        Some(std::cmp::Ordering::Equal) => tr!(
            "campaigns-readout-says-unclear",
            diff = signed_points(response.estimate)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::campaign::control::GroupResult;
    use crate::analysis::campaign::{RoiInputs, roi, roi_curve};

    #[test]
    fn the_audience_sentence_says_profit_loss_or_nobody() {
        let mut inputs = RoiInputs {
            avg_order_value: 100.0,
            baseline_rate: 0.0,
            uplift_rate: 0.08,
            margin_share: 0.5,
            incentive_share: 0.0,
            cost_per_contact: 1.0,
            baseline_redemption: 1.0,
        };
        let pays = audience_sentence(&roi(&inputs, 4_000));
        assert_eq!(
            pays,
            "Contacting these 4,000 targets is expected to bring 320 extra orders and 12,000.00 profit."
        );
        inputs.uplift_rate = 0.01;
        let loses = audience_sentence(&roi(&inputs, 4_000));
        assert!(loses.contains("but lose 2,000.00"), "{loses}");
        assert!(loses.contains("uplift of 2.0 pts"), "{loses}");
        inputs.incentive_share = 0.6;
        let never = audience_sentence(&roi(&inputs, 4_000));
        assert!(never.contains("no uplift pays"), "{never}");
        assert!(audience_sentence(&roi(&inputs, 0)).starts_with("Nobody"));
    }

    fn inputs() -> RoiInputs {
        RoiInputs {
            avg_order_value: 100.0,
            uplift_rate: 0.05,
            margin_share: 0.5,
            incentive_share: 0.1,
            cost_per_contact: 1.0,
            baseline_redemption: 1.0,
            baseline_rate: 0.0,
        }
    }

    #[test]
    fn the_curve_sentence_finds_the_best_cut_and_where_the_campaign_starts_losing() {
        // The likelier to buy anyway, the more incentive is paid for nothing:
        // the top of the list pays, its tail loses.
        let scored: Vec<(f64, f64)> = (0..100)
            .map(|i| (1.0 - i as f64 / 100.0, i as f64 / 100.0 * 0.6))
            .collect();
        let curve = roi_curve(&scored, &inputs());
        let text = curve_sentence(&curve, "propensity").expect("a sentence");
        assert!(text.starts_with("Sending to the top "), "{text}");
        assert!(text.contains("by propensity (at least "), "{text}");
        assert!(text.contains("loses money overall"), "{text}");

        // Everyone equally likely and profitable: send to all.
        let flat: Vec<(f64, f64)> = (0..50).map(|i| (i as f64, 0.01)).collect();
        let all = curve_sentence(&roi_curve(&flat, &inputs()), "frequency").expect("all");
        assert!(
            all.starts_with("Every target on the list adds profit: sending to all 50"),
            "{all}"
        );

        // Nobody pays: the smallest loss is named.
        let mut dear = inputs();
        dear.cost_per_contact = 50.0;
        let none = curve_sentence(&roi_curve(&flat, &dear), "frequency").expect("none");
        assert!(none.starts_with("No cut of the list pays"), "{none}");
        assert_eq!(curve_sentence(&[], "frequency"), None);
    }

    #[test]
    fn the_curve_sentence_without_losses_says_extra_sends_cost_more_than_they_bring() {
        // Profit peaks, then falls without going below zero.
        let scored: Vec<(f64, f64)> = (0..20)
            .map(|i| (20.0 - i as f64, if i < 10 { 0.0 } else { 0.12 }))
            .collect();
        let text = curve_sentence(&roi_curve(&scored, &inputs()), "monetary").expect("text");
        assert!(
            text.contains("top 10 by monetary (at least 11.00)"),
            "{text}"
        );
        assert!(
            text.ends_with("each extra send costs more than it brings."),
            "{text}"
        );
    }

    fn group(customers: usize, responders: usize) -> GroupResult {
        GroupResult {
            customers,
            responders,
            response_rate: responders as f64 / customers as f64,
            revenue_per_customer: 0.0,
            revenue_sd: 0.0,
        }
    }

    fn readout(estimate: f64, interval: Option<(f64, f64)>, revenue: f64) -> Readout {
        Readout {
            target: group(100, 20),
            control: group(100, 10),
            response_difference: Difference {
                estimate,
                low: interval.map(|i| i.0),
                high: interval.map(|i| i.1),
            },
            revenue_difference: Difference {
                estimate: revenue,
                low: None,
                high: None,
            },
            money: revenue != 0.0,
        }
    }

    #[test]
    fn the_readout_sentence_tells_worked_harmed_chance_and_too_few_apart() {
        let worked = readout_sentence(&readout(0.1, Some((0.02, 0.18)), 0.0));
        assert_eq!(
            worked,
            "The campaign worked: targets bought 10.0 pts more often than the control group, more than chance explains."
        );
        let money = readout_sentence(&readout(0.1, Some((0.02, 0.18)), 12.5));
        assert!(money.contains("brought 12.50 more per customer"), "{money}");
        let harmed = readout_sentence(&readout(-0.1, Some((-0.18, -0.02)), 0.0));
        assert!(
            harmed.starts_with("Targets bought 10.0 pts less often"),
            "{harmed}"
        );
        let unclear = readout_sentence(&readout(0.03, Some((-0.02, 0.08)), 0.0));
        assert!(unclear.contains("the +3.0 pts difference"), "{unclear}");
        let few = readout_sentence(&readout(0.5, None, 0.0));
        assert!(few.starts_with("Too few customers"), "{few}");
    }
}

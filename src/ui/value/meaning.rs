//! What each Value result means for a campaign, in one sentence computed from the
//! real figures: how well the scores find buyers, what drives them, whether they
//! read as chances, who is at risk, where the value sits and whether the purchase
//! forecast held. Pure functions (no egui), so each sentence is tested with
//! figures that make it say different things.

use crate::analysis::propensity::{
    CalibrationBin, FeatureImportance, ModelKind, ModelReport, feature_label,
};
use crate::tr;
use crate::ui::format;

/// Below this out-of-time AUC the scores rank buyers too little better than
/// chance to aim a campaign by.
const USEFUL_AUC: f64 = 0.6;

/// A weighted gap between predicted and observed buy rates below this reads as
/// "the scores are chances".
const CALIBRATED_GAP: f64 = 0.05;

/// The share of customers whose share of the value the CLV sentence names.
const TOP_SHARE: f64 = 0.2;

/// Below this, the top fifth holding the value is too little to favour them.
const CONCENTRATED: f64 = 0.35;

/// A purchase forecast within this share of what happened is fit to plan by.
const CLOSE_FORECAST: f64 = 0.1;

/// What the scoring model's ranking means: aim at the top decile, or do not
/// trust the scores when they barely beat guessing.
pub fn ranking(model: &ModelReport) -> String {
    let Some(auc) = model.auc_out_of_time else {
        return tr!("value-ranking-unchecked");
    };
    let auc_text = format::number(auc, 3);
    match model.deciles.first() {
        Some(top) if auc >= USEFUL_AUC => tr!(
            "value-ranking-target",
            share = format::percent(top.cumulative_gain),
            lift = format::number(top.lift, 1),
            auc = auc_text
        ),
        _ => tr!("value-ranking-weak", auc = auc_text),
    }
}

/// What drives the score most, and which way (for the regression's signed
/// weights); None without importances.
pub fn drivers(kind: ModelKind, importance: &[FeatureImportance]) -> Option<String> {
    let ranked = ranked(importance);
    let (first, weight) = ranked.first()?;
    let first = first.clone();
    Some(match (kind, ranked.get(1)) {
        (ModelKind::LogReg, _) if *weight < 0.0 => tr!("value-drivers-lower", feature = first),
        (ModelKind::LogReg, _) => tr!("value-drivers-higher", feature = first),
        (_, Some((second, _))) => tr!(
            "value-drivers-pair",
            feature = first,
            second = second.as_str()
        ),
        (_, None) => tr!("value-drivers-one", feature = first),
    })
}

/// The features by their names in words with their importance, the strongest
/// (largest absolute value) first, ties by name.
pub fn ranked(importance: &[FeatureImportance]) -> Vec<(String, f64)> {
    let mut ranked: Vec<(String, f64)> = importance
        .iter()
        .map(|f| (feature_label(&f.feature), f.value))
        .collect();
    ranked.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0)));
    ranked
}

/// Whether a score can be read as a chance to buy, from the calibration bins
/// (the gap between predicted and observed rates, weighted by customers).
pub fn calibration(bins: &[CalibrationBin]) -> Option<String> {
    let customers: usize = bins.iter().map(|b| b.customers).sum();
    if customers == 0 {
        return None;
    }
    let weighted = |gap: fn(&CalibrationBin) -> f64| {
        bins.iter()
            .map(|b| gap(b) * b.customers as f64)
            .sum::<f64>()
            / customers as f64
    };
    let absolute = weighted(|b| (b.mean_predicted - b.observed_rate).abs());
    let signed = weighted(|b| b.mean_predicted - b.observed_rate);
    let points = format::number(absolute * 100.0, 1);
    Some(if absolute < CALIBRATED_GAP {
        tr!("value-calibration-good")
    } else if signed > 0.0 {
        tr!("value-calibration-over", points = points)
    } else {
        tr!("value-calibration-under", points = points)
    })
}

/// Who is at high churn risk at the thresholds in use, and what fits them.
pub fn risk((low, medium, high): (usize, usize, usize)) -> Option<String> {
    let total = low + medium + high;
    if total == 0 {
        return None;
    }
    Some(match high {
        0 => tr!("value-risk-none-high"),
        _ => tr!(
            "value-risk-high",
            count = format::count(high),
            share = format::percent(high as f64 / total as f64),
            n = high
        ),
    })
}

/// How much of the predicted value the top fifth of customers by CLV hold, and
/// whether that calls for loyalty offers to them or for broad campaigns. None
/// without a positive total.
pub fn value_concentration(clv: &[f64], days: u32) -> Option<String> {
    let mut values: Vec<f64> = clv.iter().copied().filter(|v| v.is_finite()).collect();
    let total: f64 = values.iter().sum();
    if values.is_empty() || total <= 0.0 {
        return None;
    }
    values.sort_by(|a, b| b.total_cmp(a));
    let top = ((values.len() as f64 * TOP_SHARE).ceil() as usize).max(1);
    let share = values[..top].iter().sum::<f64>() / total;
    let concentrated = share >= CONCENTRATED;
    let (share, days) = (format::percent(share), days.to_string());
    Some(match concentrated {
        true => tr!("value-clv-concentrated", share = share, days = days),
        false => tr!("value-clv-spread", share = share, days = days),
    })
}

/// Whether the purchase model's holdout forecast came close to what happened.
/// None when nothing happened to compare with.
pub fn holdout(predicted: f64, actual: f64, days: u32) -> Option<String> {
    if actual <= 0.0 || !predicted.is_finite() {
        return None;
    }
    let off = predicted / actual - 1.0;
    let (predicted, actual) = (format::number(predicted, 0), format::number(actual, 0));
    let (gap, days) = (format::percent(off.abs()), days.to_string());
    Some(if off.abs() <= CLOSE_FORECAST {
        tr!(
            "value-holdout-close",
            predicted = predicted,
            actual = actual,
            days = days,
            gap = gap
        )
    } else if off > 0.0 {
        tr!(
            "value-holdout-over",
            predicted = predicted,
            actual = actual,
            days = days,
            gap = gap
        )
    } else {
        tr!(
            "value-holdout-under",
            predicted = predicted,
            actual = actual,
            days = days,
            gap = gap
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::propensity::DecileRow;

    fn model(auc: Option<f64>, gain: f64, lift: f64) -> ModelReport {
        ModelReport {
            kind: ModelKind::Forest,
            auc_out_of_time: auc,
            auc_random: auc,
            roc: Vec::new(),
            deciles: vec![DecileRow {
                decile: 1,
                customers: 100,
                positives: 41,
                rate: 0.41,
                lift,
                cumulative_gain: gain,
            }],
            calibration: Vec::new(),
            importance: Vec::new(),
            rules: Vec::new(),
        }
    }

    #[test]
    fn a_useful_ranking_says_whom_to_target_and_a_weak_one_warns() {
        assert_eq!(
            ranking(&model(Some(0.84), 0.41, 4.1)),
            "The top 10% by score held 41.0% of the buyers in the test window, 4.1 times \
             the average (AUC 0.840): target them first."
        );
        assert_eq!(
            ranking(&model(Some(0.55), 0.12, 1.2)),
            "The scores rank buyers barely better than guessing (AUC 0.550): do not aim a \
             campaign by them alone."
        );
        assert!(ranking(&model(None, 0.0, 0.0)).starts_with("The test window had"));
    }

    fn feature(name: &str, value: f64) -> FeatureImportance {
        FeatureImportance {
            feature: name.into(),
            value,
        }
    }

    #[test]
    fn the_strongest_driver_is_named_in_words_with_its_direction() {
        let weights = [
            feature("orders", 0.4),
            feature("recency_days", -1.2),
            feature("units", 0.0),
        ];
        let names: Vec<String> = ranked(&weights).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["Days since last order", "Orders", "Units bought"]);
        assert_eq!(
            drivers(ModelKind::LogReg, &weights).expect("a sentence"),
            "Days since last order weighs most: the higher it is, the less likely a \
             customer buys, so reach customers before it grows."
        );
        let weights = [feature("orders_90d", 0.9), feature("recency_days", -0.2)];
        assert_eq!(
            drivers(ModelKind::LogReg, &weights).expect("a sentence"),
            "Orders in the last 90 days weighs most: the higher it is, the likelier a \
             customer buys, so favour customers high on it."
        );
        let shares = [feature("recency_days", 0.2), feature("orders_90d", 0.5)];
        assert_eq!(
            drivers(ModelKind::Tree, &shares).expect("a sentence"),
            "Orders in the last 90 days and Days since last order decide most of the \
             score: offers aimed by them reach the likeliest buyers."
        );
        assert!(drivers(ModelKind::Forest, &[]).is_none());
    }

    fn bin(predicted: f64, observed: f64) -> CalibrationBin {
        CalibrationBin {
            low: 0.0,
            high: 1.0,
            customers: 50,
            mean_predicted: predicted,
            observed_rate: observed,
        }
    }

    #[test]
    fn calibration_says_whether_scores_read_as_chances() {
        let good = calibration(&[bin(0.1, 0.12), bin(0.6, 0.58)]).expect("sentence");
        assert!(good.starts_with("The scores read as chances"), "{good}");
        let over = calibration(&[bin(0.3, 0.1), bin(0.8, 0.6)]).expect("sentence");
        assert!(
            over.contains("overstate") && over.contains("20.0 points"),
            "{over}"
        );
        let under = calibration(&[bin(0.1, 0.3)]).expect("sentence");
        assert!(under.contains("understate") && under.contains("20.0 points"));
        assert!(calibration(&[]).is_none());
    }

    #[test]
    fn the_risk_sentence_counts_the_high_risk_customers_or_says_there_are_none() {
        assert_eq!(
            risk((700, 100, 200)).expect("sentence"),
            "200 customers (20.0%) are at high churn risk: a win-back offer fits them \
             before they lapse."
        );
        assert!(
            risk((900, 100, 0))
                .expect("sentence")
                .starts_with("No customer is at high risk")
        );
        assert!(risk((0, 0, 0)).is_none());
    }

    #[test]
    fn value_concentration_calls_for_loyalty_offers_or_broad_campaigns() {
        let skewed = [100.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0];
        assert_eq!(
            value_concentration(&skewed, 365).expect("sentence"),
            "The top 20% of customers by CLV hold 72.4% of the value expected over the \
             next 365 days: keep them with loyalty offers."
        );
        let even = [10.0; 10];
        assert!(
            value_concentration(&even, 90)
                .expect("sentence")
                .starts_with("Value is spread evenly (the top 20% hold 20.0% of the next 90 days")
        );
        assert!(value_concentration(&[0.0, 0.0], 90).is_none());
    }

    #[test]
    fn the_holdout_sentence_says_close_over_or_under() {
        assert!(
            holdout(1_050.0, 1_000.0, 90)
                .expect("sentence")
                .contains("fit to plan")
        );
        let over = holdout(1_500.0, 1_000.0, 90).expect("sentence");
        assert!(over.contains("50.0% too many"), "{over}");
        let under = holdout(600.0, 1_000.0, 90).expect("sentence");
        assert!(under.contains("40.0% too few"), "{under}");
        assert!(holdout(10.0, 0.0, 90).is_none());
    }
}

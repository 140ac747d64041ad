//! What-if scenarios: pure functions that turn a baseline revenue forecast into a
//! scenario line, and the revenue difference over the horizon.
//!
//! Contract: `periods[i]` is the first day of forecast period `i`; a date range
//! covers a period when the period's first day lies in it (both ends included).
//! - Promotion: revenue × (1 + uplift %) in the range; with a dip, the `dip_periods`
//!   periods after the range × (1 - dip %) (customers bought ahead).
//! - Price change: from `from` on, quantity × (1 + Δp)^elasticity, so revenue ×
//!   (1 + Δp)^(1 + elasticity) (elasticity is usually negative).
//! - Campaign: `customers × response_rate × average_order_value` added to the
//!   period holding `at`.
//!
//! Several scenarios apply one after another, in the order given.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One what-if on top of the baseline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Scenario {
    Promotion {
        from: NaiveDate,
        to: NaiveDate,
        /// Percent added during the promotion (20 = +20 %).
        uplift_pct: f64,
        /// Percent lost after it (0: no dip).
        dip_pct: f64,
        dip_periods: usize,
    },
    PriceChange {
        from: NaiveDate,
        /// Percent change of the price (-10 = 10 % cheaper).
        change_pct: f64,
        /// % change in quantity per % change in price.
        elasticity: f64,
    },
    Campaign {
        at: NaiveDate,
        customers: f64,
        /// Share of reached customers who buy, 0..=1.
        response_rate: f64,
        average_order_value: f64,
    },
}

/// The baseline with `scenario` applied.
pub fn apply(periods: &[NaiveDate], baseline: &[f64], scenario: &Scenario) -> Vec<f64> {
    let mut line = baseline.to_vec();
    match scenario {
        Scenario::Promotion {
            from,
            to,
            uplift_pct,
            dip_pct,
            dip_periods,
        } => {
            let mut last_promoted = None;
            for (i, day) in periods.iter().enumerate().take(line.len()) {
                if from <= day && day <= to {
                    line[i] *= 1.0 + uplift_pct / 100.0;
                    last_promoted = Some(i);
                }
            }
            if let Some(last) = last_promoted {
                for value in line.iter_mut().skip(last + 1).take(*dip_periods) {
                    *value *= 1.0 - dip_pct / 100.0;
                }
            }
        }
        Scenario::PriceChange {
            from,
            change_pct,
            elasticity,
        } => {
            let factor = (1.0 + change_pct / 100.0).max(0.0).powf(1.0 + elasticity);
            for (i, day) in periods.iter().enumerate().take(line.len()) {
                if day >= from {
                    line[i] *= factor;
                }
            }
        }
        Scenario::Campaign {
            at,
            customers,
            response_rate,
            average_order_value,
        } => {
            // The period holding `at`: the last one starting on or before it.
            if let Some(i) = periods.iter().take(line.len()).rposition(|day| day <= at) {
                line[i] += customers * response_rate * average_order_value;
            }
        }
    }
    line
}

/// The baseline with every scenario applied in order.
pub fn apply_all(periods: &[NaiveDate], baseline: &[f64], scenarios: &[Scenario]) -> Vec<f64> {
    scenarios.iter().fold(baseline.to_vec(), |line, scenario| {
        apply(periods, &line, scenario)
    })
}

/// Scenario revenue minus baseline revenue over the horizon.
pub fn revenue_difference(baseline: &[f64], scenario: &[f64]) -> f64 {
    scenario.iter().zip(baseline).map(|(s, b)| s - b).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(n: u32) -> Vec<NaiveDate> {
        (1..=n)
            .map(|d| NaiveDate::from_ymd_opt(2025, 3, d).expect("date"))
            .collect()
    }

    #[test]
    fn promotion_with_dip_by_hand() {
        let base = vec![100.0; 6];
        let promo = Scenario::Promotion {
            from: NaiveDate::from_ymd_opt(2025, 3, 2).expect("date"),
            to: NaiveDate::from_ymd_opt(2025, 3, 3).expect("date"),
            uplift_pct: 30.0,
            dip_pct: 10.0,
            dip_periods: 2,
        };
        let line = apply(&days(6), &base, &promo);
        assert_eq!(line, vec![100.0, 130.0, 130.0, 90.0, 90.0, 100.0]);
        // +30 +30 -10 -10 = +40.
        assert!((revenue_difference(&base, &line) - 40.0).abs() < 1e-9);
    }

    #[test]
    fn price_change_uses_elasticity() {
        let base = vec![200.0, 200.0, 200.0];
        let cut = Scenario::PriceChange {
            from: NaiveDate::from_ymd_opt(2025, 3, 2).expect("date"),
            change_pct: -10.0,
            elasticity: -2.0,
        };
        // revenue × 0.9^(1 - 2) = 200 / 0.9 = 222.22 from day 2.
        let line = apply(&days(3), &base, &cut);
        assert_eq!(line[0], 200.0);
        assert!((line[1] - 200.0 / 0.9).abs() < 1e-9 && (line[2] - 200.0 / 0.9).abs() < 1e-9);
        assert!((revenue_difference(&base, &line) - 2.0 * (200.0 / 0.9 - 200.0)).abs() < 1e-9);
    }

    #[test]
    fn campaign_adds_reach_times_response_times_aov_once() {
        let base = vec![50.0; 4];
        let campaign = Scenario::Campaign {
            at: NaiveDate::from_ymd_opt(2025, 3, 3).expect("date"),
            customers: 1000.0,
            response_rate: 0.02,
            average_order_value: 80.0,
        };
        let line = apply(&days(4), &base, &campaign);
        assert_eq!(line, vec![50.0, 50.0, 1650.0, 50.0]);
        let both = apply_all(&days(4), &base, &[campaign.clone(), campaign]);
        assert!((revenue_difference(&base, &both) - 3200.0).abs() < 1e-9);
    }
}

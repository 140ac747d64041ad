//! What-if scenarios: pure functions that turn a baseline forecast into a
//! scenario line, and the difference over the horizon. The forecast counts
//! revenue, orders, units or active customers ([`Basis`]); each effect is stated
//! in what it counts.
//!
//! Contract: `periods[i]` is the first day of forecast period `i`; a date range
//! covers a period when the period's first day lies in it (both ends included).
//! - Promotion: the measure × (1 + uplift %) in the range; with a dip, the
//!   `dip_periods` periods after the range × (1 - dip %) (customers bought ahead).
//! - Price change: from `from` on, quantity × (1 + Δp)^elasticity (elasticity is
//!   usually negative). Revenue also moves with the price: × (1 + Δp)^(1 +
//!   elasticity). Orders, units and active customers move with the quantity only.
//! - Campaign: `customers × response_rate` responders in the period holding `at`,
//!   each adding one order's worth of the measure: `average_order_value` of
//!   revenue, one order, the shop's units per order, or one active customer.
//!
//! Several scenarios apply one after another, in the order given.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::series::Measure;

/// What the forecast counts, for the effects that depend on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Basis {
    pub measure: Measure,
    /// Units per order in the lines: what a responder adds to a units forecast.
    pub units_per_order: f64,
}

impl Basis {
    /// A forecast of revenue (or of a series file's values).
    pub const REVENUE: Basis = Basis {
        measure: Measure::Revenue,
        units_per_order: 1.0,
    };

    /// The power of (1 + Δp) a price change multiplies the measure by.
    fn price_exponent(self, elasticity: f64) -> f64 {
        match self.measure {
            Measure::Revenue => 1.0 + elasticity,
            Measure::Orders | Measure::Units | Measure::ActiveCustomers => elasticity,
        }
    }

    /// What one responding customer adds to the measure.
    fn per_responder(self, average_order_value: f64) -> f64 {
        match self.measure {
            Measure::Revenue => average_order_value,
            Measure::Units => self.units_per_order,
            Measure::Orders | Measure::ActiveCustomers => 1.0,
        }
    }
}

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

/// The baseline (a forecast of `basis`) with `scenario` applied.
pub fn apply(
    periods: &[NaiveDate],
    baseline: &[f64],
    scenario: &Scenario,
    basis: Basis,
) -> Vec<f64> {
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
            let factor = (1.0 + change_pct / 100.0)
                .max(0.0)
                .powf(basis.price_exponent(*elasticity));
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
                line[i] += customers * response_rate * basis.per_responder(*average_order_value);
            }
        }
    }
    line
}

/// The scenario line minus the baseline, summed over the horizon.
pub fn difference(baseline: &[f64], scenario: &[f64]) -> f64 {
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
        let line = apply(&days(6), &base, &promo, Basis::REVENUE);
        assert_eq!(line, vec![100.0, 130.0, 130.0, 90.0, 90.0, 100.0]);
        // +30 +30 -10 -10 = +40.
        assert!((difference(&base, &line) - 40.0).abs() < 1e-9);
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
        let line = apply(&days(3), &base, &cut, Basis::REVENUE);
        assert_eq!(line[0], 200.0);
        assert!((line[1] - 200.0 / 0.9).abs() < 1e-9 && (line[2] - 200.0 / 0.9).abs() < 1e-9);
        assert!((difference(&base, &line) - 2.0 * (200.0 / 0.9 - 200.0)).abs() < 1e-9);
        // Orders move with the quantity only: 200 × 0.9^-2 = 246.91 (not 222.22).
        for measure in [Measure::Orders, Measure::Units, Measure::ActiveCustomers] {
            let basis = Basis {
                measure,
                units_per_order: 2.5,
            };
            let line = apply(&days(3), &base, &cut, basis);
            assert!(
                (line[1] - 200.0 / 0.81).abs() < 1e-9,
                "{measure:?}: {line:?}"
            );
        }
    }

    /// 1,000 customers reached on 3 March, 2 % respond, orders worth 80.
    fn mailing() -> Scenario {
        Scenario::Campaign {
            at: NaiveDate::from_ymd_opt(2025, 3, 3).expect("date"),
            customers: 1000.0,
            response_rate: 0.02,
            average_order_value: 80.0,
        }
    }

    #[test]
    fn campaign_adds_reach_times_response_times_aov_once() {
        let base = vec![50.0; 4];
        let campaign = mailing();
        let line = apply(&days(4), &base, &campaign, Basis::REVENUE);
        assert_eq!(line, vec![50.0, 50.0, 1650.0, 50.0]);
        let twice = apply(&days(4), &line, &campaign, Basis::REVENUE);
        assert!((difference(&base, &twice) - 3200.0).abs() < 1e-9);
    }

    #[test]
    fn a_campaign_adds_responders_in_what_the_forecast_counts() {
        let base = vec![50.0; 4];
        let campaign = mailing();
        // 20 responders: 20 orders, 20 customers, or 20 × 2.5 units; never 20 × 80.
        for (measure, added) in [
            (Measure::Orders, 20.0),
            (Measure::ActiveCustomers, 20.0),
            (Measure::Units, 50.0),
        ] {
            let basis = Basis {
                measure,
                units_per_order: 2.5,
            };
            let line = apply(&days(4), &base, &campaign, basis);
            assert_eq!(line, vec![50.0, 50.0, 50.0 + added, 50.0], "{measure:?}");
        }
    }
}

//! What-if return on a campaign: pure arithmetic, no data.
//!
//! Model, for `N` contacts with response rate `r`, control (baseline) rate `b`,
//! average order value `AOV`, gross margin share `m`, incentive share `i` (of the
//! order value, paid on every responder's order) and cost per contact `c`:
//! - expected responders = `N·r`; incremental responders = `N·(r − b)`;
//! - incremental revenue = `N·(r − b)·AOV`; incremental margin = that × `m`;
//! - cost = `N·c + N·r·AOV·i` (contact cost plus the incentive on every order);
//! - profit = incremental margin − cost; ROI = profit / cost (None at zero cost);
//! - break-even response rate: the `r` where profit is 0,
//!   `(c + b·AOV·m) / (AOV·(m − i))`, None when `m ≤ i` or `AOV ≤ 0` (no rate pays).
//!
//! [`roi_curve`] cuts a scored list at each distinct score, highest first (ties
//! enter together), and evaluates the model on the top of the list with the mean
//! response probability of the customers included.

use serde::{Deserialize, Serialize};

/// The operator's what-if inputs. Shares are fractions (0.2 = 20%).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoiInputs {
    pub cost_per_contact: f64,
    pub incentive_share: f64,
    pub margin_share: f64,
    /// Expected response rate of a target (typed, or from the scores).
    pub response_rate: f64,
    pub avg_order_value: f64,
    /// Response rate without the campaign (the control group's).
    pub baseline_response_rate: f64,
}

impl Default for RoiInputs {
    fn default() -> Self {
        RoiInputs {
            cost_per_contact: 0.5,
            incentive_share: 0.10,
            margin_share: 0.40,
            response_rate: 0.05,
            avg_order_value: 100.0,
            baseline_response_rate: 0.02,
        }
    }
}

/// What a campaign of `contacts` is expected to return.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoiOutcome {
    pub contacts: usize,
    pub expected_responders: f64,
    pub incremental_responders: f64,
    pub incremental_revenue: f64,
    pub incremental_margin: f64,
    pub cost: f64,
    pub profit: f64,
    /// profit / cost; None when nothing is spent.
    pub roi: Option<f64>,
    /// The response rate at which profit is 0; None when no rate pays.
    pub break_even_response_rate: Option<f64>,
}

/// The outcome of contacting `contacts` people under `inputs` (see the module doc).
pub fn roi(inputs: &RoiInputs, contacts: usize) -> RoiOutcome {
    let n = contacts as f64;
    let aov = inputs.avg_order_value;
    let r = inputs.response_rate;
    let b = inputs.baseline_response_rate;
    let m = inputs.margin_share;
    let i = inputs.incentive_share;
    let c = inputs.cost_per_contact;
    let incremental_responders = n * (r - b);
    let incremental_revenue = incremental_responders * aov;
    let incremental_margin = incremental_revenue * m;
    let cost = n * c + n * r * aov * i;
    let profit = incremental_margin - cost;
    let margin_left = aov * (m - i);
    RoiOutcome {
        contacts,
        expected_responders: n * r,
        incremental_responders,
        incremental_revenue,
        incremental_margin,
        cost,
        profit,
        roi: (cost > 0.0).then(|| profit / cost),
        break_even_response_rate: (margin_left > 0.0).then(|| (c + b * aov * m) / margin_left),
    }
}

/// One cut of the list: everyone scoring at least `threshold`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurvePoint {
    pub threshold: f64,
    /// Mean response probability of those included.
    pub response_rate: f64,
    pub outcome: RoiOutcome,
}

/// ROI against audience size: `scored` holds each customer's (score, response
/// probability); one point per distinct score, highest score first.
pub fn roi_curve(scored: &[(f64, f64)], inputs: &RoiInputs) -> Vec<CurvePoint> {
    let mut sorted: Vec<(f64, f64)> = scored
        .iter()
        .copied()
        .filter(|(s, p)| s.is_finite() && p.is_finite())
        .collect();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut points = Vec::new();
    let mut sum = 0.0;
    for (k, &(score, probability)) in sorted.iter().enumerate() {
        sum += probability;
        let last_of_tie = sorted.get(k + 1).is_none_or(|next| next.0 != score);
        if !last_of_tie {
            continue;
        }
        let contacts = k + 1;
        let response_rate = sum / contacts as f64;
        let at_cut = RoiInputs {
            response_rate,
            ..inputs.clone()
        };
        points.push(CurvePoint {
            threshold: score,
            response_rate,
            outcome: roi(&at_cut, contacts),
        });
    }
    points
}

//! What-if return on a campaign: pure arithmetic, no data.
//!
//! A contacted customer either buys anyway (the *baseline*: they would have
//! bought without the campaign, e.g. their purchase propensity), buys because of
//! the campaign (the *uplift*), or does not buy. Only the uplift earns; the
//! incentive is paid on both kinds of buyer. For `N` contacts with baseline rate
//! `b`, uplift rate `u`, share of baseline buyers who redeem the incentive `d`,
//! average order value `AOV`, gross margin share `m`, incentive share `i` (of the
//! order value) and cost per contact `c`:
//! - baseline buyers = `N·b`; incremental responders = `N·u`; buyers = `N·(b + u)`;
//! - incremental revenue = `N·u·AOV`; incremental margin = that × `m`;
//! - contact cost = `N·c`; incentive cost = `(N·u + N·b·d)·AOV·i`;
//! - profit = incremental margin − contact cost − incentive cost;
//!   ROI = profit / cost (None when nothing is spent or nobody is contacted);
//! - break-even uplift: the `u` where profit is 0,
//!   `(c + b·d·AOV·i) / (AOV·(m − i))`, None when `m ≤ i` or `AOV ≤ 0` (no uplift pays).
//!
//! [`roi_curve`] cuts a scored list at each distinct score, highest first (ties
//! enter together), and evaluates the model on the top of the list with the mean
//! baseline probability of the customers included and the same uplift.

use serde::{Deserialize, Serialize};

/// The operator's what-if inputs. Shares are fractions (0.2 = 20%).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoiInputs {
    pub cost_per_contact: f64,
    pub incentive_share: f64,
    pub margin_share: f64,
    pub avg_order_value: f64,
    /// Share of targets who buy without the campaign (typed, or their mean propensity).
    #[serde(alias = "baseline_response_rate")]
    pub baseline_rate: f64,
    /// Extra share of targets who buy because of the campaign (typed, or a
    /// readout's target − control difference).
    pub uplift_rate: f64,
    /// Share of the baseline buyers who use the incentive (1 = all, the cautious default).
    pub baseline_redemption: f64,
}

impl Default for RoiInputs {
    fn default() -> Self {
        RoiInputs {
            cost_per_contact: 0.5,
            incentive_share: 0.10,
            margin_share: 0.40,
            avg_order_value: 100.0,
            baseline_rate: 0.02,
            uplift_rate: 0.03,
            baseline_redemption: 1.0,
        }
    }
}

/// What a campaign of `contacts` is expected to return.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoiOutcome {
    pub contacts: usize,
    /// Targets expected to buy anyway.
    pub baseline_buyers: f64,
    /// Targets expected to buy because of the campaign.
    pub incremental_responders: f64,
    /// Baseline buyers plus incremental responders.
    pub expected_buyers: f64,
    pub incremental_revenue: f64,
    pub incremental_margin: f64,
    pub contact_cost: f64,
    /// Incentive paid to incremental responders and redeeming baseline buyers.
    pub incentive_cost: f64,
    pub cost: f64,
    pub profit: f64,
    /// profit / cost; None when nothing is spent or nobody is contacted.
    pub roi: Option<f64>,
    /// The uplift rate at which profit is 0; None when no uplift pays.
    pub break_even_uplift: Option<f64>,
}

/// The outcome of contacting `contacts` people under `inputs` (see the module doc).
pub fn roi(inputs: &RoiInputs, contacts: usize) -> RoiOutcome {
    let n = contacts as f64;
    let aov = inputs.avg_order_value;
    let b = inputs.baseline_rate;
    let u = inputs.uplift_rate;
    let d = inputs.baseline_redemption;
    let m = inputs.margin_share;
    let i = inputs.incentive_share;
    let c = inputs.cost_per_contact;
    let baseline_buyers = n * b;
    let incremental_responders = n * u;
    let incremental_revenue = incremental_responders * aov;
    let incremental_margin = incremental_revenue * m;
    let contact_cost = n * c;
    let incentive_cost = (incremental_responders + baseline_buyers * d) * aov * i;
    let cost = contact_cost + incentive_cost;
    let profit = incremental_margin - cost;
    let margin_left = aov * (m - i);
    RoiOutcome {
        contacts,
        baseline_buyers,
        incremental_responders,
        expected_buyers: baseline_buyers + incremental_responders,
        incremental_revenue,
        incremental_margin,
        contact_cost,
        incentive_cost,
        cost,
        profit,
        roi: (contacts > 0 && cost > 0.0).then(|| profit / cost),
        break_even_uplift: (margin_left > 0.0).then(|| (c + b * d * aov * i) / margin_left),
    }
}

/// One cut of the list: everyone scoring at least `threshold`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurvePoint {
    pub threshold: f64,
    /// Mean baseline (buy-anyway) probability of those included.
    pub baseline_rate: f64,
    pub outcome: RoiOutcome,
}

/// ROI against audience size: `scored` holds each customer's (score, baseline
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
        let baseline_rate = sum / contacts as f64;
        let at_cut = RoiInputs {
            baseline_rate,
            ..inputs.clone()
        };
        points.push(CurvePoint {
            threshold: score,
            baseline_rate,
            outcome: roi(&at_cut, contacts),
        });
    }
    points
}

//! The control group and the readout after the campaign.
//!
//! Contract:
//! - [`assign_groups`]: of `n` rows, `round(n · share)` are `control`, chosen by
//!   shuffling the row positions with a ChaCha8 generator seeded by `seed`; the
//!   rest are `target`. The same rows, share and seed give the same split.
//! - [`readout`]: a customer responded when they have a purchase (not a return,
//!   not cancelled) dated within `[from, to]` in the later order lines; revenue
//!   per customer is their net amount there (returns subtract), 0 without lines.
//!   Differences are target − control with 95% intervals: a normal approximation
//!   for the response rates, Welch's t (Satterthwaite degrees of freedom) for the
//!   revenue means. An interval needs at least two customers in each group.
//!   Without money in the lines (`lines::has_money`) revenue is 0 everywhere and
//!   `Readout::money` is false: the response rates are the readout.

use std::collections::HashMap;

use chrono::NaiveDate;
use polars::prelude::*;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::CampaignError;
use super::condition::{numbers, texts};
use crate::analysis::lines::{days_from_date, has_money, with_net_amount};
use crate::tr;

/// Name of the column that marks `target` or `control`.
pub const GROUP_COLUMN: &str = "group";

/// How many of `n` customers a control `share` holds out: `round(n · share)`.
pub fn control_count(n: usize, share: f64) -> usize {
    ((n as f64) * share).round() as usize
}

/// `frame` with [`GROUP_COLUMN`]: a seeded random `share` of rows marked `control`.
pub fn assign_groups(frame: &DataFrame, share: f64, seed: u64) -> Result<DataFrame, CampaignError> {
    let n = frame.height();
    let controls = control_count(n, share);
    let mut positions: Vec<usize> = (0..n).collect();
    positions.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    let mut groups = vec!["target"; n];
    for &p in positions.iter().take(controls) {
        groups[p] = "control";
    }
    let mut out = frame.clone();
    out.with_column(Column::new(GROUP_COLUMN.into(), groups))
        .map_err(CampaignError::polars("context-mark-control-group"))?;
    Ok(out)
}

/// Response and revenue of one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupResult {
    pub customers: usize,
    pub responders: usize,
    pub response_rate: f64,
    pub revenue_per_customer: f64,
    /// Sample standard deviation of revenue per customer (0 with one customer).
    pub revenue_sd: f64,
}

/// A difference with its 95% interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Difference {
    pub estimate: f64,
    /// None when a group has fewer than two customers.
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// Targets against control after the campaign.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Readout {
    pub target: GroupResult,
    pub control: GroupResult,
    /// Target − control response rate.
    pub response_difference: Difference,
    /// Target − control revenue per customer.
    pub revenue_difference: Difference,
    /// Whether the lines carry money (revenue figures mean something).
    pub money: bool,
}

/// The readout of `audience` (with `customer_id` and [`GROUP_COLUMN`]) from the
/// later order `lines`, counting days within `[from, to]`.
pub fn readout(
    audience: &DataFrame,
    lines: &DataFrame,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Readout, CampaignError> {
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(CampaignError::Invalid {
            what: tr!(
                "campaigns-error-readout-period",
                from = from.to_string(),
                to = to.to_string()
            ),
            why: tr!("campaigns-error-readout-backwards"),
        });
    }
    for needed in ["customer_id", "ts"] {
        if !lines.schema().contains(needed) {
            return Err(CampaignError::MissingLineColumn {
                column: needed.into(),
            });
        }
    }
    let day = col("ts").dt().date().cast(DataType::Int32);
    let mut keep = col("customer_id").is_not_null();
    if let Some(from) = from {
        keep = keep.and(day.clone().gt_eq(lit(days_from_date(from))));
    }
    if let Some(to) = to {
        keep = keep.and(day.lt_eq(lit(days_from_date(to))));
    }
    let purchase = col("_return").not().and(col("_cancelled").not());
    let per_customer = with_net_amount(lines)
        .filter(keep)
        .group_by([col("customer_id").cast(DataType::String)])
        .agg([
            col("_net").sum().fill_null(lit(0.0)).alias("revenue"),
            purchase.any(true).alias("responded"),
        ])
        .collect()
        .map_err(CampaignError::polars("context-sum-later-orders"))?;
    let ids = texts(&per_customer, "customer_id")?;
    let revenues = numbers(&per_customer, "revenue")?;
    let responded = numbers(&per_customer, "responded")?;
    let outcome: HashMap<String, (f64, bool)> = ids
        .into_iter()
        .zip(revenues.into_iter().zip(responded))
        .filter_map(|(id, (r, b))| Some((id?, (r.unwrap_or(0.0), b.unwrap_or(0.0) > 0.0))))
        .collect();
    let audience_ids = texts(audience, "customer_id")?;
    let groups = texts(audience, GROUP_COLUMN)?;
    let mut target = Vec::new();
    let mut control = Vec::new();
    for (id, group) in audience_ids.into_iter().zip(groups) {
        let result = id
            .and_then(|id| outcome.get(&id).copied())
            .unwrap_or((0.0, false));
        match group.as_deref() {
            Some("target") => target.push(result),
            Some("control") => control.push(result),
            _ => {}
        }
    }
    let target = summarise(&target);
    let control = summarise(&control);
    Ok(Readout {
        response_difference: proportion_difference(&target, &control),
        revenue_difference: welch_difference(&target, &control),
        target,
        control,
        money: has_money(lines),
    })
}

fn summarise(outcomes: &[(f64, bool)]) -> GroupResult {
    let n = outcomes.len();
    let responders = outcomes.iter().filter(|(_, b)| *b).count();
    let mean = outcomes.iter().map(|(r, _)| r).sum::<f64>() / n.max(1) as f64;
    let variance = if n > 1 {
        outcomes
            .iter()
            .map(|(r, _)| (r - mean).powi(2))
            .sum::<f64>()
            / (n - 1) as f64
    } else {
        0.0
    };
    GroupResult {
        customers: n,
        responders,
        response_rate: responders as f64 / n.max(1) as f64,
        revenue_per_customer: mean,
        revenue_sd: variance.sqrt(),
    }
}

/// The two-sided 95% normal quantile.
const Z_95: f64 = 1.959_963_984_540_054;

fn proportion_difference(a: &GroupResult, b: &GroupResult) -> Difference {
    let estimate = a.response_rate - b.response_rate;
    if a.customers < 2 || b.customers < 2 {
        return Difference {
            estimate,
            low: None,
            high: None,
        };
    }
    let var = |g: &GroupResult| g.response_rate * (1.0 - g.response_rate) / g.customers as f64;
    let half = Z_95 * (var(a) + var(b)).sqrt();
    Difference {
        estimate,
        low: Some(estimate - half),
        high: Some(estimate + half),
    }
}

fn welch_difference(a: &GroupResult, b: &GroupResult) -> Difference {
    let estimate = a.revenue_per_customer - b.revenue_per_customer;
    if a.customers < 2 || b.customers < 2 {
        return Difference {
            estimate,
            low: None,
            high: None,
        };
    }
    let va = a.revenue_sd.powi(2) / a.customers as f64;
    let vb = b.revenue_sd.powi(2) / b.customers as f64;
    let se = (va + vb).sqrt();
    let df = if va + vb > 0.0 {
        (va + vb).powi(2)
            / (va.powi(2) / (a.customers - 1) as f64 + vb.powi(2) / (b.customers - 1) as f64)
    } else {
        f64::INFINITY
    };
    let half = t_quantile_975(df) * se;
    Difference {
        estimate,
        low: Some(estimate - half),
        high: Some(estimate + half),
    }
}

/// The 97.5% quantile of Student's t with `df` degrees of freedom, by the
/// Cornish–Fisher expansion around the normal quantile (error below 0.002 for
/// df ≥ 3, exact as df → ∞); df below 1 is taken as 1.
pub fn t_quantile_975(df: f64) -> f64 {
    if df.is_infinite() {
        return Z_95;
    }
    let v = df.max(1.0);
    let z = Z_95;
    let (z3, z5, z7, z9) = (z.powi(3), z.powi(5), z.powi(7), z.powi(9));
    z + (z3 + z) / (4.0 * v)
        + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * v.powi(2))
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * v.powi(3))
        + (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z) / (92160.0 * v.powi(4))
}

//! Customer lifetime value: future purchases and P(alive) from MBG/NBD, spend per
//! purchase from Gamma-Gamma, CLV over a horizon, the expected next order date, and
//! a holdout check of the purchase predictions.
//!
//! Contract:
//! - Customers are those of `analysis::customers::customer_table` at `score_date`
//!   (the day after the last purchase day): purchases are purchase days, cancelled
//!   lines left out, returns lower revenue. `frequency` = purchase days − 1,
//!   `recency_days` = last − first purchase day, `age_days` = score date − first
//!   purchase day, `avg_spend` = net revenue / purchase days.
//! - Purchases: MBG/NBD when at least [`MIN_CUSTOMERS`] customers, of whom
//!   [`MIN_REPEAT_BUYERS`] bought on two days or more, and the fit converges with
//!   `a ≠ 1`. Otherwise, or when a customer's prediction is undefined, the
//!   historical estimate: frequency / age_days × horizon, labelled as such with the
//!   reason. P(alive) and the next order date exist only with MBG/NBD; the next order
//!   date is the score date + the days until the customer's chance of having
//!   bought again (alive and bought) reaches one half, null when that is beyond the
//!   horizon or never ("none expected within the horizon").
//! - Spend: Gamma-Gamma fitted on customers with two purchase days or more and a
//!   positive `avg_spend`; its expected spend is used for every customer (net
//!   negative spend counts as 0). When it cannot be fitted: the customer's own
//!   `avg_spend` (at least 0), labelled.
//! - CLV = expected purchases × expected spend; with a yearly discount rate d, the
//!   purchases expected in each 30-day step are discounted by (1 + d)^(end of step /
//!   365).
//! - Orders without money (`lines::has_money`): purchases, P(alive) and the next
//!   order date as above; `avg_spend`, `expected_spend` and `clv` are null, the
//!   spend method is [`SpendMethod::Unpriced`] and `ClvTotals::clv` is None.
//! - Holdout: the same method fitted on lines before `holdout_cutoff` (default: the
//!   score date − 180 days) predicts the purchase days in [cutoff, score date) of the
//!   customers known at the cutoff; compared per frequency bucket (0 … 6, 7+).
//! - Rows are sorted by customer id. Cancel is checked between the fits.

mod likelihood;
pub mod models;
#[cfg(test)]
mod nelder_mead;
pub mod optim;
#[cfg(test)]
mod tests;

use chrono::{NaiveDate, TimeDelta};
use polars::prelude::*;
use serde::Serialize;

pub use models::{GammaGamma, MbgNbd};

use crate::analysis::customers::{customer_table, default_analysis_date};
use crate::analysis::lines::{AnalysisError, days_from_date, polars_failed};
use crate::i18n::Phrase;
use crate::jobs::Progress;
use crate::{phrase, tr};

/// MBG/NBD is fitted from this many customers on.
pub const MIN_CUSTOMERS: usize = 30;
/// ... of whom at least this many bought on two days or more.
pub const MIN_REPEAT_BUYERS: usize = 10;
const STEP_DAYS: u32 = 30;

/// Settings of a CLV run.
#[derive(Clone, Debug, PartialEq)]
pub struct ClvParams {
    pub horizon_days: u32,
    /// Yearly discount rate (0.1 = 10 %); 0 for none.
    pub discount_rate: f64,
    /// Start of the holdout period (default: the score date − 180 days); None with
    /// `holdout` false skips the check.
    pub holdout_cutoff: Option<NaiveDate>,
    pub holdout: bool,
}

impl Default for ClvParams {
    fn default() -> Self {
        ClvParams {
            horizon_days: 365,
            discount_rate: 0.0,
            holdout_cutoff: None,
            holdout: true,
        }
    }
}

impl ClvParams {
    pub fn check(&self) -> Result<(), AnalysisError> {
        if self.horizon_days == 0 {
            return Err(AnalysisError::Invalid {
                what: tr!("value-error-horizon"),
                why: tr!("value-error-at-least-a-day"),
            });
        }
        if !(self.discount_rate >= 0.0 && self.discount_rate.is_finite()) {
            return Err(AnalysisError::Invalid {
                what: tr!("value-error-discount-rate"),
                why: tr!(
                    "value-error-discount-rate-why",
                    rate = self.discount_rate.to_string()
                ),
            });
        }
        Ok(())
    }
}

/// How purchases were predicted.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum PurchaseMethod {
    MbgNbd(MbgNbd),
    /// Repeat purchase rate so far × days; `reason` says why MBG/NBD was not used
    /// (worded when shown: English on the command line).
    Historical {
        reason: Phrase,
    },
}

/// How spend per purchase was predicted.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum SpendMethod {
    GammaGamma(GammaGamma),
    /// The customer's own mean spend; `reason` says why Gamma-Gamma was not used
    /// (worded when shown).
    Historical {
        reason: Phrase,
    },
    /// No spend: the orders carry no money (no price or amount column).
    Unpriced,
}

/// Predicted against actual purchase days in the holdout for one frequency bucket.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HoldoutBucket {
    /// Purchase days − 1 before the cutoff: "0" … "6", "7+".
    pub frequency: String,
    pub customers: usize,
    pub predicted_mean: f64,
    pub actual_mean: f64,
}

/// The holdout check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Holdout {
    pub cutoff: NaiveDate,
    pub days: u32,
    pub method: PurchaseMethod,
    pub customers: usize,
    pub predicted_total: f64,
    pub actual_total: f64,
    /// Mean over customers of |predicted − actual| purchase days.
    pub mean_absolute_error: f64,
    pub buckets: Vec<HoldoutBucket>,
}

/// Sums over all customers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ClvTotals {
    pub customers: usize,
    pub predicted_purchases: f64,
    /// None when the orders carry no money.
    pub clv: Option<f64>,
}

/// The result of a CLV run.
#[derive(Clone, Debug)]
pub struct Clv {
    pub score_date: NaiveDate,
    pub horizon_days: u32,
    pub discount_rate: f64,
    pub purchases: PurchaseMethod,
    pub spend: SpendMethod,
    pub holdout: Option<Holdout>,
    pub totals: ClvTotals,
    /// `customer_id`, `frequency`, `recency_days`, `age_days` (u32), `avg_spend`,
    /// `p_alive` (null without MBG/NBD), `predicted_purchases`, `expected_spend`,
    /// `clv` (f64), `next_order_date` (date, null without MBG/NBD or when no
    /// order is expected within the horizon).
    pub customers: DataFrame,
}

/// Customers' histories at one date.
struct Histories {
    ids: Column,
    x: Vec<u32>,
    t_x: Vec<u32>,
    t: Vec<u32>,
    /// None when the lines carry no money.
    avg_spend: Option<Vec<f64>>,
}

fn u32s(frame: &DataFrame, name: &str) -> Result<Vec<u32>, AnalysisError> {
    let column = frame
        .column(name)
        .and_then(|c| c.cast(&DataType::Int64))
        .map_err(polars_failed("context-customer-histories"))?;
    let values = column
        .i64()
        .map_err(polars_failed("context-customer-histories"))?;
    Ok(values
        .iter()
        .map(|v| v.unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32)
        .collect())
}

fn histories_at(lines: &DataFrame, date: NaiveDate) -> Result<Histories, AnalysisError> {
    let table = customer_table(lines, Some(date))?.frame;
    let days = u32s(&table, "purchase_days")?;
    let first = u32s(&table, "first_day")?;
    let last = u32s(&table, "last_day")?;
    let avg_spend = match table.column("revenue") {
        Ok(revenue) => {
            let revenue = revenue
                .f64()
                .map_err(polars_failed("context-customer-histories"))?;
            Some(
                revenue
                    .iter()
                    .zip(&days)
                    .map(|(r, &d)| r.unwrap_or(0.0) / f64::from(d.max(1)))
                    .collect(),
            )
        }
        Err(_) => None,
    };
    Ok(Histories {
        ids: table
            .column("customer_id")
            .cloned()
            .map_err(polars_failed("context-customer-histories"))?,
        x: days.iter().map(|d| d.saturating_sub(1)).collect(),
        t_x: last.iter().zip(&first).map(|(l, f)| l - f).collect(),
        t: u32s(&table, "tenure_days")?,
        avg_spend,
    })
}

fn fit_purchases(h: &Histories, progress: &Progress) -> Result<PurchaseMethod, AnalysisError> {
    let repeaters = h.x.iter().filter(|&&x| x > 0).count();
    if h.x.len() < MIN_CUSTOMERS || repeaters < MIN_REPEAT_BUYERS {
        return Ok(PurchaseMethod::Historical {
            reason: phrase!(
                "value-reason-few-repeaters",
                customers = h.x.len().to_string(),
                repeaters = repeaters.to_string(),
                min_customers = MIN_CUSTOMERS.to_string(),
                min_repeaters = MIN_REPEAT_BUYERS.to_string()
            ),
        });
    }
    let triples: Vec<(u32, u32, u32)> =
        (0..h.x.len()).map(|i| (h.x[i], h.t_x[i], h.t[i])).collect();
    match models::fit_mbgnbd(&models::histories(&triples), progress) {
        Ok(fit) => Ok(PurchaseMethod::MbgNbd(fit)),
        Err(AnalysisError::Cancelled) => Err(AnalysisError::Cancelled),
        Err(e) => Ok(PurchaseMethod::Historical {
            reason: Phrase::Verbatim(e.to_string()),
        }),
    }
}

fn fit_spend(h: &Histories, progress: &Progress) -> Result<SpendMethod, AnalysisError> {
    let Some(avg_spend) = &h.avg_spend else {
        return Ok(SpendMethod::Unpriced);
    };
    let buyers: Vec<(f64, f64)> = (0..h.x.len())
        .filter(|&i| h.x[i] > 0 && avg_spend[i] > 0.0)
        .map(|i| (f64::from(h.x[i] + 1), avg_spend[i]))
        .collect();
    if buyers.len() < MIN_REPEAT_BUYERS {
        return Ok(SpendMethod::Historical {
            reason: phrase!(
                "value-reason-few-spenders",
                buyers = buyers.len().to_string(),
                min_buyers = MIN_REPEAT_BUYERS.to_string()
            ),
        });
    }
    match models::fit_gamma_gamma(&buyers, progress) {
        Ok(fit) => Ok(SpendMethod::GammaGamma(fit)),
        Err(AnalysisError::Cancelled) => Err(AnalysisError::Cancelled),
        Err(e) => Ok(SpendMethod::Historical {
            reason: Phrase::Verbatim(e.to_string()),
        }),
    }
}

/// Expected purchases of customer `i` in the next `days`.
fn purchases(method: &PurchaseMethod, h: &Histories, i: usize, days: f64) -> f64 {
    let (x, t_x, t) = (f64::from(h.x[i]), f64::from(h.t_x[i]), f64::from(h.t[i]));
    let historical = x / t.max(1.0) * days;
    match method {
        PurchaseMethod::MbgNbd(fit) => fit
            .expected_purchases(x, t_x, t, days)
            .unwrap_or(historical),
        PurchaseMethod::Historical { .. } => historical,
    }
}

/// Expected purchases over `horizon` days, discounted per 30-day step.
fn discounted_purchases(
    method: &PurchaseMethod,
    h: &Histories,
    i: usize,
    horizon: u32,
    rate: f64,
) -> (f64, f64) {
    let total = purchases(method, h, i, f64::from(horizon));
    if rate == 0.0 {
        return (total, total);
    }
    let (mut discounted, mut before) = (0.0, 0.0);
    let mut end = 0;
    while end < horizon {
        end = (end + STEP_DAYS).min(horizon);
        let upto = purchases(method, h, i, f64::from(end));
        discounted += (upto - before) / (1.0 + rate).powf(f64::from(end) / 365.0);
        before = upto;
    }
    (total, discounted)
}

fn cancelled(progress: &Progress) -> Result<(), AnalysisError> {
    progress.check().map_err(|_| AnalysisError::Cancelled)
}

/// Predicts purchases, spend and CLV for every customer (see the module contract).
pub fn clv(
    lines: &DataFrame,
    params: &ClvParams,
    progress: &Progress,
) -> Result<Clv, AnalysisError> {
    params.check()?;
    let Some(score_date) = default_analysis_date(lines)? else {
        return Err(AnalysisError::Invalid {
            what: tr!("value-error-orders"),
            why: tr!("value-error-no-dated-purchase"),
        });
    };
    progress.set_message(tr!("value-progress-clv"));
    progress.report(0, 3);
    let h = histories_at(lines, score_date)?;
    let method = fit_purchases(&h, progress)?;
    cancelled(progress)?;
    progress.report(1, 3);
    let spend = fit_spend(&h, progress)?;
    cancelled(progress)?;
    progress.report(2, 3);
    let holdout = if params.holdout {
        let cutoff = params
            .holdout_cutoff
            .unwrap_or(score_date - TimeDelta::days(180));
        Some(holdout(lines, cutoff, score_date, progress)?)
    } else {
        None
    };
    let customers = customer_frame(&h, &method, &spend, score_date, params)?;
    let sum = |name: &str| {
        customers
            .column(name)
            .ok()
            .and_then(|c| c.f64().ok().and_then(|v| v.sum()))
            .unwrap_or(0.0)
    };
    let totals = ClvTotals {
        customers: customers.height(),
        predicted_purchases: sum("predicted_purchases"),
        clv: (spend != SpendMethod::Unpriced).then(|| sum("clv")),
    };
    progress.report(3, 3);
    Ok(Clv {
        score_date,
        horizon_days: params.horizon_days,
        discount_rate: params.discount_rate,
        purchases: method,
        spend,
        holdout,
        totals,
        customers,
    })
}

fn customer_frame(
    h: &Histories,
    method: &PurchaseMethod,
    spend: &SpendMethod,
    score_date: NaiveDate,
    params: &ClvParams,
) -> Result<DataFrame, AnalysisError> {
    let n = h.x.len();
    let mut p_alive = Vec::with_capacity(n);
    let mut predicted = Vec::with_capacity(n);
    let mut expected_spend = Vec::with_capacity(n);
    let mut value = Vec::with_capacity(n);
    let mut next = Vec::with_capacity(n);
    let today = days_from_date(score_date);
    for i in 0..n {
        let (x, t_x, t) = (f64::from(h.x[i]), f64::from(h.t_x[i]), f64::from(h.t[i]));
        let (total, discounted) =
            discounted_purchases(method, h, i, params.horizon_days, params.discount_rate);
        let own = h.avg_spend.as_ref().map(|spend| spend[i].max(0.0));
        let spend_i = match (spend, own) {
            (SpendMethod::GammaGamma(fit), Some(own)) => {
                Some(fit.expected_spend(x + 1.0, own).unwrap_or(own))
            }
            (SpendMethod::Historical { .. }, own) => own,
            _ => None,
        };
        match method {
            PurchaseMethod::MbgNbd(fit) => {
                p_alive.push(Some(fit.p_alive(x, t_x, t)));
                let wait = fit
                    .days_to_even_chance(x, t_x, t)
                    .map(f64::ceil)
                    .filter(|w| *w <= f64::from(params.horizon_days));
                next.push(wait.map(|w| today + w as i32));
            }
            PurchaseMethod::Historical { .. } => {
                p_alive.push(None);
                next.push(None);
            }
        }
        predicted.push(total);
        expected_spend.push(spend_i);
        value.push(spend_i.map(|spend| discounted * spend));
    }
    let next = Column::new("next_order_date".into(), next)
        .cast(&DataType::Date)
        .map_err(polars_failed("context-collect-clv"))?;
    DataFrame::new(
        n,
        vec![
            h.ids.clone(),
            Column::new("frequency".into(), h.x.clone()),
            Column::new("recency_days".into(), h.t_x.clone()),
            Column::new("age_days".into(), h.t.clone()),
            match &h.avg_spend {
                Some(spend) => Column::new("avg_spend".into(), spend.clone()),
                None => Column::full_null("avg_spend".into(), n, &DataType::Float64),
            },
            Column::new("p_alive".into(), p_alive),
            Column::new("predicted_purchases".into(), predicted),
            Column::new("expected_spend".into(), expected_spend),
            Column::new("clv".into(), value),
            next,
        ],
    )
    .map_err(polars_failed("context-collect-clv"))
}

fn holdout(
    lines: &DataFrame,
    cutoff: NaiveDate,
    score_date: NaiveDate,
    progress: &Progress,
) -> Result<Holdout, AnalysisError> {
    if cutoff >= score_date {
        return Err(AnalysisError::Invalid {
            what: tr!("value-error-holdout-cutoff", cutoff = cutoff.to_string()),
            why: tr!(
                "value-error-holdout-cutoff-why",
                last = (score_date - TimeDelta::days(1)).to_string()
            ),
        });
    }
    let days = (score_date - cutoff).num_days() as u32;
    let before = histories_at(lines, cutoff)?;
    let method = fit_purchases(&before, progress)?;
    // Purchase days in the holdout = purchase days at the end − before the cutoff.
    let end = customer_table(lines, Some(score_date))?.frame;
    let end_days: std::collections::HashMap<String, u32> = {
        let ids = end
            .column("customer_id")
            .and_then(|c| c.str().cloned())
            .map_err(polars_failed("context-holdout-purchases"))?;
        ids.iter()
            .zip(u32s(&end, "purchase_days")?)
            .filter_map(|(id, d)| id.map(|id| (id.to_string(), d)))
            .collect()
    };
    let ids = before
        .ids
        .str()
        .map_err(polars_failed("context-holdout-purchases"))?;
    let mut buckets: Vec<(usize, f64, f64)> = vec![(0, 0.0, 0.0); 8];
    let (mut predicted_total, mut actual_total, mut abs_error) = (0.0, 0.0, 0.0);
    for (i, id) in ids.iter().enumerate() {
        let known = before.x[i] + 1;
        let actual = id
            .and_then(|id| end_days.get(id))
            .map_or(0, |&d| d.saturating_sub(known));
        let predicted = purchases(&method, &before, i, f64::from(days));
        let bucket = &mut buckets[(before.x[i] as usize).min(7)];
        bucket.0 += 1;
        bucket.1 += predicted;
        bucket.2 += f64::from(actual);
        predicted_total += predicted;
        actual_total += f64::from(actual);
        abs_error += (predicted - f64::from(actual)).abs();
    }
    let customers = before.x.len();
    Ok(Holdout {
        cutoff,
        days,
        method,
        customers,
        predicted_total,
        actual_total,
        mean_absolute_error: abs_error / customers.max(1) as f64,
        buckets: buckets
            .into_iter()
            .enumerate()
            .filter(|(_, b)| b.0 > 0)
            .map(|(k, (n, p, a))| HoldoutBucket {
                frequency: if k == 7 { "7+".into() } else { k.to_string() },
                customers: n,
                predicted_mean: p / n as f64,
                actual_mean: a / n as f64,
            })
            .collect(),
    })
}

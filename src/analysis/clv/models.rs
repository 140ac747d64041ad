//! MBG/NBD (Batislam, Denizel & Filiztekin 2007, the modified BG/NBD of Fader,
//! Hardie & Lee 2005, "Counting your customers the easy way") and Gamma-Gamma
//! (Fader, Hardie & Lee 2005, "RFM and CLV") by maximum likelihood.
//!
//! MBG/NBD lets a customer drop out right after the first purchase too, not only
//! after a repeat one: BG/NBD gives every one-time buyer P(alive) = 1, which reads
//! as a contradiction beside a high churn risk; MBG/NBD lowers it the longer a
//! one-time buyer stays away.
//!
//! Contract:
//! - A customer is `(x, t_x, T)`: repeat purchase days, days from the first to the
//!   last purchase day, days from the first purchase day to the end of the period.
//!   Time is in days, so `alpha` is in days.
//! - The likelihood is summed over identical `(x, t_x, T)` once with a count, so the
//!   fit costs the same for a million customers as for the distinct histories.
//! - Fits run in log parameters (all are positive) from a fixed start by Newton's
//!   method on the analytic gradient ([`super::optim`], [`super::likelihood`]), so
//!   they are deterministic; they reach the optimum Nelder-Mead found before, in a
//!   few dozen evaluations instead of thousands. A fit that does not converge is
//!   an error that says so; the caller falls back to a historical estimate.
//! - A prediction that is undefined for a customer (the series of 2F1 does not
//!   converge, or its `c ≤ 0`; Gamma-Gamma with p·x + q ≤ 1) is None, and the caller
//!   uses the historical figure for that customer.

use std::collections::BTreeMap;

use libm::lgamma;
use serde::Serialize;

use super::likelihood::{GammaGammaData, MbgNbdData};
use super::optim::minimise;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// MBG/NBD parameters: purchase rates ~ Gamma(r, alpha), drop-out probabilities ~
/// Beta(a, b).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct MbgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
    /// Log-likelihood at these parameters, over all customers.
    pub log_likelihood: f64,
}

/// Gamma-Gamma parameters of the spend per purchase.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
    pub log_likelihood: f64,
}

/// Identical customer histories `(x, t_x, T)` with their count.
pub fn histories(customers: &[(u32, u32, u32)]) -> Vec<((u32, u32, u32), f64)> {
    let mut counts: BTreeMap<(u32, u32, u32), f64> = BTreeMap::new();
    for &c in customers {
        *counts.entry(c).or_default() += 1.0;
    }
    counts.into_iter().collect()
}

fn ln_add_exp(a: f64, b: f64) -> f64 {
    let m = a.max(b);
    if m == f64::NEG_INFINITY {
        m
    } else {
        m + ((a - m).exp() + (b - m).exp()).ln()
    }
}

/// The MBG/NBD log-likelihood of one customer:
/// `B(a, b + x + 1) / B(a, b) · Γ(r + x) α^r / Γ(r) · ((α + T)^−(r+x) + a / (b + x) · (α + t_x)^−(r+x))`.
pub fn mbgnbd_customer_ll(r: f64, alpha: f64, a: f64, b: f64, x: f64, t_x: f64, t: f64) -> f64 {
    let a1 = lgamma(r + x) - lgamma(r) + r * alpha.ln();
    let a2 = lgamma(a + b) + lgamma(b + x + 1.0) - lgamma(b) - lgamma(a + b + x + 1.0);
    let a3 = -(r + x) * (alpha + t).ln();
    let a4 = a.ln() - (b + x).ln() - (r + x) * (alpha + t_x).ln();
    a1 + a2 + ln_add_exp(a3, a4)
}

/// The MBG/NBD log-likelihood of `histories` at (r, alpha, a, b).
pub fn mbgnbd_log_likelihood(params: [f64; 4], histories: &[((u32, u32, u32), f64)]) -> f64 {
    let [r, alpha, a, b] = params;
    histories
        .iter()
        .map(|&((x, t_x, t), n)| {
            n * mbgnbd_customer_ll(r, alpha, a, b, f64::from(x), f64::from(t_x), f64::from(t))
        })
        .sum()
}

fn not_converged(model: &str, why: String) -> AnalysisError {
    AnalysisError::Invalid {
        what: tr!("value-error-fit", model = model),
        why,
    }
}

/// Fits MBG/NBD to `histories` (see [`histories`]).
pub fn fit_mbgnbd(
    histories: &[((u32, u32, u32), f64)],
    progress: &Progress,
) -> Result<MbgNbd, AnalysisError> {
    let n: f64 = histories.iter().map(|h| h.1).sum();
    let mean_t = histories
        .iter()
        .map(|h| f64::from(h.0.2) * h.1)
        .sum::<f64>()
        / n.max(1.0);
    let data = MbgNbdData::new(histories);
    let start = [0.0, mean_t.max(1.0).ln(), 0.0, 0.0];
    let min = minimise(|p: &[f64]| data.evaluate(p), &start, progress)?;
    let [r, alpha, a, b] = [0, 1, 2, 3].map(|i| min.point[i].exp());
    if !min.converged {
        return Err(not_converged(
            "MBG/NBD",
            tr!(
                "value-error-not-settled",
                iterations = min.iterations.to_string()
            ),
        ));
    }
    if (a - 1.0).abs() < 1e-9 {
        return Err(not_converged("MBG/NBD", tr!("value-error-a-is-one")));
    }
    Ok(MbgNbd {
        r,
        alpha,
        a,
        b,
        log_likelihood: -min.value * n,
    })
}

/// The Gauss hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1 and c > 0 by
/// its series; None otherwise or when it has not converged after 200,000 terms.
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    if c <= 0.0 || !(0.0..1.0).contains(&z) {
        return None;
    }
    let (mut term, mut sum) = (1.0, 1.0);
    for k in 0..200_000 {
        let k = f64::from(k);
        term *= (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
        sum += term;
        if term.abs() < 1e-14 * sum.abs() {
            return Some(sum);
        }
    }
    None
}

impl MbgNbd {
    /// Probability that a customer with history (x, t_x, T) is still active:
    /// `1 / (1 + a / (b + x) · ((α + T) / (α + t_x))^(r + x))`, below 1 for a
    /// one-time buyer too.
    pub fn p_alive(&self, x: f64, t_x: f64, t: f64) -> f64 {
        1.0 / (1.0 + self.alive_odds(x, t_x, t))
    }

    /// Odds of having dropped out: `a / (b + x) · ((α + T) / (α + t_x))^(r + x)`.
    fn alive_odds(&self, x: f64, t_x: f64, t: f64) -> f64 {
        let ratio = ((self.alpha + t) / (self.alpha + t_x)).powf(self.r + x);
        self.a / (self.b + x) * ratio
    }

    /// Expected purchases in the next `days` of a customer with history (x, t_x, T).
    pub fn expected_purchases(&self, x: f64, t_x: f64, t: f64, days: f64) -> Option<f64> {
        let MbgNbd { r, alpha, a, b, .. } = *self;
        if days <= 0.0 {
            return Some(0.0);
        }
        let z = days / (alpha + t + days);
        let f = hyp2f1(r + x, b + x + 1.0, a + b + x, z)?;
        let head = (a + b + x) / (a - 1.0);
        let body = 1.0 - ((alpha + t) / (alpha + t + days)).powf(r + x) * f;
        let value = head * body / (1.0 + self.alive_odds(x, t_x, t));
        (value.is_finite() && value >= 0.0).then_some(value)
    }

    /// Days until the customer's chance of having bought again reaches one half,
    /// counting the chance they have left: P(bought within w) = P(alive) ×
    /// (1 − ((α + T) / (α + T + w))^(r + x)), the posterior purchase rate of an
    /// active customer being Gamma(r + x, α + T). None when that chance never
    /// reaches one half (P(alive) ≤ 0.5).
    pub fn days_to_even_chance(&self, x: f64, t_x: f64, t: f64) -> Option<f64> {
        let alive = self.p_alive(x, t_x, t);
        if alive.is_nan() || alive <= 0.5 {
            return None;
        }
        let stay = 1.0 - 0.5 / alive;
        let days = (self.alpha + t) * (stay.powf(-1.0 / (self.r + x)) - 1.0);
        days.is_finite().then_some(days)
    }
}

/// The Gamma-Gamma log-likelihood of one customer with `x` purchases of mean `m`.
pub fn gamma_gamma_customer_ll(p: f64, q: f64, gamma: f64, x: f64, m: f64) -> f64 {
    lgamma(p * x + q) - lgamma(p * x) - lgamma(q)
        + q * gamma.ln()
        + (p * x - 1.0) * m.ln()
        + p * x * x.ln()
        - (p * x + q) * (gamma + m * x).ln()
}

/// Fits Gamma-Gamma to customers' (purchases, mean spend per purchase); spends
/// must be positive.
pub fn fit_gamma_gamma(
    customers: &[(f64, f64)],
    progress: &Progress,
) -> Result<GammaGamma, AnalysisError> {
    let n = customers.len() as f64;
    let mean_m = customers.iter().map(|c| c.1).sum::<f64>() / n.max(1.0);
    let data = GammaGammaData::new(customers);
    // Start at p = 1, q = 2 and gamma so that the mean spend p·gamma/(q − 1) fits.
    let start = [0.0, 2f64.ln(), mean_m.max(1e-9).ln()];
    let min = minimise(|v: &[f64]| data.evaluate(v), &start, progress)?;
    let [p, q, gamma] = [0, 1, 2].map(|i| min.point[i].exp());
    if !min.converged {
        return Err(not_converged(
            "Gamma-Gamma",
            tr!(
                "value-error-not-settled",
                iterations = min.iterations.to_string()
            ),
        ));
    }
    Ok(GammaGamma {
        p,
        q,
        gamma,
        log_likelihood: -min.value * n,
    })
}

impl GammaGamma {
    /// Expected spend per purchase of a customer with `x` purchases of mean `m`;
    /// None when p·x + q ≤ 1.
    pub fn expected_spend(&self, x: f64, m: f64) -> Option<f64> {
        let denominator = self.p * x + self.q - 1.0;
        (denominator > 0.0).then(|| (self.gamma + m * x) * self.p / denominator)
    }
}

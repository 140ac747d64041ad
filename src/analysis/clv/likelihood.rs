//! The MBG/NBD and Gamma-Gamma log-likelihoods with their gradients, arranged
//! so that a fit's many evaluations are cheap on a million customers.
//!
//! Contract:
//! - Both are evaluated in log parameters (what the search moves) and return the
//!   mean negative log-likelihood per customer and its gradient, or None where
//!   either is not finite. The value is the one [`super::models`]' per-customer
//!   formulas give, summed.
//! - Work is split by what each term depends on: the Gamma-function terms
//!   depend on the purchase count only, so they are computed once per distinct
//!   count; `ln(α + t)` once per day; only the few terms that mix a customer's
//!   days and count run per history, in parallel over fixed blocks whose sums
//!   are added in block order (the same result on any number of threads).
//! - Derivatives of ln Γ are digamma values ([`digamma`]).

use std::collections::BTreeMap;

use libm::lgamma;
use rayon::prelude::*;

use super::optim::Evaluation;

/// Histories per parallel block.
const BLOCK: usize = 8192;

/// ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to
/// x ≥ 10, then the asymptotic series (error below 1e-13 there).
pub fn digamma(mut x: f64) -> f64 {
    let mut shift = 0.0;
    while x < 10.0 {
        shift -= 1.0 / x;
        x += 1.0;
    }
    let f = 1.0 / (x * x);
    let series =
        f * (1.0 / 12.0 - f * (1.0 / 120.0 - f * (1.0 / 252.0 - f * (1.0 / 240.0 - f / 132.0))));
    shift + x.ln() - 0.5 / x - series
}

/// Adds block sums in block order.
fn add_blocks<const K: usize>(blocks: Vec<[f64; K]>) -> [f64; K] {
    blocks.into_iter().fold([0.0; K], |mut total, b| {
        total.iter_mut().zip(b).for_each(|(t, v)| *t += v);
        total
    })
}

/// MBG/NBD histories prepared for evaluation.
pub struct MbgNbdData {
    /// Distinct repeat counts x with the number of customers at each.
    counts: Vec<(f64, f64)>,
    /// (index into `counts`, t_x, T, customers) per distinct history.
    rows: Vec<(usize, u32, u32, f64)>,
    longest: u32,
    customers: f64,
}

impl MbgNbdData {
    pub fn new(histories: &[((u32, u32, u32), f64)]) -> MbgNbdData {
        let mut by_x: BTreeMap<u32, f64> = BTreeMap::new();
        for &((x, _, _), n) in histories {
            *by_x.entry(x).or_default() += n;
        }
        let index: BTreeMap<u32, usize> = by_x.keys().enumerate().map(|(i, &x)| (x, i)).collect();
        MbgNbdData {
            counts: by_x.iter().map(|(&x, &n)| (f64::from(x), n)).collect(),
            rows: histories
                .iter()
                .map(|&((x, t_x, t), n)| (index[&x], t_x, t, n))
                .collect(),
            longest: histories
                .iter()
                .map(|h| h.0.1.max(h.0.2))
                .max()
                .unwrap_or(0),
            customers: histories.iter().map(|h| h.1).sum(),
        }
    }

    /// Mean negative log-likelihood and its gradient at `log_params` = ln(r, α, a, b).
    pub fn evaluate(&self, log_params: &[f64]) -> Evaluation {
        let [r, alpha, a, b] = [0, 1, 2, 3].map(|i| log_params[i].exp());
        // ln(α + t) and 1/(α + t) for every day t.
        let days: Vec<(f64, f64)> = (0..=self.longest)
            .map(|t| {
                let at = alpha + f64::from(t);
                (at.ln(), 1.0 / at)
            })
            .collect();
        let (ln_a, ln_alpha) = (a.ln(), alpha.ln());
        let (psi_r, psi_ab, psi_b) = (digamma(r), digamma(a + b), digamma(b));
        let (lg_r, lg_ab, lg_b) = (lgamma(r), lgamma(a + b), lgamma(b));
        // Per distinct x: ln(b + x), 1/(b + x), and the Gamma and Beta terms
        // ln Γ(r + x) α^r / Γ(r) + ln B(a, b + x + 1) / B(a, b) with their gradient.
        let mut head = [0.0; 5];
        let per_x: Vec<(f64, f64)> = self
            .counts
            .iter()
            .map(|&(x, n)| {
                let value = lgamma(r + x) - lg_r + r * ln_alpha + lg_ab + lgamma(b + x + 1.0)
                    - lg_b
                    - lgamma(a + b + x + 1.0);
                let tail = digamma(a + b + x + 1.0);
                let terms = [
                    value,
                    digamma(r + x) - psi_r + ln_alpha,
                    r / alpha,
                    psi_ab - tail,
                    psi_ab + digamma(b + x + 1.0) - psi_b - tail,
                ];
                head.iter_mut().zip(terms).for_each(|(h, t)| *h += n * t);
                ((b + x).ln(), 1.0 / (b + x))
            })
            .collect();
        // Per history: ln((α + T)^−(r+x) + a/(b + x) · (α + t_x)^−(r+x)) and its gradient.
        let blocks: Vec<[f64; 5]> = self
            .rows
            .par_chunks(BLOCK)
            .map(|block| {
                let mut s = [0.0; 5];
                for &(xi, t_x, t, n) in block {
                    let x = self.counts[xi].0;
                    let (ln_bx, inv_bx) = per_x[xi];
                    let (ln_t, inv_t) = days[t as usize];
                    let (ln_tx, inv_tx) = days[t_x as usize];
                    let c = r + x;
                    let a3 = -c * ln_t;
                    let a4 = ln_a - ln_bx - c * ln_tx;
                    // Weights of the two terms in their sum (softmax of a3, a4).
                    let e = (-(a4 - a3).abs()).exp();
                    let (log_sum, w4) = if a4 >= a3 {
                        (a4 + e.ln_1p(), 1.0 / (1.0 + e))
                    } else {
                        (a3 + e.ln_1p(), e / (1.0 + e))
                    };
                    let w3 = 1.0 - w4;
                    s[0] += n * log_sum;
                    s[1] -= n * (w3 * ln_t + w4 * ln_tx);
                    s[2] -= n * c * (w3 * inv_t + w4 * inv_tx);
                    s[3] += n * w4 / a;
                    s[4] -= n * w4 * inv_bx;
                }
                s
            })
            .collect();
        let body = add_blocks(blocks);
        let total: Vec<f64> = head.iter().zip(body).map(|(h, b)| h + b).collect();
        let scale = -1.0 / self.customers.max(1.0);
        let value = total[0] * scale;
        // d/d ln p = p · d/dp.
        let gradient: Vec<f64> = [r, alpha, a, b]
            .iter()
            .zip(&total[1..])
            .map(|(p, g)| p * g * scale)
            .collect();
        (value.is_finite() && gradient.iter().all(|g| g.is_finite())).then_some((value, gradient))
    }
}

/// Gamma-Gamma customers prepared for evaluation.
pub struct GammaGammaData {
    /// Per distinct purchase count x: (x, customers, Σ ln m over them).
    counts: Vec<(f64, f64, f64)>,
    /// (x, m · x) per customer.
    rows: Vec<(f64, f64)>,
}

impl GammaGammaData {
    /// From customers' (purchases, mean spend per purchase), spends positive.
    pub fn new(customers: &[(f64, f64)]) -> GammaGammaData {
        let mut by_x: BTreeMap<u64, (f64, f64)> = BTreeMap::new();
        for &(x, m) in customers {
            let entry = by_x.entry(x.to_bits()).or_default();
            entry.0 += 1.0;
            entry.1 += m.ln();
        }
        GammaGammaData {
            counts: by_x
                .into_iter()
                .map(|(bits, (n, ln_m))| (f64::from_bits(bits), n, ln_m))
                .collect(),
            rows: customers.iter().map(|&(x, m)| (x, m * x)).collect(),
        }
    }

    /// Mean negative log-likelihood and its gradient at `log_params` = ln(p, q, γ).
    pub fn evaluate(&self, log_params: &[f64]) -> Evaluation {
        let [p, q, gamma] = [0, 1, 2].map(|i| log_params[i].exp());
        let (ln_gamma, lg_q, psi_q) = (gamma.ln(), lgamma(q), digamma(q));
        // Terms of the count alone: ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ
        // + (px − 1) ln m + px ln x.
        let mut total = [0.0; 4];
        for &(x, n, ln_m) in &self.counts {
            let (px, ln_x) = (p * x, x.ln());
            let (psi_all, psi_px) = (digamma(px + q), digamma(px));
            total[0] += n * (lgamma(px + q) - lgamma(px) - lg_q + q * ln_gamma + px * ln_x)
                + (px - 1.0) * ln_m;
            total[1] += n * x * (psi_all - psi_px + ln_x) + x * ln_m;
            total[2] += n * (psi_all - psi_q + ln_gamma);
            total[3] += n * q / gamma;
        }
        // Per customer: −(px + q) ln(γ + m x).
        let blocks: Vec<[f64; 4]> = self
            .rows
            .par_chunks(BLOCK)
            .map(|block| {
                let mut s = [0.0; 4];
                for &(x, mx) in block {
                    let (ln_sum, weight) = ((gamma + mx).ln(), p * x + q);
                    s[0] -= weight * ln_sum;
                    s[1] -= x * ln_sum;
                    s[2] -= ln_sum;
                    s[3] -= weight / (gamma + mx);
                }
                s
            })
            .collect();
        let body = add_blocks(blocks);
        let scale = -1.0 / (self.rows.len().max(1) as f64);
        let value = (total[0] + body[0]) * scale;
        let gradient: Vec<f64> = [p, q, gamma]
            .iter()
            .enumerate()
            .map(|(i, v)| v * (total[i + 1] + body[i + 1]) * scale)
            .collect();
        (value.is_finite() && gradient.iter().all(|g| g.is_finite())).then_some((value, gradient))
    }
}

#[cfg(test)]
mod tests {
    use super::super::models::{gamma_gamma_customer_ll, mbgnbd_log_likelihood};
    use super::*;

    /// Central differences of `f`'s value, to check its analytic gradient.
    fn check_gradient(f: impl Fn(&[f64]) -> Evaluation, at: &[f64]) {
        let (_, gradient) = f(at).expect("finite");
        for i in 0..at.len() {
            let h = 1e-5;
            let (mut up, mut down) = (at.to_vec(), at.to_vec());
            up[i] += h;
            down[i] -= h;
            let numeric = (f(&up).expect("up").0 - f(&down).expect("down").0) / (2.0 * h);
            assert!(
                (numeric - gradient[i]).abs() < 1e-7 * (1.0 + numeric.abs()),
                "parameter {i}: analytic {} numeric {numeric}",
                gradient[i]
            );
        }
    }

    #[test]
    fn digamma_matches_known_values() {
        let euler = 0.577_215_664_901_532_9;
        assert!((digamma(1.0) + euler).abs() < 1e-13);
        assert!((digamma(0.5) + euler + 2.0 * 2f64.ln()).abs() < 1e-13);
        // ψ(x + 1) = ψ(x) + 1/x, across the switch to the series at 10.
        for x in [0.01, 0.3, 2.7, 9.5, 9.99, 40.0] {
            assert!(
                (digamma(x + 1.0) - digamma(x) - 1.0 / x).abs() < 1e-12,
                "{x}"
            );
        }
    }

    #[test]
    fn mbgnbd_value_and_gradient_match_the_per_customer_formula() {
        let histories = [
            ((0, 0, 30), 5.0),
            ((0, 0, 400), 2.0),
            ((1, 20, 300), 1.0),
            ((4, 250, 260), 3.0),
            ((17, 30, 700), 1.0),
        ];
        let data = MbgNbdData::new(&histories);
        for params in [[0.8, 30.0, 1.5, 4.0], [2.5, 130.0, 0.2, 0.35]] {
            let at = params.map(f64::ln);
            let (value, _) = data.evaluate(&at).expect("finite");
            let direct = -mbgnbd_log_likelihood(params, &histories) / 12.0;
            assert!(
                (value - direct).abs() < 1e-12 * direct.abs(),
                "{value} vs {direct}"
            );
            check_gradient(|p| data.evaluate(p), &at);
        }
    }

    #[test]
    fn gamma_gamma_value_and_gradient_match_the_per_customer_formula() {
        let customers = [
            (2.0, 30.0),
            (2.0, 55.5),
            (3.0, 12.0),
            (7.0, 80.0),
            (2.5, 40.0),
        ];
        let data = GammaGammaData::new(&customers);
        for params in [[6.0, 4.0, 15.0], [0.7, 1.3, 200.0]] {
            let at = params.map(f64::ln);
            let (value, _) = data.evaluate(&at).expect("finite");
            let direct = -customers
                .iter()
                .map(|&(x, m)| gamma_gamma_customer_ll(params[0], params[1], params[2], x, m))
                .sum::<f64>()
                / 5.0;
            assert!(
                (value - direct).abs() < 1e-12 * direct.abs(),
                "{value} vs {direct}"
            );
            check_gradient(|p| data.evaluate(p), &at);
        }
    }

    #[test]
    fn a_point_without_a_finite_likelihood_is_none() {
        let data = MbgNbdData::new(&[((1, 10, 20), 1.0)]);
        assert_eq!(data.evaluate(&[800.0, 0.0, 0.0, 0.0]), None);
    }
}

//! Implicit matrix factorisation by alternating least squares (Hu, Koren and
//! Volinsky 2008) with the conjugate-gradient solver of Takács, Pilászy and Tikk
//! (2011).
//!
//! Contract:
//! - Preference p(u,i) = 1 where the customer bought the item, confidence
//!   c(u,i) = 1 + α·count; unbought pairs have p = 0, c = 1. Minimises
//!   Σ c(u,i)(p(u,i) − x_u·y_i)² + λ(Σ|x_u|² + Σ|y_i|²).
//! - Each half-step solves every row's normal equations with `cg_steps` CG steps,
//!   warm-started from the previous factors (in parallel with rayon).
//! - Factors start from seeded uniform noise in ±0.01/√factors·10: the same
//!   settings give the same factors on any number of threads.
//! - Progress is reported after each iteration; a cancel is seen between iterations.
//!
//! `discorec` 0.3 was considered: it fits single-threaded and has no progress or
//! cancel hook, so a fit on a large shop could neither be watched nor stopped.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::sparse::Csr;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;

/// Settings of the ALS fit.
#[derive(Clone, Debug, PartialEq)]
pub struct AlsParams {
    /// Length of each customer and item vector.
    pub factors: usize,
    /// λ, the L2 penalty on the factors.
    pub regularization: f32,
    /// α in the confidence 1 + α·count.
    pub alpha: f32,
    /// Full alternations (customers then items).
    pub iterations: usize,
    /// Conjugate-gradient steps per row and half-step.
    pub cg_steps: usize,
    pub seed: u64,
}

impl Default for AlsParams {
    fn default() -> Self {
        AlsParams {
            factors: 64,
            regularization: 0.1,
            alpha: 10.0,
            iterations: 15,
            cg_steps: 3,
            seed: 42,
        }
    }
}

impl AlsParams {
    /// An error naming the first setting that cannot work.
    pub fn check(&self) -> Result<(), AnalysisError> {
        let bad = |why: &str| {
            Err(AnalysisError::Invalid {
                what: "ALS settings".into(),
                why: why.into(),
            })
        };
        if self.factors == 0 || self.factors > 1024 {
            return bad("factors must be between 1 and 1024");
        }
        if !(self.regularization >= 0.0 && self.regularization.is_finite()) {
            return bad("regularization must be 0 or more");
        }
        if !(self.alpha >= 0.0 && self.alpha.is_finite()) {
            return bad("alpha must be 0 or more");
        }
        if self.iterations == 0 || self.cg_steps == 0 {
            return bad("iterations and CG steps must be at least 1");
        }
        Ok(())
    }
}

/// Customer and item factors, row-major (`rows × factors`).
#[derive(Clone, Debug)]
pub struct Factors {
    pub factors: usize,
    pub users: Vec<f32>,
    pub items: Vec<f32>,
}

impl Factors {
    pub fn user(&self, u: usize) -> &[f32] {
        &self.users[u * self.factors..(u + 1) * self.factors]
    }

    pub fn item(&self, i: usize) -> &[f32] {
        &self.items[i * self.factors..(i + 1) * self.factors]
    }
}

/// Fits ALS on the customer × item count matrix `train`.
pub fn fit_als(
    train: &Csr,
    params: &AlsParams,
    progress: &Progress,
) -> Result<Factors, AnalysisError> {
    params.check()?;
    let f = params.factors;
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    let scale = 0.1 / (f as f32).sqrt();
    let mut init = |rows: usize| -> Vec<f32> {
        (0..rows * f)
            .map(|_| rng.random_range(-scale..scale))
            .collect()
    };
    let mut users = init(train.rows);
    let mut items = init(train.cols);
    let by_item = train.transpose();
    let confidence = |m: &Csr| -> Vec<f32> { m.values.iter().map(|v| params.alpha * v).collect() };
    // Stored as c − 1 = α·count, the only part that differs from the unbought pairs.
    let user_conf = confidence(train);
    let item_conf = confidence(&by_item);
    for iteration in 0..params.iterations {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        half_step(train, &user_conf, &mut users, &items, params);
        half_step(&by_item, &item_conf, &mut items, &users, params);
        progress.report(iteration as u64 + 1, params.iterations as u64);
    }
    Ok(Factors {
        factors: f,
        users,
        items,
    })
}

/// Updates every row of `x` given the fixed `y`.
fn half_step(m: &Csr, extra: &[f32], x: &mut [f32], y: &[f32], params: &AlsParams) {
    let f = params.factors;
    let gram = gram(y, f, params.regularization);
    x.par_chunks_mut(f)
        .enumerate()
        .with_min_len(64)
        .for_each_init(
            || (vec![0f32; f], vec![0f32; f], vec![0f32; f]),
            |(r, p, ap), (u, xu)| {
                let range = m.indptr[u]..m.indptr[u + 1];
                let cols = &m.indices[range.clone()];
                let conf = &extra[range];
                solve_row(&gram, cols, conf, y, xu, r, p, ap, params.cg_steps);
            },
        );
}

/// YᵀY + λI (f × f, row-major).
fn gram(y: &[f32], f: usize, regularization: f32) -> Vec<f32> {
    let rows = y.len() / f;
    let chunk = 4096;
    let partial: Vec<Vec<f32>> = (0..rows.div_ceil(chunk))
        .into_par_iter()
        .map(|c| {
            let mut g = vec![0f32; f * f];
            for r in c * chunk..((c + 1) * chunk).min(rows) {
                let v = &y[r * f..(r + 1) * f];
                for a in 0..f {
                    let va = v[a];
                    let row = &mut g[a * f..(a + 1) * f];
                    for (g, &vb) in row.iter_mut().zip(v) {
                        *g += va * vb;
                    }
                }
            }
            g
        })
        .collect();
    let mut g = vec![0f32; f * f];
    for p in partial {
        for (a, b) in g.iter_mut().zip(p) {
            *a += b;
        }
    }
    for a in 0..f {
        g[a * f + a] += regularization;
    }
    g
}

/// The dot product of two equal-length vectors.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight lanes so the compiler vectorises without reassociating floats.
    let mut acc = [0f32; 8];
    let (ca, ra) = a.as_chunks::<8>();
    let (cb, rb) = b.as_chunks::<8>();
    for (x, y) in ca.iter().zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let tail: f32 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    acc.iter().sum::<f32>() + tail
}

/// `out[r] = m[r] · v` for every row `r` of the row-major matrix `m` (rows of
/// `v.len()`). Four rows at a time, so each load of `v` serves four dot products.
pub fn matvec(m: &[f32], v: &[f32], out: &mut [f32]) {
    let f = v.len();
    let (cv, rv) = v.as_chunks::<8>();
    let rows = out.len();
    let mut r = 0;
    while r + 4 <= rows {
        let mut acc = [[0f32; 8]; 4];
        let block = &m[r * f..(r + 4) * f];
        let lanes: [&[f32]; 4] = [
            &block[..f],
            &block[f..2 * f],
            &block[2 * f..3 * f],
            &block[3 * f..],
        ];
        for (c, x) in cv.iter().enumerate() {
            for (acc, lane) in acc.iter_mut().zip(lanes) {
                let y = &lane[c * 8..c * 8 + 8];
                for k in 0..8 {
                    acc[k] += y[k] * x[k];
                }
            }
        }
        let tail_start = cv.len() * 8;
        for (j, (acc, lane)) in acc.iter().zip(lanes).enumerate() {
            let tail: f32 = lane[tail_start..].iter().zip(rv).map(|(a, b)| a * b).sum();
            out[r + j] = acc.iter().sum::<f32>() + tail;
        }
        r += 4;
    }
    for (k, o) in out.iter_mut().enumerate().skip(r) {
        *o = dot(&m[k * f..(k + 1) * f], v);
    }
}

fn axpy(alpha: f32, x: &[f32], y: &mut [f32]) {
    for (y, &x) in y.iter_mut().zip(x) {
        *y += alpha * x;
    }
}

/// Runs CG on (YᵀY + λI + Yᵀ(C−I)Y) x = YᵀC p for one row, from the current `x`.
#[allow(clippy::too_many_arguments)]
fn solve_row(
    gram: &[f32],
    cols: &[u32],
    extra: &[f32],
    y: &[f32],
    x: &mut [f32],
    r: &mut [f32],
    p: &mut [f32],
    ap: &mut [f32],
    steps: usize,
) {
    let f = x.len();
    // r = YᵀC p − (YᵀY + λI) x − Yᵀ(C−I)Y x
    matvec(gram, x, r);
    for ra in r.iter_mut() {
        *ra = -*ra;
    }
    for (&i, &c1) in cols.iter().zip(extra) {
        let yi = &y[i as usize * f..(i as usize + 1) * f];
        axpy((1.0 + c1) - c1 * dot(yi, x), yi, r);
    }
    p.copy_from_slice(r);
    let mut rs_old = dot(r, r);
    for _ in 0..steps {
        if rs_old < 1e-20 {
            break;
        }
        matvec(gram, p, ap);
        for (&i, &c1) in cols.iter().zip(extra) {
            let yi = &y[i as usize * f..(i as usize + 1) * f];
            axpy(c1 * dot(yi, p), yi, ap);
        }
        let pap = dot(p, ap);
        if pap <= 0.0 {
            break;
        }
        let alpha = rs_old / pap;
        axpy(alpha, p, x);
        axpy(-alpha, ap, r);
        let rs_new = dot(r, r);
        let beta = rs_new / rs_old;
        for (pa, &ra) in p.iter_mut().zip(r.iter()) {
            *pa = ra + beta * *pa;
        }
        rs_old = rs_new;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matvec_matches_row_dots() {
        // 6 rows of 11: a block of four, two single rows, and a 3-wide tail.
        let m: Vec<f32> = (0..66).map(|k| (k % 7) as f32 - 3.0).collect();
        let v: Vec<f32> = (0..11).map(|k| k as f32 * 0.5).collect();
        let mut out = vec![0f32; 6];
        matvec(&m, &v, &mut out);
        for (r, o) in out.iter().enumerate() {
            let expected: f32 = (0..11).map(|k| m[r * 11 + k] * v[k]).sum();
            assert!((o - expected).abs() < 1e-4, "row {r}: {o} vs {expected}");
        }
    }

    #[test]
    fn als_reconstructs_two_blocks_and_stops_on_cancel() {
        // Customers 0–3 buy items 0–2, customers 4–7 buy items 3–5; each misses one.
        let mut triplets = Vec::new();
        for u in 0..8u32 {
            let base = if u < 4 { 0 } else { 3 };
            for i in base..base + 3 {
                if i != base + u % 3 {
                    triplets.push((u, i, 1.0));
                }
            }
        }
        let train = Csr::from_triplets(8, 6, &triplets);
        let params = AlsParams {
            // Rank 2 cannot fit each customer's hole: it must learn the blocks.
            factors: 2,
            regularization: 1.0,
            iterations: 10,
            ..AlsParams::default()
        };
        let model = fit_als(&train, &params, &Progress::detached()).expect("fit");
        let score = |u: usize, i: usize| dot(model.user(u), model.item(i));
        // Customer 0 did not buy item 0 but its block: it outranks the other block.
        for other in 3..6 {
            assert!(
                score(0, 0) > score(0, other) + 0.1,
                "{} vs {}",
                score(0, 0),
                score(0, other)
            );
        }
        let progress = Progress::detached();
        progress.cancel();
        assert!(matches!(
            fit_als(&train, &params, &progress),
            Err(AnalysisError::Cancelled)
        ));
    }
}

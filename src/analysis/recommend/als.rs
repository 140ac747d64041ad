//! Implicit matrix factorisation by alternating least squares (Hu, Koren and
//! Volinsky 2008) with the conjugate-gradient solver of Takács, Pilászy and Tikk
//! (2011).
//!
//! Contract:
//! - Preference p(u,i) = 1 where the customer bought the item, confidence
//!   c(u,i) = 1 + α·count; unbought pairs have p = 0, c = 1. Minimises
//!   Σ c(u,i)(p(u,i) − x_u·y_i)² + λ(Σ|x_u|² + Σ|y_i|²).
//! - Each half-step solves every row's normal equations with `cg_steps` CG steps,
//!   warm-started from the previous factors (in parallel with rayon). Rows go in
//!   blocks of 128 (`BLOCK_ROWS`): the dense part of every CG step is one matrix
//!   product for the block, each row keeps its own CG scalars and stopping test.
//! - Recommend-all scores [`SCORE_BLOCK`] customers against every item in one
//!   matrix product ([`score_block`]) and keeps the top N in one pass
//!   ([`best_items`]: the order of `top_n`, ties by lower item index).
//! - Factors start from seeded uniform noise in ±0.01/√factors·10: the same
//!   settings give the same factors on any number of threads.
//! - Progress is reported after each iteration; a cancel is seen between iterations.
//!
//! `discorec` 0.3 was considered: it fits single-threaded and has no progress or
//! cancel hook, so a fit on a large shop could neither be watched nor stopped.

use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayView2, ArrayViewMut2};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::knn::top_n;
use super::sparse::Csr;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

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
        let bad = |why: String| {
            Err(AnalysisError::Invalid {
                what: tr!("analysis-als-settings"),
                why,
            })
        };
        if self.factors == 0 || self.factors > 1024 {
            return bad(tr!("analysis-als-factors"));
        }
        if !(self.regularization >= 0.0 && self.regularization.is_finite()) {
            return bad(tr!("analysis-als-regularization"));
        }
        if !(self.alpha >= 0.0 && self.alpha.is_finite()) {
            return bad(tr!("analysis-als-alpha"));
        }
        if self.iterations == 0 || self.cg_steps == 0 {
            return bad(tr!("analysis-als-iterations"));
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

/// Rows solved together: each CG step multiplies the whole block by YᵀY + λI in
/// one matrix product (ndarray's GEMM, vectorised for the CPU at run time)
/// instead of one matrix-vector product per row.
const BLOCK_ROWS: usize = 128;

/// Updates every row of `x` given the fixed `y`.
fn half_step(m: &Csr, extra: &[f32], x: &mut [f32], y: &[f32], params: &AlsParams) {
    let f = params.factors;
    let gram = gram(y, f, params.regularization);
    let gram = matrix(f, &gram);
    x.par_chunks_mut(BLOCK_ROWS * f)
        .enumerate()
        .for_each(|(b, block)| {
            let rows = Rows {
                m,
                extra,
                first: b * BLOCK_ROWS,
            };
            solve_block(&gram, &rows, y, block, params.cg_steps);
        });
}

/// `values` as a `rows × f` matrix view (`values.len()` is a multiple of `f`).
fn matrix(f: usize, values: &[f32]) -> ArrayView2<'_, f32> {
    ArrayView2::from_shape((values.len() / f, f), values).expect("rows of f values")
}

/// The mutable counterpart of [`matrix`].
fn matrix_mut(f: usize, values: &mut [f32]) -> ArrayViewMut2<'_, f32> {
    ArrayViewMut2::from_shape((values.len() / f, f), values).expect("rows of f values")
}

/// The rows of a block: row `k` of the block is row `first + k` of `m`.
struct Rows<'a> {
    m: &'a Csr,
    extra: &'a [f32],
    first: usize,
}

impl Rows<'_> {
    /// Column indices and c − 1 of the block's row `k`.
    fn entries(&self, k: usize) -> (&[u32], &[f32]) {
        let range = self.m.indptr[self.first + k]..self.m.indptr[self.first + k + 1];
        (&self.m.indices[range.clone()], &self.extra[range])
    }
}

/// Customers scored together by [`score_block`] in recommend-all.
pub const SCORE_BLOCK: usize = 64;

/// Scores of `users` for every item, row-major (`users.len() × items`): the
/// block of customer factors times the transposed item factors, one matrix product.
pub fn score_block(factors: &Factors, users: &[usize]) -> Vec<f32> {
    let f = factors.factors;
    let items = factors.items.len() / f;
    let mut block = Vec::with_capacity(users.len() * f);
    for &u in users {
        block.extend_from_slice(factors.user(u));
    }
    let mut out = vec![0f32; users.len() * items];
    let mut scores =
        ArrayViewMut2::from_shape((users.len(), items), &mut out[..]).expect("users × items");
    general_mat_mul(
        1.0,
        &matrix(f, &block),
        &matrix(f, &factors.items).t(),
        0.0,
        &mut scores,
    );
    out
}

/// The `n` best `(item, score)` of one customer's `scores` (indexed by item),
/// leaving out the items `skip` names: best first, ties by lower item index, as
/// [`top_n`] over every score. One pass: an item enters only above the n-th best
/// kept so far.
pub fn best_items(scores: &[f32], n: usize, skip: impl Fn(u32) -> bool) -> Vec<(u32, f32)> {
    let mut kept: Vec<(u32, f32)> = Vec::with_capacity(2 * n + 1);
    if n == 0 {
        return kept;
    }
    let mut floor: Option<f32> = None;
    for (i, &s) in scores.iter().enumerate() {
        // Equal to the floor loses: every kept item has a lower index.
        if floor.is_some_and(|t| s.total_cmp(&t).is_le()) || skip(i as u32) {
            continue;
        }
        kept.push((i as u32, s));
        if kept.len() > 2 * n {
            top_n(&mut kept, n);
            floor = Some(kept[n - 1].1);
        }
    }
    top_n(&mut kept, n);
    kept
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

/// Runs `steps` CG steps on (YᵀY + λI + Yᵀ(C−I)Y) x = YᵀC p for every row of
/// the block `x` (row-major, `rows × f`), from the current `x`. Each row keeps
/// its own CG scalars and stops on its own, exactly as if solved alone.
fn solve_block(
    gram: &ArrayView2<'_, f32>,
    rows: &Rows<'_>,
    y: &[f32],
    x: &mut [f32],
    steps: usize,
) {
    let f = gram.nrows();
    let n = x.len() / f;
    let mut r = vec![0f32; n * f];
    let mut p = vec![0f32; n * f];
    let mut ap = vec![0f32; n * f];
    let item = |i: u32| &y[i as usize * f..(i as usize + 1) * f];
    // r = YᵀC p − (YᵀY + λI) x − Yᵀ(C−I)Y x; the Gram matrix is symmetric, so
    // the block's rows times it are the rows' products with it.
    general_mat_mul(-1.0, &matrix(f, x), gram, 0.0, &mut matrix_mut(f, &mut r));
    let mut rs_old = vec![0f32; n];
    for k in 0..n {
        let (cols, extra) = rows.entries(k);
        let (xk, rk) = (&x[k * f..(k + 1) * f], &mut r[k * f..(k + 1) * f]);
        for (&i, &c1) in cols.iter().zip(extra) {
            let yi = item(i);
            axpy((1.0 + c1) - c1 * dot(yi, xk), yi, rk);
        }
        rs_old[k] = dot(rk, rk);
    }
    p.copy_from_slice(&r);
    let mut active = vec![true; n];
    for _ in 0..steps {
        for (a, &rs) in active.iter_mut().zip(&rs_old) {
            *a = *a && rs >= 1e-20;
        }
        if !active.contains(&true) {
            break;
        }
        general_mat_mul(1.0, &matrix(f, &p), gram, 0.0, &mut matrix_mut(f, &mut ap));
        for k in 0..n {
            if !active[k] {
                continue;
            }
            let (cols, extra) = rows.entries(k);
            let span = k * f..(k + 1) * f;
            let (pk, apk) = (&mut p[span.clone()], &mut ap[span.clone()]);
            for (&i, &c1) in cols.iter().zip(extra) {
                let yi = item(i);
                axpy(c1 * dot(yi, pk), yi, apk);
            }
            let pap = dot(pk, apk);
            if pap <= 0.0 {
                active[k] = false;
                continue;
            }
            let alpha = rs_old[k] / pap;
            let rk = &mut r[span.clone()];
            axpy(alpha, pk, &mut x[span]);
            axpy(-alpha, apk, rk);
            let rs_new = dot(rk, rk);
            let beta = rs_new / rs_old[k];
            for (pa, &ra) in pk.iter_mut().zip(rk.iter()) {
                *pa = ra + beta * *pa;
            }
            rs_old[k] = rs_new;
        }
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
    fn block_scores_and_best_items_match_row_by_row_ranking() {
        let f = 5;
        let (users, items) = (7, 40);
        // Scores on a coarse grid, so many items tie.
        let value = |k: usize| ((k * 7919) % 11) as f32 * 0.5 - 2.0;
        let factors = Factors {
            factors: f,
            users: (0..users * f).map(value).collect(),
            items: (0..items * f).map(|k| value(k + 3)).collect(),
        };
        let picked = [6, 0, 3];
        let block = score_block(&factors, &picked);
        for (row, &u) in picked.iter().enumerate() {
            let scores = &block[row * items..(row + 1) * items];
            let mut expected: Vec<(u32, f32)> = Vec::new();
            for (i, &s) in scores.iter().enumerate() {
                let direct = dot(factors.user(u), factors.item(i));
                assert!(
                    (s - direct).abs() < 1e-4,
                    "user {u} item {i}: {s} vs {direct}"
                );
                if i % 3 != 0 {
                    expected.push((i as u32, s));
                }
            }
            for n in [0, 1, 4, 10, 40] {
                let mut top = expected.clone();
                top_n(&mut top, n);
                assert_eq!(best_items(scores, n, |i| i % 3 == 0), top, "n = {n}");
            }
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

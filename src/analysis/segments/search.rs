//! K-means over a standardised feature matrix, for one K or the best K in a range,
//! with inertia and silhouette per K.
//!
//! Contract:
//! - `n_runs` restarts per K (the run with the lowest inertia wins). Each is
//!   seeded by linfa-clustering's k-means++ (and its first Lloyd step), then
//!   iterated to convergence by [`super::hamerly`] (Lloyd's centroids, fewer
//!   distances). Run r draws from the r-th jump of the RNG Xoshiro256Plus
//!   seeded with `seed + k`: the same seed and data give the same labels.
//! - Labels are renumbered by descending cluster size, ties by the seeded centroid
//!   order, so segment 0 is the largest.
//! - `inertia` is the sum of squared distances to the nearest centroid (as
//!   scikit-learn's `inertia_`).
//! - Silhouette (Euclidean, a singleton cluster scores 0): exact when there are
//!   fewer than [`SearchParams::exact_silhouette_below`] rows, otherwise on a
//!   seeded uniform sample of [`SearchParams::silhouette_sample`] rows (the same
//!   rows for every K), with the error [`super::silhouette`] states.
//! - Large data: with more than [`SearchParams::fit_sample`] rows, each K is
//!   fitted on a seeded uniform sample of that many rows (the same rows for every
//!   K) with [`SearchParams::sampled_n_runs`] restarts, then every row is assigned
//!   to its nearest centroid and each centroid moved to the mean of its members;
//!   inertia, silhouette and labels come from that assignment. Below it the whole data is fitted, as before.
//! - Auto K and the K values fitted: see [`super::auto_k`]; [`Clustering::reason`]
//!   says why this K in one line. Cancel is checked between K values.

use linfa::prelude::*;
use linfa_clustering::{KMeans, KMeansInit};
use linfa_nn::distance::Distance;
use ndarray::{Array2, ArrayView, ArrayView2, Axis, Dimension};
use rand::SeedableRng;
use rand::seq::index::sample;
use rand_chacha::ChaCha8Rng;
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::SeedableRng as _;
use rayon::prelude::*;

use super::auto_k::{CHART_K, choose_k, k_values};
use super::hamerly::{KMeansFit, hamerly};
use super::silhouette::silhouette;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::tr;

/// How K is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KChoice {
    /// Exactly this K.
    Fixed(usize),
    /// The K of `min..=max` that [`super::auto_k::AUTO_K_RULE`] picks.
    Auto { min: usize, max: usize },
}

impl Default for KChoice {
    fn default() -> Self {
        KChoice::Auto { min: 3, max: 8 }
    }
}

/// K-means settings.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchParams {
    pub k: KChoice,
    /// Restarts per K; the lowest inertia wins.
    pub n_runs: usize,
    pub seed: u64,
    pub max_iterations: u64,
    /// Stop when the centroids' summed squared move in one iteration is at most
    /// this: scikit-learn's `tol` on standardised data (its default 1e-4).
    pub tolerance: f64,
    /// Exact silhouette below this many rows.
    pub exact_silhouette_below: usize,
    /// Rows sampled for the silhouette above that.
    pub silhouette_sample: usize,
    /// Above this many rows, K-means is fitted on a sample of this many.
    pub fit_sample: usize,
    /// Restarts per K when fitting on a sample (at most `n_runs`).
    pub sampled_n_runs: usize,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            k: KChoice::default(),
            n_runs: 5,
            seed: 42,
            max_iterations: 300,
            tolerance: 1e-4,
            exact_silhouette_below: 20_000,
            silhouette_sample: 10_000,
            fit_sample: 20_000,
            sampled_n_runs: 2,
        }
    }
}

/// The most segments a run makes: more than a campaign can tell apart, and a K
/// search up to thousands would run for minutes.
pub const MAX_K: usize = 50;

impl SearchParams {
    /// An error for settings no run can use, before any work starts.
    pub fn check(&self, rows: usize) -> Result<(), AnalysisError> {
        let (min, max) = match self.k {
            KChoice::Fixed(k) => (k, k),
            KChoice::Auto { min, max } => (min, max),
        };
        let invalid = |why: String| AnalysisError::Invalid {
            what: tr!("analysis-segmentation-settings"),
            why,
        };
        if min < 2 || min > max {
            return Err(invalid(tr!(
                "analysis-k-range",
                min = min.to_string(),
                max = max.to_string()
            )));
        }
        if max > MAX_K {
            return Err(invalid(tr!(
                "analysis-k-too-many",
                max = max.to_string(),
                most = MAX_K.to_string()
            )));
        }
        if matches!(self.k, KChoice::Fixed(_)) && max > rows {
            return Err(invalid(tr!(
                "analysis-k-few-customers",
                max = max.to_string(),
                rows = rows.to_string()
            )));
        }
        if self.n_runs == 0
            || self.sampled_n_runs == 0
            || self.max_iterations == 0
            || self.silhouette_sample < 2
            || self.fit_sample < max.max(*CHART_K.end())
        {
            return Err(invalid(tr!("analysis-search-positive")));
        }
        Ok(())
    }
}

/// Scores of one K.
#[derive(Clone, Debug, PartialEq)]
pub struct KScore {
    pub k: usize,
    pub inertia: f64,
    pub silhouette: f64,
}

/// The chosen clustering and the scores of every K tried.
#[derive(Clone, Debug)]
pub struct Clustering {
    pub k: usize,
    /// Segment of each row, 0 = largest.
    pub labels: Vec<usize>,
    /// `k × features`, row i is segment i's centre (standardised units).
    pub centroids: Array2<f64>,
    pub inertia: f64,
    pub silhouette: f64,
    /// One per K tried, ascending K.
    pub per_k: Vec<KScore>,
    /// Whether the silhouette was measured on a sample.
    pub silhouette_sampled: bool,
    /// Customers the silhouette was measured on (all of them when not sampled).
    pub silhouette_rows: usize,
    /// ± this around `silhouette` holds the silhouette of every customer (two
    /// standard errors of the sample, [`super::silhouette`]); 0 when exact.
    pub silhouette_error: f64,
    /// Whether K-means was fitted on a sample (every row then assigned).
    pub fit_sampled: bool,
    /// Why this K, in one line.
    pub reason: crate::i18n::Phrase,
}

/// Runs K-means on `data` (rows = customers) as `params` says.
pub fn cluster(
    data: ArrayView2<'_, f64>,
    params: &SearchParams,
    progress: &Progress,
) -> Result<Clustering, AnalysisError> {
    params.check(data.nrows())?;
    let ks = k_values(data, params.k)?;
    let rows = silhouette_rows(data.nrows(), params);
    let fit_rows = sample_rows(
        data.nrows(),
        params.fit_sample,
        params.seed ^ FIT_SAMPLE_SALT,
    );
    let fit_sampled = fit_rows.is_some();
    let sample_data;
    let fit_data = match &fit_rows {
        Some(picked) => {
            sample_data = data.select(Axis(0), picked);
            sample_data.view()
        }
        None => data.reborrow(),
    };
    let n_runs = if fit_sampled {
        params.n_runs.min(params.sampled_n_runs)
    } else {
        params.n_runs
    };
    let mut fits = Vec::with_capacity(ks.len());
    let total = ks.len() as u64;
    for (done, &k) in ks.iter().enumerate() {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        progress.set_message(tr!("segments-progress-k-means", k = k.to_string()));
        let (labels, centroids) = fit_k(fit_data, data, k, n_runs, params)?;
        let inertia = inertia(data, &labels, &centroids);
        let silhouette = silhouette(data, &labels, k, rows.as_deref());
        fits.push((labels, centroids, inertia, silhouette));
        progress.report(done as u64 + 1, total);
    }
    progress.check().map_err(|_| AnalysisError::Cancelled)?;
    let per_k: Vec<KScore> = ks
        .iter()
        .zip(&fits)
        .map(|(&k, f)| KScore {
            k,
            inertia: f.2,
            silhouette: f.3.mean,
        })
        .collect();
    let (best, reason) = choose_k(&per_k, params.k);
    let (labels, centroids, inertia, measured) = fits.swap_remove(best);
    Ok(Clustering {
        reason,
        k: per_k[best].k,
        labels,
        centroids,
        inertia,
        silhouette: measured.mean,
        per_k,
        silhouette_sampled: measured.sampled,
        silhouette_rows: measured.rows,
        silhouette_error: measured.error,
        fit_sampled,
    })
}

/// Mixed into the seed of the fit sample so it differs from the silhouette sample.
const FIT_SAMPLE_SALT: u64 = 0x05ee_df17;

/// Rows the silhouette is measured on: None = all of them.
fn silhouette_rows(rows: usize, params: &SearchParams) -> Option<Vec<usize>> {
    if rows < params.exact_silhouette_below {
        return None;
    }
    sample_rows(rows, params.silhouette_sample, params.seed)
}

/// A seeded uniform sample of `size` of `rows` row indices, ascending; None when
/// there are no more rows than that.
fn sample_rows(rows: usize, size: usize, seed: u64) -> Option<Vec<usize>> {
    if rows <= size {
        return None;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut picked = sample(&mut rng, rows, size).into_vec();
    picked.sort_unstable();
    Some(picked)
}

/// One K fitted on `fit_data`, every row of `data` assigned to its nearest
/// centroid: labels renumbered by descending size, and centroids in that order.
fn fit_k(
    fit_data: ArrayView2<'_, f64>,
    data: ArrayView2<'_, f64>,
    k: usize,
    n_runs: usize,
    params: &SearchParams,
) -> Result<(Vec<usize>, Array2<f64>), AnalysisError> {
    let mut rng = Xoshiro256Plus::seed_from_u64(params.seed.wrapping_add(k as u64));
    let rows = fit_data.as_standard_layout();
    let mut best: Option<KMeansFit> = None;
    for _ in 0..n_runs {
        let start = seed_centroids(rows.view(), k, rng.clone())?;
        rng.jump();
        let fit = hamerly(rows.view(), start, params.max_iterations, params.tolerance);
        if best.as_ref().is_none_or(|b| fit.inertia < b.inertia) {
            best = Some(fit);
        }
    }
    let fit = best.expect("n_runs is checked to be at least 1");
    let predicted = if fit_data.nrows() == data.nrows() {
        fit.labels
    } else {
        nearest_centroids(data, &fit.centroids)
    };
    let mut sizes = vec![0usize; k];
    for &l in &predicted {
        sizes[l] += 1;
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let mut new_label = vec![0; k];
    for (new, &old) in order.iter().enumerate() {
        new_label[old] = new;
    }
    let labels: Vec<usize> = predicted.iter().map(|&l| new_label[l]).collect();
    let mut centroids = fit.centroids.select(Axis(0), &order);
    if fit_data.nrows() != data.nrows() {
        // Fitted on a sample: centre each segment on all its members (one
        // Lloyd update), which can only lower the inertia of this assignment.
        let mut sums = Array2::<f64>::zeros(centroids.raw_dim());
        for (row, &l) in data.outer_iter().zip(&labels) {
            let mut sum = sums.row_mut(l);
            sum += &row;
        }
        for (l, size) in order.iter().map(|&old| sizes[old]).enumerate() {
            if size > 0 {
                centroids.row_mut(l).assign(&(&sums.row(l) / size as f64));
            }
        }
    }
    Ok((labels, centroids))
}

/// linfa-clustering's k-means++ seeding of one run, with its first Lloyd step
/// (`max_n_iterations(1)`): where [`hamerly`] starts.
fn seed_centroids(
    rows: ArrayView2<'_, f64>,
    k: usize,
    rng: Xoshiro256Plus,
) -> Result<Array2<f64>, AnalysisError> {
    let model = KMeans::params_with(k, rng, Euclidean)
        .n_runs(1)
        .max_n_iterations(1)
        .init_method(KMeansInit::KMeansPlusPlus)
        .fit(&DatasetBase::from(rows))
        .map_err(|e| AnalysisError::Invalid {
            what: tr!("analysis-kmeans", k = k.to_string()),
            why: e.to_string(),
        })?;
    Ok(model.centroids().to_owned())
}

/// Euclidean distance for linfa's k-means++ seeding: the same sums as linfa's
/// `L2Dist`, in the same order, over the rows' slices when both are laid out
/// alike. `L2Dist` checks shapes and walks ndarray views for every distance.
#[derive(Clone, Copy, Debug)]
struct Euclidean;

impl Distance<f64> for Euclidean {
    fn distance<D: Dimension>(&self, a: ArrayView<f64, D>, b: ArrayView<f64, D>) -> f64 {
        self.rdistance(a, b).sqrt()
    }

    #[inline]
    fn rdistance<D: Dimension>(&self, a: ArrayView<f64, D>, b: ArrayView<f64, D>) -> f64 {
        // Slices in memory order pair up only when both have the same layout.
        match (a.as_slice_memory_order(), b.as_slice_memory_order()) {
            (Some(sa), Some(sb)) if sa.len() == sb.len() && a.strides() == b.strides() => {
                sa.iter().zip(sb).map(|(x, y)| (x - y) * (x - y)).sum()
            }
            _ => a.iter().zip(b.iter()).map(|(x, y)| (x - y) * (x - y)).sum(),
        }
    }

    fn rdist_to_dist(&self, rdist: f64) -> f64 {
        rdist.sqrt()
    }

    fn dist_to_rdist(&self, dist: f64) -> f64 {
        dist * dist
    }
}

/// Index of the nearest centroid of every row (ties: the lower index), in parallel.
fn nearest_centroids(data: ArrayView2<'_, f64>, centroids: &Array2<f64>) -> Vec<usize> {
    (0..data.nrows())
        .into_par_iter()
        .map(|i| {
            let row = data.row(i);
            let mut best = (0, f64::INFINITY);
            for (c, centre) in centroids.outer_iter().enumerate() {
                let d: f64 = row.iter().zip(centre).map(|(a, b)| (a - b) * (a - b)).sum();
                if d < best.1 {
                    best = (c, d);
                }
            }
            best.0
        })
        .collect()
}

/// Sum of squared distances from each row to its centroid.
pub fn inertia(data: ArrayView2<'_, f64>, labels: &[usize], centroids: &Array2<f64>) -> f64 {
    data.outer_iter()
        .zip(labels)
        .map(|(row, &l)| {
            row.iter()
                .zip(centroids.row(l))
                .map(|(a, b)| (a - b).powi(2))
                .sum::<f64>()
        })
        .sum()
}

/// Adjusted Rand index of two labelings of the same items (1 = identical up to
/// renaming, about 0 = chance). 1 when both put everything in one group.
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len().min(b.len());
    let ka = a.iter().max().map_or(0, |m| m + 1);
    let kb = b.iter().max().map_or(0, |m| m + 1);
    let mut table = vec![0u64; ka * kb];
    let mut rows = vec![0u64; ka];
    let mut cols = vec![0u64; kb];
    for i in 0..n {
        table[a[i] * kb + b[i]] += 1;
        rows[a[i]] += 1;
        cols[b[i]] += 1;
    }
    let pairs = |x: u64| (x * x.saturating_sub(1)) as f64 / 2.0;
    let index: f64 = table.iter().map(|&x| pairs(x)).sum();
    let sum_a: f64 = rows.iter().map(|&x| pairs(x)).sum();
    let sum_b: f64 = cols.iter().map(|&x| pairs(x)).sum();
    let expected = sum_a * sum_b / pairs(n as u64).max(1.0);
    let max = (sum_a + sum_b) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        1.0
    } else {
        (index - expected) / (max - expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjusted_rand_index_matches_hand_computed_values() {
        // Contingency [[2,1],[0,1,2]]: index 2, expected 6·3/15 = 1.2, max 4.5.
        let ari = adjusted_rand_index(&[0, 0, 0, 1, 1, 1], &[0, 0, 1, 1, 2, 2]);
        assert!((ari - 0.8 / 3.3).abs() < 1e-12, "{ari}");
        assert!((adjusted_rand_index(&[0, 0, 1, 1], &[1, 1, 0, 0]) - 1.0).abs() < 1e-12);
        assert!(adjusted_rand_index(&[0, 0, 1, 1], &[0, 1, 0, 1]) < 0.0);
    }

    #[test]
    fn the_fast_distance_fits_exactly_what_linfas_l2_fits() {
        use linfa_nn::distance::L2Dist;
        use ndarray::ShapeBuilder;
        use rand::Rng;
        // Three blobs in 3 and in 4 features, and a column-major copy (no row slices).
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        for dims in [3, 4] {
            let data = Array2::from_shape_fn((600, dims), |(r, d)| {
                (r % 3 * (d + 1)) as f64 * 2.0 + rng.random_range(-1.0..1.0)
            });
            let mut columns = Array2::zeros((600, dims).f());
            columns.assign(&data);
            for view in [data.view(), columns.view()] {
                let dataset = DatasetBase::from(view);
                let fit = |seed| Xoshiro256Plus::seed_from_u64(seed);
                let ours = KMeans::params_with(3, fit(9), Euclidean)
                    .n_runs(2)
                    .fit(&dataset)
                    .unwrap();
                let linfa = KMeans::params_with(3, fit(9), L2Dist)
                    .n_runs(2)
                    .fit(&dataset)
                    .unwrap();
                assert_eq!(ours.centroids(), linfa.centroids());
                assert_eq!(ours.predict(&view), linfa.predict(&view));
            }
        }
        // A reversed view is contiguous too, in the other order: pairs by index.
        let (a, b) = (
            ndarray::array![1.0, 2.0, 4.0],
            ndarray::array![0.0, 5.0, 1.0],
        );
        let reversed = b.slice(ndarray::s![..;-1]);
        assert_eq!(Euclidean.rdistance(a.view(), reversed), 0.0 + 9.0 + 16.0);
        assert_eq!(L2Dist.rdistance(a.view(), reversed), 0.0 + 9.0 + 16.0);
    }
}

//! Hamerly's exact K-means iterations: the centroids of Lloyd's algorithm (assign
//! every row to its nearest centroid, move each centroid to its members' mean,
//! repeat) with far fewer distances computed.
//!
//! Each row keeps an upper bound on the distance to its own centroid and a lower
//! bound on the distance to every other one. While the upper bound is below the
//! larger of the lower bound and half the distance from its centroid to the
//! nearest other centroid, the row cannot change segment and no distance is
//! computed for it (G. Hamerly, "Making k-means even faster", SDM 2010). On a
//! few features and up to a dozen segments most rows skip most iterations.
//!
//! Contract:
//! - Starts from the given centroids (the caller seeds them, [`super::search`]
//!   with linfa-clustering's k-means++).
//! - Stops when the centroids' summed squared move in one iteration is at most
//!   `tolerance` (scikit-learn's `tol` on standardised data), or after
//!   `max_iterations` moves.
//! - A centroid that loses every member stays where it is.
//! - The labels are each row's nearest final centroid (ties: the lower index),
//!   and the inertia their summed squared distance.
//! - Sequential: the fits it serves are at most a sample of some 20,000 rows,
//!   where threads cost more CPU than they save.

use ndarray::{Array2, ArrayView2};

/// The result of one K-means run.
#[derive(Clone, Debug)]
pub struct KMeansFit {
    /// `k × features`.
    pub centroids: Array2<f64>,
    /// Nearest centroid of each row.
    pub labels: Vec<usize>,
    /// Sum of squared distances from each row to its centroid.
    pub inertia: f64,
    /// Centroid moves made.
    pub iterations: u64,
}

/// Runs Hamerly's iterations on `data` (rows × features) from `start` (k ×
/// features).
pub fn hamerly(
    data: ArrayView2<'_, f64>,
    start: Array2<f64>,
    max_iterations: u64,
    tolerance: f64,
) -> KMeansFit {
    let dims = data.ncols();
    let k = start.nrows();
    if dims == 0 {
        return KMeansFit {
            centroids: start,
            labels: vec![0; data.nrows()],
            inertia: 0.0,
            iterations: 0,
        };
    }
    let rows = data.as_standard_layout();
    let rows = rows.as_slice().unwrap_or_default();
    let n = rows.len() / dims;
    let mut centres = start.as_standard_layout().into_owned();
    let mut labels = vec![0usize; n];
    // Upper bound to the own centroid, lower bound to any other.
    let mut upper = vec![f64::INFINITY; n];
    let mut lower = vec![0.0f64; n];
    let mut half_gap = vec![0.0f64; k];
    let mut moved = vec![0.0f64; k];
    let mut sums = vec![0.0f64; k * dims];
    let mut counts = vec![0usize; k];
    // The largest centroid move, its centroid, and the second largest.
    let mut far = (0.0, 0, 0.0);
    let mut iterations = 0;
    let mut done = false;
    // One pass over the rows per iteration: widen the bounds by the last moves,
    // reassign the rows whose bounds no longer hold, add each row to its
    // centroid's sums.
    loop {
        let flat = centres.as_slice().unwrap_or_default();
        half_nearest_gaps(flat, dims, &mut half_gap);
        sums.fill(0.0);
        counts.fill(0);
        for (i, row) in rows.chunks_exact(dims).enumerate() {
            let own = labels[i];
            upper[i] += moved[own];
            lower[i] -= if own == far.1 { far.2 } else { far.0 };
            let bound = half_gap[own].max(lower[i]);
            if upper[i] >= bound {
                upper[i] = squared(row, &flat[own * dims..][..dims]).sqrt();
                if upper[i] >= bound {
                    let (best, best_d, second_d) = two_nearest(row, flat, dims);
                    labels[i] = best;
                    upper[i] = best_d.sqrt();
                    lower[i] = second_d.sqrt();
                }
            }
            let label = labels[i];
            counts[label] += 1;
            for (s, x) in sums[label * dims..][..dims].iter_mut().zip(row) {
                *s += x;
            }
        }
        if done {
            break;
        }
        let shift = move_centres(&mut centres, dims, &sums, &counts, &mut moved);
        far = two_largest(&moved);
        iterations += 1;
        done = shift <= tolerance || iterations >= max_iterations;
    }
    let flat = centres.as_slice().unwrap_or_default();
    let inertia = rows
        .chunks_exact(dims)
        .zip(&labels)
        .map(|(row, &l)| squared(row, &flat[l * dims..][..dims]))
        .sum();
    KMeansFit {
        centroids: centres,
        labels,
        inertia,
        iterations,
    }
}

fn squared(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// Index and squared distance of the nearest centroid (ties: the lower index),
/// and the squared distance of the second nearest (infinite when k = 1).
fn two_nearest(row: &[f64], centres: &[f64], dims: usize) -> (usize, f64, f64) {
    let mut best = (0, f64::INFINITY);
    let mut second = f64::INFINITY;
    for (c, centre) in centres.chunks_exact(dims).enumerate() {
        let d = squared(row, centre);
        if d < best.1 {
            second = best.1;
            best = (c, d);
        } else if d < second {
            second = d;
        }
    }
    (best.0, best.1, second)
}

/// Half the distance from each centroid to its nearest other centroid.
fn half_nearest_gaps(centres: &[f64], dims: usize, out: &mut [f64]) {
    out.fill(f64::INFINITY);
    let k = out.len();
    for a in 0..k {
        for b in a + 1..k {
            let d =
                squared(&centres[a * dims..][..dims], &centres[b * dims..][..dims]).sqrt() / 2.0;
            out[a] = out[a].min(d);
            out[b] = out[b].min(d);
        }
    }
}

/// Moves each centroid to the mean of its members' `sums` (one without members
/// stays), writes each centroid's move into `moved`, and returns the summed
/// squared move.
fn move_centres(
    centres: &mut Array2<f64>,
    dims: usize,
    sums: &[f64],
    counts: &[usize],
    moved: &mut [f64],
) -> f64 {
    let mut shift = 0.0;
    let flat = centres
        .as_slice_mut()
        .expect("centroids are kept in standard layout");
    for (c, centre) in flat.chunks_exact_mut(dims).enumerate() {
        moved[c] = 0.0;
        if counts[c] == 0 {
            continue;
        }
        let mut step = 0.0;
        for (x, s) in centre.iter_mut().zip(&sums[c * dims..][..dims]) {
            let mean = s / counts[c] as f64;
            step += (mean - *x) * (mean - *x);
            *x = mean;
        }
        moved[c] = step.sqrt();
        shift += step;
    }
    shift
}

/// The largest value, its index, and the second largest (0 for one value).
fn two_largest(values: &[f64]) -> (f64, usize, f64) {
    let mut first = (0.0, 0);
    let mut second = 0.0;
    for (i, &v) in values.iter().enumerate() {
        if v > first.0 {
            second = first.0;
            first = (v, i);
        } else if v > second {
            second = v;
        }
    }
    (first.0, first.1, second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Axis;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Lloyd's algorithm, every distance every time, with the same stopping
    /// rule: the reference.
    fn lloyd(data: ArrayView2<'_, f64>, start: Array2<f64>, max: u64, tol: f64) -> KMeansFit {
        let dims = data.ncols();
        let mut centres = start;
        let mut iterations = 0;
        let mut done = false;
        loop {
            let labels: Vec<usize> = data
                .outer_iter()
                .map(|row| two_nearest(&row.to_vec(), centres.as_slice().unwrap(), dims).0)
                .collect();
            if done {
                let inertia = data
                    .outer_iter()
                    .zip(&labels)
                    .map(|(row, &l)| squared(&row.to_vec(), &centres.row(l).to_vec()))
                    .sum();
                return KMeansFit {
                    centroids: centres,
                    labels,
                    inertia,
                    iterations,
                };
            }
            let before = centres.clone();
            for c in 0..centres.nrows() {
                let members: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == c).collect();
                if let Some(mean) = data.select(Axis(0), &members).mean_axis(Axis(0)) {
                    centres.row_mut(c).assign(&mean);
                }
            }
            iterations += 1;
            let shift: f64 = (&centres - &before).mapv(|x| x * x).sum();
            done = shift <= tol || iterations >= max;
        }
    }

    /// Five overlapping blobs in `dims` features, and k starting rows.
    fn blobs(rows: usize, dims: usize, k: usize, seed: u64) -> (Array2<f64>, Array2<f64>) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let data = Array2::from_shape_fn((rows, dims), |(r, d)| {
            ((r % 5) as f64 * 1.5 + d as f64 * (r % 2) as f64) + rng.random_range(-1.2..1.2)
        });
        let picked: Vec<usize> = (0..k).map(|c| (c * 7919) % rows).collect();
        let start = data.select(Axis(0), &picked);
        (data, start)
    }

    #[test]
    fn hamerly_moves_the_centroids_exactly_as_lloyd_does() {
        for (dims, k, seed) in [(3, 2, 1), (3, 5, 2), (4, 8, 3), (2, 10, 4)] {
            let (data, start) = blobs(3_000, dims, k, seed);
            let ours = hamerly(data.view(), start.clone(), 300, 1e-4);
            let reference = lloyd(data.view(), start, 300, 1e-4);
            assert_eq!(ours.iterations, reference.iterations, "k = {k}");
            assert_eq!(ours.labels, reference.labels, "k = {k}");
            let gap = (&ours.centroids - &reference.centroids)
                .mapv(f64::abs)
                .sum();
            assert!(gap < 1e-9, "k = {k}: centroids differ by {gap}");
            assert!((ours.inertia - reference.inertia).abs() < 1e-6 * reference.inertia);
        }
    }

    #[test]
    fn the_iteration_cap_and_an_empty_segment_are_respected() {
        let (data, mut start) = blobs(2_000, 3, 4, 7);
        // A centroid no row is near keeps its place and gets no members.
        start.row_mut(3).fill(1e6);
        let capped = hamerly(data.view(), start.clone(), 2, 0.0);
        assert_eq!(capped.iterations, 2);
        let reference = lloyd(data.view(), start.clone(), 2, 0.0);
        assert_eq!(capped.labels, reference.labels);
        let fit = hamerly(data.view(), start, 300, 1e-4);
        assert!(fit.labels.iter().all(|&l| l < 3));
        assert_eq!(fit.centroids.row(3).to_vec(), vec![1e6; 3]);
        assert!(fit.iterations > 2 && fit.iterations < 300);
    }
}

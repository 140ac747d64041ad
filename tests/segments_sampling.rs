//! Segments on samples: the stated error of a sampled silhouette holds the exact
//! silhouette on planted data, the scikit-learn stopping rule finds the same
//! segments and K as running K-means to a standstill, and sampled runs repeat
//! exactly for a seed.

use marketbench::analysis::segments::silhouette::silhouette;
use marketbench::analysis::segments::{KChoice, SearchParams, adjusted_rand_index, cluster};
use marketbench::jobs::Progress;
use ndarray::Array2;
use rand::seq::index::sample;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Five overlapping blobs in 3-D (centres 3 apart, uniform noise ±1) of `sizes`
/// points, shuffled; returns the data and each point's blob.
fn overlapping_blobs(sizes: &[usize], seed: u64) -> (Array2<f64>, Vec<usize>) {
    let centres = [
        [0.0, 0.0, 0.0],
        [3.0, 0.0, 0.0],
        [0.0, 3.0, 0.0],
        [0.0, 0.0, 3.0],
        [3.0, 3.0, 3.0],
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut points: Vec<(usize, [f64; 3])> = Vec::new();
    for (blob, &size) in sizes.iter().enumerate() {
        for _ in 0..size {
            points.push((blob, centres[blob].map(|v| v + rng.random_range(-1.0..1.0))));
        }
    }
    for i in (1..points.len()).rev() {
        let j = rng.random_range(0..=i);
        points.swap(i, j);
    }
    let truth = points.iter().map(|p| p.0).collect();
    let flat: Vec<f64> = points.iter().flat_map(|p| p.1).collect();
    (
        Array2::from_shape_vec((points.len(), 3), flat).expect("shape"),
        truth,
    )
}

#[test]
fn the_stated_error_holds_the_exact_silhouette() {
    let (data, truth) = overlapping_blobs(&[1_200, 1_000, 800, 600, 400], 21);
    let exact = silhouette(data.view(), &truth, 5, None);
    assert!(!exact.sampled && exact.error == 0.0 && exact.rows == 4_000);
    assert!(exact.mean > 0.2 && exact.mean < 0.8, "{exact:?}");
    let mut within = 0;
    for seed in 0..20 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let rows = sample(&mut rng, 4_000, 500).into_vec();
        let s = silhouette(data.view(), &truth, 5, Some(&rows));
        assert!(s.sampled && s.rows == 500);
        // Two standard errors: wide enough to hold the exact value in about 19
        // samples of 20, never far off, and not a blanket bound.
        assert!(s.error > 0.002 && s.error < 0.05, "{s:?}");
        let off = (s.mean - exact.mean).abs();
        assert!(off < 2.0 * s.error, "seed {seed}: {s:?} vs {exact:?}");
        within += usize::from(off <= s.error);
    }
    assert!(within >= 16, "{within} of 20 within the stated error");
    // Four times the rows, about half the error.
    let mut rng = ChaCha8Rng::seed_from_u64(99);
    let small = silhouette(
        data.view(),
        &truth,
        5,
        Some(&sample(&mut rng, 4_000, 500).into_vec()),
    );
    let large = silhouette(
        data.view(),
        &truth,
        5,
        Some(&sample(&mut rng, 4_000, 2_000).into_vec()),
    );
    assert!(large.error < small.error * 0.7, "{small:?} {large:?}");
}

#[test]
fn a_sampled_run_states_its_error_and_holds_the_exact_value() {
    let (data, _) = overlapping_blobs(&[1_200, 1_000, 800, 600, 400], 23);
    let fixed = SearchParams {
        k: KChoice::Fixed(5),
        ..SearchParams::default()
    };
    let exact = cluster(data.view(), &fixed, &Progress::detached()).expect("exact");
    let sampled_params = SearchParams {
        exact_silhouette_below: 1_000,
        silhouette_sample: 1_000,
        ..fixed
    };
    let sampled = cluster(data.view(), &sampled_params, &Progress::detached()).expect("sampled");
    assert_eq!(exact.labels, sampled.labels);
    assert_eq!(
        (exact.silhouette_rows, exact.silhouette_error),
        (4_000, 0.0)
    );
    assert_eq!(sampled.silhouette_rows, 1_000);
    // One sample may fall outside two standard errors (1 in 20); four is far.
    assert!(sampled.silhouette_error > 0.0);
    assert!(
        (sampled.silhouette - exact.silhouette).abs() < 2.0 * sampled.silhouette_error,
        "{} ± {} vs {}",
        sampled.silhouette,
        sampled.silhouette_error,
        exact.silhouette
    );
    // The same seed repeats every figure of a sampled run exactly.
    let again = cluster(data.view(), &sampled_params, &Progress::detached()).expect("again");
    assert_eq!(again.labels, sampled.labels);
    assert_eq!(again.silhouette, sampled.silhouette);
    assert_eq!(again.silhouette_error, sampled.silhouette_error);
}

#[test]
fn stopping_as_scikit_learn_finds_the_segments_of_a_standstill() {
    let (data, truth) = overlapping_blobs(&[1_200, 1_000, 800, 600, 400], 17);
    let auto = SearchParams {
        k: KChoice::Auto { min: 2, max: 8 },
        ..SearchParams::default()
    };
    // A tolerance no float move stays above: K-means runs until nothing moves.
    let standstill = SearchParams {
        tolerance: 1e-30,
        ..auto.clone()
    };
    let usual = cluster(data.view(), &auto, &Progress::detached()).expect("usual");
    let still = cluster(data.view(), &standstill, &Progress::detached()).expect("still");
    assert_eq!(usual.k, 5);
    assert_eq!(still.k, usual.k);
    assert!(adjusted_rand_index(&truth, &usual.labels) > 0.95);
    assert!(adjusted_rand_index(&still.labels, &usual.labels) > 0.999);
    // Past the planted five, Lloyd's iterations crawl on after the tolerance
    // stops them (K = 9 here: 31 more iterations lower the inertia by 0.3 %), as
    // scikit-learn's do; a tolerance a hundred times looser misses by more.
    for (u, s) in usual.per_k.iter().zip(&still.per_k) {
        assert!(
            (u.inertia - s.inertia).abs() < 5e-3 * s.inertia,
            "{u:?} {s:?}"
        );
        assert!((u.silhouette - s.silhouette).abs() < 0.005, "{u:?} {s:?}");
    }
}

//! A 2-D picture of the segments: the standardised features projected on their
//! first two principal components (linfa-reduction PCA).
//!
//! Contract:
//! - At most `max_points` customers are plotted: all of them when there are no
//!   more, otherwise a seeded uniform sample (ascending row order). PCA is fitted
//!   on the plotted points only.
//! - With a single feature (or when the data has one direction only) there is one
//!   component: the second coordinate is 0 and its explained share is 0.
//! - `explained` is each component's share of the total variance of the plotted
//!   points (in 0..=1).

use linfa::prelude::*;
use linfa_reduction::Pca;
use ndarray::{ArrayView2, Axis};
use rand::SeedableRng;
use rand::seq::index::sample;
use rand_chacha::ChaCha8Rng;

use crate::analysis::lines::AnalysisError;
use crate::tr;

/// Customers plotted in the segment picture by default.
pub const SCATTER_POINTS: usize = 20_000;

/// Points of the segment picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Scatter {
    /// Row (customer index) of each point.
    pub rows: Vec<usize>,
    /// (first, second) principal component of each point.
    pub points: Vec<[f64; 2]>,
    /// Share of the variance each component explains.
    pub explained: [f64; 2],
}

/// Projects `scaled` (rows = customers) on two principal components.
pub fn pca_scatter(
    scaled: ArrayView2<'_, f64>,
    max_points: usize,
    seed: u64,
) -> Result<Scatter, AnalysisError> {
    let n = scaled.nrows();
    let rows: Vec<usize> = if n > max_points {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut picked = sample(&mut rng, n, max_points).into_vec();
        picked.sort_unstable();
        picked
    } else {
        (0..n).collect()
    };
    let data = scaled.select(Axis(0), &rows);
    let components = data.ncols().min(2);
    if rows.len() < 2 || components == 0 {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-segment-picture"),
            why: tr!("analysis-segment-picture-few"),
        });
    }
    let total_variance: f64 = data.var_axis(Axis(0), 0.0).sum();
    let model = Pca::params(components)
        .fit(&DatasetBase::from(data.view()))
        .map_err(|e| AnalysisError::Invalid {
            what: tr!("analysis-segment-picture-components"),
            why: e.to_string(),
        })?;
    let projected = model.predict(&data);
    // The solver may return fewer components than asked for (rank-deficient data).
    let found = projected.ncols().min(components);
    if found == 0 {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-segment-picture"),
            why: tr!("analysis-segment-picture-flat"),
        });
    }
    let mut explained = [0.0; 2];
    for (j, slot) in explained.iter_mut().enumerate().take(found) {
        let variance = projected.column(j).var(0.0);
        *slot = if total_variance > 0.0 {
            (variance / total_variance).clamp(0.0, 1.0)
        } else {
            0.0
        };
    }
    let points = projected
        .outer_iter()
        .map(|p| [p[0], if found > 1 { p[1] } else { 0.0 }])
        .collect();
    Ok(Scatter {
        rows,
        points,
        explained,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    #[test]
    fn points_on_a_line_project_onto_the_first_component() {
        // y = 2x + 1 in 2-D: all variance on one axis, distances kept.
        let data = Array2::from_shape_fn((50, 2), |(i, j)| {
            let x = i as f64 / 10.0;
            if j == 0 { x } else { 2.0 * x + 1.0 }
        });
        let s = pca_scatter(data.view(), 1_000, 1).expect("pca");
        assert_eq!(s.rows.len(), 50);
        assert!((s.explained[0] - 1.0).abs() < 1e-6, "{:?}", s.explained);
        assert!(s.explained[1] < 1e-6);
        let spread = (s.points[49][0] - s.points[0][0]).abs();
        assert!((spread - 4.9 * 5f64.sqrt()).abs() < 1e-6, "{spread}");
    }

    #[test]
    fn many_customers_are_sampled_the_same_way_each_time() {
        let data = Array2::from_shape_fn((500, 3), |(i, j)| ((i * (j + 3)) % 17) as f64);
        let a = pca_scatter(data.view(), 100, 7).expect("a");
        let b = pca_scatter(data.view(), 100, 7).expect("b");
        assert_eq!(a.rows.len(), 100);
        assert!(a.rows.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(a.rows, b.rows);
        let one = data.select(Axis(1), &[0]);
        let flat = pca_scatter(one.view(), 1_000, 7).expect("one feature");
        assert!(flat.points.iter().all(|p| p[1] == 0.0));
    }
}

//! A small Nelder-Mead minimiser for the few smoothing parameters of Holt-Winters.

/// Minimises `cost` from `start` with an initial simplex of side `step`, for at most
/// `max_evaluations` evaluations (or until the simplex's costs agree to 1e-10
/// relative). Returns the best point found.
pub fn nelder_mead(
    mut cost: impl FnMut(&[f64]) -> f64,
    start: &[f64],
    step: f64,
    max_evaluations: usize,
) -> Vec<f64> {
    let n = start.len();
    let mut simplex: Vec<(Vec<f64>, f64)> = Vec::with_capacity(n + 1);
    simplex.push((start.to_vec(), cost(start)));
    for i in 0..n {
        let mut point = start.to_vec();
        point[i] += step;
        let value = cost(&point);
        simplex.push((point, value));
    }
    let mut evaluations = n + 1;
    let blend = |a: &[f64], b: &[f64], t: f64| -> Vec<f64> {
        a.iter().zip(b).map(|(x, y)| x + t * (y - x)).collect()
    };
    while evaluations < max_evaluations {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (best, worst) = (simplex[0].1, simplex[n].1);
        if (worst - best).abs() <= 1e-10 * (best.abs() + 1e-12) {
            break;
        }
        let centroid: Vec<f64> = (0..n)
            .map(|d| simplex[..n].iter().map(|p| p.0[d]).sum::<f64>() / n as f64)
            .collect();
        let reflected = blend(&centroid, &simplex[n].0, -1.0);
        let reflected_cost = cost(&reflected);
        evaluations += 1;
        if reflected_cost < simplex[0].1 {
            let expanded = blend(&centroid, &simplex[n].0, -2.0);
            let expanded_cost = cost(&expanded);
            evaluations += 1;
            simplex[n] = if expanded_cost < reflected_cost {
                (expanded, expanded_cost)
            } else {
                (reflected, reflected_cost)
            };
        } else if reflected_cost < simplex[n - 1].1 {
            simplex[n] = (reflected, reflected_cost);
        } else {
            let contracted = blend(&centroid, &simplex[n].0, 0.5);
            let contracted_cost = cost(&contracted);
            evaluations += 1;
            if contracted_cost < simplex[n].1 {
                simplex[n] = (contracted, contracted_cost);
            } else {
                let best_point = simplex[0].0.clone();
                for entry in simplex.iter_mut().skip(1) {
                    entry.0 = blend(&best_point, &entry.0, 0.5);
                    entry.1 = cost(&entry.0);
                }
                evaluations += n;
            }
        }
    }
    simplex
        .into_iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|p| p.0)
        .unwrap_or_else(|| start.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_a_shifted_bowl() {
        let best = nelder_mead(
            |p| (p[0] - 1.5).powi(2) + 2.0 * (p[1] + 0.5).powi(2),
            &[0.0, 0.0],
            1.0,
            500,
        );
        assert!(
            (best[0] - 1.5).abs() < 1e-4 && (best[1] + 0.5).abs() < 1e-4,
            "{best:?}"
        );
    }
}

//! Small random helpers on a seeded `ChaCha8Rng`: normal and Poisson draws and
//! weighted choice by cumulative sums. Everything is deterministic for a given
//! stream; no hashing, no system entropy.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The random stream for one part of the generator. Parts draw from separate
/// streams so that, e.g., changing how events are drawn never moves the orders.
pub(super) fn stream(seed: u64, part: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(part);
    rng
}

/// A standard normal draw (Box–Muller).
pub(super) fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>(); // in (0, 1]: ln is finite
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A Poisson draw (Knuth's method; fine for the small means used here).
pub(super) fn poisson(rng: &mut impl Rng, mean: f64) -> u32 {
    let limit = (-mean).exp();
    let mut product: f64 = rng.random();
    let mut count = 0;
    while product > limit {
        product *= rng.random::<f64>();
        count += 1;
    }
    count
}

/// Index drawn with probability proportional to `weights[i]`, from cumulative sums.
#[derive(Clone, Debug)]
pub(super) struct Weighted {
    /// `cumulative[i]` = sum of the first `i + 1` weights.
    cumulative: Vec<f64>,
}

impl Weighted {
    pub(super) fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let mut total = 0.0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w.max(0.0);
                total
            })
            .collect();
        Weighted { cumulative }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.cumulative.last().is_none_or(|&t| t <= 0.0)
    }

    /// An index; 0 when every weight is zero (callers check `is_empty` first).
    pub(super) fn pick(&self, rng: &mut impl Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let u = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|&c| c <= u)
            .min(self.cumulative.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_pick_follows_weights_and_skips_zeros() {
        let mut rng = stream(7, 0);
        let w = Weighted::new([1.0, 0.0, 3.0]);
        let mut counts = [0usize; 3];
        for _ in 0..40_000 {
            counts[w.pick(&mut rng)] += 1;
        }
        assert_eq!(counts[1], 0);
        let ratio = counts[2] as f64 / counts[0] as f64;
        assert!((2.8..3.2).contains(&ratio), "ratio {ratio}");
    }

    #[test]
    fn poisson_and_normal_have_the_right_mean() {
        let mut rng = stream(7, 1);
        let n = 20_000;
        let p: u32 = (0..n).map(|_| poisson(&mut rng, 3.0)).sum();
        let mean = p as f64 / n as f64;
        assert!((2.9..3.1).contains(&mean), "poisson mean {mean}");
        let z: f64 = (0..n).map(|_| normal(&mut rng)).sum::<f64>() / n as f64;
        assert!(z.abs() < 0.05, "normal mean {z}");
    }
}

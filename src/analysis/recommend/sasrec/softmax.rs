//! The softmax normaliser over a whole catalogue, fast enough for everyone's
//! list: listing 100,000 customers over 50,000 items takes five billion
//! exponentials, and the C library's `expf` (one call per item, never
//! vectorised) would take about as long as the matrix product that makes the logits.
//!
//! Contract: [`log_sum_exp`] is ln Σ exp(l) within a relative 1e-6 of the exact
//! sum (f32), without overflow; logits below the largest by more than 87 count
//! as 0.

/// ln Σ exp(l) over `logits` (−∞ for none).
pub(super) fn log_sum_exp(logits: &[f32]) -> f32 {
    let top = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if !top.is_finite() {
        return top;
    }
    // Eight lanes so the compiler vectorises the sum without reassociating it.
    let mut lanes = [0f32; 8];
    let (chunks, rest) = logits.as_chunks::<8>();
    for chunk in chunks {
        for k in 0..8 {
            lanes[k] += exp_not_positive(chunk[k] - top);
        }
    }
    let tail: f32 = rest.iter().map(|&l| exp_not_positive(l - top)).sum();
    top + (lanes.iter().sum::<f32>() + tail).ln()
}

/// eˣ for x ≤ 0 (0 below −87) in straight-line arithmetic the compiler can
/// vectorise: x = n·ln 2 + r with |r| ≤ ln 2 / 2, eʳ by its Taylor series to
/// r⁷ (relative error below 2e-7), 2ⁿ written into the exponent bits.
fn exp_not_positive(x: f32) -> f32 {
    if x < -87.0 {
        return 0.0;
    }
    // Truncating x·log₂e − ½ rounds a negative value to the nearest integer.
    let n = (x * std::f32::consts::LOG2_E - 0.5) as i32;
    // ln 2 in two parts (Cody & Waite): LN2_HI is 355/512, so n · LN2_HI is
    // exact and r keeps its precision for large |n|.
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    let r = (x - n as f32 * LN2_HI) - n as f32 * LN2_LO;
    let series = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r / 5040.0))))));
    series * f32::from_bits(((n + 127) as u32) << 23)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_exponential_matches_the_library_one() {
        for k in 0..=200_000 {
            let x = -90.0 * k as f32 / 200_000.0;
            let (fast, exact) = (f64::from(exp_not_positive(x)), f64::from(x).exp());
            let ok = if x < -87.0 {
                fast == 0.0
            } else {
                (fast - exact).abs() <= 1e-6 * exact
            };
            assert!(ok, "e^{x}: {fast} vs {exact}");
        }
    }

    #[test]
    fn log_sum_exp_matches_the_direct_sum_without_overflow() {
        // 1,003 logits: 125 lanes of eight and a tail of three.
        let logits: Vec<f32> = (0..1003)
            .map(|k| ((k * 37) % 101) as f32 * 0.13 - 4.0)
            .collect();
        let direct = logits.iter().map(|&l| f64::from(l).exp()).sum::<f64>().ln();
        let fast = f64::from(log_sum_exp(&logits));
        assert!(
            (fast - direct).abs() < 1e-5 * direct.abs(),
            "{fast} vs {direct}"
        );
        // Shifted by 500: exp would overflow, the normaliser shifts with it.
        let shifted: Vec<f32> = logits.iter().map(|l| l + 500.0).collect();
        let fast_shifted = f64::from(log_sum_exp(&shifted));
        assert!(
            (fast_shifted - (direct + 500.0)).abs() < 1e-3,
            "{fast_shifted}"
        );
        assert_eq!(log_sum_exp(&[]), f32::NEG_INFINITY);
    }
}

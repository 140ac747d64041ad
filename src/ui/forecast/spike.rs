//! Whether a forecast carries a recent spike forward, so the result card can
//! warn the operator. A level model fitted on history whose last weeks jump
//! (a one-off promotion, a festival sale) projects that level ahead, and the
//! growth against last year then reads as real.
//!
//! Rule: the mean of the last few periods (7 days, 4 weeks, 2 months) is at
//! least [`SPIKE_RATIO`] × the median of the periods before them (28 days, 12
//! weeks, 6 months: the usual level, which the median keeps clear of an earlier
//! one-off), and the forecast's mean is still at least [`CARRIED_RATIO`] × that
//! level. A spike the forecast drops back from (a seasonal model that knows it)
//! is no warning; steady growth stays below the ratio (5 % a week gives about 1.47).

use crate::analysis::forecast::Freq;

/// Recent periods this many times the usual level are a spike.
pub const SPIKE_RATIO: f64 = 1.5;
/// A forecast this many times the usual level still carries the spike.
pub const CARRIED_RATIO: f64 = 1.25;

/// A recent spike the forecast carries forward.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spike {
    /// The last periods that spiked.
    pub recent: usize,
    /// The periods before them whose median is the usual level.
    pub before: usize,
    /// The recent periods' mean over the usual level.
    pub ratio: f64,
}

/// The recent periods and the periods before them compared, per frequency.
fn windows(freq: Freq) -> (usize, usize) {
    match freq {
        Freq::Day => (7, 28),
        Freq::Week => (4, 12),
        Freq::Month => (2, 6),
    }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    match sorted.len() % 2 {
        0 => (sorted[mid - 1] + sorted[mid]) / 2.0,
        _ => sorted[mid],
    }
}

/// The spike at the end of `history` (the values the forecast was fitted on, one
/// per `freq` period) that `forecast` carries forward, if any. None with too
/// little history or a usual level of zero.
pub fn carried_spike(history: &[f64], forecast: &[f64], freq: Freq) -> Option<Spike> {
    let (recent, before) = windows(freq);
    let n = history.len();
    if n < recent + before || forecast.is_empty() {
        return None;
    }
    let usual = median(&history[n - recent - before..n - recent]);
    if usual.is_nan() || usual <= 0.0 {
        return None;
    }
    let ratio = mean(&history[n - recent..]) / usual;
    let carried = mean(forecast) / usual;
    (ratio >= SPIKE_RATIO && carried >= CARRIED_RATIO).then_some(Spike {
        recent,
        before,
        ratio,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` weeks at `level`.
    fn flat(n: usize, level: f64) -> Vec<f64> {
        vec![level; n]
    }

    #[test]
    fn a_planted_spike_the_forecast_carries_warns() {
        let mut history = flat(30, 100.0);
        // One earlier one-off week does not move the usual level (a median).
        history[20] = 400.0;
        history.extend([220.0, 240.0, 230.0, 230.0]);
        let spike = carried_spike(&history, &flat(12, 225.0), Freq::Week).expect("a spike");
        assert_eq!((spike.recent, spike.before), (4, 12));
        assert!((spike.ratio - 2.3).abs() < 1e-9, "{}", spike.ratio);
        // Daily and monthly series use their own windows.
        let mut days = flat(40, 10.0);
        days.extend(flat(7, 30.0));
        assert_eq!(
            carried_spike(&days, &flat(28, 25.0), Freq::Day).map(|s| s.recent),
            Some(7)
        );
    }

    #[test]
    fn flat_growing_and_dropped_series_do_not_warn() {
        let level = flat(52, 100.0);
        assert_eq!(carried_spike(&level, &flat(12, 100.0), Freq::Week), None);
        // 3 % a week, steadily, with the forecast going on growing.
        let growing: Vec<f64> = (0..60).map(|t| 100.0 * 1.03f64.powi(t)).collect();
        let ahead: Vec<f64> = (60..72).map(|t| 100.0 * 1.03f64.powi(t)).collect();
        assert_eq!(carried_spike(&growing, &ahead, Freq::Week), None);
        // A spike the forecast drops back from is no warning.
        let mut spiked = flat(30, 100.0);
        spiked.extend(flat(4, 250.0));
        assert_eq!(carried_spike(&spiked, &flat(12, 110.0), Freq::Week), None);
        // Too short to know the usual level, or no level at all.
        assert_eq!(
            carried_spike(&spiked[19..], &flat(12, 250.0), Freq::Week),
            None
        );
        let mut zero = flat(12, 0.0);
        zero.extend(flat(4, 5.0));
        assert_eq!(carried_spike(&zero, &flat(12, 5.0), Freq::Week), None);
    }
}

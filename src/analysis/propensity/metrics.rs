//! How well scores rank and match outcomes: AUC, ROC points, lift and gain by
//! decile, calibration bins.
//!
//! Contract:
//! - AUC is the Mann-Whitney probability that a random positive scores above a
//!   random negative, ties counted as one half (average ranks). It is None when
//!   either class is empty.
//! - ROC points are taken at every distinct score (tied scores move together, so
//!   ties give a diagonal step), from (0, 0) to (1, 1); more than
//!   [`MAX_ROC_POINTS`] are thinned evenly, keeping both ends.
//! - Deciles: customers sorted by score, highest first (ties by row order), cut into
//!   ten groups of near-equal size; decile 1 holds the highest scores.
//! - Calibration: ten equal-width bins of the predicted probability; empty bins are
//!   left out.

use serde::Serialize;

/// ROC curves keep at most this many points.
pub const MAX_ROC_POINTS: usize = 201;

/// One point of a ROC curve.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct RocPoint {
    pub false_positive_rate: f64,
    pub true_positive_rate: f64,
}

/// One decile of the customers ranked by score.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DecileRow {
    /// 1 = the highest scores.
    pub decile: u32,
    pub customers: usize,
    pub positives: usize,
    /// Positives / customers in this decile.
    pub rate: f64,
    /// `rate` / the overall positive rate.
    pub lift: f64,
    /// Share of all positives found in deciles 1..=this one.
    pub cumulative_gain: f64,
}

/// One calibration bin.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CalibrationBin {
    /// Bin bounds [low, high) of the predicted probability (the last includes 1).
    pub low: f64,
    pub high: f64,
    pub customers: usize,
    pub mean_predicted: f64,
    pub observed_rate: f64,
}

/// AUC with ties as one half; None when all labels are equal.
pub fn auc(scores: &[f64], labels: &[bool]) -> Option<f64> {
    let positives = labels.iter().filter(|&&l| l).count();
    let negatives = labels.len() - positives;
    if positives == 0 || negatives == 0 || scores.len() != labels.len() {
        return None;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && scores[order[j + 1]] == scores[order[i]] {
            j += 1;
        }
        // Ranks i+1..=j+1 share their mean.
        let mean_rank = (i + j + 2) as f64 / 2.0;
        for &row in &order[i..=j] {
            if labels[row] {
                rank_sum += mean_rank;
            }
        }
        i = j + 1;
    }
    let p = positives as f64;
    Some((rank_sum - p * (p + 1.0) / 2.0) / (p * negatives as f64))
}

/// The ROC curve; empty when either class is empty.
pub fn roc(scores: &[f64], labels: &[bool]) -> Vec<RocPoint> {
    let positives = labels.iter().filter(|&&l| l).count() as f64;
    let negatives = labels.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return Vec::new();
    }
    let order = descending(scores);
    let mut points = vec![RocPoint {
        false_positive_rate: 0.0,
        true_positive_rate: 0.0,
    }];
    let (mut tp, mut fp) = (0.0, 0.0);
    let mut i = 0;
    while i < order.len() {
        let score = scores[order[i]];
        while i < order.len() && scores[order[i]] == score {
            if labels[order[i]] {
                tp += 1.0;
            } else {
                fp += 1.0;
            }
            i += 1;
        }
        points.push(RocPoint {
            false_positive_rate: fp / negatives,
            true_positive_rate: tp / positives,
        });
    }
    thin(points)
}

fn thin(points: Vec<RocPoint>) -> Vec<RocPoint> {
    if points.len() <= MAX_ROC_POINTS {
        return points;
    }
    let last = points.len() - 1;
    (0..MAX_ROC_POINTS)
        .map(|k| points[k * last / (MAX_ROC_POINTS - 1)])
        .collect()
}

/// Row indices by score, highest first, ties by row.
fn descending(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// Lift and cumulative gain by decile; empty when there are no rows.
pub fn deciles(scores: &[f64], labels: &[bool]) -> Vec<DecileRow> {
    let n = scores.len();
    let total_positives = labels.iter().filter(|&&l| l).count();
    if n == 0 {
        return Vec::new();
    }
    let base = total_positives as f64 / n as f64;
    let order = descending(scores);
    let mut rows = Vec::with_capacity(10);
    let mut found = 0;
    for d in 0..10 {
        let (start, end) = (d * n / 10, (d + 1) * n / 10);
        if start == end {
            continue;
        }
        let positives = order[start..end].iter().filter(|&&r| labels[r]).count();
        found += positives;
        let rate = positives as f64 / (end - start) as f64;
        rows.push(DecileRow {
            decile: d as u32 + 1,
            customers: end - start,
            positives,
            rate,
            lift: if base > 0.0 { rate / base } else { 0.0 },
            cumulative_gain: if total_positives > 0 {
                found as f64 / total_positives as f64
            } else {
                0.0
            },
        });
    }
    rows
}

/// Mean predicted probability against the observed rate in ten equal-width bins.
pub fn calibration(probabilities: &[f64], labels: &[bool]) -> Vec<CalibrationBin> {
    let mut sums = [(0usize, 0.0f64, 0usize); 10];
    for (&p, &l) in probabilities.iter().zip(labels) {
        let bin = ((p.clamp(0.0, 1.0) * 10.0) as usize).min(9);
        sums[bin].0 += 1;
        sums[bin].1 += p;
        sums[bin].2 += usize::from(l);
    }
    sums.iter()
        .enumerate()
        .filter(|(_, s)| s.0 > 0)
        .map(|(b, &(n, p, pos))| CalibrationBin {
            low: b as f64 / 10.0,
            high: (b + 1) as f64 / 10.0,
            customers: n,
            mean_predicted: p / n as f64,
            observed_rate: pos as f64 / n as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_by_hand_with_a_tie() {
        // Positives 0.9, 0.5; negatives 0.5, 0.1. Pairs: (0.9 > 0.5) 1, (0.9 > 0.1) 1,
        // (0.5 = 0.5) 1/2, (0.5 > 0.1) 1: 3.5 of 4.
        let scores = [0.9, 0.5, 0.5, 0.1];
        let labels = [true, true, false, false];
        assert_eq!(auc(&scores, &labels), Some(0.875));
        // Reversed scores rank every pair wrongly except the tie.
        let reversed: Vec<f64> = scores.iter().map(|s| 1.0 - s).collect();
        assert_eq!(auc(&reversed, &labels), Some(0.125));
        assert_eq!(auc(&scores, &[true; 4]), None);
    }

    #[test]
    fn roc_moves_tied_scores_together() {
        let scores = [0.9, 0.5, 0.5, 0.1];
        let labels = [true, true, false, false];
        let points: Vec<(f64, f64)> = roc(&scores, &labels)
            .iter()
            .map(|p| (p.false_positive_rate, p.true_positive_rate))
            .collect();
        assert_eq!(points, [(0.0, 0.0), (0.0, 0.5), (0.5, 1.0), (1.0, 1.0)]);
    }

    #[test]
    fn deciles_and_calibration_count_by_hand() {
        // 20 rows: scores 0.95, 0.90, ..., 0.00; the top four are positive.
        let scores: Vec<f64> = (0..20).map(|i| (19 - i) as f64 / 20.0).collect();
        let labels: Vec<bool> = (0..20).map(|i| i < 4).collect();
        let rows = deciles(&scores, &labels);
        assert_eq!(rows.len(), 10);
        assert_eq!(
            (rows[0].positives, rows[1].positives, rows[2].positives),
            (2, 2, 0)
        );
        assert!((rows[0].lift - 5.0).abs() < 1e-12);
        assert!((rows[1].cumulative_gain - 1.0).abs() < 1e-12);
        let bins = calibration(&scores, &labels);
        // Bin [0.9, 1.0) holds 0.95 and 0.90, both positive.
        let top = bins.last().expect("bin");
        assert_eq!((top.customers, top.observed_rate), (2, 1.0));
        assert!((top.mean_predicted - 0.925).abs() < 1e-12);
        assert_eq!(bins.iter().map(|b| b.customers).sum::<usize>(), 20);
    }
}

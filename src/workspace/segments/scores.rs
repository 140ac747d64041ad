//! The Value tab's customer scores joined to the Segments tab's segments, on
//! `customer_id`: per segment the mean propensity, the share of customers in the
//! high churn-risk bucket, the mean and total CLV; and, per customer, where the
//! other side's row is (for the member and customer tables).
//!
//! Contract:
//! - `rows` are [`ValueResults::rows`](crate::workspace::value::ValueResults::rows):
//!   sorted by customer id (looked up by binary search). A segmented customer the
//!   scores do not know (or the other way round) is left out of the figures and
//!   has None in the lookups.
//! - Each figure counts only the customers that have that score (a missing CLV
//!   leaves the CLV figures, not the propensity ones); a figure with no customer
//!   behind it is None, and so is the total CLV then.
//! - The high bucket is `thresholds.bucket(..) == "high"`, as in the Value tab.

use crate::analysis::propensity::RiskThresholds;

use crate::workspace::value::CustomerRow;

/// The joined scores of one segment.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentScores {
    /// The segment's id (its label in the clustering).
    pub segment: usize,
    /// Members found in the score table.
    pub scored: usize,
    pub mean_propensity: Option<f64>,
    /// Share of the members with a churn risk that are in the high bucket.
    pub high_risk_share: Option<f64>,
    pub mean_clv: Option<f64>,
    pub total_clv: Option<f64>,
}

/// Both sides of the join.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreJoin {
    /// For each customer of the segmentation (its row order): its row in the
    /// score table, None when it has no scores.
    pub score_row: Vec<Option<usize>>,
    /// For each row of the score table: the customer's segment, None when the
    /// customer is not segmented.
    pub segment_of_row: Vec<Option<usize>>,
    /// One entry per segment `0..k`.
    pub per_segment: Vec<SegmentScores>,
}

/// Running sum and count of one score.
#[derive(Clone, Copy, Default)]
struct Sum {
    total: f64,
    count: usize,
}

impl Sum {
    fn add(&mut self, value: Option<f64>) {
        if let Some(value) = value.filter(|v| v.is_finite()) {
            self.total += value;
            self.count += 1;
        }
    }

    fn mean(self) -> Option<f64> {
        (self.count > 0).then(|| self.total / self.count as f64)
    }

    fn total(self) -> Option<f64> {
        (self.count > 0).then_some(self.total)
    }
}

/// Joins `rows` (sorted by customer id) to the segmented customers
/// `customer_ids` with their segment `labels` (`0..k`).
pub fn join_scores(
    customer_ids: &[String],
    labels: &[usize],
    k: usize,
    rows: &[CustomerRow],
    thresholds: &RiskThresholds,
) -> ScoreJoin {
    let mut score_row = Vec::with_capacity(customer_ids.len());
    let mut segment_of_row = vec![None; rows.len()];
    let mut propensity = vec![Sum::default(); k];
    let mut high = vec![Sum::default(); k];
    let mut clv = vec![Sum::default(); k];
    let mut scored = vec![0; k];
    for (id, &label) in customer_ids.iter().zip(labels) {
        let found = rows
            .binary_search_by(|r| r.customer_id.as_str().cmp(id))
            .ok();
        score_row.push(found);
        let (Some(index), true) = (found, label < k) else {
            continue;
        };
        let row = &rows[index];
        segment_of_row[index] = Some(label);
        scored[label] += 1;
        propensity[label].add(row.propensity);
        let is_high = |c: f64| f64::from(u8::from(thresholds.bucket(c) == "high"));
        high[label].add(row.churn_risk.map(is_high));
        clv[label].add(row.clv);
    }
    let per_segment = (0..k)
        .map(|s| SegmentScores {
            segment: s,
            scored: scored[s],
            mean_propensity: propensity[s].mean(),
            high_risk_share: high[s].mean(),
            mean_clv: clv[s].mean(),
            total_clv: clv[s].total(),
        })
        .collect();
    ScoreJoin {
        score_row,
        segment_of_row,
        per_segment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, propensity: f64, churn_risk: f64, clv: Option<f64>) -> CustomerRow {
        CustomerRow {
            customer_id: id.into(),
            propensity: Some(propensity),
            churn_risk: Some(churn_risk),
            p_alive: None,
            predicted_purchases: None,
            clv,
            next_order_date: None,
        }
    }

    #[test]
    fn segment_means_shares_and_totals_are_computed_over_the_scored_members() {
        // Scores sorted by id; "x" is scored but not segmented.
        let rows = [
            row("a", 0.8, 0.2, Some(100.0)),
            row("b", 0.4, 0.9, Some(50.0)),
            row("c", 0.1, 0.95, None),
            row("d", 0.6, 0.5, Some(10.0)),
            row("x", 0.5, 0.5, Some(1.0)),
        ];
        // Segment 0: a, c, "new" (not scored); segment 1: b, d; segment 2: empty.
        let ids: Vec<String> = ["c", "a", "new", "d", "b"].map(String::from).into();
        let labels = [0, 0, 0, 1, 1];
        let thresholds = RiskThresholds {
            medium: 0.5,
            high: 0.9,
        };
        let join = join_scores(&ids, &labels, 3, &rows, &thresholds);

        assert_eq!(join.score_row, [Some(2), Some(0), None, Some(3), Some(1)]);
        assert_eq!(
            join.segment_of_row,
            [Some(0), Some(1), Some(0), Some(1), None]
        );
        let s0 = &join.per_segment[0];
        assert_eq!(s0.scored, 2);
        // (0.8 + 0.1) / 2; c's 0.95 ≥ 0.9 is high, a's 0.2 is not; CLV of a only.
        assert!((s0.mean_propensity.expect("mean") - 0.45).abs() < 1e-12);
        assert_eq!(s0.high_risk_share, Some(0.5));
        assert_eq!(s0.mean_clv, Some(100.0));
        assert_eq!(s0.total_clv, Some(100.0));
        let s1 = &join.per_segment[1];
        assert_eq!(s1.scored, 2);
        // (0.4 + 0.6) / 2; b's 0.9 is high (at the threshold); (50 + 10) / 2.
        assert!((s1.mean_propensity.expect("mean") - 0.5).abs() < 1e-12);
        assert_eq!(s1.high_risk_share, Some(0.5));
        assert_eq!(s1.mean_clv, Some(30.0));
        assert_eq!(s1.total_clv, Some(60.0));
        assert_eq!(
            join.per_segment[2],
            SegmentScores {
                segment: 2,
                scored: 0,
                mean_propensity: None,
                high_risk_share: None,
                mean_clv: None,
                total_clv: None,
            }
        );
    }
}

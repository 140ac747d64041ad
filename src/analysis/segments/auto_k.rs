//! Which K values a search fits and which K it picks.
//!
//! Contract:
//! - Auto K: every K of [`CHART_K`] and of the asked range is fitted (the charts
//!   show them all), up to the number of distinct customers (rows with different
//!   figures); the choice is made in the asked range, default 3..=8 (two segments
//!   are not something an operator can act on), by [`AUTO_K_RULE`], with a
//!   one-line reason. When the customers are too alike for the range, the choice
//!   is among every K fitted and the reason says so.
//! - A fixed K above the number of distinct customers is refused: some segment
//!   would be empty.

use ndarray::ArrayView2;

use super::search::{KChoice, KScore};
use crate::analysis::lines::AnalysisError;
#[cfg(test)]
use crate::i18n::Language;
use crate::i18n::Phrase;
use crate::{phrase, tr};

/// How much below the best silhouette a smaller K may score and still be picked.
pub const AUTO_K_TOLERANCE: f64 = 0.02;

/// The auto-K rule, as the command line states it (English).
pub const AUTO_K_RULE: &str = "Auto K picks, among 3 to 8 segments, the smallest K whose \
silhouette is within 0.02 of the best silhouette there: well separated groups, and no more of \
them than the data supports.";

/// [`AUTO_K_RULE`] as the window shows it, in the current language.
pub fn auto_k_rule() -> String {
    tr!("segments-auto-k-rule")
}

/// The K values an auto search always fits, for the inertia and silhouette charts.
pub const CHART_K: std::ops::RangeInclusive<usize> = 2..=10;

/// The K values to fit (see the module contract), or why none can be.
pub(super) fn k_values(
    data: ArrayView2<'_, f64>,
    choice: KChoice,
) -> Result<Vec<usize>, AnalysisError> {
    let most = match choice {
        KChoice::Fixed(k) => k,
        KChoice::Auto { max, .. } => max.max(*CHART_K.end()),
    };
    let distinct = distinct_rows(data, most);
    let invalid = |why: String| AnalysisError::Invalid {
        what: tr!("analysis-segmentation"),
        why,
    };
    match choice {
        KChoice::Fixed(k) if k > distinct => Err(invalid(tr!(
            "analysis-k-distinct",
            k = k.to_string(),
            rows = data.nrows().to_string(),
            distinct = distinct.to_string()
        ))),
        KChoice::Fixed(k) => Ok(vec![k]),
        KChoice::Auto { .. } if distinct < 2 => Err(invalid(tr!(
            "analysis-auto-k-no-spread",
            rows = data.nrows().to_string()
        ))),
        KChoice::Auto { min, max } => {
            let low = min.min(*CHART_K.start());
            Ok((low..=max.max(*CHART_K.end()).min(distinct)).collect())
        }
    }
}

/// Distinct rows of `data` (by their exact values), counted up to `enough + 1`.
fn distinct_rows(data: ArrayView2<'_, f64>, enough: usize) -> usize {
    let mut seen = std::collections::HashSet::new();
    for row in data.rows() {
        seen.insert(row.iter().map(|v| v.to_bits()).collect::<Vec<u64>>());
        if seen.len() > enough {
            break;
        }
    }
    seen.len()
}

/// Index in `scores` of the K to use, and why, in one line (worded when
/// shown; the command line's is English): the fixed K, or the one
/// [`AUTO_K_RULE`] picks in the asked range (in every K fitted when the
/// customers are too alike for that range).
pub fn choose_k(scores: &[KScore], choice: KChoice) -> (usize, Phrase) {
    let KChoice::Auto { min, max } = choice else {
        return (0, phrase!("segments-k-as-set", k = scores[0].k.to_string()));
    };
    let in_range: Vec<usize> = (0..scores.len())
        .filter(|&i| (min..=max).contains(&scores[i].k))
        .collect();
    let (candidates, note) = match in_range.is_empty() {
        false => (in_range, None),
        true => (
            (0..scores.len()).collect(),
            Some(phrase!(
                "segments-k-too-alike",
                min = min.to_string(),
                max = max.to_string(),
                most = scores.last().map_or(0, |s| s.k).to_string(),
            )),
        ),
    };
    let (best_at, best) = candidates
        .iter()
        .map(|&i| (scores[i].k, scores[i].silhouette))
        .fold((0, f64::NEG_INFINITY), |a, b| if b.1 > a.1 { b } else { a });
    let chosen = candidates
        .iter()
        .copied()
        .filter(|&i| scores[i].silhouette >= best - AUTO_K_TOLERANCE)
        .min_by_key(|&i| scores[i].k)
        .unwrap_or(0);
    let s = &scores[chosen];
    let (from, to) = (
        scores[candidates[0]].k,
        scores[candidates[candidates.len() - 1]].k,
    );
    let why = if s.k == best_at {
        phrase!(
            "segments-k-best",
            k = s.k.to_string(),
            silhouette = format!("{:.2}", s.silhouette),
            from = from.to_string(),
            to = to.to_string(),
        )
    } else {
        phrase!(
            "segments-k-fewest",
            k = s.k.to_string(),
            silhouette = format!("{:.2}", s.silhouette),
            tolerance = AUTO_K_TOLERANCE.to_string(),
            from = from.to_string(),
            to = to.to_string(),
            best = format!("{best:.2}"),
            best_k = best_at.to_string(),
        )
    };
    match note {
        Some(note) => (
            chosen,
            phrase!("segments-k-with-note", why = why, note = note),
        ),
        None => (chosen, why),
    }
}

#[cfg(test)]
mod tests {
    use ndarray::Array2;

    use super::*;
    use crate::analysis::segments::search::{SearchParams, cluster};
    use crate::jobs::Progress;

    #[test]
    fn auto_picks_the_smallest_k_near_the_best_silhouette() {
        let score = |k, silhouette| KScore {
            k,
            inertia: 0.0,
            silhouette,
        };
        let auto = |min, max| KChoice::Auto { min, max };
        let scores = [
            score(2, 0.50),
            score(3, 0.61),
            score(4, 0.62),
            score(5, 0.40),
        ];
        let (at, why) = choose_k(&scores, auto(2, 5));
        assert_eq!(scores[at].k, 3);
        assert_eq!(
            why.text_in(Language::English),
            "K = 3: the fewest segments whose silhouette (0.61) is within 0.02 of the best of \
             K = 2 to 5 (0.62 at K = 4)."
        );
        let scores = [score(2, 0.90), score(3, 0.61), score(4, 0.70)];
        // K = 2 scores best but is outside the default 3..=8.
        let (at, why) = choose_k(&scores, KChoice::default());
        assert_eq!(scores[at].k, 4);
        assert_eq!(
            why.text_in(Language::English),
            "K = 4: the best silhouette (0.70) of K = 3 to 4."
        );
        // Too alike for 3..=8: the choice among what was possible, said.
        let (at, why) = choose_k(&scores[..1], KChoice::default());
        assert_eq!(at, 0);
        assert!(
            why.text_in(Language::English)
                .contains("too few different figures for 3 to 8 segments: at most 2")
        );
    }

    #[test]
    fn identical_customers_never_make_an_empty_segment() {
        // 40 customers with only 3 different figures.
        let rows: Vec<[f64; 2]> = (0..40).map(|i| [(i % 3) as f64, 1.0]).collect();
        let data = Array2::from_shape_fn((40, 2), |(r, c)| rows[r][c]);
        let fixed = |k| SearchParams {
            k: KChoice::Fixed(k),
            ..SearchParams::default()
        };
        let error = cluster(data.view(), &fixed(5), &Progress::detached()).unwrap_err();
        assert!(error.to_string().contains("only 3"), "{error}");
        let three = cluster(data.view(), &fixed(3), &Progress::detached()).expect("K = 3");
        for segment in 0..3 {
            assert!(three.labels.contains(&segment));
        }
        // Auto fits K = 2 and 3 only and says the customers are too alike for 3..=8
        // when it picks 2; with three groups it finds them.
        let auto =
            cluster(data.view(), &SearchParams::default(), &Progress::detached()).expect("auto");
        assert_eq!(auto.per_k.iter().map(|s| s.k).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(auto.k, 3, "{}", auto.reason);
        let same = Array2::from_elem((10, 2), 1.0);
        let error =
            cluster(same.view(), &SearchParams::default(), &Progress::detached()).unwrap_err();
        assert!(error.to_string().contains("no two customers"), "{error}");
    }
}

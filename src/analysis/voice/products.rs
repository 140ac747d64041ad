//! Product voice: per product, how many reviews, the mean rating, the share that is
//! negative, whether that share rose recently, and the words that set its negative
//! reviews apart.
//!
//! Contract:
//! - A review is negative when rated 1–2 stars; an unrated one when its P(positive)
//!   is below the threshold (calibrated on the rated reviews when there are any).
//! - **Flagged bad**: at least [`MIN_REVIEWS`] reviews and a negative share at least
//!   twice the shop's and significantly above it (one-sided binomial z ≥ 3).
//! - **Dropped**: at least [`MIN_RECENT`] reviews in the last `recent_days` before
//!   the last review and [`MIN_REVIEWS`] before, a recent negative share at least
//!   0.3 above the earlier one, and the two-proportion z ≥ 2.5.
//! - Products are sorted flagged or dropped first, then those with enough reviews to
//!   judge, then by negative share, then by reviews.

use std::collections::BTreeMap;

use crate::analysis::service::words::distinguishing;

/// Fewest reviews for a product to be judged at all.
pub const MIN_REVIEWS: usize = 8;
/// Fewest recent reviews for a drop to be called.
pub const MIN_RECENT: usize = 3;
const MS_PER_DAY: i64 = 86_400_000;

/// What reviewers say about one product.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductVoice {
    pub item: String,
    /// The product's name from a products file or the order lines, if loaded.
    pub name: Option<String>,
    pub reviews: usize,
    pub mean_rating: Option<f64>,
    pub negative_share: f64,
    /// Negative share of the recent window and before it (None: no reviews there).
    pub recent_negative_share: Option<f64>,
    pub earlier_negative_share: Option<f64>,
    pub recent_reviews: usize,
    /// Clearly worse than the shop as a whole.
    pub flagged: bool,
    /// Its reviews turned negative recently.
    pub dropped: bool,
    /// Words that set its negative reviews apart from every other review.
    pub words: Vec<String>,
}

/// One review as product voice reads it.
pub struct ReviewFacts<'a> {
    pub item: &'a str,
    pub time: Option<i64>,
    pub rating: Option<f64>,
    pub negative: bool,
    pub tokens: &'a [String],
}

/// Product voice over `reviews`; `recent_days` is the window for a drop.
pub fn product_voice(reviews: &[ReviewFacts], recent_days: i64) -> (Vec<ProductVoice>, f64) {
    let total = reviews.len();
    let shop_share = if total == 0 {
        0.0
    } else {
        reviews.iter().filter(|r| r.negative).count() as f64 / total as f64
    };
    let last = reviews.iter().filter_map(|r| r.time).max();
    let cutoff = last.map(|t| t - recent_days * MS_PER_DAY);
    let mut by_item: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in reviews.iter().enumerate() {
        by_item.entry(r.item).or_default().push(i);
    }
    let mut out: Vec<ProductVoice> = by_item
        .into_iter()
        .map(|(item, idx)| {
            let n = idx.len();
            let negative = idx.iter().filter(|&&i| reviews[i].negative).count();
            let share = negative as f64 / n as f64;
            let rated: Vec<f64> = idx.iter().filter_map(|&i| reviews[i].rating).collect();
            let mean_rating =
                (!rated.is_empty()).then(|| rated.iter().sum::<f64>() / rated.len() as f64);
            let is_recent =
                |i: usize| matches!((reviews[i].time, cutoff), (Some(t), Some(c)) if t > c);
            let (recent, earlier): (Vec<usize>, Vec<usize>) =
                idx.iter().copied().partition(|&i| is_recent(i));
            let neg_share = |part: &[usize]| {
                (!part.is_empty()).then(|| {
                    part.iter().filter(|&&i| reviews[i].negative).count() as f64 / part.len() as f64
                })
            };
            let (recent_share, earlier_share) = (neg_share(&recent), neg_share(&earlier));
            let flagged = n >= MIN_REVIEWS
                && share >= 2.0 * shop_share
                && binomial_z(share, shop_share, n) >= 3.0;
            let dropped = match (recent_share, earlier_share) {
                (Some(r), Some(e)) => {
                    recent.len() >= MIN_RECENT
                        && earlier.len() >= MIN_REVIEWS
                        && r - e >= 0.3
                        && two_proportion_z(r, recent.len(), e, earlier.len()) >= 2.5
                }
                _ => false,
            };
            ProductVoice {
                item: item.to_string(),
                name: None,
                reviews: n,
                mean_rating,
                negative_share: share,
                recent_negative_share: recent_share,
                earlier_negative_share: earlier_share,
                recent_reviews: recent.len(),
                flagged,
                dropped,
                words: Vec::new(),
            }
        })
        .collect();
    for product in out.iter_mut().filter(|p| p.flagged || p.dropped) {
        let mut target = Vec::new();
        let mut rest = Vec::new();
        for r in reviews {
            if r.item == product.item && r.negative {
                target.push(r.tokens.to_vec());
            } else {
                rest.push(r.tokens.to_vec());
            }
        }
        product.words = distinguishing(&target, &rest, 5)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
    }
    let judged = |p: &ProductVoice| p.reviews >= MIN_REVIEWS;
    out.sort_by(|a, b| {
        (b.flagged || b.dropped)
            .cmp(&(a.flagged || a.dropped))
            .then(judged(b).cmp(&judged(a)))
            .then(b.negative_share.total_cmp(&a.negative_share))
            .then(b.reviews.cmp(&a.reviews))
            .then(a.item.cmp(&b.item))
    });
    (out, shop_share)
}

/// How many standard errors `share` (of `n`) lies above `base`.
fn binomial_z(share: f64, base: f64, n: usize) -> f64 {
    let sd = (base * (1.0 - base) / n as f64).sqrt();
    if sd <= 0.0 {
        return if share > base { f64::INFINITY } else { 0.0 };
    }
    (share - base) / sd
}

/// The two-proportion z statistic of `a` (of `n_a`) over `b` (of `n_b`), pooled.
fn two_proportion_z(a: f64, n_a: usize, b: f64, n_b: usize) -> f64 {
    let (n_a, n_b) = (n_a as f64, n_b as f64);
    let pooled = (a * n_a + b * n_b) / (n_a + n_b);
    let sd = (pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b)).sqrt();
    if sd <= 0.0 {
        return 0.0;
    }
    (a - b) / sd
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn a_planted_bad_product_and_a_recent_drop_are_flagged_with_their_words() {
        let day = MS_PER_DAY;
        let good = tokens("很好 满意 推荐");
        let bad = tokens("异味 刺鼻 失望");
        let meh = tokens("一般 失望");
        let mut rows: Vec<(String, i64, f64, Vec<String>)> = Vec::new();
        for p in 0..20 {
            for k in 0..30 {
                let t = (k * 12) as i64 * day;
                // One review in ten is a plain bad one, everywhere.
                let (rating, words) = if k % 10 == 0 {
                    (2.0, meh.clone())
                } else {
                    (5.0, good.clone())
                };
                rows.push((format!("P{p:02}"), t, rating, words));
            }
        }
        for k in 0..30 {
            let t = (k * 12) as i64 * day;
            let (rating, words) = if k % 4 == 0 {
                (5.0, good.clone())
            } else {
                (1.0, bad.clone())
            };
            rows.push(("BAD".into(), t, rating, words));
            // Fine at first, bad in the 90 days before the last review (day 348).
            let late = t > (29 * 12 - 90) * day;
            let (rating, words) = if late {
                (1.0, meh.clone())
            } else {
                (5.0, good.clone())
            };
            rows.push(("DROP".into(), t, rating, words));
        }
        // Two bad reviews are too few to judge: listed after every judged product.
        rows.push(("FEW".into(), 0, 1.0, meh.clone()));
        rows.push(("FEW".into(), day, 1.0, meh.clone()));
        let facts: Vec<ReviewFacts> = rows
            .iter()
            .map(|(item, t, rating, words)| ReviewFacts {
                item,
                time: Some(*t),
                rating: Some(*rating),
                negative: *rating <= 2.0,
                tokens: words,
            })
            .collect();
        let (voice, shop) = product_voice(&facts, 90);
        assert!(shop > 0.1 && shop < 0.2, "shop share {shop}");
        let flagged: Vec<&str> = voice
            .iter()
            .filter(|p| p.flagged)
            .map(|p| p.item.as_str())
            .collect();
        assert_eq!(flagged, ["BAD"]);
        let dropped: Vec<&str> = voice
            .iter()
            .filter(|p| p.dropped)
            .map(|p| p.item.as_str())
            .collect();
        assert_eq!(dropped, ["DROP"]);
        let bad_product = &voice[0];
        assert_eq!(bad_product.item, "BAD");
        assert!(
            bad_product.words.iter().any(|w| w == "异味"),
            "{bad_product:?}"
        );
        assert!(!bad_product.words.iter().any(|w| w == "满意"));
        assert_eq!(voice.last().map(|p| p.item.as_str()), Some("FEW"));
        let drop = voice.iter().find(|p| p.item == "DROP").expect("drop");
        assert_eq!(drop.recent_negative_share, Some(1.0));
        assert_eq!(drop.earlier_negative_share, Some(0.0));
    }
}

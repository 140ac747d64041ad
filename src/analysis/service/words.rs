//! Words that set one group of texts apart from the rest ("what negative reviews
//! say that others do not"): the log-odds ratio with an informative Dirichlet
//! prior of Monroe, Colaresi and Quinn (2008), "Fightin' Words".
//!
//! Contract:
//! - Counts are word occurrences. The prior of each word is its share of both
//!   groups together times [`PRIOR_SIZE`], so a rare word needs much evidence and a
//!   common one is judged against how common it is.
//! - The score is the z-score of the log-odds difference; only words used at least
//!   [`MIN_COUNT`] times in the target and more often there than expected (z > 0)
//!   are listed, highest first, ties by word.

use foldhash::HashMap;

/// Fewest uses in the target group for a word to be listed.
pub const MIN_COUNT: usize = 3;
/// Total weight of the prior (in word occurrences).
pub const PRIOR_SIZE: f64 = 500.0;

fn counts(docs: &[Vec<String>]) -> (HashMap<&str, f64>, f64) {
    let mut c: HashMap<&str, f64> = HashMap::default();
    let mut total = 0.0;
    for w in docs.iter().flatten() {
        *c.entry(w.as_str()).or_default() += 1.0;
        total += 1.0;
    }
    (c, total)
}

/// The `n` words most typical of `target` against `rest`, with their z-scores.
pub fn distinguishing(
    target: &[Vec<String>],
    rest: &[Vec<String>],
    n: usize,
) -> Vec<(String, f64)> {
    let (t, t_total) = counts(target);
    let (r, r_total) = counts(rest);
    let all_total = t_total + r_total;
    if t_total == 0.0 || r_total == 0.0 {
        return Vec::new();
    }
    let mut scored: Vec<(String, f64)> = t
        .iter()
        .filter(|(_, c)| **c >= MIN_COUNT as f64)
        .map(|(&w, &yt)| {
            let yr = r.get(w).copied().unwrap_or(0.0);
            let alpha = PRIOR_SIZE * (yt + yr) / all_total;
            let log_odds =
                |y: f64, total: f64| ((y + alpha) / (total + PRIOR_SIZE - y - alpha)).ln();
            let delta = log_odds(yt, t_total) - log_odds(yr, r_total);
            let variance = 1.0 / (yt + alpha) + 1.0 / (yr + alpha);
            (w.to_string(), delta / variance.sqrt())
        })
        .filter(|(_, z)| *z > 0.0)
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    scored.truncate(n);
    scored
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::service::tokens::tokenize;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Reviews from shared phrases; the negative ones also use planted complaint words.
    fn reviews(count: usize, negative: bool, rng: &mut ChaCha8Rng) -> Vec<Vec<String>> {
        const SHARED: [&str; 8] = [
            "衣服收到了",
            "颜色",
            "快递",
            "包装",
            "尺码",
            "客服",
            "价格",
            "面料",
        ];
        const PLANTED: [&str; 3] = ["掉色", "破洞", "缩水"];
        (0..count)
            .map(|_| {
                let mut parts: Vec<&str> = (0..3)
                    .map(|_| SHARED[rng.random_range(0..SHARED.len())])
                    .collect();
                if negative && rng.random_bool(0.6) {
                    parts.push(PLANTED[rng.random_range(0..PLANTED.len())]);
                }
                tokenize(&parts.join("，"))
            })
            .collect()
    }

    #[test]
    fn planted_complaint_words_set_negative_reviews_apart() {
        let mut rng = ChaCha8Rng::seed_from_u64(8);
        let negative = reviews(300, true, &mut rng);
        let positive = reviews(3_000, false, &mut rng);
        let top = distinguishing(&negative, &positive, 3);
        let words: Vec<&str> = top.iter().map(|(w, _)| w.as_str()).collect();
        let mut sorted = words.clone();
        sorted.sort();
        assert_eq!(sorted, ["掉色", "破洞", "缩水"], "{top:?}");
        assert!(top.windows(2).all(|p| p[0].1 >= p[1].1));
        // Shared words are not typical of the negative reviews.
        let more = distinguishing(&negative, &positive, 20);
        let shared = more.iter().filter(|(w, _)| !words.contains(&w.as_str()));
        assert!(shared.clone().all(|(_, z)| *z < 2.0), "{more:?}");
    }

    #[test]
    fn rare_words_and_empty_groups_give_nothing() {
        let one = vec![tokenize("掉色 掉色")];
        assert!(
            distinguishing(&one, &[tokenize("很好")], 5).is_empty(),
            "used twice < MIN_COUNT"
        );
        assert!(distinguishing(&[], &one, 5).is_empty());
        assert!(distinguishing(&one, &[], 5).is_empty());
    }
}

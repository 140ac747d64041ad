//! Tests of the sentiment model: the bundled baseline, fine-tuning, calibration.

use super::*;
use rand::Rng;

fn p(text: &str) -> f64 {
    baseline().positive(&tokenize(text))
}

#[test]
fn baseline_is_right_on_four_in_five_held_out_reviews() {
    let report = baseline_report();
    let (pos, neg) = ENGLISH_SEEDS;
    // 17,363 distinct texts after de-duplication, split 80/20 per class.
    assert_eq!(report.train + report.test, 17_363 + pos.len() + neg.len());
    assert!((3_400..3_600).contains(&report.test), "{report:?}");
    assert!(report.accuracy >= 0.8, "{report:?}");
}

#[test]
fn no_text_is_in_both_the_train_and_the_test_part() {
    let (train, test) = corpus_split();
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    for (text, _) in train.iter().chain(&test) {
        assert!(
            seen.insert(text.as_str()),
            "duplicate in the bundled corpus: {text}"
        );
    }
    let train: foldhash::HashSet<&str> = train.iter().map(|(t, _)| t.as_str()).collect();
    assert!(test.iter().all(|(t, _)| !train.contains(t.as_str())));
}

#[test]
fn short_chinese_and_english_reviews_get_their_mood() {
    for good in [
        "质量很好，很喜欢",
        "物流很快，非常满意",
        "great quality, fast delivery, love it",
    ] {
        assert!(p(good) > 0.5, "{good}: {}", p(good));
    }
    for bad in [
        "质量太差了，很失望",
        "收到就坏了，退货",
        "bad quality, broke after a day",
        "terrible, want a refund",
    ] {
        assert!(p(bad) < 0.5, "{bad}: {}", p(bad));
    }
    assert_eq!(p(""), 0.5);
    assert_eq!(p("zzqx vvkw"), 0.5, "unknown words do not move it");
}

#[test]
fn operator_labels_teach_the_shops_own_words() {
    // A made-up product nickname the corpus never saw, used in the shop's complaints.
    let complaint = tokenize("zorblax 又来了");
    assert!((baseline().positive(&tokenize("zorblax")) - 0.5).abs() < 1e-12);
    let docs: Vec<Vec<String>> = (0..5).map(|_| complaint.clone()).collect();
    let tuned = baseline()
        .fine_tune(&docs, &[false; 5])
        .expect("same lengths");
    assert!(tuned.positive(&tokenize("zorblax")) < 0.2);
    // The corpus' words still count.
    assert!(tuned.positive(&tokenize("质量很好，很喜欢")) > 0.5);
    assert!(baseline().fine_tune(&docs, &[false; 4]).is_err());
}

#[test]
fn calibration_finds_the_threshold_that_separates_the_stars() {
    // Planted: 1–2 star reviews score 0.5–0.7, 4–5 star reviews 0.75–1, 3 stars anywhere.
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let mut probabilities = Vec::new();
    let mut ratings = Vec::new();
    for i in 0..600 {
        let (p, r) = match i % 6 {
            0 => (rng.random_range(0.5..0.7), rng.random_range(1..=2)),
            1 => (rng.random_range(0.0..1.0), 3),
            _ => (rng.random_range(0.75..1.0), rng.random_range(4..=5)),
        };
        probabilities.push(p);
        ratings.push(f64::from(r));
    }
    let c = calibrate_scores(&probabilities, &ratings).expect("both sides rated");
    assert!(c.threshold > 0.69 && c.threshold < 0.76, "{c:?}");
    assert_eq!(c.agreement, 1.0);
    assert_eq!(c.reviews, 500);
    assert!(!c.is_positive(0.6) && c.is_positive(0.8));
    let err = calibrate_scores(&[0.9, 0.8], &[5.0, 4.0]).expect_err("no low ratings");
    assert!(matches!(err, AnalysisError::Invalid { .. }));
}

#[test]
fn calibration_of_real_texts_runs_through_the_model() {
    let docs: Vec<Vec<String>> = ["质量很好，很喜欢", "非常满意", "质量太差了", "坏了，很失望"]
        .iter()
        .map(|t| tokenize(t))
        .collect();
    let c = baseline()
        .calibrate(&docs, &[5.0, 4.0, 1.0, 2.0])
        .expect("calibrates");
    assert_eq!(c.agreement, 1.0, "{c:?}");
}

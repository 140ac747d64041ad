//! Customer-service text benchmark: `MB_MESSAGES` (default 1,000,000) planted
//! messages (eight intents, Chinese with some English, 10 % mixing two intents;
//! seeded), every tenth labelled. Times tokenising, TF-IDF + naive Bayes training,
//! predicting, building the reply index, the FAQ, and the latency of suggestion
//! searches on the whole index, and tokenising messages three times as long;
//! prints the peak memory after each step and the bundled sentiment baseline's
//! training time and held-out accuracy.
//!
//! Run in release mode: `cargo bench --bench service`
//! (`MB_MESSAGES=100000 cargo bench --bench service` for a quicker run).

use std::time::Instant;

use marketbench::analysis::service::intent::{IntentModel, macro_f1};
use marketbench::analysis::service::planted::{INTENTS, messages};
use marketbench::analysis::service::suggest::{FaqParams, GOOD_MATCH, ReplyIndex, faq};
use marketbench::analysis::service::{sentiment, tokens};
use marketbench::jobs::Progress;

const DEFAULT_MESSAGES: usize = 1_000_000;
const QUERIES: usize = 1_000;

fn peak_memory_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn step<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    println!(
        "{name:<28} {:>8.2} s   peak memory {:>6.0} MiB",
        started.elapsed().as_secs_f64(),
        peak_memory_mib()
    );
    out
}

fn main() {
    let count = std::env::var("MB_MESSAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_MESSAGES);
    let progress = Progress::detached();
    println!(
        "{count} planted messages, every tenth labelled, {} threads",
        rayon::current_num_threads()
    );
    let planted = step("generate", || messages(count, 7, 0.1));
    let texts: Vec<&str> = planted.iter().map(|m| m.text.as_str()).collect();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    println!(
        "mean message length {:.1} characters",
        chars as f64 / count.max(1) as f64
    );
    let docs = step("tokenise", || {
        tokens::tokenize_all(&texts, &progress).expect("not cancelled")
    });
    let labels: Vec<Option<String>> = planted
        .iter()
        .enumerate()
        .map(|(i, m)| (i % 10 == 0).then(|| INTENTS[m.intent].to_string()))
        .collect();
    let model = step("TF-IDF + train", || {
        IntentModel::train(&docs, &labels, &progress).expect("trains")
    });
    let predictions = step("predict all", || {
        model.predict_all(&docs, &progress).expect("not cancelled")
    });
    let truth: Vec<usize> = planted.iter().map(|m| m.intent).collect();
    let predicted: Vec<usize> = predictions
        .iter()
        .map(|p| {
            INTENTS
                .iter()
                .position(|n| *n == model.intents()[p.intent])
                .expect("planted intent")
        })
        .collect();
    println!(
        "macro-F1 (all messages) {:.3}",
        macro_f1(&truth, &predicted, INTENTS.len())
    );
    let index = step("reply index", || ReplyIndex::build(&docs));
    // Queries: past messages with a word dropped, every 997th message.
    let queries: Vec<Vec<String>> = (0..QUERIES)
        .map(|i| {
            let mut q = docs[(i * 997) % count].clone();
            if q.len() > 2 {
                q.remove(i % q.len());
            }
            q
        })
        .collect();
    let mut latencies: Vec<f64> = Vec::with_capacity(QUERIES);
    let mut good = 0;
    for q in &queries {
        let started = Instant::now();
        let top = index.search(q, 5);
        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
        good += usize::from(top.first().is_some_and(|m| m.score >= GOOD_MATCH));
    }
    latencies.sort_by(f64::total_cmp);
    let mean = latencies.iter().sum::<f64>() / latencies.len() as f64;
    println!(
        "search top 5 of {count}: mean {mean:.2} ms, median {:.2} ms, p99 {:.2} ms, max {:.2} ms ({good} of {QUERIES} good matches)",
        latencies[QUERIES / 2],
        latencies[QUERIES * 99 / 100],
        latencies[QUERIES - 1]
    );
    let intents: Vec<usize> = predictions.iter().map(|p| p.intent).collect();
    let replies: Vec<Option<&str>> = planted.iter().map(|m| Some(m.reply.as_str())).collect();
    let entries = step("FAQ (5,000 per intent)", || {
        faq(&docs, &intents, &replies, &FaqParams::default(), &progress).expect("not cancelled")
    });
    println!("FAQ entries {}", entries.len());
    // Real chats run longer than one planted sentence: three in a row per message.
    let long: Vec<String> = (0..count)
        .map(|i| {
            (0..3)
                .map(|k| texts[(i + k) % count])
                .collect::<Vec<_>>()
                .join("。")
        })
        .collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    let long_chars: usize = long.iter().map(|t| t.chars().count()).sum();
    let long_docs = step("tokenise 3x longer", || {
        tokens::tokenize_all(&long, &progress).expect("not cancelled")
    });
    println!(
        "  ({:.1} characters a message, {:.1} words)",
        long_chars as f64 / count.max(1) as f64,
        long_docs.iter().map(Vec::len).sum::<usize>() as f64 / count.max(1) as f64
    );
    let report = step("sentiment baseline", sentiment::baseline_report);
    println!(
        "sentiment baseline: train {}, held out {}, accuracy {:.3}",
        report.train, report.test, report.accuracy
    );
}

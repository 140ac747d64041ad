//! `marketbench service FILE... [--intents] [--sentiment] [--products] [--suggest TEXT]
//! [--labels FILE] [--out FILE] [--faq FILE] [--json]`: service messages sorted by intent and mood, product voice
//! from reviews, and suggested replies from the shop's past answers. With none of
//! `--intents`, `--sentiment`, `--products` all three are shown; `--suggest` adds
//! its suggestions.
//!
//! JSON: `{messages, intents: [{name, count, share, labelled, top_words}],
//! intents_error, sentiment: {accuracy_held_out, held_out, positive_share, mood_labels},
//! products: [{item, reviews, mean_rating, negative_share, flagged, dropped, words}],
//! categories (the same per category, `item` naming it),
//! suggestions: [{message, reply, score, intent}]}` (sections not asked for are
//! left out; `faq_questions` with `--faq`). `--labels` reads the operator's labels
//! (`message` with `intent` and/or `mood`, see `voice::labels`) as the Service
//! tab's labelling gives them. `--faq` writes `question, reply, count,
//! intent`. `--out` writes one row per message (file, row, customer, time,
//! message, intent and whether it was labelled or predicted, confidence, P(positive))
//! atomically as `.csv`, `.xlsx` or `.parquet`.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use polars::prelude::*;
use serde_json::{Value, json};

use super::replace::write_frame;
use super::{LoadArgs, OutputArgs, args::ExportArgs, load_files};
use crate::analysis::service::sentiment::baseline_report;
use crate::analysis::voice::faq::faq_frame;
use crate::analysis::voice::{Labels, ServiceReport, analyse};
use crate::jobs::Progress;
use crate::numbers::{count, percent};

#[derive(Debug, Args)]
pub struct ServiceArgs {
    /// Service messages and/or reviews files or folders (orders help the signals).
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// Show the intents (trained on the messages labelled in the file).
    #[arg(long)]
    pub intents: bool,
    /// Show the sentiment model's held-out accuracy and the share of positive messages.
    #[arg(long)]
    pub sentiment: bool,
    /// Show product voice from reviews (flagged and dropped products first).
    #[arg(long)]
    pub products: bool,
    /// Suggest replies for this customer message from the shop's past answers.
    #[arg(long, value_name = "TEXT")]
    pub suggest: Option<String>,
    /// How many suggestions.
    #[arg(long, default_value_t = 3)]
    pub top: usize,
    /// Rows shown as text.
    #[arg(long, default_value_t = 10)]
    pub rows: usize,
    /// The team's own labels: a CSV with a `message` column and an `intent` and/or
    /// `mood` (positive/negative) column; they train the intents and fine-tune the
    /// sentiment model as labelling in the Service tab does.
    #[arg(long, value_name = "FILE")]
    pub labels: Option<PathBuf>,
    /// Write every message with its intent and mood to this .csv, .xlsx or .parquet file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Write the FAQ (each common question, the reply agents gave it most, how
    /// often it was asked, its intent) to this .csv, .xlsx or .parquet file.
    #[arg(long, value_name = "FILE")]
    pub faq: Option<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub export: ExportArgs,
}

pub fn run(args: &ServiceArgs) -> anyhow::Result<String> {
    let loaded = load_files(&args.files, &args.load)?;
    let labels = match &args.labels {
        Some(path) => Labels::read_csv(path)?,
        None => Labels::default(),
    };
    let report = analyse(&loaded.store, &labels, &Progress::detached())
        .context("reading service messages and reviews")?;
    if let Some(out) = &args.out {
        let frame = messages_frame(&report)?;
        write_frame(&frame, out, args.output.force, args.export.headers)
            .with_context(|| format!("writing {}", out.display()))?;
    }
    let faq_rows = match &args.faq {
        Some(path) => {
            let rows = report.faq(&Progress::detached())?.context(
                "the FAQ groups questions by intent: label some messages with their intent first",
            )?;
            let frame = faq_frame(&rows)?;
            write_frame(&frame, path, args.output.force, args.export.headers)
                .with_context(|| format!("writing {}", path.display()))?;
            Some(rows.len())
        }
        None => None,
    };
    let all = !(args.intents || args.sentiment || args.products);
    let suggestions = args
        .suggest
        .as_deref()
        .map(|text| report.suggest(text, args.top));
    if args.output.json {
        let mut out = serde_json::Map::new();
        out.insert("messages".into(), json!(report.messages.len()));
        if all || args.intents {
            let (intents, error) = intents_json(&report);
            out.insert("intents".into(), intents);
            out.insert("intents_error".into(), error);
        }
        if all || args.sentiment {
            let baseline = baseline_report();
            out.insert(
                "sentiment".into(),
                json!({
                    "accuracy_held_out": baseline.accuracy,
                    "held_out": baseline.test,
                    "positive_share": report.positive_share(),
                    "mood_labels": report.mood_labels,
                }),
            );
        }
        if all || args.products {
            out.insert("products".into(), products_json(&report, false));
            out.insert("categories".into(), products_json(&report, true));
        }
        if let Some(suggestions) = &suggestions {
            out.insert("suggestions".into(), json!(suggestions));
        }
        if let Some(questions) = faq_rows {
            out.insert("faq_questions".into(), json!(questions));
        }
        return Ok(serde_json::to_string_pretty(&Value::Object(out))?);
    }
    let mut text = format!("{} service messages\n", count(report.messages.len()));
    if let (Some(questions), Some(path)) = (faq_rows, &args.faq) {
        writeln!(
            text,
            "FAQ: {} questions written to {}",
            count(questions),
            path.display()
        )?;
    }
    if all || args.intents {
        match &report.intents {
            Ok(intents) => {
                writeln!(text, "\nintents (trained on the labelled messages):")?;
                for s in &intents.summary {
                    writeln!(
                        text,
                        "  {:<10} {:>7} {:>6}  labelled {:>5}  words: {}",
                        s.name,
                        count(s.count),
                        percent(s.share),
                        count(s.labelled),
                        s.top_words.join(" ")
                    )?;
                }
            }
            Err(why) => writeln!(text, "\nno intents: {why}")?,
        }
    }
    if all || args.sentiment {
        let baseline = baseline_report();
        writeln!(
            text,
            "\nsentiment: {} of messages read as positive (baseline model: {} right on {} held-out reviews)",
            percent(report.positive_share()),
            percent(baseline.accuracy),
            count(baseline.test)
        )?;
        if report.mood_labels > 0 {
            writeln!(
                text,
                "  fine-tuned on {} of your mood labels",
                count(report.mood_labels)
            )?;
        }
    }
    if (all || args.products)
        && let Some(voice) = &report.reviews
    {
        writeln!(
            text,
            "\nproduct voice: {} reviews, {} negative in the shop",
            count(voice.reviews),
            percent(voice.negative_share)
        )?;
        for p in voice.products.iter().take(args.rows) {
            let flag = match (p.flagged, p.dropped) {
                (_, true) => "dropped recently",
                (true, false) => "flagged",
                _ => "",
            };
            writeln!(
                text,
                "  {:<10} {:>5} reviews  {:>6} negative  {flag}  {}",
                p.item,
                count(p.reviews),
                percent(p.negative_share),
                p.words.join(" ")
            )?;
        }
    }
    if let Some(suggestions) = &suggestions {
        if suggestions.is_empty() {
            writeln!(
                text,
                "\nno good match among past messages: answer this one yourself"
            )?;
        }
        for s in suggestions {
            writeln!(
                text,
                "\n{:.2}  {}  [{}]\n      reply: {}",
                s.score,
                s.message,
                s.intent.as_deref().unwrap_or("-"),
                s.reply
            )?;
        }
    }
    Ok(text)
}

fn intents_json(report: &ServiceReport) -> (Value, Value) {
    match &report.intents {
        Ok(intents) => (
            intents
                .summary
                .iter()
                .map(|s| {
                    json!({
                        "name": s.name,
                        "count": s.count,
                        "share": s.share,
                        "labelled": s.labelled,
                        "top_words": s.top_words,
                    })
                })
                .collect(),
            Value::Null,
        ),
        Err(why) => (json!([]), json!(why)),
    }
}

/// Product voice as JSON: per product, or per category with `categories`.
fn products_json(report: &ServiceReport, categories: bool) -> Value {
    let Some(voice) = &report.reviews else {
        return json!([]);
    };
    let rows = match categories {
        true => &voice.categories,
        false => &voice.products,
    };
    rows.iter()
        .map(|p| {
            json!({
                "item": p.item,
                "reviews": p.reviews,
                "mean_rating": p.mean_rating,
                "negative_share": p.negative_share,
                "recent_negative_share": p.recent_negative_share,
                "flagged": p.flagged,
                "dropped": p.dropped,
                "words": p.words,
            })
        })
        .collect()
}

/// One row per message with its intent and mood, as `--out` writes it.
fn messages_frame(report: &ServiceReport) -> anyhow::Result<DataFrame> {
    let m = &report.messages;
    let n = m.len();
    let (intent, source, confidence): (Vec<Option<String>>, Vec<&str>, Vec<Option<f64>>) =
        match &report.intents {
            Ok(intents) => {
                let names = intents.model.intents();
                let mut intent = Vec::with_capacity(n);
                let mut source = Vec::with_capacity(n);
                let mut confidence = Vec::with_capacity(n);
                for i in 0..n {
                    intent.push(Some(names[intents.assigned[i]].clone()));
                    let labelled = m.label[i].is_some();
                    source.push(if labelled { "labelled" } else { "predicted" });
                    confidence.push((!labelled).then_some(intents.predictions[i].confidence));
                }
                (intent, source, confidence)
            }
            Err(_) => (
                m.label.clone(),
                m.label
                    .iter()
                    .map(|l| if l.is_some() { "labelled" } else { "" })
                    .collect(),
                vec![None; n],
            ),
        };
    let time: Vec<Option<String>> = m
        .time
        .iter()
        .map(|t| {
            t.and_then(chrono::DateTime::from_timestamp_millis)
                .map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
        })
        .collect();
    Ok(df!(
        "file" => &m.file,
        "row" => &m.row,
        "customer_id" => &m.customer,
        "time" => time,
        "message" => &m.text,
        "intent" => intent,
        "intent_source" => source,
        "intent_confidence" => confidence,
        "positive" => &report.sentiment,
    )?)
}

//! The voice of the customer over a loaded store: service messages sorted by
//! intent and mood, suggested replies from past answers, product voice from
//! reviews, and customer signals for segments and campaigns. The text models are
//! `analysis::service`'s; this module reads the store and puts them together.
//!
//! Contract of [`analyse`]:
//! - Intents are learned from the messages labelled in the file (the intent
//!   column) and by the operator ([`Labels`]; theirs wins where both exist); with
//!   fewer than two intents labelled the rest still works and `intents` says why
//!   there are none.
//! - Sentiment is the bundled baseline, fine-tuned on the operator's mood labels
//!   when there are any; with rated reviews its threshold is calibrated on them
//!   (4–5 stars against 1–2) and that threshold decides which unrated reviews
//!   count as negative.
//! - Signals are measured as of the last message (or the last order, if later).

pub mod faq;
pub mod labels;
pub mod products;
mod review_voice;
pub mod signals;
pub mod texts;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike};
use polars::prelude::*;

use crate::analysis::AnalysisError;
use crate::analysis::lines::polars_failed;
use crate::analysis::service::intent::{IntentModel, Prediction, least_sure};
use crate::analysis::service::sentiment::{self, SentimentModel};
use crate::analysis::service::suggest::{GOOD_MATCH, ReplyIndex};
use crate::analysis::service::tokens::{tokenize, tokenize_all};
use crate::data::Store;
use crate::jobs::Progress;
use crate::tr;
pub use faq::FaqRow;
pub use labels::{Labels, Mood};
pub use review_voice::ReviewVoice;
use review_voice::review_voice;
use signals::{MessageFacts, customer_signals};
pub use texts::{Messages, Reviews};

/// Days of the window in which a product's reviews "dropped".
pub const RECENT_DAYS: i64 = 90;
/// Messages shown first for labelling (least sure first).
const TO_LABEL: usize = 50;
const EXAMPLES: usize = 3;

/// One intent in the summary table.
#[derive(Clone, Debug, PartialEq)]
pub struct IntentSummary {
    pub name: String,
    /// Messages with this intent (labelled, or predicted when unlabelled).
    pub count: usize,
    pub share: f64,
    pub labelled: usize,
    pub top_words: Vec<String>,
    /// Indices into the messages: the most confident unlabelled examples.
    pub examples: Vec<usize>,
}

/// The trained intent model and what it says about every message.
#[derive(Clone, Debug)]
pub struct Intents {
    pub model: IntentModel,
    /// The intent of each message: its label when labelled, else the prediction.
    pub assigned: Vec<usize>,
    pub predictions: Vec<Prediction>,
    pub summary: Vec<IntentSummary>,
    /// Messages per intent per month, every month from the first to the last:
    /// (`YYYY-MM`, counts in `summary` order).
    pub monthly: Vec<(String, Vec<usize>)>,
}

/// Everything the Service tab and `marketbench service` show.
#[derive(Clone, Debug)]
pub struct ServiceReport {
    pub messages: Messages,
    pub tokens: Vec<Vec<String>>,
    /// Err: why no intent model could be trained (in words).
    pub intents: Result<Intents, String>,
    /// Unlabelled messages to label next: those the intent model is least sure
    /// about, first; without a model, one message of each most common text.
    pub to_label: Vec<usize>,
    /// P(positive) of each message.
    pub sentiment: Vec<f64>,
    /// The operator's mood labels the sentiment model was fine-tuned on.
    pub mood_labels: usize,
    pub index: ReplyIndex,
    pub reviews: Option<ReviewVoice>,
    /// One row per customer who wrote (`signals::SIGNAL_COLUMNS`).
    pub signals: DataFrame,
    /// Customers with `complained_30d`, and with `asked_discount_no_buy`.
    pub complained: usize,
    pub asked_discount_no_buy: usize,
}

/// A past message like the one asked about, and the reply it got.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Suggestion {
    pub message: String,
    pub reply: String,
    pub score: f64,
    pub intent: Option<String>,
}

impl ServiceReport {
    /// Share of messages read as positive (P ≥ 0.5).
    pub fn positive_share(&self) -> f64 {
        if self.sentiment.is_empty() {
            return 0.0;
        }
        self.sentiment.iter().filter(|p| **p >= 0.5).count() as f64 / self.sentiment.len() as f64
    }

    /// The intent name of message `i`, if intents were trained.
    pub fn intent_of(&self, i: usize) -> Option<&str> {
        let intents = self.intents.as_ref().ok()?;
        Some(intents.model.intents()[*intents.assigned.get(i)?].as_str())
    }

    /// Up to `k` answered past messages like `text`, best first, each scoring at
    /// least [`GOOD_MATCH`]; empty means "no good match".
    pub fn suggest(&self, text: &str, k: usize) -> Vec<Suggestion> {
        let query = tokenize(text);
        self.index
            .search(&query, k * 4)
            .into_iter()
            .filter(|m| m.score >= GOOD_MATCH)
            .filter_map(|m| {
                let reply = self.messages.reply[m.doc].clone()?;
                Some(Suggestion {
                    message: self.messages.text[m.doc].clone(),
                    reply,
                    score: m.score,
                    intent: self.intent_of(m.doc).map(str::to_string),
                })
            })
            .take(k)
            .collect()
    }
}

/// Reads the store's service messages and reviews (at least one must be loaded)
/// with the operator's `labels`.
pub fn analyse(
    store: &Store,
    labels: &Labels,
    progress: &Progress,
) -> Result<ServiceReport, AnalysisError> {
    let reviews = texts::reviews(store)?;
    let read = read_messages(store, labels, progress)?;
    if read.is_none() && reviews.is_none() {
        return Err(AnalysisError::Invalid {
            what: tr!("voice-what"),
            why: tr!("voice-needs-files"),
        });
    }
    let read = match read {
        Some(read) => read,
        None => Read::of(Messages::default(), Vec::new(), labels, progress)?,
    };
    progress.stage(2, 4);
    let index = ReplyIndex::build(&read.tokens);
    progress.check().map_err(|_| AnalysisError::Cancelled)?;
    progress.stage(3, 4);
    let reviews = match reviews {
        Some(reviews) => Some(review_voice(store, &reviews, &read.model, progress)?),
        None => None,
    };
    let signals = signals_of(store, &read.messages, &read.intents, &read.sentiment)?;
    let flagged = |name: &str| -> Result<usize, AnalysisError> {
        let column = signals
            .column(name)
            .and_then(|c| Ok(c.bool()?.sum().unwrap_or(0) as usize));
        column.map_err(polars_failed("context-customer-signals"))
    };
    Ok(ServiceReport {
        complained: flagged(signals::SIGNAL_COLUMNS[3])?,
        asked_discount_no_buy: flagged(signals::SIGNAL_COLUMNS[4])?,
        mood_labels: labels.mood_count(),
        to_label: to_label(&read.messages, &read.intents),
        messages: read.messages,
        tokens: read.tokens,
        intents: read.intents,
        sentiment: read.sentiment,
        index,
        reviews,
        signals,
    })
}

/// Only the customer signals of the store's service messages read with `labels`
/// (as [`analyse`] reads them, without reviews and replies): `None` without a
/// service file.
pub fn store_signals(
    store: &Store,
    labels: &Labels,
    progress: &Progress,
) -> Result<Option<DataFrame>, AnalysisError> {
    let Some(read) = read_messages(store, labels, progress)? else {
        return Ok(None);
    };
    signals_of(store, &read.messages, &read.intents, &read.sentiment).map(Some)
}

/// The messages read: tokens, intents, the sentiment model and each message's mood.
struct Read {
    messages: Messages,
    tokens: Vec<Vec<String>>,
    intents: Result<Intents, String>,
    model: Cow<'static, SentimentModel>,
    sentiment: Vec<f64>,
}

/// The service messages of `store` read with `labels`; `None` without a service file.
fn read_messages(
    store: &Store,
    labels: &Labels,
    progress: &Progress,
) -> Result<Option<Read>, AnalysisError> {
    let Some(mut messages) = texts::messages(store)? else {
        return Ok(None);
    };
    for (text, label) in messages.text.iter().zip(messages.label.iter_mut()) {
        if let Some(intent) = labels.intent(text) {
            *label = Some(intent.to_string());
        }
    }
    progress.stage(0, 4);
    let texts: Vec<&str> = messages.text.iter().map(String::as_str).collect();
    let tokens = tokenize_all(&texts, progress).map_err(|_| AnalysisError::Cancelled)?;
    Read::of(messages, tokens, labels, progress).map(Some)
}

impl Read {
    fn of(
        messages: Messages,
        tokens: Vec<Vec<String>>,
        labels: &Labels,
        progress: &Progress,
    ) -> Result<Read, AnalysisError> {
        progress.stage(1, 4);
        let intents = train_intents(&messages, &tokens, progress)?;
        let model = sentiment_model(labels)?;
        let sentiment: Vec<f64> = tokens.iter().map(|t| model.positive(t)).collect();
        Ok(Read {
            messages,
            tokens,
            intents,
            model,
            sentiment,
        })
    }
}

/// The bundled sentiment model, fine-tuned on the operator's mood labels if any.
fn sentiment_model(labels: &Labels) -> Result<Cow<'static, SentimentModel>, AnalysisError> {
    if labels.mood_count() == 0 {
        return Ok(Cow::Borrowed(sentiment::baseline()));
    }
    let (docs, moods): (Vec<Vec<String>>, Vec<bool>) = labels
        .moods()
        .map(|(text, mood)| (tokenize(text), mood.is_positive()))
        .unzip();
    Ok(Cow::Owned(sentiment::baseline().fine_tune(&docs, &moods)?))
}

fn train_intents(
    messages: &Messages,
    tokens: &[Vec<String>],
    progress: &Progress,
) -> Result<Result<Intents, String>, AnalysisError> {
    let model = match IntentModel::train(tokens, &messages.label, progress) {
        Ok(model) => model,
        Err(AnalysisError::Cancelled) => return Err(AnalysisError::Cancelled),
        Err(e) => return Ok(Err(e.to_string())),
    };
    let predictions = model
        .predict_all(tokens, progress)
        .map_err(|_| AnalysisError::Cancelled)?;
    let names = model.intents();
    let index_of: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let assigned: Vec<usize> = (0..messages.len())
        .map(|i| {
            messages.label[i]
                .as_deref()
                .and_then(|l| index_of.get(l).copied())
                .unwrap_or(predictions[i].intent)
        })
        .collect();
    let total = assigned.len().max(1);
    let summary = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let count = assigned.iter().filter(|&&a| a == k).count();
            let labelled = (0..messages.len())
                .filter(|&i| messages.label[i].as_deref() == Some(name.as_str()))
                .count();
            let mut sure: Vec<usize> = (0..messages.len())
                .filter(|&i| messages.label[i].is_none() && predictions[i].intent == k)
                .collect();
            sure.sort_by(|&a, &b| {
                predictions[b]
                    .confidence
                    .total_cmp(&predictions[a].confidence)
                    .then(a.cmp(&b))
            });
            sure.truncate(EXAMPLES);
            IntentSummary {
                name: name.clone(),
                count,
                share: count as f64 / total as f64,
                labelled,
                top_words: model.top_words(k, 6),
                examples: sure,
            }
        })
        .collect();
    let monthly = monthly_counts(&messages.time, &assigned, names.len());
    Ok(Ok(Intents {
        model,
        assigned,
        predictions,
        summary,
        monthly,
    }))
}

/// Unlabelled messages to label next (see [`ServiceReport::to_label`]).
fn to_label(messages: &Messages, intents: &Result<Intents, String>) -> Vec<usize> {
    let unlabelled: Vec<usize> = (0..messages.len())
        .filter(|&i| messages.label[i].is_none())
        .collect();
    if let Ok(intents) = intents {
        let predictions: Vec<Prediction> =
            unlabelled.iter().map(|&i| intents.predictions[i]).collect();
        return least_sure(&predictions, TO_LABEL)
            .into_iter()
            .map(|j| unlabelled[j])
            .collect();
    }
    // (count, first message) per distinct text: labelling a common text labels
    // every message that says it.
    let mut texts: HashMap<&str, (usize, usize)> = HashMap::new();
    for &i in &unlabelled {
        texts.entry(messages.text[i].trim()).or_insert((0, i)).0 += 1;
    }
    let mut common: Vec<(usize, usize)> = texts.into_values().collect();
    common.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    common.into_iter().take(TO_LABEL).map(|(_, i)| i).collect()
}

/// Messages per intent per calendar month, every month from the first to the last
/// (a month without messages has zeros, so a chart does not skip it).
fn monthly_counts(
    times: &[Option<i64>],
    assigned: &[usize],
    intents: usize,
) -> Vec<(String, Vec<usize>)> {
    let mut months: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
    for (time, &intent) in times.iter().zip(assigned) {
        let Some(at) = time.and_then(DateTime::from_timestamp_millis) else {
            continue;
        };
        months
            .entry((at.year(), at.month()))
            .or_insert_with(|| vec![0; intents])[intent] += 1;
    }
    let (Some(&first), Some(&last)) = (months.keys().next(), months.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut year, mut month) = first;
    while (year, month) <= last {
        let counts = months
            .get(&(year, month))
            .cloned()
            .unwrap_or_else(|| vec![0; intents]);
        out.push((format!("{year:04}-{month:02}"), counts));
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    out
}

/// Signals as of the later of the last message and the last order.
fn signals_of(
    store: &Store,
    messages: &Messages,
    intents: &Result<Intents, String>,
    sentiment: &[f64],
) -> Result<DataFrame, AnalysisError> {
    let mut last_order: HashMap<String, i64> = HashMap::new();
    if let Ok(Some(lines)) = store.order_lines() {
        let latest = lines
            .lazy()
            .filter(col("customer_id").is_not_null())
            .group_by([col("customer_id").cast(DataType::String)])
            .agg([col("ts").max().cast(DataType::Int64)])
            .collect()
            .map_err(polars_failed("context-customer-signals"))?;
        let ids = latest
            .column("customer_id")
            .and_then(|c| Ok(c.str()?.clone()))
            .map_err(polars_failed("context-customer-signals"))?;
        let times = latest
            .column("ts")
            .and_then(|c| Ok(c.i64()?.clone()))
            .map_err(polars_failed("context-customer-signals"))?;
        for (id, time) in ids.iter().zip(times.iter()) {
            if let (Some(id), Some(time)) = (id, time) {
                last_order.insert(id.to_string(), time);
            }
        }
    }
    let names = intents.as_ref().ok().map(|i| i.model.intents());
    let facts: Vec<MessageFacts> = (0..messages.len())
        .filter_map(|i| {
            Some(MessageFacts {
                customer: messages.customer[i].as_deref()?,
                time: messages.time[i]?,
                intent: match (&messages.label[i], intents) {
                    (Some(label), _) => Some(label.as_str()),
                    (None, Ok(trained)) => names.map(|n| n[trained.predictions[i].intent].as_str()),
                    (None, Err(_)) => None,
                },
                positive: sentiment[i],
            })
        })
        .collect();
    let as_of = facts
        .iter()
        .map(|f| f.time)
        .chain(last_order.values().copied())
        .max()
        .unwrap_or(0);
    customer_signals(&facts, as_of, &last_order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_counted_per_month_and_intent() {
        let at = |text: &str| {
            chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
                .map(|t| t.and_utc().timestamp_millis())
                .ok()
        };
        let times = [
            at("2026-01-31 23:59"),
            at("2026-02-01 00:00"),
            at("2026-02-15 12:00"),
            None,
            at("2026-04-02 08:00"),
        ];
        let assigned = [0, 1, 1, 0, 0];
        let monthly = monthly_counts(&times, &assigned, 2);
        assert_eq!(
            monthly,
            [
                ("2026-01".to_string(), vec![1, 0]),
                ("2026-02".to_string(), vec![0, 2]),
                ("2026-03".to_string(), vec![0, 0]),
                ("2026-04".to_string(), vec![1, 0]),
            ]
        );
    }
}

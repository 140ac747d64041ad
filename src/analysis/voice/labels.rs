//! The operator's own labels of service messages: an intent, a mood, or both, set
//! in the Service tab (or read from a CSV on the command line) and saved with the
//! project.
//!
//! Contract:
//! - A label belongs to a message's text (trimmed), not to a row: the same text
//!   means the same thing wherever it appears, and labels survive reloading the
//!   file or loading a newer export.
//! - An intent label overrides the intent written in the file; a mood label
//!   fine-tunes the bundled sentiment model (`SentimentModel::fine_tune`).
//! - [`Labels::read_csv`] takes a `message` column and an `intent` and/or `mood`
//!   column (`positive` / `negative`, or 正面 / 负面); an unknown mood names its row.

use std::collections::BTreeMap;
use std::path::Path;

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::AnalysisError;
use crate::tr;

/// How a message or review feels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mood {
    Positive,
    Negative,
}

impl Mood {
    /// Reads `positive`/`negative` (any case), `pos`/`neg`, `1`/`0`, 正面/负面.
    pub fn parse(text: &str) -> Option<Mood> {
        match text.trim().to_lowercase().as_str() {
            "positive" | "pos" | "1" | "正面" | "好评" => Some(Mood::Positive),
            "negative" | "neg" | "0" | "负面" | "差评" => Some(Mood::Negative),
            _ => None,
        }
    }

    pub fn is_positive(self) -> bool {
        self == Mood::Positive
    }
}

/// The operator's labels, by message text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Labels {
    intents: BTreeMap<String, String>,
    moods: BTreeMap<String, Mood>,
}

fn key(text: &str) -> String {
    text.trim().to_string()
}

impl Labels {
    /// Labels `text` with `intent` (None: removes its intent label).
    pub fn set_intent(&mut self, text: &str, intent: Option<&str>) {
        match intent.map(str::trim).filter(|i| !i.is_empty()) {
            Some(intent) => self.intents.insert(key(text), intent.to_string()),
            None => self.intents.remove(text.trim()),
        };
    }

    /// Labels `text` with `mood` (None: removes its mood label).
    pub fn set_mood(&mut self, text: &str, mood: Option<Mood>) {
        match mood {
            Some(mood) => self.moods.insert(key(text), mood),
            None => self.moods.remove(text.trim()),
        };
    }

    pub fn intent(&self, text: &str) -> Option<&str> {
        self.intents.get(text.trim()).map(String::as_str)
    }

    pub fn mood(&self, text: &str) -> Option<Mood> {
        self.moods.get(text.trim()).copied()
    }

    /// Texts labelled with an intent.
    pub fn intent_count(&self) -> usize {
        self.intents.len()
    }

    /// Texts labelled with a mood, in text order.
    pub fn moods(&self) -> impl Iterator<Item = (&str, Mood)> {
        self.moods.iter().map(|(t, m)| (t.as_str(), *m))
    }

    pub fn mood_count(&self) -> usize {
        self.moods.len()
    }

    /// The intent names the operator used, sorted, once each.
    pub fn intent_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.intents.values().cloned().collect();
        names.sort();
        names.dedup();
        names
    }

    pub fn is_empty(&self) -> bool {
        self.intents.is_empty() && self.moods.is_empty()
    }

    /// Labels set, changed or taken back since `earlier`.
    pub fn changes_from(&self, earlier: &Labels) -> usize {
        fn changed<V: PartialEq>(now: &BTreeMap<String, V>, then: &BTreeMap<String, V>) -> usize {
            let new_or_changed = now.iter().filter(|(k, v)| then.get(*k) != Some(*v)).count();
            new_or_changed + then.keys().filter(|k| !now.contains_key(*k)).count()
        }
        changed(&self.intents, &earlier.intents) + changed(&self.moods, &earlier.moods)
    }

    /// Labels from a CSV file (see the module contract).
    pub fn read_csv(path: &Path) -> Result<Labels, AnalysisError> {
        let file = path.display().to_string();
        let invalid = |why: String| AnalysisError::Invalid {
            what: tr!("voice-labels-file", file = file.as_str()),
            why,
        };
        let frame = CsvReadOptions::default()
            .with_infer_schema_length(Some(0))
            .try_into_reader_with_file_path(Some(path.to_path_buf()))
            .and_then(|r| r.finish())
            .map_err(|e| invalid(e.to_string()))?;
        let text = |name: &str| -> Option<Vec<Option<String>>> {
            let column = frame.column(name).ok()?.str().ok()?.clone();
            Some(column.iter().map(|v| v.map(str::to_string)).collect())
        };
        let Some(messages) = text("message") else {
            return Err(invalid(tr!("voice-labels-need-message")));
        };
        let intents = text("intent");
        let moods = text("mood");
        if intents.is_none() && moods.is_none() {
            return Err(invalid(tr!("voice-labels-need-label")));
        }
        let mut labels = Labels::default();
        for (row, message) in messages.iter().enumerate() {
            let Some(message) = message.as_deref().filter(|m| !m.trim().is_empty()) else {
                continue;
            };
            if let Some(intent) = intents.as_ref().and_then(|i| i[row].as_deref()) {
                labels.set_intent(message, Some(intent));
            }
            let Some(mood) = moods.as_ref().and_then(|m| m[row].as_deref()) else {
                continue;
            };
            if mood.trim().is_empty() {
                continue;
            }
            let parsed = Mood::parse(mood).ok_or_else(|| {
                invalid(tr!(
                    "voice-labels-bad-mood",
                    row = (row + 2).to_string(),
                    value = mood
                ))
            })?;
            labels.set_mood(message, Some(parsed));
        }
        Ok(labels)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_belong_to_the_trimmed_text_and_can_be_taken_back() {
        let mut labels = Labels::default();
        labels.set_intent(" 什么时候发货 ", Some("物流"));
        labels.set_mood("太差了", Some(Mood::Negative));
        assert_eq!(labels.intent("什么时候发货"), Some("物流"));
        assert_eq!(labels.mood(" 太差了"), Some(Mood::Negative));
        labels.set_intent("什么时候发货", Some("  "));
        assert_eq!(labels.intent("什么时候发货"), None);
        let earlier = labels.clone();
        labels.set_mood("太差了", None);
        assert!(labels.is_empty());
        labels.set_intent("发票", Some("发票"));
        assert_eq!(labels.changes_from(&earlier), 2, "one taken back, one new");
    }

    #[test]
    fn a_labels_csv_is_read_and_a_bad_mood_names_its_row() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("labels.csv");
        std::fs::write(
            &path,
            "message,intent,mood\n发票怎么开,发票,\n质量太差,质量,负面\n,物流,\n",
        )
        .expect("write");
        let labels = Labels::read_csv(&path).expect("labels");
        assert_eq!(labels.intent("发票怎么开"), Some("发票"));
        assert_eq!(labels.mood("质量太差"), Some(Mood::Negative));
        assert_eq!(labels.intent_count(), 2);
        assert_eq!(labels.intent_names(), ["发票", "质量"]);

        std::fs::write(&path, "message,mood\n好,great\n").expect("write");
        let error = Labels::read_csv(&path).expect_err("bad mood").to_string();
        assert!(
            error.contains("labels.csv") && error.contains('2') && error.contains("great"),
            "{error}"
        );
        std::fs::write(&path, "text,intent\n好,物流\n").expect("write");
        let error = Labels::read_csv(&path).expect_err("no message").to_string();
        assert!(error.contains("message"), "{error}");
    }
}

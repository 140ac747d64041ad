//! The Service tab's results: the store's service messages and reviews read by
//! `analysis::voice` in one background job with the operator's labels, the replies
//! suggested for a message the operator types, and the FAQ export.
//!
//! Contract:
//! - A run is a [`Computation`] keyed by the labels it used and the store version;
//!   the update step runs it while the Service or Campaigns tab needs it and a
//!   service or reviews file is loaded ([`Service::update`]).
//! - Labelling a message changes [`Service::labels`] only: the shown result stays
//!   (the list being labelled does not jump) until the operator retrains
//!   ([`ServiceCommand::Run`] uses every label given so far). The result's
//!   requested params say which labels it was trained with.
//! - The labels are saved in a project under `SERVICE_KEY` ([`labels_to_settings`]),
//!   and `marketbench campaign` reads them back, so a headless list excludes the
//!   same complainers as the window.
//! - Suggestions are answered at once from the current result's reply index (a
//!   query takes well under 50 ms on a million messages) and remembered with the
//!   generation of the result they came from, so a rerun drops them.
//! - The FAQ export groups the current result's answered messages in its own job
//!   and writes `question, reply, count, intent` atomically.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::anyhow;

use crate::analysis::voice::faq::faq_frame;
use crate::analysis::voice::{Labels, Mood, ServiceReport, Suggestion, analyse};
use crate::data::{FileKind, Store};
use crate::jobs::{Slot, Wake};
use crate::tr;

use super::computation::{Computation, Computed, Inputs};
use super::export_job::{beside_data, start_export};
use super::settings::SettingsError;

/// Suggestions shown for a typed message.
const SUGGESTIONS: usize = 3;

/// What the window asks of the Service tab.
#[derive(Clone, Debug, PartialEq)]
pub enum ServiceCommand {
    /// Read the messages again with every label given so far.
    Run,
    Cancel,
    /// Suggest replies for this customer message.
    Suggest(String),
    /// Label a message's text with an intent (None takes the label back).
    LabelIntent {
        text: String,
        intent: Option<String>,
    },
    /// Label a message's text with a mood (None takes the label back).
    LabelMood {
        text: String,
        mood: Option<Mood>,
    },
    /// Write the FAQ of the current result to this path (relative: beside the data).
    ExportFaq(PathBuf),
}

/// Replies suggested for `query` from the result of `generation`.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggested {
    pub query: String,
    pub generation: u64,
    pub suggestions: Vec<Suggestion>,
}

/// The Service computation.
pub struct Service {
    results: Computation<Labels, Arc<ServiceReport>>,
    /// Every label the operator gave, used or not yet.
    labels: Labels,
    suggested: Option<Suggested>,
    export: Slot<String>,
    wake: Wake,
}

/// True when the store holds something the Service tab reads.
pub fn has_voice(store: &Store) -> bool {
    store.of_kind(FileKind::Service).next().is_some()
        || store.of_kind(FileKind::Reviews).next().is_some()
}

/// The labels as a project saves them.
pub fn labels_to_settings(labels: &Labels) -> serde_json::Value {
    serde_json::json!({ "labels": labels })
}

/// Labels saved by [`labels_to_settings`].
pub fn labels_from_settings(value: &serde_json::Value) -> Result<Labels, SettingsError> {
    #[derive(Default, serde::Deserialize)]
    #[serde(default)]
    struct Saved {
        labels: Labels,
    }
    let saved: Saved = serde_json::from_value(value.clone())
        .map_err(|e| SettingsError::Unreadable(e.to_string()))?;
    Ok(saved.labels)
}

impl Service {
    pub fn new(wake: Wake) -> Self {
        Service {
            results: Computation::new("service", wake.clone()),
            labels: Labels::default(),
            suggested: None,
            export: Slot::default(),
            wake,
        }
    }

    pub fn results(&self) -> &Computation<Labels, Arc<ServiceReport>> {
        &self.results
    }

    /// The result computed on `store_version`, if any.
    pub fn current(&self, store_version: u64) -> Option<&Computed<Arc<ServiceReport>>> {
        self.results.current(store_version)
    }

    /// Every label the operator gave.
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// The labels the shown (or running) result was trained with.
    pub fn labels_used(&self) -> Option<&Labels> {
        self.results.requested_params()
    }

    /// Labels given since the result was trained (changed or taken back count too).
    pub fn labels_not_used(&self) -> usize {
        let used = self.labels_used().cloned().unwrap_or_default();
        self.labels.changes_from(&used)
    }

    /// Makes `labels` (a project's) the operator's and the next run's.
    pub fn prefer(&mut self, labels: Labels) {
        self.labels = labels.clone();
        self.results.prefer(labels);
    }

    /// The FAQ export's outcome and the running one.
    pub fn export_slot(&self) -> &Slot<String> {
        &self.export
    }

    /// The suggestions for the current result, if any were asked for.
    pub fn suggested(&self, store_version: u64) -> Option<&Suggested> {
        let current = self.results.current(store_version)?;
        self.suggested
            .as_ref()
            .filter(|s| s.generation == current.generation)
    }

    /// Runs when the messages were not read on these files with the labels last
    /// trained with.
    pub fn update(&mut self, store: &Store, store_version: u64) {
        let labels = self.labels_used().cloned().unwrap_or_default();
        if has_voice(store)
            && self
                .results
                .needs_run(&labels, &Inputs::of_store(store_version))
        {
            self.run(labels, store, store_version);
        }
    }

    pub fn apply(&mut self, command: ServiceCommand, store: &Store, store_version: u64) {
        match command {
            ServiceCommand::Run => self.run(self.labels.clone(), store, store_version),
            ServiceCommand::Cancel => self.results.cancel(),
            ServiceCommand::Suggest(query) => {
                if let Some(current) = self.results.current(store_version) {
                    self.suggested = Some(Suggested {
                        suggestions: current.value.suggest(&query, SUGGESTIONS),
                        query,
                        generation: current.generation,
                    });
                }
            }
            ServiceCommand::LabelIntent { text, intent } => {
                self.labels.set_intent(&text, intent.as_deref());
            }
            ServiceCommand::LabelMood { text, mood } => self.labels.set_mood(&text, mood),
            ServiceCommand::ExportFaq(path) => {
                self.export_faq(store_version, beside_data(store, path));
            }
        }
    }

    fn run(&mut self, labels: Labels, store: &Store, store_version: u64) {
        let store = store.clone();
        let used = labels.clone();
        self.results.run(
            labels,
            Inputs::of_store(store_version),
            store.file_names(),
            move |progress| Ok(Arc::new(analyse(&store, &used, progress)?)),
        );
    }

    fn export_faq(&mut self, store_version: u64, path: PathBuf) {
        let report = self
            .results
            .current(store_version)
            .map(|c| Arc::clone(&c.value));
        start_export(
            &mut self.export,
            "service faq export",
            self.wake.clone(),
            path,
            move || {
                let report = report.ok_or_else(|| anyhow!(tr!("service-faq-not-read")))?;
                let rows = report
                    .faq(&crate::jobs::Progress::detached())?
                    .ok_or_else(|| anyhow!(tr!("service-faq-needs-intents")))?;
                Ok(faq_frame(&rows)?)
            },
            wrote_questions,
        );
    }

    pub fn poll(&mut self) -> bool {
        let results = self.results.poll();
        let export = self.export.poll();
        results || export
    }

    pub fn is_busy(&self) -> bool {
        self.results.is_busy()
    }
}

/// "Wrote N questions to PATH".
fn wrote_questions(frame: &polars::prelude::DataFrame, path: &Path) -> String {
    tr!(
        "service-faq-wrote",
        count = crate::numbers::count(frame.height()),
        path = path.display().to_string()
    )
}

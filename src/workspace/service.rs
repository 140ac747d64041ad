//! The Service tab's results: the store's service messages and reviews read by
//! `analysis::voice` in one background job, and the replies suggested for a message
//! the operator types.
//!
//! Contract:
//! - A run is a [`Computation`] keyed by the store version only (no settings); the
//!   update step runs it while the tab is shown and a service or reviews file is
//!   loaded ([`Service::update`]).
//! - Suggestions are answered at once from the current result's reply index (a
//!   query takes well under 50 ms on a million messages) and remembered with the
//!   generation of the result they came from, so a rerun drops them.

use crate::analysis::voice::{ServiceReport, Suggestion, analyse};
use crate::data::{FileKind, Store};
use crate::jobs::Wake;

use super::computation::{Computation, Inputs};

/// Suggestions shown for a typed message.
const SUGGESTIONS: usize = 3;

/// What the window asks of the Service tab.
#[derive(Clone, Debug, PartialEq)]
pub enum ServiceCommand {
    Run,
    Cancel,
    /// Suggest replies for this customer message.
    Suggest(String),
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
    results: Computation<(), ServiceReport>,
    suggested: Option<Suggested>,
}

/// True when the store holds something the Service tab reads.
pub fn has_voice(store: &Store) -> bool {
    store.of_kind(FileKind::Service).next().is_some()
        || store.of_kind(FileKind::Reviews).next().is_some()
}

impl Service {
    pub fn new(wake: Wake) -> Self {
        Service {
            results: Computation::new("service", wake),
            suggested: None,
        }
    }

    pub fn results(&self) -> &Computation<(), ServiceReport> {
        &self.results
    }

    /// The suggestions for the current result, if any were asked for.
    pub fn suggested(&self, store_version: u64) -> Option<&Suggested> {
        let current = self.results.current(store_version)?;
        self.suggested
            .as_ref()
            .filter(|s| s.generation == current.generation)
    }

    /// Runs when the messages were not read on these files.
    pub fn update(&mut self, store: &Store, store_version: u64) {
        if has_voice(store)
            && self
                .results
                .needs_run(&(), &Inputs::of_store(store_version))
        {
            self.run(store, store_version);
        }
    }

    pub fn apply(&mut self, command: ServiceCommand, store: &Store, store_version: u64) {
        match command {
            ServiceCommand::Run => self.run(store, store_version),
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
        }
    }

    fn run(&mut self, store: &Store, store_version: u64) {
        let store = store.clone();
        self.results.run(
            (),
            Inputs::of_store(store_version),
            store.file_names(),
            move |progress| Ok(analyse(&store, progress)?),
        );
    }

    pub fn poll(&mut self) -> bool {
        self.results.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.results.is_busy()
    }
}

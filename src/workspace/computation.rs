//! One computation of the workspace: a result the window shows, the job computing
//! its next value, and the key of the run last asked for. Every tab's result is one
//! of these, so "what is stale" is decided the same way everywhere.
//!
//! Contract:
//! - A run is keyed by its params and its [`Inputs`]: the store version and the
//!   generations of the results it used. [`Computation::needs_run`] is true when no
//!   run was asked for with that key; a cancelled run keeps its key, so it is not
//!   restarted until the params or the inputs change.
//! - A finished value lands as [`Computed`]: the value, the inputs it was computed
//!   from and a generation unique across the whole process (never reused, unlike a
//!   memory address), so caches and dependants key on it.
//! - [`Computation::current`] gives the value only when it was computed on the
//!   store version asked about: a result of other files is never shown or joined.
//!   While a new run computes on the same files, the last good value stays.
//! - [`Computation::prefer`] makes params the next run's without running (a
//!   project's saved settings); the next update step runs them.
//! - A failed run's error names the files it was computed on ([`name_files`]),
//!   unless its text already names one, as on the command line.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::i18n::Language;
use crate::jobs::{JobError, Progress, Slot, Wake};
use crate::tr;

/// What a result was computed from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Inputs {
    /// The store version (bumped on every load or removal of a file).
    pub store_version: u64,
    /// The generations of the results used, in a fixed order per computation;
    /// 0 where a result was not used.
    pub uses: Vec<u64>,
    /// The language of texts the result holds as data (a forecast per segment
    /// names its series by segment name); None where texts are worded when shown.
    pub language: Option<Language>,
}

impl Inputs {
    /// Inputs of a computation that reads only the store.
    pub fn of_store(store_version: u64) -> Self {
        Inputs {
            store_version,
            uses: Vec::new(),
            language: None,
        }
    }

    /// Marks a result whose data holds texts in `language`: a switch runs it again.
    pub fn worded_in(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Adds the generation of a result used (None: not used).
    pub fn using(mut self, generation: Option<u64>) -> Self {
        self.uses.push(generation.unwrap_or(0));
        self
    }
}

/// A finished value with what it was computed from.
#[derive(Clone, Debug)]
pub struct Computed<R> {
    pub value: R,
    pub inputs: Inputs,
    /// Unique across the process: a new value (or a change of it) gets a new one.
    pub generation: u64,
}

/// A generation no value had before: results of all computations share the count.
pub fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// `error` with the file `names` in front when its text names none of them, so an
/// error always says which files it is about ("orders.csv: building the series:
/// …"). More than three names are shortened to the first two and a count.
pub fn name_files(error: anyhow::Error, names: &[String]) -> anyhow::Error {
    let text = format!("{error:#}");
    if names.is_empty() || names.iter().any(|n| text.contains(n.as_str())) {
        return error;
    }
    let shown = match names.len() {
        1..=3 => names.join(", "),
        n => tr!(
            "workspace-files-and-more",
            names = names[..2].join(", "),
            more = (n - 2).to_string()
        ),
    };
    error.context(shown)
}

struct Request<P> {
    params: P,
    /// None: preferred (a project's settings), not run yet.
    inputs: Option<Inputs>,
}

/// A result, its running job and the key of the run last asked for.
pub struct Computation<P, R> {
    name: &'static str,
    slot: Slot<Computed<R>>,
    requested: Option<Request<P>>,
    wake: Wake,
}

impl<P: Clone + PartialEq, R: Send + 'static> Computation<P, R> {
    /// Nothing computed yet; `name` names its job, `wake` is called on news.
    pub fn new(name: &'static str, wake: Wake) -> Self {
        Computation {
            name,
            slot: Slot::default(),
            requested: None,
            wake,
        }
    }

    /// The params of the last run asked for (or preferred).
    pub fn requested_params(&self) -> Option<&P> {
        self.requested.as_ref().map(|r| &r.params)
    }

    /// Makes `params` the next run's without running it.
    pub fn prefer(&mut self, params: P) {
        self.requested = Some(Request {
            params,
            inputs: None,
        });
    }

    /// True when no run was asked for with `params` on `inputs`.
    pub fn needs_run(&self, params: &P, inputs: &Inputs) -> bool {
        self.requested
            .as_ref()
            .is_none_or(|r| r.params != *params || r.inputs.as_ref() != Some(inputs))
    }

    /// Starts `work` for `params` on `inputs` (read from the files named
    /// `files`), replacing (and cancelling) a running job.
    pub fn run<F>(&mut self, params: P, inputs: Inputs, files: Vec<String>, work: F)
    where
        F: FnOnce(&Progress) -> anyhow::Result<R> + Send + 'static,
    {
        self.requested = Some(Request {
            params,
            inputs: Some(inputs.clone()),
        });
        self.slot
            .start(self.name, self.wake.clone(), move |progress| {
                let value = work(progress).map_err(|error| name_files(error, &files))?;
                Ok(Computed {
                    value,
                    inputs,
                    generation: next_generation(),
                })
            });
    }

    pub fn cancel(&mut self) {
        self.slot.cancel();
    }

    /// Drops the value, cancels the job and forgets the request.
    pub fn clear(&mut self) {
        self.slot.clear();
        self.requested = None;
    }

    /// Takes a finished job's result; true when the value or error changed.
    pub fn poll(&mut self) -> bool {
        self.slot.poll()
    }

    pub fn is_busy(&self) -> bool {
        self.slot.pending().is_some()
    }

    /// The last value, whatever it was computed on (for settings, never for
    /// showing or joining: see [`Self::current`]).
    pub fn latest(&self) -> Option<&Computed<R>> {
        self.slot.value()
    }

    /// The last value if it was computed on `store_version`.
    pub fn current(&self, store_version: u64) -> Option<&Computed<R>> {
        self.slot
            .value()
            .filter(|c| c.inputs.store_version == store_version)
    }

    /// Changes the value in place (re-bucketing, …): it gets a new generation,
    /// so what was derived from it is stale.
    pub fn modify<T>(&mut self, change: impl FnOnce(&mut R) -> T) -> Option<T> {
        let computed = self.slot.value_mut()?;
        computed.generation = next_generation();
        Some(change(&mut computed.value))
    }

    /// The running job (its progress and name), if any.
    pub fn pending(&self) -> Option<&crate::jobs::Job<Computed<R>>> {
        self.slot.pending()
    }

    /// Why the last run failed, if it did.
    pub fn error(&self) -> Option<&JobError> {
        self.slot.error()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::no_wake;

    fn wait<P: Clone + PartialEq, R: Send + 'static>(c: &mut Computation<P, R>) {
        while c.is_busy() {
            c.poll();
            std::thread::yield_now();
        }
    }

    #[test]
    fn a_run_is_keyed_by_params_and_inputs_and_a_preferred_one_is_pending() {
        let mut c: Computation<u32, u32> = Computation::new("test", no_wake());
        let inputs = Inputs::of_store(1).using(Some(7));
        assert!(c.needs_run(&3, &inputs));
        c.prefer(3);
        assert!(c.needs_run(&3, &inputs), "preferred is not yet run");
        c.run(3, inputs.clone(), Vec::new(), |_| Ok(30));
        assert!(!c.needs_run(&3, &inputs));
        assert!(c.needs_run(&4, &inputs));
        assert!(c.needs_run(&3, &Inputs::of_store(1).using(Some(8))));
        assert!(c.needs_run(&3, &Inputs::of_store(2).using(Some(7))));
        wait(&mut c);
        assert_eq!(c.current(1).map(|v| v.value), Some(30));
        assert!(
            c.current(2).is_none(),
            "a value of other files is not current"
        );
    }

    #[test]
    fn every_value_and_every_change_gets_a_new_generation() {
        let mut c: Computation<u32, u32> = Computation::new("test", no_wake());
        c.run(1, Inputs::of_store(1), Vec::new(), |_| Ok(1));
        wait(&mut c);
        let first = c.latest().map(|v| v.generation);
        c.run(2, Inputs::of_store(1), Vec::new(), |_| Ok(1));
        wait(&mut c);
        let second = c.latest().map(|v| v.generation);
        assert_ne!(first, second);
        c.modify(|v| *v += 1);
        assert_ne!(c.latest().map(|v| v.generation), second);
        assert_eq!(c.latest().map(|v| v.value), Some(2));
    }

    #[test]
    fn a_stale_job_never_lands() {
        let mut c: Computation<u32, u32> = Computation::new("test", no_wake());
        let (release, gate) = std::sync::mpsc::channel::<()>();
        c.run(1, Inputs::of_store(1), Vec::new(), move |_| {
            let _ = gate.recv();
            Ok(10)
        });
        c.run(2, Inputs::of_store(2), Vec::new(), |_| Ok(20));
        let _ = release.send(());
        wait(&mut c);
        assert_eq!(
            c.latest().map(|v| (v.value, v.inputs.store_version)),
            Some((20, 2))
        );
    }
}

//! Background work: jobs run on their own threads and report progress; the caller
//! polls for the result without blocking.
//!
//! A job gets a [`Progress`] handle: `report(done, total)`, a message, and a cancel
//! flag it checks between steps. A job of several stages calls `stage(i, n)` before
//! each: `report` then counts within that stage. The fraction shown never goes
//! backwards (a stage whose steps restart from 0 holds the bar where it was), and
//! after a few seconds the snapshot estimates the time left. The `wake` closure runs whenever progress changes
//! or the job ends; the app sets it to the window's repaint, tests and the CLI to a
//! no-op, so this module needs no egui. A panic inside a job becomes
//! [`JobError::Panicked`]; the caller lives on. A [`Slot`] holds the last good result
//! while a newer job computes and drops results whose generation is stale.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::tr;

/// Called when a job has something new to show.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// A wake that does nothing: for tests and the CLI.
pub fn no_wake() -> Wake {
    Arc::new(|| {})
}

/// Returned by a job that stopped because it was asked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("analysis-cancelled"))]
pub struct Cancelled;

struct ProgressInner {
    done: AtomicU64,
    total: AtomicU64,
    /// The stage running and how many there are (0: the job has no stages).
    stage: AtomicU64,
    stages: AtomicU64,
    /// The highest fraction shown so far (f32 bits), so the bar never goes back.
    shown: std::sync::atomic::AtomicU32,
    started: Instant,
    message: Mutex<String>,
    cancelled: AtomicBool,
    wake: Wake,
}

/// A job's view of itself: report progress, read the cancel flag.
#[derive(Clone)]
pub struct Progress {
    inner: Arc<ProgressInner>,
}

/// Progress as read by the UI.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgressSnapshot {
    pub done: u64,
    pub total: u64,
    pub message: String,
    /// Fraction of the whole job done (never less than an earlier snapshot's).
    pub fraction: Option<f32>,
    /// Time since the job started.
    pub elapsed: Duration,
}

impl ProgressSnapshot {
    /// Fraction done in 0..=1, or None while the total is unknown.
    pub fn fraction(&self) -> Option<f32> {
        self.fraction
    }

    /// "about 40 s left", once the job has run a few seconds and is past 5 %.
    pub fn time_left(&self) -> Option<String> {
        let done = f64::from(self.fraction?);
        if done < 0.05 || self.elapsed < Duration::from_secs(3) {
            return None;
        }
        let left = self.elapsed.as_secs_f64() * (1.0 - done) / done;
        Some(match left {
            l if l < 90.0 => format!("about {:.0} s left", l.max(1.0)),
            l => format!("about {:.0} min left", l / 60.0),
        })
    }
}

impl Progress {
    pub fn new(wake: Wake) -> Self {
        Progress {
            inner: Arc::new(ProgressInner {
                done: AtomicU64::new(0),
                total: AtomicU64::new(0),
                stage: AtomicU64::new(0),
                stages: AtomicU64::new(0),
                shown: std::sync::atomic::AtomicU32::new(0),
                started: Instant::now(),
                message: Mutex::new(String::new()),
                cancelled: AtomicBool::new(false),
                wake,
            }),
        }
    }

    /// A handle nobody watches: for the CLI and for calling job code directly.
    pub fn detached() -> Self {
        Progress::new(no_wake())
    }

    pub fn report(&self, done: u64, total: u64) {
        self.inner.done.store(done, Ordering::Relaxed);
        self.inner.total.store(total, Ordering::Relaxed);
        (self.inner.wake)();
    }

    /// Starts stage `index` (from 0) of `count`: later reports count within it.
    pub fn stage(&self, index: u64, count: u64) {
        self.inner.done.store(0, Ordering::Relaxed);
        self.inner.total.store(0, Ordering::Relaxed);
        self.inner.stage.store(index, Ordering::Relaxed);
        self.inner.stages.store(count, Ordering::Relaxed);
        (self.inner.wake)();
    }

    /// Sets the message shown beside the bar ("reading orders.csv").
    pub fn set_message(&self, message: impl Into<String>) {
        if let Ok(mut m) = self.inner.message.lock() {
            *m = message.into();
        }
        (self.inner.wake)();
    }

    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::Relaxed);
        (self.inner.wake)();
    }

    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once cancel was asked: use with `?` between steps.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    pub fn snapshot(&self) -> ProgressSnapshot {
        let inner = &self.inner;
        let done = inner.done.load(Ordering::Relaxed);
        let total = inner.total.load(Ordering::Relaxed);
        let stages = inner.stages.load(Ordering::Relaxed);
        let within = (total > 0).then(|| (done as f32 / total as f32).clamp(0.0, 1.0));
        let raw = match stages {
            0 => within,
            n => {
                let stage = inner.stage.load(Ordering::Relaxed).min(n) as f32;
                Some(((stage + within.unwrap_or(0.0)) / n as f32).clamp(0.0, 1.0))
            }
        };
        // Positive f32s order like their bits, so the high-water mark is an integer max.
        let fraction = raw.map(|f| {
            let before = inner.shown.fetch_max(f.to_bits(), Ordering::Relaxed);
            f.max(f32::from_bits(before))
        });
        ProgressSnapshot {
            done,
            total,
            fraction,
            elapsed: inner.started.elapsed(),
            message: self
                .inner
                .message
                .lock()
                .map(|m| m.clone())
                .unwrap_or_default(),
        }
    }

    fn wake(&self) {
        (self.inner.wake)();
    }
}

/// Why a job produced no result.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    #[error("{}", tr!("analysis-cancelled"))]
    Cancelled,
    #[error("{0}")]
    Failed(String),
    #[error("{}", tr!("error-internal", detail = .0.as_str()))]
    Panicked(String),
}

/// A running (or finished) job whose result has not been taken yet.
pub struct Job<T> {
    name: String,
    generation: u64,
    progress: Progress,
    receiver: Receiver<Result<T, JobError>>,
}

/// Starts `work` on a new thread. `anyhow` errors become [`JobError::Failed`] with
/// their whole context chain; an error that is [`Cancelled`] (or a data-layer
/// cancel) becomes [`JobError::Cancelled`].
pub fn spawn<T, F>(name: impl Into<String>, generation: u64, wake: Wake, work: F) -> Job<T>
where
    T: Send + 'static,
    F: FnOnce(&Progress) -> anyhow::Result<T> + Send + 'static,
{
    let name = name.into();
    let progress = Progress::new(wake);
    let (sender, receiver) = channel();
    let job_progress = progress.clone();
    let spawned = std::thread::Builder::new()
        .name(format!("job: {name}"))
        .spawn(move || {
            let outcome = catch_unwind(AssertUnwindSafe(|| work(&job_progress)));
            let result = match outcome {
                Ok(Ok(value)) => Ok(value),
                Ok(Err(_)) if job_progress.is_cancelled() => Err(JobError::Cancelled),
                Ok(Err(error)) if error.is::<Cancelled>() => Err(JobError::Cancelled),
                Ok(Err(error)) => Err(JobError::Failed(format!("{error:#}"))),
                Err(panic) => Err(JobError::Panicked(panic_message(panic.as_ref()))),
            };
            // The receiver may be gone (a newer job replaced this one): nothing to do.
            let _ = sender.send(result);
            job_progress.wake();
        });
    if let Err(error) = spawned {
        let (sender, failed) = channel();
        let _ = sender.send(Err(JobError::Failed(format!(
            "could not start a worker thread: {error}"
        ))));
        return Job {
            name,
            generation,
            progress,
            receiver: failed,
        };
    }
    Job {
        name,
        generation,
        progress,
        receiver,
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a worker thread panicked".to_string()
    }
}

impl<T> Job<T> {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// The result if the job has ended; never blocks.
    pub fn try_take(&self) -> Option<Result<T, JobError>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(JobError::Panicked(
                "the worker ended without a result".into(),
            ))),
        }
    }

    /// Blocks until the job ends: for the CLI and tests, never for the UI thread.
    pub fn wait(self) -> Result<T, JobError> {
        self.receiver.recv().unwrap_or_else(|_| {
            Err(JobError::Panicked(
                "the worker ended without a result".into(),
            ))
        })
    }
}

/// One result the UI shows, with at most one job computing its next value.
///
/// `start` bumps the generation and cancels the job it replaces; `invalidate`
/// bumps it without starting (inputs changed). A finished job whose generation is
/// no longer current is dropped. The last good value stays until a newer one lands.
pub struct Slot<T> {
    value: Option<T>,
    pending: Option<Job<T>>,
    generation: u64,
    error: Option<JobError>,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot {
            value: None,
            pending: None,
            generation: 0,
            error: None,
        }
    }
}

impl<T: Send + 'static> Slot<T> {
    pub fn start<F>(&mut self, name: impl Into<String>, wake: Wake, work: F)
    where
        F: FnOnce(&Progress) -> anyhow::Result<T> + Send + 'static,
    {
        self.generation += 1;
        if let Some(old) = self.pending.take() {
            old.cancel();
        }
        self.error = None;
        self.pending = Some(spawn(name, self.generation, wake, work));
    }

    /// Marks the current inputs as changed: a running job's result will be dropped.
    pub fn invalidate(&mut self) {
        self.generation += 1;
    }

    /// Takes a finished job's result. Returns true when the value or error changed.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.pending else {
            return false;
        };
        let Some(result) = job.try_take() else {
            return false;
        };
        let stale = job.generation() != self.generation;
        self.pending = None;
        if stale {
            return false;
        }
        match result {
            Ok(value) => self.value = Some(value),
            Err(JobError::Cancelled) => {}
            Err(error) => self.error = Some(error),
        }
        true
    }

    pub fn value(&self) -> Option<&T> {
        self.value.as_ref()
    }

    pub fn value_mut(&mut self) -> Option<&mut T> {
        self.value.as_mut()
    }

    pub fn set(&mut self, value: T) {
        self.generation += 1;
        self.pending = None;
        self.value = Some(value);
    }

    pub fn clear(&mut self) {
        self.generation += 1;
        if let Some(old) = self.pending.take() {
            old.cancel();
        }
        self.value = None;
        self.error = None;
    }

    pub fn error(&self) -> Option<&JobError> {
        self.error.as_ref()
    }

    pub fn dismiss_error(&mut self) {
        self.error = None;
    }

    /// The running job, if any: its name and progress for a bar beside the old value.
    pub fn pending(&self) -> Option<&Job<T>> {
        self.pending.as_ref()
    }

    pub fn cancel(&mut self) {
        if let Some(job) = &self.pending {
            job.cancel();
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }
}

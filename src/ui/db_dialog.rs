//! The "Connect to database…" dialog: a URL and a password, Connect (which lists
//! the server's tables), a table or a typed SELECT per file kind, Count (rows and
//! about how much memory each source takes, said before anything moves), then
//! Fetch. The fetched sources go to the workspace's mapping view like files
//! (`Workspace::stage_fetched`), through the app, which takes them from [`DbDialog::poll`].
//!
//! Contract:
//! - Connecting, counting and fetching run as jobs, each on its own connection
//!   (so a dropped one takes nothing else down), with progress and Cancel.
//! - Fetch is offered only for the sources as counted, and only when they fit in
//!   the memory free (`data::memory`). "Sum orders in the database" is offered
//!   for counted orders of any size: it fetches a sample for the mapping view,
//!   and the database sums the orders (`workspace::summed`). All sources arrive together or none does:
//!   a connection dropped mid-fetch leaves nothing half-staged.
//! - The password lives in this struct while the dialog is open and nowhere
//!   else: not in `UiState`, not in a notice, not in a job's name or message.
//!   Closing the dialog forgets it; the URL is shown as `DbUrl::shown`. Only
//!   "Remember the password" puts it in the desktop keyring (`db::keyring`),
//!   once Connect has shown that it works; "Forget the password" takes it out
//!   ([`forget`]).
//! - Errors are one sentence from the catalogue (`DbError::sentence`), the SQL
//!   of a refused query beside it.
//! - An opened project's database sources come back through the same dialog
//!   ([`DbDialog::reopen`]): filled in with the saved URL (no password) and
//!   picks, one server at a time, Connect going on to Count and Fetch by itself.

mod forget;
mod jobs;
mod reopen;

use std::collections::VecDeque;

use crate::data::FileKind;
use crate::data::db::{DbError, DbUrl, Estimate, Source};
use crate::jobs::{Job, JobError, Progress, Wake, spawn};
use crate::tr;
use crate::workspace::Fetched;
use jobs::{Counts, connect_and_list, count_sources, fetch_sources, sample_orders};

/// A database error as the dialog shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub sentence: String,
    pub sql: Option<String>,
}

impl From<DbError> for Failure {
    fn from(error: DbError) -> Self {
        Failure {
            sentence: error.sentence(),
            sql: error.sql().map(str::to_string),
        }
    }
}

/// A job's answer: the value, or the database's error (job errors are
/// cancellations and panics only, so the sentence survives intact).
type Answer<T> = Result<T, Failure>;

/// What one file kind reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Pick {
    #[default]
    Nothing,
    Table(String),
    /// A typed SELECT (the text as typed so far).
    Query(String),
}

impl Pick {
    fn of(source: &Source) -> Pick {
        match source {
            Source::Table(name) => Pick::Table(name.clone()),
            Source::Query(sql) => Pick::Query(sql.clone()),
        }
    }

    fn source(&self) -> Option<Source> {
        match self {
            Pick::Nothing => None,
            Pick::Table(name) => Some(Source::Table(name.clone())),
            Pick::Query(sql) if sql.trim().is_empty() => None,
            Pick::Query(sql) => Some(Source::Query(sql.clone())),
        }
    }
}

/// A source with what counting it said.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    pub kind: FileKind,
    pub source: Source,
    pub estimate: Estimate,
}

/// The server the dialog is connected to.
#[derive(Clone)]
struct Connected {
    /// With the password: jobs connect with it.
    url: DbUrl,
    tables: Vec<String>,
    /// Whether the keyring took the password, when asked to remember it.
    remembered: Option<Result<(), String>>,
    /// Whether the keyring keeps this server's password (just remembered, or
    /// from before).
    in_keyring: bool,
}

enum Running {
    /// Whether a password for the URL is at hand (environment or keyring).
    Recall(Job<bool>),
    Connect(Job<Answer<Connected>>),
    Count(Job<Answer<Counts>>),
    Fetch(Job<Answer<Vec<Fetched>>>),
    Forget(forget::ForgetJob),
}

impl Running {
    fn progress(&self) -> &Progress {
        match self {
            Running::Recall(job) => job.progress(),
            Running::Connect(job) => job.progress(),
            Running::Count(job) => job.progress(),
            Running::Fetch(job) => job.progress(),
            Running::Forget(job) => job.progress(),
        }
    }
}

/// The dialog's state. Not saved: it holds the password.
#[derive(Default)]
pub struct DbDialog {
    pub(super) open: bool,
    pub(super) url: String,
    pub(super) password: String,
    /// Store the typed password in the desktop keyring on Connect.
    pub(super) remember: bool,
    connected: Option<Connected>,
    pub(super) picks: Vec<(FileKind, Pick)>,
    /// What Count said, for the picks as they were then.
    counted: Option<Counts>,
    running: Option<Running>,
    pub(super) failure: Option<Failure>,
    /// Set while an opened project's sources are fetched again: what the
    /// dialog says at its top. Connect then goes on to Count and Fetch.
    pub(super) reopening: Option<String>,
    /// The servers of the opened project after this one.
    queued: VecDeque<reopen::Reopening>,
    /// A reopened server's password is to be looked for (environment,
    /// keyring) before asking for it.
    recall: bool,
    /// What the keyring said to the last Forget.
    forgotten: Option<Result<(), String>>,
}

impl DbDialog {
    /// Shows the dialog (the Data tab's button).
    pub fn show(&mut self) {
        self.open = true;
        if self.picks.is_empty() {
            self.picks = FileKind::ALL.iter().map(|k| (*k, Pick::Nothing)).collect();
        }
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Closes the dialog, cancelling what runs and forgetting the password and
    /// the connection (the URL without password and the picks stay for next
    /// time), and the servers of an opened project not reached yet.
    pub fn close(&mut self) {
        self.queued.clear();
        self.finish();
    }

    /// [`DbDialog::close`] keeping the opened project's servers still to come.
    fn finish(&mut self) {
        if let Some(running) = self.running.take() {
            running.progress().cancel();
        }
        self.open = false;
        self.password.clear();
        if let Some(connected) = self.connected.take() {
            self.url = connected.url.shown();
        }
        self.counted = None;
        self.failure = None;
        self.reopening = None;
        self.recall = false;
        self.forgotten = None;
    }

    /// The URL as the field shows it (without a password once connected).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// What the keyring said when asked to remember the password on Connect.
    pub fn remembered(&self) -> Option<&Result<(), String>> {
        self.connected.as_ref()?.remembered.as_ref()
    }

    /// The tables listed by the last Connect.
    pub fn tables(&self) -> &[String] {
        self.connected.as_ref().map_or(&[], |c| c.tables.as_slice())
    }

    /// What the last Count said, while the picks are unchanged.
    pub fn counted(&self) -> Option<&[Counted]> {
        self.counted.as_ref().map(|c| c.sources.as_slice())
    }

    /// The error shown, if any.
    pub fn failure(&self) -> Option<&Failure> {
        self.failure.as_ref()
    }

    /// The running job's progress, if one runs.
    pub fn progress(&self) -> Option<&Progress> {
        self.running.as_ref().map(Running::progress)
    }

    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// Whether the dialog is connected to the URL as typed now.
    pub(super) fn is_connected(&self) -> bool {
        self.connected
            .as_ref()
            .is_some_and(|c| c.url.shown() == self.url.trim())
    }

    /// The sources picked, in the order of the kinds.
    fn sources(&self) -> Vec<(FileKind, Source)> {
        self.picks
            .iter()
            .filter_map(|(kind, pick)| pick.source().map(|s| (*kind, s)))
            .collect()
    }

    /// Whether any kind reads something (a table, or a SELECT typed).
    pub(super) fn has_sources(&self) -> bool {
        !self.sources().is_empty()
    }

    /// Sets `kind`'s pick; a change forgets the count.
    pub(super) fn set_pick(&mut self, kind: FileKind, pick: Pick) {
        if let Some(entry) = self.picks.iter_mut().find(|(k, _)| *k == kind)
            && entry.1 != pick
        {
            entry.1 = pick;
            self.counted = None;
        }
    }

    /// Starts connecting to the URL typed, with the password typed.
    pub(super) fn connect(&mut self, wake: Wake) {
        self.failure = None;
        self.counted = None;
        self.forgotten = None;
        let url = match DbUrl::parse(&self.url) {
            Ok(url) => url.with_password(&self.password),
            Err(error) => {
                self.failure = Some(error.into());
                return;
            }
        };
        // The field shows the URL without its password from now on; the
        // password stays in the parsed URL the jobs use.
        self.url = url.shown();
        let remember = (self.remember && !self.password.is_empty()).then(|| self.password.clone());
        let job = spawn("connect to database", 0, wake, move |progress| {
            progress.set_message(tr!("db-connecting", url = url.shown()));
            Ok(connect_and_list(url, remember))
        });
        self.replace(Running::Connect(job));
    }

    /// Starts counting the picked sources.
    pub(super) fn count(&mut self, wake: Wake) {
        let (Some(connected), sources) = (self.connected.clone(), self.sources()) else {
            return;
        };
        self.failure = None;
        let job = spawn("count database rows", 0, wake, move |progress| {
            Ok(count_sources(&connected.url, sources, progress))
        });
        self.replace(Running::Count(job));
    }

    /// Starts fetching the counted sources (all of them, or none on failure).
    pub(super) fn fetch(&mut self, wake: Wake) {
        let (Some(connected), Some(counted)) = (self.connected.clone(), self.counted.clone())
        else {
            return;
        };
        self.failure = None;
        let job = spawn("fetch from database", 0, wake, move |progress| {
            Ok(fetch_sources(&connected.url, &counted.sources, progress))
        });
        self.replace(Running::Fetch(job));
    }

    /// The orders source as counted, if one was.
    pub(super) fn counted_orders(&self) -> Option<&Counted> {
        self.counted()?.iter().find(|c| c.kind == FileKind::Orders)
    }

    /// Starts fetching a sample of the counted orders for the mapping view,
    /// where they are mapped for the database to sum them (however many rows
    /// it holds); it ends as a Fetch does.
    pub(super) fn sum_orders(&mut self, wake: Wake) {
        let (Some(connected), Some(orders)) =
            (self.connected.clone(), self.counted_orders().cloned())
        else {
            return;
        };
        self.failure = None;
        let job = spawn("sample orders to sum", 0, wake, move |progress| {
            Ok(sample_orders(&connected.url, &orders, progress))
        });
        self.replace(Running::Fetch(job));
    }

    /// Cancels the running job.
    pub(super) fn cancel(&mut self) {
        if let Some(running) = &self.running {
            running.progress().cancel();
        }
    }

    fn replace(&mut self, running: Running) {
        if let Some(old) = self.running.replace(running) {
            old.progress().cancel();
        }
    }

    /// Why the counted sources cannot be fetched: more than the memory free
    /// when they were counted.
    pub fn too_big(&self) -> Option<&str> {
        self.counted.as_ref()?.too_big.as_deref()
    }

    /// Takes a finished job's answer. Returns the fetched sources once a Fetch
    /// succeeds (the dialog then closes, or goes on to the next server of a
    /// project). While a project is reopened, a Connect goes on to Count, and a
    /// Count that fits to Fetch, on `wake`.
    pub fn poll(&mut self, wake: &Wake) -> Vec<Fetched> {
        if self.recall && self.running.is_none() {
            self.recall = false;
            self.start_recall(wake.clone());
        }
        let Some(running) = &self.running else {
            return Vec::new();
        };
        let follow = self.reopening.is_some();
        match running {
            Running::Recall(job) => {
                let Some(result) = job.try_take() else {
                    return Vec::new();
                };
                self.running = None;
                if follow && result == Ok(true) {
                    self.connect(wake.clone());
                }
            }
            Running::Connect(job) => {
                let Some(result) = job.try_take() else {
                    return Vec::new();
                };
                self.running = None;
                if let Some(connected) = settle(result, &mut self.failure) {
                    self.connected = Some(connected);
                    if follow && self.has_sources() {
                        self.count(wake.clone());
                    }
                }
            }
            Running::Count(job) => {
                let Some(result) = job.try_take() else {
                    return Vec::new();
                };
                self.running = None;
                if let Some(counted) = settle(result, &mut self.failure) {
                    let fits = counted.too_big.is_none() && !counted.sources.is_empty();
                    self.counted = Some(counted);
                    if follow && fits {
                        self.fetch(wake.clone());
                    }
                }
            }
            Running::Fetch(job) => {
                let Some(result) = job.try_take() else {
                    return Vec::new();
                };
                self.running = None;
                if let Some(fetched) = settle(result, &mut self.failure) {
                    self.finish();
                    self.reopen_next();
                    return fetched;
                }
            }
            Running::Forget(job) => {
                let Some(result) = job.try_take() else {
                    return Vec::new();
                };
                self.running = None;
                self.settle_forget(result);
            }
        }
        Vec::new()
    }
}

/// The value of a finished job, or None with the failure noted (a cancel is no failure).
fn settle<T>(result: Result<Answer<T>, JobError>, failure: &mut Option<Failure>) -> Option<T> {
    match result {
        Ok(Ok(value)) => Some(value),
        Ok(Err(f)) => {
            *failure = Some(f);
            None
        }
        Err(JobError::Cancelled) => None,
        Err(error) => {
            *failure = Some(Failure {
                sentence: error.to_string(),
                sql: None,
            });
            None
        }
    }
}

/// "about 12 MB": the size said before fetching.
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let shown = if mb < 10.0 {
        crate::numbers::number(mb.max(0.1), 1)
    } else {
        crate::numbers::number(mb, 0)
    };
    tr!("db-megabytes", mb = shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changing_a_pick_forgets_the_count_and_an_empty_select_reads_nothing() {
        let mut dialog = DbDialog::default();
        dialog.show();
        dialog.counted = Some(Counts {
            sources: Vec::new(),
            too_big: None,
        });
        dialog.set_pick(FileKind::Orders, Pick::Nothing);
        assert!(dialog.counted.is_some(), "the same pick keeps the count");
        dialog.set_pick(FileKind::Orders, Pick::Query("  ".into()));
        assert!(dialog.counted.is_none());
        assert!(dialog.sources().is_empty());
        dialog.set_pick(FileKind::Events, Pick::Table("clicks".into()));
        assert_eq!(
            dialog.sources(),
            vec![(FileKind::Events, Source::Table("clicks".into()))]
        );
    }

    #[test]
    fn closing_forgets_the_password_and_shows_the_url_without_it() {
        let mut dialog = DbDialog::default();
        dialog.show();
        dialog.url = "postgres://me:s3cret@db.example/shop".into();
        dialog.password = "typed".into();
        let url = DbUrl::parse(&dialog.url)
            .expect("url")
            .with_password("typed");
        dialog.connected = Some(Connected {
            url,
            tables: vec!["orders".into()],
            remembered: None,
            in_keyring: false,
        });
        dialog.close();
        assert!(dialog.password.is_empty());
        assert_eq!(dialog.url, "postgres://me@db.example/shop");
        assert!(dialog.tables().is_empty());
    }
}

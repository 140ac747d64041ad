//! Opening a project's database sources again: [`DbDialog::reopen`] fills the
//! dialog in one server at a time (URL without password, the picks), looks for
//! a password at hand (environment, keyring) and, when there is one, connects,
//! counts and fetches without asking; otherwise the operator types it and
//! presses "Connect and fetch".

use super::{DbDialog, Pick, Running};
use crate::data::FileKind;
use crate::data::db::{DbUrl, Source};
use crate::jobs::{Wake, spawn};
use crate::tr;
use crate::workspace::project_db::ProjectDatabase;

/// One server's sources of an opened project, still to be fetched again.
pub(super) struct Reopening {
    project: String,
    url: String,
    sources: Vec<(FileKind, Source)>,
}

impl DbDialog {
    /// Opens the dialog on the database sources of the project `project`
    /// (forgetting the servers of an earlier one): the first server's URL and
    /// picks filled in, the password to type; the next server comes once it is
    /// fetched.
    pub fn reopen(&mut self, project: &str, databases: &[ProjectDatabase]) {
        self.queued.clear();
        for database in databases {
            let kind = database.options.kind;
            let entry = (kind, database.source.clone());
            match self.queued.iter_mut().find(|r| r.url == database.url) {
                Some(server) => {
                    server.sources.retain(|(k, _)| *k != kind);
                    server.sources.push(entry);
                }
                None => self.queued.push_back(Reopening {
                    project: project.to_string(),
                    url: database.url.clone(),
                    sources: vec![entry],
                }),
            }
        }
        self.reopen_next();
    }

    /// Fills the dialog in for the next queued server, if there is one.
    pub(super) fn reopen_next(&mut self) {
        let Some(next) = self.queued.pop_front() else {
            return;
        };
        self.finish();
        self.show();
        self.url = next.url.clone();
        for (_, pick) in &mut self.picks {
            *pick = Pick::Nothing;
        }
        let mut names = Vec::new();
        for (kind, source) in &next.sources {
            self.set_pick(*kind, Pick::of(source));
            names.push(source.label(*kind));
        }
        self.reopening = Some(tr!(
            "db-reopen",
            project = next.project,
            sources = names.join(", ")
        ));
        self.recall = true;
    }

    /// Starts looking for a password of the URL (environment, keyring): when
    /// one is at hand, the reopened sources are fetched without asking.
    pub(super) fn start_recall(&mut self, wake: Wake) {
        let url = self.url.clone();
        let job = spawn("look for a database password", 0, wake, move |progress| {
            progress.set_message(tr!("db-looking-for-password"));
            Ok(DbUrl::parse(&url).is_ok_and(|url| url.password().is_some()))
        });
        self.replace(Running::Recall(job));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_reopens_one_server_at_a_time_with_its_picks() {
        let saved = |url: &str, kind: FileKind, source: Source| {
            let options = crate::data::LoadOptions {
                kind,
                mapping: Default::default(),
                date_format: None,
                sheet: None,
                keep_far_dates: false,
            };
            ProjectDatabase::new(url, source, options)
        };
        let shop = "postgres://me@db.example/shop";
        let crm = "mysql://me@crm.example/crm";
        let mut dialog = DbDialog::default();
        dialog.reopen(
            "p.json",
            &[
                saved(shop, FileKind::Orders, Source::Table("orders".into())),
                saved(crm, FileKind::Customers, Source::Table("people".into())),
                saved(shop, FileKind::Products, Source::Query("SELECT 1".into())),
            ],
        );
        assert!(dialog.is_open());
        assert_eq!(dialog.url(), shop);
        assert_eq!(
            dialog.sources(),
            vec![
                (FileKind::Orders, Source::Table("orders".into())),
                (FileKind::Products, Source::Query("SELECT 1".into())),
            ]
        );
        assert!(
            dialog
                .reopening
                .as_deref()
                .is_some_and(|s| s.contains("orders"))
        );
        // Once the first server's rows are fetched, the next one's come up.
        dialog.reopen_next();
        assert_eq!(dialog.url(), crm);
        assert_eq!(
            dialog.sources(),
            vec![(FileKind::Customers, Source::Table("people".into()))]
        );
        assert!(dialog.queued.is_empty());
        // Closed by the operator, the servers not reached yet are forgotten.
        dialog.reopen(
            "p.json",
            &[
                saved(shop, FileKind::Orders, Source::Table("orders".into())),
                saved(crm, FileKind::Customers, Source::Table("people".into())),
            ],
        );
        dialog.close();
        assert!(dialog.queued.is_empty() && dialog.reopening.is_none());
    }
}

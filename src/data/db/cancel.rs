//! Stopping a query the server is running when the operator cancels the job
//! that asked for it (a tab's Cancel while the database sums orders): a
//! watcher thread reads the job's cancel flag while the query runs, and on
//! cancel asks the server to stop it (PostgreSQL's cancel request; `KILL
//! QUERY` on a second connection for a MySQL-protocol server). The query then
//! fails at once and the job, cancelled, drops its result, instead of the
//! server summing every line to the end while the window has moved on.
//!
//! The watcher ends when the query ends ([`StopOnCancel`] dropped); a cancel
//! that the server refuses changes nothing but the wait.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use ::mysql::prelude::Queryable as _;

use super::{Connection, mysql};
use crate::jobs::Progress;

/// How often the watcher reads the cancel flag.
const POLL: Duration = Duration::from_millis(50);

/// Stops the server's running query on `progress`'s cancel, until dropped.
pub struct StopOnCancel {
    ended: Arc<AtomicBool>,
    watcher: Option<JoinHandle<()>>,
}

impl StopOnCancel {
    /// Watches `progress` while `connection` runs queries.
    pub fn watch(connection: &Connection, progress: &Progress) -> StopOnCancel {
        let stop: Box<dyn FnOnce() + Send> = match connection {
            Connection::Postgres { client, .. } => {
                let token = client.cancel_token();
                Box::new(move || {
                    let _ = token.cancel_query(::postgres::NoTls);
                })
            }
            Connection::Mysql { url, conn } => {
                let (url, id) = (url.clone(), conn.connection_id());
                Box::new(move || {
                    if let Ok(mut killer) = mysql::connect(&url) {
                        let _ = killer.query_drop(format!("KILL QUERY {id}"));
                    }
                })
            }
        };
        let ended = Arc::new(AtomicBool::new(false));
        let (watching, progress) = (ended.clone(), progress.clone());
        let watcher = std::thread::spawn(move || {
            while !watching.load(Ordering::Relaxed) {
                if progress.is_cancelled() {
                    stop();
                    return;
                }
                std::thread::sleep(POLL);
            }
        });
        StopOnCancel {
            ended,
            watcher: Some(watcher),
        }
    }
}

impl Drop for StopOnCancel {
    fn drop(&mut self) {
        self.ended.store(true, Ordering::Relaxed);
        if let Some(watcher) = self.watcher.take() {
            let _ = watcher.join();
        }
    }
}

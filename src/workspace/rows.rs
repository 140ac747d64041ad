//! The Data tab's table view: which loaded table is shown, sorted and filtered
//! how. A plain view is made at once; a sorted or filtered one by a job, keyed by
//! the request and the store version, so asking again for the same view is free.

use std::path::PathBuf;

use polars::prelude::DataFrame;
use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::data::view::{filtered_rows, sorted_rows};
use crate::jobs::Slot;
use crate::tr;

/// Which column the table is sorted by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortKey {
    pub column: String,
    pub descending: bool,
}

/// What the table should show: a loaded table, sorted and filtered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewRequest {
    pub table: PathBuf,
    pub sort: Option<SortKey>,
    pub filter: String,
}

/// A computed table view: the frame it was made from and the rows to show, in order.
#[derive(Clone, Debug)]
pub struct RowView {
    pub request: ViewRequest,
    pub frame: DataFrame,
    /// None: every row in file order.
    pub rows: Option<Vec<u32>>,
}

impl RowView {
    /// Number of rows shown.
    pub fn len(&self) -> usize {
        self.rows.as_ref().map_or(self.frame.height(), Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The frame row shown at position `position`.
    pub fn frame_row(&self, position: usize) -> usize {
        match &self.rows {
            Some(rows) => rows.get(position).map_or(usize::MAX, |&r| r as usize),
            None => position,
        }
    }
}

impl Workspace {
    /// Asks for a table view. Nothing happens when it is the one already asked for;
    /// a plain view (no sort, no filter) is made at once, others by a job.
    pub fn set_view(&mut self, request: ViewRequest) {
        if self
            .view_request
            .as_ref()
            .is_some_and(|(r, v)| *r == request && *v == self.store_version)
        {
            return;
        }
        self.view_request = Some((request.clone(), self.store_version));
        let Some(table) = self.store.tables.iter().find(|t| t.path == request.table) else {
            self.view.clear();
            return;
        };
        let frame = table.frame.clone();
        if request.sort.is_none() && request.filter.trim().is_empty() {
            self.view.set(RowView {
                request,
                frame,
                rows: None,
            });
            return;
        }
        self.view
            .start("table view", self.wake.clone(), move |progress| {
                let sorted = match &request.sort {
                    Some(key) => {
                        progress
                            .set_message(tr!("workspace-sorting-by", column = key.column.as_str()));
                        Some(sorted_rows(&frame, &key.column, key.descending)?)
                    }
                    None => None,
                };
                progress.check()?;
                let rows = if request.filter.trim().is_empty() {
                    sorted
                } else {
                    progress
                        .set_message(tr!("workspace-filtering-for", text = request.filter.trim()));
                    Some(filtered_rows(
                        &frame,
                        &request.filter,
                        sorted.as_deref(),
                        progress,
                    )?)
                };
                Ok(RowView {
                    request,
                    frame,
                    rows,
                })
            });
    }

    /// The table view shown (the last one computed) and the job making the next one.
    pub fn view(&self) -> &Slot<RowView> {
        &self.view
    }

    pub fn cancel_view(&mut self) {
        self.view.cancel();
    }
}

//! Orders summed instead of loaded (see `data::summed`): an orders file whose
//! load would be refused for memory, or a sample of database orders the dialog
//! fetched for the database to sum. The mapping view offers it, and the orders
//! then stand in the store as its `SummedOrders`. RFM, the segments of
//! per-customer features and the shop's forecast are computed from the sums;
//! what needs the lines says so.
//!
//! Contract:
//! - [`Workspace::summable`] says whether a file in the mapping stage can be
//!   summed ([`Summable`]): an orders file whose load would be refused for
//!   memory (with the figures, worked out once when it entered the mapping
//!   stage, so no file or memory reads on each frame), or a database sample (with the rows the server counted; it
//!   cannot be loaded: it is a sample).
//! - [`Workspace::sum_without_loading`] checks the mapping as a load would (an
//!   orders file, with the roles orders need); for a file, that the load would
//!   still be refused for memory and that the file can be streamed (UTF-8 CSV
//!   or Parquet with a date format, `Scan::new`). It then replaces what was
//!   summed before, leaves the files on their way in, and bumps the store
//!   version. What cannot be summed stays in the mapping view with the reason
//!   as its last error. A database's column types are checked by each sum
//!   (`data::db::pushdown::typed`), whose error the tab shows.
//! - Loaded orders files win over summed ones (`Store::summed_orders`);
//!   removing the summed path drops it.

use crate::data::db::pushdown::FarDates;
use crate::data::load::{display_name, required_roles};
use crate::data::memory;
use crate::data::scan::{Scan, too_big_to_load};
use crate::data::summed::{InDatabase, SummedOrders, SummedSource};
use crate::data::{DataError, FileKind, LoadOptions};
use crate::tr;

use super::{FileId, FileStage, Level, Workspace};

/// How a file in the mapping stage can be summed instead of loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Summable {
    /// A file whose load needs `need` bytes where `free` are free.
    TooBig { need: u64, free: u64 },
    /// A sample of database orders: the server holds `rows` rows.
    InDatabase { rows: u64 },
}

impl Workspace {
    /// Whether waiting file `id` can be summed, and how (see [`Summable`]).
    pub fn summable(&self, id: FileId) -> Option<Summable> {
        if let Some(summing) = self.fetched.get(&id).and_then(|h| h.summing.as_ref()) {
            return Some(Summable::InDatabase { rows: summing.rows });
        }
        let file = self.pending.iter().find(|p| p.id == id)?;
        match &file.stage {
            FileStage::Mapping {
                options,
                too_big: Some((need, free)),
                ..
            } if options.kind == FileKind::Orders => Some(Summable::TooBig {
                need: *need,
                free: *free,
            }),
            _ => None,
        }
    }

    /// Makes waiting file `id` the store's summed orders (see the module
    /// contract).
    pub fn sum_without_loading(&mut self, id: FileId) {
        let Some(index) = self.pending.iter().position(|p| p.id == id) else {
            return;
        };
        let summing = self.fetched.get(&id).and_then(|h| h.summing.clone());
        let source = self.fetched.get(&id).map(|h| h.source.clone());
        let file = &mut self.pending[index];
        let FileStage::Mapping {
            inspection,
            options,
            last_error,
            too_big,
        } = &mut file.stage
        else {
            return;
        };
        let name = display_name(&file.path);
        if summing.is_none() {
            // Memory may have been freed since the file was mapped.
            *too_big = too_big_to_load(&file.path);
        }
        let summed = match (summing, source) {
            (Some(summing), Some(source)) => mapped(&name, options).map(|()| {
                let db = InDatabase {
                    url: summing.url,
                    source,
                    mapping: options.mapping.clone(),
                    far: match options.keep_far_dates {
                        true => FarDates::Keep,
                        false => FarDates::Drop,
                    },
                    rows: summing.rows,
                };
                let free = memory::available().unwrap_or(0);
                SummedOrders::new(SummedSource::Database(db), summing.need, free)
            }),
            _ => match *too_big {
                None => Err(tr!("workspace-sum-fits", file = name.as_str())),
                Some((need, free)) => mapped(&name, options).and_then(|()| {
                    let scan = Scan::new(inspection, options)
                        .ok_or_else(|| tr!("workspace-cannot-sum", file = name.as_str()))?;
                    Ok(SummedOrders::new(SummedSource::File(scan), need, free))
                }),
            },
        };
        match summed {
            Ok(summed) => {
                self.pending.remove(index);
                self.fetched.remove(&id);
                let text = match summed.source {
                    SummedSource::File(_) => tr!("workspace-summed", file = name.as_str()),
                    SummedSource::Database(_) => {
                        tr!("workspace-summed-in-database", source = name.as_str())
                    }
                };
                self.store.summed = Some(summed);
                self.notify(Level::Info, text);
                self.store_changed();
            }
            Err(why) => *last_error = Some(why),
        }
    }
}

/// Whether `options` read orders with every role orders need (as a load
/// checks), or why not.
fn mapped(name: &str, options: &LoadOptions) -> Result<(), String> {
    if options.kind != FileKind::Orders {
        return Err(tr!("workspace-sum-only-orders", file = name));
    }
    match required_roles(FileKind::Orders)
        .iter()
        .find(|role| !options.mapping.contains_key(role))
    {
        Some(&role) => Err(DataError::MissingRole {
            file: name.to_string(),
            role,
            kind: FileKind::Orders,
        }
        .to_string()),
        None => Ok(()),
    }
}

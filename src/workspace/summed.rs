//! Orders files too big to load, summed instead of loaded: the mapping view
//! offers it when the load would be refused for memory, and the file then
//! stands in the store as its `SummedOrders` (see `data::store`). RFM, the
//! segments of per-customer features and the shop's forecast are computed from
//! the streaming engine's sums (`data::scan`); what needs the lines says so,
//! with the memory figures.
//!
//! Contract:
//! - [`Workspace::summable`] gives the memory figures (need, free) of a file in
//!   the mapping stage whose load would be refused for memory; None otherwise.
//! - [`Workspace::sum_without_loading`] checks that the load would still be
//!   refused for memory, the mapping as a load would (the roles an orders file
//!   needs), then that the file can be streamed (UTF-8 CSV or Parquet orders
//!   with a date format, `Scan::new`); the memory figures kept are those of
//!   that moment. It then replaces any
//!   file summed before, leaves the files on their way in, and bumps the store
//!   version. A file that cannot be summed stays in the mapping view with the
//!   reason as its last error.
//! - Loaded orders files win over a summed one (`Store::summed_orders`);
//!   removing the summed file's path drops it.

use crate::data::load::{display_name, required_roles};
use crate::data::scan::{Scan, too_big_to_load};
use crate::data::store::SummedOrders;
use crate::data::{DataError, FileKind};
use crate::tr;

use super::{FileId, FileStage, Level, Workspace};

impl Workspace {
    /// The memory loading waiting file `id` needs and the memory free, when
    /// its load would be refused for memory (then it can be summed instead).
    pub fn summable(&self, id: FileId) -> Option<(u64, u64)> {
        let file = self.pending.iter().find(|p| p.id == id)?;
        match &file.stage {
            FileStage::Mapping { options, .. } if options.kind == FileKind::Orders => {
                too_big_to_load(&file.path)
            }
            _ => None,
        }
    }

    /// Makes waiting file `id` the store's summed orders file (see the module
    /// contract).
    pub fn sum_without_loading(&mut self, id: FileId) {
        let Some(index) = self.pending.iter().position(|p| p.id == id) else {
            return;
        };
        let file = &mut self.pending[index];
        let FileStage::Mapping {
            inspection,
            options,
            last_error,
        } = &mut file.stage
        else {
            return;
        };
        let name = display_name(&file.path);
        let missing = required_roles(FileKind::Orders)
            .iter()
            .find(|role| !options.mapping.contains_key(role));
        let figures = too_big_to_load(&file.path);
        let scan = match (options.kind, missing, figures) {
            (_, _, None) => Err(tr!("workspace-sum-fits", file = name.as_str())),
            (FileKind::Orders, Some(&role), _) => Err(DataError::MissingRole {
                file: name.clone(),
                role,
                kind: FileKind::Orders,
            }
            .to_string()),
            (FileKind::Orders, None, _) => Scan::new(inspection, options)
                .ok_or_else(|| tr!("workspace-cannot-sum", file = name.as_str())),
            _ => Err(tr!("workspace-sum-only-orders", file = name.as_str())),
        };
        let (scan, (need, free)) = match scan.map(|scan| (scan, figures.unwrap_or_default())) {
            Ok(chosen) => chosen,
            Err(why) => {
                *last_error = Some(why);
                return;
            }
        };
        self.pending.remove(index);
        self.store.summed = Some(SummedOrders { scan, need, free });
        self.notify(Level::Info, tr!("workspace-summed", file = name.as_str()));
        self.store_changed();
    }
}

//! Excel workbooks (xlsx, xlsm, xls) through calamine.

use std::path::Path;

use super::{RawFile, ReadOptions};
use crate::data::DataError;

/// Reads one sheet of a workbook.
pub(super) fn read_excel(
    _path: &Path,
    _file: &str,
    _options: &ReadOptions,
) -> Result<RawFile, DataError> {
    todo!("excel")
}

//! Orders files larger than memory: a local CSV or Parquet file read by polars'
//! lazy scan and streaming engine, summed per customer and per period without
//! ever holding its lines. The sums go through the same queries as loaded lines
//! (`analysis::customers::customer_query`, `analysis::forecast::shop_series_of`),
//! so a streamed file, a loaded file and a database (`data::db::pushdown`) give
//! the same numbers through one path.
//!
//! The loader's rules (`data::load`) are written as expressions over the
//! file's own columns, with the mapping the inspection (or the operator)
//! gave:
//! - exact duplicate rows count once; dates are read in the loader's format
//!   (`dates::parse_dates`, the format given or detected on the file's head)
//!   and undated lines are left out; placeholder dates far outside the rest are
//!   left out by the loader's rule (`load::far_dates`, from a per-day histogram
//!   instead of every line); lines with a mapped quantity, price or amount
//!   missing or unreadable are left out (`load::parse_number`);
//! - ids are trimmed text (empty is none); the amount is the amount column,
//!   else quantity × unit price (quantity 1 without a quantity column); a
//!   return has a quantity or amount below zero; a line is cancelled when its
//!   status names one of `load::CANCEL_WORDS`.
//!
//! Unlike a load: duplicates compare the text of a CSV row (a loaded
//! `5.0` and `5` in one number column are equal, here they differ); the date
//! format is detected on the file's head, not the whole column; a mapped number
//! column where no value reads is not refused (its lines are left out); Parquet
//! ids stored as floats keep their `.0`.
//!
//! Memory: exact duplicates are found by holding the distinct rows of the part
//! being read, so a file whose distinct rows do not fit is read in
//! [`Scan::passes`] parts by a hash of the customer (of the order, for order
//! counts), each part on its own pass over the file.

mod clean;
pub mod purchases;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use polars::prelude::*;

use super::{DataError, DateFormat, FileFormat, FileKind, Inspection, LoadOptions, Role};
use super::{TextEncoding, memory};
use crate::analysis::customers::{CustomerTable, customer_query};
use crate::analysis::forecast::series::shop_series_of;
use crate::analysis::forecast::{Freq, Measure, TimeSeries};
use crate::analysis::lines::{AnalysisError, polars_failed};
use crate::data::load::display_name;
use crate::tr;
use clean::{Histogram, canonical_lines};

/// The most parts a file is read in (a pass over the file each).
const MAX_PASSES: u64 = 64;

/// An orders file to stream, with the options it would be loaded with.
#[derive(Clone, Debug)]
pub struct Scan {
    path: PathBuf,
    /// Delimiter of a CSV file; None for Parquet.
    delimiter: Option<u8>,
    options: LoadOptions,
    date_format: DateFormat,
    /// Parts the file is read in (see the module doc).
    pub passes: u64,
}

/// The per-customer table of a streamed file and whether its lines carry money.
#[derive(Clone, Debug)]
pub struct StreamedCustomers {
    pub table: CustomerTable,
    pub money: bool,
}

impl Scan {
    /// The scan of the file of `inspection` loaded with `options`, or None when it
    /// cannot be streamed: not an orders file, not UTF-8 CSV or Parquet, or no
    /// date format given or detected.
    pub fn new(inspection: &Inspection, options: &LoadOptions) -> Option<Scan> {
        if options.kind != FileKind::Orders {
            return None;
        }
        let delimiter = match (&inspection.format, inspection.encoding) {
            (FileFormat::Csv { delimiter }, TextEncoding::Utf8 | TextEncoding::Utf8Bom)
                if *delimiter != b' ' =>
            {
                Some(*delimiter)
            }
            (FileFormat::Parquet, _) => None,
            _ => return None,
        };
        let date_format = options
            .date_format
            .clone()
            .or_else(|| inspection.date.as_ref().map(|g| g.format.clone()))?;
        let mut scan = Scan {
            path: inspection.path.clone(),
            delimiter,
            options: options.clone(),
            date_format,
            passes: 1,
        };
        scan.passes = scan.passes_for(memory::available());
        Some(scan)
    }

    /// Parts needed so that one part's distinct rows fit in `free` bytes (one
    /// part when free memory is unknown): the file's load need over the free
    /// memory, rounded up.
    fn passes_for(&self, free: Option<u64>) -> u64 {
        let (Some(free), Ok(meta)) = (free, std::fs::metadata(&self.path)) else {
            return 1;
        };
        let need = memory::load_need(&self.path, meta.len());
        need.div_ceil(free.max(1)).clamp(1, MAX_PASSES)
    }

    /// Reads the file in `passes` parts (tests and benches force a split).
    pub fn with_passes(mut self, passes: u64) -> Scan {
        self.passes = passes.clamp(1, MAX_PASSES);
        self
    }

    /// The file streamed.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The options the file is read with (as a load would read it).
    pub fn options(&self) -> &LoadOptions {
        &self.options
    }

    /// The file name shown to the operator.
    pub fn file(&self) -> String {
        display_name(&self.path)
    }

    /// Whether `role` is mapped to a column of the file.
    pub fn maps(&self, role: Role) -> bool {
        self.options.mapping.contains_key(&role)
    }

    /// Whether the lines carry money (an amount, or a unit price).
    pub fn money(&self) -> bool {
        let mapping = &self.options.mapping;
        mapping.contains_key(&Role::Amount) || mapping.contains_key(&Role::UnitPrice)
    }

    fn source(&self) -> PolarsResult<LazyFrame> {
        let path = PlRefPath::new(self.path.to_string_lossy().as_ref());
        match self.delimiter {
            // Every column as text: the loader's own number and date rules read it.
            Some(delimiter) => LazyCsvReader::new(path)
                .with_separator(delimiter)
                .with_has_header(true)
                .with_infer_schema_length(Some(0))
                .finish(),
            None => LazyFrame::scan_parquet(path, ScanArgsParquet::default()),
        }
    }

    /// The canonical dated lines of part `part` of the file, split by `key`
    /// (with `row_numbers`, each line's position in the file as `clean::ROW`).
    fn lines(&self, part: u64, key: Role, row_numbers: bool) -> PolarsResult<LazyFrame> {
        canonical_lines(
            self.source()?,
            &self.options,
            &self.date_format,
            (part, self.passes, key),
            row_numbers,
        )
    }

    /// The lines that count: not far (inside `fences`), every number read.
    fn kept(
        &self,
        (part, key): (u64, Role),
        fences: Option<(i32, i32)>,
        row_numbers: bool,
    ) -> PolarsResult<LazyFrame> {
        let lines = self.lines(part, key, row_numbers)?.filter(col("_numbers"));
        Ok(match fences {
            Some((lo, hi)) => {
                lines.filter(col("_day").gt_eq(lit(lo)).and(col("_day").lt_eq(lit(hi))))
            }
            None => lines,
        })
    }

    fn failed(&self, step: &'static str) -> impl Fn(PolarsError) -> DataError + '_ {
        move |source| DataError::Polars {
            file: self.file(),
            context: crate::i18n::message(step),
            source,
        }
    }

    /// The lines per day over every part: what far dates and the default
    /// analysis date are read from.
    fn histogram(&self) -> Result<Histogram, DataError> {
        let mut parts = Vec::new();
        for part in 0..self.passes {
            let frame = self
                .lines(part, Role::CustomerId, false)
                .and_then(clean::per_day)
                .and_then(collect)
                .map_err(self.failed("context-scan-days"))?;
            parts.push(frame);
        }
        Histogram::new(parts, !self.options.keep_far_dates)
            .map_err(self.failed("context-scan-days"))
    }

    /// One row per customer as `analysis::customers::customer_table` gives it for
    /// the loaded file, at `analysis_date` (default: the day after the last
    /// purchase day). None when no line is a dated purchase.
    pub fn customers(
        &self,
        analysis_date: Option<NaiveDate>,
    ) -> Result<Option<StreamedCustomers>, DataError> {
        let histogram = self.histogram()?;
        let Some(analysis_date) = analysis_date.or(histogram.default_analysis_date()) else {
            return Ok(None);
        };
        let mut parts = Vec::new();
        for part in 0..self.passes {
            let lines = self
                .kept((part, Role::CustomerId), histogram.fences, false)
                .map_err(self.failed("context-scan-customers"))?;
            let schema = lines
                .clone()
                .collect_schema()
                .map_err(self.failed("context-scan-customers"))?;
            let frame = collect(customer_query(lines, &schema, analysis_date))
                .map_err(self.failed("context-scan-customers"))?;
            parts.push(frame.lazy());
        }
        let frame = concat(parts, UnionArgs::default())
            .and_then(|all| {
                all.sort(["customer_id"], SortMultipleOptions::default())
                    .collect()
            })
            .map_err(self.failed("context-scan-customers"))?;
        Ok(Some(StreamedCustomers {
            table: CustomerTable {
                analysis_date,
                frame,
            },
            money: self.money(),
        }))
    }

    /// The shop's series of `measure` per `freq` period, as
    /// `analysis::forecast::series_from_lines` gives it for the loaded file.
    pub fn series(&self, measure: Measure, freq: Freq) -> Result<Vec<TimeSeries>, AnalysisError> {
        if measure == Measure::Revenue && !self.money() {
            return Err(AnalysisError::NeedsMoney {
                what: tr!("analysis-what-revenue-forecast"),
            });
        }
        let histogram = self.histogram().map_err(|e| AnalysisError::Invalid {
            what: self.file(),
            why: e.to_string(),
        })?;
        if histogram.default_analysis_date().is_none() {
            return Ok(Vec::new());
        }
        // Parts share no counted id: orders by order id, the rest by customer.
        let key = match measure {
            Measure::Orders if self.options.mapping.contains_key(&Role::OrderId) => Role::OrderId,
            _ => Role::CustomerId,
        };
        let mut parts = Vec::new();
        let mut schema = None;
        for part in 0..self.passes {
            let lines = self
                .kept((part, key), histogram.fences, false)
                .map_err(polars_failed("context-scan-series"))?;
            if schema.is_none() {
                schema = Some(
                    lines
                        .clone()
                        .collect_schema()
                        .map_err(polars_failed("context-scan-series"))?,
                );
            }
            parts.push(lines);
        }
        let Some(schema) = schema else {
            return Ok(Vec::new());
        };
        shop_series_of(parts, &schema, measure, freq, Engine::Streaming)
    }
}

/// Runs `query` on the streaming engine (one query gives one frame, as
/// `LazyFrame::collect` takes it).
fn collect(query: LazyFrame) -> PolarsResult<DataFrame> {
    Ok(query
        .collect_with_engine(Engine::Streaming)?
        .unwrap_single())
}

/// Why `what` cannot be had from `file`, streamed: it needs the lines, and
/// loading them needs `need` bytes where `free` are free.
pub fn needs_lines(what: &str, file: &str, need: u64, free: u64) -> String {
    tr!(
        "scan-needs-lines",
        what = what,
        file = file,
        need = memory::human(need),
        free = memory::human(free)
    )
}

/// The memory loading `path` needs and the memory free, when the load would be
/// refused for it (None when it fits or free memory is unknown).
pub fn too_big_to_load(path: &Path) -> Option<(u64, u64)> {
    let bytes = std::fs::metadata(path).ok()?.len();
    let need = memory::load_need(path, bytes);
    let free = memory::available()?;
    (need > free).then_some((need, free))
}

#[cfg(test)]
mod tests;

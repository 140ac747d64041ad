//! `inspect` and `load`: from a file to a canonical [`Table`] with a [`LoadReport`].
//!
//! `inspect` reads the first 1,000 rows and proposes roles, kind and date format.
//! `load` reads everything (mapped id and phone columns as text, so leading zeros
//! survive) and hands the frame to [`table_from_frame`], the core, which needs no
//! file and is what the tests drive with `df!` frames.
//!
//! The core's contract, in order:
//! 1. Every mapped column must exist ([`DataError::UnknownColumn`]) and the kind's
//!    required roles must be mapped ([`DataError::MissingRole`]): orders need
//!    customer id and date/time (no money: see step 4); events need
//!    customer id, date/time and event type; customers a customer id; products an
//!    item id.
//! 2. Every row gets its 1-based source row number in `row` before anything is
//!    dropped. NUL characters are removed from text (noted); ids Excel wrote in
//!    scientific notation are reported (`damaged`). Exact duplicates over all source columns: later copies are dropped
//!    (with the rows the checks drop, in one pass at the end).
//! 3. Columns are converted (see `clean`, `numbers`, `dates`). Orders and events drop
//!    rows whose date is missing or unreadable; if no row's date reads, loading fails
//!    with [`DataError::BadValue`] naming the first one. Dated kinds also drop rows
//!    whose date lies far outside the rest (placeholders: `far_dates`) unless
//!    `LoadOptions::keep_far_dates`. Orders then drop lines where
//!    a mapped quantity, price or amount is missing or unreadable. Other kinds keep
//!    such rows with the value left empty. Customers and products drop rows without
//!    their id.
//! 4. Orders without an amount column get `amount = quantity × unit_price`; with
//!    neither, no `amount` column (noted: what needs revenue says so); without
//!    a quantity column `quantity = 1`. Flags: `is_return` (quantity or amount below
//!    zero), `is_cancelled` (status names a cancellation or refund). Kept rows
//!    without a customer, returns, cancellations and zero/negative prices are
//!    reported, not dropped.
//! 5. Item names, categories, channels and statuses are stored as `Categorical`
//!    (`data::text`); ids and other text stay `String`.
//!
//! Counts do not overlap: duplicates are counted over all rows, unreadable dates over
//! the rest, far dates over rows whose date read, unreadable numbers over the rows
//! left, and the kept-row problems
//! over kept rows, so `rows_read − rows_kept` is the sum of the dropping counts.

pub mod cache;
mod checks;
mod clean;
mod damaged;
mod duplicates;
pub mod far_dates;
mod inspect;
mod numbers;
mod problems;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use polars::prelude::*;
use rayon::prelude::*;

use super::dates;
use super::read::{ReadOptions, read_raw};
use super::report::{LoadReport, Problem};
use super::{DataError, DateFormat, FileKind, LoadOptions, Role, Table};
use crate::jobs::Progress;
use crate::{phrase, tr};
use checks::{CheckError, Checks};
use clean::{canonical_column, present};
use problems::{row_at, value_text};

pub use clean::CANCEL_WORDS;
pub use inspect::{header_signature, inspect, inspect_frame};
pub use numbers::parse_number;

/// Progress steps of a whole load: reading, then the core's four.
const STEPS: u64 = 5;
/// The canonical name of the source row number column.
pub const ROW_COLUMN: &str = "row";
/// Flag columns of an orders table.
pub const RETURN_COLUMN: &str = "is_return";
pub const CANCELLED_COLUMN: &str = "is_cancelled";

/// The roles a file of `kind` cannot do without. Orders need no money: without
/// an amount or a unit price the table has no `amount` column, and what needs
/// revenue says so (`analysis::lines::require_money`).
pub fn required_roles(kind: FileKind) -> &'static [Role] {
    match kind {
        FileKind::Orders => &[Role::CustomerId, Role::Timestamp],
        FileKind::Events => &[Role::CustomerId, Role::Timestamp, Role::EventType],
        FileKind::Customers => &[Role::CustomerId],
        FileKind::Products => &[Role::ItemId],
        FileKind::Series => &[Role::Timestamp, Role::Amount],
        FileKind::Ratings => &[Role::CustomerId, Role::ItemId, Role::Rating],
        FileKind::Service => &[Role::CustomerId, Role::Timestamp, Role::Message],
        FileKind::Reviews => &[Role::ItemId, Role::Message],
    }
}

/// Loads the whole file as the operator confirmed it.
pub fn load(path: &Path, options: &LoadOptions, progress: &Progress) -> Result<Table, DataError> {
    step(
        progress,
        0,
        tr!("load-step-reading", file = display_name(path)),
    )?;
    let read = read_options(options);
    // A fresh Parquet copy beside a text file is read instead of the text; a
    // copy that cannot be used is said in the report.
    let (copy, mut unusable) = match cache::lookup(path, &read) {
        cache::Lookup::Fresh(copy) => (Some(copy), None),
        cache::Lookup::Unusable(why) => (None, Some(why)),
        cache::Lookup::Absent => (None, None),
    };
    // The need of the file itself, also when its copy is read instead: the copy
    // opens in no more (2.5–2.7× the text's size against 2.6–2.8×, 5 M lines in
    // `benches/load.rs`), and the factor for any Parquet file (24× its size)
    // would refuse a text file that fits, and that `scan::too_big_to_load` (the
    // text's size) would not stream.
    if let Ok(meta) = std::fs::metadata(path) {
        let need = super::memory::load_need(path, meta.len());
        super::memory::check(&display_name(path), &tr!("load-memory-what"), need)?;
    }
    let mut raw = match copy.as_deref().map(cache::read_copy) {
        Some(Ok(raw)) => raw,
        Some(Err(_)) => {
            let copy = display_name(&cache::copy_path(path));
            unusable = Some(phrase!("load-note-copy-unreadable", copy = copy));
            read_raw(path, &read)?
        }
        None => read_raw(path, &read)?,
    };
    raw.notes.extend(unusable);
    let mut table = table_from_frame(raw.frame, path, options, progress)?;
    table.report.notes.splice(0..0, raw.notes);
    Ok(table)
}

/// How `load` reads the whole file: mapped id and phone columns as text, so
/// leading zeros survive.
pub fn read_options(options: &LoadOptions) -> ReadOptions {
    ReadOptions {
        sheet: options.sheet.clone(),
        max_rows: None,
        text_columns: text_columns(&options.mapping),
    }
}

/// The source columns `load` reads as text under `mapping`: ids and phones.
pub fn text_columns(mapping: &super::RoleMap) -> Vec<String> {
    [
        Role::CustomerId,
        Role::OrderId,
        Role::ItemId,
        Role::Phone,
        Role::SessionId,
    ]
    .iter()
    .filter_map(|role| mapping.get(role).cloned())
    .collect()
}

/// The file name shown to the operator.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Starts step `done` of [`STEPS`]. The memory the last step freed goes back to
/// the OS first: the steps are quick, and what one frees (its hashes, masks,
/// copies) would otherwise still be held when the next allocates.
fn step(progress: &Progress, done: u64, message: impl Into<String>) -> Result<(), DataError> {
    crate::return_freed_memory_now();
    if progress.is_cancelled() {
        return Err(DataError::Cancelled);
    }
    progress.set_message(message);
    progress.report(done, STEPS);
    Ok(())
}

/// Checks the mapping against the frame's columns and the kind's required roles.
pub fn check_mapping(
    frame: &DataFrame,
    options: &LoadOptions,
    file: &str,
) -> Result<(), DataError> {
    let names: Vec<&str> = frame
        .get_column_names()
        .into_iter()
        .map(|n| n.as_str())
        .collect();
    for column in options.mapping.values() {
        if !names.contains(&column.as_str()) {
            return Err(DataError::UnknownColumn {
                file: file.to_string(),
                column: column.clone(),
                available: names.join(", "),
            });
        }
    }
    let missing = |role: Role| DataError::MissingRole {
        file: file.to_string(),
        role,
        kind: options.kind,
    };
    for role in required_roles(options.kind) {
        if !options.mapping.contains_key(role) {
            return Err(missing(*role));
        }
    }
    Ok(())
}

/// The core of `load`: a raw frame (columns as in the file) → canonical table.
/// `path` only names the file in the report and errors.
pub fn table_from_frame(
    raw: DataFrame,
    path: &Path,
    options: &LoadOptions,
    progress: &Progress,
) -> Result<Table, DataError> {
    let file = display_name(path);
    // `step` is a `contexts.ftl` key, read only when a step fails.
    let failed = |step: &'static str| {
        let file = file.clone();
        move |source: PolarsError| DataError::Polars {
            file,
            context: crate::i18n::message(step),
            source,
        }
    };
    check_mapping(&raw, options, &file)?;
    if raw.height() == 0 {
        return Err(DataError::Empty { file });
    }
    let rows_read = raw.height();
    let mut report = LoadReport {
        file: file.clone(),
        rows_read,
        ..LoadReport::default()
    };
    let mut found: Vec<Problem> = Vec::new();

    step(progress, 1, tr!("load-step-duplicates"))?;
    let rows = Column::new_row_index(ROW_COLUMN.into(), 1, rows_read)
        .and_then(|c| c.cast(&DataType::UInt32))
        .map_err(failed("context-number-rows"))?;
    let raw = damaged::without_nul(raw, &rows, &mut report.notes)
        .map_err(failed("context-remove-nul"))?;
    found.extend(
        damaged::scientific_ids(&raw, &rows, options).map_err(failed("context-check-ids"))?,
    );
    // Later copies are not removed here but dropped with the rows the checks
    // drop, so the table is copied once.
    let duplicates = duplicates::find_duplicates(&raw, &rows)
        .map_err(failed("context-find-duplicates"))?
        .map(|dups| {
            found.push(dups.problem);
            dups.drop
        });
    step(progress, 2, tr!("load-step-dates-numbers"))?;
    let date_format = resolve_date_format(&raw, &rows, options, &file, &mut report)?;
    // The roles' columns are independent: converted in parallel.
    let mut canonical = options
        .mapping
        .par_iter()
        .map(|(role, source)| {
            let source = raw.column(source)?;
            Ok((*role, canonical_column(source, *role, &date_format)?))
        })
        .collect::<PolarsResult<BTreeMap<Role, Column>>>()
        .map_err(failed("context-convert-mapped-column"))?;

    step(progress, 3, tr!("load-step-checking"))?;
    let checked = Checks {
        raw: &raw,
        rows: &rows,
        options,
        file: &file,
        date_format: &date_format,
        duplicates: duplicates.as_ref(),
    };
    let outcome = checked
        .run(&mut canonical, &mut found, &mut report.notes)
        .map_err(|e| match e {
            CheckError::Data(e) => *e,
            CheckError::Polars(e) => failed("context-check-rows")(e),
        })?;

    step(progress, 4, tr!("load-step-building"))?;
    let frame = assemble(raw, rows, canonical, outcome, &options.mapping)
        .map_err(failed("context-build-table"))?;
    report.rows_kept = frame.height();
    found.sort_by_key(|p| p.kind);
    report.problems = found;
    progress.report(STEPS, STEPS);
    Ok(Table {
        path: path.to_path_buf(),
        kind: options.kind,
        mapping: options.mapping.clone(),
        frame,
        report,
    })
}

/// The date format to use: the operator's, or detected from the data. Adds a note.
fn resolve_date_format(
    raw: &DataFrame,
    rows: &Column,
    options: &LoadOptions,
    file: &str,
    report: &mut LoadReport,
) -> Result<DateFormat, DataError> {
    let Some(source) = options.mapping.get(&Role::Timestamp) else {
        return Ok(DateFormat::Iso);
    };
    if let Some(format) = &options.date_format {
        report
            .notes
            .push(phrase!("load-note-dates", format = dates::describe(format)));
        return Ok(format.clone());
    }
    let column = raw.column(source).map_err(|e| DataError::Polars {
        file: file.to_string(),
        context: tr!("context-read-date-column"),
        source: e,
    })?;
    match dates::detect_date_format(column.as_materialized_series()) {
        Some(guess) => {
            let format = dates::describe(&guess.format);
            let note = match guess.ambiguous {
                true => phrase!("load-note-dates-detected-ambiguous", format = format),
                false => phrase!("load-note-dates-detected", format = format),
            };
            report.notes.push(note);
            Ok(guess.format)
        }
        None => {
            let mask =
                present(column).unwrap_or_else(|_| BooleanChunked::full("".into(), false, 0));
            let first = mask.iter().position(|v| v == Some(true)).unwrap_or(0);
            let (problem, hint) = match dates::describe_mix(column.as_materialized_series()) {
                Some(mix) => (
                    tr!("data-problem-mixed-layouts", mix = mix),
                    tr!("data-hint-mixed-layouts"),
                ),
                None => (
                    tr!("data-problem-no-date-format"),
                    tr!("data-hint-choose-date-format"),
                ),
            };
            Err(DataError::BadValue {
                file: file.to_string(),
                row: row_at(rows, first).unwrap_or(first + 1),
                column: source.clone(),
                value: column
                    .get(first)
                    .map(|v| value_text(&v))
                    .unwrap_or_default(),
                problem: problem.into(),
                hint: hint.into(),
            })
        }
    }
}

/// The output frame: canonical columns in role order, flags, `row`, then every
/// unmapped source column (renamed with `_orig` when its name is taken), filtered
/// to the kept rows.
fn assemble(
    raw: DataFrame,
    rows: Column,
    canonical: BTreeMap<Role, Column>,
    outcome: checks::Outcome,
    mapping: &super::RoleMap,
) -> PolarsResult<DataFrame> {
    let height = raw.height();
    let mut columns = canonical
        .into_values()
        .map(crate::data::text::compact)
        .collect::<PolarsResult<Vec<Column>>>()?;
    columns.extend(outcome.flags);
    columns.push(rows);
    let mut taken: HashSet<String> = columns.iter().map(|c| c.name().to_string()).collect();
    let mapped: HashSet<&str> = mapping.values().map(String::as_str).collect();
    let unmapped: Vec<Column> = raw
        .into_columns()
        .into_iter()
        .filter(|c| !mapped.contains(c.name().as_str()))
        .collect();
    let source_names: HashSet<String> = unmapped.iter().map(|c| c.name().to_string()).collect();
    for column in unmapped {
        let mut name = column.name().to_string();
        while taken.contains(&name) {
            name.push_str("_orig");
            while source_names.contains(&name)
                && !taken.contains(&name)
                && name != column.name().as_str()
            {
                name.push_str("_orig");
            }
        }
        taken.insert(name.clone());
        columns.push(column.with_name(name.into()));
    }
    match outcome.keep {
        Some(keep) => {
            let kept = keep.sum().unwrap_or(0) as usize;
            DataFrame::new(
                kept,
                column_by_column(columns, |c| one_chunk(c).filter(&keep))?,
            )
        }
        None => DataFrame::new(height, column_by_column(columns, |c| Ok(one_chunk(c)))?),
    }
}

/// `step` applied to each column, as many at a time as there are threads, each
/// source column freed (and its memory handed back to the OS) as soon as its
/// step ends: the table is never held twice. (One at a time took 0.22 s where
/// this takes 0.12 s on 5 M lines, 2 threads, at the same peak.)
fn column_by_column(
    columns: Vec<Column>,
    step: impl Fn(Column) -> PolarsResult<Column> + Sync,
) -> PolarsResult<Vec<Column>> {
    columns
        .into_par_iter()
        .map(|column| {
            let done = step(column);
            crate::return_freed_memory_now();
            done
        })
        .collect()
}

/// `column` in one chunk. A text file is read in pieces, one chunk each
/// (`read::text`); analyses that add a column to a frame of many chunks realign
/// every column first, a copy of the lines (2 GB on 16.9 M). Merged here, column
/// by column, before its filter (a filtered column of one chunk is one
/// chunk); the source's chunks go back to the OS before the filter's copy.
fn one_chunk(column: Column) -> Column {
    if column.n_chunks() == 1 {
        return column;
    }
    let merged = column.rechunk();
    drop(column);
    crate::return_freed_memory_now();
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    /// A text file is read in pieces, one chunk each. The table has one chunk per
    /// column whether the load drops rows or not: analyses that add a column to a
    /// frame of many chunks would realign (copy) every line first.
    #[test]
    fn a_frame_read_in_pieces_becomes_one_chunk_per_column() {
        let piece = |first: usize, rows: usize| {
            df!(
                "order" => (first..first + rows).map(|i| format!("o{i}")).collect::<Vec<_>>(),
                "customer" => (first..first + rows).map(|i| format!("c{}", i % 3)).collect::<Vec<_>>(),
                "time" => (first..first + rows).map(|i| format!("2024-01-{:02}", 1 + i % 28)).collect::<Vec<_>>(),
                "amount" => (first..first + rows).map(|i| i as f64).collect::<Vec<_>>(),
                "note" => (first..first + rows).map(|i| format!("备注 {i}")).collect::<Vec<_>>(),
            )
            .expect("piece")
        };
        let options = LoadOptions {
            kind: FileKind::Orders,
            mapping: [
                (Role::OrderId, "order"),
                (Role::CustomerId, "customer"),
                (Role::Timestamp, "time"),
                (Role::Amount, "amount"),
            ]
            .map(|(role, name)| (role, name.to_owned()))
            .into_iter()
            .collect(),
            date_format: None,
            sheet: None,
            keep_far_dates: false,
        };
        // Lines o0..o7 in two pieces; from 3, the second piece repeats the first's
        // last line, which the load drops.
        for second_first in [4, 3] {
            let mut frame = piece(0, 4);
            frame
                .vstack_mut_owned(piece(second_first, 8 - second_first))
                .expect("stack");
            assert_eq!(frame.columns()[0].n_chunks(), 2);
            let table = table_from_frame(
                frame,
                Path::new("orders.csv"),
                &options,
                &Progress::detached(),
            )
            .expect("loads");
            assert_eq!(table.frame.height(), 8);
            for column in table.frame.columns() {
                assert_eq!(column.n_chunks(), 1, "{}", column.name());
            }
        }
    }
}

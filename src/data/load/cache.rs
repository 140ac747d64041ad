//! The Parquet copy of a large delimited text file: read once, written beside it,
//! so the next open skips parsing the text.
//!
//! - **What is kept.** The frame exactly as `read_raw` gives it for the load's
//!   read options (columns named as in the header, types as inferred, the mapped
//!   id columns as text), and the read's notes (short rows, a Western European
//!   decode). Cleaning and roles run on it as on the text, so the table is the same.
//! - **Where.** `orders.csv` → `orders.csv.marketbench.parquet` in the same
//!   folder. A file of that name that is not a copy made here is never replaced.
//! - **Freshness.** The copy records the source's size and modification time (in
//!   nanoseconds) and the columns read as text; it is used only while all three
//!   still match. Otherwise the text is read and the load report says why.
//! - **Writing** goes through a temporary file and a rename
//!   (`export::write_atomically`): a copy is whole or absent. A folder that
//!   cannot be written gives a clear error and the text file still loads.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use polars::prelude::*;
use serde_json::{Value, json};

use super::display_name;
use crate::data::DataError;
use crate::data::read::{RawFile, ReadOptions, read_raw};
use crate::i18n::{Arg, Phrase};
use crate::jobs::Progress;
use crate::{phrase, tr};

/// Tables at least this large in memory are worth a copy: the Data tab offers one
/// (the window's settings may name another size).
pub const WORTH_BYTES: u64 = 50 * 1024 * 1024;
/// Appended to the source's name.
pub const SUFFIX: &str = ".marketbench.parquet";
/// The key marking a copy made here; its value is the layout version.
const MARK: &str = "marketbench-copy";
const VERSION: &str = "1";
const SOURCE_SIZE: &str = "source-size";
const SOURCE_MTIME: &str = "source-mtime-ns";
const MADE: &str = "made-unix-seconds";
const TEXT_COLUMNS: &str = "text-columns";
const NOTES: &str = "read-notes";
/// Catalogue keys and value names a stored read note may use (a `Phrase` holds
/// `'static` names): the notes `read_raw` writes.
const NOTE_NAMES: [&str; 6] = [
    "read-note-short-rows",
    "read-note-western-european",
    "count",
    "n",
    "width",
    "lines",
];

/// The copy's path for `source`: its full name plus `.marketbench.parquet`.
pub fn copy_path(source: &Path) -> PathBuf {
    let mut name = source.file_name().unwrap_or_default().to_os_string();
    name.push(SUFFIX);
    source.with_file_name(name)
}

/// True for the delimited text files a copy can be made of (by extension).
pub fn can_copy(source: &Path) -> bool {
    let extension = source
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(extension.as_str(), "csv" | "tsv" | "txt" | "tab")
}

/// What the load finds beside a source file.
#[derive(Debug)]
pub enum Lookup {
    /// No copy (or not a text file).
    Absent,
    /// A copy that matches the source and the read: read it instead.
    Fresh(PathBuf),
    /// A copy that cannot be used, and why (for the load report).
    Unusable(Phrase),
}

/// Looks for a usable copy of `source` read with `options`.
pub fn lookup(source: &Path, options: &ReadOptions) -> Lookup {
    let copy = copy_path(source);
    if !can_copy(source) || options.max_rows.is_some() || !copy.is_file() {
        return Lookup::Absent;
    }
    let name = display_name(&copy);
    let Some(stamp) = read_stamp(&copy) else {
        return Lookup::Unusable(phrase!("load-note-copy-unreadable", copy = name));
    };
    match Source::of(source) {
        Some(now) if now == stamp.source => {}
        _ => return Lookup::Unusable(phrase!("load-note-copy-stale", copy = name)),
    }
    if sorted(&stamp.text_columns) != sorted(&options.text_columns) {
        return Lookup::Unusable(phrase!("load-note-copy-other-columns", copy = name));
    }
    Lookup::Fresh(copy)
}

/// Reads a fresh copy: its frame, with the read notes of the text and a note
/// saying where the rows came from.
pub fn read_copy(copy: &Path) -> Result<RawFile, DataError> {
    let stamp = read_stamp(copy).ok_or_else(|| DataError::Parse {
        file: display_name(copy),
        message: tr!("load-note-copy-unreadable", copy = display_name(copy)),
    })?;
    let mut raw = read_raw(copy, &ReadOptions::default())?;
    let made = chrono::DateTime::from_timestamp(stamp.made, 0)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    raw.notes = std::iter::once(phrase!(
        "load-note-copy-used",
        copy = display_name(copy),
        made = made
    ))
    .chain(stamp.notes)
    .collect();
    Ok(raw)
}

/// True when the load that made `report` read a fresh copy.
pub fn read_from_copy(report: &crate::data::LoadReport) -> bool {
    report
        .notes
        .iter()
        .any(|n| matches!(n, Phrase::Message { key, .. } if *key == "load-note-copy-used"))
}

/// Reads `source` with `options` and writes its copy beside it; returns the
/// copy's path. Refuses to replace a file of that name not made here.
pub fn make(
    source: &Path,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<PathBuf, DataError> {
    make_at(source, &copy_path(source), options, progress)
}

/// [`make`] writing to `copy`.
fn make_at(
    source: &Path,
    copy: &Path,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<PathBuf, DataError> {
    let file = display_name(source);
    let refuse = |message: String| DataError::Parse {
        file: file.clone(),
        message,
    };
    if !can_copy(source) {
        return Err(refuse(tr!("load-copy-not-text")));
    }
    if copy.exists() && read_stamp(copy).is_none() {
        return Err(refuse(tr!(
            "load-copy-name-taken",
            copy = display_name(copy)
        )));
    }
    let stamp_before = Source::of(source);
    progress.set_message(tr!("load-copy-reading", file = file.as_str()));
    progress.report(0, 2);
    let raw = read_raw(
        source,
        &ReadOptions {
            max_rows: None,
            ..options.clone()
        },
    )?;
    if progress.is_cancelled() {
        return Err(DataError::Cancelled);
    }
    // A source changed while it was read would be recorded with the wrong stamp.
    let Some(source_stamp) = stamp_before.filter(|s| Source::of(source).as_ref() == Some(s)) else {
        return Err(refuse(tr!("load-copy-source-changed")));
    };
    progress.set_message(tr!("load-copy-writing", copy = display_name(copy)));
    progress.report(1, 2);
    let made = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let metadata = vec![
        (MARK.to_owned(), VERSION.to_owned()),
        (SOURCE_SIZE.to_owned(), source_stamp.size.to_string()),
        (SOURCE_MTIME.to_owned(), source_stamp.mtime_ns.to_string()),
        (MADE.to_owned(), made.to_string()),
        (
            TEXT_COLUMNS.to_owned(),
            Value::from(options.text_columns.clone()).to_string(),
        ),
        (NOTES.to_owned(), notes_json(&raw.notes).to_string()),
    ];
    let mut frame = raw.frame;
    crate::export::write_atomically(copy, |_, handle| {
        ParquetWriter::new(handle)
            .with_compression(ParquetCompression::Lz4Raw)
            .with_key_value_metadata(Some(KeyValueMetadata::from_static(metadata)))
            .finish(&mut frame)
            .map(|_| ())
            .map_err(|source| crate::export::ExportError::Polars {
                file: copy.to_path_buf(),
                source,
            })
    })
    .map_err(|error| {
        let folder = copy
            .parent()
            .map_or_else(String::new, |p| p.display().to_string());
        refuse(tr!(
            "load-copy-write-failed",
            folder = folder,
            error = error.to_string()
        ))
    })?;
    progress.report(2, 2);
    Ok(copy.to_path_buf())
}

/// "Wrote the Parquet copy …": what the command line and the Data tab say
/// after [`make`].
pub fn made_message(source: &Path, copy: &Path) -> String {
    let size = |path: &Path| {
        let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
        crate::numbers::number(bytes as f64 / (1024.0 * 1024.0), 1)
    };
    tr!(
        "load-copy-made",
        copy = copy.display().to_string(),
        size = size(copy),
        source = size(source),
        file = display_name(source)
    )
}

/// The source file's identity as a copy records it.
#[derive(Debug, PartialEq, Eq)]
struct Source {
    size: u64,
    mtime_ns: u128,
}

impl Source {
    fn of(path: &Path) -> Option<Source> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime_ns = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some(Source {
            size: meta.len(),
            mtime_ns,
        })
    }
}

/// What a copy records about itself.
struct Stamp {
    source: Source,
    made: i64,
    text_columns: Vec<String>,
    notes: Vec<Phrase>,
}

/// The stamp of a copy made here; None for any other file (or a damaged one).
fn read_stamp(copy: &Path) -> Option<Stamp> {
    let handle = std::fs::File::open(copy).ok()?;
    let mut reader = ParquetReader::new(handle);
    let pairs = reader.get_metadata().ok()?.key_value_metadata.clone()?;
    let get = |key: &str| {
        pairs
            .iter()
            .find(|kv| kv.key == key)
            .and_then(|kv| kv.value.clone())
    };
    if get(MARK)? != VERSION {
        return None;
    }
    let text_columns: Vec<String> = serde_json::from_str(&get(TEXT_COLUMNS)?).ok()?;
    let notes = notes_from_json(&serde_json::from_str(&get(NOTES)?).ok()?);
    Some(Stamp {
        source: Source {
            size: get(SOURCE_SIZE)?.parse().ok()?,
            mtime_ns: get(SOURCE_MTIME)?.parse().ok()?,
        },
        made: get(MADE)?.parse().ok()?,
        text_columns,
        notes,
    })
}

fn sorted(names: &[String]) -> Vec<&str> {
    let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
    names.sort_unstable();
    names
}

/// Read notes as JSON: `[[key, [[name, text or number], ...]], ...]`; a note
/// that is not a plain catalogue message is kept as its current wording.
fn notes_json(notes: &[Phrase]) -> Value {
    let note = |phrase: &Phrase| match phrase {
        Phrase::Message { key, values } => {
            let values: Option<Vec<Value>> = values
                .iter()
                .map(|(name, arg)| match arg {
                    Arg::Text(text) => Some(json!([name, text])),
                    Arg::Number(number) => Some(json!([name, number])),
                    Arg::Phrase(_) => None,
                })
                .collect();
            match values {
                Some(values) => json!([key, values]),
                None => json!(phrase.text()),
            }
        }
        Phrase::Verbatim(text) => json!(text),
    };
    Value::Array(notes.iter().map(note).collect())
}

fn notes_from_json(value: &Value) -> Vec<Phrase> {
    let known = |name: &str| NOTE_NAMES.iter().copied().find(|n| *n == name);
    let note = |note: &Value| -> Option<Phrase> {
        if let Some(text) = note.as_str() {
            return Some(Phrase::Verbatim(text.to_owned()));
        }
        let key = known(note.get(0)?.as_str()?)?;
        let values = note
            .get(1)?
            .as_array()?
            .iter()
            .map(|pair| {
                let name = known(pair.get(0)?.as_str()?)?;
                let arg = match pair.get(1)? {
                    Value::String(text) => Arg::Text(text.clone()),
                    other => Arg::Number(other.as_f64()?),
                };
                Some((name, arg))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Phrase::Message { key, values })
    };
    value
        .as_array()
        .map(|notes| notes.iter().filter_map(note).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::write(path, text).unwrap();
    }

    fn options(text_columns: &[&str]) -> ReadOptions {
        ReadOptions {
            text_columns: text_columns.iter().map(|c| c.to_string()).collect(),
            ..ReadOptions::default()
        }
    }

    #[test]
    fn a_copy_keeps_the_frame_and_the_short_rows_note_and_is_fresh_until_touched() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("订单.csv");
        write(&source, "客户,数量,备注\n007,3,a\n008,4\n009,5,c\n");
        let read = options(&["客户"]);
        assert!(matches!(lookup(&source, &read), Lookup::Absent));
        let copy = make(&source, &read, &Progress::detached()).unwrap();
        assert_eq!(copy, dir.path().join("订单.csv.marketbench.parquet"));

        let text = read_raw(&source, &read).unwrap();
        assert!(matches!(lookup(&source, &read), Lookup::Fresh(ref p) if *p == copy));
        let cached = read_copy(&copy).unwrap();
        assert!(cached.frame.equals_missing(&text.frame));
        assert_eq!(
            cached.frame.column("客户").unwrap().str().unwrap().get(0),
            Some("007")
        );
        assert_eq!(cached.notes.len(), 2);
        assert!(cached.notes[0].text().contains("made on"));
        assert_eq!(cached.notes[1], text.notes[0]);

        // Other id columns as text: not this copy.
        assert!(matches!(
            lookup(&source, &options(&[])),
            Lookup::Unusable(_)
        ));
        // The source rewritten (same size, later time): stale.
        std::thread::sleep(std::time::Duration::from_millis(20));
        write(&source, "客户,数量,备注\n007,3,a\n008,4\n009,6,c\n");
        match lookup(&source, &read) {
            Lookup::Unusable(why) => assert!(why.text().contains("changed"), "{}", why.text()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_file_of_the_copy_name_not_made_here_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("orders.csv");
        write(&source, "a,b\n1,2\n");
        let theirs = copy_path(&source);
        write(&theirs, "someone's notes");
        let error = make(&source, &options(&[]), &Progress::detached()).unwrap_err();
        assert!(
            error.to_string().contains("orders.csv.marketbench.parquet"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "someone's notes");
        assert!(matches!(
            lookup(&source, &options(&[])),
            Lookup::Unusable(_)
        ));
    }

    #[test]
    fn a_folder_that_cannot_be_written_gives_a_clear_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("orders.csv");
        write(&source, "a,b\n1,2\n");
        let copy = dir
            .path()
            .join("gone")
            .join("orders.csv.marketbench.parquet");
        let error = make_at(&source, &copy, &options(&[]), &Progress::detached()).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("gone") && message.contains("still loads"),
            "{message}"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

//! Reading a file's bytes into a raw polars frame: format and encoding detection,
//! delimiter sniffing, Excel sheets. No roles, no cleaning: that is `load`.
//!
//! # Contract
//!
//! - **Format.** Binary formats are recognised by their magic bytes whatever the
//!   extension (`PAR1` Parquet; `PK\x03\x04` or `D0 CF 11 E0` Excel), so an
//!   `.xls` that is really a CSV export, or a `.csv` that is really a workbook,
//!   still reads. Otherwise the extension decides: `.csv .tsv .txt .tab`
//!   delimited text, `.json` a JSON array of records (or NDJSON when it holds
//!   several lines that each start with `{`), `.ndjson .jsonl` NDJSON. An unknown
//!   extension is read as JSON when the text starts with `[` or `{`, as delimited
//!   text when it clearly has two or more columns, and is
//!   `DataError::UnsupportedFormat` otherwise.
//! - **Encoding** (text formats): UTF-8 with or without a byte-order mark, else
//!   GBK/GB18030; see [`text`]. Plain UTF-8 files are read from disk piece by piece.
//! - **Header.** Names are trimmed; an empty name becomes `column_N` (1-based
//!   position); a repeated name becomes `name_2`, `name_3`, ... (Excel and CSV;
//!   Parquet and JSON names are unique by construction).
//! - **Types.** Polars infers them (10,000 rows for CSV); a column whose later
//!   values do not fit is read as String instead of failing. Numbers with
//!   thousands separators or currency symbols, and dates, stay String here: the
//!   load layer cleans them. `ReadOptions::text_columns` are always String.
//!   Excel columns are typed from their cells; see [`excel`].
//! - **Nested JSON** values (objects, arrays) are kept as polars reads them
//!   (Struct / List columns); the load layer only uses flat columns.
//! - **Rows.** `max_rows` limits the data rows read. A file without data rows is
//!   `DataError::Empty`.
//! - **Errors** name the file by its name (not its full path).

mod encoding;
mod excel;
mod json;
mod pieces;
mod records;
mod short_rows;
mod text;

use std::path::Path;

use polars::prelude::*;

use super::{DataError, FileFormat, TextEncoding};
use crate::i18n::Phrase;
use crate::tr;

/// A file as read, columns named as in its header (cleaned, see the module doc).
pub struct RawFile {
    /// The data, one column per header name.
    pub frame: DataFrame,
    /// The physical format found.
    pub format: FileFormat,
    /// The text encoding found; `Utf8` for binary formats.
    pub encoding: TextEncoding,
    /// What the load report should say about the reading (rows shorter than
    /// the header, a Western European decode).
    pub notes: Vec<Phrase>,
}

/// How to read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Excel: the sheet to read; None = the first.
    pub sheet: Option<String>,
    /// Read at most this many data rows (inspection); None = all.
    pub max_rows: Option<usize>,
    /// Columns to read as text whatever they look like (ids with leading zeros).
    pub text_columns: Vec<String>,
}

/// The format a file is read as, before reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Delimited,
    Parquet,
    Json,
    Ndjson,
    Excel,
}

/// Reads `path` into a raw frame (see the module doc for the contract).
pub fn read_raw(path: &Path, options: &ReadOptions) -> Result<RawFile, DataError> {
    let file = file_name(path);
    let io_error = |source| DataError::Io {
        file: file.clone(),
        source,
    };
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    // A pipe or a device would block the second open (or never end): refused.
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if !metadata.is_file() {
        return Err(DataError::Parse {
            file,
            message: if metadata.is_dir() {
                tr!("read-folder")
            } else {
                tr!("read-not-regular-file")
            },
        });
    }
    let magic = read_magic(path).map_err(io_error)?;
    let kind = match kind_from_magic(&magic) {
        Some(kind) => kind,
        None => match extension.as_str() {
            "csv" | "tsv" | "txt" | "tab" | "xls" | "xlsx" | "xlsm" => Kind::Delimited,
            "json" => Kind::Json,
            "ndjson" | "jsonl" => Kind::Ndjson,
            _ => Kind::Delimited,
        },
    };
    let known_extension = matches!(
        extension.as_str(),
        "csv" | "tsv" | "txt" | "tab" | "json" | "ndjson" | "jsonl" | "parquet" | "pq"
    );
    match kind {
        Kind::Parquet => read_parquet(path, &file, options),
        Kind::Excel => excel::read_excel(path, &file, options),
        Kind::Delimited | Kind::Json | Kind::Ndjson => {
            // A look at the first rows of a delimited file needs only its start.
            let sampling = options.max_rows.is_some() && kind == Kind::Delimited && known_extension;
            if kind == Kind::Delimited && known_extension && !sampling {
                let sample = read_whole_lines(path, SAMPLE_BYTES).map_err(io_error)?;
                if let Some(read) = text::read_plain_file(path, &sample, &file, options)? {
                    return finish(read.frame, read.format, TextEncoding::Utf8, &file)
                        .map(|raw| raw.with_notes(read.notes));
                }
            }
            let buf = if sampling {
                read_whole_lines(path, SAMPLE_BYTES)
            } else {
                std::fs::read(path)
            }
            .map_err(io_error)?;
            let text = encoding::decode(buf, &file)?;
            let kind = match kind {
                Kind::Json => json::json_or_ndjson(text.bytes()),
                Kind::Delimited if !known_extension => {
                    match text.bytes().iter().find(|b| !b.is_ascii_whitespace()) {
                        Some(b'[') => Kind::Json,
                        Some(b'{') => json::json_or_ndjson(text.bytes()),
                        _ if text::looks_delimited(text.bytes()) => Kind::Delimited,
                        _ => {
                            return Err(DataError::UnsupportedFormat {
                                file,
                                extension: if extension.is_empty() {
                                    "(none)".to_owned()
                                } else {
                                    extension
                                },
                            });
                        }
                    }
                }
                other => other,
            };
            let read = match kind {
                Kind::Json | Kind::Ndjson => {
                    let (frame, format) =
                        json::read_json(&text, kind == Kind::Ndjson, &file, options)?;
                    text::TextTable {
                        frame,
                        format,
                        notes: Vec::new(),
                    }
                }
                _ => text::read_delimited(&text, &file, options)?,
            };
            let mut notes = encoding::note(text.encoding)
                .into_iter()
                .collect::<Vec<_>>();
            notes.extend(read.notes);
            finish(read.frame, read.format, text.encoding, &file).map(|raw| raw.with_notes(notes))
        }
    }
}

/// Checks the frame has rows and wraps it.
fn finish(
    frame: DataFrame,
    format: FileFormat,
    encoding: TextEncoding,
    file: &str,
) -> Result<RawFile, DataError> {
    if frame.height() == 0 {
        return Err(DataError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(RawFile {
        frame,
        format,
        encoding,
        notes: Vec::new(),
    })
}

impl RawFile {
    fn with_notes(self, notes: Vec<Phrase>) -> RawFile {
        RawFile { notes, ..self }
    }
}

/// The file's name for messages (not its full path).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Bytes read when only the first rows of a delimited file are wanted: room for
/// `max_rows` rows of several kilobytes each.
const SAMPLE_BYTES: u64 = 8 * 1024 * 1024;

/// At most `limit` bytes from the start of the file, cut after the last line break
/// when the file is longer (a line break byte never occurs inside a UTF-8 or
/// GB18030 character, so no character is cut).
fn read_whole_lines(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut buf)?;
    if buf.len() as u64 > limit
        && let Some(end) = buf.iter().rposition(|&b| b == b'\n')
    {
        buf.truncate(end + 1);
    }
    Ok(buf)
}

/// The first bytes of the file.
fn read_magic(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut magic = Vec::with_capacity(8);
    std::fs::File::open(path)?.take(8).read_to_end(&mut magic)?;
    Ok(magic)
}

/// The binary formats, by their first bytes.
fn kind_from_magic(magic: &[u8]) -> Option<Kind> {
    if magic.starts_with(b"PAR1") {
        Some(Kind::Parquet)
    } else if magic.starts_with(b"PK\x03\x04") || magic.starts_with(b"\xD0\xCF\x11\xE0") {
        Some(Kind::Excel)
    } else {
        None
    }
}

/// Header cleanup: trimmed names; empty → `column_N` (1-based); repeated →
/// `name_2`, `name_3`, ... (skipping names already taken).
fn clean_names(raw: Vec<String>) -> Vec<String> {
    let trimmed: Vec<String> = raw
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let name = name.trim();
            if name.is_empty() {
                format!("column_{}", i + 1)
            } else {
                name.to_owned()
            }
        })
        .collect();
    // Names in the file are reserved so that a generated `name_2` never takes
    // the place of a real column called `name_2`.
    // Each repeated name remembers its next suffix, so n copies of a name cost
    // O(n) tries in all, not O(n²).
    let mut taken: std::collections::HashSet<String> = trimmed.iter().cloned().collect();
    let mut next_suffix: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    let mut out = Vec::with_capacity(trimmed.len());
    for name in trimmed {
        let Some(n) = next_suffix.get_mut(&name) else {
            next_suffix.insert(name.clone(), 2);
            out.push(name);
            continue;
        };
        while taken.contains(&format!("{name}_{n}")) {
            *n += 1;
        }
        let renamed = format!("{name}_{n}");
        *n += 1;
        taken.insert(renamed.clone());
        out.push(renamed);
    }
    out
}

/// Positions of `wanted` among `names` (a name matches after trimming);
/// `UnknownColumn` for a name that is not there.
fn string_column_indices(
    names: &[String],
    wanted: &[String],
    file: &str,
) -> Result<Vec<usize>, DataError> {
    wanted
        .iter()
        .map(|w| {
            names
                .iter()
                .position(|n| n == w.trim())
                .ok_or_else(|| unknown_column(file, w, names))
        })
        .collect()
}

fn unknown_column(file: &str, column: &str, names: &[String]) -> DataError {
    DataError::UnknownColumn {
        file: file.to_owned(),
        column: column.to_owned(),
        available: names.join(", "),
    }
}

/// Casts `text_columns` of an already typed frame (Parquet, JSON) to String.
fn cast_text_columns(
    frame: &mut DataFrame,
    text_columns: &[String],
    file: &str,
) -> Result<(), DataError> {
    let names: Vec<String> = frame
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    for index in string_column_indices(&names, text_columns, file)? {
        let name = names[index].as_str();
        let cast = frame
            .column(name)
            .and_then(|c| c.cast(&DataType::String))
            .and_then(|c| frame.replace(name, c).map(|_| ()));
        cast.map_err(|source| DataError::Polars {
            file: file.to_owned(),
            context: tr!("context-column-as-text", column = name),
            source,
        })?;
    }
    Ok(())
}

/// Parquet through polars' reader (memory-mapped), at most `max_rows` rows.
fn read_parquet(path: &Path, file: &str, options: &ReadOptions) -> Result<RawFile, DataError> {
    let handle = std::fs::File::open(path).map_err(|source| DataError::Io {
        file: file.to_owned(),
        source,
    })?;
    let mut frame = ParquetReader::new(handle)
        .with_slice(options.max_rows.map(|n| (0, n)))
        .finish()
        .map_err(|source| DataError::Polars {
            file: file.to_owned(),
            context: tr!("context-read-parquet"),
            source,
        })?;
    cast_text_columns(&mut frame, &options.text_columns, file)?;
    finish(frame, FileFormat::Parquet, TextEncoding::Utf8, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_filled_and_deduplicated() {
        let raw = [" id ", "", "amount", "amount", "amount_2", "amount"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            clean_names(raw),
            vec![
                "id", "column_2", "amount", "amount_3", "amount_2", "amount_4"
            ]
        );
    }

    #[test]
    fn twenty_thousand_copies_of_a_name_get_every_suffix_once() {
        let mut raw = vec!["a".to_string(); 20_000];
        raw.push("a_7".into());
        let names = clean_names(raw);
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(names[1], "a_2");
        // a_7 is a real column: the copies skip it.
        assert_eq!(names[6], "a_8");
        assert_eq!(names[19_999], "a_20001");
        assert_eq!(names[20_000], "a_7");
    }
}

//! Delimited text files (CSV, TSV, pipes, runs of spaces); the encoding is
//! found first (`encoding`).
//!
//! Delimiter: the first 50 records are split (quote-aware) with `,` `\t` `;` `|`;
//! the candidate giving every record the same number of fields, more than one,
//! wins (most fields first, then that order). Failing that, runs of two or more
//! blanks, then of one or more, are tried (fixed-width-like exports); those files
//! are rewritten in memory with one separator byte between fields.
//!
//! Reading: polars parses the text in pieces of whole records (see [`Pieces`]), so
//! a plain UTF-8 file is read from disk a piece at a time and never held in memory
//! beside the frame it becomes.
//!
//! Types: polars infers them from the first 10,000 rows. When a later value does
//! not fit, the offending column is read again as String (repeatedly, then all
//! columns as String). `text_columns` are always String. Dates are not parsed
//! here and empty fields are null.
//!
//! Lines with more fields than the header, and quotes that never close, fail with
//! a `Parse` error naming the line. Lines with fewer fields are read with nulls in
//! the missing trailing columns (some exports drop trailing empty fields).

use std::io::{Cursor, Read};
use std::path::Path;

use polars::prelude::*;

use super::encoding::{Utf8Text, utf16_order};
use super::pieces::Pieces;
use super::records::{Delim, Records, collapse_spaces, unquote};
use super::short_rows::ShortRows;
use super::{ReadOptions, clean_names, string_column_indices};
use crate::data::{DataError, FileFormat};
use crate::i18n::Phrase;
use crate::numbers::count;
use crate::tr;

/// Records looked at to choose the delimiter.
const SNIFF_RECORDS: usize = 50;
/// Bytes looked at to choose the delimiter.
const SNIFF_BYTES: usize = 1 << 20;
/// Bytes of text polars parses at a time (see [`Pieces`]).
const PIECE_BYTES: usize = 64 << 20;
/// Rows polars uses to infer column types.
const INFER_ROWS: usize = 10_000;
/// The separator written between fields of a space-separated file.
const COLLAPSED_SEP: u8 = 0x1f;

/// Field counts of the first non-blank records; `None` when a quote in the
/// sample never closes before the end of the file.
fn sample_counts(bytes: &[u8], delim: Delim) -> Option<Vec<usize>> {
    let truncated = bytes.len() > SNIFF_BYTES;
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let mut counts = Vec::new();
    for record in Records::new(sample, delim) {
        match record {
            Ok(record) if record.is_blank() => {}
            Ok(record) => counts.push(record.fields.len()),
            // The sample cut a quoted field: judge on what came before.
            Err(_) if truncated => break,
            Err(_) => return None,
        }
        if counts.len() >= SNIFF_RECORDS {
            break;
        }
    }
    // The last record of a cut sample may be incomplete.
    if truncated && counts.len() < SNIFF_RECORDS {
        counts.pop();
    }
    Some(counts)
}

/// Chooses the delimiter from the first records (see the module doc).
pub(super) fn sniff_delimiter(bytes: &[u8]) -> Delim {
    const BYTES: [u8; 4] = [b',', b'\t', b';', b'|'];
    let consistent = |counts: &[usize]| -> Option<usize> {
        let first = *counts.first()?;
        (first > 1 && counts.iter().all(|&c| c == first)).then_some(first)
    };
    let mut best: Option<(usize, Delim)> = None;
    for b in BYTES {
        if let Some(n) = sample_counts(bytes, Delim::Byte(b)).and_then(|c| consistent(&c))
            && best.is_none_or(|(m, _)| n > m)
        {
            best = Some((n, Delim::Byte(b)));
        }
    }
    if let Some((_, delim)) = best {
        return delim;
    }
    for min_run in [2, 1] {
        let delim = Delim::Spaces { min_run };
        if sample_counts(bytes, delim).is_some_and(|c| consistent(&c).is_some()) {
            return delim;
        }
    }
    // Ragged or single-column: the byte candidate whose header splits and whose
    // records most often agree with it; the read then reports the odd line.
    let mut fallback = (0usize, Delim::Byte(b','));
    for b in BYTES {
        if let Some(counts) = sample_counts(bytes, Delim::Byte(b))
            && let Some(&header) = counts.first()
            && header > 1
        {
            let agree = counts.iter().filter(|&&c| c == header).count();
            if agree > fallback.0 {
                fallback = (agree, Delim::Byte(b));
            }
        }
    }
    fallback.1
}

/// True when `bytes` look like delimited text with at least two columns and two
/// records (used for files whose extension says nothing).
pub(super) fn looks_delimited(bytes: &[u8]) -> bool {
    if bytes.iter().take(SNIFF_BYTES).any(|&b| b == 0) {
        return false;
    }
    let delim = sniff_delimiter(bytes);
    sample_counts(bytes, delim)
        .is_some_and(|c| c.len() >= 2 && c[0] > 1 && c.iter().all(|&n| n == c[0]))
}

/// The first non-blank record (the header) and the number of lines up to its end.
fn header(bytes: &[u8], delim: Delim) -> Option<(usize, Vec<String>)> {
    let mut records = Records::new(bytes, delim);
    loop {
        let record = records.next()?.ok()?;
        if !record.is_blank() {
            let names = record.fields.iter().map(|f| unquote(f)).collect();
            return Some((records.lines_consumed(), names));
        }
    }
}

/// A `Parse` error pointing at the first record that does not match the header
/// (or at a quote that never closes); `fallback` when every record looks fine.
fn locate_problem(bytes: &[u8], delim: Delim, file: &str, fallback: &str) -> DataError {
    let how = tr!("read-delimiter-used", delimiter = delim.describe());
    let mut header_fields = None;
    let mut message = None;
    for record in Records::new(bytes, delim) {
        match record {
            Err(unclosed) => {
                message = Some(tr!(
                    "read-unclosed-quote",
                    line = unclosed.line.to_string(),
                    how = how.as_str()
                ));
                break;
            }
            Ok(record) if record.is_blank() => {}
            Ok(record) => match header_fields {
                None => header_fields = Some(record.fields.len()),
                Some(expected) if record.fields.len() > expected => {
                    message = Some(tr!(
                        "read-too-many-fields",
                        line = record.line.to_string(),
                        found = count(record.fields.len()),
                        expected = count(expected),
                        how = how.as_str()
                    ));
                    break;
                }
                Some(_) => {}
            },
        }
    }
    DataError::Parse {
        file: file.to_owned(),
        message: message.unwrap_or_else(|| {
            tr!(
                "read-table-unreadable",
                problem = fallback,
                how = how.as_str()
            )
        }),
    }
}

/// Reads delimited UTF-8 text.
pub(super) fn read_delimited(
    text: &Utf8Text,
    file: &str,
    options: &ReadOptions,
) -> Result<TextTable, DataError> {
    read_delimited_in_pieces(text, file, options, PIECE_BYTES)
}

/// `read_delimited` with polars parsing `piece_bytes` of text at a time.
fn read_delimited_in_pieces(
    text: &Utf8Text,
    file: &str,
    options: &ReadOptions,
    piece_bytes: usize,
) -> Result<TextTable, DataError> {
    let bytes = text.bytes();
    let delim = sniff_delimiter(bytes);
    let collapsed;
    let (data, separator, format_delimiter) = match delim {
        Delim::Byte(b) => (bytes, b, b),
        Delim::Spaces { min_run } => {
            collapsed = collapse_spaces(bytes, min_run, COLLAPSED_SEP);
            (collapsed.as_slice(), COLLAPSED_SEP, b' ')
        }
    };
    let data_delim = Delim::Byte(separator);
    let Some((header_lines, raw_names)) = header(data, data_delim) else {
        return Err(match Records::new(data, data_delim).next() {
            Some(Err(_)) => locate_problem(data, data_delim, file, &tr!("read-header-unreadable")),
            _ => DataError::Empty {
                file: file.to_owned(),
            },
        });
    };
    let names = clean_names(raw_names);
    let as_string = string_column_indices(&names, &options.text_columns, file)?;
    let read = ColumnsRead {
        separator,
        header_lines,
        width: names.len(),
        max_rows: options.max_rows,
        piece_bytes,
    };
    let (frame, short) = read
        .with_retries(Input::Bytes(data), as_string)
        .map_err(|first_line| locate_problem(data, data_delim, file, &first_line))?;
    if frame.height() == 0 {
        return Err(DataError::Empty {
            file: file.to_owned(),
        });
    }
    if frame.width() != names.len() {
        return Err(locate_problem(
            data,
            data_delim,
            file,
            &tr!(
                "read-header-width",
                header = count(names.len()),
                rows = count(frame.width())
            ),
        ));
    }
    let mut frame = frame;
    frame
        .set_column_names(&names)
        .map_err(|source| DataError::Polars {
            file: file.to_owned(),
            context: tr!("context-name-columns"),
            source,
        })?;
    Ok(TextTable {
        frame,
        format: FileFormat::Csv {
            delimiter: format_delimiter,
        },
        notes: short.note().into_iter().collect(),
    })
}

/// A delimited text read: the frame, its format and what the load report
/// should say about the rows (short rows).
pub(super) struct TextTable {
    pub frame: DataFrame,
    pub format: FileFormat,
    pub notes: Vec<Phrase>,
}

/// Where polars reads the data from.
#[derive(Clone, Copy)]
enum Input<'a> {
    Bytes(&'a [u8]),
    /// A plain UTF-8 file, read from disk piece by piece.
    File(&'a Path),
}

impl Input<'_> {
    fn reader(&self) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(match self {
            Input::Bytes(data) => Box::new(Cursor::new(*data)),
            Input::File(path) => Box::new(std::fs::File::open(path)?),
        })
    }
}

/// The shape of one polars read.
struct ColumnsRead {
    separator: u8,
    header_lines: usize,
    width: usize,
    max_rows: Option<usize>,
    /// Bytes of text polars parses at a time.
    piece_bytes: usize,
}

impl ColumnsRead {
    /// Reads with polars' type inference; when a later value does not fit its
    /// inferred type, reads that column (then all columns) as String instead.
    /// Fails with the first line of polars' message.
    fn with_retries(
        &self,
        input: Input<'_>,
        mut as_string: Vec<usize>,
    ) -> Result<(DataFrame, ShortRows), String> {
        let mut all_string = false;
        loop {
            match self.read_pieces(input, &as_string, all_string) {
                Ok(frame) => return Ok(frame),
                Err(e) => {
                    let message = e.to_string();
                    if let Some(index) = failing_column(&message)
                        && index < self.width
                        && !as_string.contains(&index)
                    {
                        as_string.push(index);
                    } else if !all_string && message.contains("could not parse") {
                        all_string = true;
                    } else {
                        return Err(message.lines().next().unwrap_or_default().to_owned());
                    }
                }
            }
        }
    }

    /// One read of the whole input, a piece at a time: the first piece's
    /// column types hold for the rest (a value that does not fit fails the read).
    /// Rows shorter than the header are counted on the way.
    fn read_pieces(
        &self,
        input: Input<'_>,
        as_string: &[usize],
        all_string: bool,
    ) -> PolarsResult<(DataFrame, ShortRows)> {
        let mut pieces = Pieces::new(input.reader()?, self.separator, self.piece_bytes);
        let mut short = ShortRows::new(self.separator, self.width, self.header_lines);
        let mut frame: Option<DataFrame> = None;
        while let Some(piece) = pieces.next_piece()? {
            let rows_left = match (self.max_rows, &frame) {
                (Some(max), Some(f)) => Some(max.saturating_sub(f.height())),
                (max, _) => max,
            };
            if rows_left == Some(0) {
                break;
            }
            // The short-row count runs beside polars' parse of the same piece.
            let schema = frame.as_ref().map(|f| f.schema().clone());
            let (part, ()) = rayon::join(
                || self.read_piece(piece, schema, as_string, all_string, rows_left),
                || short.scan(piece),
            );
            let mut part = part?;
            // One chunk per piece (polars reads a piece in dozens). The pieces'
            // chunks are not merged here: merging copies the whole frame at the
            // end of the read, its peak (1,615 MB against 1,270 MB on 500 MB of
            // text). The load merges each column as it builds the table
            // (`load::assemble`), one column at a time.
            part.rechunk_mut();
            match &mut frame {
                None => frame = Some(part),
                Some(frame) if part.height() > 0 => {
                    frame.vstack_mut_owned(part)?;
                }
                Some(_) => {}
            }
        }
        Ok((frame.unwrap_or_default(), short))
    }

    /// One polars read of one piece: the first (with the header lines, types
    /// inferred) or a later one (typed by `schema`). Columns are named `column_N`
    /// by polars; the caller renames.
    fn read_piece(
        &self,
        piece: &[u8],
        schema: Option<SchemaRef>,
        as_string: &[usize],
        all_string: bool,
        max_rows: Option<usize>,
    ) -> PolarsResult<DataFrame> {
        let first = schema.is_none();
        let overwrite: Schema = as_string
            .iter()
            .filter(|&&i| i < self.width)
            .map(|&i| Field::new(format!("column_{}", i + 1).into(), DataType::String))
            .collect();
        let infer = if all_string { 0 } else { INFER_ROWS };
        CsvReadOptions::default()
            .with_has_header(false)
            .with_skip_lines(if first { self.header_lines } else { 0 })
            .with_n_rows(max_rows)
            .with_infer_schema_length(Some(infer))
            .with_schema_overwrite(first.then(|| Arc::new(overwrite)))
            .with_schema(schema)
            .with_raise_if_empty(false)
            .map_parse_options(|p| {
                p.with_separator(self.separator)
                    .with_quote_char(Some(b'"'))
                    .with_missing_is_null(true)
            })
            .into_reader_with_file_handle(Cursor::new(piece))
            .finish()
    }
}

/// The fast path for the common big file: plain UTF-8 (no byte-order mark) with a
/// one-byte delimiter, read from the file piece by piece (the whole text is never
/// in memory). `sample` is the start of the file, cut at a line break.
/// Returns None whenever the general path must decide (another encoding, spaces
/// as delimiter, any read problem): it then reads the file again and reports the
/// problem with its line.
pub(super) fn read_plain_file(
    path: &Path,
    sample: &[u8],
    file: &str,
    options: &ReadOptions,
) -> Result<Option<TextTable>, DataError> {
    if sample.starts_with(b"\xEF\xBB\xBF")
        || std::str::from_utf8(sample).is_err()
        || utf16_order(sample).is_some()
    {
        return Ok(None);
    }
    let Delim::Byte(separator) = sniff_delimiter(sample) else {
        return Ok(None);
    };
    let Some((header_lines, raw_names)) = header(sample, Delim::Byte(separator)) else {
        return Ok(None);
    };
    let names = clean_names(raw_names);
    let as_string = string_column_indices(&names, &options.text_columns, file)?;
    let read = ColumnsRead {
        separator,
        header_lines,
        width: names.len(),
        max_rows: options.max_rows,
        piece_bytes: PIECE_BYTES,
    };
    let Ok((mut frame, short)) = read.with_retries(Input::File(path), as_string) else {
        return Ok(None);
    };
    if frame.height() == 0
        || frame.width() != names.len()
        || frame.set_column_names(&names).is_err()
    {
        return Ok(None);
    }
    Ok(Some(TextTable {
        frame,
        format: FileFormat::Csv {
            delimiter: separator,
        },
        notes: short.note().into_iter().collect(),
    }))
}

/// The 0-based column of a polars "could not parse ... (column number N)" error.
fn failing_column(message: &str) -> Option<usize> {
    let rest = message.split("(column number ").nth(1)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<usize>().ok()?.checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::super::encoding::decode;
    use super::*;

    fn utf8(text: &str) -> Utf8Text {
        decode(text.as_bytes().to_vec(), "test.csv").unwrap()
    }

    fn read(text: &str, piece_bytes: usize, max_rows: Option<usize>) -> DataFrame {
        let options = ReadOptions {
            max_rows,
            ..ReadOptions::default()
        };
        read_delimited_in_pieces(&utf8(text), "test.csv", &options, piece_bytes)
            .unwrap()
            .frame
    }

    fn lines(rows: usize, odd_row: Option<usize>) -> String {
        let mut text = String::from("订单号,商品,数量\n");
        for i in 0..rows {
            let quantity = if Some(i) == odd_row {
                "a few".to_owned()
            } else {
                (i % 7).to_string()
            };
            text.push_str(&format!("{i},\"连衣裙, 第{i}款\n(新)\",{quantity}\n"));
        }
        text
    }

    #[test]
    fn small_pieces_read_the_same_frame_as_one_piece() {
        let text = lines(3_000, None);
        let whole = read(&text, PIECE_BYTES, None);
        let pieces = read(&text, 500, None);
        assert_eq!(whole.height(), 3_000);
        assert!(whole.equals_missing(&pieces));
        assert_eq!(whole.column("数量").unwrap().dtype(), &DataType::Int64);
        let names = pieces.column("商品").unwrap();
        assert_eq!(
            names.str().unwrap().get(2999),
            Some("连衣裙, 第2999款\n(新)")
        );
        assert_eq!(read(&text, 500, Some(1_234)).height(), 1_234);
        // One chunk per piece, the same in every column: the load merges them a
        // column at a time (`load::assemble`), not the read.
        let chunks = pieces.columns()[0].n_chunks();
        assert!(chunks > 10, "{chunks} chunks from pieces of 500 bytes");
        for column in pieces.columns() {
            assert_eq!(column.n_chunks(), chunks, "{}", column.name());
        }
    }

    #[test]
    fn a_value_in_a_later_piece_that_does_not_fit_reads_the_column_as_text() {
        let text = lines(3_000, Some(2_500));
        let frame = read(&text, 500, None);
        let quantity = frame.column("数量").unwrap();
        assert_eq!(quantity.dtype(), &DataType::String);
        assert_eq!(quantity.str().unwrap().get(2_500), Some("a few"));
        assert_eq!(
            quantity.str().unwrap().get(2_499),
            Some(&*(2_499 % 7).to_string())
        );
    }
}

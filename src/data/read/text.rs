//! Text files: encoding detection and delimited text (CSV, TSV, pipes, runs of
//! spaces).
//!
//! Encoding: a UTF-8 byte-order mark is stripped (`Utf8Bom`); UTF-16 (a byte-order
//! mark, or the zero bytes ASCII leaves at every other position: Excel's
//! "Unicode text") is decoded (`Utf16Le`, `Utf16Be`); otherwise the whole
//! buffer is validated as UTF-8 (`Utf8`) and handed to polars without a copy;
//! anything that is not UTF-8 is decoded as GB18030 (a superset of GBK) into a new
//! UTF-8 buffer (`Gb18030`). Bytes that are neither fail with a `Parse` error:
//! nothing is ever decoded with replacement characters.
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

use super::pieces::Pieces;
use super::records::{Delim, Records, collapse_spaces, unquote};
use super::{ReadOptions, clean_names, string_column_indices};
use crate::data::{DataError, FileFormat, TextEncoding};

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

/// Text as UTF-8 bytes, with the encoding it was found in.
pub(super) struct Utf8Text {
    buf: Vec<u8>,
    /// Where the text starts in `buf` (3 after a byte-order mark).
    start: usize,
    pub encoding: TextEncoding,
}

impl Utf8Text {
    pub fn bytes(&self) -> &[u8] {
        &self.buf[self.start..]
    }
}

/// Detects the encoding of `buf` and returns it as UTF-8.
pub(super) fn decode(buf: Vec<u8>, file: &str) -> Result<Utf8Text, DataError> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if buf.starts_with(BOM) {
        if let Err(e) = std::str::from_utf8(&buf[BOM.len()..]) {
            let offset = BOM.len() + e.valid_up_to();
            return Err(DataError::Parse {
                file: file.to_owned(),
                message: format!(
                    "the file starts like UTF-8 but line {} is not valid UTF-8. Save it again as UTF-8 (or as GBK without the byte-order mark).",
                    line_of_offset(&buf, offset)
                ),
            });
        }
        return Ok(Utf8Text {
            buf,
            start: BOM.len(),
            encoding: TextEncoding::Utf8Bom,
        });
    }
    if let Some((encoding, bom, found)) = utf16_order(&buf) {
        // ASCII written as UTF-16 is valid UTF-8 full of NUL bytes: checked first.
        return match encoding.decode_without_bom_handling_and_without_replacement(&buf[bom..]) {
            Some(text) => Ok(Utf8Text {
                buf: text.into_owned().into_bytes(),
                start: 0,
                encoding: found,
            }),
            None => Err(DataError::Parse {
                file: file.to_owned(),
                message: "the file is UTF-16 text (\"Unicode text\" in Excel) but holds bytes \
                          that are not valid UTF-16. Save it again as UTF-8."
                    .to_owned(),
            }),
        };
    }
    if std::str::from_utf8(&buf).is_ok() {
        return Ok(Utf8Text {
            buf,
            start: 0,
            encoding: TextEncoding::Utf8,
        });
    }
    let decoded = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(&buf)
        .map(|text| text.into_owned().into_bytes());
    match decoded {
        Some(utf8) => Ok(Utf8Text {
            buf: utf8,
            start: 0,
            encoding: TextEncoding::Gb18030,
        }),
        None => {
            let offset = first_bad_gb18030(&buf);
            Err(DataError::Parse {
                file: file.to_owned(),
                message: format!(
                    "the text is neither UTF-8 nor GBK/GB18030 (first bad byte on line {}). Save it again as UTF-8.",
                    line_of_offset(&buf, offset)
                ),
            })
        }
    }
}

/// The encoding, byte-order-mark length and name of UTF-16 text: from its
/// byte-order mark, or from the zero bytes ASCII characters leave at every
/// other position (at least a quarter of one side, almost none on the other;
/// UTF-8 and GBK text hold no zero bytes).
pub(super) fn utf16_order(
    bytes: &[u8],
) -> Option<(&'static encoding_rs::Encoding, usize, TextEncoding)> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some((encoding_rs::UTF_16LE, 2, TextEncoding::Utf16Le));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some((encoding_rs::UTF_16BE, 2, TextEncoding::Utf16Be));
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |skip: usize| {
        sample
            .iter()
            .skip(skip)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let many = |n: usize| n * 4 >= pairs;
    let few = |n: usize| n * 100 <= pairs;
    if many(odd) && few(even) {
        Some((encoding_rs::UTF_16LE, 0, TextEncoding::Utf16Le))
    } else if many(even) && few(odd) {
        Some((encoding_rs::UTF_16BE, 0, TextEncoding::Utf16Be))
    } else {
        None
    }
}

/// Where GB18030 decoding of `buf` first fails (0 when it does not), so the
/// error names the line of the bad bytes, not the first Chinese character.
fn first_bad_gb18030(buf: &[u8]) -> usize {
    use encoding_rs::DecoderResult;
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut scratch = vec![0u8; 64 * 1024];
    let mut offset = 0;
    loop {
        let (result, read, _) =
            decoder.decode_to_utf8_without_replacement(&buf[offset..], &mut scratch, true);
        offset += read;
        match result {
            DecoderResult::InputEmpty => return 0,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                return offset.saturating_sub(usize::from(bad) + usize::from(after));
            }
        }
    }
}

/// The 1-based line holding byte `offset`.
fn line_of_offset(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

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
    let how = format!("the file was read as {}-separated", delim.describe());
    let mut header_fields = None;
    let mut message = None;
    for record in Records::new(bytes, delim) {
        match record {
            Err(unclosed) => {
                message = Some(format!(
                    "a quote opened on line {line} is never closed. Check the quoting at line {line}; {how}.",
                    line = unclosed.line
                ));
                break;
            }
            Ok(record) if record.is_blank() => {}
            Ok(record) => match header_fields {
                None => header_fields = Some(record.fields.len()),
                Some(expected) if record.fields.len() > expected => {
                    message = Some(format!(
                        "line {line} has {found} fields but the header has {expected}. Check the delimiter or quoting at line {line}; {how}.",
                        line = record.line,
                        found = record.fields.len()
                    ));
                    break;
                }
                Some(_) => {}
            },
        }
    }
    DataError::Parse {
        file: file.to_owned(),
        message: message.unwrap_or_else(|| format!("{fallback} ({how}).")),
    }
}

/// Reads delimited UTF-8 text.
pub(super) fn read_delimited(
    text: &Utf8Text,
    file: &str,
    options: &ReadOptions,
) -> Result<(DataFrame, FileFormat), DataError> {
    read_delimited_in_pieces(text, file, options, PIECE_BYTES)
}

/// `read_delimited` with polars parsing `piece_bytes` of text at a time.
fn read_delimited_in_pieces(
    text: &Utf8Text,
    file: &str,
    options: &ReadOptions,
    piece_bytes: usize,
) -> Result<(DataFrame, FileFormat), DataError> {
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
            Some(Err(_)) => locate_problem(data, data_delim, file, "the header cannot be read"),
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
    let frame = read
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
            &format!(
                "the header has {} columns but the rows have {}",
                names.len(),
                frame.width()
            ),
        ));
    }
    let mut frame = frame;
    frame
        .set_column_names(&names)
        .map_err(|source| DataError::Polars {
            file: file.to_owned(),
            context: "naming the columns".to_owned(),
            source,
        })?;
    Ok((
        frame,
        FileFormat::Csv {
            delimiter: format_delimiter,
        },
    ))
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
    ) -> Result<DataFrame, String> {
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
    fn read_pieces(
        &self,
        input: Input<'_>,
        as_string: &[usize],
        all_string: bool,
    ) -> PolarsResult<DataFrame> {
        let mut pieces = Pieces::new(input.reader()?, self.separator, self.piece_bytes);
        let mut frame: Option<DataFrame> = None;
        while let Some(piece) = pieces.next_piece()? {
            let rows_left = match (self.max_rows, &frame) {
                (Some(max), Some(f)) => Some(max.saturating_sub(f.height())),
                (max, _) => max,
            };
            if rows_left == Some(0) {
                break;
            }
            let part = self.read_piece(
                piece,
                frame.as_ref().map(|f| f.schema().clone()),
                as_string,
                all_string,
                rows_left,
            )?;
            match &mut frame {
                None => frame = Some(part),
                Some(frame) if part.height() > 0 => {
                    frame.vstack_mut_owned(part)?;
                }
                Some(_) => {}
            }
        }
        Ok(frame.unwrap_or_default())
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
) -> Result<Option<(DataFrame, FileFormat)>, DataError> {
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
    let Ok(mut frame) = read.with_retries(Input::File(path), as_string) else {
        return Ok(None);
    };
    if frame.height() == 0
        || frame.width() != names.len()
        || frame.set_column_names(&names).is_err()
    {
        return Ok(None);
    }
    Ok(Some((
        frame,
        FileFormat::Csv {
            delimiter: separator,
        },
    )))
}

/// The 0-based column of a polars "could not parse ... (column number N)" error.
fn failing_column(message: &str) -> Option<usize> {
    let rest = message.split("(column number ").nth(1)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<usize>().ok()?.checked_sub(1)
}

#[cfg(test)]
mod tests {
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
            .0
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

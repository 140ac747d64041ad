//! JSON: an array of records, or newline-delimited records (NDJSON).
//!
//! Polars reads the UTF-8 text (after `encoding::decode`, so GBK JSON works too) and
//! infers the types from the values. Nested values (objects, arrays) stay Struct
//! and List columns as polars reads them. `max_rows` keeps the first records: for
//! NDJSON only those lines are parsed, a JSON array is parsed whole and then cut.
//! `text_columns` are cast to String after reading. A top-level value that is not
//! an array of objects is a `Parse` error. Text nested deeper than [`MAX_DEPTH`]
//! arrays and objects is refused before parsing (a `Parse` error naming the line):
//! the parser recurses per level, and a hostile file would overflow the stack.

use std::io::Cursor;
use std::num::NonZeroUsize;

use polars::prelude::*;

use super::encoding::Utf8Text;
use super::{Kind, ReadOptions, cast_text_columns};
use crate::data::{DataError, FileFormat};
use crate::numbers::count;
use crate::tr;

/// Records used to infer NDJSON types.
const INFER_RECORDS: usize = 10_000;

/// The deepest nesting of arrays and objects read: shop exports have records a
/// few levels deep; far deeper text is refused rather than parsed recursively.
pub const MAX_DEPTH: usize = 128;

/// The line and column (1-based) where `bytes` first nests deeper than `limit`
/// arrays and objects, brackets inside strings not counted; None when it never
/// does. One pass, no recursion.
fn too_deep(bytes: &[u8], limit: usize) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut line_start) = (0usize, 1, 0);
    let (mut in_string, mut escaped) = (false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limit {
                        return Some((line, i - line_start + 1));
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    None
}

/// For a `.json` file: NDJSON when it starts with `{` and its first lines are
/// each a whole object, else a JSON array.
pub(super) fn json_or_ndjson(bytes: &[u8]) -> Kind {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if start.is_none_or(|i| bytes[i] != b'{') {
        return Kind::Json;
    }
    let objects = bytes
        .split(|&b| b == b'\n')
        .map(<[u8]>::trim_ascii)
        .filter(|line| !line.is_empty())
        .take(3)
        .filter(|line| line.first() == Some(&b'{') && line.last() == Some(&b'}'))
        .count();
    if objects >= 2 {
        Kind::Ndjson
    } else {
        Kind::Json
    }
}

/// The first `n` non-empty lines of `bytes`.
fn first_lines(bytes: &[u8], n: usize) -> &[u8] {
    let mut seen = 0;
    let mut at_line_start = true;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            if !at_line_start {
                seen += 1;
                if seen == n {
                    return &bytes[..=i];
                }
            }
            at_line_start = true;
        } else if !b.is_ascii_whitespace() {
            at_line_start = false;
        }
    }
    bytes
}

/// Where JSON (`lines` false) or NDJSON text first breaks, as "line L, column
/// C: what"; None when serde_json reads it all.
fn locate_error(bytes: &[u8], lines: bool) -> Option<String> {
    let what = |e: &serde_json::Error| {
        let text = e.to_string();
        text.split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    if !lines {
        let e = serde_json::from_slice::<serde::de::IgnoredAny>(bytes).err()?;
        return Some(format!(
            "line {}, column {}: {}",
            e.line(),
            e.column(),
            what(&e)
        ));
    }
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let record = line.trim_ascii();
        if record.is_empty() {
            continue;
        }
        match serde_json::from_slice::<serde_json::Value>(record) {
            Ok(value) if value.is_object() => {}
            Ok(_) => return Some(format!("line {} is not an object", index + 1)),
            Err(e) => {
                return Some(format!(
                    "line {}, column {}: {}",
                    index + 1,
                    e.column(),
                    what(&e)
                ));
            }
        }
    }
    None
}

/// Reads JSON (`lines` false) or NDJSON text.
pub(super) fn read_json(
    text: &Utf8Text,
    lines: bool,
    file: &str,
    options: &ReadOptions,
) -> Result<(DataFrame, FileFormat), DataError> {
    let mut bytes = text.bytes();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DataError::Empty {
            file: file.to_owned(),
        });
    }
    if let Some((line, column)) = too_deep(bytes, MAX_DEPTH) {
        return Err(DataError::Parse {
            file: file.to_owned(),
            message: tr!(
                "read-json-too-deep",
                depth = count(MAX_DEPTH),
                line = line.to_string(),
                column = column.to_string()
            ),
        });
    }
    let (format, json_format) = if lines {
        if let Some(n) = options.max_rows {
            bytes = first_lines(bytes, n.max(1));
        }
        (FileFormat::Ndjson, JsonFormat::JsonLines)
    } else {
        (FileFormat::Json, JsonFormat::Json)
    };
    let read = JsonReader::new(Cursor::new(bytes))
        .with_json_format(json_format)
        .infer_schema_len(NonZeroUsize::new(INFER_RECORDS))
        .finish();
    let mut frame = read.map_err(|e| {
        let kind = if lines {
            tr!("read-json-lines")
        } else {
            tr!("read-json-array")
        };
        // Polars names an internal tape position; serde_json finds the line.
        let place = locate_error(bytes, lines)
            .unwrap_or_else(|| e.to_string().lines().next().unwrap_or_default().to_owned());
        DataError::Parse {
            file: file.to_owned(),
            message: tr!("read-json-unreadable", kind = kind, place = place),
        }
    })?;
    if let Some(n) = options.max_rows {
        frame = frame.head(Some(n));
    }
    cast_text_columns(&mut frame, &options.text_columns, file)?;
    Ok((frame, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings_and_names_the_place() {
        // Four levels: the array, the record, its list, the object in it.
        assert_eq!(too_deep(br#"[{"a": [1, {"b": 2}]}]"#, 4), None);
        assert_eq!(too_deep(br#"[{"a": [1, {"b": 2}]}]"#, 3), Some((1, 12)));
        assert_eq!(too_deep(br#"[{"a": [1, {"b": 2}]}]"#, 2), Some((1, 8)));
        // Brackets and escaped quotes inside strings are text.
        assert_eq!(too_deep(br#"[{"a": "[[[{{{\"[[["}]"#, 2), None);
        assert_eq!(too_deep(b"{\"a\": 1}\n{\"b\": [[1]]}\n", 2), Some((2, 8)));
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            too_deep(deep.as_bytes(), MAX_DEPTH),
            Some((1, MAX_DEPTH + 1))
        );
    }
}

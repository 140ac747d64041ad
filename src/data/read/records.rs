//! A small quote-aware splitter for delimited text, used to sniff the delimiter,
//! read the header, collapse runs of spaces and locate ragged lines. The bulk of
//! the data is parsed by polars; this only ever looks at a sample, except on the
//! error path (finding the offending line) and for space-separated exports.
//!
//! Quoting follows RFC 4180 as polars reads it: a field is quoted when it starts
//! with `"`; inside, `""` is a literal quote and newlines belong to the field.
//! A quote elsewhere in a field is an ordinary character.

use crate::tr;

/// How fields are separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Delim {
    /// One byte: `,` `;` `\t` `|`.
    Byte(u8),
    /// Runs of at least `min_run` spaces or tabs; leading and trailing blanks
    /// of a line are ignored.
    Spaces { min_run: usize },
}

impl Delim {
    /// How the delimiter is named in messages.
    pub(super) fn describe(self) -> String {
        match self {
            Delim::Byte(b'\t') => tr!("read-delimiter-tab"),
            Delim::Byte(b) => format!("'{}'", char::from(b)),
            Delim::Spaces { .. } => tr!("read-delimiter-space"),
        }
    }
}

/// One record: the 1-based line it starts on and its raw fields (quotes kept).
pub(super) struct Record<'a> {
    pub line: usize,
    pub fields: Vec<&'a [u8]>,
}

impl Record<'_> {
    /// True for an empty line (polars skips those).
    pub fn is_blank(&self) -> bool {
        self.fields.len() == 1 && self.fields[0].iter().all(|b| b.is_ascii_whitespace())
    }
}

/// A record whose opening quote is never closed, starting at `line`.
pub(super) struct Unclosed {
    pub line: usize,
}

/// Iterates over the records of `bytes`.
pub(super) struct Records<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    delim: Delim,
}

impl<'a> Records<'a> {
    pub fn new(bytes: &'a [u8], delim: Delim) -> Self {
        Records {
            bytes,
            pos: 0,
            line: 1,
            delim,
        }
    }

    /// Lines fully consumed so far (the records returned end on them).
    pub fn lines_consumed(&self) -> usize {
        if self.pos >= self.bytes.len() && self.bytes.last() != Some(&b'\n') {
            self.line
        } else {
            self.line - 1
        }
    }

    fn blank_at(&self, pos: usize) -> bool {
        matches!(self.bytes.get(pos), Some(b' ' | b'\t'))
    }

    /// Length of the run of blanks at `pos`.
    fn blank_run(&self, pos: usize) -> usize {
        self.bytes[pos..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count()
    }

    fn is_delim_at(&self, pos: usize) -> bool {
        match self.delim {
            Delim::Byte(d) => self.bytes[pos] == d,
            Delim::Spaces { min_run } => {
                self.blank_at(pos) && {
                    let run = self.blank_run(pos);
                    // Trailing blanks are not a delimiter.
                    let after = pos + run;
                    run >= min_run && !matches!(self.bytes.get(after), None | Some(b'\n' | b'\r'))
                }
            }
        }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>, Unclosed>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.bytes;
        if self.pos >= bytes.len() {
            return None;
        }
        let line = self.line;
        let mut fields = Vec::new();
        if let Delim::Spaces { .. } = self.delim {
            self.pos += self.blank_run(self.pos);
        }
        loop {
            let start = self.pos;
            if bytes.get(self.pos) == Some(&b'"') {
                self.pos += 1;
                loop {
                    match bytes.get(self.pos) {
                        None => {
                            self.pos = bytes.len();
                            return Some(Err(Unclosed { line }));
                        }
                        Some(b'"') if bytes.get(self.pos + 1) == Some(&b'"') => self.pos += 2,
                        Some(b'"') => {
                            self.pos += 1;
                            break;
                        }
                        Some(b'\n') => {
                            self.line += 1;
                            self.pos += 1;
                        }
                        Some(_) => self.pos += 1,
                    }
                }
            }
            while self.pos < bytes.len() && bytes[self.pos] != b'\n' && !self.is_delim_at(self.pos)
            {
                self.pos += 1;
            }
            let mut end = self.pos;
            let at_line_end = self.pos >= bytes.len() || bytes[self.pos] == b'\n';
            if at_line_end {
                while end > start && bytes[end - 1] == b'\r' {
                    end -= 1;
                }
                if let Delim::Spaces { .. } = self.delim {
                    while end > start && matches!(bytes[end - 1], b' ' | b'\t') {
                        end -= 1;
                    }
                }
            }
            fields.push(&bytes[start..end]);
            if at_line_end {
                if self.pos < bytes.len() {
                    self.pos += 1;
                    self.line += 1;
                }
                return Some(Ok(Record { line, fields }));
            }
            self.pos += match self.delim {
                Delim::Byte(_) => 1,
                Delim::Spaces { .. } => self.blank_run(self.pos),
            };
        }
    }
}

/// A raw field as text: surrounding quotes removed, `""` unescaped.
pub(super) fn unquote(field: &[u8]) -> String {
    let text = String::from_utf8_lossy(field);
    match text.strip_prefix('"') {
        Some(inner) => {
            let inner = inner.strip_suffix('"').unwrap_or(inner);
            inner.replace("\"\"", "\"")
        }
        None => text.into_owned(),
    }
}

/// Rewrites space-separated text with `sep` between fields, one record per line,
/// quoted fields kept as they are. Blank lines stay (as empty lines) so that line
/// numbers still match the file.
pub(super) fn collapse_spaces(bytes: &[u8], min_run: usize, sep: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for record in Records::new(bytes, Delim::Spaces { min_run }) {
        // An unclosed quote swallows the rest of the file; keep it so that polars
        // reports it and we locate it.
        let fields = match record {
            Ok(record) => record.fields,
            Err(_) => break,
        };
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            out.extend_from_slice(field);
        }
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str, delim: Delim) -> Vec<usize> {
        Records::new(text.as_bytes(), delim)
            .map(|r| r.map(|r| r.fields.len()).unwrap_or(0))
            .collect()
    }

    #[test]
    fn quoted_delimiters_and_newlines_stay_in_the_field() {
        let text = "a,b\n\"x,y\",\"line\nbreak\"\r\n3,4";
        assert_eq!(counts(text, Delim::Byte(b',')), vec![2, 2, 2]);
        let records: Vec<_> = Records::new(text.as_bytes(), Delim::Byte(b','))
            .filter_map(Result::ok)
            .collect();
        assert_eq!(records[2].line, 4);
        assert_eq!(unquote(records[1].fields[0]), "x,y");
        assert_eq!(records[1].fields[1], b"\"line\nbreak\"");
    }

    #[test]
    fn runs_of_spaces_split_but_edges_do_not() {
        let text = "  id    name   amount  \n1  Ann Lee  3.5\n";
        assert_eq!(counts(text, Delim::Spaces { min_run: 2 }), vec![3, 3]);
        assert_eq!(counts(text, Delim::Spaces { min_run: 1 }), vec![3, 4]);
        let collapsed = collapse_spaces(text.as_bytes(), 2, 0x1f);
        assert_eq!(collapsed, b"id\x1fname\x1famount\n1\x1fAnn Lee\x1f3.5\n");
    }

    #[test]
    fn an_unclosed_quote_reports_its_line() {
        let text = "a,b\n1,2\n\"3,4\n5,6\n";
        let last = Records::new(text.as_bytes(), Delim::Byte(b',')).last();
        assert!(matches!(last, Some(Err(Unclosed { line: 3 }))));
    }
}

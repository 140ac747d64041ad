//! Rows of delimited text with fewer cells than the header. polars reads their
//! missing cells as empty; the load report says how many rows that was and where,
//! so a damaged export (a line cut short, a field lost to a stray delimiter) is
//! never padded in silence.
//!
//! Counted piece by piece as polars reads them ([`super::pieces`]). A piece
//! without quotes whose delimiters number exactly (width − 1) per line has no
//! short row and is checked with two byte counts; any other piece is split into
//! records ([`super::records`]) and each record's cells are counted.

use super::records::{Delim, Records};
use crate::i18n::Phrase;
use crate::numbers::count;
use crate::phrase;

/// Line numbers kept as examples.
const EXAMPLES: usize = 5;

/// Rows shorter than the header, over the pieces seen so far.
pub(super) struct ShortRows {
    separator: u8,
    width: usize,
    /// Lines before the piece being scanned (the header included).
    lines_before: usize,
    /// Lines the header takes at the start of the text.
    header_lines: usize,
    pub count: usize,
    /// 1-based lines of the first short rows.
    pub first_lines: Vec<usize>,
}

impl ShortRows {
    pub fn new(separator: u8, width: usize, header_lines: usize) -> Self {
        ShortRows {
            separator,
            width,
            lines_before: 0,
            header_lines,
            count: 0,
            first_lines: Vec::new(),
        }
    }

    /// Counts the short rows of the next piece (pieces in order, each made of
    /// whole records, the first one starting with the header).
    pub fn scan(&mut self, piece: &[u8]) {
        let counts = ByteCounts::of(piece, self.separator);
        let lines = counts.breaks + usize::from(!piece.is_empty() && !piece.ends_with(b"\n"));
        let expected = self.width.saturating_sub(1).saturating_mul(lines);
        if !(counts.quotes == 0 && counts.separators == expected) {
            self.scan_records(piece);
        }
        self.lines_before += counts.breaks;
    }

    fn scan_records(&mut self, piece: &[u8]) {
        for record in Records::new(piece, Delim::Byte(self.separator)) {
            let Ok(record) = record else {
                break;
            };
            let line = self.lines_before + record.line;
            if line <= self.header_lines || record.is_blank() || record.fields.len() >= self.width {
                continue;
            }
            self.count += 1;
            if self.first_lines.len() < EXAMPLES {
                self.first_lines.push(line);
            }
        }
    }

    /// The load-report note, None when every row is complete.
    pub fn note(&self) -> Option<Phrase> {
        if self.count == 0 {
            return None;
        }
        let lines: Vec<String> = self.first_lines.iter().map(usize::to_string).collect();
        Some(phrase!(
            "read-note-short-rows",
            count = count(self.count),
            n = self.count,
            width = self.width.to_string(),
            lines = lines.join(", ")
        ))
    }
}

/// Line breaks, separators and quotes of a piece, counted in one pass (three
/// passes cost a quarter of the read of a 500 MB file).
struct ByteCounts {
    breaks: usize,
    separators: usize,
    quotes: usize,
}

impl ByteCounts {
    fn of(bytes: &[u8], separator: u8) -> Self {
        // Counted in blocks of at most 255 bytes into u8 lanes, which the
        // compiler turns into wide compares; the lanes are summed per block.
        const BLOCK: usize = 255;
        let mut counts = ByteCounts {
            breaks: 0,
            separators: 0,
            quotes: 0,
        };
        for block in bytes.chunks(BLOCK) {
            let (mut breaks, mut separators, mut quotes) = (0u8, 0u8, 0u8);
            for &b in block {
                breaks += u8::from(b == b'\n');
                separators += u8::from(b == separator);
                quotes += u8::from(b == b'"');
            }
            counts.breaks += usize::from(breaks);
            counts.separators += usize::from(separators);
            counts.quotes += usize::from(quotes);
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short_lines(pieces: &[&str], width: usize) -> (usize, Vec<usize>) {
        let mut short = ShortRows::new(b',', width, 1);
        for piece in pieces {
            short.scan(piece.as_bytes());
        }
        (short.count, short.first_lines)
    }

    #[test]
    fn short_rows_are_counted_with_their_lines_across_pieces() {
        assert_eq!(
            short_lines(&["a,b,c\n1,2,3\n", "4,5,6\n7,8,9"], 3),
            (0, vec![])
        );
        // Line 3 lacks a cell, line 5 two; a quoted comma is not a delimiter, a
        // blank line is skipped as polars skips it.
        let (count, lines) = short_lines(&["a,b,c\n1,2,3\n4,5\n", "\"x,y\",1,2\n7\n\n8,9,0\n"], 3);
        assert_eq!((count, lines), (2, vec![3, 5]));
        // A quoted line break belongs to the field: the next record starts later.
        let (count, lines) = short_lines(&["a,b,c\n\"l1\nl2\",2,3\n1,2\n"], 3);
        assert_eq!((count, lines), (1, vec![4]));
    }

    #[test]
    fn one_pass_counts_match_byte_by_byte_counts_over_long_runs() {
        // Runs longer than a block (255) of each counted byte, and mixed text.
        let mut bytes = vec![b'\n'; 1_000];
        bytes.extend(std::iter::repeat_n(b';', 600));
        bytes.extend(std::iter::repeat_n(b'"', 300));
        bytes.extend("订单;\"a\"\n".repeat(97).bytes());
        let naive = |byte: u8| bytes.iter().filter(|&&b| b == byte).count();
        let counts = ByteCounts::of(&bytes, b';');
        assert_eq!(counts.breaks, naive(b'\n'));
        assert_eq!(counts.separators, naive(b';'));
        assert_eq!(counts.quotes, naive(b'"'));
        assert_eq!((counts.breaks, counts.separators), (1_097, 697));
    }

    #[test]
    fn the_note_gives_the_count_the_width_and_the_first_lines() {
        let mut short = ShortRows::new(b';', 2, 1);
        short.scan(b"a;b\n1\n2;3\n4\n");
        let note = short.note().expect("note");
        assert!(
            note.text().starts_with(
                "2 rows have fewer cells than the header's 2 columns (first on line 2, 4)"
            ),
            "{note}"
        );
    }
}

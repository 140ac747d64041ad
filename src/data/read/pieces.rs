//! Delimited text in pieces of whole records, so that a big file is never held in
//! memory beside the frame it becomes: polars parses one piece (64 MB of text when
//! read by `text`) at a time and the pieces' frames are stacked.
//!
//! A piece ends after the last complete record it holds. Records are found with the
//! quoting rule of [`super::records`]: a field that starts with `"` runs to the
//! closing quote (`""` inside is a literal quote, newlines belong to the field).
//! Pieces start at a record boundary, so the scan starts outside any quotes. A piece
//! without quotes ends at its last line break.

use std::io::Read;

/// Pieces of whole records from `reader`; each piece but the last ends with a
/// record's line break.
pub(super) struct Pieces<R> {
    reader: R,
    separator: u8,
    /// Bytes read for one piece (a longer record makes its piece longer).
    piece_bytes: usize,
    buf: Vec<u8>,
    /// Bytes at the start of `buf` handed out as the previous piece.
    consumed: usize,
    eof: bool,
}

impl<R: Read> Pieces<R> {
    pub fn new(reader: R, separator: u8, piece_bytes: usize) -> Self {
        Pieces {
            reader,
            separator,
            piece_bytes: piece_bytes.max(1),
            buf: Vec::new(),
            consumed: 0,
            eof: false,
        }
    }

    /// The next piece; None after the last.
    pub fn next_piece(&mut self) -> std::io::Result<Option<&[u8]>> {
        self.buf.drain(..self.consumed);
        self.consumed = 0;
        let mut want = self.piece_bytes;
        loop {
            if !self.eof && self.buf.len() < want {
                let missing = want - self.buf.len();
                self.buf.reserve(missing);
                let read = (&mut self.reader)
                    .take(missing as u64)
                    .read_to_end(&mut self.buf)?;
                self.eof = read < missing;
            }
            if self.buf.is_empty() {
                return Ok(None);
            }
            let end = if self.eof {
                Some(self.buf.len())
            } else {
                last_record_end(&self.buf, self.separator)
            };
            match end {
                Some(end) => {
                    self.consumed = end;
                    return Ok(Some(&self.buf[..end]));
                }
                // One record is longer than the piece: read on.
                None => want = self.buf.len() * 2,
            }
        }
    }
}

/// The position just after the last line break that ends a record in `bytes`
/// (which starts at a record boundary); None when no record ends in it.
fn last_record_end(bytes: &[u8], separator: u8) -> Option<usize> {
    if !bytes.contains(&b'"') {
        return bytes.iter().rposition(|&b| b == b'\n').map(|i| i + 1);
    }
    let mut last = None;
    let mut field_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if field_start && b == b'"' {
            // Skip the quoted field up to its closing quote.
            i += 1;
            loop {
                // A quoted field still open at the end: the piece was cut inside it.
                let Some(close) = bytes[i..].iter().position(|&b| b == b'"') else {
                    return last;
                };
                let close = i + close;
                if bytes.get(close + 1) == Some(&b'"') {
                    i = close + 2;
                } else {
                    i = close + 1;
                    break;
                }
            }
            field_start = false;
            continue;
        }
        if b == b'\n' {
            last = Some(i + 1);
        }
        field_start = b == separator || b == b'\n';
        i += 1;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_ends_after_the_last_whole_record() {
        assert_eq!(last_record_end(b"a,b\n1,2\n3,", b','), Some(8));
        assert_eq!(last_record_end(b"a,b", b','), None);
        // The line break inside the quoted field does not end a record.
        let quoted = b"a,b\n1,\"x\ny\"\n2,\"z\n";
        assert_eq!(last_record_end(quoted, b','), Some(12));
        // A quote inside an unquoted field is text; "" inside quotes is a quote.
        let inner = b"a,5\" screen\n\"say \"\"hi\"\"\n\",2\n";
        assert_eq!(last_record_end(inner, b','), Some(inner.len()));
    }

    #[test]
    fn pieces_cover_the_text_in_whole_records() {
        let mut text = Vec::new();
        for i in 0..2_000 {
            text.extend_from_slice(format!("{i},\"line\nbreak {i}\",x\n").as_bytes());
        }
        // One record far longer than a piece.
        text.extend_from_slice(format!("0,\"{}\",x\n", "long\n".repeat(500)).as_bytes());
        for piece_bytes in [1, 100, 1000, text.len() + 1] {
            let mut pieces = Pieces::new(std::io::Cursor::new(&text), b',', piece_bytes);
            let mut joined = Vec::new();
            let mut count = 0;
            while let Some(piece) = pieces.next_piece().unwrap() {
                assert!(piece.ends_with(b",x\n"), "a piece ends inside a record");
                joined.extend_from_slice(piece);
                count += 1;
            }
            assert_eq!(joined, text);
            if piece_bytes == 1000 {
                assert!(count > 20, "{count} pieces of ~1000 bytes");
            }
        }
    }
}

//! Text encodings: which one a file's bytes are in, and the text as UTF-8.
//!
//! A UTF-8 byte-order mark is stripped (`Utf8Bom`); UTF-16 (a byte-order mark,
//! or the zero bytes ASCII leaves at every other position: Excel's "Unicode
//! text") is decoded (`Utf16Le`, `Utf16Be`); otherwise the whole buffer is
//! validated as UTF-8 (`Utf8`) and handed to polars without a copy; anything
//! that is not UTF-8 is decoded as GB18030 (a superset of GBK) into a new UTF-8
//! buffer (`Gb18030`) when its high bytes pair up as Chinese text does, else as
//! Western European text (`Windows1252`, which Latin-1 is part of: `café`,
//! `Müller` from a European shop system) when it holds no control bytes, with a
//! note in the load report. Bytes that are none of these fail with a `Parse`
//! error naming the line of the first bad byte: nothing is ever decoded with
//! replacement characters.

use crate::data::{DataError, TextEncoding};
use crate::i18n::Phrase;
use crate::{phrase, tr};

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
                message: tr!(
                    "read-bad-utf8-after-bom",
                    line = line_of_offset(&buf, offset).to_string()
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
                message: tr!("read-bad-utf16"),
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
    if !pairs_like_chinese(&buf) && is_western_text(&buf) {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&buf);
        return Ok(Utf8Text {
            buf: text.into_owned().into_bytes(),
            start: 0,
            encoding: TextEncoding::Windows1252,
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
                message: tr!(
                    "read-unknown-encoding",
                    line = line_of_offset(&buf, offset).to_string()
                ),
            })
        }
    }
}

/// The load-report note for text that was decoded by a guess worth checking.
pub(super) fn note(encoding: TextEncoding) -> Option<Phrase> {
    (encoding == TextEncoding::Windows1252).then(|| phrase!("read-note-western-european"))
}

/// True when most bytes ≥ 0x80 of `buf` pair up as GBK's Chinese characters
/// do: a lead and a trail byte both in 0xA1..=0xFE (GB2312, the common
/// characters), or a GBK lead with a high trail byte. Latin-1 text has single
/// high bytes between ASCII letters (`Müller`: FC 6C), which GB18030 would read
/// as rare characters.
fn pairs_like_chinese(buf: &[u8]) -> bool {
    let (mut paired, mut other) = (0usize, 0usize);
    let mut i = 0;
    while i < buf.len() {
        let lead = buf[i];
        if lead < 0x80 {
            i += 1;
            continue;
        }
        match buf.get(i + 1) {
            Some(&trail) if (0x81..=0xFE).contains(&lead) && trail >= 0xA1 && trail != 0xFF => {
                paired += 1;
                i += 2;
            }
            // A four-byte GB18030 character: lead, digit, lead, digit.
            Some(&(0x30..=0x39)) if (0x81..=0xFE).contains(&lead) => {
                paired += 1;
                i += 4;
            }
            _ => {
                other += 1;
                i += 1;
            }
        }
    }
    paired >= other
}

/// True when `buf` holds no control bytes besides tab, CR and LF (binary data
/// does; text in any Western encoding does not).
fn is_western_text(buf: &[u8]) -> bool {
    !buf.iter()
        .any(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n')) || b == 0x7F)
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
pub(super) fn line_of_offset(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

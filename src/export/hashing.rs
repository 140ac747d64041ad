//! Normalising and SHA-256 hashing contact fields for ad audiences, and hashing
//! data files for sidecars.
//!
//! Contract:
//! - Email: trimmed and lower-cased; None when empty or without an `@`.
//! - Phone, E.164: `+`, country code, national number, digits only. A number
//!   written with `+` or the international prefix `00` keeps its own country code;
//!   any other is national: its leading zeros (trunk prefix) are dropped and the
//!   operator's default country code is put in front. None when fewer than 6 or
//!   more than 15 digits remain.
//! - Hashes are lower-case hexadecimal SHA-256 of the UTF-8 bytes.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Size in bytes and SHA-256 (hex) of the file at `path`, read in blocks.
pub fn file_sha256(path: &Path) -> std::io::Result<(u64, String)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        size += read as u64;
        hasher.update(&buffer[..read]);
    }
    Ok((size, hex(&hasher.finalize())))
}

/// `raw` trimmed and lower-cased, or None when it is not an email address.
pub fn normalise_email(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    (email.contains('@') && !email.starts_with('@') && !email.ends_with('@')).then_some(email)
}

/// `raw` in E.164 (`+8613812345678`), with `default_country_code` (digits, an
/// optional leading `+` is ignored) for national numbers. None when not a phone.
pub fn normalise_phone(raw: &str, default_country_code: &str) -> Option<String> {
    let trimmed = raw.trim();
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let international = if trimmed.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else {
        let national = digits.trim_start_matches('0');
        if national.is_empty() {
            return None;
        }
        let code: String = default_country_code
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        format!("{code}{national}")
    };
    let international = international.trim_start_matches('0');
    (6..=15)
        .contains(&international.len())
        .then(|| format!("+{international}"))
}

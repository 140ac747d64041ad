//! Normalising and SHA-256 hashing contact fields for ad audiences, and hashing
//! data files for sidecars.
//!
//! Contract:
//! - Email: one address, trimmed and lower-cased (see [`normalise_email`]);
//!   None otherwise.
//! - Phone, E.164: `+`, country code, national number, digits only, for a number
//!   libphonenumber's metadata calls valid (see [`normalise_phone`]); None
//!   otherwise (`12345` is not a phone).
//! - Hashes are lower-case hexadecimal SHA-256 of the UTF-8 bytes.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::tr;

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

/// `raw` as one email address, trimmed and lower-cased (a `mailto:` in front is
/// dropped), or None when it is not one: exactly one `@` with a local part
/// before it, a domain with a dot and no empty label after it, a top-level
/// domain of two or more letters, and no blank, comma, semicolon, quote or
/// angle bracket anywhere (so `a@b` and `two@x.com; three@y.com` are refused).
pub fn normalise_email(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    let email = email.strip_prefix("mailto:").unwrap_or(&email);
    let forbidden = |c: char| c.is_whitespace() || ",;<>\"'()[]\\".contains(c);
    if email.chars().any(forbidden) {
        return None;
    }
    let (local, domain) = email.split_once('@')?;
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last()?;
    let valid = !local.is_empty()
        && !domain.contains('@')
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && tld.len() >= 2
        && tld.chars().all(char::is_alphabetic);
    valid.then(|| email.to_string())
}

/// The region a calling code stands for (`86` → CN), None when the code is not
/// one (`abc`, `999`).
fn region_of(country_code: &str) -> Option<phonenumber::country::Id> {
    let digits = country_code.trim().trim_start_matches('+');
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code: u16 = digits.parse().ok()?;
    let regions = phonenumber::metadata::DATABASE.region(&code)?;
    regions.first()?.parse().ok()
}

/// An error for a default calling code that is not one (`--country-code abc`).
pub fn check_country_code(country_code: &str) -> Result<(), String> {
    match region_of(country_code) {
        Some(_) => Ok(()),
        None => Err(tr!("export-country-code", code = country_code)),
    }
}

/// `raw` in E.164 (`+8613812345678`), or None when it is not a valid phone
/// number (libphonenumber's metadata through the `phonenumber` crate). A number
/// written with `+` or `00` (also in brackets: `(+86) 188…`) keeps its own
/// calling code; any other is read as a number of `default_country_code`'s
/// region, which also accepts the code written without a plus (`86-139…`).
pub fn normalise_phone(raw: &str, default_country_code: &str) -> Option<String> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '[' | ']'))
        .collect();
    let cleaned = cleaned.trim();
    let cleaned = match cleaned.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => cleaned.to_string(),
    };
    let number = phonenumber::parse(region_of(default_country_code), &cleaned).ok()?;
    phonenumber::is_valid(&number)
        .then(|| number.format().mode(phonenumber::Mode::E164).to_string())
}

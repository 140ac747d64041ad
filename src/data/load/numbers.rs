//! Numbers from messy shop exports: `¥1,299.00`, `(12.50)`, `3,5`, `12.50-`, `RMB 80`.
//!
//! The rule, applied to each text value after trimming:
//! 1. Currency marks are removed wherever they stand at the start or end: `¥ ￥ $ € £
//!    元`, and `RMB CNY USD EUR GBP` in any case. Spaces (also non-breaking and
//!    thin ones) and apostrophes (`1'299`) inside the number are removed.
//! 2. Negative: wrapped in parentheses `(12.50)`, a leading `-` or `−` (U+2212), or
//!    a trailing `-`. A leading `+` is allowed.
//! 3. Separators: with both `,` and `.`, the one that comes last is the decimal
//!    mark and the other groups thousands (`1,299.50`, `1.299,50`). With only
//!    commas: several commas group thousands (`1,299,000`); a single comma is a
//!    thousands separator when exactly three digits follow it and one to three
//!    non-zero-led digits precede it (`1,299`), otherwise a decimal comma (`3,5`,
//!    `12,50`, `0,125`). With only dots: several dots group thousands
//!    (`1.299.000`), a single dot is the decimal mark.
//! 4. What is left must be digits with at most one decimal mark; otherwise the value
//!    is unreadable (None). Empty text is None too; the caller tells the two apart.
//!
//! Numeric columns are cast to f64 without this; NaN and infinities become null.

use polars::prelude::*;

const CURRENCY_WORDS: [&str; 5] = ["rmb", "cny", "usd", "eur", "gbp"];
const CURRENCY_SIGNS: [char; 6] = ['¥', '￥', '$', '€', '£', '元'];

/// Reads one messy number; None when it cannot be read.
pub fn parse_number(value: &str) -> Option<f64> {
    let trimmed = value.trim();
    if let Ok(v) = trimmed.parse::<f64>() {
        // The fast path: plain numbers. Rust also reads "inf"/"NaN", which are not amounts.
        return v.is_finite().then_some(v);
    }
    let mut text = trimmed;
    let mut negative = false;
    let mut changed = true;
    while changed {
        changed = false;
        let before = text;
        text = strip_currency(text).trim();
        if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            negative = !negative;
            text = inner.trim();
        }
        if let Some(rest) = text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
            negative = !negative;
            text = rest.trim_start();
        } else if let Some(rest) = text.strip_suffix('-') {
            negative = !negative;
            text = rest.trim_end();
        } else if let Some(rest) = text.strip_prefix('+') {
            text = rest.trim_start();
        }
        if text != before {
            changed = true;
        }
    }
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '\u{202f}')
        .collect();
    let normalised = normalise_separators(&digits)?;
    let magnitude: f64 = normalised.parse().ok()?;
    magnitude
        .is_finite()
        .then_some(if negative { -magnitude } else { magnitude })
}

fn strip_currency(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let before = text;
        text = text
            .trim_start_matches(CURRENCY_SIGNS)
            .trim_end_matches(CURRENCY_SIGNS)
            .trim();
        for word in CURRENCY_WORDS {
            if text.len() >= word.len() {
                if text.is_char_boundary(word.len())
                    && text[..word.len()].eq_ignore_ascii_case(word)
                {
                    text = text[word.len()..].trim_start();
                }
                let cut = text.len().saturating_sub(word.len());
                if text.is_char_boundary(cut) && text[cut..].eq_ignore_ascii_case(word) {
                    text = text[..cut].trim_end();
                }
            }
        }
        if text == before {
            return text;
        }
    }
}

/// Digits with `,`/`.` → digits with at most one `.` (see the module rule).
fn normalise_separators(text: &str) -> Option<String> {
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let commas = text.matches(',').count();
    let dots = text.matches('.').count();
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (0, 1) => Some('.'),
        (0, _) => None,
        (1, 0) => {
            let (before, after) = text.split_once(',')?;
            let grouping =
                after.len() == 3 && (1..=3).contains(&before.len()) && !before.starts_with('0');
            if grouping { None } else { Some(',') }
        }
        (_, 0) => None,
        _ => {
            let last_comma = text.rfind(',')?;
            let last_dot = text.rfind('.')?;
            let mark = if last_comma > last_dot { ',' } else { '.' };
            // The decimal mark may appear only once.
            if text.matches(mark).count() > 1 {
                return None;
            }
            Some(mark)
        }
    };
    let thousands = match decimal {
        Some(',') => '.',
        _ if commas > 0 => ',',
        _ => '.',
    };
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == thousands && decimal != Some(c) {
            continue;
        }
        out.push(if Some(c) == decimal { '.' } else { c });
    }
    // "12." and ".5" read as Rust reads them; a lone "." does not.
    (out != "." && !out.is_empty()).then_some(out)
}

/// A column as f64: numbers are cast, text goes through [`parse_number`]. Null
/// where the value is missing, empty or unreadable.
pub fn numbers_from_column(column: &Column) -> PolarsResult<Float64Chunked> {
    match column.dtype() {
        DataType::String => Ok(column
            .str()?
            .iter()
            .map(|v| v.and_then(parse_number))
            .collect()),
        dtype if dtype.is_primitive_numeric() || dtype.is_bool() => {
            let floats = column.cast(&DataType::Float64)?;
            let ca = floats.f64()?;
            if ca.is_not_nan().all() {
                Ok(ca.clone())
            } else {
                Ok(ca.iter().map(|v| v.filter(|v| v.is_finite())).collect())
            }
        }
        _ => {
            let text = column.cast(&DataType::String)?;
            Ok(text
                .str()?
                .iter()
                .map(|v| v.and_then(parse_number))
                .collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn messy_numbers() {
        let cases = [
            ("12.5", Some(12.5)),
            ("¥1,299.00", Some(1299.0)),
            ("￥ 1,299", Some(1299.0)),
            ("RMB 80", Some(80.0)),
            ("80元", Some(80.0)),
            ("$-5", Some(-5.0)),
            ("(12.50)", Some(-12.5)),
            ("($12.50)", Some(-12.5)),
            ("12.50-", Some(-12.5)),
            ("−3", Some(-3.0)),
            ("3,5", Some(3.5)),
            ("12,50", Some(12.5)),
            ("0,125", Some(0.125)),
            ("1.299,50 €", Some(1299.5)),
            ("1,299,000", Some(1_299_000.0)),
            ("1.299.000", Some(1_299_000.0)),
            ("1 299,50", Some(1299.5)),
            ("1'299.50", Some(1299.5)),
            ("12 USD", Some(12.0)),
            ("abc", None),
            ("", None),
            ("1.2.3,4,5", None),
            ("NaN", None),
            ("inf", None),
            ("12.", Some(12.0)),
            ("¥12.", Some(12.0)),
            ("¥.", None),
            ("--", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), want, "{text}");
        }
    }
}

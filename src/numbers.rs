//! Plain number formatting shared by every layer (the window, the command line,
//! the analyses' own messages): thousands separators, fixed decimals, percents.
//! Money and its currency symbol are the window's (`ui::format`).

/// `1234567` → `1,234,567`.
pub fn count(n: usize) -> String {
    group(&n.to_string())
}

/// `value` with `decimals` places and thousands separators: `2222.6` → `2,222.6`.
pub fn number(value: f64, decimals: usize) -> String {
    let amount = value;
    if !amount.is_finite() {
        return amount.to_string();
    }
    let text = format!("{:.*}", decimals, amount.abs());
    let (whole, cents) = text.split_once('.').unwrap_or((&text, ""));
    // -0.00 reads as 0.00.
    let zero = text.bytes().all(|c| c == b'0' || c == b'.');
    let sign = if amount < 0.0 && !zero { "-" } else { "" };
    match cents.is_empty() {
        true => format!("{sign}{}", group(whole)),
        false => format!("{sign}{}.{cents}", group(whole)),
    }
}

/// `0.1234` → `12.3%`; a value that rounds to zero never shows as `-0.0%`.
pub fn percent(share: f64) -> String {
    let shown = (share * 1000.0).round() / 10.0;
    format!("{:.1}%", shown + 0.0)
}

fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators_decimals_and_percents() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(number(2222.6, 1), "2,222.6");
        assert_eq!(number(-0.04, 1), "0.0");
        assert_eq!(number(1234.0, 0), "1,234");
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(percent(-0.0004), "0.0%");
        assert_eq!(percent(-0.0), "0.0%");
        assert_eq!(percent(-0.25), "-25.0%");
    }
}

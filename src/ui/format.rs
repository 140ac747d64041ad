//! Numbers as the operator reads them: thousands separators, two decimals for
//! money, one for percentages.

/// `1234567` → `1,234,567`.
pub fn count(n: usize) -> String {
    group(&n.to_string())
}

/// `-1234567.891` → `-1,234,567.89`.
pub fn money(amount: f64) -> String {
    if !amount.is_finite() {
        return amount.to_string();
    }
    let text = format!("{:.2}", amount.abs());
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    // -0.00 reads as 0.00.
    let sign = if amount < 0.0 && text != "0.00" {
        "-"
    } else {
        ""
    };
    format!("{sign}{}.{cents}", group(whole))
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
    fn counts_and_money_get_thousands_separators() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(money(1_234_567.891), "1,234,567.89");
        assert_eq!(money(-1_000.5), "-1,000.50");
        assert_eq!(money(-0.001), "0.00");
        assert_eq!(money(12.0), "12.00");
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(percent(-0.0004), "0.0%");
        assert_eq!(percent(-0.0), "0.0%");
        assert_eq!(percent(-0.25), "-25.0%");
    }
}

//! Numbers as the operator reads them: thousands separators, two decimals for
//! money, one for percentages.

/// `1234567` → `1,234,567`.
pub fn count(n: usize) -> String {
    group(&n.to_string())
}

/// `-1234567.891` → `-1,234,567.89`.
pub fn money(amount: f64) -> String {
    number(amount, 2)
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

/// A chart value: money when the figures are `priced`, else a whole count (orders
/// charted in place of revenue when the orders carry no money).
pub fn money_or_count(priced: bool, value: f64) -> String {
    match priced {
        true => money(value),
        false => number(value, 0),
    }
}

/// What the window says where a figure needs money the orders do not carry
/// (`analysis::lines::has_money`): `what` is the figure, e.g. "Revenue per group".
pub fn needs_money(what: &str) -> String {
    crate::tr!("format-needs-money", what = what)
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
        assert_eq!(number(2222.6, 1), "2,222.6");
        assert_eq!(number(-0.04, 1), "0.0");
        assert_eq!(number(1234.0, 0), "1,234");
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(percent(-0.0004), "0.0%");
        assert_eq!(percent(-0.0), "0.0%");
        assert_eq!(percent(-0.25), "-25.0%");
    }
}

//! Numbers as the operator reads them, the same in every panel and both
//! languages: thousands separators, two decimals for money (after the currency
//! symbol the operator chose in the toolbar's View menu), one for percentages,
//! days with their unit.

use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

pub use crate::numbers::{count, number, percent};

/// The currency the shop's money is shown in. Files carry bare amounts, so
/// none is assumed: the operator picks one and every money figure shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Currency {
    /// Bare amounts: `1,234.50`.
    #[default]
    None,
    /// Renminbi: `¥1,234.50`.
    Yuan,
    Dollar,
    Euro,
    Pound,
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::None,
        Currency::Yuan,
        Currency::Dollar,
        Currency::Euro,
        Currency::Pound,
    ];

    /// What stands before an amount.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::None => "",
            Currency::Yuan => "¥",
            Currency::Dollar => "$",
            Currency::Euro => "€",
            Currency::Pound => "£",
        }
    }

    /// The name in the View menu.
    pub fn label(self) -> String {
        match self {
            Currency::None => crate::tr!("currency-none"),
            Currency::Yuan => crate::tr!("currency-yuan"),
            Currency::Dollar => crate::tr!("currency-dollar"),
            Currency::Euro => crate::tr!("currency-euro"),
            Currency::Pound => crate::tr!("currency-pound"),
        }
    }
}

/// The currency every money figure shows: one setting for the window, like the
/// language (the app sets it from `UiState` each frame; the CLI never does).
static CURRENCY: AtomicU8 = AtomicU8::new(0);

pub fn set_currency(currency: Currency) {
    let index = Currency::ALL.iter().position(|c| *c == currency);
    CURRENCY.store(index.unwrap_or(0) as u8, Ordering::Relaxed);
}

pub fn currency() -> Currency {
    Currency::ALL
        .get(CURRENCY.load(Ordering::Relaxed) as usize)
        .copied()
        .unwrap_or_default()
}

/// `-1234567.891` → `-1,234,567.89`, or `-¥1,234,567.89` with a currency chosen.
pub fn money(amount: f64) -> String {
    money_in(currency(), amount)
}

/// [`money`] in a given currency.
pub fn money_in(currency: Currency, amount: f64) -> String {
    let text = number(amount, 2);
    let symbol = currency.symbol();
    match text.strip_prefix('-') {
        Some(digits) => format!("-{symbol}{digits}"),
        None => format!("{symbol}{text}"),
    }
}

/// `12.0` → `12 days`, `1.5` → `1.5 days` (whole days show no decimals).
pub fn days(value: f64) -> String {
    let decimals = if value.fract().abs() < 0.05 { 0 } else { 1 };
    let shown = number(value, decimals);
    crate::tr!("format-days", days = shown, n = value)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_gets_thousands_separators_and_days_their_unit() {
        assert_eq!(money(1_234_567.891), "1,234,567.89");
        assert_eq!(money(-1_000.5), "-1,000.50");
        assert_eq!(money(-0.001), "0.00");
        assert_eq!(money(12.0), "12.00");
        assert_eq!(days(12.0), "12 days");
        assert_eq!(days(1.0), "1 day");
        assert_eq!(days(1.5), "1.5 days");
        assert_eq!(days(1234.02), "1,234 days");
    }

    #[test]
    fn money_shows_the_chosen_currency_after_the_sign() {
        assert_eq!(money_in(Currency::Yuan, 1_234.5), "¥1,234.50");
        assert_eq!(money_in(Currency::Yuan, -0.5), "-¥0.50");
        assert_eq!(money_in(Currency::Yuan, -0.001), "¥0.00");
        assert_eq!(money_in(Currency::Euro, 1_000_000.0), "€1,000,000.00");
        assert_eq!(money_in(Currency::None, 1_234.5), "1,234.50");
    }
}

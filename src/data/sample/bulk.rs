//! A large orders file for benchmarks: the column layout of the sample's
//! orders.csv, streamed row by row (memory stays flat for any row count).
//!
//! The content is simple on purpose: order times rise evenly over the default
//! 730-day period; an order has 1–4 lines (each further line with probability
//! 0.35) of products from the default 300-product catalogue (drawn ∝
//! popularity); quantity 1–3; customers `C0000001` … drawn uniformly from
//! `max(rows / 10, 1000)`; 2 % of orders cancelled; 3 % of paid lines followed by
//! a return row (negative quantity, `refunded`). It has none of the planted
//! structure of [`super::write_sample`].

use std::io::Write;
use std::path::Path;

use rand::Rng;

use super::calendar::{Calendar, SECONDS_PER_DAY};
use super::catalog::{CATEGORIES, Catalog};
use super::customers::CHANNELS;
use super::pick::{Weighted, stream};
use super::write::write_atomic;
use super::{ORDERS_HEADER, SampleConfig, SampleError};

/// Writes `rows` data rows (plus a header) of orders to `path`, atomically;
/// returns the file size in bytes. Same seed, same bytes.
pub fn write_orders_csv(path: &Path, rows: usize, seed: u64) -> Result<u64, SampleError> {
    let config = SampleConfig {
        seed,
        ..SampleConfig::default()
    };
    let cal = Calendar::new(config.end_date, config.days);
    let mut rng = stream(seed, 10);
    let catalog = Catalog::new(config.products, &mut rng);
    // Per product: "sku,name,category," and the price in cents.
    let prefixes: Vec<(String, i64)> = catalog
        .products
        .iter()
        .map(|p| {
            let prefix = format!("{},{},{},", p.sku, p.name_zh, CATEGORIES[p.category].zh);
            (prefix, (p.price * 100.0).round() as i64)
        })
        .collect();
    let popularity = Weighted::new(catalog.products.iter().map(|p| p.popularity));
    let customers = (rows / 10).max(1000) as u64;
    let span = u64::from(cal.days()) * SECONDS_PER_DAY;
    write_atomic(path, |out| {
        writeln!(out, "{ORDERS_HEADER}")?;
        let mut line = Vec::with_capacity(256);
        let mut written = 0usize;
        let mut order = 0u64;
        while written < rows {
            order += 1;
            let seconds = (written as u64 * span / rows as u64).min(span - 1);
            let customer = rng.random_range(1..=customers);
            let channel = CHANNELS[rng.random_range(0..CHANNELS.len())];
            let cancelled = rng.random_bool(0.02);
            let n_lines = 1 + (0..3).take_while(|_| rng.random_bool(0.35)).count();
            for _ in 0..n_lines {
                if written >= rows {
                    break;
                }
                let (prefix, cents) = &prefixes[popularity.pick(&mut rng)];
                let quantity = rng.random_range(1..=3i64);
                let returned = !cancelled && rng.random_bool(0.03);
                let fields = Fields {
                    order,
                    customer,
                    seconds,
                    prefix,
                    cents: *cents,
                    channel,
                };
                let status = if cancelled { "cancelled" } else { "paid" };
                fields.write(&mut line, &cal, quantity, status);
                out.write_all(&line)?;
                written += 1;
                if returned && written < rows {
                    fields.write(&mut line, &cal, -quantity, "refunded");
                    out.write_all(&line)?;
                    written += 1;
                }
            }
        }
        Ok(())
    })
}

/// What one row of the bulk file is made of.
struct Fields<'a> {
    order: u64,
    customer: u64,
    seconds: u64,
    prefix: &'a str,
    cents: i64,
    channel: &'a str,
}

impl Fields<'_> {
    /// Formats the row into `line` (cleared first), newline included.
    fn write(&self, line: &mut Vec<u8>, cal: &Calendar, quantity: i64, status: &str) {
        line.clear();
        line.extend_from_slice(b"SO");
        push_padded(line, self.order, 8);
        line.extend_from_slice(b",C");
        push_padded(line, self.customer, 7);
        line.push(b',');
        let day = (self.seconds / SECONDS_PER_DAY) as u32;
        line.extend_from_slice(cal.date_text(day).as_bytes());
        line.push(b' ');
        let s = self.seconds % SECONDS_PER_DAY;
        push_padded(line, s / 3600, 2);
        line.push(b':');
        push_padded(line, s / 60 % 60, 2);
        line.push(b':');
        push_padded(line, s % 60, 2);
        line.push(b',');
        line.extend_from_slice(self.prefix.as_bytes());
        push_signed(line, quantity);
        line.push(b',');
        push_cents(line, self.cents);
        line.push(b',');
        push_cents(line, quantity * self.cents);
        line.push(b',');
        line.extend_from_slice(status.as_bytes());
        line.push(b',');
        line.extend_from_slice(self.channel.as_bytes());
        line.push(b'\n');
    }
}

fn push_padded(buf: &mut Vec<u8>, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let len = digits.len() - i;
    for _ in len..width {
        buf.push(b'0');
    }
    buf.extend_from_slice(&digits[i..]);
}

fn push_signed(buf: &mut Vec<u8>, n: i64) {
    if n < 0 {
        buf.push(b'-');
    }
    push_padded(buf, n.unsigned_abs(), 1);
}

/// `-12.30` from -1230.
fn push_cents(buf: &mut Vec<u8>, cents: i64) {
    if cents < 0 {
        buf.push(b'-');
    }
    let c = cents.unsigned_abs();
    push_padded(buf, c / 100, 1);
    buf.push(b'.');
    push_padded(buf, c % 100, 2);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_formatted_like_the_sample() {
        let mut buf = Vec::new();
        push_padded(&mut buf, 42, 7);
        buf.push(b' ');
        push_cents(&mut buf, -1230);
        buf.push(b' ');
        push_cents(&mut buf, 5);
        buf.push(b' ');
        push_signed(&mut buf, -3);
        assert_eq!(String::from_utf8_lossy(&buf), "0000042 -12.30 0.05 -3");
    }
}

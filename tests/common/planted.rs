//! Small orders files with a planted answer, written to a folder for tests that
//! load files the way the window does.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// An orders file of 80 customers whose ids start with `prefix`: half order
/// every two weeks all year, half once in January (two planted segments).
pub fn orders_file(dir: &Path, prefix: &str) -> PathBuf {
    let mut text = String::from("order_id,customer_id,order_time,sku,quantity,unit_price\n");
    let mut order = 0;
    for customer in 0..80 {
        let regular = customer % 2 == 0;
        let orders = if regular { 24 } else { 1 };
        for k in 0..orders {
            order += 1;
            let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 2).expect("day")
                + chrono::TimeDelta::days(if regular { 14 * k } else { customer % 20 });
            let price = if regular { 80.0 } else { 20.0 };
            let _ = writeln!(
                text,
                "{prefix}O{order},{prefix}{customer:03},{day} 10:00:00,SKU{},1,{price:.2}",
                k % 7
            );
        }
    }
    let path = dir.join(format!("{prefix}-orders.csv"));
    std::fs::write(&path, text).expect("write orders");
    path
}

const RINGS: u32 = 6;
const RING: u32 = 8;
const DISTRACTORS: u32 = 20;
const CUSTOMERS: u32 = 600;

/// Orders of a shop whose next purchase follows from the last: ring r holds
/// SKUs r·8 … r·8 + 7 (SKU k always followed by k + 1 on its ring); each
/// customer buys one or two random distractors, then 3–5 steps along one ring,
/// one item a day.
pub fn ring_orders(dir: &Path) -> PathBuf {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut text = String::from("order_id,customer_id,order_date,sku,quantity,unit_price\n");
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    let mut order = 0;
    for c in 0..CUSTOMERS {
        let mut items = Vec::new();
        for _ in 0..rng.random_range(1..=2) {
            items.push(RINGS * RING + rng.random_range(0..DISTRACTORS));
        }
        let (ring, first) = (rng.random_range(0..RINGS), rng.random_range(0..RING));
        for step in 0..rng.random_range(3..=5) {
            items.push(ring * RING + (first + step) % RING);
        }
        for (day, item) in items.into_iter().enumerate() {
            order += 1;
            let date = start + chrono::Days::new(day as u64 + u64::from(c % 30));
            let _ = writeln!(text, "O{order},C{c:03},{date},SKU{item:02},1,9.90");
        }
    }
    let path = dir.join("rings.csv");
    std::fs::write(&path, text).expect("write orders");
    path
}

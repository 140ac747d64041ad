//! Small orders files with a planted answer, written to a folder for tests that
//! load files the way the window does.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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

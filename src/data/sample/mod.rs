//! The seeded sample shop: what the app opens on first launch, and a store with
//! planted structure that analysis tests can check they find.
//!
//! [`write_sample`] writes, for a [`SampleConfig`] (default: seed 42, 5,000
//! customers, 300 products, 730 days ending 2026-06-30, events for the last 30 days):
//! - `orders.csv`: order lines, English headers; returns are extra lines with
//!   negative quantity and amount and status `refunded`; cancelled orders have
//!   status `cancelled` on every line;
//! - `products.csv`: the catalogue with Chinese headers (商品ID, 商品名称, 英文名称,
//!   品类, 单价, 毛利率);
//! - `customers.csv`: contact data and signup date;
//! - `events.csv`: view / cart / purchase events with a documented funnel;
//! - `service.csv`: customer service messages with Chinese headers (会话ID, 客户ID,
//!   时间, 渠道, 消息内容, 客服回复, 意图), 10 % labelled with their intent;
//! - `reviews.csv`: product reviews (商品ID, 客户ID, 评价时间, 评分, 评价内容);
//! - `README.md`: what is planted, with every parameter;
//! - `truth/`: the ground truth (customer groups, bundles, drop-off products,
//!   repeat purchases, messy rows, the demand calendar). The app does not load it:
//!   it is in a subfolder, and a folder stands for the data files directly in it.
//!
//! Planted structure, in short (the numbers are in `sample-data/README.md`): six
//! customer groups (loyal, regular, bargain hunters, one-off buyers, lapsed, new);
//! demand with a +25 %/year trend, weekend uplift ×1.3, 3.8 / 618 / Double 11 /
//! Double 12 peaks, a busier December and a Chinese New Year dip; 11 co-purchase
//! bundles; staple consumables re-bought at regular intervals; ~2 % cancelled
//! orders and ~3 % returned lines; 20 duplicated rows and 10 guest rows with an
//! empty customer id; eight service intents and eight products with bad reviews
//! (six all along, two in the last 60 days: see `service`).
//!
//! Same config → same bytes: every random draw comes from `ChaCha8Rng` streams
//! seeded by the config, and nothing is written in hash order. [`write_orders_csv`]
//! streams a large orders file with the same columns for benchmarks.

mod bulk;
mod calendar;
mod catalog;
mod customers;
mod events;
mod orders;
mod pick;
mod service;
mod voice;
mod write;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use bulk::write_orders_csv;

/// The header of the sample shop's `orders.csv`.
pub const ORDERS_HEADER: &str = "order_id,customer_id,order_time,sku,product_name,category,quantity,unit_price,amount,status,channel";
pub use customers::CustomerGroup;

use calendar::Calendar;
use catalog::{CATEGORIES, Catalog, MIN_PER_CATEGORY};
use orders::{LAPSED_DAYS, NEW_DAYS};
use pick::stream;

/// The documentation written next to the data (`README.md`).
const README: &str = include_str!("../../../sample-data/README.md");

/// What to generate. `SampleConfig::default()` is the bundled sample store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleConfig {
    pub seed: u64,
    /// Number of customers (at least 100).
    pub customers: usize,
    /// Number of products (at least 96: 8 per category).
    pub products: usize,
    /// Length of the order history in days (600–3650).
    pub days: u32,
    /// Last day of the history; fixed so the output does not depend on today.
    pub end_date: NaiveDate,
    /// Behaviour events cover the last `event_days` days (7–90).
    pub event_days: u32,
}

impl Default for SampleConfig {
    fn default() -> Self {
        SampleConfig {
            seed: 42,
            customers: 5000,
            products: 300,
            days: 730,
            end_date: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or_default(),
            event_days: 30,
        }
    }
}

impl SampleConfig {
    /// Checks the ranges before any work starts.
    pub fn check(&self) -> Result<(), SampleError> {
        let bad = |field: &'static str, value: String, reason: &str| {
            Err(SampleError::Config {
                field,
                value,
                reason: reason.to_string(),
            })
        };
        let min_products = CATEGORIES.len() * MIN_PER_CATEGORY;
        if !(100..=1_000_000).contains(&self.customers) {
            return bad(
                "customers",
                self.customers.to_string(),
                "use 100 to 1,000,000",
            );
        }
        if !(min_products..=10_000).contains(&self.products) {
            return bad(
                "products",
                self.products.to_string(),
                &format!("use {min_products} to 10,000 (every category needs {MIN_PER_CATEGORY})"),
            );
        }
        if !(600..=3650).contains(&self.days) {
            return bad(
                "days",
                self.days.to_string(),
                &format!(
                    "use 600 to 3650: lapsed customers need a first year ({LAPSED_DAYS} days) and a long quiet time after it"
                ),
            );
        }
        if !(7..=NEW_DAYS).contains(&self.event_days) {
            return bad(
                "event_days",
                self.event_days.to_string(),
                &format!("use 7 to {NEW_DAYS}"),
            );
        }
        Ok(())
    }

    /// The first day of the order history.
    pub fn start_date(&self) -> NaiveDate {
        self.end_date - chrono::Days::new(u64::from(self.days.saturating_sub(1)))
    }
}

/// Why the sample could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error("sample setting {field} = {value} is out of range: {reason}")]
    Config {
        field: &'static str,
        value: String,
        reason: String,
    },
    #[error("could not write {}: {source}; check that the folder is writable and the disk has space", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Where `write_sample` put everything, and how much.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleFiles {
    pub dir: PathBuf,
    pub orders: PathBuf,
    pub products: PathBuf,
    pub customers: PathBuf,
    pub events: PathBuf,
    pub service: PathBuf,
    pub reviews: PathBuf,
    pub readme: PathBuf,
    /// The ground-truth folder (not data the app loads).
    pub truth: PathBuf,
    /// Data rows of orders.csv (messy rows included).
    pub order_rows: usize,
    /// Data rows of events.csv.
    pub event_rows: usize,
    /// Data rows of service.csv and reviews.csv.
    pub message_rows: usize,
    pub review_rows: usize,
    /// Total size of every file written.
    pub bytes: u64,
}

impl SampleFiles {
    /// The data files, in the order the app loads them.
    pub fn data_files(&self) -> [&Path; 6] {
        [
            &self.orders,
            &self.products,
            &self.customers,
            &self.events,
            &self.service,
            &self.reviews,
        ]
    }
}

/// Generates the sample store for `config` into `out_dir` (created if missing).
/// Each file is written atomically; existing files of the same names are replaced.
pub fn write_sample(config: &SampleConfig, out_dir: &Path) -> Result<SampleFiles, SampleError> {
    config.check()?;
    let truth = out_dir.join("truth");
    std::fs::create_dir_all(&truth).map_err(|source| SampleError::Io {
        path: truth.clone(),
        source,
    })?;

    let cal = Calendar::new(config.end_date, config.days);
    let catalog = Catalog::new(config.products, &mut stream(config.seed, 1));
    let mut customers = customers::make_customers(config.customers, &mut stream(config.seed, 2));
    let book = orders::make_orders(&mut customers, &catalog, &cal, &mut stream(config.seed, 3));
    let events = events::make_events(
        &book.rows,
        &customers,
        &catalog,
        &cal,
        config.event_days,
        &mut stream(config.seed, 4),
    );
    let voice = service::make_voice(
        &book.rows,
        &customers,
        &catalog,
        &cal,
        &mut stream(config.seed, 5),
    );

    let files = SampleFiles {
        dir: out_dir.to_path_buf(),
        orders: out_dir.join("orders.csv"),
        products: out_dir.join("products.csv"),
        customers: out_dir.join("customers.csv"),
        events: out_dir.join("events.csv"),
        service: out_dir.join("service.csv"),
        reviews: out_dir.join("reviews.csv"),
        readme: out_dir.join("README.md"),
        truth: truth.clone(),
        order_rows: book.rows.len(),
        event_rows: events.len(),
        message_rows: voice.messages.len(),
        review_rows: voice.reviews.len(),
        bytes: 0,
    };
    let mut bytes = 0;
    bytes += write::write_atomic(&files.orders, |o| {
        write::orders_csv(o, &book, &customers, &catalog, &cal)
    })?;
    bytes += write::write_atomic(&files.products, |o| write::products_csv(o, &catalog))?;
    bytes += write::write_atomic(&files.customers, |o| {
        write::customers_csv(o, &customers, &cal)
    })?;
    bytes += write::write_atomic(&files.events, |o| {
        write::events_csv(o, &events, &customers, &catalog, &cal)
    })?;
    bytes += write::write_atomic(&files.service, |o| {
        write::service_csv(o, &voice, &customers, &cal)
    })?;
    bytes += write::write_atomic(&files.reviews, |o| {
        write::reviews_csv(o, &voice, &customers, &catalog, &cal)
    })?;
    bytes += write::write_atomic(&files.readme, |o| {
        std::io::Write::write_all(o, README.as_bytes())
    })?;
    bytes += write::write_atomic(&truth.join("customer_groups.csv"), |o| {
        write::customer_groups_csv(o, &customers)
    })?;
    bytes += write::write_atomic(&truth.join("bundles.csv"), |o| {
        write::bundles_csv(o, &catalog)
    })?;
    bytes += write::write_atomic(&truth.join("dropoff_items.csv"), |o| {
        write::dropoff_csv(o, &catalog)
    })?;
    bytes += write::write_atomic(&truth.join("repeat_purchases.csv"), |o| {
        write::repeat_csv(o, &book, &customers, &catalog)
    })?;
    bytes += write::write_atomic(&truth.join("messy_rows.csv"), |o| {
        write::messy_csv(o, &book, &catalog)
    })?;
    bytes += write::write_atomic(&truth.join("categories.csv"), write::categories_csv)?;
    bytes += write::write_atomic(&truth.join("service_intents.csv"), |o| {
        write::service_intents_csv(o, &voice)
    })?;
    bytes += write::write_atomic(&truth.join("product_quality.csv"), |o| {
        write::product_quality_csv(o, &voice, &catalog, &cal)
    })?;
    bytes += write::write_atomic(&truth.join("calendar.csv"), |o| {
        write::calendar_csv(o, &cal)
    })?;
    Ok(SampleFiles { bytes, ..files })
}

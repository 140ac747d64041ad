//! The sample store's service messages and product reviews, drawn from the orders.
//!
//! Messages: about 42 % of orders lead to one message whose intent follows the
//! order (a refunded line → returns or quality; clothing and shoes → sizing; a
//! cancelled order → payment), timed around the order (shipping 1–5 days after,
//! pre-sales up to 3 days before, payment within hours). On top, 1.8 pre-sales or
//! discount questions per customer at random times, so some customers ask about
//! 优惠 and never buy afterwards. 12 % are in English. Agents answered 85 % and
//! labelled 10 % (the 意图 column); `truth/service_intents.csv` has every label.
//!
//! Reviews: 8 % of paid lines (25 % of a bad product's, once it is bad) are
//! reviewed 3–20 days later. Six popular products are bad all along and two turned
//! bad in the last 90 days: their ratings are mostly 1–2 and their reviews name one planted
//! complaint each (`truth/product_quality.csv`); the rest rate 4–5 mostly.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::calendar::Calendar;
use super::catalog::{CATEGORIES, Catalog};
use super::customers::Customer;
use super::orders::{Row, Status};
use super::pick::Weighted;
use super::voice::{self, Intent};

const SECONDS_PER_DAY: u64 = 86_400;
const MESSAGE_PER_ORDER: f64 = 0.42;
const STANDALONE_PER_CUSTOMER: f64 = 1.8;
const ENGLISH_SHARE: f64 = 0.12;
const REPLIED_SHARE: f64 = 0.85;
const LABELLED_SHARE: f64 = 0.10;
const REVIEW_SHARE: f64 = 0.08;
const BAD_REVIEW_SHARE: f64 = 0.25;
const BAD_PRODUCTS: usize = 6;
const DROPPED_PRODUCTS: usize = 2;
const DROPPED_DAYS: u32 = 90;
/// Categories whose products come in sizes (服饰, 鞋包).
const SIZED: [&str; 2] = ["服饰", "鞋包"];

/// One line of service.csv.
pub(super) struct Message {
    pub customer: usize,
    pub seconds: u64,
    pub channel: usize,
    pub text: String,
    pub reply: Option<&'static str>,
    pub intent: Intent,
    /// The agent wrote the intent in the file.
    pub labelled: bool,
}

/// One line of reviews.csv.
pub(super) struct Review {
    pub customer: usize,
    pub product: usize,
    pub seconds: u64,
    pub rating: u8,
    pub text: String,
}

/// A planted bad product: bad from `from_day` on (0: all along).
pub(super) struct BadProduct {
    pub product: usize,
    pub complaint: &'static str,
    pub from_day: u32,
}

/// Everything service.csv, reviews.csv and their truth files are made of.
pub(super) struct Voice {
    pub messages: Vec<Message>,
    pub reviews: Vec<Review>,
    pub bad: Vec<BadProduct>,
}

pub(super) fn make_voice(
    rows: &[Row],
    customers: &[Customer],
    catalog: &Catalog,
    cal: &Calendar,
    rng: &mut ChaCha8Rng,
) -> Voice {
    let end = u64::from(cal.days()) * SECONDS_PER_DAY;
    let mut messages = Vec::new();
    for order in rows.chunk_by(|a, b| a.order == b.order) {
        let Some(customer) = order[0].customer else {
            continue;
        };
        if !rng.random_bool(MESSAGE_PER_ORDER) {
            continue;
        }
        let intent = order_intent(order, catalog, rng);
        let seconds = offset(order[0].seconds, intent, rng).min(end - 1);
        messages.push(message(
            customer,
            seconds,
            order[0].product,
            intent,
            catalog,
            rng,
        ));
    }
    let standalone = (customers.len() as f64 * STANDALONE_PER_CUSTOMER) as usize;
    for _ in 0..standalone {
        let customer = rng.random_range(0..customers.len());
        let seconds = rng.random_range(0..end);
        let product = rng.random_range(0..catalog.products.len());
        let intent = if rng.random_bool(0.5) {
            Intent::PreSales
        } else {
            Intent::Discounts
        };
        messages.push(message(customer, seconds, product, intent, catalog, rng));
    }
    messages.sort_by_key(|m| m.seconds);

    let bad = bad_products(catalog, cal, rng);
    let reviews = make_reviews(rows, catalog, &bad, end, rng);
    Voice {
        messages,
        reviews,
        bad,
    }
}

/// The intent an order's message is about.
fn order_intent(order: &[Row], catalog: &Catalog, rng: &mut ChaCha8Rng) -> Intent {
    use Intent::*;
    let sized = order
        .iter()
        .any(|r| SIZED.contains(&CATEGORIES[catalog.products[r.product].category].zh));
    let weights: [(Intent, f64); 8] = if order.iter().any(|r| r.status == Status::Refunded) {
        [
            (Returns, 0.55),
            (Quality, 0.30),
            (Sizing, if sized { 0.15 } else { 0.0 }),
            (Shipping, 0.05),
            (Discounts, 0.0),
            (Invoice, 0.0),
            (Payment, 0.0),
            (PreSales, 0.0),
        ]
    } else if order.iter().any(|r| r.status == Status::Cancelled) {
        [
            (Payment, 0.40),
            (Shipping, 0.20),
            (PreSales, 0.20),
            (Discounts, 0.20),
            (Returns, 0.0),
            (Quality, 0.0),
            (Sizing, 0.0),
            (Invoice, 0.0),
        ]
    } else {
        [
            (Shipping, 0.35),
            (Invoice, 0.10),
            (Payment, 0.08),
            (Quality, 0.06),
            (Returns, 0.08),
            (Sizing, if sized { 0.20 } else { 0.02 }),
            (PreSales, 0.13),
            (Discounts, 0.08),
        ]
    };
    weights[Weighted::new(weights.iter().map(|w| w.1)).pick(rng)].0
}

/// When a message about an order is written, from the order's time.
fn offset(order_seconds: u64, intent: Intent, rng: &mut ChaCha8Rng) -> u64 {
    let days = |lo: i64, hi: i64, rng: &mut ChaCha8Rng| {
        rng.random_range(lo * SECONDS_PER_DAY as i64..=hi * SECONDS_PER_DAY as i64)
    };
    let delta = match intent {
        Intent::Shipping => days(1, 5, rng),
        Intent::Returns => days(3, 15, rng),
        Intent::Sizing => days(-2, 8, rng),
        Intent::Quality => days(2, 20, rng),
        Intent::Invoice => days(0, 10, rng),
        Intent::Payment => rng.random_range(-3 * 3600..=3 * 3600),
        Intent::PreSales => days(-3, 0, rng),
        Intent::Discounts => days(-7, 0, rng),
    };
    // A message that would fall before the first day is written at the order's time.
    order_seconds
        .checked_add_signed(delta)
        .unwrap_or(order_seconds)
}

fn message(
    customer: usize,
    seconds: u64,
    product: usize,
    intent: Intent,
    catalog: &Catalog,
    rng: &mut ChaCha8Rng,
) -> Message {
    let words = intent.words();
    let pick = |list: &[&'static str], rng: &mut ChaCha8Rng| list[rng.random_range(0..list.len())];
    let text = if rng.random_bool(ENGLISH_SHARE) {
        format!(
            "{}{}{}",
            pick(&voice::ENGLISH_OPENINGS, rng),
            pick(words.english, rng),
            pick(&voice::ENGLISH_CLOSINGS, rng)
        )
    } else {
        let core = pick(words.chinese, rng).replace("{p}", &catalog.products[product].name_zh);
        format!(
            "{}{core}{}",
            pick(&voice::CHINESE_OPENINGS, rng),
            pick(&voice::CHINESE_CLOSINGS, rng)
        )
    };
    Message {
        customer,
        seconds,
        channel: rng.random_range(0..voice::SERVICE_CHANNELS.len()),
        text,
        reply: rng
            .random_bool(REPLIED_SHARE)
            .then(|| pick(words.replies, rng)),
        intent,
        labelled: rng.random_bool(LABELLED_SHARE),
    }
}

/// Bad and recently dropped products, drawn from the more popular half so they
/// collect enough reviews to be seen.
fn bad_products(catalog: &Catalog, cal: &Calendar, rng: &mut ChaCha8Rng) -> Vec<BadProduct> {
    let mut by_popularity: Vec<usize> = (0..catalog.products.len()).collect();
    by_popularity.sort_by(|&a, &b| {
        catalog.products[b]
            .popularity
            .total_cmp(&catalog.products[a].popularity)
            .then(a.cmp(&b))
    });
    let mut pool: Vec<usize> = by_popularity[..by_popularity.len() / 2].to_vec();
    let mut bad = Vec::new();
    for k in 0..BAD_PRODUCTS + DROPPED_PRODUCTS {
        let product = pool.swap_remove(rng.random_range(0..pool.len()));
        let from_day = if k < BAD_PRODUCTS {
            0
        } else {
            cal.days().saturating_sub(DROPPED_DAYS)
        };
        bad.push(BadProduct {
            product,
            complaint: voice::COMPLAINTS[k % voice::COMPLAINTS.len()],
            from_day,
        });
    }
    bad.sort_by_key(|b| b.product);
    bad
}

fn make_reviews(
    rows: &[Row],
    catalog: &Catalog,
    bad: &[BadProduct],
    end: u64,
    rng: &mut ChaCha8Rng,
) -> Vec<Review> {
    let good_ratings = Weighted::new([0.02, 0.03, 0.10, 0.30, 0.55]);
    let bad_ratings = Weighted::new([0.40, 0.30, 0.15, 0.10, 0.05]);
    let mut reviews = Vec::new();
    for row in rows.iter().filter(|r| r.is_sale() && r.quantity > 0) {
        let Some(customer) = row.customer else {
            continue;
        };
        let planted = bad.iter().find(|b| b.product == row.product);
        let bad_then =
            planted.is_some_and(|b| row.seconds / SECONDS_PER_DAY >= u64::from(b.from_day));
        let share = if bad_then {
            BAD_REVIEW_SHARE
        } else {
            REVIEW_SHARE
        };
        if !rng.random_bool(share) {
            continue;
        }
        let seconds = row.seconds + rng.random_range(3 * SECONDS_PER_DAY..=20 * SECONDS_PER_DAY);
        if seconds >= end {
            continue;
        }
        let day = (seconds / SECONDS_PER_DAY) as u32;
        let bad_now = planted.filter(|b| day >= b.from_day);
        let ratings = if bad_now.is_some() {
            &bad_ratings
        } else {
            &good_ratings
        };
        let rating = ratings.pick(rng) as u8 + 1;
        let pick =
            |list: &[&'static str], rng: &mut ChaCha8Rng| list[rng.random_range(0..list.len())];
        let generic = match rating {
            4..=5 => pick(&voice::REVIEW_POSITIVE, rng),
            3 => pick(&voice::REVIEW_NEUTRAL, rng),
            _ => pick(&voice::REVIEW_NEGATIVE, rng),
        }
        .replace("{p}", &catalog.products[row.product].name_zh);
        let text = match bad_now {
            Some(b) if rating <= 3 && rng.random_bool(0.8) => format!("{}，{generic}", b.complaint),
            _ => generic,
        };
        reviews.push(Review {
            customer,
            product: row.product,
            seconds,
            rating,
            text,
        });
    }
    reviews.sort_by_key(|r| r.seconds);
    reviews
}

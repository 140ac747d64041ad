//! Sample customers: behaviour groups with their parameters, favourite categories,
//! preferred channel and (fictitious) contact data.
//!
//! Group sizes are `round(share × customers)` in the order of [`CustomerGroup::ALL`],
//! the last group taking the remainder; groups are then shuffled over the ids, so an
//! id says nothing about its group. Contact data is random: about 10 % of emails are
//! empty, every email is at an `example.*` domain, phone numbers have the shape of
//! Chinese mobile numbers (`1` + 10 digits) and may by chance be real ones: never
//! contact them.

use rand::Rng;
use rand::seq::SliceRandom;

use super::catalog::CATEGORIES;
use super::pick::Weighted;

/// The behaviour a customer was generated with (the ground truth of
/// `truth/customer_groups.csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CustomerGroup {
    /// Frequent, high basket value, ordered in the last 30 days.
    Loyal,
    /// Re-order every 30–110 days from their first order to the end.
    Regular,
    /// Buy mostly in promotion windows, cheap products.
    BargainHunter,
    /// Exactly one order, not in the last 90 days.
    OneOff,
    /// Orders only in the first year (days 0–364), none after.
    Lapsed,
    /// First order in the last 90 days.
    New,
}

impl CustomerGroup {
    pub const ALL: [CustomerGroup; 6] = [
        CustomerGroup::Loyal,
        CustomerGroup::Regular,
        CustomerGroup::BargainHunter,
        CustomerGroup::OneOff,
        CustomerGroup::Lapsed,
        CustomerGroup::New,
    ];

    /// The name used in `truth/customer_groups.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            CustomerGroup::Loyal => "loyal",
            CustomerGroup::Regular => "regular",
            CustomerGroup::BargainHunter => "bargain_hunter",
            CustomerGroup::OneOff => "one_off",
            CustomerGroup::Lapsed => "lapsed",
            CustomerGroup::New => "new",
        }
    }

    /// The intended share of customers.
    pub fn share(self) -> f64 {
        self.params().share
    }

    pub(super) fn params(self) -> &'static GroupParams {
        &GROUP_PARAMS[self as usize]
    }
}

/// How a group buys.
pub(super) struct GroupParams {
    pub share: f64,
    /// Normal (non-staple) orders: `min_orders + Poisson(extra_orders)`
    /// (regulars: by their re-order rhythm instead, see `orders`).
    pub min_orders: u32,
    pub extra_orders: f64,
    /// Lines per order: `1 + Poisson(extra_lines)` (before bundle companions).
    pub extra_lines: f64,
    /// Product choice within a category ∝ popularity × price^price_power.
    pub price_power: f64,
    /// Chance of having a staple consumable re-bought at a regular interval.
    pub staple_share: f64,
    /// Orders of this group may be cancelled.
    pub cancellable: bool,
    /// Weight of the group among users who browse and cart in events.csv.
    pub browse_weight: f64,
}

const GROUP_PARAMS: [GroupParams; 6] = [
    // Loyal
    GroupParams {
        share: 0.08,
        min_orders: 8,
        extra_orders: 4.0,
        extra_lines: 1.3,
        price_power: 0.4,
        staple_share: 0.3,
        cancellable: true,
        browse_weight: 4.0,
    },
    // Regular
    GroupParams {
        share: 0.30,
        min_orders: 2,
        extra_orders: 2.0,
        extra_lines: 0.8,
        price_power: 0.0,
        staple_share: 0.0,
        cancellable: true,
        browse_weight: 2.0,
    },
    // BargainHunter
    GroupParams {
        share: 0.15,
        min_orders: 2,
        extra_orders: 3.0,
        extra_lines: 0.5,
        price_power: -0.8,
        staple_share: 0.0,
        cancellable: true,
        browse_weight: 2.0,
    },
    // OneOff
    GroupParams {
        share: 0.22,
        min_orders: 1,
        extra_orders: 0.0,
        extra_lines: 0.5,
        price_power: 0.0,
        staple_share: 0.0,
        cancellable: false,
        browse_weight: 0.0,
    },
    // Lapsed
    GroupParams {
        share: 0.15,
        min_orders: 2,
        extra_orders: 2.0,
        extra_lines: 0.8,
        price_power: 0.0,
        staple_share: 0.0,
        cancellable: true,
        browse_weight: 0.0,
    },
    // New
    GroupParams {
        share: 0.10,
        min_orders: 1,
        extra_orders: 0.0,
        extra_lines: 0.7,
        price_power: 0.0,
        staple_share: 0.0,
        cancellable: false,
        browse_weight: 2.0,
    },
];

/// Order channels as written in orders.csv.
pub(super) const CHANNELS: [&str; 4] = ["app", "web", "mini-program", "store"];
/// Shares of the preferred channel (bargain hunters: app or mini-program only).
const CHANNEL_SHARES: [f64; 4] = [0.45, 0.15, 0.25, 0.15];
/// Share of a customer's orders placed in the preferred channel.
pub(super) const PREFERRED_CHANNEL_SHARE: f64 = 0.8;

/// `(region, weight)`: province and city as Chinese shop systems write them.
const REGIONS: [(&str, f64); 20] = [
    ("广东省深圳市", 9.0),
    ("广东省广州市", 8.0),
    ("上海市", 9.0),
    ("北京市", 8.0),
    ("浙江省杭州市", 7.0),
    ("江苏省南京市", 5.0),
    ("江苏省苏州市", 5.0),
    ("四川省成都市", 6.0),
    ("湖北省武汉市", 5.0),
    ("福建省厦门市", 3.0),
    ("山东省青岛市", 3.0),
    ("河南省郑州市", 4.0),
    ("湖南省长沙市", 4.0),
    ("陕西省西安市", 4.0),
    ("重庆市", 5.0),
    ("天津市", 3.0),
    ("辽宁省沈阳市", 2.0),
    ("安徽省合肥市", 3.0),
    ("云南省昆明市", 2.0),
    ("黑龙江省哈尔滨市", 2.0),
];

const PINYIN: [&str; 16] = [
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo",
];
const GIVEN: [&str; 12] = [
    "wei", "fang", "na", "min", "jing", "lei", "yan", "jun", "yang", "ting", "hao", "xin",
];
const EMAIL_DOMAINS: [&str; 3] = ["example.com", "example.cn", "example.net"];
const PHONE_PREFIXES: [u32; 16] = [
    130, 131, 135, 136, 137, 138, 139, 150, 152, 158, 159, 177, 180, 186, 188, 199,
];
const EMPTY_EMAIL_SHARE: f64 = 0.1;

/// One sample customer.
#[derive(Clone, Debug)]
pub(super) struct Customer {
    pub id: String,
    pub group: CustomerGroup,
    /// 2–3 favourite categories: 70 % of their lines come from these.
    pub favourites: Vec<usize>,
    /// Index into `CHANNELS`.
    pub channel: usize,
    pub email: String,
    pub phone: String,
    pub region: &'static str,
    /// Days after day 0 (negative: before the period); set when orders are planned.
    pub signup_day: i64,
}

/// Group of each of `count` customers, in id order.
pub(super) fn assign_groups(count: usize, rng: &mut impl Rng) -> Vec<CustomerGroup> {
    let mut groups = Vec::with_capacity(count);
    for (i, group) in CustomerGroup::ALL.iter().enumerate() {
        let n = if i + 1 == CustomerGroup::ALL.len() {
            count - groups.len()
        } else {
            ((group.share() * count as f64).round() as usize).min(count - groups.len())
        };
        groups.extend(std::iter::repeat_n(*group, n));
    }
    groups.shuffle(rng);
    groups
}

/// The customers, ids `C00001` … in order.
pub(super) fn make_customers(count: usize, rng: &mut impl Rng) -> Vec<Customer> {
    let groups = assign_groups(count, rng);
    let category_weights = Weighted::new(CATEGORIES.iter().map(|c| c.weight));
    let channel_weights = Weighted::new(CHANNEL_SHARES);
    let region_weights = Weighted::new(REGIONS.iter().map(|r| r.1));
    groups
        .into_iter()
        .enumerate()
        .map(|(i, group)| {
            let n_fav = rng.random_range(2..=3);
            let mut favourites = Vec::with_capacity(n_fav);
            while favourites.len() < n_fav {
                let c = category_weights.pick(rng);
                if !favourites.contains(&c) {
                    favourites.push(c);
                }
            }
            let channel = if group == CustomerGroup::BargainHunter {
                if rng.random_bool(0.6) { 0 } else { 2 }
            } else {
                channel_weights.pick(rng)
            };
            Customer {
                id: format!("C{:05}", i + 1),
                group,
                favourites,
                channel,
                email: make_email(rng),
                phone: make_phone(rng),
                region: REGIONS[region_weights.pick(rng)].0,
                signup_day: 0,
            }
        })
        .collect()
}

fn make_email(rng: &mut impl Rng) -> String {
    if rng.random_bool(EMPTY_EMAIL_SHARE) {
        return String::new();
    }
    let domain = EMAIL_DOMAINS[rng.random_range(0..EMAIL_DOMAINS.len())];
    match rng.random_range(0..3) {
        0 => format!("{}@{domain}", rng.random_range(10_000u32..2_000_000_000)),
        1 => format!(
            "{}{}{}@{domain}",
            PINYIN[rng.random_range(0..PINYIN.len())],
            GIVEN[rng.random_range(0..GIVEN.len())],
            rng.random_range(1970..2008)
        ),
        _ => format!(
            "{}.{}{}@{domain}",
            GIVEN[rng.random_range(0..GIVEN.len())],
            PINYIN[rng.random_range(0..PINYIN.len())],
            rng.random_range(1..1000)
        ),
    }
}

fn make_phone(rng: &mut impl Rng) -> String {
    let prefix = PHONE_PREFIXES[rng.random_range(0..PHONE_PREFIXES.len())];
    format!("{prefix}{:08}", rng.random_range(0..100_000_000u32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sample::pick::stream;

    #[test]
    fn group_sizes_follow_the_shares_and_sum_to_the_count() {
        let groups = assign_groups(5000, &mut stream(3, 0));
        let count = |g| groups.iter().filter(|&&x| x == g).count();
        assert_eq!(count(CustomerGroup::Loyal), 400);
        assert_eq!(count(CustomerGroup::OneOff), 1100);
        assert_eq!(count(CustomerGroup::New), 500);
        let shares: f64 = CustomerGroup::ALL.iter().map(|g| g.share()).sum();
        assert!((shares - 1.0).abs() < 1e-9);
    }

    #[test]
    fn contact_data_has_the_documented_shape() {
        let customers = make_customers(500, &mut stream(3, 1));
        for c in &customers {
            assert_eq!(c.phone.len(), 11);
            assert!(c.phone.starts_with('1') && c.phone.bytes().all(|b| b.is_ascii_digit()));
            assert!(c.email.is_empty() || c.email.contains("@example."));
            assert!((2..=3).contains(&c.favourites.len()));
        }
        assert_eq!(customers[41].id, "C00042");
    }
}

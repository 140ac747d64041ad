//! Order planning: when each customer orders (by group), what goes in the basket
//! (favourite categories, price preference, bundles, staples), then cancellations,
//! returns and the few deliberately messy rows.
//!
//! Contract of the rows (see `sample-data/README.md` for the numbers):
//! - every order day is drawn ∝ the calendar's demand factor within the customer's
//!   window, so the weekly and yearly pattern holds for every group;
//! - a cancelled order has all its lines `cancelled` and never a return; a
//!   customer's first order (and a loyal customer's last-30-days order) is never
//!   cancelled;
//! - a return is an extra line in the same order: negative quantity and amount,
//!   status `refunded`, 3–15 days after the order, dropped if that is after the end;
//! - rows are sorted by time; the messy rows are guest orders (empty
//!   `customer_id`) and exact copies placed right after their original row.

use rand::Rng;

use super::calendar::{Calendar, SECONDS_PER_DAY};
use super::catalog::{CATEGORIES, Catalog};
use super::customers::{CHANNELS, Customer, CustomerGroup, PREFERRED_CHANNEL_SHARE};
use super::pick::{Weighted, normal, poisson};

/// Share of a line's categories drawn from the customer's favourites.
pub(super) const FAVOURITE_SHARE: f64 = 0.7;
/// Share of a bargain hunter's orders placed on promotion days.
pub(super) const BARGAIN_PROMO_SHARE: f64 = 0.85;
/// Chance that an order that may be cancelled is (about 2 % of all orders).
pub(super) const CANCEL_SHARE: f64 = 0.025;
pub(super) const RETURN_SHARE: f64 = 0.03;
pub(super) const RETURN_DAYS: (u64, u64) = (3, 15);
pub(super) const DUPLICATE_ROWS: usize = 20;
pub(super) const GUEST_ROWS: usize = 10;
/// Loyal customers always have an order in this many last days.
pub(super) const LOYAL_RECENT_DAYS: u32 = 30;
/// Days between a regular customer's orders (uniform), the first within the
/// largest gap after the window starts.
pub(super) const REGULAR_GAP_DAYS: (f64, f64) = (30.0, 110.0);
/// A regular's order lands within this many days of its due day, by demand.
const REGULAR_SLACK_DAYS: u32 = 3;
/// One-off buyers' order is before this many last days; new customers' first after.
pub(super) const NEW_DAYS: u32 = 90;
/// Lapsed customers order only in days `0..LAPSED_LAST_DAY`.
pub(super) const LAPSED_DAYS: u32 = 365;
/// A staple's next purchase: interval × (1 + 0.05·z), then ±2 days by demand.
const STAPLE_JITTER: f64 = 0.05;
const STAPLE_SLACK_DAYS: u32 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Status {
    Paid,
    Cancelled,
    Refunded,
}

impl Status {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Status::Paid => "paid",
            Status::Cancelled => "cancelled",
            Status::Refunded => "refunded",
        }
    }
}

/// One line of orders.csv.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Row {
    pub order: u32,
    /// Index into the customers; None for a guest order (empty customer_id).
    pub customer: Option<usize>,
    /// Seconds since the start of day 0.
    pub seconds: u64,
    pub product: usize,
    pub quantity: i32,
    pub unit_price: f64,
    pub status: Status,
    pub channel: usize,
}

impl Row {
    pub(super) fn amount(&self) -> f64 {
        (f64::from(self.quantity) * self.unit_price * 100.0).round() / 100.0
    }

    pub(super) fn is_sale(&self) -> bool {
        self.status == Status::Paid
    }
}

/// A staple consumable a customer re-buys at a regular interval.
#[derive(Clone, Debug)]
pub(super) struct Staple {
    pub customer: usize,
    pub product: usize,
    pub interval_days: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MessyKind {
    Duplicate,
    EmptyCustomerId,
}

impl MessyKind {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            MessyKind::Duplicate => "duplicate",
            MessyKind::EmptyCustomerId => "empty_customer_id",
        }
    }
}

/// A deliberately messy row: its 1-based data row in orders.csv.
#[derive(Clone, Debug)]
pub(super) struct Messy {
    pub row: usize,
    pub kind: MessyKind,
}

/// Everything orders.csv and its truth files are made of.
pub(super) struct OrderBook {
    pub rows: Vec<Row>,
    pub staples: Vec<Staple>,
    pub messy: Vec<Messy>,
}

/// Draws products for a group: category from favourites or category weights, then
/// a product ∝ popularity × price^price_power.
pub(super) struct Chooser {
    categories: Weighted,
    /// `[group][category]` over `catalog.by_category[category]`.
    products: Vec<Vec<Weighted>>,
}

impl Chooser {
    pub(super) fn new(catalog: &Catalog) -> Self {
        let products = CustomerGroup::ALL
            .iter()
            .map(|g| {
                let power = g.params().price_power;
                catalog
                    .by_category
                    .iter()
                    .map(|ids| {
                        Weighted::new(ids.iter().map(|&p| {
                            let product = &catalog.products[p];
                            product.popularity * product.price.powf(power)
                        }))
                    })
                    .collect()
            })
            .collect();
        Chooser {
            categories: Weighted::new(CATEGORIES.iter().map(|c| c.weight)),
            products,
        }
    }

    /// A product index for a customer of `group` with these favourites.
    pub(super) fn pick(
        &self,
        catalog: &Catalog,
        group: CustomerGroup,
        favourites: &[usize],
        rng: &mut impl Rng,
    ) -> usize {
        let category = if !favourites.is_empty() && rng.random_bool(FAVOURITE_SHARE) {
            favourites[rng.random_range(0..favourites.len())]
        } else {
            self.categories.pick(rng)
        };
        self.pick_in(catalog, group, category, rng)
    }

    pub(super) fn pick_in(
        &self,
        catalog: &Catalog,
        group: CustomerGroup,
        category: usize,
        rng: &mut impl Rng,
    ) -> usize {
        catalog.by_category[category][self.products[group as usize][category].pick(rng)]
    }
}

/// An order before ids are given.
struct Draft {
    customer: Option<usize>,
    seconds: u64,
    channel: usize,
    lines: Vec<(usize, i32)>,
    cancelled: bool,
}

/// A planned order day.
#[derive(Clone, Copy)]
struct Planned {
    day: u32,
    staple: bool,
    cancellable: bool,
}

/// Plans every customer's orders (setting their `signup_day`) and builds the rows.
pub(super) fn make_orders(
    customers: &mut [Customer],
    catalog: &Catalog,
    cal: &Calendar,
    rng: &mut impl Rng,
) -> OrderBook {
    let chooser = Chooser::new(catalog);
    let mut drafts = Vec::new();
    let mut staples = Vec::new();
    for (index, customer) in customers.iter_mut().enumerate() {
        let staple = plan_staple(customer, index, catalog, &chooser, rng);
        let plan = plan_days(customer.group, staple.as_ref(), cal, rng);
        customer.signup_day = signup_day(customer.group, &plan, cal, rng);
        for planned in plan {
            drafts.push(make_draft(
                customer,
                index,
                planned,
                staple.as_ref(),
                catalog,
                &chooser,
                cal,
                rng,
            ));
        }
        staples.extend(staple);
    }
    for _ in 0..GUEST_ROWS {
        let day = cal.sample_day(rng, 0, cal.days() - 1);
        let product = chooser.pick(catalog, CustomerGroup::Regular, &[], rng);
        drafts.push(Draft {
            customer: None,
            seconds: u64::from(day) * SECONDS_PER_DAY + cal.sample_second(rng, day),
            channel: CHANNELS.len() - 1, // store: guest checkout at the till
            lines: vec![(product, 1)],
            cancelled: false,
        });
    }
    drafts.sort_by_key(|d| (d.seconds, d.customer.unwrap_or(usize::MAX)));
    let mut rows = rows_with_returns(&drafts, catalog, cal, rng);
    let messy = add_messy_rows(&mut rows, rng);
    OrderBook {
        rows,
        staples,
        messy,
    }
}

fn plan_staple(
    customer: &Customer,
    index: usize,
    catalog: &Catalog,
    chooser: &Chooser,
    rng: &mut impl Rng,
) -> Option<Staple> {
    let share = customer.group.params().staple_share;
    if share <= 0.0 || !rng.random_bool(share) {
        return None;
    }
    let consumables: Vec<usize> = (0..CATEGORIES.len())
        .filter(|&c| CATEGORIES[c].repeat_days.is_some())
        .collect();
    let category = consumables[rng.random_range(0..consumables.len())];
    let mean = CATEGORIES[category].repeat_days.unwrap_or(30.0);
    Some(Staple {
        customer: index,
        product: chooser.pick_in(catalog, customer.group, category, rng),
        interval_days: (mean * rng.random_range(0.85..1.15) * 10.0).round() / 10.0,
    })
}

fn plan_days(
    group: CustomerGroup,
    staple: Option<&Staple>,
    cal: &Calendar,
    rng: &mut impl Rng,
) -> Vec<Planned> {
    let end = cal.days() - 1;
    let params = group.params();
    let count = params.min_orders + poisson(rng, params.extra_orders);
    let normal_day = |day| Planned {
        day,
        staple: false,
        cancellable: true,
    };
    let mut plan: Vec<Planned> = Vec::new();
    let window_start;
    match group {
        CustomerGroup::Loyal => {
            window_start = rng.random_range(0..=120);
            plan.extend((1..count).map(|_| normal_day(cal.sample_day(rng, window_start, end))));
            let recent = cal.sample_day(rng, end + 1 - LOYAL_RECENT_DAYS, end);
            plan.push(Planned {
                day: recent,
                staple: false,
                cancellable: false,
            });
        }
        CustomerGroup::Regular => {
            // A steady re-order rhythm, so a regular's last order is always recent.
            window_start = rng.random_range(0..=450);
            let (min_gap, max_gap) = REGULAR_GAP_DAYS;
            let mut due = f64::from(window_start) + rng.random_range(0.0..max_gap);
            while due <= f64::from(end) {
                let d = due as u32;
                plan.push(normal_day(cal.sample_day(
                    rng,
                    d.saturating_sub(REGULAR_SLACK_DAYS),
                    (d + REGULAR_SLACK_DAYS).min(end),
                )));
                due += rng.random_range(min_gap..max_gap);
            }
        }
        CustomerGroup::BargainHunter => {
            window_start = rng.random_range(0..=365);
            for _ in 0..count {
                let promo = rng
                    .random_bool(BARGAIN_PROMO_SHARE)
                    .then(|| cal.sample_promo_day(rng, window_start, end))
                    .flatten();
                let day = promo.unwrap_or_else(|| cal.sample_day(rng, window_start, end));
                plan.push(normal_day(day));
            }
        }
        CustomerGroup::OneOff => {
            window_start = 0;
            plan.push(normal_day(cal.sample_day(rng, 0, end - NEW_DAYS)));
        }
        CustomerGroup::Lapsed => {
            window_start = rng.random_range(0..=180);
            plan.extend(
                (0..count).map(|_| normal_day(cal.sample_day(rng, window_start, LAPSED_DAYS - 1))),
            );
        }
        CustomerGroup::New => {
            let first = cal.sample_day(rng, end + 1 - NEW_DAYS, end);
            window_start = first;
            plan.push(normal_day(first));
            let more = u32::from(rng.random_bool(0.35)) + u32::from(rng.random_bool(0.35));
            plan.extend((0..more).map(|_| normal_day(cal.sample_day(rng, first, end))));
        }
    }
    if let Some(staple) = staple {
        let mut due = window_start as f64 + rng.random::<f64>() * staple.interval_days;
        while due <= f64::from(end) {
            let d = due as u32;
            let day = cal.sample_day(
                rng,
                d.saturating_sub(STAPLE_SLACK_DAYS),
                d + STAPLE_SLACK_DAYS,
            );
            plan.push(Planned {
                day,
                staple: true,
                cancellable: true,
            });
            due += staple.interval_days * (1.0 + STAPLE_JITTER * normal(rng));
        }
    }
    plan.sort_by_key(|p| p.day);
    if let Some(first) = plan.first_mut() {
        first.cancellable = false;
    }
    plan
}

fn signup_day(group: CustomerGroup, plan: &[Planned], cal: &Calendar, rng: &mut impl Rng) -> i64 {
    let first = i64::from(plan.first().map_or(0, |p| p.day));
    match group {
        CustomerGroup::New => {
            let earliest = (i64::from(cal.days()) - i64::from(NEW_DAYS)).max(first - 14);
            rng.random_range(earliest..=first)
        }
        CustomerGroup::OneOff => first - rng.random_range(0..=30),
        _ => first - rng.random_range(0..=180),
    }
}

#[allow(clippy::too_many_arguments)] // one call site; a struct would only rename them
fn make_draft(
    customer: &Customer,
    index: usize,
    planned: Planned,
    staple: Option<&Staple>,
    catalog: &Catalog,
    chooser: &Chooser,
    cal: &Calendar,
    rng: &mut impl Rng,
) -> Draft {
    let group = customer.group;
    let promo = cal.promotion(planned.day).is_some();
    let mut lines: Vec<(usize, i32)> = Vec::new();
    let wanted = match (planned.staple, staple) {
        (true, Some(s)) => {
            add(&mut lines, s.product, 1 + i32::from(rng.random_bool(0.2)));
            usize::from(rng.random_bool(0.3))
        }
        _ => 1 + poisson(rng, group.params().extra_lines) as usize,
    };
    for _ in 0..wanted * 4 {
        if lines.len() >= wanted + usize::from(planned.staple) {
            break;
        }
        let product = chooser.pick(catalog, group, &customer.favourites, rng);
        let extra =
            i32::from(group == CustomerGroup::BargainHunter && promo && rng.random_bool(0.3));
        add(&mut lines, product, quantity(rng) + extra);
    }
    let picked = lines.clone();
    for (product, _) in picked {
        if let Some(b) = catalog.bundle_of[product] {
            for &(companion, p) in &catalog.bundles[b].companions {
                if rng.random_bool(p) {
                    add(&mut lines, companion, 1);
                }
            }
        }
    }
    let channel = if rng.random_bool(PREFERRED_CHANNEL_SHARE) {
        customer.channel
    } else {
        rng.random_range(0..CHANNELS.len())
    };
    Draft {
        customer: Some(index),
        seconds: u64::from(planned.day) * SECONDS_PER_DAY + cal.sample_second(rng, planned.day),
        channel,
        lines,
        cancelled: planned.cancellable
            && group.params().cancellable
            && rng.random_bool(CANCEL_SHARE),
    }
}

/// Adds a line unless the product is already in the order.
fn add(lines: &mut Vec<(usize, i32)>, product: usize, quantity: i32) {
    if !lines.iter().any(|&(p, _)| p == product) {
        lines.push((product, quantity));
    }
}

/// 1 (80 %), 2 (15 %) or 3 (5 %).
fn quantity(rng: &mut impl Rng) -> i32 {
    let u: f64 = rng.random();
    if u < 0.8 {
        1
    } else if u < 0.95 {
        2
    } else {
        3
    }
}

fn rows_with_returns(
    drafts: &[Draft],
    catalog: &Catalog,
    cal: &Calendar,
    rng: &mut impl Rng,
) -> Vec<Row> {
    let end_seconds = u64::from(cal.days()) * SECONDS_PER_DAY;
    let mut rows = Vec::new();
    let mut returns = Vec::new();
    for (i, draft) in drafts.iter().enumerate() {
        let day = (draft.seconds / SECONDS_PER_DAY) as u32;
        let discount = cal.discount(day);
        for &(product, quantity) in &draft.lines {
            let row = Row {
                order: i as u32 + 1,
                customer: draft.customer,
                seconds: draft.seconds,
                product,
                quantity,
                unit_price: (catalog.products[product].price * discount * 100.0).round() / 100.0,
                status: if draft.cancelled {
                    Status::Cancelled
                } else {
                    Status::Paid
                },
                channel: draft.channel,
            };
            if !draft.cancelled && draft.customer.is_some() && rng.random_bool(RETURN_SHARE) {
                let lag = rng.random_range(RETURN_DAYS.0..=RETURN_DAYS.1) * SECONDS_PER_DAY;
                let at = (draft.seconds / SECONDS_PER_DAY) * SECONDS_PER_DAY
                    + lag
                    + rng.random_range(9 * 3600..21 * 3600);
                if at < end_seconds {
                    returns.push(Row {
                        seconds: at,
                        quantity: -row.quantity,
                        status: Status::Refunded,
                        ..row.clone()
                    });
                }
            }
            rows.push(row);
        }
    }
    rows.extend(returns);
    rows.sort_by_key(|r| r.seconds); // stable: lines of one order keep their order
    rows
}

/// Copies `DUPLICATE_ROWS` paid customer rows right after their originals and
/// returns where every messy row ended up.
fn add_messy_rows(rows: &mut Vec<Row>, rng: &mut impl Rng) -> Vec<Messy> {
    let mut picked: Vec<usize> = Vec::new();
    let candidates = rows
        .iter()
        .filter(|r| r.is_sale() && r.customer.is_some())
        .count();
    while picked.len() < DUPLICATE_ROWS.min(candidates) {
        let i = rng.random_range(0..rows.len());
        if rows[i].is_sale() && rows[i].customer.is_some() && !picked.contains(&i) {
            picked.push(i);
        }
    }
    picked.sort_unstable();
    let mut out = Vec::with_capacity(rows.len() + picked.len());
    let mut messy = Vec::new();
    let mut next = picked.iter().peekable();
    for (i, row) in rows.drain(..).enumerate() {
        let duplicate = next.next_if(|&&p| p == i).is_some();
        if row.customer.is_none() {
            messy.push(Messy {
                row: out.len() + 1,
                kind: MessyKind::EmptyCustomerId,
            });
        }
        out.push(row);
        if duplicate {
            let copy = out[out.len() - 1].clone();
            out.push(copy);
            messy.push(Messy {
                row: out.len(),
                kind: MessyKind::Duplicate,
            });
        }
    }
    *rows = out;
    messy
}

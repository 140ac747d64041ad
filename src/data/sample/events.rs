//! Behaviour events for the last `event_days` days: a view → cart → purchase funnel
//! with planted drop-off products.
//!
//! Construction (event counts, not unique users):
//! - purchase: one per paid (not cancelled, not return) order line of a known
//!   customer in the window placed in the `app` channel, at the order's time
//!   (the tracking is in the app: web, mini-program and store orders are not
//!   tracked);
//! - cart: every purchase has a cart 2–90 minutes before it; abandoned carts are
//!   added until purchases / carts = [`CART_TO_PURCHASE`] (35 %);
//! - view: every cart has a view 1–30 minutes before it; browse-only views are added
//!   until carts / views = [`VIEW_TO_CART`] (10 %). [`DROPOFF_VIEW_SHARE`] (25 %) of
//!   the browse-only views go to the drop-off products, in equal parts; the rest
//!   follow the browsing user's favourites like orders do.
//!
//! Abandoned carts and browse-only views come from loyal, regular, bargain-hunter
//! and new customers (weights 4 : 2 : 2 : 2), never before their signup day;
//! lapsed and one-off customers have no events. A view or cart before a purchase
//! near the window's start may fall up to two hours before it.

use rand::Rng;

use super::calendar::{Calendar, SECONDS_PER_DAY};
use super::catalog::Catalog;
use super::customers::{CHANNELS, Customer};
use super::orders::{Chooser, Row};
use super::pick::Weighted;

pub(super) const VIEW_TO_CART: f64 = 0.10;
pub(super) const CART_TO_PURCHASE: f64 = 0.35;
pub(super) const DROPOFF_VIEW_SHARE: f64 = 0.25;
/// Channels whose orders the tracking sees.
pub(super) const TRACKED_CHANNELS: [&str; 1] = ["app"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Behavior {
    View,
    Cart,
    Purchase,
}

impl Behavior {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Behavior::View => "view",
            Behavior::Cart => "cart",
            Behavior::Purchase => "purchase",
        }
    }
}

/// One line of events.csv.
#[derive(Clone, Debug)]
pub(super) struct Event {
    pub customer: usize,
    pub product: usize,
    pub behavior: Behavior,
    /// Seconds since the start of day 0.
    pub seconds: u64,
}

/// The events, sorted by time.
pub(super) fn make_events(
    rows: &[Row],
    customers: &[Customer],
    catalog: &Catalog,
    cal: &Calendar,
    event_days: u32,
    rng: &mut impl Rng,
) -> Vec<Event> {
    let first_day = cal.days() - event_days;
    let window_start = u64::from(first_day) * SECONDS_PER_DAY;
    let window_end = u64::from(cal.days()) * SECONDS_PER_DAY;
    let tracked = |channel: usize| TRACKED_CHANNELS.contains(&CHANNELS[channel]);
    let mut events = Vec::new();

    let mut purchases = 0usize;
    for row in rows {
        if let Some(customer) = row.customer
            && row.is_sale()
            && row.seconds >= window_start
            && tracked(row.channel)
        {
            funnel(&mut events, customer, row.product, row.seconds, true, rng);
            purchases += 1;
        }
    }

    let browsers = Browsers::new(customers, first_day);
    if browsers.is_empty() {
        events.sort_by_key(|e| (e.seconds, e.customer, e.behavior));
        return events;
    }
    let chooser = Chooser::new(catalog);
    let carts = (purchases as f64 / CART_TO_PURCHASE).round() as usize;
    for _ in purchases..carts {
        let (customer, at) = browsers.pick(customers, cal, rng);
        let c = &customers[customer];
        let product = chooser.pick(catalog, c.group, &c.favourites, rng);
        funnel(&mut events, customer, product, at, false, rng);
    }
    let views = (carts as f64 / VIEW_TO_CART).round() as usize;
    let browse_only = views.saturating_sub(carts);
    let to_dropoff = (browse_only as f64 * DROPOFF_VIEW_SHARE).round() as usize;
    for i in 0..browse_only {
        let (customer, at) = browsers.pick(customers, cal, rng);
        let c = &customers[customer];
        let product = if i < to_dropoff {
            catalog.dropoff[i % catalog.dropoff.len()]
        } else {
            chooser.pick(catalog, c.group, &c.favourites, rng)
        };
        events.push(Event {
            customer,
            product,
            behavior: Behavior::View,
            seconds: at.min(window_end - 1),
        });
    }
    events.sort_by_key(|e| (e.seconds, e.customer, e.behavior));
    events
}

/// Pushes a cart at `at` (or, when `purchased`, a purchase at `at` and its cart
/// before it) and the view before the cart.
fn funnel(
    events: &mut Vec<Event>,
    customer: usize,
    product: usize,
    at: u64,
    purchased: bool,
    rng: &mut impl Rng,
) {
    let cart_at = if purchased {
        events.push(Event {
            customer,
            product,
            behavior: Behavior::Purchase,
            seconds: at,
        });
        at.saturating_sub(minutes(rng, 2, 90))
    } else {
        at
    };
    events.push(Event {
        customer,
        product,
        behavior: Behavior::Cart,
        seconds: cart_at,
    });
    let view_at = cart_at.saturating_sub(minutes(rng, 1, 30));
    events.push(Event {
        customer,
        product,
        behavior: Behavior::View,
        seconds: view_at,
    });
}

fn minutes(rng: &mut impl Rng, lo: u64, hi: u64) -> u64 {
    rng.random_range(lo * 60..=hi * 60)
}

/// Who browses, and when.
struct Browsers {
    /// `(customer, first day they may browse)`.
    who: Vec<(usize, u32)>,
    weights: Weighted,
}

impl Browsers {
    fn new(customers: &[Customer], first_day: u32) -> Self {
        let who: Vec<(usize, u32)> = customers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.group.params().browse_weight > 0.0)
            .map(|(i, c)| (i, first_day.max(c.signup_day.max(0) as u32)))
            .collect();
        let weights = Weighted::new(
            who.iter()
                .map(|&(i, _)| customers[i].group.params().browse_weight),
        );
        Browsers { who, weights }
    }

    fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// A browsing customer and a time on or after their first browsing day.
    fn pick(&self, customers: &[Customer], cal: &Calendar, rng: &mut impl Rng) -> (usize, u64) {
        let (customer, from) = self.who[self.weights.pick(rng)];
        debug_assert!(customers[customer].group.params().browse_weight > 0.0);
        let day = cal.sample_day(rng, from, cal.days() - 1);
        (
            customer,
            u64::from(day) * SECONDS_PER_DAY + cal.sample_second(rng, day),
        )
    }
}

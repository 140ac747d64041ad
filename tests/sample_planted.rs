//! The sample store's planted structure, which later analysis tests rely on
//! (numbers from `sample-data/README.md`): group behaviour, bundles, seasonality,
//! promotions, returns and messy rows, the funnel and staple re-buys.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use common::sample_store::*;
use marketbench::data::sample::{CustomerGroup, SampleFiles};

#[test]
fn group_shares_are_the_documented_ones() {
    let groups = groups(default_store());
    assert_eq!(groups.len(), 5000);
    for group in CustomerGroup::ALL {
        let count = groups.values().filter(|g| *g == group.as_str()).count();
        let expected = group.share() * 5000.0;
        assert!((count as f64 - expected).abs() <= 1.0, "{group:?}: {count}");
    }
}

#[test]
fn each_group_buys_as_documented() {
    let files = default_store();
    let groups = groups(files);
    let lines = default_lines();
    let end = end_date();
    let mut orders: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut last: BTreeMap<&str, NaiveDate> = BTreeMap::new();
    let mut first: BTreeMap<&str, NaiveDate> = BTreeMap::new();
    let mut spend: BTreeMap<&str, f64> = BTreeMap::new();
    let mut promo_orders: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let promo = promotion_days(files);
    for l in lines {
        let Some(c) = l.customer.as_deref() else {
            continue;
        };
        // Every row counts for recency (returns included); only paid lines for orders.
        let e = last.entry(c).or_insert(l.day);
        *e = (*e).max(l.day);
        if l.status != "paid" {
            continue;
        }
        let f = first.entry(c).or_insert(l.day);
        *f = (*f).min(l.day);
        orders.entry(c).or_default().insert(&l.order);
        *spend.entry(c).or_default() += l.amount;
        if promo.contains(&l.day) {
            promo_orders.entry(c).or_default().insert(&l.order);
        }
    }
    let members = |g: CustomerGroup| {
        groups
            .iter()
            .filter(move |(_, x)| *x == g.as_str())
            .map(|(c, _)| c.as_str())
    };
    let mean_orders = |g| {
        let n: Vec<usize> = members(g)
            .map(|c| orders.get(c).map_or(0, BTreeSet::len))
            .collect();
        n.iter().sum::<usize>() as f64 / n.len() as f64
    };
    let basket = |g| {
        let (s, n) = members(g).fold((0.0, 0), |(s, n), c| {
            (
                s + spend.get(c).copied().unwrap_or(0.0),
                n + orders.get(c).map_or(0, BTreeSet::len),
            )
        });
        s / n as f64
    };
    for c in members(CustomerGroup::OneOff) {
        assert_eq!(orders.get(c).map_or(0, BTreeSet::len), 1, "one-off {c}");
        assert!(
            first[c] <= end - chrono::Days::new(90),
            "one-off {c} ordered in the last 90 days"
        );
    }
    let six_months_ago = end - chrono::Days::new(183);
    for c in members(CustomerGroup::Lapsed) {
        assert!(
            last[c] < six_months_ago,
            "lapsed {c} has a row on {}",
            last[c]
        );
    }
    for c in members(CustomerGroup::New) {
        assert!(
            first[c] > end - chrono::Days::new(90),
            "new {c} first ordered {}",
            first[c]
        );
    }
    for c in members(CustomerGroup::Loyal) {
        assert!(
            last[c] > end - chrono::Days::new(30),
            "loyal {c} last ordered {}",
            last[c]
        );
    }
    let (loyal, regular, lapsed) = (
        mean_orders(CustomerGroup::Loyal),
        mean_orders(CustomerGroup::Regular),
        mean_orders(CustomerGroup::Lapsed),
    );
    assert!(
        loyal > 15.0 && regular > 4.0 && lapsed > 3.0,
        "{loyal} {regular} {lapsed}"
    );
    assert!(loyal > 2.0 * regular && regular > lapsed);
    let (loyal_basket, bargain_basket) = (
        basket(CustomerGroup::Loyal),
        basket(CustomerGroup::BargainHunter),
    );
    assert!(
        loyal_basket > 2.0 * bargain_basket,
        "{loyal_basket} vs {bargain_basket}"
    );
    let bargain: Vec<&str> = members(CustomerGroup::BargainHunter).collect();
    let in_promo: usize = bargain
        .iter()
        .map(|c| promo_orders.get(c).map_or(0, BTreeSet::len))
        .sum();
    let all: usize = bargain
        .iter()
        .map(|c| orders.get(c).map_or(0, BTreeSet::len))
        .sum();
    let share = in_promo as f64 / all as f64;
    assert!(
        (0.75..0.95).contains(&share),
        "bargain hunters' promotion share {share}"
    );
}

fn promotion_days(files: &SampleFiles) -> BTreeSet<NaiveDate> {
    let calendar = frame(&files.truth.join("calendar.csv"));
    text(&calendar, "date")
        .iter()
        .zip(texts(&calendar, "promotion"))
        .filter(|(_, p)| p.as_deref().is_some_and(|p| !p.is_empty()))
        .map(|(d, _)| day_of(d))
        .collect()
}

#[test]
fn planted_bundles_co_occur_far_above_chance() {
    let files = default_store();
    let lines = default_lines();
    let mut baskets: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for l in lines {
        baskets.entry(&l.order).or_default().insert(&l.sku);
    }
    let n = baskets.len() as f64;
    let with = |sku: &str| baskets.values().filter(|b| b.contains(sku)).count() as f64;
    let bundles = frame(&files.truth.join("bundles.csv"));
    let (anchors, companions, probability) = (
        text(&bundles, "anchor_sku"),
        text(&bundles, "companion_sku"),
        numbers(&bundles, "probability"),
    );
    assert_eq!(anchors.len(), 13, "11 bundles, two of them triples");
    for i in 0..anchors.len() {
        let (a, c) = (anchors[i].as_str(), companions[i].as_str());
        let both = baskets
            .values()
            .filter(|b| b.contains(a) && b.contains(c))
            .count() as f64;
        let (na, nc) = (with(a), with(c));
        let lift = both * n / (na * nc);
        assert!(na >= 100.0, "anchor {a} in only {na} orders");
        assert!(lift > 5.0, "{a} + {c}: lift {lift}");
        let given = both / na;
        assert!(
            (given - probability[i]).abs() < 0.12,
            "{a} → {c}: {given} vs {}",
            probability[i]
        );
    }
}

#[test]
fn weekends_sell_about_thirty_percent_more_per_day() {
    let files = default_store();
    let promo = promotion_days(files);
    let revenue = daily_revenue(default_lines());
    let mean = |weekend: bool| {
        let days: Vec<f64> = revenue
            .iter()
            .filter(|(d, _)| {
                !promo.contains(d) && (d.weekday().number_from_monday() >= 6) == weekend
            })
            .map(|(_, r)| *r)
            .collect();
        days.iter().sum::<f64>() / days.len() as f64
    };
    let ratio = mean(true) / mean(false);
    assert!(
        (1.15..1.45).contains(&ratio),
        "weekend / weekday revenue per day {ratio}"
    );
}

#[test]
fn double_11_is_a_top_day_and_new_year_dips() {
    let revenue = daily_revenue(default_lines());
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let mut ranked: Vec<(NaiveDate, f64)> = revenue.iter().map(|(d, r)| (*d, *r)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let rank = |d| {
        ranked
            .iter()
            .position(|(x, _)| *x == d)
            .expect("day present")
    };
    assert!(
        rank(date(2025, 11, 11)) < 3,
        "2025-11-11 ranks {}",
        rank(date(2025, 11, 11))
    );
    let mean = |from: NaiveDate, to: NaiveDate| {
        let r: Vec<f64> = revenue.range(from..=to).map(|(_, r)| *r).collect();
        r.iter().sum::<f64>() / r.len() as f64
    };
    // The first year's Double 11 is smaller (trend) but still far above its month.
    let october = mean(date(2024, 10, 7), date(2024, 10, 31));
    let double11 = revenue[&date(2024, 11, 11)];
    assert!(
        double11 > 3.0 * october,
        "2024-11-11 {double11} vs October {october}"
    );
    // Chinese New Year 2025-01-29: the holiday against the first half of January.
    let dip = mean(date(2025, 1, 25), date(2025, 2, 2));
    let before = mean(date(2025, 1, 4), date(2025, 1, 17));
    assert!(dip < 0.75 * before, "holiday {dip} vs before {before}");
    // Growth: the second year sells clearly more than the first.
    let split = date(2025, 7, 1);
    let first: f64 = revenue.range(..split).map(|(_, r)| r).sum();
    let second: f64 = revenue.range(split..).map(|(_, r)| r).sum();
    assert!(second > 1.2 * first, "year 2 {second} vs year 1 {first}");
}

#[test]
fn returns_cancellations_and_messy_rows_are_as_documented() {
    let files = default_store();
    let lines = default_lines();
    let paid = lines.iter().filter(|l| l.status == "paid").count() as f64;
    let returns: Vec<&Line> = lines.iter().filter(|l| l.status == "refunded").collect();
    let share = returns.len() as f64 / paid;
    assert!((0.02..0.04).contains(&share), "returns {share}");
    let sales: BTreeMap<(&str, &str), NaiveDate> = lines
        .iter()
        .filter(|l| l.status == "paid")
        .map(|l| ((l.order.as_str(), l.sku.as_str()), l.day))
        .collect();
    for r in &returns {
        assert!(r.quantity < 0.0 && r.amount < 0.0);
        let sold = sales
            .get(&(r.order.as_str(), r.sku.as_str()))
            .expect("a return has its sale in the same order");
        let lag = (r.day - *sold).num_days();
        assert!((3..=15).contains(&lag), "return after {lag} days");
    }
    let orders: BTreeSet<&str> = lines.iter().map(|l| l.order.as_str()).collect();
    let cancelled: BTreeSet<&str> = lines
        .iter()
        .filter(|l| l.status == "cancelled")
        .map(|l| l.order.as_str())
        .collect();
    let share = cancelled.len() as f64 / orders.len() as f64;
    assert!((0.012..0.03).contains(&share), "cancelled orders {share}");
    assert!(
        lines
            .iter()
            .all(|l| !cancelled.contains(l.order.as_str()) || l.status == "cancelled")
    );

    let messy = frame(&files.truth.join("messy_rows.csv"));
    let (rows, kinds) = (numbers(&messy, "row"), text(&messy, "kind"));
    let empty: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].customer.is_none())
        .collect();
    assert_eq!(empty.len(), 10);
    let raw = std::fs::read_to_string(&files.orders).expect("read");
    let raw: Vec<&str> = raw.lines().skip(1).collect();
    let duplicates: Vec<usize> = (1..raw.len()).filter(|&i| raw[i] == raw[i - 1]).collect();
    assert_eq!(duplicates.len(), 20);
    let listed = |kind: &str| -> Vec<usize> {
        (0..rows.len())
            .filter(|&i| kinds[i] == kind)
            .map(|i| rows[i] as usize - 1)
            .collect()
    };
    assert_eq!(listed("duplicate"), duplicates);
    assert_eq!(listed("empty_customer_id"), empty);
}

#[test]
fn funnel_rates_and_drop_off_products_are_as_documented() {
    let files = default_store();
    let events = frame(&files.events);
    let (items, behaviors, times) = (
        text(&events, "item_id"),
        text(&events, "behavior"),
        text(&events, "event_time"),
    );
    let mut per_item: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for (item, behavior) in items.iter().zip(&behaviors) {
        let slot = match behavior.as_str() {
            "view" => 0,
            "cart" => 1,
            _ => 2,
        };
        per_item.entry(item).or_default()[slot] += 1;
    }
    let total = per_item
        .values()
        .fold([0; 3], |t, c| [t[0] + c[0], t[1] + c[1], t[2] + c[2]]);
    let view_to_cart = total[1] as f64 / total[0] as f64;
    let cart_to_purchase = total[2] as f64 / total[1] as f64;
    assert!(
        (0.08..=0.12).contains(&view_to_cart),
        "view→cart {view_to_cart}"
    );
    assert!(
        (0.30..=0.40).contains(&cart_to_purchase),
        "cart→purchase {cart_to_purchase}"
    );
    // Purchases are the paid app lines of the last 30 days.
    let from = end_date() - chrono::Days::new(29);
    let app_lines = default_lines()
        .iter()
        .filter(|l| {
            l.status == "paid" && l.channel == "app" && l.customer.is_some() && l.day >= from
        })
        .count();
    assert_eq!(total[2], app_lines);
    assert!(
        times
            .iter()
            .all(|t| day_of(t) >= from - chrono::Days::new(1))
    );

    let mut views: Vec<usize> = per_item.values().map(|c| c[0]).collect();
    views.sort_unstable_by(|a, b| b.cmp(a));
    let top_decile = views[views.len() / 10];
    let dropoff = frame(&files.truth.join("dropoff_items.csv"));
    let dropoff = text(&dropoff, "sku");
    assert_eq!(dropoff.len(), 5);
    for sku in &dropoff {
        let [v, c, _] = per_item[sku.as_str()];
        assert!(
            v >= top_decile,
            "{sku}: {v} views, top decile starts at {top_decile}"
        );
        assert!(
            (c as f64) < 0.03 * v as f64,
            "{sku}: {c} carts of {v} views"
        );
    }
}

#[test]
fn staples_are_rebought_at_their_planted_interval() {
    let files = default_store();
    let mut days: BTreeMap<(String, String), BTreeSet<NaiveDate>> = BTreeMap::new();
    for l in default_lines().iter().filter(|l| l.status == "paid") {
        if let Some(c) = &l.customer {
            days.entry((c.clone(), l.sku.clone()))
                .or_default()
                .insert(l.day);
        }
    }
    let staples = frame(&files.truth.join("repeat_purchases.csv"));
    let (customers, skus, intervals) = (
        text(&staples, "customer_id"),
        text(&staples, "sku"),
        numbers(&staples, "interval_days"),
    );
    // 30 % of the 400 loyal customers (measured 126).
    assert!(
        (90..=150).contains(&customers.len()),
        "{} staples",
        customers.len()
    );
    let mut close = 0;
    for i in 0..customers.len() {
        let bought: Vec<NaiveDate> = days[&(customers[i].clone(), skus[i].clone())]
            .iter()
            .copied()
            .collect();
        let mut gaps: Vec<i64> = bought
            .windows(2)
            .map(|w| (w[1] - w[0]).num_days())
            .collect();
        gaps.sort_unstable();
        let median = gaps[gaps.len() / 2] as f64;
        if (median - intervals[i]).abs() <= 0.15 * intervals[i] {
            close += 1;
        }
    }
    assert!(
        close as f64 >= 0.9 * customers.len() as f64,
        "{close} of {}",
        customers.len()
    );
}

//! The days of the sample period and the shop-wide demand curve.
//!
//! Day 0 is `end_date - (days - 1)`; day `days - 1` is `end_date`. Every order day
//! is drawn with probability proportional to [`Calendar::factor`], the product of:
//! - trend: `TREND_PER_YEAR ^ (day / 365)` (+25 % a year);
//! - weekday: Saturday and Sunday ×[`WEEKEND_FACTOR`] (1.3), other days ×1;
//! - the yearly peaks in [`PEAKS`] (3.8, 618, Double 11, December and Double 12);
//! - the Chinese New Year dip: ×[`CNY_FACTOR`] (0.5) from 5 days before to 5 days
//!   after the holiday ([`CNY_DATES`], 2020–2035; no dip outside that table).
//!
//! Factors multiply. The promotion windows in [`PROMOTIONS`] also discount unit
//! prices and are where bargain hunters shop.

use chrono::{Datelike, NaiveDate, Weekday};
use rand::Rng;

use super::pick::Weighted;

/// Yearly growth of demand.
pub(super) const TREND_PER_YEAR: f64 = 1.25;
/// Saturday and Sunday demand relative to a weekday.
pub(super) const WEEKEND_FACTOR: f64 = 1.3;
/// Demand during the Chinese New Year holiday (logistics stop).
pub(super) const CNY_FACTOR: f64 = 0.5;
/// Days before and after Chinese New Year that have the dip.
const CNY_HALF_WIDTH: i64 = 5;

/// `(month, first day, last day, factor)`: demand multipliers that recur every year.
pub(super) const PEAKS: [(u32, u32, u32, f64); 11] = [
    (3, 6, 7, 1.2),    // 3.8 Queen's Day warm-up
    (3, 8, 8, 1.8),    // 3.8 Queen's Day
    (6, 1, 15, 1.15),  // 618 warm-up
    (6, 16, 17, 1.3),  // 618 pre-sale
    (6, 18, 18, 2.5),  // 618
    (11, 1, 8, 1.2),   // Double 11 warm-up
    (11, 9, 10, 1.5),  // Double 11 pre-sale
    (11, 11, 11, 4.0), // Double 11
    (12, 1, 31, 1.2),  // year-end month
    (12, 10, 11, 1.2), // Double 12 warm-up (times December's 1.2)
    (12, 12, 12, 2.0), // Double 12 (times December's 1.2)
];

/// A recurring promotion window: unit prices are discounted on these days.
#[derive(Clone, Copy, Debug)]
pub(super) struct Promotion {
    pub name: &'static str,
    pub month: u32,
    pub first_day: u32,
    pub last_day: u32,
    /// Unit price = list price × discount.
    pub discount: f64,
}

pub(super) const PROMOTIONS: [Promotion; 4] = [
    Promotion {
        name: "3.8 Queen's Day",
        month: 3,
        first_day: 6,
        last_day: 8,
        discount: 0.9,
    },
    Promotion {
        name: "618",
        month: 6,
        first_day: 16,
        last_day: 18,
        discount: 0.85,
    },
    Promotion {
        name: "Double 11",
        month: 11,
        first_day: 9,
        last_day: 11,
        discount: 0.8,
    },
    Promotion {
        name: "Double 12",
        month: 12,
        first_day: 10,
        last_day: 12,
        discount: 0.9,
    },
];

/// Chinese New Year (Spring Festival) dates.
pub(super) const CNY_DATES: [(i32, u32, u32); 16] = [
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
    (2033, 1, 31),
    (2034, 2, 19),
    (2035, 2, 8),
];

/// Relative order volume by hour of day (evening peak).
const HOUR_WEIGHTS: [f64; 24] = [
    2.0, 1.0, 0.5, 0.3, 0.3, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 5.0, //
    5.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 5.0, 7.0, 8.0, 6.0, 4.0,
];
/// Share of Double 11 orders placed in the first hour (the midnight rush).
pub(super) const DOUBLE11_MIDNIGHT_SHARE: f64 = 0.3;

pub(super) const SECONDS_PER_DAY: u64 = 86_400;

/// The days of the sample period with their demand factors.
pub(super) struct Calendar {
    dates: Vec<NaiveDate>,
    text: Vec<String>,
    factor: Vec<f64>,
    /// `cumulative[i]` = sum of factors of days `0..i` (length days + 1).
    cumulative: Vec<f64>,
    promotion: Vec<Option<usize>>,
    promo_days: Vec<u32>,
    hours: Weighted,
}

impl Calendar {
    pub(super) fn new(end_date: NaiveDate, days: u32) -> Self {
        let start = end_date - chrono::Days::new(u64::from(days.saturating_sub(1)));
        let dates: Vec<NaiveDate> = start.iter_days().take(days as usize).collect();
        let factor: Vec<f64> = dates
            .iter()
            .enumerate()
            .map(|(day, date)| demand_factor(*date, day as f64))
            .collect();
        let mut cumulative = Vec::with_capacity(factor.len() + 1);
        let mut total = 0.0;
        cumulative.push(0.0);
        for f in &factor {
            total += f;
            cumulative.push(total);
        }
        let promotion: Vec<Option<usize>> = dates.iter().map(|d| promotion_of(*d)).collect();
        let promo_days = (0..days)
            .filter(|&d| promotion[d as usize].is_some())
            .collect();
        Calendar {
            text: dates
                .iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect(),
            dates,
            factor,
            cumulative,
            promotion,
            promo_days,
            hours: Weighted::new(HOUR_WEIGHTS),
        }
    }

    pub(super) fn days(&self) -> u32 {
        self.dates.len() as u32
    }

    pub(super) fn date(&self, day: u32) -> NaiveDate {
        self.dates[day as usize]
    }

    /// `YYYY-MM-DD`.
    pub(super) fn date_text(&self, day: u32) -> &str {
        &self.text[day as usize]
    }

    pub(super) fn factor(&self, day: u32) -> f64 {
        self.factor[day as usize]
    }

    pub(super) fn promotion(&self, day: u32) -> Option<&'static Promotion> {
        self.promotion[day as usize].map(|i| &PROMOTIONS[i])
    }

    /// Unit-price multiplier on `day` (1 outside promotion windows).
    pub(super) fn discount(&self, day: u32) -> f64 {
        self.promotion(day).map_or(1.0, |p| p.discount)
    }

    pub(super) fn is_double11(&self, day: u32) -> bool {
        let d = self.date(day);
        d.month() == 11 && d.day() == 11
    }

    /// A day in `lo..=hi` (clamped to the period) drawn ∝ demand factor.
    pub(super) fn sample_day(&self, rng: &mut impl Rng, lo: u32, hi: u32) -> u32 {
        let last = self.days() - 1;
        let (lo, hi) = (lo.min(last), hi.min(last).max(lo.min(last)));
        let from = self.cumulative[lo as usize];
        let to = self.cumulative[hi as usize + 1];
        let u = from + rng.random::<f64>() * (to - from);
        let index = self.cumulative.partition_point(|&c| c <= u);
        // cumulative[index - 1] <= u < cumulative[index]: the day is index - 1.
        (index.saturating_sub(1) as u32).clamp(lo, hi)
    }

    /// A promotion day in `lo..=hi` drawn ∝ demand factor; None if there is none.
    pub(super) fn sample_promo_day(&self, rng: &mut impl Rng, lo: u32, hi: u32) -> Option<u32> {
        let first = self.promo_days.partition_point(|&d| d < lo);
        let end = self.promo_days.partition_point(|&d| d <= hi);
        let candidates = &self.promo_days[first..end];
        let weights = Weighted::new(candidates.iter().map(|&d| self.factor(d)));
        (!weights.is_empty()).then(|| candidates[weights.pick(rng)])
    }

    /// Seconds after midnight of an order on `day`: evening peak, midnight rush on
    /// Double 11.
    pub(super) fn sample_second(&self, rng: &mut impl Rng, day: u32) -> u64 {
        let hour = if self.is_double11(day) && rng.random_bool(DOUBLE11_MIDNIGHT_SHARE) {
            0
        } else {
            self.hours.pick(rng) as u64
        };
        hour * 3600 + rng.random_range(0..3600)
    }

    /// `YYYY-MM-DD HH:MM:SS` for seconds since the start of day 0.
    pub(super) fn timestamp(&self, seconds: u64) -> String {
        let day = (seconds / SECONDS_PER_DAY) as u32;
        let s = seconds % SECONDS_PER_DAY;
        format!(
            "{} {:02}:{:02}:{:02}",
            self.date_text(day),
            s / 3600,
            s / 60 % 60,
            s % 60
        )
    }
}

/// The demand factor of `date`, `day` days after the start.
pub(super) fn demand_factor(date: NaiveDate, day: f64) -> f64 {
    let mut factor = TREND_PER_YEAR.powf(day / 365.0);
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        factor *= WEEKEND_FACTOR;
    }
    for (month, first, last, f) in PEAKS {
        if date.month() == month && (first..=last).contains(&date.day()) {
            factor *= f;
        }
    }
    if in_cny_dip(date) {
        factor *= CNY_FACTOR;
    }
    factor
}

/// True within `CNY_HALF_WIDTH` days of a Chinese New Year in the table.
pub(super) fn in_cny_dip(date: NaiveDate) -> bool {
    CNY_DATES.iter().any(|&(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d)
            .is_some_and(|cny| (date - cny).num_days().abs() <= CNY_HALF_WIDTH)
    })
}

fn promotion_of(date: NaiveDate) -> Option<usize> {
    PROMOTIONS
        .iter()
        .position(|p| date.month() == p.month && (p.first_day..=p.last_day).contains(&date.day()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sample::pick::stream;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn calendar_spans_the_period_ending_on_end_date() {
        let cal = Calendar::new(date(2026, 6, 30), 730);
        assert_eq!(cal.date(0), date(2024, 7, 1));
        assert_eq!(cal.date(729), date(2026, 6, 30));
        assert_eq!(cal.timestamp(86_400 + 3_661), "2024-07-02 01:01:01");
    }

    #[test]
    fn factors_combine_weekend_peaks_and_new_year() {
        // 2025-11-11 is a Tuesday: trend × 4.
        let day = (date(2025, 11, 11) - date(2024, 7, 1)).num_days() as f64;
        let f = demand_factor(date(2025, 11, 11), day);
        assert!((f - 4.0 * 1.25f64.powf(day / 365.0)).abs() < 1e-9);
        // 2025-01-29 is Chinese New Year (Wednesday): halved.
        assert!(in_cny_dip(date(2025, 1, 29)) && in_cny_dip(date(2025, 2, 3)));
        assert!(!in_cny_dip(date(2025, 2, 4)));
        // A Saturday versus the Friday before, outside any peak.
        let sat = demand_factor(date(2025, 9, 6), 0.0);
        let fri = demand_factor(date(2025, 9, 5), 0.0);
        assert!((sat / fri - WEEKEND_FACTOR).abs() < 1e-9);
    }

    #[test]
    fn sampled_days_stay_in_range_and_promo_days_are_promotions() {
        let cal = Calendar::new(date(2026, 6, 30), 730);
        let mut rng = stream(1, 0);
        for _ in 0..2_000 {
            let d = cal.sample_day(&mut rng, 100, 130);
            assert!((100..=130).contains(&d));
        }
        let p = cal
            .sample_promo_day(&mut rng, 0, 729)
            .expect("promotions exist");
        assert!(cal.promotion(p).is_some());
        assert_eq!(cal.sample_promo_day(&mut rng, 10, 20), None);
    }
}

//! Dates far outside the rest of a file: placeholders such as `1900-01-01`,
//! `1970-01-01` or `9999-12-31` that shop systems write for "no date". One such
//! row among real ones would move the analysis date to the year 10000 or give
//! recencies of millions of days, so the loader drops them (reported with
//! counts and examples) unless the operator keeps them.
//!
//! A date is far when:
//! - it is on or before 1900-01-01, or in the year 2200 or later (no shop sold
//!   then), or
//! - with at least [`MIN_ROWS`] dated rows: it lies more than [`FENCE`] times
//!   the interquartile range (at least a year) before the first quartile or
//!   after the third (far wider than Tukey's fences, on days). A few percent of
//!   placeholders do not move the quartiles, and a shop's own history, however
//!   uneven, stays well inside.

use polars::prelude::*;

/// Dated rows needed before the quartile fences apply.
pub const MIN_ROWS: usize = 20;
/// Interquartile ranges (each at least a year) between a quartile and a fence:
/// two years of orders reach 10 years either way, so an epoch date (1970) is far
/// and a real first order a few years early is not.
pub const FENCE: i64 = 10;

const MS_PER_DAY: i64 = 86_400_000;
/// 1900-01-01 and 2200-01-01 as days since 1970-01-01.
const DAY_1900: i64 = -25_567;
const DAY_2200: i64 = 84_006;

/// Rows of `ts` (`Datetime(ms)`) among `kept` whose date is far (see the module
/// doc); the rows outside `kept` are false.
pub fn far_dates(ts: &Column, kept: &BooleanChunked) -> PolarsResult<BooleanChunked> {
    let millis = ts.cast(&DataType::Int64)?;
    let millis = millis.i64()?;
    // Read twice rather than collected: a day per line would be 80 MB on 5 M
    // lines, at the load's peak.
    let days = || {
        millis.iter().zip(kept.iter()).map(|(ms, keep)| {
            ms.filter(|_| keep == Some(true))
                .map(|ms| ms.div_euclid(MS_PER_DAY))
        })
    };
    let impossible = |d: i64| d <= DAY_1900 || d >= DAY_2200;
    // Possible days fit in 4 bytes.
    let mut dated: Vec<i32> = days()
        .flatten()
        .filter(|&d| !impossible(d))
        .map(|d| d as i32)
        .collect();
    // Quartiles by selection, not a full sort: this runs on every dated load.
    let fences = (dated.len() >= MIN_ROWS).then(|| {
        let n = dated.len();
        let q3 = i64::from(*dated.select_nth_unstable(n * 3 / 4).1);
        let q1 = i64::from(*dated.select_nth_unstable(n / 4).1);
        let reach = FENCE * (q3 - q1).max(365);
        (q1 - reach, q3 + reach)
    });
    drop(dated);
    let far = days().map(|day| {
        day.is_some_and(|d| impossible(d) || fences.is_some_and(|(lo, hi)| d < lo || d > hi))
    });
    Ok(BooleanChunked::from_iter_values("far_date".into(), far))
}

/// Whether a far date can be among dated lines whose days (since 1970-01-01)
/// run from `first` to `last`: one is in an impossible year, or they span more
/// than the fences' least reach. Within that reach no quartiles can put a fence
/// between `first` and `last` (the fences lie at least `FENCE` years beyond the
/// quartiles, which lie between them), so nothing is far whatever the lines.
pub fn may_be_far(first: i32, last: i32) -> bool {
    let (first, last) = (i64::from(first), i64::from(last));
    first <= DAY_1900 || last >= DAY_2200 || last - first > FENCE * 365
}

/// The first and last day (days since 1970-01-01) the rule keeps, from a
/// histogram of the dated lines `(day, lines)` (any order): the days
/// [`far_dates`] keeps on the lines themselves, the quartiles taken at the same
/// positions of the sorted lines. For where only counts per day are at hand: a
/// streamed file (`scan`), a database (`db::pushdown`).
pub fn kept_days(histogram: &[(i32, u64)]) -> (i32, i32) {
    let impossible = |d: i32| i64::from(d) <= DAY_1900 || i64::from(d) >= DAY_2200;
    let mut possible: Vec<(i32, u64)> = histogram
        .iter()
        .filter(|(d, _)| !impossible(*d))
        .copied()
        .collect();
    possible.sort_unstable();
    let n: u64 = possible.iter().map(|(_, n)| n).sum();
    let (mut lo, mut hi) = (DAY_1900 + 1, DAY_2200 - 1);
    if n >= MIN_ROWS as u64 {
        // The day at a position of the sorted lines, as the selection above.
        let at = |index: u64| {
            let mut seen = 0;
            for (day, lines) in &possible {
                seen += lines;
                if seen > index {
                    return i64::from(*day);
                }
            }
            possible.last().map_or(0, |(d, _)| i64::from(*d))
        };
        let (q1, q3) = (at(n / 4), at(n * 3 / 4));
        let reach = FENCE * (q3 - q1).max(365);
        lo = lo.max(q1 - reach);
        hi = hi.min(q3 + reach);
    }
    // Both lie between 1900 and 2200: days since 1970 fit in an i32.
    (lo as i32, hi as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn millis(dates: &[&str]) -> Column {
        let days: Vec<i64> = dates
            .iter()
            .map(|d| {
                let date = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
                (date - chrono::NaiveDate::default()).num_days() * MS_PER_DAY
            })
            .collect();
        Column::new("ts".into(), days)
            .cast(&DataType::Datetime(TimeUnit::Milliseconds, None))
            .expect("datetime")
    }

    fn far(dates: &[&str]) -> Vec<usize> {
        let kept = BooleanChunked::full("kept".into(), true, dates.len());
        let mask = far_dates(&millis(dates), &kept).expect("mask");
        mask.iter()
            .enumerate()
            .filter(|(_, f)| *f == Some(true))
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn the_day_constants_are_the_dates_they_name() {
        let epoch = chrono::NaiveDate::default();
        let day =
            |y, m, d| (chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date") - epoch).num_days();
        assert_eq!(day(1900, 1, 1), DAY_1900);
        assert_eq!(day(2200, 1, 1), DAY_2200);
    }

    #[test]
    fn placeholders_among_two_years_of_orders_are_far_and_the_history_is_not() {
        // Two years of orders, one a month, and placeholders among them.
        let mut dates: Vec<String> = (0..24)
            .map(|m| format!("{}-{:02}-15", 2024 + m / 12, m % 12 + 1))
            .collect();
        dates.extend(["9999-12-31", "1970-01-01", "2099-12-31", "2031-06-01"].map(String::from));
        let dates: Vec<&str> = dates.iter().map(String::as_str).collect();
        // A typo'd 2031 is five years out: not a placeholder.
        assert_eq!(far(&dates), [24, 25, 26]);
    }

    #[test]
    fn the_days_kept_from_a_histogram_are_the_days_far_dates_keeps() {
        let mut dates: Vec<String> = (0..24)
            .flat_map(|m| {
                let day = format!("{}-{:02}-15", 2024 + m / 12, m % 12 + 1);
                std::iter::repeat_n(day, 1 + m as usize % 3)
            })
            .collect();
        dates.extend(["9999-12-31", "1970-01-01", "1969-12-31", "2031-06-01"].map(String::from));
        let dates: Vec<&str> = dates.iter().map(String::as_str).collect();
        let far = far(&dates);
        let mut histogram: Vec<(i32, u64)> = Vec::new();
        for date in &dates {
            let day = (chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date")
                - chrono::NaiveDate::default())
            .num_days() as i32;
            histogram.push((day, 1));
        }
        let (lo, hi) = kept_days(&histogram);
        let outside: Vec<usize> = histogram
            .iter()
            .enumerate()
            .filter(|(_, (d, _))| *d < lo || *d > hi)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(outside, far);
        assert_eq!(far.len(), 3, "{far:?}");
        // The first and last day alone say when nothing can be far.
        let (first, last) = (histogram[0].0, histogram[23].0);
        assert!(!may_be_far(first, last), "two years of orders");
        assert!(may_be_far(first, first + 3651));
        assert!(may_be_far(DAY_1900 as i32, first) && may_be_far(first, DAY_2200 as i32));
        // Too few lines for quartiles: only the impossible years go.
        assert_eq!(
            kept_days(&histogram[..5]),
            (DAY_1900 as i32 + 1, DAY_2200 as i32 - 1)
        );
    }

    #[test]
    fn a_short_file_only_loses_impossible_years() {
        assert_eq!(
            far(&["2025-01-01", "1970-01-01", "1900-01-01", "9999-12-31"]),
            [2, 3]
        );
    }

    #[test]
    fn a_long_uneven_history_keeps_its_early_years() {
        // One order in 2012, then many from 2020 on: a real first customer.
        let mut dates = vec!["2012-03-01".to_string()];
        dates.extend((0..60).map(|m| format!("{}-{:02}-01", 2020 + m / 12, m % 12 + 1)));
        let dates: Vec<&str> = dates.iter().map(String::as_str).collect();
        assert_eq!(far(&dates), Vec::<usize>::new());
    }
}

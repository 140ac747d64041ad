//! Repeat behaviour: how long customers wait between purchases, how many buy only
//! once, what sells (by revenue and by buyers), and revenue and orders by week and
//! by month.
//!
//! Contract:
//! - Lines follow [`super::lines`]: cancelled lines (not returns) count nowhere; a
//!   purchase is a line that is not a return; revenue is net of returns (a return
//!   counts in the week, month, product and category it is dated or filed under).
//! - Gaps: for each customer, the distinct days with a purchase in date order; a gap
//!   is the number of days between two consecutive ones (always ≥ 1: two orders on
//!   one day make no gap). Bin `i` holds gaps in `[edge_i, edge_i+1)`, the last bin
//!   everything from the last edge up. The median is over all gaps (the mean of the
//!   two middle ones when their number is even).
//! - One-time buyers: customers with exactly one order in
//!   [`super::customers::customer_table`] (at its default analysis date), over all
//!   customers with a purchase.
//! - Top products (by `item_id`, named by the first `item_name` seen) and categories:
//!   net revenue, and buyers = distinct customers with a purchase of it. Ranked
//!   descending, ties by key; at most `top_n` each. Lines without the key are left
//!   out; without an `item_id` (or `category`) column the list is empty.
//! - Trends: weeks start on Monday, months on the 1st. Orders = distinct order ids
//!   among purchases (distinct customer-and-day pairs without an order id column).
//!   Every period from the first to the last line is listed, empty ones as zeros,
//!   except an incomplete last period (the data ends before its last day), which
//!   is left out and named in `partial_week` / `partial_month`, as the Forecast
//!   tab does: its low total would read as a drop.
//! - Orders without money (`lines::has_money`): `Repeat::money` is false, the
//!   top lists by revenue are empty and the trends' revenue is 0; the rest is as
//!   above.

use chrono::NaiveDate;
use polars::prelude::*;
use serde::Serialize;

use super::customers::customer_table;
use super::lines::{
    AnalysisError, date_from_days, day_expr, has_money, polars_failed, require, with_net_amount,
};
use crate::data::Role;
use crate::jobs::Progress;
use crate::tr;

/// Settings of the repeat analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct RepeatParams {
    /// Lower edges of the gap histogram bins, in days, ascending, the first ≤ 1.
    pub gap_edges_days: Vec<i32>,
    /// How many products and categories to list.
    pub top_n: usize,
}

impl Default for RepeatParams {
    /// Bins 1–7, 8–14, 15–30, 31–60, 61–90, 91–180, 181–365 and 366+ days; top 10.
    fn default() -> Self {
        RepeatParams {
            gap_edges_days: vec![1, 8, 15, 31, 61, 91, 181, 366],
            top_n: 10,
        }
    }
}

impl RepeatParams {
    /// An error before any work when the bins cannot hold every gap.
    pub fn check(&self) -> Result<(), AnalysisError> {
        let edges = &self.gap_edges_days;
        let ascending = edges.windows(2).all(|w| w[0] < w[1]);
        if edges.first().is_none_or(|&e| e > 1) || !ascending {
            return Err(AnalysisError::Invalid {
                what: tr!("analysis-gap-bins"),
                why: tr!("analysis-gap-bins-why"),
            });
        }
        Ok(())
    }
}

/// One bin of the gap histogram.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GapBin {
    pub from_days: i32,
    /// Exclusive upper edge; `None` for the last bin.
    pub to_days: Option<i32>,
    pub gaps: u64,
}

/// A product or category in a top list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopEntry {
    /// Item id or category.
    pub key: String,
    /// Item name, when known.
    pub name: Option<String>,
    pub revenue: f64,
    pub buyers: u64,
}

/// Revenue and orders of one week or month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeriodPoint {
    /// First day of the period (a Monday, or the 1st of the month).
    pub start: NaiveDate,
    pub revenue: f64,
    pub orders: u64,
}

/// Everything the repeat view shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Repeat {
    pub gap_bins: Vec<GapBin>,
    pub median_gap_days: Option<f64>,
    /// Customers with a purchase.
    pub customers: usize,
    /// Customers with exactly one order.
    pub one_time_buyers: usize,
    /// `one_time_buyers / customers` (0 without customers).
    pub one_time_share: f64,
    pub top_products_by_revenue: Vec<TopEntry>,
    pub top_products_by_buyers: Vec<TopEntry>,
    pub top_categories_by_revenue: Vec<TopEntry>,
    pub top_categories_by_buyers: Vec<TopEntry>,
    pub weekly: Vec<PeriodPoint>,
    pub monthly: Vec<PeriodPoint>,
    /// Start of the incomplete last week left out of `weekly`.
    pub partial_week: Option<NaiveDate>,
    /// Start of the incomplete last month left out of `monthly`.
    pub partial_month: Option<NaiveDate>,
    /// The last day with a line.
    pub last_day: Option<NaiveDate>,
    /// Whether the lines carry money (revenue figures mean something).
    pub money: bool,
}

fn step(progress: &Progress, done: u64) -> Result<(), AnalysisError> {
    progress.check().map_err(|_| AnalysisError::Cancelled)?;
    progress.report(done, 4);
    Ok(())
}

/// The repeat figures of canonical order lines (`customer_id`, `ts`; optional
/// `amount`, `order_id`, `item_id`, `item_name`, `category`).
pub fn repeat(
    lines: &DataFrame,
    params: &RepeatParams,
    progress: &Progress,
) -> Result<Repeat, AnalysisError> {
    require(lines, Role::CustomerId)?;
    require(lines, Role::Timestamp)?;
    params.check()?;
    let money = has_money(lines);
    step(progress, 0)?;
    let base = with_net_amount(lines)
        .with_columns([
            day_expr().cast(DataType::Int32),
            col("customer_id").cast(DataType::String),
        ])
        .filter(col("_day").is_not_null().and(col("_cancelled").not()));
    let (gap_bins, median_gap_days) = gaps(base.clone(), &params.gap_edges_days)?;
    step(progress, 1)?;
    let table = customer_table(lines, None)?;
    let customers = table.len();
    let one_time_buyers = table
        .frame
        .column("orders")
        .and_then(|c| c.u32().cloned())
        .map_err(polars_failed("context-one-time-buyers"))?
        .iter()
        .filter(|&o| o == Some(1))
        .count();
    step(progress, 2)?;
    let schema = lines.schema();
    let name = schema.contains("item_name").then_some("item_name");
    let (products_revenue, products_buyers) = if schema.contains("item_id") {
        top(base.clone(), "item_id", name, params.top_n)?
    } else {
        (Vec::new(), Vec::new())
    };
    let (categories_revenue, categories_buyers) = if schema.contains("category") {
        top(base.clone(), "category", None, params.top_n)?
    } else {
        (Vec::new(), Vec::new())
    };
    step(progress, 3)?;
    let order_key = if schema.contains("order_id") {
        col("order_id").cast(DataType::String)
    } else {
        concat_str(
            [col("customer_id"), col("_day").cast(DataType::String)],
            "|",
            false,
        )
    };
    let base = base.with_column(order_key.alias("_order"));
    let mut weekly = trend(base.clone(), week_start_expr(), Period::Week)?;
    let mut monthly = trend(base.clone(), month_start_expr(), Period::Month)?;
    let last_day = last_day(base)?;
    let partial_week = last_day.and_then(|last| {
        drop_partial(
            &mut weekly,
            |start| start + chrono::TimeDelta::days(6),
            last,
        )
    });
    let partial_month = last_day.and_then(|last| {
        drop_partial(
            &mut monthly,
            |start| next_month(start).pred_opt().unwrap_or(start),
            last,
        )
    });
    step(progress, 4)?;
    Ok(Repeat {
        gap_bins,
        median_gap_days,
        customers,
        one_time_buyers,
        one_time_share: if customers > 0 {
            one_time_buyers as f64 / customers as f64
        } else {
            0.0
        },
        top_products_by_revenue: if money { products_revenue } else { Vec::new() },
        top_products_by_buyers: products_buyers,
        top_categories_by_revenue: if money {
            categories_revenue
        } else {
            Vec::new()
        },
        top_categories_by_buyers: categories_buyers,
        weekly,
        monthly,
        partial_week,
        partial_month,
        last_day,
        money,
    })
}

/// The last day with a line of `base`.
fn last_day(base: LazyFrame) -> Result<Option<NaiveDate>, AnalysisError> {
    let out = base
        .select([col("_day").max()])
        .collect()
        .map_err(polars_failed("context-last-day"))?;
    let day = out
        .column("_day")
        .and_then(|c| c.i32().cloned())
        .map_err(polars_failed("context-last-day"))?
        .get(0);
    Ok(day.and_then(date_from_days))
}

/// Removes the last period of `points` when it ends (`end` of its start) after
/// `last_day`; returns its start.
fn drop_partial(
    points: &mut Vec<PeriodPoint>,
    end: impl Fn(NaiveDate) -> NaiveDate,
    last_day: NaiveDate,
) -> Option<NaiveDate> {
    let last = points.last()?;
    (end(last.start) > last_day).then(|| points.pop().map(|p| p.start))?
}

/// The first day of the month after the one starting on `start`.
fn next_month(start: NaiveDate) -> NaiveDate {
    start
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(start)
}

/// Histogram and median of the gaps between consecutive purchase days.
fn gaps(base: LazyFrame, edges: &[i32]) -> Result<(Vec<GapBin>, Option<f64>), AnalysisError> {
    let context = "context-days-between-purchases";
    let bin = edges
        .iter()
        .map(|&e| col("_gap").gt_eq(lit(e)).cast(DataType::Int32))
        .reduce(|a, b| a + b)
        .unwrap_or(lit(1i32))
        - lit(1i32);
    let days = base
        .filter(col("customer_id").is_not_null().and(col("_return").not()))
        .select([col("customer_id"), col("_day")])
        .unique(None, UniqueKeepStrategy::Any)
        .sort(["customer_id", "_day"], SortMultipleOptions::default())
        .with_column(
            when(col("customer_id").eq(col("customer_id").shift(lit(1))))
                .then(col("_day") - col("_day").shift(lit(1)))
                .otherwise(lit(NULL).cast(DataType::Int32))
                .alias("_gap"),
        )
        .filter(col("_gap").is_not_null());
    let counts = days
        .clone()
        .group_by([bin.alias("_bin")])
        .agg([len().cast(DataType::UInt64).alias("gaps")])
        .collect()
        .map_err(polars_failed(context))?;
    let median = days
        .select([col("_gap").cast(DataType::Float64).median()])
        .collect()
        .map_err(polars_failed(context))?
        .column("_gap")
        .and_then(|c| c.f64().cloned())
        .map_err(polars_failed(context))?
        .get(0);
    let mut bins: Vec<GapBin> = edges
        .iter()
        .enumerate()
        .map(|(i, &from)| GapBin {
            from_days: from,
            to_days: edges.get(i + 1).copied(),
            gaps: 0,
        })
        .collect();
    let bin_index = counts
        .column("_bin")
        .and_then(|c| c.i32().cloned())
        .map_err(polars_failed(context))?;
    let bin_gaps = counts
        .column("gaps")
        .and_then(|c| c.u64().cloned())
        .map_err(polars_failed(context))?;
    for (index, gaps) in bin_index.iter().zip(bin_gaps.iter()) {
        if let (Some(index), Some(gaps)) = (index, gaps)
            && let Some(slot) = usize::try_from(index).ok().and_then(|i| bins.get_mut(i))
        {
            slot.gaps = gaps;
        }
    }
    Ok((bins, median))
}

/// Top `n` values of `key` by net revenue and by buyers.
fn top(
    base: LazyFrame,
    key: &str,
    name: Option<&str>,
    n: usize,
) -> Result<(Vec<TopEntry>, Vec<TopEntry>), AnalysisError> {
    let context = "context-rank-products-categories";
    let purchase = col("_return").not().and(col("customer_id").is_not_null());
    let mut aggregates = vec![
        col("_net").sum().alias("revenue"),
        col("customer_id")
            .filter(purchase)
            .n_unique()
            .cast(DataType::UInt64)
            .alias("buyers"),
    ];
    if let Some(name) = name {
        aggregates.push(col(name).drop_nulls().first().alias("_name"));
    }
    let per_key = base
        .with_column(col(key).cast(DataType::String).alias("_key"))
        .filter(col("_key").is_not_null())
        .group_by([col("_key")])
        .agg(aggregates);
    let ranked = |by: &str| -> Result<Vec<TopEntry>, AnalysisError> {
        let out = per_key
            .clone()
            .sort(
                [by, "_key"],
                SortMultipleOptions::default().with_order_descending_multi([true, false]),
            )
            .limit(n as IdxSize)
            .collect()
            .map_err(polars_failed(context))?;
        let text = |column: &str| -> Result<Vec<Option<String>>, AnalysisError> {
            Ok(out
                .column(column)
                .and_then(|c| c.cast(&DataType::String))
                .and_then(|c| c.str().cloned())
                .map_err(polars_failed(context))?
                .iter()
                .map(|v| v.map(str::to_string))
                .collect())
        };
        let keys = text("_key")?;
        let names = if name.is_some() {
            text("_name")?
        } else {
            vec![None; keys.len()]
        };
        let revenue = out
            .column("revenue")
            .and_then(|c| c.f64().cloned())
            .map_err(polars_failed(context))?;
        let buyers = out
            .column("buyers")
            .and_then(|c| c.u64().cloned())
            .map_err(polars_failed(context))?;
        Ok(keys
            .into_iter()
            .zip(names)
            .zip(revenue.iter().zip(buyers.iter()))
            .map(|((key, name), (revenue, buyers))| TopEntry {
                key: key.unwrap_or_default(),
                name,
                revenue: revenue.unwrap_or(0.0),
                buyers: buyers.unwrap_or(0),
            })
            .collect())
    };
    Ok((ranked("revenue")?, ranked("buyers")?))
}

#[derive(Clone, Copy)]
enum Period {
    Week,
    Month,
}

/// Days since 1970-01-01 of the Monday starting `_day`'s week (1970-01-01 was a
/// Thursday).
fn week_start_expr() -> Expr {
    col("_day") - ((col("_day") + lit(3i32)) % lit(7i32) + lit(7i32)) % lit(7i32)
}

/// Months since year 0 of `_day`.
fn month_start_expr() -> Expr {
    let day = col("_day").cast(DataType::Date);
    day.clone().dt().year().cast(DataType::Int32) * lit(12i32)
        + day.dt().month().cast(DataType::Int32)
        - lit(1i32)
}

fn month_date(index: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

/// Revenue and orders per period, every period from the first to the last listed.
fn trend(base: LazyFrame, period: Expr, kind: Period) -> Result<Vec<PeriodPoint>, AnalysisError> {
    let context = "context-revenue-by-period";
    let out = base
        .with_column(period.alias("_period"))
        .group_by([col("_period")])
        .agg([
            col("_net").sum().alias("revenue"),
            col("_order")
                .filter(col("_return").not())
                .drop_nulls()
                .n_unique()
                .cast(DataType::UInt64)
                .alias("orders"),
        ])
        .sort(["_period"], SortMultipleOptions::default())
        .collect()
        .map_err(polars_failed(context))?;
    let periods = out
        .column("_period")
        .and_then(|c| c.i32().cloned())
        .map_err(polars_failed(context))?;
    let revenue = out
        .column("revenue")
        .and_then(|c| c.f64().cloned())
        .map_err(polars_failed(context))?;
    let orders = out
        .column("orders")
        .and_then(|c| c.u64().cloned())
        .map_err(polars_failed(context))?;
    let found: Vec<(i32, f64, u64)> = periods
        .iter()
        .zip(revenue.iter().zip(orders.iter()))
        .filter_map(|(p, (r, o))| Some((p?, r.unwrap_or(0.0), o.unwrap_or(0))))
        .collect();
    let (Some(first), Some(last)) = (found.first(), found.last()) else {
        return Ok(Vec::new());
    };
    let stride = match kind {
        Period::Week => 7,
        Period::Month => 1,
    };
    let mut points = Vec::new();
    let mut next = found.iter().peekable();
    let mut at = first.0;
    while at <= last.0 {
        let start = match kind {
            Period::Week => date_from_days(at),
            Period::Month => month_date(at),
        };
        let (revenue, orders) = match next.peek() {
            Some(&&(p, r, o)) if p == at => {
                next.next();
                (r, o)
            }
            _ => (0.0, 0),
        };
        if let Some(start) = start {
            points.push(PeriodPoint {
                start,
                revenue,
                orders,
            });
        }
        at += stride;
    }
    Ok(points)
}

#[cfg(test)]
mod tests;

//! Regular time series built from order lines or from an already aggregated table.
//!
//! Contract:
//! - A period is a day, an ISO week (Monday to Sunday) or a calendar month, named by
//!   its first day. Every series of one call spans the same periods, from the first
//!   to the last period with any order line; a period without lines is 0, not a gap.
//! - A last period that the data does not cover to its end (a week whose last order
//!   day is not a Sunday, a month that ends after the last order day) is dropped and
//!   its first day kept in [`TimeSeries::dropped_partial`]. Days are never partial.
//! - Revenue is net (`lines` rules: returns negative, cancelled lines 0). Units count
//!   paid lines' quantity minus returned quantity. Orders and active customers count
//!   distinct ids among lines that are neither returns nor cancelled (a line
//!   without the id counts for none); without an
//!   order id column an order is a customer's purchase day (as in the summary).
//!   Revenue needs money (`lines::has_money`): orders without it are refused
//!   with [`AnalysisError::NeedsMoney`], and every other measure works.
//! - Per category: one series per category, in name order; a missing category is
//!   "(none)". Per item: the top N items by net revenue (by purchase lines without
//!   money; ties: item id), in that order.
//! - Per segment: one series per value of the lines' `segment` column (added by
//!   [`with_segments`]), in name order; lines of customers without a segment form
//!   "(none)". Every line lands in exactly one series, so the series sum to the
//!   shop's.

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use crate::analysis::lines::{
    AnalysisError, date_from_days, days_from_date, has_money, polars_failed, require,
    require_column, require_money, with_net_amount, with_net_amount_of,
};
use crate::data::Role;
use crate::numbers::count;
use crate::tr;

/// Length of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Freq {
    Day,
    Week,
    Month,
}

impl Freq {
    /// The name used in the CLI and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Freq::Day => "day",
            Freq::Week => "week",
            Freq::Month => "month",
        }
    }

    /// The main season length in periods: a week of days, a year of weeks or months.
    pub fn season_length(self) -> usize {
        match self {
            Freq::Day => 7,
            Freq::Week => 52,
            Freq::Month => 12,
        }
    }

    /// Seasonal periods MSTL uses on `len` observations: weekly and yearly on days
    /// (yearly only with more than two years), yearly on weeks and months.
    pub fn mstl_periods(self, len: usize) -> Vec<usize> {
        match self {
            Freq::Day if len > 2 * 365 => vec![7, 365],
            Freq::Day => vec![7],
            Freq::Week => vec![52],
            Freq::Month => vec![12],
        }
    }

    /// The index of the period holding `date` (consecutive periods differ by 1).
    pub fn index_of(self, date: NaiveDate) -> i32 {
        let day = days_from_date(date);
        match self {
            Freq::Day => day,
            // 1970-01-01 is a Thursday: shifting by 3 puts Mondays on multiples of 7.
            Freq::Week => (day + 3).div_euclid(7),
            Freq::Month => date.year() * 12 + date.month0() as i32,
        }
    }

    /// The first day of the period with index `index`.
    pub fn start_of(self, index: i32) -> Option<NaiveDate> {
        match self {
            Freq::Day => date_from_days(index),
            Freq::Week => date_from_days(index * 7 - 3),
            Freq::Month => {
                NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
            }
        }
    }

    /// The period index as a polars expression over a `Date` expression.
    pub(super) fn index_expr(self, date: Expr) -> Expr {
        match self {
            Freq::Day => date.cast(DataType::Int32),
            Freq::Week => (date.cast(DataType::Int32) + lit(3)).floor_div(lit(7)),
            Freq::Month => {
                date.clone().dt().year().cast(DataType::Int32) * lit(12)
                    + date.dt().month().cast(DataType::Int32)
                    - lit(1)
            }
        }
    }
}

/// What a series counts per period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Measure {
    Revenue,
    Orders,
    Units,
    ActiveCustomers,
}

impl Measure {
    pub fn name(self) -> &'static str {
        match self {
            Measure::Revenue => "revenue",
            Measure::Orders => "orders",
            Measure::Units => "units",
            Measure::ActiveCustomers => "active customers",
        }
    }

    /// The measure as the operator reads it.
    pub fn label(self) -> String {
        match self {
            Measure::Revenue => tr!("forecast-measure-revenue"),
            Measure::Orders => tr!("forecast-measure-orders"),
            Measure::Units => tr!("forecast-measure-units"),
            Measure::ActiveCustomers => tr!("forecast-measure-active-customers"),
        }
    }
}

/// Which series to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SeriesBy {
    /// One series for the whole shop.
    Shop,
    /// One series per category.
    Category,
    /// One series per item, for the top N items by net revenue.
    TopItems(usize),
    /// One series per customer segment: the lines need a `segment` column
    /// ([`with_segments`]).
    Segment,
}

/// A regular series: `values[i]` belongs to period `start + i`.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeSeries {
    /// "shop", a category or an item id.
    pub name: String,
    pub freq: Freq,
    /// Index of the first period ([`Freq::index_of`]).
    pub start: i32,
    pub values: Vec<f64>,
    /// First day of a partial last period that was dropped.
    pub dropped_partial: Option<NaiveDate>,
}

impl TimeSeries {
    /// The first day of the `i`-th period after the start (may lie beyond the data).
    pub fn period(&self, i: usize) -> Option<NaiveDate> {
        self.freq.start_of(self.start + i as i32)
    }
}

pub const KEY: &str = "_key";
/// The column [`with_segments`] adds to order lines.
pub const SEGMENT: &str = "segment";
/// The series of lines without a category or segment.
pub const NO_GROUP: &str = "(none)";
pub const PERIOD: &str = "_period";
pub const VALUE: &str = "_value";
/// The last day with a line in a key's period ([`series_of_sums`]).
pub const LAST: &str = "_last";

/// Builds the series of `measure` per `freq` from canonical order lines.
pub fn series_from_lines(
    lines: &DataFrame,
    measure: Measure,
    freq: Freq,
    by: SeriesBy,
) -> Result<Vec<TimeSeries>, AnalysisError> {
    require(lines, Role::Timestamp)?;
    let has_orders = lines.schema().contains("order_id");
    match measure {
        Measure::Revenue => require_money(lines, || tr!("analysis-what-revenue-forecast"))?,
        Measure::Orders if !has_orders => require(lines, Role::CustomerId)?,
        Measure::Orders => {}
        Measure::Units => require(lines, Role::Quantity)?,
        Measure::ActiveCustomers => require(lines, Role::CustomerId)?,
    }
    match by {
        SeriesBy::Shop => {}
        SeriesBy::Category => require(lines, Role::Category)?,
        SeriesBy::Segment => require_column(lines, SEGMENT, || tr!("analysis-segment-column"))?,
        SeriesBy::TopItems(_) => require(lines, Role::ItemId)?,
    }
    let mut base = with_net_amount(lines)
        .filter(col("ts").is_not_null())
        .with_column(col("ts").dt().date().alias("_date"));
    let mut order: Option<Vec<String>> = None;
    base = match by {
        SeriesBy::Shop => base.with_column(lit("shop").alias(KEY)),
        SeriesBy::Category => base.with_column(
            col("category")
                .cast(DataType::String)
                .fill_null(lit(NO_GROUP))
                .alias(KEY),
        ),
        SeriesBy::Segment => base.with_column(
            col(SEGMENT)
                .cast(DataType::String)
                .fill_null(lit(NO_GROUP))
                .alias(KEY),
        ),
        SeriesBy::TopItems(n) => {
            let top = top_items(lines, n)?;
            let keep = Series::new("keep".into(), &top);
            order = Some(top);
            base.with_column(col("item_id").cast(DataType::String).alias(KEY))
                .filter(col(KEY).is_in(lit(keep).implode(false), false))
        }
    };
    let value = period_value(measure, has_orders);
    let mut series = grouped_series(vec![base], value, freq, Engine::InMemory)?;
    if let Some(order) = order {
        series.sort_by_key(|s| order.iter().position(|k| *k == s.name));
    }
    Ok(series)
}

/// The shop's series of canonical order lines that are not in memory (a file
/// streamed by `data::scan`, with the columns of `schema`), run by `engine`.
/// `parts` split the lines so that no order (no customer, for active customers
/// or orders without an order id) is in two parts; each part is run on its own
/// and the parts' periods are summed, which is exact under that split.
pub fn shop_series_of(
    parts: Vec<LazyFrame>,
    schema: &Schema,
    measure: Measure,
    freq: Freq,
    engine: Engine,
) -> Result<Vec<TimeSeries>, AnalysisError> {
    let value = period_value(measure, schema.contains("order_id"));
    let parts = parts
        .into_iter()
        .map(|lines| {
            with_net_amount_of(lines, schema)
                .filter(col("ts").is_not_null())
                .with_columns([col("ts").dt().date().alias("_date"), lit("shop").alias(KEY)])
        })
        .collect();
    grouped_series(parts, value, freq, engine)
}

/// What `measure` counts in one period, over lines with `_net`, `_return`,
/// `_cancelled` and `_date`.
fn period_value(measure: Measure, has_orders: bool) -> Expr {
    let paid = col("_return").not().and(col("_cancelled").not());
    match measure {
        Measure::Revenue => col("_net").sum(),
        // Without order ids an order is a customer's purchase day.
        Measure::Orders if !has_orders => as_struct(vec![col("customer_id"), col("_date")])
            .filter(paid.and(col("customer_id").is_not_null()))
            .n_unique()
            .cast(DataType::Float64),
        Measure::Orders => col("order_id")
            .filter(paid.and(col("order_id").is_not_null()))
            .n_unique()
            .cast(DataType::Float64),
        Measure::Units => {
            let quantity = col("quantity").cast(DataType::Float64).fill_null(lit(0.0));
            when(col("_cancelled"))
                .then(lit(0.0))
                .when(col("_return"))
                .then(lit(0.0) - quantity.clone().abs())
                .otherwise(quantity)
                .sum()
        }
        Measure::ActiveCustomers => col("customer_id")
            .filter(paid.and(col("customer_id").is_not_null()))
            .n_unique()
            .cast(DataType::Float64),
    }
}

/// `value` per key and period of `parts` (lines with `KEY` and `_date`; parts
/// share no counted id), summed over the parts, as dense series without a
/// partial last period. No series when no line is dated.
fn grouped_series(
    parts: Vec<LazyFrame>,
    value: Expr,
    freq: Freq,
    engine: Engine,
) -> Result<Vec<TimeSeries>, AnalysisError> {
    let context = "context-lines-per-period";
    let mut grouped = Vec::with_capacity(parts.len());
    for part in parts {
        // The last day rides along per group, so each part is read once.
        let frame = part
            .group_by([col(KEY), freq.index_expr(col("_date")).alias(PERIOD)])
            .agg([
                value.clone().cast(DataType::Float64).alias(VALUE),
                col("_date").max().cast(DataType::Int32).alias(LAST),
            ])
            .collect_with_engine(engine)
            .map(|result| result.unwrap_single())
            .map_err(polars_failed(context))?;
        grouped.push(frame.lazy());
    }
    let Some(first) = grouped.pop() else {
        return Ok(Vec::new());
    };
    let summed = if grouped.is_empty() {
        first
    } else {
        grouped.push(first);
        concat(grouped, UnionArgs::default())
            .map(|all| {
                all.group_by([col(KEY), col(PERIOD)])
                    .agg([col(VALUE).sum(), col(LAST).max()])
            })
            .map_err(polars_failed(context))?
    }
    .collect()
    .map_err(polars_failed(context))?;
    series_of_sums(&summed, freq)
}

/// Dense series of per-period sums: `summed` has `KEY` (text), `PERIOD` (the
/// period's index, `Freq::index_expr`, i32), `VALUE` (f64) and `LAST` (the last
/// day with a line in the key's period, days since 1970, i32), at most one row
/// per key and period. What [`grouped_series`] sums from lines, or a database
/// from its rows (`data::db::pushdown`). No series when there is no row.
pub fn series_of_sums(summed: &DataFrame, freq: Freq) -> Result<Vec<TimeSeries>, AnalysisError> {
    let last_day = summed
        .column(LAST)
        .and_then(|c| c.i32().cloned())
        .map_err(polars_failed("context-last-order-day"))?
        .max();
    let Some(last_day) = last_day.and_then(date_from_days) else {
        return Ok(Vec::new());
    };
    let mut series = dense(summed, freq, "context-read-lines-per-period", || {
        tr!("analysis-order-lines")
    })?;
    for s in &mut series {
        drop_partial_last(s, last_day);
    }
    Ok(series)
}

/// `lines` with a `segment` column: the name of each line's customer's segment
/// (`customer_ids[i]` is in segment `names[i]`), null for customers not listed and
/// lines without a customer. Line order and count are kept.
pub fn with_segments(
    lines: &DataFrame,
    customer_ids: &[String],
    names: &[String],
) -> Result<DataFrame, AnalysisError> {
    require(lines, Role::CustomerId)?;
    if customer_ids.len() != names.len() {
        return Err(AnalysisError::Invalid {
            what: tr!(
                "analysis-segment-names",
                ids = customer_ids.len().to_string(),
                names = names.len().to_string()
            ),
            why: tr!("analysis-segment-names-why"),
        });
    }
    let members = df!(
        "_segment_customer" => customer_ids,
        SEGMENT => names,
    )
    .map_err(polars_failed("context-segment-members"))?;
    let failed = "context-segments-to-lines";
    let mut base = lines.clone();
    if base.schema().contains(SEGMENT) {
        base = base.drop(SEGMENT).map_err(polars_failed(failed))?;
    }
    let args = JoinArgs {
        maintain_order: MaintainOrderJoin::Left,
        ..JoinArgs::new(JoinType::Left)
    };
    base.lazy()
        .join(
            members.lazy(),
            [col("customer_id").cast(DataType::String)],
            [col("_segment_customer")],
            args,
        )
        .collect()
        .and_then(|joined| joined.drop("_segment_customer"))
        .map_err(polars_failed(failed))
}

/// `lines` with a `segment` column from a segmentation: each customer's segment
/// name (made unique with the segment number when two segments share a name).
pub fn with_segmentation(
    lines: &DataFrame,
    segmentation: &crate::analysis::segments::Segmentation,
) -> Result<DataFrame, AnalysisError> {
    let profile_names: Vec<String> = segmentation
        .profiles
        .iter()
        .map(|p| p.name.text())
        .collect();
    let unique = |id: usize| -> String {
        let name = profile_names
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("segment {id}"));
        let shared = profile_names.iter().filter(|n| **n == name).count() > 1;
        if shared {
            format!("{name} ({id})")
        } else {
            name
        }
    };
    let names: Vec<String> = segmentation
        .clustering
        .labels
        .iter()
        .map(|&l| unique(l))
        .collect();
    with_segments(lines, &segmentation.features.customer_ids, &names)
}

/// The `n` item ids with the most net revenue (the most purchase lines when the
/// orders carry no money), ties by id.
fn top_items(lines: &DataFrame, n: usize) -> Result<Vec<String>, AnalysisError> {
    let rank = if has_money(lines) {
        col("_net").sum()
    } else {
        col("_return")
            .or(col("_cancelled"))
            .not()
            .cast(DataType::Float64)
            .sum()
    };
    let ranked = with_net_amount(lines)
        .with_column(col("item_id").cast(DataType::String))
        .filter(col("item_id").is_not_null())
        .group_by([col("item_id")])
        .agg([rank.alias("revenue")])
        .sort_by_exprs(
            [col("revenue"), col("item_id")],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .limit(n as IdxSize)
        .collect()
        .map_err(polars_failed("context-rank-items-by-revenue"))?;
    let ids = ranked
        .column("item_id")
        .and_then(|c| c.str().cloned())
        .map_err(polars_failed("context-rank-items-by-revenue"))?;
    Ok(ids.iter().flatten().map(str::to_string).collect())
}

/// Most periods a series may span: 20,000 days is 55 years, 20,000 weeks 383.
/// Beyond that the dates are placeholders (9999-12-31 kept with "Keep far
/// dates"), and a zero-filled series would only make every model run for minutes.
pub const MAX_PERIODS: usize = 20_000;

/// The refusal of a series from period `first` to `last` (`span` periods).
fn too_many_periods(what: &str, freq: Freq, first: i32, last: i32, span: usize) -> AnalysisError {
    let day = |index| freq.start_of(index).map_or("?".into(), |d| d.to_string());
    let coarser = match freq {
        Freq::Day => tr!("analysis-coarser-day"),
        Freq::Week => tr!("analysis-coarser-week"),
        Freq::Month => String::new(),
    };
    AnalysisError::Invalid {
        what: what.to_string(),
        why: tr!(
            "analysis-too-many-periods",
            first = day(first),
            last = day(last),
            span = count(span),
            freq = freq.name(),
            most = count(MAX_PERIODS),
            coarser = coarser
        ),
    }
}

/// Turns `(KEY, PERIOD, VALUE)` rows into zero-filled series over one common span,
/// sorted by key; `context` is the step that summed them (a `contexts.ftl` key),
/// `what` names the rows in a refusal.
pub(super) fn dense(
    grouped: &DataFrame,
    freq: Freq,
    context: &'static str,
    what: fn() -> String,
) -> Result<Vec<TimeSeries>, AnalysisError> {
    let keys = grouped
        .column(KEY)
        .and_then(|c| c.cast(&DataType::String))
        .map_err(polars_failed(context))?;
    let keys = keys.str().map_err(polars_failed(context))?;
    let periods = grouped
        .column(PERIOD)
        .and_then(|c| c.cast(&DataType::Int32))
        .map_err(polars_failed(context))?;
    let periods = periods.i32().map_err(polars_failed(context))?;
    let values = grouped
        .column(VALUE)
        .and_then(|c| c.cast(&DataType::Float64))
        .map_err(polars_failed(context))?;
    let values = values.f64().map_err(polars_failed(context))?;
    let rows: Vec<(&str, i32, f64)> = keys
        .iter()
        .zip(periods.iter())
        .zip(values.iter())
        .filter_map(|((k, p), v)| Some((k?, p?, v.unwrap_or(0.0))))
        .collect();
    let (Some(first), Some(last)) = (
        rows.iter().map(|r| r.1).min(),
        rows.iter().map(|r| r.1).max(),
    ) else {
        return Ok(Vec::new());
    };
    let span = (last - first) as usize + 1;
    if span > MAX_PERIODS {
        return Err(too_many_periods(&what(), freq, first, last, span));
    }
    let mut by_key: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    for (key, period, value) in rows {
        by_key.entry(key).or_insert_with(|| vec![0.0; span])[(period - first) as usize] += value;
    }
    Ok(by_key
        .into_iter()
        .map(|(name, values)| TimeSeries {
            name: name.to_string(),
            freq,
            start: first,
            values,
            dropped_partial: None,
        })
        .collect())
}

/// Drops the last period when `last_day` is not its last day.
fn drop_partial_last(series: &mut TimeSeries, last_day: NaiveDate) {
    let Some(last_index) = (series.values.len() as i32 - 1).checked_add(series.start) else {
        return;
    };
    let next_start = series.freq.start_of(last_index + 1);
    let covered = next_start.is_some_and(|next| last_day.succ_opt() == Some(next));
    if !covered && series.values.len() > 1 {
        series.values.pop();
        series.dropped_partial = series.freq.start_of(last_index);
    }
}

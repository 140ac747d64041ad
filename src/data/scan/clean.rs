//! The loader's cleaning of order lines as lazy expressions over a scanned
//! file (see the parent module for the rules and what differs), and the
//! per-day histogram far dates and the default analysis date are read from.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::data::dates;
use crate::data::load::far_dates::kept_days;
use crate::data::load::{CANCEL_WORDS, parse_number};
use crate::data::{DateFormat, LoadOptions, Role};

/// The line number column of [`canonical_lines`] (from 0, in file order).
pub(super) const ROW: &str = "_row";

/// Source columns of `options`' roles as canonical order lines: `customer_id`,
/// `order_id`, `item_id`, `item_name`, `category` (each when mapped), `ts`, `_day` (days since 1970-01-01), `quantity`,
/// `unit_price`, `amount` (when the lines carry money), `is_return`,
/// `is_cancelled`, `_buy` (a purchase: neither) and `_numbers` (every mapped
/// number reads: the loader drops the other lines after far dates are found).
/// Exact duplicate rows count once; undated lines are left out. Only the rows of
/// part `part` of `passes` by a hash of `key`'s column are read. With
/// `row_numbers`, [`ROW`] is each line's position in the file (of a duplicated
/// row, its first copy's).
pub(super) fn canonical_lines(
    source: LazyFrame,
    options: &LoadOptions,
    date_format: &DateFormat,
    (part, passes, key): (u64, u64, Role),
    row_numbers: bool,
) -> PolarsResult<LazyFrame> {
    let mapping = &options.mapping;
    let column = |role: Role| mapping.get(&role).map(|c| col(c.as_str()));
    let mut lines = source;
    // Duplicates compare the file's own columns, never the row number.
    let mut same_rows = None;
    if row_numbers {
        let names: Vec<PlSmallStr> = lines.collect_schema()?.iter_names().cloned().collect();
        same_rows = Some(cols(names));
        lines = lines.with_row_index(ROW, None);
    }
    if passes > 1 {
        let key = column(key)
            .or_else(|| column(Role::CustomerId))
            .ok_or_else(|| polars_err!(ColumnNotFound: "customer id"))?;
        // Trimmed, so ids that read as one customer are in one part; exact
        // copies of a row are too.
        lines = lines.filter(
            (id_text(key).hash(7, 11, 13, 17) % lit(passes))
                .eq(lit(part))
                .fill_null(lit(part == 0)),
        );
    }
    lines = match same_rows {
        Some(subset) => lines.unique(Some(subset), UniqueKeepStrategy::First),
        None => lines.unique(None, UniqueKeepStrategy::Any),
    };
    let ts = column(Role::Timestamp).ok_or_else(|| polars_err!(ColumnNotFound: "date"))?;
    let customer =
        column(Role::CustomerId).ok_or_else(|| polars_err!(ColumnNotFound: "customer"))?;
    let format = date_format.clone();
    let mut canonical = vec![
        id_text(customer).alias("customer_id"),
        ts.map(
            move |c| dates::parse_dates(c.as_materialized_series(), &format).map(Column::from),
            |_, f| {
                Ok(Field::new(
                    f.name().clone(),
                    DataType::Datetime(TimeUnit::Milliseconds, None),
                ))
            },
        )
        .alias("ts"),
    ];
    for role in [Role::OrderId, Role::ItemId, Role::ItemName, Role::Category] {
        if let Some(source) = column(role) {
            canonical.push(id_text(source).alias(role.column_name()));
        }
    }
    if row_numbers {
        canonical.push(col(ROW));
    }
    let mut numbers_read = lit(true);
    for role in [Role::Quantity, Role::UnitPrice, Role::Amount] {
        if let Some(source) = column(role) {
            // The parsed value: the source column may have the canonical name.
            let value = numbers(source);
            numbers_read = numbers_read.and(value.clone().is_not_null());
            canonical.push(value.alias(role.column_name()));
        }
    }
    if !mapping.contains_key(&Role::Quantity) {
        canonical.push(lit(1.0).alias("quantity"));
    }
    let cancelled = match column(Role::Status) {
        Some(status) => {
            let lower = id_text(status).str().to_lowercase();
            CANCEL_WORDS
                .iter()
                .map(|w| lower.clone().str().contains_literal(lit(*w)))
                .reduce(|a, b| a.or(b))
                .unwrap_or(lit(false))
                .fill_null(lit(false))
        }
        None => lit(false),
    };
    canonical.push(cancelled.alias("is_cancelled"));
    canonical.push(numbers_read.alias("_numbers"));
    let mut lines = lines.select(canonical).filter(col("ts").is_not_null());
    if !mapping.contains_key(&Role::Amount) && mapping.contains_key(&Role::UnitPrice) {
        lines = lines.with_column((col("quantity") * col("unit_price")).alias("amount"));
    }
    let below = |name: &str| col(name).lt(lit(0.0)).fill_null(lit(false));
    let mut is_return = below("quantity");
    if mapping.contains_key(&Role::Amount) || mapping.contains_key(&Role::UnitPrice) {
        is_return = is_return.or(below("amount"));
    }
    Ok(lines
        .with_columns([
            is_return.alias("is_return"),
            col("ts").dt().date().cast(DataType::Int32).alias("_day"),
        ])
        .with_column(
            col("is_return")
                .not()
                .and(col("is_cancelled").not())
                .alias("_buy"),
        ))
}

/// Ids and text as the loader keeps them: text, trimmed, empty as none.
fn id_text(source: Expr) -> Expr {
    let text = source.cast(DataType::String).str().strip_chars(lit(NULL));
    when(text.clone().eq(lit("")))
        .then(lit(NULL).cast(DataType::String))
        .otherwise(text)
}

/// Numbers as the loader reads them: numbers cast (not finite is none), text
/// through `load::parse_number`.
fn numbers(source: Expr) -> Expr {
    source.map(
        |c| {
            let values: Float64Chunked = match c.dtype() {
                DataType::String => c.str()?.iter().map(|v| v.and_then(parse_number)).collect(),
                dtype if dtype.is_primitive_numeric() || dtype.is_bool() => {
                    let floats = c.cast(&DataType::Float64)?;
                    floats
                        .f64()?
                        .iter()
                        .map(|v| v.filter(|v| v.is_finite()))
                        .collect()
                }
                _ => {
                    let text = c.cast(&DataType::String)?;
                    text.str()?
                        .iter()
                        .map(|v| v.and_then(parse_number))
                        .collect()
                }
            };
            Ok(values.with_name(c.name().clone()).into_column())
        },
        |_, f| Ok(Field::new(f.name().clone(), DataType::Float64)),
    )
}

/// Dated lines per day (`_day`), split by whether they are kept purchases
/// (`_buy`: a purchase whose numbers read).
pub(super) fn per_day(lines: LazyFrame) -> PolarsResult<LazyFrame> {
    Ok(lines
        .group_by([col("_day"), col("_buy").and(col("_numbers")).alias("_buy")])
        .agg([len().alias("_lines")]))
}

/// The dated lines per day of a whole file, and what it decides.
#[derive(Debug)]
pub(super) struct Histogram {
    /// The first and last day that are not far (None: every day is kept).
    pub fences: Option<(i32, i32)>,
    /// The last purchase day that is kept.
    last_purchase: Option<i32>,
}

impl Histogram {
    /// From the per-part [`per_day`] frames; with `drop_far`, placeholder days
    /// are fenced out by the loader's rule.
    pub fn new(parts: Vec<DataFrame>, drop_far: bool) -> PolarsResult<Histogram> {
        let mut days: Vec<(i32, bool, u64)> = Vec::new();
        for part in parts {
            let day = part.column("_day")?.i32()?.clone();
            let buy = part.column("_buy")?.bool()?.clone();
            let lines = part.column("_lines")?.cast(&DataType::UInt64)?;
            let lines = lines.u64()?;
            for ((d, b), n) in day.iter().zip(buy.iter()).zip(lines.iter()) {
                if let (Some(d), Some(n)) = (d, n) {
                    days.push((d, b == Some(true), n));
                }
            }
        }
        let fences = drop_far.then(|| {
            let histogram: Vec<(i32, u64)> = days.iter().map(|(d, _, n)| (*d, *n)).collect();
            kept_days(&histogram)
        });
        let kept = |d: i32| fences.is_none_or(|(lo, hi)| d >= lo && d <= hi);
        let last_purchase = days
            .iter()
            .filter(|(d, buy, _)| *buy && kept(*d))
            .map(|(d, _, _)| *d)
            .max();
        Ok(Histogram {
            fences,
            last_purchase,
        })
    }

    /// The day after the last purchase day, None without a purchase.
    pub fn default_analysis_date(&self) -> Option<NaiveDate> {
        let last = self.last_purchase?;
        let epoch = NaiveDate::default();
        epoch.checked_add_signed(chrono::Duration::days(i64::from(last) + 1))
    }
}

//! Per-customer features at a cutoff day and the label "bought in the window that
//! starts at the cutoff".
//!
//! Contract:
//! - Features use only lines dated before the cutoff (`ts` day < cutoff); the label
//!   uses only lines in [cutoff, cutoff + window). Lines are read with the shared
//!   rules of `analysis::lines` and `analysis::customers` (cancelled lines left out,
//!   returns subtract their amount and add no order).
//! - Rows: every customer with a purchase before the cutoff, sorted by customer id.
//! - Features (in this order): `recency_days`, `tenure_days`, `orders`,
//!   `purchase_days`, `revenue`, `avg_order_value`, `units`, `orders_30d`,
//!   `orders_90d`, `orders_180d`, `revenue_30d`, `revenue_90d`, `revenue_180d`,
//!   `mean_days_between` (tenure for customers with one purchase day), then one
//!   `share:<category>` per category (share of the customer's purchase lines).
//!   Orders without money (`lines::has_money`) have no `revenue`,
//!   `avg_order_value` or `revenue_*d` feature ([`base_features`]).
//! - The category list is passed in (see [`categories_before`]) so that a training
//!   and a test frame have the same columns; it never depends on later lines.
//! - `*_Nd` figures cover the N days before the cutoff: days in [cutoff − N, cutoff).
//! - The label is true when the customer has a purchase line (not a return, not
//!   cancelled) in the window.
//! - With behaviour events (canonical `customer_id`, `event`, `ts`),
//!   [`with_event_counts`] adds `events_30d:<type>`: the customer's events of that
//!   type in [cutoff − 30, cutoff), 0 without any. The types are the (up to
//!   [`MAX_EVENT_TYPES`]) most frequent before the training cutoff, trimmed and
//!   lower-cased ([`event_types_before`]).

use chrono::NaiveDate;
use ndarray::{Array2, ShapeBuilder};
use polars::prelude::*;

use crate::analysis::customers::customer_table;
use crate::analysis::lines::{
    AnalysisError, day_expr, days_from_date, has_money, polars_failed, with_net_amount,
};
use crate::data::Role;
use crate::i18n::Phrase;
use crate::{phrase, tr};

/// The features computed from order lines, before any category share.
pub const BASE_FEATURES: [&str; 14] = [
    "recency_days",
    "tenure_days",
    "orders",
    "purchase_days",
    "revenue",
    "avg_order_value",
    "units",
    "orders_30d",
    "orders_90d",
    "orders_180d",
    "revenue_30d",
    "revenue_90d",
    "revenue_180d",
    "mean_days_between",
];

/// A feature as the window shows it (feature-importance chart, tree rules): the
/// feature's column name stays its identity in the frames and the CLI's JSON.
/// Unknown names are shown as they are.
pub fn feature_label(name: &str) -> String {
    feature_phrase(name).text()
}

/// [`feature_label`], worded when shown.
pub fn feature_phrase(name: &str) -> Phrase {
    if let Some(category) = name.strip_prefix("share:") {
        return phrase!("value-feature-share", category = category);
    }
    if let Some(event) = name.strip_prefix("events_30d:") {
        return phrase!("value-feature-events-30d", event = event);
    }
    match name {
        "recency_days" => phrase!("value-feature-recency-days"),
        "tenure_days" => phrase!("value-feature-tenure-days"),
        "orders" => phrase!("value-feature-orders"),
        "purchase_days" => phrase!("value-feature-purchase-days"),
        "revenue" => phrase!("value-feature-revenue"),
        "avg_order_value" => phrase!("value-feature-avg-order-value"),
        "units" => phrase!("value-feature-units"),
        "orders_30d" => phrase!("value-feature-orders-30d"),
        "orders_90d" => phrase!("value-feature-orders-90d"),
        "orders_180d" => phrase!("value-feature-orders-180d"),
        "revenue_30d" => phrase!("value-feature-revenue-30d"),
        "revenue_90d" => phrase!("value-feature-revenue-90d"),
        "revenue_180d" => phrase!("value-feature-revenue-180d"),
        "mean_days_between" => phrase!("value-feature-mean-days-between"),
        "gap_cv" => phrase!("value-feature-gap-cv"),
        other => Phrase::Verbatim(other.to_string()),
    }
}

/// Whether a base feature is an amount of money.
fn is_money(name: &str) -> bool {
    name.starts_with("revenue") || name == "avg_order_value"
}

/// The base features `lines` allow: all of [`BASE_FEATURES`], or those that are
/// not money when the lines carry none.
pub fn base_features(lines: &DataFrame) -> Vec<&'static str> {
    let money = has_money(lines);
    BASE_FEATURES
        .into_iter()
        .filter(|name| money || !is_money(name))
        .collect()
}

/// At most this many categories get a share feature (the most bought ones).
pub const MAX_CATEGORIES: usize = 12;

/// At most this many event types get a count feature.
pub const MAX_EVENT_TYPES: usize = 5;

const WINDOWS_DAYS: [i32; 3] = [30, 90, 180];

/// Features (and optionally labels) of every customer at one cutoff.
#[derive(Clone, Debug)]
pub struct FeatureFrame {
    /// Lines on or after this day are not in the features.
    pub cutoff: NaiveDate,
    /// Feature names, the column order of [`FeatureFrame::matrix`].
    pub names: Vec<String>,
    /// `customer_id` (str), one f64 column per feature (no nulls), and `label`
    /// (bool) when labels were asked for.
    pub frame: DataFrame,
}

impl FeatureFrame {
    pub fn len(&self) -> usize {
        self.frame.height()
    }

    pub fn is_empty(&self) -> bool {
        self.frame.height() == 0
    }

    /// The features in original units, rows as in `frame`.
    pub fn matrix(&self) -> Result<Array2<f64>, AnalysisError> {
        let rows = self.frame.height();
        let mut buf = Vec::with_capacity(rows * self.names.len());
        for name in &self.names {
            let column = self
                .frame
                .column(name)
                .and_then(|c| c.cast(&DataType::Float64))
                .map_err(polars_failed("context-copy-features"))?;
            let values = column
                .f64()
                .map_err(polars_failed("context-copy-features"))?;
            buf.extend(values.iter().map(|v| v.unwrap_or(0.0)));
        }
        Array2::from_shape_vec((rows, self.names.len()).f(), buf).map_err(|e| {
            AnalysisError::Invalid {
                what: tr!("analysis-feature-matrix"),
                why: e.to_string(),
            }
        })
    }

    /// The labels (false where missing); empty when the frame has none.
    pub fn labels(&self) -> Result<Vec<bool>, AnalysisError> {
        let Ok(column) = self.frame.column("label") else {
            return Ok(Vec::new());
        };
        let values = column
            .bool()
            .map_err(polars_failed("context-read-labels"))?;
        Ok(values.iter().map(|v| v.unwrap_or(false)).collect())
    }

    /// Customer ids in row order.
    pub fn customer_ids(&self) -> Result<Column, AnalysisError> {
        self.frame
            .column("customer_id")
            .cloned()
            .map_err(polars_failed("context-read-customer-ids"))
    }
}

/// The (up to [`MAX_CATEGORIES`]) categories with the most purchase lines before
/// `cutoff`, most bought first (ties by name). Empty without a `category` column.
pub fn categories_before(
    lines: &DataFrame,
    cutoff: NaiveDate,
) -> Result<Vec<String>, AnalysisError> {
    if !lines.schema().contains("category") {
        return Ok(Vec::new());
    }
    let out = with_net_amount(lines)
        .with_column(day_expr().cast(DataType::Int32))
        .filter(
            col("_day")
                .lt(lit(days_from_date(cutoff)))
                .and(col("_return").not())
                .and(col("_cancelled").not())
                .and(col("category").is_not_null()),
        )
        .group_by([col("category").cast(DataType::String)])
        .agg([len().alias("n")])
        .sort_by_exprs(
            [col("n"), col("category")],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .limit(MAX_CATEGORIES as u32)
        .collect()
        .map_err(polars_failed("context-count-categories"))?;
    let names = out
        .column("category")
        .and_then(|c| c.str().cloned())
        .map_err(polars_failed("context-count-categories"))?;
    Ok(names.iter().flatten().map(str::to_string).collect())
}

/// The kept lines dated before `cutoff_day` (days since 1970), with `_day`,
/// `_net`, `_return` and the customer id as text: what every feature at a
/// cutoff reads, so none can look ahead.
pub(super) fn lines_before(lines: &DataFrame, cutoff_day: i32) -> LazyFrame {
    with_net_amount(lines)
        .with_columns([
            day_expr().cast(DataType::Int32),
            col("customer_id").cast(DataType::String),
        ])
        .filter(
            col("customer_id")
                .is_not_null()
                .and(col("_day").is_not_null())
                .and(col("_cancelled").not())
                .and(col("_day").lt(lit(cutoff_day))),
        )
}

/// Features of every customer with a purchase before `cutoff`; with
/// `label_window_days`, also the label for [cutoff, cutoff + window).
pub fn features_at(
    lines: &DataFrame,
    cutoff: NaiveDate,
    categories: &[String],
    label_window_days: Option<u32>,
) -> Result<FeatureFrame, AnalysisError> {
    let base = customer_table(lines, Some(cutoff))?.frame;
    let cutoff_day = days_from_date(cutoff);
    let schema = lines.schema();
    let order_key = if schema.contains("order_id") {
        col("order_id").cast(DataType::String)
    } else {
        col("_day").cast(DataType::String)
    };
    let purchase = col("_return").not();
    let mut aggs = Vec::new();
    for days in WINDOWS_DAYS {
        let recent = col("_day").gt_eq(lit(cutoff_day - days));
        aggs.push(
            order_key
                .clone()
                .filter(purchase.clone().and(recent.clone()))
                .n_unique()
                .cast(DataType::Float64)
                .alias(format!("orders_{days}d")),
        );
        if has_money(lines) {
            aggs.push(
                col("_net")
                    .filter(recent)
                    .sum()
                    .alias(format!("revenue_{days}d")),
            );
        }
    }
    for category in categories {
        // Compared as stored (Categorical after loading): no text copy per line.
        let in_category = col("category")
            .eq(lit(category.as_str()))
            .fill_null(lit(false));
        aggs.push(
            (in_category
                .and(purchase.clone())
                .cast(DataType::Float64)
                .sum()
                / purchase.clone().cast(DataType::Float64).sum())
            .alias(format!("share:{category}")),
        );
    }
    let windows = lines_before(lines, cutoff_day)
        .group_by([col("customer_id")])
        .agg(aggs);
    let mut names: Vec<String> = base_features(lines)
        .into_iter()
        .map(str::to_string)
        .collect();
    names.extend(categories.iter().map(|c| format!("share:{c}")));
    let mut select = vec![col("customer_id")];
    select.extend(names.iter().map(|n| {
        let value = col(n.as_str()).cast(DataType::Float64);
        if n == "mean_days_between" {
            value.fill_null(col("tenure_days").cast(DataType::Float64))
        } else {
            value.fill_null(lit(0.0))
        }
    }));
    let mut joined = base
        .lazy()
        .join(
            windows,
            [col("customer_id")],
            [col("customer_id")],
            JoinArgs::new(JoinType::Left),
        )
        .select(select);
    if let Some(window_days) = label_window_days {
        let end = cutoff_day + window_days as i32;
        let buyers = with_net_amount(lines)
            .with_columns([
                day_expr().cast(DataType::Int32),
                col("customer_id").cast(DataType::String),
            ])
            .filter(
                col("_day")
                    .gt_eq(lit(cutoff_day))
                    .and(col("_day").lt(lit(end)))
                    .and(col("_return").not())
                    .and(col("_cancelled").not())
                    .and(col("customer_id").is_not_null()),
            )
            .group_by([col("customer_id")])
            .agg([lit(true).first().alias("label")]);
        joined = joined
            .join(
                buyers,
                [col("customer_id")],
                [col("customer_id")],
                JoinArgs::new(JoinType::Left),
            )
            .with_column(col("label").fill_null(lit(false)));
    }
    let frame = joined
        .sort(["customer_id"], SortMultipleOptions::default())
        .collect()
        .map_err(polars_failed("context-propensity-features"))?;
    Ok(FeatureFrame {
        cutoff,
        names,
        frame,
    })
}

fn event_type() -> Expr {
    col("event")
        .cast(DataType::String)
        .str()
        .strip_chars(lit(NULL))
        .str()
        .to_lowercase()
        .alias("_type")
}

fn event_day() -> Expr {
    col("ts").dt().date().cast(DataType::Int32).alias("_day")
}

/// The (up to [`MAX_EVENT_TYPES`]) event types with the most events before
/// `cutoff`, most first (ties by name).
pub fn event_types_before(
    events: &DataFrame,
    cutoff: NaiveDate,
) -> Result<Vec<String>, AnalysisError> {
    crate::analysis::lines::require(events, Role::EventType)?;
    crate::analysis::lines::require(events, Role::Timestamp)?;
    let out = events
        .clone()
        .lazy()
        .select([event_type(), event_day()])
        .filter(
            col("_day")
                .lt(lit(days_from_date(cutoff)))
                .and(col("_type").is_not_null()),
        )
        .group_by([col("_type")])
        .agg([len().alias("n")])
        .sort_by_exprs(
            [col("n"), col("_type")],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .limit(MAX_EVENT_TYPES as u32)
        .collect()
        .map_err(polars_failed("context-count-event-types"))?;
    let names = out
        .column("_type")
        .and_then(|c| c.str().cloned())
        .map_err(polars_failed("context-count-event-types"))?;
    Ok(names.iter().flatten().map(str::to_string).collect())
}

/// `frame` with `events_30d:<type>` for each of `types` (see the module contract).
pub fn with_event_counts(
    frame: FeatureFrame,
    events: &DataFrame,
    types: &[String],
) -> Result<FeatureFrame, AnalysisError> {
    if types.is_empty() {
        return Ok(frame);
    }
    crate::analysis::lines::require(events, Role::CustomerId)?;
    let cutoff = days_from_date(frame.cutoff);
    let aggs: Vec<Expr> = types
        .iter()
        .map(|t| {
            col("_type")
                .eq(lit(t.as_str()))
                .cast(DataType::Float64)
                .sum()
                .alias(format!("events_30d:{t}"))
        })
        .collect();
    let counts = events
        .clone()
        .lazy()
        .select([
            col("customer_id").cast(DataType::String),
            event_type(),
            event_day(),
        ])
        .filter(
            col("_day")
                .gt_eq(lit(cutoff - 30))
                .and(col("_day").lt(lit(cutoff)))
                .and(col("customer_id").is_not_null()),
        )
        .group_by([col("customer_id")])
        .agg(aggs);
    let mut names = frame.names.clone();
    let added: Vec<String> = types.iter().map(|t| format!("events_30d:{t}")).collect();
    names.extend(added.iter().cloned());
    let joined = frame
        .frame
        .lazy()
        .join(
            counts,
            [col("customer_id")],
            [col("customer_id")],
            JoinArgs::new(JoinType::Left),
        )
        .with_columns(
            added
                .iter()
                .map(|n| col(n.as_str()).fill_null(lit(0.0)))
                .collect::<Vec<_>>(),
        )
        .sort(["customer_id"], SortMultipleOptions::default())
        .collect()
        .map_err(polars_failed("context-events-per-customer"))?;
    Ok(FeatureFrame {
        cutoff: frame.cutoff,
        names,
        frame: joined,
    })
}

/// Whether a feature is `log1p`-transformed (after clipping at 0) before the
/// regression standardises it: every count and amount, not the shares nor the
/// mean sentiment (a probability too).
pub fn is_logged(name: &str) -> bool {
    !name.starts_with("share:") && name != "service:mean_sentiment"
}

/// log1p where the feature is logged, then z-scores with the means and standard
/// deviations (ddof 0) of the training matrix. Constant features become 0.
#[derive(Clone, Debug)]
pub struct Standardiser {
    logged: Vec<bool>,
    means: Vec<f64>,
    sds: Vec<f64>,
}

impl Standardiser {
    /// Learns the transform from `raw` (original units).
    pub fn fit(raw: &Array2<f64>, names: &[String]) -> Self {
        let logged: Vec<bool> = names.iter().map(|n| is_logged(n)).collect();
        let mut means = Vec::with_capacity(logged.len());
        let mut sds = Vec::with_capacity(logged.len());
        for (j, &log) in logged.iter().enumerate() {
            let column = raw.column(j);
            let n = column.len().max(1) as f64;
            let mean = column.iter().map(|&v| transform(v, log)).sum::<f64>() / n;
            let var = column
                .iter()
                .map(|&v| (transform(v, log) - mean).powi(2))
                .sum::<f64>()
                / n;
            means.push(mean);
            sds.push(var.sqrt());
        }
        Standardiser { logged, means, sds }
    }

    /// The standardised copy of `raw`.
    pub fn apply(&self, raw: &Array2<f64>) -> Array2<f64> {
        let mut out = raw.clone();
        for (j, mut column) in out.columns_mut().into_iter().enumerate() {
            let (log, mean, sd) = (self.logged[j], self.means[j], self.sds[j]);
            column.mapv_inplace(|v| {
                if sd > 0.0 {
                    (transform(v, log) - mean) / sd
                } else {
                    0.0
                }
            });
        }
        out
    }
}

fn transform(v: f64, log: bool) -> f64 {
    if log { v.max(0.0).ln_1p() } else { v }
}

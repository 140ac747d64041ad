//! Per-customer features for segmentation, in original units and as the
//! standardised matrix K-means runs on.
//!
//! Contract:
//! - Rows are the customers of [`customer_table`] (customers with at least one
//!   purchase before the analysis date), sorted by customer id.
//! - Every [`Feature`] the data allows is computed in original units (`raw`), so
//!   profiles and exports can show them; only the [`FeatureSet`] in use enters the
//!   clustering matrix (`scaled`).
//! - Nulls and negatives are settled before the copy into ndarray:
//!   `mean_days_between` of a customer with one purchase day is null and becomes
//!   their `tenure_days` (they have gone at least that long without a second
//!   purchase); `revenue` and `avg_order_value` below 0 (net returns larger than
//!   purchases) are clipped to 0 before `log1p`, and shown clipped; a customer
//!   without a priced line gets `discount_share` 0 and `avg_unit_price` 0; a
//!   customer who never wrote to customer service gets the signal values
//!   [`super::signals`] states.
//! - Transform: `log1p` for the skewed counts and amounts (everything except
//!   `discount_share`, a share in 0..=1, the 0/1 flags `complained_30d` and
//!   `asked_discount_no_buy`, and `mean_sentiment`, 0–1), then z-score with the population
//!   standard deviation (ddof 0, as scikit-learn's `StandardScaler`). A feature
//!   that is constant over all customers becomes 0 everywhere.
//! - Orders without money (`lines::has_money`): `revenue` and `avg_order_value`
//!   are not available, `CustomerFeatures::revenue` is None, and the default set
//!   becomes recency and orders ([`FeatureSet::for_lines`]); asking for a money
//!   feature is an [`AnalysisError::NeedsMoney`].
//! - `discount_share`: the share of a customer's purchase lines whose unit price is
//!   below [`DISCOUNT_RATIO`] × the median unit price of that item over all purchase
//!   lines: bought on promotion or at a markdown. Needs `item_id` and `unit_price`.
//! - Service signals (`last_contact_days`, `contacts_30d`, `contacts_90d`,
//!   `complained_30d`, `asked_discount_no_buy`, `mean_sentiment`) are available
//!   only when [`customer_features_with`] is given the signals of a service-messages
//!   file; asking for one without is an error that says so.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use ndarray::{Array2, ShapeBuilder};
use polars::prelude::*;

use crate::analysis::customers::{CustomerTable, customer_table};
use crate::analysis::lines::{
    AnalysisError, day_expr, days_from_date, has_money, polars_failed, require, with_net_amount,
};
use crate::analysis::voice::signals::SIGNAL_COLUMNS;
use crate::data::Role;
use crate::jobs::Progress;
use crate::tr;

/// A unit price below this fraction of the item's median price counts as discounted.
pub const DISCOUNT_RATIO: f64 = 0.97;

/// One per-customer feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// Days from the last purchase to the analysis date.
    Recency,
    /// Distinct orders.
    Frequency,
    /// Net revenue (returns subtracted), clipped at 0.
    Monetary,
    /// Net revenue per order, clipped at 0.
    AvgOrderValue,
    /// Days from the first purchase to the analysis date.
    Tenure,
    /// Mean days between purchase days (tenure for one-day customers).
    DaysBetween,
    /// Units bought.
    Units,
    /// Share of purchase lines bought below the item's usual price.
    DiscountShare,
    /// Mean unit price paid over purchase lines.
    AvgUnitPrice,
    /// Days since the customer last wrote to customer service (signals: see
    /// [`super::signals`] for customers who never wrote).
    LastContact,
    /// Service messages in the last 30 days.
    Contacts30,
    /// Service messages in the last 90 days.
    Contacts90,
    /// Complained in the last 30 days (1 or 0).
    Complained,
    /// Asked about discounts in the last 30 days and bought nothing after (1 or 0).
    AskedDiscount,
    /// Mean P(positive) of the customer's messages, 0–1.
    Sentiment,
}

impl Feature {
    /// Every feature, in the order of `raw` columns.
    pub const ALL: [Feature; 15] = [
        Feature::Recency,
        Feature::Frequency,
        Feature::Monetary,
        Feature::AvgOrderValue,
        Feature::Tenure,
        Feature::DaysBetween,
        Feature::Units,
        Feature::DiscountShare,
        Feature::AvgUnitPrice,
        Feature::LastContact,
        Feature::Contacts30,
        Feature::Contacts90,
        Feature::Complained,
        Feature::AskedDiscount,
        Feature::Sentiment,
    ];

    /// The name used in the CLI, JSON and exports.
    pub fn name(self) -> &'static str {
        match self {
            Feature::Recency => "recency_days",
            Feature::Frequency => "orders",
            Feature::Monetary => "revenue",
            Feature::AvgOrderValue => "avg_order_value",
            Feature::Tenure => "tenure_days",
            Feature::DaysBetween => "mean_days_between",
            Feature::Units => "units",
            Feature::DiscountShare => "discount_share",
            Feature::AvgUnitPrice => "avg_unit_price",
            Feature::LastContact => SIGNAL_COLUMNS[0],
            Feature::Contacts30 => SIGNAL_COLUMNS[1],
            Feature::Contacts90 => SIGNAL_COLUMNS[2],
            Feature::Complained => SIGNAL_COLUMNS[3],
            Feature::AskedDiscount => SIGNAL_COLUMNS[4],
            Feature::Sentiment => SIGNAL_COLUMNS[5],
        }
    }

    /// The feature's name as the window shows it, in the current language (the
    /// CLI, JSON, exports and column look-ups use [`Feature::name`]).
    pub fn label(self) -> String {
        match self {
            Feature::Recency => tr!("segments-feature-recency"),
            Feature::Frequency => tr!("segments-feature-orders"),
            Feature::Monetary => tr!("segments-feature-revenue"),
            Feature::AvgOrderValue => tr!("segments-feature-avg-order-value"),
            Feature::Tenure => tr!("segments-feature-tenure"),
            Feature::DaysBetween => tr!("segments-feature-days-between"),
            Feature::Units => tr!("segments-feature-units"),
            Feature::DiscountShare => tr!("segments-feature-discount-share"),
            Feature::AvgUnitPrice => tr!("segments-feature-avg-unit-price"),
            Feature::LastContact => tr!("segments-feature-last-contact"),
            Feature::Contacts30 => tr!("segments-feature-contacts-30d"),
            Feature::Contacts90 => tr!("segments-feature-contacts-90d"),
            Feature::Complained => tr!("segments-feature-complained"),
            Feature::AskedDiscount => tr!("segments-feature-asked-discount"),
            Feature::Sentiment => tr!("segments-feature-sentiment"),
        }
    }

    /// Whether the feature is `log1p`-transformed before standardising: not the
    /// shares, flags and the 0–1 sentiment.
    pub fn is_logged(self) -> bool {
        !matches!(
            self,
            Feature::DiscountShare
                | Feature::Complained
                | Feature::AskedDiscount
                | Feature::Sentiment
        )
    }

    /// Whether the feature is a customer-service signal (needs a service-messages
    /// file, read by `analysis::voice`).
    pub fn is_signal(self) -> bool {
        matches!(
            self,
            Feature::LastContact
                | Feature::Contacts30
                | Feature::Contacts90
                | Feature::Complained
                | Feature::AskedDiscount
                | Feature::Sentiment
        )
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Feature {
    type Err = AnalysisError;

    /// Accepts the [`Feature::name`] and the short aliases `recency`, `frequency`,
    /// `monetary`, `aov`, `tenure`, `days_between`, `discount`, `unit_price`,
    /// `last_contact`, `contacts`, `complained`, `sentiment`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase();
        let alias = match key.as_str() {
            "recency" => Some(Feature::Recency),
            "frequency" => Some(Feature::Frequency),
            "monetary" => Some(Feature::Monetary),
            "aov" => Some(Feature::AvgOrderValue),
            "tenure" => Some(Feature::Tenure),
            "days_between" => Some(Feature::DaysBetween),
            "discount" => Some(Feature::DiscountShare),
            "unit_price" => Some(Feature::AvgUnitPrice),
            "last_contact" => Some(Feature::LastContact),
            "contacts" => Some(Feature::Contacts90),
            "complained" => Some(Feature::Complained),
            "sentiment" => Some(Feature::Sentiment),
            _ => None,
        };
        alias
            .or_else(|| Feature::ALL.into_iter().find(|f| f.name() == key))
            .ok_or_else(|| AnalysisError::Invalid {
                what: tr!("analysis-feature", feature = s),
                why: tr!(
                    "analysis-feature-unknown",
                    choices = Feature::ALL.map(Feature::name).join(", ")
                ),
            })
    }
}

/// The features K-means runs on, in order, without repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureSet(Vec<Feature>);

impl Default for FeatureSet {
    /// log1p recency, frequency and monetary: the usual RFM recipe.
    fn default() -> Self {
        FeatureSet(vec![
            Feature::Recency,
            Feature::Frequency,
            Feature::Monetary,
        ])
    }
}

impl Feature {
    /// Whether the feature is an amount of money (needs `lines::has_money`).
    pub fn is_money(self) -> bool {
        matches!(self, Feature::Monetary | Feature::AvgOrderValue)
    }

    /// Whether the feature reads each line's unit price against its item's
    /// (needs [`PRICE_ROLES`]).
    pub fn needs_prices(self) -> bool {
        matches!(self, Feature::DiscountShare | Feature::AvgUnitPrice)
    }
}

/// The columns `discount_share` and `avg_unit_price` need in the order lines.
pub const PRICE_ROLES: [Role; 2] = [Role::UnitPrice, Role::ItemId];

impl FeatureSet {
    /// The set to run for `lines`: this one, except that the default recipe on
    /// orders without money is recency and orders (the window and the CLI say so).
    pub fn for_lines(&self, lines: &DataFrame) -> FeatureSet {
        if !has_money(lines) && *self == FeatureSet::default() {
            FeatureSet(vec![Feature::Recency, Feature::Frequency])
        } else {
            self.clone()
        }
    }

    /// A set from a list; repeats are dropped, an empty list is an error.
    pub fn new(features: &[Feature]) -> Result<Self, AnalysisError> {
        let mut out: Vec<Feature> = Vec::new();
        for f in features {
            if !out.contains(f) {
                out.push(*f);
            }
        }
        if out.is_empty() {
            return Err(AnalysisError::Invalid {
                what: tr!("analysis-feature-list"),
                why: tr!("analysis-feature-list-empty"),
            });
        }
        Ok(FeatureSet(out))
    }

    /// The features in use, in order.
    pub fn features(&self) -> &[Feature] {
        &self.0
    }

    /// Whether a customer-service signal is in use (the run needs the signals).
    pub fn uses_signals(&self) -> bool {
        self.0.iter().any(|f| f.is_signal())
    }
}

impl FromStr for FeatureSet {
    type Err = AnalysisError;

    /// A comma-separated list such as `recency,frequency,monetary,discount_share`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let features = s
            .split(',')
            .filter(|p| !p.trim().is_empty())
            .map(Feature::from_str)
            .collect::<Result<Vec<_>, _>>()?;
        FeatureSet::new(&features)
    }
}

/// Per-customer features, raw and standardised.
#[derive(Clone, Debug)]
pub struct CustomerFeatures {
    /// Recency and tenure are measured to this day.
    pub analysis_date: NaiveDate,
    /// One per row, sorted.
    pub customer_ids: Vec<String>,
    /// Features computable from the data, in [`Feature::ALL`] order.
    pub available: Vec<Feature>,
    /// `customers × available` in original units, nulls settled (see module doc).
    pub raw: Array2<f64>,
    /// The features in use.
    pub set: FeatureSet,
    /// `customers × set` after log1p and z-scoring: the K-means input.
    pub scaled: Array2<f64>,
    /// Net revenue per customer (not clipped), for revenue shares; None when the
    /// orders carry no money.
    pub revenue: Option<Vec<f64>>,
}

impl CustomerFeatures {
    pub fn len(&self) -> usize {
        self.customer_ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.customer_ids.is_empty()
    }

    /// The `raw` column of `feature`, if available.
    pub fn column(&self, feature: Feature) -> Option<ndarray::ArrayView1<'_, f64>> {
        self.available
            .iter()
            .position(|f| *f == feature)
            .map(|i| self.raw.column(i))
    }
}

fn float_column(frame: &DataFrame, name: &str) -> Result<Vec<Option<f64>>, AnalysisError> {
    let context = "context-read-customer-features";
    let column = frame
        .column(name)
        .and_then(|c| c.cast(&DataType::Float64))
        .map_err(polars_failed(context))?;
    let values = column.f64().map_err(polars_failed(context))?;
    Ok(values.iter().collect())
}

/// Discount share and mean unit price per customer, from priced purchase lines.
fn price_extras(lines: &DataFrame, cutoff: i32) -> Result<DataFrame, AnalysisError> {
    let median = col("_price")
        .median()
        .over([col("item_id")])
        .map_err(polars_failed("context-item-median-price"))?;
    with_net_amount(lines)
        .with_columns([
            day_expr().cast(DataType::Int32),
            col("customer_id").cast(DataType::String),
            col("unit_price").cast(DataType::Float64).alias("_price"),
        ])
        .filter(
            col("customer_id")
                .is_not_null()
                .and(col("_day").is_not_null())
                .and(col("_day").lt(lit(cutoff)))
                .and(col("_cancelled").not())
                .and(col("_return").not())
                .and(col("_price").is_not_null())
                .and(col("item_id").is_not_null()),
        )
        .with_column(median.alias("_median"))
        .group_by([col("customer_id")])
        .agg([
            col("_price")
                .lt(col("_median") * lit(DISCOUNT_RATIO))
                .cast(DataType::Float64)
                .mean()
                .alias("discount_share"),
            col("_price").mean().alias("avg_unit_price"),
        ])
        .collect()
        .map_err(polars_failed("context-discounted-lines"))
}

/// Builds the features of every customer in `lines` (canonical order lines),
/// measured at `analysis_date` (default: the day after the last purchase), for
/// `set` as [`FeatureSet::for_lines`] adapts it. Errors when a feature in the set
/// cannot be computed from the columns present. No service signals: see
/// [`customer_features_with`].
pub fn customer_features(
    lines: &DataFrame,
    set: &FeatureSet,
    analysis_date: Option<NaiveDate>,
    progress: &Progress,
) -> Result<CustomerFeatures, AnalysisError> {
    customer_features_with(lines, None, set, analysis_date, progress)
}

/// [`customer_features`] with the customer-service `signals`
/// (`analysis::voice::signals`, one row per customer who wrote) joined on the
/// customer, as [`super::signals`] describes; without them a signal feature in
/// `set` is an error saying a service-messages file is needed.
pub fn customer_features_with(
    lines: &DataFrame,
    signals: Option<&DataFrame>,
    set: &FeatureSet,
    analysis_date: Option<NaiveDate>,
    progress: &Progress,
) -> Result<CustomerFeatures, AnalysisError> {
    let set = &set.for_lines(lines);
    let money = has_money(lines);
    if let Some(missing) = set.features().iter().find(|f| f.is_money() && !money) {
        return Err(AnalysisError::NeedsMoney {
            what: tr!("segments-feature-what", feature = missing.label()),
        });
    }
    if signals.is_none()
        && let Some(missing) = set.features().iter().find(|f| f.is_signal())
    {
        return Err(super::signals::needs_service(*missing));
    }
    let table = customer_table(lines, analysis_date)?;
    progress.check().map_err(|_| AnalysisError::Cancelled)?;
    let schema = lines.schema();
    let priced = PRICE_ROLES.iter().all(|r| schema.contains(r.column_name()));
    let extras = if priced {
        Some(price_extras(lines, days_from_date(table.analysis_date))?)
    } else {
        None
    };
    let available: Vec<Feature> = Feature::ALL
        .into_iter()
        .filter(|f| priced || !f.needs_prices())
        .filter(|f| money || !f.is_money())
        .filter(|f| signals.is_some() || !f.is_signal())
        .collect();
    // Money and signals were asked for above: only the price features can be
    // missing here.
    if set.features().iter().any(|f| !available.contains(f)) {
        for role in PRICE_ROLES {
            require(lines, role)?;
        }
    }
    from_table(&table, extras.as_ref(), signals, available, set)
}

/// The features of a per-customer table that is already summed (a streamed
/// file: `data::scan`), for `set` as [`customer_features`] adapts it to lines
/// with or without `money`. Only the features of the table are available: the
/// price features and the service signals need the lines, and asking for them
/// is an error saying so.
pub fn customer_features_of_table(
    table: &CustomerTable,
    money: bool,
    set: &FeatureSet,
) -> Result<CustomerFeatures, AnalysisError> {
    let set = match !money && *set == FeatureSet::default() {
        true => &FeatureSet(vec![Feature::Recency, Feature::Frequency]),
        false => set,
    };
    if let Some(missing) = set.features().iter().find(|f| f.is_money() && !money) {
        return Err(AnalysisError::NeedsMoney {
            what: tr!("segments-feature-what", feature = missing.label()),
        });
    }
    if let Some(missing) = set
        .features()
        .iter()
        .find(|f| f.needs_prices() || f.is_signal())
    {
        return Err(AnalysisError::Invalid {
            what: tr!("segments-feature-what", feature = missing.label()),
            why: tr!("segments-feature-needs-lines"),
        });
    }
    let available: Vec<Feature> = Feature::ALL
        .into_iter()
        .filter(|f| !f.needs_prices() && !f.is_signal())
        .filter(|f| money || !f.is_money())
        .collect();
    from_table(table, None, None, available, set)
}

fn from_table(
    table: &CustomerTable,
    extras: Option<&DataFrame>,
    signals: Option<&DataFrame>,
    available: Vec<Feature>,
    set: &FeatureSet,
) -> Result<CustomerFeatures, AnalysisError> {
    let frame = match extras {
        Some(extras) => table
            .frame
            .clone()
            .lazy()
            .join(
                extras.clone().lazy(),
                [col("customer_id")],
                [col("customer_id")],
                JoinArgs::new(JoinType::Left),
            )
            .sort(["customer_id"], SortMultipleOptions::default())
            .collect()
            .map_err(polars_failed("context-join-price-features"))?,
        None => table.frame.clone(),
    };
    let frame = match signals {
        Some(signals) => super::signals::join_signals(&frame, signals)?,
        None => frame,
    };
    let ids = frame
        .column("customer_id")
        .and_then(|c| c.str().cloned())
        .map_err(polars_failed("context-read-customer-ids"))?;
    let customer_ids: Vec<String> = ids
        .iter()
        .map(|id| id.unwrap_or_default().to_string())
        .collect();
    let rows = customer_ids.len();
    let revenue = match frame.schema().contains("revenue") {
        true => Some(
            float_column(&frame, "revenue")?
                .into_iter()
                .map(|v| v.unwrap_or(0.0))
                .collect(),
        ),
        false => None,
    };
    let tenure = float_column(&frame, "tenure_days")?;
    // Column-major buffer: one Vec, one copy into ndarray.
    let mut buffer = Vec::with_capacity(rows * available.len());
    for feature in &available {
        let values = float_column(&frame, feature.name())?;
        let silent = super::signals::silent_value(*feature, &values, &tenure);
        buffer.extend(values.iter().zip(&tenure).map(|(v, t)| match feature {
            Feature::DaysBetween => v.or(*t).unwrap_or(0.0),
            Feature::Monetary | Feature::AvgOrderValue => v.unwrap_or(0.0).max(0.0),
            _ => v.unwrap_or(silent),
        }));
    }
    let raw = Array2::from_shape_vec((rows, available.len()).f(), buffer).map_err(|e| {
        AnalysisError::Invalid {
            what: tr!("analysis-feature-matrix"),
            why: e.to_string(),
        }
    })?;
    let scaled = standardise(&raw, &available, set.features());
    Ok(CustomerFeatures {
        analysis_date: table.analysis_date,
        customer_ids,
        available,
        raw,
        set: set.clone(),
        scaled,
        revenue,
    })
}

/// `features` of `raw` (columns in `available` order), log1p where the feature is
/// skewed, z-scored with the population std; constant columns become 0.
pub fn standardise(raw: &Array2<f64>, available: &[Feature], features: &[Feature]) -> Array2<f64> {
    let rows = raw.nrows();
    let mut out = Array2::zeros((rows, features.len()));
    for (j, feature) in features.iter().enumerate() {
        let Some(source) = available.iter().position(|f| f == feature) else {
            continue;
        };
        let column: Vec<f64> = raw
            .column(source)
            .iter()
            .map(|&v| {
                if feature.is_logged() {
                    v.max(0.0).ln_1p()
                } else {
                    v
                }
            })
            .collect();
        let (mean, std) = mean_std(&column);
        for (i, v) in column.into_iter().enumerate() {
            out[[i, j]] = if std > 0.0 { (v - mean) / std } else { 0.0 };
        }
    }
    out
}

/// Mean and population standard deviation (0, 0 when empty).
pub fn mean_std(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, var.sqrt())
}

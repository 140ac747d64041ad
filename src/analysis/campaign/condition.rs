//! Audience conditions over one customer frame, combined by `All` / `Any`.
//!
//! Contract:
//! - A condition reads columns of the customer frame by their fixed names
//!   (`segment`, `rfm_group`, `churn_bucket`, `region`, `email`, `phone`, any
//!   numeric column) and yields one boolean per row. A null or empty cell never
//!   matches (a customer with no propensity score is not "propensity ≥ 0.3").
//! - A condition on a column the frame lacks is an error naming the column and
//!   what to load or compute first; it is never silently true or false.
//! - Text matches are exact after trimming. Ranges are inclusive at both ends.
//! - `Bought` reads the order lines: purchases (not returns, not cancelled lines)
//!   of the category or item dated within `[from, to]` (inclusive days, either
//!   end open). `bought: false` is "never bought" in that window.
//! - `All([])` matches everyone; `Any([])` matches no one.

use std::collections::HashSet;

use chrono::NaiveDate;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::CampaignError;
use crate::analysis::lines::{days_from_date, with_net_amount};
use crate::tr;

/// What a `Bought` condition looks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purchase {
    /// A category (the `category` column of the order lines).
    Category(String),
    /// An item id (the `item_id` column of the order lines).
    Item(String),
}

/// One condition of a campaign audience (serialised as `{"kind": ..., ...}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    /// Every inner condition holds.
    All { of: Vec<Condition> },
    /// At least one inner condition holds.
    Any { of: Vec<Condition> },
    /// `segment` is one of `values`.
    Segment { values: Vec<String> },
    /// `rfm_group` is one of `values` (RFM group labels such as "Champions").
    RfmGroup { values: Vec<String> },
    /// `churn_bucket` is one of `values`.
    ChurnBucket { values: Vec<String> },
    /// `region` (region or channel) is one of `values`.
    Region { values: Vec<String> },
    /// Any text column is one of `values`.
    TextIn { column: String, values: Vec<String> },
    /// A numeric column within `[min, max]` (either end open).
    Range {
        column: String,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// Bought (or, with `bought: false`, never bought) within the window.
    Bought {
        what: Purchase,
        bought: bool,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// A non-empty `email`.
    HasEmail,
    /// A non-empty `phone`.
    HasPhone,
}

/// What to do to get `column` into the customer frame, in the current language.
fn hint(column: &str) -> String {
    match column {
        "segment" => tr!("campaigns-hint-segment"),
        "rfm_group" | "recency_days" | "frequency" => tr!("campaigns-hint-rfm"),
        "monetary" | "avg_order_value" => tr!("campaigns-hint-money"),
        "propensity" => tr!("campaigns-hint-propensity"),
        "churn_bucket" => tr!("campaigns-hint-churn"),
        "clv" => tr!("campaigns-hint-clv"),
        "email" | "phone" => tr!("campaigns-hint-contact"),
        "region" => tr!("campaigns-hint-region"),
        _ => tr!("campaigns-hint-other"),
    }
}

impl Condition {
    /// One boolean per row of `frame`: whether the row matches. `lines` are the
    /// canonical order lines, needed only by `Bought`.
    pub fn evaluate(
        &self,
        frame: &DataFrame,
        lines: Option<&DataFrame>,
    ) -> Result<Vec<bool>, CampaignError> {
        let rows = frame.height();
        match self {
            Condition::All { of } => {
                let mut mask = vec![true; rows];
                for inner in of {
                    let other = inner.evaluate(frame, lines)?;
                    mask.iter_mut().zip(other).for_each(|(m, o)| *m &= o);
                }
                Ok(mask)
            }
            Condition::Any { of } => {
                let mut mask = vec![false; rows];
                for inner in of {
                    let other = inner.evaluate(frame, lines)?;
                    mask.iter_mut().zip(other).for_each(|(m, o)| *m |= o);
                }
                Ok(mask)
            }
            Condition::Segment { values } => text_in(frame, "segment", values),
            Condition::RfmGroup { values } => text_in(frame, "rfm_group", values),
            Condition::ChurnBucket { values } => text_in(frame, "churn_bucket", values),
            Condition::Region { values } => text_in(frame, "region", values),
            Condition::TextIn { column, values } => text_in(frame, column, values),
            Condition::Range { column, min, max } => {
                let values = numbers(frame, column)?;
                Ok(values
                    .into_iter()
                    .map(|v| {
                        v.is_some_and(|v| {
                            min.is_none_or(|min| v >= min) && max.is_none_or(|max| v <= max)
                        })
                    })
                    .collect())
            }
            Condition::Bought {
                what,
                bought,
                from,
                to,
            } => {
                let Some(lines) = lines else {
                    return Err(CampaignError::NeedsOrders);
                };
                let buyers = buyers(lines, what, *from, *to)?;
                let ids = texts(frame, "customer_id")?;
                Ok(ids
                    .into_iter()
                    .map(|id| id.is_some_and(|id| buyers.contains(&id)) == *bought)
                    .collect())
            }
            Condition::HasEmail => present(frame, "email"),
            Condition::HasPhone => present(frame, "phone"),
        }
    }
}

/// The cells of text column `name` (trimmed), as strings.
pub(super) fn texts(frame: &DataFrame, name: &str) -> Result<Vec<Option<String>>, CampaignError> {
    let column = frame
        .column(name)
        .map_err(|_| CampaignError::MissingColumn {
            column: name.to_string(),
            hint: hint(name),
        })?;
    let text = column
        .cast(&DataType::String)
        .map_err(CampaignError::polars("context-read-text-column"))?;
    let chunked = text
        .str()
        .map_err(CampaignError::polars("context-read-text-column"))?;
    Ok(chunked
        .iter()
        .map(|cell| cell.map(|c| c.trim().to_string()))
        .collect())
}

/// The cells of numeric column `name`, as f64 (non-numbers are an error).
pub(super) fn numbers(frame: &DataFrame, name: &str) -> Result<Vec<Option<f64>>, CampaignError> {
    let column = frame
        .column(name)
        .map_err(|_| CampaignError::MissingColumn {
            column: name.to_string(),
            hint: hint(name),
        })?;
    if !column.dtype().is_primitive_numeric() && !column.dtype().is_bool() {
        return Err(CampaignError::NotNumeric {
            column: name.to_string(),
        });
    }
    let floats = column
        .cast(&DataType::Float64)
        .map_err(CampaignError::polars("context-read-number-column"))?;
    let chunked = floats
        .f64()
        .map_err(CampaignError::polars("context-read-number-column"))?;
    Ok(chunked.iter().map(|v| v.filter(|v| !v.is_nan())).collect())
}

fn text_in(frame: &DataFrame, name: &str, values: &[String]) -> Result<Vec<bool>, CampaignError> {
    let wanted: HashSet<&str> = values.iter().map(|v| v.trim()).collect();
    Ok(texts(frame, name)?
        .into_iter()
        .map(|cell| cell.is_some_and(|c| wanted.contains(c.as_str())))
        .collect())
}

fn present(frame: &DataFrame, name: &str) -> Result<Vec<bool>, CampaignError> {
    Ok(texts(frame, name)?
        .into_iter()
        .map(|cell| cell.is_some_and(|c| !c.is_empty()))
        .collect())
}

/// Customer ids with a purchase of `what` dated within `[from, to]`.
fn buyers(
    lines: &DataFrame,
    what: &Purchase,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<HashSet<String>, CampaignError> {
    let (column, value) = match what {
        Purchase::Category(c) => ("category", c),
        Purchase::Item(i) => ("item_id", i),
    };
    for needed in ["customer_id", "ts", column] {
        if !lines.schema().contains(needed) {
            return Err(CampaignError::MissingLineColumn {
                column: needed.to_string(),
            });
        }
    }
    let day = col("ts").dt().date().cast(DataType::Int32);
    let mut keep = col("_return")
        .not()
        .and(col("_cancelled").not())
        .and(col(column).cast(DataType::String).eq(lit(value.trim())));
    if let Some(from) = from {
        keep = keep.and(day.clone().gt_eq(lit(days_from_date(from))));
    }
    if let Some(to) = to {
        keep = keep.and(day.lt_eq(lit(days_from_date(to))));
    }
    let ids = with_net_amount(lines)
        .filter(keep)
        .select([col("customer_id").cast(DataType::String)])
        .unique(None, UniqueKeepStrategy::Any)
        .collect()
        .map_err(CampaignError::polars("context-find-buyers"))?;
    Ok(texts(&ids, "customer_id")?.into_iter().flatten().collect())
}

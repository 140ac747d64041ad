//! The Value tab's customer table as rows and as a frame: the propensity scores
//! and the CLV customers joined on `customer_id`, and the table an export writes.

use std::collections::BTreeMap;

use anyhow::anyhow;
use chrono::{NaiveDate, TimeDelta};
use polars::prelude::{Column, DataFrame, DataType};

use super::CustomerRow;
use crate::analysis::propensity::RiskThresholds;
use crate::export::{decimals_of, rounded};

/// The customer table as written by an export, rounded as the table shows it
/// (`export::decimals_of`):
/// `customer_id`, `propensity`, `churn_risk` (3 decimals), `risk_bucket` (at
/// `thresholds`), `p_alive` (3), `predicted_purchases` (2), `clv` (2),
/// `next_order_date` (YYYY-MM-DD); missing values null.
pub fn customers_frame(
    rows: &[CustomerRow],
    thresholds: &RiskThresholds,
) -> anyhow::Result<DataFrame> {
    let f64s = |name: &str, get: fn(&CustomerRow) -> Option<f64>| {
        let decimals = decimals_of(name);
        let values: Vec<Option<f64>> = rows
            .iter()
            .map(|r| get(r).map(|v| rounded(v, decimals)))
            .collect();
        Column::new(name.into(), values)
    };
    let columns = vec![
        Column::new(
            "customer_id".into(),
            rows.iter()
                .map(|r| r.customer_id.as_str())
                .collect::<Vec<_>>(),
        ),
        f64s("propensity", |r| r.propensity),
        f64s("churn_risk", |r| r.churn_risk),
        Column::new(
            "risk_bucket".into(),
            rows.iter()
                .map(|r| r.churn_risk.map(|c| thresholds.bucket(c)))
                .collect::<Vec<_>>(),
        ),
        f64s("p_alive", |r| r.p_alive),
        f64s("predicted_purchases", |r| r.predicted_purchases),
        f64s("clv", |r| r.clv),
        Column::new(
            "next_order_date".into(),
            rows.iter()
                .map(|r| r.next_order_date.map(|d| d.to_string()))
                .collect::<Vec<_>>(),
        ),
    ];
    Ok(DataFrame::new(rows.len(), columns)?)
}

fn f64_values(frame: &DataFrame, name: &str) -> anyhow::Result<Vec<Option<f64>>> {
    let column = frame.column(name)?.cast(&DataType::Float64)?;
    Ok(column.f64()?.iter().collect())
}

fn str_values(frame: &DataFrame, name: &str) -> anyhow::Result<Vec<Option<String>>> {
    let column = frame.column(name)?.cast(&DataType::String)?;
    Ok(column
        .str()?
        .iter()
        .map(|s| s.map(str::to_string))
        .collect())
}

/// Joins the propensity scores and the CLV customers on `customer_id`.
pub fn join_rows(scores: &DataFrame, clv: Option<&DataFrame>) -> anyhow::Result<Vec<CustomerRow>> {
    let mut rows: BTreeMap<String, CustomerRow> = BTreeMap::new();
    let empty = |id: &str| CustomerRow {
        customer_id: id.to_string(),
        propensity: None,
        churn_risk: None,
        p_alive: None,
        predicted_purchases: None,
        clv: None,
        next_order_date: None,
    };
    let ids = str_values(scores, "customer_id")?;
    let propensity = f64_values(scores, "propensity")?;
    let risk = f64_values(scores, "churn_risk")?;
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        let row = rows.entry(id.clone()).or_insert_with(|| empty(id));
        row.propensity = propensity[i];
        row.churn_risk = risk[i];
    }
    if let Some(frame) = clv {
        let ids = str_values(frame, "customer_id")?;
        let alive = f64_values(frame, "p_alive")?;
        let purchases = f64_values(frame, "predicted_purchases")?;
        let value = f64_values(frame, "clv")?;
        // Dates as days since 1970-01-01.
        let days: Vec<Option<i32>> = frame
            .column("next_order_date")?
            .cast(&DataType::Int32)?
            .i32()?
            .iter()
            .collect();
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).ok_or_else(|| anyhow!("epoch"))?;
        for (i, id) in ids.iter().enumerate() {
            let Some(id) = id else { continue };
            let row = rows.entry(id.clone()).or_insert_with(|| empty(id));
            row.p_alive = alive[i];
            row.predicted_purchases = purchases[i];
            row.clv = value[i];
            row.next_order_date = days[i].map(|d| epoch + TimeDelta::days(i64::from(d)));
        }
    }
    Ok(rows.into_values().collect())
}

//! Averages per order of the lines a forecast was built from: what a campaign
//! scenario's responder adds (`analysis::forecast::scenario::Basis`).

use polars::prelude::{DataFrame, DataType, PolarsResult, col, lit, when};

use crate::analysis::lines::with_net_amount;

/// Averages per order of the kept lines; None where the lines cannot give one
/// (no order id, no money, no positive total).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct OrderAverages {
    /// Net revenue per order (returns negative, cancelled lines out).
    pub value: Option<f64>,
    /// Net units per order, counted as the units forecast counts them.
    pub units: Option<f64>,
}

/// Net revenue and net units over distinct orders (returns negative, cancelled
/// lines out); an error when the lines have no order id.
pub fn order_averages(lines: &DataFrame) -> PolarsResult<OrderAverages> {
    let quantity = match lines.schema().contains("quantity") {
        true => col("quantity").cast(DataType::Float64).fill_null(lit(0.0)),
        false => lit(1.0),
    };
    let units = when(col("_return"))
        .then(lit(0.0) - quantity.clone().abs())
        .otherwise(quantity);
    let out = with_net_amount(lines)
        .filter(col("_cancelled").not())
        .select([
            col("_net").sum().alias("net"),
            units.sum().alias("units"),
            col("order_id")
                .n_unique()
                .cast(DataType::Float64)
                .alias("orders"),
        ])
        .collect()?;
    let orders = out.column("orders")?.f64()?.get(0).filter(|n| *n > 0.0);
    let per_order = |name: &str| -> PolarsResult<Option<f64>> {
        let total = out.column(name)?.cast(&DataType::Float64)?.f64()?.get(0);
        Ok(total.zip(orders).map(|(t, n)| t / n).filter(|v| *v > 0.0))
    };
    Ok(OrderAverages {
        value: per_order("net")?,
        units: per_order("units")?,
    })
}

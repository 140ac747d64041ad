//! Cohort retention: customers grouped by the month of their first purchase, and
//! for each later month the share of the cohort that bought again and the revenue
//! the cohort brought.
//!
//! Contract:
//! - Lines follow [`super::lines`]: cancelled lines (not returns) and lines without a
//!   customer id or date are left out. A purchase is a line that is not a return.
//! - A customer's cohort is the calendar month of their first purchase; customers
//!   with only returns have no cohort. Month offset 0 is the cohort month itself,
//!   so its active share is 1.
//! - `active[c][k]` = distinct customers of cohort `c` with a purchase in month
//!   `c + k`. `revenue[c][k]` = net amount of the cohort's lines dated in that month
//!   (a return subtracts in the month it is dated; returns dated before the
//!   customer's first purchase are left out).
//! - Offsets run from 0 to the last month of the data minus the first cohort
//!   (capped by [`CohortParams::max_offset_months`]). A cell after the last month of
//!   the data is `None` (not observed yet), which is different from `Some(0)`.
//! - Cohorts ascend by month.
//! - Orders without money (`lines::has_money`): the same retention, revenue cells
//!   0 and `Cohorts::money` false (the window shows retention only).

use chrono::NaiveDate;
use polars::prelude::*;

use super::lines::{AnalysisError, has_money, polars_failed, require, with_net_amount};
use crate::data::Role;

/// Settings of the cohort table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CohortParams {
    /// Show at most this many months after the cohort month (default: all).
    pub max_offset_months: Option<u32>,
}

/// Cohort × month-offset matrices; rows follow `cohorts`, columns `offsets`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cohorts {
    /// First day of each cohort month, ascending.
    pub cohorts: Vec<NaiveDate>,
    /// Month offsets 0, 1, 2, ...
    pub offsets: Vec<u32>,
    /// Customers in each cohort.
    pub sizes: Vec<u32>,
    /// Customers of the cohort with a purchase in month `cohort + offset`.
    pub active: Vec<Vec<Option<u32>>>,
    /// `active / size`.
    pub active_share: Vec<Vec<Option<f64>>>,
    /// Net revenue of the cohort's lines in month `cohort + offset`.
    pub revenue: Vec<Vec<Option<f64>>>,
    /// Whether the lines carry money (`revenue` means something).
    pub money: bool,
}

/// Months since year 0 (`year · 12 + month − 1`) of `ts`.
fn month_expr() -> Expr {
    (col("ts").dt().year().cast(DataType::Int32) * lit(12i32)
        + col("ts").dt().month().cast(DataType::Int32)
        - lit(1i32))
    .alias("_month")
}

fn month_start(index: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

/// The cohort table of canonical order lines (`customer_id`, `ts`; `amount` for
/// revenue).
pub fn cohorts(lines: &DataFrame, params: &CohortParams) -> Result<Cohorts, AnalysisError> {
    require(lines, Role::CustomerId)?;
    require(lines, Role::Timestamp)?;
    let context = "context-monthly-cohorts";
    let base = with_net_amount(lines)
        .with_columns([col("customer_id").cast(DataType::String), month_expr()])
        .filter(
            col("customer_id")
                .is_not_null()
                .and(col("_month").is_not_null())
                .and(col("_cancelled").not()),
        )
        .select([
            col("customer_id"),
            col("_month"),
            col("_net"),
            col("_return"),
        ]);
    let firsts = base
        .clone()
        .filter(col("_return").not())
        .group_by([col("customer_id")])
        .agg([col("_month").min().alias("_cohort")]);
    let sizes = firsts
        .clone()
        .group_by([col("_cohort")])
        .agg([len().cast(DataType::UInt32).alias("size")])
        .sort(["_cohort"], SortMultipleOptions::default())
        .collect()
        .map_err(polars_failed(context))?;
    let last_month = base
        .clone()
        .select([col("_month").max()])
        .collect()
        .map_err(polars_failed(context))?
        .column("_month")
        .and_then(|c| c.i32().cloned())
        .map_err(polars_failed(context))?
        .get(0);
    let cells = base
        .join(
            firsts,
            [col("customer_id")],
            [col("customer_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .with_column((col("_month") - col("_cohort")).alias("_offset"))
        .filter(col("_offset").gt_eq(lit(0i32)))
        .group_by([col("_cohort"), col("_offset")])
        .agg([
            col("customer_id")
                .filter(col("_return").not())
                .n_unique()
                .cast(DataType::UInt32)
                .alias("active"),
            col("_net").sum().fill_null(lit(0.0)).alias("revenue"),
        ])
        .collect()
        .map_err(polars_failed(context))?;

    let ints = |df: &DataFrame, name: &str| -> Result<Vec<Option<i32>>, AnalysisError> {
        Ok(df
            .column(name)
            .and_then(|c| c.cast(&DataType::Int32))
            .and_then(|c| c.i32().cloned())
            .map_err(polars_failed(context))?
            .iter()
            .collect())
    };
    let cohort_months: Vec<i32> = ints(&sizes, "_cohort")?.into_iter().flatten().collect();
    let size_values: Vec<u32> = ints(&sizes, "size")?
        .into_iter()
        .map(|v| v.unwrap_or(0) as u32)
        .collect();
    let (Some(&first), Some(last)) = (cohort_months.first(), last_month) else {
        return Ok(Cohorts {
            money: has_money(lines),
            ..Cohorts::default()
        });
    };
    let mut span = (last - first).max(0) as u32;
    if let Some(cap) = params.max_offset_months {
        span = span.min(cap);
    }
    let offsets: Vec<u32> = (0..=span).collect();
    // Observed cells start at 0; later months stay None.
    let observed = |cohort: i32, offset: u32| cohort + offset as i32 <= last;
    let mut active: Vec<Vec<Option<u32>>> = cohort_months
        .iter()
        .map(|&c| {
            offsets
                .iter()
                .map(|&k| observed(c, k).then_some(0))
                .collect()
        })
        .collect();
    let mut revenue: Vec<Vec<Option<f64>>> = cohort_months
        .iter()
        .map(|&c| {
            offsets
                .iter()
                .map(|&k| observed(c, k).then_some(0.0))
                .collect()
        })
        .collect();
    let cell_cohorts = ints(&cells, "_cohort")?;
    let cell_offsets = ints(&cells, "_offset")?;
    let cell_active = ints(&cells, "active")?;
    let cell_revenue = cells
        .column("revenue")
        .and_then(|c| c.f64().cloned())
        .map_err(polars_failed(context))?;
    for (i, revenue_value) in cell_revenue.iter().enumerate() {
        let (Some(cohort), Some(offset)) = (cell_cohorts[i], cell_offsets[i]) else {
            continue;
        };
        let Ok(row) = cohort_months.binary_search(&cohort) else {
            continue;
        };
        let Some(column) = usize::try_from(offset).ok().filter(|&k| k < offsets.len()) else {
            continue;
        };
        active[row][column] = Some(cell_active[i].unwrap_or(0) as u32);
        revenue[row][column] = Some(revenue_value.unwrap_or(0.0));
    }
    let active_share = active
        .iter()
        .zip(&size_values)
        .map(|(row, &size)| {
            row.iter()
                .map(|cell| {
                    cell.map(|a| {
                        if size > 0 {
                            f64::from(a) / f64::from(size)
                        } else {
                            0.0
                        }
                    })
                })
                .collect()
        })
        .collect();
    Ok(Cohorts {
        cohorts: cohort_months
            .iter()
            .filter_map(|&m| month_start(m))
            .collect(),
        offsets,
        sizes: size_values,
        active,
        active_share,
        revenue,
        money: has_money(lines),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::with_ms_ts;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("day")
    }

    /// a: buys in Jan and Mar. b: buys in Jan, returns 5 in Feb. c: buys twice in
    /// Feb and once in Apr. d: a cancelled Jan line only. e: a return in Jan only.
    fn lines() -> DataFrame {
        let rows = [
            ("a", day(2024, 1, 5), 10.0, false, false),
            ("a", day(2024, 3, 9), 20.0, false, false),
            ("b", day(2024, 1, 31), 30.0, false, false),
            ("b", day(2024, 2, 3), -5.0, true, false),
            ("c", day(2024, 2, 1), 40.0, false, false),
            ("c", day(2024, 2, 20), 50.0, false, false),
            ("c", day(2024, 4, 2), 60.0, false, false),
            ("d", day(2024, 1, 7), 70.0, false, true),
            ("e", day(2024, 1, 8), -8.0, true, false),
        ];
        let ts: Vec<i64> = rows
            .iter()
            .map(|r| {
                r.1.and_hms_opt(12, 0, 0)
                    .expect("time")
                    .and_utc()
                    .timestamp_millis()
            })
            .collect();
        let df = df! {
            "customer_id" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            "amount" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
            "is_return" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
            "is_cancelled" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        }
        .expect("frame");
        with_ms_ts(df, ts)
    }

    #[test]
    fn cohorts_count_active_customers_and_revenue_per_later_month() {
        let table = cohorts(&lines(), &CohortParams::default()).expect("cohorts");
        assert_eq!(table.cohorts, [day(2024, 1, 1), day(2024, 2, 1)]);
        // Data runs January to April: offsets 0..=3 from the first cohort.
        assert_eq!(table.offsets, [0, 1, 2, 3]);
        assert_eq!(table.sizes, [2, 1]);
        // January cohort (a, b): both in Jan, nobody buys in Feb (b only returns),
        // a in Mar, nobody in Apr.
        assert_eq!(table.active[0], [Some(2), Some(0), Some(1), Some(0)]);
        assert_eq!(
            table.active_share[0],
            [Some(1.0), Some(0.0), Some(0.5), Some(0.0)]
        );
        assert_eq!(
            table.revenue[0],
            [Some(40.0), Some(-5.0), Some(20.0), Some(0.0)]
        );
        // February cohort (c): Feb, nothing in Mar, Apr; May is not observed.
        assert_eq!(table.active[1], [Some(1), Some(0), Some(1), None]);
        assert_eq!(table.revenue[1], [Some(90.0), Some(0.0), Some(60.0), None]);
        assert_eq!(table.active_share[1][3], None);
    }

    #[test]
    fn the_offset_cap_trims_columns() {
        let params = CohortParams {
            max_offset_months: Some(1),
        };
        let table = cohorts(&lines(), &params).expect("cohorts");
        assert_eq!(table.offsets, [0, 1]);
        assert_eq!(table.active[0], [Some(2), Some(0)]);
        assert_eq!(table.revenue[1], [Some(90.0), Some(0.0)]);
    }

    #[test]
    fn no_purchase_gives_an_empty_table() {
        let df = lines().slice(7, 2);
        let table = cohorts(&df, &CohortParams::default()).expect("cohorts");
        assert!(table.cohorts.is_empty());
        assert!(table.active.is_empty());
    }

    #[test]
    fn a_missing_customer_column_is_named() {
        let df = lines().drop("customer_id").expect("drop");
        let error = cohorts(&df, &CohortParams::default()).expect_err("no customers");
        assert!(
            error.to_string().contains("no customer id column"),
            "{error}"
        );
    }
}

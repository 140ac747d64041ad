//! Narrowing order lines (and behaviour events) before an analysis: a date range,
//! a set of categories, a set of customers (a segment's members).
//!
//! Contract:
//! - `from` and `to` are inclusive calendar days of `ts` (as written in the file).
//! - An empty category set means every category; lines without a category are
//!   kept only when no category is chosen. Asking for categories when the lines
//!   have no `category` column is an error naming the role to map.
//! - A customer set keeps the lines of those customer ids only.
//! - Events have no category: [`LineFilter::apply_to_events`] uses the dates and
//!   the customers only.
//! - The empty filter returns the lines unchanged (no copy).

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use polars::prelude::*;

use super::lines::{AnalysisError, polars_failed, require};
use crate::data::Role;

/// A named set of customer ids, such as a segment's members. Two sets are equal
/// when they have the same label and are the same shared list (cheap to compare
/// every frame).
#[derive(Clone, Debug)]
pub struct CustomerSet {
    /// What the operator picked, e.g. "Segment 2: Lapsed one-timers".
    pub label: String,
    pub ids: Arc<Vec<String>>,
}

impl PartialEq for CustomerSet {
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label && Arc::ptr_eq(&self.ids, &other.ids)
    }
}

impl Eq for CustomerSet {}

/// Which lines an analysis looks at. The default keeps everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineFilter {
    /// First day kept (inclusive).
    pub from: Option<NaiveDate>,
    /// Last day kept (inclusive).
    pub to: Option<NaiveDate>,
    /// Categories kept; empty: all.
    pub categories: BTreeSet<String>,
    /// Customers kept; None: all.
    pub customers: Option<CustomerSet>,
}

impl LineFilter {
    /// True when the filter keeps every line.
    pub fn is_empty(&self) -> bool {
        self.from.is_none()
            && self.to.is_none()
            && self.categories.is_empty()
            && self.customers.is_none()
    }

    /// A short description for the screen, e.g. "2024-01-01 to 2024-06-30, 2
    /// categories"; "all lines" for the empty filter.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match (self.from, self.to) {
            (Some(from), Some(to)) => parts.push(format!("{from} to {to}")),
            (Some(from), None) => parts.push(format!("from {from}")),
            (None, Some(to)) => parts.push(format!("up to {to}")),
            (None, None) => {}
        }
        match self.categories.len() {
            0 => {}
            1 => parts.extend(self.categories.iter().cloned()),
            n => parts.push(format!("{n} categories")),
        }
        if let Some(set) = &self.customers {
            parts.push(set.label.clone());
        }
        if parts.is_empty() {
            "all lines".to_owned()
        } else {
            parts.join(", ")
        }
    }

    /// The order lines this filter keeps.
    pub fn apply(&self, lines: &DataFrame) -> Result<DataFrame, AnalysisError> {
        if self.is_empty() {
            return Ok(lines.clone());
        }
        let mut keep = self.date_and_customer_mask(lines)?;
        if !self.categories.is_empty() {
            require(lines, Role::Category)?;
            let chosen: Vec<&str> = self.categories.iter().map(String::as_str).collect();
            let chosen = Series::new("categories".into(), chosen);
            let in_category = col("category").is_in(lit(chosen).implode(false), false);
            keep = keep.and(in_category.fill_null(lit(false)));
        }
        run(lines, keep)
    }

    /// The behaviour events this filter keeps (dates and customers only).
    pub fn apply_to_events(&self, events: &DataFrame) -> Result<DataFrame, AnalysisError> {
        if self.from.is_none() && self.to.is_none() && self.customers.is_none() {
            return Ok(events.clone());
        }
        let keep = self.date_and_customer_mask(events)?;
        run(events, keep)
    }

    fn date_and_customer_mask(&self, frame: &DataFrame) -> Result<Expr, AnalysisError> {
        let mut keep = lit(true);
        if self.from.is_some() || self.to.is_some() {
            require(frame, Role::Timestamp)?;
        }
        let day = || col("ts").dt().date();
        if let Some(from) = self.from {
            keep = keep.and(day().gt_eq(lit(from)).fill_null(lit(false)));
        }
        if let Some(to) = self.to {
            keep = keep.and(day().lt_eq(lit(to)).fill_null(lit(false)));
        }
        if let Some(set) = &self.customers {
            require(frame, Role::CustomerId)?;
            let ids = Series::new("customers".into(), set.ids.as_slice());
            let member = col("customer_id").is_in(lit(ids).implode(false), false);
            keep = keep.and(member.fill_null(lit(false)));
        }
        Ok(keep)
    }
}

fn run(frame: &DataFrame, keep: Expr) -> Result<DataFrame, AnalysisError> {
    frame
        .clone()
        .lazy()
        .filter(keep)
        .collect()
        .map_err(polars_failed("context-filter-lines"))
}

/// The distinct categories of `lines`, sorted (empty without a category column).
pub fn categories(lines: &DataFrame) -> Result<Vec<String>, AnalysisError> {
    let Ok(column) = lines.column("category") else {
        return Ok(Vec::new());
    };
    let distinct = column
        .drop_nulls()
        .unique()
        .map_err(polars_failed("context-list-categories"))?;
    let mut names: Vec<String> = crate::data::text::text(&distinct)
        .map_err(polars_failed("context-list-categories"))?
        .iter()
        .flatten()
        .map(str::to_owned)
        .collect();
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::with_ms_ts;

    fn lines() -> DataFrame {
        let frame = df!(
            "customer_id" => ["a", "b", "a", "c"],
            "category" => [Some("美妆"), Some("食品"), None, Some("美妆")],
            "amount" => [1.0, 2.0, 4.0, 8.0],
        )
        .unwrap();
        // 2024-01-01 09:00, 2024-01-15 23:59, 2024-02-01 00:00, 2024-03-01 12:00.
        const DAY: i64 = 86_400_000;
        let jan1 = 19_723 * DAY;
        let ts = vec![
            jan1 + 9 * 3_600_000,
            jan1 + 14 * DAY + DAY - 60_000,
            jan1 + 31 * DAY,
            jan1 + 60 * DAY + 12 * 3_600_000,
        ];
        with_ms_ts(frame, ts)
    }

    fn amounts(frame: &DataFrame) -> Vec<f64> {
        frame
            .column("amount")
            .unwrap()
            .f64()
            .unwrap()
            .into_no_null_iter()
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_are_inclusive_days() {
        let filter = LineFilter {
            from: day(2024, 1, 15),
            to: day(2024, 2, 1),
            ..LineFilter::default()
        };
        assert_eq!(amounts(&filter.apply(&lines()).unwrap()), [2.0, 4.0]);
        assert_eq!(filter.describe(), "2024-01-15 to 2024-02-01");
    }

    #[test]
    fn categories_and_customers_narrow_together() {
        let filter = LineFilter {
            categories: BTreeSet::from(["美妆".to_owned()]),
            ..LineFilter::default()
        };
        assert_eq!(amounts(&filter.apply(&lines()).unwrap()), [1.0, 8.0]);
        let filter = LineFilter {
            customers: Some(CustomerSet {
                label: "segment 1".into(),
                ids: Arc::new(vec!["a".into()]),
            }),
            ..filter
        };
        assert_eq!(amounts(&filter.apply(&lines()).unwrap()), [1.0]);
        assert_eq!(filter.describe(), "美妆, segment 1");
    }

    #[test]
    fn the_empty_filter_keeps_everything_and_categories_are_listed() {
        let filter = LineFilter::default();
        assert_eq!(amounts(&filter.apply(&lines()).unwrap()).len(), 4);
        assert_eq!(filter.describe(), "all lines");
        assert_eq!(categories(&lines()).unwrap(), ["美妆", "食品"]);
    }

    #[test]
    fn asking_for_categories_without_the_column_names_the_role() {
        let no_category = lines().drop("category").unwrap();
        let filter = LineFilter {
            categories: BTreeSet::from(["美妆".to_owned()]),
            ..LineFilter::default()
        };
        let error = filter.apply(&no_category).unwrap_err().to_string();
        assert!(error.contains("category"), "{error}");
    }
}

//! The behaviour funnel (view → cart → purchase by default) from an events table,
//! overall and per customer group, and the products where viewers drop off.
//!
//! Contract:
//! - Events are canonical (`customer_id`, `event`, `ts`, optional `item_id`; see
//!   `data::load`). An event belongs to the step whose names contain it, compared
//!   trimmed and lower-cased; events of no step are counted in
//!   [`Funnel::unmatched_events`] and otherwise ignored. Events without a customer
//!   id count as events but not as users.
//! - `users` of step `k` = distinct customers with at least one event of step `k`
//!   *and* of every earlier step, at any time in the table (a closed funnel without
//!   time order: trackers miss and reorder events). So users never grow from one
//!   step to the next. `events` of step `k` = all its events.
//! - Rates are relative to the previous step (`None` for the first step, and when
//!   the previous count is 0).
//! - Per group: customers are joined to the operator's `customer_id → group` table;
//!   customers without a group are left out of the per-group funnels (not out of the
//!   overall one). Groups are sorted by name.
//! - Drop-off products: per item, `views` = events of the first step and `next` =
//!   events of the second; `conversion = next / views`. `lost_views = views ·
//!   overall rate − next`, the views that would have gone on at the shop's overall
//!   first-to-second-step rate and did not. Products with `lost_views > 0` are ranked
//!   by it (descending, ties by item id), so a product must be both much viewed and
//!   poorly converted to rank high.

use polars::prelude::*;
use serde::Serialize;

use super::lines::{AnalysisError, polars_failed, require, require_column};
use crate::data::Role;
use crate::tr;

/// One step of the funnel and the event names that count as it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FunnelStep {
    pub name: String,
    /// Event names of this step, compared trimmed and case-insensitively.
    pub events: Vec<String>,
}

impl FunnelStep {
    pub fn new(name: &str, events: &[&str]) -> Self {
        FunnelStep {
            name: name.to_string(),
            events: events.iter().map(|e| e.to_string()).collect(),
        }
    }
}

/// How the window names a step: the default steps (`view`, `cart`, `purchase`)
/// in the window's language, any other name as the operator wrote it. Step names
/// themselves (results, the command line, exports) stay as they are.
pub fn step_display(name: &str) -> String {
    match name {
        "view" => tr!("behaviour-step-view"),
        "cart" => tr!("behaviour-step-cart"),
        "purchase" => tr!("behaviour-step-purchase"),
        other => other.to_owned(),
    }
}

/// Settings of a funnel run.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelParams {
    /// The steps in order; at least two.
    pub steps: Vec<FunnelStep>,
    /// How many drop-off products to list.
    pub top_dropoff: usize,
}

impl Default for FunnelParams {
    /// view → cart → purchase, with the usual English, Taobao-style and Chinese names.
    fn default() -> Self {
        FunnelParams {
            steps: vec![
                FunnelStep::new(
                    "view",
                    &["view", "pv", "page_view", "pageview", "浏览", "查看"],
                ),
                FunnelStep::new(
                    "cart",
                    &[
                        "cart",
                        "add_to_cart",
                        "addtocart",
                        "add-to-cart",
                        "加购",
                        "加入购物车",
                    ],
                ),
                FunnelStep::new(
                    "purchase",
                    &["purchase", "buy", "order", "pay", "购买", "下单", "支付"],
                ),
            ],
            top_dropoff: 10,
        }
    }
}

fn normalised(name: &str) -> String {
    name.trim().to_lowercase()
}

impl FunnelParams {
    /// An error before any work when the steps cannot make a funnel.
    pub fn check(&self) -> Result<(), AnalysisError> {
        let invalid = |why: String| AnalysisError::Invalid {
            what: tr!("analysis-funnel-steps"),
            why,
        };
        if self.steps.len() < 2 {
            return Err(invalid(tr!("analysis-funnel-two-steps")));
        }
        let mut seen = std::collections::BTreeMap::new();
        for step in &self.steps {
            if step.events.iter().all(|e| e.trim().is_empty()) {
                return Err(invalid(tr!(
                    "analysis-funnel-no-events",
                    step = step.name.as_str()
                )));
            }
            for event in &step.events {
                if let Some(other) = seen.insert(normalised(event), step.name.clone())
                    && other != step.name
                {
                    return Err(invalid(tr!(
                        "analysis-funnel-event-twice",
                        event = event.as_str(),
                        first = other,
                        second = step.name.as_str()
                    )));
                }
            }
        }
        Ok(())
    }

    /// event name (normalised) → step index.
    fn mapping_frame(&self) -> PolarsResult<DataFrame> {
        let mut names = Vec::new();
        let mut steps = Vec::new();
        for (index, step) in self.steps.iter().enumerate() {
            for event in &step.events {
                let event = normalised(event);
                if !event.is_empty() && !names.contains(&event) {
                    names.push(event);
                    steps.push(index as u32);
                }
            }
        }
        df! { "_event" => names, "_step" => steps }
    }
}

/// One step's counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepCount {
    pub step: String,
    /// Customers who reached this step and every earlier one.
    pub users: u64,
    /// Events of this step.
    pub events: u64,
    /// `users / previous step's users`.
    pub user_rate: Option<f64>,
    /// `events / previous step's events`.
    pub event_rate: Option<f64>,
}

/// A funnel: the steps in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Funnel {
    pub steps: Vec<StepCount>,
    /// Events whose name is in no step.
    pub unmatched_events: u64,
}

/// The funnel of one customer group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupFunnel {
    pub group: String,
    pub funnel: Funnel,
}

/// A product viewers leave without going on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DropoffItem {
    pub item_id: String,
    /// Events of the first step on this item.
    pub views: u64,
    /// Events of the second step on this item.
    pub next: u64,
    /// Events of the last step on this item.
    pub last: u64,
    /// `next / views`.
    pub conversion: f64,
    /// `views · overall rate − next`.
    pub lost_views: f64,
}

/// `events` with `_step` (u32) and `_customer` (str); rows of no step dropped.
fn mapped(events: &DataFrame, params: &FunnelParams) -> Result<LazyFrame, AnalysisError> {
    require(events, Role::CustomerId)?;
    require(events, Role::EventType)?;
    params.check()?;
    let mapping = params
        .mapping_frame()
        .map_err(polars_failed("context-read-funnel-steps"))?;
    Ok(events
        .clone()
        .lazy()
        .with_columns([
            col("event")
                .cast(DataType::String)
                .str()
                .strip_chars(lit(NULL))
                .str()
                .to_lowercase()
                .alias("_event"),
            col("customer_id").cast(DataType::String).alias("_customer"),
        ])
        .join(
            mapping.lazy(),
            [col("_event")],
            [col("_event")],
            JoinArgs::new(JoinType::Inner),
        ))
}

/// Per customer (and `extra` keys), `_reached_k` = did step k and every earlier one.
fn reached_per_customer(frame: LazyFrame, steps: usize, extra: &[&str]) -> LazyFrame {
    let mut keys = vec![col("_customer")];
    keys.extend(extra.iter().map(|k| col(*k)));
    let has: Vec<Expr> = (0..steps)
        .map(|k| {
            col("_step")
                .eq(lit(k as u32))
                .any(true)
                .alias(format!("_has_{k}"))
        })
        .collect();
    let reached: Vec<Expr> = (0..steps)
        .map(|k| {
            (0..=k)
                .map(|j| col(format!("_has_{j}")))
                .reduce(|a, b| a.and(b))
                .unwrap_or(lit(false))
                .cast(DataType::UInt64)
                .alias(format!("_reached_{k}"))
        })
        .collect();
    frame
        .filter(col("_customer").is_not_null())
        .group_by(keys)
        .agg(has)
        .with_columns(reached)
}

fn u64_at(df: &DataFrame, name: &str, row: usize) -> u64 {
    df.column(name)
        .ok()
        .and_then(|c| c.get(row).ok())
        .and_then(|v| v.extract::<u64>())
        .unwrap_or(0)
}

fn rate(count: u64, previous: Option<u64>) -> Option<f64> {
    previous.filter(|&p| p > 0).map(|p| count as f64 / p as f64)
}

fn build_funnel(params: &FunnelParams, users: &[u64], events: &[u64], unmatched: u64) -> Funnel {
    let steps = params
        .steps
        .iter()
        .enumerate()
        .map(|(k, step)| StepCount {
            step: step.name.clone(),
            users: users[k],
            events: events[k],
            user_rate: rate(users[k], k.checked_sub(1).map(|j| users[j])),
            event_rate: rate(events[k], k.checked_sub(1).map(|j| events[j])),
        })
        .collect();
    Funnel {
        steps,
        unmatched_events: unmatched,
    }
}

/// `_reached_k` summed: the customers who reached each step.
fn users_per_step(steps: usize) -> Vec<Expr> {
    (0..steps)
        .map(|k| col(format!("_reached_{k}")).sum())
        .collect()
}

/// `_events_k`: the events of each step.
fn events_per_step(steps: usize) -> Vec<Expr> {
    (0..steps)
        .map(|k| {
            col("_step")
                .eq(lit(k as u32))
                .cast(DataType::UInt64)
                .sum()
                .alias(format!("_events_{k}"))
        })
        .collect()
}

/// The whole shop's funnel.
pub fn funnel(events: &DataFrame, params: &FunnelParams) -> Result<Funnel, AnalysisError> {
    let context = "context-count-funnel";
    let steps = params.steps.len();
    let frame = mapped(events, params)?;
    let users_out = reached_per_customer(frame.clone(), steps, &[])
        .select(users_per_step(steps))
        .collect()
        .map_err(polars_failed(context))?;
    let events_out = frame
        .select(
            events_per_step(steps)
                .into_iter()
                .chain([len().cast(DataType::UInt64).alias("_matched")])
                .collect::<Vec<_>>(),
        )
        .collect()
        .map_err(polars_failed(context))?;
    let users: Vec<u64> = (0..steps)
        .map(|k| u64_at(&users_out, &format!("_reached_{k}"), 0))
        .collect();
    let counts: Vec<u64> = (0..steps)
        .map(|k| u64_at(&events_out, &format!("_events_{k}"), 0))
        .collect();
    let matched = u64_at(&events_out, "_matched", 0);
    let unmatched = (events.height() as u64).saturating_sub(matched);
    Ok(build_funnel(params, &users, &counts, unmatched))
}

/// One funnel per group of `groups` (columns `customer_id` and `group_column`).
pub fn funnel_by_group(
    events: &DataFrame,
    params: &FunnelParams,
    groups: &DataFrame,
    group_column: &str,
) -> Result<Vec<GroupFunnel>, AnalysisError> {
    let context = "context-count-funnel-per-group";
    require(groups, Role::CustomerId)?;
    require_column(groups, group_column, || tr!("analysis-group-column"))?;
    let steps = params.steps.len();
    let membership = groups
        .clone()
        .lazy()
        .select([
            col("customer_id").cast(DataType::String).alias("_customer"),
            col(group_column).cast(DataType::String).alias("_group"),
        ])
        .filter(col("_group").is_not_null())
        .unique_stable(
            Some(by_name(["_customer"], true, false)),
            UniqueKeepStrategy::First,
        );
    let frame = mapped(events, params)?.join(
        membership,
        [col("_customer")],
        [col("_customer")],
        JoinArgs::new(JoinType::Inner),
    );
    let users = reached_per_customer(frame.clone(), steps, &["_group"])
        .group_by([col("_group")])
        .agg(users_per_step(steps));
    let counts = frame.group_by([col("_group")]).agg(events_per_step(steps));
    let out = users
        .join(
            counts,
            [col("_group")],
            [col("_group")],
            JoinArgs::new(JoinType::Inner),
        )
        .sort(["_group"], SortMultipleOptions::default())
        .collect()
        .map_err(polars_failed(context))?;
    let names = out
        .column("_group")
        .and_then(|c| c.str().cloned())
        .map_err(polars_failed(context))?;
    Ok(names
        .iter()
        .enumerate()
        .map(|(row, name)| {
            let users: Vec<u64> = (0..steps)
                .map(|k| u64_at(&out, &format!("_reached_{k}"), row))
                .collect();
            let counts: Vec<u64> = (0..steps)
                .map(|k| u64_at(&out, &format!("_events_{k}"), row))
                .collect();
            GroupFunnel {
                group: name.unwrap_or_default().to_string(),
                funnel: build_funnel(params, &users, &counts, 0),
            }
        })
        .collect())
}

/// The products most viewed and least often taken to the next step (see the
/// module doc). Needs `item_id`.
pub fn dropoff_items(
    events: &DataFrame,
    params: &FunnelParams,
) -> Result<Vec<DropoffItem>, AnalysisError> {
    let context = "context-drop-off-products";
    require(events, Role::ItemId)?;
    let last = (params.steps.len() - 1) as u32;
    let per_item = mapped(events, params)?
        .filter(col("item_id").is_not_null())
        .group_by([col("item_id").cast(DataType::String)])
        .agg([
            col("_step")
                .eq(lit(0u32))
                .cast(DataType::UInt64)
                .sum()
                .alias("views"),
            col("_step")
                .eq(lit(1u32))
                .cast(DataType::UInt64)
                .sum()
                .alias("next"),
            col("_step")
                .eq(lit(last))
                .cast(DataType::UInt64)
                .sum()
                .alias("last"),
        ]);
    let overall =
        col("next").sum().cast(DataType::Float64) / col("views").sum().cast(DataType::Float64);
    let out = per_item
        .with_column(
            (col("views").cast(DataType::Float64) * overall - col("next").cast(DataType::Float64))
                .alias("lost_views"),
        )
        .filter(
            col("lost_views")
                .gt(lit(0.0))
                .and(col("views").gt(lit(0u64))),
        )
        .sort(
            ["lost_views", "item_id"],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .limit(params.top_dropoff as IdxSize)
        .collect()
        .map_err(polars_failed(context))?;
    let items = out
        .column("item_id")
        .and_then(|c| c.str().cloned())
        .map_err(polars_failed(context))?;
    let lost = out
        .column("lost_views")
        .and_then(|c| c.f64().cloned())
        .map_err(polars_failed(context))?;
    Ok((0..out.height())
        .map(|row| {
            let views = u64_at(&out, "views", row);
            let next = u64_at(&out, "next", row);
            DropoffItem {
                item_id: items.get(row).unwrap_or_default().to_string(),
                views,
                next,
                last: u64_at(&out, "last", row),
                conversion: next as f64 / views as f64,
                lost_views: lost.get(row).unwrap_or(0.0),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// u1 goes all the way; u2 views and carts (upper-case names); u3 views and
    /// buys without a cart; u4 only carts (Chinese name); u5 views (Chinese name);
    /// u6 has an event of no step; one view has no customer.
    fn events() -> DataFrame {
        df! {
            "customer_id" => [Some("u1"), Some("u1"), Some("u1"), Some("u2"), Some("u2"), Some("u2"),
                Some("u3"), Some("u3"), Some("u4"), Some("u5"), Some("u6"), None],
            "item_id" => ["i1", "i1", "i1", "i1", "i2", "i2", "i2", "i2", "i3", "i2", "i1", "i2"],
            "event" => ["view", "cart", "purchase", "VIEW", "view", " Cart", "view", "purchase",
                "加购", "浏览", "fav", "view"],
        }
        .expect("frame")
    }

    fn counts(funnel: &Funnel) -> (Vec<u64>, Vec<u64>) {
        (
            funnel.steps.iter().map(|s| s.users).collect(),
            funnel.steps.iter().map(|s| s.events).collect(),
        )
    }

    #[test]
    fn users_must_reach_every_earlier_step_and_events_count_all() {
        let result = funnel(&events(), &FunnelParams::default()).expect("funnel");
        let names: Vec<&str> = result.steps.iter().map(|s| s.step.as_str()).collect();
        assert_eq!(names, ["view", "cart", "purchase"]);
        // Views: u1, u2 ×2, u3, u5, and the one without customer → 6 events, 4 users.
        // Carts: u1, u2, u4 → 3 events; u4 never viewed → 2 users. Purchases: u1, u3
        // → 2 events; u3 never carted → 1 user.
        assert_eq!(counts(&result), (vec![4, 2, 1], vec![6, 3, 2]));
        let user_rates: Vec<Option<f64>> = result.steps.iter().map(|s| s.user_rate).collect();
        assert_eq!(user_rates, [None, Some(0.5), Some(0.5)]);
        let event_rates: Vec<Option<f64>> = result.steps.iter().map(|s| s.event_rate).collect();
        assert_eq!(event_rates, [None, Some(0.5), Some(2.0 / 3.0)]);
        assert_eq!(result.unmatched_events, 1);
    }

    #[test]
    fn per_group_funnels_leave_out_customers_without_a_group() {
        let groups = df! {
            "customer_id" => ["u1", "u2", "u3", "u5"],
            "segment" => ["A", "A", "B", "B"],
        }
        .expect("groups");
        let result = funnel_by_group(&events(), &FunnelParams::default(), &groups, "segment")
            .expect("groups");
        let names: Vec<&str> = result.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
        assert_eq!(counts(&result[0].funnel), (vec![2, 2, 1], vec![3, 2, 1]));
        // B: u3 and u5 view, nobody carts; u3's purchase is an event but no user.
        assert_eq!(counts(&result[1].funnel), (vec![2, 0, 0], vec![2, 0, 1]));
        assert_eq!(result[1].funnel.steps[1].user_rate, Some(0.0));
        assert_eq!(result[1].funnel.steps[2].user_rate, None);
    }

    #[test]
    fn dropoff_ranks_views_lost_against_the_overall_rate() {
        let result = dropoff_items(&events(), &FunnelParams::default()).expect("dropoff");
        // Overall 3 carts / 6 views = 0.5. i1: 2 · 0.5 − 1 = 0 (not lost); i2: 4 views,
        // 1 cart → 4 · 0.5 − 1 = 1; i3: no view.
        assert_eq!(
            result,
            [DropoffItem {
                item_id: "i2".into(),
                views: 4,
                next: 1,
                last: 1,
                conversion: 0.25,
                lost_views: 1.0,
            }]
        );
    }

    #[test]
    fn operators_can_map_their_own_event_names() {
        let params = FunnelParams {
            steps: vec![
                FunnelStep::new("seen", &["view", "浏览"]),
                FunnelStep::new("bought", &["PURCHASE"]),
            ],
            top_dropoff: 5,
        };
        let result = funnel(&events(), &params).expect("funnel");
        // Views by u1, u2, u3, u5; of them u1 and u3 bought. Carts are unmatched now.
        assert_eq!(counts(&result), (vec![4, 2], vec![6, 2]));
        assert_eq!(result.unmatched_events, 4);
    }

    #[test]
    fn bad_steps_are_refused_before_any_work() {
        let one = FunnelParams {
            steps: vec![FunnelStep::new("view", &["view"])],
            top_dropoff: 5,
        };
        assert!(funnel(&events(), &one).is_err());
        let twice = FunnelParams {
            steps: vec![
                FunnelStep::new("view", &["view"]),
                FunnelStep::new("cart", &["cart", "View"]),
            ],
            top_dropoff: 5,
        };
        let error = funnel(&events(), &twice).expect_err("view twice");
        assert!(error.to_string().contains("'View'"), "{error}");
    }
}

//! RFM: recency, frequency and monetary value per customer, quintile scores and the
//! classic named RFM groups.
//!
//! Contract:
//! - The base is [`customers::customer_table`]: `recency_days` (analysis date − last
//!   purchase day), `frequency` = `orders` (distinct order ids, or distinct purchase
//!   days without an order id), `monetary` = `revenue` (net of returns, cancelled
//!   lines left out). Customers with no purchase before the analysis date have no row.
//! - Scores 1..=5 from the rank of the value among the `n` customers, ties sharing
//!   the lowest rank (`rank_min`, 1-based): `score = 1 + floor(5 · (rank_min − 1) / n)`.
//!   F and M rank ascending (more orders, more revenue → higher score); R ranks
//!   recency descending (fewer days since the last order → higher score). Equal
//!   values always get equal scores, so a score can hold more or fewer than a fifth
//!   of the customers (with many one-order customers, F = 1 is large).
//! - `rfm_code` is `"R-F-M"`, e.g. `"5-4-3"`.
//! - Orders without money (`lines::has_money`): no `monetary` or `m_score`
//!   column, `rfm_code` is `"R-F"`, and the groups (from R and F alone anyway) have
//!   no revenue (`Rfm::money` is false; the window and the CLI say so).
//! - Groups from the R and F scores (M is not used, as in the usual R/F segment map):
//!
//!   | R \ F | 1 | 2 | 3 | 4 | 5 |
//!   |---|---|---|---|---|---|
//!   | 5 | New | Potential loyalists | Potential loyalists | Champions | Champions |
//!   | 4 | New | Potential loyalists | Potential loyalists | Loyal | Loyal |
//!   | 3 | Hibernating | Hibernating | Potential loyalists | Loyal | Loyal |
//!   | 2 | Hibernating | Hibernating | At risk | At risk | Can't lose them |
//!   | 1 | Lost | Lost | At risk | At risk | Can't lose them |
//!
//! - The per-customer frame is sorted by customer id; the group summary lists all
//!   eight groups in [`RfmGroup::ALL`] order, empty ones with zeros. Shares divide by
//!   all customers and by total net revenue (0 when the total is not positive).

use chrono::NaiveDate;
use polars::prelude::*;
use serde::Serialize;

use super::customers::{CustomerTable, customer_table};
use super::lines::{AnalysisError, has_money, polars_failed};
use crate::jobs::Progress;
use crate::tr;

/// Settings of an RFM run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RfmParams {
    /// Day recency is measured to; lines on or after it are left out. Default: the
    /// day after the last purchase day.
    pub analysis_date: Option<NaiveDate>,
}

/// A classic RFM group, from the R and F scores (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum RfmGroup {
    Champions,
    Loyal,
    PotentialLoyalists,
    New,
    AtRisk,
    CantLoseThem,
    Hibernating,
    Lost,
}

impl RfmGroup {
    /// Every group, in the fixed order of summaries and charts.
    pub const ALL: [RfmGroup; 8] = [
        RfmGroup::Champions,
        RfmGroup::Loyal,
        RfmGroup::PotentialLoyalists,
        RfmGroup::New,
        RfmGroup::AtRisk,
        RfmGroup::CantLoseThem,
        RfmGroup::Hibernating,
        RfmGroup::Lost,
    ];

    /// The group's identity: written in the `group` column, printed by the command
    /// line, matched by campaign conditions. The window shows [`RfmGroup::display`].
    pub fn label(self) -> &'static str {
        match self {
            RfmGroup::Champions => "Champions",
            RfmGroup::Loyal => "Loyal",
            RfmGroup::PotentialLoyalists => "Potential loyalists",
            RfmGroup::New => "New",
            RfmGroup::AtRisk => "At risk",
            RfmGroup::CantLoseThem => "Can't lose them",
            RfmGroup::Hibernating => "Hibernating",
            RfmGroup::Lost => "Lost",
        }
    }

    /// The name the window shows, in its language (English: [`RfmGroup::label`]).
    /// The `group` column, the command line, exports and campaign conditions keep
    /// the English label.
    pub fn display(self) -> String {
        match self {
            RfmGroup::Champions => tr!("behaviour-group-champions"),
            RfmGroup::Loyal => tr!("behaviour-group-loyal"),
            RfmGroup::PotentialLoyalists => tr!("behaviour-group-potential-loyalists"),
            RfmGroup::New => tr!("behaviour-group-new"),
            RfmGroup::AtRisk => tr!("behaviour-group-at-risk"),
            RfmGroup::CantLoseThem => tr!("behaviour-group-cant-lose-them"),
            RfmGroup::Hibernating => tr!("behaviour-group-hibernating"),
            RfmGroup::Lost => tr!("behaviour-group-lost"),
        }
    }

    /// How the window shows a stored group label (a `group` or `rfm_group` value
    /// such as "Champions"): the group's [`display`](RfmGroup::display) name, any
    /// other text as it is.
    pub fn display_label(label: &str) -> String {
        RfmGroup::from_label(label).map_or_else(|| label.to_owned(), RfmGroup::display)
    }

    /// The group a customer with scores `r` and `f` (1..=5) falls in.
    pub fn from_scores(r: u8, f: u8) -> RfmGroup {
        match (r, f) {
            (5, 4..) => RfmGroup::Champions,
            (3.., 4..) => RfmGroup::Loyal,
            (4.., 1) => RfmGroup::New,
            (4.., _) | (3, 3) => RfmGroup::PotentialLoyalists,
            (3, _) | (2, ..=2) => RfmGroup::Hibernating,
            (_, 5) => RfmGroup::CantLoseThem,
            (_, 3..) => RfmGroup::AtRisk,
            _ => RfmGroup::Lost,
        }
    }

    /// The group named `label`, if any.
    pub fn from_label(label: &str) -> Option<RfmGroup> {
        RfmGroup::ALL.into_iter().find(|g| g.label() == label)
    }
}

/// One line of the group summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupSummary {
    pub group: RfmGroup,
    pub customers: usize,
    /// Customers in the group / all customers.
    pub share: f64,
    /// Net revenue of the group's customers (None without money).
    pub revenue: Option<f64>,
    /// Group revenue / total net revenue (0 when the total is not positive; None
    /// without money).
    pub revenue_share: Option<f64>,
}

/// The result of an RFM run.
#[derive(Clone, Debug)]
pub struct Rfm {
    pub analysis_date: NaiveDate,
    /// One row per customer, sorted by id: `customer_id` (str), `recency_days`
    /// (i32), `frequency` (u32), `monetary` (f64), `r_score`, `f_score`, `m_score`
    /// (i32), `rfm_code` (str, "R-F-M"), `group` (str, [`RfmGroup::label`]);
    /// without money no `monetary` or `m_score`, and `rfm_code` is "R-F".
    pub customers: DataFrame,
    /// The eight groups in [`RfmGroup::ALL`] order.
    pub groups: Vec<GroupSummary>,
    /// Whether the orders carry money (M scores and group revenue).
    pub money: bool,
}

impl Rfm {
    /// Number of customers scored.
    pub fn len(&self) -> usize {
        self.customers.height()
    }

    pub fn is_empty(&self) -> bool {
        self.customers.height() == 0
    }
}

fn cancelled(progress: &Progress) -> Result<(), AnalysisError> {
    progress.check().map_err(|_| AnalysisError::Cancelled)
}

/// `1 + floor(5 · (rank_min − 1) / n)` of `value` over all rows.
fn quintile_score(value: &str, descending: bool, n: usize) -> Expr {
    let rank = col(value)
        .rank(
            RankOptions {
                method: RankMethod::Min,
                descending,
            },
            None,
        )
        .cast(DataType::Int64);
    (((rank - lit(1i64)) * lit(5i64)).floor_div(lit(n.max(1) as i64)) + lit(1i64))
        .cast(DataType::Int32)
}

/// The `group` column from `r_score` and `f_score`, as in [`RfmGroup::from_scores`].
fn group_expr() -> Expr {
    let cell = |r: u8, f: u8| {
        col("r_score")
            .eq(lit(i32::from(r)))
            .and(col("f_score").eq(lit(i32::from(f))))
    };
    let mut expr = lit(NULL).cast(DataType::String);
    for group in RfmGroup::ALL.into_iter().rev() {
        let cells = (1..=5u8)
            .flat_map(|r| (1..=5u8).map(move |f| (r, f)))
            .filter(|&(r, f)| RfmGroup::from_scores(r, f) == group)
            .map(|(r, f)| cell(r, f))
            .reduce(|a, b| a.or(b));
        if let Some(condition) = cells {
            expr = when(condition).then(lit(group.label())).otherwise(expr);
        }
    }
    expr.alias("group")
}

/// RFM scores and groups of every customer in `lines` (canonical order lines).
pub fn rfm(
    lines: &DataFrame,
    params: &RfmParams,
    progress: &Progress,
) -> Result<Rfm, AnalysisError> {
    progress.report(0, 3);
    let table = customer_table(lines, params.analysis_date)?;
    cancelled(progress)?;
    rfm_of_customers(table, has_money(lines), progress)
}

/// RFM scores and groups from a per-customer table that is already summed (by
/// [`customer_table`], or by the database: `data::db::pushdown`). Uses its
/// `customer_id`, `recency_days`, `orders` and, with `money`, `revenue`.
pub fn rfm_of_customers(
    table: CustomerTable,
    money: bool,
    progress: &Progress,
) -> Result<Rfm, AnalysisError> {
    progress.report(1, 3);
    let n = table.len();
    let mut values = vec![
        col("customer_id"),
        col("recency_days"),
        col("orders").alias("frequency"),
    ];
    let mut scores = vec![
        quintile_score("recency_days", true, n).alias("r_score"),
        quintile_score("frequency", false, n).alias("f_score"),
    ];
    let mut code = vec![
        col("r_score").cast(DataType::String),
        col("f_score").cast(DataType::String),
    ];
    if money {
        values.push(col("revenue").alias("monetary"));
        scores.push(quintile_score("monetary", false, n).alias("m_score"));
        code.push(col("m_score").cast(DataType::String));
    }
    let customers = table
        .frame
        .lazy()
        .select(values)
        .with_columns(scores)
        .with_columns([concat_str(code, "-", true).alias("rfm_code"), group_expr()])
        .collect()
        .map_err(polars_failed("context-score-customers"))?;
    cancelled(progress)?;
    progress.report(2, 3);
    let groups = summarise(&customers, money)?;
    progress.report(3, 3);
    Ok(Rfm {
        analysis_date: table.analysis_date,
        customers,
        groups,
        money,
    })
}

/// Customers and revenue (with `money`) per group, all eight groups in fixed order.
fn summarise(customers: &DataFrame, money: bool) -> Result<Vec<GroupSummary>, AnalysisError> {
    let context = "context-rfm-groups";
    let revenue = if money {
        col("monetary").sum()
    } else {
        lit(0.0)
    };
    let per_group = customers
        .clone()
        .lazy()
        .group_by([col("group")])
        .agg([
            len().cast(DataType::UInt64).alias("customers"),
            revenue.alias("revenue"),
        ])
        .collect()
        .map_err(polars_failed(context))?;
    let names = per_group
        .column("group")
        .and_then(|c| c.str().cloned())
        .map_err(polars_failed(context))?;
    let counts = per_group
        .column("customers")
        .and_then(|c| c.u64().cloned())
        .map_err(polars_failed(context))?;
    let revenues = per_group
        .column("revenue")
        .and_then(|c| c.f64().cloned())
        .map_err(polars_failed(context))?;
    let total_customers = customers.height();
    let total_revenue: f64 = revenues.iter().flatten().sum();
    let mut groups: Vec<GroupSummary> = RfmGroup::ALL
        .into_iter()
        .map(|group| GroupSummary {
            group,
            customers: 0,
            share: 0.0,
            revenue: money.then_some(0.0),
            revenue_share: money.then_some(0.0),
        })
        .collect();
    for ((name, count), revenue) in names.iter().zip(counts.iter()).zip(revenues.iter()) {
        let Some(group) = name.and_then(RfmGroup::from_label) else {
            continue;
        };
        if let Some(slot) = groups.iter_mut().find(|s| s.group == group) {
            slot.customers = count.unwrap_or(0) as usize;
            if money {
                slot.revenue = Some(revenue.unwrap_or(0.0));
            }
        }
    }
    for g in &mut groups {
        if total_customers > 0 {
            g.share = g.customers as f64 / total_customers as f64;
        }
        if let Some(revenue) = g.revenue
            && total_revenue > 0.0
        {
            g.revenue_share = Some(revenue / total_revenue);
        }
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::with_ms_ts;

    /// Ten customers, one line per order: customer `k` (1..=10) has `orders[k]`
    /// orders of `amount[k]` each, the last one `recency[k]` days before
    /// 2024-03-01 (the analysis date).
    fn lines() -> DataFrame {
        let recency = [1, 1, 3, 10, 20, 20, 40, 60, 90, 200];
        let orders = [5, 1, 4, 4, 2, 1, 3, 1, 6, 2];
        let amount = [100.0, 50.0, 10.0, 20.0, 30.0, 30.0, 5.0, 500.0, 1.0, 7.0];
        let analysis = 19_783; // 2024-03-01 in days since 1970-01-01
        let (mut ids, mut order_ids, mut ts, mut amounts) = (vec![], vec![], vec![], vec![]);
        for k in 0..10 {
            for o in 0..orders[k] {
                ids.push(format!("c{:02}", k + 1));
                order_ids.push(format!("o{k}-{o}"));
                let day = analysis - recency[k] - 7 * o as i64;
                ts.push(day * 86_400_000 + 36_000_000);
                amounts.push(amount[k]);
            }
        }
        let df = df! {
            "customer_id" => ids,
            "order_id" => order_ids,
            "amount" => amounts,
        }
        .expect("frame");
        with_ms_ts(df, ts)
    }

    fn scores(df: &DataFrame, name: &str) -> Vec<i32> {
        df.column(name)
            .expect("column")
            .i32()
            .expect("i32")
            .iter()
            .map(|v| v.expect("score"))
            .collect()
    }

    #[test]
    fn scores_follow_the_rank_rule_with_ties_sharing_the_lowest_rank() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 1).expect("day");
        let params = RfmParams {
            analysis_date: Some(day),
        };
        let result = rfm(&lines(), &params, &Progress::detached()).expect("rfm");
        assert_eq!(result.analysis_date, day);
        assert_eq!(result.len(), 10);
        // Recency descending: 200 → rank 1, 90 → 2, 60 → 3, 40 → 4, 20,20 → 5,
        // 10 → 7, 3 → 8, 1,1 → 9. Score = 1 + floor(5·(rank−1)/10).
        assert_eq!(
            scores(&result.customers, "r_score"),
            [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
        );
        // Orders 5,1,4,4,2,1,3,1,6,2: 1×3 → rank 1; 2×2 → 4; 3 → 6; 4×2 → 7; 5 → 9; 6 → 10.
        assert_eq!(
            scores(&result.customers, "f_score"),
            [5, 1, 4, 4, 2, 1, 3, 1, 5, 2]
        );
        // Revenue 500,50,40,80,60,30,15,500,6,14: 6 → 1, 14 → 2, 15 → 3, 30 → 4,
        // 40 → 5, 50 → 6, 60 → 7, 80 → 8, 500×2 → 9.
        assert_eq!(
            scores(&result.customers, "m_score"),
            [5, 3, 3, 4, 4, 2, 2, 5, 1, 1]
        );
        let codes: Vec<&str> = result
            .customers
            .column("rfm_code")
            .expect("code")
            .str()
            .expect("str")
            .iter()
            .map(|v| v.expect("value"))
            .collect();
        assert_eq!(codes[0], "5-5-5");
        assert_eq!(codes[8], "1-5-1");
        let groups: Vec<&str> = result
            .customers
            .column("group")
            .expect("group")
            .str()
            .expect("str")
            .iter()
            .map(|v| v.expect("value"))
            .collect();
        assert_eq!(
            groups,
            [
                "Champions",
                "New",
                "Loyal",
                "Loyal",
                "Hibernating",
                "Hibernating",
                "At risk",
                "Hibernating",
                "Can't lose them",
                "Lost"
            ]
        );
    }

    #[test]
    fn the_group_summary_lists_every_group_in_fixed_order() {
        let result = rfm(&lines(), &RfmParams::default(), &Progress::detached()).expect("rfm");
        // Default date: the day after the last purchase (recency 1 → 2024-03-01).
        assert_eq!(
            result.analysis_date,
            NaiveDate::from_ymd_opt(2024, 3, 1).expect("day")
        );
        let order: Vec<RfmGroup> = result.groups.iter().map(|g| g.group).collect();
        assert_eq!(order, RfmGroup::ALL);
        let total = 500.0 + 50.0 + 40.0 + 80.0 + 60.0 + 30.0 + 15.0 + 500.0 + 6.0 + 14.0;
        let hibernating = &result.groups[6];
        assert_eq!(hibernating.customers, 3);
        assert!((hibernating.share - 0.3).abs() < 1e-12);
        assert!((hibernating.revenue.expect("money") - 590.0).abs() < 1e-9);
        assert!((hibernating.revenue_share.expect("money") - 590.0 / total).abs() < 1e-12);
        let potential = &result.groups[2];
        assert_eq!(potential.customers, 0);
        assert_eq!(potential.revenue, Some(0.0));
        let count: usize = result.groups.iter().map(|g| g.customers).sum();
        assert_eq!(count, 10);
        let share: f64 = result.groups.iter().flat_map(|g| g.revenue_share).sum();
        assert!((share - 1.0).abs() < 1e-12);
    }

    #[test]
    fn orders_without_money_get_the_same_r_f_scores_and_groups_and_no_m() {
        let with = rfm(&lines(), &RfmParams::default(), &Progress::detached()).expect("rfm");
        let without = rfm(
            &lines().drop("amount").expect("drop"),
            &RfmParams::default(),
            &Progress::detached(),
        )
        .expect("rfm without money");
        assert!(with.money && !without.money);
        assert!(!without.customers.schema().contains("monetary"));
        assert!(!without.customers.schema().contains("m_score"));
        let column = |frame: &DataFrame, name: &str| {
            frame
                .column(name)
                .expect(name)
                .as_materialized_series()
                .clone()
        };
        for name in [
            "customer_id",
            "recency_days",
            "frequency",
            "r_score",
            "f_score",
            "group",
        ] {
            assert_eq!(
                column(&with.customers, name),
                column(&without.customers, name),
                "{name}"
            );
        }
        let codes = |frame: &DataFrame| -> Vec<String> {
            let codes = column(frame, "rfm_code");
            let codes = codes.str().expect("text");
            codes.iter().map(|c| c.expect("code").to_string()).collect()
        };
        let r_f: Vec<String> = codes(&with.customers)
            .iter()
            .map(|c| c.rsplit_once('-').expect("R-F-M").0.to_string())
            .collect();
        assert_eq!(codes(&without.customers), r_f, "R-F only");
        let counts = |r: &Rfm| r.groups.iter().map(|g| g.customers).collect::<Vec<_>>();
        assert_eq!(counts(&with), counts(&without));
        assert!(
            without
                .groups
                .iter()
                .all(|g| g.revenue.is_none() && g.revenue_share.is_none())
        );
    }

    #[test]
    fn every_score_cell_has_a_group() {
        for r in 1..=5 {
            for f in 1..=5 {
                let g = RfmGroup::from_scores(r, f);
                assert_eq!(RfmGroup::from_label(g.label()), Some(g));
            }
        }
        assert_eq!(RfmGroup::from_scores(5, 5), RfmGroup::Champions);
        assert_eq!(RfmGroup::from_scores(3, 3), RfmGroup::PotentialLoyalists);
        assert_eq!(RfmGroup::from_scores(1, 5), RfmGroup::CantLoseThem);
        assert_eq!(RfmGroup::from_scores(2, 3), RfmGroup::AtRisk);
        assert_eq!(RfmGroup::from_scores(1, 2), RfmGroup::Lost);
    }

    #[test]
    fn cancelling_stops_the_run() {
        let progress = Progress::detached();
        progress.cancel();
        let result = rfm(&lines(), &RfmParams::default(), &progress);
        assert!(matches!(result, Err(AnalysisError::Cancelled)));
    }
}

//! `marketbench rules FILE... [--min-support S --min-confidence C] [--out rules.csv]
//! [--json]`: frequently-bought-together rules (FP-growth), or with `--next item|category`
//! the next-purchase transitions. Orders from `--db` alone in PostgreSQL: rules
//! of two items come from the items and pairs the database counted (`cli::db::Pushdown`),
//! and the first line (JSON: `pushed_down`) says so.
//!
//! Rules JSON: `{baskets, rules: [{antecedent: [item ids], antecedent_names,
//! consequent, consequent_name, support, confidence, lift, count}]}`. Transitions
//! JSON: `{level, window_days, transitions: [{from, to, count, customers, share,
//! median_days}]}`. `--out` writes the same table (ids joined by `+`) atomically
//! as `.csv`, `.xlsx` or `.parquet`.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};
use polars::prelude::{Column, DataFrame};
use serde_json::json;

use super::db::Pushdown;
use super::recommend::load_interactions;
use super::replace::write_frame;
use super::{LoadArgs, OutputArgs, args::ExportArgs};
use crate::analysis::recommend::ItemInfo;
use crate::analysis::recommend::rules::{
    Rule, RuleParams, association_rules, baskets, rules_frame, rules_from_itemsets,
};
use crate::analysis::recommend::transitions::{
    Level, Transition, TransitionParams, next_purchases,
};
use crate::jobs::Progress;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NextLevel {
    Item,
    Category,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Orders files or folders.
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// Smallest share of orders holding the whole rule.
    #[arg(long, default_value_t = 0.001)]
    pub min_support: f64,
    /// Smallest confidence (share of antecedent orders that hold the consequent).
    #[arg(long, default_value_t = 0.1)]
    pub min_confidence: f64,
    /// Smallest lift.
    #[arg(long, default_value_t = 1.0)]
    pub min_lift: f64,
    /// Fewest orders holding the whole rule (or transitions, with --next).
    #[arg(long, default_value_t = 3)]
    pub min_count: u32,
    /// Most items in a rule (antecedent and consequent), 2–5.
    #[arg(long, default_value_t = 2)]
    pub max_len: usize,
    /// Show what customers buy next instead: item or category transitions.
    #[arg(long, value_enum)]
    pub next: Option<NextLevel>,
    /// With --next: the most days between the two orders.
    #[arg(long, default_value_t = 60.0)]
    pub window_days: f64,
    /// Rows shown as text.
    #[arg(long, default_value_t = 20)]
    pub rows: usize,
    /// Write the table to this .csv, .xlsx or .parquet file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub export: ExportArgs,
}

pub fn run(args: &RulesArgs) -> anyhow::Result<String> {
    let progress = Progress::detached();
    if let Some(level) = args.next {
        let interactions = load_interactions(&args.files, &args.load)?;
        let params = TransitionParams {
            level: match level {
                NextLevel::Item => Level::Item,
                NextLevel::Category => Level::Category,
            },
            window_days: args.window_days,
            min_count: args.min_count,
        };
        let rows =
            next_purchases(&interactions, &params, &progress).context("finding next purchases")?;
        return transitions_output(args, &rows);
    }
    let params = RuleParams {
        min_support: args.min_support,
        min_confidence: args.min_confidence,
        min_lift: args.min_lift,
        min_count: args.min_count,
        max_len: args.max_len,
    };
    params.check()?;
    // Orders from the database alone: PostgreSQL counts the items and pairs
    // bought together for rules of two items (`cli::db::Pushdown`).
    let pushdown = match params.max_len {
        2 => Pushdown::of(&args.files, &args.load)?.filter(Pushdown::counts_pairs),
        _ => None,
    };
    let (items, baskets, rules, note) = match pushdown {
        Some(mut pushdown) => {
            let (counts, note) = pushdown.pair_counts(&params)?;
            let rules = rules_from_itemsets(&counts.itemsets, counts.baskets, &params);
            (counts.items, counts.baskets, rules, Some(note))
        }
        None => {
            let interactions = load_interactions(&args.files, &args.load)?;
            let rules =
                association_rules(&interactions, &params, &progress).context("mining rules")?;
            let baskets = baskets(&interactions).len();
            (interactions.items, baskets, rules, None)
        }
    };
    let ids = |r: &Rule| {
        r.antecedent
            .iter()
            .map(|&i| items[i as usize].id.clone())
            .collect::<Vec<_>>()
    };
    let names = |r: &Rule| {
        r.antecedent
            .iter()
            .map(|&i| items[i as usize].name.clone())
            .collect::<Vec<_>>()
    };
    if let Some(out) = &args.out {
        let frame = rules_frame(&items, &rules)?;
        write_frame(&frame, out, args.output.force, args.export.headers)
            .with_context(|| format!("writing {}", out.display()))?;
    }
    if args.output.json {
        let rows: Vec<_> = rules
            .iter()
            .map(|r| {
                json!({
                    "antecedent": ids(r),
                    "antecedent_names": names(r),
                    "consequent": items[r.consequent as usize].id,
                    "consequent_name": items[r.consequent as usize].name,
                    "support": r.support,
                    "confidence": r.confidence,
                    "lift": r.lift,
                    "count": r.count,
                })
            })
            .collect();
        let mut out = json!({"baskets": baskets, "rules": rows});
        if let Some(note) = note {
            out["pushed_down"] = json!(note);
        }
        return Ok(serde_json::to_string_pretty(&out)?);
    }
    let mut text = note.map(|n| format!("{n}\n")).unwrap_or_default();
    text.push_str(&rules_text(&items, &rules, baskets, args.rows));
    Ok(text)
}

fn rules_text(items: &[ItemInfo], rules: &[Rule], baskets: usize, rows: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} rules from {baskets} orders (by lift)", rules.len());
    for r in rules.iter().take(rows) {
        let names: Vec<&str> = r
            .antecedent
            .iter()
            .map(|&i| items[i as usize].name.as_str())
            .collect();
        let _ = writeln!(
            s,
            "  {} → {}: support {:.4}, confidence {:.3}, lift {:.1}, {} orders",
            names.join(" + "),
            items[r.consequent as usize].name,
            r.support,
            r.confidence,
            r.lift,
            r.count
        );
    }
    s
}

fn transitions_output(args: &RulesArgs, rows: &[Transition]) -> anyhow::Result<String> {
    if let Some(out) = &args.out {
        let frame = DataFrame::new(
            rows.len(),
            vec![
                Column::new(
                    "from".into(),
                    rows.iter().map(|r| r.from.as_str()).collect::<Vec<_>>(),
                ),
                Column::new(
                    "to".into(),
                    rows.iter().map(|r| r.to.as_str()).collect::<Vec<_>>(),
                ),
                Column::new(
                    "count".into(),
                    rows.iter().map(|r| r.count).collect::<Vec<_>>(),
                ),
                Column::new(
                    "customers".into(),
                    rows.iter().map(|r| r.customers).collect::<Vec<_>>(),
                ),
                Column::new(
                    "share".into(),
                    rows.iter().map(|r| r.share).collect::<Vec<_>>(),
                ),
                Column::new(
                    "median_days".into(),
                    rows.iter().map(|r| r.median_days).collect::<Vec<_>>(),
                ),
            ],
        )?;
        write_frame(&frame, out, args.output.force, args.export.headers)
            .with_context(|| format!("writing {}", out.display()))?;
    }
    let level = if args.next == Some(NextLevel::Category) {
        "category"
    } else {
        "item"
    };
    if args.output.json {
        let list: Vec<_> = rows
            .iter()
            .map(|r| {
                json!({"from": r.from, "to": r.to, "count": r.count, "customers": r.customers,
                       "share": r.share, "median_days": r.median_days})
            })
            .collect();
        return Ok(serde_json::to_string_pretty(
            &json!({"level": level, "window_days": args.window_days, "transitions": list}),
        )?);
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {level} transitions within {} days (by count)",
        rows.len(),
        args.window_days
    );
    for r in rows.iter().take(args.rows) {
        let _ = writeln!(
            s,
            "  {} → {}: {} times by {} customers, {:.1} % of what follows {}, median {:.0} days",
            r.from,
            r.to,
            r.count,
            r.customers,
            r.share * 100.0,
            r.from,
            r.median_days
        );
    }
    Ok(s)
}

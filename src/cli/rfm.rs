//! `marketbench rfm FILE... [--date YYYY-MM-DD] [--out rfm.csv] [--json]`: RFM
//! scores of every customer and the named RFM groups (see `analysis::rfm`).
//!
//! Text output is the group table; `--json` prints `{analysis_date, customers,
//! money, groups: [{group, customers, share, revenue, revenue_share}]}` (plus `out`
//! when a file was written; without money `revenue` and `revenue_share` are null). `--out` writes the per-customer table atomically through
//! `export` (`.csv` as UTF-8 with a BOM for Excel, or `.xlsx`).
//!
//! With `--db URL` and `--orders-table`/`--orders-query` and no files (nor a
//! products source, nor `--fetch-lines`), the database sums the order lines per
//! customer (`cli::db::Pushdown`) and only one row per customer is fetched; the
//! output's first line (JSON: `pushed_down`) says so. One orders file too big to
//! load is summed per customer by the streaming engine instead
//! (`cli::streamed`); the output's first line (JSON: `streamed`) says so.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, anyhow, bail};
use chrono::NaiveDate;
use clap::Args;
use serde_json::{Value, json};

use super::db::Pushdown;
use super::replace::write_table;
use super::streamed::streamed;
use super::{LoadArgs, OutputArgs, args::ExportArgs, load_files};
use crate::analysis::customers::purchase_days;
use crate::analysis::rfm::{Rfm, RfmParams, rfm, rfm_of_customers};
use crate::data::scan::Scan;
use crate::export::ExportFormat;
use crate::jobs::Progress;

#[derive(Debug, Args)]
pub struct RfmArgs {
    /// Orders files or folders (customers and products files are joined on).
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// Day recency is measured to; lines on or after it are left out (default: the
    /// day after the last order).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Write the per-customer table to this .csv or .xlsx file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub export: ExportArgs,
}

pub fn run(args: &RfmArgs) -> anyhow::Result<String> {
    // Check the output name before the (possibly long) load.
    let format = args
        .out
        .as_deref()
        .map(ExportFormat::from_path)
        .transpose()?;
    // The line saying where the sums came from, and its JSON key.
    let mut note: Option<(&str, String)> = None;
    let result = match Pushdown::of(&args.files, &args.load)? {
        Some(mut pushdown) => {
            let Some((aggregate, pushed)) = pushdown.customers(args.date)? else {
                bail!(
                    "the orders in the database have no dated purchase, so there is nothing to score"
                );
            };
            note = Some(("pushed_down", pushed));
            rfm_of_customers(aggregate.table, aggregate.money, &Progress::detached())
                .context("computing RFM")?
        }
        None => match streamed(&args.files, &args.load)? {
            Some(streamed) => {
                let result = from_stream(&streamed.scan, args.date)?;
                note = Some(("streamed", streamed.note));
                result
            }
            None => from_lines(args)?,
        },
    };
    if let (Some(path), Some(format)) = (&args.out, format) {
        write_table(
            &result.customers,
            path,
            format,
            args.output.force,
            args.export.headers,
        )?;
    }
    if args.output.json {
        let mut json = as_json(&result, args.out.as_ref());
        if let Some((key, note)) = note {
            json[key] = json!(note);
        }
        Ok(serde_json::to_string_pretty(&json)?)
    } else {
        let note = note.map(|(_, n)| format!("{n}\n")).unwrap_or_default();
        Ok(format!("{note}{}", as_text(&result, args.out.as_ref())))
    }
}

/// RFM of a file summed per customer by the streaming engine (too big to load).
fn from_stream(scan: &Scan, date: Option<NaiveDate>) -> anyhow::Result<Rfm> {
    let Some(streamed) = scan.customers(date)? else {
        bail!(
            "{}: no line is a dated purchase, so there is nothing to score",
            scan.file()
        );
    };
    let result = rfm_of_customers(streamed.table, streamed.money, &Progress::detached())
        .context("computing RFM")?;
    if result.customers.height() == 0
        && let Some(date) = date
    {
        bail!("--date {date}: no purchase comes before it: choose a later date, or leave it out");
    }
    Ok(result)
}

/// RFM of the loaded order lines.
fn from_lines(args: &RfmArgs) -> anyhow::Result<Rfm> {
    let loaded = load_files(&args.files, &args.load)?;
    let lines = loaded.store.order_lines()?.ok_or_else(|| {
        anyhow!("no orders file among the inputs: RFM needs order lines (use --kind orders if detection missed it)")
    })?;
    let params = RfmParams {
        analysis_date: args.date,
    };
    let result = rfm(&lines, &params, &Progress::detached()).context("computing RFM")?;
    if result.customers.height() == 0
        && let Some(date) = args.date
        && let Some((first, last)) = purchase_days(&lines)?
    {
        bail!(
            "--date {date}: no purchase comes before it (the orders run from {first} to \
             {last}): choose a date after {first}, or leave it out to measure the day after {last}"
        );
    }
    Ok(result)
}

fn as_json(result: &Rfm, out: Option<&PathBuf>) -> Value {
    let groups: Vec<Value> = result
        .groups
        .iter()
        .map(|g| {
            json!({
                "group": g.group.label(),
                "customers": g.customers,
                "share": g.share,
                "revenue": g.revenue,
                "revenue_share": g.revenue_share,
            })
        })
        .collect();
    let mut value = json!({
        "analysis_date": result.analysis_date.to_string(),
        "customers": result.len(),
        "money": result.money,
        "groups": groups,
    });
    if let Some(out) = out {
        value["out"] = json!(out.display().to_string());
    }
    value
}

fn as_text(result: &Rfm, out: Option<&PathBuf>) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "RFM of {} customers at {}",
        result.len(),
        result.analysis_date
    );
    if !result.money {
        let _ = writeln!(
            text,
            "  no price or amount column: scores are recency and frequency (R-F), and \
             revenue per group needs --price or --amount"
        );
    }
    let _ = writeln!(
        text,
        "  {:<20} {:>9} {:>7} {:>14} {:>13}",
        "group", "customers", "share", "revenue", "revenue share"
    );
    for g in &result.groups {
        let (revenue, revenue_share) = match (g.revenue, g.revenue_share) {
            (Some(revenue), Some(share)) => {
                (format!("{revenue:.2}"), format!("{:.1}%", share * 100.0))
            }
            _ => ("-".to_string(), "-".to_string()),
        };
        let _ = writeln!(
            text,
            "  {:<20} {:>9} {:>6.1}% {:>14} {:>13}",
            g.group.label(),
            g.customers,
            g.share * 100.0,
            revenue,
            revenue_share
        );
    }
    if let Some(out) = out {
        let _ = writeln!(
            text,
            "wrote {} customers to {}",
            result.len(),
            out.display()
        );
    }
    text
}

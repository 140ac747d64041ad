//! `marketbench clv FILE... [--horizon-days 365] [--cutoff DATE] [--discount-rate
//! R] [--out clv.csv] [--json]`: predicted purchases, P(alive) and customer
//! lifetime value (see `analysis::clv`).
//!
//! JSON: `score_date`, `horizon_days`, `discount_rate`, `purchases` (`{method:
//! "mbg_nbd", r, alpha, a, b, log_likelihood}` or `{method: "historical",
//! reason}`), `spend` (`{method: "gamma_gamma", p, q, gamma, log_likelihood}` or
//! historical), `holdout` (`{cutoff, days, method, customers, predicted_total,
//! actual_total, mean_absolute_error, buckets: [{frequency, customers,
//! predicted_mean, actual_mean}]}`), `totals` (`{customers, predicted_purchases,
//! clv}`), plus `out` when a file was written.
//!
//! `--out` writes one row per customer (`customer_id, frequency, recency_days,
//! age_days, avg_spend, p_alive, predicted_purchases, expected_spend, clv,
//! next_order_date`) atomically through `export`.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, anyhow};
use chrono::NaiveDate;
use clap::Args;
use serde_json::json;

use super::replace::write_table;
use super::{LoadArgs, OutputArgs, args::ExportArgs, load_files};
use crate::analysis::clv::{Clv, ClvParams, PurchaseMethod, SpendMethod, clv};
use crate::export::ExportFormat;
use crate::jobs::Progress;

#[derive(Debug, Args)]
pub struct ClvArgs {
    /// Orders files or folders.
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// Days ahead to predict purchases and value for.
    #[arg(long, default_value_t = 365)]
    pub horizon_days: u32,
    /// Start of the holdout check: fit before it, compare after it (default: the
    /// last order day − 180 days).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub cutoff: Option<NaiveDate>,
    /// Yearly discount rate for CLV (0.1 = 10 %).
    #[arg(long, default_value_t = 0.0)]
    pub discount_rate: f64,
    /// Write every customer's prediction to this .csv or .xlsx file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub export: ExportArgs,
}

pub fn run(args: &ClvArgs) -> anyhow::Result<String> {
    let format = args
        .out
        .as_deref()
        .map(ExportFormat::from_path)
        .transpose()?;
    let params = ClvParams {
        horizon_days: args.horizon_days,
        discount_rate: args.discount_rate,
        holdout_cutoff: args.cutoff,
        holdout: true,
    };
    params.check()?;
    let loaded = load_files(&args.files, &args.load)?;
    let lines = loaded.store.order_lines()?.ok_or_else(|| {
        anyhow!("no orders file among the inputs: CLV needs order lines (use --kind orders if detection missed it)")
    })?;
    let result = clv(&lines, &params, &Progress::detached()).context("computing CLV")?;
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
        let mut value = json!({
            "score_date": result.score_date.to_string(),
            "horizon_days": result.horizon_days,
            "discount_rate": result.discount_rate,
            "purchases": result.purchases,
            "spend": result.spend,
            "holdout": result.holdout,
            "totals": result.totals,
        });
        if let Some(out) = &args.out {
            value["out"] = json!(out.display().to_string());
        }
        Ok(serde_json::to_string_pretty(&value)?)
    } else {
        Ok(as_text(&result, args.out.as_ref()))
    }
}

fn purchases_line(method: &PurchaseMethod) -> String {
    match method {
        PurchaseMethod::MbgNbd(f) => format!(
            "MBG/NBD r = {:.4}, alpha = {:.3} days, a = {:.4}, b = {:.4} (log-likelihood {:.1})",
            f.r, f.alpha, f.a, f.b, f.log_likelihood
        ),
        PurchaseMethod::Historical { reason } => {
            format!("HISTORICAL ESTIMATE (repeat rate so far), because {reason}")
        }
    }
}

fn as_text(result: &Clv, out: Option<&PathBuf>) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Customer value over {} days from {} (discount {:.1}% a year)",
        result.horizon_days,
        result.score_date,
        result.discount_rate * 100.0
    );
    let _ = writeln!(text, "  purchases: {}", purchases_line(&result.purchases));
    let spend = match &result.spend {
        SpendMethod::GammaGamma(g) => format!(
            "Gamma-Gamma p = {:.4}, q = {:.4}, gamma = {:.3} (log-likelihood {:.1})",
            g.p, g.q, g.gamma, g.log_likelihood
        ),
        SpendMethod::Historical { reason } => {
            format!("HISTORICAL (each customer's mean spend), because {reason}")
        }
        SpendMethod::Unpriced => {
            "none: no price or amount column, so no spend and no CLV (pass --price or \
             --amount); purchases and P(alive) need no money"
                .to_string()
        }
    };
    let _ = writeln!(text, "  spend: {spend}");
    if let Some(h) = &result.holdout {
        let _ = writeln!(
            text,
            "Holdout from {} ({} days, {} customers): predicted {:.0} purchase days, actual {:.0}, mean absolute error {:.3}",
            h.cutoff, h.days, h.customers, h.predicted_total, h.actual_total, h.mean_absolute_error
        );
        let _ = writeln!(
            text,
            "  {:<9} {:>9} {:>10} {:>8}",
            "frequency", "customers", "predicted", "actual"
        );
        for b in &h.buckets {
            let _ = writeln!(
                text,
                "  {:<9} {:>9} {:>10.3} {:>8.3}",
                b.frequency, b.customers, b.predicted_mean, b.actual_mean
            );
        }
    }
    let t = &result.totals;
    let value = t
        .clv
        .map_or_else(|| "none (no prices)".to_string(), |v| format!("{v:.2}"));
    let _ = writeln!(
        text,
        "Totals: {} customers, {:.0} predicted purchases, CLV {value}",
        t.customers, t.predicted_purchases
    );
    if let Some(out) = out {
        let _ = writeln!(text, "wrote {} customers to {}", t.customers, out.display());
    }
    text
}

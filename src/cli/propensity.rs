//! `marketbench propensity FILE... [--cutoff DATE] [--window-days 90] [--models
//! logreg,tree,forest[,gbt]] [--out scores.csv] [--json]`: who buys in the next window,
//! and churn risk (see `analysis::propensity`). The first events file among the
//! inputs, if any, adds event counts as features.
//!
//! JSON: `cutoff`, `train_cutoff`, `score_date`, `window_days`, `positive_rate`,
//! `train_positive_rate`, `customers` (scored), `chosen_model`, `thresholds`
//! (`{medium, high}`), `risk_buckets` (`{low, medium, high}` customer counts),
//! `features`, and `models` (`[{name, auc_out_of_time, auc_random, roc, deciles,
//! calibration, importance, rules}]`), plus `out` when a file was written.
//!
//! `--out` writes `customer_id, propensity, churn_risk, risk_bucket` (one row per
//! customer) atomically through `export` (`.csv` with a BOM, or `.xlsx`).

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, anyhow};
use chrono::NaiveDate;
use clap::Args;
use serde_json::{Value, json};

use super::replace::write_table;
use super::{LoadArgs, OutputArgs, args::ExportArgs, load_files};
use crate::analysis::propensity::{
    ModelKind, ModelParams, Propensity, PropensityParams, RiskThresholds, propensity_with_events,
};
use crate::data::FileKind;
use crate::export::ExportFormat;
use crate::jobs::Progress;
use crate::workspace::value::{ValueParams, ValueSettings};

#[derive(Debug, Args)]
pub struct PropensityArgs {
    /// Orders files or folders.
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// Test cutoff: fit at cutoff − window, test at the cutoff (default: the last
    /// order day − window).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub cutoff: Option<NaiveDate>,
    /// Days after a cutoff in which a purchase counts as positive.
    #[arg(long, default_value_t = 90)]
    pub window_days: u32,
    /// Comma-separated models to fit and compare: logreg, tree, forest, gbt
    /// (boosted trees, for comparison: not fitted unless named).
    #[arg(long, value_delimiter = ',', default_value = "logreg,tree,forest", value_parser = parse_model)]
    pub models: Vec<ModelKind>,
    /// Model that scores customers (default: best out-of-time AUC).
    #[arg(long, value_parser = parse_model)]
    pub model: Option<ModelKind>,
    /// Trees in the forest.
    #[arg(long, default_value_t = 100)]
    pub trees: usize,
    /// Seed of the forest and the random split.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Churn risk from which a customer is medium risk.
    #[arg(long, default_value_t = 0.5)]
    pub risk_medium: f64,
    /// Churn risk from which a customer is high risk.
    #[arg(long, default_value_t = 0.8)]
    pub risk_high: f64,
    /// Write every customer's propensity and churn risk to this .csv or .xlsx file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub export: ExportArgs,
}

fn parse_model(s: &str) -> Result<ModelKind, String> {
    ModelKind::from_name(s).map_err(|e| e.to_string())
}

/// The Value tab's settings these arguments stand for (the model choice, trees
/// and seed are the command's own extras).
impl From<&PropensityArgs> for ValueSettings {
    fn from(args: &PropensityArgs) -> Self {
        ValueSettings {
            params: ValueParams {
                window_days: args.window_days,
                cutoff: args.cutoff,
                models: args.models.clone(),
            },
            thresholds: RiskThresholds {
                medium: args.risk_medium,
                high: args.risk_high,
            },
        }
    }
}

pub fn run(args: &PropensityArgs) -> anyhow::Result<String> {
    let format = args
        .out
        .as_deref()
        .map(ExportFormat::from_path)
        .transpose()?;
    let settings = ValueSettings::from(args);
    settings.check()?;
    let params = PropensityParams {
        chosen: args.model,
        model: ModelParams {
            trees: args.trees,
            seed: args.seed,
            ..ModelParams::default()
        },
        ..settings.propensity_params()
    };
    params.check()?;
    let loaded = load_files(&args.files, &args.load)?;
    let lines = loaded.store.order_lines()?.ok_or_else(|| {
        anyhow!("no orders file among the inputs: propensity needs order lines (use --kind orders if detection missed it)")
    })?;
    // Event counts join as features when an events file is among the inputs.
    let events = loaded
        .store
        .of_kind(FileKind::Events)
        .next()
        .map(|t| &t.frame);
    let result = propensity_with_events(&lines, events, &params, &Progress::detached())
        .context("computing propensity")?;
    if let (Some(path), Some(format)) = (&args.out, format) {
        write_table(
            &result.scores,
            path,
            format,
            args.output.force,
            args.export.headers,
        )?;
    }
    if args.output.json {
        Ok(serde_json::to_string_pretty(&as_json(
            &result,
            args.out.as_ref(),
        ))?)
    } else {
        Ok(as_text(&result, args.out.as_ref()))
    }
}

/// Customers per risk bucket: (low, medium, high).
fn bucket_counts(result: &Propensity) -> (usize, usize, usize) {
    let mut counts = (0, 0, 0);
    if let Ok(buckets) = result
        .scores
        .column("risk_bucket")
        .and_then(|c| c.str().cloned())
    {
        for b in buckets.iter().flatten() {
            match b {
                "low" => counts.0 += 1,
                "medium" => counts.1 += 1,
                _ => counts.2 += 1,
            }
        }
    }
    counts
}

fn as_json(result: &Propensity, out: Option<&PathBuf>) -> Value {
    let models: Vec<Value> = result
        .models
        .iter()
        .map(|m| {
            json!({
                "name": m.kind.name(),
                "auc_out_of_time": m.auc_out_of_time,
                "auc_random": m.auc_random,
                "roc": m.roc,
                "deciles": m.deciles,
                "calibration": m.calibration,
                "importance": m.importance,
                "rules": m.rules,
            })
        })
        .collect();
    let (low, medium, high) = bucket_counts(result);
    let mut value = json!({
        "cutoff": result.cutoff.to_string(),
        "train_cutoff": result.train_cutoff.to_string(),
        "score_date": result.score_date.to_string(),
        "window_days": result.window_days,
        "positive_rate": result.positive_rate,
        "train_positive_rate": result.train_positive_rate,
        "customers": result.scores.height(),
        "chosen_model": result.chosen.name(),
        "thresholds": result.thresholds,
        "risk_buckets": {"low": low, "medium": medium, "high": high},
        "features": result.features,
        "models": models,
    });
    if let Some(out) = out {
        value["out"] = json!(out.display().to_string());
    }
    value
}

fn as_text(result: &Propensity, out: Option<&PathBuf>) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Propensity to buy within {} days: fitted at {}, tested at {} ({:.1}% bought), scored at {}",
        result.window_days,
        result.train_cutoff,
        result.cutoff,
        result.positive_rate * 100.0,
        result.score_date
    );
    let _ = writeln!(
        text,
        "  {:<8} {:>15} {:>11}  top features",
        "model", "AUC out of time", "AUC random"
    );
    let auc = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
    for m in &result.models {
        let top: Vec<&str> = m
            .importance
            .iter()
            .take(3)
            .map(|f| f.feature.as_str())
            .collect();
        let _ = writeln!(
            text,
            "  {:<8} {:>15} {:>11}  {}",
            m.kind.name(),
            auc(m.auc_out_of_time),
            auc(m.auc_random),
            top.join(", ")
        );
    }
    let (low, medium, high) = bucket_counts(result);
    let _ = writeln!(
        text,
        "Scored {} customers with {}: churn risk low {low}, medium {medium} (≥ {}), high {high} (≥ {})",
        result.scores.height(),
        result.chosen.name(),
        result.thresholds.medium,
        result.thresholds.high
    );
    if let Some(out) = out {
        let _ = writeln!(
            text,
            "wrote {} customers to {}",
            result.scores.height(),
            out.display()
        );
    }
    text
}

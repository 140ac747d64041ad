//! `marketbench segment FILE...`: K-means customer segments with their profiles,
//! as text or one JSON object, and optionally the members with their features as
//! CSV.
//!
//! JSON: `k`, `silhouette`, `silhouette_sampled`, `inertia`, `auto_rule`,
//! `features`, `per_k` (`[{k, inertia, silhouette}]`, only with `--k auto`) and
//! `segments` (`[{id, name, size, customer_share, revenue_share, means, medians,
//! top_categories, distinguishing}]`; `means` and `medians` map feature names to
//! values in original units).
//!
//! `--out`: `.csv` (UTF-8 with a BOM, so Excel shows Chinese ids) or `.xlsx`, one
//! row per customer: `customer_id, segment, segment_name` and every available
//! feature; written atomically by `export`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail};
use clap::Args;
use polars::prelude::{Column, DataFrame};
use serde_json::{Map, Value, json};

use super::{LoadArgs, OutputArgs, load_files};
use crate::analysis::segments::{
    AUTO_K_RULE, FeatureSet, KChoice, SearchParams, Segmentation, segment_customers,
};
use crate::export::{ExportFormat, write_table};
use crate::jobs::Progress;

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// Order files or folders (CSV, TSV, Parquet, JSON, XLSX, ...).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Number of segments, or `auto` to pick K in --k-min..=--k-max.
    #[arg(long, default_value = "auto", value_parser = parse_k)]
    pub k: KArg,
    /// Smallest K tried by auto.
    #[arg(long, default_value_t = 2)]
    pub k_min: usize,
    /// Largest K tried by auto.
    #[arg(long, default_value_t = 10)]
    pub k_max: usize,
    /// Seed of k-means++ and the silhouette sample.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Comma-separated features: recency_days, orders, revenue, avg_order_value,
    /// tenure_days, mean_days_between, units, discount_share, avg_unit_price
    /// (aliases recency, frequency, monetary, aov, tenure, days_between, discount,
    /// unit_price).
    #[arg(long, default_value = "recency,frequency,monetary", value_parser = parse_features)]
    pub features: FeatureSet,
    /// Write every customer with their segment and features to this .csv or .xlsx file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `--k`: a number or `auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KArg {
    Auto,
    Fixed(usize),
}

fn parse_k(s: &str) -> Result<KArg, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(KArg::Auto);
    }
    s.parse()
        .map(KArg::Fixed)
        .map_err(|_| format!("'{s}' is neither a number nor 'auto'"))
}

fn parse_features(s: &str) -> Result<FeatureSet, String> {
    FeatureSet::from_str(s).map_err(|e| e.to_string())
}

pub fn run(args: &SegmentArgs) -> anyhow::Result<String> {
    let loaded = load_files(&args.files, &args.load)?;
    let Some(lines) = loaded.store.order_lines()? else {
        bail!("no orders file among the inputs: segments need order lines with customer ids");
    };
    let params = SearchParams {
        k: match args.k {
            KArg::Fixed(k) => KChoice::Fixed(k),
            KArg::Auto => KChoice::Auto {
                min: args.k_min,
                max: args.k_max,
            },
        },
        seed: args.seed,
        ..SearchParams::default()
    };
    let result = segment_customers(&lines, &args.features, &params, None, &Progress::detached())
        .context("segmenting customers")?;
    if let Some(out) = &args.out {
        write_members(out, &result).with_context(|| format!("writing {}", out.display()))?;
    }
    if args.output.json {
        Ok(serde_json::to_string_pretty(&as_json(
            &result,
            args.k == KArg::Auto,
        ))?)
    } else {
        Ok(as_text(&result))
    }
}

fn as_json(result: &Segmentation, auto: bool) -> Value {
    let c = &result.clustering;
    let segments: Vec<Value> = result
        .profiles
        .iter()
        .map(|p| {
            let means: Map<String, Value> =
                p.stats.iter().map(|(f, m, _)| (f.name().into(), json!(m))).collect();
            let medians: Map<String, Value> =
                p.stats.iter().map(|(f, _, m)| (f.name().into(), json!(m))).collect();
            json!({
                "id": p.id,
                "name": p.name,
                "size": p.size,
                "customer_share": p.customer_share,
                "revenue_share": p.revenue_share,
                "means": means,
                "medians": medians,
                "top_categories": p.top_categories.iter()
                    .map(|(c, s)| json!({"category": c, "share": s})).collect::<Vec<_>>(),
                "distinguishing": p.distinguishing.iter()
                    .map(|(f, d)| json!({"feature": f.name(), "difference": d})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut out = json!({
        "customers": result.features.len(),
        "analysis_date": result.features.analysis_date.to_string(),
        "features": result.features.set.features().iter().map(|f| f.name()).collect::<Vec<_>>(),
        "k": c.k,
        "silhouette": c.silhouette,
        "silhouette_sampled": c.silhouette_sampled,
        "inertia": c.inertia,
        "segments": segments,
    });
    if auto {
        out["auto_rule"] = json!(AUTO_K_RULE);
        out["per_k"] = c
            .per_k
            .iter()
            .map(|s| json!({"k": s.k, "inertia": s.inertia, "silhouette": s.silhouette}))
            .collect();
    }
    out
}

fn as_text(result: &Segmentation) -> String {
    let c = &result.clustering;
    let mut s = String::new();
    let names: Vec<&str> = result
        .features
        .set
        .features()
        .iter()
        .map(|f| f.name())
        .collect();
    let _ = writeln!(
        s,
        "{} customers, features: {}; K = {}, silhouette {:.3}{}, inertia {:.1}",
        result.features.len(),
        names.join(", "),
        c.k,
        c.silhouette,
        if c.silhouette_sampled {
            " (sampled)"
        } else {
            ""
        },
        c.inertia
    );
    if c.per_k.len() > 1 {
        let _ = writeln!(s, "{AUTO_K_RULE}");
        for k in &c.per_k {
            let _ = writeln!(
                s,
                "  K = {:2}: inertia {:12.1}, silhouette {:.3}",
                k.k, k.inertia, k.silhouette
            );
        }
    }
    for p in &result.profiles {
        let _ = writeln!(
            s,
            "\n{} {}: {} customers ({:.1} %), {:.1} % of revenue",
            p.id,
            p.name,
            p.size,
            p.customer_share * 100.0,
            p.revenue_share * 100.0
        );
        for (f, mean, median) in &p.stats {
            let _ = writeln!(
                s,
                "  {:<18} mean {mean:12.2}  median {median:12.2}",
                f.name()
            );
        }
        let apart: Vec<String> = p
            .distinguishing
            .iter()
            .map(|(f, d)| format!("{} {d:+.2} sd", f.name()))
            .collect();
        let _ = writeln!(s, "  sets it apart: {}", apart.join(", "));
        if !p.top_categories.is_empty() {
            let cats: Vec<String> = p
                .top_categories
                .iter()
                .map(|(c, share)| format!("{c} {:.0} %", share * 100.0))
                .collect();
            let _ = writeln!(s, "  top categories: {}", cats.join(", "));
        }
    }
    s
}

/// The members with their segment and features, through the atomic exporter
/// (`.csv` with a BOM, or `.xlsx`).
fn write_members(path: &Path, result: &Segmentation) -> anyhow::Result<()> {
    let format = ExportFormat::from_path(path)?;
    let features = &result.features;
    let labels = &result.clustering.labels;
    let names: Vec<&str> = labels
        .iter()
        .map(|&segment| result.profiles.get(segment).map_or("", |p| p.name.as_str()))
        .collect();
    let mut columns = vec![
        Column::new("customer_id".into(), &features.customer_ids),
        Column::new(
            "segment".into(),
            labels.iter().map(|&l| l as u32).collect::<Vec<u32>>(),
        ),
        Column::new("segment_name".into(), names),
    ];
    for (index, feature) in features.available.iter().enumerate() {
        columns.push(Column::new(
            feature.name().into(),
            features.raw.column(index).to_vec(),
        ));
    }
    let frame = DataFrame::new(labels.len(), columns)?;
    write_table(&frame, path, format)?;
    Ok(())
}

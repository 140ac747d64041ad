//! `marketbench segment FILE...`: K-means customer segments with their profiles
//! and the rules that recognise them, as text or one JSON object, and optionally
//! the members with their features as CSV. It runs the Segments tab's pipeline
//! (`workspace::segments::compute`) with the same settings type, so the same
//! settings give the same segments, rules and members as the window. With a
//! service-messages file among the inputs the customer-service signals
//! (`last_contact_days`, `contacts_30d`, `contacts_90d`, `complained_30d`,
//! `asked_discount_no_buy`, `mean_sentiment`) can be asked for in `--features`;
//! without one, asking for them is an error saying the file is needed. One
//! orders file too big to load is summed per customer by the streaming engine
//! (`cli::streamed`): the features of the per-customer table work (not the price
//! features, signals or top categories), and the first line (JSON: `streamed`)
//! says so. Orders from `--db` alone, with such features, are summed per
//! customer by the database (`cli::db::Pushdown`), and the first line (JSON:
//! `pushed_down`) says so.
//!
//! JSON: `k`, `silhouette`, `silhouette_sampled`, `silhouette_rows` (customers
//! it was measured on), `silhouette_error` (± around `silhouette` that holds the
//! silhouette of every customer, two standard errors; 0 when exact), `inertia`, `auto_rule`,
//! `features`, `per_k` (`[{k, inertia, silhouette}]`, only with `--k auto`),
//! `segments` (`[{id, name, size, customer_share, revenue_share, means, medians,
//! top_categories, distinguishing}]`; `means` and `medians` map feature names to
//! values in original units), `rules` (`{accuracy, fit_sampled, rules: [{segment,
//! name, conditions, customers, precision}]}` or `{error}`) and, with `--pca`,
//! `pca` (`{explained, points: [{customer_id, segment, x, y}]}` or `{error}`).
//!
//! `--out`: `.csv` (UTF-8 with a BOM, so Excel shows Chinese ids) or `.xlsx`, one
//! row per customer: `customer_id, segment, segment_name` and every available
//! feature (the Segments tab's export, `workspace::segments::members_frame`);
//! written atomically by `export`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail};
use clap::Args;
use serde_json::{Map, Value, json};

use super::db::Pushdown;
use super::replace::write_table;
use super::streamed::streamed;
use super::{LoadArgs, OutputArgs, args::ExportArgs, load_files};
use crate::analysis::segments::scatter::Scatter;
use crate::analysis::segments::{AUTO_K_RULE, FeatureSet, KChoice, SegmentTree, Segmentation};
use crate::analysis::voice::Labels;
use crate::export::ExportFormat;
use crate::export::headers::Headers;
use crate::jobs::Progress;
use crate::workspace::segments::{
    SegmentsParams, SegmentsResults, compute, compute_of_table, members_frame,
};

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// Order files or folders (CSV, TSV, Parquet, JSON, XLSX, ...), and a
    /// service-messages file for the service-signal features.
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// Number of segments, or `auto` to pick K in --k-min..=--k-max.
    #[arg(long, default_value = "auto", value_parser = parse_k)]
    pub k: KArg,
    /// Smallest K auto may choose (K = 2..10 are always fitted for the scores).
    #[arg(long, default_value_t = 3)]
    pub k_min: usize,
    /// Largest K auto may choose.
    #[arg(long, default_value_t = 8)]
    pub k_max: usize,
    /// Seed of k-means++ and the silhouette sample.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Comma-separated features: recency_days, orders, revenue, avg_order_value,
    /// tenure_days, mean_days_between, units, discount_share, avg_unit_price, and
    /// with a service-messages file last_contact_days, contacts_30d, contacts_90d,
    /// complained_30d, asked_discount_no_buy, mean_sentiment (aliases recency,
    /// frequency, monetary, aov, tenure, days_between, discount, unit_price,
    /// last_contact, contacts, complained, sentiment).
    #[arg(long, default_value = "recency,frequency,monetary", value_parser = parse_features)]
    pub features: FeatureSet,
    /// Write every customer with their segment and features to this .csv or .xlsx file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also print the segment picture: each plotted customer on the two principal
    /// components (at most 20,000 customers).
    #[arg(long)]
    pub pca: bool,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub export: ExportArgs,
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

impl From<&SegmentArgs> for SegmentsParams {
    fn from(args: &SegmentArgs) -> Self {
        SegmentsParams {
            features: args.features.clone(),
            k: match args.k {
                KArg::Fixed(k) => KChoice::Fixed(k),
                KArg::Auto => KChoice::Auto {
                    min: args.k_min,
                    max: args.k_max,
                },
            },
            seed: args.seed,
        }
    }
}

pub fn run(args: &SegmentArgs) -> anyhow::Result<String> {
    let params = SegmentsParams::from(args);
    params.check()?;
    // Features of the per-customer table can be summed by the database.
    let from_table = params
        .features
        .features()
        .iter()
        .all(|f| !f.needs_prices() && !f.is_signal());
    let pushdown = match from_table {
        true => Pushdown::of(&args.files, &args.load)?,
        false => None,
    };
    // A per-customer table summed without loading the lines (by the database,
    // or by the streaming engine), with the line saying so and its JSON key.
    let summed = match pushdown {
        Some(mut pushdown) => {
            let Some((aggregate, pushed)) = pushdown.customers(None)? else {
                bail!(
                    "the orders in the database have no dated purchase, so there is nothing to segment"
                );
            };
            Some((aggregate.table, aggregate.money, ("pushed_down", pushed)))
        }
        None => match streamed(&args.files, &args.load)? {
            Some(streamed) => {
                let Some(customers) = streamed.scan.customers(None)? else {
                    bail!(
                        "{}: no line is a dated purchase, so there is nothing to segment",
                        streamed.scan.file()
                    );
                };
                Some((
                    customers.table,
                    customers.money,
                    ("streamed", streamed.note),
                ))
            }
            None => None,
        },
    };
    let (results, note) = match summed {
        Some((table, money, note)) => {
            let results = compute_of_table(&table, money, params, &Progress::detached())
                .context("segmenting customers")?;
            (results, Some(note))
        }
        None => (from_lines(args, params)?, None),
    };
    if let Some(out) = &args.out {
        write_members(
            out,
            &results.segmentation,
            args.output.force,
            args.export.headers,
        )
        .with_context(|| format!("writing {}", out.display()))?;
    }
    if args.output.json {
        let mut json = as_json(&results.segmentation, args.k == KArg::Auto);
        if let Some((key, note)) = note {
            json[key] = json!(note);
        }
        json["rules"] = rules_json(&results);
        if args.pca {
            json["pca"] = pca_json(&results);
        }
        Ok(serde_json::to_string_pretty(&json)?)
    } else {
        let mut text = note.map(|(_, n)| format!("{n}\n")).unwrap_or_default();
        text.push_str(&as_text(&results.segmentation));
        text.push_str(&rules_text(&results.segmentation, &results.tree));
        if args.pca {
            text.push_str(&pca_text(&results.scatter));
        }
        Ok(text)
    }
}

/// The segments of the loaded order lines.
fn from_lines(args: &SegmentArgs, params: SegmentsParams) -> anyhow::Result<SegmentsResults> {
    let loaded = load_files(&args.files, &args.load)?;
    if loaded.store.order_lines()?.is_none() {
        bail!("no orders file among the inputs: segments need order lines with customer ids");
    }
    compute(
        &loaded.store,
        params,
        None,
        &Labels::default(),
        &Progress::detached(),
    )
    .context("segmenting customers")
}

/// The decision-tree rules as JSON, or why there are none.
fn rules_json(results: &SegmentsResults) -> Value {
    let profiles = &results.segmentation.profiles;
    match &results.tree {
        Ok(tree) => json!({
            "accuracy": tree.accuracy,
            "fit_sampled": tree.fit_sampled,
            "rules": tree.rules.iter().map(|r| json!({
                "segment": r.segment,
                "name": profiles.get(r.segment).map_or(String::new(), |p| p.name.text()),
                "conditions": r.conditions_text(),
                "customers": r.customers,
                "precision": r.precision,
            })).collect::<Vec<_>>(),
        }),
        Err(error) => json!({ "error": error }),
    }
}

/// The segment picture's points as JSON, or why there is none.
fn pca_json(results: &SegmentsResults) -> Value {
    let segmentation = &results.segmentation;
    match &results.scatter {
        Ok(scatter) => json!({
            "explained": scatter.explained,
            "points": scatter.rows.iter().zip(&scatter.points).map(|(&row, [x, y])| json!({
                "customer_id": segmentation.features.customer_ids[row],
                "segment": segmentation.clustering.labels[row],
                "x": x,
                "y": y,
            })).collect::<Vec<_>>(),
        }),
        Err(error) => json!({ "error": error }),
    }
}

fn rules_text(segmentation: &Segmentation, tree: &Result<SegmentTree, String>) -> String {
    let mut s = String::new();
    match tree {
        Ok(tree) => {
            let _ = writeln!(
                s,
                "\nHow to recognise each segment (rules right for {:.1} % of customers{}):",
                tree.accuracy * 100.0,
                if tree.fit_sampled {
                    ", fitted on a sample"
                } else {
                    ""
                }
            );
            for rule in &tree.rules {
                let name = segmentation
                    .profiles
                    .get(rule.segment)
                    .map_or(String::new(), |p| p.name.text());
                let _ = writeln!(
                    s,
                    "  {} -> {} {name} ({} customers, {:.0} % in it)",
                    rule.conditions_text(),
                    rule.segment,
                    rule.customers,
                    rule.precision * 100.0
                );
            }
        }
        Err(error) => {
            let _ = writeln!(s, "\nNo rules: {error}");
        }
    }
    s
}

fn pca_text(scatter: &Result<Scatter, String>) -> String {
    match scatter {
        Ok(scatter) => format!(
            "\nSegment picture: {} customers on two principal components explaining {:.1} % and {:.1} % of the spread (use --json for the points)\n",
            scatter.points.len(),
            scatter.explained[0] * 100.0,
            scatter.explained[1] * 100.0
        ),
        Err(error) => format!("\nNo segment picture: {error}\n"),
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
        "money": result.features.revenue.is_some(),
        "k": c.k,
        "silhouette": c.silhouette,
        "silhouette_sampled": c.silhouette_sampled,
        "silhouette_rows": c.silhouette_rows,
        "silhouette_error": c.silhouette_error,
        "inertia": c.inertia,
        "reason": c.reason,
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
            format!(
                " (on a sample of {} customers, ± {:.3})",
                crate::numbers::count(c.silhouette_rows),
                c.silhouette_error
            )
        } else {
            String::new()
        },
        c.inertia
    );
    if result.features.revenue.is_none() {
        let _ = writeln!(
            s,
            "no price or amount column: spend features and revenue shares need --price or \
             --amount (the default features are then recency and orders)"
        );
    }
    let _ = writeln!(s, "{}", c.reason);
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
        let revenue = p.revenue_share.map_or_else(
            || "revenue needs a price or amount column".to_string(),
            |share| format!("{:.1} % of revenue", share * 100.0),
        );
        let _ = writeln!(
            s,
            "\n{} {}: {} customers ({:.1} %), {revenue}",
            p.id,
            p.name,
            p.size,
            p.customer_share * 100.0,
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

/// The members with their segment, its proposed name and features, as the
/// Segments tab exports them, through the atomic exporter (`.csv` with a BOM, or
/// `.xlsx`).
fn write_members(
    path: &Path,
    result: &Segmentation,
    force: bool,
    headers: Headers,
) -> anyhow::Result<()> {
    let format = ExportFormat::from_path(path)?;
    let names: Vec<String> = result.profiles.iter().map(|p| p.name.text()).collect();
    let every: Vec<usize> = (0..result.features.len()).collect();
    write_table(
        &members_frame(result, &every, &names, None)?,
        path,
        format,
        force,
        headers,
    )?;
    Ok(())
}

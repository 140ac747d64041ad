//! `marketbench project new FILE... --out P.json` and `marketbench campaign P.json
//! [--define JSON] [--name NAME] [--out FILE] [--format ...]`: campaigns headless,
//! for scheduled runs (see `analysis::campaign`, `export::campaign`,
//! `workspace::project`).
//!
//! - `project new` loads the files (with the usual role overrides) to check them,
//!   then writes a project holding their paths, load options, sizes and hashes.
//! - `campaign --define` adds or replaces a campaign (JSON text, or `@file`) in the
//!   project and saves it; `--name` picks a saved one. Either way the audience is
//!   built and its size and expected ROI printed; `--out` exports the targets with
//!   a sidecar. The response rate comes from the `propensity` column when the
//!   customer frame has one, else from the campaign's typed rate; the average
//!   order value is the audience's own history unless `--aov` is given.
//! - Missing data files are an error; changed ones are listed as warnings.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::{LoadArgs, OutputArgs, load_files};
use crate::analysis::campaign::{Audience, CampaignDef, RoiInputs, RoiOutcome, roi};
use crate::export::campaign::{
    CampaignExport, CampaignFormat, DataFileRecord, Sidecar, export_campaign, sidecar_path,
};
use crate::jobs::Progress;
use crate::workspace::project::{OpenedProject, Project};

#[derive(Debug, Args)]
pub struct ProjectArgs {
    #[command(subcommand)]
    pub action: ProjectAction,
}

#[derive(Debug, Subcommand)]
pub enum ProjectAction {
    /// Create a project from data files (orders, customers, products, events).
    New(ProjectNewArgs),
}

#[derive(Debug, Args)]
pub struct ProjectNewArgs {
    /// Data files or folders.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The project file to write (JSON).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Day customer figures are measured at (default: the day after the last order).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Export formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Xlsx,
    Parquet,
    Mailchimp,
    Klaviyo,
    Meta,
    Google,
}

impl From<FormatArg> for CampaignFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Csv => CampaignFormat::Csv,
            FormatArg::Xlsx => CampaignFormat::Xlsx,
            FormatArg::Parquet => CampaignFormat::Parquet,
            FormatArg::Mailchimp => CampaignFormat::Mailchimp,
            FormatArg::Klaviyo => CampaignFormat::Klaviyo,
            FormatArg::Meta => CampaignFormat::Meta,
            FormatArg::Google => CampaignFormat::Google,
        }
    }
}

#[derive(Debug, Args)]
pub struct CampaignArgs {
    /// The project file.
    pub project: PathBuf,
    /// The saved campaign to run.
    #[arg(long, value_name = "NAME", required_unless_present = "define")]
    pub name: Option<String>,
    /// Add or replace a campaign: its JSON definition, or @FILE holding it.
    #[arg(long, value_name = "JSON")]
    pub define: Option<String>,
    /// Export the list to this file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Export format (default: from the file's extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// CSV only: start with a UTF-8 byte order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
    /// Country code for national phone numbers in exports.
    #[arg(long, value_name = "CODE", default_value = "86")]
    pub country_code: String,
    /// Typed average order value (default: the audience's own history).
    #[arg(long, value_name = "AMOUNT")]
    pub aov: Option<f64>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `project new`.
pub fn run_project(args: &ProjectArgs) -> anyhow::Result<String> {
    let ProjectAction::New(args) = &args.action;
    let loaded = load_files(&args.files, &args.load)?;
    let folder = match args.out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut project = Project {
        analysis_date: args.date,
        ..Project::default()
    };
    for inspection in &loaded.inspections {
        project.add_file(&inspection.path, args.load.options_for(inspection), &folder)?;
    }
    project.save(&args.out)?;
    let mut text = format!(
        "wrote project {} with {} files:\n",
        args.out.display(),
        project.files.len()
    );
    for file in &project.files {
        let _ = writeln!(
            text,
            "  {} ({:?}, {} bytes)",
            file.path.display(),
            file.options.kind,
            file.size_bytes
        );
    }
    Ok(text)
}

fn read_definition(define: &str) -> anyhow::Result<CampaignDef> {
    let text = match define.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("reading the campaign definition {path}"))?,
        None => define.to_string(),
    };
    serde_json::from_str(&text).context(
        "the campaign definition is not valid: expected JSON such as {\"name\": \"vip\", \"condition\": {\"kind\": \"rfm_group\", \"values\": [\"Champions\"]}}",
    )
}

fn format_for(args: &CampaignArgs, out: &Path) -> CampaignFormat {
    if let Some(format) = args.format {
        return format.into();
    }
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("xlsx") => CampaignFormat::Xlsx,
        Some("parquet") => CampaignFormat::Parquet,
        _ => CampaignFormat::Csv,
    }
}

/// `campaign`.
pub fn run(args: &CampaignArgs) -> anyhow::Result<String> {
    let mut opened = Project::open(&args.project)?;
    let name = match &args.define {
        Some(define) => {
            let campaign = read_definition(define)?;
            if let Some(name) = args.name.as_ref().filter(|n| **n != campaign.name) {
                bail!(
                    "--name {name} differs from the defined campaign's name '{}'",
                    campaign.name
                );
            }
            let name = campaign.name.clone();
            opened.project.put_campaign(campaign);
            opened.project.save(&args.project)?;
            name
        }
        None => args.name.clone().unwrap_or_default(),
    };
    let campaign = opened.project.campaign(&name)?.clone();
    let progress = Progress::detached();
    let store = opened.load_store(&progress)?;
    let audience = opened
        .audience(&name, &store, &progress)
        .with_context(|| format!("building the audience of '{name}'"))?;
    let inputs = RoiInputs {
        response_rate: audience.response_rate,
        avg_order_value: args
            .aov
            .or(audience.history_aov)
            .unwrap_or(campaign.roi.avg_order_value),
        ..campaign.roi.clone()
    };
    let outcome = roi(&inputs, audience.targets);
    let written = match &args.out {
        Some(out) => Some((out, export(args, &opened, &campaign, &audience, out)?)),
        None => None,
    };
    let warnings: Vec<String> = opened.problems().map(|c| c.describe()).collect();
    if args.output.json {
        let mut value = json!({
            "campaign": name,
            "matched": audience.matched,
            "opted_out": audience.opted_out,
            "contacted": audience.contacted,
            "over_max": audience.over_max,
            "size": audience.size(),
            "targets": audience.targets,
            "controls": audience.controls,
            "revenue_share": audience.revenue_share,
            "response_rate": audience.response_rate,
            "rate_from_scores": audience.rate_from_scores,
            "expected_responders": audience.expected_responders,
            "inputs": inputs,
            "roi": outcome,
            "warnings": warnings,
        });
        if let Some((out, rows)) = written {
            value["out"] = json!(out.display().to_string());
            value["rows"] = json!(rows);
        }
        return Ok(serde_json::to_string_pretty(&value)?);
    }
    Ok(as_text(
        &name, &audience, &inputs, &outcome, written, &warnings,
    ))
}

fn export(
    args: &CampaignArgs,
    opened: &OpenedProject,
    campaign: &CampaignDef,
    audience: &Audience,
    out: &Path,
) -> anyhow::Result<usize> {
    let data_files = opened
        .checks
        .iter()
        .map(|c| DataFileRecord::of(&c.path))
        .collect::<Result<Vec<_>, _>>()?;
    let sidecar = Sidecar {
        campaign: serde_json::to_value(campaign)?,
        data_files,
        seed: campaign.seed,
        format: String::new(),
        rows: 0,
        created_at: chrono::Utc::now().to_rfc3339(),
        marketbench_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let options = CampaignExport {
        format: format_for(args, out),
        bom: args.bom,
        default_country_code: args.country_code.clone(),
        campaign_name: campaign.name.clone(),
    };
    Ok(export_campaign(&audience.frame, out, &options, &sidecar)?)
}

fn percent(value: f64) -> String {
    format!("{:.1}%", value * 100.0)
}

fn as_text(
    name: &str,
    audience: &Audience,
    inputs: &RoiInputs,
    outcome: &RoiOutcome,
    written: Option<(&PathBuf, usize)>,
    warnings: &[String],
) -> String {
    let mut text = String::new();
    for warning in warnings {
        let _ = writeln!(text, "warning: {warning}");
    }
    let _ = writeln!(
        text,
        "campaign '{name}': {} matched, {} opted out, {} recently contacted, {} over the maximum",
        audience.matched, audience.opted_out, audience.contacted, audience.over_max
    );
    let _ = writeln!(
        text,
        "audience: {} customers ({} targets, {} control){}",
        audience.size(),
        audience.targets,
        audience.controls,
        audience
            .revenue_share
            .map(|s| format!(", {} of revenue", percent(s)))
            .unwrap_or_default()
    );
    let source = if audience.rate_from_scores {
        "mean propensity"
    } else {
        "typed"
    };
    let _ = writeln!(
        text,
        "expected: {:.1} responders at {} ({source}), order value {:.2}",
        audience.expected_responders,
        percent(inputs.response_rate),
        inputs.avg_order_value
    );
    let _ = writeln!(
        text,
        "ROI: cost {:.2}, incremental revenue {:.2}, incremental margin {:.2}, profit {:.2}, ROI {}, break-even response {}",
        outcome.cost,
        outcome.incremental_revenue,
        outcome.incremental_margin,
        outcome.profit,
        outcome.roi.map(percent).unwrap_or_else(|| "n/a".into()),
        outcome
            .break_even_response_rate
            .map(percent)
            .unwrap_or_else(|| "none (incentive ≥ margin)".into())
    );
    if let Some((out, rows)) = written {
        let _ = writeln!(
            text,
            "wrote {rows} rows to {} (definition in {})",
            out.display(),
            sidecar_path(out).display()
        );
    }
    text
}

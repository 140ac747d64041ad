//! `marketbench project new FILE... --out P.json` and `marketbench campaign P.json
//! [--define JSON] [--name NAME] [--out FILE] [--format ...]`: campaigns headless,
//! for scheduled runs (see `analysis::campaign`, `export::campaign`,
//! `workspace::project`).
//!
//! - `project new` loads the files (with the usual role overrides) to check them,
//!   then writes a project holding their paths, load options, sizes and hashes;
//!   `--db` sources are saved as URL (without password), table or SELECT and
//!   options, and fetched again by each `campaign` run (password from the
//!   environment or the desktop keyring, as for `--db`).
//! - `campaign --define` adds or replaces a campaign (JSON text, or `@file`) in the
//!   project and saves it; `--name` picks a saved one. Either way the audience is
//!   built and its size and expected ROI printed; `--out` exports the targets with
//!   a sidecar and the control group beside them (`NAME.control.csv`). The ROI's
//!   baseline (buy anyway) comes from the `propensity` column when the customer
//!   frame has one, else from the campaign's typed rate; the uplift is typed
//!   (`--uplift` or the campaign's); the average order value is the audience's
//!   own history unless `--aov` is given.
//! - `--curve COLUMN` adds ROI against audience size (cuts at each score value);
//!   `--readout LATER_ORDERS [--since D] [--until D]` compares targets and control
//!   in later orders: with `--sent LIST` exactly the customers that list's
//!   record names (`export::sent`), else the audience rebuilt from the project
//!   (same files and seed, same split); JSON `readout.compared` says which.
//! - `--scores segments,propensity,clv,recs` computes those scores headless with
//!   the project's saved tab settings (the defaults where none are saved: a
//!   project saved from the window carries them) and joins them onto the
//!   customer frame, so
//!   conditions can use them and exports carry the segment, the scores and the
//!   recommended items (`rec_1..rec_3`, `rec_reasons`).
//! - Missing data files are an error; changed ones are listed as warnings.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::{LoadArgs, OutputArgs, args::ExportArgs, load_files};
use crate::analysis::campaign::control::Difference;
use crate::analysis::campaign::{
    Audience, CampaignDef, CurvePoint, Readout, RoiInputs, RoiOutcome, readout, roi, roi_curve,
};
use crate::export::campaign::{
    CampaignExport, CampaignFormat, DataFileRecord, Sidecar, Written, export_campaign, sidecar_path,
};
use crate::export::sent::Sent;
use crate::jobs::Progress;
use crate::numbers::percent;
use crate::workspace::campaign_scores::{ScoreKind, ScoreSettings, compute_headless};
use crate::workspace::project::{OpenedProject, Project};
use crate::workspace::project_db::ProjectDatabase;

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
    /// Data files or folders (none when everything comes from --db).
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// The project file to write (JSON).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Day customer figures are measured at (default: the day after the last order).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Replace --out even when it is not a Marketbench project.
    #[arg(long)]
    pub force: bool,
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
    #[arg(long, value_name = "CODE", default_value = "86", value_parser = country_code)]
    pub country_code: String,
    /// Typed average order value (default: the audience's own history).
    #[arg(long, value_name = "AMOUNT")]
    pub aov: Option<f64>,
    /// Share of targets expected to buy because of the campaign, e.g. 0.02
    /// (default: the campaign's `roi.uplift_rate`). Only these earn in the ROI;
    /// the buyers anyway (mean propensity) cost the incentive.
    #[arg(long, value_name = "SHARE")]
    pub uplift: Option<f64>,
    /// Also print ROI against audience size, cutting the targets at each value of
    /// this score column (highest first), e.g. monetary or propensity.
    #[arg(long, value_name = "COLUMN")]
    pub curve: Option<String>,
    /// Read out the campaign from later orders: response and revenue per customer,
    /// targets against control, with 95% intervals.
    #[arg(long, value_name = "ORDERS_FILE")]
    pub readout: Option<PathBuf>,
    /// Scores to compute and join on (comma-separated): segments, propensity,
    /// clv, recs. Conditions can then use them and exports carry them.
    #[arg(long, value_name = "LIST")]
    pub scores: Option<String>,
    /// Readout: the list exported earlier; its record (LIST.json) names every
    /// target and the control group, so exactly those are compared. Without it
    /// the audience is rebuilt from the project.
    #[arg(long, value_name = "LIST_FILE", requires = "readout")]
    pub sent: Option<PathBuf>,
    /// Readout: count orders from this day (the send day).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "readout")]
    pub since: Option<NaiveDate>,
    /// Readout: count orders up to this day (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "readout")]
    pub until: Option<NaiveDate>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub export: ExportArgs,
}

/// `project new`.
pub fn run_project(args: &ProjectArgs) -> anyhow::Result<String> {
    let ProjectAction::New(args) = &args.action;
    super::replace::check_project(&args.out, args.force)?;
    let loaded = load_files(&args.files, &args.load)?;
    let folder = match args.out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut project = Project {
        analysis_date: args.date,
        ..Project::default()
    };
    let databases = args.load.database.saved_sources()?;
    for inspection in &loaded.inspections {
        let mut options = args.load.options_for(inspection);
        match databases
            .iter()
            .find(|(path, _, _)| *path == inspection.path)
        {
            Some((_, url, source)) => {
                // The kind is the flag's (--orders-table), not a guess.
                options.kind = inspection.kind;
                let saved = ProjectDatabase::new(url, source.clone(), options);
                project.databases.push(saved);
            }
            None => project.add_file(&inspection.path, options, &folder)?,
        }
    }
    project.save(&args.out)?;
    let mut text = format!(
        "wrote project {} with {} files{}:\n",
        args.out.display(),
        project.files.len(),
        match project.databases.len() {
            0 => String::new(),
            n => format!(" and {n} database sources"),
        }
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
    for database in &project.databases {
        let _ = writeln!(
            text,
            "  {} from {} ({:?}; fetched again by each run, the password from {} or the keyring)",
            database.source.label(database.options.kind),
            database.url,
            database.options.kind,
            crate::data::db::PASSWORD_VARIABLE
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
    args.format
        .map_or_else(|| CampaignFormat::from_path(out), CampaignFormat::from)
}

/// `campaign`.
pub fn run(args: &CampaignArgs) -> anyhow::Result<String> {
    if let Some(out) = &args.out {
        format_for(args, out).check_path(out)?;
        super::replace::check_campaign(out, args.output.force)?;
    }
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
    let kinds = match &args.scores {
        Some(list) => ScoreKind::parse_list(list)?,
        None => Vec::new(),
    };
    let progress = Progress::detached();
    let store = opened.load_store(&progress)?;
    let scores = match kinds.is_empty() {
        true => None,
        false => {
            let settings = ScoreSettings::of_project(&opened.project)?;
            let frames = compute_headless(&store, &kinds, &settings, &progress)
                .context("computing the scores")?;
            Some(frames)
        }
    };
    let audience = opened
        .audience(&name, &store, scores.as_ref(), &progress)
        .with_context(|| format!("building the audience of '{name}'"))?;
    let inputs = RoiInputs {
        baseline_rate: audience
            .scored_baseline_rate
            .unwrap_or(campaign.roi.baseline_rate),
        uplift_rate: args.uplift.unwrap_or(campaign.roi.uplift_rate),
        avg_order_value: args
            .aov
            .or(audience.history_aov)
            .unwrap_or(campaign.roi.avg_order_value),
        ..campaign.roi.clone()
    };
    let outcome = roi(&inputs, audience.targets);
    let written = match &args.out {
        Some(out) => {
            let out = std::path::absolute(out)?;
            let written = export(args, &opened, &campaign, &audience, &out)?;
            Some((out, written))
        }
        None => None,
    };
    let curve = match &args.curve {
        Some(column) => {
            let scored =
                audience.scored_targets(column, &campaign.response_column, inputs.baseline_rate)?;
            Some(roi_curve(&scored, &inputs))
        }
        None => None,
    };
    let result = match &args.readout {
        Some(file) => {
            let later = load_files(std::slice::from_ref(file), &LoadArgs::default())?;
            let lines = later.store.order_lines()?.with_context(|| {
                format!(
                    "{}: not an orders file; the readout needs later orders",
                    file.display()
                )
            })?;
            let (groups, compared) = match &args.sent {
                Some(list) => {
                    let sent = Sent::read(list)?;
                    (sent.groups()?, sent.describe())
                }
                None => (
                    audience.frame.clone(),
                    "the audience rebuilt from the project".to_string(),
                ),
            };
            Some((readout(&groups, &lines, args.since, args.until)?, compared))
        }
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
            "baseline_from_scores": audience.scored_baseline_rate.is_some(),
            "inputs": inputs,
            "roi": outcome,
            "warnings": warnings,
        });
        if let Some((out, written)) = &written {
            value["out"] = json!(out.display().to_string());
            value["rows"] = json!(written.rows);
            if let Some((control, rows)) = &written.control {
                value["control_out"] = json!(control.display().to_string());
                value["control_rows"] = json!(rows);
            }
            value["skipped"] = json!(written.skipped);
        }
        if let Some(curve) = &curve {
            value["curve"] = json!(curve);
        }
        if let Some((result, compared)) = &result {
            value["readout"] = json!(result);
            value["readout"]["compared"] = json!(compared);
        }
        return Ok(serde_json::to_string_pretty(&value)?);
    }
    let mut text = as_text(
        &name,
        &audience,
        &inputs,
        &outcome,
        written.as_ref(),
        &warnings,
    );
    if let Some(curve) = &curve {
        curve_text(&mut text, curve);
    }
    if let Some((result, compared)) = &result {
        let _ = writeln!(text, "readout of {compared}:");
        readout_text(&mut text, result);
    }
    Ok(text)
}

/// About ten evenly spaced cuts of the curve, and the most profitable one.
fn curve_text(text: &mut String, curve: &[CurvePoint]) {
    let _ = writeln!(
        text,
        "ROI by audience size:\n  {:>10} {:>9} {:>9} {:>12} {:>8}",
        "threshold", "contacts", "baseline", "profit", "ROI"
    );
    let step = curve.len().div_ceil(10).max(1);
    let best = curve
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.outcome.profit.total_cmp(&b.1.outcome.profit))
        .map(|(i, _)| i);
    for (i, point) in curve.iter().enumerate() {
        if i % step != 0 && i + 1 != curve.len() && Some(i) != best {
            continue;
        }
        let _ = writeln!(
            text,
            "  {:>10.2} {:>9} {:>9} {:>12.2} {:>8}{}",
            point.threshold,
            point.outcome.contacts,
            percent(point.baseline_rate),
            point.outcome.profit,
            point
                .outcome
                .roi
                .map(percent)
                .unwrap_or_else(|| "n/a".into()),
            if Some(i) == best {
                "  <- most profit"
            } else {
                ""
            }
        );
    }
}

fn readout_text(text: &mut String, result: &Readout) {
    let interval = |d: &Difference, scale: f64, unit: &str| match (d.low, d.high) {
        (Some(low), Some(high)) => format!(
            "{:+.2}{unit} (95% CI {:+.2} to {:+.2})",
            d.estimate * scale,
            low * scale,
            high * scale
        ),
        _ => format!(
            "{:+.2}{unit} (too few customers for an interval)",
            d.estimate * scale
        ),
    };
    for (name, group) in [("targets", &result.target), ("control", &result.control)] {
        let revenue = match result.money {
            true => format!(", revenue per customer {:.2}", group.revenue_per_customer),
            false => String::new(),
        };
        let _ = writeln!(
            text,
            "readout {name}: {} customers, {} responded ({}){revenue}",
            group.customers,
            group.responders,
            percent(group.response_rate),
        );
    }
    let revenue = match result.money {
        true => format!(
            ", revenue per customer {}",
            interval(&result.revenue_difference, 1.0, "")
        ),
        false => " (revenue needs a price or amount column)".to_string(),
    };
    let _ = writeln!(
        text,
        "uplift: response {}{revenue}",
        interval(&result.response_difference, 100.0, " pts"),
    );
}

fn export(
    args: &CampaignArgs,
    opened: &OpenedProject,
    campaign: &CampaignDef,
    audience: &Audience,
    out: &Path,
) -> anyhow::Result<Written> {
    let data_files = opened
        .checks
        .iter()
        .map(|c| DataFileRecord::of(&c.path))
        .collect::<Result<Vec<_>, _>>()?;
    let sidecar = Sidecar::new(serde_json::to_value(campaign)?, data_files, campaign.seed);
    let options = CampaignExport {
        format: format_for(args, out),
        bom: args.bom,
        default_country_code: args.country_code.clone(),
        campaign_name: campaign.name.clone(),
        headers: args.export.headers,
    };
    Ok(export_campaign(&audience.frame, out, &options, &sidecar)?)
}

fn as_text(
    name: &str,
    audience: &Audience,
    inputs: &RoiInputs,
    outcome: &RoiOutcome,
    written: Option<&(PathBuf, Written)>,
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
    let source = match audience.scored_baseline_rate {
        Some(_) => "mean propensity",
        None => "typed",
    };
    let _ = writeln!(
        text,
        "expected: {:.1} buy anyway (baseline {}, {source}), {:.1} incremental responders \
         (uplift {}), order value {:.2}",
        outcome.baseline_buyers,
        percent(inputs.baseline_rate),
        outcome.incremental_responders,
        percent(inputs.uplift_rate),
        inputs.avg_order_value
    );
    let _ = writeln!(
        text,
        "ROI: contact cost {:.2}, incentive cost {:.2}, incremental revenue {:.2}, incremental margin {:.2}, profit {:.2}, ROI {}, break-even uplift {}",
        outcome.contact_cost,
        outcome.incentive_cost,
        outcome.incremental_revenue,
        outcome.incremental_margin,
        outcome.profit,
        outcome.roi.map(percent).unwrap_or_else(|| "—".into()),
        outcome
            .break_even_uplift
            .map(percent)
            .unwrap_or_else(|| "none (incentive ≥ margin)".into())
    );
    if let Some((out, written)) = written {
        let _ = writeln!(
            text,
            "{} (definition in {})",
            written.describe(out),
            sidecar_path(out).display()
        );
    }
    text
}

/// `--country-code`: a calling code libphonenumber knows.
fn country_code(text: &str) -> Result<String, String> {
    crate::export::hashing::check_country_code(text).map(|()| text.trim().to_string())
}

//! The headless command line: the same loading and analysis functions the window
//! uses, for automation.
//!
//! Every command that reads data takes [`LoadArgs`] (role overrides such as
//! `--customer COL`, `--kind`, `--date-format`, `--sheet`) and [`OutputArgs`]
//! (`--json`), so later analysis commands behave alike.

mod args;
mod cache;
mod campaign;
mod clv;
mod db;
mod evaluate;
mod forecast;
mod guard;
mod inspect;
mod password;
mod propensity;
mod recommend;
mod replace;
mod rfm;
mod rules;
mod sample;
mod segment;
mod service;
mod streamed;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use args::{LoadArgs, LoadedFiles, OutputArgs, load_files};
pub use db::DbArgs;

/// `marketbench` with no command opens the window (with FILES loaded, if given).
#[derive(Debug, Parser)]
#[command(
    name = "marketbench",
    version,
    about = "A workbench for e-commerce marketing operators"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files to open in the window (orders, events, customers, products).
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a Parquet copy beside a large CSV so every later load reads it fast.
    Cache(Box<cache::CacheArgs>),
    /// Run a saved campaign: audience size, expected ROI, and the list to a file with --out.
    Campaign(Box<campaign::CampaignArgs>),
    /// Forecast revenue, orders, units or active customers with backtested model choice.
    Forecast(Box<forecast::ForecastArgs>),
    /// Print each file's format, columns, detected roles and load report, and the dataset summary.
    Inspect(Box<inspect::InspectArgs>),
    /// Remember a database password in the desktop keyring, or forget it.
    Password(Box<password::PasswordArgs>),
    /// Create a project file (data files with their load options) for campaigns.
    Project(Box<campaign::ProjectArgs>),
    /// RFM scores per customer and the named RFM groups (Champions, Loyal, ..., Lost).
    Rfm(Box<rfm::RfmArgs>),
    /// Write the seeded sample shop (orders, products, customers, events, and the planted truth).
    Sample(Box<sample::SampleArgs>),
    /// Top-N items for every customer with a reason (popularity, kNN, ALS, history, blend).
    Recommend(Box<recommend::RecommendArgs>),
    /// The report card: recommenders compared on held-out purchases.
    Evaluate(Box<evaluate::EvaluateArgs>),
    /// Frequently-bought-together rules (FP-growth), or next-purchase transitions.
    Rules(Box<rules::RulesArgs>),
    /// K-means customer segments with profiles and proposed names; members to CSV with --out.
    Segment(Box<segment::SegmentArgs>),
    /// Who buys in the next window: models compared out of time, churn risk per customer.
    Propensity(Box<propensity::PropensityArgs>),
    /// Predicted purchases, P(alive) and lifetime value (MBG/NBD + Gamma-Gamma), with a holdout check.
    Clv(Box<clv::ClvArgs>),
    /// Service messages by intent and mood, product voice from reviews, suggested replies.
    Service(Box<service::ServiceArgs>),
}

/// Runs a command. Returns the text to print on standard output. An error that
/// names none of the command's inputs gets their names in front, so every
/// refusal says which file it is about.
pub fn run(command: Command) -> anyhow::Result<String> {
    guard::check(&command)?;
    let inputs = guard::inputs(&command);
    let result = match command {
        Command::Cache(args) => cache::run(&args),
        Command::Campaign(args) => campaign::run(&args),
        Command::Forecast(args) => forecast::run(&args),
        Command::Inspect(args) => inspect::run(&args),
        Command::Password(args) => password::run(&args),
        Command::Project(args) => campaign::run_project(&args),
        Command::Rfm(args) => rfm::run(&args),
        Command::Sample(args) => sample::run(&args),
        Command::Segment(args) => segment::run(&args),
        Command::Recommend(args) => recommend::run(&args),
        Command::Evaluate(args) => evaluate::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Propensity(args) => propensity::run(&args),
        Command::Clv(args) => clv::run(&args),
        Command::Service(args) => service::run(&args),
    };
    result.map_err(|error| name_inputs(error, &inputs))
}

/// `error` with the names of `inputs` in front when its text names none of them.
fn name_inputs(error: anyhow::Error, inputs: &[PathBuf]) -> anyhow::Error {
    let names: Vec<String> = inputs
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    crate::workspace::computation::name_files(error, &names)
}

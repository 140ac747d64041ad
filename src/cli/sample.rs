//! `marketbench sample [--seed N] [--out DIR]`: writes the seeded sample shop.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use crate::data::sample::{ORDERS_HEADER, SampleConfig, write_sample};

#[derive(Debug, Args)]
pub struct SampleArgs {
    /// Seed: the same seed writes the same files.
    #[arg(long, default_value_t = SampleConfig::default().seed)]
    pub seed: u64,
    /// Folder to write into (created if missing; existing sample files are replaced).
    #[arg(long, default_value = "sample-shop")]
    pub out: PathBuf,
    /// Number of customers.
    #[arg(long, default_value_t = SampleConfig::default().customers)]
    pub customers: usize,
    /// Write into --out even when it holds files that are not an earlier sample shop.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &SampleArgs) -> anyhow::Result<String> {
    super::replace::check_sample(&args.out, ORDERS_HEADER, args.force)?;
    let config = SampleConfig {
        seed: args.seed,
        customers: args.customers,
        ..SampleConfig::default()
    };
    let files = write_sample(&config, &args.out)
        .with_context(|| format!("writing the sample shop to {}", args.out.display()))?;
    Ok(format!(
        "wrote the sample shop (seed {}) to {}: {} order lines, {} events, {} service messages, {} reviews, {:.1} MB\n  {}",
        args.seed,
        files.dir.display(),
        files.order_rows,
        files.event_rows,
        files.message_rows,
        files.review_rows,
        files.bytes as f64 / 1e6,
        files
            .data_files()
            .map(|f| f.display().to_string())
            .join("\n  "),
    ))
}

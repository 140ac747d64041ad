//! `marketbench evaluate FILE... --split leave-last-out|time-80-20|last-basket
//! [--models LIST|all] [--top 10] [--exclude-seen true|false] [--json]`: the
//! report card comparing recommenders on held-out purchases (see
//! `analysis::recommend::evaluate`).
//!
//! Settings are chosen by validation on the training part first (`--validate
//! true`, the default; see `analysis::recommend::validate`).
//!
//! `--json` prints `{split, k, exclude_seen, tested_customers, chosen, models: [{name,
//! precision_at_k, recall_at_k, ndcg_at_k, hit_rate_at_k, coverage, fit_secs,
//! recommend_secs}]}`.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use serde_json::json;

use super::recommend::{ModelArgs, chosen_json, chosen_text, load_interactions};
use super::{LoadArgs, OutputArgs};
use crate::analysis::recommend::ModelKind;
use crate::analysis::recommend::evaluate::{EvalParams, Split, evaluate};
use crate::jobs::Progress;
use crate::workspace::recommend::RecommendParams;

#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// Orders files or folders.
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// leave-last-out, time-80-20 or last-basket.
    #[arg(long, default_value = "leave-last-out")]
    pub split: Split,
    /// Comma-separated models (popular, item-knn, user-knn, als, history, blend) or all.
    #[arg(long, default_value = "all", value_parser = parse_models)]
    pub models: ModelList,
    /// K: the length of each list scored.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Leave already-bought items out of the lists (and out of the test sets).
    #[arg(long, default_value_t = true, value_name = "true|false", action = clap::ArgAction::Set)]
    pub exclude_seen: bool,
    #[command(flatten)]
    pub model_args: ModelArgs,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The models to compare.
#[derive(Debug, Clone)]
pub struct ModelList(pub Vec<ModelKind>);

fn parse_models(s: &str) -> Result<ModelList, String> {
    if s.trim().eq_ignore_ascii_case("all") {
        return Ok(ModelList(ModelKind::ALL.to_vec()));
    }
    let mut models = Vec::new();
    for name in s.split(',').filter(|n| !n.trim().is_empty()) {
        let kind: ModelKind = name.parse()?;
        if !models.contains(&kind) {
            models.push(kind);
        }
    }
    if models.is_empty() {
        return Err("name at least one model, or all".into());
    }
    Ok(ModelList(models))
}

pub fn run(args: &EvaluateArgs) -> anyhow::Result<String> {
    let interactions = load_interactions(&args.files, &args.load)?;
    let params = EvalParams {
        split: args.split,
        k: args.top,
        exclude_seen: args.exclude_seen,
        models: args.models.0.clone(),
        model: args
            .model_args
            .params(RecommendParams::default())
            .model_params(),
        validate: args.model_args.validate,
    };
    let card = evaluate(&interactions, &params, &Progress::detached()).context("evaluating")?;
    if args.output.json {
        let models: Vec<_> = card
            .models
            .iter()
            .map(|m| {
                json!({
                    "name": m.model.name(),
                    "precision_at_k": m.metrics.precision,
                    "recall_at_k": m.metrics.recall,
                    "ndcg_at_k": m.metrics.ndcg,
                    "hit_rate_at_k": m.metrics.hit_rate,
                    "coverage": m.metrics.coverage,
                    "fit_secs": m.fit_secs,
                    "recommend_secs": m.recommend_secs,
                })
            })
            .collect();
        return Ok(serde_json::to_string_pretty(&json!({
            "split": card.split.name(),
            "k": card.k,
            "exclude_seen": card.exclude_seen,
            "tested_customers": card.tested,
            "chosen": chosen_json(&card.validation),
            "models": models,
        }))?);
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} split, K = {}, {} customers tested, already-bought items {}",
        card.split,
        card.k,
        card.tested,
        if card.exclude_seen {
            "excluded"
        } else {
            "allowed"
        }
    );
    s.push_str(&chosen_text(&card.validation));
    let _ = writeln!(
        s,
        "{:<9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}",
        "model", "precision", "recall", "ndcg", "hit rate", "coverage", "fit s", "rec s"
    );
    for m in &card.models {
        let x = &m.metrics;
        let _ = writeln!(
            s,
            "{:<9} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>8.2} {:>8.2}",
            m.model.name(),
            x.precision,
            x.recall,
            x.ndcg,
            x.hit_rate,
            x.coverage,
            m.fit_secs,
            m.recommend_secs
        );
    }
    Ok(s)
}

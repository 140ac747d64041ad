//! `marketbench evaluate FILE... --split leave-last-out|time-80-20|last-basket
//! [--models LIST|all (default: all but sasrec)] [--top 10] [--exclude-seen true|false] [--json]`: the
//! report card comparing recommenders on held-out purchases (see
//! `analysis::recommend::evaluate`).
//!
//! Settings are chosen by validation on the training part first (`--validate
//! true`, the default; see `analysis::recommend::validate`).
//!
//! `--json` prints `{split, k, exclude_seen, tested_customers, chosen, models: [{name,
//! precision_at_k, recall_at_k, ndcg_at_k, hit_rate_at_k, coverage, fit_secs,
//! recommend_secs}]}`.
//!
//! When no customer has anything to test, the command refuses (exit code 1, as
//! every command whose data leaves nothing to print) with the window's sentence
//! and the option that can fix it.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use serde_json::json;

use super::recommend::{ModelArgs, chosen_json, chosen_text, load_interactions};
use super::{LoadArgs, OutputArgs};
use crate::analysis::recommend::ModelKind;
use crate::analysis::recommend::evaluate::{
    EvalParams, NothingToTest, Outcome, Split, Untested, evaluate,
};
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
    /// Comma-separated models (popular, item-knn, user-knn, als, history, repeat,
    /// sasrec, blend) or all; without it, all but sasrec (which trains for up to
    /// its --sasrec-budget).
    #[arg(long, value_parser = parse_models)]
    pub models: Option<ModelList>,
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

/// The models compared without `--models` (as the tab's card).
fn default_card() -> Vec<ModelKind> {
    ModelKind::ALL
        .into_iter()
        .filter(|k| k.on_default_card())
        .collect()
}

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
        models: args
            .models
            .as_ref()
            .map_or_else(default_card, |list| list.0.clone()),
        model: args
            .model_args
            .params(RecommendParams::default())
            .model_params(),
        validate: args.model_args.validate,
    };
    let card =
        match evaluate(&interactions, &params, &Progress::detached()).context("evaluating")? {
            Outcome::Scored(card) => card,
            Outcome::NothingToTest(why) => bail!(nothing_to_test(&why)),
        };
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

/// Why the card is empty (the window's sentence) and the option that can fix it.
fn nothing_to_test(why: &NothingToTest) -> String {
    let fix = match why.cause() {
        Untested::OnePurchaseEach => return why.sentence(),
        Untested::OneOrderEach => "Run again with --split leave-last-out.",
        Untested::AllSeen => "Run again with --exclude-seen false.",
    };
    format!("{} {fix}", why.sentence())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Cli, Command};

    /// `marketbench evaluate` on orders of six customers who each bought the
    /// same item in two orders, with `options`.
    fn evaluate_bought_twice(options: &[&str]) -> anyhow::Result<String> {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("again.csv");
        let mut text = String::from("order_id,customer_id,order_time,sku,qty,amount\n");
        for c in 0..6 {
            for (order, day) in [(2 * c, 1), (2 * c + 1, 9)] {
                text.push_str(&format!(
                    "O{order},C{c},2025-01-0{day},SKU{},1,10.5\n",
                    c % 3
                ));
            }
        }
        std::fs::write(&path, text).expect("write");
        let path = path.to_string_lossy().into_owned();
        let mut argv = vec![
            "marketbench",
            "evaluate",
            path.as_str(),
            "--models",
            "popular",
        ];
        argv.extend_from_slice(options);
        let Some(Command::Evaluate(args)) = Cli::try_parse_from(argv).expect("parses").command
        else {
            panic!("not evaluate");
        };
        run(&args)
    }

    #[test]
    fn nothing_to_test_is_refused_with_the_sentence_and_the_option_that_fixes_it() {
        let error = evaluate_bought_twice(&[])
            .expect_err("nothing to test")
            .to_string();
        assert_eq!(
            error,
            "Nothing to test yet: under leave-last-out, each customer's last purchase is held \
             out, but each of the 6 customers with held-out purchases had bought them before, \
             and “Exclude already-bought” leaves such items out of the test. Run again with \
             --exclude-seen false."
        );
        let card = evaluate_bought_twice(&["--exclude-seen", "false"]).expect("scored");
        assert!(card.contains("6 customers tested"), "{card}");
    }
}

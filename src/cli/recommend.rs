//! `marketbench recommend FILE... [--model M] [--top 10] [--out recs.csv]`: the
//! top-N items for every customer, each with a reason.
//!
//! Text output: the model, how many customers got lists, and (with `--for ID`,
//! repeatable) each named customer's history and list. `--json` prints `{model,
//! top, exclude_seen, customers, recommendations: [{customer_id, rank, item_id,
//! item_name, score, reason}]}` for the `--for` customers (all customers when none
//! is named), `chosen`: the settings validation chose (`--validate true`, the
//! default; null when the model has none to choose), and `data`: "purchase counts" or "explicit ratings" (a ratings
//! file, or orders with a rating column). `--out` writes every customer's list (`customer_id, rank, item_id,
//! item_name, score, reason`) atomically: `.csv` (UTF-8 with a BOM), `.xlsx`
//! through `export`, or `.parquet`.
//!
//! SASRec: the text says how it was trained (or reloaded) and `--json` has
//! `sasrec: {reloaded, epochs, best_epoch, validation_ndcg, validated_customers,
//! out_of_time, chosen, trials, summary}` (`chosen`: the network's settings;
//! `trials`: those validation tried, with `--validate true`). `--sasrec-model FILE` reuses the model saved there
//! when it was trained with the same settings on the same purchases, and
//! otherwise trains and saves it there (a file that is not such a model is
//! refused, never overwritten).
//!
//! An orders file too big to load is streamed for `--model popular` and
//! `item-knn` (`cli::streamed`): the first line (JSON: `streamed`) says so; the
//! other models are refused with the memory figures. Orders from `--db` alone
//! are summed per customer × item by the database for the same two models
//! (`cli::db::Pushdown`); the first line (JSON: `pushed_down`) says so.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::Args;
use serde_json::{Value, json};

use super::db::Pushdown;
use super::replace::write_frame;
use super::streamed::streamed_interactions;
use super::{LoadArgs, OutputArgs, args::ExportArgs, load_files};
use crate::analysis::recommend::pairs::fits_streamed;
use crate::analysis::recommend::sasrec::saved::SavedSasrec;
use crate::analysis::recommend::validate::Validation;
use crate::analysis::recommend::{
    Interactions, ModelKind, Recommendation, SasrecParams, lists_frame,
};
use crate::export::headers::Headers;
use crate::jobs::Progress;
use crate::tr;
use crate::workspace::recommend::{RecommendParams, data_files, sasrec_summary};

/// Model settings shared by `recommend` and `evaluate`.
#[derive(Debug, Clone, Args)]
pub struct ModelArgs {
    /// Neighbours kept per item (item-knn, blend) and per customer (user-knn).
    #[arg(long, default_value_t = 50)]
    pub neighbours: usize,
    /// ALS factors per customer and item.
    #[arg(long, default_value_t = 64)]
    pub factors: usize,
    /// ALS iterations.
    #[arg(long, default_value_t = 15)]
    pub iterations: usize,
    /// ALS confidence weight α (confidence = 1 + α·orders).
    #[arg(long, default_value_t = 10.0)]
    pub alpha: f32,
    /// ALS regularisation λ.
    #[arg(long, default_value_t = 0.1)]
    pub regularization: f32,
    /// Weight of the customer's own history in the blend (0..1); the blend's
    /// weights are used with `--validate false` (validation chooses the mix of
    /// repeat buys, history and item-knn).
    #[arg(long, default_value_t = 0.5)]
    pub history_weight: f32,
    /// Weight of the timed repeat buys in the blend (0..1).
    #[arg(long, default_value_t = 0.0)]
    pub repeat_weight: f32,
    /// Weight of item-knn in the blend (0..1); default 1 - history weight.
    #[arg(long)]
    pub knn_weight: Option<f32>,
    /// Repeat model: baskets per group (with `--validate false`).
    #[arg(long, default_value_t = 7)]
    pub group_size: usize,
    /// Repeat model: weight of a basket relative to the next in its group (0..1).
    #[arg(long, default_value_t = 0.9)]
    pub basket_decay: f32,
    /// Repeat model: weight of a group of baskets relative to the next (0..1).
    #[arg(long, default_value_t = 0.7)]
    pub group_decay: f32,
    /// Repeat model: weight of what similar customers re-buy (0 = own items only).
    #[arg(long, default_value_t = 0.25)]
    pub repeat_alpha: f32,
    /// Choose the item-knn/blend neighbours and the ALS factors and λ by
    /// validation on each customer's last (training) purchase instead of the
    /// values given.
    #[arg(long, default_value_t = true, value_name = "true|false", action = clap::ArgAction::Set)]
    pub validate: bool,
    /// SASRec: seconds its training may take at most (it keeps the best epoch
    /// trained by then).
    #[arg(long, default_value_t = 60)]
    pub sasrec_budget: usize,
    /// SASRec: passes over the purchase sequences at most (training stops
    /// sooner when validation stops improving).
    #[arg(long, default_value_t = 30)]
    pub sasrec_epochs: usize,
}

/// What validation chose, for `--json`: null when not asked (or the models have
/// nothing to choose), `{"kept": why}` when nothing was chosen.
pub fn chosen_json(validation: &Option<Result<Validation, String>>) -> Value {
    match validation {
        None => Value::Null,
        Some(Err(why)) => json!({ "kept": why }),
        Some(Ok(chosen)) => json!({
            "item_neighbours": chosen.item_neighbours,
            "als_factors": chosen.als_factors,
            "als_regularization": chosen.als_regularization,
            "als_alpha": chosen.als_alpha,
            "repeat": {
                "group_size": chosen.repeat.group_size,
                "basket_decay": chosen.repeat.basket_decay,
                "group_decay": chosen.repeat.group_decay,
                "neighbours": chosen.repeat.neighbours,
                "alpha": chosen.repeat.alpha,
            },
            "blend_weights": {
                "repeat": chosen.blend.repeat,
                "history": chosen.blend.history,
                "item_knn": chosen.blend.item_knn,
            },
            "validated_customers": chosen.customers,
            "summary": chosen.summary(),
            "trials": chosen.trials.iter().map(|t| json!({
                "model": t.model.name(),
                "setting": t.setting,
                "ndcg_at_k": t.ndcg,
                "fit_secs": t.fit_secs,
            })).collect::<Vec<_>>(),
        }),
    }
}

/// What validation chose, as a line of text (empty when not asked).
pub fn chosen_text(validation: &Option<Result<Validation, String>>) -> String {
    match validation {
        None => String::new(),
        Some(Ok(chosen)) => format!("chosen by validation: {}\n", chosen.summary()),
        Some(Err(why)) => format!("not chosen by validation: {why}\n"),
    }
}

impl ModelArgs {
    /// The settings these arguments give with the other fields at `base`.
    pub fn params(&self, base: RecommendParams) -> RecommendParams {
        RecommendParams {
            neighbours: self.neighbours,
            factors: self.factors,
            iterations: self.iterations,
            alpha: self.alpha,
            regularization: self.regularization,
            history_weight: self.history_weight,
            repeat_weight: self.repeat_weight,
            item_knn_weight: self.knn_weight.unwrap_or(1.0 - self.history_weight),
            repeat_group_size: self.group_size,
            repeat_basket_decay: self.basket_decay,
            repeat_group_decay: self.group_decay,
            repeat_alpha: self.repeat_alpha,
            validate: self.validate,
            sasrec_budget_secs: self.sasrec_budget,
            sasrec_epochs: self.sasrec_epochs,
            ..base
        }
    }
}

impl From<&RecommendArgs> for RecommendParams {
    fn from(args: &RecommendArgs) -> Self {
        args.model_args.params(RecommendParams {
            model: args.model,
            top: args.top,
            exclude_seen: args.exclude_seen.unwrap_or(!matches!(
                args.model,
                ModelKind::History | ModelKind::Repeat | ModelKind::Blend
            )),
            ..RecommendParams::default()
        })
    }
}

#[derive(Debug, Args)]
pub struct RecommendArgs {
    /// Orders or ratings files or folders (products files add names and categories).
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// popular, item-knn, user-knn, als, history, repeat, sasrec or blend.
    #[arg(long, default_value = "item-knn")]
    pub model: ModelKind,
    /// Items per customer.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Leave out items the customer already bought (default: true, but false for
    /// history, repeat and blend, which are about re-buying).
    #[arg(long, value_name = "true|false")]
    pub exclude_seen: Option<bool>,
    /// Show this customer's history and list (repeatable).
    #[arg(long = "for", value_name = "CUSTOMER_ID")]
    pub for_customers: Vec<String>,
    /// Write every customer's list to this .csv, .xlsx or .parquet file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// With --model sasrec: reuse the model saved in this .safetensors file when
    /// it was trained with these settings on these purchases (no training);
    /// otherwise train and save the model there.
    #[arg(long, value_name = "FILE")]
    pub sasrec_model: Option<PathBuf>,
    #[command(flatten)]
    pub model_args: ModelArgs,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub export: ExportArgs,
}

/// The interactions of the input files: explicit ratings when a ratings file is
/// among them, else the purchases (see `workspace::recommend::load_interactions`).
pub fn load_interactions(files: &[PathBuf], load: &LoadArgs) -> anyhow::Result<Interactions> {
    let loaded = load_files(files, load)?;
    crate::workspace::recommend::load_interactions(&loaded.store)
}

pub fn run(args: &RecommendArgs) -> anyhow::Result<String> {
    let params = RecommendParams::from(args);
    params.check()?;
    let exclude_seen = params.exclude_seen;
    if args.sasrec_model.is_some() && args.model != ModelKind::Sasrec {
        bail!(
            "--sasrec-model keeps a SASRec model: use it with --model sasrec (the model is {})",
            args.model
        );
    }
    let saved = match &args.sasrec_model {
        Some(file) if file.exists() => Some(Arc::new(
            SavedSasrec::read(file)
                .with_context(|| "delete the file or name another one to train a new model")?,
        )),
        _ => None,
    };
    // A file too big to load is streamed for the models that read only the
    // customer × item matrix (`cli::streamed`).
    // Orders from the database alone are summed per customer × item by it for
    // the same models (`cli::db::Pushdown`).
    let pushdown = match fits_streamed(args.model) {
        true => Pushdown::of(&args.files, &args.load)?,
        false => None,
    };
    let pushed = match pushdown {
        Some(mut pushdown) => pushdown.interactions(args.model)?,
        None => None,
    };
    let (interactions, note, loaded) = match pushed {
        Some((interactions, note)) => (interactions, Some(("pushed_down", note)), None),
        None => match streamed_interactions(&args.files, &args.load, args.model)? {
            Some((interactions, note)) => (interactions, Some(("streamed", note)), None),
            None => {
                let loaded = load_files(&args.files, &args.load)?;
                let interactions = crate::workspace::recommend::load_interactions(&loaded.store)?;
                (interactions, None, Some(loaded))
            }
        },
    };
    let mut shown = Vec::new();
    for id in &args.for_customers {
        match interactions.customer_index(id) {
            Some(u) => shown.push(u),
            None => bail!("--for {id}: no customer with this id has a purchase"),
        }
    }
    let progress = Progress::detached();
    let (model, validation) = params
        .fit(&interactions, None, saved, &progress)
        .with_context(|| format!("fitting {}", args.model))?;
    let sasrec_note = match (model.sasrec(), &args.sasrec_model) {
        (Some(sasrec), Some(file)) if !sasrec.reloaded => {
            let files = loaded.as_ref().map(|l| data_files(&l.store));
            sasrec.saved(files.unwrap_or_default())?.save(file)?;
            Some(format!(
                "{} {}",
                sasrec_summary(sasrec),
                tr!(
                    "recommend-sasrec-saved-to",
                    path = file.display().to_string()
                )
            ))
        }
        (Some(sasrec), _) => Some(sasrec_summary(sasrec)),
        (None, _) => None,
    };
    let lists = model.recommend_all(args.top, exclude_seen, &progress)?;
    if let Some(out) = &args.out {
        write_lists(
            out,
            &interactions,
            &lists,
            args.output.force,
            args.export.headers,
        )
        .with_context(|| format!("writing {}", out.display()))?;
    }
    let chosen: Vec<usize> = if shown.is_empty() {
        (0..lists.len()).collect()
    } else {
        shown.clone()
    };
    if args.output.json {
        let rows: Vec<Value> = chosen
            .iter()
            .flat_map(|&u| {
                let interactions = &interactions;
                lists[u].iter().enumerate().map(move |(rank, r)| {
                    let item = &interactions.items[r.item as usize];
                    json!({
                        "customer_id": interactions.customers[u],
                        "rank": rank + 1,
                        "item_id": item.id,
                        "item_name": item.name,
                        "score": r.score,
                        "reason": r.reason.text(&interactions.items),
                    })
                })
            })
            .collect();
        let mut out = json!({
            "model": args.model.name(),
            "data": interactions.feedback.label(),
            "chosen": chosen_json(&validation),
            "sasrec": model.sasrec().map(|s| json!({
                "reloaded": s.reloaded,
                "epochs": s.log.ndcg.len(),
                "best_epoch": s.log.best_epoch,
                "validation_ndcg": s.log.ndcg,
                "validated_customers": s.log.validated,
                "out_of_time": s.log.out_of_time,
                "chosen": settings_json(&s.log.chosen),
                "trials": s.log.trials.iter().map(|t| json!({
                    "settings": settings_json(&t.params),
                    "epochs": t.epochs,
                    "best_ndcg": t.best_ndcg,
                    "secs": t.secs,
                })).collect::<Vec<_>>(),
                "summary": sasrec_note,
            })),
            "top": args.top,
            "exclude_seen": exclude_seen,
            "customers": lists.len(),
            "recommendations": rows,
        });
        if let Some((key, note)) = note {
            out[key] = json!(note);
        }
        return Ok(serde_json::to_string_pretty(&out)?);
    }
    let mut s = note.map(|(_, n)| format!("{n}\n")).unwrap_or_default();
    let _ = writeln!(
        s,
        "{}: top {} for {} customers over {} items, from {} (already-bought items {})",
        args.model,
        args.top,
        lists.len(),
        interactions.items.len(),
        interactions.feedback.label(),
        if exclude_seen { "excluded" } else { "allowed" },
    );
    s.push_str(&chosen_text(&validation));
    if let Some(note) = &sasrec_note {
        let _ = writeln!(s, "{note}");
    }
    for &u in &shown {
        let (items, counts) = model.train().row(u);
        let mut history: Vec<(u32, f32)> =
            items.iter().copied().zip(counts.iter().copied()).collect();
        history.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let done = if interactions.is_explicit() {
            "rated"
        } else {
            "bought"
        };
        let _ = writeln!(s, "\n{}: {done}", interactions.customers[u]);
        for (i, n) in history {
            let name = &interactions.items[i as usize].name;
            let _ = if interactions.is_explicit() {
                writeln!(s, "  rating {n}: {name}")
            } else {
                writeln!(s, "  {n} × {name}")
            };
        }
        let _ = writeln!(s, "recommended:");
        for (rank, r) in lists[u].iter().enumerate() {
            let _ = writeln!(
                s,
                "  {:2}. {} ({:.3}): {}",
                rank + 1,
                interactions.items[r.item as usize].name,
                r.score,
                r.reason.text(&interactions.items)
            );
        }
    }
    if let Some(out) = &args.out {
        let _ = writeln!(s, "wrote {}", out.display());
    }
    Ok(s)
}

/// A SASRec network's size, depth, dropout and window, for `--json`.
fn settings_json(params: &SasrecParams) -> Value {
    json!({
        "dim": params.dim,
        "blocks": params.blocks,
        "heads": params.heads,
        "dropout": params.dropout,
        "max_len": params.max_len,
    })
}

/// Every list as `customer_id, rank, item_id, item_name, score, reason`.
fn write_lists(
    path: &Path,
    interactions: &Interactions,
    lists: &[Vec<Recommendation>],
    force: bool,
    headers: Headers,
) -> anyhow::Result<()> {
    write_frame(&lists_frame(interactions, lists)?, path, force, headers)
}

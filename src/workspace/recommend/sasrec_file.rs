//! A project's SASRec on disk: where it is kept beside the project file, the
//! data files it names, and the sentence that says how the shown SASRec came
//! to be (trained now, or reloaded without training).

use std::path::{Path, PathBuf};

use crate::analysis::recommend::SasrecParams;
use crate::analysis::recommend::sasrec::Sasrec;
use crate::analysis::recommend::sasrec::saved::SavedFile;
use crate::data::Store;
use crate::export::hashing::file_sha256;
use crate::numbers::{count, number};
use crate::tr;

/// The SASRec model file of the project at `project`: `shop.marketbench.json`
/// keeps it in `shop.marketbench.sasrec.safetensors`.
pub fn sasrec_path(project: &Path) -> PathBuf {
    project.with_extension("sasrec.safetensors")
}

/// The loaded files with their SHA-256, as a saved model names them (a table
/// that is not a readable file, e.g. fetched from a database, has no hash).
pub fn data_files(store: &Store) -> Vec<SavedFile> {
    store
        .tables
        .iter()
        .map(|t| SavedFile {
            name: t.path.display().to_string(),
            sha256: file_sha256(&t.path).map(|(_, h)| h).unwrap_or_default(),
        })
        .collect()
}

/// The items each training step of `params` scores on a catalogue of
/// `items`: "all 300", or the sampled candidates.
pub fn scored_items(params: &SasrecParams, items: usize) -> String {
    params.sampled(items).map_or_else(
        || tr!("recommend-sasrec-trial-scored-all", items = count(items)),
        count,
    )
}

/// How the SASRec came to be: epochs trained (or reloaded), the epoch kept,
/// its validation NDCG@10 and on how many customers, the settings the search
/// chose (when it ran), and whether the time budget stopped it.
pub fn sasrec_summary(sasrec: &Sasrec) -> String {
    let log = &sasrec.log;
    let ndcg = match log.best_epoch {
        0 => None,
        e => log.ndcg.get(e - 1).copied(),
    };
    let (epochs, best) = (log.ndcg.len().to_string(), log.best_epoch.to_string());
    let ndcg = ndcg.map_or_else(|| "—".to_string(), |n| number(n, 3));
    let customers = log.validated.to_string();
    let mut text = if sasrec.reloaded {
        tr!(
            "recommend-sasrec-reloaded",
            epochs = epochs,
            best = best,
            ndcg = ndcg,
            customers = customers
        )
    } else {
        tr!(
            "recommend-sasrec-trained",
            epochs = epochs,
            best = best,
            ndcg = ndcg,
            customers = customers
        )
    };
    if !log.trials.is_empty() {
        let chosen = &log.chosen;
        text.push(' ');
        text.push_str(&tr!(
            "recommend-sasrec-chosen",
            tried = log.trials.len().to_string(),
            dim = chosen.dim.to_string(),
            blocks = chosen.blocks.to_string(),
            dropout = number(f64::from(chosen.dropout), 2),
            window = chosen.max_len.to_string(),
            scored = scored_items(chosen, sasrec.item_count())
        ));
    }
    if log.out_of_time {
        text.push(' ');
        text.push_str(&tr!("recommend-sasrec-out-of-time"));
    }
    text
}

//! Training SASRec: full softmax cross-entropy on every next item of every
//! customer's sequence but the last, Adam, validation NDCG@10 on each
//! customer's last item after every epoch, early stopping, the time budget,
//! progress and Cancel (see the contract in the parent module).

use std::time::Instant;

use candle_core::{Device, Tensor};
use candle_nn::{AdamW, Optimizer, ParamsAdamW};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::net::{Dropout, Net, padded};
use super::{SasrecParams, TrainingLog};
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::numbers::number;
use crate::tr;

/// Customers validated on at most (evenly spread over those with two items).
const MAX_VALIDATED: usize = 2000;

/// Logit cells (positions × items) per training batch at most: bounds the
/// memory of the full softmax on large catalogues.
const BATCH_CELLS: usize = 1 << 22;

/// A candle failure as the analysis error the operator sees.
pub(super) fn candle_error(e: candle_core::Error) -> AnalysisError {
    AnalysisError::Invalid {
        what: tr!("analysis-sasrec-training"),
        why: e.to_string(),
    }
}

/// One batch's inputs: padded ids, the output rows that have a next item and
/// those items (padding-shifted: item i as i + 1).
fn batch_of(sequences: &[Vec<u32>], rows: &[usize], len: usize) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    // The last item of each sequence is the validation target: never trained on.
    let windows: Vec<&[u32]> = rows
        .iter()
        .map(|&u| {
            let seen = &sequences[u][..sequences[u].len() - 1];
            &seen[seen.len().saturating_sub(len + 1)..]
        })
        .collect();
    let inputs: Vec<&[u32]> = windows.iter().map(|w| &w[..w.len() - 1]).collect();
    let ids = padded(&inputs, len);
    let mut positions = Vec::new();
    let mut targets = Vec::new();
    for (b, w) in windows.iter().enumerate() {
        let n = w.len() - 1;
        for t in 0..n {
            positions.push((b * len + len - n + t) as u32);
            targets.push(w[t + 1] + 1);
        }
    }
    (ids, positions, targets)
}

/// Validation NDCG@10: each of `rows`' last item ranked over the catalogue
/// (ties: lower item first) after the items before it.
fn validate(net: &Net, sequences: &[Vec<u32>], rows: &[usize]) -> candle_core::Result<f64> {
    if rows.is_empty() {
        return Ok(0.0);
    }
    let mut total = 0.0;
    for chunk in rows.chunks(256) {
        let windows: Vec<&[u32]> = chunk
            .iter()
            .map(|&u| &sequences[u][..sequences[u].len() - 1])
            .collect();
        let states = net.last_states(&windows)?;
        let states = Tensor::from_vec(states, (chunk.len(), net.dim), &Device::Cpu)?;
        let logits = net.logits(&states)?.to_vec2::<f32>()?;
        for (&u, row) in chunk.iter().zip(&logits) {
            let target = *sequences[u].last().expect("two items") as usize + 1;
            let mine = row[target];
            let rank = row
                .iter()
                .enumerate()
                .skip(1)
                .filter(|&(i, &l)| l > mine || (l == mine && i < target))
                .count();
            if rank < 10 {
                total += 1.0 / ((rank + 2) as f64).log2();
            }
        }
    }
    Ok(total / rows.len() as f64)
}

/// Trains a network on `sequences` over `items` items (see the module docs).
pub(super) fn train(
    sequences: &[Vec<u32>],
    items: usize,
    params: &SasrecParams,
    progress: &Progress,
) -> Result<(Net, TrainingLog), AnalysisError> {
    if !params.is_valid() {
        return Err(AnalysisError::Invalid {
            what: tr!("analysis-sasrec-settings"),
            why: tr!("analysis-sasrec-settings-why"),
        });
    }
    let started = Instant::now();
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    let net = Net::new(items, params, &mut rng).map_err(candle_error)?;
    // Three items give at least one training pair besides the validation one.
    let mut trained: Vec<usize> = (0..sequences.len())
        .filter(|&u| sequences[u].len() >= 3)
        .collect();
    let candidates: Vec<usize> = (0..sequences.len())
        .filter(|&u| sequences[u].len() >= 2)
        .collect();
    let step = candidates.len().div_ceil(MAX_VALIDATED).max(1);
    let validated: Vec<usize> = candidates.into_iter().step_by(step).collect();
    let batch = (BATCH_CELLS / (params.max_len * (items + 1))).clamp(8, 128);
    let mut optimiser = AdamW::new(
        net.vars.clone(),
        ParamsAdamW {
            lr: params.learning_rate,
            weight_decay: 0.0,
            ..ParamsAdamW::default()
        },
    )
    .map_err(candle_error)?;
    let mut log = TrainingLog {
        ndcg: Vec::new(),
        best_epoch: 0,
        validated: validated.len(),
        out_of_time: false,
    };
    if trained.is_empty() {
        return Ok((net, log));
    }
    let mut best = (
        validate(&net, sequences, &validated).map_err(candle_error)?,
        net.snapshot().map_err(candle_error)?,
    );
    let batches = trained.len().div_ceil(batch);
    let total = (batches * params.epochs) as u64;
    for epoch in 1..=params.epochs {
        trained.shuffle(&mut rng);
        for (b, rows) in trained.chunks(batch).enumerate() {
            progress.check().map_err(|_| AnalysisError::Cancelled)?;
            if started.elapsed().as_secs_f64() > params.budget_secs {
                log.out_of_time = true;
                break;
            }
            let (ids, positions, targets) = batch_of(sequences, rows, params.max_len);
            let loss = (|| {
                let mut dropout = Dropout {
                    rng: Some(&mut rng),
                    p: params.dropout,
                };
                let outputs = net.forward(&ids, rows.len(), &mut dropout)?;
                let n = targets.len();
                let positions = Tensor::from_vec(positions, n, &Device::Cpu)?;
                let targets = Tensor::from_vec(targets, n, &Device::Cpu)?;
                let logits = net.logits(&outputs.index_select(&positions, 0)?)?;
                candle_nn::loss::cross_entropy(&logits, &targets)
            })()
            .map_err(candle_error)?;
            optimiser.backward_step(&loss).map_err(candle_error)?;
            progress.report(((epoch - 1) * batches + b + 1) as u64, total);
        }
        // A cut epoch is still validated: its weights may be the best there are.
        let ndcg = validate(&net, sequences, &validated).map_err(candle_error)?;
        log.ndcg.push(ndcg);
        progress.set_message(tr!(
            "recommend-progress-sasrec-epoch",
            epoch = epoch.to_string(),
            ndcg = number(ndcg, 3)
        ));
        if ndcg > best.0 {
            best = (ndcg, net.snapshot().map_err(candle_error)?);
            log.best_epoch = epoch;
        }
        if log.out_of_time || epoch - log.best_epoch >= params.patience {
            break;
        }
    }
    net.restore(&best.1).map_err(candle_error)?;
    Ok((net, log))
}

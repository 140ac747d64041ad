//! Settings chosen by validation: the item-kNN neighbour count, the ALS
//! confidence scale, factors and regularisation, the repeat model's decays, neighbours and
//! neighbour weight and the blend's mix that predict best on a validation split
//! carved from the training purchases only.
//!
//! Contract:
//! - Only the events passed in are used. The report card passes its training
//!   part, so the held-out test purchases cannot influence the choice.
//! - A leave-last-out split of those events (each customer's last purchase by
//!   time, then item) is the validation set (at most [`MAX_VALIDATION`]
//!   customers, evenly spread, are scored); every setting of [`ITEM_GRID`]
//!   (when item-kNN or the blend is among the models asked for) is fitted on
//!   the rest and scored by NDCG at K (already-bought items excluded or not, as
//!   asked). The other settings stay as given.
//! - The repeat model (when repeat or the blend is asked for) is searched in
//!   two steps: every decay of [`REPEAT_DECAYS`] on the customers' own items
//!   (neighbour weight 0), then every (neighbours, weight) of
//!   [`REPEAT_NEIGHBOURS`] at the best decays: one neighbour search, not one
//!   per decay.
//! - ALS (when asked for) is searched one setting at a time, as implicit's
//!   users tune it: every confidence scale α of [`ALS_ALPHAS`] at the first of
//!   [`ALS_FACTORS`] and of [`ALS_LAMBDAS`]; then more factors, in order, while
//!   each scores better than the last; then the other λ values. So 5 to 6 fits,
//!   not the 18 of the full grid; each trial records its fit time.
//! - The blend's mix is chosen last, over [`BlendWeights::grid`], with the
//!   item-kNN and repeat settings just chosen. Its parts are fitted once and
//!   each mix re-ranks their scores (each part's best [`BLEND_DEPTH`] × K
//!   items; a single part's list is exact). The grid holds each part alone, so
//!   the mix chosen scores at least as well as the best part.
//! - The best setting has the highest NDCG; ties go to the earlier grid entry
//!   (the smaller, cheaper one).
//! - With fewer than [`MIN_VALIDATION`] customers to validate on, or no model
//!   with a setting to choose, nothing is chosen (`Err(why)`): the given
//!   settings stay.

use std::collections::BTreeSet;
use std::time::Instant;

use rayon::prelude::*;

use super::als::AlsParams;
use super::blend::BlendWeights;
use super::evaluate::{Split, metrics_at_k, split_events};
use super::interactions::{Event, Interactions};
use super::knn::top_n;
use super::models::{Model, ModelKind, ModelParams, fit};
use super::repeat::RepeatParams;
use crate::analysis::lines::AnalysisError;
use crate::jobs::Progress;
use crate::numbers::count;
use crate::tr;

/// Neighbour counts tried for item-kNN (and the blend, which uses them).
pub const ITEM_GRID: [usize; 4] = [10, 25, 50, 100];
/// Confidence scales α (in c = 1 + α·count) tried for ALS: implicit's default
/// is 1 (for counts), the paper's 40; repeat buyers' counts need a small one.
pub const ALS_ALPHAS: [f32; 3] = [1.0, 10.0, 40.0];
/// Factor counts tried for ALS, smallest first (128 = implicit's users' usual top).
pub const ALS_FACTORS: [usize; 3] = [32, 64, 128];
/// Regularisation λ tried for ALS, the starting one first.
pub const ALS_LAMBDAS: [f32; 2] = [0.1, 0.01];
/// (baskets per group, decay within a group, decay across groups) tried for
/// the repeat model: no decay, the TIFU-kNN paper's grocery setting, a
/// stronger recency.
pub const REPEAT_DECAYS: [(usize, f32, f32); 3] = [(7, 1.0, 1.0), (7, 0.9, 0.7), (3, 0.7, 0.5)];
/// (neighbours, weight of their mean vector) tried for the repeat model at the
/// best decays (one neighbour search, with the most neighbours).
pub const REPEAT_NEIGHBOURS: [(usize, f32); 4] = [(20, 0.25), (20, 1.0), (100, 0.25), (100, 1.0)];
/// Items kept per blend part and customer when mixes are tried, in multiples of K.
pub const BLEND_DEPTH: usize = 50;
/// The fewest customers with a validation purchase for a choice to be made.
pub const MIN_VALIDATION: usize = 20;
/// The most customers each setting is scored on: above it, an evenly spread
/// sample of them (NDCG's standard error on 20,000 customers is about 0.003,
/// below the gaps between settings worth choosing; the fits still use every
/// customer's training purchases).
pub const MAX_VALIDATION: usize = 20_000;

/// One setting's validation score.
#[derive(Clone, Debug, PartialEq)]
pub struct Trial {
    pub model: ModelKind,
    /// The setting in words, e.g. "25 neighbours" or "32 factors, λ 0.1, α 10".
    pub setting: String,
    pub ndcg: f64,
    /// Seconds the fit and its scoring took (0 for settings that share a fit:
    /// the repeat model's neighbours and the blend's mixes).
    pub fit_secs: f64,
}

/// The chosen settings and every trial.
#[derive(Clone, Debug, PartialEq)]
pub struct Validation {
    pub item_neighbours: usize,
    pub als_factors: usize,
    pub als_regularization: f32,
    pub als_alpha: f32,
    pub repeat: RepeatParams,
    pub blend: BlendWeights,
    /// Customers each setting was scored on.
    pub customers: usize,
    /// Customers with a validation purchase (more than `customers` when they
    /// were sampled: see [`MAX_VALIDATION`]).
    pub candidates: usize,
    pub k: usize,
    /// In grid order: item-kNN, ALS, repeat, then the blend's mixes.
    pub trials: Vec<Trial>,
}

impl Validation {
    /// `params` with the chosen settings.
    pub fn apply(&self, params: &ModelParams) -> ModelParams {
        let mut out = params.clone();
        out.item_neighbours = self.item_neighbours;
        out.als.factors = self.als_factors;
        out.als.regularization = self.als_regularization;
        out.als.alpha = self.als_alpha;
        out.repeat = self.repeat;
        out.blend = self.blend;
        out
    }

    /// The choice in words, for the report card and the fit, in the current
    /// language (the command line keeps English).
    pub fn summary(&self) -> String {
        let tried = |kind: ModelKind| self.trials.iter().any(|t| t.model == kind);
        let mut parts = Vec::new();
        if tried(ModelKind::ItemKnn) {
            let setting = neighbours_setting(self.item_neighbours);
            parts.push(tr!("recommend-validation-item-knn", setting = setting));
        }
        if tried(ModelKind::Als) {
            let setting = als_setting(self.als_factors, self.als_regularization, self.als_alpha);
            parts.push(tr!("recommend-validation-als", setting = setting));
        }
        if tried(ModelKind::Repeat) {
            let setting = repeat_setting(&self.repeat);
            parts.push(tr!("recommend-validation-repeat", setting = setting));
        }
        if tried(ModelKind::Blend) {
            let setting = self.blend.text();
            parts.push(tr!("recommend-validation-blend", setting = setting));
        }
        let mut parts = parts.into_iter();
        let first = parts.next().unwrap_or_default();
        let settings = parts.fold(first, |settings, next| {
            tr!(
                "recommend-validation-join",
                settings = settings,
                next = next
            )
        });
        if self.candidates > self.customers {
            return tr!(
                "recommend-validation-summary-sampled",
                settings = settings,
                k = self.k.to_string(),
                customers = count(self.customers),
                candidates = count(self.candidates)
            );
        }
        tr!(
            "recommend-validation-summary",
            settings = settings,
            k = self.k.to_string(),
            customers = self.customers.to_string()
        )
    }
}

/// An item-kNN setting in words: "25 neighbours".
fn neighbours_setting(neighbours: usize) -> String {
    tr!(
        "recommend-setting-neighbours",
        neighbours = neighbours.to_string()
    )
}

/// An ALS setting in words: "32 factors, λ 0.1".
fn als_setting(factors: usize, regularization: f32, alpha: f32) -> String {
    tr!(
        "recommend-setting-als",
        factors = factors.to_string(),
        lambda = regularization.to_string(),
        alpha = alpha.to_string()
    )
}

/// A repeat setting in words: "decay 0.9 within groups of 7 baskets …".
fn repeat_setting(p: &RepeatParams) -> String {
    tr!(
        "recommend-setting-repeat",
        basket = p.basket_decay.to_string(),
        group = p.group_size.to_string(),
        across = p.group_decay.to_string(),
        neighbours = p.neighbours.to_string(),
        alpha = p.alpha.to_string()
    )
}

/// The settings to fit `kind` with on all of `interactions`: `base`, or with
/// `validate` the ones chosen by validation on every customer's last purchase,
/// with the validation's outcome (None when not asked or nothing to choose).
pub fn settings_for_fit(
    interactions: &Interactions,
    base: ModelParams,
    kind: ModelKind,
    validate: bool,
    k: usize,
    exclude_seen: bool,
    progress: &Progress,
) -> Result<(ModelParams, Option<Result<Validation, String>>), AnalysisError> {
    if !validate || !tunable(&[kind]) {
        return Ok((base, None));
    }
    progress.set_message(tr!("recommend-progress-choosing"));
    let validation = choose_by_validation(
        interactions,
        &interactions.events,
        &base,
        &[kind],
        k,
        exclude_seen,
        progress,
    )?;
    let params = match &validation {
        Ok(chosen) => chosen.apply(&base),
        Err(_) => base,
    };
    Ok((params, Some(validation)))
}

/// True when one of `kinds` has a setting validation chooses.
pub fn tunable(kinds: &[ModelKind]) -> bool {
    kinds.iter().any(|k| {
        matches!(
            k,
            ModelKind::ItemKnn | ModelKind::Blend | ModelKind::Als | ModelKind::Repeat
        )
    })
}

/// Chooses the settings of `kinds` on `events` (some of `interactions`' events;
/// see the module contract). `Err(why)` when nothing could be chosen.
pub fn choose_by_validation(
    interactions: &Interactions,
    events: &[Event],
    base: &ModelParams,
    kinds: &[ModelKind],
    k: usize,
    exclude_seen: bool,
    progress: &Progress,
) -> Result<Result<Validation, String>, AnalysisError> {
    if !tunable(kinds) {
        return Ok(Err(tr!("recommend-validation-nothing-to-choose")));
    }
    let items = &interactions.items;
    let mut sub = Interactions::from_parts(
        vec![String::new(); interactions.customers.len()],
        items.clone(),
        0,
        events.to_vec(),
    );
    sub.feedback = interactions.feedback;
    let inner = split_events(&sub, Split::LeaveLastOut);
    let train = sub.matrix(&inner.train);
    let mut rows = Vec::new();
    let mut truth = Vec::new();
    for (u, held) in &inner.test {
        let seen: BTreeSet<u32> = train.row(*u).0.iter().copied().collect();
        let held: Vec<u32> = held
            .iter()
            .copied()
            .filter(|i| !exclude_seen || !seen.contains(i))
            .collect();
        if !held.is_empty() {
            rows.push(*u);
            truth.push(held);
        }
    }
    let candidates = rows.len();
    (rows, truth) = spread_sample(rows, truth, MAX_VALIDATION);
    if rows.len() < MIN_VALIDATION {
        return Ok(Err(tr!(
            "recommend-validation-too-few",
            min = MIN_VALIDATION.to_string()
        )));
    }
    let fitted = |kind: ModelKind, params: &ModelParams| -> Result<Model, AnalysisError> {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        fit(kind, train.clone(), &inner.train, items, params, progress)
    };
    let ndcg_of = |model: &Model| -> Result<f64, AnalysisError> {
        let lists: Vec<Vec<u32>> = model
            .recommend_for(&rows, k, exclude_seen, progress)?
            .into_iter()
            .map(|l| l.into_iter().map(|r| r.item).collect())
            .collect();
        Ok(metrics_at_k(&lists, &truth, k, items.len()).ndcg)
    };
    let score = |kind: ModelKind, params: &ModelParams| ndcg_of(&fitted(kind, params)?);
    let mut trials = Vec::new();
    let wanted = |kind: ModelKind| kinds.contains(&kind);
    let item_grid: &[usize] = if wanted(ModelKind::ItemKnn) || wanted(ModelKind::Blend) {
        &ITEM_GRID
    } else {
        &[]
    };
    let mut best_item = (f64::NEG_INFINITY, base.item_neighbours);
    for &neighbours in item_grid {
        progress.set_message(tr!(
            "recommend-progress-validating-item-knn",
            setting = neighbours_setting(neighbours)
        ));
        let params = ModelParams {
            item_neighbours: neighbours,
            ..base.clone()
        };
        let started = Instant::now();
        let ndcg = score(ModelKind::ItemKnn, &params)?;
        if ndcg > best_item.0 {
            best_item = (ndcg, neighbours);
        }
        trials.push(Trial {
            model: ModelKind::ItemKnn,
            setting: neighbours_setting(neighbours),
            ndcg,
            fit_secs: started.elapsed().as_secs_f64(),
        });
    }
    let mut best_als = (f64::NEG_INFINITY, base.als.clone());
    if wanted(ModelKind::Als) {
        // Fits and scores one setting, records the trial, keeps the best.
        let mut try_als = |als: AlsParams, best: &mut (f64, AlsParams)| {
            let setting = als_setting(als.factors, als.regularization, als.alpha);
            progress.set_message(tr!(
                "recommend-progress-validating-als",
                setting = setting.as_str()
            ));
            let params = ModelParams {
                als: als.clone(),
                ..base.clone()
            };
            let started = Instant::now();
            let ndcg = score(ModelKind::Als, &params)?;
            trials.push(Trial {
                model: ModelKind::Als,
                setting,
                ndcg,
                fit_secs: started.elapsed().as_secs_f64(),
            });
            let improved = ndcg > best.0;
            if improved {
                *best = (ndcg, als);
            }
            Ok::<bool, AnalysisError>(improved)
        };
        let start = AlsParams {
            factors: ALS_FACTORS[0],
            regularization: ALS_LAMBDAS[0],
            ..base.als.clone()
        };
        for alpha in ALS_ALPHAS {
            try_als(
                AlsParams {
                    alpha,
                    ..start.clone()
                },
                &mut best_als,
            )?;
        }
        for &factors in &ALS_FACTORS[1..] {
            let more = AlsParams {
                factors,
                ..best_als.1.clone()
            };
            if !try_als(more, &mut best_als)? {
                break;
            }
        }
        for &regularization in &ALS_LAMBDAS[1..] {
            let other = AlsParams {
                regularization,
                ..best_als.1.clone()
            };
            try_als(other, &mut best_als)?;
        }
    }
    let mut best_repeat = (f64::NEG_INFINITY, base.repeat);
    if wanted(ModelKind::Repeat) || wanted(ModelKind::Blend) {
        // The decays first, on the customers' own items (a fit without the
        // neighbour search, most of the fit's time).
        for &(group_size, basket_decay, group_decay) in &REPEAT_DECAYS {
            let mut params = base.clone();
            params.repeat = RepeatParams {
                group_size,
                basket_decay,
                group_decay,
                neighbours: REPEAT_NEIGHBOURS[0].0,
                alpha: 0.0,
            };
            progress.set_message(tr!(
                "recommend-progress-validating-repeat",
                setting = repeat_setting(&params.repeat)
            ));
            let started = Instant::now();
            let ndcg = score(ModelKind::Repeat, &params)?;
            if ndcg > best_repeat.0 {
                best_repeat = (ndcg, params.repeat);
            }
            trials.push(Trial {
                model: ModelKind::Repeat,
                setting: repeat_setting(&params.repeat),
                ndcg,
                fit_secs: started.elapsed().as_secs_f64(),
            });
        }
        // Then the neighbours at the best decays: one search with the most
        // neighbours; the neighbours used and their weight change without a refit.
        let mut params = base.clone();
        params.repeat = RepeatParams {
            neighbours: REPEAT_NEIGHBOURS.iter().map(|&(n, _)| n).max().unwrap_or(1),
            alpha: 1.0,
            ..best_repeat.1
        };
        progress.set_message(tr!(
            "recommend-progress-validating-repeat",
            setting = repeat_setting(&params.repeat)
        ));
        let mut model = fitted(ModelKind::Repeat, &params)?;
        for &(neighbours, alpha) in &REPEAT_NEIGHBOURS {
            model.set_repeat(neighbours, alpha);
            let setting = RepeatParams {
                neighbours,
                alpha,
                ..params.repeat
            };
            let ndcg = ndcg_of(&model)?;
            if ndcg > best_repeat.0 {
                best_repeat = (ndcg, setting);
            }
            trials.push(Trial {
                model: ModelKind::Repeat,
                setting: repeat_setting(&setting),
                ndcg,
                fit_secs: 0.0,
            });
        }
    }
    let mut best_blend = base.blend;
    if wanted(ModelKind::Blend) {
        let mut params = base.clone();
        params.item_neighbours = best_item.1;
        params.repeat = best_repeat.1;
        let third = 1.0 / 3.0;
        params.blend = BlendWeights {
            repeat: third,
            history: third,
            item_knn: third,
        };
        progress.set_message(tr!(
            "recommend-progress-validating-blend",
            setting = params.blend.text()
        ));
        let model = fitted(ModelKind::Blend, &params)?;
        let grid = BlendWeights::grid();
        let scores = blend_grid(&model, &rows, &truth, &grid, k, exclude_seen, progress)?;
        let mut best = f64::NEG_INFINITY;
        for (weights, ndcg) in grid.into_iter().zip(scores) {
            if ndcg > best {
                (best, best_blend) = (ndcg, weights);
            }
            trials.push(Trial {
                model: ModelKind::Blend,
                setting: weights.text(),
                ndcg,
                fit_secs: 0.0,
            });
        }
    }
    Ok(Ok(Validation {
        item_neighbours: best_item.1,
        als_factors: best_als.1.factors,
        als_regularization: best_als.1.regularization,
        als_alpha: best_als.1.alpha,
        repeat: best_repeat.1,
        blend: best_blend,
        customers: rows.len(),
        candidates,
        k,
        trials,
    }))
}

/// At most `most` of `rows` (with their `truth`), evenly spread over them when
/// there are more (rows are customer indices, so every part of the customer
/// list is represented).
fn spread_sample(
    rows: Vec<usize>,
    truth: Vec<Vec<u32>>,
    most: usize,
) -> (Vec<usize>, Vec<Vec<u32>>) {
    let n = rows.len();
    if n <= most {
        return (rows, truth);
    }
    // j·n/most for j < most: distinct (n > most), from the first to near the last.
    let picks = (0..most).map(|j| j * n / most);
    let sampled_truth = picks.clone().map(|i| truth[i].clone()).collect();
    (picks.map(|i| rows[i]).collect(), sampled_truth)
}

/// NDCG at `k` of every mix of `grid` on the blend `model`'s parts (fitted once;
/// each part's best `BLEND_DEPTH × k` items per customer kept while mixing),
/// customers in blocks so only one block's part scores are held at a time.
fn blend_grid(
    model: &Model,
    rows: &[usize],
    truth: &[Vec<u32>],
    grid: &[BlendWeights],
    k: usize,
    exclude_seen: bool,
    progress: &Progress,
) -> Result<Vec<f64>, AnalysisError> {
    let mut sums = vec![0.0; grid.len()];
    let mut scored = 0usize;
    let items = model.train().cols;
    for (step, (users, held)) in rows.chunks(4096).zip(truth.chunks(4096)).enumerate() {
        progress.check().map_err(|_| AnalysisError::Cancelled)?;
        progress.report((step * 4096) as u64, rows.len() as u64);
        let lists: Vec<Vec<Vec<u32>>> = users
            .par_iter()
            .map_init(
                || model.scratch(),
                |scratch, &u| {
                    let mut parts = model.blend_parts(u, k, scratch);
                    for (_, scores) in &mut parts {
                        top_n(scores, BLEND_DEPTH * k);
                    }
                    grid.iter()
                        .map(|w| {
                            let list = model.blend_list(u, k, exclude_seen, &parts, w, scratch);
                            list.into_iter().map(|r| r.item).collect()
                        })
                        .collect()
                },
            )
            .collect();
        for (g, sum) in sums.iter_mut().enumerate() {
            let per_mix: Vec<Vec<u32>> = lists.iter().map(|l| l[g].clone()).collect();
            let m = metrics_at_k(&per_mix, held, k, items);
            *sum += m.ndcg * m.customers as f64;
            if g == 0 {
                scored += m.customers;
            }
        }
    }
    Ok(sums.into_iter().map(|s| s / scored.max(1) as f64).collect())
}

//! SASRec benchmark, in release mode.
//!
//! (a) The sample store (`sample-data/`): SASRec trained on every purchase with
//!     the settings search on (as the tab does with validation on): training
//!     time, epochs, the configurations tried, validation NDCG@10, peak memory;
//!     then the leave-last-out report card (NDCG@10, K = 10) of item-kNN, ALS,
//!     repeat and SASRec, as `evaluate` computes it.
//! (b) Generated purchases, default 1,000,000 interactions of 100,000
//!     customers over 50,000 items: 5,000 planted chains of 10 items walked in
//!     order, a third of the steps replaced by a popular item. Training time
//!     (sampled softmax above `full_softmax_items`), epochs, validation NDCG,
//!     peak memory, then everyone's top-10 list (the blocked product), then
//!     the leave-last-out card of popularity, item-kNN and SASRec.
//! (c) Full softmax against sampled, each trained for the same time
//!     (`MB_SOFTMAX_SECS`, default 20) on 3,000 generated customers at several
//!     catalogue sizes: epochs done and best validation NDCG@10, i.e. where
//!     the full softmax stops paying.
//!
//! Peak memory is VmHWM of this process, reset (`/proc/self/clear_refs`)
//! before each part. Run: `cargo bench --bench sasrec`
//! (`MB_SASREC_BUDGET` seconds per training, default 60; `MB_CUSTOMERS`,
//! `MB_ITEMS`, `MB_SAMPLED` (candidates of the sampled softmax) for (b);
//! `MB_SOFTMAX_SECS` for (c); `MB_PARTS=abc` to pick parts).

mod common;

use std::path::PathBuf;
use std::time::Instant;

use common::{env_or, peak_mb, reset_peak};
use marketbench::analysis::recommend::evaluate::{EvalParams, Outcome, Split, evaluate};
use marketbench::analysis::recommend::sasrec::{Sasrec, TrainingLog};
use marketbench::analysis::recommend::{
    Event, Interactions, ItemInfo, ModelKind, ModelParams, SasrecParams, fit,
    interactions_from_lines,
};
use marketbench::cli::{LoadArgs, load_files};
use marketbench::jobs::Progress;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn describe(log: &TrainingLog) -> String {
    let best = log.ndcg.iter().copied().fold(0.0, f64::max);
    let c = &log.chosen;
    format!(
        "{} epochs (best {}), validation NDCG@10 {best:.4} on {} customers, out of time: {}; \
         settings dim {} blocks {} dropout {} max_len {}",
        log.ndcg.len(),
        log.best_epoch,
        log.validated,
        log.out_of_time,
        c.dim,
        c.blocks,
        c.dropout,
        c.max_len
    )
}

fn sample_store(budget_secs: f64, progress: &Progress) {
    reset_peak();
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"));
    let lines = load_files(&[dir], &LoadArgs::default())
        .expect("sample loads")
        .store
        .order_lines()
        .expect("lines")
        .expect("orders");
    let it = interactions_from_lines(&lines).expect("interactions");
    let params = SasrecParams {
        budget_secs,
        search: true,
        ..SasrecParams::default()
    };
    let started = Instant::now();
    let model = train(&it, &params, progress);
    println!(
        "(a) sample store ({} interactions, {} customers, {} items), search on, budget {budget_secs} s:",
        it.events.len(),
        it.customers.len(),
        it.items.len()
    );
    println!(
        "  training {:.1} s, {}, peak {:.0} MB",
        started.elapsed().as_secs_f64(),
        describe(&model.log),
        peak_mb()
    );
    for t in &model.log.trials {
        println!(
            "  tried dim {:>3} blocks {} dropout {:.1} max_len {:>2}: {} epochs, best NDCG {:.4}, {:.1} s",
            t.params.dim,
            t.params.blocks,
            t.params.dropout,
            t.params.max_len,
            t.epochs,
            t.best_ndcg,
            t.secs
        );
    }
    report_card(
        &it,
        &[
            ModelKind::ItemKnn,
            ModelKind::Als,
            ModelKind::Repeat,
            ModelKind::Sasrec,
        ],
        params,
        progress,
    );
}

/// Prints the leave-last-out report card (K = 10) of `models` on `it`, SASRec
/// trained with `sasrec` on the card's training part.
fn report_card(it: &Interactions, models: &[ModelKind], sasrec: SasrecParams, progress: &Progress) {
    let card = EvalParams {
        split: Split::LeaveLastOut,
        models: models.to_vec(),
        model: ModelParams {
            sasrec,
            ..ModelParams::default()
        },
        ..EvalParams::default()
    };
    let Outcome::Scored(card) = evaluate(it, &card, progress).expect("card") else {
        panic!("nothing to score");
    };
    println!(
        "  report card, leave-last-out, K = 10, {} customers:",
        card.tested
    );
    for m in &card.models {
        println!(
            "    {:<9} NDCG@10 {:.4}  hit rate {:.4}  fit {:>6.1} s  recommend {:>5.2} s",
            m.model.name(),
            m.metrics.ndcg,
            m.metrics.hit_rate,
            m.fit_secs,
            m.recommend_secs
        );
    }
}

/// `customers` walking planted chains over `items` items (see the module docs).
fn chains(customers: usize, items: usize, interactions: usize, seed: u64) -> Interactions {
    const CHAIN: usize = 10;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let chains = (items / CHAIN).max(1);
    // Popularity ∝ 1/(rank + 20).
    let mut cum = Vec::with_capacity(items);
    let mut acc = 0.0;
    for i in 0..items {
        acc += 1.0 / (i as f64 + 20.0);
        cum.push(acc);
    }
    let mean = (interactions / customers.max(1)).max(2);
    let mut events = Vec::with_capacity(interactions);
    for c in 0..customers {
        let chain = rng.random_range(0..chains);
        let mut step = rng.random_range(0..CHAIN);
        for k in 0..rng.random_range(mean / 2..=mean * 3 / 2) {
            let item = if rng.random_bool(1.0 / 3.0) {
                let x = rng.random_range(0.0..acc);
                cum.partition_point(|&v| v <= x).min(items - 1)
            } else {
                step = (step + 1) % CHAIN;
                (chain * CHAIN + step) % items
            };
            events.push(Event {
                customer: c as u32,
                item: item as u32,
                order: events.len() as u32,
                ts_ms: k as i64 * 86_400_000,
                rating: 1.0,
            });
        }
    }
    let infos = (0..items)
        .map(|i| ItemInfo {
            id: format!("I{i:06}"),
            name: format!("item {i}"),
            category: None,
            price: None,
        })
        .collect();
    let ids = (0..customers).map(|c| format!("C{c:07}")).collect();
    let orders = events.len();
    Interactions::from_parts(ids, infos, orders, events)
}

fn large(budget_secs: f64, progress: &Progress) {
    let customers = env_or("MB_CUSTOMERS", 100_000);
    let items = env_or("MB_ITEMS", 50_000);
    let it = chains(customers, items, customers * 10, 5);
    reset_peak();
    let defaults = SasrecParams::default();
    let params = ModelParams {
        sasrec: SasrecParams {
            budget_secs,
            sampled_items: env_or("MB_SAMPLED", defaults.sampled_items),
            ..defaults
        },
        ..ModelParams::default()
    };
    let started = Instant::now();
    let model = fit(
        ModelKind::Sasrec,
        it.matrix(&it.events),
        &it.events,
        &it.items,
        &params,
        progress,
    )
    .expect("fit");
    let fit_secs = started.elapsed().as_secs_f64();
    let log = &model.sasrec().expect("a SASRec model").log;
    println!(
        "(b) generated chains ({} interactions, {customers} customers, {items} items), budget {budget_secs} s, {} sampled candidates:",
        it.events.len(),
        params.sasrec.sampled_items
    );
    println!(
        "  fit {fit_secs:.1} s (training and every customer's state), {}, peak {:.0} MB",
        describe(log),
        peak_mb()
    );
    reset_peak();
    let started = Instant::now();
    let lists = model.recommend_all(10, true, progress).expect("lists");
    println!(
        "  top-10 for all {} customers: {:.1} s ({:.3} ms per customer), peak {:.0} MB",
        lists.len(),
        started.elapsed().as_secs_f64(),
        started.elapsed().as_secs_f64() * 1000.0 / lists.len() as f64,
        peak_mb()
    );
    report_card(
        &it,
        &[ModelKind::Popular, ModelKind::ItemKnn, ModelKind::Sasrec],
        params.sasrec,
        progress,
    );
}

fn threshold(secs: f64, progress: &Progress) {
    println!(
        "(c) {secs} s of training on 3,000 customers (30,000 interactions), full softmax vs sampled (2,048 and 512 candidates):"
    );
    for items in [2_000, 3_000, 4_000, 8_000, 20_000] {
        let it = chains(3_000, items, 30_000, 9);
        let mut line = format!("  {items:>6} items:");
        for (name, full_softmax_items, sampled_items) in [
            ("full", usize::MAX, 1),
            ("sampled 2048", 0, 2_048),
            ("sampled 512", 0, 512),
        ] {
            // Equal time, no early stop: which loss gives the better network
            // in the time an operator gives it.
            let params = SasrecParams {
                epochs: 1_000,
                patience: 1_000,
                budget_secs: secs,
                full_softmax_items,
                sampled_items,
                ..SasrecParams::default()
            };
            let model = train(&it, &params, progress);
            let best = model.log.ndcg.iter().copied().fold(0.0, f64::max);
            line.push_str(&format!(
                "  {name}: {} epochs, NDCG {best:.4};",
                model.log.ndcg.len(),
            ));
        }
        println!("{line}");
    }
}

fn main() {
    let budget_secs = env_or("MB_SASREC_BUDGET", 60) as f64;
    let parts = std::env::var("MB_PARTS").unwrap_or_else(|_| "abc".into());
    let progress = Progress::detached();
    if parts.contains('a') {
        sample_store(budget_secs, &progress);
    }
    if parts.contains('b') {
        large(budget_secs, &progress);
    }
    if parts.contains('c') {
        threshold(env_or("MB_SOFTMAX_SECS", 20) as f64, &progress);
    }
}

/// SASRec trained on every interaction of `it`, from scratch.
fn train(it: &Interactions, params: &SasrecParams, progress: &Progress) -> Sasrec {
    let item_ids: Vec<&str> = it.items.iter().map(|i| i.id.as_str()).collect();
    Sasrec::fit(
        &it.events,
        it.customers.len(),
        &item_ids,
        params,
        None,
        progress,
    )
    .expect("fit")
}

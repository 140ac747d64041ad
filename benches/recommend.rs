//! Recommendations benchmark: generated purchases (default 1,000,000 interactions,
//! 100,000 customers, 20,000 items), then fit time per model, recommend-all time,
//! the validation the tab's Fit runs first, user-kNN on the same interactions as
//! explicit ratings, rules, the report card, and peak memory (VmHWM); then a
//! grocery-like store with re-buys (`MB_GROCERY` customers, default 20,000):
//! every model's last-basket NDCG@10 with re-buys allowed.
//!
//! Run in release mode: `cargo bench --bench recommend`
//! (`MB_CUSTOMERS=10000 MB_ITEMS=2000 cargo bench --bench recommend` for a quick run;
//! `MB_CUSTOMERS=0` for the grocery card only; `MB_SASREC=1` for SASRec's card
//! only: its training time and leave-last-out NDCG@10 beside item-kNN, ALS and
//! repeat on the generated purchases, `MB_SASREC_BUDGET` seconds, default 60).
//! Targets: ALS (64 factors, 15 iterations) < 10 s on 2 cores, item-kNN < 5 s,
//! memory < 2 GB.

mod common;

use std::time::Instant;

use common::{env_or, peak_mb};
use marketbench::analysis::recommend::evaluate::{EvalParams, Outcome, Split, evaluate};
use marketbench::analysis::recommend::rules::{RuleParams, association_rules};
use marketbench::analysis::recommend::validate::settings_for_fit;
use marketbench::analysis::recommend::{
    Event, Feedback, Interactions, ItemInfo, ModelKind, ModelParams, fit,
};
use marketbench::jobs::Progress;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Customers with 5–15 purchases (10 on average), 70 % from a favourite
/// category (item mod 100), items ∝ 1/(rank + 50), two items per order.
fn generate(customers: usize, items: usize) -> Interactions {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let categories = 100.min(items);
    let weight = |i: usize| 1.0 / ((i / categories) as f64 + 50.0);
    let cumulative = |members: Vec<usize>| {
        let mut acc = 0.0;
        let cum: Vec<f64> = members
            .iter()
            .map(|&i| {
                acc += weight(i);
                acc
            })
            .collect();
        (members, cum)
    };
    let all = cumulative((0..items).collect());
    let by_category: Vec<(Vec<usize>, Vec<f64>)> = (0..categories)
        .map(|c| cumulative((c..items).step_by(categories).collect()))
        .collect();
    let draw = |rng: &mut ChaCha8Rng, (members, cum): &(Vec<usize>, Vec<f64>)| {
        let x = rng.random_range(0.0..*cum.last().expect("items"));
        members[cum.partition_point(|&c| c <= x).min(members.len() - 1)] as u32
    };
    let mut events = Vec::with_capacity(customers * 10);
    let mut order = 0u32;
    for c in 0..customers {
        let favourite = &by_category[c % categories];
        let n = rng.random_range(5..=15);
        for k in 0..n {
            let pool = if rng.random_bool(0.7) {
                favourite
            } else {
                &all
            };
            events.push(Event {
                customer: c as u32,
                item: draw(&mut rng, pool),
                order: order + k / 2,
                ts_ms: i64::from(k / 2) * 86_400_000,
                rating: 1.0,
            });
        }
        order += n.div_ceil(2);
    }
    let infos = (0..items)
        .map(|i| ItemInfo {
            id: format!("I{i:06}"),
            name: format!("item {i}"),
            category: Some(format!("cat {}", i % categories)),
            price: Some(10.0 + (i % 97) as f64),
        })
        .collect();
    let ids = (0..customers).map(|c| format!("C{c:07}")).collect();
    Interactions::from_parts(ids, infos, order as usize, events)
}

/// A grocery-like store: each customer keeps 6–12 staples (drawn ∝ 1/(rank + 20)),
/// each re-bought in a basket with its own probability 0.3–0.9; every fourth
/// basket one staple is swapped for a new one (habits drift); 1–4 one-off items
/// per basket; 4–30 baskets a week apart.
fn grocery(customers: usize, items: usize) -> Interactions {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut cum = Vec::with_capacity(items);
    let mut acc = 0.0;
    for i in 0..items {
        acc += 1.0 / (i as f64 + 20.0);
        cum.push(acc);
    }
    let draw = |rng: &mut ChaCha8Rng| {
        let x = rng.random_range(0.0..acc);
        cum.partition_point(|&c| c <= x).min(items - 1) as u32
    };
    let mut events = Vec::new();
    let mut order = 0u32;
    for c in 0..customers {
        let mut staples: Vec<(u32, f64)> = (0..rng.random_range(6..=12))
            .map(|_| (draw(&mut rng), rng.random_range(0.3..0.9)))
            .collect();
        let baskets = rng.random_range(4..=30);
        for b in 0..baskets {
            if b > 0 && b % 4 == 0 {
                let k = rng.random_range(0..staples.len());
                staples[k] = (draw(&mut rng), rng.random_range(0.3..0.9));
            }
            let mut basket: Vec<u32> = staples
                .iter()
                .filter(|&&(_, p)| rng.random_bool(p))
                .map(|&(i, _)| i)
                .collect();
            for _ in 0..rng.random_range(1..=4) {
                basket.push(draw(&mut rng));
            }
            basket.sort_unstable();
            basket.dedup();
            for item in basket {
                events.push(Event {
                    customer: c as u32,
                    item,
                    order,
                    ts_ms: i64::from(b) * 7 * 86_400_000,
                    rating: 1.0,
                });
            }
            order += 1;
        }
    }
    let infos = (0..items)
        .map(|i| ItemInfo {
            id: format!("G{i:05}"),
            name: format!("grocery {i}"),
            category: Some(format!("aisle {}", i % 40)),
            price: Some(1.0 + (i % 13) as f64),
        })
        .collect();
    let ids = (0..customers).map(|c| format!("G{c:07}")).collect();
    Interactions::from_parts(ids, infos, order as usize, events)
}

/// Every model's last-basket card on the grocery store, re-buys allowed.
fn grocery_card(customers: usize, progress: &Progress) {
    let it = grocery(customers, 3_000);
    let started = Instant::now();
    let Outcome::Scored(card) = evaluate(
        &it,
        &EvalParams {
            split: Split::LastBasket,
            exclude_seen: false,
            validate: true,
            ..EvalParams::default()
        },
        progress,
    )
    .expect("grocery card") else {
        panic!("nothing to test");
    };
    println!(
        "grocery ({} interactions, {} customers): last basket, re-buys allowed, K = {}, {} customers, {:.2} s",
        it.events.len(),
        customers,
        card.k,
        card.tested,
        started.elapsed().as_secs_f64()
    );
    if let Some(Ok(chosen)) = &card.validation {
        println!("  chosen: {}", chosen.summary());
    }
    for m in &card.models {
        println!(
            "  {:<9} NDCG@10 {:.4}  recall {:.4}  fit {:.2} s",
            m.model.name(),
            m.metrics.ndcg,
            m.metrics.recall,
            m.fit_secs
        );
    }
}

/// SASRec beside item-kNN, ALS and repeat on one leave-last-out card, each
/// model's fit time and the peak memory after it.
fn sasrec_card(it: &Interactions, progress: &Progress) {
    let mut model = ModelParams::default();
    model.sasrec.budget_secs = env_or("MB_SASREC_BUDGET", 60) as f64;
    let mut lines = Vec::new();
    for kind in [
        ModelKind::ItemKnn,
        ModelKind::Als,
        ModelKind::Repeat,
        ModelKind::Sasrec,
    ] {
        let params = EvalParams {
            split: Split::LeaveLastOut,
            models: vec![kind],
            model: model.clone(),
            ..EvalParams::default()
        };
        let Outcome::Scored(card) = evaluate(it, &params, progress).expect("card") else {
            panic!("nothing to test");
        };
        let line = &card.models[0];
        lines.push(format!(
            "{:<10} NDCG@10 {:.4}  hit rate {:.4}  fit {:>7.2} s  recommend {:>6.2} s  peak {:>7.0} MB",
            kind.name(),
            line.metrics.ndcg,
            line.metrics.hit_rate,
            line.fit_secs,
            line.recommend_secs,
            peak_mb()
        ));
    }
    println!(
        "SASRec card (leave-last-out, K = 10, budget {} s):",
        model.sasrec.budget_secs
    );
    for line in lines {
        println!("  {line}");
    }
}

fn main() {
    let customers = env_or("MB_CUSTOMERS", 100_000);
    let items = env_or("MB_ITEMS", 20_000);
    if env_or("MB_SASREC", 0) == 1 {
        sasrec_card(&generate(customers, items), &Progress::detached());
        return;
    }
    if customers == 0 {
        grocery_card(env_or("MB_GROCERY", 20_000), &Progress::detached());
        return;
    }
    let progress = Progress::detached();
    let started = Instant::now();
    let it = generate(customers, items);
    println!(
        "generated {} interactions, {} customers, {} items, {} orders in {:.2} s (threads: {})",
        it.events.len(),
        it.customers.len(),
        it.items.len(),
        it.orders,
        started.elapsed().as_secs_f64(),
        rayon::current_num_threads()
    );
    let started = Instant::now();
    let train = it.matrix(&it.events);
    println!(
        "matrix: {} stored entries in {:.2} s",
        train.nnz(),
        started.elapsed().as_secs_f64()
    );
    let params = ModelParams::default();
    for kind in [
        ModelKind::Popular,
        ModelKind::ItemKnn,
        ModelKind::Als,
        ModelKind::Repeat,
        ModelKind::Blend,
        ModelKind::UserKnn,
    ] {
        let started = Instant::now();
        let model = fit(
            kind,
            train.clone(),
            &it.events,
            &it.items,
            &params,
            &progress,
        )
        .expect("fit");
        let fit_secs = started.elapsed().as_secs_f64();
        let started = Instant::now();
        // user-kNN scores against every co-buyer: time a 10,000-customer sample.
        let (lists, label) = if kind == ModelKind::UserKnn {
            let sample: Vec<usize> = (0..customers)
                .step_by((customers / 10_000).max(1))
                .collect();
            let n = sample.len();
            (
                model
                    .recommend_for(&sample, 10, true, &progress)
                    .expect("recommend"),
                format!("{n} customers"),
            )
        } else {
            (
                model.recommend_all(10, true, &progress).expect("recommend"),
                "all".to_string(),
            )
        };
        println!(
            "{:<9} fit {:7.2} s, recommend top 10 ({label}) {:7.2} s, {} lists, peak {:.0} MB",
            kind.name(),
            fit_secs,
            started.elapsed().as_secs_f64(),
            lists.len(),
            peak_mb()
        );
    }
    // The tab's default Fit chooses its settings by validation first.
    for kind in [
        ModelKind::ItemKnn,
        ModelKind::Als,
        ModelKind::Repeat,
        ModelKind::Blend,
    ] {
        let started = Instant::now();
        let (_, chosen) = settings_for_fit(&it, params.clone(), kind, true, 10, true, &progress)
            .expect("validation");
        let chosen = match chosen {
            Some(Ok(v)) => v.summary(),
            Some(Err(why)) => why,
            None => "nothing to choose".into(),
        };
        println!(
            "{:<9} validation before the fit {:7.2} s: {chosen}, peak {:.0} MB",
            kind.name(),
            started.elapsed().as_secs_f64(),
            peak_mb()
        );
    }
    // The same interactions as explicit ratings 1-5: user-kNN's mean-centred predictions.
    let mut rated = it.clone();
    rated.feedback = Feedback::Ratings;
    for e in &mut rated.events {
        e.rating = 1.0 + ((u64::from(e.customer) * 31 + u64::from(e.item) * 17) % 5) as f32;
    }
    let explicit = ModelParams {
        explicit: true,
        ..params.clone()
    };
    let started = Instant::now();
    let model = fit(
        ModelKind::UserKnn,
        rated.matrix(&rated.events),
        &rated.events,
        &rated.items,
        &explicit,
        &progress,
    )
    .expect("fit");
    let fit_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let sample: Vec<usize> = (0..customers)
        .step_by((customers / 10_000).max(1))
        .collect();
    let lists = model
        .recommend_for(&sample, 10, true, &progress)
        .expect("recommend");
    println!(
        "user-knn on explicit ratings: fit {fit_secs:.2} s, recommend top 10 ({} customers) {:.2} s, peak {:.0} MB",
        lists.len(),
        started.elapsed().as_secs_f64(),
        peak_mb()
    );
    let started = Instant::now();
    let rules = association_rules(
        &it,
        &RuleParams {
            min_support: 0.0001,
            ..RuleParams::default()
        },
        &progress,
    )
    .expect("rules");
    println!(
        "rules (FP-growth, min support 0.0001, length ≤ 2): {} rules in {:.2} s, peak {:.0} MB",
        rules.len(),
        started.elapsed().as_secs_f64(),
        peak_mb()
    );
    let started = Instant::now();
    let Outcome::Scored(card) = evaluate(
        &it,
        &EvalParams {
            split: Split::LeaveLastOut,
            models: vec![ModelKind::Popular, ModelKind::ItemKnn, ModelKind::Als],
            ..EvalParams::default()
        },
        &progress,
    )
    .expect("card") else {
        panic!("nothing to test");
    };
    println!(
        "report card ({}, K = {}, {} customers) in {:.2} s",
        card.split,
        card.k,
        card.tested,
        started.elapsed().as_secs_f64()
    );
    println!("  model     precision  recall    ndcg   hit rate coverage  fit s  rec s");
    for m in &card.models {
        let x = &m.metrics;
        println!(
            "  {:<9} {:8.4} {:8.4} {:8.4} {:8.4} {:8.4} {:6.2} {:6.2}",
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
    println!("peak memory (VmHWM): {:.0} MB", peak_mb());
    grocery_card(env_or("MB_GROCERY", 20_000), &progress);
}

//! SASRec on a planted sequential shop: items sit on rings (item k of a ring is
//! always followed by item k + 1), each customer walks a few steps along one
//! ring after one or two random distractor purchases. The next item follows
//! from the last one; which neighbours were bought (item-kNN's signal) cannot
//! tell the step ahead from the step behind.

use marketbench::analysis::recommend::evaluate::{EvalParams, Outcome, Split, evaluate};
use marketbench::analysis::recommend::sasrec::Sasrec;
use marketbench::analysis::recommend::{
    Event, Interactions, ItemInfo, ModelKind, ModelParams, Reason, SasrecParams, fit,
};
use marketbench::jobs::Progress;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const RINGS: u32 = 6;
const RING: u32 = 8;
const DISTRACTORS: u32 = 20;
const CUSTOMERS: u32 = 900;
const DAY_MS: i64 = 86_400_000;

/// Ring r holds items r·8 .. r·8 + 7; distractors follow the rings.
fn planted() -> Interactions {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut events = Vec::new();
    let mut order = 0;
    for c in 0..CUSTOMERS {
        let mut day = 0;
        let mut buy = |item: u32, order: &mut u32, day: &mut i64| {
            events.push(Event {
                customer: c,
                item,
                order: *order,
                ts_ms: *day * DAY_MS,
                rating: 1.0,
            });
            *order += 1;
            *day += 1;
        };
        for _ in 0..rng.random_range(1..=2) {
            let item = RINGS * RING + rng.random_range(0..DISTRACTORS);
            buy(item, &mut order, &mut day);
        }
        let ring = rng.random_range(0..RINGS);
        let start = rng.random_range(0..RING);
        for step in 0..rng.random_range(3..=5) {
            buy(ring * RING + (start + step) % RING, &mut order, &mut day);
        }
    }
    let items = (0..RINGS * RING + DISTRACTORS)
        .map(|i| ItemInfo {
            id: format!("I{i:02}"),
            name: format!("item {i}"),
            category: None,
            price: None,
        })
        .collect();
    let customers = (0..CUSTOMERS).map(|c| format!("C{c:03}")).collect();
    Interactions::from_parts(customers, items, order as usize, events)
}

/// Small and quick: the planted pattern needs one block and a short window.
fn small() -> ModelParams {
    ModelParams {
        sasrec: SasrecParams {
            dim: 32,
            blocks: 1,
            max_len: 8,
            epochs: 40,
            learning_rate: 0.005,
            budget_secs: 600.0,
            ..SasrecParams::default()
        },
        ..ModelParams::default()
    }
}

#[test]
fn sasrec_predicts_the_next_step_far_better_than_item_knn() {
    let it = planted();
    let params = EvalParams {
        split: Split::LeaveLastOut,
        k: 1,
        exclude_seen: true,
        models: vec![ModelKind::ItemKnn, ModelKind::Sasrec],
        model: small(),
        validate: false,
    };
    let Outcome::Scored(card) = evaluate(&it, &params, &Progress::detached()).expect("card") else {
        panic!("nothing to test");
    };
    let hits = |kind: ModelKind| {
        let line = card.models.iter().find(|m| m.model == kind);
        line.expect("scored").metrics.hit_rate
    };
    eprintln!(
        "hit rate@1: item-kNN {:.3}, SASRec {:.3}",
        hits(ModelKind::ItemKnn),
        hits(ModelKind::Sasrec)
    );
    // The step ahead and the step behind are equally similar for item-kNN.
    assert!(hits(ModelKind::ItemKnn) < 0.6, "{card:?}");
    assert!(hits(ModelKind::Sasrec) > 0.9, "{card:?}");
}

#[test]
fn training_is_deterministic_for_a_seed_and_explains_by_the_last_step() {
    let it = planted();
    let progress = Progress::detached();
    let run = |params: &ModelParams| {
        let model = fit(
            ModelKind::Sasrec,
            it.matrix(&it.events),
            &it.events,
            &it.items,
            params,
            &progress,
        )
        .expect("fit");
        model.recommend_all(5, true, &progress).expect("lists")
    };
    let first = run(&small());
    assert_eq!(first, run(&small()));
    let mut other = small();
    other.sasrec.seed += 1;
    assert_ne!(first, run(&other), "the seed changes the weights");
    // Customer 0's last item is on a ring: the next one leads, "follows" it.
    let last = it
        .events
        .iter()
        .rfind(|e| e.customer == 0)
        .expect("c0")
        .item;
    let next = last / RING * RING + (last % RING + 1) % RING;
    assert_eq!(first[0][0].item, next, "{:?}", first[0]);
    assert_eq!(first[0][0].reason, Reason::Follows(last, next));
}

#[test]
fn bad_settings_are_refused_with_what_to_change() {
    let it = planted();
    let mut params = small();
    params.sasrec.heads = 3;
    let error = fit(
        ModelKind::Sasrec,
        it.matrix(&it.events),
        &it.events,
        &it.items,
        &params,
        &Progress::detached(),
    )
    .err()
    .expect("32 dimensions do not split into 3 heads");
    assert!(
        error.to_string().contains("multiple of the heads"),
        "{error}"
    );
}

#[test]
fn training_stops_early_on_a_plateau_and_at_the_time_budget() {
    let it = planted();
    let progress = Progress::detached();
    let ids: Vec<&str> = it.items.iter().map(|i| i.id.as_str()).collect();
    let fit = |params: &SasrecParams| {
        Sasrec::fit(
            &it.events,
            it.customers.len(),
            &ids,
            params,
            None,
            &progress,
        )
        .expect("fit")
    };
    let patient = SasrecParams {
        epochs: 200,
        patience: 1,
        ..small().sasrec
    };
    let log = fit(&patient).log;
    assert!(log.ndcg.len() < 200, "{log:?}");
    let best = log.ndcg.iter().copied().fold(0.0, f64::max);
    assert_eq!(log.ndcg[log.best_epoch - 1], best, "{log:?}");
    assert!(!log.out_of_time);
    assert!(progress.snapshot().message.contains("epoch"));
    // Out of time at once: one (cut) epoch validated, the model still scores.
    let hurried = fit(&SasrecParams {
        budget_secs: 1e-9,
        ..small().sasrec
    });
    assert!(hurried.log.out_of_time);
    assert_eq!(hurried.log.ndcg.len(), 1);
    assert_eq!(hurried.scores(0).len(), it.items.len());
}

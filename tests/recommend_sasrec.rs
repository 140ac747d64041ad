//! SASRec on a planted sequential shop: items sit on rings (item k of a ring is
//! always followed by item k + 1), each customer walks a few steps along one
//! ring after one or two random distractor purchases. The next item follows
//! from the last one; which neighbours were bought (item-kNN's signal) cannot
//! tell the step ahead from the step behind.
//!
//! The same shop checks the sampled softmax (a catalogue "too large" for the
//! full one by a lowered threshold), the blocked listing against the
//! per-customer scores, and the search over settings.

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

/// `Sasrec::fit` on `it`, without a saved model.
fn fit_sasrec(it: &Interactions, params: &SasrecParams, progress: &Progress) -> Sasrec {
    let ids: Vec<&str> = it.items.iter().map(|i| i.id.as_str()).collect();
    Sasrec::fit(&it.events, it.customers.len(), &ids, params, None, progress).expect("fit")
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

/// Leave-last-out hit rate@1 of item-kNN and SASRec (with `model`'s settings).
fn hit_rates(it: &Interactions, model: ModelParams) -> (f64, f64) {
    let params = EvalParams {
        split: Split::LeaveLastOut,
        k: 1,
        exclude_seen: true,
        models: vec![ModelKind::ItemKnn, ModelKind::Sasrec],
        model,
        validate: false,
    };
    let Outcome::Scored(card) = evaluate(it, &params, &Progress::detached()).expect("card") else {
        panic!("nothing to test");
    };
    let hits = |kind: ModelKind| {
        let line = card.models.iter().find(|m| m.model == kind);
        line.expect("scored").metrics.hit_rate
    };
    (hits(ModelKind::ItemKnn), hits(ModelKind::Sasrec))
}

#[test]
fn sasrec_predicts_the_next_step_far_better_than_item_knn() {
    let (knn, sasrec) = hit_rates(&planted(), small());
    eprintln!("hit rate@1: item-kNN {knn:.3}, SASRec {sasrec:.3}");
    // The step ahead and the step behind are equally similar for item-kNN.
    assert!(knn < 0.6, "item-kNN {knn}");
    assert!(sasrec > 0.9, "SASRec {sasrec}");
}

/// `small()` with the sampled softmax: 68 items count as a large catalogue
/// and each batch scores 16 candidates.
fn sampled() -> ModelParams {
    let mut params = small();
    params.sasrec.full_softmax_items = 10;
    params.sasrec.sampled_items = 16;
    params
}

#[test]
fn the_sampled_softmax_still_learns_the_next_step_and_is_deterministic() {
    let it = planted();
    let (knn, sasrec) = hit_rates(&it, sampled());
    eprintln!("hit rate@1 (sampled softmax): item-kNN {knn:.3}, SASRec {sasrec:.3}");
    assert!(knn < 0.6, "item-kNN {knn}");
    assert!(sasrec > 0.9, "SASRec {sasrec}");
    let fit = |params: &ModelParams| fit_sasrec(&it, &params.sasrec, &Progress::detached());
    let first = fit(&sampled());
    let again = fit(&sampled());
    assert_eq!(first.log, again.log);
    assert_eq!(first.scores(0), again.scores(0));
    // The sampled loss trains other weights than the full one from the same seed.
    assert_ne!(
        first.scores(0),
        fit(&small()).scores(0),
        "sampling was used"
    );
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
    let fit = |params: &SasrecParams| fit_sasrec(&it, params, &progress);
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

/// The planted shop plus one customer who bought nothing.
fn planted_with_a_newcomer() -> Interactions {
    let it = planted();
    let mut customers = it.customers.clone();
    customers.push("NEW".into());
    Interactions::from_parts(customers, it.items.clone(), it.orders, it.events.clone())
}

#[test]
fn lists_from_the_blocked_product_match_each_customers_probabilities() {
    let it = planted_with_a_newcomer();
    let progress = Progress::detached();
    let params = small();
    let model = fit(
        ModelKind::Sasrec,
        it.matrix(&it.events),
        &it.events,
        &it.items,
        &params,
        &progress,
    )
    .expect("fit");
    let lists = model.recommend_all(5, true, &progress).expect("lists");
    // The same weights (same seed), scored one customer at a time.
    let sasrec = fit_sasrec(&it, &params.sasrec, &progress);
    for (u, list) in lists.iter().enumerate().take(CUSTOMERS as usize) {
        let seen = model.train().row(u).0;
        let mut expected: Vec<(u32, f32)> = sasrec
            .scores(u)
            .into_iter()
            .filter(|(i, _)| seen.binary_search(i).is_err())
            .collect();
        expected.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        expected.truncate(5);
        let got: Vec<u32> = list.iter().map(|r| r.item).collect();
        let want: Vec<u32> = expected.iter().map(|&(i, _)| i).collect();
        assert_eq!(got, want, "customer {u}");
        for (r, (_, p)) in list.iter().zip(&expected) {
            assert!(
                (r.score - p).abs() <= 1e-5 * p.max(1e-3),
                "customer {u}: {r:?} vs {p}"
            );
        }
    }
    // Nothing bought: the popularity fill, no model score.
    let newcomer = lists.last().expect("the newcomer's list");
    assert_eq!(newcomer.len(), 5);
    assert!(
        newcomer
            .iter()
            .all(|r| r.score == 0.0 && r.reason == Reason::Popular),
        "{newcomer:?}"
    );
}

#[test]
fn the_search_keeps_the_best_validated_settings_and_is_deterministic() {
    let it = planted();
    let progress = Progress::detached();
    let fit = |params: &SasrecParams| fit_sasrec(&it, params, &progress);
    // Dropping 95 % of the activations hides the pattern in a short trial;
    // the epochs, not the (long) budget, end every trial.
    let search = SasrecParams {
        dropout: 0.95,
        epochs: 20,
        search: true,
        ..small().sasrec
    };
    let searched = fit(&search);
    let log = &searched.log;
    let tried: Vec<SasrecParams> = log.trials.iter().map(|t| t.params).collect();
    // 32 → 16 dimensions with one block, dropout 0.5; the 20-item window is
    // the operator's 8 already, so it is not tried twice.
    assert_eq!(tried.len(), 3, "{log:?}");
    assert_eq!((tried[1].dim, tried[1].blocks), (16, 1));
    assert_eq!(tried[2].dropout, 0.5);
    assert!(log.trials.iter().all(|t| t.epochs == 3), "{log:?}");
    let best = log.trials.iter().fold(&log.trials[0], |b, t| {
        if t.best_ndcg > b.best_ndcg { t } else { b }
    });
    assert_eq!(log.chosen, best.params, "{log:?}");
    assert_eq!(log.chosen.dropout, 0.5, "the planted winner: {log:?}");
    assert_eq!(searched.params, search);
    assert!(!log.out_of_time);
    // The winner went on with the same network: exactly a plain run with its settings.
    let plain = fit(&SasrecParams {
        epochs: 20,
        ..log.chosen
    });
    assert_eq!(plain.log.ndcg, log.ndcg);
    assert_eq!(plain.scores(0), searched.scores(0));
    // Deterministic for the seed (the seconds aside).
    let again = fit(&search);
    let without_secs = |log: &marketbench::analysis::recommend::sasrec::TrainingLog| {
        let mut log = log.clone();
        log.trials.iter_mut().for_each(|t| t.secs = 0.0);
        log
    };
    assert_eq!(without_secs(&again.log), without_secs(log));
    assert_eq!(again.scores(0), searched.scores(0));
}

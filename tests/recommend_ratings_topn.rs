//! User-kNN on explicit ratings ranks a top-N list by how many similar customers
//! rated an item (their summed similarity), not by the predicted rating alone: a
//! rating predicted from one neighbour must not outrank well-supported items.
//! Generated data shaped like a film-ratings site (a long tail of items rated
//! by few, taste groups, noisy 1–5 ratings), scored as the issue measures it:
//! each customer's last 20 % by time held out, items already rated excluded.

use marketbench::analysis::recommend::evaluate::{EvalParams, Outcome, Split, evaluate};
use marketbench::analysis::recommend::{
    Event, Feedback, Interactions, ItemInfo, ModelKind, ModelParams, Reason, fit,
};
use marketbench::jobs::Progress;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const CUSTOMERS: usize = 800;
const ITEMS: usize = 1500;
const GENRES: usize = 8;

/// Items ∝ 1/(rank + 20) (a long tail), each of one genre with a quality in
/// −1..1; each customer has two favourite genres (chosen 4× as often, rated a
/// point higher), a bias, and 20–220 ratings rounded to 1–5 with noise.
fn film_site() -> Interactions {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let genre: Vec<usize> = (0..ITEMS).map(|i| (i * 7 + i / 3) % GENRES).collect();
    let quality: Vec<f64> = (0..ITEMS).map(|_| rng.random_range(-1.0..1.0)).collect();
    let mut events = Vec::new();
    for c in 0..CUSTOMERS {
        let favourite = [rng.random_range(0..GENRES), rng.random_range(0..GENRES)];
        let bias = rng.random_range(-0.7..0.7);
        let liked = |i: usize| favourite.contains(&genre[i]);
        let weights: Vec<f64> = (0..ITEMS)
            .map(|i| (if liked(i) { 4.0 } else { 1.0 }) / (i as f64 + 20.0))
            .collect();
        let total: f64 = weights.iter().sum();
        let wanted = 20 + (rng.random_range(0.0f64..1.0).powi(2) * 200.0) as usize;
        let mut rated = vec![false; ITEMS];
        let mut t = 0i64;
        while t < wanted as i64 {
            let mut x = rng.random_range(0.0..total);
            let i = weights
                .iter()
                .position(|&w| {
                    x -= w;
                    x < 0.0
                })
                .unwrap_or(ITEMS - 1);
            if std::mem::replace(&mut rated[i], true) {
                continue;
            }
            let noise: f64 = rng.random_range(-1.0..1.0) + rng.random_range(-1.0..1.0);
            let raw = 3.0 + f64::from(u8::from(liked(i))) + quality[i] + bias + 0.6 * noise;
            events.push(Event {
                customer: c as u32,
                item: i as u32,
                order: (c * 1000) as u32 + t as u32,
                ts_ms: t * 3_600_000,
                rating: raw.round().clamp(1.0, 5.0) as f32,
            });
            t += 1;
        }
    }
    let items = (0..ITEMS)
        .map(|i| ItemInfo {
            id: format!("F{i:04}"),
            name: format!("film {i}"),
            category: None,
            price: None,
        })
        .collect();
    let customers = (0..CUSTOMERS).map(|c| format!("U{c:04}")).collect();
    let orders = events.len();
    let mut it = Interactions::from_parts(customers, items, orders, events);
    it.feedback = Feedback::Ratings;
    it
}

fn ndcg_by_model(it: &Interactions) -> Vec<(ModelKind, f64)> {
    let params = EvalParams {
        split: Split::Time8020,
        k: 10,
        exclude_seen: true,
        models: vec![ModelKind::Popular, ModelKind::ItemKnn, ModelKind::UserKnn],
        ..EvalParams::default()
    };
    match evaluate(it, &params, &Progress::detached()).expect("evaluate") {
        Outcome::Scored(card) => card
            .models
            .iter()
            .map(|m| (m.model, m.metrics.ndcg))
            .collect(),
        Outcome::NothingToTest(why) => panic!("nothing to test: {why:?}"),
    }
}

#[test]
fn user_knn_on_ratings_ranks_a_top_n_list_as_well_as_item_knn() {
    let it = film_site();
    let scores = ndcg_by_model(&it);
    let ndcg = |kind| scores.iter().find(|s| s.0 == kind).expect("scored").1;
    let (popular, item, user) = (
        ndcg(ModelKind::Popular),
        ndcg(ModelKind::ItemKnn),
        ndcg(ModelKind::UserKnn),
    );
    eprintln!("NDCG@10 popular {popular:.4}, item-kNN {item:.4}, user-kNN {user:.4}");
    assert!(user > popular, "user-kNN {user:.4} vs popular {popular:.4}");
    assert!(
        user > 0.9 * item,
        "user-kNN {user:.4} vs item-kNN {item:.4}"
    );
}

#[test]
fn an_item_one_neighbour_loved_does_not_outrank_one_most_neighbours_rated() {
    // Customer 0 and twelve look-alikes rate items 0..5 alike. Eleven of them
    // rated item 6 a 4 (well supported); one rated item 7 a 5 (one voice).
    let mut events = Vec::new();
    let mut push = |customer: u32, item: u32, rating: f32| {
        events.push(Event {
            customer,
            item,
            order: customer * 10 + item,
            ts_ms: i64::from(item),
            rating,
        })
    };
    for c in 0..13 {
        for i in 0..6 {
            push(c, i, if i % 2 == 0 { 5.0 } else { 3.0 });
        }
        match c {
            1..=11 => push(c, 6, 4.0),
            12 => push(c, 7, 5.0),
            _ => {}
        }
    }
    let items = (0..8)
        .map(|i| ItemInfo {
            id: format!("I{i}"),
            name: format!("item {i}"),
            category: None,
            price: None,
        })
        .collect();
    let customers = (0..13).map(|c| format!("C{c:02}")).collect();
    let mut it = Interactions::from_parts(customers, items, 13 * 7, events);
    it.feedback = Feedback::Ratings;
    let params = ModelParams {
        explicit: true,
        ..ModelParams::default()
    };
    let progress = Progress::detached();
    let model = fit(
        ModelKind::UserKnn,
        it.matrix(&it.events),
        &it.events,
        &it.items,
        &params,
        &progress,
    )
    .expect("fit");
    let list = &model.recommend_for(&[0], 2, true, &progress).expect("list")[0];
    assert_eq!(list[0].item, 6, "{list:?}");
    assert_eq!(list[1].item, 7, "{list:?}");
    // The explanation stays the mean-centred predicted rating, with its support.
    match list[0].reason {
        Reason::PredictedRating(rating, n) => {
            assert_eq!(n, 11);
            // Customer 0's mean is 4; each of the eleven rated item 6 at their mean − 0.
            // (their mean over 7 ratings is 4), so the prediction is 4 + 0 = 4.
            assert!((rating - 4.0).abs() < 1e-4, "{rating}");
        }
        ref other => panic!("reason {other:?}"),
    }
}

//! Recommenders, rules and the report card on generated purchases with planted
//! co-purchase bundles (settings chosen by validation never see the test part),
//! popularity within a segment, on the bundled sample store, and the three
//! commands end to end.

use std::path::PathBuf;
use std::process::Command;

use marketbench::analysis::recommend::evaluate::{
    EvalParams, Outcome, Split, evaluate, split_events,
};
use marketbench::analysis::recommend::rules::{RuleParams, association_rules};
use marketbench::analysis::recommend::validate::{
    ALS_ALPHAS, ALS_FACTORS, ALS_LAMBDAS, ITEM_GRID, MAX_VALIDATION, Trial, Validation,
    choose_by_validation,
};
use marketbench::analysis::recommend::{
    Event, Interactions, ItemInfo, ModelKind, ModelParams, Reason, fit, interactions_from_lines,
};
use marketbench::cli::{LoadArgs, load_files};
use marketbench::jobs::Progress;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

/// Planted bundles: (anchor, companion). Far apart in index and popularity.
const BUNDLES: [(u32, u32); 3] = [(5, 200), (50, 201), (120, 202)];
const ITEMS: u32 = 300;

/// 1,500 customers, each with a favourite category (item index mod 10), 2–6
/// orders of 1–3 items: 70 % from the favourite category, the rest from all, each
/// drawn ∝ 1/(i + 10); an anchor in an order brings its companion with
/// probability 0.6. The last customer bought only the first anchor, once.
fn generated() -> Interactions {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let weights: Vec<f64> = (0..ITEMS).map(|i| 1.0 / (f64::from(i) + 10.0)).collect();
    let draw = |rng: &mut ChaCha8Rng, taste: Option<u32>| {
        let allowed = |i: &u32| taste.is_none_or(|t| i % 10 == t);
        let total: f64 = (0..ITEMS)
            .filter(allowed)
            .map(|i| weights[i as usize])
            .sum();
        let mut x = rng.random_range(0.0..total);
        for i in (0..ITEMS).filter(allowed) {
            if x < weights[i as usize] {
                return i;
            }
            x -= weights[i as usize];
        }
        ITEMS - 1
    };
    let customers = 1_500u32;
    let mut events = Vec::new();
    let mut order = 0u32;
    for c in 0..customers - 1 {
        let favourite = c % 10;
        for k in 0..rng.random_range(2..=6) {
            let mut basket: Vec<u32> = (0..rng.random_range(1..=3))
                .map(|_| {
                    let taste = rng.random_bool(0.7).then_some(favourite);
                    draw(&mut rng, taste)
                })
                .collect();
            for (anchor, companion) in BUNDLES {
                if basket.contains(&anchor) && rng.random_bool(0.6) {
                    basket.push(companion);
                }
            }
            basket.sort_unstable();
            basket.dedup();
            for item in basket {
                events.push(Event {
                    customer: c,
                    item,
                    order,
                    ts_ms: i64::from(k) * 86_400_000 * 10,
                    rating: 1.0,
                });
            }
            order += 1;
        }
    }
    events.push(Event {
        customer: customers - 1,
        item: BUNDLES[0].0,
        order,
        ts_ms: 0,
        rating: 1.0,
    });
    let items = (0..ITEMS)
        .map(|i| ItemInfo {
            id: format!("I{i:03}"),
            name: format!("item {i}"),
            category: Some(format!("cat {}", i % 10)),
            price: Some(10.0 + f64::from(i)),
        })
        .collect();
    let names = (0..customers).map(|c| format!("C{c:04}")).collect();
    Interactions::from_parts(names, items, order as usize + 1, events)
}

fn small_als() -> ModelParams {
    let mut params = ModelParams::default();
    params.als.factors = 32;
    params
}

#[test]
fn item_knn_and_als_put_the_bundle_partner_in_the_top_5() {
    let it = generated();
    let progress = Progress::detached();
    for kind in [ModelKind::ItemKnn, ModelKind::Als] {
        let model = fit(
            kind,
            it.matrix(&it.events),
            &it.events,
            &it.items,
            &small_als(),
            &progress,
        )
        .expect("fit");
        for (anchor, companion) in BUNDLES {
            let similar: Vec<u32> = model.similar_items(anchor, 5).iter().map(|s| s.0).collect();
            assert!(
                similar.contains(&companion),
                "{kind}: {anchor} → {similar:?}"
            );
        }
        let only_anchor = it.customers.len() - 1;
        let list = model.recommend(only_anchor, 5, true, &mut model.scratch());
        let items: Vec<u32> = list.iter().map(|r| r.item).collect();
        assert!(items.contains(&BUNDLES[0].1), "{kind}: {items:?}");
        let partner = list
            .iter()
            .find(|r| r.item == BUNDLES[0].1)
            .expect("partner");
        assert_eq!(partner.reason, Reason::Bought(vec![BUNDLES[0].0]));
        assert_eq!(partner.reason.text(&it.items), "bought item 5");
    }
}

#[test]
fn rules_find_the_planted_pairs_with_lift_above_1() {
    let it = generated();
    let rules =
        association_rules(&it, &RuleParams::default(), &Progress::detached()).expect("rules");
    for (anchor, companion) in BUNDLES {
        let rule = rules
            .iter()
            .find(|r| r.antecedent == vec![anchor] && r.consequent == companion)
            .unwrap_or_else(|| panic!("{anchor} → {companion}"));
        assert!(rule.lift > 1.0 && rule.confidence > 0.45, "{rule:?}");
    }
    // No unplanted rule with as much support comes close in lift.
    let planted = |a: u32, b: u32| BUNDLES.contains(&(a.min(b), a.max(b)));
    for (anchor, companion) in BUNDLES {
        let rule = rules
            .iter()
            .find(|r| r.antecedent == vec![anchor] && r.consequent == companion)
            .expect("planted rule");
        for other in rules
            .iter()
            .filter(|r| !planted(r.antecedent[0], r.consequent))
        {
            assert!(
                other.count < rule.count || other.lift < rule.lift / 2.0,
                "{other:?} vs {rule:?}"
            );
        }
    }
}

#[test]
fn report_card_ranks_co_purchase_models_above_popularity() {
    let it = generated();
    let params = EvalParams {
        split: Split::LastBasket,
        models: vec![ModelKind::Popular, ModelKind::ItemKnn],
        ..EvalParams::default()
    };
    let Outcome::Scored(card) = evaluate(&it, &params, &Progress::detached()).expect("card") else {
        panic!("nothing to test");
    };
    assert_eq!(card.models.len(), 2);
    let (popular, knn) = (&card.models[0].metrics, &card.models[1].metrics);
    assert!(card.tested > 1000);
    assert!(knn.coverage > popular.coverage);
    assert!(knn.hit_rate >= popular.hit_rate, "{knn:?} vs {popular:?}");
}

fn sample_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"))
}

#[test]
fn rules_find_every_planted_bundle_of_the_sample_store() {
    let lines = load_files(&[sample_dir()], &LoadArgs::default())
        .expect("sample loads")
        .store
        .order_lines()
        .expect("lines")
        .expect("orders");
    let it = interactions_from_lines(&lines).expect("interactions");
    let rules =
        association_rules(&it, &RuleParams::default(), &Progress::detached()).expect("rules");
    let truth =
        std::fs::read_to_string(sample_dir().join("truth/bundles.csv")).expect("bundles.csv");
    let mut planted = 0;
    for line in truth.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let anchor = it.item_index(fields[0]).expect("anchor sold") as u32;
        let companion = it.item_index(fields[2]).expect("companion sold") as u32;
        let probability: f64 = fields[4].parse().expect("probability");
        let rule = rules
            .iter()
            .find(|r| r.antecedent == vec![anchor] && r.consequent == companion)
            .unwrap_or_else(|| panic!("{} → {}", fields[0], fields[2]));
        assert!(rule.lift > 10.0, "{line}: {rule:?}");
        assert!(
            (rule.confidence - probability).abs() < 0.15,
            "{line}: {rule:?}"
        );
        planted += 1;
    }
    assert_eq!(planted, 13);
}

fn marketbench(args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(args)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn commands_end_to_end_on_the_sample_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = sample_dir().display().to_string();
    let card = marketbench(&[
        "evaluate",
        &sample,
        "--split",
        "last-basket",
        "--models",
        "popular,item-knn",
        "--top",
        "5",
        "--json",
    ]);
    assert_eq!(card["split"], "last-basket");
    assert_eq!(card["k"], 5);
    let models = card["models"].as_array().expect("models");
    assert_eq!(models[0]["name"], "popular");
    assert_eq!(models[1]["name"], "item-knn");
    for key in [
        "precision_at_k",
        "recall_at_k",
        "ndcg_at_k",
        "hit_rate_at_k",
        "coverage",
        "fit_secs",
    ] {
        let v = models[1][key].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&v) || key == "fit_secs", "{key} = {v}");
    }
    assert!(models[1]["hit_rate_at_k"].as_f64() > models[0]["hit_rate_at_k"].as_f64());
    // Validation (on by default) chose item-kNN's neighbours from its grid only.
    let chosen = &card["chosen"];
    let neighbours = chosen["item_neighbours"].as_u64().expect("chosen") as usize;
    assert!(ITEM_GRID.contains(&neighbours), "{chosen}");
    assert_eq!(
        chosen["trials"].as_array().map(Vec::len),
        Some(ITEM_GRID.len())
    );

    let out = dir.path().join("recs.csv");
    let recs = marketbench(&[
        "recommend",
        &sample,
        "--model",
        "item-knn",
        "--top",
        "3",
        "--for",
        "C00001",
        "--out",
        out.to_str().expect("path"),
        "--json",
    ]);
    let rows = recs["recommendations"].as_array().expect("rows");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["customer_id"], "C00001");
    assert_eq!(rows[0]["rank"], 1);
    let customers = recs["customers"].as_u64().expect("customers") as usize;
    let text = std::fs::read_to_string(&out).expect("csv");
    let text = text.trim_start_matches('\u{feff}');
    assert!(text.starts_with("customer_id,rank,item_id,item_name,score,reason"));
    assert_eq!(text.lines().count(), 1 + 3 * customers);
    // The file's scores are the list's, to 3 decimals as the window shows them.
    let first: Vec<&str> = text.lines().nth(1).expect("a row").split(',').collect();
    assert_eq!(first[..2], ["C00001", "1"]);
    let shown = rows[0]["score"].as_f64().expect("score");
    assert_eq!(
        first[4],
        format!("{shown:.3}")
            .trim_end_matches('0')
            .trim_end_matches('.')
    );
    let neighbours = recs["chosen"]["item_neighbours"].as_u64().expect("chosen") as usize;
    assert!(ITEM_GRID.contains(&neighbours), "{}", recs["chosen"]);
    let typed = marketbench(&[
        "recommend",
        &sample,
        "--validate",
        "false",
        "--for",
        "C00001",
        "--json",
    ]);
    assert!(typed["chosen"].is_null());

    let rules = marketbench(&["rules", &sample, "--min-support", "0.002", "--json"]);
    let found = rules["rules"].as_array().expect("rules");
    assert!(
        found
            .iter()
            .any(|r| r["antecedent"][0] == "SKU0051" && r["consequent"] == "SKU0052")
    );
    assert!(found.iter().all(|r| r["support"].as_f64() >= Some(0.002)));
}

/// Popularity within the customer's segment: six customers of segment 0 buy
/// item 0, four of segment 1 buy item 1; customer 9 (segment 1) bought only item
/// 2. The shop's favourite is item 0, the segment's item 1: with segments the
/// popular model offers item 1 first, "popular in your segment"; without, item 0.
#[test]
fn popularity_within_the_customers_segment() {
    let mut events = Vec::new();
    for c in 0..9_u32 {
        let item = if c < 6 { 0 } else { 1 };
        events.push(Event {
            customer: c,
            item,
            order: c,
            ts_ms: 0,
            rating: 1.0,
        });
    }
    events.push(Event {
        customer: 9,
        item: 2,
        order: 9,
        ts_ms: 0,
        rating: 1.0,
    });
    let items: Vec<ItemInfo> = (0..3)
        .map(|i| ItemInfo {
            id: format!("I{i}"),
            name: format!("item {i}"),
            category: None,
            price: None,
        })
        .collect();
    let customers = (0..10).map(|c| format!("C{c}")).collect();
    let interactions = Interactions::from_parts(customers, items, 10, events);
    let train = || interactions.matrix(&interactions.events);
    let progress = Progress::detached();
    let segmented = ModelParams {
        segments: Some((0..10).map(|c| Some(u32::from(c >= 6))).collect()),
        ..ModelParams::default()
    };
    let model = fit(
        ModelKind::Popular,
        train(),
        &interactions.events,
        &interactions.items,
        &segmented,
        &progress,
    )
    .expect("fit");
    let list = &model.recommend_for(&[9], 2, true, &progress).expect("list")[0];
    assert_eq!(list[0].item, 1);
    assert_eq!(list[0].reason, Reason::PopularInSegment);
    assert_eq!(
        list[0].reason.text(&interactions.items),
        "popular in your segment"
    );
    let plain = fit(
        ModelKind::Popular,
        train(),
        &interactions.events,
        &interactions.items,
        &ModelParams::default(),
        &progress,
    )
    .expect("fit");
    let list = &plain.recommend_for(&[9], 2, true, &progress).expect("list")[0];
    assert_eq!((list[0].item, &list[0].reason), (0, &Reason::Popular));
}

/// The settings chosen by validation come from the training part alone: a shop
/// whose held-out purchases are all replaced (planted: each tested customer's
/// last purchase becomes another item) gets the very same choice and the same
/// validation scores, while its report-card metrics change; and the choice is
/// what validation on the training events by themselves gives.
#[test]
fn validation_never_sees_the_test_purchases() {
    let it = generated();
    let split = split_events(&it, Split::LeaveLastOut);
    let mut events = split.train.clone();
    for (u, held) in &split.test {
        events.push(Event {
            customer: *u as u32,
            item: (held[0] + 7) % ITEMS,
            order: it.orders as u32 + *u as u32,
            ts_ms: i64::MAX / 2,
            rating: 1.0,
        });
    }
    let planted = Interactions::from_parts(
        it.customers.clone(),
        it.items.clone(),
        it.orders + split.test.len(),
        events,
    );
    assert_eq!(
        split_events(&planted, Split::LeaveLastOut).train,
        split.train
    );
    let params = EvalParams {
        split: Split::LeaveLastOut,
        models: vec![ModelKind::ItemKnn, ModelKind::Als],
        model: small_als(),
        validate: true,
        ..EvalParams::default()
    };
    let progress = Progress::detached();
    let Outcome::Scored(original) = evaluate(&it, &params, &progress).expect("card") else {
        panic!("nothing to test");
    };
    let Outcome::Scored(replaced) = evaluate(&planted, &params, &progress).expect("card") else {
        panic!("nothing to test");
    };
    let chosen = original
        .validation
        .clone()
        .expect("asked")
        .expect("enough customers");
    // ALS: every α at the smallest factors and first λ, then more factors while
    // they help, then the other λ; the setting kept is the best trial.
    let als: Vec<&Trial> = chosen
        .trials
        .iter()
        .filter(|t| t.model == ModelKind::Als)
        .collect();
    assert_eq!(chosen.trials.len(), ITEM_GRID.len() + als.len());
    assert!((5..=6).contains(&als.len()), "{als:?}");
    for (trial, alpha) in als.iter().zip(ALS_ALPHAS) {
        let start = format!(
            "{} factors, λ {}, α {alpha}",
            ALS_FACTORS[0], ALS_LAMBDAS[0]
        );
        assert_eq!(trial.setting, start);
    }
    // Every factor step but the last scored better than all before it.
    let factors = &als[ALS_ALPHAS.len()..als.len() - (ALS_LAMBDAS.len() - 1)];
    for (j, step) in factors.iter().enumerate().take(factors.len() - 1) {
        let before = als[..ALS_ALPHAS.len() + j].iter().map(|t| t.ndcg);
        assert!(
            step.ndcg > before.fold(f64::NEG_INFINITY, f64::max),
            "{als:?}"
        );
    }
    let best = als.iter().map(|t| t.ndcg).fold(f64::NEG_INFINITY, f64::max);
    let kept = format!(
        "{} factors, λ {}, α {}",
        chosen.als_factors, chosen.als_regularization, chosen.als_alpha
    );
    let kept = als
        .iter()
        .find(|t| t.setting == kept)
        .expect("the kept setting was tried");
    assert_eq!(kept.ndcg, best);
    assert!(als.iter().all(|t| t.fit_secs > 0.0));
    // The same choice and scores; fit times differ from run to run.
    let untimed = |v: &Validation| Validation {
        trials: v
            .trials
            .iter()
            .map(|t| Trial {
                fit_secs: 0.0,
                ..t.clone()
            })
            .collect(),
        ..v.clone()
    };
    let replaced_choice = replaced.validation.clone().expect("asked").expect("enough");
    assert_eq!(untimed(&replaced_choice), untimed(&chosen));
    assert_ne!(replaced.models[0].metrics, original.models[0].metrics);
    let direct = choose_by_validation(
        &it,
        &split.train,
        &small_als(),
        &params.models,
        params.k,
        params.exclude_seen,
        &progress,
    )
    .expect("validation")
    .expect("enough customers");
    assert_eq!(untimed(&chosen), untimed(&direct));
    assert!(ITEM_GRID.contains(&chosen.item_neighbours));
}

/// A base larger than [`MAX_VALIDATION`]: each setting is scored on an evenly
/// spread sample of that many customers, and the summary says so.
#[test]
fn a_large_base_is_validated_on_a_stated_sample() {
    let customers = MAX_VALIDATION + 500;
    let mut events = Vec::new();
    for c in 0..customers as u32 {
        // Pairs (2p, 2p + 1) bought together, then the pair's first again.
        let pair = 2 * (c % 20);
        for (order, item) in [(0, pair), (0, pair + 1), (1, pair)] {
            events.push(Event {
                customer: c,
                item,
                order: c * 2 + order,
                ts_ms: i64::from(order) * 86_400_000,
                rating: 1.0,
            });
        }
    }
    let items = (0..40)
        .map(|i| ItemInfo {
            id: format!("I{i}"),
            name: format!("item {i}"),
            category: None,
            price: None,
        })
        .collect();
    let ids = (0..customers).map(|c| format!("C{c}")).collect();
    let it = Interactions::from_parts(ids, items, customers * 2, events);
    let chosen = choose_by_validation(
        &it,
        &it.events,
        &ModelParams::default(),
        &[ModelKind::ItemKnn],
        10,
        false,
        &Progress::detached(),
    )
    .expect("validation")
    .expect("chosen");
    assert_eq!(
        (chosen.customers, chosen.candidates),
        (MAX_VALIDATION, customers)
    );
    let summary = chosen.summary();
    assert!(
        summary.contains("for 20,000 of the 20,500 customers"),
        "{summary}"
    );
}

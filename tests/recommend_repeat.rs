//! The timed repeat-buy model and the blend whose mix validation chooses, on a
//! planted weekly shop: each customer re-buys two staples every week, then
//! switches to two new staples for the last weeks, with one one-off item in
//! every basket. The right answer for the next basket is the current staples.

use marketbench::analysis::recommend::evaluate::{
    EvalParams, Outcome, Split, evaluate, metrics_at_k, split_events,
};
use marketbench::analysis::recommend::validate::{
    REPEAT_DECAYS, REPEAT_NEIGHBOURS, Trial, choose_by_validation,
};
use marketbench::analysis::recommend::{
    BlendWeights, Event, Interactions, ItemInfo, ModelKind, ModelParams, Reason, RepeatParams, fit,
};
use marketbench::jobs::Progress;
use marketbench::workspace::recommend::RecommendParams;

const CUSTOMERS: u32 = 60;
const OLD_WEEKS: u32 = 8;
const NEW_WEEKS: u32 = 6;
const DAY_MS: i64 = 86_400_000;

/// Customer c: old staples `c % 10` and `(c + 3) % 10` weekly for 8 weeks,
/// then new staples `10 + c % 10` and `10 + (c + 5) % 10` weekly for 6 weeks;
/// every basket one one-off item from 20..40 (never the same twice for c).
/// Weekly is the cycle; the switch is what only timing can see.
fn planted() -> Interactions {
    let mut events = Vec::new();
    let mut order = 0;
    for c in 0..CUSTOMERS {
        for week in 0..OLD_WEEKS + NEW_WEEKS {
            let staples = if week < OLD_WEEKS {
                [c % 10, (c + 3) % 10]
            } else {
                [10 + c % 10, 10 + (c + 5) % 10]
            };
            let one_off = 20 + (c * 7 + week * 3) % 20;
            let week_ms = i64::from(week) * 7 * DAY_MS;
            // The one-off line an hour before the staples: leave-last-out then
            // holds out a staple (the predictable part), as a real shop's
            // validation mostly would.
            let lines = [(staples[0], 0), (staples[1], 0), (one_off, -3_600_000)];
            for (item, offset) in lines {
                events.push(Event {
                    customer: c,
                    item,
                    order,
                    ts_ms: week_ms + offset,
                    rating: 1.0,
                });
            }
            order += 1;
        }
    }
    let items = (0..40)
        .map(|i| ItemInfo {
            id: format!("I{i:02}"),
            name: format!("item {i}"),
            category: None,
            price: None,
        })
        .collect();
    let customers = (0..CUSTOMERS).map(|c| format!("C{c:02}")).collect();
    Interactions::from_parts(customers, items, order as usize, events)
}

fn new_staples(c: u32) -> [u32; 2] {
    [10 + c % 10, 10 + (c + 5) % 10]
}

#[test]
fn the_current_staples_lead_the_list_with_their_timing_as_the_reason() {
    let it = planted();
    let progress = Progress::detached();
    // Strong recency (the grid's last decay), as validation picks on this shop.
    let params = ModelParams {
        repeat: RepeatParams {
            group_size: 3,
            basket_decay: 0.7,
            group_decay: 0.5,
            ..RepeatParams::default()
        },
        ..ModelParams::default()
    };
    let model = fit(
        ModelKind::Repeat,
        it.matrix(&it.events),
        &it.events,
        &it.items,
        &params,
        &progress,
    )
    .expect("fit");
    let mut scratch = model.scratch();
    for c in 0..CUSTOMERS {
        let list = model.recommend(c as usize, 10, false, &mut scratch);
        let top: Vec<u32> = list[..2].iter().map(|r| r.item).collect();
        let mut want = new_staples(c).to_vec();
        want.sort_unstable();
        let mut got = top.clone();
        got.sort_unstable();
        assert_eq!(got, want, "customer {c}: {list:?}");
        // The current staples rank above every one-off item, even the one in
        // the latest basket.
        let rank = |i: u32| list.iter().position(|r| r.item == i);
        let last_staple = new_staples(c)
            .into_iter()
            .map(|i| rank(i).expect("staple listed"))
            .max()
            .expect("staples");
        for (k, r) in list.iter().enumerate() {
            if r.item >= 20 && r.score > 0.0 {
                assert!(k > last_staple, "customer {c}: one-off {} at {k}", r.item);
            }
        }
        assert_eq!(list[0].reason, Reason::BoughtLast(NEW_WEEKS, 0), "{c}");
        assert_eq!(
            list[0].reason.text(&it.items),
            format!("bought {NEW_WEEKS} times, last 0 days ago")
        );
    }
    // Timing matters: the plain history still ranks the old staples first
    // (bought more often).
    let history = fit(
        ModelKind::History,
        it.matrix(&it.events),
        &it.events,
        &it.items,
        &ModelParams::default(),
        &progress,
    )
    .expect("fit");
    let list = history.recommend(0, 2, false, &mut scratch);
    assert!(list.iter().all(|r| r.item < 10), "{list:?}");
}

#[test]
fn repeat_beats_history_and_item_knn_on_the_last_basket() {
    let it = planted();
    let params = EvalParams {
        split: Split::LastBasket,
        exclude_seen: false,
        validate: true,
        models: vec![
            ModelKind::ItemKnn,
            ModelKind::History,
            ModelKind::Repeat,
            ModelKind::Blend,
        ],
        ..EvalParams::default()
    };
    let Outcome::Scored(card) = evaluate(&it, &params, &Progress::detached()).expect("card") else {
        panic!("nothing to test");
    };
    let ndcg = |kind: ModelKind| {
        let line = card.models.iter().find(|m| m.model == kind);
        line.expect("scored").metrics.ndcg
    };
    let repeat = ndcg(ModelKind::Repeat);
    assert!(repeat > ndcg(ModelKind::History) + 0.05, "{card:?}");
    assert!(repeat > ndcg(ModelKind::ItemKnn) + 0.05, "{card:?}");
    assert!(
        ndcg(ModelKind::Blend) >= ndcg(ModelKind::History),
        "{card:?}"
    );
    let chosen = card.validation.clone().expect("asked").expect("chosen");
    // Validation chose a decaying repeat setting and says the blend's mix.
    assert!(chosen.repeat.group_decay < 1.0, "{chosen:?}");
    assert!(
        chosen.summary().contains("blend repeat buys"),
        "{}",
        chosen.summary()
    );
}

/// NDCG@10 (re-buys allowed) of `kind` fitted with `params` on `it`'s
/// leave-last-out split: the split validation uses.
fn validation_ndcg(it: &Interactions, kind: ModelKind, params: &ModelParams) -> f64 {
    let split = split_events(it, Split::LeaveLastOut);
    let train = it.matrix(&split.train);
    let model = fit(
        kind,
        train,
        &split.train,
        &it.items,
        params,
        &Progress::detached(),
    )
    .expect("fit");
    let rows: Vec<usize> = split.test.iter().map(|(u, _)| *u).collect();
    let truth: Vec<Vec<u32>> = split.test.iter().map(|(_, t)| t.clone()).collect();
    let lists: Vec<Vec<u32>> = model
        .recommend_for(&rows, 10, false, &Progress::detached())
        .expect("lists")
        .into_iter()
        .map(|l| l.into_iter().map(|r| r.item).collect())
        .collect();
    metrics_at_k(&lists, &truth, 10, it.items.len()).ndcg
}

#[test]
fn the_chosen_mix_is_never_worse_than_the_best_part_and_the_fixed_half_is() {
    let it = planted();
    let base = ModelParams::default();
    let chosen = choose_by_validation(
        &it,
        &it.events,
        &base,
        &[ModelKind::Blend],
        10,
        false,
        &Progress::detached(),
    )
    .expect("validation")
    .expect("chosen");
    let params = chosen.apply(&base);
    let part = |kind| validation_ndcg(&it, kind, &params);
    let best_part = [ModelKind::Repeat, ModelKind::History, ModelKind::ItemKnn]
        .into_iter()
        .map(part)
        .fold(f64::MIN, f64::max);
    let blend = validation_ndcg(&it, ModelKind::Blend, &params);
    assert!(
        blend >= best_part - 1e-9,
        "blend {blend} < best part {best_part}"
    );
    // The old fixed mix (history and item-kNN half each) falls short here.
    let fixed = ModelParams {
        blend: BlendWeights::default(),
        ..params.clone()
    };
    let fixed = validation_ndcg(&it, ModelKind::Blend, &fixed);
    assert!(
        fixed < best_part - 0.05,
        "fixed {fixed}, best part {best_part}"
    );
    assert!(chosen.blend.repeat > 0.0, "{chosen:?}");
    // Repeat: every decay on own items first, then the neighbours at the best.
    let repeat: Vec<_> = chosen
        .trials
        .iter()
        .filter(|t| t.model == ModelKind::Repeat)
        .collect();
    assert_eq!(repeat.len(), REPEAT_DECAYS.len() + REPEAT_NEIGHBOURS.len());
    let best_decay = repeat[..REPEAT_DECAYS.len()]
        .iter()
        .max_by(|a, b| a.ndcg.total_cmp(&b.ndcg))
        .expect("decays");
    let decays = |t: &Trial| t.setting.split(',').next().map(str::to_owned);
    for trial in &repeat[..REPEAT_DECAYS.len()] {
        assert!(trial.setting.ends_with("at weight 0"), "{trial:?}");
    }
    for trial in &repeat[REPEAT_DECAYS.len()..] {
        assert_eq!(decays(trial), decays(best_decay), "{trial:?}");
    }
    let tried = chosen.trials.iter().filter(|t| t.model == ModelKind::Blend);
    assert_eq!(tried.count(), BlendWeights::grid().len());
}

#[test]
fn bad_repeat_or_blend_settings_are_refused_not_fitted() {
    let it = planted();
    // The error of fitting `kind` with `params` ("" when it fits).
    let why = |kind: ModelKind, params: ModelParams| {
        let fitted = fit(
            kind,
            it.matrix(&it.events),
            &it.events,
            &it.items,
            &params,
            &Progress::detached(),
        );
        fitted.err().map(|e| e.to_string()).unwrap_or_default()
    };
    let zero = ModelParams {
        blend: BlendWeights {
            repeat: 0.0,
            history: 0.0,
            item_knn: 0.0,
        },
        ..ModelParams::default()
    };
    let decay = |basket_decay, group_decay| ModelParams {
        repeat: RepeatParams {
            basket_decay,
            group_decay,
            ..RepeatParams::default()
        },
        ..ModelParams::default()
    };
    // Each says what is wrong with its own settings.
    let weights = why(ModelKind::Blend, zero.clone());
    assert!(weights.contains("one above 0"), "{weights}");
    for (kind, params) in [
        (ModelKind::Blend, decay(1.5, 0.7)),
        (ModelKind::Repeat, decay(0.9, -0.1)),
    ] {
        let message = why(kind, params);
        assert!(
            message.contains("decays must be between 0 and 1"),
            "{message}"
        );
    }
    // Item-kNN has no blend: a zero mix does not stop it.
    assert_eq!(why(ModelKind::ItemKnn, zero), "");
}

/// Every customer's top 2 from the operator's typed settings (validation off).
fn typed_lists(params: RecommendParams) -> Vec<Vec<u32>> {
    let it = planted();
    let progress = Progress::detached();
    let (model, validation) = params.fit(&it, None, None, &progress).expect("fit");
    assert!(validation.is_none(), "validation was off");
    let rows: Vec<usize> = (0..CUSTOMERS as usize).collect();
    model
        .recommend_for(&rows, 2, false, &progress)
        .expect("lists")
        .into_iter()
        .map(|l| l.into_iter().map(|r| r.item).collect())
        .collect()
}

#[test]
fn the_typed_repeat_settings_and_blend_weights_reach_the_fit() {
    let typed = RecommendParams {
        model: ModelKind::Repeat,
        validate: false,
        repeat_alpha: 0.0,
        ..RecommendParams::default()
    };
    // No decay: the 8 weeks of old staples outweigh the 6 of the new ones.
    let flat = typed_lists(RecommendParams {
        repeat_basket_decay: 1.0,
        repeat_group_decay: 1.0,
        ..typed.clone()
    });
    // Strong recency: the current staples lead.
    let recent = typed_lists(RecommendParams {
        repeat_group_size: 2,
        repeat_basket_decay: 0.5,
        repeat_group_decay: 0.3,
        ..typed.clone()
    });
    for c in 0..CUSTOMERS {
        let mut new = new_staples(c).to_vec();
        new.sort_unstable();
        let mut got = recent[c as usize].clone();
        got.sort_unstable();
        assert_eq!(got, new, "customer {c} with recency");
        assert!(
            flat[c as usize].iter().all(|i| !new.contains(i)),
            "customer {c} without decay: {:?}",
            flat[c as usize]
        );
    }
    // A blend of the repeat part alone lists what the repeat model lists.
    let blend = typed_lists(RecommendParams {
        model: ModelKind::Blend,
        repeat_weight: 1.0,
        history_weight: 0.0,
        item_knn_weight: 0.0,
        ..typed.clone()
    });
    assert_eq!(blend, typed_lists(typed));
}

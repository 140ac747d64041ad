//! The report card's unit tests: hand-computed metrics, the protocols' splits
//! and what a card with nothing to test says.

use super::*;
use crate::analysis::recommend::ItemInfo;

#[test]
fn metrics_match_hand_computation() {
    // A: hit at rank 2 of a 2-item test set; B: hit at rank 1 of 1.
    let recs = vec![vec![1, 2, 3], vec![4, 1, 0]];
    let test = vec![vec![2, 5], vec![4]];
    let m = metrics_at_k(&recs, &test, 3, 6);
    assert_eq!(m.customers, 2);
    assert!((m.precision - 1.0 / 3.0).abs() < 1e-12);
    assert!((m.recall - 0.75).abs() < 1e-12);
    // A: (1/log2 3) / (1 + 1/log2 3) = 0.386853; B: 1.
    assert!(
        (m.ndcg - (0.386_853 + 1.0) / 2.0).abs() < 1e-6,
        "{}",
        m.ndcg
    );
    assert_eq!(m.hit_rate, 1.0);
    assert!((m.coverage - 5.0 / 6.0).abs() < 1e-12);
    // At K = 1 only B hits.
    let m = metrics_at_k(&recs, &test, 1, 6);
    assert_eq!((m.precision, m.recall, m.hit_rate), (0.5, 0.5, 0.5));
    assert!((m.coverage - 2.0 / 6.0).abs() < 1e-12);
}

fn tiny() -> Interactions {
    let e = |customer, item, order, ts_ms| Event {
        customer,
        item,
        order,
        ts_ms,
        rating: 1.0,
    };
    let items = (0..4)
        .map(|i| ItemInfo {
            id: format!("i{i}"),
            name: format!("i{i}"),
            ..ItemInfo::default()
        })
        .collect();
    // Customer 0: order 0 at t=1 (items 2, 0), order 1 at t=2 (items 3, 1).
    // Customer 1: one order. Customer 2: five events in five orders.
    let mut events = vec![
        e(0, 2, 0, 1),
        e(0, 0, 0, 1),
        e(0, 3, 1, 2),
        e(0, 1, 1, 2),
        e(1, 0, 2, 1),
        e(1, 1, 2, 1),
    ];
    events.extend((0..5).map(|k| e(2, k % 4, 3 + k, 10 + i64::from(k))));
    Interactions::from_parts(vec!["a".into(), "b".into(), "c".into()], items, 8, events)
}

/// A shop of four items where each `(customer, item, order, time)` is a purchase.
fn shop(customers: usize, purchases: &[(u32, u32, u32, i64)]) -> Interactions {
    let items = (0..4)
        .map(|i| ItemInfo {
            id: format!("i{i}"),
            name: format!("i{i}"),
            ..ItemInfo::default()
        })
        .collect();
    let events: Vec<Event> = purchases
        .iter()
        .map(|&(customer, item, order, ts_ms)| Event {
            customer,
            item,
            order,
            ts_ms,
            rating: 1.0,
        })
        .collect();
    let orders = purchases
        .iter()
        .map(|p| p.2 as usize + 1)
        .max()
        .unwrap_or(0);
    let ids = (0..customers).map(|c| format!("c{c}")).collect();
    Interactions::from_parts(ids, items, orders, events)
}

fn run(interactions: &Interactions, split: Split, exclude_seen: bool) -> Outcome {
    let params = EvalParams {
        split,
        exclude_seen,
        models: vec![ModelKind::Popular],
        ..EvalParams::default()
    };
    evaluate(interactions, &params, &Progress::detached()).expect("no error")
}

fn untested(outcome: Outcome) -> NothingToTest {
    match outcome {
        Outcome::NothingToTest(why) => why,
        Outcome::Scored(card) => panic!("scored {} customers", card.tested),
    }
}

#[test]
fn customers_who_bought_once_leave_nothing_to_test_under_any_protocol() {
    let once: Vec<_> = (0..5).map(|c| (c, c % 4, c, i64::from(c))).collect();
    let it = shop(5, &once);
    for split in [Split::LeaveLastOut, Split::Time8020, Split::LastBasket] {
        for exclude_seen in [true, false] {
            let why = untested(run(&it, split, exclude_seen));
            let expected = NothingToTest {
                split,
                exclude_seen,
                customers: 5,
                repeat_customers: 0,
                held_out: 0,
            };
            assert_eq!(why, expected);
            assert_eq!(why.cause(), Untested::OnePurchaseEach);
        }
    }
    let why = untested(run(&it, Split::LeaveLastOut, true));
    assert_eq!(
        why.sentence(),
        "Nothing to test yet: under leave-last-out, each customer's last purchase is held \
         out, but none of the 5 customers bought more than one item. The report card needs \
         customers with at least two purchases: load more orders, for example a longer period."
    );
}

#[test]
fn exclude_seen_removing_every_held_out_item_says_so() {
    // Each customer bought item 1 in two orders: the held-out purchase is an
    // item bought before.
    let again: Vec<_> = (0..3)
        .flat_map(|c| [(c, 1, 2 * c, 1), (c, 1, 2 * c + 1, 2)])
        .collect();
    let it = shop(3, &again);
    let why = untested(run(&it, Split::LeaveLastOut, true));
    assert_eq!(
        (why.customers, why.repeat_customers, why.held_out),
        (3, 3, 3)
    );
    assert_eq!(why.cause(), Untested::AllSeen);
    assert!(
        why.sentence().ends_with(
            "but each of the 3 customers with held-out purchases had bought them before, \
             and “Exclude already-bought” leaves such items out of the test."
        ),
        "{}",
        why.sentence()
    );
    // Allowing already-bought items is the fix.
    match run(&it, Split::LeaveLastOut, false) {
        Outcome::Scored(card) => assert_eq!(card.tested, 3),
        Outcome::NothingToTest(why) => panic!("{}", why.sentence()),
    }
}

#[test]
fn one_order_each_points_last_basket_to_leave_last_out() {
    // Two items in one order each: no second order, but two purchases.
    let baskets: Vec<_> = (0..4)
        .flat_map(|c| [(c, 0, c, i64::from(c)), (c, 2, c, i64::from(c))])
        .collect();
    let it = shop(4, &baskets);
    let why = untested(run(&it, Split::LastBasket, true));
    assert_eq!(
        (why.customers, why.repeat_customers, why.held_out),
        (4, 4, 0)
    );
    assert_eq!(why.cause(), Untested::OneOrderEach);
    assert!(
        why.sentence().contains(
            "none of the 4 customers ordered twice. 4 customers bought several items in one \
             order, which leave-last-out can test."
        ),
        "{}",
        why.sentence()
    );
    assert!(matches!(
        run(&it, Split::LeaveLastOut, true),
        Outcome::Scored(ReportCard { tested: 4, .. })
    ));
}

#[test]
fn splits_follow_the_protocols() {
    let it = tiny();
    let s = split_events(&it, Split::LeaveLastOut);
    // Customer 0's last event: t=2, ties by item → item 3.
    assert_eq!(s.test[0], (0, vec![3]));
    assert_eq!(s.test[1], (1, vec![1]));
    assert_eq!(s.test[2], (2, vec![0]));
    assert_eq!(s.train.len(), it.events.len() - 3);
    let s = split_events(&it, Split::LastBasket);
    // Customer 1 has one order: all in training.
    assert_eq!(s.test, vec![(0, vec![1, 3]), (2, vec![0])]);
    let s = split_events(&it, Split::Time8020);
    // 4 events → 3 train, 1 test; 2 → 1 and 1; 5 → 4 and 1.
    assert_eq!(s.test, vec![(0, vec![3]), (1, vec![1]), (2, vec![0])]);
    assert_eq!(s.train.len(), 3 + 1 + 4);
}

//! The report card when there is nothing to test, driven through egui_kittest:
//! orders where nobody bought twice get one sentence with the figures and a
//! button to the Data tab; orders where every held-out purchase was bought
//! before get the sentence and a button that runs the card again with
//! already-bought items allowed. Neither is shown as the card's error.

mod common;

use std::path::{Path, PathBuf};

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::recommend::evaluate::{Outcome, Untested};
use marketbench::ui::{MarketbenchApp, Tab};

/// An orders file `dir/name` with one line per `(order, customer, day, sku)`.
fn orders_file(dir: &Path, name: &str, lines: &[(usize, usize, u64, usize)]) -> PathBuf {
    let mut text = String::from("order_id,customer_id,order_time,sku,qty,amount\n");
    for &(order, customer, day, sku) in lines {
        let date =
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date") + chrono::Days::new(day);
        text.push_str(&format!("O{order},C{customer},{date},SKU{sku},1,10.50\n"));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn outcome(app: &MarketbenchApp) -> Option<&Outcome> {
    let report = app.workspace().recommend.report();
    (report.pending().is_none())
        .then(|| report.latest().map(|c| &c.value))
        .flatten()
}

/// Opens the Recommendations tab on `path`, waits for the default fit and runs
/// the report card with its default settings.
fn report_card_on(path: &Path) -> Harness<'static, MarketbenchApp> {
    let mut harness = remembered_app(path, |_| {});
    // The default fit starts at once: step until it is done rather than run.
    harness
        .get_by_role_and_label(Role::Button, &Tab::Recommendations.label())
        .click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "Run report card")
        .click();
    step_until(&mut harness, "the report card", |app| {
        outcome(app).is_some()
    });
    harness.run();
    harness
}

fn no_error_text(harness: &Harness<'_, MarketbenchApp>) {
    assert!(
        harness
            .state()
            .workspace()
            .recommend
            .report()
            .error()
            .is_none()
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("The report card stopped")
            .count(),
        0
    );
}

#[test]
fn nobody_bought_twice_says_so_with_a_button_to_the_data_tab() {
    let dir = tempfile::tempdir().expect("dir");
    let once: Vec<_> = (0..9).map(|c| (c, c, c as u64, c % 4)).collect();
    let path = orders_file(dir.path(), "once.csv", &once);
    let mut harness = report_card_on(&path);
    let Some(Outcome::NothingToTest(why)) = outcome(harness.state()) else {
        panic!("expected nothing to test");
    };
    assert_eq!(why.cause(), Untested::OnePurchaseEach);
    assert!(shown(
        &harness,
        "Nothing to test yet: under leave-last-out, each customer's last purchase is held \
         out, but none of the 9 customers bought more than one item. The report card needs \
         customers with at least two purchases: load more orders, for example a longer period."
    ));
    no_error_text(&harness);
    click_to_tab(&mut harness, "Open the Data tab", Tab::Data);
}

#[test]
fn held_out_items_all_bought_before_offer_a_run_with_them_allowed() {
    let dir = tempfile::tempdir().expect("dir");
    // Every customer bought the same item in two orders.
    let again: Vec<_> = (0..6)
        .flat_map(|c| [(2 * c, c, 0, c % 3), (2 * c + 1, c, 7, c % 3)])
        .collect();
    let path = orders_file(dir.path(), "again.csv", &again);
    let mut harness = report_card_on(&path);
    let Some(Outcome::NothingToTest(why)) = outcome(harness.state()) else {
        panic!("expected nothing to test");
    };
    assert_eq!(
        (why.cause(), why.customers, why.held_out),
        (Untested::AllSeen, 6, 6)
    );
    assert_eq!(
        harness
            .query_all_by_label_contains(
                "each of the 6 customers with held-out purchases had bought them before, and \
                 “Exclude already-bought” leaves such items out of the test."
            )
            .count(),
        1
    );
    no_error_text(&harness);
    harness
        .get_by_role_and_label(Role::Button, "Run it with already-bought items allowed")
        .click();
    step_until(&mut harness, "the card with bought items allowed", |app| {
        matches!(outcome(app), Some(Outcome::Scored(_)))
    });
    harness.run();
    let Some(Outcome::Scored(card)) = outcome(harness.state()) else {
        unreachable!()
    };
    assert!(!card.exclude_seen);
    assert_eq!(card.tested, 6);
    assert_eq!(
        harness
            .query_all_by_label_contains("already-bought items allowed")
            .count(),
        1
    );
}

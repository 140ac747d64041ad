//! The Recommendations tab, driven through egui_kittest on the bundled sample
//! store's orders: the default fit (item-kNN, neighbours chosen by validation,
//! the choice shown) runs by itself; typing a customer id
//! shows their list with a reason per item and their history; clicking an item
//! shows its similar items; the report card compares every model in one table
//! under the stated protocol; a fit can be cancelled (the job is held at its first
//! progress report by the test's wake, so no timing is assumed); the export
//! writes every customer's list (the bought-together rules: `ui_rules.rs`). The
//! report card says what it means for a campaign and explains its figures on hover. A ratings file loads
//! through the mapping view and gives lists from explicit ratings. Orders without
//! an item column get one sentence and a button to the Data tab, and no fit.

mod common;

use std::sync::atomic::Ordering;

use common::recommend::{fitted, recommend_tab};
use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use marketbench::analysis::recommend::ModelKind;
use marketbench::analysis::recommend::evaluate::{Outcome, ReportCard, Split};
use marketbench::analysis::recommend::validate::ITEM_GRID;
use marketbench::data::FileKind;
use marketbench::jobs::{Wake, no_wake};
use marketbench::ui::format;
use marketbench::ui::{MarketbenchApp, Tab};
use marketbench::workspace::recommend::RecommendResults;

fn harness(wake: Wake) -> Harness<'static, MarketbenchApp> {
    app_harness(returning_user(), wake, 1400.0)
}

fn card(app: &MarketbenchApp) -> Option<&ReportCard> {
    let recommend = &app.workspace().recommend;
    let outcome = (recommend.report().pending().is_none())
        .then(|| recommend.report().latest().map(|c| &c.value))??;
    match outcome {
        Outcome::Scored(card) => Some(card),
        Outcome::NothingToTest(_) => None,
    }
}

/// The sample customer with the longest history (ties by lower index).
fn busiest_customer(results: &RecommendResults) -> usize {
    let train = results.model.train();
    (0..train.rows)
        .max_by_key(|&u| (train.row(u).0.len(), std::cmp::Reverse(u)))
        .expect("customers")
}

#[test]
fn a_picked_customer_shows_the_list_with_reasons_and_the_history() {
    let mut harness = recommend_tab();
    let results = fitted(harness.state()).expect("fit");
    assert_eq!(results.params.model, ModelKind::ItemKnn);
    // The default fit chose its neighbours by validation and says which.
    let chosen = results
        .validation
        .clone()
        .expect("validation is the default")
        .expect("the sample store has enough customers");
    assert!(ITEM_GRID.contains(&chosen.item_neighbours));
    let line = format!(
        "Chosen by validation: item-kNN {} neighbours (NDCG@10",
        chosen.item_neighbours
    );
    assert_eq!(harness.query_all_by_label_contains(&line).count(), 1);
    let u = busiest_customer(results);
    let id = results.interactions.customers[u].clone();
    let items = results.interactions.items.clone();
    let list = results.lists[u].clone();
    let bought: Vec<u32> = results.model.train().row(u).0.to_vec();
    assert_eq!(list.len(), 10);
    assert!(shown(
        &harness,
        "Type a customer id (or pick one offered) to see their recommendations."
    ));

    harness.get_by_label("Customer id:").click();
    harness.step();
    harness.get_by_label("Customer id:").type_text(&id);
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Show customer")
        .click();
    harness.run();

    assert!(shown(
        &harness,
        "Top 10 by item-knn from purchase counts (already-bought items excluded)"
    ));
    assert!(shown(
        &harness,
        &format!("{id} bought ({} items)", bought.len())
    ));
    for i in &bought {
        assert!(
            shown(&harness, &items[*i as usize].name),
            "history item {i}"
        );
    }
    for r in &list {
        assert!(
            !bought.contains(&r.item),
            "already-bought item {} listed",
            r.item
        );
        assert!(
            shown(&harness, &items[r.item as usize].name),
            "item {}",
            r.item
        );
        let reason = r.reason.text(&items);
        assert!(reason.starts_with("bought "), "item-kNN reason: {reason}");
        assert!(shown(&harness, &reason), "reason {reason}");
    }

    // Clicking the first item shows its cosine neighbours.
    let first = &items[list[0].item as usize].name;
    harness.get_by_role_and_label(Role::Button, first).click();
    harness.run();
    assert!(shown(&harness, &format!("Similar to {first}")));
    assert!(shown(&harness, &format!("Bought together with {first}")));
    let similar = fitted(harness.state())
        .expect("fit")
        .model
        .similar_items(list[0].item, 10);
    assert!(!similar.is_empty());
    assert!(shown(&harness, &format::number(f64::from(similar[0].1), 3)));

    // An unknown id is said so.
    harness.get_by_label("Customer id:").click();
    harness.step();
    harness.key_press(egui::Key::End);
    harness.step();
    harness.get_by_label("Customer id:").type_text("-nobody");
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Show customer")
        .click();
    harness.run();
    assert!(shown(
        &harness,
        &format!("No customer with id “{id}-nobody” has a purchase. Check the id and try again.")
    ));
}

#[test]
fn the_report_card_compares_every_model_under_the_stated_protocol() {
    let mut harness = recommend_tab();
    harness
        .get_by_role_and_label(Role::Button, "Run report card")
        .click();
    step_until(&mut harness, "the report card", |app| card(app).is_some());
    harness.run();
    let card = card(harness.state()).expect("card").clone();
    assert_eq!(card.split, Split::LeaveLastOut);
    assert_eq!(card.k, 10);
    assert!(card.exclude_seen);
    let names: Vec<ModelKind> = card.models.iter().map(|m| m.model).collect();
    // Every model but SASRec, which the card trains only when it is picked.
    let offered: Vec<ModelKind> = ModelKind::ALL
        .into_iter()
        .filter(|&k| k != ModelKind::Sasrec)
        .collect();
    assert_eq!(names, offered);
    assert!(card.tested > 1000, "tested {}", card.tested);
    assert!(
        harness
            .query_all_by_label_contains("Protocol: leave-last-out")
            .count()
            == 1
    );
    assert!(shown(&harness, "Precision@10"));
    assert!(shown(&harness, "NDCG@10"));
    // Settings were chosen on the training part and the card says which.
    let chosen = card
        .validation
        .clone()
        .expect("validation asked by default")
        .expect("the sample store has enough customers");
    assert!(
        harness
            .query_all_by_label_contains(&format!(
                "Chosen by validation: item-kNN {} neighbours; ALS {} factors",
                chosen.item_neighbours, chosen.als_factors
            ))
            .count()
            == 1
    );
    for m in &card.models {
        assert!(shown(&harness, &m.model.display_name()), "{}", m.model);
        assert!(shown(&harness, &format::percent(m.metrics.precision)));
        assert!(shown(&harness, &format::percent(m.metrics.hit_rate)));
        assert!(shown(&harness, &format::number(m.metrics.ndcg, 3)));
    }
    // What the card means for a campaign: the best model's hit rate against the
    // best-sellers list, in one sentence.
    let hit = |kind: ModelKind| {
        card.models
            .iter()
            .find(|m| m.model == kind)
            .map(|m| m.metrics.hit_rate)
            .expect("model")
    };
    // Ties go to the model listed first.
    let best = card
        .models
        .iter()
        .filter(|m| m.model != ModelKind::Popular)
        .reduce(|a, b| match b.metrics.hit_rate > a.metrics.hit_rate {
            true => b,
            false => a,
        })
        .expect("models");
    let sentence = format!(
        "The {} model finds the next purchase in its top 10 for {} of the customers tested, {}× as often as the best-sellers list",
        best.model.display_name(),
        format::percent(best.metrics.hit_rate),
        format::number(best.metrics.hit_rate / hit(ModelKind::Popular), 1)
    );
    assert_eq!(
        harness.query_all_by_label_contains(&sentence).count(),
        1,
        "{sentence}"
    );
    // Each figure's name explains itself on hover.
    harness.get_by_label("NDCG@10").hover();
    harness.run();
    assert!(shown(
        &harness,
        "How high the items a customer really bought next sit in the top-10 list, 0 to 1; higher is better."
    ));
    harness.get_by_label("item-knn").hover();
    harness.run();
    assert!(shown(
        &harness,
        "items often bought by the same customers as what this customer bought"
    ));
    // Item-kNN beats the popularity baseline on the planted bundles.
    let ndcg = |kind: ModelKind| {
        card.models
            .iter()
            .find(|m| m.model == kind)
            .map(|m| m.metrics.ndcg)
            .expect("model")
    };
    assert!(ndcg(ModelKind::ItemKnn) > ndcg(ModelKind::Popular));
}

#[test]
fn every_customer_s_list_is_exported() {
    let mut harness = recommend_tab();
    let dir = std::env::temp_dir().join(format!("mb-ui-recommend-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("recs.csv");
    let field = harness.get_by_label("Export all lists to:");
    field.click();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.step();
    harness
        .get_by_label("Export all lists to:")
        .type_text(path.to_str().expect("utf-8 path"));
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Export recommendations")
        .click();
    step_until(&mut harness, "the export", |app| {
        app.workspace().recommend.export_slot().value().is_some()
    });
    let results = fitted(harness.state()).expect("fit");
    let rows: usize = results.lists.iter().map(Vec::len).sum();
    let text = std::fs::read_to_string(&path).expect("exported file");
    let mut lines = text.lines();
    assert_eq!(
        lines.next().map(|l| l.trim_start_matches('\u{feff}')),
        Some("customer_id,rank,item_id,item_name,score,reason")
    );
    assert_eq!(lines.count(), rows);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_fit_can_be_cancelled() {
    let (wake, held) = held_wake("recommend");
    let mut harness = harness(wake);
    step_until(&mut harness, "the orders", loaded);
    harness
        .get_by_role_and_label(Role::Button, &Tab::Recommendations.label())
        .click();
    step_until(&mut harness, "the fit to start", |app| {
        app.workspace().recommend.fit().pending().is_some()
    });
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.step();
    held.store(false, Ordering::SeqCst);
    step_until(&mut harness, "the cancel", |app| {
        app.workspace().recommend.fit().pending().is_none()
    });
    let slot = harness.state().workspace().recommend.fit();
    assert!(slot.latest().is_none() && slot.error().is_none());
    assert!(shown(
        &harness,
        "Cancelled. Press Fit model to get recommendations."
    ));
    step_until(&mut harness, "the rules job", |app| {
        app.workspace().recommend.rules().pending().is_none()
    });
    harness.run();
    assert!(!harness.state().workspace().recommend.is_busy());
    harness
        .get_by_role_and_label(Role::Button, "Fit again")
        .click();
    step_until(&mut harness, "the second fit", |app| fitted(app).is_some());
}

/// A ratings file (Chinese headers) is recognised as ratings in the mapping view,
/// loads with one click, and the tab fits on explicit ratings: the list says so
/// and the rules sections say they need orders.
#[test]
fn a_ratings_file_gives_lists_from_explicit_ratings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("评分.csv");
    let mut text = String::from("用户ID,商品ID,商品名称,评分\n");
    for u in 0..40 {
        for i in 0..12 {
            if (u + i) % 3 != 0 {
                let liked = (i < 6) == (u < 20);
                let rating = if liked { 5 } else { 1 };
                text.push_str(&format!("U{u:02},P{i:02},商品{i},{rating}\n"));
            }
        }
    }
    std::fs::write(&path, text).expect("write");
    let app = MarketbenchApp::new(returning_user(), vec![path], no_wake());
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 1000.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    step_until(&mut harness, "the mapping view", |app| {
        !app.workspace().pending().is_empty() && !app.workspace().is_busy()
    });
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Load").click();
    step_until(&mut harness, "the ratings", |app| {
        app.workspace().store().tables.len() == 1
    });
    let kind = harness.state().workspace().store().tables[0].kind;
    assert_eq!(kind, FileKind::Ratings);
    harness
        .get_by_role_and_label(Role::Button, &Tab::Recommendations.label())
        .click();
    step_until(&mut harness, "the fit", |app| fitted(app).is_some());
    harness.run();
    let results = fitted(harness.state()).expect("fit");
    assert!(results.interactions.is_explicit());
    harness.get_by_label("Customer id:").click();
    harness.step();
    harness.get_by_label("Customer id:").type_text("U03");
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Show customer")
        .click();
    harness.run();
    assert!(shown(&harness, "U03 rated (8 items)"));
    assert!(shown(
        &harness,
        "Top 10 by item-knn from explicit ratings (already-bought items excluded)"
    ));
    assert_eq!(
        harness.query_all_by_label_contains("has no orders").count(),
        1
    );
}

/// Orders without an item column: the tab says what it needs in one sentence
/// with a button to the Data tab, fits nothing, and the button goes there.
#[test]
fn orders_without_items_say_what_is_needed_with_a_button_to_the_data_tab() {
    let dir = tempfile::tempdir().expect("dir");
    let path = small_orders(
        dir.path(),
        "orders.csv",
        &["order_id", "customer_id", "order_time", "amount"],
    );
    let mut harness = remembered_app(&path, |_| {});
    assert_eq!(
        harness.state().workspace().store().tables[0].kind,
        FileKind::Orders
    );
    click_tab(&mut harness, Tab::Recommendations);
    harness.run();
    assert!(shown(
        &harness,
        "Recommendations need an item column: map one, or load a file with items."
    ));
    let recommend = &harness.state().workspace().recommend;
    assert!(!recommend.is_busy(), "no fit that could only fail");
    assert!(recommend.fit().latest().is_none() && recommend.fit().error().is_none());
    click_to_tab(&mut harness, "Open the Data tab", Tab::Data);
}

/// Order lines with items but no order id cannot form baskets: the tab says so,
/// with the same button.
#[test]
fn orders_without_order_ids_say_what_is_needed() {
    let dir = tempfile::tempdir().expect("dir");
    let path = small_orders(
        dir.path(),
        "lines.csv",
        &["customer_id", "order_time", "sku", "qty"],
    );
    let mut harness = remembered_app(&path, |_| {});
    click_tab(&mut harness, Tab::Recommendations);
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("Recommendations need an order id column")
            .count()
            == 1
    );
    assert!(!harness.state().workspace().recommend.is_busy());
    harness.get_by_role_and_label(Role::Button, "Open the Data tab");
}

/// The repeat model's settings are greyed out while validation chooses them;
/// with validation off they can be typed and the fit uses them as typed.
#[test]
fn the_repeat_settings_can_be_typed_when_validation_is_off() {
    let mut harness = recommend_tab();
    harness
        .get_by_role_and_label(Role::ComboBox, "Model")
        .click();
    harness.run();
    harness
        .get_by_label(&ModelKind::Repeat.display_name())
        .click();
    harness.run();
    let disabled = |harness: &Harness<'_, MarketbenchApp>| {
        harness
            .get_by_role_and_label(Role::SpinButton, "Baskets per group:")
            .accesskit_node()
            .is_disabled()
    };
    assert!(disabled(&harness), "validation chooses the group size");
    harness
        .get_by_label("Choose the fit's settings by validation")
        .click();
    harness.run();
    assert!(!disabled(&harness), "typed settings");
    harness
        .get_by_role_and_label(Role::Button, "Fit model")
        .click();
    step_until(&mut harness, "the repeat fit", |app| {
        fitted(app).is_some_and(|r| r.model.kind == ModelKind::Repeat)
    });
    let results = fitted(harness.state()).expect("fitted");
    assert!(results.validation.is_none(), "typed, not validated");
}

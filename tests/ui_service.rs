//! The Service tab, driven through egui_kittest: with the sample store's service
//! messages and reviews it shows the intents, the planted bad products and the
//! signals; a typed message gets the reply agents gave to its like, an unrelated
//! one says there is no good match; without either file the tab says what to load
//! and opens the Data tab.

mod common;

use std::path::PathBuf;

use common::ui::{click_tab, replace_text, returning_user, settle, shown, step_until};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::ui::{MarketbenchApp, Tab};

fn sample(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data")).join(name)
}

fn harness(files: Vec<PathBuf>) -> Harness<'static, MarketbenchApp> {
    let tables = files.len();
    let app = MarketbenchApp::new(returning_user(), files, marketbench::jobs::no_wake());
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 2400.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    step_until(&mut harness, "the files", |app| {
        app.workspace().pending().is_empty() && app.workspace().store().tables.len() == tables
    });
    harness
}

#[test]
fn messages_and_reviews_show_intents_bad_products_and_suggested_replies() {
    let mut harness = harness(vec![
        sample("products.csv"),
        sample("service.csv"),
        sample("reviews.csv"),
    ]);
    click_tab(&mut harness, Tab::Service);
    settle(&mut harness);
    assert!(shown(&harness, "What customers ask about"));
    for intent in ["物流", "退换货", "质量", "优惠"] {
        assert!(shown(&harness, intent), "intent {intent} not listed");
    }
    // The planted bad product SKU0001 leads product voice, named and flagged.
    assert!(shown(&harness, "SKU0001 保湿洗面奶 标准装"));
    assert!(harness.query_all_by_label("dropped recently").count() >= 2);
    let workspace = harness.state().workspace();
    let report = &workspace
        .service
        .results()
        .current(workspace.store_version())
        .expect("read")
        .value;
    assert!(report.complained > 0);
    let complained = format!(
        "{} complained",
        marketbench::numbers::count(report.complained)
    );
    assert!(harness.query_by_label_contains(&complained).is_some());

    replace_text(
        &mut harness,
        "Customer message:",
        "请问发票抬头写错了怎么改",
    );
    harness
        .get_by_role_and_label(Role::Button, "Suggest")
        .click();
    harness.run();
    let suggested = harness
        .state()
        .workspace()
        .service
        .suggested(harness.state().workspace().store_version())
        .expect("suggestions")
        .clone();
    let first = suggested.suggestions.first().expect("a match");
    assert_eq!(first.intent.as_deref(), Some("发票"));
    assert!(shown(&harness, &first.reply), "the reply is shown");

    replace_text(&mut harness, "Customer message:", "今天天气不错");
    harness
        .get_by_role_and_label(Role::Button, "Suggest")
        .click();
    harness.run();
    assert!(harness.query_by_label_contains("No good match").is_some());
}

#[test]
fn without_messages_or_reviews_the_tab_says_what_to_load() {
    let mut harness = harness(vec![sample("orders.csv")]);
    click_tab(&mut harness, Tab::Service);
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("The Service tab reads customer service messages")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Open the Data tab")
        .click();
    harness.run();
    assert_eq!(harness.state().state().tab, Tab::Data);
}

#[test]
fn a_mood_given_in_the_tab_fine_tunes_the_model_and_the_faq_is_exported() {
    let mut harness = harness(vec![sample("service.csv")]);
    click_tab(&mut harness, Tab::Service);
    settle(&mut harness);
    assert!(shown(&harness, "Label these next"));
    assert!(harness.query_by_label_contains("0 not used yet").is_some());
    let workspace = harness.state().workspace();
    let report = &workspace
        .service
        .current(workspace.store_version())
        .expect("read")
        .value;
    let first = report.messages.text[report.to_label[0]].clone();
    // The first listed message's "negative" button (the rows are in list order).
    harness
        .query_all_by_label("negative")
        .next()
        .expect("a mood button")
        .click();
    harness.run();
    let labels = harness.state().workspace().service.labels().clone();
    assert_eq!(
        labels.mood(&first),
        Some(marketbench::analysis::voice::Mood::Negative)
    );
    assert!(harness.query_by_label_contains("1 not used yet").is_some());
    harness
        .get_by_role_and_label(Role::Button, "Train with my labels")
        .click();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("fine-tuned on 1 of your mood labels")
            .is_some()
    );
    assert!(harness.query_by_label_contains("0 not used yet").is_some());

    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("faq.csv");
    replace_text(&mut harness, "Export to:", &path.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, "Export CSV")
        .click();
    step_until(&mut harness, "the FAQ export", |app| {
        let export = app.workspace().service.export_slot();
        export.pending().is_none() && (export.value().is_some() || export.error().is_some())
    });
    let written = std::fs::read_to_string(&path).expect("the FAQ file");
    let header = written.lines().next().expect("header");
    assert!(header.ends_with("question,reply,count,intent"), "{header}");
    assert!(written.lines().count() > 10, "{written}");
    assert!(shown(
        &harness,
        &format!(
            "Wrote {} questions to {}",
            written.lines().count() - 1,
            path.display()
        )
    ));
}

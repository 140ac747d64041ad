//! The bought-together rules on the Recommendations tab, driven through
//! egui_kittest on the bundled sample store's orders (its planted bundles): the
//! table sorts by a clicked figure, follows the minimum confidence and exports
//! to Parquet, beside the next-purchase transitions; the table says what it
//! means for a campaign and explains its figures on hover.

mod common;

use common::recommend::recommend_tab;
use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use marketbench::ui::MarketbenchApp;
use marketbench::workspace::recommend::RulesResults;
use polars::prelude::{ParquetReader, SerReader};

fn rules_of(app: &MarketbenchApp) -> Option<&RulesResults> {
    let recommend = &app.workspace().recommend;
    (recommend.rules().pending().is_none()).then(|| recommend.rules().latest().map(|c| &c.value))?
}

#[test]
fn the_rules_table_sorts_filters_and_exports_to_parquet() {
    let mut harness = recommend_tab();
    step_until(&mut harness, "the rules", |app| rules_of(app).is_some());
    harness.run();
    let first = rules_of(harness.state()).expect("rules");
    let rules = first.rules.clone().expect("rules found");
    assert!(!rules.is_empty(), "the sample store has planted bundles");
    for head in [
        "Support",
        "Confidence",
        "Count",
        "After buying",
        "next bought",
    ] {
        assert!(shown(&harness, head), "{head}");
    }
    assert!(shown(&harness, "Lift (desc)"), "sorted by lift at first");
    assert!(
        first.transitions.as_ref().is_ok_and(|t| !t.is_empty()),
        "next-purchase transitions"
    );
    // The best-lift rule's consequent is on screen.
    let items = first.interactions.items.clone();
    assert!(shown(&harness, &items[rules[0].consequent as usize].name));
    // Both tables open with what they mean for a campaign.
    assert_eq!(
        harness
            .query_all_by_label_contains("as often as by chance: bundle them, or offer")
            .count(),
        1
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("of next purchases")
            .count(),
        1
    );
    harness
        .get_by_role_and_label(Role::Button, "Lift (desc)")
        .hover();
    harness.run();
    assert!(shown(
        &harness,
        "How many times more often the items are bought together than by chance; above 1 means they go together."
    ));

    harness
        .get_by_role_and_label(Role::Button, "Confidence")
        .click();
    harness.run();
    assert!(shown(&harness, "Confidence (desc)"), "sorted by confidence");

    harness
        .get_by_role_and_label(Role::Slider, "Min confidence:")
        .set_value_accesskit(0.5);
    step_until(&mut harness, "the stricter rules", |app| {
        rules_of(app).is_some_and(|r| r.params.rules.min_confidence == 0.5)
    });
    let strict = rules_of(harness.state()).expect("rules");
    let kept = strict.rules.clone().expect("rules");
    assert!(kept.iter().all(|r| r.confidence >= 0.5));
    let expected = rules.iter().filter(|r| r.confidence >= 0.5).count();
    assert_eq!(kept.len(), expected, "the same rules, filtered");

    let dir = std::env::temp_dir().join(format!("mb-ui-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("rules.parquet");
    harness.get_by_label("Export rules to:").click();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.step();
    harness
        .get_by_label("Export rules to:")
        .type_text(path.to_str().expect("utf-8 path"));
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Export rules")
        .click();
    step_until(&mut harness, "the rules export", |app| {
        app.workspace().recommend.export_slot().value().is_some()
    });
    let file = std::fs::File::open(&path).expect("exported file");
    let frame = ParquetReader::new(file).finish().expect("parquet");
    assert_eq!(frame.height(), kept.len());
    let names: Vec<&str> = frame
        .get_column_names()
        .iter()
        .map(|n| n.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "antecedent",
            "antecedent_name",
            "consequent",
            "consequent_name",
            "support",
            "confidence",
            "lift",
            "count"
        ]
    );
    // The file holds the rules as the table shows them: by confidence, largest
    // first, to 3 decimals.
    let confidence: Vec<f64> = frame
        .column("confidence")
        .and_then(|c| c.f64().cloned())
        .expect("confidence")
        .into_no_null_iter()
        .collect();
    assert!(
        confidence.windows(2).all(|w| w[0] >= w[1]),
        "in the shown order: {confidence:?}"
    );
    assert!(
        confidence
            .iter()
            .all(|c| (c * 1000.0 - (c * 1000.0).round()).abs() < 1e-9),
        "to 3 decimals: {confidence:?}"
    );
    harness.get_by_label_contains(&format!("writes all {} rules in this order", kept.len()));
    let _ = std::fs::remove_dir_all(&dir);
}

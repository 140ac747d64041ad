//! The window in 简体中文 (issue 18): the language is switched in the toolbar
//! without a restart and remembered with the other settings; with the sample
//! store open, no tab shows English words that do not come from the data.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use marketbench::analysis::rfm::RfmGroup;
use marketbench::i18n::Language;
use marketbench::jobs::no_wake;
use marketbench::ui::{MarketbenchApp, Tab, UiState};
use marketbench::workspace::campaign::SCORE_COLUMNS;

/// Words the Chinese window keeps in Latin letters: the product's name, file
/// formats, method names and the acronyms an operator meets in other tools too
/// (each shown beside Chinese words that say what it is).
#[rustfmt::skip]
const KEPT: [&str; 39] = [
    "Marketbench", "CSV", "TSV", "TXT", "Parquet", "JSON", "NDJSON", "XLSX", "XLS", "ISO",
    "yyyy-mm-dd", "RFM", "CLV", "AUC", "ROC", "ROI", "K", "ID", "AND", "OR", "MAPE", "MASE",
    "RMSE", "sMAPE", "Holt", "Holt-Winters", "MSTL", "FP-growth", "item-kNN", "user-kNN",
    "ALS", "leave-last-out", "MBG", "NBD", "Gamma-Gamma", "alive", "alpha", "gamma", "SASRec",
];

/// Column names and values shown as the loaded table and the export preview hold
/// them (files keep English columns), and egui's own name for a panel's resize handle.
#[rustfmt::skip]
const AS_STORED: [&str; 10] = [
    "ts", "row", "false", "true", "group", "target", "control", "monetary", "Resize", "panel",
];

/// The campaign preview shows the list as it is exported: its score columns by
/// their names, RFM groups and churn risk buckets by their stored English names
/// (the `rfm_group` and `churn_bucket` columns), which no other tab may show.
fn exported_on_campaigns() -> BTreeSet<String> {
    let buckets = ["low", "medium", "high"].map(String::from);
    RfmGroup::ALL
        .iter()
        .flat_map(|group| words(group.label()))
        .chain(buckets)
        .chain(SCORE_COLUMNS.map(String::from))
        .collect()
}

/// The tests here switch the process-wide language: one at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

#[test]
fn the_language_switches_in_the_toolbar_without_a_restart_and_is_remembered() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let app = MarketbenchApp::new(returning_user(), Vec::new(), no_wake());
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Segments");
    harness.get_by_label("Language").click();
    harness.run();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert_eq!(harness.state().state().language, Some(Language::Chinese));
    harness.get_by_role_and_label(Role::Button, "客户分群");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Segments")
            .is_none()
    );
    // Saved and read back as eframe does between runs.
    let saved = serde_json::to_string(harness.state().state()).expect("save");
    let restored: UiState = serde_json::from_str(&saved).expect("restore");
    assert_eq!(restored.language, Some(Language::Chinese));
    // An older save without the setting follows the system.
    let old: UiState = serde_json::from_str(r#"{"theme":"Dark"}"#).expect("old save");
    assert_eq!(old.language, None);
}

#[test]
fn no_tab_shows_english_words_that_are_not_from_the_data() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (mut harness, allowed) = sample_store_in(Language::Chinese);
    // The score headers the tables show in Chinese keep their explanations.
    let header = marketbench::i18n::message_in(Language::Chinese, "value-col-churn-risk", &[]);
    let meaning = marketbench::ui::glossary::meaning(&header).expect("a meaning");
    assert!(meaning.contains("购买倾向"), "{header}: {meaning}");
    settle(&mut harness);
    visit_every_tab(&mut harness, Language::Chinese);
    assert_no_english(&english_on_every_tab(&mut harness, &allowed));
}

/// Results computed in English and then shown in Chinese: segment names, the
/// reasons of recommendations, the notes of a forecast or a fit are worded when
/// shown (or rebuilt), never left in the language they were computed in.
#[test]
fn results_computed_in_english_are_shown_in_chinese_after_the_switch() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (mut harness, allowed) = sample_store_in(Language::English);
    settle(&mut harness);
    visit_every_tab(&mut harness, Language::English);
    let generations = result_generations(harness.state());
    click_tab(&mut harness, Tab::Data);
    harness.get_by_label("Language").click();
    harness.run();
    harness.get_by_label("简体中文").click();
    settle(&mut harness);
    assert_no_english(&english_on_every_tab(&mut harness, &allowed));
    // Worded when shown: the switch did not compute the results again.
    assert_eq!(result_generations(harness.state()), generations);
}

/// The sample store open in a tall window in `language`, and the words its files allow.
fn sample_store_in(language: Language) -> (Harness<'static, MarketbenchApp>, BTreeSet<String>) {
    let files = marketbench::workspace::sample_files().expect("the sample store");
    let allowed = allowed_words(&files);
    let state = UiState {
        language: Some(language),
        ..returning_user()
    };
    let app = MarketbenchApp::new(state, files, no_wake());
    let harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 2400.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    (harness, allowed)
}

/// The generation of every tab's result that a language switch must not recompute.
fn result_generations(app: &MarketbenchApp) -> Vec<Option<u64>> {
    let workspace = app.workspace();
    vec![
        workspace.segments.results().latest().map(|c| c.generation),
        workspace.value.results().latest().map(|c| c.generation),
        workspace.recommend.fit().latest().map(|c| c.generation),
        workspace.recommend.report().latest().map(|c| c.generation),
        workspace.forecast.results().latest().map(|c| c.generation),
    ]
}

/// Words from the sample files, their names, and the words kept in Latin letters.
fn allowed_words(files: &[std::path::PathBuf]) -> BTreeSet<String> {
    let mut allowed: BTreeSet<String> = KEPT
        .iter()
        .chain(&AS_STORED)
        .map(|w| w.to_string())
        .collect();
    for path in files {
        let text = std::fs::read_to_string(path).expect("read");
        allowed.extend(words(&text));
        allowed.insert(
            path.file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned(),
        );
    }
    allowed
}

/// Opens every tab and presses the buttons that show more (the Value models,
/// the report card), labelled in `language`, until the window is idle.
fn visit_every_tab(harness: &mut Harness<'_, MarketbenchApp>, language: Language) {
    for tab in Tab::ALL {
        click_tab(harness, tab);
        settle(harness);
        let button = match tab {
            Tab::Value => Some("value-train"),
            Tab::Recommendations => Some("recommend-run-report"),
            _ => None,
        };
        if let Some(key) = button {
            let label = marketbench::i18n::message_in(language, key, &[]);
            harness.get_by_role_and_label(Role::Button, &label).click();
            settle(harness);
        }
    }
}

/// The English words each tab shows that are not `allowed`, by the text they are in.
fn english_on_every_tab(
    harness: &mut Harness<'_, MarketbenchApp>,
    allowed: &BTreeSet<String>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut english: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let exported = exported_on_campaigns();
    for tab in Tab::ALL {
        click_tab(harness, tab);
        settle(harness);
        for node in harness.query_all_by(|_| true) {
            let node = node.accesskit_node();
            for text in [node.label(), node.value()].into_iter().flatten() {
                for word in words(&text) {
                    let stored = tab == Tab::Campaigns && exported.contains(&word);
                    // Figures and the symbols of fitted parameters (p, q, r, a, b).
                    let number = word.chars().any(|c| c.is_ascii_digit()) || word.len() == 1;
                    if !allowed.contains(&word) && !stored && !number {
                        let place = format!("{tab:?}: {text}");
                        english.entry(place).or_default().insert(word);
                    }
                }
            }
        }
    }
    english
}

fn assert_no_english(english: &BTreeMap<String, BTreeSet<String>>) {
    assert!(
        english.is_empty(),
        "English left in the Chinese window ({} texts):\n{}",
        english.len(),
        english
            .iter()
            .map(|(text, words)| format!("{text}  {words:?}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The runs of Latin letters in `text`, kept whole with the digits, `_`, `.`,
/// `@` and `-` inside them (so `mini-program` stays one word). Names of columns
/// (`customer_id`) and files (`segment-新客.csv`) are not words.
fn words(text: &str) -> Vec<String> {
    let file = |chunk: &&str| {
        [".csv", ".xlsx", ".parquet", ".json"].iter().any(|ext| {
            chunk
                .trim_end_matches(['，', '。', ')', '）'])
                .ends_with(ext)
        })
    };
    text.split(char::is_whitespace)
        .filter(|chunk| !file(chunk))
        .flat_map(|chunk| chunk.split(|c: char| !(c.is_ascii_alphanumeric() || "_.@-".contains(c))))
        .map(|word| word.trim_matches(|c| "_.@-".contains(c)))
        .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()) && !word.contains('_'))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_refused_file_is_explained_in_chinese_with_its_name() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    marketbench::i18n::set_language(Language::Chinese);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("订单.docx");
    std::fs::write(&path, "not a table").expect("write");
    let error = marketbench::data::inspect(&path, None).expect_err("refused");
    let text = error.to_string();
    assert!(
        text.starts_with("订单.docx：不支持的文件类型“docx”"),
        "{text}"
    );
    let empty = dir.path().join("orders.csv");
    std::fs::write(&empty, "order_id,customer_id,order_time\n").expect("write");
    let text = match marketbench::data::inspect(&empty, None) {
        Ok(_) => panic!("a header without rows loads"),
        Err(error) => error.to_string(),
    };
    assert_eq!(text, "orders.csv：文件中没有数据行。");
    // A value that cannot be read: the place, the value, what is wrong and what
    // to do, all in Chinese.
    let words = dir.path().join("金额.csv");
    std::fs::write(
        &words,
        "order_id,customer_id,order_time,amount\n1,c1,2024-03-05,很多\n",
    )
    .expect("write");
    let inspection = marketbench::data::inspect(&words, None).expect("inspect");
    let mut options = marketbench::data::LoadOptions::from_inspection(&inspection);
    options
        .mapping
        .insert(marketbench::data::Role::Amount, "amount".to_string());
    let progress = marketbench::jobs::Progress::detached();
    let text = match marketbench::data::load(&words, &options, &progress) {
        Ok(_) => panic!("an amount of words loads"),
        Err(error) => error.to_string(),
    };
    assert!(
        text.starts_with("金额.csv：第 1 行，“amount”列的值“很多”不是数字"),
        "{text}"
    );
    assert!(text.contains("--amount"), "{text}");
    assert!(!text.contains(" row "), "{text}");
}

//! Projects in the window, driven through egui_kittest: the sample orders with a
//! campaign saved as a variant and a segment name are saved as a project (through
//! the command the toolbar's Save button pushes once the dialog has answered), and a
//! fresh window opening it loads the same file, restores the name and the variant,
//! the segmentation's and the recommender's settings, and builds the same audience
//! (as does the headless path the CLI runs). A project whose data file was moved
//! opens with a missing-file notice, loading what is still there.

mod common;

use std::path::{Path, PathBuf};

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::campaign::{CampaignDef, Condition};
use marketbench::analysis::forecast::{Freq, Scenario};
use marketbench::analysis::segments::KChoice;
use marketbench::jobs::{Progress, no_wake};
use marketbench::ui::{Command, MarketbenchApp, Tab};
use marketbench::workspace::forecast::{ForecastRunParams, NamedScenario};
use marketbench::workspace::project::{
    FORECAST_KEY, Project, RECOMMEND_KEY, SEGMENTS_KEY, VALUE_KEY,
};
use marketbench::workspace::recommend::{RecommendParams, sasrec_path};
use marketbench::workspace::segments::SegmentsParams;
use marketbench::workspace::value::{ValueParams, ValueSettings};

/// A window with no files, as after a restart.
fn empty_window() -> Harness<'static, MarketbenchApp> {
    let app = MarketbenchApp::new(returning_user(), Vec::new(), no_wake());
    Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 1000.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app)
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).expect("file exists")
}

#[test]
fn a_saved_project_opens_in_a_fresh_window_with_the_same_file_names_and_audience() {
    let mut state = returning_user();
    state.campaigns.draft.condition = Condition::All {
        of: vec![Condition::Range {
            column: "frequency".into(),
            min: Some(3.0),
            max: None,
        }],
    };
    state.segment_names.insert(
        "k4|recency,frequency|0.1,0.2".into(),
        "Loyal regulars".into(),
    );
    let mut harness = app_harness(state, no_wake(), 1000.0);
    step_until(&mut harness, "the orders", loaded);
    click_tab(&mut harness, Tab::Campaigns);
    step_until(&mut harness, "the audience", |app| current(app).is_some());
    let before = current(harness.state()).expect("audience").size();
    assert!(before > 0 && before < 5_000, "{before}");

    // Save the campaign as a variant through the Campaigns tab.
    harness.get_by_label("Variant name:").scroll_to_me();
    harness.run();
    harness.get_by_label("Variant name:").click();
    harness.step();
    harness
        .get_by_label("Variant name:")
        .type_text("Frequent buyers");
    harness.step();
    harness
        .get_by_role_and_label(Role::Button, "Save as variant")
        .click();
    harness.run();
    assert_eq!(harness.state().state().campaigns.variants.len(), 1);

    // Segment with a K the operator chose: the project keeps that setting.
    click_tab(&mut harness, Tab::Segments);
    step_until(&mut harness, "the segments", |app| {
        idle(app)
            && app
                .workspace()
                .segments
                .results()
                .latest()
                .map(|c| &c.value)
                .is_some()
    });
    harness.get_by_role_and_label(Role::Button, "K + 1").click();
    step_until(&mut harness, "the segments with K + 1", idle);
    let segmented = harness
        .state()
        .workspace()
        .segments
        .results()
        .requested_params()
        .cloned()
        .expect("segments asked for");
    assert!(matches!(segmented.k, KChoice::Fixed(_)), "{segmented:?}");

    // Fit recommendations with the typed settings: the project keeps them too.
    click_tab(&mut harness, Tab::Recommendations);
    step_until(&mut harness, "the default fit", |app| {
        idle(app)
            && app
                .workspace()
                .recommend
                .fit()
                .latest()
                .map(|c| &c.value)
                .is_some()
    });
    harness
        .get_by_label("Choose the fit's settings by validation")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Fit model")
        .click();
    step_until(&mut harness, "the typed fit", idle);
    let recommended = harness
        .state()
        .workspace()
        .recommend
        .fit()
        .requested_params()
        .cloned()
        .expect("a fit asked for");
    assert!(!recommended.validate);

    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("shop.json");
    harness
        .state_mut()
        .push(Command::SaveProject(project.clone()));
    step_until(&mut harness, "the save", idle);
    let saved = format!("Project saved to {}", project.display());
    assert!(
        notices(harness.state()).contains(&saved),
        "{:?}",
        notices(harness.state())
    );
    assert!(shown(&harness, &saved));
    // The toolbar now offers saving again to the same file.
    assert_eq!(
        harness.state().workspace().project.path(),
        Some(project.as_path())
    );
    assert!(
        harness
            .query_all_by_role_and_label(Role::Button, "Save")
            .count()
            > 0
    );
    // The file is the one the CLI runs: the same list comes out headless.
    let progress = Progress::new(no_wake());
    let opened = Project::open(&project).expect("open");
    // The draft is the saved variant unchanged: one campaign of that name.
    let names: Vec<&str> = opened
        .project
        .campaigns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Frequent buyers"]);
    let store = opened.load_store(&progress).expect("files");
    let headless = opened
        .audience("Frequent buyers", &store, None, &progress)
        .expect("audience");
    assert_eq!(headless.size(), before);
    let loaded_before: Vec<PathBuf> = harness
        .state()
        .workspace()
        .store()
        .tables
        .iter()
        .map(|t| canonical(&t.path))
        .collect();
    drop(harness);

    let mut harness = empty_window();
    harness.run();
    assert!(harness.state().workspace().store().tables.is_empty());
    harness
        .state_mut()
        .push(Command::OpenProject(project.clone()));
    step_until(&mut harness, "the project's files", |app| {
        idle(app) && !app.workspace().store().tables.is_empty()
    });
    let app = harness.state();
    let loaded_after: Vec<PathBuf> = app
        .workspace()
        .store()
        .tables
        .iter()
        .map(|t| canonical(&t.path))
        .collect();
    assert_eq!(loaded_after, loaded_before);
    assert_eq!(
        app.state()
            .segment_names
            .get("k4|recency,frequency|0.1,0.2")
            .map(String::as_str),
        Some("Loyal regulars")
    );
    let variants = &app.state().campaigns.variants;
    assert_eq!(variants.len(), 1);
    assert_eq!(variants[0].def.name, "Frequent buyers");
    assert_eq!(variants[0].size, before);
    assert_eq!(app.state().campaigns.draft.name, "Frequent buyers");
    assert!(!notices(app).iter().any(|n| n.contains("missing")));
    // The next segmentation and recommender fit use the saved settings.
    assert_eq!(
        app.workspace().segments.results().requested_params(),
        Some(&segmented)
    );
    assert_eq!(
        app.workspace().recommend.fit().requested_params(),
        Some(&recommended)
    );

    click_tab(&mut harness, Tab::Campaigns);
    step_until(&mut harness, "the audience again", |app| {
        current(app).is_some()
    });
    assert_eq!(current(harness.state()).expect("audience").size(), before);
    assert!(shown(&harness, "Frequent buyers"));
}

#[test]
fn a_project_whose_file_was_moved_says_so_and_loads_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let moved = dir.path().join("returns.csv");
    let changed = dir.path().join("late.csv");
    for file in [&moved, &changed] {
        std::fs::write(
            file,
            "customer_id,order_id,order_date,amount\nc1,o1,2025-01-02,10.5\n",
        )
        .expect("write");
    }
    let mut project = project_of(&[orders(), moved.clone(), changed.clone()], dir.path());
    // Campaigns as the CLI saves them: definitions without the window's figures.
    let condition = Condition::All { of: Vec::new() };
    project.campaigns = vec![
        CampaignDef::new("Spring", condition.clone()),
        CampaignDef::new("Lapsed", condition),
    ];
    let path = dir.path().join("moved.json");
    project.save(&path).expect("save");
    std::fs::rename(&moved, dir.path().join("elsewhere.csv")).expect("move");
    std::fs::write(
        &changed,
        "customer_id,order_id,order_date,amount\nc1,o1,2025-01-02,10.5\nc2,o2,2025-01-03,4\n",
    )
    .expect("change");

    let mut harness = empty_window();
    harness.state_mut().push(Command::OpenProject(path));
    step_until(&mut harness, "the remaining files", |app| {
        idle(app) && app.workspace().store().tables.len() == 2
    });
    let app = harness.state();
    let missing = format!(
        "{} is missing: put it back or open the files again",
        moved.display()
    );
    assert!(notices(app).contains(&missing), "{:?}", notices(app));
    assert!(shown(&harness, &missing));
    let warning = format!(
        "Warning: {}: changed since the project was saved",
        changed.display()
    );
    assert!(
        notices(app).iter().any(|n| n.starts_with(&warning)),
        "{:?}",
        notices(app)
    );
    let mut tables: Vec<PathBuf> = app
        .workspace()
        .store()
        .tables
        .iter()
        .map(|t| canonical(&t.path))
        .collect();
    tables.sort();
    let mut expected = vec![canonical(&orders()), canonical(&changed)];
    expected.sort();
    assert_eq!(tables, expected);
    // The first campaign is the one being edited, the others come back as
    // variants whose figures are not known yet.
    assert_eq!(app.state().campaigns.draft.name, "Spring");
    let variants = &app.state().campaigns.variants;
    assert_eq!(variants.len(), 1);
    assert_eq!(
        (variants[0].def.name.as_str(), variants[0].size),
        ("Lapsed", 0)
    );
    assert!(
        notices(app)
            .iter()
            .any(|n| n.starts_with("Campaigns Lapsed were saved without figures"))
    );
}

#[test]
fn a_file_that_is_not_a_project_gives_a_notice_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("orders.json");
    std::fs::write(&path, "[{\"order_id\": 1}]").expect("write");
    let mut harness = app_harness(returning_user(), no_wake(), 1000.0);
    step_until(&mut harness, "the orders", loaded);
    harness.state_mut().push(Command::OpenProject(path));
    step_until(&mut harness, "the failed open", idle);
    let app = harness.state();
    assert!(
        notices(app)
            .iter()
            .any(|n| n.starts_with("The project could not be opened:")
                && n.contains("not a Marketbench project file")),
        "{:?}",
        notices(app)
    );
    assert!(loaded(app));
    // "Save" must not be aimed at the file that failed to open.
    assert!(app.workspace().project.path().is_none());
}

/// Without a file dialog (no session bus, as on CI), Open project… and Save
/// project… ask for a typed path. A project holding the Value and Forecast tabs'
/// settings (a forecast scenario among them) opens through it with them
/// restored, and saving it again through it writes them back.
#[test]
fn typed_paths_open_and_save_a_project_with_the_value_and_forecast_settings() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none(),
        "this test needs a desktop where no file dialog can be shown"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = project_of(&[orders()], dir.path());
    let value = ValueSettings {
        params: ValueParams {
            window_days: 45,
            ..ValueParams::default()
        },
        ..ValueSettings::default()
    };
    let run = ForecastRunParams {
        freq: Freq::Month,
        horizon: 4,
        ..ForecastRunParams::default()
    };
    let scenarios = vec![NamedScenario {
        name: "Spring sale".into(),
        scenario: Scenario::PriceChange {
            from: chrono::NaiveDate::from_ymd_opt(2025, 3, 1).expect("date"),
            change_pct: -10.0,
            elasticity: -1.5,
        },
    }];
    let forecast = serde_json::json!({ "run": run, "scenarios": scenarios });
    project
        .model_settings
        .insert(VALUE_KEY.into(), value.to_settings());
    project
        .model_settings
        .insert(FORECAST_KEY.into(), forecast.clone());
    let path = dir.path().join("typed.json");
    project.save(&path).expect("save");

    let mut harness = empty_window();
    harness.run();
    open_typed_project(&mut harness, &path);
    let workspace = harness.state().workspace();
    assert_eq!(workspace.value.settings(), Some(value.clone()));
    assert_eq!(workspace.forecast.results().requested_params(), Some(&run));
    assert_eq!(workspace.forecast.scenarios(), scenarios.as_slice());
    assert_eq!(harness.query_all_by_label("Project file:").count(), 0);

    // Save again: the prompt starts at the open project's file.
    harness
        .get_by_role_and_label(Role::Button, "Save project…")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Save project")
        .click();
    step_until(&mut harness, "the save", idle);
    let saved = format!("Project saved to {}", path.display());
    assert!(
        notices(harness.state()).contains(&saved),
        "{:?}",
        notices(harness.state())
    );
    let again = Project::open(&path).expect("open").project;
    assert_eq!(
        again.model_settings.get(VALUE_KEY),
        Some(&value.to_settings())
    );
    assert_eq!(again.model_settings.get(FORECAST_KEY), Some(&forecast));
}

#[test]
fn a_project_with_a_bad_saved_setting_opens_with_a_notice_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = project_of(&[orders()], dir.path());
    // K = 1 is no segmentation; the recommender's settings are fine.
    let mut segments = SegmentsParams::default().to_settings();
    segments["k"] = serde_json::json!(1);
    project
        .model_settings
        .insert(SEGMENTS_KEY.to_string(), segments.clone());
    let recommend = RecommendParams {
        neighbours: 7,
        ..RecommendParams::default()
    };
    project
        .model_settings
        .insert(RECOMMEND_KEY.to_string(), recommend.to_settings());
    let path = dir.path().join("bad-setting.json");
    project.save(&path).expect("save");

    let mut harness = empty_window();
    harness.state_mut().push(Command::OpenProject(path));
    step_until(&mut harness, "the project's files", |app| {
        idle(app) && !app.workspace().store().tables.is_empty()
    });
    let app = harness.state();
    let why = SegmentsParams::from_settings(&segments).expect_err("K = 1");
    let notice = marketbench::ui::unreadable_setting(SEGMENTS_KEY, &why);
    assert!(notice.contains("\"segments\" settings"), "{notice}");
    assert!(notice.contains("k = 1"), "{notice}");
    assert!(notices(app).contains(&notice), "{:?}", notices(app));
    assert!(shown(&harness, &notice));
    // The bad part is not used; the readable part is.
    assert_eq!(app.workspace().segments.results().requested_params(), None);
    assert_eq!(
        app.workspace().recommend.fit().requested_params(),
        Some(&recommend)
    );
}

#[test]
fn a_project_whose_saved_sasrec_model_is_unreadable_opens_with_a_notice_and_keeps_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = project_of(&[orders()], dir.path());
    let path = dir.path().join("shop.marketbench.json");
    project.save(&path).expect("save");
    let model = sasrec_path(&path);
    let garbage = b"{\"not\": \"a model\"}".to_vec();
    std::fs::write(&model, &garbage).expect("write");

    let mut harness = empty_window();
    harness.run();
    open_typed_project(&mut harness, &path);
    harness.run();
    let app = harness.state();
    let notice = notices(app)
        .into_iter()
        .find(|n| n.starts_with("The project's saved SASRec model could not be used"))
        .unwrap_or_else(|| panic!("no SASRec notice in {:?}", notices(app)));
    assert!(
        notice.contains("shop.marketbench.sasrec.safetensors"),
        "{notice}"
    );
    assert!(notice.contains("not a SASRec model"), "{notice}");
    assert!(notice.contains("trained again"), "{notice}");
    assert!(shown(&harness, &notice));
    // The rest of the project opened, and the model file is left as it was.
    assert_eq!(app.workspace().store().tables.len(), 1);
    assert_eq!(std::fs::read(&model).expect("still there"), garbage);
}

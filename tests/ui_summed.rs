//! The window on an orders file too big to load (`MARKETBENCH_MEMORY` set below
//! its load need, above what its recommendations hold), driven through egui_kittest: the mapping view says so and
//! offers "Sum without loading"; once summed, the Behaviour tab's RFM, the
//! Segments tab, the Forecast tab's shop series and the Recommendations tab's
//! item-kNN lists equal those of the same file loaded (computed headlessly
//! before the limit is set), the planted loyal customers are found, and the
//! parts and tabs that need lines (cohorts, rules, the report card, ALS) say so
//! with the memory figures. A project saved then keeps the file as summed, and
//! opening it sums the file again. Removing the file empties the store.
//!
//! The only test of this binary: the memory limit is the process's environment.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::recommend::{ModelKind, Recommendation};
use marketbench::analysis::voice::Labels;
use marketbench::data::{LoadOptions, Store};
use marketbench::jobs::Progress;
use marketbench::ui::{Command, MarketbenchApp, Tab};
use marketbench::workspace::behaviour::{self, BehaviourParams};
use marketbench::workspace::forecast::{ForecastRunParams, orders_series};
use marketbench::workspace::project::Project;
use marketbench::workspace::recommend::{self, RecommendParams};
use marketbench::workspace::segments::{self, SegmentsParams};
use polars::prelude::DataFrame;

/// 40 loyal customers who bought every week of the last half year (each from
/// three items), and 160 who bought a few times more than a year ago; with a
/// duplicated line and a return. About 50 KB, so its load needs about 150 KB,
/// and its 440 customer × item pairs for recommendations about 90 KB.
fn orders(path: &Path) {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("day");
    let mut text = String::from("order_id,customer_id,order_date,sku,quantity,unit_price\n");
    let mut order = 0;
    let mut line = |text: &mut String, customer: u32, day: u64, (item, quantity): (u32, i32)| {
        order += 1;
        let day = start + chrono::Days::new(day);
        let price = 10 + (order * 7) % 40;
        let _ = writeln!(
            text,
            "O{order},C{customer:03},{day},S{item},{quantity},{price}.50"
        );
    };
    for customer in 0..40 {
        for week in 0..26 {
            let day = 540 + 7 * week + u64::from(customer % 7);
            let item = (customer + week as u32 % 3) % 13;
            line(&mut text, customer, day, (item, 2));
        }
    }
    for customer in 40..200 {
        for visit in 0..1 + customer % 3 {
            let item = (customer * 7 + visit) % 13;
            line(
                &mut text,
                customer,
                u64::from(customer + 60 * visit),
                (item, 1),
            );
        }
    }
    line(&mut text, 7, 600, (7, -1));
    let last = text.lines().last().expect("a line").to_string();
    text.push_str(&last);
    text.push('\n');
    std::fs::write(path, text).expect("write");
}

/// The Behaviour, Segments, shop-series and Recommendations results of `path`
/// loaded whole.
struct Loaded {
    rfm: DataFrame,
    labels: Vec<usize>,
    series: (ForecastRunParams, Vec<f64>),
    /// The customers and every customer's item-kNN list (with the segments).
    lists: (Vec<String>, Vec<Vec<Recommendation>>),
}

/// The results of `path` loaded whole.
fn loaded_results(path: &Path) -> Loaded {
    let inspection = marketbench::data::inspect(path, None).expect("inspect");
    let options = LoadOptions::from_inspection(&inspection);
    let table = marketbench::data::load(path, &options, &Progress::detached()).expect("load");
    let store = Store {
        tables: vec![table],
        summed: None,
    };
    let detached = Progress::detached();
    let behaviour =
        behaviour::compute(&store, BehaviourParams::default(), &detached).expect("behaviour");
    let params = SegmentsParams::default();
    let segments =
        segments::compute(&store, params, None, &Labels::default(), &detached).expect("segments");
    let wanted = ForecastRunParams::default_for(&store);
    let (series, _) = orders_series(&store, &wanted, None, &detached).expect("series");
    let segmentation = Some(&*segments.segmentation);
    let params = RecommendParams::default();
    let fit = recommend::compute(&store, params, segmentation, None, &detached).expect("fit");
    Loaded {
        rfm: behaviour.rfm.expect("rfm").customers,
        labels: segments.segmentation.clustering.labels.clone(),
        series: (wanted, series[0].values.clone()),
        lists: (fit.interactions.customers.clone(), fit.lists.to_vec()),
    }
}

/// Whether a shown text contains `part`.
fn shows(harness: &egui_kittest::Harness<'_, MarketbenchApp>, part: &str) -> bool {
    harness.query_all_by_label_contains(part).count() > 0
}

fn step_until_idle(harness: &mut egui_kittest::Harness<'_, MarketbenchApp>, what: &str) {
    step_until(harness, what, |app| !app.workspace().is_busy());
}

#[test]
fn a_file_too_big_to_load_is_summed_and_its_sums_equal_the_loaded_files() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("orders.csv");
    orders(&path);
    let Loaded {
        rfm,
        labels,
        series,
        lists,
    } = loaded_results(&path);
    // SAFETY: the only test of this binary, and no job runs yet.
    // Below the load's need, above the recommendations' pairs (see `orders`).
    let bytes = std::fs::metadata(&path).expect("size").len();
    assert!((40_000..60_000).contains(&bytes), "{bytes} bytes");
    unsafe { std::env::set_var("MARKETBENCH_MEMORY", "100KB") };

    let app = MarketbenchApp::new(
        returning_user(),
        vec![path.clone()],
        marketbench::jobs::no_wake(),
    );
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    step_until(&mut harness, "the mapping view", |app| {
        !app.workspace().is_loading() && !app.workspace().pending().is_empty()
    });
    harness.run();
    assert!(
        shows(&harness, "Loading orders.csv needs about"),
        "the mapping view says the file is too big to load"
    );
    harness
        .get_by_role_and_label(Role::Button, "Sum without loading")
        .click();
    harness.run();
    let store = harness.state().workspace().store();
    assert!(store.tables.is_empty() && store.summed_orders().is_some());
    assert!(shown(&harness, "orders · summed without loading"));

    click_tab(&mut harness, Tab::Behaviour);
    step_until_idle(&mut harness, "the behaviour results");
    let version = harness.state().workspace().store_version();
    let results = harness.state().workspace().behaviour.results();
    let results = &results.current(version).expect("behaviour results").value;
    let summed_rfm = results.rfm.as_ref().expect("RFM from the sums");
    assert!(summed_rfm.customers.equals_missing(&rfm));
    assert_eq!(summed_rfm.len(), 200);
    // The planted loyal customers: every one bought in the last week.
    let recency = summed_rfm
        .customers
        .column("recency_days")
        .expect("recency");
    let recency = recency
        .cast(&polars::prelude::DataType::Float64)
        .expect("cast");
    let recent = recency
        .f64()
        .expect("f64")
        .into_no_null_iter()
        .filter(|&d| d <= 7.0);
    assert_eq!(recent.count(), 40);
    let cohorts = results
        .cohorts
        .as_ref()
        .expect_err("cohorts need the lines");
    assert!(
        cohorts.starts_with("Cohort retention needs the order lines"),
        "{cohorts}"
    );
    assert!(
        cohorts.contains("orders.csv is too big to load"),
        "{cohorts}"
    );
    harness.run();
    assert!(shows(
        &harness,
        "Computed from orders.csv, summed without loading"
    ));

    click_tab(&mut harness, Tab::Segments);
    step_until_idle(&mut harness, "the segments");
    let segments = harness.state().workspace().segments.current(version);
    let segments = &segments.expect("segments of the sums").value;
    assert_eq!(segments.segmentation.clustering.labels, labels);

    click_tab(&mut harness, Tab::Forecast);
    step_until_idle(&mut harness, "the forecast");
    harness.run();
    let forecast = harness.state().workspace().forecast.results();
    let forecast = &forecast.current(version).expect("a forecast").value;
    assert_eq!(forecast.params, series.0);
    assert_eq!(forecast.series.len(), 1);
    assert_eq!(forecast.series[0].series.values, series.1);

    click_tab(&mut harness, Tab::Recommendations);
    step_until_idle(&mut harness, "the recommendations");
    harness.run();
    let recommend = harness.state().workspace().recommend.fit();
    let fit = &recommend
        .current(version)
        .expect("item-kNN of the sums")
        .value;
    assert_eq!(fit.params.model, ModelKind::ItemKnn);
    assert_eq!(fit.interactions.customers, lists.0);
    assert_eq!(*fit.lists, lists.1, "the loaded file's lists");
    assert!(lists.1.iter().all(|list| list.len() == 10));
    let rules = fit.rules.as_ref().expect_err("rules need baskets");
    assert!(
        rules.starts_with("The table of bought-together rules needs the order lines"),
        "{rules}"
    );
    assert!(shows(&harness, "The report card needs the order lines"));
    assert!(shows(
        &harness,
        "Summed orders give each customer's purchases"
    ));
    // A model that reads baskets refuses before reading the file.
    let store = harness.state().workspace().store().clone();
    let als = RecommendParams {
        model: ModelKind::Als,
        ..RecommendParams::default()
    };
    let refused = recommend::compute(&store, als, None, None, &Progress::detached())
        .err()
        .expect("ALS needs the lines")
        .to_string();
    assert!(
        refused.starts_with("The als model, which reads baskets and purchase sequences, needs the order lines, and orders.csv is too big to load"),
        "{refused}"
    );

    // Saved in a project, marked summed.
    let project = dir.path().join("shop.json");
    harness
        .state_mut()
        .push(Command::SaveProject(project.clone()));
    step_until_idle(&mut harness, "the save");
    let saved = Project::open(&project).expect("the project").project;
    assert_eq!(saved.files.len(), 1);
    assert!(saved.files[0].summed && saved.files[0].path == Path::new("orders.csv"));

    click_tab(&mut harness, Tab::Data);
    harness
        .get_by_role_and_label(Role::Button, "Remove")
        .click();
    harness.run();
    let store = harness.state().workspace().store();
    assert!(store.summed.is_none() && !store.has_orders());

    // Opened again: summed again, with the saved columns, not refused.
    harness.state_mut().push(Command::OpenProject(project));
    step_until(&mut harness, "the summed file", |app| {
        app.workspace().store().summed.is_some() && !app.workspace().is_busy()
    });
    let workspace = harness.state().workspace();
    assert!(workspace.store().tables.is_empty() && workspace.pending().is_empty());
    click_tab(&mut harness, Tab::Behaviour);
    step_until_idle(&mut harness, "the behaviour results");
    let version = harness.state().workspace().store_version();
    let results = harness.state().workspace().behaviour.results();
    let results = &results.current(version).expect("behaviour again").value;
    assert!(
        results
            .rfm
            .as_ref()
            .expect("RFM")
            .customers
            .equals_missing(&rfm)
    );
}

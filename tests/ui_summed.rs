//! The window on an orders file too big to load (`MARKETBENCH_MEMORY` set below
//! its load need), driven through egui_kittest: the mapping view says so and
//! offers "Sum without loading"; once summed, the Behaviour tab's RFM, the
//! Segments tab and the Forecast tab's shop series equal those of the same file
//! loaded (computed headlessly before the limit is set), the planted loyal
//! customers are found, and the parts and tabs that need lines say so with the
//! memory figures. Removing the file empties the store.
//!
//! The only test of this binary: the memory limit is the process's environment.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::voice::Labels;
use marketbench::data::{LoadOptions, Store};
use marketbench::jobs::Progress;
use marketbench::ui::{MarketbenchApp, Tab};
use marketbench::workspace::behaviour::{self, BehaviourParams};
use marketbench::workspace::forecast::{ForecastRunParams, orders_series};
use marketbench::workspace::segments::{self, SegmentsParams};
use polars::prelude::DataFrame;

/// 40 loyal customers who bought every week of the last half year, and 160
/// who bought a few times more than a year ago; with a duplicated line and a
/// return. About 40 KB, so its load needs about 120 KB.
fn orders(path: &Path) {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("day");
    let mut text = String::from("order_id,customer_id,order_date,sku,quantity,unit_price\n");
    let mut order = 0;
    let mut line = |text: &mut String, customer: u32, day: u64, quantity: i32| {
        order += 1;
        let day = start + chrono::Days::new(day);
        let price = 10 + (order * 7) % 40;
        let _ = writeln!(
            text,
            "O{order},C{customer:03},{day},S{},{quantity},{price}.50",
            order % 13
        );
    };
    for customer in 0..40 {
        for week in 0..26 {
            line(
                &mut text,
                customer,
                540 + 7 * week + u64::from(customer % 7),
                2,
            );
        }
    }
    for customer in 40..200 {
        for visit in 0..1 + customer % 3 {
            line(&mut text, customer, u64::from(customer + 60 * visit), 1);
        }
    }
    line(&mut text, 7, 600, -1);
    let last = text.lines().last().expect("a line").to_string();
    text.push_str(&last);
    text.push('\n');
    std::fs::write(path, text).expect("write");
}

/// The Behaviour, Segments and shop-series results of `path` loaded whole.
fn loaded_results(path: &Path) -> (DataFrame, Vec<usize>, (ForecastRunParams, Vec<f64>)) {
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
    let (series, _) = orders_series(&store, &wanted, None).expect("series");
    (
        behaviour.rfm.expect("rfm").customers,
        segments.segmentation.clustering.labels.clone(),
        (wanted, series[0].values.clone()),
    )
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
    let (rfm, labels, series) = loaded_results(&path);
    // SAFETY: the only test of this binary, and no job runs yet.
    unsafe { std::env::set_var("MARKETBENCH_MEMORY", "60KB") };

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
    assert!(
        shows(
            &harness,
            "from this tab (the command line's `recommend` sums popularity and item-kNN without loading) needs the order lines"
        ),
        "the Recommendations tab says it needs the lines"
    );

    click_tab(&mut harness, Tab::Data);
    harness
        .get_by_role_and_label(Role::Button, "Remove")
        .click();
    harness.run();
    let store = harness.state().workspace().store();
    assert!(store.summed.is_none() && !store.has_orders());
}

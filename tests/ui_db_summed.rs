//! Orders summed in a real PostgreSQL (`common::db`) from the window, driven
//! through egui_kittest: Connect, pick the sample's orders table, Count, "Sum
//! orders in the database": a sample of 1,000 rows waits in the mapping view
//! (without Load: it is a sample), "Sum in the database" makes the table the
//! store's summed orders, and the Behaviour tab's RFM, the Segments and the
//! Forecast tab's shop series and the Recommendations tab's item-kNN lists
//! equal those of the sample file loaded whole,
//! though the window never held more than the sample's rows. The tabs that need
//! lines say so.

mod common;

use common::close::close;
use common::db::{execute, fill_sample_orders, postgres};
use common::db_window::*;
use common::ui::{orders, shown, step_until};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::voice::Labels;
use marketbench::data::db::Dialect;
use marketbench::data::summed::SummedSource;
use marketbench::data::{LoadOptions, Store};
use marketbench::jobs::{Progress, no_wake};
use marketbench::ui::{MarketbenchApp, Tab};
use marketbench::workspace::behaviour::{self, BehaviourParams};
use marketbench::workspace::forecast::{ForecastRunParams, orders_series};
use marketbench::workspace::recommend::{self, RecommendParams};
use marketbench::workspace::segments::{self, SegmentsParams};
use polars::prelude::{DataFrame, DataType};

/// The sample's orders file loaded whole.
fn sample_store() -> Store {
    let path = orders();
    let inspection = marketbench::data::inspect(&path, None).expect("inspect");
    let options = LoadOptions::from_inspection(&inspection);
    let table = marketbench::data::load(&path, &options, &Progress::detached()).expect("load");
    Store {
        tables: vec![table],
        summed: None,
    }
}

/// `column` of `frame` as numbers.
fn numbers(frame: &DataFrame, column: &str) -> Vec<f64> {
    let column = frame.column(column).expect(column);
    let column = column.cast(&DataType::Float64).expect("cast");
    column.f64().expect("f64").into_no_null_iter().collect()
}

fn click_tab(harness: &mut Harness<'_, MarketbenchApp>, tab: Tab) {
    harness
        .get_by_role_and_label(Role::Button, &tab.label())
        .click();
    harness.run();
    step_until(harness, "the tab's job", |app| !app.workspace().is_busy());
    harness.run();
}

#[test]
fn orders_summed_in_postgres_give_the_loaded_files_rfm_segments_and_series() {
    let server = postgres();
    fill_sample_orders(&server, Dialect::Postgres);
    // Not "orders": the orders picker is labelled so.
    execute(
        &server,
        &["ALTER TABLE orders RENAME TO shop_orders".to_string()],
    );
    let mut harness = window(no_wake());
    connect(&mut harness, &server.url, "");
    pick_orders(&mut harness, "shop_orders");
    count(&mut harness);
    press_and_wait(&mut harness, "Sum orders in the database", "the sample");
    step_until(&mut harness, "the sample in the mapping view", |app| {
        !app.workspace().pending().is_empty()
    });
    harness.run();
    assert!(shown(&harness, "Sum in the database"));
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Load")
            .is_none(),
        "a sample is not loaded"
    );
    assert!(
        harness
            .query_by_label_contains("rows): these are its first 1,000 rows")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Sum in the database")
        .click();
    harness.run();
    let store = harness.state().workspace().store();
    let summed = store.summed_orders().expect("summed orders");
    let SummedSource::Database(db) = &summed.source else {
        panic!("summed by the database");
    };
    assert!(db.rows > 1000, "the table holds more than the sample");
    assert!(store.tables.is_empty() && harness.state().workspace().pending().is_empty());

    let loaded = sample_store();
    let detached = Progress::detached();
    click_tab(&mut harness, Tab::Behaviour);
    let version = harness.state().workspace().store_version();
    let results = harness.state().workspace().behaviour.results();
    let results = &results.current(version).expect("behaviour").value;
    let rfm = results.rfm.as_ref().expect("RFM from the database's sums");
    let expected = behaviour::compute(&loaded, BehaviourParams::default(), &detached)
        .expect("behaviour")
        .rfm
        .expect("rfm");
    assert_eq!(rfm.analysis_date, expected.analysis_date);
    let without_money = ["customer_id", "recency_days", "frequency", "group"];
    let pick = |frame: &DataFrame| frame.select(without_money).expect("columns");
    assert!(pick(&rfm.customers).equals_missing(&pick(&expected.customers)));
    let (got, want) = (
        numbers(&rfm.customers, "monetary"),
        numbers(&expected.customers, "monetary"),
    );
    assert!(got.iter().zip(&want).all(|(a, b)| close(*a, *b)));
    assert!(shown(
        &harness,
        "Computed from shop_orders, summed in the database: each run asks the server for the sums again, and the parts that need its lines say so."
    ));
    let cohorts = results.cohorts.as_ref().expect_err("cohorts need lines");
    assert!(cohorts.contains("is summed in the database"), "{cohorts}");

    click_tab(&mut harness, Tab::Segments);
    let segments = harness.state().workspace().segments.current(version);
    let segments = &segments.expect("segments").value.segmentation;
    let loaded_segments = segments::compute(
        &loaded,
        SegmentsParams::default(),
        None,
        &Labels::default(),
        &detached,
    )
    .expect("segments");
    let expected = &loaded_segments.segmentation;
    assert_eq!(segments.clustering.k, expected.clustering.k);
    assert_eq!(segments.clustering.labels, expected.clustering.labels);

    click_tab(&mut harness, Tab::Forecast);
    let forecast = harness.state().workspace().forecast.results();
    let forecast = &forecast.current(version).expect("forecast").value;
    let wanted = ForecastRunParams::default_for(&loaded);
    assert_eq!(forecast.params, wanted);
    let (series, _) = orders_series(&loaded, &wanted, None, &detached).expect("series");
    let (got, want) = (&forecast.series[0].series, &series[0]);
    assert_eq!(got.start, want.start);
    assert_eq!(got.values.len(), want.values.len());
    assert!(
        got.values
            .iter()
            .zip(&want.values)
            .all(|(a, b)| close(*a, *b))
    );

    click_tab(&mut harness, Tab::Recommendations);
    let fit = harness.state().workspace().recommend.fit();
    let fit = &fit.current(version).expect("item-kNN of the sums").value;
    let segmentation = Some(&*loaded_segments.segmentation);
    let params = RecommendParams::default();
    let expected = recommend::compute(&loaded, params, segmentation, None, &detached).expect("fit");
    assert_eq!(fit.interactions.customers, expected.interactions.customers);
    assert_eq!(fit.interactions.items, expected.interactions.items);
    assert_eq!(fit.lists, expected.lists, "the loaded sample's lists");
    assert!(
        harness
            .query_by_label_contains(
                "The report card needs the order lines, and shop_orders is summed in the database"
            )
            .is_some()
    );

    click_tab(&mut harness, Tab::Campaigns);
    assert!(
        harness
            .query_by_label_contains(
                "Building a target list needs the order lines, and shop_orders is summed in the database"
            )
            .is_some()
    );
}

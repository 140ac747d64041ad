//! Service features for propensity on the bundled sample store: every planted
//! message becomes a fact dated inside the store's two years, the complaint and
//! discount flags follow the planted intents, and a propensity run with them has
//! the same cutoffs and customers as one without, plus the six service features.
//! (Whether they raise out-of-time AUC is measured by `benches/value_service.rs`.)

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use marketbench::analysis::propensity::service_features::SERVICE_FEATURES;
use marketbench::analysis::propensity::{
    ModelKind, PropensityParams, Sources, propensity_with, service_facts,
};
use marketbench::data::{LoadOptions, Store, inspect, load};
use marketbench::jobs::Progress;
use polars::prelude::*;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

fn store(names: &[&str]) -> Store {
    let mut store = Store::default();
    for name in names {
        let path = sample(name);
        let inspection = inspect(&path, None).expect("inspect");
        let options = LoadOptions::from_inspection(&inspection);
        store.insert(load(&path, &options, &Progress::detached()).expect("load"));
    }
    store
}

/// The planted intent of every message (`truth/service_intents.csv`).
fn planted_intents() -> Vec<String> {
    let truth = CsvReadOptions::default()
        .with_has_header(true)
        .try_into_reader_with_file_path(Some(sample("truth/service_intents.csv")))
        .expect("reader")
        .finish()
        .expect("truth parses");
    let intents = truth.column("intent").expect("intent");
    let intents = intents.str().expect("text");
    intents
        .iter()
        .map(|v| v.unwrap_or("").to_string())
        .collect()
}

#[test]
fn facts_follow_the_planted_messages_and_intents() {
    let store = store(&["orders.csv", "service.csv"]);
    let facts = service_facts(&store, &Default::default(), &Progress::detached())
        .expect("facts")
        .expect("a service file is loaded");
    let planted = planted_intents();
    // Every sample message has a customer and a time.
    assert_eq!(facts.len(), planted.len());
    let day = |ms: i64| {
        NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")
            + chrono::TimeDelta::days(ms.div_euclid(86_400_000))
    };
    let first = facts.iter().map(|f| day(f.time)).min().expect("facts");
    let last = facts.iter().map(|f| day(f.time)).max().expect("facts");
    assert!(
        first >= NaiveDate::from_ymd_opt(2024, 6, 25).expect("date")
            && last <= NaiveDate::from_ymd_opt(2026, 6, 30).expect("date"),
        "message days {first}..{last} are not the store's two years: wrong time unit?"
    );
    // Intents are 90 % predicted (macro-F1 ≈ 0.98), so the counts are close, not equal.
    let close = |got: usize, planted: usize, what: &str| {
        let off = (got as f64 - planted as f64).abs() / planted as f64;
        assert!(off < 0.05, "{what}: {got} flagged, {planted} planted");
    };
    let planted_count = |name: &str| planted.iter().filter(|i| *i == name).count();
    close(
        facts.iter().filter(|f| f.complaint).count(),
        planted_count("质量"),
        "complaints",
    );
    close(
        facts.iter().filter(|f| f.discount).count(),
        planted_count("优惠"),
        "discount questions",
    );
    assert!(facts.iter().all(|f| (0.0..=1.0).contains(&f.positive)));

    // Without a service file there are no facts (and no error).
    let orders_only = self::store(&["orders.csv"]);
    assert_eq!(
        service_facts(&orders_only, &Default::default(), &Progress::detached()).expect("no facts"),
        None
    );
}

#[test]
fn a_run_with_service_facts_adds_their_features_on_the_same_customers() {
    let store = store(&["orders.csv", "service.csv"]);
    let progress = Progress::detached();
    let facts = service_facts(&store, &Default::default(), &progress)
        .expect("facts")
        .expect("a service file is loaded");
    let lines = store.order_lines().expect("lines").expect("orders");
    let params = PropensityParams {
        models: vec![ModelKind::LogReg],
        ..PropensityParams::default()
    };
    let run = |service| {
        let sources = Sources {
            events: None,
            service,
        };
        propensity_with(&lines, sources, &params, &progress).expect("propensity")
    };
    let without = run(None);
    let with = run(Some(&facts));
    assert_eq!(
        (with.train_cutoff, with.cutoff, with.test_customers),
        (without.train_cutoff, without.cutoff, without.test_customers)
    );
    let mut expected = without.features.clone();
    expected.extend(SERVICE_FEATURES.map(String::from));
    assert_eq!(with.features, expected);
    // The regression gives every service feature a weight: they vary.
    let importance = &with.models[0].importance;
    for name in SERVICE_FEATURES {
        let weight = importance
            .iter()
            .find(|f| f.feature == name)
            .expect("ranked");
        assert!(
            weight.value != 0.0,
            "{name} is constant on the sample store"
        );
    }
    assert_eq!(with.scores.height(), without.scores.height());
}

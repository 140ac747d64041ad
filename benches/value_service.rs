//! Do customer-service signals help predict who buys again (issue 21: "Value
//! features where they help out of time: measure, keep only if AUC rises")?
//!
//! Trains the Value tab's propensity (its default settings: the same cutoffs,
//! window, models, random split and event features) twice on the same store,
//! without and with the service features of
//! `analysis::propensity::service_features`, and prints per model the
//! out-of-time AUC, the random-split AUC and the top-decile lift of each, and the
//! model each run would score with. Two stores: the bundled sample store
//! (`sample-data/`, 5,000 customers) and one generated with `MB_CUSTOMERS`
//! customers (default 50,000) in a temporary folder, removed afterwards.
//!
//! Run in release mode: `cargo bench --bench value_service`
//! (`MB_CUSTOMERS=0` skips the generated store).

use std::path::{Path, PathBuf};
use std::time::Instant;

use marketbench::analysis::propensity::repeat_features::REPEAT_FEATURES;
use marketbench::analysis::propensity::{
    ModelKind, Propensity, PropensityParams, Sources, propensity_with, propensity_with_events,
    service_facts,
};
use marketbench::data::sample::{SampleConfig, write_sample};
use marketbench::data::{FileKind, LoadOptions, Store, inspect, load};
use marketbench::jobs::Progress;
use marketbench::workspace::value::ValueSettings;
use polars::prelude::DataFrame;

const DEFAULT_CUSTOMERS: usize = 50_000;

/// Loads the files as the app does (each detected from its headers).
fn store(files: &[PathBuf]) -> anyhow::Result<Store> {
    let mut store = Store::default();
    for path in files {
        let inspection = inspect(path, None)?;
        let options = LoadOptions::from_inspection(&inspection);
        store.insert(load(path, &options, &Progress::detached())?);
    }
    Ok(store)
}

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "-".into(), |v| format!("{v:.4}"))
}

fn top_lift(run: &Propensity, model: usize) -> Option<f64> {
    run.models[model].deciles.first().map(|d| d.lift)
}

fn measure(name: &str, store: &Store) -> anyhow::Result<()> {
    let progress = Progress::detached();
    let lines = store
        .order_lines()?
        .ok_or_else(|| anyhow::anyhow!("{name}: no order lines"))?;
    let events = store.of_kind(FileKind::Events).next().map(|t| &t.frame);
    let started = Instant::now();
    let facts = service_facts(store, &Default::default(), &progress)?
        .ok_or_else(|| anyhow::anyhow!("{name}: no service messages"))?;
    println!(
        "\n{name}: {} order lines, {} service messages with a customer and time (read in {:.1} s)",
        lines.height(),
        facts.len(),
        started.elapsed().as_secs_f64()
    );
    let params = ValueSettings::default().propensity_params();
    let without = Sources {
        events,
        service: None,
    };
    let with = Sources {
        events,
        service: Some(&facts),
    };
    let base = propensity_with(&lines, without, &params, &progress)?;
    let service = propensity_with(&lines, with, &params, &progress)?;
    println!(
        "cutoffs: train {}, test {}, window {} days; {} test customers, {:.1} % bought",
        base.train_cutoff,
        base.cutoff,
        base.window_days,
        base.test_customers,
        100.0 * base.positive_rate
    );
    println!(
        "features: {} without, {} with service",
        base.features.len(),
        service.features.len()
    );
    println!(
        "{:<8} {:>12} {:>12} {:>8} {:>12} {:>12} {:>10} {:>10}",
        "model", "AUC oot", "+service", "change", "AUC random", "+service", "top lift", "+service"
    );
    for (i, model) in base.models.iter().enumerate() {
        let other = &service.models[i];
        let change = match (model.auc_out_of_time, other.auc_out_of_time) {
            (Some(a), Some(b)) => format!("{:+.4}", b - a),
            _ => "-".into(),
        };
        println!(
            "{:<8} {:>12} {:>12} {:>8} {:>12} {:>12} {:>10} {:>10}",
            model.kind.name(),
            figure(model.auc_out_of_time),
            figure(other.auc_out_of_time),
            change,
            figure(model.auc_random),
            figure(other.auc_random),
            figure(top_lift(&base, i)),
            figure(top_lift(&service, i))
        );
    }
    let best = |run: &Propensity| {
        let model = run.models.iter().find(|m| m.kind == run.chosen);
        (run.chosen.name(), model.and_then(|m| m.auc_out_of_time))
    };
    let ((a, auc_a), (b, auc_b)) = (best(&base), best(&service));
    println!(
        "scoring model: {a} (AUC {}) without, {b} (AUC {}) with service",
        figure(auc_a),
        figure(auc_b)
    );
    let rises = matches!((auc_a, auc_b), (Some(a), Some(b)) if b > a);
    println!(
        "out-of-time AUC of the scoring model {} with the service features",
        if rises { "RISES" } else { "does not rise" }
    );
    if let Some(forest) = service.models.iter().find(|m| m.kind.name() == "forest") {
        let ranks: Vec<String> = forest
            .importance
            .iter()
            .enumerate()
            .filter(|(_, f)| f.feature.starts_with("service:"))
            .map(|(rank, f)| format!("{} #{} ({:.3})", f.feature, rank + 1, f.value))
            .collect();
        println!(
            "forest importance of the service features: {}",
            ranks.join(", ")
        );
    }
    repeat_features(&lines, events)
}

/// Out-of-time AUC of every model (boosted trees too) without the repeat
/// features, with each alone and with the default set (issue 20: keep a feature
/// only if it raises out-of-time AUC).
fn repeat_features(lines: &DataFrame, events: Option<&DataFrame>) -> anyhow::Result<()> {
    let mut sets: Vec<(String, Vec<&'static str>)> = vec![("none".into(), Vec::new())];
    sets.extend(REPEAT_FEATURES.map(|f| (format!("+{f}"), vec![f])));
    sets.push((
        "default".into(),
        PropensityParams::default().repeat_features,
    ));
    let mut runs = Vec::new();
    for (_, features) in &sets {
        let params = PropensityParams {
            models: ModelKind::ALL.to_vec(),
            repeat_features: features.clone(),
            ..ValueSettings::default().propensity_params()
        };
        let started = Instant::now();
        let run = propensity_with_events(lines, events, &params, &Progress::detached())?;
        runs.push((run, started.elapsed().as_secs_f64()));
    }
    println!(
        "\nrepeat-purchase features, out-of-time AUC (default set: {:?})",
        sets[sets.len() - 1].1
    );
    print!("{:<8}", "model");
    for (name, _) in &sets {
        print!(" {name:>18}");
    }
    println!();
    for (i, kind) in ModelKind::ALL.iter().enumerate() {
        print!("{:<8}", kind.name());
        for (run, _) in &runs {
            print!(" {:>18}", figure(run.models[i].auc_out_of_time));
        }
        println!();
    }
    print!("{:<8}", "seconds");
    for (_, seconds) in &runs {
        print!(" {seconds:>18.1}");
    }
    println!();
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let names = [
        "orders.csv",
        "products.csv",
        "customers.csv",
        "events.csv",
        "service.csv",
    ];
    let files: Vec<PathBuf> = names.iter().map(|n| bundled.join(n)).collect();
    measure("bundled sample store (5,000 customers)", &store(&files)?)?;

    let customers = std::env::var("MB_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CUSTOMERS);
    if customers == 0 {
        return Ok(());
    }
    let dir =
        std::env::temp_dir().join(format!("marketbench-value-service-{}", std::process::id()));
    let started = Instant::now();
    let config = SampleConfig {
        customers,
        ..SampleConfig::default()
    };
    let written = write_sample(&config, &dir);
    let result = written.map_err(anyhow::Error::from).and_then(|sample| {
        println!(
            "\ngenerated {customers} customers in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let files = [
            sample.orders,
            sample.products,
            sample.customers,
            sample.events,
            sample.service,
        ];
        measure(
            &format!("generated store ({customers} customers)"),
            &store(&files)?,
        )
    });
    // The generated files are no artefact to keep, whatever happened.
    let _ = std::fs::remove_dir_all(&dir);
    result
}

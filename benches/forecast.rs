//! Forecast benchmark: `MB_SERIES` (default 1,000) daily series of two years each
//! (trend, weekly season, a yearly wave, noise; seeded), automatic model choice
//! among every model with a 3-fold rolling-origin backtest at a 28-day horizon, in
//! parallel. Prints the total and per-series time and the peak memory.
//!
//! Run in release mode: `cargo bench --bench forecast`
//! (`MB_SERIES=100 cargo bench --bench forecast` for a quicker run).

use std::time::Instant;

use chrono::NaiveDate;
use marketbench::analysis::forecast::{
    ForecastParams, Freq, ModelChoice, TimeSeries, forecast_many,
};
use marketbench::jobs::Progress;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const DEFAULT_SERIES: usize = 1_000;
const DAYS: usize = 730;

fn generate(count: usize) -> Vec<TimeSeries> {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let start = Freq::Day.index_of(NaiveDate::from_ymd_opt(2024, 7, 1).expect("date"));
    (0..count)
        .map(|i| {
            let level = rng.random_range(20.0..2_000.0);
            let growth = rng.random_range(-0.3..0.6) / DAYS as f64;
            let weekend = rng.random_range(1.0..1.5);
            let noise = rng.random_range(0.05..0.3);
            let values = (0..DAYS)
                .map(|t| {
                    let day_of_week = t % 7;
                    let season = if day_of_week >= 5 { weekend } else { 1.0 };
                    let yearly = 1.0 + 0.2 * (t as f64 * std::f64::consts::TAU / 365.0).sin();
                    let shock = 1.0 + noise * (rng.random::<f64>() - 0.5) * 2.0;
                    (level * (1.0 + growth * t as f64) * season * yearly * shock).max(0.0)
                })
                .collect();
            TimeSeries {
                name: format!("series {i:04}"),
                freq: Freq::Day,
                start,
                values,
                dropped_partial: None,
            }
        })
        .collect()
}

fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let count = std::env::var("MB_SERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_SERIES);
    let series = generate(count);
    let params = ForecastParams {
        horizon: 28,
        folds: 3,
        choice: ModelChoice::Auto,
        ..ForecastParams::default()
    };
    let started = Instant::now();
    let results = forecast_many(&series, &params, &Progress::detached()).expect("forecasts");
    let elapsed = started.elapsed().as_secs_f64();
    let failed = results.iter().filter(|r| r.is_err()).count();
    let mut wins = std::collections::BTreeMap::new();
    for f in results.iter().flatten() {
        *wins.entry(f.model.name()).or_insert(0usize) += 1;
    }
    println!(
        "{count} daily series x {DAYS} days, auto choice, 3 folds, horizon 28, {} threads",
        rayon::current_num_threads()
    );
    println!(
        "total {elapsed:.2} s, per series {:.2} ms, failed {failed}",
        1000.0 * elapsed / count.max(1) as f64
    );
    println!("winners: {wins:?}");
    if let Some(mib) = peak_memory_mib() {
        println!("peak memory {mib:.0} MiB");
    }
}

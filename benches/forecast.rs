//! Forecast benchmark: `MB_SERIES` (default 1,000) daily series of two years each
//! (trend, weekly season, a yearly wave, noise; seeded), automatic model choice
//! among every model with a 3-fold rolling-origin backtest at a 28-day horizon, in
//! parallel. Prints the total and per-series time and the peak memory.
//!
//! Run in release mode: `cargo bench --bench forecast`
//! (`MB_SERIES=100 cargo bench --bench forecast` for a quicker run).
//!
//! Accuracy: `MB_HOLDOUT=28 MB_SERIES=200 cargo bench --bench forecast` holds the
//! last 28 days of each series out, chooses on the rest and prints the mean
//! holdout MASE of the automatic choice and of every model fixed (`MB_FOLDS`
//! sets the folds, default 3). `MB_WALK=1` gives each series a random-walk level
//! as well (shops whose level drifts, where the last value is hard to beat).

mod common;

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::NaiveDate;
use marketbench::analysis::forecast::{
    ForecastParams, Freq, ModelChoice, ModelKind, TimeSeries, forecast_many,
};
use marketbench::jobs::Progress;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use common::{env_or, status_mb};

const DEFAULT_SERIES: usize = 1_000;
const DAYS: usize = 730;

fn generate(count: usize, walk: bool) -> Vec<TimeSeries> {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let start = Freq::Day.index_of(NaiveDate::from_ymd_opt(2024, 7, 1).expect("date"));
    (0..count)
        .map(|i| {
            let level = rng.random_range(20.0..2_000.0);
            let growth = rng.random_range(-0.3..0.6) / DAYS as f64;
            let weekend = rng.random_range(1.0..1.5);
            let noise = rng.random_range(0.05..0.3);
            let step = if walk {
                rng.random_range(0.0..0.04)
            } else {
                0.0
            };
            let mut drift = 1.0f64;
            let values = (0..DAYS)
                .map(|t| {
                    if walk {
                        drift *= 1.0 + step * (rng.random::<f64>() - 0.5) * 2.0;
                    }
                    let day_of_week = t % 7;
                    let season = if day_of_week >= 5 { weekend } else { 1.0 };
                    let yearly = 1.0 + 0.2 * (t as f64 * std::f64::consts::TAU / 365.0).sin();
                    let shock = 1.0 + noise * (rng.random::<f64>() - 0.5) * 2.0;
                    (level * drift * (1.0 + growth * t as f64) * season * yearly * shock).max(0.0)
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

/// Mean holdout MASE of `choice` over `series` (series that fail are left out),
/// and how often each model was chosen.
fn holdout_mase(
    series: &[TimeSeries],
    params: &ForecastParams,
    choice: ModelChoice,
) -> (f64, BTreeMap<&'static str, usize>) {
    let params = ForecastParams {
        choice,
        ..params.clone()
    };
    let results = forecast_many(series, &params, &Progress::detached()).expect("forecasts");
    let mut wins = BTreeMap::new();
    let scores: Vec<f64> = results
        .iter()
        .flatten()
        .filter_map(|f| {
            *wins.entry(f.model.name()).or_insert(0) += 1;
            f.holdout.as_ref().map(|a| a.mase).filter(|m| m.is_finite())
        })
        .collect();
    (
        scores.iter().sum::<f64>() / scores.len().max(1) as f64,
        wins,
    )
}

fn main() {
    let count = env_or("MB_SERIES", DEFAULT_SERIES);
    let holdout = env_or("MB_HOLDOUT", 0);
    let folds = env_or("MB_FOLDS", 3);
    let series = generate(count, env_or("MB_WALK", 0) == 1);
    let params = ForecastParams {
        horizon: 28,
        holdout,
        folds,
        choice: ModelChoice::Auto,
        ..ForecastParams::default()
    };
    if holdout > 0 {
        println!("{count} daily series x {DAYS} days, last {holdout} held out, {folds} folds");
        let (auto, wins) = holdout_mase(&series, &params, ModelChoice::Auto);
        println!("auto choice: holdout MASE {auto:.3}, chosen {wins:?}");
        for kind in ModelKind::ALL {
            let (mase, _) = holdout_mase(&series, &params, ModelChoice::Fixed(kind));
            println!("{:<22} holdout MASE {mase:.3}", kind.name());
        }
        return;
    }
    let started = Instant::now();
    let results = forecast_many(&series, &params, &Progress::detached()).expect("forecasts");
    let elapsed = started.elapsed().as_secs_f64();
    let failed = results.iter().filter(|r| r.is_err()).count();
    let mut wins = BTreeMap::new();
    for f in results.iter().flatten() {
        *wins.entry(f.model.name()).or_insert(0usize) += 1;
    }
    println!(
        "{count} daily series x {DAYS} days, auto choice, {folds} folds, horizon 28, {} threads",
        rayon::current_num_threads()
    );
    println!(
        "total {elapsed:.2} s, per series {:.2} ms, failed {failed}",
        1000.0 * elapsed / count.max(1) as f64
    );
    println!("winners: {wins:?}");
    if let Some(mib) = status_mb("self", "VmHWM:") {
        println!("peak memory {mib:.0} MiB");
    }
}

//! Propensity and CLV benchmark: generates order lines for `MB_CUSTOMERS` customers
//! (default 1,000,000; two-year history; a third buy once, a third keep buying at
//! their own rate, a third stop at a random day), then times building the features
//! at two cutoffs (with the repeat features the app adds), logistic regression, the
//! forest (100 trees), the MBG/NBD fit, the Gamma-Gamma fit, and the whole CLV run
//! (MBG/NBD, Gamma-Gamma, predictions for every customer). Prints the peak resident
//! memory (VmHWM) at the end.
//!
//! Run in release mode: `cargo bench --bench propensity`
//! (`MB_CUSTOMERS=100000 cargo bench --bench propensity` for a quicker run).

use std::time::Instant;

use chrono::TimeDelta;
use marketbench::analysis::clv::models::{fit_gamma_gamma, fit_mbgnbd, histories};
use marketbench::analysis::clv::{ClvParams, clv};
use marketbench::analysis::customers::{customer_table, default_analysis_date};
use marketbench::analysis::propensity::models::{ModelKind, ModelParams, fit};
use marketbench::analysis::propensity::repeat_features::{REPEAT_FEATURES, with_repeat_features};
use marketbench::analysis::propensity::{auc, categories_before, features_at};
use marketbench::jobs::Progress;
use polars::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const DEFAULT_CUSTOMERS: usize = 1_000_000;
const DAYS: i64 = 730;

/// Order lines with customer, order, day, category and amount.
fn generate(customers: usize) -> PolarsResult<DataFrame> {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let categories = ["beauty", "apparel", "food", "home", "digital"];
    let (mut customer, mut order, mut ts, mut category, mut amount) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut next_order = 0u64;
    for c in 0..customers {
        let first: i64 = rng.random_range(0..DAYS - 30);
        let (mean_gap, end) = match c % 3 {
            0 => (f64::INFINITY, DAYS),
            1 => (rng.random_range(15.0..120.0), DAYS),
            _ => (rng.random_range(15.0..120.0), rng.random_range(first..DAYS)),
        };
        let spend = rng.random_range(20.0..400.0);
        let mut day = first as f64;
        while (day as i64) < end {
            customer.push(format!("C{c:07}"));
            order.push(next_order);
            next_order += 1;
            ts.push((19_723 + day as i64) * 86_400_000 + 3_600_000);
            category.push(categories[rng.random_range(0..categories.len())]);
            amount.push(spend * rng.random_range(0.5..1.5));
            day += -(1.0 - rng.random::<f64>()).ln() * mean_gap;
        }
    }
    let mut df = df! {
        "customer_id" => customer,
        "order_id" => order,
        "category" => category,
        "amount" => amount,
    }?;
    let ts =
        Column::new("ts".into(), ts).cast(&DataType::Datetime(TimeUnit::Milliseconds, None))?;
    df.with_column(ts)?;
    Ok(df)
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(str::to_string)
        })
        .unwrap_or_else(|| "VmHWM: unknown".into())
}

fn main() -> anyhow::Result<()> {
    let customers = std::env::var("MB_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CUSTOMERS);
    let start = Instant::now();
    let lines = generate(customers)?;
    println!(
        "generated {} lines for {customers} customers in {:.2} s",
        lines.height(),
        start.elapsed().as_secs_f64()
    );
    let progress = Progress::detached();
    let score_date = default_analysis_date(&lines)?.expect("generated lines have dates");
    let window = TimeDelta::days(90);
    let (cutoff, train_cutoff) = (score_date - window, score_date - window - window);

    let start = Instant::now();
    let categories = categories_before(&lines, train_cutoff)?;
    let train = features_at(&lines, train_cutoff, &categories, Some(90))?;
    let test = features_at(&lines, cutoff, &categories, Some(90))?;
    let base_seconds = start.elapsed().as_secs_f64();
    // The repeat features the app adds by default (`gap_cv`).
    let repeat = Instant::now();
    let train = with_repeat_features(train, &lines, &REPEAT_FEATURES)?;
    let test = with_repeat_features(test, &lines, &REPEAT_FEATURES)?;
    let repeat_seconds = repeat.elapsed().as_secs_f64();
    let (train_x, train_y) = (train.matrix()?, train.labels()?);
    let (test_x, test_y) = (test.matrix()?, test.labels()?);
    println!(
        "features + labels at two cutoffs ({} and {} customers, {} features): {:.2} s \
         (base {base_seconds:.2} s, repeat features {repeat_seconds:.2} s)",
        train.len(),
        test.len(),
        train.names.len(),
        start.elapsed().as_secs_f64()
    );

    let params = ModelParams::default();
    for kind in [ModelKind::LogReg, ModelKind::Forest] {
        let start = Instant::now();
        let model = fit(kind, &train_x, &train_y, &train.names, &params, &progress)?;
        let fitted = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let p = model.predict(&test_x);
        println!(
            "{} fit on {} rows: {fitted:.2} s; scoring {} rows: {:.2} s; out-of-time AUC {:.3}",
            kind.name(),
            train_x.nrows(),
            test_x.nrows(),
            start.elapsed().as_secs_f64(),
            auc(&p, &test_y).unwrap_or(f64::NAN)
        );
    }
    println!(
        "  (forest: {} trees, depth {}, {} rows drawn per tree)",
        params.trees, params.forest_depth, params.sample_rows
    );

    let start = Instant::now();
    let table = customer_table(&lines, Some(score_date))?.frame;
    let column = |name: &str| -> anyhow::Result<Vec<i64>> {
        let c = table.column(name)?.cast(&DataType::Int64)?;
        Ok(c.i64()?.iter().map(|v| v.unwrap_or(0)).collect())
    };
    let (days, first, last, age) = (
        column("purchase_days")?,
        column("first_day")?,
        column("last_day")?,
        column("tenure_days")?,
    );
    let triples: Vec<(u32, u32, u32)> = (0..days.len())
        .map(|i| {
            (
                (days[i] - 1) as u32,
                (last[i] - first[i]) as u32,
                age[i] as u32,
            )
        })
        .collect();
    let grouped = histories(&triples);
    let prepared = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let fit = fit_mbgnbd(&grouped, &progress)?;
    println!(
        "MBG/NBD: histories of {} customers ({} distinct) {prepared:.2} s; fit {:.2} s: r {:.3}, alpha {:.1}, a {:.3}, b {:.3}",
        triples.len(),
        grouped.len(),
        start.elapsed().as_secs_f64(),
        fit.r,
        fit.alpha,
        fit.a,
        fit.b
    );

    // Gamma-Gamma on repeat buyers' (purchase days, mean spend per day), as the CLV run.
    let revenue = table.column("revenue")?.f64()?.clone();
    let buyers: Vec<(f64, f64)> = (0..days.len())
        .filter_map(|i| {
            let spend = revenue.get(i).unwrap_or(0.0) / days[i].max(1) as f64;
            (days[i] > 1 && spend > 0.0).then_some((days[i] as f64, spend))
        })
        .collect();
    let start = Instant::now();
    let spend = fit_gamma_gamma(&buyers, &progress)?;
    println!(
        "Gamma-Gamma: {} repeat buyers, fit {:.2} s: p {:.3}, q {:.3}, gamma {:.2}",
        buyers.len(),
        start.elapsed().as_secs_f64(),
        spend.p,
        spend.q,
        spend.gamma
    );

    let start = Instant::now();
    let params = ClvParams {
        holdout: false,
        ..ClvParams::default()
    };
    let result = clv(&lines, &params, &progress)?;
    println!(
        "CLV run (MBG/NBD + Gamma-Gamma + 365-day predictions for {} customers): {:.2} s",
        result.totals.customers,
        start.elapsed().as_secs_f64()
    );
    println!("peak memory {}", peak_memory());
    Ok(())
}

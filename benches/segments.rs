//! Segments benchmark: generates order lines for `MB_CUSTOMERS` customers (default
//! 1,000,000; 1–5 orders each, two-year history), then times RFM scoring, building
//! the features, auto-K (2..=10 with the default settings: above 20,000 customers
//! each K is fitted on a 20,000-row sample with 2 k-means++ restarts and everyone is
//! assigned to the nearest centroid; silhouette on a 10,000-row sample), profiling,
//! and the whole `segment_customers` job. Prints the peak memory (VmHWM).
//!
//! Run in release mode: `cargo bench --bench segments`
//! (`MB_CUSTOMERS=100000 cargo bench --bench segments` for a quicker run).

use std::time::Instant;

use marketbench::analysis::rfm::{RfmParams, rfm};
use marketbench::analysis::segments::{
    FeatureSet, SearchParams, cluster, customer_features, profile_segments, segment_customers,
};
use marketbench::jobs::Progress;
use polars::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const DEFAULT_CUSTOMERS: usize = 1_000_000;

/// Order lines with customer, order, day, item, category, price and amount.
fn generate(customers: usize) -> PolarsResult<DataFrame> {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let categories = ["beauty", "apparel", "food", "home", "digital"];
    let (mut customer, mut order, mut ts, mut item, mut category, mut price, mut amount) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    let mut next_order = 0u64;
    for c in 0..customers {
        // Three behaviours so the clusters are not noise.
        let kind = c % 3;
        let orders = match kind {
            0 => 1,
            1 => rng.random_range(2..6),
            _ => rng.random_range(1..4),
        };
        let first_day: i64 = match kind {
            2 => rng.random_range(640..730),
            _ => rng.random_range(0..600),
        };
        for _ in 0..orders {
            let day = rng.random_range(first_day..730);
            let product = rng.random_range(0..200u32);
            let unit_price = 10.0 + f64::from(product) * 2.0;
            customer.push(format!("C{c:07}"));
            order.push(next_order);
            next_order += 1;
            ts.push((19_723 + day) * 86_400_000);
            item.push(format!("SKU{product:04}"));
            category.push(categories[product as usize % categories.len()]);
            price.push(unit_price);
            amount.push(unit_price * f64::from(rng.random_range(1..3u32)));
        }
    }
    let mut df = df! {
        "customer_id" => customer,
        "order_id" => order,
        "item_id" => item,
        "category" => category,
        "unit_price" => price,
        "amount" => amount,
    }?;
    let ts =
        Column::new("ts".into(), ts).cast(&DataType::Datetime(TimeUnit::Milliseconds, None))?;
    df.with_column(ts)?;
    Ok(df)
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

    let start = Instant::now();
    let scored = rfm(&lines, &RfmParams::default(), &progress)?;
    println!(
        "RFM scores and groups for {} customers: {:.2} s",
        scored.customers.height(),
        start.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let features = customer_features(&lines, &FeatureSet::default(), None, &progress)?;
    println!(
        "features (RFM + all extras) for {} customers: {:.2} s",
        features.len(),
        start.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let params = SearchParams::default();
    let clustering = cluster(features.scaled.view(), &params, &progress)?;
    println!(
        "auto-K 2..=10 (fit sampled: {}, silhouette sampled: {}): {:.2} s, picked K = {}",
        clustering.fit_sampled,
        clustering.silhouette_sampled,
        start.elapsed().as_secs_f64(),
        clustering.k
    );
    for s in &clustering.per_k {
        println!(
            "  K = {:2}: inertia {:14.1}, silhouette {:.3}",
            s.k, s.inertia, s.silhouette
        );
    }

    let start = Instant::now();
    let profiles = profile_segments(&features, &clustering.labels, clustering.k, Some(&lines))?;
    println!(
        "profiles of {} segments: {:.2} s",
        profiles.len(),
        start.elapsed().as_secs_f64()
    );
    for p in &profiles {
        println!("  {} {}: {} customers", p.id, p.name, p.size);
    }

    let start = Instant::now();
    let whole = segment_customers(&lines, &FeatureSet::default(), &params, None, &progress)?;
    println!(
        "whole segment job (features + auto-K + profiles), K = {}: {:.2} s",
        whole.clustering.k,
        start.elapsed().as_secs_f64()
    );
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(peak) = status.lines().find(|l| l.starts_with("VmHWM")) {
        println!("peak memory {}", peak.trim_start_matches("VmHWM:").trim());
    }
    Ok(())
}

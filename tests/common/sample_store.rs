//! The default sample store and plain readers of its CSV files, shared by
//! `tests/sample.rs` and `tests/sample_planted.rs`. The files are read with
//! polars' CSV reader directly, not through the app's loader.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use marketbench::data::sample::{SampleConfig, SampleFiles, write_sample};
use polars::prelude::*;

/// The default store, generated once for every test binary that asks.
pub fn default_store() -> &'static SampleFiles {
    static STORE: OnceLock<SampleFiles> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sample-default");
        write_sample(&SampleConfig::default(), &dir).expect("default sample written")
    })
}

pub fn frame(path: &Path) -> DataFrame {
    CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(None)
        .try_into_reader_with_file_path(Some(path.to_path_buf()))
        .expect("csv reader")
        .finish()
        .unwrap_or_else(|e| panic!("{} parses: {e}", path.display()))
}

pub fn texts(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    let column = df
        .column(name)
        .expect("column")
        .cast(&DataType::String)
        .expect("cast");
    let values = column.str().expect("text").iter();
    values.map(|v| v.map(str::to_string)).collect()
}

pub fn text(df: &DataFrame, name: &str) -> Vec<String> {
    texts(df, name)
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect()
}

pub fn numbers(df: &DataFrame, name: &str) -> Vec<f64> {
    let column = df
        .column(name)
        .expect("column")
        .cast(&DataType::Float64)
        .expect("cast");
    column
        .f64()
        .expect("numbers")
        .iter()
        .map(|v| v.expect("no empty number"))
        .collect()
}

pub fn day_of(timestamp: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&timestamp[..10], "%Y-%m-%d").expect("date")
}

/// orders.csv as plain rows.
pub struct Line {
    pub order: String,
    pub customer: Option<String>,
    pub day: NaiveDate,
    pub sku: String,
    pub quantity: f64,
    pub amount: f64,
    pub status: String,
    pub channel: String,
}

/// The default store's order lines, parsed once.
pub fn default_lines() -> &'static [Line] {
    static LINES: OnceLock<Vec<Line>> = OnceLock::new();
    LINES.get_or_init(|| order_lines(default_store()))
}

pub fn order_lines(files: &SampleFiles) -> Vec<Line> {
    let df = frame(&files.orders);
    let (order, customer, time, sku) = (
        text(&df, "order_id"),
        texts(&df, "customer_id"),
        text(&df, "order_time"),
        text(&df, "sku"),
    );
    let (quantity, amount, status, channel) = (
        numbers(&df, "quantity"),
        numbers(&df, "amount"),
        text(&df, "status"),
        text(&df, "channel"),
    );
    (0..df.height())
        .map(|i| Line {
            order: order[i].clone(),
            customer: customer[i].clone(),
            day: day_of(&time[i]),
            sku: sku[i].clone(),
            quantity: quantity[i],
            amount: amount[i],
            status: status[i].clone(),
            channel: channel[i].clone(),
        })
        .collect()
}

pub fn groups(files: &SampleFiles) -> BTreeMap<String, String> {
    let df = frame(&files.truth.join("customer_groups.csv"));
    text(&df, "customer_id")
        .into_iter()
        .zip(text(&df, "group"))
        .collect()
}

/// Net revenue per day: paid lines plus (negative) refunds; cancelled left out.
pub fn daily_revenue(lines: &[Line]) -> BTreeMap<NaiveDate, f64> {
    let mut revenue = BTreeMap::new();
    for l in lines.iter().filter(|l| l.status != "cancelled") {
        *revenue.entry(l.day).or_insert(0.0) += l.amount;
    }
    revenue
}

pub fn end_date() -> NaiveDate {
    SampleConfig::default().end_date
}

//! `marketbench forecast FILE...`: forecast revenue, orders, units or active
//! customers per day, week or month, for the shop or per category / top item /
//! segment, with the model chosen by rolling-origin backtest. It builds the
//! Forecast tab's settings (`ForecastRunParams`) and runs the tab's pipeline
//! (`workspace::forecast::orders_series` and `forecast_all`), so the same settings
//! forecast the same figures in both; per segment with the Segments tab's default
//! settings.
//!
//! JSON (one series, no `--by`): `freq`, `measure`, `horizon`, `folds`, `season`,
//! `dropped_partial` (first day of a dropped partial last period, or null), `model`,
//! `candidates` (`[{model, mase, smape, mape, rmse, error}]`, the combination also
//! `members`: the three models it averages), `holdout` (`{mase,
//! smape, mape, rmse}` or null) and `forecast` (`[{period, value, lo80, hi80, lo95,
//! hi95}]`). With `--by`, those per-series fields move into `series: [{name, ...}]`
//! (a series that cannot be forecast has `error` instead). Undefined figures are null.
//!
//! An already aggregated series (one file with a date column and a value column, no
//! customer or item column, e.g. a monthly sales report: `FileKind::Series`) is
//! forecast as it is: the date column is the detected date (or `--date-column`),
//! the value the detected amount (or `--value-column`); `--measure` and `--by` do
//! not apply.
//!
//! One orders file too big to load is summed per period by the streaming engine
//! (`cli::streamed`): the shop's series works, `--by` needs the lines and is
//! refused with the memory figures; the first line (JSON: `streamed`) says so.
//! Orders from `--db` alone are summed per period by the database
//! (`cli::db::Pushdown`) for the shop's series, and the first line (JSON:
//! `pushed_down`) says so; `--by` fetches the lines.
//!
//! `--out`: `.csv` (with a BOM) or `.xlsx`, the window's export table
//! (`workspace::forecast::table`) without scenario lines: one row per series and
//! forecast period, `series, line, model, period, value, lo80, hi80, lo95, hi95`,
//! figures to 2 decimals; written atomically.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::db::Pushdown;
use super::replace::write_table;
use super::streamed::streamed;
use super::{LoadArgs, OutputArgs, args::ExportArgs, load_files};
use crate::analysis::forecast::scenario::Basis;
use crate::analysis::forecast::{
    DEFAULT_FOLDS, Freq, Measure, ModelChoice, ModelKind, SeriesBy, SeriesForecast, TimeSeries,
    series_from_table,
};
use crate::data::{self, FileKind, Role};
use crate::export::ExportFormat;
use crate::export::headers::Headers;
use crate::jobs::Progress;
use crate::workspace::forecast::{
    ForecastRunParams, ForecastSource, SeriesResult, default_horizon, forecast_all, orders_series,
    table,
};
use crate::workspace::segments::{self, SegmentsParams};

#[derive(Debug, Args)]
pub struct ForecastArgs {
    /// Order files or folders (CSV, TSV, Parquet, JSON, XLSX, ...).
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    /// What to forecast (default: revenue; orders when the orders have no price or
    /// amount column).
    #[arg(long, value_enum)]
    pub measure: Option<MeasureArg>,
    /// Period length.
    #[arg(long, value_enum, default_value = "day")]
    pub freq: FreqArg,
    /// One series per category, per customer segment (as `marketbench segment`
    /// finds them by default) or per top item (see --top) instead of the whole shop.
    #[arg(long, value_enum)]
    pub by: Option<ByArg>,
    /// With --by item: how many items, by net revenue.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// Periods to forecast (default: 28 days, 12 weeks or 6 months).
    #[arg(long)]
    pub horizon: Option<usize>,
    /// Hold out the last N periods and score the chosen model on them.
    #[arg(long, default_value_t = 0)]
    pub holdout: usize,
    /// Model, or auto to choose by backtest (ets chooses among the ETS family;
    /// combination averages the three best single models of the backtest).
    #[arg(long, value_enum, default_value = "auto")]
    pub model: ModelArg,
    /// Season length in periods (default: 7 on days, 52 on weeks, 12 on months).
    #[arg(long)]
    pub season: Option<usize>,
    /// Rolling-origin backtest folds.
    #[arg(long, default_value_t = DEFAULT_FOLDS)]
    pub folds: usize,
    /// Aggregated series file: the column holding the period's date.
    #[arg(long, value_name = "COL")]
    pub date_column: Option<String>,
    /// Aggregated series file: the column holding the value to forecast.
    #[arg(long, value_name = "COL")]
    pub value_column: Option<String>,
    /// Write the forecast to this .csv or .xlsx file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub export: ExportArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MeasureArg {
    Revenue,
    Orders,
    Units,
    Customers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FreqArg {
    Day,
    Week,
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Category,
    Segment,
    Item,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelArg {
    Auto,
    Naive,
    SeasonalNaive,
    Ets,
    Mstl,
    Theta,
    Combination,
}

impl From<&ForecastArgs> for ForecastRunParams {
    fn from(args: &ForecastArgs) -> Self {
        let freq = match args.freq {
            FreqArg::Day => Freq::Day,
            FreqArg::Week => Freq::Week,
            FreqArg::Month => Freq::Month,
        };
        ForecastRunParams {
            source: ForecastSource::Orders,
            measure: match args.measure {
                None | Some(MeasureArg::Revenue) => Measure::Revenue,
                Some(MeasureArg::Orders) => Measure::Orders,
                Some(MeasureArg::Units) => Measure::Units,
                Some(MeasureArg::Customers) => Measure::ActiveCustomers,
            },
            freq,
            by: match args.by {
                None => SeriesBy::Shop,
                Some(ByArg::Category) => SeriesBy::Category,
                Some(ByArg::Item) => SeriesBy::TopItems(args.top),
                Some(ByArg::Segment) => SeriesBy::Segment,
            },
            horizon: args.horizon.unwrap_or(default_horizon(freq)),
            choice: match args.model {
                ModelArg::Auto => ModelChoice::Auto,
                ModelArg::Naive => ModelChoice::Fixed(ModelKind::Naive),
                ModelArg::SeasonalNaive => ModelChoice::Fixed(ModelKind::SeasonalNaive),
                ModelArg::Ets => ModelChoice::Ets,
                ModelArg::Mstl => ModelChoice::Fixed(ModelKind::Mstl),
                ModelArg::Theta => ModelChoice::Fixed(ModelKind::Theta),
                ModelArg::Combination => ModelChoice::Fixed(ModelKind::Combination),
            },
            holdout: args.holdout,
            folds: args.folds,
            season: args.season,
        }
    }
}

/// Said before the forecast when the orders have no money.
const NO_MONEY_NOTE: &str = "no price or amount column: forecasting the number of orders \
                             (revenue needs --price or --amount)\n";

pub fn run(args: &ForecastArgs) -> anyhow::Result<String> {
    let mut params = ForecastRunParams::from(args);
    params.forecast_params().check()?;
    let freq = params.freq;
    let progress = Progress::detached();
    // Said before the forecast when the default measure changed for the data.
    let mut note = String::new();
    // The line saying where the sums came from, and its JSON key.
    let mut summed_note: Option<(&str, String)> = None;
    let pushdown = match params.by {
        SeriesBy::Shop => Pushdown::of(&args.files, &args.load)?,
        _ => None,
    };
    let series = match (pushdown, aggregated_series(args, freq)?) {
        (_, Some(series)) => vec![series],
        (Some(mut pushdown), None) => {
            if args.measure.is_none() && !pushdown.money() {
                params.measure = Measure::Orders;
            }
            let (series, pushed) = pushdown.series(params.measure, freq)?;
            note = format!("{pushed}\n");
            summed_note = Some(("pushed_down", pushed));
            if args.measure.is_none() && params.measure != Measure::Revenue {
                note.push_str(NO_MONEY_NOTE);
            }
            series
        }
        (None, None) => match streamed(&args.files, &args.load)? {
            Some(streamed) => {
                if params.by != SeriesBy::Shop {
                    return Err(streamed.needs_lines("--by"));
                }
                if args.measure.is_none() && !streamed.scan.money() {
                    params.measure = Measure::Orders;
                }
                note = format!("{}\n", streamed.note);
                summed_note = Some(("streamed", streamed.note));
                if args.measure.is_none() && params.measure != Measure::Revenue {
                    note.push_str(NO_MONEY_NOTE);
                }
                streamed.scan.series(params.measure, freq)?
            }
            None => {
                let loaded = load_files(&args.files, &args.load)?;
                if loaded.store.order_lines()?.is_none() {
                    bail!(
                        "no orders file among the inputs: a forecast needs order lines with dates"
                    );
                }
                if args.measure.is_none() {
                    params.measure = ForecastRunParams::default_for(&loaded.store).measure;
                    if params.measure != Measure::Revenue {
                        note = NO_MONEY_NOTE.to_string();
                    }
                }
                // Per segment with the Segments tab's default settings, as `segment`
                // finds them by default.
                let segments = match params.by {
                    SeriesBy::Segment => Some(
                        segments::compute(
                            &loaded.store,
                            SegmentsParams::default(),
                            None,
                            &Default::default(),
                            &progress,
                        )
                        .context("segmenting customers for --by segment")?,
                    ),
                    _ => None,
                };
                let segmentation = segments.as_ref().map(|s| s.segmentation.as_ref());
                orders_series(&loaded.store, &params, segmentation, &progress)?.0
            }
        },
    };
    if series.is_empty() {
        bail!("the order lines have no dated rows to forecast");
    }
    let measure = params.measure;
    let dropped = series[0].dropped_partial;
    let results = forecast_all(series, &params, &progress).context("forecasting")?;
    if let Some(out) = &args.out {
        write_forecast(out, &results, args.output.force, args.export.headers)
            .with_context(|| format!("writing {}", out.display()))?;
    }
    let named: Vec<(String, Result<SeriesForecast, String>)> = results
        .into_iter()
        .map(|r| (r.series.name, r.forecast))
        .collect();
    if args.by.is_none() {
        let result = named
            .into_iter()
            .next()
            .map(|(_, r)| r)
            .unwrap_or_else(|| Err("no series".into()));
        let result = result.map_err(anyhow::Error::msg)?;
        let mut out = json!({
            "freq": freq.name(),
            "measure": measure.name(),
            "horizon": params.horizon,
            "dropped_partial": dropped.map(|d| d.to_string()),
        });
        merge(&mut out, series_json(&result));
        if let Some((key, summed)) = summed_note {
            out[key] = json!(summed);
        }
        return if args.output.json {
            Ok(serde_json::to_string_pretty(&out)?)
        } else {
            Ok(format!("{note}{}", as_text(&result, dropped)))
        };
    }
    if args.output.json {
        let all: Vec<Value> = named
            .iter()
            .map(|(name, r)| match r {
                Ok(f) => {
                    let mut v = json!({"name": name});
                    merge(&mut v, series_json(f));
                    v
                }
                Err(e) => json!({"name": name, "error": e}),
            })
            .collect();
        let out = json!({
            "freq": freq.name(),
            "measure": measure.name(),
            "horizon": params.horizon,
            "dropped_partial": dropped.map(|d| d.to_string()),
            "series": all,
        });
        return Ok(serde_json::to_string_pretty(&out)?);
    }
    let mut text = note;
    for (name, result) in &named {
        match result {
            Ok(f) => {
                let _ = writeln!(text, "== {name}\n{}", as_text(f, dropped));
            }
            Err(e) => {
                let _ = writeln!(text, "== {name}: cannot forecast: {e}\n");
            }
        }
    }
    Ok(text)
}

/// The series of a single aggregated series file (detected as such, or any file
/// when `--date-column` / `--value-column` name its columns), loaded by the same
/// loader as every file (any format, any date layout it reads) and read by
/// `series_from_table`, as the Forecast tab reads it. None for order files.
fn aggregated_series(args: &ForecastArgs, freq: Freq) -> anyhow::Result<Option<TimeSeries>> {
    let [path] = args.files.as_slice() else {
        return Ok(None);
    };
    if path.is_dir() {
        return Ok(None);
    }
    let inspection = data::inspect(path, args.load.sheet.as_deref())
        .with_context(|| format!("inspecting {}", path.display()))?;
    let mut options = args.load.options_for(&inspection);
    for (role, column, flag) in [
        (Role::Timestamp, &args.date_column, "--date-column"),
        (Role::Amount, &args.value_column, "--value-column"),
    ] {
        let Some(column) = column else { continue };
        if !inspection.columns.iter().any(|c| c.name == *column) {
            let names: Vec<&str> = inspection.columns.iter().map(|c| c.name.as_str()).collect();
            bail!(
                "{flag} {column}: {} has no such column; its columns are: {}",
                path.display(),
                names.join(", ")
            );
        }
        options.mapping.retain(|_, mapped| mapped != column);
        options.mapping.insert(role, column.clone());
        options.kind = FileKind::Series;
    }
    if options.kind != FileKind::Series {
        return Ok(None);
    }
    options
        .mapping
        .retain(|role, _| matches!(role, Role::Timestamp | Role::Amount));
    let table = data::load(path, &options, &Progress::detached())
        .with_context(|| format!("loading {}", path.display()))?;
    let series = series_from_table(&table, freq)
        .with_context(|| format!("reading the series in {}", path.display()))?;
    Ok(Some(series))
}

fn merge(into: &mut Value, from: Value) {
    if let (Some(a), Value::Object(b)) = (into.as_object_mut(), from) {
        a.extend(b);
    }
}

fn series_json(f: &SeriesForecast) -> Value {
    let candidates: Vec<Value> = f
        .candidates
        .iter()
        .map(|c| {
            let mut entry = json!({"model": c.model.name(), "mase": c.mase,
                "smape": c.smape, "mape": c.mape, "rmse": c.rmse, "error": c.error});
            if !c.members.is_empty() {
                let members: Vec<&str> = c.members.iter().map(|m| m.name()).collect();
                merge(&mut entry, json!({ "members": members }));
            }
            if let Some(contest) = c.contest {
                merge(&mut entry, json!({ "contest": contest }));
            }
            entry
        })
        .collect();
    let p = &f.forecast;
    let forecast: Vec<Value> = f
        .periods
        .iter()
        .enumerate()
        .map(|(i, day)| {
            json!({"period": day.to_string(), "value": p.point[i], "lo80": p.lo80[i],
                   "hi80": p.hi80[i], "lo95": p.lo95[i], "hi95": p.hi95[i]})
        })
        .collect();
    json!({
        "model": f.model.name(),
        "season": f.season,
        "folds": f.folds,
        "candidates": candidates,
        "holdout": f.holdout.map(|h| json!({"mase": h.mase, "smape": h.smape, "mape": h.mape, "rmse": h.rmse})),
        "forecast": forecast,
    })
}

fn as_text(f: &SeriesForecast, dropped: Option<chrono::NaiveDate>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "model {} (season {}, chosen by MASE over {} backtest folds)",
        f.model.name(),
        f.season,
        f.folds
    );
    if let Some(contest) = f.candidates.iter().find_map(|c| c.contest) {
        let _ = writeln!(
            s,
            "  over folds 2-{}: the combination MASE {:.3}, the model best on the folds before each {:.3}",
            contest.folds + 1,
            contest.combination,
            contest.selection
        );
    }
    if let Some(day) = dropped {
        let _ = writeln!(s, "the partial last period starting {day} was left out");
    }
    let _ = writeln!(
        s,
        "  {:<28} {:>8} {:>8} {:>8}",
        "candidate", "MASE", "sMAPE", "MAPE"
    );
    for c in &f.candidates {
        match &c.error {
            None => {
                let _ = writeln!(
                    s,
                    "  {:<28} {:>8.3} {:>7.1}% {:>7.1}%",
                    c.model.name(),
                    c.mase,
                    c.smape,
                    c.mape
                );
            }
            Some(e) => {
                let _ = writeln!(s, "  {:<28} not scored: {e}", c.model.name());
            }
        }
        if !c.members.is_empty() {
            let members: Vec<&str> = c.members.iter().map(|m| m.name()).collect();
            let _ = writeln!(s, "  {:<28} = mean of {}", "", members.join(", "));
        }
    }
    if let Some(h) = f.holdout {
        let _ = writeln!(
            s,
            "holdout: MASE {:.3}, sMAPE {:.1}%, MAPE {:.1}%, RMSE {:.2}",
            h.mase, h.smape, h.mape, h.rmse
        );
    }
    let p = &f.forecast;
    let _ = writeln!(
        s,
        "  {:<10} {:>12} {:>25} {:>25}",
        "period", "forecast", "80 %", "95 %"
    );
    for (i, day) in f.periods.iter().enumerate() {
        let _ = writeln!(
            s,
            "  {:<10} {:>12.2} {:>12.2}..{:<12.2} {:>12.2}..{:<12.2}",
            day.to_string(),
            p.point[i],
            p.lo80[i],
            p.hi80[i],
            p.lo95[i],
            p.hi95[i]
        );
    }
    s
}

/// Every series in the order forecast, one row per period (the window's export
/// table without scenarios), through the atomic exporter.
fn write_forecast(
    path: &Path,
    results: &[SeriesResult],
    force: bool,
    headers: Headers,
) -> anyhow::Result<()> {
    let format = ExportFormat::from_path(path)?;
    let order: Vec<usize> = (0..results.len()).collect();
    write_table(
        // No scenario lines, so the basis they would apply to is unused.
        &table::forecast_frame(results, &order, &[], Basis::REVENUE)?,
        path,
        format,
        force,
        headers,
    )?;
    Ok(())
}

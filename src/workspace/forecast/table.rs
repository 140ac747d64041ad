//! The forecast as one table, as the Forecast tab shows it: one row per series,
//! line and period. Series come in the order asked for (the breakdown's sort in
//! the window), each with its `baseline` line (the forecast with its 80 % and
//! 95 % ranges) and then one line per what-if scenario (no ranges). Figures are
//! rounded to [`DECIMALS`], as the screen shows money. A series that cannot be
//! forecast has no rows. The window's export and `forecast --out` both write
//! this table, so the two files never differ in shape.

use polars::prelude::{Column, DataFrame, DataType, PolarsResult};

use crate::analysis::forecast::scenario::{Basis, apply};
use crate::analysis::lines::days_from_date;
use crate::export::rounded;

use super::{NamedScenario, SeriesResult};

/// Decimals of every figure written (the screen shows money to 2).
pub const DECIMALS: i32 = 2;

/// The line name of the forecast itself (scenario lines carry their names).
pub const BASELINE: &str = "baseline";

/// How many rows [`forecast_frame`] writes for these series and scenarios.
pub fn row_count(results: &[SeriesResult], scenarios: &[NamedScenario]) -> usize {
    let periods: usize = results
        .iter()
        .filter_map(|r| r.forecast.as_ref().ok())
        .map(|f| f.periods.len())
        .sum();
    periods * (1 + scenarios.len())
}

/// `series, line, model, period, value, lo80, hi80, lo95, hi95` for the series
/// of `results` at the indices of `order` (an index out of range is skipped);
/// `scenarios` apply to forecasts of `basis`.
pub fn forecast_frame(
    results: &[SeriesResult],
    order: &[usize],
    scenarios: &[NamedScenario],
    basis: Basis,
) -> PolarsResult<DataFrame> {
    let (mut names, mut lines, mut models, mut days) = (vec![], vec![], vec![], vec![]);
    let mut figures: [Vec<Option<f64>>; 5] = Default::default();
    for result in order.iter().filter_map(|&i| results.get(i)) {
        let Ok(f) = &result.forecast else { continue };
        let p = &f.forecast;
        let mut push = |line: &str, values: &[f64], ranges: bool| {
            for (i, day) in f.periods.iter().enumerate() {
                names.push(result.series.name.clone());
                lines.push(line.to_string());
                models.push(f.model.name());
                days.push(days_from_date(*day));
                figures[0].push(values.get(i).map(|&v| rounded(v, DECIMALS)));
                for (column, source) in figures[1..]
                    .iter_mut()
                    .zip([&p.lo80, &p.hi80, &p.lo95, &p.hi95])
                {
                    column.push(ranges.then(|| rounded(source[i], DECIMALS)));
                }
            }
        };
        push(BASELINE, &p.point, true);
        for s in scenarios {
            push(
                &s.name,
                &apply(&f.periods, &p.point, &s.scenario, basis),
                false,
            );
        }
    }
    let rows = names.len();
    let mut columns = vec![
        Column::new("series".into(), names),
        Column::new("line".into(), lines),
        Column::new("model".into(), models),
        Column::new("period".into(), days).cast(&DataType::Date)?,
    ];
    for (name, values) in ["value", "lo80", "hi80", "lo95", "hi95"]
        .into_iter()
        .zip(figures)
    {
        columns.push(Column::new(name.into(), values));
    }
    DataFrame::new(rows, columns)
}

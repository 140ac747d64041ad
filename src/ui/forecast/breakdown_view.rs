//! The breakdown of many series (per category or top item): each series' model,
//! forecast total, growth against the same periods a season earlier (or the last
//! periods, marked, without that much history) and backtest MASE, sortable by
//! clicking a header (which stays in view while the rows scroll). Clicking a
//! series shows it in the chart; a series too short to forecast says on hover
//! what it needs.
//! Undefined figures (no forecast, no recent history) sort last either way; ties
//! go to the series name.

use std::cmp::Ordering;

use egui_extras::{Column, TableBuilder};

use crate::tr;
use crate::ui::format;
use crate::ui::glossary::term;
use crate::workspace::forecast::{ForecastRunParams, GrowthBase, SeriesResult};

use super::prerequisite::{self, Missing, history_needed};
use super::{BreakdownSort, ViewState, figure, signed_percent};

/// Row indices of `series` in the order of `sort` (descending when asked).
pub fn sorted_rows(series: &[SeriesResult], sort: BreakdownSort, descending: bool) -> Vec<usize> {
    let key = |r: &SeriesResult| -> Option<f64> {
        match sort {
            BreakdownSort::Series => None,
            BreakdownSort::Growth => r.growth_pct(),
            BreakdownSort::Mase => r.mase().filter(|m| m.is_finite()),
            BreakdownSort::Total => r.forecast.as_ref().ok().map(total),
        }
    };
    let mut rows: Vec<usize> = (0..series.len()).collect();
    rows.sort_by(|&a, &b| {
        let (ra, rb) = (&series[a], &series[b]);
        let by_value = match (key(ra), key(rb)) {
            (Some(x), Some(y)) => {
                let o = x.total_cmp(&y);
                if descending { o.reverse() } else { o }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let by_name = ra.series.name.cmp(&rb.series.name);
        let by_name = if descending && sort == BreakdownSort::Series {
            by_name.reverse()
        } else {
            by_name
        };
        by_value.then(by_name)
    });
    rows
}

fn total(f: &crate::analysis::forecast::SeriesForecast) -> f64 {
    f.forecast.point.iter().sum()
}

/// Height of a table row.
const ROW_HEIGHT: f32 = 22.0;

/// What a row of the table shows for a series without a forecast: what it
/// lacks when it is too short, else the analysis' reason.
fn why_not(r: &SeriesResult, error: &str, params: &ForecastRunParams) -> String {
    let got = r.series.values.len();
    match history_needed(got, params.horizon, params.holdout) {
        Some(needed) => prerequisite::sentence(Missing::History {
            freq: r.series.freq,
            horizon: params.horizon,
            needed,
            got,
        }),
        None => error.to_string(),
    }
}

/// The table of `series` run with `params`; totals are money when `priced`.
pub fn ui(
    ui: &mut egui::Ui,
    series: &[SeriesResult],
    params: &ForecastRunParams,
    priced: bool,
    view: &mut ViewState,
) {
    // What the growth column compares, in the operator's words.
    let growth_meaning = tr!("forecast-growth-meaning");
    ui.add(egui::Label::new(egui::RichText::new(&growth_meaning).weak()).wrap());
    let rows = sorted_rows(series, view.sort, view.descending);
    let headers = [
        (tr!("forecast-series"), Some(BreakdownSort::Series), None),
        (tr!("forecast-model"), None, None),
        (tr!("forecast-total"), Some(BreakdownSort::Total), None),
        (
            tr!("forecast-growth"),
            Some(BreakdownSort::Growth),
            Some(tr!("forecast-growth-short-meaning")),
        ),
        (
            tr!("forecast-mase"),
            Some(BreakdownSort::Mase),
            Some(tr!("forecast-mase-meaning")),
        ),
    ];
    let mut table = TableBuilder::new(ui)
        .id_salt("forecast_breakdown")
        .striped(true)
        .resizable(true)
        // Room for about eight rows before it scrolls, under a header that stays.
        .min_scrolled_height(8.0 * ROW_HEIGHT)
        .max_scroll_height(12.0 * ROW_HEIGHT)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for i in 0..headers.len() {
        let column = match i + 1 == headers.len() {
            true => Column::remainder(),
            false => Column::auto(),
        };
        table = table.column(column.at_least(90.0).clip(true));
    }
    table
        .header(ROW_HEIGHT + 4.0, |mut header| {
            for (name, sort, meaning) in &headers {
                header.col(|ui| {
                    let Some(sort) = *sort else {
                        ui.strong(name);
                        return;
                    };
                    let text = match (view.sort == sort, view.descending) {
                        (true, true) => tr!("forecast-sorted-desc", column = name.as_str()),
                        (true, false) => tr!("forecast-sorted-asc", column = name.as_str()),
                        _ => name.clone(),
                    };
                    let button = egui::Button::new(egui::RichText::new(text).strong()).frame(false);
                    let hover = match meaning {
                        Some(meaning) => format!("{meaning}\n\n{}", tr!("forecast-click-to-sort")),
                        None => tr!("forecast-sort-by", column = name.as_str()),
                    };
                    if ui.add(button).on_hover_text(hover).clicked() {
                        view.descending = view.sort == sort && !view.descending;
                        view.sort = sort;
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let i = rows[row.index()];
                let r = &series[i];
                row.col(|ui| {
                    if ui
                        .selectable_label(view.selected == i, super::series_label(&r.series.name))
                        .on_hover_text(tr!("forecast-show-series-hover"))
                        .clicked()
                    {
                        view.selected = i;
                    }
                });
                let f = match &r.forecast {
                    Ok(f) => f,
                    Err(error) => {
                        row.col(|ui| {
                            ui.weak(tr!("forecast-cannot-forecast"))
                                .on_hover_text(why_not(r, error, params));
                        });
                        for _ in 0..3 {
                            row.col(|ui| {
                                ui.label("–");
                            });
                        }
                        return;
                    }
                };
                row.col(|ui| {
                    term(
                        ui,
                        super::model_label(f.model),
                        super::model_meaning(f.model),
                    );
                });
                row.col(|ui| {
                    ui.label(format::money_or_count(priced, total(f)));
                });
                row.col(|ui| {
                    let (growth, base) = r
                        .growth()
                        .map_or((f64::NAN, None), |(g, base)| (g, Some(base)));
                    let marker = match base {
                        Some(GrowthBase::LastPeriods) => " *",
                        _ => "",
                    };
                    let text =
                        egui::RichText::new(format!("{}{marker}", signed_percent(growth / 100.0)));
                    ui.label(if growth > 0.0 {
                        text.color(egui::Color32::from_rgb(60, 160, 80))
                    } else if growth < 0.0 {
                        text.color(ui.visuals().error_fg_color)
                    } else {
                        text
                    });
                });
                row.col(|ui| {
                    ui.label(figure(r.mase().unwrap_or(f64::NAN), 2));
                });
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::forecast::tests::naive_result;

    #[test]
    fn rows_sort_by_growth_with_undefined_last_and_by_name() {
        let series = [
            // Naive forecasts 20, 20 after 19, 20: +2.6 %.
            naive_result("b rising", (1..=20).map(f64::from).collect(), 2),
            // Naive forecasts 1, 1 after 2, 1: -33 %.
            naive_result("a falling", (1..=20).rev().map(f64::from).collect(), 2),
            naive_result("c short", vec![1.0, 2.0], 2),
        ];
        assert_eq!(
            sorted_rows(&series, BreakdownSort::Growth, false),
            [1, 0, 2]
        );
        assert_eq!(sorted_rows(&series, BreakdownSort::Growth, true), [0, 1, 2]);
        assert_eq!(
            sorted_rows(&series, BreakdownSort::Series, false),
            [1, 0, 2]
        );
        assert_eq!(sorted_rows(&series, BreakdownSort::Series, true), [2, 0, 1]);
        // Forecast totals 40 and 2; the short series has none.
        assert_eq!(sorted_rows(&series, BreakdownSort::Total, true), [0, 1, 2]);
    }
}

//! The breakdown of many series (per category or top item): each series' model,
//! forecast total, growth against the same periods a season earlier (or the last
//! periods, marked, without that much history) and backtest MASE, sortable by
//! clicking a header. Clicking a series shows it in the chart.
//! Undefined figures (no forecast, no recent history) sort last either way; ties
//! go to the series name.

use std::cmp::Ordering;

use crate::workspace::forecast::{GrowthBase, SeriesResult};

use super::{BreakdownSort, ViewState, figure};
use crate::tr;

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

pub fn ui(ui: &mut egui::Ui, series: &[SeriesResult], view: &mut ViewState) {
    // What the growth column compares, in the operator's words.
    let growth_meaning = tr!("forecast-growth-meaning");
    ui.weak(&growth_meaning);
    let rows = sorted_rows(series, view.sort, view.descending);
    egui::ScrollArea::vertical()
        .id_salt("forecast_breakdown")
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("forecast_breakdown_grid")
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    for (name, sort) in [
                        (tr!("forecast-series"), Some(BreakdownSort::Series)),
                        (tr!("forecast-model"), None),
                        (tr!("forecast-total"), Some(BreakdownSort::Total)),
                        (tr!("forecast-growth"), Some(BreakdownSort::Growth)),
                        (tr!("forecast-mase"), Some(BreakdownSort::Mase)),
                    ] {
                        let Some(sort) = sort else {
                            ui.strong(name);
                            continue;
                        };
                        let header = match (view.sort == sort, view.descending) {
                            (true, true) => tr!("forecast-sorted-desc", column = name.as_str()),
                            (true, false) => tr!("forecast-sorted-asc", column = name.as_str()),
                            _ => name.clone(),
                        };
                        let button =
                            egui::Button::new(egui::RichText::new(header).strong()).frame(false);
                        let hover = match sort {
                            BreakdownSort::Growth => {
                                format!("{growth_meaning}\n\n{}", tr!("forecast-click-to-sort"))
                            }
                            _ => tr!("forecast-sort-by", column = name.as_str()),
                        };
                        if ui.add(button).on_hover_text(hover).clicked() {
                            view.descending = view.sort == sort && !view.descending;
                            view.sort = sort;
                        }
                    }
                    ui.end_row();
                    for i in rows {
                        let r = &series[i];
                        if ui
                            .selectable_label(
                                view.selected == i,
                                super::series_label(&r.series.name),
                            )
                            .on_hover_text(tr!("forecast-show-series-hover"))
                            .clicked()
                        {
                            view.selected = i;
                        }
                        match &r.forecast {
                            Ok(f) => {
                                ui.label(super::model_label(f.model));
                                ui.label(crate::ui::format::money(total(f)));
                                let (growth, base) = r
                                    .growth()
                                    .map_or((f64::NAN, None), |(g, base)| (g, Some(base)));
                                let marker = match base {
                                    Some(GrowthBase::LastPeriods) => " *",
                                    _ => "",
                                };
                                let text =
                                    egui::RichText::new(format!("{}{marker}", figure(growth, 1)));
                                ui.label(if growth > 0.0 {
                                    text.color(egui::Color32::from_rgb(60, 160, 80))
                                } else if growth < 0.0 {
                                    text.color(ui.visuals().error_fg_color)
                                } else {
                                    text
                                });
                                ui.label(figure(r.mase().unwrap_or(f64::NAN), 3));
                            }
                            Err(error) => {
                                ui.weak(tr!("forecast-cannot-forecast"))
                                    .on_hover_text(error);
                                ui.label("–");
                                ui.label("–");
                                ui.label("–");
                            }
                        }
                        ui.end_row();
                    }
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

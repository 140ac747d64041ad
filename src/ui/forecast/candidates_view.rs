//! The candidate table beside the chart: every model's backtest scores (mean over
//! the rolling-origin folds), the chosen one marked, the naive baseline labelled
//! so the operator sees how much the winner beats it. MASE below 1 beats the
//! seasonal naive forecast in sample. Each score and model name explains itself
//! on hover; the combination's three members are named under the table, with
//! why the combination or one model forecasts (its contest). A series too short
//! to forecast says what it needs instead.

use crate::analysis::forecast::{Candidate, ModelKind, SeriesForecast};
use crate::ui::command::Commands;
use crate::ui::format;
use crate::ui::glossary::term;
use crate::workspace::forecast::{ForecastRunParams, SeriesResult};

use super::prerequisite::{self, Missing, history_needed};
use super::{figure, model_label, model_meaning};
use crate::tr;

/// A percent figure of the backtest (sMAPE, MAPE come in percent), "–" when
/// undefined.
fn percent_figure(pct: f64) -> String {
    match pct.is_finite() {
        true => format::percent(pct / 100.0),
        false => "–".into(),
    }
}

/// Which three models the combination averages, when it was scored.
pub fn members_line(f: &SeriesForecast) -> Option<String> {
    let c = f
        .candidates
        .iter()
        .find(|c| c.model == ModelKind::Combination)?;
    let [first, second, third] = c.members.as_slice() else {
        return None;
    };
    Some(tr!(
        "forecast-combination-members",
        model = model_label(c.model),
        first = model_label(*first),
        second = model_label(*second),
        third = model_label(*third)
    ))
}

/// Why the combination forecasts, or one model: its contest against choosing
/// one model on the later backtest folds, when it had one and it decided (not
/// when the combination was picked by hand, or could not forecast).
pub fn contest_line(f: &SeriesForecast) -> Option<String> {
    let contest = f.candidates.iter().find_map(|c| c.contest)?;
    if contest.combination_wins() != (f.model == ModelKind::Combination) {
        return None;
    }
    let last = format::count(contest.folds + 1);
    // Three decimals: the two are often close, and rounded to the table's two
    // they can read the same.
    let (combination, selection) = (figure(contest.combination, 3), figure(contest.selection, 3));
    Some(match f.model {
        ModelKind::Combination => tr!(
            "forecast-contest-combination",
            last = last,
            combination = combination,
            selection = selection
        ),
        _ => tr!(
            "forecast-contest-single",
            last = last,
            combination = combination,
            selection = selection
        ),
    })
}

/// The table, or what the series lacks for the run's `params`. RMSE is money
/// when `priced`.
pub fn ui(
    ui: &mut egui::Ui,
    result: &SeriesResult,
    params: &ForecastRunParams,
    priced: bool,
    commands: &mut Commands,
) {
    let f = match &result.forecast {
        Ok(f) => f,
        Err(error) => {
            let series = &result.series;
            let horizon = params.horizon;
            match history_needed(series.values.len(), horizon, params.holdout) {
                Some(needed) => prerequisite::ui(
                    ui,
                    Missing::History {
                        freq: series.freq,
                        horizon,
                        needed,
                        got: series.values.len(),
                    },
                    commands,
                ),
                None => crate::ui::behaviour::error_ui(ui, &tr!("forecast-no-forecast"), error),
            }
            return;
        }
    };
    ui.horizontal_wrapped(|ui| {
        term(
            ui,
            tr!("forecast-backtest"),
            tr!("forecast-backtest-meaning"),
        );
        ui.label(tr!(
            "forecast-backtest-folds",
            folds = format::count(f.folds),
            n = f.folds,
            periods = format::count(f.periods.len()),
            season = format::count(f.season)
        ));
    });
    let mut rows: Vec<&Candidate> = f.candidates.iter().collect();
    rows.extend(result.baseline.as_ref());
    egui::Grid::new(("forecast_candidates", &result.series.name))
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            ui.strong(tr!("forecast-model-header"));
            for (name, meaning) in [
                (tr!("forecast-mase"), tr!("forecast-mase-meaning")),
                (tr!("forecast-smape"), tr!("forecast-smape-meaning")),
                (tr!("forecast-mape"), tr!("forecast-mape-meaning")),
                (tr!("forecast-rmse"), tr!("forecast-rmse-meaning")),
            ] {
                term(ui, name, meaning);
            }
            ui.label("");
            ui.end_row();
            for c in rows {
                term(ui, model_label(c.model), model_meaning(c.model));
                match &c.error {
                    None => {
                        ui.label(figure(c.mase, 2));
                        ui.label(percent_figure(c.smape));
                        ui.label(percent_figure(c.mape));
                        ui.label(figure(c.rmse, if priced { 2 } else { 1 }));
                    }
                    Some(_) => {
                        for _ in 0..4 {
                            ui.label("–");
                        }
                    }
                }
                if c.model == f.model {
                    ui.strong(tr!("forecast-chosen"));
                } else if let Some(error) = &c.error {
                    // The reason is written out under the table too; the
                    // column stays short so the table fits beside the chart.
                    ui.weak(tr!("forecast-not-scored-short"))
                        .on_hover_text(error.text());
                } else if c.model == ModelKind::Naive {
                    ui.weak(tr!("forecast-baseline"));
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    for line in [members_line(f), contest_line(f)].into_iter().flatten() {
        ui.add(egui::Label::new(egui::RichText::new(line).weak()).wrap());
    }
    for c in &f.candidates {
        if let Some(error) = &c.error {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(tr!(
                        "forecast-not-scored",
                        model = model_label(c.model),
                        error = error.text()
                    ))
                    .weak(),
                )
                .wrap(),
            );
        }
    }
    let scored = |c: &&Candidate| c.error.is_none();
    if f.candidates
        .iter()
        .filter(scored)
        .all(|c| !c.mase.is_finite())
    {
        ui.weak(tr!(
            "forecast-mase-undefined",
            season = format::count(f.season)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::forecast::{ForecastParams, Freq, TimeSeries, forecast_series};
    use crate::jobs::Progress;

    #[test]
    fn the_combination_line_names_its_three_members() {
        let values = (0..120)
            .map(|t| 100.0 + t as f64 + [0.0, 5.0, -3.0][t % 3])
            .collect();
        let series = TimeSeries {
            name: "shop".into(),
            freq: Freq::Day,
            start: 0,
            values,
            dropped_partial: None,
        };
        let params = ForecastParams {
            horizon: 7,
            ..ForecastParams::default()
        };
        let f = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
        let members = &f
            .candidates
            .iter()
            .find(|c| c.model == ModelKind::Combination)
            .expect("combination")
            .members;
        assert_eq!(members.len(), 3);
        let line = members_line(&f).expect("a line");
        for m in members {
            assert!(line.contains(&model_label(*m)), "{line}");
        }
        let mut without = f.clone();
        without
            .candidates
            .retain(|c| c.model != ModelKind::Combination);
        assert!(members_line(&without).is_none());
        assert!(contest_line(&without).is_none());
        // The contest's line says why the model used forecasts, and only when the
        // contest chose it (not a combination picked by hand that lost it).
        let contest = f
            .candidates
            .iter()
            .find_map(|c| c.contest)
            .expect("contest");
        let line = contest_line(&f).expect("the contest decided");
        let why = match contest.combination_wins() {
            true => "Why the combination",
            false => "Why one model",
        };
        assert!(line.starts_with(why), "{line}");
        assert!(line.contains(&figure(contest.selection, 3)), "{line}");
        let mut overruled = f.clone();
        overruled.model = match contest.combination_wins() {
            true => ModelKind::Naive,
            false => ModelKind::Combination,
        };
        assert!(contest_line(&overruled).is_none());
    }
}

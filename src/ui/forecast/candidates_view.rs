//! The candidate table beside the chart: every model's backtest scores (mean over
//! the rolling-origin folds), the chosen one marked, the naive baseline labelled
//! so the operator sees how much the winner beats it. MASE below 1 beats the
//! seasonal naive forecast in sample.

use crate::analysis::forecast::{Candidate, ModelKind};
use crate::workspace::forecast::SeriesResult;

use super::figure;
use crate::tr;

pub fn ui(ui: &mut egui::Ui, result: &SeriesResult) {
    let f = match &result.forecast {
        Ok(f) => f,
        Err(error) => {
            crate::ui::behaviour::error_ui(ui, &tr!("forecast-no-forecast"), error);
            return;
        }
    };
    ui.strong(tr!(
        "forecast-backtest-folds",
        folds = f.folds.to_string(),
        n = f.folds,
        periods = f.periods.len().to_string(),
        season = f.season.to_string()
    ));
    let mut rows: Vec<&Candidate> = f.candidates.iter().collect();
    rows.extend(result.baseline.as_ref());
    egui::Grid::new(("forecast_candidates", &result.series.name))
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for header in [
                tr!("forecast-model-header"),
                tr!("forecast-mase"),
                tr!("forecast-smape"),
                tr!("forecast-mape"),
                tr!("forecast-rmse"),
                String::new(),
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for c in rows {
                let text = egui::RichText::new(super::model_label(c.model));
                ui.label(if c.model == f.model {
                    text.strong()
                } else {
                    text
                });
                match &c.error {
                    None => {
                        ui.label(figure(c.mase, 3));
                        ui.label(figure(c.smape, 1));
                        ui.label(figure(c.mape, 1));
                        ui.label(figure(c.rmse, 2));
                    }
                    Some(_) => {
                        for _ in 0..4 {
                            ui.label("–");
                        }
                    }
                }
                if c.model == f.model {
                    ui.strong(tr!("forecast-chosen"));
                } else if c.error.is_some() {
                    ui.weak(tr!("forecast-not-scored-why-below"));
                } else if c.model == ModelKind::Naive {
                    ui.weak(tr!("forecast-baseline"));
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    for c in &f.candidates {
        if let Some(error) = &c.error {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(tr!(
                        "forecast-not-scored",
                        model = super::model_label(c.model),
                        error = error.as_str()
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
            season = f.season.to_string()
        ));
    }
}

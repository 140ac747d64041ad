//! The candidate table beside the chart: every model's backtest scores (mean over
//! the rolling-origin folds), the chosen one marked, the naive baseline labelled
//! so the operator sees how much the winner beats it. MASE below 1 beats the
//! seasonal naive forecast in sample.

use crate::analysis::forecast::{Candidate, ModelKind};
use crate::workspace::forecast::SeriesResult;

use super::figure;

/// The label of the chosen model's row.
pub const CHOSEN: &str = "chosen";
/// The label of the naive baseline's row.
pub const BASELINE: &str = "baseline";

pub fn ui(ui: &mut egui::Ui, result: &SeriesResult) {
    let f = match &result.forecast {
        Ok(f) => f,
        Err(error) => {
            crate::ui::behaviour::error_ui(ui, "No forecast for this series", error);
            return;
        }
    };
    ui.strong(format!(
        "Backtest: {} fold{} of {} periods, season {}",
        f.folds,
        if f.folds == 1 { "" } else { "s" },
        f.periods.len(),
        f.season
    ));
    let mut rows: Vec<&Candidate> = f.candidates.iter().collect();
    rows.extend(result.baseline.as_ref());
    egui::Grid::new(("forecast_candidates", &result.series.name))
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for header in ["model", "MASE", "sMAPE %", "MAPE %", "RMSE", ""] {
                ui.strong(header);
            }
            ui.end_row();
            for c in rows {
                let text = egui::RichText::new(c.model.name());
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
                    ui.strong(CHOSEN);
                } else if c.error.is_some() {
                    ui.weak("not scored (why: below)");
                } else if c.model == ModelKind::Naive {
                    ui.weak(BASELINE);
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
                    egui::RichText::new(format!("{} not scored: {error}.", c.model.name())).weak(),
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
        ui.weak(format!(
            "MASE needs more than one season ({} periods) of history before each fold: \
             the models are ranked by their mean absolute error instead.",
            f.season
        ));
    }
}

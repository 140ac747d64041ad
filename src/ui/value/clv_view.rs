//! Customer lifetime value: the fitted MBG/NBD and Gamma-Gamma parameters, or the
//! historical fallback in use and why (labelled, never silent); the totals; and the
//! holdout check, predicted against actual purchase days per frequency bucket.

use egui_plot::{Bar, BarChart, Legend, Plot};

use crate::analysis::clv::{Clv, Holdout, PurchaseMethod, SpendMethod};
use crate::tr;
use crate::ui::format;

use super::super::behaviour::{error_ui, section_ui};

const PREDICTED: egui::Color32 = egui::Color32::from_rgb(60, 130, 220);
const ACTUAL: egui::Color32 = egui::Color32::from_rgb(230, 120, 40);

pub fn ui(ui: &mut egui::Ui, clv: &Result<Clv, String>) {
    section_ui(ui, &tr!("value-clv-section"), &tr!("value-clv-explanation"));
    let clv = match clv {
        Ok(clv) => clv,
        Err(error) => {
            error_ui(ui, &tr!("value-clv-failed"), error);
            return;
        }
    };
    ui.label(match &clv.purchases {
        PurchaseMethod::MbgNbd(f) => tr!(
            "value-purchases-mbgnbd",
            r = format!("{:.4}", f.r),
            alpha = format!("{:.3}", f.alpha),
            a = format!("{:.4}", f.a),
            b = format!("{:.4}", f.b)
        ),
        PurchaseMethod::Historical { reason } => {
            tr!("value-purchases-historical", reason = reason.as_str())
        }
    });
    ui.label(match &clv.spend {
        SpendMethod::GammaGamma(g) => tr!(
            "value-spend-gamma-gamma",
            p = format!("{:.4}", g.p),
            q = format!("{:.4}", g.q),
            gamma = format!("{:.3}", g.gamma)
        ),
        SpendMethod::Historical { reason } => {
            tr!("value-spend-historical", reason = reason.as_str())
        }
        SpendMethod::Unpriced => format::needs_money(&tr!("value-spend-and-clv")),
    });
    let t = &clv.totals;
    ui.label(tr!(
        "value-clv-totals",
        days = clv.horizon_days.to_string(),
        date = clv.score_date.to_string(),
        count = format::count(t.customers),
        purchases = format!("{:.0}", t.predicted_purchases),
        clv = t
            .clv
            .map_or_else(|| tr!("value-clv-unknown"), format::money)
    ));
    if let Some(holdout) = &clv.holdout {
        holdout_ui(ui, holdout);
    }
}

fn holdout_ui(ui: &mut egui::Ui, holdout: &Holdout) {
    ui.add_space(6.0);
    ui.strong(tr!("value-holdout-title"));
    ui.label(tr!(
        "value-holdout-summary",
        cutoff = holdout.cutoff.to_string(),
        days = holdout.days.to_string(),
        count = format::count(holdout.customers),
        predicted = format!("{:.0}", holdout.predicted_total),
        actual = format!("{:.0}", holdout.actual_total),
        error = format!("{:.3}", holdout.mean_absolute_error)
    ));
    let bars = |values: Vec<f64>, offset: f64, color: egui::Color32| -> Vec<Bar> {
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| Bar::new(i as f64 + offset, v).width(0.35).fill(color))
            .collect()
    };
    let predicted = bars(
        holdout.buckets.iter().map(|b| b.predicted_mean).collect(),
        -0.18,
        PREDICTED,
    );
    let actual = bars(
        holdout.buckets.iter().map(|b| b.actual_mean).collect(),
        0.18,
        ACTUAL,
    );
    let labels: Vec<String> = holdout
        .buckets
        .iter()
        .map(|b| b.frequency.clone())
        .collect();
    Plot::new("value_holdout")
        .height(200.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .legend(Legend::default())
        .x_axis_label(tr!("value-holdout-axis"))
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            labels.get(index as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(BarChart::new(tr!("value-predicted"), predicted).color(PREDICTED));
            plot_ui.bar_chart(BarChart::new(tr!("value-actual"), actual).color(ACTUAL));
        });
}

//! Customer lifetime value: the fitted MBG/NBD and Gamma-Gamma parameters, or the
//! historical fallback in use and why (labelled, never silent); the totals; and the
//! holdout check, predicted against actual purchase days per frequency bucket.

use egui_plot::{Bar, BarChart, Legend, Plot};

use crate::analysis::clv::{Clv, Holdout, PurchaseMethod, SpendMethod};
use crate::ui::format;

use super::super::behaviour::{error_ui, section_ui};

const PREDICTED: egui::Color32 = egui::Color32::from_rgb(60, 130, 220);
const ACTUAL: egui::Color32 = egui::Color32::from_rgb(230, 120, 40);

pub fn ui(ui: &mut egui::Ui, clv: &Result<Clv, String>) {
    section_ui(
        ui,
        "Customer value",
        "Future purchases and P(alive) from MBG/NBD, spend per purchase from Gamma-Gamma; \
         CLV = expected purchases × expected spend.",
    );
    let clv = match clv {
        Ok(clv) => clv,
        Err(error) => {
            error_ui(ui, "Customer value could not be computed", error);
            return;
        }
    };
    ui.label(match &clv.purchases {
        PurchaseMethod::MbgNbd(f) => format!(
            "Purchases: MBG/NBD r = {:.4}, alpha = {:.3} days, a = {:.4}, b = {:.4}",
            f.r, f.alpha, f.a, f.b
        ),
        PurchaseMethod::Historical { reason } => {
            format!("Purchases: HISTORICAL ESTIMATE (repeat rate so far), because {reason}")
        }
    });
    ui.label(match &clv.spend {
        SpendMethod::GammaGamma(g) => format!(
            "Spend: Gamma-Gamma p = {:.4}, q = {:.4}, gamma = {:.3}",
            g.p, g.q, g.gamma
        ),
        SpendMethod::Historical { reason } => {
            format!("Spend: HISTORICAL (each customer's mean spend), because {reason}")
        }
        SpendMethod::Unpriced => format::needs_money("Spend per purchase and CLV"),
    });
    let t = &clv.totals;
    ui.label(format!(
        "Over {} days from {}: {} customers, {:.0} predicted purchases, CLV {}.",
        clv.horizon_days,
        clv.score_date,
        format::count(t.customers),
        t.predicted_purchases,
        t.clv
            .map_or_else(|| "not known without prices".to_string(), format::money)
    ));
    if let Some(holdout) = &clv.holdout {
        holdout_ui(ui, holdout);
    }
}

fn holdout_ui(ui: &mut egui::Ui, holdout: &Holdout) {
    ui.add_space(6.0);
    ui.strong("Holdout: predicted against actual purchase days per customer");
    ui.label(format!(
        "Fitted before {}, checked over the {} days after it on {} customers: \
         predicted {:.0}, actual {:.0}, mean absolute error {:.3}.",
        holdout.cutoff,
        holdout.days,
        format::count(holdout.customers),
        holdout.predicted_total,
        holdout.actual_total,
        holdout.mean_absolute_error
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
        .x_axis_label("repeat purchases before the cutoff")
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            labels.get(index as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(BarChart::new("predicted", predicted).color(PREDICTED));
            plot_ui.bar_chart(BarChart::new("actual", actual).color(ACTUAL));
        });
}

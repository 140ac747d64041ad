//! Expected profit against the number of customers targeted when the list is
//! cut at each value of a chosen score (highest first), so the operator sees
//! where adding people stops paying: the sentence above says it in words, the
//! chart marks the most profitable cut and this audience, and hovering the
//! curve gives the cut's figures as the tables write them.

use egui_plot::{Corner, GridMark, HoverPosition, Legend, Line, Plot, PlotPoints, Points, VLine};

use crate::analysis::campaign::{Audience, CurvePoint, Readout, roi_curve};
use crate::tr;
use crate::ui::format;
use crate::ui::labelled;
use crate::workspace::campaign::{AudienceResults, SCORE_COLUMNS};

use super::sentences::{curve_sentence, score_value};
use super::{CampaignUiState, percent, score_label};

/// The chart's axis titles: customers targeted (x), expected profit (y).
pub fn axis_titles() -> (String, String) {
    (tr!("campaigns-axis-targets"), tr!("campaigns-axis-profit"))
}

/// The corner of the plot (x and y spans, zero included) with the fewest of
/// `points` near it, where the legend covers the least of the curve.
pub fn quiet_corner(points: &[[f64; 2]]) -> Corner {
    let span = |axis: usize| {
        let (low, high) = points.iter().fold((0.0_f64, 0.0_f64), |(low, high), p| {
            (low.min(p[axis]), high.max(p[axis]))
        });
        (low, (high - low).max(f64::MIN_POSITIVE))
    };
    let ((x0, xs), (y0, ys)) = (span(0), span(1));
    // The legend takes about a third of the width and of the height.
    let near = |right: bool, top: bool| {
        points
            .iter()
            .filter(|p| {
                let (x, y) = ((p[0] - x0) / xs, (p[1] - y0) / ys);
                (if right { x > 0.6 } else { x < 0.4 }) && (if top { y > 0.6 } else { y < 0.4 })
            })
            .count()
    };
    [
        (Corner::RightTop, near(true, true)),
        (Corner::LeftTop, near(false, true)),
        (Corner::RightBottom, near(true, false)),
        (Corner::LeftBottom, near(false, false)),
    ]
    .into_iter()
    .min_by_key(|(_, count)| *count)
    .map_or(Corner::RightTop, |(corner, _)| corner)
}

/// A tick as a whole number, with decimals only when the ticks are closer than 1.
fn tick(mark: GridMark) -> String {
    let decimals = match mark.step_size >= 1.0 {
        true => 0,
        false => (-mark.step_size.log10()).ceil().max(0.0) as usize,
    };
    format::number(mark.value, decimals)
}

/// What hovering a cut of the curve shows.
fn cut_text(point: &CurvePoint, column: &str) -> String {
    tr!(
        "campaigns-curve-hover",
        count = format::count(point.outcome.contacts),
        column = score_label(column),
        threshold = score_value(column, point.threshold),
        profit = format::money(point.outcome.profit),
        roi = point.outcome.roi.map_or_else(|| "—".to_string(), percent)
    )
}

pub fn ui(
    ui: &mut egui::Ui,
    state: &mut CampaignUiState,
    results: &AudienceResults,
    audience: &Audience,
    readout: Option<&Readout>,
) {
    // Recency is not a "higher is better" score: the curve cuts the others.
    let offered: Vec<&str> = SCORE_COLUMNS
        .into_iter()
        .filter(|c| *c != "recency_days" && results.scored.contains_key(*c))
        .collect();
    let Some(first) = offered.first() else {
        return;
    };
    if !offered.contains(&state.curve_column.as_str()) {
        state.curve_column = first.to_string();
    }
    ui.horizontal(|ui| {
        labelled::menu(ui, tr!("campaigns-curve-cut"), "campaigns_curve_cut")
            .selected_text(score_label(&state.curve_column))
            .show_ui(ui, |ui| {
                for c in offered {
                    ui.selectable_value(&mut state.curve_column, c.to_string(), score_label(c));
                }
            });
    });
    let inputs = state.inputs(audience, readout);
    let use_scores = state.scored_baseline(audience).is_some();
    let column = state.curve_column.clone();
    let pairs: Vec<(f64, f64)> = results.scored[&column]
        .iter()
        .map(|&(score, p)| match (use_scores, p) {
            (true, Some(p)) => (score, p),
            _ => (score, inputs.baseline_rate),
        })
        .collect();
    let curve = roi_curve(&pairs, &inputs);
    if let Some(text) = curve_sentence(&curve, &column) {
        ui.label(egui::RichText::new(text).strong());
    }
    let explanation = match use_scores {
        true => tr!("campaigns-curve-scored"),
        false => tr!("campaigns-curve-flat"),
    };
    ui.label(egui::RichText::new(explanation).weak());
    let points: Vec<[f64; 2]> = curve
        .iter()
        .map(|p| [p.outcome.contacts as f64, p.outcome.profit])
        .collect();
    let best = curve
        .iter()
        .max_by(|a, b| a.outcome.profit.total_cmp(&b.outcome.profit))
        .cloned();
    let profit_name = tr!("campaigns-series-profit");
    let best_name = tr!("campaigns-series-best");
    let (x_title, y_title) = axis_titles();
    let hovered = (profit_name.clone(), best_name.clone());
    Plot::new("campaign_roi_curve")
        .height(220.0)
        .include_x(0.0)
        .include_y(0.0)
        .legend(Legend::default().position(quiet_corner(&points)))
        .x_axis_label(x_title)
        .y_axis_label(y_title)
        .x_axis_formatter(|mark, _| tick(mark))
        .y_axis_formatter(|mark, _| tick(mark))
        .label_formatter(move |position| match position {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            } if *plot_name == hovered.0 => curve.get(*index).map(|p| cut_text(p, &column)),
            HoverPosition::NearDataPoint { plot_name, .. } if *plot_name == hovered.1 => {
                best.as_ref().map(|p| cut_text(p, &column))
            }
            HoverPosition::NearDataPoint { position, .. }
            | HoverPosition::Elsewhere { position } => Some(tr!(
                "campaigns-curve-hover-at",
                count = format::number(position.x.max(0.0), 0),
                profit = format::money(position.y)
            )),
        })
        .allow_scroll(false)
        .show(ui, |plot_ui| {
            if let Some(top) = points.iter().max_by(|a, b| a[1].total_cmp(&b[1])).copied() {
                plot_ui.points(Points::new(best_name, vec![top]).radius(5.0));
            }
            plot_ui.line(Line::new(profit_name, PlotPoints::from(points)));
            plot_ui.vline(VLine::new(
                tr!("campaigns-this-audience"),
                audience.targets as f64,
            ));
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axes_say_customers_targeted_against_expected_profit() {
        assert_eq!(
            axis_titles(),
            (
                "Customers targeted".to_string(),
                "Expected profit".to_string()
            )
        );
    }

    #[test]
    fn the_legend_goes_to_the_corner_the_curve_leaves_empty() {
        // Rising to the right: the top left is empty.
        let rising: Vec<[f64; 2]> = (0..10).map(|i| [i as f64, i as f64]).collect();
        assert!(matches!(quiet_corner(&rising), Corner::LeftTop));
        // A hump that ends high on the right and starts at zero on the left:
        // the bottom right is empty.
        let hump: Vec<[f64; 2]> = (0..10)
            .map(|i| [i as f64, if i < 3 { i as f64 * 3.0 } else { 9.0 }])
            .collect();
        assert!(matches!(quiet_corner(&hump), Corner::RightBottom));
    }

    #[test]
    fn ticks_are_whole_unless_closer_than_one() {
        let mark = |value, step_size| GridMark { value, step_size };
        assert_eq!(tick(mark(12_000.0, 1_000.0)), "12,000");
        assert_eq!(tick(mark(0.5, 0.1)), "0.5");
        assert_eq!(tick(mark(-0.25, 0.05)), "-0.25");
    }
}

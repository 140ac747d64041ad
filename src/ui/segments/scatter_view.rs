//! The segment picture: customers on the first two principal components of the
//! standardised features, one colour per segment (a seeded sample of at most
//! 20,000 customers), with the segments' colours named above the chart so no
//! legend covers a dot. Each axis is titled by the features that grow along it
//! (their correlation with the axis), in words. Hover shows the customer id and
//! segment.

use egui_plot::{Plot, PlotPoint, PlotPoints, Points};
use ndarray::ArrayView2;

use crate::analysis::segments::Feature;
use crate::analysis::segments::scatter::Scatter;
use crate::tr;
use crate::ui::format;
use crate::workspace::segments::SegmentsResults;

use super::{feature_words, segment_color};

/// A feature names an axis when its correlation with the axis is at least this
/// strong (either sign).
const NAMES_AXIS: f64 = 0.4;
/// Features named per axis at most.
const NAMED: usize = 2;

/// Each feature in use with its correlation with the picture's two axes, over
/// the plotted customers (`scaled` has one column per feature, in order).
pub fn correlations(
    scaled: ArrayView2<'_, f64>,
    features: &[Feature],
    scatter: &Scatter,
) -> Vec<(Feature, [f64; 2])> {
    let n = scatter.rows.len() as f64;
    let axis = |a: usize| -> Vec<f64> { scatter.points.iter().map(|p| p[a]).collect() };
    let axes = [axis(0), axis(1)];
    features
        .iter()
        .enumerate()
        .filter(|(j, _)| *j < scaled.ncols())
        .map(|(j, &feature)| {
            let column: Vec<f64> = scatter.rows.iter().map(|&i| scaled[[i, j]]).collect();
            let r = |values: &[f64]| correlation(&column, values, n);
            (feature, [r(&axes[0]), r(&axes[1])])
        })
        .collect()
}

/// Pearson's correlation of `a` and `b` (0 when either does not vary).
fn correlation(a: &[f64], b: &[f64], n: f64) -> f64 {
    if n < 2.0 {
        return 0.0;
    }
    let (mean_a, mean_b) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut ab, mut aa, mut bb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        let (dx, dy) = (x - mean_a, y - mean_b);
        ab += dx * dy;
        aa += dx * dx;
        bb += dy * dy;
    }
    match aa > 0.0 && bb > 0.0 {
        true => ab / (aa * bb).sqrt(),
        false => 0.0,
    }
}

/// The title of axis `axis` (0: horizontal, 1: vertical) that explains
/// `explained` of the spread: the features most tied to it, ↑ growing along the
/// axis, ↓ shrinking.
pub fn axis_title(axis: usize, explained: f64, correlations: &[(Feature, [f64; 2])]) -> String {
    let mut strongest: Vec<(Feature, f64)> = correlations
        .iter()
        .map(|(f, r)| (*f, r[axis]))
        .filter(|(_, r)| r.abs() >= NAMES_AXIS)
        .collect();
    strongest.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    let named: Vec<String> = strongest
        .iter()
        .take(NAMED)
        .map(|(feature, r)| match *r > 0.0 {
            true => tr!("segments-direction-up", feature = feature_words(*feature)),
            false => tr!("segments-direction-down", feature = feature_words(*feature)),
        })
        .collect();
    let number = (axis + 1).to_string();
    let share = format::percent(explained);
    match named.as_slice() {
        [] => tr!("segments-axis-component", number = number, share = share),
        [one] => tr!(
            "segments-axis-direction",
            number = number,
            share = share,
            features = one.as_str()
        ),
        [first, second, ..] => tr!(
            "segments-axis-direction",
            number = number,
            share = share,
            features = tr!("segments-list-two", first = first, second = second),
        ),
    }
}

/// `generation`: of the result, so the axis correlations are computed once.
pub fn ui(
    ui: &mut egui::Ui,
    results: &SegmentsResults,
    scatter: &Scatter,
    names: &[String],
    generation: u64,
) {
    let segmentation = &results.segmentation;
    let labels = &segmentation.clustering.labels;
    ui.weak(tr!(
        "segments-picture-summary",
        customers = format::count(scatter.rows.len()),
        n = scatter.rows.len(),
    ));
    key_ui(ui, names);
    let cache = egui::Id::unique(("segments_scatter_axes", generation));
    let correlations = match ui.data(|d| d.get_temp::<Vec<(Feature, [f64; 2])>>(cache)) {
        Some(found) => found,
        None => {
            let features = segmentation.features.set.features();
            let found = correlations(segmentation.features.scaled.view(), features, scatter);
            ui.data_mut(|d| d.insert_temp(cache, found.clone()));
            found
        }
    };
    let k = segmentation.clustering.k;
    let mut per_segment: Vec<Vec<[f64; 2]>> = vec![Vec::new(); k];
    for (&row, point) in scatter.rows.iter().zip(&scatter.points) {
        if let Some(points) = labels.get(row).and_then(|&l| per_segment.get_mut(l)) {
            points.push(*point);
        }
    }
    let response = Plot::new("segments_scatter")
        // Tall enough for the vertical axis title with its features.
        .height(440.0)
        .data_aspect(1.0)
        .allow_scroll(false)
        .x_axis_label(axis_title(0, scatter.explained[0], &correlations))
        .y_axis_label(axis_title(1, scatter.explained[1], &correlations))
        .x_axis_formatter(|mark, _| format::number(mark.value, 1))
        .y_axis_formatter(|mark, _| format::number(mark.value, 1))
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            for (id, points) in per_segment.into_iter().enumerate() {
                let name = names.get(id).cloned().unwrap_or_default();
                plot_ui.points(
                    Points::new(name, PlotPoints::from(points))
                        .color(segment_color(id))
                        .radius(1.5),
                );
            }
        });
    // Hover: the customer nearest the pointer, within a few pixels.
    let Some(pointer) = response.response.hover_pos() else {
        return;
    };
    let transform = &response.transform;
    let nearest = scatter
        .points
        .iter()
        .zip(&scatter.rows)
        .map(|(p, &row)| {
            let at = transform.position_from_point(&PlotPoint::new(p[0], p[1]));
            (at.distance(pointer), row)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((distance, row)) = nearest
        && distance < 6.0
    {
        let segment = labels.get(row).copied().unwrap_or(0);
        let text = tr!(
            "segments-picture-hover",
            customer = segmentation.features.customer_ids[row].as_str(),
            segment = names.get(segment).map_or("", String::as_str),
        );
        response.response.on_hover_text_at_pointer(text);
    }
}

/// The segments' colours with their names, above the chart.
fn key_ui(ui: &mut egui::Ui, names: &[String]) {
    ui.horizontal_wrapped(|ui| {
        for (id, name) in names.iter().enumerate() {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 5.0, segment_color(id));
            ui.label(name);
            ui.add_space(8.0);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    #[test]
    fn each_axis_is_named_by_the_features_that_move_along_it() {
        // Orders grow to the right, recency shrinks to the right; revenue grows up.
        let points: Vec<[f64; 2]> = (0..40).map(|i| [i as f64, ((i * 7) % 11) as f64]).collect();
        let scaled = Array2::from_shape_fn((40, 3), |(i, j)| match j {
            0 => -(i as f64),
            1 => i as f64 * 2.0,
            _ => points[i][1],
        });
        let scatter = Scatter {
            rows: (0..40).collect(),
            points,
            explained: [0.6, 0.3],
        };
        let features = [Feature::Recency, Feature::Frequency, Feature::Monetary];
        let found = correlations(scaled.view(), &features, &scatter);
        assert!((found[0].1[0] + 1.0).abs() < 1e-9, "{found:?}");
        assert_eq!(
            axis_title(0, 0.6, &found),
            "Component 1 (60.0% of the spread): days since last order ↓ and orders ↑"
        );
        assert_eq!(
            axis_title(1, 0.3, &found),
            "Component 2 (30.0% of the spread): revenue ↑"
        );
        assert_eq!(
            axis_title(1, 0.3, &found[..2]),
            "Component 2 (30.0% of the spread)"
        );
    }
}

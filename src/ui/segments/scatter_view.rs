//! The segment picture: customers on the first two principal components of the
//! standardised features, one colour per segment (a seeded sample of at most
//! 20,000 customers). Hover shows the customer id and segment.

use egui_plot::{Legend, Plot, PlotPoint, PlotPoints, Points};

use crate::analysis::segments::scatter::Scatter;
use crate::tr;
use crate::ui::behaviour::percent;
use crate::workspace::segments::SegmentsResults;

use super::segment_color;

pub fn ui(ui: &mut egui::Ui, results: &SegmentsResults, scatter: &Scatter, names: &[String]) {
    let segmentation = &results.segmentation;
    let labels = &segmentation.clustering.labels;
    ui.weak(tr!(
        "segments-picture-summary",
        customers = scatter.rows.len().to_string(),
        n = scatter.rows.len(),
        first = percent(scatter.explained[0]),
        second = percent(scatter.explained[1]),
    ));
    let k = segmentation.clustering.k;
    let mut per_segment: Vec<Vec<[f64; 2]>> = vec![Vec::new(); k];
    for (&row, point) in scatter.rows.iter().zip(&scatter.points) {
        if let Some(points) = labels.get(row).and_then(|&l| per_segment.get_mut(l)) {
            points.push(*point);
        }
    }
    let response = Plot::new("segments_scatter")
        .height(320.0)
        .legend(Legend::default())
        .data_aspect(1.0)
        .allow_scroll(false)
        .x_axis_label(tr!("segments-component", number = "1"))
        .y_axis_label(tr!("segments-component", number = "2"))
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

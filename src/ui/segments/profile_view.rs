//! The selected segment's profile: for every feature, its mean as an index of the
//! mean over all customers (100 = like everyone; 200 = twice as much), as bars;
//! hover shows the index. Means are in original units (see the member table).

use crate::tr;
use crate::ui::behaviour::bar_chart_ui;
use crate::workspace::segments::SegmentsResults;

/// Index of each available feature for segment `id`: its mean over the all-customer
/// mean × 100 (0 when the all-customer mean is 0).
pub fn indices(results: &SegmentsResults, id: usize) -> Vec<(String, f64)> {
    let profiles = &results.segmentation.profiles;
    let total: usize = profiles.iter().map(|p| p.size).sum();
    let Some(profile) = profiles.get(id) else {
        return Vec::new();
    };
    profile
        .stats
        .iter()
        .map(|(feature, mean, _)| {
            let overall = profiles
                .iter()
                .map(|p| p.mean(*feature).unwrap_or(0.0) * p.size as f64)
                .sum::<f64>()
                / total.max(1) as f64;
            let index = if overall.abs() > f64::EPSILON {
                mean / overall * 100.0
            } else {
                0.0
            };
            (feature.label(), index)
        })
        .collect()
}

pub fn ui(ui: &mut egui::Ui, results: &SegmentsResults, id: usize, name: &str) {
    let rows = indices(results, id);
    ui.strong(tr!("segments-profile-title", name = name));
    let labels: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let values: Vec<f64> = rows.iter().map(|r| r.1).collect();
    let height = 28.0 * labels.len() as f32 + 40.0;
    bar_chart_ui(
        ui,
        "segment_profile",
        &labels,
        &values,
        |v| format!("{v:.0}"),
        height,
    );
}

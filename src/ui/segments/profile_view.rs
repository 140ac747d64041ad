//! The selected segment's profile: what it means for a campaign in one sentence,
//! then for every feature its mean as an index of the mean over all customers
//! (100 = like everyone; 200 = twice as much), as bars named by the features in
//! words, with a dashed line at 100; hover shows the index. Means are in original
//! units (see the member table).

use crate::tr;
use crate::ui::format;
use crate::ui::glossary::term;
use crate::workspace::segments::SegmentsResults;

use super::{feature_words, meaning, segment_color};
use crate::ui::bars::{self, Bars};

/// Index of each available feature for segment `id`: its mean over the
/// all-customer mean × 100 (0 when the all-customer mean is 0).
fn indices(results: &SegmentsResults, id: usize) -> Vec<(String, f64)> {
    meaning::ratios(&results.segmentation.profiles, id)
        .into_iter()
        .map(|(feature, ratio)| (feature_words(feature), ratio * 100.0))
        .collect()
}

pub fn ui(ui: &mut egui::Ui, results: &SegmentsResults, id: usize, name: &str) {
    let figures = meaning::figures(&results.segmentation.profiles, id);
    ui.add(
        egui::Label::new(egui::RichText::new(meaning::campaign_sentence(name, &figures)).strong())
            .wrap(),
    );
    term(
        ui,
        tr!("segments-profile-title", name = name),
        tr!("segments-centroid-meaning"),
    );
    let rows = indices(results, id);
    let labels: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let values: Vec<f64> = rows.iter().map(|r| r.1).collect();
    let chart = Bars {
        id: "segment_profile",
        names: &labels,
        values: &values,
        value_axis: tr!("segments-axis-index"),
        name_axis: tr!("segments-axis-feature"),
        hover: bars::name_over(|v| format::number(v, 0)),
        tick: Box::new(|v| format::number(v, 0)),
        reference: Some((100.0, tr!("segments-everyone"))),
        size: [ui.available_width(), 28.0 * labels.len() as f32 + 60.0],
    };
    bars::ui(ui, chart, |_| segment_color(id));
}

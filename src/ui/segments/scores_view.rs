//! The Value tab's scores per segment: for each segment the customers scored, the
//! mean propensity, the share in the high churn-risk bucket, the mean and total
//! CLV (`workspace::segments::scores`). Until the Value tab is trained it says how
//! to get them. [`joined`] keeps the join in egui memory, shared with the member
//! table and the Value tab's customer table, until either result changes.

use std::sync::Arc;

use crate::tr;
use crate::ui::behaviour::percent;
use crate::ui::format;
use crate::ui::value::decimal;
use crate::workspace::computation::Computed;
use crate::workspace::segments::SegmentsResults;
use crate::workspace::segments::scores::{ScoreJoin, join_scores};
use crate::workspace::value::ValueResults;

use super::segment_color;

/// The generations of the two results the join used (moving the churn
/// thresholds gives the value result a new one).
type JoinKey = (u64, u64);

/// The scores joined to the segments, rebuilt only when either result (or the
/// churn thresholds) changed.
pub fn joined(
    ui: &egui::Ui,
    segments: &Computed<SegmentsResults>,
    value: &Computed<ValueResults>,
) -> Arc<ScoreJoin> {
    let key: JoinKey = (segments.generation, value.generation);
    let (segments, value) = (&segments.value, &value.value);
    let thresholds = value.propensity.thresholds;
    let cache_id = egui::Id::unique("segment_score_join");
    if let Some((k, join)) = ui.data(|d| d.get_temp::<(JoinKey, Arc<ScoreJoin>)>(cache_id))
        && k == key
    {
        return join;
    }
    let segmentation = &segments.segmentation;
    let join = Arc::new(join_scores(
        &segmentation.features.customer_ids,
        &segmentation.clustering.labels,
        segmentation.clustering.k,
        &value.rows,
        &thresholds,
    ));
    ui.data_mut(|d| d.insert_temp(cache_id, (key, join.clone())));
    join
}

pub fn ui(
    ui: &mut egui::Ui,
    join: Option<&ScoreJoin>,
    results: &SegmentsResults,
    names: &[String],
) {
    let Some(join) = join else {
        ui.weak(tr!("segments-scores-need-value"));
        return;
    };
    let money = |v: Option<f64>| v.map_or_else(|| "–".to_string(), format::money);
    egui::Grid::new("segment_scores")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for header in [
                tr!("segments-column-segment"),
                tr!("segments-column-scored"),
                tr!("segments-column-mean-propensity"),
                tr!("segments-column-high-churn-risk"),
                tr!("segments-column-mean-clv"),
                tr!("segments-column-total-clv"),
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for (scores, name) in join.per_segment.iter().zip(names) {
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, segment_color(scores.segment));
                    ui.label(name);
                });
                let size = results
                    .segmentation
                    .profiles
                    .get(scores.segment)
                    .map_or(0, |p| p.size);
                ui.label(tr!(
                    "segments-scored-of",
                    scored = format::count(scores.scored),
                    size = format::count(size),
                ));
                ui.label(decimal(scores.mean_propensity));
                ui.label(scores.high_risk_share.map_or_else(|| "–".into(), percent));
                ui.label(money(scores.mean_clv));
                ui.label(money(scores.total_clv));
                ui.end_row();
            }
        });
}

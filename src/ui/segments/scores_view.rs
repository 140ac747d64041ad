//! The Value tab's scores per segment: for each segment the customers scored, the
//! mean propensity, the share in the high churn-risk bucket, the mean and total
//! CLV (`workspace::segments::scores`), with a sentence on where the value and the
//! risk sit and each measure explained on hover. Until the Value tab is trained it
//! says how to get them. [`joined`] keeps the join in egui memory, shared with the member
//! table and the Value tab's customer table, until either result changes.

use std::sync::Arc;

use crate::tr;
use crate::ui::format;
use crate::ui::glossary::term;
use crate::ui::value::decimal;
use crate::workspace::computation::Computed;
use crate::workspace::segments::SegmentsResults;
use crate::workspace::segments::scores::{ScoreJoin, join_scores};
use crate::workspace::value::ValueResults;

use super::{meaning, segment_color};

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
    let figures: Vec<(&str, Option<f64>, Option<f64>)> = join
        .per_segment
        .iter()
        .zip(names)
        .map(|(s, name)| (name.as_str(), s.total_clv, s.high_risk_share))
        .collect();
    if let Some(sentence) = meaning::scores_sentence(&figures) {
        ui.add(egui::Label::new(sentence).wrap());
    }
    egui::Grid::new("segment_scores")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.strong(tr!("segments-column-segment"));
            ui.strong(tr!("segments-column-scored"));
            for (header, meaning) in [
                (
                    tr!("segments-column-mean-propensity"),
                    tr!("segments-mean-propensity-meaning"),
                ),
                (
                    tr!("segments-column-high-churn-risk"),
                    tr!("segments-high-churn-risk-meaning"),
                ),
                (
                    tr!("segments-column-mean-clv"),
                    tr!("segments-mean-clv-meaning"),
                ),
                (
                    tr!("segments-column-total-clv"),
                    tr!("segments-total-clv-meaning"),
                ),
            ] {
                term(ui, header, meaning);
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
                ui.label(
                    scores
                        .high_risk_share
                        .map_or_else(|| "–".into(), format::percent),
                );
                ui.label(money(scores.mean_clv));
                ui.label(money(scores.total_clv));
                ui.end_row();
            }
        });
}

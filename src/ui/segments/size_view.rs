//! Segment size and revenue side by side: one bar per segment, in its colour and
//! named on the axis, for the number of customers and for the share of revenue,
//! both axes titled; hover shows the segment's name and the figure. A sentence
//! above says which segment brings more revenue than its size.

use crate::tr;
use crate::ui::format;
use crate::workspace::segments::SegmentsResults;

use super::{meaning, segment_color};
use crate::ui::bars::{self, Bars};

pub fn ui(ui: &mut egui::Ui, results: &SegmentsResults, names: &[String]) {
    let profiles = &results.segmentation.profiles;
    let shares: Vec<(&str, f64, Option<f64>)> = profiles
        .iter()
        .zip(names)
        .map(|(p, name)| (name.as_str(), p.customer_share, p.revenue_share))
        .collect();
    if let Some(sentence) = meaning::size_sentence(&shares) {
        ui.add(egui::Label::new(sentence).wrap());
    }
    let sizes: Vec<f64> = profiles.iter().map(|p| p.size as f64).collect();
    let revenue: Option<Vec<f64>> = profiles.iter().map(|p| p.revenue_share).collect();
    let width = (ui.available_width() / 2.0 - 8.0).max(240.0);
    let height = 30.0 * profiles.len() as f32 + 70.0;
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.strong(tr!("segments-customers-per-segment"));
            let chart = Bars {
                id: "segment_sizes",
                names,
                values: &sizes,
                value_axis: tr!("segments-axis-customers"),
                name_axis: tr!("segments-axis-segment"),
                hover: bars::name_over(|v| format::count(v.round().max(0.0) as usize)),
                tick: Box::new(|v| format::count(v.round().max(0.0) as usize)),
                reference: None,
                size: [width, height],
            };
            bars::ui(ui, chart, segment_color);
        });
        ui.vertical(|ui| {
            ui.strong(tr!("segments-revenue-share-per-segment"));
            match &revenue {
                Some(revenue) => {
                    let chart = Bars {
                        id: "segment_revenue",
                        names,
                        values: revenue,
                        value_axis: tr!("segments-axis-revenue-share"),
                        name_axis: tr!("segments-axis-segment"),
                        hover: bars::name_over(format::percent),
                        tick: Box::new(whole_percent),
                        reference: None,
                        size: [width, height],
                    };
                    bars::ui(ui, chart, segment_color);
                }
                None => {
                    ui.weak(format::needs_money(&tr!("segments-revenue-per-segment")));
                }
            }
        });
    });
}

/// A share on the axis as a whole percent (`0.2` → `20%`): ticks fall on round
/// shares, and shorter labels fit more of them.
fn whole_percent(share: f64) -> String {
    format!("{}%", format::number(share * 100.0, 0))
}

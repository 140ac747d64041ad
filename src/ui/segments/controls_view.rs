//! The run settings: which features K-means uses (ticked ones are in use, each
//! explained on hover; the customer-service signals on their own row, only when
//! a service-messages file is loaded), K by slider or "Auto" (the rule is stated beside it), the
//! running job's progress and its Cancel button.

use crate::analysis::segments::{Clustering, Feature, FeatureSet, KChoice, auto_k_rule};
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::format;
use crate::ui::glossary::term;
use crate::workspace::segments::{Segments, SegmentsCommand, SegmentsParams};

use super::feature_meaning;

/// K offered by the slider and by Auto.
pub const K_RANGE: std::ops::RangeInclusive<usize> = 2..=10;

/// The controls; `signals` is true when a service-messages file is loaded: only
/// then are the service signals offered as features (on a row of their own).
pub fn ui(
    ui: &mut egui::Ui,
    segments: &Segments,
    shown: Option<&Clustering>,
    wanted: &SegmentsParams,
    available: &[Feature],
    signals: bool,
    commands: &mut Commands,
) {
    let (orders, service): (Vec<Feature>, Vec<Feature>) =
        Feature::ALL.into_iter().partition(|f| !f.is_signal());
    ui.horizontal_wrapped(|ui| {
        term(
            ui,
            tr!("segments-features-in-use"),
            tr!("segments-features-in-use-hover"),
        );
        for feature in orders {
            let enabled = available.contains(&feature);
            feature_box(ui, feature, enabled, wanted, available, commands);
        }
    });
    if signals {
        ui.horizontal_wrapped(|ui| {
            term(
                ui,
                tr!("segments-signal-features"),
                tr!("segments-signal-features-hover"),
            );
            // Offered whenever the file is loaded, even if the result shown was
            // computed without it.
            for feature in service {
                feature_box(ui, feature, true, wanted, available, commands);
            }
        });
    }
    ui.horizontal(|ui| {
        let mut k = match wanted.k {
            KChoice::Fixed(k) => k,
            KChoice::Auto { .. } => shown.map_or(*K_RANGE.start(), |c| c.k),
        };
        let label = term(ui, tr!("segments-k-label"), tr!("segments-k-meaning"));
        let slider = ui
            .add(egui::Slider::new(&mut k, K_RANGE))
            .labelled_by(label.id);
        let mut fixed = slider.changed().then_some(k);
        if ui
            .add_enabled(k > *K_RANGE.start(), egui::Button::new("K − 1"))
            .clicked()
        {
            fixed = Some(k - 1);
        }
        if ui
            .add_enabled(k < *K_RANGE.end(), egui::Button::new("K + 1"))
            .clicked()
        {
            fixed = Some(k + 1);
        }
        if let Some(k) = fixed {
            commands.send(SegmentsCommand::Run(SegmentsParams {
                k: KChoice::Fixed(k),
                ..wanted.clone()
            }));
        }
        if ui
            .button(tr!("segments-auto"))
            .on_hover_text(auto_k_rule())
            .clicked()
        {
            commands.send(SegmentsCommand::Run(SegmentsParams {
                k: KChoice::default(),
                ..wanted.clone()
            }));
        }
        if let Some(job) = segments.results().pending() {
            let snapshot = job.progress().snapshot();
            ui.add(
                egui::ProgressBar::new(snapshot.fraction().unwrap_or(0.0))
                    .desired_width(240.0)
                    .text(format!("{}…", snapshot.message)),
            );
            if ui
                .button(tr!("segments-cancel"))
                .on_hover_text(tr!("segments-cancel-hover"))
                .clicked()
            {
                commands.send(SegmentsCommand::Cancel);
            }
        }
    });
    let rule = match (wanted.k, shown) {
        (KChoice::Auto { .. }, Some(clustering)) => clustering.reason.text(),
        (KChoice::Auto { .. }, None) => auto_k_rule(),
        (KChoice::Fixed(k), _) => tr!(
            "segments-k-chosen-by-you",
            k = k.to_string(),
            rule = auto_k_rule()
        ),
    };
    ui.add(egui::Label::new(egui::RichText::new(rule).weak()).wrap())
        .on_hover_text(auto_k_rule());
}

/// One feature's tick box: ticking or unticking runs with the features changed.
fn feature_box(
    ui: &mut egui::Ui,
    feature: Feature,
    enabled: bool,
    wanted: &SegmentsParams,
    available: &[Feature],
    commands: &mut Commands,
) {
    // A feature the data cannot give is never shown ticked: the default
    // recipe runs without revenue on orders without money.
    let mut used = enabled && wanted.features.features().contains(&feature);
    let why = if feature.is_money() {
        format::needs_money(&feature.label())
    } else {
        tr!("segments-feature-needs-price-hover")
    };
    let response = ui
        .add_enabled(enabled, egui::Checkbox::new(&mut used, feature.label()))
        .on_hover_text(feature_meaning(feature))
        .on_disabled_hover_text(why);
    if response.changed() {
        // Only features the data gives (signals whenever offered): the default
        // recipe's revenue is dropped on orders without money rather than
        // asked for.
        let mut list: Vec<Feature> = wanted
            .features
            .features()
            .iter()
            .copied()
            .filter(|f| available.contains(f) || f.is_signal())
            .collect();
        if used {
            list.push(feature);
        } else {
            list.retain(|f| *f != feature);
        }
        // Keep the order of Feature::ALL so the same set is the same key.
        list.sort();
        if let Ok(features) = FeatureSet::new(&list) {
            commands.send(SegmentsCommand::Run(SegmentsParams {
                features,
                ..wanted.clone()
            }));
        }
    }
}

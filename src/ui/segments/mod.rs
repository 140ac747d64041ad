//! The Segments tab's views, one file per view, and what they share: segment
//! colours, the operator's names for the segments, the features in words with
//! their meanings, the bar charts (`bars`), the campaign sentences (`meaning`),
//! the missing inputs (`needs`), and the panel's view state (selected segment,
//! member search and sort, export path) kept in egui memory.
//! Views only draw results computed by the workspace's Segments job and send
//! commands (`SegmentsCommand`, `Command::RenameSegment`).

pub mod controls_view;
pub mod curve_view;
pub mod meaning;
pub mod members_view;
pub mod needs;
pub mod profile_view;
pub mod scatter_view;
pub mod scores_view;
pub mod size_view;
pub mod summary_view;
pub mod tree_view;

use std::collections::BTreeMap;

use crate::analysis::segments::Feature;
use crate::tr;
use crate::ui::value::CustomerSort;
use crate::workspace::segments::SegmentsResults;

/// Which member column the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MemberSort {
    #[default]
    Customer,
    /// A column of `features.raw`.
    Feature(usize),
    /// A score of the Value tab.
    Score(CustomerSort),
}

/// The panel's view settings, kept in egui memory for the session.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    pub selected: usize,
    pub search: String,
    /// Only members in the high churn-risk bucket (when there are scores).
    pub high_risk_only: bool,
    pub sort: MemberSort,
    pub descending: bool,
    pub export_path: String,
    /// The file name last suggested: while the path is that, it follows the
    /// segment selected.
    pub export_default: String,
}

/// Ten colours readable on light and dark backgrounds, one per segment.
const PALETTE: [egui::Color32; 10] = [
    egui::Color32::from_rgb(60, 130, 220),
    egui::Color32::from_rgb(230, 120, 40),
    egui::Color32::from_rgb(70, 170, 90),
    egui::Color32::from_rgb(210, 70, 80),
    egui::Color32::from_rgb(150, 100, 200),
    egui::Color32::from_rgb(140, 100, 70),
    egui::Color32::from_rgb(220, 110, 180),
    egui::Color32::from_rgb(120, 120, 120),
    egui::Color32::from_rgb(180, 180, 40),
    egui::Color32::from_rgb(40, 180, 190),
];

/// The colour of segment `id`.
pub fn segment_color(id: usize) -> egui::Color32 {
    PALETTE[id % PALETTE.len()]
}

/// The shown name of every segment: the operator's, else the proposed one.
pub fn segment_names(results: &SegmentsResults, saved: &BTreeMap<String, String>) -> Vec<String> {
    results
        .segmentation
        .profiles
        .iter()
        .map(|p| {
            saved
                .get(&results.name_key(p.id))
                .cloned()
                .unwrap_or_else(|| p.name.text())
        })
        .collect()
}

/// A feature in words, for sentences and chart titles (tables and exports name
/// it by its column, `Feature::label`).
pub fn feature_words(feature: Feature) -> String {
    match feature {
        Feature::Recency => tr!("segments-words-recency"),
        Feature::Frequency => tr!("segments-words-orders"),
        Feature::Monetary => tr!("segments-words-revenue"),
        Feature::AvgOrderValue => tr!("segments-words-avg-order-value"),
        Feature::Tenure => tr!("segments-words-tenure"),
        Feature::DaysBetween => tr!("segments-words-days-between"),
        Feature::Units => tr!("segments-words-units"),
        Feature::DiscountShare => tr!("segments-words-discount-share"),
        Feature::AvgUnitPrice => tr!("segments-words-avg-unit-price"),
        Feature::LastContact => tr!("segments-words-last-contact"),
        Feature::Contacts30 => tr!("segments-words-contacts-30d"),
        Feature::Contacts90 => tr!("segments-words-contacts-90d"),
        Feature::Complained => tr!("segments-words-complained"),
        Feature::AskedDiscount => tr!("segments-words-asked-discount"),
        Feature::Sentiment => tr!("segments-words-sentiment"),
    }
}

/// What a feature measures, in one plain line (on hover of its name).
pub fn feature_meaning(feature: Feature) -> String {
    match feature {
        Feature::Recency => tr!("segments-feature-recency-meaning"),
        Feature::Frequency => tr!("segments-feature-orders-meaning"),
        Feature::Monetary => tr!("segments-feature-revenue-meaning"),
        Feature::AvgOrderValue => tr!("segments-feature-avg-order-value-meaning"),
        Feature::Tenure => tr!("segments-feature-tenure-meaning"),
        Feature::DaysBetween => tr!("segments-feature-days-between-meaning"),
        Feature::Units => tr!("segments-feature-units-meaning"),
        Feature::DiscountShare => tr!("segments-feature-discount-share-meaning"),
        Feature::AvgUnitPrice => tr!("segments-feature-avg-unit-price-meaning"),
        Feature::LastContact => tr!("segments-feature-last-contact-meaning"),
        Feature::Contacts30 => tr!("segments-feature-contacts-30d-meaning"),
        Feature::Contacts90 => tr!("segments-feature-contacts-90d-meaning"),
        Feature::Complained => tr!("segments-feature-complained-meaning"),
        Feature::AskedDiscount => tr!("segments-feature-asked-discount-meaning"),
        Feature::Sentiment => tr!("segments-feature-sentiment-meaning"),
    }
}

//! The Recommendations tab's views, one file per view, and what they share: the
//! panel's view state (draft model settings, chosen customer and item, report card
//! settings, export path) kept in egui memory, headings, progress bars and the
//! missing-input sentence with its button. Views send `RecommendCommand`s.
//! Views only draw results computed by the workspace's Recommend jobs.

pub mod controls_view;
pub mod customer_view;
pub mod item_view;
pub mod report_view;
pub mod rules_view;
pub mod verdict;

use crate::analysis::recommend::evaluate::Split;
use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::state::Tab;
use crate::workspace::recommend::RecommendParams;
use rules_view::RuleSort;

/// The panel's view settings, kept in egui memory for the session.
#[derive(Clone, Debug)]
pub struct ViewState {
    /// Settings being edited; `None` until the first frame copies the wanted ones.
    pub draft: Option<RecommendParams>,
    /// The customer id typed in the search field.
    pub search: String,
    /// The customer whose list is shown.
    pub customer: Option<String>,
    /// The item (index) whose neighbours are shown.
    pub item: Option<u32>,
    pub split: Split,
    pub k: usize,
    /// Report card: choose settings by validation first.
    pub validate: bool,
    /// Report card: compare SASRec too (it trains for its time budget).
    pub with_sasrec: bool,
    pub export_path: String,
    /// The rules table's sort column and direction.
    pub rule_sort: RuleSort,
    pub rule_ascending: bool,
    pub rules_path: String,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            draft: None,
            search: String::new(),
            customer: None,
            item: None,
            split: Split::LeaveLastOut,
            k: 10,
            validate: true,
            with_sasrec: false,
            export_path: "recommendations.csv".into(),
            rule_sort: RuleSort::default(),
            rule_ascending: false,
            rules_path: "rules.csv".into(),
        }
    }
}

/// A bold heading line with a weak explanation under it.
pub fn heading_ui(ui: &mut egui::Ui, title: &str, note: &str) {
    ui.add_space(10.0);
    ui.strong(title);
    ui.add(egui::Label::new(egui::RichText::new(note).weak()).wrap());
    ui.add_space(4.0);
}

/// What the tab needs and the loaded files lack, in one sentence, with the
/// button to the Data tab that fixes it.
pub fn needs_ui(ui: &mut egui::Ui, sentence: &str, commands: &mut Commands) {
    ui.add_space(8.0);
    ui.add(egui::Label::new(sentence).wrap());
    if ui.button(tr!("recommend-open-data-tab")).clicked() {
        commands.send(Command::GoTo(Tab::Data));
    }
}

/// A job's progress bar with its message.
pub fn progress_ui(ui: &mut egui::Ui, progress: &crate::jobs::Progress) {
    let snapshot = progress.snapshot();
    ui.add(
        egui::ProgressBar::new(snapshot.fraction().unwrap_or(0.0))
            .desired_width(240.0)
            .text(format!("{}…", snapshot.message)),
    );
}

//! The Behaviour tab's views, one file per analysis, and the small helpers they
//! share (labelled bar charts, toggles saved in `UiState`, section titles that
//! explain themselves, what a result means for a campaign, a missing input with
//! the button that fixes it). Views only draw results computed by the
//! workspace's Behaviour job; the campaign sentences are worked out in `advice`.

pub mod advice;
pub mod bars;
pub mod cohort_view;
pub mod filter_view;
pub mod funnel_view;
pub mod repeat_view;
pub mod rfm_view;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::state::Tab;

/// The Behaviour tab's two-way view choices, by name, saved between runs
/// (`UiState::behaviour_toggles`); true (or absent) is the first choice.
pub type Toggles = BTreeMap<String, bool>;

/// A two-way choice drawn as two selectable labels and saved in `toggles` under
/// `id`. Returns true for `first` (the default).
pub fn toggle_ui(
    ui: &mut egui::Ui,
    toggles: &mut Toggles,
    id: &str,
    first: &str,
    second: &str,
) -> bool {
    explained_toggle_ui(ui, toggles, id, [first, second], [None, None])
}

/// [`toggle_ui`] whose choices may explain themselves on hover (`meanings`).
pub fn explained_toggle_ui(
    ui: &mut egui::Ui,
    toggles: &mut Toggles,
    id: &str,
    [first, second]: [&str; 2],
    meanings: [Option<&str>; 2],
) -> bool {
    let mut first_chosen = toggles.get(id).copied().unwrap_or(true);
    ui.horizontal(|ui| {
        for (index, (text, meaning)) in [first, second].into_iter().zip(meanings).enumerate() {
            let mut choice = ui.selectable_label(first_chosen == (index == 0), text);
            if let Some(meaning) = meaning {
                choice = choice.on_hover_text(meaning);
            }
            if choice.clicked() {
                first_chosen = index == 0;
            }
        }
    });
    if first_chosen {
        // The default is not written, so the saved state stays small.
        toggles.remove(id);
    } else {
        toggles.insert(id.to_owned(), false);
    }
    first_chosen
}

/// A section title with a line of explanation under it.
pub fn section_ui(ui: &mut egui::Ui, title: &str, explanation: &str) {
    ui.add_space(10.0);
    ui.separator();
    ui.label(egui::RichText::new(title).heading().size(18.0));
    ui.add(egui::Label::new(egui::RichText::new(explanation).weak()).wrap());
    ui.add_space(4.0);
}

/// A section title whose name explains itself on hover (`meaning`, one plain
/// line), with a line of explanation under it.
pub fn term_section_ui(ui: &mut egui::Ui, title: &str, meaning: &str, explanation: &str) {
    ui.add_space(10.0);
    ui.separator();
    let title = egui::RichText::new(title).heading().size(18.0).underline();
    ui.add(egui::Label::new(title).sense(egui::Sense::hover()))
        .on_hover_cursor(egui::CursorIcon::Help)
        .on_hover_text(meaning);
    ui.add(egui::Label::new(egui::RichText::new(explanation).weak()).wrap());
    ui.add_space(4.0);
}

/// What a result means for a campaign, one sentence (from `advice`), standing
/// out from the figures under it.
pub fn advice_ui(ui: &mut egui::Ui, sentence: &str) {
    ui.add(egui::Label::new(egui::RichText::new(sentence).strong()).wrap());
    ui.add_space(4.0);
}

/// A missing input: one sentence saying what is needed and why, and the button
/// to the Data tab, where files are opened and columns mapped.
pub fn needs_ui(ui: &mut egui::Ui, sentence: &str, commands: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        ui.label(sentence);
        if ui.button(tr!("behaviour-open-data")).clicked() {
            commands.send(Command::GoTo(Tab::Data));
        }
    });
}

/// An error of one part, in the error colour.
pub fn error_ui(ui: &mut egui::Ui, what: &str, error: &str) {
    let color = ui.visuals().error_fg_color;
    let text = tr!("behaviour-error", what = what, error = error);
    ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
}

/// Empty text: the default date; otherwise YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_dates_are_read_strictly() {
        assert_eq!(parse_date("  "), Ok(None));
        assert_eq!(
            parse_date(" 2024-06-30 "),
            Ok(NaiveDate::from_ymd_opt(2024, 6, 30))
        );
        assert_eq!(parse_date("30/06/2024"), Err(()));
        assert_eq!(parse_date("2024-02-30"), Err(()));
    }
}

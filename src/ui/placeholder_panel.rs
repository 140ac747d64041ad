//! Tabs for capabilities that are not built yet: each says so plainly and says what
//! it will show. No made-up figures.

use super::state::Tab;

/// What an unbuilt tab will show, in the operator's terms.
pub fn plan(tab: Tab) -> &'static str {
    match tab {
        Tab::Data
        | Tab::Behaviour
        | Tab::Segments
        | Tab::Value
        | Tab::Recommendations
        | Tab::Forecast => "",
        Tab::Campaigns => {
            "It will build target lists from segments, scores and recommendations with a \
             what-if ROI simulator. Until then, campaigns run on the command line: \
             `marketbench project new` and `marketbench campaign` (see the README)."
        }
    }
}

pub fn ui(ui: &mut egui::Ui, tab: Tab) {
    ui.heading(tab.label());
    ui.add_space(8.0);
    ui.label(egui::RichText::new("This part is not built yet.").strong());
    ui.add_space(4.0);
    ui.add(egui::Label::new(plan(tab)).wrap());
}

//! Tabs for capabilities that are not built yet: each says so plainly and says what
//! it will show. No made-up figures.

use super::state::Tab;

/// What an unbuilt tab will show, in the operator's terms.
pub fn plan(tab: Tab) -> &'static str {
    match tab {
        Tab::Data | Tab::Behaviour | Tab::Value => "",
        Tab::Segments => {
            "It will group customers by recency, frequency and spend (RFM) and by \
             clustering, with the size, revenue and typical basket of each segment."
        }
        Tab::Recommendations => {
            "It will suggest products for each customer and products bought together, \
             learned from the order lines and behaviour events."
        }
        Tab::Forecast => {
            "It will forecast daily revenue and orders for the coming weeks, with \
             seasonality and a range of likely outcomes."
        }
        Tab::Campaigns => {
            "It will build target lists for campaigns from segments and recommendations, \
             and export them for your email, SMS or ad tools."
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

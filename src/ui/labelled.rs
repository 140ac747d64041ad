//! Menus with their label before them, as every form in the window reads
//! ("Period [Weekly ▼]"), under a fixed id so switching the language keeps their
//! state. The label also names the menu for screen readers and tests.

use egui::{ComboBox, Id, InnerResponse, Ui, WidgetText};

/// A drop-down menu whose label is already drawn.
pub struct Menu<'a> {
    label: Id,
    combo: ComboBox<'a>,
}

/// Draws `label`, then returns the menu to fill in (`selected_text`, `show_ui`).
pub fn menu<'a>(ui: &mut Ui, label: impl Into<WidgetText>, id_salt: &str) -> Menu<'a> {
    Menu {
        label: ui.label(label).id,
        combo: ComboBox::from_id_salt(id_salt),
    }
}

impl Menu<'_> {
    pub fn selected_text(mut self, text: impl Into<WidgetText>) -> Self {
        self.combo = self.combo.selected_text(text);
        self
    }

    pub fn width(mut self, width: f32) -> Self {
        self.combo = self.combo.width(width);
        self
    }

    pub fn show_ui<R>(
        self,
        ui: &mut Ui,
        menu: impl FnOnce(&mut Ui) -> R,
    ) -> InnerResponse<Option<R>> {
        let InnerResponse { inner, response } = self.combo.show_ui(ui, menu);
        InnerResponse::new(inner, response.labelled_by(self.label))
    }
}

//! What the tabs say about an orders file summed without loading
//! (`data::store::SummedOrders`): the tabs that compute from its sums
//! (Behaviour, Segments, Forecast) name it above their results; the others say
//! that they need its lines, with the memory figures, instead of asking for an
//! orders file that is there.

use crate::data::Store;
use crate::data::summed::SummedSource;
use crate::tr;

/// The line above a tab computed from summed orders; nothing otherwise.
pub fn note_ui(ui: &mut egui::Ui, store: &Store) {
    if let Some(summed) = store.summed_orders() {
        let text = match &summed.source {
            SummedSource::File(_) => tr!("summed-note", file = summed.name()),
            SummedSource::Database(_) => tr!("summed-database-note", source = summed.name()),
        };
        ui.add(egui::Label::new(egui::RichText::new(text).weak()).wrap());
    }
}

/// Why a tab that needs order lines (`what` it shows) has none: their file is
/// summed without loading, or `otherwise` (no orders file).
pub fn missing_orders(store: &Store, what: &str, otherwise: String) -> String {
    match store.summed_orders() {
        Some(summed) => summed.needs_lines(what),
        None => otherwise,
    }
}

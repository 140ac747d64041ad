//! The segment table: one row per segment with its colour, name, size, shares of
//! customers and of revenue, what distinguishes it and its top categories. Clicking
//! a name selects the segment for the views below (its hover says what the
//! segment means for a campaign); the selected one can be renamed (the name is
//! saved between runs; an empty name goes back to the proposed one). The jargon
//! headers explain themselves on hover.

use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::format;
use crate::ui::glossary::term;
use crate::workspace::segments::SegmentsResults;

use super::{ViewState, feature_words, meaning, segment_color};

/// A standardised difference with its sign: `+1.2`, `−0.8`.
pub fn signed(difference: f64) -> String {
    let text = format::number(difference.abs(), 1);
    match (difference < 0.0, text == "0.0") {
        (_, true) => text,
        (true, false) => format!("−{text}"),
        (false, false) => format!("+{text}"),
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    results: &SegmentsResults,
    names: &[String],
    view: &mut ViewState,
    commands: &mut Commands,
) {
    let profiles = &results.segmentation.profiles;
    egui::Grid::new("segments_table")
        .striped(true)
        .spacing([14.0, 4.0])
        // Long category and feature lists wrap instead of running off the window.
        .max_col_width(300.0)
        .show(ui, |ui| {
            for header in [
                tr!("segments-column-segment"),
                tr!("segments-column-customers"),
                tr!("segments-column-customer-share"),
                tr!("segments-column-revenue-share"),
            ] {
                ui.strong(header);
            }
            term(
                ui,
                tr!("segments-column-sets-apart"),
                tr!("segments-sets-apart-meaning"),
            );
            ui.strong(tr!("segments-column-top-categories"));
            ui.end_row();
            for (p, name) in profiles.iter().zip(names) {
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, segment_color(p.id));
                    let figures = meaning::figures(profiles, p.id);
                    if ui
                        .selectable_label(view.selected == p.id, name)
                        .on_hover_text(meaning::campaign_sentence(name, &figures))
                        .clicked()
                    {
                        view.selected = p.id;
                    }
                });
                ui.label(format::count(p.size));
                ui.label(format::percent(p.customer_share));
                match p.revenue_share {
                    Some(share) => ui.label(format::percent(share)),
                    None => ui
                        .weak(tr!("segments-no-prices"))
                        .on_hover_text(format::needs_money(&tr!("segments-revenue"))),
                };
                let apart: Vec<String> = p
                    .distinguishing
                    .iter()
                    .map(|(f, d)| format!("{} {}", feature_words(*f), signed(*d)))
                    .collect();
                ui.add(egui::Label::new(apart.join(", ")).wrap());
                let cats: Vec<String> = p
                    .top_categories
                    .iter()
                    .map(|(c, s)| format!("{c} {}", format::percent(*s)))
                    .collect();
                ui.add(egui::Label::new(cats.join(", ")).wrap());
                ui.end_row();
            }
        });
    rename_ui(ui, results, names, view, commands);
}

fn rename_ui(
    ui: &mut egui::Ui,
    results: &SegmentsResults,
    names: &[String],
    view: &ViewState,
    commands: &mut Commands,
) {
    let Some(current) = names.get(view.selected) else {
        return;
    };
    let key = results.name_key(view.selected);
    let buffer_id = egui::Id::unique(("segment_rename", &key));
    let mut text = ui
        .data(|d| d.get_temp::<String>(buffer_id))
        .unwrap_or_else(|| current.clone());
    ui.horizontal(|ui| {
        let label = ui.label(tr!("segments-rename", id = view.selected.to_string()));
        let field = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(220.0))
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr!("segments-save-name")).clicked() || entered {
            commands.send(Command::RenameSegment {
                key: key.clone(),
                name: text.trim().to_string(),
            });
        }
    });
    // Only what the operator typed is kept: an untouched field follows the shown
    // name (a new language, a saved name).
    match text == *current {
        true => ui.data_mut(|d| d.remove::<String>(buffer_id)),
        false => ui.data_mut(|d| {
            d.insert_temp(buffer_id, text);
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_carry_their_sign_and_zero_none() {
        assert_eq!(signed(1.24), "+1.2");
        assert_eq!(signed(-0.81), "−0.8");
        assert_eq!(signed(-0.01), "0.0");
    }
}

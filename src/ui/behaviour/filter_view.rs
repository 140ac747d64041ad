//! The Behaviour tab's filter row: a date range (typed, applied with Apply filter
//! or Enter), categories (a menu of check boxes, applied at once), a segment of the
//! Segments tab (a menu, applied at once; greyed until segments exist) and Clear
//! filter, then how many order lines the figures below use and which segment.

use std::sync::Arc;

use crate::analysis::filter::{CustomerSet, LineFilter};
use crate::tr;
use crate::ui::format;
use crate::workspace::behaviour::{
    BehaviourCommand, BehaviourParams, BehaviourResults, SegmentPick, member_ids,
};
use crate::workspace::computation::Computed;
use crate::workspace::segments::SegmentsResults;

use super::super::command::Commands;
use super::parse_date;

/// The segments the picker offers: the Segments tab's result and the shown names.
pub type SegmentChoice<'a> = Option<(&'a Computed<SegmentsResults>, &'a [String])>;

pub fn ui(
    ui: &mut egui::Ui,
    wanted: &BehaviourParams,
    results: Option<&BehaviourResults>,
    segments: SegmentChoice<'_>,
    commands: &mut Commands,
) {
    let filter = &wanted.filter;
    let texts_id = egui::Id::unique("behaviour_filter_dates");
    let error_id = egui::Id::unique("behaviour_filter_error");
    let (mut from_text, mut to_text) = ui
        .data(|d| d.get_temp::<(String, String)>(texts_id))
        .unwrap_or_else(|| {
            let text = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            (text(filter.from), text(filter.to))
        });
    let mut error = ui.data(|d| d.get_temp::<bool>(error_id)).unwrap_or(false);
    let run = |commands: &mut Commands, change: &dyn Fn(&mut BehaviourParams)| {
        let mut params = wanted.clone();
        change(&mut params);
        commands.send(BehaviourCommand::Run(params));
    };
    ui.horizontal(|ui| {
        let mut entered = false;
        let labels = [tr!("behaviour-filter-from"), tr!("behaviour-filter-to")];
        for (label, text) in labels.into_iter().zip([&mut from_text, &mut to_text]) {
            let label = ui
                .label(label)
                .on_hover_text(tr!("behaviour-filter-dates-hover"));
            let field = ui.add(
                egui::TextEdit::singleline(text)
                    .hint_text(tr!("behaviour-filter-date-hint"))
                    .desired_width(100.0),
            );
            let field = field.labelled_by(label.id);
            entered |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        }
        if ui.button(tr!("behaviour-filter-apply")).clicked() || entered {
            match (parse_date(&from_text), parse_date(&to_text)) {
                (Ok(from), Ok(to)) if from.zip(to).is_none_or(|(f, t)| f <= t) => {
                    error = false;
                    run(commands, &|p| {
                        p.filter.from = from;
                        p.filter.to = to;
                    });
                }
                _ => error = true,
            }
        }
        categories_ui(ui, wanted, results, &mut |categories| {
            run(commands, &|p| p.filter.categories = categories.clone());
        });
        segment_ui(ui, wanted, segments, &mut |pick| {
            run(commands, &|p| {
                p.filter.customers = pick.as_ref().map(|(_, set)| set.clone());
                p.segment = pick.as_ref().map(|(pick, _)| pick.clone());
            });
        });
        if !filter.is_empty()
            && ui
                .button(tr!("behaviour-filter-clear"))
                .on_hover_text(tr!("behaviour-filter-clear-hover"))
                .clicked()
        {
            from_text.clear();
            to_text.clear();
            error = false;
            run(commands, &|p| {
                p.filter = Default::default();
                p.segment = None;
            });
        }
    });
    if error {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr!("behaviour-filter-bad-range"),
        );
    }
    // No lines are held for orders summed without loading: nothing to count.
    if let Some(results) = results.filter(|r| r.lines_kept.1 > 0) {
        let (kept, all) = results.lines_kept;
        ui.weak(tr!(
            "behaviour-filter-lines-kept",
            kept = format::count(kept),
            all = format::count(all),
            filter = describe(&results.params.filter),
        ));
    }
    ui.data_mut(|d| {
        d.insert_temp(texts_id, (from_text, to_text));
        d.insert_temp(error_id, error);
    });
}

/// A menu of the computed segments ("All customers" first); `apply` gets the
/// picked segment and its members, None for all customers.
fn segment_ui(
    ui: &mut egui::Ui,
    wanted: &BehaviourParams,
    segments: SegmentChoice<'_>,
    apply: &mut dyn FnMut(Option<(SegmentPick, CustomerSet)>),
) {
    let Some((results, names)) = segments else {
        let title = segment_title(&tr!("behaviour-all-customers"));
        ui.add_enabled(false, egui::Button::new(title))
            .on_disabled_hover_text(tr!("behaviour-segment-needs-hover"));
        ui.weak(tr!("behaviour-segment-needs"));
        return;
    };
    let title = match (&wanted.segment, &wanted.filter.customers) {
        (Some(pick), _) if pick.id < names.len() => segment_title(&names[pick.id]),
        (_, Some(set)) => segment_title(&set.label),
        _ => segment_title(&tr!("behaviour-all-customers")),
    };
    let response = ui.menu_button(title, |ui| {
        if ui.button(tr!("behaviour-all-customers")).clicked() && wanted.filter.customers.is_some()
        {
            apply(None);
        }
        let segmentation = &results.value.segmentation;
        for (profile, name) in segmentation.profiles.iter().zip(names) {
            let text = tr!(
                "behaviour-segment-choice",
                name = name.as_str(),
                count = format::count(profile.size),
            );
            if ui.button(text).clicked() {
                let pick = SegmentPick {
                    segments_generation: results.generation,
                    id: profile.id,
                };
                if wanted.segment.as_ref() != Some(&pick) {
                    let set = CustomerSet {
                        label: segment_label(profile.id, name),
                        ids: Arc::new(member_ids(segmentation, profile.id)),
                    };
                    apply(Some((pick, set)));
                }
            }
        }
    });
    response
        .response
        .on_hover_text(tr!("behaviour-segment-hover"));
}

/// The segment menu's title, e.g. "Segment: All customers".
fn segment_title(segment: &str) -> String {
    tr!("behaviour-segment-title", segment = segment)
}

/// How a picked segment is named in the caption, e.g. "segment 2: Lapsed one-timers".
pub fn segment_label(id: usize, name: &str) -> String {
    tr!("behaviour-segment-label", id = id.to_string(), name = name)
}

/// The filter in the caption's words, as [`LineFilter::describe`] but in the
/// window's language: e.g. "2024-01-01 to 2024-06-30, 2 categories"; "all lines"
/// for the empty filter.
pub fn describe(filter: &LineFilter) -> String {
    let mut parts = Vec::new();
    match (filter.from, filter.to) {
        (Some(from), Some(to)) => parts.push(tr!(
            "behaviour-filter-between",
            from = from.to_string(),
            to = to.to_string()
        )),
        (Some(from), None) => parts.push(tr!("behaviour-filter-since", from = from.to_string())),
        (None, Some(to)) => parts.push(tr!("behaviour-filter-until", to = to.to_string())),
        (None, None) => {}
    }
    match filter.categories.len() {
        0 => {}
        1 => parts.extend(filter.categories.iter().cloned()),
        n => parts.push(tr!("behaviour-filter-categories", count = n.to_string())),
    }
    if let Some(set) = &filter.customers {
        parts.push(set.label.clone());
    }
    parts
        .into_iter()
        .reduce(|first, rest| tr!("behaviour-list", first = first, rest = rest))
        .unwrap_or_else(|| tr!("behaviour-filter-all-lines"))
}

/// A menu of the data's categories with check boxes; `apply` gets the new set.
fn categories_ui(
    ui: &mut egui::Ui,
    wanted: &BehaviourParams,
    results: Option<&BehaviourResults>,
    apply: &mut dyn FnMut(&std::collections::BTreeSet<String>),
) {
    let chosen = &wanted.filter.categories;
    let Some(all) = results.map(|r| &r.categories).filter(|c| !c.is_empty()) else {
        return;
    };
    let title = match chosen.len() {
        0 => tr!("behaviour-categories-all"),
        1 => tr!(
            "behaviour-category-one",
            category = chosen.iter().next().map_or("", String::as_str)
        ),
        n => tr!("behaviour-categories-count", count = n.to_string()),
    };
    ui.menu_button(title, |ui| {
        let mut next = chosen.clone();
        if ui.button(tr!("behaviour-all-categories")).clicked() {
            next.clear();
        }
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for category in all {
                    let mut on = next.contains(category);
                    if ui.checkbox(&mut on, category.as_str()).changed() {
                        if on {
                            next.insert(category.clone());
                        } else {
                            next.remove(category);
                        }
                    }
                }
            });
        if &next != chosen {
            apply(&next);
        }
    });
}

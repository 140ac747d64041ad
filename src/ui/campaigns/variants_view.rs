//! Campaign variants side by side: save the campaign being edited under a name
//! with its figures, compare size, buyers anyway, incremental responders, cost,
//! profit and ROI, load one back or delete it. Variants are saved between runs.

use crate::analysis::campaign::{Audience, Readout};
use crate::tr;
use crate::ui::{format, glossary};

use super::{CampaignUiState, Variant, ViewState, percent};

pub fn ui(
    ui: &mut egui::Ui,
    state: &mut CampaignUiState,
    audience: Option<&Audience>,
    readout: Option<&Readout>,
    view: &mut ViewState,
) {
    ui.horizontal(|ui| {
        let label = ui.label(tr!("campaigns-variant-name"));
        ui.add(egui::TextEdit::singleline(&mut view.variant_name).desired_width(180.0))
            .labelled_by(label.id);
        let name = view.variant_name.trim().to_string();
        let can_save = audience.is_some() && !name.is_empty();
        if ui
            .add_enabled(can_save, egui::Button::new(tr!("campaigns-save-variant")))
            .on_disabled_hover_text(tr!("campaigns-save-variant-disabled-hover"))
            .clicked()
            && let Some(audience) = audience
        {
            let outcome = state.outcome(audience, readout);
            let mut def = state.draft.clone();
            def.name = name.clone();
            state.draft.name = name.clone();
            state.variants.retain(|v| v.def.name != name);
            state.variants.push(Variant {
                def,
                rate_from_scores: state.rate_from_scores,
                aov_from_history: state.aov_from_history,
                size: audience.size(),
                targets: audience.targets,
                baseline_buyers: outcome.baseline_buyers,
                incremental_responders: outcome.incremental_responders,
                cost: outcome.cost,
                profit: outcome.profit,
                roi: outcome.roi,
            });
            view.variant_name.clear();
        }
    });
    if state.variants.is_empty() {
        ui.label(egui::RichText::new(tr!("campaigns-no-variant")).weak());
        return;
    }
    let mut load = None;
    let mut delete = None;
    // Nine columns do not fit half the window: scroll sideways, never clip.
    egui::ScrollArea::horizontal()
        .id_salt("campaign_variants_sideways")
        .show(ui, |ui| {
            egui::Grid::new("campaign_variants")
                .striped(true)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    for (header, meaning) in [
                        (tr!("campaigns-variant"), None),
                        (
                            tr!("campaigns-size"),
                            Some(tr!("campaigns-audience-meaning")),
                        ),
                        (
                            tr!("campaigns-targets"),
                            Some(tr!("campaigns-targets-meaning")),
                        ),
                        (
                            tr!("campaigns-buy-anyway"),
                            Some(tr!("campaigns-buy-anyway-meaning")),
                        ),
                        (
                            tr!("campaigns-incremental"),
                            Some(tr!("campaigns-incremental-responders-meaning")),
                        ),
                        (
                            tr!("campaigns-cost"),
                            Some(tr!("campaigns-total-cost-meaning")),
                        ),
                        (
                            tr!("campaigns-profit"),
                            Some(tr!("campaigns-profit-meaning")),
                        ),
                        (tr!("campaigns-roi"), Some(tr!("campaigns-roi-meaning"))),
                        (String::new(), None),
                    ] {
                        match meaning {
                            Some(meaning) => glossary::term(ui, header, meaning),
                            None => ui.strong(header),
                        };
                    }
                    ui.end_row();
                    for (i, v) in state.variants.iter().enumerate() {
                        ui.label(&v.def.name);
                        ui.label(format::count(v.size));
                        ui.label(format::count(v.targets));
                        ui.label(format::number(v.baseline_buyers, 1));
                        ui.label(format::number(v.incremental_responders, 1));
                        ui.label(format::money(v.cost));
                        ui.label(format::money(v.profit));
                        ui.label(v.roi.map_or_else(|| "—".to_string(), percent));
                        ui.horizontal(|ui| {
                            if ui
                                .small_button(tr!("campaigns-load"))
                                .on_hover_text(tr!("campaigns-load-hover"))
                                .clicked()
                            {
                                load = Some(i);
                            }
                            if ui.small_button(tr!("campaigns-delete")).clicked() {
                                delete = Some(i);
                            }
                        });
                        ui.end_row();
                    }
                });
        });
    if let Some(i) = load {
        let v = state.variants[i].clone();
        state.draft = v.def;
        state.rate_from_scores = v.rate_from_scores;
        state.aov_from_history = v.aov_from_history;
        view.dates.clear();
    }
    if let Some(i) = delete {
        state.variants.remove(i);
    }
}

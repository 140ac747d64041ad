//! The cohort retention heatmap: what the latest cohort's return means for a
//! campaign, then a row per first-purchase month, a column per month since (titled
//! above); each cell coloured by the share of the cohort that bought (or by the
//! cohort's revenue), hover shows the figures. Months not observed yet stay blank.

use crate::analysis::cohorts::Cohorts;
use crate::tr;
use crate::ui::format;

use super::{Toggles, advice, advice_ui, explained_toggle_ui};

const LABEL_WIDTH: f32 = 110.0;
const CELL: egui::Vec2 = egui::vec2(46.0, 20.0);

pub fn ui(ui: &mut egui::Ui, cohorts: &Cohorts, toggles: &mut Toggles) {
    if cohorts.cohorts.is_empty() {
        ui.weak(tr!("behaviour-cohorts-empty"));
        return;
    }
    if let Some(sentence) = advice::cohorts(cohorts) {
        advice_ui(ui, &sentence);
    }
    // Without money the RFM part already says what revenue needs: once is enough.
    let retention = tr!("behaviour-retention-meaning");
    let by_share = !cohorts.money
        || explained_toggle_ui(
            ui,
            toggles,
            "cohort_values",
            [
                &tr!("behaviour-cohorts-by-share"),
                &tr!("behaviour-revenue"),
            ],
            [Some(&retention), None],
        );
    ui.horizontal(|ui| {
        ui.add_space(LABEL_WIDTH);
        ui.weak(tr!("behaviour-cohorts-months-since"));
    });
    // Month 0 is always 100%: colour against the later months so they show.
    let later_max = |values: &[Vec<Option<f64>>]| {
        values
            .iter()
            .flat_map(|row| row.iter().skip(1).flatten())
            .fold(0.0_f64, |a, &b| a.max(b))
    };
    let scale = if by_share {
        later_max(&cohorts.active_share)
    } else {
        later_max(&cohorts.revenue)
    };
    egui::ScrollArea::horizontal()
        .id_salt("cohort_scroll")
        .show(ui, |ui| heatmap_ui(ui, cohorts, by_share, scale));
}

fn heatmap_ui(ui: &mut egui::Ui, cohorts: &Cohorts, by_share: bool, scale: f64) {
    let rows = cohorts.cohorts.len();
    let size = egui::vec2(
        LABEL_WIDTH + CELL.x * cohorts.offsets.len() as f32,
        CELL.y * (rows + 1) as f32,
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text_color = visuals.text_color();
    let font = egui::FontId::proportional(11.0);
    let base = visuals.extreme_bg_color;
    let full = if visuals.dark_mode {
        egui::Color32::from_rgb(70, 140, 230)
    } else {
        egui::Color32::from_rgb(30, 100, 200)
    };
    let cell_rect = |row: usize, column: usize| {
        egui::Rect::from_min_size(
            rect.min
                + egui::vec2(
                    LABEL_WIDTH + CELL.x * column as f32,
                    CELL.y * (row + 1) as f32,
                ),
            CELL,
        )
    };
    painter.text(
        rect.min + egui::vec2(4.0, CELL.y / 2.0),
        egui::Align2::LEFT_CENTER,
        tr!("behaviour-cohorts-header"),
        font.clone(),
        text_color,
    );
    for (column, offset) in cohorts.offsets.iter().enumerate() {
        let header = cell_rect(0, column).translate(egui::vec2(0.0, -CELL.y));
        painter.text(
            header.center(),
            egui::Align2::CENTER_CENTER,
            offset.to_string(),
            font.clone(),
            text_color,
        );
    }
    for (row, month) in cohorts.cohorts.iter().enumerate() {
        let size = cohorts.sizes.get(row).copied().unwrap_or(0);
        painter.text(
            rect.min + egui::vec2(4.0, CELL.y * (row as f32 + 1.5)),
            egui::Align2::LEFT_CENTER,
            format!(
                "{} ({})",
                month.format("%Y-%m"),
                format::count(size as usize)
            ),
            font.clone(),
            text_color,
        );
        for column in 0..cohorts.offsets.len() {
            let Some(value) = cell_value(cohorts, by_share, row, column) else {
                continue;
            };
            let strength = if scale > 0.0 {
                (value / scale).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let fill = base.lerp_to_gamma(full, strength as f32);
            let cell = cell_rect(row, column).shrink(1.0);
            painter.rect_filled(cell, 2.0, fill);
            let label = if by_share {
                format::percent(value)
            } else {
                short_money(value)
            };
            let color = if strength > 0.55 {
                egui::Color32::WHITE
            } else {
                text_color
            };
            painter.text(
                cell.center(),
                egui::Align2::CENTER_CENTER,
                label,
                font.clone(),
                color,
            );
        }
    }
    if let Some(pointer) = response.hover_pos() {
        let local = pointer - rect.min - egui::vec2(LABEL_WIDTH, CELL.y);
        if local.x >= 0.0 && local.y >= 0.0 {
            let (row, column) = ((local.y / CELL.y) as usize, (local.x / CELL.x) as usize);
            if let Some(text) = hover_text(cohorts, row, column) {
                response.on_hover_text_at_pointer(text);
            }
        }
    }
}

fn cell_value(cohorts: &Cohorts, by_share: bool, row: usize, column: usize) -> Option<f64> {
    let values = if by_share {
        &cohorts.active_share
    } else {
        &cohorts.revenue
    };
    values.get(row)?.get(column).copied().flatten()
}

fn hover_text(cohorts: &Cohorts, row: usize, column: usize) -> Option<String> {
    let month = cohorts.cohorts.get(row)?;
    let offset = cohorts.offsets.get(column)?;
    let size = cohorts.sizes.get(row)?;
    let active = cohorts.active.get(row)?.get(column).copied().flatten()?;
    let share = cohorts
        .active_share
        .get(row)?
        .get(column)
        .copied()
        .flatten()?;
    let revenue = cohorts.revenue.get(row)?.get(column).copied().flatten()?;
    let mut lines = vec![
        tr!(
            "behaviour-cohort-hover",
            month = month.format("%Y-%m").to_string(),
            size = format::count(*size as usize),
            offset = offset.to_string(),
        ),
        tr!(
            "behaviour-cohort-hover-active",
            active = format::count(active as usize),
            share = format::percent(share),
        ),
    ];
    if cohorts.money {
        lines.push(tr!(
            "behaviour-hover-revenue",
            amount = format::money(revenue)
        ));
    }
    Some(lines.join("\n"))
}

/// `12345.6` → `12.3k`: short enough for a cell; hover shows the exact figure.
fn short_money(amount: f64) -> String {
    let size = amount.abs();
    if size >= 1e6 {
        format!("{:.1}M", amount / 1e6)
    } else if size >= 1e3 {
        format!("{:.1}k", amount / 1e3)
    } else {
        format!("{amount:.0}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_money_is_short() {
        assert_eq!(short_money(950.4), "950");
        assert_eq!(short_money(12_345.6), "12.3k");
        assert_eq!(short_money(-2_500_000.0), "-2.5M");
    }
}

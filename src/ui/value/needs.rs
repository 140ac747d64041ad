//! What the Value tab needs and the data lacks, said once in plain words with a
//! button to the Data tab that fixes it: no orders at all, too short an order
//! history for the window (the models learn from one window and test on the
//! next), or no money for customer lifetime value.

use chrono::{NaiveDate, TimeDelta};

use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::format;
use crate::ui::state::Tab;

/// The sentence and the button that opens the Data tab.
pub fn need_ui(ui: &mut egui::Ui, sentence: &str, commands: &mut Commands) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(sentence);
        if ui
            .button(tr!("value-open-data"))
            .on_hover_text(tr!("value-open-data-hover"))
            .clicked()
        {
            commands.send(Command::GoTo(Tab::Data));
        }
    });
}

/// Why the orders from `first_day` to `last_day` are too short for a training
/// with a `window_days` window and `cutoff` (None: the last order day − window):
/// the earlier (training) cutoff falls on or before the first order, so no
/// customer has a history to learn from. None when the history suffices, or when
/// the cutoff itself is past the data (a setting the training's error names).
pub fn short_history(
    first_day: NaiveDate,
    last_day: NaiveDate,
    window_days: u32,
    cutoff: Option<NaiveDate>,
) -> Option<String> {
    let window = TimeDelta::days(i64::from(window_days));
    let score_date = last_day + TimeDelta::days(1);
    let cutoff = cutoff.unwrap_or(score_date - window);
    if cutoff + window > score_date {
        return None;
    }
    let training_cutoff = cutoff - window;
    (first_day >= training_cutoff).then(|| {
        let days = (score_date - first_day).num_days().max(0) as f64;
        tr!(
            "value-needs-history",
            days = format::number(days, 0),
            window = window_days.to_string(),
            date = training_cutoff.to_string()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, month, day).expect("date")
    }

    #[test]
    fn a_history_shorter_than_two_windows_is_named_with_the_date_it_needs() {
        // 1 Jan – 31 Mar: 90 days. A 30-day window learns at 29 Jan: fine.
        assert_eq!(short_history(day(1, 1), day(3, 31), 30, None), None);
        // A 45-day window learns at 1 Jan, the first order day: no history before it.
        assert_eq!(
            short_history(day(1, 1), day(3, 31), 45, None).as_deref(),
            Some(
                "The orders cover 90 days, too few for a 45-day window: the models \
                 learn from purchases before 2025-01-01. Load a longer order history, \
                 or shorten the window."
            )
        );
        // A cutoff chosen early needs history before its own training cutoff.
        assert!(short_history(day(1, 1), day(3, 31), 30, Some(day(1, 25))).is_some());
        assert_eq!(
            short_history(day(1, 1), day(3, 31), 10, Some(day(2, 15))),
            None
        );
        // A cutoff whose window runs past the data is a setting, not the history.
        assert_eq!(
            short_history(day(1, 1), day(3, 31), 30, Some(day(3, 20))),
            None
        );
    }
}

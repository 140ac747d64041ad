//! What a forecast needs and the loaded data lacks, said once in plain words
//! with the button that fixes it (the Data tab), in place of the analysis'
//! developer text: no price or amount column when revenue is asked for (a kept
//! setting or a project can ask it of a file without money), and too little
//! history for the horizon.

use crate::analysis::forecast::Freq;
use crate::analysis::forecast::backtest::MIN_TRAIN;
use crate::tr;
use crate::ui::command::{Command, Commands};
use crate::ui::state::Tab;

use super::outlook::{periods, when};

/// A missing input of the Forecast tab.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Missing {
    /// Revenue was asked for and the orders carry no money.
    Money,
    /// The series has `got` periods; a `horizon`-period forecast needs `needed`.
    History {
        freq: Freq,
        horizon: usize,
        needed: usize,
        got: usize,
    },
}

/// The periods a `horizon`-period forecast with `holdout` periods held out
/// needs (the backtest's shortest training plus one horizon to score it on),
/// when a series of `len` periods has fewer.
pub fn history_needed(len: usize, horizon: usize, holdout: usize) -> Option<usize> {
    let needed = MIN_TRAIN + horizon + holdout;
    (len < needed).then_some(needed)
}

/// The one sentence saying what is missing and how to get it.
pub fn sentence(missing: Missing) -> String {
    match missing {
        Missing::Money => tr!("forecast-needs-money"),
        Missing::History {
            freq,
            horizon,
            needed,
            got,
        } => tr!(
            "forecast-needs-history",
            when = when(freq, horizon),
            needed = periods(freq, needed),
            got = periods(freq, got)
        ),
    }
}

/// The sentence and the button to the Data tab.
pub fn ui(ui: &mut egui::Ui, missing: Missing, commands: &mut Commands) {
    ui.add_space(4.0);
    ui.add(egui::Label::new(egui::RichText::new(sentence(missing)).strong()).wrap());
    if ui.button(tr!("forecast-open-data")).clicked() {
        commands.send(Command::GoTo(Tab::Data));
    }
    ui.add_space(4.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_little_history_names_what_the_horizon_needs() {
        assert_eq!(history_needed(30, 12, 0), None);
        assert_eq!(history_needed(10, 12, 0), Some(MIN_TRAIN + 12));
        assert_eq!(history_needed(20, 12, 2), Some(MIN_TRAIN + 14));
        let text = sentence(Missing::History {
            freq: Freq::Week,
            horizon: 12,
            needed: 20,
            got: 6,
        });
        assert!(
            text.starts_with(
                "A forecast over the next 12 weeks needs at least 20 weeks of history, and the data has 6 weeks"
            ),
            "{text}"
        );
    }
}

//! The result card's sentences: what the charted forecast means for a campaign
//! ("The forecast expects revenue to fall 12.0% next month compared with the
//! same month last year.") and what the best what-if scenario adds. Pure
//! functions of the numbers (no egui), so they are unit tested and read the
//! same in both languages. When the forecast carries a recent spike forward
//! ([`super::spike`]), the sentence warns that it may be too high.

use crate::analysis::forecast::{Freq, Measure};
use crate::tr;
use crate::ui::format;
use crate::workspace::forecast::{GrowthBase, SeriesResult};

use super::signed_percent;
use super::spike::{Spike, carried_spike};

/// A change smaller than this (in percent) reads as "about level": the
/// operator would not plan differently for it.
const LEVEL_PCT: f64 = 0.5;

/// What a forecast counts, as the sentences name it: a measure of the order
/// lines, or the values of a series file (counted as money, like its scenarios).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Counted {
    Measure(Measure),
    SeriesValue,
}

impl Counted {
    /// Amounts are money (revenue, a series file's values).
    pub fn priced(self) -> bool {
        matches!(
            self,
            Counted::Measure(Measure::Revenue) | Counted::SeriesValue
        )
    }

    /// The noun inside a sentence ("revenue", "orders").
    fn noun(self) -> String {
        match self {
            Counted::Measure(Measure::Revenue) => tr!("forecast-noun-revenue"),
            Counted::Measure(Measure::Orders) => tr!("forecast-noun-orders"),
            Counted::Measure(Measure::Units) => tr!("forecast-noun-units"),
            Counted::Measure(Measure::ActiveCustomers) => tr!("forecast-noun-active-customers"),
            Counted::SeriesValue => tr!("forecast-noun-value"),
        }
    }
}

/// `n` periods with their unit: "12 weeks", "1 month".
pub fn periods(freq: Freq, n: usize) -> String {
    let unit = match freq {
        Freq::Day => tr!("forecast-unit-day", n = n),
        Freq::Week => tr!("forecast-unit-week", n = n),
        Freq::Month => tr!("forecast-unit-month", n = n),
    };
    tr!("forecast-amount", count = format::count(n), unit = unit)
}

/// The horizon in words: "next month", "over the next 12 weeks".
pub fn when(freq: Freq, horizon: usize) -> String {
    let unit = match freq {
        Freq::Day => tr!("forecast-unit-day", n = horizon),
        Freq::Week => tr!("forecast-unit-week", n = horizon),
        Freq::Month => tr!("forecast-unit-month", n = horizon),
    };
    tr!(
        "forecast-when",
        count = format::count(horizon),
        n = horizon,
        unit = unit
    )
}

/// What the growth compared the horizon with: "the same month last year",
/// "the same days last week", "the previous 12 weeks".
fn compared(freq: Freq, horizon: usize, base: GrowthBase) -> String {
    let unit = match freq {
        Freq::Day => tr!("forecast-unit-day", n = horizon),
        Freq::Week => tr!("forecast-unit-week", n = horizon),
        Freq::Month => tr!("forecast-unit-month", n = horizon),
    };
    let previous = || {
        tr!(
            "forecast-compared-previous",
            count = format::count(horizon),
            n = horizon,
            unit = unit.as_str()
        )
    };
    match base {
        GrowthBase::LastPeriods => previous(),
        GrowthBase::SeasonsEarlier { periods_back } if periods_back == horizon => previous(),
        GrowthBase::SeasonsEarlier { periods_back } => {
            match (freq, periods_back == freq.season_length()) {
                (Freq::Week | Freq::Month, true) => {
                    tr!("forecast-compared-last-year", unit = unit.as_str())
                }
                (Freq::Day, true) => tr!("forecast-compared-last-week", unit = unit.as_str()),
                _ => tr!(
                    "forecast-compared-earlier",
                    unit = unit.as_str(),
                    earlier = periods(freq, periods_back)
                ),
            }
        }
    }
}

/// The result card's sentence: the direction and size of the forecast's
/// change over `horizon` periods against what `growth` compared it with, or
/// the forecast `total` when there is nothing to compare with.
pub fn forecast_sentence(
    counted: Counted,
    freq: Freq,
    horizon: usize,
    growth: Option<(f64, GrowthBase)>,
    total: f64,
) -> String {
    let measure = counted.noun();
    let when = when(freq, horizon);
    let Some((pct, base)) = growth.filter(|(pct, _)| pct.is_finite()) else {
        return tr!(
            "forecast-outlook-total",
            measure = measure,
            total = format::money_or_count(counted.priced(), total),
            when = when
        );
    };
    let compared = compared(freq, horizon, base);
    let size = format::percent(pct.abs() / 100.0);
    match pct {
        p if p.abs() < LEVEL_PCT => tr!(
            "forecast-outlook-level",
            measure = measure,
            when = when,
            compared = compared
        ),
        p if p > 0.0 => tr!(
            "forecast-outlook-rise",
            measure = measure,
            size = size,
            when = when,
            compared = compared
        ),
        _ => tr!(
            "forecast-outlook-fall",
            measure = measure,
            size = size,
            when = when,
            compared = compared
        ),
    }
}

/// `sentence` followed by the warning that the forecast carries `spike`
/// forward: with the numbers, what it means and what to do.
pub fn with_spike_warning(sentence: String, spike: &Spike, freq: Freq) -> String {
    tr!(
        "forecast-outlook-spike",
        sentence = sentence,
        recent = periods(freq, spike.recent),
        ratio = format::number(spike.ratio, 1),
        before = periods(freq, spike.before)
    )
}

/// [`forecast_sentence`] of a charted series (None without a forecast), with
/// the spike warning when its history ends in a spike the forecast carries.
pub fn series_sentence(result: &SeriesResult, counted: Counted) -> Option<String> {
    let f = result.forecast.as_ref().ok()?;
    let point = &f.forecast.point;
    let freq = result.series.freq;
    let total = point.iter().sum();
    let sentence = forecast_sentence(counted, freq, point.len(), result.growth(), total);
    Some(match carried_spike(&result.series.values, point, freq) {
        Some(spike) => with_spike_warning(sentence, &spike, freq),
        None => sentence,
    })
}

/// One scenario's effect on the forecast over the horizon.
pub struct ScenarioEffect<'a> {
    pub name: &'a str,
    /// The scenario's total minus the baseline's.
    pub difference: f64,
}

/// The sentence under the scenario table: what the best scenario (the largest
/// difference) adds or loses over the horizon against the baseline `base_total`;
/// "Best of N scenarios" when there are several. None without scenarios.
pub fn scenario_sentence(
    effects: &[ScenarioEffect<'_>],
    base_total: f64,
    counted: Counted,
    freq: Freq,
    horizon: usize,
) -> Option<String> {
    let best = effects
        .iter()
        .max_by(|a, b| a.difference.total_cmp(&b.difference))?;
    let amount = format::money_or_count(counted.priced(), best.difference.abs());
    let share = match base_total {
        t if t != 0.0 => signed_percent(best.difference / t),
        _ => "–".into(),
    };
    let when = when(freq, horizon);
    let measure = counted.noun();
    // Below what the table shows, a scenario changes nothing.
    let unchanged = amount == format::money_or_count(counted.priced(), 0.0);
    let sentence = match best.difference {
        _ if unchanged => tr!("forecast-scenario-none", scenario = best.name),
        d if d > 0.0 => tr!(
            "forecast-scenario-gain",
            scenario = best.name,
            amount = amount,
            measure = measure,
            when = when,
            share = share
        ),
        _ => tr!(
            "forecast-scenario-loss",
            scenario = best.name,
            amount = amount,
            measure = measure,
            when = when,
            share = share
        ),
    };
    Some(match effects.len() {
        1 => sentence,
        n => tr!(
            "forecast-scenario-best-of",
            count = format::count(n),
            sentence = sentence
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REVENUE: Counted = Counted::Measure(Measure::Revenue);
    const ORDERS: Counted = Counted::Measure(Measure::Orders);

    fn year() -> GrowthBase {
        GrowthBase::SeasonsEarlier { periods_back: 12 }
    }

    #[test]
    fn the_forecast_sentence_says_direction_size_period_and_measure() {
        assert_eq!(
            forecast_sentence(REVENUE, Freq::Month, 1, Some((-12.0, year())), 880.0),
            "The forecast expects revenue to fall 12.0% next month compared with the same month last year."
        );
        assert_eq!(
            forecast_sentence(
                ORDERS,
                Freq::Week,
                12,
                Some((8.25, GrowthBase::SeasonsEarlier { periods_back: 52 })),
                300.0
            ),
            "The forecast expects orders to rise 8.3% over the next 12 weeks compared with the same weeks last year."
        );
        assert_eq!(
            forecast_sentence(REVENUE, Freq::Month, 6, Some((0.2, year())), 1.0),
            "The forecast expects revenue to stay about level over the next 6 months compared with the same months last year."
        );
    }

    #[test]
    fn the_forecast_sentence_names_what_it_compared_with() {
        let daily = |back| {
            forecast_sentence(
                ORDERS,
                Freq::Day,
                10,
                Some((5.0, GrowthBase::SeasonsEarlier { periods_back: back })),
                1.0,
            )
        };
        assert!(daily(14).ends_with("compared with the same days 14 days earlier."));
        assert!(
            forecast_sentence(
                ORDERS,
                Freq::Day,
                3,
                Some((5.0, GrowthBase::SeasonsEarlier { periods_back: 7 })),
                1.0
            )
            .ends_with("over the next 3 days compared with the same days last week.")
        );
        assert!(
            forecast_sentence(
                REVENUE,
                Freq::Week,
                4,
                Some((-3.0, GrowthBase::LastPeriods)),
                1.0
            )
            .ends_with("to fall 3.0% over the next 4 weeks compared with the previous 4 weeks.")
        );
        // Without a figure to compare with, the total is said instead.
        assert_eq!(
            forecast_sentence(ORDERS, Freq::Week, 1, None, 1234.4),
            "The forecast expects 1,234 orders next week; there is no earlier figure to compare it with."
        );
    }

    #[test]
    fn a_carried_spike_adds_a_warning_with_its_numbers() {
        let spike = Spike {
            recent: 4,
            before: 12,
            ratio: 2.34,
        };
        let sentence = forecast_sentence(
            REVENUE,
            Freq::Week,
            12,
            Some((137.1, GrowthBase::SeasonsEarlier { periods_back: 52 })),
            1.0,
        );
        assert_eq!(
            with_spike_warning(sentence, &spike, Freq::Week),
            "The forecast expects revenue to rise 137.1% over the next 12 weeks compared with \
             the same weeks last year. But the last 4 weeks were 2.3× the usual level of the \
             12 weeks before them: if that was a one-off promotion, this forecast is too high. \
             Check the backtest or add a scenario."
        );
    }

    #[test]
    fn the_scenario_sentence_picks_the_best_and_says_gain_or_loss() {
        let one = [ScenarioEffect {
            name: "Promotion 1",
            difference: 320.0,
        }];
        assert_eq!(
            scenario_sentence(&one, 10_000.0, REVENUE, Freq::Week, 12).as_deref(),
            Some(
                "Promotion 1 adds 320.00 revenue over the next 12 weeks (+3.2% on the forecast without it)."
            )
        );
        let two = [
            ScenarioEffect {
                name: "Price change 1",
                difference: -40.0,
            },
            ScenarioEffect {
                name: "Price change 2",
                difference: -10.0,
            },
        ];
        assert_eq!(
            scenario_sentence(&two, 200.0, ORDERS, Freq::Month, 1).as_deref(),
            Some(
                "Best of 2 scenarios: Price change 2 loses 10 orders next month (-5.0% on the forecast without it)."
            )
        );
        let none = [ScenarioEffect {
            name: "Campaign 1",
            difference: 0.2,
        }];
        assert_eq!(
            scenario_sentence(&none, 200.0, ORDERS, Freq::Month, 1).as_deref(),
            Some("Campaign 1 does not change the forecast.")
        );
        assert!(scenario_sentence(&[], 1.0, ORDERS, Freq::Month, 1).is_none());
    }
}

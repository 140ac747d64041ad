//! The combination candidate: the mean of three single models' forecasts (the M4
//! competition's robust lesson: a simple combination beats most single models).
//!
//! Contract:
//! - The mean, not the median: with three members each chosen for its backtest, the
//!   median keeps one member's forecast per period and throws away the averaging of
//!   errors that makes a combination win (M4's Comb and the Theta-family winners
//!   average); the mean of the members' bounds also keeps point ≤ bound order.
//! - Intervals: the mean of the members' 80 % and 95 % bounds (what each member's
//!   own band says, averaged; exact when the members' errors move together and a
//!   little wide otherwise, never narrower than the spread of its members).
//! - In the backtest, fold k combines the three single models with the lowest mean
//!   MASE over folds 0..k (then MAE, then [`ModelKind::ALL`] order) among those that
//!   forecast fold k. Those folds' test periods end at fold k's origin, so the choice
//!   sees nothing after it. Fold 0 has no earlier fold and combines [`FIRST_TRIO`].
//! - The final forecast combines the three best single models of the whole backtest
//!   ([`ModelKind::Combination`] through `predict` combines [`FIRST_TRIO`]).
//! - Whether the combination or one model forecasts is a [`Contest`] on equal
//!   terms: over the folds after the first, each fold's combination against the
//!   single model ranked best on the same earlier folds (the choice an operator
//!   would have made then). Comparing the combination with the lowest mean of nine
//!   single models instead favours whichever model was luckiest on those folds:
//!   on the forecast bench's 200 generated daily series (`MB_HOLDOUT=28
//!   MB_SERIES=200 MB_FOLDS=5 cargo bench --bench forecast`) the automatic
//!   choice's holdout MASE went from 0.858 to 0.844 (0.997 to 0.983 with drifting
//!   levels, `MB_WALK=1`), and on CDNOW's daily revenue (`benches/peer/cdnow.sh`)
//!   from 0.741 to 0.682.

use serde::Serialize;

use super::backtest::ModelRun;
use super::models::{ModelError, ModelKind, PointForecast, predict};

/// How many models are combined.
pub const MEMBERS: usize = 3;

/// The members when no fold has been scored yet: M4's "Comb" benchmark (simple
/// exponential smoothing, Holt and damped Holt).
pub const FIRST_TRIO: [ModelKind; MEMBERS] = [
    ModelKind::EtsSimple,
    ModelKind::EtsHolt,
    ModelKind::EtsDamped,
];

/// The mean of `forecasts`, line by line (at least one, all the same length).
pub fn mean_of(forecasts: &[&PointForecast]) -> PointForecast {
    let count = forecasts.len().max(1) as f64;
    let average = |pick: fn(&PointForecast) -> &Vec<f64>| -> Vec<f64> {
        let len = forecasts.iter().map(|f| pick(f).len()).min().unwrap_or(0);
        (0..len)
            .map(|h| forecasts.iter().map(|f| pick(f)[h]).sum::<f64>() / count)
            .collect()
    };
    PointForecast {
        point: average(|f| &f.point),
        lo80: average(|f| &f.lo80),
        hi80: average(|f| &f.hi80),
        lo95: average(|f| &f.lo95),
        hi95: average(|f| &f.hi95),
    }
}

/// Fits the first [`MEMBERS`] models of `ranked` that can forecast `y` and
/// combines them; the forecast and the members used.
pub fn forecast(
    ranked: &[ModelKind],
    y: &[f64],
    season: usize,
    mstl_periods: &[usize],
    horizon: usize,
) -> Result<(PointForecast, Vec<ModelKind>), ModelError> {
    let mut members = Vec::with_capacity(MEMBERS);
    let mut forecasts = Vec::with_capacity(MEMBERS);
    let mut last_error = None;
    for &model in ranked.iter().filter(|m| **m != ModelKind::Combination) {
        if members.len() == MEMBERS {
            break;
        }
        match predict(model, y, season, mstl_periods, horizon) {
            Ok(f) => {
                members.push(model);
                forecasts.push(f);
            }
            Err(e) => last_error = Some(e),
        }
    }
    if members.len() < MEMBERS {
        return Err(last_error.unwrap_or(ModelError::TooShort {
            model: "combination",
            needed: MEMBERS,
            got: members.len(),
        }));
    }
    Ok((mean_of(&forecasts.iter().collect::<Vec<_>>()), members))
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
    sum / count.max(1) as f64
}

/// The members of fold `k`: the best [`MEMBERS`] single runs by their scores on
/// folds before `k` among those with a forecast at `k` ([`FIRST_TRIO`] first at
/// fold 0). Fewer when fewer single models forecast fold `k`.
pub fn fold_members(runs: &[ModelRun], k: usize) -> Vec<ModelKind> {
    let key = |v: f64| if v.is_nan() { f64::INFINITY } else { v };
    let mut usable: Vec<(&ModelRun, f64, f64)> = runs
        .iter()
        .filter(|r| r.model != ModelKind::Combination && r.folds.len() > k)
        .map(|r| {
            let scores = &r.scores[..k];
            (
                r,
                key(mean(scores.iter().map(|a| a.mase))),
                key(mean(scores.iter().map(|a| a.mae))),
            )
        })
        .collect();
    if k == 0 {
        let rank = |m: ModelKind| FIRST_TRIO.iter().position(|t| *t == m).unwrap_or(MEMBERS);
        usable.sort_by_key(|(r, _, _)| (rank(r.model), r.model));
    } else {
        usable.sort_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then(a.2.total_cmp(&b.2))
                .then(a.0.model.cmp(&b.0.model))
        });
    }
    usable
        .iter()
        .take(MEMBERS)
        .map(|(r, _, _)| r.model)
        .collect()
}

/// The combination of each fold's members' fold forecasts (see the contract);
/// None from the first fold with fewer than [`MEMBERS`] single forecasts.
pub fn fold_forecasts(
    runs: &[ModelRun],
    folds: usize,
) -> Option<Vec<(PointForecast, Vec<ModelKind>)>> {
    (0..folds)
        .map(|k| {
            let members = fold_members(runs, k);
            if members.len() < MEMBERS {
                return None;
            }
            let forecasts: Vec<&PointForecast> = members
                .iter()
                .filter_map(|m| runs.iter().find(|r| r.model == *m))
                .map(|r| &r.folds[k].forecast)
                .collect();
            Some((mean_of(&forecasts), members))
        })
        .collect()
}

/// The combination against choosing one model, scored on the same folds with
/// the same knowledge (see the contract).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Contest {
    /// Folds compared: every fold but the first, which has no earlier fold to
    /// choose on.
    pub folds: usize,
    /// The combination's mean MASE over those folds.
    pub combination: f64,
    /// The mean MASE over those folds of the single model ranked best on the
    /// folds before each.
    pub selection: f64,
}

impl Contest {
    /// Whether the combination forecasts (a tie goes to the combination, whose
    /// errors vary less).
    pub fn combination_wins(&self) -> bool {
        self.combination <= self.selection
    }
}

/// The contest of `combined` (the combination's run) against the single `runs`;
/// None with fewer than two folds or an undefined MASE (a constant history),
/// where the combination is ranked by its mean MASE like a single model.
pub fn contest(runs: &[ModelRun], combined: &ModelRun) -> Option<Contest> {
    let later = combined.scores.get(1..).filter(|s| !s.is_empty())?;
    let mut selection = Vec::with_capacity(later.len());
    for k in 1..=later.len() {
        let chosen = *fold_members(runs, k).first()?;
        let run = runs.iter().find(|r| r.model == chosen)?;
        selection.push(run.scores.get(k)?.mase);
    }
    let contest = Contest {
        folds: later.len(),
        combination: mean(later.iter().map(|a| a.mase)),
        selection: mean(selection.into_iter()),
    };
    (contest.combination.is_finite() && contest.selection.is_finite()).then_some(contest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mean_of_three_forecasts_line_by_line() {
        let f = |base: f64| PointForecast {
            point: vec![base, base + 1.0],
            lo80: vec![base - 1.0; 2],
            hi80: vec![base + 1.0; 2],
            lo95: vec![base - 2.0; 2],
            hi95: vec![base + 2.0; 2],
        };
        let (a, b, c) = (f(1.0), f(2.0), f(6.0));
        let m = mean_of(&[&a, &b, &c]);
        assert_eq!(m.point, vec![3.0, 4.0]);
        assert_eq!(m.lo95, vec![1.0, 1.0]);
        assert_eq!(m.hi80, vec![4.0, 4.0]);
    }

    #[test]
    fn predict_combines_the_m4_trio() {
        let y: Vec<f64> = (0..40).map(|t| 10.0 + t as f64 + (t % 3) as f64).collect();
        let combined = predict(ModelKind::Combination, &y, 1, &[], 4).expect("combination");
        let members: Vec<PointForecast> = FIRST_TRIO
            .iter()
            .map(|m| predict(*m, &y, 1, &[], 4).expect("member"))
            .collect();
        let expected = mean_of(&members.iter().collect::<Vec<_>>());
        assert_eq!(combined, expected);
    }
}

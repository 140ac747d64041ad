//! Theta and the combination on generated series with planted answers: a planted
//! trend, a regime change that moves the backtest's ranking between folds, a strong
//! weekly season, and series too short, constant or zero.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::backtest::{backtest, ranked};
use super::combination::{FIRST_TRIO, MEMBERS, mean_of};
use super::metrics::{Accuracy, accuracy, mase_scale};
use super::models::predict;
use super::tests::normal;
use super::theta;
use super::*;
use crate::jobs::Progress;

fn holdout_mase(kind: ModelKind, y: &[f64], season: usize, held: usize) -> f64 {
    let n = y.len();
    let train = &y[..n - held];
    let f = predict(kind, train, season, &[season], held).expect("forecast");
    accuracy(&y[n - held..], &f.point, mase_scale(train, season)).mase
}

#[test]
fn theta_follows_a_planted_trend_better_than_naive_and_ses_with_theta_above_two() {
    let mut wins = 0;
    for seed in 0..10 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let y: Vec<f64> = (0..120)
            .map(|t| 50.0 + 2.0 * t as f64 + 4.0 * normal(&mut rng))
            .collect();
        let theta_mase = holdout_mase(ModelKind::Theta, &y, 1, 20);
        let naive = holdout_mase(ModelKind::Naive, &y, 1, 20);
        let ses = holdout_mase(ModelKind::EtsSimple, &y, 1, 20);
        wins += usize::from(theta_mase < naive && theta_mase < ses);
        // A trend this strong against the noise needs more than half the slope as
        // drift (θ = 2 is the standard method).
        let fitted = theta::fitted(&y[..100]).expect("fit");
        assert!(fitted.theta > 3.0, "seed {seed}: θ {}", fitted.theta);
    }
    assert_eq!(wins, 10, "Theta beat naive and SES on {wins} of 10 series");
    // Without a trend the optimised θ has nothing to gain: the forecast stays flat.
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let flat: Vec<f64> = (0..120).map(|_| 80.0 + 4.0 * normal(&mut rng)).collect();
    let f = predict(ModelKind::Theta, &flat, 1, &[], 10).expect("flat");
    assert!((f.point[9] - f.point[0]).abs() < 2.0, "{:?}", f.point);
    assert!(f.lo95[0] < f.lo80[0] && f.hi80[0] < f.hi95[0]);
}

/// Mean MASE, then MAE, of `scores`, as the combination ranks.
fn rank_key(scores: &[Accuracy]) -> (f64, f64) {
    let key = |v: f64| if v.is_nan() { f64::INFINITY } else { v };
    let mean = |pick: fn(&Accuracy) -> f64| {
        key(scores.iter().map(pick).sum::<f64>() / scores.len() as f64)
    };
    (mean(|a| a.mase), mean(|a| a.mae))
}

#[test]
fn each_fold_combines_only_models_ranked_on_earlier_folds() {
    // Flat noise, then a steep climb, then a fall: the models that led on the early
    // folds are not the ones that lead over the whole backtest.
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let y: Vec<f64> = (0..200)
        .map(|t| {
            let t = t as f64;
            let trend = if t < 150.0 { 0.0 } else { 4.0 * (t - 150.0) };
            let fall = if t < 180.0 { 0.0 } else { -9.0 * (t - 180.0) };
            300.0 + trend + fall + 5.0 * normal(&mut rng)
        })
        .collect();
    let singles = [
        ModelKind::Naive,
        ModelKind::SeasonalNaive,
        ModelKind::EtsSimple,
        ModelKind::EtsHolt,
        ModelKind::EtsDamped,
        ModelKind::Theta,
    ];
    let mut candidates = singles.to_vec();
    candidates.push(ModelKind::Combination);
    let (table, folds) = backtest(
        &y,
        7,
        &|_| vec![7],
        10,
        5,
        &candidates,
        &Progress::detached(),
    )
    .expect("backtest");
    assert_eq!(folds, 5);
    let combination = table
        .iter()
        .find(|c| c.model == ModelKind::Combination)
        .expect("combination");
    assert!(combination.error.is_none(), "{:?}", combination.error);
    let single = |m: ModelKind| table.iter().find(|c| c.model == m).expect("single");
    let scores = |m: ModelKind, folds: std::ops::Range<usize>| -> Vec<Accuracy> {
        single(m).folds[folds]
            .iter()
            .map(|f| {
                let train = &y[..f.origin];
                accuracy(
                    &y[f.origin..f.origin + 10],
                    &f.forecast.point,
                    mase_scale(train, 7),
                )
            })
            .collect()
    };
    let best_three = |folds: std::ops::Range<usize>| -> Vec<ModelKind> {
        let mut order = singles.to_vec();
        order.sort_by(|a, b| {
            let (ka, kb) = (
                rank_key(&scores(*a, folds.clone())),
                rank_key(&scores(*b, folds.clone())),
            );
            ka.0.total_cmp(&kb.0)
                .then(ka.1.total_cmp(&kb.1))
                .then(a.cmp(b))
        });
        order.truncate(MEMBERS);
        order
    };
    let mut peeking_would_differ = (false, false);
    for (k, fold) in combination.folds.iter().enumerate() {
        let expected = if k == 0 {
            FIRST_TRIO.to_vec()
        } else {
            best_three(0..k)
        };
        assert_eq!(fold.members, expected, "fold {k}");
        peeking_would_differ.0 |= expected != best_three(0..folds);
        peeking_would_differ.1 |= expected != best_three(0..k + 1);
        let parts: Vec<&PointForecast> = expected
            .iter()
            .map(|m| &single(*m).folds[k].forecast)
            .collect();
        assert_eq!(fold.forecast, mean_of(&parts), "fold {k}");
    }
    // The planted change makes a choice that saw later folds (or its own fold) pick
    // other members, so this test fails for a combination that peeks.
    assert_eq!(peeking_would_differ, (true, true));
    // The forecast's members are the three best of the whole backtest.
    let overall: Vec<ModelKind> = ranked(&table)
        .into_iter()
        .filter(|m| *m != ModelKind::Combination)
        .take(MEMBERS)
        .collect();
    assert_eq!(combination.members, overall);
}

/// Days with a strong weekly pattern (weekend double), a gentle trend and noise.
fn strongly_weekly(seed: u64) -> TimeSeries {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let week = [1.0, 0.9, 0.85, 0.95, 1.1, 1.9, 1.7];
    let values = (0..336)
        .map(|t| (200.0 + 0.2 * t as f64) * week[t % 7] + 8.0 * normal(&mut rng))
        .collect();
    TimeSeries {
        name: "weekly".into(),
        freq: Freq::Day,
        start: Freq::Day.index_of(chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date")),
        values,
        dropped_partial: None,
    }
}

#[test]
fn a_strongly_seasonal_series_is_won_by_a_seasonal_model_or_the_combination() {
    for seed in 0..3 {
        let series = strongly_weekly(seed);
        let params = ForecastParams {
            horizon: 14,
            ..ForecastParams::default()
        };
        let result = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
        assert!(
            matches!(
                result.model,
                ModelKind::SeasonalNaive
                    | ModelKind::HoltWintersAdditive
                    | ModelKind::HoltWintersMultiplicative
                    | ModelKind::Mstl
                    | ModelKind::Theta
                    | ModelKind::Combination
            ),
            "seed {seed}: {:?}",
            result.model
        );
        // Whatever won carries the weekend: Saturday's forecast above Wednesday's.
        let n = series.values.len();
        let day = |weekday: usize| (0..7).find(|h| (n + h) % 7 == weekday).expect("day");
        let p = &result.forecast.point;
        assert!(p[day(5)] > 1.5 * p[day(2)], "seed {seed}: {p:?}");
        // The combination averages its members fold by fold, so it never misses by
        // more than its worst member does on average.
        let comb = result
            .candidates
            .iter()
            .find(|c| c.model == ModelKind::Combination)
            .expect("combination");
        let worst = comb
            .folds
            .iter()
            .flat_map(|f| f.members.iter())
            .filter_map(|m| result.candidates.iter().find(|c| c.model == *m))
            .map(|c| c.mae)
            .fold(0.0, f64::max);
        assert!(comb.mae <= worst + 1e-9, "{} vs {worst}", comb.mae);
        // Theta found the season: its forecast has the weekend too.
        let theta = predict(ModelKind::Theta, &series.values, 7, &[7], 14).expect("theta");
        assert!(
            theta.point[day(5)] > 1.5 * theta.point[day(2)],
            "{:?}",
            theta.point
        );
    }
}

#[test]
fn short_constant_and_zero_series_never_panic() {
    let spiky: Vec<f64> = (0..40)
        .map(|t| if t % 9 == 0 { 50.0 } else { 0.0 })
        .collect();
    let inputs: Vec<Vec<f64>> = vec![
        vec![],
        vec![5.0],
        vec![1.0, 2.0, 3.0],
        vec![1.0, 2.0, 3.0, 4.0, 5.0],
        vec![0.0; 8],
        vec![0.0; 60],
        vec![7.0; 60],
        spiky,
    ];
    for y in &inputs {
        for kind in ModelKind::ALL {
            if let Ok(f) = predict(kind, y, 7, &[7], 5) {
                assert!(
                    f.point
                        .iter()
                        .chain(&f.lo95)
                        .chain(&f.hi95)
                        .all(|v| v.is_finite()),
                    "{kind:?} on {y:?}: {f:?}"
                );
            }
        }
        let series = TimeSeries {
            name: "odd".into(),
            freq: Freq::Day,
            start: 0,
            values: y.clone(),
            dropped_partial: None,
        };
        let params = ForecastParams {
            horizon: 5,
            ..ForecastParams::default()
        };
        if let Ok(f) = forecast_series(&series, &params, &Progress::detached()) {
            assert!(f.forecast.point.iter().all(|v| v.is_finite()), "{y:?}");
        }
    }
    // A constant series is forecast as that constant by Theta.
    let f = predict(ModelKind::Theta, &[7.0; 60], 7, &[7], 3).expect("constant");
    assert!(
        f.point.iter().all(|v| (v - 7.0).abs() < 1e-6),
        "{:?}",
        f.point
    );
}

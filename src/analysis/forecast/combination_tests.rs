//! Theta and the combination on generated series with planted answers: a planted
//! trend, a regime change that moves the backtest's ranking between folds, a strong
//! weekly season, the contest that decides between the combination and one model
//! (replayed by hand, and better out of sample on shop-like series), and series
//! too short, constant or zero.

use rand::{Rng, SeedableRng};
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
        fold_mase(&table, m, &y, 10)[folds].to_vec()
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

/// Each fold's MASE of `model`'s forecasts in `table` (scaled on the fold's own
/// training history, as the backtest scores).
fn fold_mase(table: &[Candidate], model: ModelKind, y: &[f64], horizon: usize) -> Vec<Accuracy> {
    let candidate = table.iter().find(|c| c.model == model).expect("candidate");
    candidate
        .folds
        .iter()
        .map(|f| {
            accuracy(
                &y[f.origin..f.origin + horizon],
                &f.forecast.point,
                mase_scale(&y[..f.origin], 7),
            )
        })
        .collect()
}

#[test]
fn the_contest_replays_picking_one_model_fold_by_fold_and_decides_the_ranking() {
    // A regime change (flat, a climb, a fall) makes the early folds' leader lose
    // later, so picking a model on earlier folds is a real bet.
    for seed in 0..4 {
        let mut rng = ChaCha8Rng::seed_from_u64(20 + seed);
        let y: Vec<f64> = (0..240)
            .map(|t| {
                let t = t as f64;
                let climb = if t < 170.0 { 0.0 } else { 3.0 * (t - 170.0) };
                let week = if (t as usize) % 7 >= 5 { 40.0 } else { 0.0 };
                300.0 + climb + week + 6.0 * normal(&mut rng)
            })
            .collect();
        let (table, folds) = backtest(
            &y,
            7,
            &|_| vec![7],
            14,
            5,
            &ModelKind::ALL,
            &Progress::detached(),
        )
        .expect("backtest");
        assert_eq!(folds, 5);
        let contest = table
            .iter()
            .find_map(|c| c.contest)
            .expect("a contest over 5 folds");
        assert_eq!(contest.folds, 4);
        let singles: Vec<ModelKind> = table
            .iter()
            .filter(|c| c.model != ModelKind::Combination && c.error.is_none())
            .map(|c| c.model)
            .collect();
        let scores: Vec<(ModelKind, Vec<Accuracy>)> = singles
            .iter()
            .map(|m| (*m, fold_mase(&table, *m, &y, 14)))
            .collect();
        // By hand: at fold k, the single model with the best mean MASE (then MAE)
        // on folds 0..k, scored on fold k.
        let picked: Vec<f64> = (1..folds)
            .map(|k| {
                let best = scores
                    .iter()
                    .min_by(|a, b| {
                        let (ka, kb) = (rank_key(&a.1[..k]), rank_key(&b.1[..k]));
                        ka.0.total_cmp(&kb.0)
                            .then(ka.1.total_cmp(&kb.1))
                            .then(a.0.cmp(&b.0))
                    })
                    .expect("a single model");
                best.1[k].mase
            })
            .collect();
        let selection = picked.iter().sum::<f64>() / picked.len() as f64;
        assert!((contest.selection - selection).abs() < 1e-9, "seed {seed}");
        let combined = fold_mase(&table, ModelKind::Combination, &y, 14);
        let combination = combined[1..].iter().map(|a| a.mase).sum::<f64>() / 4.0;
        assert!(
            (contest.combination - combination).abs() < 1e-9,
            "seed {seed}"
        );
        // The contest, not the table's lowest mean, places the combination.
        let order = ranked(&table);
        match combination <= selection {
            true => assert_eq!(order[0], ModelKind::Combination, "seed {seed}"),
            false => assert_eq!(order.last(), Some(&ModelKind::Combination), "seed {seed}"),
        }
    }
}

/// Daily sales as shops have them: a level, a trend up or down, a weekend lift,
/// a yearly wave and noise, each series with its own (the forecast bench's
/// generator, shorter).
fn shop_like(seed: u64) -> TimeSeries {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let days = 400;
    let level = rng.random_range(20.0..2_000.0);
    let growth = rng.random_range(-0.3..0.6) / days as f64;
    let weekend = rng.random_range(1.0..1.5);
    let noise = rng.random_range(0.05..0.3);
    let values = (0..days)
        .map(|t| {
            let season = if t % 7 >= 5 { weekend } else { 1.0 };
            let yearly = 1.0 + 0.2 * (t as f64 * std::f64::consts::TAU / 365.0).sin();
            let shock = 1.0 + noise * (rng.random::<f64>() - 0.5) * 2.0;
            level * (1.0 + growth * t as f64) * season * yearly * shock
        })
        .collect();
    TimeSeries {
        name: format!("shop {seed}"),
        freq: Freq::Day,
        start: 0,
        values,
        dropped_partial: None,
    }
}

#[test]
fn deciding_by_the_contest_beats_picking_the_lowest_backtest_score_out_of_sample() {
    let params = ForecastParams {
        horizon: 28,
        holdout: 28,
        ..ForecastParams::default()
    };
    let (mut contest_total, mut lowest_total, mut combined) = (0.0, 0.0, 0);
    let count = 200;
    for seed in 0..count {
        let series = shop_like(seed);
        let f = forecast_series(&series, &params, &Progress::detached()).expect("forecast");
        contest_total += f.holdout.expect("holdout").mase;
        combined += usize::from(f.model == ModelKind::Combination);
        // What the automatic choice did before the contest: the lowest mean MASE
        // of the table, the combination ranked like a single model.
        let lowest = f
            .candidates
            .iter()
            .filter(|c| c.error.is_none() && c.mase.is_finite())
            .min_by(|a, b| a.mase.total_cmp(&b.mase))
            .expect("a scored model");
        let y = &series.values;
        let n = y.len();
        let train = &y[..n - 28];
        let point = match lowest.model {
            ModelKind::Combination => {
                let members: Vec<PointForecast> = lowest
                    .members
                    .iter()
                    .map(|m| predict(*m, train, 7, &[7], 28).expect("member"))
                    .collect();
                mean_of(&members.iter().collect::<Vec<_>>()).point
            }
            model => predict(model, train, 7, &[7], 28).expect("lowest").point,
        };
        lowest_total += accuracy(&y[n - 28..], &point, mase_scale(train, 7)).mase;
    }
    // Five samples of 200 (seeds 0, 1000, …, 4000) gave 0.925/0.937, 0.951/0.963,
    // 0.915/0.939, 0.912/0.925 and 0.972/0.989: the gain is small per series and
    // steady over many, so the test needs many. Most of it is from combining more
    // often: on seeds 0..200 always combining scored 0.917 and the contest's
    // decision reversed 0.929 (the replay test above pins the direction).
    let (contest, lowest) = (contest_total / count as f64, lowest_total / count as f64);
    eprintln!(
        "holdout MASE: contest {contest:.3}, lowest score {lowest:.3}, combination chosen {combined} of {count}"
    );
    assert!(combined > 0 && combined < count as usize, "{combined}");
    assert!(
        contest < lowest - 0.005,
        "contest {contest:.3}, lowest {lowest:.3}"
    );
}

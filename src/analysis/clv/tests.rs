use polars::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::models::*;
use super::nelder_mead::{MAX_ITERATIONS, nelder_mead};
use super::*;

/// Gamma(shape, rate) by Marsaglia and Tsang.
fn gamma(rng: &mut ChaCha8Rng, shape: f64, rate: f64) -> f64 {
    if shape < 1.0 {
        let u: f64 = rng.random();
        return gamma(rng, shape + 1.0, rate) * u.powf(1.0 / shape);
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let (u1, u2): (f64, f64) = (rng.random(), rng.random());
        let z = (-2.0 * (1.0 - u1).ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
        let v = (1.0 + c * z).powi(3);
        if v <= 0.0 {
            continue;
        }
        let u: f64 = rng.random();
        if u.ln() < 0.5 * z * z + d - d * v + d * v.ln() {
            return d * v / rate;
        }
    }
}

#[test]
fn mbgnbd_log_likelihood_matches_hand_derived_values() {
    // L = B(a, b+x+1)/B(a, b) · Γ(r+x) α^r / Γ(r) · ((α+T)^−(r+x) + a/(b+x) · (α+t_x)^−(r+x)).
    // r = alpha = a = b = 1, x = 0, T = 1: B(1,2)/B(1,1) = 1/2; 2^−1 + 1 = 3/2: 3/4.
    let ll = mbgnbd_customer_ll(1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0);
    assert!((ll - 0.75f64.ln()).abs() < 1e-12, "{ll}");
    // x = 1, t_x = 1, T = 2: B(1,3)/B(1,1) = 1/3; 3^−2 + 1/2 · 2^−2 = 17/72: 17/216.
    let ll = mbgnbd_customer_ll(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0);
    assert!((ll - (17.0f64 / 216.0).ln()).abs() < 1e-12, "{ll}");
    // r = 2, α = 3, a = 2, b = 3, x = 2, t_x = 4, T = 6: B(2,6)/B(2,3) = (1/42)/(1/12)
    // = 2/7; Γ(4)·3²/Γ(2) = 54; 9^−4 + 2/5 · 7^−4.
    let expected: f64 = 2.0 / 7.0 * 54.0 * (1.0 / 6561.0 + 0.4 / 2401.0);
    let ll = mbgnbd_customer_ll(2.0, 3.0, 2.0, 3.0, 2.0, 4.0, 6.0);
    assert!(
        (ll - expected.ln()).abs() < 1e-12,
        "{ll} vs {}",
        expected.ln()
    );
    // Grouped histories add up with their counts.
    let grouped = histories(&[(0, 0, 1), (1, 1, 2), (0, 0, 1)]);
    assert_eq!(grouped, [((0, 0, 1), 2.0), ((1, 1, 2), 1.0)]);
    let total = mbgnbd_log_likelihood([1.0, 1.0, 1.0, 1.0], &grouped);
    assert!((total - (2.0 * 0.75f64.ln() + (17.0f64 / 216.0).ln())).abs() < 1e-12);
}

#[test]
fn hypergeometric_series_matches_closed_forms() {
    // 2F1(1, 1; 2; z) = −ln(1 − z) / z.
    let z = 0.7;
    let f = hyp2f1(1.0, 1.0, 2.0, z).expect("converges");
    assert!((f + (1.0f64 - z).ln() / z).abs() < 1e-10);
    // 2F1(a, b; b; z) = (1 − z)^(−a).
    let f = hyp2f1(2.5, 3.0, 3.0, 0.4).expect("converges");
    assert!((f - 0.6f64.powf(-2.5)).abs() < 1e-10);
    assert_eq!(hyp2f1(1.0, 1.0, -0.5, 0.5), None);
}

/// Customers drawn from MBG/NBD: first purchase at day 0, observed for 300–500 days;
/// drop-out can follow every purchase, the first one too; purchases on a day
/// already counted merge into it.
fn mbgnbd_customers(
    n: usize,
    r: f64,
    alpha: f64,
    a: f64,
    b: f64,
    seed: u64,
) -> Vec<(u32, u32, u32)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|_| {
            let lambda = gamma(&mut rng, r, alpha);
            let ga = gamma(&mut rng, a, 1.0);
            let p = ga / (ga + gamma(&mut rng, b, 1.0));
            let t_end = rng.random_range(300..=500);
            let (mut now, mut last_day, mut days) = (0.0, 0u32, 0u32);
            loop {
                if rng.random::<f64>() < p {
                    break;
                }
                now += -(1.0 - rng.random::<f64>()).ln() / lambda;
                if now >= f64::from(t_end) {
                    break;
                }
                let day = now as u32;
                if day != last_day {
                    days += 1;
                    last_day = day;
                }
            }
            (days, last_day, t_end)
        })
        .collect()
}

#[test]
fn mbgnbd_recovers_known_parameters_and_predicts_sensibly() {
    let data = mbgnbd_customers(4_000, 0.8, 30.0, 1.5, 4.0, 11);
    let fit = fit_mbgnbd(&histories(&data), &Progress::detached()).expect("fit");
    let close = |got: f64, want: f64| (got - want).abs() / want < 0.25;
    assert!(close(fit.r, 0.8) && close(fit.alpha, 30.0), "{fit:?}");
    assert!(close(fit.a, 1.5) && close(fit.b, 4.0), "{fit:?}");
    // The fitted likelihood is at least that of the true parameters.
    assert!(fit.log_likelihood >= mbgnbd_log_likelihood([0.8, 30.0, 1.5, 4.0], &histories(&data)));
    // A frequent buyer seen recently is likelier alive and buys more than one
    // who stopped long ago; nobody is predicted to buy a negative amount.
    assert!(fit.p_alive(10.0, 390.0, 400.0) > fit.p_alive(10.0, 100.0, 400.0));
    let busy = fit
        .expected_purchases(10.0, 390.0, 400.0, 365.0)
        .expect("defined");
    let gone = fit
        .expected_purchases(10.0, 100.0, 400.0, 365.0)
        .expect("defined");
    assert!(busy > 3.0 * gone && gone >= 0.0, "{busy} {gone}");
    // A one-time buyer away for 400 days is not certainly alive (BG/NBD said 1),
    // and less likely than one seen 10 days ago.
    assert!(
        fit.p_alive(0.0, 0.0, 400.0) < 0.5,
        "{}",
        fit.p_alive(0.0, 0.0, 400.0)
    );
    assert!(fit.p_alive(0.0, 0.0, 10.0) > fit.p_alive(0.0, 0.0, 400.0));
}

#[test]
fn mbgnbd_newton_fit_reaches_the_nelder_mead_optimum_and_the_planted_parameters() {
    // Two planted populations: the one above, and few loyal, fast buyers with
    // drop-out parameters below 1, as the propensity benchmark's shop fits.
    let progress = Progress::detached();
    for (planted, seed) in [([0.8, 30.0, 1.5, 4.0], 11), ([2.5, 130.0, 0.4, 0.6], 12)] {
        let [r, alpha, a, b] = planted;
        let data = mbgnbd_customers(6_000, r, alpha, a, b, seed);
        let grouped = histories(&data);
        let fit = fit_mbgnbd(&grouped, &progress).expect("fit");
        let n = data.len() as f64;
        let mean_t = data.iter().map(|c| f64::from(c.2)).sum::<f64>() / n;
        let objective = |p: &[f64]| {
            -mbgnbd_log_likelihood([p[0].exp(), p[1].exp(), p[2].exp(), p[3].exp()], &grouped) / n
        };
        let reference = nelder_mead(
            objective,
            &[0.0, mean_t.ln(), 0.0, 0.0],
            MAX_ITERATIONS,
            &progress,
        )
        .expect("Nelder-Mead");
        let ll_reference = -reference.value * n;
        assert!(
            fit.log_likelihood >= ll_reference - 1e-6 * ll_reference.abs(),
            "{fit:?} vs Nelder-Mead {ll_reference}"
        );
        // The reported likelihood is the model's at the fitted parameters.
        let at_fit = mbgnbd_log_likelihood([fit.r, fit.alpha, fit.a, fit.b], &grouped);
        assert!((fit.log_likelihood - at_fit).abs() < 1e-9 * at_fit.abs());
        let close = |got: f64, want: f64| (got - want).abs() / want < 0.3;
        assert!(
            close(fit.r, r) && close(fit.alpha, alpha),
            "{fit:?} vs {planted:?}"
        );
        assert!(close(fit.a, a) && close(fit.b, b), "{fit:?} vs {planted:?}");
    }
}

#[test]
fn gamma_gamma_newton_fit_reaches_the_nelder_mead_optimum() {
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    let customers: Vec<(f64, f64)> = (0..5_000)
        .map(|_| {
            let nu = gamma(&mut rng, 3.0, 40.0);
            let x = rng.random_range(2..=12);
            let total: f64 = (0..x).map(|_| gamma(&mut rng, 2.0, nu)).sum();
            (f64::from(x), total / f64::from(x))
        })
        .collect();
    let progress = Progress::detached();
    let fit = fit_gamma_gamma(&customers, &progress).expect("fit");
    let n = customers.len() as f64;
    let mean_m = customers.iter().map(|c| c.1).sum::<f64>() / n;
    let objective = |v: &[f64]| {
        -customers
            .iter()
            .map(|&(x, m)| gamma_gamma_customer_ll(v[0].exp(), v[1].exp(), v[2].exp(), x, m))
            .sum::<f64>()
            / n
    };
    let reference = nelder_mead(
        objective,
        &[0.0, 2f64.ln(), mean_m.ln()],
        MAX_ITERATIONS,
        &progress,
    )
    .expect("Nelder-Mead");
    let ll_reference = -reference.value * n;
    assert!(
        fit.log_likelihood >= ll_reference - 1e-6 * ll_reference.abs(),
        "{fit:?} vs Nelder-Mead {ll_reference}"
    );
    // Planted mean spend p·γ/(q − 1) = 2 · 40 / 2 = 40.
    let mean = fit.p * fit.gamma / (fit.q - 1.0);
    assert!((mean - 40.0).abs() < 4.0, "{fit:?} mean {mean}");
}

#[test]
fn gamma_gamma_recovers_the_mean_spend_of_generated_customers() {
    // Spend per purchase ~ Gamma(p = 6, rate ν), ν ~ Gamma(q = 4, rate γ = 15):
    // mean spend p·γ/(q − 1) = 30.
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let customers: Vec<(f64, f64)> = (0..10_000)
        .map(|_| {
            let nu = gamma(&mut rng, 4.0, 15.0);
            let x = rng.random_range(2..=10);
            let total: f64 = (0..x).map(|_| gamma(&mut rng, 6.0, nu)).sum();
            (f64::from(x), total / f64::from(x))
        })
        .collect();
    let fit = fit_gamma_gamma(&customers, &Progress::detached()).expect("fit");
    let mean = fit.p * fit.gamma / (fit.q - 1.0);
    // p trades off against q and γ on a flat ridge: check what is identified well
    // (the mean, q) closely, p loosely, and that the fit is at least as likely as
    // the truth.
    let truth: f64 = customers
        .iter()
        .map(|&(x, m)| gamma_gamma_customer_ll(6.0, 4.0, 15.0, x, m))
        .sum();
    assert!(fit.log_likelihood >= truth);
    assert!((mean - 30.0).abs() < 3.0, "{fit:?} mean {mean}");
    assert!(
        (fit.p - 6.0).abs() < 1.5 && (fit.q - 4.0).abs() < 1.0,
        "{fit:?}"
    );
    // A customer's expected spend lies between their own mean and the population's.
    let own = fit.expected_spend(5.0, 60.0).expect("defined");
    assert!(own > mean && own < 60.0, "{own}");
}

#[test]
fn too_little_data_falls_back_to_a_labelled_historical_estimate() {
    // Two customers: c1 buys on days 0, 10 and 20 of 2024, c2 once on day 5.
    let ts: Vec<i64> = [0, 10, 20, 5]
        .iter()
        .map(|d| (19_723 + d) * 86_400_000)
        .collect();
    let mut lines = polars::df! {
        "customer_id" => ["c1", "c1", "c1", "c2"],
        "order_id" => ["o1", "o2", "o3", "o4"],
        "amount" => [10.0, 20.0, 30.0, 40.0],
    }
    .expect("frame");
    lines
        .with_column(
            Column::new("ts".into(), ts)
                .cast(&DataType::Datetime(TimeUnit::Milliseconds, None))
                .expect("ts"),
        )
        .expect("ts");
    let params = ClvParams {
        holdout: false,
        ..ClvParams::default()
    };
    let result = clv(&lines, &params, &Progress::detached()).expect("clv");
    let PurchaseMethod::Historical { reason } = &result.purchases else {
        panic!(
            "expected the historical fallback, got {:?}",
            result.purchases
        );
    };
    assert!(reason.text().contains("MBG/NBD needs at least"), "{reason}");
    assert!(matches!(result.spend, SpendMethod::Historical { .. }));
    // c1: 2 repeat days over 21 days of age × 365 = 34.76 purchases at 20 each.
    let predicted = result.customers.column("predicted_purchases").expect("p");
    let predicted = predicted.f64().expect("f64");
    assert!((predicted.get(0).expect("c1") - 2.0 / 21.0 * 365.0).abs() < 1e-9);
    assert_eq!(predicted.get(1), Some(0.0));
    let value = result
        .customers
        .column("clv")
        .expect("clv")
        .f64()
        .expect("f64")
        .get(0);
    assert!((value.expect("c1") - 2.0 / 21.0 * 365.0 * 20.0).abs() < 1e-6);
    assert_eq!(
        result.customers.column("p_alive").expect("p").null_count(),
        2
    );
}

#[test]
fn the_next_order_is_when_buying_again_becomes_even_odds() {
    let fit = MbgNbd {
        r: 1.0,
        alpha: 10.0,
        a: 1.0,
        b: 3.0,
        log_likelihood: 0.0,
    };
    // A one-time buyer seen 20 days ago: drop-out odds 1/3 · (30/10)^1 = 1, alive
    // with chance 1/2: buying again never reaches one half.
    let alive = fit.p_alive(0.0, 0.0, 20.0);
    assert!((alive - 0.5).abs() < 1e-12, "{alive}");
    assert_eq!(fit.days_to_even_chance(0.0, 0.0, 20.0), None);
    // x = 1, t_x = T = 20: odds 1/4, alive with chance 4/5; the rate of an active
    // customer is Gamma(2, 30): 4/5 · (1 − (30 / (30 + w))²) = 1/2 when
    // (30 / (30 + w))² = 3/8, so w = 30(√(8/3) − 1).
    let alive = fit.p_alive(1.0, 20.0, 20.0);
    assert!((alive - 0.8).abs() < 1e-12, "{alive}");
    let days = fit.days_to_even_chance(1.0, 20.0, 20.0).expect("even odds");
    assert!(
        (days - 30.0 * ((8.0f64 / 3.0).sqrt() - 1.0)).abs() < 1e-9,
        "{days}"
    );
    // Long gone (five repeat days, the last on day 10 of 400): never even odds.
    assert_eq!(fit.days_to_even_chance(5.0, 10.0, 400.0), None);
}

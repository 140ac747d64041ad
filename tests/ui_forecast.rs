//! The Forecast tab, driven through egui_kittest on the bundled sample store's
//! orders: the first run forecasts weekly revenue by itself and shows the chart
//! (legend entries), the candidate table with the naive baseline, and the backtest
//! folds when "Show backtest" is ticked; changing the
//! horizon and the model runs again with them; a promotion scenario draws its line
//! and shows its revenue difference, which follows the uplift slider at once (no
//! job); per-category series show a sortable breakdown whose rows pick the charted
//! series; a run can be cancelled (the job is held at its first progress report by
//! the test's wake, so no timing is assumed). The result card and the scenarios
//! say in one sentence what they mean (the card warns that the sample's last
//! weeks spike and the forecast carries them on), metric names explain themselves on hover,
//! and a file with too little history, or revenue asked of orders without money,
//! gets one sentence and a button to the Data tab.

mod common;

use std::path::Path;
use std::sync::atomic::Ordering;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::forecast::scenario::{apply, difference};
use marketbench::analysis::forecast::{Measure, ModelChoice, ModelKind, SeriesBy};
use marketbench::jobs::{Wake, no_wake};
use marketbench::ui::format;
use marketbench::ui::{MarketbenchApp, Tab, UiState};
use marketbench::workspace::forecast::{ForecastCommand, ForecastResults};

fn harness(state: UiState, wake: Wake) -> Harness<'static, MarketbenchApp> {
    app_harness(state, wake, 1400.0)
}

fn results(app: &MarketbenchApp) -> Option<&ForecastResults> {
    let forecast = &app.workspace().forecast;
    (!forecast.is_busy()).then(|| forecast.results().latest().map(|c| &c.value))?
}

/// A legend entry of the chart, i.e. a line or band that is drawn.
fn drawn(harness: &Harness<'_, MarketbenchApp>, line: &str) -> bool {
    harness
        .query_all_by_role_and_label(Role::CheckBox, line)
        .count()
        > 0
}

/// Opens the Forecast tab and waits for the first run.
fn forecast_tab(wake: Wake) -> Harness<'static, MarketbenchApp> {
    let mut harness = harness(returning_user(), wake);
    step_until(&mut harness, "the orders", loaded);
    harness
        .get_by_role_and_label(Role::Button, &Tab::Forecast.label())
        .click();
    step_until(&mut harness, "the first forecast", |app| {
        results(app).is_some()
    });
    harness.run();
    harness
}

/// The revenue difference of the first scenario on the shop's forecast.
fn first_difference(app: &MarketbenchApp) -> f64 {
    let forecast = &app.workspace().forecast;
    let r = forecast
        .results()
        .latest()
        .map(|c| &c.value)
        .expect("results");
    let f = r.series[0].forecast.as_ref().expect("a forecast");
    let line = apply(
        &f.periods,
        &f.forecast.point,
        &forecast.scenarios()[0].scenario,
        r.scenario_basis(),
    );
    difference(&f.forecast.point, &line)
}

#[test]
fn horizon_model_and_a_promotion_scenario() {
    let mut harness = forecast_tab(no_wake());
    let first = results(harness.state()).expect("results").clone();
    assert_eq!(first.params.by, SeriesBy::Shop);
    assert_eq!(first.params.choice, ModelChoice::Auto);
    assert_eq!(first.series.len(), 1);
    let f = first.series[0].forecast.as_ref().expect("a forecast");
    assert_eq!(f.periods.len(), first.params.horizon);
    for line in ["History", "Forecast", "80 % interval", "95 % interval"] {
        assert!(drawn(&harness, line), "{line}");
    }
    // Under the model table, why the combination or one model forecasts, with the
    // contest's figures to three decimals.
    let contest = f
        .candidates
        .iter()
        .find_map(|c| c.contest)
        .expect("a contest");
    let why = match f.model {
        ModelKind::Combination => "Why the combination: over backtest folds 2 to",
        _ => "Why one model: over backtest folds 2 to",
    };
    let why_lines: Vec<String> = harness
        .query_all_by_label_contains(why)
        .filter_map(|n| n.value())
        .collect();
    assert_eq!(why_lines.len(), 1, "{why}");
    for figure in [contest.combination, contest.selection] {
        let rounded = format!("{figure:.3}");
        assert!(why_lines[0].contains(&rounded), "{}", why_lines[0]);
    }
    // The result card says where revenue goes over the 12 weeks, against last year.
    let card = harness.query_all_by_label_contains("The forecast expects revenue to");
    let card: Vec<String> = card.filter_map(|n| n.value()).collect();
    assert_eq!(card.len(), 1, "{card:?}");
    assert!(
        card[0].contains("over the next 12 weeks compared with the same weeks last year"),
        "{}",
        card[0]
    );
    // The sample's last weeks spike (a June sale) and the forecast carries that
    // level on: the card says so.
    assert!(
        card[0].contains("× the usual level of the 12 weeks before them"),
        "{}",
        card[0]
    );
    // A metric's name explains itself on hover.
    harness.get_by_label("MASE").hover();
    harness.run();
    assert!(shown(
        &harness,
        "Forecast error compared with simply repeating last season; below 1 beats that."
    ));
    // The backtest folds are drawn on request, from the run's own folds.
    assert!(!drawn(&harness, "Backtest"));
    assert!(!f.backtest_folds().is_empty());
    harness
        .get_by_role_and_label(Role::CheckBox, "Show backtest")
        .click();
    harness.run();
    assert!(drawn(&harness, "Backtest"), "the backtest folds");
    assert!(
        !harness.state().workspace().forecast.is_busy(),
        "no new run"
    );
    // Every candidate is listed, the winner marked, naive labelled as the baseline.
    assert_eq!(f.candidates.len(), ModelKind::ALL.len());
    for c in &f.candidates {
        assert!(shown(&harness, c.model.name()), "{}", c.model.name());
    }
    assert!(shown(&harness, "chosen"));
    if f.model != ModelKind::Naive {
        assert!(shown(&harness, "baseline"));
    }

    harness
        .get_by_role_and_label(Role::Slider, "Horizon (periods):")
        .set_value_accesskit(8.0);
    step_until(&mut harness, "the 8-period forecast", |app| {
        results(app).is_some_and(|r| r.params.horizon == 8)
    });
    let second = results(harness.state()).expect("results");
    let f = second.series[0].forecast.as_ref().expect("a forecast");
    assert_eq!(f.periods.len(), 8);
    assert_eq!(f.forecast.hi95.len(), 8);

    harness.get_by_label("Model").click();
    harness.run();
    harness.get_by_label("Holt, damped trend").click();
    step_until(&mut harness, "the damped-trend forecast", |app| {
        results(app).is_some_and(|r| r.params.choice == ModelChoice::Fixed(ModelKind::EtsDamped))
    });
    harness.run();
    let third = results(harness.state()).expect("results").clone();
    assert_eq!(third.params.horizon, 8, "the horizon is kept");
    let s = &third.series[0];
    let f = s.forecast.as_ref().expect("a forecast");
    assert_eq!(f.model, ModelKind::EtsDamped);
    assert_eq!(f.candidates.len(), 1);
    // Naive is not a candidate any more, but still shown as the baseline.
    let baseline = s.baseline.as_ref().expect("the naive baseline");
    assert_eq!(baseline.model, ModelKind::Naive);
    assert!(shown(&harness, "naive"));
    assert!(shown(&harness, "baseline"));

    assert!(!drawn(&harness, "Promotion 1"));
    harness
        .get_by_role_and_label(Role::Button, "Add promotion")
        .click();
    harness.run();
    assert_eq!(harness.state().workspace().forecast.scenarios().len(), 1);
    assert!(drawn(&harness, "Promotion 1"), "the scenario line");
    let difference = first_difference(harness.state());
    assert!(difference > 0.0, "a 20 % uplift adds revenue: {difference}");
    assert!(shown(&harness, "Difference over the horizon"));
    assert!(
        shown(&harness, &format!("+{}", format::money(difference))),
        "{difference}"
    );
    let said = format!(
        "Promotion 1 adds {} revenue over the next 8 weeks",
        format::money(difference)
    );
    assert_eq!(
        harness.query_all_by_label_contains(&said).count(),
        1,
        "{said}"
    );

    // The uplift slider redraws at once: no job runs.
    harness
        .get_by_role_and_label(Role::Slider, "Uplift %:")
        .set_value_accesskit(50.0);
    harness.run();
    assert!(!harness.state().workspace().forecast.is_busy());
    let bigger = first_difference(harness.state());
    assert!(
        (bigger - difference * 2.5).abs() < 1e-6 * bigger.abs(),
        "{bigger} vs {difference}"
    );
    assert!(shown(&harness, &format!("+{}", format::money(bigger))));
}

#[test]
fn per_category_breakdown_picks_the_charted_series() {
    let mut harness = forecast_tab(no_wake());
    harness.get_by_label("Series").click();
    harness.run();
    harness.get_by_label("Each category").click();
    step_until(&mut harness, "the per-category forecast", |app| {
        results(app).is_some_and(|r| r.params.by == SeriesBy::Category)
    });
    harness.run();
    let r = results(harness.state()).expect("results").clone();
    assert!(r.series.len() > 1, "{} series", r.series.len());
    assert!(shown(&harness, "Growth %"));
    for s in &r.series {
        assert!(shown(&harness, &s.series.name), "{}", s.series.name);
    }
    // The first series is charted; clicking another row charts it.
    let other = &r.series[1].series.name;
    let title = |name: &str| format!("Revenue: {name}");
    assert!(shown(&harness, &title(&r.series[0].series.name)));
    harness.get_by_label(other).click();
    harness.run();
    assert!(shown(&harness, &title(other)));
}

#[test]
fn a_run_can_be_cancelled() {
    // The test's wake holds a forecast job at its first progress report until
    // released, so the job is certainly running when Cancel is clicked.
    let (wake, held) = held_wake("forecast");
    let mut harness = harness(returning_user(), wake);
    step_until(&mut harness, "the orders", loaded);
    harness
        .get_by_role_and_label(Role::Button, &Tab::Forecast.label())
        .click();
    step_until(&mut harness, "the run to start", |app| {
        app.workspace().forecast.results().pending().is_some()
    });
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.step();
    held.store(false, Ordering::SeqCst);
    step_until(&mut harness, "the cancel", |app| {
        !app.workspace().forecast.is_busy()
    });
    let slot = harness.state().workspace().forecast.results();
    assert!(slot.latest().is_none() && slot.error().is_none());
    assert!(shown(&harness, "Cancelled. Press Run again to forecast."));
    // Not restarted by itself; Run again runs it.
    harness.run();
    assert!(!harness.state().workspace().forecast.is_busy());
    harness
        .get_by_role_and_label(Role::Button, "Run again")
        .click();
    step_until(&mut harness, "the second run", |app| results(app).is_some());
    assert!(drawn(&harness, "Forecast"));
}

/// The window on `path`, written with `days` of order lines (one a day, priced
/// when `priced`), read with the detected mapping.
fn orders_app(path: &Path, days: u64, priced: bool) -> Harness<'static, MarketbenchApp> {
    let mut text = String::from("order_id,customer_id,order_time,sku,qty");
    text.push_str(if priced { ",unit_price\n" } else { "\n" });
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).expect("date");
    for n in 0..days {
        let day = start + chrono::Days::new(n);
        text.push_str(&format!("O{n},C{},{day},SKU{},{}", n % 9, n % 5, 1 + n % 3));
        text.push_str(&if priced {
            format!(",{}.50\n", 10 + n % 7)
        } else {
            "\n".into()
        });
    }
    std::fs::write(path, text).expect("write");
    remembered_app(path, |_| {})
}

#[test]
fn too_little_history_says_what_it_needs_with_a_button_to_the_data_tab() {
    let dir = tempfile::tempdir().expect("dir");
    // Five whole weeks: a 12-week forecast needs 20.
    let mut harness = orders_app(&dir.path().join("orders.csv"), 35, true);
    click_tab(&mut harness, Tab::Forecast);
    step_until(&mut harness, "the forecast run", |app| {
        results(app).is_some()
    });
    harness.run();
    let r = results(harness.state()).expect("results");
    assert!(r.series[0].forecast.is_err());
    assert!(shown(
        &harness,
        "A forecast over the next 12 weeks needs at least 20 weeks of history, and the data has 5 weeks: \
         load a file with more history on the Data tab, or pick a shorter horizon or a finer period above."
    ));
    assert_eq!(harness.query_all_by_label_contains("too short").count(), 0);
    click_to_tab(&mut harness, "Open the Data tab", Tab::Data);
}

#[test]
fn revenue_asked_of_orders_without_money_says_so_with_a_button_to_the_data_tab() {
    let dir = tempfile::tempdir().expect("dir");
    let mut harness = orders_app(&dir.path().join("orders.csv"), 180, false);
    click_tab(&mut harness, Tab::Forecast);
    step_until(&mut harness, "the orders forecast", |app| {
        results(app).is_some()
    });
    // A kept setting (or a project) asks revenue of these orders.
    let mut params = results(harness.state()).expect("results").params.clone();
    assert_eq!(params.measure, Measure::Orders);
    params.measure = Measure::Revenue;
    harness.state_mut().push(ForecastCommand::Run(params));
    step_until(&mut harness, "the refused run", |app| {
        let forecast = &app.workspace().forecast;
        !forecast.is_busy() && forecast.results().error().is_some()
    });
    harness.run();
    assert!(shown(
        &harness,
        "A revenue forecast needs a price or amount column, and these orders have neither: \
         map one on the Data tab, or pick Orders as the measure above."
    ));
    assert_eq!(harness.query_all_by_label_contains("stopped").count(), 0);
    click_to_tab(&mut harness, "Open the Data tab", Tab::Data);
}

//! The window on an orders export without prices (issue 19), driven through
//! egui_kittest: the Data tab says there is no revenue and charts orders per day,
//! the Behaviour tab scores recency and frequency and says why there is no spend,
//! the Forecast tab forecasts orders by itself, and the Segments tab runs on
//! recency and orders; ticking another feature runs again instead of asking for
//! the revenue the file does not have; a campaign's score range is on order
//! counts.

mod common;

use std::path::Path;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::forecast::Measure;
use marketbench::analysis::forecast::scenario::{apply, difference};
use marketbench::analysis::segments::Feature;
use marketbench::ui::format;
use marketbench::ui::{MarketbenchApp, Tab};

/// The window on 60 dated order lines without a price or amount column, one
/// every third day (26 weeks: enough to forecast), read with the detected
/// mapping (remembered, so it loads without the mapping view).
fn unpriced_app(path: &Path) -> Harness<'static, MarketbenchApp> {
    let mut text = String::from("order_id,customer_id,order_time,sku,qty\n");
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    for n in 0..60 {
        let day = start + chrono::Days::new(3 * n);
        text.push_str(&format!(
            "O{n},C{},{day},SKU{},{}\n",
            n % 9,
            n % 5,
            1 + n % 3
        ));
    }
    std::fs::write(path, text).expect("write");
    remembered_app(path, |_| {})
}

#[test]
fn orders_without_prices_show_counts_forecast_orders_and_segment_without_revenue() {
    let dir = tempfile::tempdir().expect("dir");
    let mut harness = unpriced_app(&dir.path().join("orders.csv"));
    let overview = harness.state().workspace().overview().value().cloned();
    let overview = overview.flatten().expect("a summary");
    assert_eq!(overview.summary.orders, 60);
    assert_eq!(overview.summary.revenue_net, None);
    assert!(shown(&harness, "no prices"));
    assert!(shown(
        &harness,
        "Orders per day (no price or amount column, so no revenue)"
    ));

    click_tab(&mut harness, Tab::Behaviour);
    step_until(&mut harness, "the behaviour results", |app| {
        let behaviour = &app.workspace().behaviour;
        !behaviour.is_busy() && behaviour.results().latest().is_some()
    });
    harness.run();
    let rule = harness.query_all_by_label_contains("There is no spend score");
    assert_eq!(rule.count(), 1);
    assert!(shown(&harness, &format::needs_money("Revenue per group")));

    click_tab(&mut harness, Tab::Forecast);
    step_until(&mut harness, "the first forecast", |app| {
        let forecast = &app.workspace().forecast;
        !forecast.is_busy() && forecast.results().latest().is_some()
    });
    harness.run();
    let forecast = &harness.state().workspace().forecast;
    let run = forecast.results().latest().expect("a forecast");
    assert_eq!(run.value.params.measure, Measure::Orders);
    assert!(forecast.results().error().is_none());
    // A campaign on an orders forecast adds orders, not money: no order value
    // to set, and the comparison counts orders. (A taller window shows the
    // scenarios below the chart.)
    harness.set_size(egui::Vec2::new(1280.0, 1600.0));
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Add campaign")
        .click();
    harness.run();
    assert!(shown(&harness, "each responder adds 1 order"));
    assert_eq!(
        harness
            .query_all_by_label_contains("Average order value")
            .count(),
        0
    );
    let forecast = &harness.state().workspace().forecast;
    let run = &forecast.results().latest().expect("a forecast").value;
    let f = run.series[0].forecast.as_ref().expect("forecast");
    let line = apply(
        &f.periods,
        &f.forecast.point,
        &forecast.scenarios()[0].scenario,
        run.scenario_basis(),
    );
    // 1,000 customers reached × 5 % response = 50 more orders.
    assert!((difference(&f.forecast.point, &line) - 50.0).abs() < 1e-9);
    assert!(
        harness.query_by_label("+50").is_some(),
        "the difference as a count (money would read +50.00)"
    );

    click_tab(&mut harness, Tab::Segments);
    let segments_done = |app: &MarketbenchApp, features: &[Feature]| {
        let segments = &app.workspace().segments;
        !segments.is_busy()
            && segments
                .results()
                .latest()
                .is_some_and(|c| c.value.segmentation.features.set.features() == features)
    };
    step_until(&mut harness, "segments on recency and orders", |app| {
        segments_done(app, &[Feature::Recency, Feature::Frequency])
    });
    harness.run();
    assert!(
        harness
            .state()
            .workspace()
            .segments
            .results()
            .error()
            .is_none()
    );
    harness
        .get_by_role_and_label(Role::CheckBox, "tenure_days")
        .click();
    step_until(&mut harness, "segments with tenure too", |app| {
        segments_done(
            app,
            &[Feature::Recency, Feature::Frequency, Feature::Tenure],
        ) || app.workspace().segments.results().error().is_some()
    });
    let segments = &harness.state().workspace().segments;
    assert!(
        segments.results().error().is_none(),
        "{:?}",
        segments.results().error().map(ToString::to_string)
    );

    click_tab(&mut harness, Tab::Campaigns);
    step_until(&mut harness, "everyone as the audience", |app| {
        current(app).is_some()
    });
    harness
        .get_by_role_and_label(Role::Button, "+ Score range")
        .click();
    harness.run();
    let condition = format!("{:?}", harness.state().state().campaigns.draft.condition);
    assert!(
        condition.contains("Range") && condition.contains("\"frequency\""),
        "{condition}"
    );
    step_until(&mut harness, "the audience by order count", |app| {
        current(app).is_some()
    });
}

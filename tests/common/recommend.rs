//! The Recommendations tab on the bundled sample store, for the tests that
//! drive it: open it, wait for the default fit.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::jobs::no_wake;
use marketbench::ui::{MarketbenchApp, Tab};
use marketbench::workspace::recommend::RecommendResults;

use super::ui::{app_harness, loaded, returning_user, step_until};

/// The latest fit, once none is running.
pub fn fitted(app: &MarketbenchApp) -> Option<&RecommendResults> {
    let recommend = &app.workspace().recommend;
    (recommend.fit().pending().is_none()).then(|| recommend.fit().latest().map(|c| &c.value))?
}

/// Opens the Recommendations tab and waits for the first (default) fit.
pub fn recommend_tab() -> Harness<'static, MarketbenchApp> {
    let mut harness = app_harness(returning_user(), no_wake(), 1400.0);
    step_until(&mut harness, "the orders", loaded);
    harness
        .get_by_role_and_label(Role::Button, &Tab::Recommendations.label())
        .click();
    step_until(&mut harness, "the default fit", |app| fitted(app).is_some());
    harness.run();
    harness
}

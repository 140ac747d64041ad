//! The Behaviour tab, driven through egui_kittest on the bundled sample store: the
//! RFM groups and counts match `analysis::rfm` run directly on the same files, the
//! funnel steps show, each part says what it means for a campaign, an orders-only
//! store says the funnel needs events (events without items, that the drop-off
//! products need them; orders without prices, that revenue needs them) with a
//! button that opens the Data tab, a typed
//! analysis date is validated and used, a date range and a category narrow every
//! figure, a segment of the Segments tab narrows them (and is dropped when the
//! segments are recomputed), the view choices are saved, and a run can be cancelled
//! and run again.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::ui::small_orders;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::filter::LineFilter;
use marketbench::analysis::funnel::{FunnelParams, funnel};
use marketbench::analysis::rfm::{GroupSummary, RfmGroup, RfmParams, rfm};
use marketbench::cli::{LoadArgs, load_files};
use marketbench::data::{FileKind, LoadOptions, Store};
use marketbench::jobs::{Progress, no_wake};
use marketbench::ui::format;
use marketbench::ui::{MarketbenchApp, Tab, UiState};
use marketbench::workspace::behaviour::BehaviourResults;
use marketbench::workspace::segments::SegmentsResults;

fn sample_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"))
}

/// Not a first launch: only the files given are opened.
fn returning_user() -> UiState {
    UiState {
        // The labels these tests look for are English, whatever the system says.
        language: Some(marketbench::i18n::Language::English),
        recent_files: vec![PathBuf::from("/nowhere/last-week.csv")],
        ..UiState::default()
    }
}

fn harness(files: Vec<PathBuf>) -> Harness<'static, MarketbenchApp> {
    harness_with(returning_user(), files)
}

fn harness_with(state: UiState, files: Vec<PathBuf>) -> Harness<'static, MarketbenchApp> {
    let app = MarketbenchApp::new(state, files, no_wake());
    Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app)
}

/// Steps frames until `done` holds (jobs run on their own threads meanwhile).
fn step_until(
    harness: &mut Harness<'_, MarketbenchApp>,
    what: &str,
    done: impl Fn(&MarketbenchApp) -> bool,
) {
    for _ in 0..6_000 {
        harness.step();
        if done(harness.state()) {
            harness.step();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("gave up waiting for {what}");
}

fn loaded(app: &MarketbenchApp, tables: usize) -> bool {
    app.workspace().pending().is_empty() && app.workspace().store().tables.len() == tables
}

fn results(app: &MarketbenchApp) -> Option<&BehaviourResults> {
    let behaviour = &app.workspace().behaviour;
    (!behaviour.is_busy()).then(|| behaviour.results().latest().map(|c| &c.value))?
}

/// Loads `files`, opens the Behaviour tab and waits for its first results.
fn behaviour_tab(files: Vec<PathBuf>) -> Harness<'static, MarketbenchApp> {
    behaviour_tab_with(returning_user(), files)
}

fn behaviour_tab_with(state: UiState, files: Vec<PathBuf>) -> Harness<'static, MarketbenchApp> {
    let count = files.len();
    let mut harness = harness_with(state, files);
    step_until(&mut harness, "the files", |app| loaded(app, count));
    harness
        .get_by_role_and_label(Role::Button, &Tab::Behaviour.label())
        .click();
    step_until(&mut harness, "the behaviour results", |app| {
        results(app).is_some()
    });
    harness.run();
    harness
}

fn shown(harness: &Harness<'_, MarketbenchApp>, label: &str) -> bool {
    harness.query_all_by_label(label).count() > 0
}

fn sample_store() -> Store {
    load_files(&[sample_dir()], &LoadArgs::default())
        .expect("the sample store loads")
        .store
}

#[test]
fn the_sample_store_shows_rfm_groups_matching_the_analysis_and_the_funnel() {
    let files = marketbench::workspace::sample_files().expect("sample store");
    let mut harness = behaviour_tab(files);

    // The same analyses, run here directly on the same files.
    let store = sample_store();
    let lines = store.order_lines().expect("lines").expect("orders");
    let expected = rfm(&lines, &RfmParams::default(), &Progress::detached()).expect("rfm");
    let events = &store
        .of_kind(FileKind::Events)
        .next()
        .expect("events")
        .frame;
    let expected_funnel = funnel(events, &FunnelParams::default()).expect("funnel");

    let results = results(harness.state()).expect("results");
    let got = results.rfm.as_ref().expect("rfm result");
    assert_same_groups(&got.groups, &expected.groups);
    assert_eq!(got.analysis_date, expected.analysis_date);
    assert!(expected.groups.iter().filter(|g| g.customers > 0).count() >= 6);
    for group in &expected.groups {
        assert!(shown(&harness, group.group.label()), "{:?}", group.group);
        assert!(
            shown(&harness, &format::count(group.customers)),
            "{} customers of {}",
            group.customers,
            group.group.label()
        );
    }
    harness.get_by_label_contains(&format!("recency measured to {}", expected.analysis_date));
    // What the RFM groups mean for a campaign, from the same figures.
    let champions = &expected.groups[0];
    assert_eq!(champions.group, RfmGroup::Champions);
    assert!(champions.customers > 1);
    let customers: usize = expected.groups.iter().map(|g| g.customers).sum();
    assert!(shown(
        &harness,
        &format!(
            "{} Champions ({} of customers) bring {} of revenue: keep them with early \
             access and thanks, not discounts.",
            format::count(champions.customers),
            format::percent(champions.customers as f64 / customers as f64),
            format::percent(champions.revenue_share.expect("money")),
        )
    ));
    for part in [
        "bought again in the month after their first purchase",
        "The biggest loss is from",
        "bought only once",
    ] {
        assert_eq!(
            harness.query_all_by_label_contains(part).count(),
            1,
            "{part}"
        );
    }
    // Nothing is missing from the sample store.
    assert!(!shown(&harness, OPEN_DATA));

    let got_funnel = &results.funnel.as_ref().expect("events loaded").as_ref();
    assert_eq!(got_funnel.expect("funnel").funnel, expected_funnel);
    for step in &expected_funnel.steps {
        assert!(shown(&harness, &step.step), "step {}", step.step);
        assert!(
            shown(&harness, &format::count(step.users as usize)),
            "users of {}",
            step.step
        );
    }
    assert!(!shown(&harness, NEEDS_EVENTS));
    harness.run();
}

/// A returning user whose columns of `files` were confirmed as detected, so
/// they load without the mapping view.
fn remembered(files: &[PathBuf]) -> UiState {
    let mut state = returning_user();
    for path in files {
        let inspection = marketbench::data::inspect(path, None).expect("inspect");
        let options = LoadOptions::from_inspection(&inspection);
        state.remembered.insert(inspection.signature, options);
    }
    state
}

const OPEN_DATA: &str = "Open the Data tab";
const NEEDS_EVENTS: &str =
    "The funnel needs a behaviour events file (views, carts, purchases): open one on the Data tab.";

/// `buttons` "Open the Data tab" buttons are shown (one per missing input);
/// clicking the first shows the Data tab.
fn open_data_tab(harness: &mut Harness<'_, MarketbenchApp>, buttons: usize) {
    let all = |harness: &Harness<'_, MarketbenchApp>| {
        harness
            .query_all_by_role_and_label(Role::Button, OPEN_DATA)
            .count()
    };
    assert_eq!(all(harness), buttons);
    // The funnel is below the fold at 800 px.
    let first = |harness: &Harness<'_, MarketbenchApp>, click: bool| {
        let mut all = harness.query_all_by_role_and_label(Role::Button, OPEN_DATA);
        let button = all.next().expect("a button");
        match click {
            true => button.click(),
            false => button.scroll_to_me(),
        }
    };
    first(harness, false);
    harness.run();
    first(harness, true);
    harness.run();
    assert_eq!(harness.state().state().tab, Tab::Data);
}

#[test]
fn with_only_orders_the_funnel_says_events_are_needed_and_opens_the_data_tab() {
    let mut harness = behaviour_tab(vec![sample_dir().join("orders.csv")]);
    let results = results(harness.state()).expect("results");
    assert!(results.funnel.is_none());
    assert!(results.rfm.is_ok() && results.repeat.is_ok() && results.cohorts.is_ok());
    harness.run();
    assert!(shown(&harness, NEEDS_EVENTS));
    assert!(shown(&harness, "Champions"));
    open_data_tab(&mut harness, 1);
}

#[test]
fn events_without_items_say_what_the_drop_off_products_need() {
    let dir = tempfile::tempdir().expect("dir");
    let events = std::fs::read_to_string(sample_dir().join("events.csv")).expect("events");
    // user_id,item_id,behavior,event_time without the item column.
    let without_items: String = events
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            format!("{},{},{}\n", fields[0], fields[2], fields[3])
        })
        .collect();
    let path = dir.path().join("events.csv");
    std::fs::write(&path, without_items).expect("write");
    let files = vec![sample_dir().join("orders.csv"), path];
    let mut harness = behaviour_tab_with(remembered(&files), files);
    let results = results(harness.state()).expect("results");
    let funnel = results.funnel.as_ref().expect("events").as_ref();
    assert!(funnel.expect("funnel").dropoff.is_none());
    harness.run();
    assert!(shown(
        &harness,
        "Products where viewers drop off need an item column in the events file: map one, \
         or load events with items."
    ));
    assert!(!shown(&harness, NEEDS_EVENTS));
    open_data_tab(&mut harness, 1);
}

#[test]
fn orders_without_prices_say_once_what_revenue_needs_and_open_the_data_tab() {
    let dir = tempfile::tempdir().expect("dir");
    let path = small_orders(
        dir.path(),
        "orders.csv",
        &["order_id", "customer_id", "order_time", "sku", "qty"],
    );
    let mut harness = behaviour_tab_with(remembered(std::slice::from_ref(&path)), vec![path]);
    let rfm = results(harness.state())
        .and_then(|r| r.rfm.as_ref().ok())
        .expect("rfm");
    assert!(!rfm.money);
    harness.run();
    assert_eq!(
        harness
            .query_all_by_label_contains("needs a price or amount column")
            .count(),
        1
    );
    // Revenue (at the top) and the funnel's events file.
    open_data_tab(&mut harness, 2);
}

#[test]
fn a_typed_analysis_date_is_checked_then_used() {
    let mut harness = behaviour_tab(vec![sample_dir().join("orders.csv")]);
    let bad = "Write the analysis date as YYYY-MM-DD, e.g. 2024-06-30.";
    harness.get_by_label("Analysis date:").click();
    harness.step();
    harness
        .get_by_label("Analysis date:")
        .type_text("30/06/2025");
    harness.step();
    harness.get_by_role_and_label(Role::Button, "Apply").click();
    harness.run();
    assert!(shown(&harness, bad));

    harness.get_by_label("Analysis date:").click();
    harness.step();
    for _ in 0.."30/06/2025".len() {
        harness.key_press(egui::Key::Backspace);
        harness.step();
    }
    harness
        .get_by_label("Analysis date:")
        .type_text("2025-07-01");
    harness.step();
    harness.get_by_role_and_label(Role::Button, "Apply").click();
    step_until(&mut harness, "the run at 2025-07-01", |app| {
        results(app).is_some_and(|r| r.params.analysis_date.is_some())
    });
    assert!(!shown(&harness, bad));
    let day = chrono::NaiveDate::from_ymd_opt(2025, 7, 1);
    let rfm = results(harness.state())
        .and_then(|r| r.rfm.as_ref().ok())
        .expect("rfm");
    assert_eq!(Some(rfm.analysis_date), day);
    // Measured to mid-history: fewer customers than the whole two years.
    let lines = sample_store()
        .order_lines()
        .expect("lines")
        .expect("orders");
    let params = RfmParams { analysis_date: day };
    let expected = rfm_of(&lines, &params);
    assert_same_groups(&rfm.groups, &expected.groups);
}

/// Counts exactly; money up to summation order (polars sums in parallel).
fn assert_same_groups(got: &[GroupSummary], expected: &[GroupSummary]) {
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(expected) {
        assert_eq!(
            (g.group, g.customers, g.share),
            (e.group, e.customers, e.share)
        );
        let (revenue, expected_revenue) = (g.revenue.expect("money"), e.revenue.expect("money"));
        assert!(
            (revenue - expected_revenue).abs() < 1e-6 * expected_revenue.abs().max(1.0),
            "{g:?} {e:?}"
        );
        let share = |s: &GroupSummary| s.revenue_share.expect("money");
        assert!((share(g) - share(e)).abs() < 1e-9, "{g:?} {e:?}");
    }
}

fn rfm_of(
    lines: &polars::prelude::DataFrame,
    params: &RfmParams,
) -> marketbench::analysis::rfm::Rfm {
    rfm(lines, params, &Progress::detached()).expect("rfm")
}

#[test]
fn a_run_can_be_cancelled_and_run_again() {
    let files = marketbench::workspace::sample_files().expect("sample store");
    let count = files.len();
    let mut harness = harness(files);
    step_until(&mut harness, "the files", |app| loaded(app, count));
    harness
        .get_by_role_and_label(Role::Button, &Tab::Behaviour.label())
        .click();
    harness.step();
    harness.step();
    assert!(harness.state().workspace().behaviour.is_busy());
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    step_until(&mut harness, "the cancel", |app| {
        !app.workspace().behaviour.is_busy()
    });
    let slot = harness.state().workspace().behaviour.results();
    assert!(slot.latest().is_none() && slot.error().is_none());
    assert!(shown(
        &harness,
        "Cancelled. Press Recompute to run the analyses."
    ));
    // Not restarted by itself on the next frames.
    harness.run();
    assert!(!harness.state().workspace().behaviour.is_busy());

    harness
        .get_by_role_and_label(Role::Button, "Recompute")
        .click();
    step_until(&mut harness, "the second run", |app| results(app).is_some());
    assert!(shown(&harness, "Champions"));
}

#[test]
fn a_date_range_and_a_category_narrow_every_figure() {
    let mut harness = behaviour_tab(vec![sample_dir().join("orders.csv")]);
    let all_lines = sample_store()
        .order_lines()
        .expect("lines")
        .expect("orders");
    for (label, text) in [("From:", "2025-01-01"), ("To:", "2025-06-30")] {
        harness.get_by_label(label).click();
        harness.step();
        harness.get_by_label(label).type_text(text);
        harness.step();
    }
    harness
        .get_by_role_and_label(Role::Button, "Apply filter")
        .click();
    step_until(&mut harness, "the filtered run", |app| {
        results(app).is_some_and(|r| r.params.filter.to.is_some())
    });
    let filter = LineFilter {
        from: chrono::NaiveDate::from_ymd_opt(2025, 1, 1),
        to: chrono::NaiveDate::from_ymd_opt(2025, 6, 30),
        ..LineFilter::default()
    };
    let half_year = filter.apply(&all_lines).expect("filter");
    let got = results(harness.state()).expect("results");
    assert_eq!(got.params.filter, filter);
    assert_eq!(got.lines_kept, (half_year.height(), all_lines.height()));
    assert!(half_year.height() < all_lines.height() / 2);
    let rfm = got.rfm.as_ref().expect("rfm");
    assert_eq!(
        Some(rfm.analysis_date),
        chrono::NaiveDate::from_ymd_opt(2025, 7, 1),
        "the default analysis date follows the last kept purchase"
    );
    assert_same_groups(
        &rfm.groups,
        &rfm_of(&half_year, &RfmParams::default()).groups,
    );
    assert!(shown(
        &harness,
        &format!(
            "Figures below use {} of {} order lines (2025-01-01 to 2025-06-30).",
            format::count(half_year.height()),
            format::count(all_lines.height())
        )
    ));

    harness
        .get_by_role_and_label(Role::Button, "Categories: all")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "美妆")
        .click();
    step_until(&mut harness, "the category run", |app| {
        results(app).is_some_and(|r| !r.params.filter.categories.is_empty())
    });
    let beauty = LineFilter {
        categories: ["美妆".to_owned()].into(),
        ..filter
    }
    .apply(&all_lines)
    .expect("filter");
    let got = results(harness.state()).expect("results");
    assert_eq!(got.lines_kept.0, beauty.height());
    assert!(beauty.height() > 0 && beauty.height() < half_year.height());

    harness.key_press(egui::Key::Escape);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Clear filter")
        .click();
    step_until(&mut harness, "the unfiltered run", |app| {
        results(app).is_some_and(|r| r.params.filter.is_empty())
    });
    let got = results(harness.state()).expect("results");
    assert_eq!(got.lines_kept, (all_lines.height(), all_lines.height()));
}

fn segments(app: &MarketbenchApp) -> Option<&SegmentsResults> {
    let segments = &app.workspace().segments;
    (!segments.is_busy()).then(|| segments.results().latest().map(|c| &c.value))?
}

#[test]
fn a_segment_narrows_the_figures_and_is_dropped_when_segments_are_recomputed() {
    let mut harness = behaviour_tab(vec![sample_dir().join("orders.csv")]);
    assert!(shown(&harness, "run Segments first"));

    harness
        .get_by_role_and_label(Role::Button, &Tab::Segments.label())
        .click();
    step_until(&mut harness, "the segments", |app| segments(app).is_some());
    let computed = segments(harness.state()).expect("segments").clone();
    let k = computed.segmentation.clustering.k;
    // The smallest segment, so the narrowing shows.
    let picked = computed
        .segmentation
        .profiles
        .iter()
        .min_by_key(|p| (p.size, p.id))
        .expect("a segment")
        .clone();
    assert!(picked.size > 0 && picked.size < 5_000);

    harness
        .get_by_role_and_label(Role::Button, &Tab::Behaviour.label())
        .click();
    harness.run();
    assert!(!shown(&harness, "run Segments first"));
    harness
        .get_by_role_and_label(Role::Button, "Segment: All customers")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(
            Role::Button,
            &format!("{} ({} customers)", picked.name, format::count(picked.size)),
        )
        .click();
    step_until(&mut harness, "the segment run", |app| {
        results(app).is_some_and(|r| r.params.filter.customers.is_some())
    });
    let got = results(harness.state()).expect("results");
    let set = got.params.filter.customers.as_ref().expect("customers");
    assert_eq!(set.ids.len(), picked.size);
    let rfm = got.rfm.as_ref().expect("rfm");
    let counted: usize = rfm.groups.iter().map(|g| g.customers).sum();
    assert_eq!(counted, picked.size, "RFM counts the segment's customers");
    let label = format!("segment {}: {}", picked.id, picked.name);
    let (kept, all) = got.lines_kept;
    assert!(kept < all);
    assert!(shown(
        &harness,
        &format!(
            "Figures below use {} of {} order lines ({label}).",
            format::count(kept),
            format::count(all)
        )
    ));
    assert!(shown(&harness, &format!("Segment: {}", picked.name)));

    // Recomputed segments: the picked ids would be stale, so the filter goes.
    harness
        .get_by_role_and_label(Role::Button, &Tab::Segments.label())
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "K + 1").click();
    step_until(&mut harness, "the new segments", |app| {
        segments(app).is_some_and(|r| r.segmentation.clustering.k == k + 1)
    });
    harness
        .get_by_role_and_label(Role::Button, &Tab::Behaviour.label())
        .click();
    step_until(&mut harness, "the unfiltered run", |app| {
        results(app).is_some_and(|r| r.params.filter.customers.is_none())
    });
    let got = results(harness.state()).expect("results");
    assert_eq!(got.lines_kept.0, all);
    assert!(got.params.segment.is_none());
    assert!(
        harness
            .query_all_by_label_contains("The segments were recomputed")
            .count()
            == 1
    );
    assert!(shown(&harness, "Segment: All customers"));
}

#[test]
fn the_view_choices_are_saved_between_runs() {
    let orders = vec![sample_dir().join("orders.csv")];
    let mut harness = behaviour_tab(orders.clone());
    assert!(harness.state().state().behaviour_toggles.is_empty());
    // The RFM chart's choice: near the top, so the click lands on screen.
    harness.get_by_label("Revenue per group").click();
    harness.run();
    let saved = harness.state().state().clone();
    assert_eq!(saved.behaviour_toggles.get("rfm_chart"), Some(&false));
    // A new window starts on revenue: drawing it keeps the saved choice (the
    // default would be written back as "no entry").
    let again = behaviour_tab_with(saved, orders);
    assert_eq!(
        again.state().state().behaviour_toggles.get("rfm_chart"),
        Some(&false)
    );
}

//! The window's responsiveness as a figure: the UI thread's frame time while the
//! heaviest jobs run on a large file, and once their results are drawn.
//!
//! Generates an orders CSV of `FRAMES_ROWS` lines (default 5,000,000), opens it
//! in the app as a returning user (the columns confirmed before, so no mapping
//! view), waits for the load, starts the Value training and the
//! recommendations report card, then drives 200 frames of interaction: a tab
//! switch every 25 frames (through every tab), the pointer sweeping across the
//! panel (hovering charts and rows) and the mouse wheel scrolling whatever is
//! under it. Each frame is paced like a 60 Hz display (the jobs keep running
//! between frames, as they do in the window).
//!
//! Then every tab is visited once and the jobs its results need run to the
//! end, and the same 200 frames are measured again with the results drawn
//! (tables, charts, the report card).
//!
//! A frame's time is what the window's UI thread does for it: the app's `show`
//! (reading results, building every widget), egui's layout, the accessibility
//! tree (kittest always builds it; the window only with a screen reader, so
//! this errs high) and tessellating the shapes into triangles. Drawing the
//! triangles is the GPU's and is not counted.
//!
//! `cargo bench --bench frames` (release). `FRAMES_DIR=/big/disk` keeps the
//! file there and reuses it; `FRAMES_ROWS=500000` for a quicker run.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::recommend::evaluate::EvalParams;
use marketbench::data::LoadOptions;
use marketbench::data::sample::write_orders_csv;
use marketbench::i18n::Language;
use marketbench::jobs::no_wake;
use marketbench::ui::{MarketbenchApp, Tab, UiState};
use marketbench::workspace::recommend::RecommendCommand;
use marketbench::workspace::value::{ValueCommand, ValueParams};

const DEFAULT_ROWS: usize = 5_000_000;
const FRAMES: usize = 200;
/// Frames between tab switches: 200 frames visit all seven tabs and come back.
const FRAMES_PER_TAB: usize = 25;
/// A 60 Hz display's frame interval.
const DISPLAY_FRAME: Duration = Duration::from_micros(16_667);
const SIZE: egui::Vec2 = egui::Vec2::new(1280.0, 800.0);

fn main() {
    if let Err(error) = run() {
        eprintln!("benchmark failed: {error}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    let rows = std::env::var("FRAMES_ROWS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(DEFAULT_ROWS);
    let temporary = tempfile::tempdir()?;
    let dir = std::env::var_os("FRAMES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| temporary.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("orders-{rows}.csv"));
    if !path.exists() {
        let started = Instant::now();
        write_orders_csv(&path, rows, 7)?;
        println!("generated {} in {:.1} s", path.display(), secs(started));
    }

    let mut harness = open(&path)?;
    let started = Instant::now();
    step_until(&mut harness, Duration::from_secs(600), loaded)?;
    println!("loaded {rows} lines in {:.1} s (window)", secs(started));

    harness
        .state_mut()
        .push(ValueCommand::Train(ValueParams::default()));
    harness
        .state_mut()
        .push(RecommendCommand::Evaluate(EvalParams::default()));
    harness.step();

    measure(&mut harness, "jobs running");

    let started = Instant::now();
    for tab in Tab::ALL {
        go_to(&mut harness, tab);
        step_until(&mut harness, results_limit(), idle)?;
    }
    println!(
        "every job finished in {:.1} s more (each tab visited); results: {}",
        secs(started),
        results_shown(harness.state()).join(", ")
    );
    measure(&mut harness, "results drawn");
    Ok(())
}

/// 200 frames of interaction on `harness`, then their percentiles and the
/// slowest frame per tab, headed by `scenario`.
fn measure(harness: &mut Harness<'static, MarketbenchApp>, scenario: &str) {
    let mut times = Vec::with_capacity(FRAMES);
    let mut slowest: BTreeMap<String, Duration> = BTreeMap::new();
    let mut busy_frames = 0;
    for frame in 0..FRAMES {
        let begun = Instant::now();
        interact(harness, frame);
        let time = timed_frame(harness);
        times.push(time);
        let tab = format!("{:?}", harness.state().state().tab);
        let worst = slowest.entry(tab).or_default();
        *worst = (*worst).max(time);
        busy_frames += usize::from(harness.state().workspace().is_busy());
        std::thread::sleep(DISPLAY_FRAME.saturating_sub(begun.elapsed()));
    }
    print!("{scenario}: ");
    report(&mut times, busy_frames);
    let per_tab: Vec<String> = slowest
        .iter()
        .map(|(tab, time)| format!("{tab} {:.1} ms", time.as_secs_f64() * 1000.0))
        .collect();
    println!("  slowest frame per tab: {}", per_tab.join(", "));
}

/// The app on `path` for a returning user who confirmed its columns as detected.
fn open(path: &std::path::Path) -> anyhow::Result<Harness<'static, MarketbenchApp>> {
    let inspection = marketbench::data::inspect(path, None)?;
    let mut state = UiState {
        language: Some(Language::English),
        ..UiState::default()
    };
    let options = LoadOptions::from_inspection(&inspection);
    state.remembered.insert(inspection.signature, options);
    let app = MarketbenchApp::new(state, vec![path.to_path_buf()], no_wake());
    Ok(Harness::builder()
        .with_size(SIZE)
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app))
}

/// Frame `frame`'s input: a tab switch on the tab's first frame, else the
/// pointer moving across the panel and, every other frame, a wheel scroll.
fn interact(harness: &mut Harness<'static, MarketbenchApp>, frame: usize) {
    if frame.is_multiple_of(FRAMES_PER_TAB) {
        let tab = Tab::ALL[(frame / FRAMES_PER_TAB) % Tab::ALL.len()];
        harness
            .get_by_role_and_label(Role::Button, &tab.label())
            .click();
        return;
    }
    let step = (frame % FRAMES_PER_TAB) as f32 / FRAMES_PER_TAB as f32;
    let pointer = egui::pos2(220.0 + step * 1000.0, 200.0 + step * 500.0);
    harness.hover_at(pointer);
    if frame.is_multiple_of(2) {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -60.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
    }
}

/// One frame as the window's UI thread does it: run the app, then tessellate.
fn timed_frame(harness: &mut Harness<'static, MarketbenchApp>) -> Duration {
    let begun = Instant::now();
    harness.step();
    let ran = begun.elapsed();
    let shapes = harness.output().shapes.clone();
    let pixels_per_point = harness.output().pixels_per_point;
    let begun = Instant::now();
    let meshes = harness.ctx.tessellate(shapes, pixels_per_point);
    let tessellated = begun.elapsed();
    std::hint::black_box(meshes);
    ran + tessellated
}

/// Which results the tabs have to draw (a tab whose job needs a click the
/// operator did not make shows its controls only).
fn results_shown(app: &MarketbenchApp) -> Vec<&'static str> {
    let w = app.workspace();
    [
        ("behaviour", w.behaviour.results().latest().is_some()),
        ("segments", w.segments.results().latest().is_some()),
        ("recommendations", w.recommend.fit().latest().is_some()),
        ("report card", w.recommend.report().latest().is_some()),
        ("rules", w.recommend.rules().latest().is_some()),
        ("forecast", w.forecast.results().latest().is_some()),
        ("value", w.value.results().latest().is_some()),
        ("campaign", w.campaigns.build().latest().is_some()),
    ]
    .into_iter()
    .map(|(name, shown)| if shown { name } else { "-" })
    .collect()
}

/// Nothing computing: every result a visited tab asked for is drawn.
fn idle(app: &MarketbenchApp) -> bool {
    !app.workspace().is_busy()
}

/// How long the jobs may take to finish (`FRAMES_RESULTS_MINUTES`, default 30).
fn results_limit() -> Duration {
    let minutes = std::env::var("FRAMES_RESULTS_MINUTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    Duration::from_secs(60 * minutes)
}

fn go_to(harness: &mut Harness<'static, MarketbenchApp>, tab: Tab) {
    harness
        .get_by_role_and_label(Role::Button, &tab.label())
        .click();
    harness.step();
}

fn loaded(app: &MarketbenchApp) -> bool {
    let workspace = app.workspace();
    workspace.pending().is_empty()
        && workspace.store().tables.len() == 1
        && workspace.overview().value().is_some()
        && workspace.overview().pending().is_none()
}

fn step_until(
    harness: &mut Harness<'static, MarketbenchApp>,
    limit: Duration,
    done: impl Fn(&MarketbenchApp) -> bool,
) -> anyhow::Result<()> {
    let started = Instant::now();
    while !done(harness.state()) {
        anyhow::ensure!(started.elapsed() < limit, "not done within {limit:?}");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.step();
    Ok(())
}

fn report(times: &mut [Duration], busy_frames: usize) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at =
        |q: f64| ms(times[((q * times.len() as f64).ceil() as usize).clamp(1, times.len()) - 1]);
    println!(
        "{} frames ({busy_frames} with a job running): p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        times.len(),
        at(0.50),
        at(0.95),
        at(0.99),
        ms(times[times.len() - 1]),
    );
}

fn secs(since: Instant) -> f64 {
    since.elapsed().as_secs_f64()
}

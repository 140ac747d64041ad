//! Image snapshots of every tab in both languages (issue 18): the window at
//! 1280×800 on the sample orders, each tab once its automatic work has finished,
//! rendered by egui_kittest on the CPU (lavapipe; `scripts/setup.sh test`
//! installs it) and compared with `tests/snapshots/<tab>-<language>.png`. A
//! layout change (a clipped column, a label moved after its menu, a chart that
//! lost its axis titles) fails here with a `.diff.png` beside the image.
//!
//! After an intended change: `UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots`,
//! then look at every changed image before committing it.

mod common;

use common::ui::*;
use egui_kittest::SnapshotOptions;
use marketbench::i18n::Language;
use marketbench::jobs::no_wake;
use marketbench::ui::{Tab, UiState};

/// Pixels allowed to differ per image: anti-aliased text edges may round
/// differently on another CPU's vector units; anything that moves a widget
/// changes thousands.
const STRAY_PIXELS: usize = 200;

#[test]
fn every_tab_looks_as_recorded_in_english_and_chinese() {
    let options = SnapshotOptions::new().max_failed_pixels(STRAY_PIXELS);
    let mut failures = Vec::new();
    for language in Language::ALL {
        let state = UiState {
            language: Some(language),
            ..returning_user()
        };
        let mut harness = app_harness(state, no_wake(), 800.0);
        step_until(&mut harness, "the sample orders", loaded);
        // The data table sizes its columns to the widest cell it has drawn, and
        // which rows it drew while the file was loading depends on timing: start
        // its memory afresh on the loaded file, as a window opened on it would.
        harness.ctx.memory_mut(|memory| memory.data.clear());
        for tab in Tab::ALL {
            click_tab(&mut harness, tab);
            settle(&mut harness);
            let name = format!("{tab:?}-{}", language.tag()).to_lowercase();
            if let Err(error) = harness.try_snapshot_options(&name, &options) {
                failures.push(format!("{name}: {error}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

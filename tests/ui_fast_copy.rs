//! "Make a fast copy" in the window, driven through egui_kittest: a text orders
//! file at least as large in memory as the settings' offer size gets the
//! button (a small file is not offered one at the default size); clicking it
//! writes the Parquet copy beside the file and the window says so; the next
//! open reads the copy, says so in the file's report, gives the same table and
//! offers no copy again.

mod common;

use common::ui::*;
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::data::load::cache;
use marketbench::ui::MarketbenchApp;

const OFFER: &str = "Make a fast copy";

/// 3,000 order lines of 200 customers over 2025.
fn orders(dir: &Path) -> PathBuf {
    let mut text = String::from("order_id,customer_id,order_time,sku,qty,amount\n");
    for n in 0..3000u64 {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date")
            + chrono::Days::new(n * 7 % 365);
        text.push_str(&format!(
            "O{},C{},{day},SKU{},{},{}.25\n",
            n / 2,
            n * 13 % 200,
            n % 40,
            1 + n % 3,
            5 + n % 50
        ));
    }
    let path = dir.join("orders.csv");
    std::fs::write(&path, text).expect("write");
    path
}

/// The window on `path` (columns confirmed before, as detected) with the copy
/// offered from `offer_bytes`, once the file and its summary are shown.
fn window(path: &Path, offer_bytes: Option<u64>) -> Harness<'static, MarketbenchApp> {
    let mut state = returning_user();
    remember_columns(&mut state, path);
    state.copy_offer_bytes = offer_bytes;
    window_on(state, path)
}

#[test]
fn a_fast_copy_is_written_beside_the_file_and_the_next_open_reads_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = orders(dir.path());
    let copy = cache::copy_path(&path);

    // At the default offer size (50 MB in memory) this file gets no button.
    let harness = window(&path, None);
    assert!(!shown(&harness, OFFER));
    drop(harness);

    let mut harness = window(&path, Some(1));
    let from_text = harness.state().workspace().store().tables[0].frame.clone();
    harness.get_by_role_and_label(Role::Button, OFFER).click();
    // The message names the copy's full path: beside the file.
    let wrote = format!("wrote the Parquet copy {}", copy.display());
    let mut written = false;
    for _ in 0..30_000 {
        harness.step();
        if harness.query_by_label_contains(&wrote).is_some() {
            written = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(written, "the window never said the copy was written");
    assert!(copy.is_file(), "no copy at {}", copy.display());
    drop(harness);

    let harness = window(&path, Some(1));
    let note = "read from the Parquet copy orders.csv.marketbench.parquet";
    assert!(
        harness.query_by_label_contains(note).is_some(),
        "the report does not say the copy was read"
    );
    assert!(!shown(&harness, OFFER), "a copy is offered for the copy");
    let from_copy = &harness.state().workspace().store().tables[0].frame;
    assert!(
        from_copy.equals_missing(&from_text),
        "{from_copy} != {from_text}"
    );
}

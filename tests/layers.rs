//! The layers stay apart (see `src/lib.rs`): nothing outside `src/ui/` imports
//! the window's code or egui, so the command line and the analyses run without a
//! display and a panel change cannot alter a computed figure.

use std::path::Path;

#[path = "common/source.rs"]
mod source;

use source::rust_files;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// `(file, line number, line)` of every code line (comments skipped) that names `needle`.
fn uses_of(needle: &str) -> Vec<String> {
    let src = Path::new(ROOT).join("src");
    let files = rust_files(&src);
    let ui = src.join("ui");
    let mut found = Vec::new();
    for file in files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if file.starts_with(&ui) || name == "ui.rs" || name == "main.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if !code.starts_with("//") && code.contains(needle) {
                found.push(format!("{}:{}: {code}", file.display(), number + 1));
            }
        }
    }
    found
}

#[test]
fn nothing_outside_the_window_imports_the_window() {
    let uses = uses_of("crate::ui");
    assert!(uses.is_empty(), "imports of the UI layer: {uses:#?}");
}

#[test]
fn nothing_outside_the_window_imports_egui() {
    let uses = [uses_of("egui::"), uses_of("eframe::")].concat();
    assert!(uses.is_empty(), "egui outside src/ui: {uses:#?}");
}

//! The steps named when polars fails (`analysis::lines::polars_failed`,
//! `CampaignError::polars`, the loader's `failed`) are catalogue keys read only
//! when the error is shown, not through `tr!`: a key that is not in the
//! catalogue would reach the window as the raw key. So every `"context-…"`
//! literal in the source must be a key of both languages, and every step handed
//! to those functions must be such a literal (or a name bound to one).

use std::collections::BTreeSet;
use std::path::Path;

#[path = "common/source.rs"]
mod source;

use source::rust_files;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The calls whose first argument is a step key.
const CALLS: [&str; 2] = ["polars_failed(", "CampaignError::polars("];

/// The message keys of one language's catalogue.
fn keys(language: &str) -> BTreeSet<String> {
    let dir = Path::new(ROOT).join("assets/texts").join(language);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("catalogue") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        for line in text.lines() {
            if let Some((key, _)) = line.split_once(" =")
                && key.starts_with(|c: char| c.is_ascii_lowercase())
            {
                keys.insert(key.to_string());
            }
        }
    }
    keys
}

/// The source's lines outside comments.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
}

/// The `"context-…"` string literals of `text`, without quotes.
fn step_literals(text: &str) -> Vec<String> {
    code_lines(text)
        .flat_map(|line| line.split("\"context-").skip(1))
        .map(|rest| format!("context-{}", rest.split('"').next().unwrap_or("")))
        .collect()
}

/// The first argument of each call of `call` in `text` (not its definition).
/// Arguments may sit on the next line (rustfmt breaks long calls).
fn step_arguments(text: &str, call: &str) -> Vec<String> {
    let code: String = code_lines(text).collect::<Vec<_>>().join("\n");
    code.match_indices(call)
        .filter(|(at, _)| !code[..*at].trim_end().ends_with("fn"))
        .map(|(at, _)| {
            let rest = &code[at + call.len()..];
            let end = rest.find([',', ')']).unwrap_or(rest.len());
            rest[..end].trim().to_string()
        })
        .collect()
}

/// Why `argument`, a step handed over in `text`, is not a catalogue key
/// (None when it is one): a literal must be a `"context-…"` key; a name must be
/// bound to one in the same file, or be a `&'static str` parameter (whose
/// callers pass literals the first check reads).
fn step_problem(text: &str, argument: &str) -> Option<String> {
    if argument.starts_with('"') {
        return (!argument.starts_with("\"context-"))
            .then(|| format!("{argument} is not a \"context-…\" key"));
    }
    let bound = [
        format!("let {argument} = \"context-"),
        format!("const {argument}: &str = \"context-"),
        format!("{argument}: &'static str"),
    ];
    (!bound.iter().any(|b| text.contains(b.as_str())))
        .then(|| format!("{argument} is not bound to a \"context-…\" key"))
}

#[test]
fn every_step_key_in_the_code_is_in_both_catalogues() {
    let (english, chinese) = (keys("en"), keys("zh-CN"));
    let mut seen = 0;
    for path in rust_files(&Path::new(ROOT).join("src")) {
        let text = std::fs::read_to_string(&path).expect("read");
        for key in step_literals(&text) {
            seen += 1;
            assert!(english.contains(&key), "{}: no {key} in en", path.display());
            assert!(
                chinese.contains(&key),
                "{}: no {key} in zh-CN",
                path.display()
            );
        }
    }
    // The scan reads the code: the analyses name dozens of steps.
    assert!(seen > 50, "only {seen} step keys found");
}

#[test]
fn every_step_handed_to_polars_failures_is_a_key() {
    let mut problems = Vec::new();
    for path in rust_files(&Path::new(ROOT).join("src")) {
        let text = std::fs::read_to_string(&path).expect("read");
        for call in CALLS {
            for argument in step_arguments(&text, call) {
                if let Some(problem) = step_problem(&text, &argument) {
                    problems.push(format!("{}: {problem}", path.display()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_scan_catches_english_steps_and_unbound_names() {
    let code = r#"
        let context = "context-last-day";
        a.map_err(polars_failed(context))?;
        b.map_err(polars_failed("finding the last day"))?;
        c.map_err(polars_failed(
            step,
        ))?;
        // d.map_err(polars_failed("in a comment"))?;
    "#;
    let arguments = step_arguments(code, "polars_failed(");
    assert_eq!(
        arguments,
        ["context", "\"finding the last day\"", "step"],
        "comments are skipped"
    );
    let problems: Vec<_> = arguments
        .iter()
        .filter_map(|a| step_problem(code, a))
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        step_literals(code),
        ["context-last-day"],
        "literals are read without their quotes"
    );
}

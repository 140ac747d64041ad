//! The message catalogue (`assets/texts/<language>/*.ftl`, read by `i18n`) is
//! whole and consistent: both languages parse, have the same keys and use the
//! values the code hands over; every `tr!` key in the source exists and every
//! catalogue key is used; the bundled Chinese font draws every character of the
//! Chinese catalogue.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};

#[path = "common/source.rs"]
mod source;

use source::rust_files;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One catalogue: per key, the variables its message uses (and which of them
/// only choose a variant), and the text of all its files.
#[derive(Default)]
struct Catalogue {
    messages: BTreeMap<String, Variables>,
    text: String,
}

#[derive(Default, Debug)]
struct Variables {
    shown: BTreeSet<String>,
    selectors: BTreeSet<String>,
}

fn ftl_files(language: &str) -> Vec<PathBuf> {
    let dir = Path::new(ROOT).join("assets/texts").join(language);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    files
}

fn catalogue(language: &str) -> Catalogue {
    let mut catalogue = Catalogue::default();
    for path in ftl_files(language) {
        let text = std::fs::read_to_string(&path).expect("read");
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in &resource.body {
            match entry {
                Entry::Message(message) => {
                    let mut variables = Variables::default();
                    let value = message.value.as_ref();
                    assert!(
                        value.is_some() && message.attributes.is_empty(),
                        "{}: {} must be one plain message",
                        path.display(),
                        message.id.name
                    );
                    pattern_variables(value.expect("value"), &mut variables);
                    let key = message.id.name.to_string();
                    let before = catalogue.messages.insert(key.clone(), variables);
                    assert!(before.is_none(), "{language}: {key} is defined twice");
                }
                Entry::Term(term) => {
                    panic!("{}: term -{} (use messages)", path.display(), term.id.name)
                }
                Entry::Junk { content } => panic!("{}: cannot read {content:?}", path.display()),
                _ => {}
            }
        }
        catalogue.text.push_str(&text);
    }
    catalogue
}

fn pattern_variables(pattern: &ast::Pattern<&str>, variables: &mut Variables) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, variables);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, variables: &mut Variables) {
    match expression {
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                variables.selectors.insert(id.name.to_string());
            }
            for variant in variants {
                pattern_variables(&variant.value, variables);
            }
        }
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            variables.shown.insert(id.name.to_string());
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_variables(expression, variables);
        }
        Expression::Inline(_) => {}
    }
}

/// Every `tr!("key", name = …)` and `phrase!(…)` in `src/`: the key and the value
/// names handed over.
fn uses() -> Vec<(String, BTreeSet<String>, String)> {
    let mut found = Vec::new();
    for path in rust_files(&Path::new(ROOT).join("src")) {
        let text = std::fs::read_to_string(&path).expect("read");
        for call in ["tr!(", "phrase!("] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(call) {
                let line_start = rest[..at].rfind('\n').map_or(0, |n| n + 1);
                let in_comment = rest[line_start..at].contains("//");
                let in_name = rest[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
                rest = &rest[at + call.len()..];
                if in_comment || in_name {
                    continue;
                }
                let inside = until_close(rest);
                let place = format!("{}: {call}{})", path.display(), inside.trim());
                let parts = split_top_level(inside);
                let key = parts[0].trim();
                assert!(
                    key.starts_with('"') && key.ends_with('"'),
                    "{place}: the key must be a string literal"
                );
                let names = parts[1..]
                    .iter()
                    .filter(|part| !part.trim().is_empty())
                    .map(|part| {
                        let (name, _) = part.split_once('=').unwrap_or_else(|| panic!("{place}"));
                        name.trim().to_string()
                    })
                    .collect();
                found.push((key.trim_matches('"').to_string(), names, place));
            }
        }
    }
    found
}

/// The characters of `text` outside strings and brackets, as (byte index,
/// character), up to and with the `)` that closes an opened `(`.
fn top_level(text: &str) -> Vec<(usize, char)> {
    let mut found = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in text.char_indices() {
        match (in_string, c) {
            (true, '\\') if !escaped => escaped = true,
            (true, '"') if !escaped => in_string = false,
            (true, _) => escaped = false,
            (false, '"') => in_string = true,
            (false, '(' | '[' | '{') => depth += 1,
            (false, ')' | ']' | '}') if depth == 0 => {
                found.push((i, c));
                break;
            }
            (false, ')' | ']' | '}') => depth -= 1,
            (false, _) if depth == 0 => found.push((i, c)),
            _ => {}
        }
    }
    found
}

/// The text up to the `)` that closes an opened `(`.
fn until_close(text: &str) -> &str {
    match top_level(text).last() {
        Some(&(end, ')')) => &text[..end],
        _ => panic!("an unclosed tr!(: {}", &text[..text.len().min(80)]),
    }
}

/// `text` split at its commas outside strings and brackets.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in top_level(text).into_iter().filter(|(_, c)| *c == ',') {
        parts.push(&text[start..i]);
        start = i + 1;
    }
    parts.push(&text[start..]);
    parts
}

#[test]
fn both_languages_have_the_same_keys_and_values() {
    let english = catalogue("en");
    let chinese = catalogue("zh-CN");
    assert!(!english.messages.is_empty());
    let only = |a: &Catalogue, b: &Catalogue| -> Vec<String> {
        a.messages
            .keys()
            .filter(|k| !b.messages.contains_key(*k))
            .cloned()
            .collect()
    };
    assert_eq!(
        only(&english, &chinese),
        Vec::<String>::new(),
        "keys only in English"
    );
    assert_eq!(
        only(&chinese, &english),
        Vec::<String>::new(),
        "keys only in Chinese"
    );
    for (key, en) in &english.messages {
        let zh = &chinese.messages[key];
        // A translation may drop a value that only chooses a plural form.
        let en_all: BTreeSet<_> = en.shown.union(&en.selectors).collect();
        let zh_all: BTreeSet<_> = zh.shown.union(&zh.selectors).collect();
        assert!(
            zh_all.is_subset(&en_all),
            "{key}: Chinese uses {zh_all:?}, English {en_all:?}"
        );
        let en_only_shown: Vec<_> = en.shown.difference(&zh.shown).collect();
        assert!(
            en_only_shown.is_empty(),
            "{key}: Chinese does not show {en_only_shown:?}"
        );
    }
}

#[test]
fn every_key_in_the_code_exists_with_the_values_it_is_given_and_every_key_is_used() {
    let english = catalogue("en");
    let mut used = BTreeSet::new();
    for (key, names, place) in uses() {
        let message = english
            .messages
            .get(&key)
            .unwrap_or_else(|| panic!("{place}: no message {key} in assets/texts/en"));
        let wanted: BTreeSet<String> = message.shown.union(&message.selectors).cloned().collect();
        assert_eq!(
            names, wanted,
            "{place}: values handed over vs used by the message"
        );
        used.insert(key);
    }
    // Keys not reached through tr! (the catalogue's own tests) still appear quoted.
    let sources: String = rust_files(&Path::new(ROOT).join("src"))
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("read"))
        .collect();
    let unused: Vec<&String> = english
        .messages
        .keys()
        .filter(|key| !used.contains(*key) && !sources.contains(&format!("\"{key}\"")))
        .collect();
    assert!(unused.is_empty(), "catalogue keys no code uses: {unused:?}");
}

#[test]
fn the_bundled_font_draws_every_character_of_the_chinese_catalogue() {
    let font =
        std::fs::read(Path::new(ROOT).join("assets/fonts/NotoSansSC-Subset.otf")).expect("font");
    let face = ttf_parser::Face::parse(&font, 0).expect("a font");
    let chinese = catalogue("zh-CN");
    let missing: BTreeSet<char> = chinese
        .text
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(str::chars)
        .filter(|c| !c.is_control() && face.glyph_index(*c).is_none())
        .collect();
    assert!(missing.is_empty(), "not in the bundled font: {missing:?}");
    // The check can fail: the font has no glyph for a character outside GB2312.
    assert!(face.glyph_index('𠀀').is_none());
}

#[test]
fn the_scanner_reads_keys_and_value_names() {
    let inside = until_close(r#""k", a = f(x, y), b = "q,)" ) rest"#);
    let parts = split_top_level(inside);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[1].trim(), "a = f(x, y)");
    assert_eq!(parts[2].trim(), r#"b = "q,)""#);
}

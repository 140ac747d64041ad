//! The message catalogue: every sentence the window shows, in English and
//! 简体中文, read from the Fluent files under `assets/texts/<language>/` (one
//! file per area of the window, compiled into the binary by `fluent-templates`).
//!
//! Code asks for a message by its key with [`tr!`](crate::tr):
//! `tr!("toolbar-open-files")`, or with named values:
//! `tr!("data-rows", count = format::count(n), n = n)`. Keys are always string
//! literals, so the catalogue tests (`tests/catalogue.rs`) can check that every
//! key used exists in both languages, that both languages have the same keys
//! and values, and that no key is left unused.
//!
//! The language is one setting for the whole process ([`set_language`]): the
//! window sets it from the toolbar or the system's locale; the command line
//! keeps English. What a background job says about its result is a [`Phrase`]
//! ([`phrase!`](crate::phrase)), worded in the language of the moment each time it
//! is shown, so a switch rewords every result without computing it again.
//! Numbers are formatted before they are handed over (`ui::format`), so both
//! languages show the same figures; a number passed as such only chooses a
//! plural form.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use serde::{Deserialize, Serialize};
use unic_langid::langid;

pub use fluent_templates::fluent_bundle::FluentValue as Value;

static_loader! {
    static CATALOGUE = {
        locales: "./assets/texts",
        fallback_language: "en",
        // No invisible bidi marks around values: egui would draw them as boxes.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static ENGLISH: LanguageIdentifier = langid!("en");
static CHINESE: LanguageIdentifier = langid!("zh-CN");

/// A language the window can be shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    /// Simplified Chinese.
    Chinese,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Chinese];

    /// The language's own name, the same in every language (so an operator who
    /// cannot read the current one still finds theirs).
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Chinese => "简体中文",
        }
    }

    /// The catalogue folder under `assets/texts/`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Chinese => "zh-CN",
        }
    }

    /// The language for a locale such as `zh_CN.UTF-8`, `zh-Hans-CN` or `en-US`:
    /// any Chinese locale reads Simplified Chinese, every other English.
    pub fn from_locale(locale: &str) -> Language {
        let primary = locale.split(['-', '_', '.', '@']).next().unwrap_or("");
        match primary.eq_ignore_ascii_case("zh") {
            true => Language::Chinese,
            false => Language::English,
        }
    }

    fn identifier(self) -> &'static LanguageIdentifier {
        match self {
            Language::English => &ENGLISH,
            Language::Chinese => &CHINESE,
        }
    }

    fn code(self) -> u8 {
        match self {
            Language::English => 0,
            Language::Chinese => 1,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The language of the system's user interface (English when it says nothing),
/// read once.
pub fn system_language() -> Language {
    static SYSTEM: OnceLock<Language> = OnceLock::new();
    *SYSTEM.get_or_init(|| {
        sys_locale::get_locale()
            .map(|locale| Language::from_locale(&locale))
            .unwrap_or_default()
    })
}

/// Shows every message from now on in `language`.
pub fn set_language(language: Language) {
    CURRENT.store(language.code(), Ordering::Relaxed);
}

/// The language messages are shown in.
pub fn language() -> Language {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Language::Chinese,
        _ => Language::English,
    }
}

/// The message `key` in the current language. Use [`tr!`](crate::tr).
pub fn message(key: &str) -> String {
    message_in(language(), key, &[])
}

/// The message `key` in the current language with its named values. Use
/// [`tr!`](crate::tr).
pub fn message_with(key: &str, values: &[(&'static str, Value<'_>)]) -> String {
    message_in(language(), key, values)
}

/// The message `key` in `language` with its named values.
pub fn message_in(language: Language, key: &str, values: &[(&'static str, Value<'_>)]) -> String {
    if values.is_empty() {
        return CATALOGUE.lookup(language.identifier(), key);
    }
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = values
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    CATALOGUE.lookup_with_args(language.identifier(), key, &args)
}

/// A value handed to a message: text is shown as it is, a number chooses the
/// plural form (format figures with `ui::format` and pass them as text).
pub fn value<'a>(value: impl Into<Value<'a>>) -> Value<'a> {
    value.into()
}

/// The message with key `$key` in the current language, with optional named
/// values: `tr!("data-rows", count = format::count(n), n = n)`. The key must be
/// a string literal (the catalogue tests look for it).
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::message($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message_with(
            $key,
            &[$((stringify!($name), $crate::i18n::value($value))),+],
        )
    };
}

/// A message worded when it is shown, not when it is built: what a background job
/// says about its result (a proposed segment name, why a K was chosen, why a model
/// was not scored) reads in the language the window shows now, even when the job
/// ran in another. Build one with [`phrase!`](crate::phrase), show it with
/// [`Phrase::text`] or `{}`.
#[derive(Clone, Debug, PartialEq)]
pub enum Phrase {
    /// A catalogue message and its named values.
    Message {
        key: &'static str,
        values: Vec<(&'static str, Arg)>,
    },
    /// Text that is not the catalogue's (a library's own error message).
    Verbatim(String),
}

/// A value handed to a [`Phrase`].
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Shown as it is (figures are formatted before they are handed over).
    Text(String),
    /// Chooses a plural form.
    Number(f64),
    /// Another phrase, worded in the same language.
    Phrase(Box<Phrase>),
}

impl Phrase {
    /// The phrase in the current language.
    pub fn text(&self) -> String {
        self.text_in(language())
    }

    /// The phrase in `language`.
    pub fn text_in(&self, language: Language) -> String {
        match self {
            Phrase::Verbatim(text) => text.clone(),
            Phrase::Message { key, values } => {
                let worded: Vec<(&'static str, Value<'_>)> = values
                    .iter()
                    .map(|(name, arg)| {
                        let value = match arg {
                            Arg::Text(text) => Value::from(text.as_str()),
                            Arg::Number(number) => Value::from(*number),
                            Arg::Phrase(phrase) => Value::from(phrase.text_in(language)),
                        };
                        (*name, value)
                    })
                    .collect();
                message_in(language, key, &worded)
            }
        }
    }
}

impl std::fmt::Display for Phrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// Saved and exported as worded now (the command line's is English).
impl Serialize for Phrase {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<Phrase> for Arg {
    fn from(phrase: Phrase) -> Self {
        Arg::Phrase(Box::new(phrase))
    }
}

impl From<usize> for Arg {
    fn from(number: usize) -> Self {
        Arg::Number(number as f64)
    }
}

/// The message with key `$key` worded when shown ([`Phrase`]), with optional
/// named values, as [`tr!`](crate::tr) takes them. The key must be a string
/// literal (the catalogue tests look for it).
#[macro_export]
macro_rules! phrase {
    ($key:literal) => {
        $crate::i18n::Phrase::Message { key: $key, values: Vec::new() }
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Phrase::Message {
            key: $key,
            values: vec![$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_worded_in_the_language_it_is_shown_in() {
        let name = crate::phrase!("segments-name-new-customers");
        let numbered = crate::phrase!("segments-name-numbered", name = name.clone(), n = "2");
        assert_eq!(numbered.text_in(Language::English), "New customers 2");
        assert_eq!(
            numbered.text_in(Language::Chinese),
            format!("{} 2", name.text_in(Language::Chinese))
        );
        assert_ne!(
            name.text_in(Language::Chinese),
            name.text_in(Language::English)
        );
        let verbatim = Phrase::Verbatim("as it is".into());
        assert_eq!(verbatim.text_in(Language::Chinese), "as it is");
    }

    #[test]
    fn locales_map_to_the_two_languages() {
        assert_eq!(Language::from_locale("zh_CN.UTF-8"), Language::Chinese);
        assert_eq!(Language::from_locale("zh-Hans-CN"), Language::Chinese);
        assert_eq!(Language::from_locale("ZH"), Language::Chinese);
        assert_eq!(Language::from_locale("en-US"), Language::English);
        assert_eq!(Language::from_locale("C"), Language::English);
        assert_eq!(Language::from_locale("de_DE@euro"), Language::English);
        assert_eq!(Language::from_locale(""), Language::English);
    }

    #[test]
    fn a_message_reads_in_either_language_with_its_values() {
        let rows = |language, n: usize| {
            message_in(
                language,
                "format-rows",
                &[("count", value(n.to_string())), ("n", value(n))],
            )
        };
        assert_eq!(rows(Language::English, 1), "1 row");
        assert_eq!(rows(Language::English, 3), "3 rows");
        assert_eq!(rows(Language::Chinese, 3), "3 行");
    }
}

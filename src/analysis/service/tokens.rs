//! Words of a customer message: jieba-rs cuts Chinese runs into words, Latin runs
//! become lower-cased words, and what carries no meaning for intent or mood is
//! dropped (punctuation, emoji, whitespace, control characters, long numbers such as
//! order or phone numbers, a short list of stop words).
//!
//! Contract:
//! - Never panics, whatever the text (empty, 100 kB, emoji, mixed scripts).
//! - Full-width Latin letters and digits (`ＸＬ`, `１２`) read as their ASCII forms.
//! - A number of up to [`MAX_NUMBER_DIGITS`] digits is kept as a word (sizes, weights,
//!   days: "170", "38"); longer ones (order, tracking, phone numbers) are dropped.
//! - Negations (不, 没, not, no) are never stop words: they carry the mood.

use std::sync::OnceLock;

use jieba_rs::Jieba;
use rayon::prelude::*;

use crate::jobs::{Cancelled, Progress};

/// Longest digit run kept as a word.
pub const MAX_NUMBER_DIGITS: usize = 4;

/// Words too common to tell intents or moods apart: particles, pronouns, greetings.
const STOP_WORDS: &[&str] = &[
    // Chinese particles, pronouns and fillers.
    "的", "了", "吗", "呢", "啊", "吧", "呀", "哦", "噢", "嗯", "哈", "么", "嘛", "哟", "啦", "着",
    "过", "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "是", "在", "和", "与", "及",
    "就", "都", "也", "还", "这", "那", "这个", "那个", "个", "一个", "把", "被", "给", "呗", "亲",
    "请问", "一下", "之", "地", "得", // English articles, pronouns, auxiliaries, greetings.
    "the", "a", "an", "is", "are", "was", "were", "be", "been", "am", "to", "of", "and", "or",
    "in", "on", "at", "for", "it", "its", "this", "that", "i", "you", "we", "my", "your", "me",
    "our", "us", "with", "as", "by", "from", "so", "do", "does", "did", "have", "has", "had",
    "will", "would", "can", "could", "just", "please", "hi", "hello", "there", "s", "t", "m", "he",
    "she", "they", "them", "his", "her", "their", "what", "which", "if", "then", "than",
];

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

fn stop_words() -> &'static foldhash::HashSet<&'static str> {
    static SET: OnceLock<foldhash::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

/// Whether `c` is a Chinese character (CJK unified ideographs and their extensions).
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF | 0x30000..=0x3134F)
}

/// Full-width ASCII forms (U+FF01..U+FF5E) as ASCII: Chinese keyboards type them.
fn half_width(c: char) -> char {
    match c as u32 {
        cp @ 0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    None,
    Han,
    Word,
}

/// The words of `text`, in order (see the module contract).
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = Run::None;
    let mut han = String::new();
    let mut word = String::new();
    for c in text.chars().map(half_width) {
        let kind = if is_han(c) {
            Run::Han
        } else if c.is_alphanumeric() {
            Run::Word
        } else if c == '\'' && run == Run::Word {
            // "don't" stays one word.
            word.push(c);
            continue;
        } else {
            Run::None
        };
        if kind != run {
            flush(run, &mut han, &mut word, &mut out);
            run = kind;
        }
        match kind {
            Run::Han => han.push(c),
            Run::Word => word.extend(c.to_lowercase()),
            Run::None => {}
        }
    }
    flush(run, &mut han, &mut word, &mut out);
    out
}

fn flush(run: Run, han: &mut String, word: &mut String, out: &mut Vec<String>) {
    let stop = stop_words();
    match run {
        Run::Han => {
            for token in jieba().cut(han, true) {
                if !stop.contains(token.word) {
                    out.push(token.word.to_string());
                }
            }
            han.clear();
        }
        Run::Word => {
            let w = word.trim_matches('\'');
            let digits = w.chars().all(|c| c.is_ascii_digit());
            let drop = w.is_empty() || stop.contains(w) || (digits && w.len() > MAX_NUMBER_DIGITS);
            if !drop {
                out.push(w.to_string());
            }
            word.clear();
        }
        Run::None => {}
    }
}

/// [`tokenize`] for many texts in parallel, reporting progress and stopping when
/// cancelled (checked between blocks of texts).
pub fn tokenize_all(texts: &[&str], progress: &Progress) -> Result<Vec<Vec<String>>, Cancelled> {
    const BLOCK: usize = 4_096;
    let total = texts.len() as u64;
    let done = std::sync::atomic::AtomicU64::new(0);
    let blocks: Result<Vec<Vec<Vec<String>>>, Cancelled> = texts
        .par_chunks(BLOCK)
        .map(|block| {
            progress.check()?;
            let tokens: Vec<Vec<String>> = block.iter().map(|t| tokenize(t)).collect();
            let now = done.fetch_add(block.len() as u64, std::sync::atomic::Ordering::Relaxed);
            progress.report(now + block.len() as u64, total);
            Ok(tokens)
        })
        .collect();
    Ok(blocks?.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn chinese_is_cut_into_words_and_stop_words_dropped() {
        let t = tokenize("我的快递怎么还没到啊？");
        assert!(t.contains(&"快递".to_string()), "{t:?}");
        assert!(
            !t.iter()
                .any(|w| w == "的" || w == "我" || w == "啊" || w == "？"),
            "{t:?}"
        );
    }

    #[test]
    fn latin_is_lower_cased_and_punctuation_dropped() {
        let t = tokenize("Bad QUALITY, broke after a day!!! 😡");
        assert_eq!(t, ["bad", "quality", "broke", "after", "day"]);
    }

    #[test]
    fn mixed_scripts_full_width_and_numbers() {
        let t = tokenize("我身高170，穿ＸＬ还是L码? order 20240512123456 don't");
        assert!(t.contains(&"170".to_string()), "{t:?}");
        assert!(t.contains(&"xl".to_string()), "{t:?}");
        assert!(t.contains(&"don't".to_string()), "{t:?}");
        assert!(
            !t.iter().any(|w| w.starts_with("2024")),
            "long numbers dropped: {t:?}"
        );
    }

    #[test]
    fn negations_are_kept() {
        let t = tokenize("不好用, not good");
        assert!(t.iter().any(|w| w.contains('不')), "{t:?}");
        assert!(t.contains(&"not".to_string()), "{t:?}");
    }

    #[test]
    fn empty_and_symbol_only_texts_have_no_words() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \t\n\u{0}\u{7}!!？？😀👍🏽 ...").is_empty());
    }

    #[test]
    fn a_long_text_is_tokenized() {
        let text = "质量很好，物流也快，good value 👍 ".repeat(4_000);
        assert!(text.len() > 100_000);
        let t = tokenize(&text);
        assert!(t.len() > 4_000 * 4, "{}", t.len());
    }

    #[test]
    fn tokenize_all_keeps_order_and_stops_when_cancelled() {
        let texts = ["物流太慢", "good quality", ""];
        let all = tokenize_all(&texts, &Progress::detached()).expect("not cancelled");
        assert_eq!(all.len(), 3);
        assert_eq!(all[1], ["good", "quality"]);
        assert!(all[2].is_empty());
        let progress = Progress::detached();
        progress.cancel();
        assert_eq!(tokenize_all(&texts, &progress), Err(Cancelled));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn never_panics_and_yields_no_empty_or_spaced_words(text in "\\PC{0,200}|[\\x00-\\x7f\u{4e00}-\u{4e80}😀-🙏]{0,200}") {
            for w in tokenize(&text) {
                prop_assert!(!w.is_empty());
                prop_assert!(!w.chars().any(|c| c.is_whitespace() || c.is_control()));
            }
        }
    }
}

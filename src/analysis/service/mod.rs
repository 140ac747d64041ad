//! Customer service text: the words of a message ([`tokens`]), TF-IDF features
//! ([`tfidf`]), intents ([`intent`]), mood ([`sentiment`]), suggested replies and an
//! FAQ from past answers ([`suggest`]), and the words that set one group of texts
//! apart from another ([`words`]). [`planted`] generates messages with known
//! intents for tests, benchmarks and sample data. Nothing here imports egui.

pub mod intent;
pub mod planted;
pub mod sentiment;
pub mod suggest;
pub mod tfidf;
pub mod tokens;
pub mod words;

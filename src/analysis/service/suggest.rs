//! Suggested replies: the past messages most like a new one (BM25 over tokens,
//! an inverted index), and an FAQ of the questions customers ask most with the
//! reply agents gave most often.
//!
//! Contract:
//! - BM25 with k1 = 1.2, b = 0.75 and idf `ln(1 + (N - df + 0.5) / (df + 0.5))`.
//! - A match's `score` is its BM25 divided by the query's own score (the query
//!   read as a document of the index), capped at 1: 1 means the past message has
//!   every word of the query; scores compare across queries, and below
//!   [`GOOD_MATCH`] the suggestion is not worth showing. A query word the index
//!   never saw still counts in the query's own score, so it lowers every match.
//! - Ties go to the earlier message.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use foldhash::HashMap;
use rayon::prelude::*;

use crate::jobs::{Cancelled, Progress};

const K1: f64 = 1.2;
const B: f64 = 0.75;
/// Below this score a past message is no good answer to the query. Chosen on the
/// planted test in `suggest_tests.rs`: unrelated questions that share greetings and
/// fillers with the messages score up to 0.33; paraphrases 0.56 and more, except
/// those adding several words no message uses (0.23, 0.30).
pub const GOOD_MATCH: f64 = 0.35;

/// A past message and how well it matches the query (0..=1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    pub doc: usize,
    pub score: f64,
}

/// An inverted index of tokenised messages.
#[derive(Clone, Debug, Default)]
pub struct ReplyIndex {
    terms: HashMap<String, u32>,
    /// Postings of term t: `docs[offsets[t]..offsets[t + 1]]` with their counts.
    offsets: Vec<usize>,
    docs: Vec<u32>,
    counts: Vec<u16>,
    lengths: Vec<u32>,
    mean_length: f64,
}

impl ReplyIndex {
    pub fn build(docs: &[Vec<String>]) -> ReplyIndex {
        let mut terms: HashMap<String, u32> = HashMap::default();
        // Each document's (term, count), ids given in first-seen order.
        let per_doc: Vec<Vec<(u32, u16)>> = docs
            .iter()
            .map(|doc| {
                let mut ids: Vec<u32> = doc
                    .iter()
                    .map(|w| match terms.get(w.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = terms.len() as u32;
                            terms.insert(w.clone(), id);
                            id
                        }
                    })
                    .collect();
                ids.sort_unstable();
                ids.chunk_by(|a, b| a == b)
                    .map(|run| (run[0], run.len().min(usize::from(u16::MAX)) as u16))
                    .collect()
            })
            .collect();
        let mut offsets = vec![0usize; terms.len() + 1];
        for &(t, _) in per_doc.iter().flatten() {
            offsets[t as usize + 1] += 1;
        }
        for t in 0..terms.len() {
            offsets[t + 1] += offsets[t];
        }
        let postings = offsets[terms.len()];
        let mut next = offsets.clone();
        let mut doc_ids = vec![0u32; postings];
        let mut counts = vec![0u16; postings];
        for (d, entries) in per_doc.iter().enumerate() {
            for &(t, c) in entries {
                let at = &mut next[t as usize];
                doc_ids[*at] = d as u32;
                counts[*at] = c;
                *at += 1;
            }
        }
        let lengths: Vec<u32> = docs.iter().map(|d| d.len() as u32).collect();
        let mean_length =
            lengths.iter().map(|&l| f64::from(l)).sum::<f64>() / lengths.len().max(1) as f64;
        ReplyIndex {
            terms,
            offsets,
            docs: doc_ids,
            counts,
            lengths,
            mean_length: mean_length.max(1.0),
        }
    }

    /// How many messages the index holds.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    fn idf(&self, df: usize) -> f64 {
        let n = self.len() as f64;
        (1.0 + (n - df as f64 + 0.5) / (df as f64 + 0.5)).ln()
    }

    fn term_score(&self, tf: f64, length: f64) -> f64 {
        tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / self.mean_length))
    }

    /// Every past message scoring at least `min_score`, best first, then by index.
    fn scored(&self, query: &[String], min_score: f64, keep: usize) -> Vec<Match> {
        if query.is_empty() || self.is_empty() || keep == 0 {
            return Vec::new();
        }
        let mut unique: Vec<&String> = query.iter().collect();
        unique.sort_unstable();
        let mut query_terms: Vec<(Option<u32>, f64)> = Vec::new();
        for run in unique.chunk_by(|a, b| a == b) {
            query_terms.push((self.terms.get(run[0].as_str()).copied(), run.len() as f64));
        }
        let query_length = query.len() as f64;
        let mut own = 0.0;
        let mut scores = vec![0.0f32; self.len()];
        let mut touched: Vec<u32> = Vec::new();
        for &(term, qtf) in &query_terms {
            let range = term.map_or(0..0, |t| {
                self.offsets[t as usize]..self.offsets[t as usize + 1]
            });
            let idf = self.idf(range.len());
            own += qtf * idf * self.term_score(qtf, query_length);
            for at in range {
                let d = self.docs[at] as usize;
                if scores[d] == 0.0 {
                    touched.push(d as u32);
                }
                let s = qtf
                    * idf
                    * self.term_score(f64::from(self.counts[at]), f64::from(self.lengths[d]));
                scores[d] += s as f32;
            }
        }
        // A heap of the best `keep`, worst on top (so it is the one pushed out).
        let mut heap: BinaryHeap<Worst> = BinaryHeap::new();
        for d in touched {
            let score = (f64::from(scores[d as usize]) / own).min(1.0);
            if score < min_score {
                continue;
            }
            heap.push(Worst(Match {
                doc: d as usize,
                score,
            }));
            if heap.len() > keep {
                heap.pop();
            }
        }
        let mut out: Vec<Match> = heap.into_iter().map(|w| w.0).collect();
        out.sort_by(better);
        out
    }

    /// The `k` past messages most like `query`, best first.
    pub fn search(&self, query: &[String], k: usize) -> Vec<Match> {
        self.scored(query, f64::MIN_POSITIVE, k)
    }
}

/// Best first: higher score, then earlier message.
fn better(a: &Match, b: &Match) -> Ordering {
    b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc))
}

/// Orders matches so the max-heap's top is the worst one.
struct Worst(Match);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        better(&self.0, &other.0) == Ordering::Equal
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        better(&self.0, &other.0)
    }
}

/// How questions are grouped into an FAQ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FaqParams {
    /// A message joins a question when it scores at least this against it.
    pub same_question: f64,
    /// Smallest group that becomes an entry.
    pub min_count: usize,
    /// Latest answered messages read per intent (bounds the time on big files).
    pub max_per_intent: usize,
}

impl Default for FaqParams {
    fn default() -> Self {
        FaqParams {
            same_question: 0.5,
            min_count: 3,
            max_per_intent: 5_000,
        }
    }
}

/// A question customers ask, and the reply agents gave it most often.
#[derive(Clone, Debug, PartialEq)]
pub struct FaqEntry {
    /// The message whose wording is the most common in the group.
    pub question: usize,
    pub reply: String,
    /// Messages in the group.
    pub count: usize,
    pub intent: usize,
}

/// Groups answered messages (a non-empty reply) of each intent into questions,
/// greedily: the most common wording first takes every message still free that
/// scores at least `same_question` against it. Entries are sorted by count, largest
/// first. `docs`, `intents` and `replies` are read up to the shortest of them.
pub fn faq(
    docs: &[Vec<String>],
    intents: &[usize],
    replies: &[Option<&str>],
    params: &FaqParams,
    progress: &Progress,
) -> Result<Vec<FaqEntry>, Cancelled> {
    let n = docs.len().min(intents.len()).min(replies.len());
    let mut by_intent: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..n {
        if replies[i].is_some_and(|r| !r.trim().is_empty()) {
            by_intent.entry(intents[i]).or_default().push(i);
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = by_intent.into_iter().collect();
    groups.sort_by_key(|(intent, _)| *intent);
    let total = groups.len() as u64;
    let done = std::sync::atomic::AtomicU64::new(0);
    let entries: Result<Vec<Vec<FaqEntry>>, Cancelled> = groups
        .par_iter()
        .map(|(intent, members)| {
            progress.check()?;
            let latest = &members[members.len().saturating_sub(params.max_per_intent)..];
            let out = intent_faq(docs, replies, latest, *intent, params, progress)?;
            let now = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress.report(now, total);
            Ok(out)
        })
        .collect();
    let mut entries: Vec<FaqEntry> = entries?.into_iter().flatten().collect();
    entries.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.intent.cmp(&b.intent))
            .then(a.question.cmp(&b.question))
    });
    Ok(entries)
}

fn intent_faq(
    docs: &[Vec<String>],
    replies: &[Option<&str>],
    members: &[usize],
    intent: usize,
    params: &FaqParams,
    progress: &Progress,
) -> Result<Vec<FaqEntry>, Cancelled> {
    let local: Vec<Vec<String>> = members.iter().map(|&i| docs[i].clone()).collect();
    let index = ReplyIndex::build(&local);
    // Seeds: each distinct wording, the most common first.
    let mut wordings: HashMap<&[String], (usize, usize)> = HashMap::default();
    for (at, doc) in local.iter().enumerate() {
        wordings.entry(doc.as_slice()).or_insert((0, at)).0 += 1;
    }
    let mut seeds: Vec<(usize, usize)> = wordings
        .into_values()
        .filter(|(_, at)| !local[*at].is_empty())
        .collect();
    seeds.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut taken = vec![false; local.len()];
    let mut out = Vec::new();
    for (step, &(_, seed)) in seeds.iter().enumerate() {
        if step % 256 == 0 {
            progress.check()?;
        }
        if taken[seed] {
            continue;
        }
        let group: Vec<usize> = index
            .scored(&local[seed], params.same_question, usize::MAX)
            .into_iter()
            .map(|m| m.doc)
            .filter(|&d| !taken[d])
            .collect();
        group.iter().for_each(|&d| taken[d] = true);
        if group.len() < params.min_count.max(1) {
            continue;
        }
        // The reply given most often; ties to the one given first.
        let mut tally: HashMap<&str, (usize, usize)> = HashMap::default();
        for &d in &group {
            if let Some(r) = replies[members[d]] {
                tally.entry(r.trim()).or_insert((0, d)).0 += 1;
            }
        }
        let reply = tally
            .into_iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
            .map(|(r, _)| r.to_string())
            .unwrap_or_default();
        out.push(FaqEntry {
            question: members[seed],
            reply,
            count: group.len(),
            intent,
        });
    }
    Ok(out)
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;

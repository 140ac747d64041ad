//! TF-IDF features over tokenised messages (hand-written: the documents are
//! already tokenised, and a sparse row per message is all the models need).
//!
//! Contract:
//! - A word enters the vocabulary when at least `min_df` documents contain it.
//! - Term weight: `(1 + ln tf) * idf` with the smoothed `idf = ln((1 + N) / (1 + df)) + 1`,
//!   each row scaled to unit length; a document with no known word is an empty row.
//! - Word ids follow the first document that uses each word, so a fit is deterministic.

use foldhash::HashMap;
use rayon::prelude::*;

/// One document as (word id, weight), ids increasing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseRow {
    pub ids: Vec<u32>,
    pub weights: Vec<f32>,
}

impl SparseRow {
    pub fn iter(&self) -> impl Iterator<Item = (usize, f32)> + '_ {
        self.ids
            .iter()
            .map(|&i| i as usize)
            .zip(self.weights.iter().copied())
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Words seen in enough documents, with their inverse document frequency.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    words: Vec<String>,
    index: HashMap<String, u32>,
    idf: Vec<f32>,
    documents: usize,
}

impl Vocabulary {
    /// Learns the words of `docs` found in at least `min_df` of them (0 reads as 1).
    pub fn fit(docs: &[Vec<String>], min_df: usize) -> Vocabulary {
        // Per-block counts merged in block order, so first use (and so the ids) is
        // the same however rayon splits the work.
        let blocks: Vec<(Vec<&str>, HashMap<&str, u32>)> = docs
            .par_chunks(8_192)
            .map(|block| {
                let mut order = Vec::new();
                let mut df: HashMap<&str, u32> = HashMap::default();
                let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
                for doc in block {
                    seen.clear();
                    for w in doc {
                        if seen.insert(w.as_str()) {
                            let n = df.entry(w.as_str()).or_insert(0);
                            if *n == 0 {
                                order.push(w.as_str());
                            }
                            *n += 1;
                        }
                    }
                }
                (order, df)
            })
            .collect();
        let mut order: Vec<&str> = Vec::new();
        let mut df: HashMap<&str, u32> = HashMap::default();
        for (block_order, block_df) in blocks {
            for w in block_order {
                let n = df.entry(w).or_insert(0);
                if *n == 0 {
                    order.push(w);
                }
                *n += block_df[w];
            }
        }
        let n = docs.len() as f64;
        let mut vocabulary = Vocabulary {
            documents: docs.len(),
            ..Vocabulary::default()
        };
        for w in order {
            let d = df[w];
            if d as usize >= min_df.max(1) {
                vocabulary
                    .index
                    .insert(w.to_string(), vocabulary.words.len() as u32);
                vocabulary.words.push(w.to_string());
                vocabulary
                    .idf
                    .push((((1.0 + n) / (1.0 + f64::from(d))).ln() + 1.0) as f32);
            }
        }
        vocabulary
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How many documents the vocabulary was fitted on.
    pub fn documents(&self) -> usize {
        self.documents
    }

    pub fn word(&self, id: usize) -> &str {
        &self.words[id]
    }

    pub fn id(&self, word: &str) -> Option<usize> {
        self.index.get(word).map(|&i| i as usize)
    }

    /// The TF-IDF row of `doc` (words outside the vocabulary are ignored).
    pub fn transform(&self, doc: &[String]) -> SparseRow {
        let mut ids: Vec<u32> = doc
            .iter()
            .filter_map(|w| self.index.get(w.as_str()).copied())
            .collect();
        ids.sort_unstable();
        let mut row = SparseRow::default();
        for chunk in ids.chunk_by(|a, b| a == b) {
            let id = chunk[0];
            row.ids.push(id);
            row.weights
                .push((1.0 + (chunk.len() as f32).ln()) * self.idf[id as usize]);
        }
        let norm = row.weights.iter().map(|w| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            row.weights.iter_mut().for_each(|w| *w /= norm);
        }
        row
    }

    /// [`Vocabulary::transform`] of every document, in parallel.
    pub fn transform_all(&self, docs: &[Vec<String>]) -> Vec<SparseRow> {
        docs.par_iter().map(|d| self.transform(d)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(texts: &[&str]) -> Vec<Vec<String>> {
        texts
            .iter()
            .map(|t| t.split_whitespace().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn rare_words_are_left_out_and_common_words_weigh_less() {
        let d = docs(&["ship late", "ship refund", "ship refund rare", "size"]);
        let v = Vocabulary::fit(&d, 2);
        assert_eq!(v.len(), 2, "ship and refund only");
        assert_eq!(v.word(0), "ship");
        assert_eq!(v.id("rare"), None);
        let row = v.transform(&docs(&["ship refund refund"])[0]);
        let weight = |w: &str| row.iter().find(|(i, _)| *i == v.id(w).unwrap()).unwrap().1;
        assert!(
            weight("refund") > weight("ship"),
            "rarer and repeated: {row:?}"
        );
        let norm: f32 = row.weights.iter().map(|w| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-5);
    }

    #[test]
    fn unknown_words_give_an_empty_row() {
        let v = Vocabulary::fit(&docs(&["a b", "a b"]), 1);
        assert!(v.transform(&docs(&["zzz"])[0]).is_empty());
        assert!(Vocabulary::fit(&[], 1).is_empty());
    }

    #[test]
    fn ids_do_not_depend_on_how_the_work_is_split() {
        let many: Vec<Vec<String>> = (0..20_000)
            .map(|i| vec![format!("w{}", i % 97), format!("v{}", i % 13)])
            .collect();
        let v = Vocabulary::fit(&many, 1);
        assert_eq!(v.len(), 97 + 13);
        assert_eq!(v.word(0), "w0");
        assert_eq!(v.word(1), "v0");
        assert_eq!(v.documents(), 20_000);
    }
}

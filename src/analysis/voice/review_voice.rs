//! Reviews read as product voice, per product and per category: each review's
//! mood (its stars, else the sentiment model at the threshold the rated reviews
//! calibrate), then `products::product_voice` over products and again over their
//! categories, with names and categories from the loaded products files (else the
//! order lines).
//!
//! Contract: a category's voice uses the same rules as a product's (flagged,
//! dropped, marking words); reviews of products without a known category are left
//! out of the category table only, and `categorised` says how many were placed.

use std::collections::HashMap;

use polars::prelude::*;

use super::RECENT_DAYS;
use super::products::{ProductVoice, ReviewFacts, product_voice};
use super::texts::Reviews;
use crate::analysis::AnalysisError;
use crate::analysis::service::sentiment::{self, Calibration, SentimentModel};
use crate::analysis::service::tokens::tokenize_all;
use crate::data::{FileKind, Store};
use crate::jobs::Progress;

/// Reviews read as product voice.
#[derive(Clone, Debug)]
pub struct ReviewVoice {
    pub reviews: usize,
    pub products: Vec<ProductVoice>,
    /// The same per category (`item` is the category's name); empty when no
    /// category is known for any reviewed product.
    pub categories: Vec<ProductVoice>,
    /// Reviews whose product has a known category.
    pub categorised: usize,
    pub negative_share: f64,
    pub calibration: Option<Calibration>,
}

pub(super) fn review_voice(
    store: &Store,
    reviews: &Reviews,
    model: &SentimentModel,
    progress: &Progress,
) -> Result<ReviewVoice, AnalysisError> {
    let texts: Vec<&str> = reviews.text.iter().map(String::as_str).collect();
    let tokens = tokenize_all(&texts, progress).map_err(|_| AnalysisError::Cancelled)?;
    let positive: Vec<f64> = tokens.iter().map(|t| model.positive(t)).collect();
    let rated: Vec<(usize, f64)> = reviews
        .rating
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (i, r)))
        .collect();
    // Without both good and bad ratings there is nothing to calibrate on: the
    // model's own 0.5 stands.
    let scores: Vec<f64> = rated.iter().map(|(i, _)| positive[*i]).collect();
    let ratings: Vec<f64> = rated.iter().map(|(_, r)| *r).collect();
    let calibration = sentiment::calibrate_scores(&scores, &ratings).ok();
    let threshold = calibration.map_or(0.5, |c| c.threshold);
    let facts: Vec<ReviewFacts> = (0..reviews.len())
        .map(|i| ReviewFacts {
            item: &reviews.item[i],
            time: reviews.time[i],
            rating: reviews.rating[i],
            negative: match reviews.rating[i] {
                Some(r) => r <= 2.0,
                None => positive[i] < threshold,
            },
            tokens: &tokens[i],
        })
        .collect();
    let (mut products, negative_share) = product_voice(&facts, RECENT_DAYS);
    let details = product_details(store, &reviews.item);
    for p in &mut products {
        p.name = details.get(&p.item).and_then(|d| d.name.clone());
    }
    let by_category: Vec<ReviewFacts> = facts
        .iter()
        .filter_map(|f| {
            let category = details.get(f.item)?.category.as_deref()?;
            Some(ReviewFacts {
                item: category,
                time: f.time,
                rating: f.rating,
                negative: f.negative,
                tokens: f.tokens,
            })
        })
        .collect();
    let (categories, _) = product_voice(&by_category, RECENT_DAYS);
    Ok(ReviewVoice {
        reviews: reviews.len(),
        products,
        categorised: by_category.len(),
        categories,
        negative_share,
        calibration,
    })
}

#[derive(Default)]
struct Details {
    name: Option<String>,
    category: Option<String>,
}

/// Name and category of each of `items`: the first of each in the products files,
/// then in the order lines.
fn product_details(store: &Store, items: &[String]) -> HashMap<String, Details> {
    let mut details: HashMap<String, Details> = items
        .iter()
        .map(|item| (item.clone(), Details::default()))
        .collect();
    let lines = store.order_lines().ok().flatten();
    let frames = store
        .of_kind(FileKind::Products)
        .map(|t| &t.frame)
        .chain(lines.as_ref());
    for frame in frames {
        let text = |name: &str| -> Option<StringChunked> {
            let column = frame.column(name).ok()?.cast(&DataType::String).ok()?;
            column.str().ok().cloned()
        };
        let Some(ids) = text("item_id") else {
            continue;
        };
        let (names, categories) = (text("item_name"), text("category"));
        for (row, id) in ids.iter().enumerate() {
            let Some(entry) = id.and_then(|id| details.get_mut(id)) else {
                continue;
            };
            let at = |column: &Option<StringChunked>| column.as_ref()?.get(row).map(str::to_string);
            if entry.name.is_none() {
                entry.name = at(&names);
            }
            if entry.category.is_none() {
                entry.category = at(&categories);
            }
        }
    }
    details
}

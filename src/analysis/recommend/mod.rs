//! Recommendations from purchases: which items to offer each customer, why, and
//! how well each model would have done (the report card); items bought together
//! and what customers buy next.
//!
//! - [`interactions`]: purchase lines or explicit ratings → indexed events and
//!   the sparse matrix.
//! - [`pairs`]: interactions from a streamed file's distinct purchases (a file
//!   larger than memory), for popularity and item-kNN.
//! - [`models`]: popularity, item-kNN, user-kNN, ALS, history, repeat, SASRec
//!   and blend, with a content fallback and a reason per item.
//! - [`repeat`]: the timed repeat-buy model (recency-decayed baskets plus similar
//!   customers' re-buys); [`blend`]: the blend's mix of parts.
//! - [`sasrec`]: the self-attention next-item model (SASRec), trained on
//!   each customer's item sequence.
//! - [`evaluate`]: leave-last-out, time 80/20 and last-basket protocols; metrics at K.
//! - [`rules`]: frequently-bought-together rules by FP-growth.
//! - [`transitions`]: next-purchase transitions (item or category A → B).
//! - [`validate`]: neighbours, ALS, repeat settings and the blend's mix chosen on
//!   a validation split of the training purchases.

pub mod als;
pub mod blend;
pub mod evaluate;
pub mod interactions;
pub mod knn;
pub mod models;
pub mod pairs;
mod reason;
pub mod repeat;
pub mod rules;
pub mod sasrec;
pub mod sparse;
pub mod transitions;
pub mod validate;

pub use als::AlsParams;
pub use blend::BlendWeights;
pub use interactions::{
    Event, Feedback, Interactions, ItemInfo, interactions_from_lines, interactions_from_ratings,
};
pub use models::{Model, ModelKind, ModelParams, fit};
pub use reason::{Reason, Recommendation};
pub use repeat::RepeatParams;
pub use sasrec::SasrecParams;

use polars::prelude::{Column, DataFrame, PolarsResult};

use crate::tr;

impl ModelKind {
    /// The name shown in the window, in the window's language (the English one is
    /// [`ModelKind::name`], which the command line reads and writes).
    pub fn display_name(self) -> String {
        match self {
            ModelKind::Popular => tr!("recommend-model-popular"),
            ModelKind::ItemKnn => tr!("recommend-model-item-knn"),
            ModelKind::UserKnn => tr!("recommend-model-user-knn"),
            ModelKind::Als => tr!("recommend-model-als"),
            ModelKind::History => tr!("recommend-model-history"),
            ModelKind::Repeat => tr!("recommend-model-repeat"),
            ModelKind::Sasrec => tr!("recommend-model-sasrec"),
            ModelKind::Blend => tr!("recommend-model-blend"),
        }
    }
}

/// Decimals of a recommendation's score, on screen and in the export.
pub const SCORE_DECIMALS: i32 = 3;

/// Every customer's list as one table: `customer_id, rank, item_id, item_name,
/// score, reason` (lists in customer order, ranks from 1, the score to
/// [`SCORE_DECIMALS`] as the list shows it).
pub fn lists_frame(
    interactions: &Interactions,
    lists: &[Vec<Recommendation>],
) -> PolarsResult<DataFrame> {
    let mut customer = Vec::new();
    let mut rank = Vec::new();
    let mut item_id = Vec::new();
    let mut item_name = Vec::new();
    let mut score = Vec::new();
    let mut reason = Vec::new();
    for (u, list) in lists.iter().enumerate() {
        for (k, r) in list.iter().enumerate() {
            let item = &interactions.items[r.item as usize];
            customer.push(interactions.customers[u].as_str());
            rank.push(k as u32 + 1);
            item_id.push(item.id.as_str());
            item_name.push(item.name.as_str());
            score.push(crate::export::rounded(f64::from(r.score), SCORE_DECIMALS));
            reason.push(r.reason.text(&interactions.items));
        }
    }
    DataFrame::new(
        rank.len(),
        vec![
            Column::new("customer_id".into(), customer),
            Column::new("rank".into(), rank),
            Column::new("item_id".into(), item_id),
            Column::new("item_name".into(), item_name),
            Column::new("score".into(), score),
            Column::new("reason".into(), reason),
        ],
    )
}

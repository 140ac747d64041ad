//! Recommendations from purchases: which items to offer each customer, why, and
//! how well each model would have done (the report card); items bought together
//! and what customers buy next.
//!
//! - [`interactions`]: purchase lines → indexed events and the sparse matrix.
//! - [`models`]: popularity, item-kNN, user-kNN, ALS, history and blend, with a
//!   content fallback and a reason per item.
//! - [`evaluate`]: leave-last-out, time 80/20 and last-basket protocols; metrics at K.
//! - [`rules`]: frequently-bought-together rules by FP-growth.
//! - [`transitions`]: next-purchase transitions (item or category A → B).

pub mod als;
pub mod evaluate;
pub mod interactions;
pub mod knn;
pub mod models;
pub mod rules;

pub mod sparse;
pub mod transitions;

pub use als::AlsParams;
pub use interactions::{Event, Interactions, ItemInfo, interactions_from_lines};
pub use models::{Model, ModelKind, ModelParams, Reason, Recommendation, fit};

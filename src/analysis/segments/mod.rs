//! Customer segments: K-means on per-customer features, with profiles that
//! explain each segment.
//!
//! [`features`] builds the matrix (log1p + z-score, nulls settled), [`search`] fits
//! K-means for one K or the best K in a range ([`auto_k`] says which K are fitted
//! and which is picked), [`profile`] describes and names the
//! segments, [`tree`] reads them back as decision-tree rules, [`signals`] adds
//! the customer-service signals as features. [`segment_customers`] runs all three
//! as one job; it checks for cancel between steps and between K values.

pub mod auto_k;
pub mod features;
pub mod hamerly;
pub mod profile;
pub mod scatter;
pub mod search;
pub mod signals;
pub mod silhouette;
pub mod tree;

use chrono::NaiveDate;
use polars::prelude::DataFrame;

pub use auto_k::{AUTO_K_RULE, CHART_K, auto_k_rule, choose_k};
pub use features::{
    CustomerFeatures, Feature, FeatureSet, customer_features, customer_features_of_table,
    customer_features_with,
};
pub use profile::{SegmentProfile, profile_segments, propose_name};
pub use search::{Clustering, KChoice, KScore, MAX_K, SearchParams, adjusted_rand_index, cluster};
pub use silhouette::Silhouette;
pub use tree::{Condition, SegmentTree, TreeParams, TreeRule, explain_segments};

use crate::analysis::lines::{AnalysisError, check_memory};
use crate::jobs::Progress;
use crate::tr;

/// A finished segmentation: the features, the clustering and the profiles.
#[derive(Clone, Debug)]
pub struct Segmentation {
    pub features: CustomerFeatures,
    pub clustering: Clustering,
    /// One per segment, by id (0 = largest).
    pub profiles: Vec<SegmentProfile>,
}

/// Memory segmenting takes per order line, beyond the loaded lines: about
/// 1.3 GB above the load on 16.9 M lines (`benches/large.rs`), with room for an
/// allocator that holds more.
const BYTES_PER_LINE: u64 = 200;

/// Builds features from canonical order `lines`, clusters, and profiles.
pub fn segment_customers(
    lines: &DataFrame,
    set: &FeatureSet,
    params: &SearchParams,
    analysis_date: Option<NaiveDate>,
    progress: &Progress,
) -> Result<Segmentation, AnalysisError> {
    segment_customers_with(lines, None, set, params, analysis_date, progress)
}

/// [`segment_customers`] of a per-customer table that is already summed (a
/// streamed file: `data::scan`): the same clustering and profiles, without the
/// top categories (they need the lines).
pub fn segment_customer_table(
    table: &crate::analysis::customers::CustomerTable,
    money: bool,
    set: &FeatureSet,
    params: &SearchParams,
    progress: &Progress,
) -> Result<Segmentation, AnalysisError> {
    progress.set_message(tr!("segments-progress-features"));
    let features = customer_features_of_table(table, money, set)?;
    params.check(features.len())?;
    let clustering = cluster(features.scaled.view(), params, progress)?;
    progress.check().map_err(|_| AnalysisError::Cancelled)?;
    progress.set_message(tr!("segments-progress-profiles"));
    let profiles = profile_segments(&features, &clustering.labels, clustering.k, None)?;
    Ok(Segmentation {
        features,
        clustering,
        profiles,
    })
}

/// [`segment_customers`] with the customer-service `signals` of a service-messages
/// file (`analysis::voice::signals`), so the signal features can be used.
pub fn segment_customers_with(
    lines: &DataFrame,
    signals: Option<&DataFrame>,
    set: &FeatureSet,
    params: &SearchParams,
    analysis_date: Option<NaiveDate>,
    progress: &Progress,
) -> Result<Segmentation, AnalysisError> {
    check_memory(
        &tr!(
            "analysis-memory-segments",
            lines = lines.height().to_string()
        ),
        lines.height(),
        BYTES_PER_LINE,
    )?;
    progress.set_message(tr!("segments-progress-features"));
    let features = customer_features_with(lines, signals, set, analysis_date, progress)?;
    params.check(features.len())?;
    let clustering = cluster(features.scaled.view(), params, progress)?;
    progress.check().map_err(|_| AnalysisError::Cancelled)?;
    progress.set_message(tr!("segments-progress-profiles"));
    let profiles = profile_segments(&features, &clustering.labels, clustering.k, Some(lines))?;
    Ok(Segmentation {
        features,
        clustering,
        profiles,
    })
}

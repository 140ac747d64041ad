//! What each segment is: size, shares, feature means and medians in original
//! units, top categories, what sets it apart, and a proposed name.
//!
//! Contract:
//! - `revenue_share` is the segment's net revenue over all customers' net revenue
//!   (0 when that total is not positive); returns count negative.
//! - Top categories: the segment's purchase lines (not returns, not cancelled)
//!   by net amount, share of the segment's category revenue, top
//!   [`TOP_CATEGORIES`], ties by name. Empty when there is no category column.
//! - Distinguishing features: (segment mean − everyone else's mean) / population
//!   std over all customers, on the same scale the clustering uses (log1p where the
//!   feature is logged); the [`DISTINGUISHING`] largest in absolute value, ties by
//!   feature order. A segment that is everyone has none.
//! - Names come from [`propose_name`] (rule table in its doc); a repeated name
//!   gets " 2", " 3" in segment order so names are unique.

use std::collections::{BTreeMap, HashMap};

use polars::prelude::*;

use super::features::{CustomerFeatures, Feature, mean_std};
use crate::analysis::lines::{AnalysisError, has_money, polars_failed, with_net_amount};
use crate::i18n::{Language, Phrase};
use crate::phrase;

/// Categories listed per segment.
pub const TOP_CATEGORIES: usize = 3;
/// Distinguishing features listed per segment.
pub const DISTINGUISHING: usize = 3;

/// One segment, described.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentProfile {
    /// 0 = largest.
    pub id: usize,
    /// Proposed plain-language name, unique among the segments, worded in the
    /// language it is shown in.
    pub name: Phrase,
    pub size: usize,
    pub customer_share: f64,
    /// Net revenue of the members and its share of everyone's (None without money).
    pub revenue: Option<f64>,
    pub revenue_share: Option<f64>,
    /// Per available feature (original units): (feature, mean, median).
    pub stats: Vec<(Feature, f64, f64)>,
    /// (category, share of the segment's category revenue), largest first; without
    /// money, shares of the segment's purchase lines.
    pub top_categories: Vec<(String, f64)>,
    /// (feature, standardised difference from everyone else), largest |d| first.
    pub distinguishing: Vec<(Feature, f64)>,
}

impl SegmentProfile {
    /// The mean of `feature` in original units, if available.
    pub fn mean(&self, feature: Feature) -> Option<f64> {
        self.stats
            .iter()
            .find(|(f, _, _)| *f == feature)
            .map(|s| s.1)
    }
}

/// Profiles of segments `0..k`; `labels` has one entry per customer of
/// `features`. `lines` (canonical order lines) gives top categories.
pub fn profile_segments(
    features: &CustomerFeatures,
    labels: &[usize],
    k: usize,
    lines: Option<&DataFrame>,
) -> Result<Vec<SegmentProfile>, AnalysisError> {
    let n = features.len();
    let total_revenue: Option<f64> = features.revenue.as_ref().map(|r| r.iter().sum());
    let categories = match lines {
        Some(lines) if lines.schema().contains("category") => {
            category_revenue(lines, features, labels, k)?
        }
        _ => vec![Vec::new(); k],
    };
    // The clustering scale of every available feature, for differences and names.
    let scaled: Vec<(Vec<f64>, f64)> = features
        .available
        .iter()
        .enumerate()
        .map(|(j, f)| {
            let values: Vec<f64> = features
                .raw
                .column(j)
                .iter()
                .map(|&v| if f.is_logged() { v.max(0.0).ln_1p() } else { v })
                .collect();
            let std = mean_std(&values).1;
            (values, std)
        })
        .collect();
    let mut profiles = Vec::with_capacity(k);
    let mut categories = categories.into_iter();
    for id in 0..k {
        let members: Vec<usize> = (0..n).filter(|&i| labels[i] == id).collect();
        let revenue: Option<f64> = features
            .revenue
            .as_ref()
            .map(|r| members.iter().map(|&i| r[i]).sum());
        let stats = features
            .available
            .iter()
            .enumerate()
            .map(|(j, f)| {
                let mut values: Vec<f64> = members.iter().map(|&i| features.raw[[i, j]]).collect();
                (*f, mean_std(&values).0, median(&mut values))
            })
            .collect();
        let mut differences: Vec<(Feature, f64)> = features
            .available
            .iter()
            .zip(&scaled)
            .map(|(f, (values, std))| (*f, difference(values, labels, id, *std)))
            .collect();
        let levels: BTreeMap<Feature, f64> = differences.iter().copied().collect();
        differences.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        differences.retain(|d| d.1 != 0.0);
        differences.truncate(DISTINGUISHING);
        profiles.push(SegmentProfile {
            id,
            name: propose_name(&levels),
            size: members.len(),
            customer_share: if n > 0 {
                members.len() as f64 / n as f64
            } else {
                0.0
            },
            revenue,
            revenue_share: revenue
                .zip(total_revenue)
                .map(|(part, total)| if total > 0.0 { part / total } else { 0.0 }),
            stats,
            top_categories: categories.next().unwrap_or_default(),
            distinguishing: differences,
        });
    }
    make_unique(&mut profiles);
    Ok(profiles)
}

/// (segment mean − others' mean) / std; 0 when either side is empty or std is 0.
fn difference(values: &[f64], labels: &[usize], id: usize, std: f64) -> f64 {
    let (mut sum_in, mut n_in, mut sum_out, mut n_out) = (0.0, 0usize, 0.0, 0usize);
    for (v, &l) in values.iter().zip(labels) {
        if l == id {
            sum_in += v;
            n_in += 1;
        } else {
            sum_out += v;
            n_out += 1;
        }
    }
    if n_in == 0 || n_out == 0 || std <= 0.0 {
        return 0.0;
    }
    (sum_in / n_in as f64 - sum_out / n_out as f64) / std
}

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

/// Proposes a name from a segment's standardised differences (see
/// [`SegmentProfile::distinguishing`]; R = recency_days, F = orders, M = revenue,
/// T = tenure_days, D = discount_share, C = complained_30d; "high" ≥ 0.5, "low"
/// ≤ −0.5), first rule that matches:
///
/// | rule | name |
/// |---|---|
/// | C ≥ 1 | Recent complainers |
/// | D ≥ 1 | Bargain hunters |
/// | R high, F low | Lapsed one-timers |
/// | R high | Lapsed regulars |
/// | R low, T low | New customers |
/// | R low, F ≥ 1, M high | High-value regulars |
/// | F ≥ 1 | Frequent buyers |
/// | R low, F low | Recent one-timers |
/// | R low | Active regulars |
/// | F low | Occasional buyers |
/// | M high | Big spenders |
/// | otherwise | Steady middle |
///
/// The name is worded when shown (the command line's is English).
pub fn propose_name(levels: &BTreeMap<Feature, f64>) -> Phrase {
    let level = |f| levels.get(&f).copied().unwrap_or(0.0);
    let complained = level(Feature::Complained);
    let (r, f, m, t, d) = (
        level(Feature::Recency),
        level(Feature::Frequency),
        level(Feature::Monetary),
        level(Feature::Tenure),
        level(Feature::DiscountShare),
    );
    let high = |x: f64| x >= 0.5;
    let low = |x: f64| x <= -0.5;
    // Complaints first: the segment wants service recovery before any offer.
    if complained >= 1.0 {
        phrase!("segments-name-recent-complainers")
    } else if d >= 1.0 {
        phrase!("segments-name-bargain-hunters")
    } else if high(r) && low(f) {
        phrase!("segments-name-lapsed-one-timers")
    } else if high(r) {
        phrase!("segments-name-lapsed-regulars")
    } else if low(r) && low(t) {
        phrase!("segments-name-new-customers")
    } else if low(r) && f >= 1.0 && high(m) {
        phrase!("segments-name-high-value-regulars")
    } else if f >= 1.0 {
        phrase!("segments-name-frequent-buyers")
    } else if low(r) && low(f) {
        phrase!("segments-name-recent-one-timers")
    } else if low(r) {
        phrase!("segments-name-active-regulars")
    } else if low(f) {
        phrase!("segments-name-occasional-buyers")
    } else if high(m) {
        phrase!("segments-name-big-spenders")
    } else {
        phrase!("segments-name-steady-middle")
    }
}

fn make_unique(profiles: &mut [SegmentProfile]) {
    // Names are the same or different in every language alike: compare one.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in profiles.iter_mut() {
        let count = seen.entry(p.name.text_in(Language::English)).or_insert(0);
        *count += 1;
        if *count > 1 {
            p.name = phrase!(
                "segments-name-numbered",
                name = p.name.clone(),
                n = count.to_string()
            );
        }
    }
}

/// Per segment, its top categories by purchase revenue (purchase lines when the
/// orders carry no money) with their shares.
fn category_revenue(
    lines: &DataFrame,
    features: &CustomerFeatures,
    labels: &[usize],
    k: usize,
) -> Result<Vec<Vec<(String, f64)>>, AnalysisError> {
    let context = "context-category-revenue-per-segment";
    let segment_of: HashMap<&str, usize> = features
        .customer_ids
        .iter()
        .map(String::as_str)
        .zip(labels.iter().copied())
        .collect();
    // One pass over the lines with a customer → segment lookup: a group-by on
    // (customer, category) would hold every pair's groups (3 GB on 16.9 M lines).
    let weight = if has_money(lines) {
        col("_net")
    } else {
        lit(1.0)
    };
    let purchases = with_net_amount(lines)
        .select([
            col("customer_id").cast(DataType::String),
            col("category").cast(DataType::String),
            weight.alias("_net"),
            col("_return")
                .or(col("_cancelled"))
                .not()
                .alias("_purchase"),
        ])
        .collect()
        .map_err(polars_failed(context))?;
    let column = |name: &str| purchases.column(name).map_err(polars_failed(context));
    let ids = column("customer_id")?
        .str()
        .map_err(polars_failed(context))?;
    let cats = column("category")?.str().map_err(polars_failed(context))?;
    let nets = column("_net")?.f64().map_err(polars_failed(context))?;
    let kept = column("_purchase")?
        .bool()
        .map_err(polars_failed(context))?;
    let mut per_segment: Vec<HashMap<&str, f64>> = vec![HashMap::new(); k];
    let rows = ids
        .iter()
        .zip(cats.iter())
        .zip(nets.iter())
        .zip(kept.iter());
    for (((id, cat), net), kept) in rows {
        let (Some(id), Some(cat), Some(net), Some(true)) = (id, cat, net, kept) else {
            continue;
        };
        // Customers outside the table (no purchase before the analysis date) skip.
        if let Some(&segment) = segment_of.get(id) {
            *per_segment[segment].entry(cat).or_insert(0.0) += net;
        }
    }
    let per_segment = per_segment.into_iter().map(|sums| {
        sums.into_iter()
            .map(|(cat, net)| (cat.to_string(), net))
            .collect::<BTreeMap<String, f64>>()
    });
    Ok(per_segment
        .map(|sums| {
            let total: f64 = sums.values().sum();
            let mut shares: Vec<(String, f64)> = sums
                .into_iter()
                .map(|(c, v)| (c, if total > 0.0 { v / total } else { 0.0 }))
                .collect();
            shares.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            shares.truncate(TOP_CATEGORIES);
            shares
        })
        .collect())
}

//! The Segments tab's settings: the features, K (fixed or chosen in a range) and
//! the seed, checked before any work and read from or written to a project.

use crate::analysis::segments::{FeatureSet, KChoice, MAX_K, SearchParams};
use crate::tr;
use crate::workspace::settings::SettingsError;

/// What the operator chose for a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentsParams {
    pub features: FeatureSet,
    pub k: KChoice,
    pub seed: u64,
}

impl Default for SegmentsParams {
    fn default() -> Self {
        SegmentsParams {
            features: FeatureSet::default(),
            k: KChoice::default(),
            seed: SearchParams::default().seed,
        }
    }
}

impl SegmentsParams {
    /// Checks the settings before any work: K of at least 2 and at most
    /// [`MAX_K`], an auto range from 2 with its smallest K at most its largest.
    pub fn check(&self) -> Result<(), SettingsError> {
        match self.k {
            KChoice::Fixed(k) if k < 2 => {
                Err(SettingsError::invalid("k", k, tr!("workspace-k-too-small")))
            }
            KChoice::Auto { min, max } if min < 2 || min > max => Err(SettingsError::invalid(
                "k_min..k_max",
                format!("{min}..{max}"),
                tr!("workspace-k-auto-range"),
            )),
            KChoice::Fixed(k) | KChoice::Auto { max: k, .. } if k > MAX_K => {
                Err(SettingsError::invalid(
                    "k",
                    k,
                    tr!("workspace-k-too-large", max = MAX_K.to_string()),
                ))
            }
            _ => Ok(()),
        }
    }

    /// The K-means search of these settings: the one place the tab's job and the
    /// headless campaign scores build it.
    pub fn search_params(&self) -> SearchParams {
        SearchParams {
            k: self.k,
            seed: self.seed,
            ..SearchParams::default()
        }
    }

    /// The settings as a project stores them: `{"features": [names], "k": N or
    /// "auto", "k_min", "k_max", "seed"}`.
    pub fn to_settings(&self) -> serde_json::Value {
        let features: Vec<&str> = self.features.features().iter().map(|f| f.name()).collect();
        let (k, k_min, k_max) = match self.k {
            KChoice::Fixed(k) => (serde_json::json!(k), None, None),
            KChoice::Auto { min, max } => (serde_json::json!("auto"), Some(min), Some(max)),
        };
        serde_json::json!({
            "features": features,
            "k": k,
            "k_min": k_min,
            "k_max": k_max,
            "seed": self.seed,
        })
    }

    /// Settings written by [`Self::to_settings`], checked; a missing field takes
    /// its default, a bad one is named in the error.
    pub fn from_settings(value: &serde_json::Value) -> Result<SegmentsParams, SettingsError> {
        /// The file's shape: `k` is a number or "auto".
        #[derive(Default, serde::Deserialize)]
        #[serde(default)]
        struct Saved {
            features: Option<Vec<String>>,
            k: Option<serde_json::Value>,
            k_min: Option<usize>,
            k_max: Option<usize>,
            seed: Option<u64>,
        }
        let saved: Saved = serde_json::from_value(value.clone())?;
        let defaults = SegmentsParams::default();
        let features = match saved.features {
            Some(names) => names
                .join(",")
                .parse::<FeatureSet>()
                .map_err(|e| SettingsError::Unreadable(format!("features: {e}")))?,
            None => defaults.features,
        };
        let (default_min, default_max) = match KChoice::default() {
            KChoice::Auto { min, max } => (min, max),
            KChoice::Fixed(k) => (k, k),
        };
        let auto = |min: Option<usize>, max: Option<usize>| KChoice::Auto {
            min: min.unwrap_or(default_min),
            max: max.unwrap_or(default_max),
        };
        let k = match saved.k {
            None => auto(saved.k_min, saved.k_max),
            Some(serde_json::Value::String(s)) if s == "auto" => auto(saved.k_min, saved.k_max),
            Some(other) => KChoice::Fixed(
                other
                    .as_u64()
                    .and_then(|k| usize::try_from(k).ok())
                    .ok_or_else(|| {
                        SettingsError::invalid("k", &other, tr!("workspace-k-not-a-number"))
                    })?,
            ),
        };
        let params = SegmentsParams {
            features,
            k,
            seed: saved.seed.unwrap_or(defaults.seed),
        };
        params.check()?;
        Ok(params)
    }
}

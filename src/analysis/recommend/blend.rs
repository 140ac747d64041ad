//! The blend's mix: the weights of its parts (timed repeat buys, plain
//! history, item-kNN), the grid validation chooses them from, and the mixing of
//! the parts' scores.
//!
//! Contract:
//! - Each part's scores for a customer are first scaled so its best item scores
//!   1; the blend's score is the weighted sum. A part with weight 0 is not
//!   fitted and adds nothing.
//! - [`BlendWeights::grid`] holds every mix in steps of a quarter, the three
//!   single parts (weight 1) among them: the mix validation chooses is never
//!   worse there than the best part alone.

use super::knn::Scratch;
use super::models::ModelKind;
use crate::tr;

/// Weights of the blend's parts (each 0..=1, not all 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BlendWeights {
    pub repeat: f32,
    pub history: f32,
    pub item_knn: f32,
}

impl Default for BlendWeights {
    /// Half history, half item-kNN: the mix before validation chose one.
    fn default() -> Self {
        BlendWeights {
            repeat: 0.0,
            history: 0.5,
            item_knn: 0.5,
        }
    }
}

/// Grid step of the weights (quarters).
const STEPS: u8 = 4;

impl BlendWeights {
    /// The parts, in the order the weights are written.
    pub const PARTS: [ModelKind; 3] = [ModelKind::Repeat, ModelKind::History, ModelKind::ItemKnn];

    /// The weight of `part` (0 for a model that is not a part).
    pub fn weight(&self, part: ModelKind) -> f32 {
        match part {
            ModelKind::Repeat => self.repeat,
            ModelKind::History => self.history,
            ModelKind::ItemKnn => self.item_knn,
            _ => 0.0,
        }
    }

    /// True when every weight is in 0..=1 and one is above 0.
    pub fn is_valid(&self) -> bool {
        let all = [self.repeat, self.history, self.item_knn];
        all.iter().all(|w| (0.0..=1.0).contains(w)) && all.iter().any(|&w| w > 0.0)
    }

    /// Every mix of the parts in quarters summing to 1 (15 mixes), the single
    /// parts first.
    pub fn grid() -> Vec<BlendWeights> {
        let mut out = Vec::new();
        for r in 0..=STEPS {
            for h in 0..=STEPS - r {
                let k = STEPS - r - h;
                let q = |x: u8| f32::from(x) / f32::from(STEPS);
                out.push(BlendWeights {
                    repeat: q(r),
                    history: q(h),
                    item_knn: q(k),
                });
            }
        }
        let single = |w: &BlendWeights| [w.repeat, w.history, w.item_knn].contains(&1.0);
        out.sort_by_key(|w| !single(w));
        out
    }

    /// The mix in words: "repeat 0.5, history 0, item-kNN 0.5".
    pub fn text(&self) -> String {
        tr!(
            "recommend-setting-blend",
            repeat = self.repeat.to_string(),
            history = self.history.to_string(),
            knn = self.item_knn.to_string()
        )
    }
}

/// The blend's scores from its parts' scaled scores (positive only, unordered).
pub fn blend_scores(
    parts: &[(ModelKind, Vec<(u32, f32)>)],
    weights: &BlendWeights,
    scratch: &mut Scratch,
) -> Vec<(u32, f32)> {
    scratch.clear();
    for (kind, scores) in parts {
        let w = weights.weight(*kind);
        if w > 0.0 {
            for &(i, s) in scores {
                scratch.add(i, w * s);
            }
        }
    }
    scratch.positive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_holds_every_single_part_and_sums_to_one() {
        let grid = BlendWeights::grid();
        assert_eq!(grid.len(), 15);
        for part in BlendWeights::PARTS {
            assert!(grid.iter().any(|w| w.weight(part) == 1.0), "{part}");
        }
        for w in &grid {
            assert!((w.repeat + w.history + w.item_knn - 1.0).abs() < 1e-6);
            assert!(w.is_valid());
        }
        assert!(
            !BlendWeights {
                repeat: 0.0,
                history: 0.0,
                item_knn: 0.0
            }
            .is_valid()
        );
    }

    #[test]
    fn a_part_with_weight_zero_adds_nothing() {
        let parts = vec![
            (ModelKind::Repeat, vec![(0, 1.0), (1, 0.5)]),
            (ModelKind::ItemKnn, vec![(2, 1.0)]),
        ];
        let mut scratch = Scratch::new(3, 1);
        let only_repeat = BlendWeights {
            repeat: 1.0,
            history: 0.0,
            item_knn: 0.0,
        };
        let mut got = blend_scores(&parts, &only_repeat, &mut scratch);
        got.sort_by_key(|&(i, _)| i);
        assert_eq!(got, vec![(0, 1.0), (1, 0.5)]);
        let half = BlendWeights {
            repeat: 0.5,
            history: 0.0,
            item_knn: 0.5,
        };
        let mut got = blend_scores(&parts, &half, &mut scratch);
        got.sort_by_key(|&(i, _)| i);
        assert_eq!(got, vec![(0, 0.5), (1, 0.25), (2, 0.5)]);
    }
}

//! A fitted decision tree as an array of splits with the leaf shares in place:
//! scoring walks indices in one allocation. Both the single linfa tree (flattened
//! from linfa's boxed nodes, see [`super::models`]) and the forest's own trees
//! (grown straight into this form, see [`super::forest`]) score through it.

use ndarray::ArrayView1;

/// Where a split sends a row: another node, or a leaf's positive share.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Link {
    Node(usize),
    Leaf(f64),
}

/// One split of a [`FlatTree`]: left when the value is below `split` (linfa's
/// rule, and the forest's: a missing value, NaN, goes left).
#[derive(Clone, Copy, Debug)]
pub(super) struct FlatNode {
    /// Column of the full matrix.
    pub(super) column: usize,
    pub(super) split: f64,
    /// Left, right.
    pub(super) next: [Link; 2],
}

/// A tree: its root and its splits.
#[derive(Clone, Debug)]
pub(super) struct FlatTree {
    pub(super) root: Link,
    pub(super) nodes: Vec<FlatNode>,
}

impl FlatTree {
    /// The positive share of the leaf `row` (a row of the full matrix) reaches.
    pub(super) fn probability(&self, row: &ArrayView1<f64>) -> f64 {
        self.probability_of(|c| row[c])
    }

    /// The positive share of the leaf reached by the row whose value in column
    /// `c` is `value(c)`.
    pub(super) fn probability_of(&self, value: impl Fn(usize) -> f64) -> f64 {
        let mut link = self.root;
        loop {
            match link {
                Link::Leaf(p) => return p,
                Link::Node(at) => {
                    let node = &self.nodes[at];
                    link = node.next[usize::from(value(node.column) >= node.split)];
                }
            }
        }
    }
}

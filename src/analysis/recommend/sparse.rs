//! A small compressed sparse row matrix of `f32` with sorted column indices.
//!
//! Own code rather than `sprs`: the models need only building from triplets,
//! row slices and a transpose (CSC = CSR of the transpose), all with `u32`
//! indices to halve the memory of a million interactions; `sprs` would add a
//! dependency tied to an ndarray version for no extra use here.

/// A rows × cols sparse matrix: row `r` holds `indices[indptr[r]..indptr[r+1]]`
/// (ascending) with `values` at the same positions. Duplicates are summed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Csr {
    pub rows: usize,
    pub cols: usize,
    pub indptr: Vec<usize>,
    pub indices: Vec<u32>,
    pub values: Vec<f32>,
}

impl Csr {
    /// Builds from `(row, col, value)` triplets in any order; duplicates are summed.
    /// Every row and column index must be below `rows` and `cols`.
    pub fn from_triplets(rows: usize, cols: usize, triplets: &[(u32, u32, f32)]) -> Csr {
        let mut counts = vec![0usize; rows + 1];
        for &(r, _, _) in triplets {
            counts[r as usize + 1] += 1;
        }
        for r in 0..rows {
            counts[r + 1] += counts[r];
        }
        let mut next = counts.clone();
        let mut indices = vec![0u32; triplets.len()];
        let mut values = vec![0f32; triplets.len()];
        for &(r, c, v) in triplets {
            let at = next[r as usize];
            indices[at] = c;
            values[at] = v;
            next[r as usize] += 1;
        }
        // Sort each row by column and sum duplicates, compacting in place.
        let mut indptr = vec![0usize; rows + 1];
        let mut write = 0;
        let mut pairs: Vec<(u32, f32)> = Vec::new();
        for r in 0..rows {
            pairs.clear();
            pairs.extend((counts[r]..counts[r + 1]).map(|k| (indices[k], values[k])));
            pairs.sort_unstable_by_key(|&(c, _)| c);
            for &(c, v) in &pairs {
                if write > indptr[r] && indices[write - 1] == c {
                    values[write - 1] += v;
                } else {
                    indices[write] = c;
                    values[write] = v;
                    write += 1;
                }
            }
            indptr[r + 1] = write;
        }
        indices.truncate(write);
        values.truncate(write);
        debug_assert!(cols >= indices.iter().map(|&c| c as usize + 1).max().unwrap_or(0));
        Csr {
            rows,
            cols,
            indptr,
            indices,
            values,
        }
    }

    /// Stored entries.
    pub fn nnz(&self) -> usize {
        self.indices.len()
    }

    /// The column indices and values of row `r`.
    pub fn row(&self, r: usize) -> (&[u32], &[f32]) {
        let range = self.indptr[r]..self.indptr[r + 1];
        (&self.indices[range.clone()], &self.values[range])
    }

    /// The value at (`r`, `c`), 0 when not stored.
    pub fn get(&self, r: usize, c: u32) -> f32 {
        let (cols, values) = self.row(r);
        cols.binary_search(&c).map_or(0.0, |k| values[k])
    }

    /// The transpose (a CSC view of `self` read as CSR), rows sorted.
    pub fn transpose(&self) -> Csr {
        let mut counts = vec![0usize; self.cols + 1];
        for &c in &self.indices {
            counts[c as usize + 1] += 1;
        }
        for c in 0..self.cols {
            counts[c + 1] += counts[c];
        }
        let mut next = counts.clone();
        let mut indices = vec![0u32; self.nnz()];
        let mut values = vec![0f32; self.nnz()];
        // Rows are visited in order, so each transposed row comes out sorted.
        for r in 0..self.rows {
            let (cols, vals) = self.row(r);
            for (&c, &v) in cols.iter().zip(vals) {
                let at = next[c as usize];
                indices[at] = r as u32;
                values[at] = v;
                next[c as usize] += 1;
            }
        }
        Csr {
            rows: self.cols,
            cols: self.rows,
            indptr: counts,
            indices,
            values,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triplets_sum_duplicates_and_transpose_round_trips() {
        let m = Csr::from_triplets(2, 3, &[(1, 2, 1.0), (0, 1, 2.0), (1, 0, 3.0), (1, 2, 4.0)]);
        assert_eq!(m.indptr, vec![0, 1, 3]);
        assert_eq!(m.indices, vec![1, 0, 2]);
        assert_eq!(m.values, vec![2.0, 3.0, 5.0]);
        assert_eq!(m.get(1, 2), 5.0);
        assert_eq!(m.get(0, 0), 0.0);
        let t = m.transpose();
        assert_eq!((t.rows, t.cols), (3, 2));
        assert_eq!(t.get(2, 1), 5.0);
        assert_eq!(t.get(1, 0), 2.0);
        assert_eq!(t.transpose(), m);
    }
}

//! The SASRec network on candle's CPU tensors: item embeddings (row 0 is the
//! padding) plus learned positions, pre-norm causal self-attention blocks with a
//! two-layer feed-forward part, and a final layer norm; an item's logit at a
//! position is the position's output dotted with the item's embedding (input
//! and output share the embeddings, as in the paper).
//!
//! Every weight is drawn from the caller's seeded generator (candle's own CPU
//! generator cannot be seeded), and so are the dropout masks: a fixed seed gives
//! the same network.

use candle_core::{D, Device, Result, Tensor, Var};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::SasrecParams;
use super::saved::Weight;

/// A layer norm's gain and bias.
struct Norm {
    gain: Var,
    bias: Var,
}

impl Norm {
    fn apply(&self, x: &Tensor) -> Result<Tensor> {
        // The composed form: candle's fused layer norm has no gradient.
        candle_nn::ops::layer_norm_slow(x, self.gain.as_tensor(), self.bias.as_tensor(), 1e-6)
    }
}

/// One self-attention block.
struct Block {
    norm1: Norm,
    query: Var,
    key: Var,
    value: Var,
    out: Var,
    norm2: Norm,
    w1: Var,
    b1: Var,
    w2: Var,
    b2: Var,
}

/// Dropout with masks from a seeded generator; `None` when not training.
pub(super) struct Dropout<'a> {
    pub rng: Option<&'a mut ChaCha8Rng>,
    pub p: f32,
}

impl Dropout<'_> {
    fn apply(&mut self, x: &Tensor) -> Result<Tensor> {
        let Some(rng) = self.rng.as_deref_mut() else {
            return Ok(x.clone());
        };
        if self.p <= 0.0 {
            return Ok(x.clone());
        }
        let scale = 1.0 / (1.0 - self.p);
        let mask: Vec<f32> = (0..x.elem_count())
            .map(|_| {
                if rng.random::<f32>() < self.p {
                    0.0
                } else {
                    scale
                }
            })
            .collect();
        x * Tensor::from_vec(mask, x.shape(), x.device())?
    }
}

/// The network and its trainable variables.
pub(super) struct Net {
    pub dim: usize,
    pub heads: usize,
    pub max_len: usize,
    /// Items in the catalogue (the embedding has one more row, the padding).
    pub items: usize,
    embed: Var,
    positions: Var,
    blocks: Vec<Block>,
    norm: Norm,
    /// Every variable, for the optimiser and the best-epoch snapshot.
    pub vars: Vec<Var>,
}

impl Net {
    /// A network for `items` items with weights drawn from `rng`: embeddings
    /// uniform with standard deviation 1/√dim, matrices Glorot-uniform.
    pub fn new(items: usize, params: &SasrecParams, rng: &mut ChaCha8Rng) -> Result<Net> {
        let dim = params.dim;
        let mut vars = Vec::new();
        let embedding = (3.0 / dim as f32).sqrt();
        let glorot = (6.0 / (2 * dim) as f32).sqrt();
        let embed = uniform_var(rng, &mut vars, (items + 1, dim), embedding)?;
        let positions = uniform_var(rng, &mut vars, (params.max_len, dim), embedding)?;
        let mut blocks = Vec::new();
        for _ in 0..params.blocks {
            // Fields are drawn in the order written: the seed fixes each.
            blocks.push(Block {
                norm1: norm_vars(dim, &mut vars)?,
                query: uniform_var(rng, &mut vars, (dim, dim), glorot)?,
                key: uniform_var(rng, &mut vars, (dim, dim), glorot)?,
                value: uniform_var(rng, &mut vars, (dim, dim), glorot)?,
                out: uniform_var(rng, &mut vars, (dim, dim), glorot)?,
                norm2: norm_vars(dim, &mut vars)?,
                w1: uniform_var(rng, &mut vars, (dim, dim), glorot)?,
                b1: constant_var(dim, 0.0, &mut vars)?,
                w2: uniform_var(rng, &mut vars, (dim, dim), glorot)?,
                b2: constant_var(dim, 0.0, &mut vars)?,
            });
        }
        let norm = norm_vars(dim, &mut vars)?;
        Ok(Net {
            dim,
            heads: params.heads,
            max_len: params.max_len,
            items,
            embed,
            positions,
            blocks,
            norm,
            vars,
        })
    }

    /// Outputs at every position, `[batch × len, dim]`, of `ids` (`batch` rows
    /// of `len` ≤ `max_len` item ids plus one, left-padded with 0). The last
    /// column takes the last learned position: a batch of short histories
    /// needs no columns of padding only, and gives the same outputs.
    pub fn forward(&self, ids: &[u32], batch: usize, dropout: &mut Dropout) -> Result<Tensor> {
        let (len, dim, device) = (ids.len() / batch.max(1), self.dim, &Device::Cpu);
        let rows = batch * len;
        let index = Tensor::from_vec(ids.to_vec(), rows, device)?;
        let real: Vec<f32> = ids.iter().map(|&i| f32::from(u8::from(i > 0))).collect();
        let real = Tensor::from_vec(real, (rows, 1), device)?;
        let embedded = (self.embed.index_select(&index, 0)? * (dim as f64).sqrt())?;
        let positions = self
            .positions
            .as_tensor()
            .narrow(0, self.max_len - len, len)?;
        let placed = (embedded + positions.repeat((batch, 1))?)?;
        let mut x = dropout.apply(&placed)?.broadcast_mul(&real)?;
        // A position sees itself and earlier real items only.
        let mut bias = vec![0f32; batch * len * len];
        for b in 0..batch {
            for q in 0..len {
                for k in 0..len {
                    if k > q || ids[b * len + k] == 0 {
                        bias[(b * len + q) * len + k] = -1e9;
                    }
                }
            }
        }
        let bias = Tensor::from_vec(bias, (batch, 1, len, len), device)?;
        let (heads, head_dim) = (self.heads, dim / self.heads);
        let split = |t: Tensor| -> Result<Tensor> {
            t.reshape((batch, len, heads, head_dim))?
                .transpose(1, 2)?
                .contiguous()
        };
        for block in &self.blocks {
            let h = block.norm1.apply(&x)?;
            let q = split(h.matmul(block.query.as_tensor())?)?;
            let k = split(h.matmul(block.key.as_tensor())?)?;
            let v = split(h.matmul(block.value.as_tensor())?)?;
            let scores = (q.matmul(&k.t()?.contiguous()?)? / (head_dim as f64).sqrt())?;
            let weights = candle_nn::ops::softmax(&scores.broadcast_add(&bias)?, D::Minus1)?;
            let attended = weights
                .matmul(&v)?
                .transpose(1, 2)?
                .contiguous()?
                .reshape((rows, dim))?
                .matmul(block.out.as_tensor())?;
            x = (x + dropout.apply(&attended)?)?;
            let h = block.norm2.apply(&x)?;
            let fed = h
                .matmul(block.w1.as_tensor())?
                .broadcast_add(block.b1.as_tensor())?
                .relu()?
                .matmul(block.w2.as_tensor())?
                .broadcast_add(block.b2.as_tensor())?;
            x = (x + dropout.apply(&fed)?)?.broadcast_mul(&real)?;
        }
        self.norm.apply(&x)
    }

    /// Logits of every item (padding column left out of the softmax by a large
    /// negative) for the output rows `states` `[n, dim]`: `[n, items + 1]`.
    pub fn logits(&self, states: &Tensor) -> Result<Tensor> {
        let mut pad = vec![0f32; self.items + 1];
        pad[0] = -1e9;
        let pad = Tensor::from_vec(pad, (1, self.items + 1), &Device::Cpu)?;
        states
            .matmul(&self.embed.as_tensor().t()?)?
            .broadcast_add(&pad)
    }

    /// Logits of the `candidates` (padding-shifted item ids, `[c]`) only, for
    /// the output rows `states` `[n, dim]`: `[n, c]` (the sampled softmax).
    pub fn candidate_logits(&self, states: &Tensor, candidates: &Tensor) -> Result<Tensor> {
        let vectors = self.embed.as_tensor().index_select(candidates, 0)?;
        states.matmul(&vectors.t()?)
    }

    /// Copies of every variable (the best epoch's weights).
    pub fn snapshot(&self) -> Result<Vec<Tensor>> {
        self.vars.iter().map(|v| v.as_tensor().copy()).collect()
    }

    /// Puts back the weights of [`Net::snapshot`].
    pub fn restore(&self, weights: &[Tensor]) -> Result<()> {
        for (var, w) in self.vars.iter().zip(weights) {
            var.set(w)?;
        }
        Ok(())
    }

    /// The last position's output after each of `windows` (up to `max_len`
    /// items each, oldest first), row by row: `[windows, dim]`, in chunks.
    pub fn last_states(&self, windows: &[&[u32]]) -> Result<Vec<f32>> {
        let mut out = Vec::with_capacity(windows.len() * self.dim);
        for chunk in windows.chunks(256) {
            let len = longest(chunk, self.max_len);
            let ids = padded(chunk, len);
            let all = self.forward(&ids, chunk.len(), &mut Dropout { rng: None, p: 0.0 })?;
            let last: Vec<u32> = (0..chunk.len())
                .map(|b| (b * len + len - 1) as u32)
                .collect();
            let last = Tensor::from_vec(last, chunk.len(), &Device::Cpu)?;
            out.extend(
                all.index_select(&last, 0)?
                    .flatten_all()?
                    .to_vec1::<f32>()?,
            );
        }
        Ok(out)
    }

    /// Every customer's state after the last `max_len` items of their sequence.
    pub fn states(&self, sequences: &[Vec<u32>]) -> Result<Vec<f32>> {
        let windows: Vec<&[u32]> = sequences
            .iter()
            .map(|s| &s[s.len().saturating_sub(self.max_len)..])
            .collect();
        self.last_states(&windows)
    }

    /// The items' embeddings (padding left out), item by item.
    pub fn item_vectors(&self) -> Result<Vec<f32>> {
        self.embed
            .as_tensor()
            .narrow(0, 1, self.items)?
            .flatten_all()?
            .to_vec1::<f32>()
    }
}

/// A `rows × cols` matrix uniform in ±`half_width`, registered in `vars`.
fn uniform_var(
    rng: &mut ChaCha8Rng,
    vars: &mut Vec<Var>,
    (rows, cols): (usize, usize),
    half_width: f32,
) -> Result<Var> {
    let data: Vec<f32> = (0..rows * cols)
        .map(|_| rng.random_range(-half_width..=half_width))
        .collect();
    let var = Var::from_vec(data, (rows, cols), &Device::Cpu)?;
    vars.push(var.clone());
    Ok(var)
}

/// A layer norm starting as the identity (gain 1, bias 0), registered in `vars`.
fn norm_vars(dim: usize, vars: &mut Vec<Var>) -> Result<Norm> {
    Ok(Norm {
        gain: constant_var(dim, 1.0, vars)?,
        bias: constant_var(dim, 0.0, vars)?,
    })
}

/// A vector of `dim` times `value`, registered in `vars`.
fn constant_var(dim: usize, value: f32, vars: &mut Vec<Var>) -> Result<Var> {
    let var = Var::from_vec(vec![value; dim], dim, &Device::Cpu)?;
    vars.push(var.clone());
    Ok(var)
}

/// The columns `windows` need: the longest, at most `max_len`, at least 1.
pub(super) fn longest(windows: &[&[u32]], max_len: usize) -> usize {
    windows
        .iter()
        .map(|w| w.len())
        .max()
        .unwrap_or(0)
        .clamp(1, max_len)
}

/// `windows` (item indices, oldest first, at most `len` each) as rows of
/// `len` ids, item i as i + 1, left-padded with 0.
pub(super) fn padded(windows: &[&[u32]], len: usize) -> Vec<u32> {
    let mut ids = vec![0u32; windows.len() * len];
    for (row, w) in ids.chunks_exact_mut(len).zip(windows) {
        let w = &w[w.len().saturating_sub(len)..];
        for (slot, &item) in row[len - w.len()..].iter_mut().zip(w) {
            *slot = item + 1;
        }
    }
    ids
}

impl Net {
    /// A network for `items` items with the saved `weights` (in the variable
    /// order of [`Net::new`]); refused when their number or shapes differ.
    pub fn from_weights(items: usize, params: &SasrecParams, weights: &[Weight]) -> Result<Net> {
        use rand::SeedableRng;
        let net = Net::new(items, params, &mut ChaCha8Rng::seed_from_u64(0))?;
        if weights.len() != net.vars.len() {
            candle_core::bail!(
                "the saved model has {} weights, the network {}",
                weights.len(),
                net.vars.len()
            );
        }
        let tensors = net
            .vars
            .iter()
            .zip(weights)
            .map(|(var, w)| {
                if var.dims() != w.shape.as_slice() {
                    candle_core::bail!(
                        "a saved weight has shape {:?}, the network's {:?}",
                        w.shape,
                        var.dims()
                    );
                }
                Tensor::from_vec(w.values.clone(), w.shape.as_slice(), &Device::Cpu)
            })
            .collect::<Result<Vec<_>>>()?;
        net.restore(&tensors)?;
        Ok(net)
    }
}

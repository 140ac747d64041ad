//! A trained SASRec kept on disk: the network's weights in a safetensors file,
//! with what they were trained from in its metadata, so a project opened again
//! scores without training.
//!
//! Contract:
//! - The file holds every weight as f32, named `w000`, `w001`, … in the
//!   network's variable order, and the metadata keys `format`
//!   ([`FORMAT`]), `settings` (the [`SasrecParams`] asked for, JSON), `log` (the
//!   [`TrainingLog`], JSON), `items` (catalogue size), `sequences` (the
//!   fingerprint of the item sequences and item ids trained on, see
//!   [`fingerprint`]) and `files` (the data files' names and SHA-256, JSON;
//!   informative: the fingerprint decides).
//! - A saved model replaces training only when it was trained with the same
//!   settings on the same sequences ([`SavedSasrec::fits`]); else the caller
//!   trains anew.
//! - Written atomically (`export::write_atomically`); a file that is not such a
//!   model is refused with the file and the reason, never half read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use safetensors::tensor::{Dtype, SafeTensors, TensorView};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{SasrecParams, TrainingLog};
use crate::export::{ExportError, write_atomically};

/// The `format` metadata of files this build writes and reads.
pub const FORMAT: &str = "marketbench-sasrec-1";

/// A data file the model was trained on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedFile {
    pub name: String,
    pub sha256: String,
}

/// One weight: its shape and values (row-major).
#[derive(Clone, Debug, PartialEq)]
pub struct Weight {
    pub shape: Vec<usize>,
    pub values: Vec<f32>,
}

/// A trained SASRec as saved: settings, log, what it was trained on, weights.
#[derive(Clone, PartialEq)]
pub struct SavedSasrec {
    /// The settings asked for (what a later fit must ask for to reuse it).
    pub settings: SasrecParams,
    pub log: TrainingLog,
    pub items: usize,
    /// [`fingerprint`] of the sequences trained on.
    pub sequences: String,
    pub files: Vec<SavedFile>,
    pub weights: Vec<Weight>,
}

impl std::fmt::Debug for SavedSasrec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SavedSasrec")
            .field("settings", &self.settings)
            .field("items", &self.items)
            .field("sequences", &self.sequences)
            .field("weights", &self.weights.len())
            .finish()
    }
}

/// Why a saved model could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum SavedError {
    #[error("{}: cannot read the saved SASRec model ({source})", file.display())]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: not a SASRec model this version can read ({why})", file.display())]
    Format { file: PathBuf, why: String },
    #[error(transparent)]
    Write(#[from] ExportError),
}

/// The SHA-256 (hex) of every customer's item sequence, in customer order,
/// and of the item ids: equal fingerprints mean a network reads the same
/// histories over the same catalogue.
pub fn fingerprint(sequences: &[Vec<u32>], item_ids: &[&str]) -> String {
    let mut hasher = Sha256::new();
    hasher.update((item_ids.len() as u64).to_le_bytes());
    for id in item_ids {
        hasher.update((id.len() as u64).to_le_bytes());
        hasher.update(id.as_bytes());
    }
    hasher.update((sequences.len() as u64).to_le_bytes());
    for sequence in sequences {
        hasher.update((sequence.len() as u64).to_le_bytes());
        for item in sequence {
            hasher.update(item.to_le_bytes());
        }
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl SavedSasrec {
    /// True when this model was trained with `settings` on sequences with
    /// this `fingerprint` (then it can stand in for training).
    pub fn fits(&self, settings: &SasrecParams, fingerprint: &str) -> bool {
        self.settings == *settings && self.sequences == fingerprint
    }

    /// The file's bytes (see the module contract).
    fn to_bytes(&self) -> Result<Vec<u8>, String> {
        let json = |v: Result<String, serde_json::Error>| v.map_err(|e| e.to_string());
        let metadata = HashMap::from([
            ("format".to_string(), FORMAT.to_string()),
            (
                "settings".to_string(),
                json(serde_json::to_string(&self.settings))?,
            ),
            ("log".to_string(), json(serde_json::to_string(&self.log))?),
            ("items".to_string(), self.items.to_string()),
            ("sequences".to_string(), self.sequences.clone()),
            (
                "files".to_string(),
                json(serde_json::to_string(&self.files))?,
            ),
        ]);
        let bytes: Vec<Vec<u8>> = self
            .weights
            .iter()
            .map(|w| w.values.iter().flat_map(|v| v.to_le_bytes()).collect())
            .collect();
        let views = self
            .weights
            .iter()
            .zip(&bytes)
            .enumerate()
            .map(|(i, (w, data))| {
                TensorView::new(Dtype::F32, w.shape.clone(), data)
                    .map(|view| (format!("w{i:03}"), view))
                    .map_err(|e| e.to_string())
            })
            .collect::<Result<Vec<_>, String>>()?;
        safetensors::serialize(views, Some(metadata)).map_err(|e| e.to_string())
    }

    /// Writes the model to `path` atomically.
    pub fn save(&self, path: &Path) -> Result<(), SavedError> {
        let bytes = self.to_bytes().map_err(|why| SavedError::Format {
            file: path.to_path_buf(),
            why,
        })?;
        write_atomically(path, |temp, file| {
            use std::io::Write;
            file.write_all(&bytes).map_err(|source| ExportError::Io {
                file: temp.to_path_buf(),
                source,
            })
        })?;
        Ok(())
    }

    /// Reads a model written by [`SavedSasrec::save`].
    pub fn read(path: &Path) -> Result<SavedSasrec, SavedError> {
        let bytes = std::fs::read(path).map_err(|source| SavedError::Io {
            file: path.to_path_buf(),
            source,
        })?;
        from_bytes(&bytes).map_err(|why| SavedError::Format {
            file: path.to_path_buf(),
            why,
        })
    }
}

/// Parses the file's bytes (see the module contract).
fn from_bytes(bytes: &[u8]) -> Result<SavedSasrec, String> {
    let (_, header) = SafeTensors::read_metadata(bytes).map_err(|e| e.to_string())?;
    let metadata = header
        .metadata()
        .as_ref()
        .ok_or("the file has no metadata")?;
    let get = |key: &str| {
        metadata
            .get(key)
            .map(String::as_str)
            .ok_or_else(|| format!("the metadata has no '{key}'"))
    };
    let format = get("format")?;
    if format != FORMAT {
        return Err(format!("format '{format}', expected '{FORMAT}'"));
    }
    let parse_json = |key: &str| -> Result<serde_json::Value, String> {
        serde_json::from_str(get(key)?).map_err(|e| format!("'{key}': {e}"))
    };
    let settings = serde_json::from_value(parse_json("settings")?).map_err(|e| e.to_string())?;
    let log = serde_json::from_value(parse_json("log")?).map_err(|e| e.to_string())?;
    let files = serde_json::from_value(parse_json("files")?).map_err(|e| e.to_string())?;
    let items = get("items")?
        .parse()
        .map_err(|_| "'items' is not a count".to_string())?;
    let tensors = SafeTensors::deserialize(bytes).map_err(|e| e.to_string())?;
    let mut named = tensors.tensors();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    let weights = named
        .into_iter()
        .map(|(name, view)| {
            if view.dtype() != Dtype::F32 {
                return Err(format!("weight {name} is {:?}, not F32", view.dtype()));
            }
            let values = view
                .data()
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect();
            Ok(Weight {
                shape: view.shape().to_vec(),
                values,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(SavedSasrec {
        settings,
        log,
        items,
        sequences: get("sequences")?.to_string(),
        files,
        weights,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> SavedSasrec {
        SavedSasrec {
            settings: SasrecParams::default(),
            log: TrainingLog {
                ndcg: vec![0.1, 0.25],
                best_epoch: 2,
                validated: 40,
                out_of_time: false,
                trials: vec![super::super::SasrecTrial {
                    params: SasrecParams::default(),
                    epochs: 1,
                    best_ndcg: 0.25,
                    secs: 0.5,
                }],
                chosen: SasrecParams {
                    dim: 32,
                    ..SasrecParams::default()
                },
            },
            items: 3,
            sequences: fingerprint(&[vec![0, 1], vec![2]], &["a", "b", "c"]),
            files: vec![SavedFile {
                name: "订单.csv".into(),
                sha256: "ab".into(),
            }],
            weights: vec![
                Weight {
                    shape: vec![4, 2],
                    values: vec![0.5, -1.0, 2.0, 3.25, 0.0, 1e-7, -0.125, 9.0],
                },
                Weight {
                    shape: vec![2],
                    values: vec![1.0, 1.5],
                },
            ],
        }
    }

    #[test]
    fn a_saved_model_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.sasrec.safetensors");
        let saved = model();
        saved.save(&path).unwrap();
        assert_eq!(SavedSasrec::read(&path).unwrap(), saved);
    }

    #[test]
    fn the_fingerprint_tells_other_histories_and_catalogues_apart() {
        let base = fingerprint(&[vec![0, 1], vec![2]], &["a", "b", "c"]);
        assert_eq!(base, fingerprint(&[vec![0, 1], vec![2]], &["a", "b", "c"]));
        assert_ne!(base, fingerprint(&[vec![1, 0], vec![2]], &["a", "b", "c"]));
        assert_ne!(base, fingerprint(&[vec![0], vec![1, 2]], &["a", "b", "c"]));
        assert_ne!(base, fingerprint(&[vec![0, 1], vec![2]], &["a", "b", "d"]));
        let saved = model();
        assert!(saved.fits(&SasrecParams::default(), &saved.sequences));
        let other = SasrecParams {
            budget_secs: 30.0,
            ..SasrecParams::default()
        };
        assert!(!saved.fits(&other, &saved.sequences));
        assert!(!saved.fits(&SasrecParams::default(), &base.replace('a', "b")));
    }

    #[test]
    fn a_file_that_is_not_a_model_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("not-a-model.safetensors");
        std::fs::write(&path, b"order,customer\n1,2\n").unwrap();
        let message = SavedSasrec::read(&path).unwrap_err().to_string();
        assert!(message.contains("not-a-model.safetensors"), "{message}");
        assert!(message.contains("not a SASRec model"), "{message}");
        let missing = SavedSasrec::read(&dir.path().join("gone.safetensors"))
            .unwrap_err()
            .to_string();
        assert!(missing.contains("gone.safetensors"), "{missing}");
    }
}

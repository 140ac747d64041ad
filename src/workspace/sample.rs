//! Where the bundled sample store is, and whether a file is one of its files.

use std::path::{Path, PathBuf};

use super::Origin;
use crate::data;

/// The bundled sample store: `MARKETBENCH_SAMPLE_DIR`, then `sample-data` two or three
/// folders above the executable (`target/debug/…`), then the source tree's.
pub fn sample_dir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(dir) = std::env::var_os("MARKETBENCH_SAMPLE_DIR") {
        candidates.push(PathBuf::from(dir));
    }
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    {
        candidates.push(exe_dir.join("../../sample-data"));
        candidates.push(exe_dir.join("../../../sample-data"));
    }
    candidates.push(PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data"
    )));
    candidates
        .into_iter()
        .find(|dir| dir.is_dir())
        .map(|dir| dir.canonicalize().unwrap_or(dir))
}

/// The data files of the sample store, or None when it cannot be found.
pub fn sample_files() -> Option<Vec<PathBuf>> {
    let dir = sample_dir()?;
    let files = data::expand_folders(std::slice::from_ref(&dir));
    (!files.is_empty()).then_some(files)
}

/// Sample when the file lies directly in the sample store's folder.
pub fn origin_of(path: &Path) -> Origin {
    let folder = path.parent().and_then(|p| p.canonicalize().ok());
    match (folder, sample_dir()) {
        (Some(folder), Some(sample)) if folder == sample => Origin::Sample,
        _ => Origin::User,
    }
}

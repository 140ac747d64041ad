//! Which paths are data files: a folder given on the command line or dropped on
//! the window stands for the data files directly inside it (not its subfolders).

use std::path::{Path, PathBuf};

/// Extensions the loaders read.
pub const DATA_EXTENSIONS: [&str; 11] = [
    "csv", "tsv", "txt", "tab", "parquet", "pq", "json", "ndjson", "jsonl", "xlsx", "xls",
];

/// True when the path's extension is one the loaders read.
pub fn is_data_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DATA_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Files stay as given; each folder becomes its data files, sorted by name. A folder
/// that cannot be read stays as given, so loading it reports the error.
pub fn expand_folders(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        let Ok(entries) = std::fs::read_dir(path) else {
            out.push(path.clone());
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && is_data_file(p))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_become_their_data_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["b.csv", "a.XLSX", "notes.md", "c.parquet"] {
            std::fs::write(dir.path().join(name), b"x").expect("write");
        }
        std::fs::create_dir(dir.path().join("truth")).expect("subfolder");
        std::fs::write(dir.path().join("truth/t.csv"), b"x").expect("write");
        let single = PathBuf::from("orders.csv");
        let got = expand_folders(&[dir.path().to_path_buf(), single.clone()]);
        let names: Vec<_> = got
            .iter()
            .map(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["a.XLSX", "b.csv", "c.parquet", "orders.csv"]);
    }
}

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
/// that cannot be read stays as given, so loading it reports the error. Parquet
/// copies made beside text files (`load::cache`) are left out: their source is
/// there and the load reads the copy for it.
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
            .filter(|p| p.is_file() && is_data_file(p) && !is_copy(p))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

fn is_copy(path: &Path) -> bool {
    path.file_name().is_some_and(|n| {
        n.to_string_lossy()
            .ends_with(crate::data::load::cache::SUFFIX)
    })
}

/// The given folders that hold no data file directly inside, each with the
/// number of other entries it holds.
pub fn folders_without_data(paths: &[PathBuf]) -> Vec<(PathBuf, usize)> {
    paths
        .iter()
        .filter(|path| path.is_dir())
        .filter_map(|folder| {
            let entries: Vec<PathBuf> = std::fs::read_dir(folder)
                .ok()?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect();
            let data = entries.iter().any(|p| p.is_file() && is_data_file(p));
            (!data).then(|| (folder.clone(), entries.len()))
        })
        .collect()
}

/// What to tell the operator about a folder with no data file in it.
pub fn no_data_message(folder: &Path, others: usize) -> String {
    format!(
        "{}: no data file directly in this folder ({others} other entries; Marketbench reads \
         .{}). Open the files themselves, or the folder that holds them.",
        folder.display(),
        DATA_EXTENSIONS.join(", .")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_data_files_is_named_with_what_it_holds() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("notes.md"), b"x").expect("write");
        std::fs::create_dir(dir.path().join("sub")).expect("subfolder");
        std::fs::write(dir.path().join("sub/orders.csv"), b"x").expect("write");
        let found = folders_without_data(&[dir.path().to_path_buf(), dir.path().join("sub")]);
        assert_eq!(found, [(dir.path().to_path_buf(), 2)]);
        let message = no_data_message(&found[0].0, found[0].1);
        assert!(message.contains("2 other entries") && message.contains(".csv, .tsv"));
    }

    #[test]
    fn folders_become_their_data_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in [
            "b.csv",
            "a.XLSX",
            "notes.md",
            "c.parquet",
            "b.csv.marketbench.parquet",
        ] {
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

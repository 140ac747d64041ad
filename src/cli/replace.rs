//! The replace rule of `--out`: a command replaces an existing file only when it
//! is empty or an earlier export of the same kind, never some other file that
//! happens to have the name (a customer list, a project, a README), unless
//! `--force` is given.
//!
//! "An earlier export of the same kind" is read from the file itself:
//! - a table (`.csv`, `.xlsx`, `.parquet`) whose first columns are the first
//!   columns this export writes (up to three: `customer_id, recency_days,
//!   frequency` for RFM), under English or Chinese headers, so a re-run with
//!   other options may replace it;
//! - a campaign list, its control file and its record (`LIST.json`): the
//!   record beside the list is one Marketbench wrote (`marketbench_version`);
//! - a project file: a JSON object with `version` and `files`;
//! - the sample shop's folder: its `orders.csv` starts with the sample header.
//!
//! Checked before anything is written (tables: once their columns are known).

use std::io::Read as _;
use std::path::Path;

use anyhow::bail;
use polars::prelude::*;

use crate::export::campaign::{control_path, sidecar_path};
use crate::export::headers::{Headers, canonical};
use crate::export::{ExportFormat, write_frame as export_frame, write_table as export_table};

/// How many leading columns must agree for a table to count as an earlier export.
const SIGNATURE_COLUMNS: usize = 3;

/// The end of every refusal: what to do instead.
const WHAT_TO_DO: &str =
    "Nothing was written. Choose another file name, or pass --force to replace it.";

/// [`export_table`] with `headers` after [`check_table`].
pub fn write_table(
    frame: &DataFrame,
    path: &Path,
    format: ExportFormat,
    force: bool,
    headers: Headers,
) -> anyhow::Result<()> {
    check_table(path, frame, force)?;
    Ok(export_table(&headers.applied(frame)?, path, format)?)
}

/// [`export_frame`] (the format by the extension) with `headers` after
/// [`check_table`].
pub fn write_frame(
    frame: &DataFrame,
    path: &Path,
    force: bool,
    headers: Headers,
) -> anyhow::Result<()> {
    check_table(path, frame, force)?;
    Ok(export_frame(&headers.applied(frame)?, path)?)
}

/// Refuses to replace `path` with the table `frame` (see the module doc).
pub fn check_table(path: &Path, frame: &DataFrame, force: bool) -> anyhow::Result<()> {
    let columns: Vec<String> = frame
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    check_table_columns(path, &columns, force)
}

/// Refuses to replace `path` with a table whose header is `columns`.
pub fn check_table_columns(path: &Path, columns: &[String], force: bool) -> anyhow::Result<()> {
    if force || may_replace_any(path)? {
        return Ok(());
    }
    let wanted = &columns[..columns.len().min(SIGNATURE_COLUMNS)];
    let found = header_of(path);
    // An earlier export with Chinese headers is one of the same kind too.
    if let Some(found) = &found
        && !wanted.is_empty()
        && found.len() >= wanted.len()
        && found
            .iter()
            .zip(wanted)
            .all(|(f, w)| canonical(f) == w.as_str())
    {
        return Ok(());
    }
    let seen = match found {
        Some(found) if !found.is_empty() => format!(
            "its columns begin `{}`",
            found[..found.len().min(SIGNATURE_COLUMNS)].join(", ")
        ),
        _ => "it does not read as a table".to_string(),
    };
    bail!(
        "{}: a file of that name exists and is not an earlier export of this kind ({seen}; this \
         export's columns begin `{}`). {WHAT_TO_DO}",
        path.display(),
        wanted.join(", ")
    )
}

/// Refuses to replace a campaign list at `list`, its control file or its record
/// unless the record beside it is one of ours.
pub fn check_campaign(list: &Path, force: bool) -> anyhow::Result<()> {
    let record = sidecar_path(list);
    let ours = is_json_with(&record, &["marketbench_version", "campaign"]);
    for file in [list.to_path_buf(), control_path(list), record.clone()] {
        if force || ours || may_replace_any(&file)? {
            continue;
        }
        bail!(
            "{}: a file of that name exists and is not part of an earlier campaign export (there \
             is no Marketbench record {} beside it). {WHAT_TO_DO}",
            file.display(),
            record.display()
        );
    }
    Ok(())
}

/// Refuses to replace `path` with a project file unless it is one.
pub fn check_project(path: &Path, force: bool) -> anyhow::Result<()> {
    if force || may_replace_any(path)? || is_json_with(path, &["version", "files"]) {
        return Ok(());
    }
    bail!(
        "{}: a file of that name exists and is not a Marketbench project. {WHAT_TO_DO}",
        path.display()
    )
}

/// Refuses to write the sample shop into `folder` when a file it would write
/// exists there and the folder is not an earlier sample shop.
pub fn check_sample(folder: &Path, orders_header: &str, force: bool) -> anyhow::Result<()> {
    let orders = folder.join("orders.csv");
    let earlier_sample = first_line(&orders).is_some_and(|line| line == orders_header);
    if force || earlier_sample {
        return Ok(());
    }
    for name in [
        "orders.csv",
        "products.csv",
        "customers.csv",
        "events.csv",
        "README.md",
    ] {
        let file = folder.join(name);
        if !may_replace_any(&file)? {
            bail!(
                "{}: the folder holds files that are not an earlier sample shop ({name} would be \
                 replaced). Nothing was written. Choose a new or empty folder, or pass --force.",
                folder.display()
            );
        }
    }
    Ok(())
}

/// True when nothing of value is at `path`: no file, or an empty one. A folder
/// or a device there is an error.
fn may_replace_any(path: &Path) -> anyhow::Result<bool> {
    match std::fs::metadata(path) {
        Err(_) => Ok(true),
        Ok(meta) if !meta.is_file() => bail!(
            "{}: is not a regular file (a folder, pipe or device), so an export cannot replace \
             it. Choose a file name.",
            path.display()
        ),
        Ok(meta) => Ok(meta.len() == 0),
    }
}

/// True when `path` holds a JSON object with every one of `keys`.
fn is_json_with(path: &Path, keys: &[&str]) -> bool {
    let Ok(text) = std::fs::read(path) else {
        return false;
    };
    let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(&text) else {
        return false;
    };
    keys.iter().all(|k| map.contains_key(*k))
}

/// The column names of the table in `path` (CSV, XLSX or Parquet by extension),
/// None when it cannot be read as one.
fn header_of(path: &Path) -> Option<Vec<String>> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "xlsx" => xlsx_header(path),
        "parquet" => {
            let file = std::fs::File::open(path).ok()?;
            let schema = ParquetReader::new(file).schema().ok()?;
            Some(schema.iter_names().map(|n| n.to_string()).collect())
        }
        _ => first_line(path).map(|line| split_header(&line)),
    }
}

/// The first line of a text file (at most 64 KB read, byte order mark and line
/// end removed).
fn first_line(path: &Path) -> Option<String> {
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let line = text.lines().next()?;
    Some(line.trim_end_matches('\r').to_string())
}

/// The names in a CSV header line (quotes removed, `""` read as `"`).
fn split_header(line: &str) -> Vec<String> {
    let mut names = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(name) = names.last_mut() {
                    name.push('"');
                }
            }
            '"' => quoted = !quoted,
            ',' if !quoted => names.push(String::new()),
            c => {
                if let Some(name) = names.last_mut() {
                    name.push(c);
                }
            }
        }
    }
    names
}

/// The first row of an .xlsx workbook's first sheet, read cell by cell.
fn xlsx_header(path: &Path) -> Option<Vec<String>> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut workbook: Xlsx<_> = open_workbook(path).ok()?;
    let sheet = workbook.sheet_names().first()?.clone();
    let mut reader = workbook.worksheet_cells_reader(&sheet).ok()?;
    let mut names = Vec::new();
    while let Ok(Some(cell)) = reader.next_cell() {
        if cell.get_position().0 > 0 || names.len() > 10_000 {
            break;
        }
        names.push(calamine::Data::from(cell.get_value().clone()).to_string());
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_split_like_csv() {
        assert_eq!(
            split_header(r#"customer_id,"a, b","say ""hi""",客户"#),
            ["customer_id", "a, b", r#"say "hi""#, "客户"]
        );
    }
}

//! Campaign target lists out to files, with a JSON sidecar that says how to
//! reproduce them.
//!
//! Contract:
//! - Every list holds the targets only: the control group is held out, never
//!   contacted, so no file meant for a tool can mail it by accident. The control
//!   rows are written beside the list as `NAME.control.csv` (every audience
//!   column, neutralised CSV, `list.xlsx` → `list.control.csv`) for the readout,
//!   and the sidecar names that file and its rows.
//! - `Csv`, `Xlsx`, `Parquet`: every column of the audience, as the module
//!   contract of `export` says (atomic, neutralised cells), figures rounded as
//!   the screen shows them (`export::decimals_of`; the control file too).
//!   Parquet text cells are neutralised too, so a sheet opened from it is just
//!   as safe.
//! - Tool files are UTF-8 CSV without a BOM:
//!   - Mailchimp: `Email Address`, `First Name`, `Last Name`, `Phone Number`,
//!     `TAGS` (the campaign name), then each `rec_*` column as a merge field
//!     (upper case, letters and digits, at most 10 characters: `rec_1` → `REC1`).
//!   - Klaviyo: `email`, `phone_number`, `first_name`, `last_name`, `campaign`,
//!     then each `rec_*` column under its own name.
//!   - In both, the phone is E.164 (`+8613812345678`) and is the one cell not
//!     neutralised: it is built here from digits, and a leading `'` would make
//!     the tools reject it.
//!   - Meta Custom Audiences: `email`, `phone`; Google Customer Match: `Email`,
//!     `Phone`. Values normalised (see `hashing`) and SHA-256 hashed; the raw
//!     values are never written. Meta's phone is the E.164 digits without `+`,
//!     Google's keeps the `+`, as each documents. Rows with neither an email nor a
//!     phone are left out; an unusable cell is empty.
//! - Headers: `CampaignExport::headers` names the columns of a `Csv`, `Xlsx` or
//!   `Parquet` list and of its control file (English or Chinese, see
//!   `export::headers`); the tool files and their control files keep English
//!   headers whatever it says.
//! - The sidecar `<file>.json` (e.g. `list.csv.json`) is written atomically after
//!   the list and the control file: the campaign definition, the data files
//!   (name, size, SHA-256), the seed, the format, the headers, the row counts
//!   of the list and of the control file (and its name), the customer ids of
//!   both groups (for the readout: `export::sent`) and the time (UTC, RFC 3339).

use std::path::{Path, PathBuf};

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::hashing::{
    check_country_code, file_sha256, normalise_email, normalise_phone, sha256_hex,
};
use super::headers::Headers;
pub use super::outcome::{Skipped, Written};
use super::{ExportError, ExportFormat, neutralised, rounded_frame, write_atomically, write_table};

/// A campaign export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignFormat {
    Csv,
    Xlsx,
    Parquet,
    Mailchimp,
    Klaviyo,
    Meta,
    Google,
}

impl CampaignFormat {
    /// Every format, in the order offered.
    pub const ALL: [CampaignFormat; 7] = [
        CampaignFormat::Csv,
        CampaignFormat::Xlsx,
        CampaignFormat::Parquet,
        CampaignFormat::Mailchimp,
        CampaignFormat::Klaviyo,
        CampaignFormat::Meta,
        CampaignFormat::Google,
    ];

    /// The lower-case name used on the command line and in sidecars.
    pub fn name(self) -> &'static str {
        match self {
            CampaignFormat::Csv => "csv",
            CampaignFormat::Xlsx => "xlsx",
            CampaignFormat::Parquet => "parquet",
            CampaignFormat::Mailchimp => "mailchimp",
            CampaignFormat::Klaviyo => "klaviyo",
            CampaignFormat::Meta => "meta",
            CampaignFormat::Google => "google",
        }
    }

    /// The file extension the format writes.
    pub fn extension(self) -> &'static str {
        match self {
            CampaignFormat::Xlsx => "xlsx",
            CampaignFormat::Parquet => "parquet",
            _ => "csv",
        }
    }

    /// The format a list file's extension asks for: `.xlsx`, `.parquet`, else CSV.
    pub fn from_path(path: &Path) -> CampaignFormat {
        match extension_of(path).as_str() {
            "xlsx" => CampaignFormat::Xlsx,
            "parquet" => CampaignFormat::Parquet,
            _ => CampaignFormat::Csv,
        }
    }

    /// Refuses a `path` whose extension names another table format (`--format
    /// meta --out x.xlsx` would put CSV text in a file Excel cannot open); other
    /// extensions, or none, are accepted (`.txt` for CSV too).
    pub fn check_path(self, path: &Path) -> Result<(), ExportError> {
        const TABLE_EXTENSIONS: [&str; 7] =
            ["csv", "tsv", "xlsx", "xls", "xlsm", "parquet", "json"];
        let extension = extension_of(path);
        if !TABLE_EXTENSIONS.contains(&extension.as_str()) || extension == self.extension() {
            return Ok(());
        }
        Err(ExportError::FormatMismatch {
            file: path.to_path_buf(),
            format: self.name(),
            expected: self.extension(),
            extension,
        })
    }
}

fn extension_of(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// How to write a campaign list.
#[derive(Clone, Debug, PartialEq)]
pub struct CampaignExport {
    pub format: CampaignFormat,
    /// CSV only: a UTF-8 byte order mark first, for Excel.
    pub bom: bool,
    /// Country code put before national phone numbers (e.g. "86").
    pub default_country_code: String,
    /// The campaign name (Mailchimp tag, Klaviyo `campaign`).
    pub campaign_name: String,
    /// The column headers of a CSV, XLSX or Parquet list and of the control
    /// file; the tool formats keep their tools' headers.
    pub headers: Headers,
}

/// A data file the list was computed from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataFileRecord {
    pub name: String,
    pub size_bytes: u64,
    pub sha256: String,
}

impl DataFileRecord {
    /// The record of the file at `path` (its file name, size and hash).
    pub fn of(path: &Path) -> Result<DataFileRecord, ExportError> {
        let (size_bytes, sha256) = file_sha256(path).map_err(|source| ExportError::Io {
            file: path.to_path_buf(),
            source,
        })?;
        Ok(DataFileRecord {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            size_bytes,
            sha256,
        })
    }
}

/// What a list was made from, written beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// The campaign definition as saved in the project.
    pub campaign: serde_json::Value,
    pub data_files: Vec<DataFileRecord>,
    pub seed: u64,
    pub format: String,
    /// The headers the list and the control file were written with (`en`,
    /// `zh-CN`); records from before the choice existed are English.
    #[serde(default)]
    pub headers: Headers,
    /// Rows of the list (targets only).
    pub rows: usize,
    /// The control group's file beside the list (its name), when there is a control group.
    #[serde(default)]
    pub control_file: Option<String>,
    /// Rows of the control file.
    #[serde(default)]
    pub control_rows: usize,
    /// Customer ids of every target (the group the list was made for, also those
    /// an ad list leaves out for lack of a contact) and of the control group: the
    /// readout compares exactly these groups (`export::sent`).
    #[serde(default)]
    pub target_ids: Vec<String>,
    #[serde(default)]
    pub control_ids: Vec<String>,
    /// Contact cells and targets the list could not use.
    #[serde(default)]
    pub skipped: Skipped,
    /// UTC time of the export, RFC 3339.
    pub created_at: String,
    pub marketbench_version: String,
}

impl Sidecar {
    /// The record of an export of `campaign` (as saved in the project) from
    /// `data_files` with `seed`, made now; the export fills in the rest.
    pub fn new(campaign: serde_json::Value, data_files: Vec<DataFileRecord>, seed: u64) -> Self {
        Sidecar {
            campaign,
            data_files,
            seed,
            format: String::new(),
            headers: Headers::English,
            rows: 0,
            control_file: None,
            control_rows: 0,
            target_ids: Vec::new(),
            control_ids: Vec::new(),
            skipped: Skipped::default(),
            created_at: chrono::Utc::now().to_rfc3339(),
            marketbench_version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// The sidecar path of an export: the file name with `.json` appended.
pub fn sidecar_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".json");
    PathBuf::from(name)
}

/// The control group's file beside the list at `path`: `NAME.control.csv`.
pub fn control_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.control.csv"))
}

/// Writes the targets of `audience` to `path` as `options` say, the control rows
/// to [`control_path`], then the sidecar (its counts and `format` filled in here).
pub fn export_campaign(
    audience: &DataFrame,
    path: &Path,
    options: &CampaignExport,
    sidecar: &Sidecar,
) -> Result<Written, ExportError> {
    let failed = |source| ExportError::Polars {
        file: path.to_path_buf(),
        source,
    };
    options.format.check_path(path)?;
    let normalises_phones = !matches!(
        options.format,
        CampaignFormat::Csv | CampaignFormat::Xlsx | CampaignFormat::Parquet
    );
    if normalises_phones {
        check_country_code(&options.default_country_code).map_err(|why| ExportError::Invalid {
            file: path.to_path_buf(),
            why,
        })?;
    }
    let (targets, controls) = split_groups(audience).map_err(failed)?;
    let targets = rounded_frame(&targets).map_err(failed)?;
    let controls = rounded_frame(&controls).map_err(failed)?;
    let (frame, skipped) = list_frame(&targets, options).map_err(failed)?;
    let headers = match normalises_phones {
        true => Headers::English,
        false => options.headers,
    };
    write_list(&headers.applied(&frame).map_err(failed)?, path, options)?;
    let control = match controls.height() {
        0 => None,
        rows => {
            let file = control_path(path);
            let shown = headers.applied(&controls).map_err(failed)?;
            write_table(&shown, &file, ExportFormat::Csv { bom: options.bom })?;
            Some((file, rows))
        }
    };
    let record = Sidecar {
        rows: frame.height(),
        control_file: control
            .as_ref()
            .and_then(|(file, _)| file.file_name().map(|n| n.to_string_lossy().into_owned())),
        control_rows: control.as_ref().map_or(0, |(_, rows)| *rows),
        target_ids: customer_ids(&targets).map_err(failed)?,
        skipped: skipped.clone(),
        control_ids: customer_ids(&controls).map_err(failed)?,
        format: options.format.name().to_string(),
        headers,
        ..sidecar.clone()
    };
    let text = serde_json::to_string_pretty(&record).map_err(|e| ExportError::Io {
        file: sidecar_path(path),
        source: e.into(),
    })?;
    let side = sidecar_path(path);
    write_atomically(&side, |_, file| {
        use std::io::Write as _;
        file.write_all(text.as_bytes())
            .map_err(|source| ExportError::Io {
                file: side.clone(),
                source,
            })
    })?;
    Ok(Written {
        rows: frame.height(),
        skipped,
        control,
    })
}

/// The non-empty `customer_id`s of `frame` (none without that column).
fn customer_ids(frame: &DataFrame) -> PolarsResult<Vec<String>> {
    let Ok(column) = frame.column("customer_id") else {
        return Ok(Vec::new());
    };
    let text = column.cast(&DataType::String)?;
    Ok(text.str()?.iter().flatten().map(String::from).collect())
}

/// The audience's target rows and its control rows (all targets without a
/// `group` column).
fn split_groups(audience: &DataFrame) -> PolarsResult<(DataFrame, DataFrame)> {
    if !audience.schema().contains("group") {
        return Ok((audience.clone(), audience.clear()));
    }
    let of = |group: &str| {
        audience
            .clone()
            .lazy()
            .filter(col("group").cast(DataType::String).eq(lit(group)))
            .collect()
    };
    Ok((of("target")?, of("control")?))
}

/// Writes an already shaped list frame atomically.
fn write_list(frame: &DataFrame, path: &Path, options: &CampaignExport) -> Result<(), ExportError> {
    match options.format {
        CampaignFormat::Csv => write_table(frame, path, ExportFormat::Csv { bom: options.bom }),
        CampaignFormat::Xlsx => write_table(frame, path, ExportFormat::Xlsx),
        CampaignFormat::Parquet => {
            write_atomically(path, |_, file| write_parquet(frame, file, path))
        }
        CampaignFormat::Mailchimp | CampaignFormat::Klaviyo => {
            write_atomically(path, |_, file| write_tool_csv(frame, file, path))
        }
        CampaignFormat::Meta | CampaignFormat::Google => {
            write_table(frame, path, ExportFormat::Csv { bom: false })
        }
    }
}

/// Writes an email tool's CSV: every cell neutralised except the phone column,
/// which this module built as E.164 (`+` and digits, never a formula that runs
/// anything) and which the tools reject with a leading `'`.
fn write_tool_csv(
    frame: &DataFrame,
    file: &mut std::fs::File,
    path: &Path,
) -> Result<(), ExportError> {
    let failed = |source| ExportError::Polars {
        file: path.to_path_buf(),
        source,
    };
    let mut safe = neutralised(frame).map_err(failed)?;
    for phone in ["Phone Number", "phone_number"] {
        if let Ok(column) = frame.column(phone) {
            safe.with_column(column.clone()).map_err(failed)?;
        }
    }
    CsvWriter::new(file).finish(&mut safe).map_err(failed)
}

/// Writes `frame`, neutralised, as Parquet into `file` (reported as `path`).
pub(crate) fn write_parquet(
    frame: &DataFrame,
    file: &mut std::fs::File,
    path: &Path,
) -> Result<(), ExportError> {
    let failed = |source| ExportError::Polars {
        file: path.to_path_buf(),
        source,
    };
    let mut safe = neutralised(frame).map_err(failed)?;
    ParquetWriter::new(file)
        .finish(&mut safe)
        .map(|_| ())
        .map_err(failed)
}

/// The frame to write for `options.format` from the `targets` (see the module contract).
pub fn list_frame(
    targets: &DataFrame,
    options: &CampaignExport,
) -> PolarsResult<(DataFrame, Skipped)> {
    if matches!(
        options.format,
        CampaignFormat::Csv | CampaignFormat::Xlsx | CampaignFormat::Parquet
    ) {
        return Ok((targets.clone(), Skipped::default()));
    }
    let text = |name: &str| -> PolarsResult<Vec<Option<String>>> {
        if !targets.schema().contains(name) {
            return Ok(vec![None; targets.height()]);
        }
        let column = targets.column(name)?.cast(&DataType::String)?;
        Ok(column
            .str()?
            .iter()
            .map(|c| c.map(str::trim).filter(|c| !c.is_empty()).map(String::from))
            .collect())
    };
    let emails = text("email")?;
    let phones = text("phone")?;
    let code = options.default_country_code.as_str();
    let mut skipped = Skipped::default();
    let usable_emails: Vec<Option<String>> = emails
        .iter()
        .map(|e| {
            let e = e.as_deref()?;
            let usable = normalise_email(e);
            if usable.is_none() {
                skipped.invalid_emails += 1;
                skipped.examples.push(e.to_string());
            }
            usable
        })
        .collect();
    let usable_phones: Vec<Option<String>> = phones
        .iter()
        .map(|p| {
            let p = p.as_deref()?;
            let usable = normalise_phone(p, code);
            if usable.is_none() {
                skipped.invalid_phones += 1;
                skipped.examples.push(p.to_string());
            }
            usable
        })
        .collect();
    skipped.examples.truncate(5);
    let recs: Vec<String> = targets
        .get_column_names()
        .into_iter()
        .filter(|n| n.starts_with("rec_"))
        .map(|n| n.to_string())
        .collect();
    let mut columns: Vec<Column> = Vec::new();
    let mut add = |name: &str, values: Vec<Option<String>>| {
        columns.push(Column::new(name.into(), values));
    };
    match options.format {
        CampaignFormat::Mailchimp | CampaignFormat::Klaviyo => {
            let mailchimp = options.format == CampaignFormat::Mailchimp;
            let names = if mailchimp {
                ["Email Address", "Phone Number", "First Name", "Last Name"]
            } else {
                ["email", "phone_number", "first_name", "last_name"]
            };
            add(names[0], usable_emails);
            add(names[1], usable_phones);
            add(names[2], text("first_name")?);
            add(names[3], text("last_name")?);
            let tag = Some(options.campaign_name.clone());
            add(
                if mailchimp { "TAGS" } else { "campaign" },
                vec![tag; targets.height()],
            );
            for rec in &recs {
                let name = if mailchimp {
                    merge_tag(rec)
                } else {
                    rec.clone()
                };
                add(&name, text(rec)?);
            }
        }
        CampaignFormat::Meta | CampaignFormat::Google => {
            let google = options.format == CampaignFormat::Google;
            let hashed_emails: Vec<Option<String>> = usable_emails
                .iter()
                .map(|e| e.as_ref().map(|e| sha256_hex(e.as_bytes())))
                .collect();
            let hashed_phones: Vec<Option<String>> = usable_phones
                .iter()
                .map(|p| {
                    let e164 = p.as_deref()?;
                    let value = if google {
                        e164
                    } else {
                        e164.trim_start_matches('+')
                    };
                    Some(sha256_hex(value.as_bytes()))
                })
                .collect();
            let keep: Vec<bool> = hashed_emails
                .iter()
                .zip(&hashed_phones)
                .map(|(e, p)| e.is_some() || p.is_some())
                .collect();
            skipped.without_contact = keep.iter().filter(|k| !**k).count();
            let kept = |values: Vec<Option<String>>| -> Vec<Option<String>> {
                values
                    .into_iter()
                    .zip(&keep)
                    .filter(|(_, k)| **k)
                    .map(|(v, _)| v)
                    .collect()
            };
            let names = if google {
                ["Email", "Phone"]
            } else {
                ["email", "phone"]
            };
            add(names[0], kept(hashed_emails));
            add(names[1], kept(hashed_phones));
        }
        _ => {}
    }
    let height = columns.first().map_or(0, Column::len);
    Ok((DataFrame::new(height, columns)?, skipped))
}

/// A Mailchimp merge tag from a column name: upper case, letters and digits, at
/// most 10 characters.
fn merge_tag(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .take(10)
        .collect()
}

#[cfg(test)]
#[path = "campaign_tests.rs"]
mod tests;

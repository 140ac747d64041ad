//! `marketbench inspect FILE...`: format, encoding, columns with their detected
//! roles, the date format, the load report of each file, and the dataset summary.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;
use serde_json::{Value, json};

use super::{LoadArgs, LoadedFiles, OutputArgs, load_files};
use crate::analysis::summary::Summary;
use crate::data::{FileFormat, Inspection, Role, Table, TextEncoding};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Files or folders to inspect (CSV, TSV, TXT, Parquet, JSON, NDJSON, XLSX, XLS).
    #[arg(required_unless_present = "db")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &InspectArgs) -> anyhow::Result<String> {
    let loaded = load_files(&args.files, &args.load)?;
    let summary = match loaded.store.order_lines()? {
        Some(lines) => Some(Summary::from_lines(&lines)?),
        None => None,
    };
    if args.output.json {
        Ok(serde_json::to_string_pretty(&as_json(
            &loaded,
            summary.as_ref(),
        ))?)
    } else {
        Ok(as_text(&loaded, summary.as_ref()))
    }
}

fn role_of(table: Option<&Table>, inspection: &Inspection, column: &str) -> Option<Role> {
    let mapping = table.map_or(&inspection.mapping, |t| &t.mapping);
    mapping
        .iter()
        .find(|(_, mapped)| mapped.as_str() == column)
        .map(|(role, _)| *role)
}

fn format_name(format: &FileFormat) -> String {
    match format {
        FileFormat::Csv { delimiter } => match delimiter {
            b'\t' => "delimited text (tab)".into(),
            b' ' => "delimited text (runs of spaces)".into(),
            d => format!("delimited text ('{}')", *d as char),
        },
        FileFormat::Parquet => "Parquet".into(),
        FileFormat::Json => "JSON".into(),
        FileFormat::Ndjson => "NDJSON".into(),
        FileFormat::Excel { sheet, .. } => format!("Excel (sheet '{sheet}')"),
        FileFormat::Database { url } => format!("database ({url})"),
    }
}

fn encoding_name(encoding: TextEncoding) -> &'static str {
    match encoding {
        TextEncoding::Utf8 => "UTF-8",
        TextEncoding::Utf8Bom => "UTF-8 with BOM",
        TextEncoding::Gb18030 => "GB18030 (GBK)",
        TextEncoding::Utf16Le => "UTF-16 (little endian)",
        TextEncoding::Utf16Be => "UTF-16 (big endian)",
        TextEncoding::Windows1252 => "Western European (Windows-1252 / Latin-1)",
    }
}

fn as_json(loaded: &LoadedFiles, summary: Option<&Summary>) -> Value {
    let files: Vec<Value> = loaded
        .tables()
        .map(|(inspection, table)| {
            let columns: Vec<Value> = inspection
                .columns
                .iter()
                .map(|c| {
                    json!({
                        "name": c.name,
                        "dtype": c.dtype,
                        "role": role_of(table, inspection, &c.name).map(|r| r.column_name()),
                        "samples": c.samples,
                    })
                })
                .collect();
            json!({
                "file": inspection.path.display().to_string(),
                "format": format_name(&inspection.format),
                "encoding": encoding_name(inspection.encoding),
                "kind": table.map_or(inspection.kind, |t| t.kind).label(),
                "signature": inspection.signature,
                "columns": columns,
                "date": inspection.date,
                "report": table.map(|t| &t.report),
            })
        })
        .collect();
    json!({ "files": files, "summary": summary })
}

fn as_text(loaded: &LoadedFiles, summary: Option<&Summary>) -> String {
    let mut out = String::new();
    for (inspection, table) in loaded.tables() {
        let kind = table.map_or(inspection.kind, |t| t.kind);
        let _ = writeln!(out, "{}", inspection.path.display());
        let _ = writeln!(
            out,
            "  {} · {} · {} file",
            format_name(&inspection.format),
            encoding_name(inspection.encoding),
            kind.label()
        );
        if let Some(date) = &inspection.date {
            let ambiguous = if date.ambiguous {
                " (ambiguous: every day is 12 or less; pass --date-format to choose)"
            } else {
                ""
            };
            let _ = writeln!(out, "  dates read as {}{ambiguous}", date.format.label());
        }
        let _ = writeln!(out, "  columns:");
        for column in &inspection.columns {
            let role = role_of(table, inspection, &column.name)
                .map_or("—".to_string(), |r| format!("→ {}", r.label()));
            let _ = writeln!(
                out,
                "    {:<24} {:<10} {:<22} e.g. {}",
                column.name,
                column.dtype,
                role,
                column.samples.join(", ")
            );
        }
        if let Some(table) = table {
            let report = &table.report;
            let _ = writeln!(
                out,
                "  rows read {}, kept {}",
                report.rows_read, report.rows_kept
            );
            for note in &report.notes {
                let _ = writeln!(out, "  note: {note}");
            }
            for problem in &report.problems {
                let _ = writeln!(
                    out,
                    "  {}: {} rows — {}. {}",
                    problem.kind.label(),
                    problem.count,
                    problem.action,
                    problem.hint
                );
                for example in &problem.examples {
                    let _ = writeln!(
                        out,
                        "      row {}, column '{}': '{}'",
                        example.row, example.column, example.value
                    );
                }
            }
        }
        let _ = writeln!(out);
    }
    if let Some(s) = summary {
        let range = match (s.first_day, s.last_day) {
            (Some(a), Some(b)) => format!("{a} to {b}"),
            _ => "no dates".into(),
        };
        let _ = writeln!(out, "summary");
        let _ = writeln!(out, "  customers      {}", s.customers);
        let _ = writeln!(out, "  orders         {}", s.orders);
        let _ = writeln!(out, "  order lines    {}", s.order_lines);
        let _ = writeln!(out, "  items          {}", s.items);
        let _ = writeln!(out, "  dates          {range}");
        match (s.revenue_net, s.returns_amount) {
            (Some(net), Some(returned)) => {
                let _ = writeln!(out, "  net revenue    {net:.2}");
                let _ = writeln!(
                    out,
                    "  returns        {} lines, {returned:.2}",
                    s.return_lines
                );
                if s.unpriced_lines > 0 {
                    let _ = writeln!(
                        out,
                        "  no price       {} lines (revenue counts them as 0)",
                        s.unpriced_lines
                    );
                }
            }
            _ => {
                let _ = writeln!(
                    out,
                    "  net revenue    none: no price or amount column (pass --price or --amount)"
                );
                let _ = writeln!(out, "  returns        {} lines", s.return_lines);
            }
        }
        let _ = writeln!(out, "  cancelled      {} lines", s.cancelled_lines);
    }
    out
}

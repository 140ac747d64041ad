//! Exported tables under Chinese column headers: a CSV written with them reads
//! back as the same table, every command that writes a table writes them with
//! `--headers zh-CN` (and may replace its own earlier export under either header
//! set), a campaign's tool files keep their tools' headers, and a Chinese-header
//! list works as a "previously contacted" list.

mod common;

use std::path::Path;

use common::cli::*;
use marketbench::analysis::campaign::read_id_list;
use marketbench::export::campaign::{
    CampaignExport, CampaignFormat, Sidecar, control_path, export_campaign,
};
use marketbench::export::headers::{Headers, canonical};
use marketbench::export::{ExportFormat, write_table};
use polars::prelude::*;

fn header_of(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("written");
    let line = text.trim_start_matches('\u{feff}').lines().next();
    line.expect("a header")
        .split(',')
        .map(String::from)
        .collect()
}

#[test]
fn a_csv_with_chinese_headers_reads_back_as_the_same_table() {
    let frame = df!(
        "customer_id" => ["C1", "C2"],
        "rfm_group" => ["Champions", "Lost"],
        "clv" => [Some(120.5), None],
        "会员等级" => ["金卡", "银卡"],
    )
    .expect("frame");
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("客户.csv");
    let chinese = Headers::Chinese.applied(&frame).expect("headers");
    write_table(&chinese, &path, ExportFormat::Csv { bom: true }).expect("export");
    assert_eq!(
        header_of(&path),
        ["客户ID", "RFM分组", "客户终身价值", "会员等级"]
    );

    let mut read = CsvReadOptions::default()
        .try_into_reader_with_file_path(Some(path))
        .expect("reader")
        .finish()
        .expect("read");
    let names: Vec<String> = read
        .get_column_names()
        .iter()
        .map(|h| canonical(h.trim_start_matches('\u{feff}')).into_owned())
        .collect();
    read.set_column_names(&names).expect("names");
    assert!(read.equals_missing(&frame), "{read}");
}

#[test]
fn the_commands_write_chinese_headers_and_replace_their_own_exports() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = |name: &str| folder.path().join(name);
    let orders = sample("orders.csv");
    let products = sample("products.csv");
    let commands: [(&str, &[&str], &str); 6] = [
        ("rfm", &[&orders], "rfm.csv"),
        ("clv", &[&orders], "clv.csv"),
        ("segment", &[&orders], "segments.csv"),
        ("forecast", &[&orders], "forecast.csv"),
        ("recommend", &[&orders, &products], "lists.csv"),
        ("rules", &[&orders, &products], "rules.csv"),
    ];
    for (command, inputs, file) in commands {
        let path = out(file);
        let path = path.to_str().expect("utf-8");
        let mut args = vec![command];
        args.extend(inputs);
        args.extend(["--out", path, "--headers", "zh-CN"]);
        let run = marketbench(&args);
        assert!(run.status.success(), "{command}: {run:?}");
        let header = header_of(Path::new(path));
        let english: Vec<&String> = header.iter().filter(|h| h.is_ascii()).collect();
        assert!(english.is_empty(), "{command}: {english:?} in {header:?}");
    }
    // An earlier export under Chinese headers is one of the same kind: an
    // English run may replace it without --force, and the other way round.
    let rfm = out("rfm.csv");
    let rfm = rfm.to_str().expect("utf-8");
    for headers in ["en", "zh-CN"] {
        let run = marketbench(&["rfm", &orders, "--out", rfm, "--headers", headers]);
        assert!(run.status.success(), "{headers}: {run:?}");
    }
    assert_eq!(header_of(Path::new(rfm))[0], "客户ID");
    let refused = marketbench(&["rfm", &orders, "--out", rfm, "--headers", "fr"]);
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(error.contains("use en or zh-CN"), "{error}");
}

#[test]
fn a_campaign_list_keeps_tool_headers_and_records_its_own() {
    let folder = tempfile::tempdir().expect("temp dir");
    let project = new_project(folder.path(), &["orders.csv", "customers.csv"]);
    let define = r#"{"name": "best", "condition": {"kind": "rfm_group",
        "values": ["Champions"]}, "control_share": 0.2}"#;
    let saved = marketbench(&["campaign", &project, "--define", define]);
    assert!(saved.status.success(), "{saved:?}");
    // The control file is a plain table under the list's recorded headers.
    for (format, first, control_first) in [
        ("csv", "客户ID", "客户ID"),
        ("mailchimp", "Email Address", "customer_id"),
    ] {
        let list = folder.path().join(format!("best-{format}.csv"));
        let run = marketbench(&[
            "campaign",
            &project,
            "--name",
            "best",
            "--format",
            format,
            "--out",
            list.to_str().expect("utf-8"),
            "--headers",
            "zh-CN",
        ]);
        assert!(run.status.success(), "{format}: {run:?}");
        assert_eq!(header_of(&list)[0], first, "{format}");
        let record: Sidecar = serde_json::from_str(
            &std::fs::read_to_string(folder.path().join(format!("best-{format}.csv.json")))
                .expect("record"),
        )
        .expect("a record");
        let recorded = match format {
            "csv" => Headers::Chinese,
            _ => Headers::English,
        };
        assert_eq!(record.headers, recorded, "{format}");
        assert_eq!(
            header_of(&control_path(&list))[0],
            control_first,
            "{format}"
        );
    }
}

#[test]
fn a_chinese_header_control_file_read_as_a_contacted_list_leaves_its_controls_out() {
    let audience = df!(
        "customer_id" => ["C1", "C2", "C3"],
        "email" => ["a@x.com", "b@x.com", "c@x.com"],
        "group" => ["target", "control", "control"],
    )
    .expect("audience");
    let folder = tempfile::tempdir().expect("temp dir");
    let list = folder.path().join("spring.csv");
    let options = CampaignExport {
        format: CampaignFormat::Csv,
        bom: true,
        default_country_code: "86".into(),
        campaign_name: "spring".into(),
        headers: Headers::Chinese,
    };
    let sidecar = Sidecar::new(serde_json::json!({}), vec![], 1);
    export_campaign(&audience, &list, &options, &sidecar).expect("export");
    assert_eq!(header_of(&list), ["客户ID", "邮箱", "分组"]);
    let contacted = read_id_list(&list).expect("the list");
    let mut contacted: Vec<String> = contacted.into_iter().collect();
    contacted.sort();
    assert_eq!(contacted, ["a@x.com", "c1"]);
    // The control group was not contacted: none of its file is excluded.
    let controls = read_id_list(&control_path(&list)).expect("the control file");
    assert!(controls.is_empty(), "{controls:?}");
}

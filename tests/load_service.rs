//! Service messages and reviews load like the other kinds: detected from their
//! Chinese headers, in UTF-8 or GBK, with hostile texts (emoji, empty, very long,
//! mixed scripts) kept as written.

use std::path::Path;

use marketbench::data::{FileKind, LoadOptions, Role, TextEncoding, inspect, load};
use marketbench::jobs::Progress;
use polars::prelude::*;

fn load_file(path: &Path) -> (marketbench::data::Inspection, marketbench::data::Table) {
    let inspection = inspect(path, None).expect("inspect");
    let options = LoadOptions::from_inspection(&inspection);
    let table = load(path, &options, &Progress::detached()).expect("load");
    (inspection, table)
}

fn texts(table: &marketbench::data::Table, role: Role) -> Vec<Option<String>> {
    let column = table.frame.column(role.column_name()).expect("column");
    column
        .str()
        .expect("text")
        .iter()
        .map(|v| v.map(str::to_string))
        .collect()
}

#[test]
fn the_sample_service_and_review_files_are_detected_and_loaded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let (inspection, service) = load_file(&dir.join("service.csv"));
    assert_eq!(inspection.kind, FileKind::Service);
    for role in [
        Role::SessionId,
        Role::CustomerId,
        Role::Timestamp,
        Role::Message,
        Role::Reply,
        Role::Intent,
    ] {
        assert!(service.mapping.contains_key(&role), "{role:?} not mapped");
    }
    assert_eq!(service.report.rows_read, service.frame.height());
    let labelled = texts(&service, Role::Intent).into_iter().flatten().count();
    let share = labelled as f64 / service.frame.height() as f64;
    assert!((0.08..0.12).contains(&share), "labelled share {share}");

    let (inspection, reviews) = load_file(&dir.join("reviews.csv"));
    assert_eq!(inspection.kind, FileKind::Reviews);
    assert!(reviews.mapping.contains_key(&Role::Rating));
    assert!(reviews.mapping.contains_key(&Role::Message));
    let ratings = reviews.frame.column("rating").expect("rating");
    assert_eq!(ratings.dtype(), &DataType::Float64);
}

#[test]
fn a_gbk_service_export_with_hostile_texts_loads_as_written() {
    let long = "质量".repeat(20_000);
    let rows = [
        ("S1", "C1", "2026-03-01 10:00", "快递到哪了？😀😀", "已催促"),
        ("S2", "C2", "2026-03-01 11:00", "", ""),
        ("S3", "C3", "2026-03-02 09:30", long.as_str(), "抱歉"),
        (
            "S4",
            "C1",
            "2026-03-02 12:00",
            "size M 偏小吗 ok?",
            "标准码",
        ),
        (
            "S5",
            "C4",
            "2026-03-03 08:00",
            "\u{200b}\t发票\u{7}",
            "可以开",
        ),
    ];
    let mut text = String::from("会话ID,客户ID,时间,消息内容,客服回复\r\n");
    for (session, customer, time, message, reply) in rows {
        text.push_str(&format!(
            "{session},{customer},{time},{message},{reply}\r\n"
        ));
    }
    // GBK cannot hold the emoji or the zero-width space: a GBK export has "?"
    // in their place already.
    let gbk_text = text.replace(['😀', '\u{200b}'], "?");
    let (bytes, _, lossy) = encoding_rs::GBK.encode(&gbk_text);
    assert!(!lossy);
    let dir = tempfile::tempdir().expect("tmp");
    let gbk = dir.path().join("客服消息.csv");
    std::fs::write(&gbk, &bytes).expect("write");
    let (inspection, table) = load_file(&gbk);
    assert_eq!(inspection.encoding, TextEncoding::Gb18030);
    assert_eq!(inspection.kind, FileKind::Service);
    let messages = texts(&table, Role::Message);
    assert_eq!(messages.len(), 5);
    assert_eq!(messages[0].as_deref(), Some("快递到哪了？??"));
    assert_eq!(messages[1], None, "an empty message is kept as empty");
    assert_eq!(messages[2].as_deref().map(str::len), Some(long.len()));
    assert_eq!(messages[3].as_deref(), Some("size M 偏小吗 ok?"));

    // The same file in UTF-8 keeps the emoji.
    let utf8 = dir.path().join("messages.csv");
    std::fs::write(&utf8, text.as_bytes()).expect("write");
    let (_, table) = load_file(&utf8);
    assert_eq!(
        texts(&table, Role::Message)[0].as_deref(),
        Some("快递到哪了？😀😀")
    );
}

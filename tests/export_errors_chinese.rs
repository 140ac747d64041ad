//! The export layer speaks the window's language: in Chinese its refusals and
//! its account of what it wrote are Chinese sentences; in English they stay word
//! for word what the command line and its tests expect.
//!
//! The language is one setting for the whole process, so every assertion lives
//! in one test: nothing else in this binary could switch it halfway.

use std::path::{Path, PathBuf};

use marketbench::export::ExportFormat;
use marketbench::export::campaign::{CampaignFormat, Skipped, Written};
use marketbench::export::sent::Sent;
use marketbench::i18n::{Language, set_language};

/// The sentences the export layer shows for one set of outcomes.
fn sentences() -> Vec<String> {
    let unsupported = ExportFormat::from_path(Path::new("/a/list.pdf")).expect_err("pdf");
    let mismatch = CampaignFormat::Meta
        .check_path(Path::new("/a/list.xlsx"))
        .expect_err("csv as xlsx");
    let written = Written {
        rows: 1_200,
        skipped: Skipped {
            invalid_emails: 2,
            invalid_phones: 1,
            without_contact: 3,
            examples: vec!["a@b".into()],
        },
        control: Some((PathBuf::from("/a/list.control.csv"), 1)),
    };
    let missing = Sent::read(Path::new("/nowhere/list.csv")).expect_err("no record");
    vec![
        unsupported.to_string(),
        mismatch.to_string(),
        written.describe(Path::new("/a/list.csv")),
        missing.to_string(),
    ]
}

#[test]
fn export_messages_follow_the_language_and_stay_exact_in_english() {
    set_language(Language::Chinese);
    let chinese = sentences();
    set_language(Language::English);
    let english = sentences();

    assert_eq!(
        chinese[0],
        "/a/list.pdf：无法导出为 .pdf 文件。请使用以 .csv 或 .xlsx 结尾的文件名。"
    );
    assert!(chinese[1].starts_with("/a/list.xlsx：meta 名单应写成 .csv 文件"));
    assert_eq!(
        chinese[2],
        "已将 1,200 行目标客户写入 /a/list.csv（2 个邮箱和 1 个电话无法使用（例如 'a@b'），\
         已留空；3 位目标客户没有可用的邮箱或电话，未写入名单）；对照组（1 行，不要联系）写入 \
         /a/list.control.csv"
    );
    assert!(
        chinese[3].contains("无法读取名单的记录文件"),
        "{}",
        chinese[3]
    );

    assert_eq!(
        english[0],
        "/a/list.pdf: cannot export to '.pdf' files. Choose a name ending in .csv or .xlsx."
    );
    assert_eq!(
        english[1],
        "/a/list.xlsx: a meta list is written as .csv, not .xlsx: the file would not open as \
         its name says. Name it …csv or choose the format that writes .xlsx."
    );
    assert_eq!(
        english[2],
        "Wrote 1,200 target rows to /a/list.csv (2 emails and 1 phones were not usable (e.g. \
         'a@b') and left empty; 3 targets had no usable email or phone and are not in the \
         list); the control group (1 row, not to be contacted) to /a/list.control.csv"
    );
    assert!(
        english[3].starts_with("/nowhere/list.csv.json: cannot read the list's record ("),
        "{}",
        english[3]
    );
}

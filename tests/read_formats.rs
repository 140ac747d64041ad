//! The read layer on small files written by each test: every supported format,
//! delimiter and encoding, the typing rules and the errors.

use std::path::{Path, PathBuf};

use marketbench::data::read::{RawFile, ReadOptions, read_raw};
use marketbench::data::{DataError, FileFormat, TextEncoding};
use polars::prelude::*;
use tempfile::TempDir;

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn read(path: &Path) -> RawFile {
    read_raw(path, &ReadOptions::default()).expect("file reads")
}

fn names(raw: &RawFile) -> Vec<String> {
    raw.frame
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect()
}

/// The values of a column as text (nulls as "<null>").
fn texts(raw: &RawFile, column: &str) -> Vec<String> {
    let column = raw
        .frame
        .column(column)
        .expect("column exists")
        .cast(&DataType::String)
        .expect("casts to text");
    column
        .str()
        .expect("string column")
        .iter()
        .map(|v| v.map_or_else(|| "<null>".to_owned(), str::to_owned))
        .collect()
}

fn dtype(raw: &RawFile, column: &str) -> DataType {
    raw.frame
        .column(column)
        .expect("column exists")
        .dtype()
        .clone()
}

#[test]
fn each_delimiter_is_sniffed() {
    let dir = TempDir::new().expect("temp dir");
    let cases: [(&str, &str, u8); 5] = [
        ("comma.csv", "id,name,amount\n1,Ann,3.5\n2,Bo,4\n", b','),
        ("semi.csv", "id;name;amount\n1;Ann;3.5\n2;Bo;4\n", b';'),
        (
            "tabs.tsv",
            "id\tname\tamount\n1\tAnn\t3.5\n2\tBo\t4\n",
            b'\t',
        ),
        ("pipes.csv", "id|name|amount\n1|Ann|3.5\n2|Bo|4\n", b'|'),
        (
            "spaces.txt",
            "  id    name     amount\n  1     Ann      3.5\n  2     Bo       4\n",
            b' ',
        ),
    ];
    for (file, text, delimiter) in cases {
        let raw = read(&write(&dir, file, text.as_bytes()));
        assert_eq!(raw.format, FileFormat::Csv { delimiter }, "{file}");
        assert_eq!(names(&raw), ["id", "name", "amount"], "{file}");
        assert_eq!(texts(&raw, "name"), ["Ann", "Bo"], "{file}");
        assert_eq!(dtype(&raw, "id"), DataType::Int64, "{file}");
        assert_eq!(dtype(&raw, "amount"), DataType::Float64, "{file}");
        assert_eq!(raw.encoding, TextEncoding::Utf8, "{file}");
    }
}

#[test]
fn quoted_fields_keep_the_delimiter_and_newlines() {
    let dir = TempDir::new().expect("temp dir");
    let text = "id,title,amount\n1,\"Shoes, red\",\"1,200\"\n2,\"Say \"\"hi\"\"\nthere\",5\n";
    let raw = read(&write(&dir, "quoted.csv", text.as_bytes()));
    assert_eq!(raw.format, FileFormat::Csv { delimiter: b',' });
    assert_eq!(texts(&raw, "title"), ["Shoes, red", "Say \"hi\"\nthere"]);
    // Thousands separators are left for the load layer.
    assert_eq!(dtype(&raw, "amount"), DataType::String);
    assert_eq!(texts(&raw, "amount"), ["1,200", "5"]);
}

#[test]
fn spaces_inside_values_survive_two_space_columns() {
    let dir = TempDir::new().expect("temp dir");
    let text = "order    customer     paid_at\n1001     Ann Lee      2024-01-02 10:00:00\n1002     Bo           2024-01-03 11:30:00\n";
    let raw = read(&write(&dir, "fixed.txt", text.as_bytes()));
    assert_eq!(raw.format, FileFormat::Csv { delimiter: b' ' });
    assert_eq!(texts(&raw, "customer"), ["Ann Lee", "Bo"]);
    assert_eq!(
        texts(&raw, "paid_at"),
        ["2024-01-02 10:00:00", "2024-01-03 11:30:00"]
    );
}

#[test]
fn utf8_bom_is_stripped_from_the_header() {
    let dir = TempDir::new().expect("temp dir");
    let text = "\u{feff}user_id,amount\nu1,3\n";
    let raw = read(&write(&dir, "bom.csv", text.as_bytes()));
    assert_eq!(raw.encoding, TextEncoding::Utf8Bom);
    assert_eq!(names(&raw), ["user_id", "amount"]);
}

#[test]
fn gb18030_text_decodes_exactly() {
    let dir = TempDir::new().expect("temp dir");
    let text = "用户ID,订单号,商品,金额\nU001,DD20240101,羽绒服（黑色）,299.5\nU002,DD20240102,保温杯,45\n";
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test file must not be UTF-8"
    );
    let raw = read(&write(&dir, "订单.csv", &bytes));
    assert_eq!(raw.encoding, TextEncoding::Gb18030);
    assert_eq!(names(&raw), ["用户ID", "订单号", "商品", "金额"]);
    assert_eq!(texts(&raw, "商品"), ["羽绒服（黑色）", "保温杯"]);
    assert_eq!(texts(&raw, "用户ID"), ["U001", "U002"]);
    assert_eq!(dtype(&raw, "金额"), DataType::Float64);
}

#[test]
fn header_names_are_cleaned() {
    let dir = TempDir::new().expect("temp dir");
    let text = " id ,,amount,amount\n1,x,2,3\n";
    let raw = read(&write(&dir, "names.csv", text.as_bytes()));
    assert_eq!(names(&raw), ["id", "column_2", "amount", "amount_2"]);
}

#[test]
fn text_columns_keep_leading_zeros() {
    let dir = TempDir::new().expect("temp dir");
    let text = "user_id,phone,amount\n000123,13800138000,5\n004560,13900139000,6\n";
    let path = write(&dir, "ids.csv", text.as_bytes());
    let options = ReadOptions {
        text_columns: vec!["user_id".to_owned(), "phone".to_owned()],
        ..ReadOptions::default()
    };
    let raw = read_raw(&path, &options).expect("file reads");
    assert_eq!(texts(&raw, "user_id"), ["000123", "004560"]);
    assert_eq!(texts(&raw, "phone"), ["13800138000", "13900139000"]);
    assert_eq!(dtype(&raw, "amount"), DataType::Int64);
    // Without the option the id is a number and the zeros are gone.
    assert_eq!(dtype(&read(&path), "user_id"), DataType::Int64);
}

#[test]
fn late_non_numeric_value_reads_the_column_as_text() {
    let dir = TempDir::new().expect("temp dir");
    let mut text = String::from("id,amount,qty\n");
    for i in 0..20_000 {
        text.push_str(&format!("{i},{}.5,{}\n", i % 100, i % 7));
    }
    text.push_str("20000,n/a,3\n");
    let raw = read(&write(&dir, "late.csv", text.as_bytes()));
    assert_eq!(raw.frame.height(), 20_001);
    assert_eq!(dtype(&raw, "amount"), DataType::String);
    assert_eq!(dtype(&raw, "qty"), DataType::Int64);
    let amounts = texts(&raw, "amount");
    assert_eq!(amounts[0], "0.5");
    assert_eq!(amounts[20_000], "n/a");
}

#[test]
fn max_rows_limits_data_rows() {
    let dir = TempDir::new().expect("temp dir");
    let mut text = String::from("id,amount\n");
    for i in 0..100 {
        text.push_str(&format!("{i},{i}\n"));
    }
    let path = write(&dir, "many.csv", text.as_bytes());
    let options = ReadOptions {
        max_rows: Some(10),
        ..ReadOptions::default()
    };
    let raw = read_raw(&path, &options).expect("file reads");
    assert_eq!(raw.frame.height(), 10);
    assert_eq!(texts(&raw, "id")[9], "9");
}

#[test]
fn ragged_line_names_file_and_line() {
    let dir = TempDir::new().expect("temp dir");
    let mut text = String::from("id;name;amount\n");
    for i in 0..60 {
        text.push_str(&format!("{i};n{i};{i}\n"));
    }
    text.push_str("60;n60;60;extra\n");
    let err = read_raw(
        &write(&dir, "ragged.csv", text.as_bytes()),
        &ReadOptions::default(),
    )
    .err()
    .expect("a ragged file fails");
    let message = err.to_string();
    assert!(matches!(err, DataError::Parse { .. }), "{message}");
    assert!(message.contains("ragged.csv"), "{message}");
    assert!(message.contains("line 62"), "{message}");
    assert!(message.contains("';'"), "{message}");
    assert!(
        !message.contains(&dir.path().display().to_string()),
        "{message}"
    );
}

#[test]
fn unclosed_quote_names_its_line() {
    let dir = TempDir::new().expect("temp dir");
    let text = "id,name\n1,Ann\n2,\"Bo\n3,Cy\n";
    let err = read_raw(
        &write(&dir, "quote.csv", text.as_bytes()),
        &ReadOptions::default(),
    )
    .err()
    .expect("an unclosed quote fails");
    let message = err.to_string();
    assert!(message.contains("quote.csv"), "{message}");
    assert!(message.contains("line 3"), "{message}");
}

#[test]
fn empty_and_header_only_files_are_empty() {
    let dir = TempDir::new().expect("temp dir");
    for (file, text) in [
        ("empty.csv", ""),
        ("header.csv", "id,amount\n"),
        ("blank.csv", "\n\n"),
    ] {
        let err = read_raw(&write(&dir, file, text.as_bytes()), &ReadOptions::default())
            .err()
            .expect("no data rows");
        assert!(matches!(err, DataError::Empty { .. }), "{file}: {err}");
    }
}

#[test]
fn missing_file_is_an_io_error() {
    let dir = TempDir::new().expect("temp dir");
    let err = read_raw(&dir.path().join("gone.csv"), &ReadOptions::default())
        .err()
        .expect("missing file fails");
    assert!(matches!(err, DataError::Io { .. }), "{err}");
    assert!(err.to_string().starts_with("gone.csv:"), "{err}");
}

#[test]
fn parquet_round_trips_and_respects_max_rows() {
    let dir = TempDir::new().expect("temp dir");
    let mut frame = df!(
        "user_id" => ["000123", "u2", "u3"],
        "amount" => [1.5, 2.0, 3.25],
        "qty" => [1i64, 2, 3],
    )
    .expect("frame");
    let path = dir.path().join("orders.parquet");
    let handle = std::fs::File::create(&path).expect("create");
    ParquetWriter::new(handle)
        .finish(&mut frame)
        .expect("write parquet");
    let raw = read(&path);
    assert_eq!(raw.format, FileFormat::Parquet);
    assert!(raw.frame.equals(&frame));
    let options = ReadOptions {
        max_rows: Some(2),
        text_columns: vec!["qty".to_owned()],
        ..ReadOptions::default()
    };
    let raw = read_raw(&path, &options).expect("reads");
    assert_eq!(raw.frame.height(), 2);
    assert_eq!(dtype(&raw, "qty"), DataType::String);
    assert_eq!(texts(&raw, "user_id"), ["000123", "u2"]);
}

#[test]
fn json_array_and_ndjson() {
    let dir = TempDir::new().expect("temp dir");
    let array = r#"[{"user_id": "000123", "amount": 3.5, "商品": "保温杯"},
                   {"user_id": "u2", "amount": 4, "商品": "羽绒服"}]"#;
    let raw = read(&write(&dir, "orders.json", array.as_bytes()));
    assert_eq!(raw.format, FileFormat::Json);
    assert_eq!(names(&raw), ["user_id", "amount", "商品"]);
    assert_eq!(texts(&raw, "user_id"), ["000123", "u2"]);
    assert_eq!(texts(&raw, "商品"), ["保温杯", "羽绒服"]);
    assert_eq!(dtype(&raw, "amount"), DataType::Float64);

    let lines = "{\"user_id\": \"u1\", \"qty\": 1}\n{\"user_id\": \"u2\", \"qty\": 2}\n{\"user_id\": \"u3\", \"qty\": 3}\n";
    for file in ["events.ndjson", "events.jsonl", "events.json"] {
        let raw = read(&write(&dir, file, lines.as_bytes()));
        assert_eq!(raw.format, FileFormat::Ndjson, "{file}");
        assert_eq!(texts(&raw, "user_id"), ["u1", "u2", "u3"], "{file}");
        assert_eq!(dtype(&raw, "qty"), DataType::Int64, "{file}");
    }
    let options = ReadOptions {
        max_rows: Some(2),
        ..ReadOptions::default()
    };
    let raw = read_raw(&write(&dir, "events.ndjson", lines.as_bytes()), &options).expect("reads");
    assert_eq!(raw.frame.height(), 2);
}

#[test]
fn gbk_json_decodes() {
    let dir = TempDir::new().expect("temp dir");
    let (bytes, _, _) = encoding_rs::GB18030.encode(r#"[{"商品": "保温杯", "金额": 45}]"#);
    let raw = read(&write(&dir, "gbk.json", &bytes));
    assert_eq!(raw.encoding, TextEncoding::Gb18030);
    assert_eq!(texts(&raw, "商品"), ["保温杯"]);
}

/// A workbook with a first sheet "summary" and a second sheet "订单明细".
fn write_workbook(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let first = workbook.add_worksheet();
    first.set_name("summary").expect("name");
    first.write_string(0, 0, "note").expect("cell");
    first
        .write_string(1, 0, "see the other sheet")
        .expect("cell");
    let sheet = workbook.add_worksheet();
    sheet.set_name("订单明细").expect("name");
    let date_format = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    // A blank first row: the header is the first non-empty row.
    for (col, name) in ["用户ID", "下单时间", "金额", "数量", "商品", "备注", "会员"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, col as u16, *name).expect("header");
    }
    let paid = ExcelDateTime::from_ymd(2024, 3, 1)
        .and_then(|d| d.and_hms(10, 30, 0))
        .expect("date");
    let rows: [(&str, f64, f64, &str, bool); 2] = [
        ("000123", 299.5, 2.0, "羽绒服", true),
        ("U002", 45.0, 1.0, "保温杯", false),
    ];
    for (i, (user, amount, qty, item, member)) in rows.iter().enumerate() {
        let row = 2 + i as u32;
        sheet.write_string(row, 0, *user).expect("cell");
        sheet
            .write_datetime_with_format(row, 1, &paid, &date_format)
            .expect("cell");
        sheet.write_number(row, 2, *amount).expect("cell");
        sheet.write_number(row, 3, *qty).expect("cell");
        sheet.write_string(row, 4, *item).expect("cell");
        sheet.write_boolean(row, 6, *member).expect("cell");
    }
    // A column mixing numbers and text.
    sheet.write_number(2, 5, 7.0).expect("cell");
    sheet.write_string(3, 5, "加急").expect("cell");
    workbook.save(path).expect("save workbook");
}

#[test]
fn xlsx_sheet_by_chinese_name_with_types() {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("订单.xlsx");
    write_workbook(&path);

    let first = read(&path);
    assert_eq!(
        first.format,
        FileFormat::Excel {
            sheet: "summary".to_owned(),
            sheets: vec!["summary".to_owned(), "订单明细".to_owned()],
        }
    );
    assert_eq!(texts(&first, "note"), ["see the other sheet"]);

    let options = ReadOptions {
        sheet: Some("订单明细".to_owned()),
        ..ReadOptions::default()
    };
    let raw = read_raw(&path, &options).expect("second sheet reads");
    assert_eq!(
        names(&raw),
        ["用户ID", "下单时间", "金额", "数量", "商品", "备注", "会员"]
    );
    assert_eq!(texts(&raw, "用户ID"), ["000123", "U002"]);
    assert_eq!(
        dtype(&raw, "下单时间"),
        DataType::Datetime(TimeUnit::Milliseconds, None)
    );
    assert_eq!(
        texts(&raw, "下单时间"),
        ["2024-03-01 10:30:00.000", "2024-03-01 10:30:00.000"]
    );
    assert_eq!(dtype(&raw, "金额"), DataType::Float64);
    assert_eq!(dtype(&raw, "数量"), DataType::Int64);
    assert_eq!(texts(&raw, "数量"), ["2", "1"]);
    assert_eq!(texts(&raw, "商品"), ["羽绒服", "保温杯"]);
    assert_eq!(dtype(&raw, "备注"), DataType::String);
    assert_eq!(texts(&raw, "备注"), ["7", "加急"]);
    assert_eq!(dtype(&raw, "会员"), DataType::Boolean);
}

#[test]
fn unknown_sheet_lists_the_sheets() {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("book.xlsx");
    write_workbook(&path);
    let options = ReadOptions {
        sheet: Some("Sheet9".to_owned()),
        ..ReadOptions::default()
    };
    let err = read_raw(&path, &options)
        .err()
        .expect("unknown sheet fails");
    assert!(matches!(err, DataError::UnknownSheet { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains("book.xlsx"), "{message}");
    assert!(message.contains("Sheet9"), "{message}");
    assert!(message.contains("summary, 订单明细"), "{message}");
}

#[test]
fn content_wins_over_a_misleading_extension() {
    let dir = TempDir::new().expect("temp dir");
    // Shop systems often export tab-separated text named .xls.
    let raw = read(&write(&dir, "export.xls", b"id\tamount\n1\t2\n"));
    assert_eq!(raw.format, FileFormat::Csv { delimiter: b'\t' });
    // A workbook saved with a .csv name is still a workbook.
    let path = dir.path().join("book.xlsx");
    write_workbook(&path);
    let renamed = dir.path().join("book.csv");
    std::fs::rename(&path, &renamed).expect("rename");
    assert!(matches!(read(&renamed).format, FileFormat::Excel { .. }));
    // An unknown extension with clear columns reads as text.
    let raw = read(&write(&dir, "orders.dat", b"id;amount\n1;2\n3;4\n"));
    assert_eq!(raw.format, FileFormat::Csv { delimiter: b';' });
}

#[test]
fn unsupported_extension_is_refused() {
    let dir = TempDir::new().expect("temp dir");
    let path = write(
        &dir,
        "report.pdf",
        b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n",
    );
    let err = read_raw(&path, &ReadOptions::default())
        .err()
        .expect("pdf fails");
    assert!(
        matches!(&err, DataError::UnsupportedFormat { extension, .. } if extension == "pdf"),
        "{err}"
    );
    assert!(err.to_string().starts_with("report.pdf:"), "{err}");
}

#[test]
fn a_look_at_the_first_rows_reads_only_the_start_of_a_big_file() {
    // 10 MB of good rows, then a line that is not text in any encoding (bytes
    // invalid in UTF-8 and GBK, and a control byte no Western text holds): the
    // whole read stops there, a look at the first 1,000 rows never gets that far.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = b"customer,amount\n".to_vec();
    let row = b"C0000000000000000000000000000001,12.50\n";
    while bytes.len() < 10 * 1024 * 1024 {
        bytes.extend_from_slice(row);
    }
    bytes.extend_from_slice(b"C\xFF\xFE\x01,1\n");
    let path = write(&dir, "big.csv", &bytes);

    let options = ReadOptions {
        max_rows: Some(1_000),
        ..ReadOptions::default()
    };
    let first = read_raw(&path, &options).expect("the start reads");
    assert_eq!(first.frame.height(), 1_000);
    assert_eq!(names(&first), ["customer", "amount"]);
    assert!(
        read_raw(&path, &ReadOptions::default()).is_err(),
        "the end is broken"
    );
}

/// 9 MB of plain ASCII rows (more than the start the reader looks at first),
/// then `tail`.
fn big_file_ending_with(dir: &TempDir, tail: &[u8]) -> PathBuf {
    let mut bytes = b"customer,item,amount\n".to_vec();
    let mut i = 0u64;
    while bytes.len() < 9 * 1024 * 1024 {
        bytes.extend_from_slice(format!("C{i:08},mug,12.50\n").as_bytes());
        i += 1;
    }
    bytes.extend_from_slice(tail);
    write(dir, "big.csv", &bytes)
}

#[test]
fn gbk_rows_far_into_a_big_file_still_decode() {
    let dir = TempDir::new().expect("temp dir");
    let (tail, _, unmappable) = encoding_rs::GB18030.encode("C99999999,保温杯,45\n");
    assert!(!unmappable);
    let raw = read(&big_file_ending_with(&dir, &tail));
    assert_eq!(raw.encoding, TextEncoding::Gb18030);
    assert_eq!(
        texts(&raw, "item").last().map(String::as_str),
        Some("保温杯")
    );
    assert_eq!(texts(&raw, "item")[0], "mug");
}

#[test]
fn a_ragged_line_far_into_a_big_file_is_named() {
    let dir = TempDir::new().expect("temp dir");
    let path = big_file_ending_with(&dir, b"C1,mug,1,extra\n");
    let lines = std::fs::read(&path)
        .expect("read back")
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    let err = read_raw(&path, &ReadOptions::default())
        .err()
        .expect("a ragged line fails");
    let message = err.to_string();
    assert!(message.contains(&format!("line {lines}")), "{message}");
}

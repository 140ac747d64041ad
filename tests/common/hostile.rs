//! A corpus of malformed, hostile and odd input files, generated (never
//! committed): what real shop exports, Excel and a careless copy can produce.
//! Each file is small (but for one 50 MB cell), so every command can run over
//! every file in the suite.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The header of a plain orders file.
pub const HEADER: &str = "order_id,customer_id,order_time,sku,quantity,amount\n";

/// `rows` ordinary order lines (customers C0..C9, items S0..S4, 2025).
pub fn orders(rows: usize) -> String {
    let mut text = String::from(HEADER);
    for n in 0..rows {
        let _ = writeln!(
            text,
            "O{n:05},C{},2025-{:02}-{:02} 10:00:00,S{},1,{}.50",
            n % 10,
            n % 12 + 1,
            n % 28 + 1,
            n % 5,
            10 + n % 90
        );
    }
    text
}

/// Writes every corpus file into `dir` and returns their paths.
pub fn write_corpus(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut text = |name: &str, body: String| files.push((name.to_string(), body.into_bytes()));
    text("empty.csv", String::new());
    text("header_only.csv", HEADER.to_string());
    text(
        "bom_crlf.csv",
        format!("\u{feff}{}", orders(30).replace('\n', "\r\n")),
    );
    text(
        "ragged.csv",
        format!("{}O9,C1,2025-01-01,S1,1,10,extra,fields\n", orders(20)),
    );
    text(
        "short_rows.csv",
        format!("{}O9,C1,2025-01-01\n", orders(20)),
    );
    text(
        "unclosed_quote.csv",
        format!("{}O9,\"C1,2025-01-01,S1,1,10\n", orders(20)),
    );
    text(
        "embedded_newlines.csv",
        format!("{}O9,\"C1\nstill C1\",2025-01-01,S1,1,10\n", orders(20)),
    );
    text(
        "json_object.json",
        "{\"customer_id\": \"C1\", \"amount\": 3}".into(),
    );
    text(
        "deep.json",
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    );
    text(
        "bad_line.ndjson",
        "{\"customer_id\":\"C1\",\"ts\":\"2025-01-01\",\"amount\":1}\n{oops\n".into(),
    );
    text("wide.csv", {
        let names: Vec<String> = (0..10_000).map(|i| format!("c{i}")).collect();
        let values: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
        format!("{}\n{}\n", names.join(","), values.join(","))
    });
    text(
        "duplicate_headers.csv",
        "id,id,id,date,date\nC1,C2,C3,2025-01-01,2025-01-02\n".into(),
    );
    text("numeric_headers.csv", "1,2,3\n4,5,6\n7,8,9\n".into());
    text("empty_headers.csv", ",,,\nC1,2025-01-01,3,4\n".into());
    text("mixed_dates.csv", {
        let mut body = String::from(HEADER);
        for n in 0..40 {
            let date = match n % 2 {
                0 => format!("2025-01-{:02}", n % 28 + 1),
                _ => format!("{:02}/01/2025", n % 28 + 1),
            };
            let _ = writeln!(body, "O{n},C{},{date},S1,1,10", n % 5);
        }
        body
    });
    text(
        "extreme_dates.csv",
        format!(
            "{}P1,C1,9999-12-31 00:00:00,S1,1,10\nP2,C2,0001-01-01 00:00:00,S1,1,10\n\
             P3,C3,0000-00-00 00:00:00,S1,1,10\n",
            orders(30)
        ),
    );
    text(
        "odd_amounts.csv",
        format!(
            "{}A1,C1,2025-01-01,S1,1,NaN\nA2,C2,2025-01-02,S1,1,inf\nA3,C3,2025-01-03,S1,1,\"1,234.50\"\n\
             A4,C4,2025-01-04,S1,1,-0\nA5,C5,2025-01-05,S1,1e308,1e308\n",
            orders(20)
        ),
    );
    text(
        "scientific_ids.csv",
        orders(20).replace(",C3,", ",1.23457E+11,"),
    );
    text("nul_bytes.csv", orders(20).replace(",C4,", ",C\u{0}4,"));
    text("one_customer.csv", {
        let mut body = String::from(HEADER);
        for n in 0..30 {
            let _ = writeln!(
                body,
                "O{n},C1,2025-{:02}-01 10:00:00,S{},1,10",
                n % 12 + 1,
                n % 4
            );
        }
        body
    });
    text("identical_customers.csv", {
        let mut body = String::from(HEADER);
        for n in 0..30 {
            let _ = writeln!(body, "O{n},C{},2025-03-01 10:00:00,S1,1,10", n % 10);
        }
        body
    });
    text("one_day.csv", {
        let mut body = String::from(HEADER);
        for n in 0..30 {
            let _ = writeln!(
                body,
                "O{n},C{},2025-03-01 1{}:00:00,S{},1,10",
                n % 7,
                n % 10,
                n % 3
            );
        }
        body
    });
    text("all_returns.csv", {
        let mut body = String::from(HEADER);
        for n in 0..30 {
            let _ = writeln!(
                body,
                "R{n},C{},2025-01-{:02},S1,-1,-10.50",
                n % 6,
                n % 28 + 1
            );
        }
        body
    });
    text("all_duplicates.csv", {
        let line = "O1,C1,2025-01-01 10:00:00,S1,1,10\n";
        format!("{HEADER}{}", line.repeat(30))
    });
    text("one_row.csv", orders(1));
    text("chinese.csv", {
        let mut body = "订单号,用户ID,下单时间,商品,数量,金额\n".to_string();
        for n in 0..30 {
            let _ = writeln!(
                body,
                "D{n},用户{},2025-02-{:02},乌龙茶,1,{}",
                n % 6,
                n % 28 + 1,
                n + 5
            );
        }
        body
    });
    text(
        "big_cell.csv",
        format!(
            "{}O9,C1,2025-01-01,{},1,10\n",
            orders(10),
            "x".repeat(50 << 20)
        ),
    );
    text("only_spaces.csv", "   \n  \n".into());
    text("no_dates.csv", "customer_id,amount\nC1,1\nC2,2\n".into());
    text("future.csv", orders(30).replace("2025-", "2091-"));
    text(
        "semicolons_decimal_commas.csv",
        orders(30).replace(',', ";").replace(".50", ",50"),
    );
    text("tabs.tsv", orders(30).replace(',', "\t"));
    text("excel_serial_dates.csv", {
        let mut body = String::from(HEADER);
        for n in 0..30 {
            let _ = writeln!(body, "O{n},C{},{},S1,1,10", n % 6, 45_600 + n * 3);
        }
        body
    });
    text("unix_seconds.csv", {
        let mut body = String::from(HEADER);
        for n in 0..30 {
            let _ = writeln!(
                body,
                "O{n},C{},{},S1,1,10",
                n % 6,
                1_735_000_000 + n * 86_400
            );
        }
        body
    });
    text("events.csv", {
        let mut body = String::from("user_id,event_time,event_type,sku\n");
        for n in 0..40 {
            let kind = ["view", "cart", "purchase"][n % 3];
            let _ = writeln!(
                body,
                "U{},2025-04-{:02} 09:00:00,{kind},S{}",
                n % 8,
                n % 28 + 1,
                n % 4
            );
        }
        body
    });
    text(
        "customers_only.csv",
        "customer_id,email,phone\nC1,a@x.com,+86 188 3484 8273\nC2,=cmd|' /C calc'!A0,12345\n"
            .into(),
    );
    // Binary and mislabelled files.
    files.push((
        "garbage.csv".into(),
        (0..4096u32).map(|i| (i * 131 % 251) as u8).collect(),
    ));
    files.push((
        "png.csv".into(),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR junk".to_vec(),
    ));
    files.push((
        "zip_junk.xlsx".into(),
        b"PK\x03\x04 this is not a workbook".to_vec(),
    ));
    files.push(("truncated.parquet".into(), b"PAR1 cut short".to_vec()));
    files.push(("gbk_bad.csv".into(), {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("订单号,客户,时间,金额\nO1,客户1,2025-01-01,10\n");
        let mut bytes = bytes.into_owned();
        bytes.extend(b"O2,\xff\xfe\xfd,2025-01-02,20\n");
        bytes
    }));
    files.push(("utf16.csv".into(), {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in orders(20).encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        bytes
    }));
    let mut paths = write_files(dir, files);
    paths.push(stray_cell_workbook(dir));
    paths.push(parquet_orders(dir));
    paths.extend(super::hostile_more::write_more(dir));
    paths
}

/// Writes each `(name, bytes)` into `dir` and returns the paths.
pub fn write_files(dir: &Path, files: Vec<(String, Vec<u8>)>) -> Vec<PathBuf> {
    files
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).expect("write a corpus file");
            path
        })
        .collect()
}

/// An orders sheet with a stray value at XFD1048576.
fn stray_cell_workbook(dir: &Path) -> PathBuf {
    let path = dir.join("stray_cell.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    orders_sheet(sheet, &|sheet, row| {
        sheet.write_number(row, 3, f64::from(row)).map(|_| ())
    });
    sheet
        .write_number(1_048_575, 16_383, 1.0)
        .expect("stray cell");
    workbook.save(&path).expect("save");
    path
}

/// The columns of [`orders_sheet`].
const ORDER_COLUMNS: [&str; 4] = ["order_id", "customer_id", "order_time", "amount"];

/// The header row of [`ORDER_COLUMNS`].
pub fn order_header(sheet: &mut rust_xlsxwriter::Worksheet) {
    for (col, name) in ORDER_COLUMNS.iter().enumerate() {
        sheet.write_string(0, col as u16, *name).expect("cell");
    }
}

/// A header and 20 order rows (customers C0..C3, January 2025) whose amount
/// cell `amount` writes.
pub fn orders_sheet(
    sheet: &mut rust_xlsxwriter::Worksheet,
    amount: &dyn Fn(&mut rust_xlsxwriter::Worksheet, u32) -> Result<(), rust_xlsxwriter::XlsxError>,
) {
    order_header(sheet);
    for row in 1..=20u32 {
        sheet.write_string(row, 0, format!("O{row}")).expect("cell");
        sheet
            .write_string(row, 1, format!("C{}", row % 4))
            .expect("cell");
        sheet
            .write_string(row, 2, format!("2025-01-{row:02}"))
            .expect("cell");
        amount(sheet, row).expect("cell");
    }
}

/// A well-formed Parquet orders file (the reader's ordinary path).
fn parquet_orders(dir: &Path) -> PathBuf {
    use polars::prelude::*;
    let path = dir.join("orders.parquet");
    let mut frame = CsvReadOptions::default()
        .with_has_header(true)
        .into_reader_with_file_handle(std::io::Cursor::new(orders(30).into_bytes()))
        .finish()
        .expect("frame");
    let file = std::fs::File::create(&path).expect("create");
    ParquetWriter::new(file)
        .finish(&mut frame)
        .expect("parquet");
    path
}

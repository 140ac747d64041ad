//! The second half of the hostile corpus (`hostile`): odd encodings and line
//! ends, export leftovers (title rows, totals, comments), number and date
//! spellings shop systems write, odd JSON shapes, workbooks and Parquet files
//! without data, names no one expects, and a pipe where a file should be.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::hostile::{HEADER, order_header, orders, orders_sheet, write_files};

/// `rows` order lines whose `column`-th cell (0-based, of [`HEADER`]) is
/// `value(n)`.
fn orders_with(rows: usize, column: usize, value: impl Fn(usize) -> String) -> String {
    let mut lines = orders(rows).lines().map(String::from).collect::<Vec<_>>();
    for (n, line) in lines.iter_mut().enumerate().skip(1) {
        let mut cells: Vec<String> = line.split(',').map(String::from).collect();
        cells[column] = value(n - 1);
        *line = cells.join(",");
    }
    lines.join("\n") + "\n"
}

/// Writes the files of this half into `dir` and returns their paths.
pub fn write_more(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut text = |name: &str, body: String| files.push((name.to_string(), body.into_bytes()));
    // Line ends, quoting, leftovers of the export.
    text("cr_only.csv", orders(30).replace('\n', "\r"));
    text("quoted_everything.csv", {
        let quoted: Vec<String> = orders(30)
            .lines()
            .map(|l| {
                l.split(',')
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect();
        quoted.join("\n") + "\n"
    });
    text("trailing_delimiters.csv", orders(30).replace('\n', ",\n"));
    text("blank_lines.csv", orders(30).replace('\n', "\n\n\n"));
    text(
        "comment_lines.csv",
        format!("# exported 2025-06-30\n# shop 1\n{}", orders(30)),
    );
    text(
        "title_row.csv",
        format!("订单导出 2025年6月,,,,,\n{}", orders(30)),
    );
    text(
        "totals_row.csv",
        format!("{}合计,,,,30,1234.50\n", orders(30)),
    );
    text("bom_header_only.csv", format!("\u{feff}{HEADER}"));
    text("long_header_name.csv", {
        let body = orders(10);
        body.replacen("amount", &"amount".repeat(20_000), 1)
    });
    text("one_column.csv", {
        let mut body = String::from("customer_id\n");
        for n in 0..50_000 {
            let _ = writeln!(body, "C{n}");
        }
        body
    });
    // Numbers as shop systems spell them.
    text(
        "thousands_separators.csv",
        orders_with(30, 5, |n| format!("\"{},{:03}.50\"", n + 1, n)),
    );
    text(
        "currency_symbols.csv",
        orders_with(30, 5, |n| format!("¥{}.00", n + 3)),
    );
    text(
        "nan_inf.csv",
        orders_with(30, 5, |n| ["NaN", "inf", "-inf", "12"][n % 4].into()),
    );
    text(
        "huge_numbers.csv",
        orders_with(30, 5, |n| {
            ["1e308", "99999999999999999999999", "5"][n % 3].into()
        }),
    );
    text(
        "negative_zero_amounts.csv",
        orders_with(30, 5, |n| ["0", "-0", "-12.5", "8"][n % 4].into()),
    );
    text(
        "quantities_text.csv",
        orders_with(30, 4, |n| ["一", "2件", "1"][n % 3].into()),
    );
    // Ids.
    text(
        "missing_customers.csv",
        orders_with(30, 1, |n| {
            if n % 2 == 0 {
                String::new()
            } else {
                format!("C{n}")
            }
        }),
    );
    text(
        "padded_ids.csv",
        orders_with(30, 1, |n| format!("  C{}  ", n % 4)),
    );
    text(
        "one_order_many_customers.csv",
        orders_with(30, 0, |_| "O1".into()),
    );
    text(
        "emoji_names.csv",
        orders_with(30, 1, |n| ["👩‍👩‍👧", "מלון", "C\u{200b}1", "😀"][n % 4].into()),
    );
    text(
        "control_chars.csv",
        orders_with(30, 1, |n| format!("C\u{1}{}\u{7}", n % 3)),
    );
    // Dates.
    text(
        "placeholder_dates.csv",
        orders_with(60, 2, |n| match n {
            0 => "0000-00-00".into(),
            1 => "1970-01-01".into(),
            2 => "1900-01-01 00:00:00".into(),
            _ => format!("2025-03-{:02} 10:00:00", n % 28 + 1),
        }),
    );
    text(
        "us_dates.csv",
        orders_with(30, 2, |n| {
            format!("{:02}/{:02}/2025", n % 12 + 1, n % 28 + 1)
        }),
    );
    text(
        "chinese_dates.csv",
        orders_with(30, 2, |n| format!("2025年{}月{}日", n % 12 + 1, n % 28 + 1)),
    );
    text(
        "zoned_dates.csv",
        orders_with(30, 2, |n| {
            [
                "2025-01-02T10:00:00+08:00",
                "2025-01-03T10:00:00Z",
                "2025-01-04T10:00:00.123-05:00",
            ][n % 3]
                .into()
        }),
    );
    text(
        "two_digit_years.csv",
        orders_with(30, 2, |n| format!("{:02}/01/25", n % 28 + 1)),
    );
    text(
        "epoch_millis.csv",
        orders_with(30, 2, |n| {
            (1_735_000_000_000u64 + n as u64 * 86_400_000).to_string()
        }),
    );
    text(
        "all_same_second.csv",
        orders_with(30, 2, |_| "2025-05-05 05:05:05".into()),
    );
    text(
        "dates_then_words.csv",
        orders_with(30, 2, |n| {
            if n < 25 {
                format!("2025-01-{:02}", n + 1)
            } else {
                "unknown".into()
            }
        }),
    );
    // Not CSV at all.
    text(
        "html_page.csv",
        "<!DOCTYPE html><html><body><table><tr><td>order</td></tr></table></body></html>\n".into(),
    );
    text(
        "xml.csv",
        "<?xml version=\"1.0\"?><orders><order id=\"1\"/></orders>\n".into(),
    );
    // JSON shapes.
    text("scalars.json", "[1, 2, 3]".into());
    text("empty_array.json", "[]".into());
    text("nested_records.json", {
        let rows: Vec<String> = (0..20)
            .map(|n| format!("{{\"customer\": {{\"id\": \"C{}\"}}, \"ts\": \"2025-01-{:02}\", \"amount\": {n}}}", n % 4, n + 1))
            .collect();
        format!("[{}]", rows.join(","))
    });
    text("blank_lines.ndjson", {
        let rows: Vec<String> = (0..20)
            .map(|n| {
                format!(
                    "{{\"customer_id\": \"C{}\", \"ts\": \"2025-01-{:02}\", \"amount\": {n}}}",
                    n % 4,
                    n + 1
                )
            })
            .collect();
        rows.join("\n\n") + "\n\n"
    });
    text(
        "json_huge_number.json",
        "[{\"customer_id\": \"C1\", \"ts\": \"2025-01-01\", \"amount\": 1e400}]".into(),
    );
    text("json_wide_object.json", {
        let keys: Vec<String> = (0..5_000).map(|i| format!("\"k{i}\": {i}")).collect();
        format!("[{{{}}}]", keys.join(","))
    });
    // Latin-1 and UTF-16 big endian without a byte-order mark.
    files.push(("latin1.csv".into(), {
        let mut bytes = HEADER.as_bytes().to_vec();
        for n in 0..20 {
            bytes.extend(format!("O{n},").as_bytes());
            bytes.extend(b"M\xfcller ");
            bytes.extend(format!("{},2025-01-{:02},S1,1,10\n", n % 3, n + 1).as_bytes());
        }
        bytes
    }));
    files.push((
        "utf16be.csv".into(),
        orders(20)
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect(),
    ));
    let mut paths = write_files(dir, files);
    // Names no one expects, a folder named like a file, a pipe.
    for name in [
        "订单 (1).csv",
        "it's \"quoted\" & $HOME.csv",
        "-starts-with-dash.csv",
    ] {
        let path = dir.join(name);
        std::fs::write(&path, orders(30)).expect("write");
        paths.push(path);
    }
    let folder = dir.join("folder.csv");
    std::fs::create_dir(&folder).expect("folder");
    paths.push(folder);
    let pipe = dir.join("pipe.csv");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if made.is_ok_and(|s| s.success()) {
        paths.push(pipe);
    }
    paths.extend(workbooks(dir));
    paths.push(empty_parquet(dir));
    paths
}

/// A workbook with no values, one with only a header, one whose first sheet
/// is notes and whose second holds the orders, and one with error cells.
fn workbooks(dir: &Path) -> Vec<PathBuf> {
    let save = |name: &str, fill: &dyn Fn(&mut rust_xlsxwriter::Workbook)| {
        let path = dir.join(name);
        let mut workbook = rust_xlsxwriter::Workbook::new();
        fill(&mut workbook);
        workbook.save(&path).expect("save");
        path
    };
    vec![
        save("empty.xlsx", &|w| {
            w.add_worksheet();
        }),
        save("header_only.xlsx", &|w| order_header(w.add_worksheet())),
        save("notes_first.xlsx", &|w| {
            w.add_worksheet()
                .write_string(0, 0, "说明: 订单在第二个工作表")
                .expect("cell");
            orders_sheet(w.add_worksheet(), &|sheet, row| {
                sheet.write_number(row, 3, f64::from(row)).map(|_| ())
            });
        }),
        save("error_cells.xlsx", &|w| {
            orders_sheet(w.add_worksheet(), &|sheet, row| {
                sheet.write_formula(row, 3, "=1/0").map(|_| ())
            });
        }),
    ]
}

/// A Parquet file with the orders' columns and no rows.
fn empty_parquet(dir: &Path) -> PathBuf {
    use polars::prelude::*;
    let path = dir.join("no_rows.parquet");
    let mut frame =
        df!("customer_id" => Vec::<String>::new(), "amount" => Vec::<f64>::new()).expect("frame");
    let file = std::fs::File::create(&path).expect("create");
    ParquetWriter::new(file)
        .finish(&mut frame)
        .expect("parquet");
    path
}

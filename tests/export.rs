//! Exports: CSV and XLSX read back with the same values, Chinese text intact,
//! formulas neutralised, and a failed export leaving the previous file alone.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use marketbench::export::{
    ExportError, ExportFormat, XLSX_MAX_ROWS, write_atomically, write_table,
};
use polars::prelude::*;

fn members() -> DataFrame {
    let mut frame = df![
        "customer_id" => ["C001", "C002", "C003"],
        "名称" => ["乌龙茶爱好者", "=HYPERLINK(\"http://x\")", "@risk"],
        "revenue" => [1_234.5, -5.25, 0.0],
        "orders" => [3_u32, 1, 0],
        "active" => [true, false, true],
    ]
    .expect("frame");
    let last = Column::new("last_day".into(), [19_787_i32, 19_800, 19_810])
        .cast(&DataType::Date)
        .expect("date");
    frame.with_column(last).expect("column");
    frame
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn csv_has_a_bom_chinese_text_and_no_live_formulas() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("segment 1.csv");
    let format = ExportFormat::from_path(&path).expect("csv");
    assert_eq!(format, ExportFormat::Csv { bom: true });
    write_table(&members(), &path, format).expect("export");

    let bytes = std::fs::read(&path).expect("read");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "customer_id,名称,revenue,orders,active,last_day");
    assert_eq!(lines[1], "C001,乌龙茶爱好者,1234.5,3,true,2024-03-05");
    // The formula is text now; a negative number stays a number.
    assert_eq!(
        lines[2],
        "C002,\"'=HYPERLINK(\"\"http://x\"\")\",-5.25,1,false,2024-03-18"
    );
    assert_eq!(lines[3], "C003,'@risk,0.0,0,true,2024-03-28");
    assert_eq!(
        files_in(dir.path()),
        ["segment 1.csv"],
        "no temporary file left"
    );
}

/// A phone number a shop wrote with `+` reaches the file exactly as written; a
/// `+` cell that could compute or call anything is still made text.
#[test]
fn csv_keeps_phone_numbers_as_written_and_neutralises_look_alikes() {
    let phones = [
        ("+86 188 3484 8273", "+86 188 3484 8273"),
        ("+1 (555) 123-4567", "+1 (555) 123-4567"),
        ("+8613912345678", "+8613912345678"),
        ("+1-800-FLOWERS", "'+1-800-FLOWERS"),
        ("+1+1", "'+1+1"),
        ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
        ("+12", "'+12"),
        ("-5 5", "'-5 5"),
    ];
    let frame = df!["phone" => phones.map(|(raw, _)| raw)].expect("frame");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("contacts.csv");
    write_table(&frame, &path, ExportFormat::Csv { bom: true }).expect("export");
    let text = std::fs::read_to_string(&path).expect("read");
    let cells: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(cells, phones.map(|(_, written)| written));
}

#[test]
fn xlsx_keeps_types_and_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("成员.xlsx");
    write_table(
        &members(),
        &path,
        ExportFormat::from_path(&path).expect("xlsx"),
    )
    .expect("export");

    let mut workbook: Xlsx<_> = open_workbook(&path).expect("open");
    let range = workbook
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("range");
    assert_eq!(range.get_size(), (4, 6));
    assert_eq!(range.get((0, 1)), Some(&Data::String("名称".into())));
    assert_eq!(
        range.get((1, 1)),
        Some(&Data::String("乌龙茶爱好者".into()))
    );
    // A string cell as it was typed: no `'` prefix (only CSV needs one), and
    // not a formula.
    assert_eq!(
        range.get((2, 1)),
        Some(&Data::String("=HYPERLINK(\"http://x\")".into()))
    );
    let formulas = workbook.worksheet_formula("Sheet1").expect("formulas");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    assert_eq!(range.get((2, 2)), Some(&Data::Float(-5.25)));
    assert_eq!(range.get((1, 3)), Some(&Data::Float(3.0)));
    assert_eq!(range.get((2, 4)), Some(&Data::Bool(false)));
    match range.get((1, 5)) {
        // 2024-03-05 is Excel serial day 45,356.
        Some(Data::DateTime(day)) => assert_eq!(day.as_f64(), 45_356.0),
        other => panic!("expected a date, got {other:?}"),
    }
}

#[test]
fn a_failed_export_leaves_the_previous_file_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("targets.csv");
    std::fs::write(&path, "the list sent last week\n").expect("write");
    let error = write_atomically(&path, |_, file| {
        use std::io::Write;
        file.write_all(b"half a new li").expect("partial write");
        Err(ExportError::Io {
            file: path.clone(),
            source: std::io::Error::other("disk full"),
        })
    })
    .expect_err("fails");
    assert!(error.to_string().contains("targets.csv"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "the list sent last week\n"
    );
    assert_eq!(
        files_in(dir.path()),
        ["targets.csv"],
        "temporary file removed"
    );
}

#[test]
fn unsupported_names_and_oversized_sheets_are_clear_errors() {
    let error = ExportFormat::from_path(Path::new("/tmp/list.pdf")).expect_err("pdf");
    let message = error.to_string();
    assert!(
        message.contains("list.pdf") && message.contains(".xlsx"),
        "{message}"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.xlsx");
    let rows = XLSX_MAX_ROWS + 1;
    let frame = df!["flag" => vec![true; rows]].expect("frame");
    let error = write_table(&frame, &path, ExportFormat::Xlsx).expect_err("too big");
    assert!(error.to_string().contains("CSV"), "{error}");
    assert!(!path.exists());
}

#[test]
fn writing_to_a_missing_folder_says_which_file() {
    let path = Path::new("/nonexistent-folder-marketbench/list.csv");
    let error =
        write_table(&members(), path, ExportFormat::Csv { bom: false }).expect_err("no folder");
    assert!(error.to_string().contains("list.csv"), "{error}");
}

#[cfg(unix)]
#[test]
fn exports_are_readable_by_other_tools_and_keep_a_replaced_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("list.csv");
    let mode = |path: &Path| {
        std::fs::metadata(path)
            .expect("exists")
            .permissions()
            .mode()
            & 0o777
    };
    write_table(&members(), &path, ExportFormat::Csv { bom: true }).expect("export");
    assert_eq!(mode(&path), 0o644, "a new export is rw-r--r--");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    write_table(&members(), &path, ExportFormat::Csv { bom: true }).expect("export again");
    assert_eq!(
        mode(&path),
        0o664,
        "the replaced file's permissions are kept"
    );
}

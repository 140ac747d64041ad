//! Workbooks whose claimed range is far larger than what they hold: a stray
//! value at the sheet's last cell (XFD1048576) beside a real table, and a few
//! thousand values on a diagonal. Reading them must cost memory for the values
//! held (a dense range would ask for hundreds of GB and abort), and a sheet too
//! sparse to be one table is refused with the sheet's name and what to do.

use marketbench::data::DataError;
use marketbench::data::read::{ReadOptions, read_raw};
use rust_xlsxwriter::Workbook;

#[test]
fn a_stray_value_in_the_last_cell_costs_one_row_and_one_column() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("orders.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "customer_id").expect("cell");
    sheet.write_string(0, 1, "amount").expect("cell");
    for row in 1..=3u32 {
        sheet.write_string(row, 0, format!("C{row}")).expect("cell");
        sheet
            .write_number(row, 1, f64::from(row) * 10.5)
            .expect("cell");
    }
    sheet
        .write_number(1_048_575, 16_383, 1.0)
        .expect("XFD1048576");
    workbook.save(&path).expect("save");

    let raw = read_raw(&path, &ReadOptions::default()).expect("the sheet reads");

    assert_eq!(raw.frame.shape(), (4, 3), "3 orders and the stray row");
    let amounts: Vec<Option<f64>> = raw
        .frame
        .column("amount")
        .and_then(|c| c.f64().cloned())
        .expect("amount")
        .iter()
        .collect();
    assert_eq!(amounts, [Some(10.5), Some(21.0), Some(31.5), None]);
}

#[test]
fn values_spread_too_far_apart_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("diagonal.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Data").expect("name");
    // 15,000 rows × 15,000 columns: 225 million cells for 15,000 values.
    for i in 0..15_000u32 {
        sheet.write_number(i, i as u16, 1.0).expect("cell");
    }
    workbook.save(&path).expect("save");

    let error = read_raw(&path, &ReadOptions::default())
        .err()
        .expect("refused");

    assert!(matches!(error, DataError::Parse { .. }), "{error}");
    let message = error.to_string();
    for part in ["diagonal.xlsx", "sheet 'Data'", "15,000 values", "Ctrl+End"] {
        assert!(message.contains(part), "{part} missing: {message}");
    }
}

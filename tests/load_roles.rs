//! Role, kind and date-format detection, and date parsing.

use marketbench::data::dates::{detect_date_format, parse_dates};
use marketbench::data::roles::{detect_kind, detect_roles};
use marketbench::data::{ColumnInfo, DateFormat, FileKind, Role, RoleMap};
use polars::prelude::*;

fn column(name: &str, samples: &[&str]) -> ColumnInfo {
    ColumnInfo {
        name: name.to_string(),
        dtype: "str".to_string(),
        samples: samples.iter().map(|s| s.to_string()).collect(),
    }
}

fn headers(names: &[&str]) -> Vec<ColumnInfo> {
    names.iter().map(|n| column(n, &[])).collect()
}

fn mapped(mapping: &RoleMap, role: Role) -> Option<&str> {
    mapping.get(&role).map(String::as_str)
}

#[test]
fn english_headers_of_an_online_retail_export() {
    let columns = headers(&[
        "InvoiceNo",
        "StockCode",
        "Description",
        "Quantity",
        "InvoiceDate",
        "UnitPrice",
        "CustomerID",
        "Country",
    ]);
    let mapping = detect_roles(&columns);
    assert_eq!(mapped(&mapping, Role::OrderId), Some("InvoiceNo"));
    assert_eq!(mapped(&mapping, Role::ItemId), Some("StockCode"));
    assert_eq!(mapped(&mapping, Role::ItemName), Some("Description"));
    assert_eq!(mapped(&mapping, Role::Quantity), Some("Quantity"));
    assert_eq!(mapped(&mapping, Role::Timestamp), Some("InvoiceDate"));
    assert_eq!(mapped(&mapping, Role::UnitPrice), Some("UnitPrice"));
    assert_eq!(mapped(&mapping, Role::CustomerId), Some("CustomerID"));
    assert_eq!(mapped(&mapping, Role::Region), Some("Country"));
    assert_eq!(mapping.len(), 8);
    assert_eq!(detect_kind(&mapping), FileKind::Orders);
}

#[test]
fn snake_case_and_spaced_headers() {
    let columns = headers(&[
        "order_id",
        "user id",
        "created_at",
        "sku",
        "product_category",
        "qty",
        "Unit Price (USD)",
        "line_total",
        "order status",
        "updated_at",
    ]);
    let mapping = detect_roles(&columns);
    assert_eq!(mapped(&mapping, Role::OrderId), Some("order_id"));
    assert_eq!(mapped(&mapping, Role::CustomerId), Some("user id"));
    assert_eq!(mapped(&mapping, Role::Timestamp), Some("created_at"));
    assert_eq!(mapped(&mapping, Role::ItemId), Some("sku"));
    assert_eq!(mapped(&mapping, Role::Category), Some("product_category"));
    assert_eq!(mapped(&mapping, Role::Quantity), Some("qty"));
    assert_eq!(mapped(&mapping, Role::UnitPrice), Some("Unit Price (USD)"));
    assert_eq!(mapped(&mapping, Role::Amount), Some("line_total"));
    assert_eq!(mapped(&mapping, Role::Status), Some("order status"));
    // "updated_at" contains no date word: it must not steal the timestamp.
    assert!(!mapping.values().any(|v| v == "updated_at"));
}

#[test]
fn chinese_headers_of_an_order_export() {
    let columns = headers(&[
        "订单号",
        "用户ID",
        "商品ID",
        "商品",
        "品类",
        "数量",
        "单价",
        "付款金额",
        "下单时间",
        "订单状态",
        "手机号",
        "省份",
    ]);
    let mapping = detect_roles(&columns);
    assert_eq!(mapped(&mapping, Role::OrderId), Some("订单号"));
    assert_eq!(mapped(&mapping, Role::CustomerId), Some("用户ID"));
    assert_eq!(mapped(&mapping, Role::ItemId), Some("商品ID"));
    assert_eq!(mapped(&mapping, Role::ItemName), Some("商品"));
    assert_eq!(mapped(&mapping, Role::Category), Some("品类"));
    assert_eq!(mapped(&mapping, Role::Quantity), Some("数量"));
    assert_eq!(mapped(&mapping, Role::UnitPrice), Some("单价"));
    assert_eq!(mapped(&mapping, Role::Amount), Some("付款金额"));
    assert_eq!(mapped(&mapping, Role::Timestamp), Some("下单时间"));
    assert_eq!(mapped(&mapping, Role::Status), Some("订单状态"));
    assert_eq!(mapped(&mapping, Role::Phone), Some("手机号"));
    assert_eq!(mapped(&mapping, Role::Region), Some("省份"));
    assert_eq!(detect_kind(&mapping), FileKind::Orders);
}

#[test]
fn numbered_chinese_ids_are_ids_not_names() {
    let columns = headers(&["订单编号", "会员编号", "商品编号", "商品名称", "金额"]);
    let mapping = detect_roles(&columns);
    assert_eq!(mapped(&mapping, Role::OrderId), Some("订单编号"));
    assert_eq!(mapped(&mapping, Role::CustomerId), Some("会员编号"));
    assert_eq!(mapped(&mapping, Role::ItemId), Some("商品编号"));
    assert_eq!(mapped(&mapping, Role::ItemName), Some("商品名称"));
    assert_eq!(mapped(&mapping, Role::Amount), Some("金额"));
}

#[test]
fn exact_chinese_match_beats_contains_match() {
    // "商品ID" contains "商品" (item name) but is exactly the item id; "商品名称" is the name.
    let mapping = detect_roles(&headers(&["商品名称", "商品ID", "商品类目"]));
    assert_eq!(mapped(&mapping, Role::ItemId), Some("商品ID"));
    assert_eq!(mapped(&mapping, Role::ItemName), Some("商品名称"));
    assert_eq!(mapped(&mapping, Role::Category), Some("商品类目"));
}

#[test]
fn chinese_behaviour_log_is_events() {
    let mapping = detect_roles(&headers(&["会员", "商品ID", "行为", "行为时间"]));
    assert_eq!(mapped(&mapping, Role::CustomerId), Some("会员"));
    assert_eq!(mapped(&mapping, Role::EventType), Some("行为"));
    assert_eq!(mapped(&mapping, Role::Timestamp), Some("行为时间"));
    assert_eq!(detect_kind(&mapping), FileKind::Events);
}

#[test]
fn roles_from_values_when_headers_say_nothing() {
    let columns = vec![
        column("c1", &["u001", "u002", "u003"]),
        column("c2", &["ann@example.com", "bo@shop.cn", "cy@mail.org"]),
        column("c3", &["13812345678", "13987654321", "+86 138 1234 5678"]),
        column(
            "c4",
            &[
                "2024-03-05 14:02:11",
                "2024-03-06 09:00:00",
                "2024-03-07 10:10:10",
            ],
        ),
        column("c5", &["pv", "cart", "buy", "PV"]),
    ];
    let mapping = detect_roles(&columns);
    assert_eq!(mapped(&mapping, Role::Email), Some("c2"));
    assert_eq!(mapped(&mapping, Role::Phone), Some("c3"));
    assert_eq!(mapped(&mapping, Role::Timestamp), Some("c4"));
    assert_eq!(mapped(&mapping, Role::EventType), Some("c5"));
    assert!(!mapping.values().any(|v| v == "c1"));
}

#[test]
fn value_rules_do_not_override_header_rules() {
    // The header claims the timestamp; another date-looking column stays unmapped.
    let columns = vec![
        column("order date", &["2024-03-05"]),
        column("ship", &["2024-03-07"]),
    ];
    let mapping = detect_roles(&columns);
    assert_eq!(mapped(&mapping, Role::Timestamp), Some("order date"));
    assert_eq!(mapping.len(), 1);
}

#[test]
fn each_role_goes_to_one_column_and_each_column_to_one_role() {
    let mapping = detect_roles(&headers(&["price", "unit price", "total", "amount"]));
    assert_eq!(mapped(&mapping, Role::UnitPrice), Some("price"));
    assert_eq!(mapped(&mapping, Role::Amount), Some("total"));
    assert_eq!(mapping.len(), 2);
}

#[test]
fn kinds() {
    let map = |roles: &[Role]| -> RoleMap {
        roles
            .iter()
            .map(|r| (*r, r.column_name().to_string()))
            .collect()
    };
    assert_eq!(
        detect_kind(&map(&[Role::CustomerId, Role::Timestamp, Role::Amount])),
        FileKind::Orders
    );
    assert_eq!(
        detect_kind(&map(&[
            Role::CustomerId,
            Role::Timestamp,
            Role::EventType,
            Role::ItemId
        ])),
        FileKind::Events
    );
    assert_eq!(
        detect_kind(&map(&[Role::CustomerId, Role::Email, Role::Region])),
        FileKind::Customers
    );
    // A sign-up date does not make a customer list an orders file.
    assert_eq!(
        detect_kind(&map(&[
            Role::CustomerId,
            Role::Email,
            Role::Phone,
            Role::Timestamp
        ])),
        FileKind::Customers
    );
    assert_eq!(
        detect_kind(&map(&[Role::ItemId, Role::ItemName, Role::UnitPrice])),
        FileKind::Products
    );
    // Dated order lines whose customer column went unrecognised are still orders.
    assert_eq!(
        detect_kind(&map(&[
            Role::OrderId,
            Role::Timestamp,
            Role::ItemId,
            Role::Quantity,
            Role::Amount
        ])),
        FileKind::Orders
    );
    // A catalogue with a launch date but nothing sold stays a products file.
    assert_eq!(
        detect_kind(&map(&[Role::ItemId, Role::ItemName, Role::Timestamp])),
        FileKind::Products
    );
}

fn text(values: &[&str]) -> Series {
    Series::new("d".into(), values)
}

fn guess(values: &Series) -> (DateFormat, bool, Vec<DateFormat>) {
    let g = detect_date_format(values).expect("a date format");
    (g.format, g.ambiguous, g.alternatives)
}

/// Milliseconds of a parsed series, as plain options.
fn millis(values: &Series, format: &DateFormat) -> Vec<Option<i64>> {
    let parsed = parse_dates(values, format).expect("parse");
    assert_eq!(
        parsed.dtype(),
        &DataType::Datetime(TimeUnit::Milliseconds, None)
    );
    let physical = parsed.cast(&DataType::Int64).expect("physical");
    physical.i64().expect("i64").iter().collect()
}

/// 2024-03-05 00:00:00 in ms since the epoch.
const MAR5: i64 = 1_709_596_800_000;
const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

#[test]
fn iso_dates_with_and_without_time() {
    let values = text(&[
        "2024-03-05",
        "2024-03-05 14:02",
        "2024/03/05 14:02:11",
        "2024-03-05T14:02:11.123Z",
        "garbage",
    ]);
    assert_eq!(guess(&values).0, DateFormat::Iso);
    assert_eq!(
        millis(&values, &DateFormat::Iso),
        vec![
            Some(MAR5),
            Some(MAR5 + 14 * HOUR + 2 * 60_000),
            Some(MAR5 + 14 * HOUR + 2 * 60_000 + 11_000),
            Some(MAR5 + 14 * HOUR + 2 * 60_000 + 11_123),
            None,
        ]
    );
}

#[test]
fn day_first_resolved_from_a_day_above_twelve() {
    let values = text(&["05/03/2024", "13/03/2024 10:00", "1/4/2024"]);
    let (format, ambiguous, _) = guess(&values);
    assert_eq!(format, DateFormat::DayFirst);
    assert!(!ambiguous);
    assert_eq!(millis(&values, &format)[0], Some(MAR5));
    assert_eq!(
        millis(&values, &format)[1],
        Some(MAR5 + 8 * DAY + 10 * HOUR)
    );
}

#[test]
fn month_first_resolved_from_a_second_field_above_twelve() {
    let values = text(&["03/05/2024", "03/13/2024", "3.5.2024 2:00 PM"]);
    let (format, ambiguous, _) = guess(&values);
    assert_eq!(format, DateFormat::MonthFirst);
    assert!(!ambiguous);
    assert_eq!(
        millis(&values, &format),
        vec![Some(MAR5), Some(MAR5 + 8 * DAY), Some(MAR5 + 14 * HOUR)]
    );
}

#[test]
fn day_month_ambiguity_is_flagged() {
    let values = text(&["05/03/2024", "01/02/2024", "12/11/2024"]);
    let (format, ambiguous, alternatives) = guess(&values);
    assert_eq!(format, DateFormat::DayFirst);
    assert!(ambiguous);
    assert_eq!(alternatives, vec![DateFormat::MonthFirst]);
}

#[test]
fn chinese_and_compact_dates() {
    let chinese = text(&[
        "2024年3月5日",
        "2024年3月5日 14:00",
        "2024年03月05日 14时00分",
    ]);
    assert_eq!(guess(&chinese).0, DateFormat::Chinese);
    assert_eq!(
        millis(&chinese, &DateFormat::Chinese),
        vec![Some(MAR5), Some(MAR5 + 14 * HOUR), Some(MAR5 + 14 * HOUR)]
    );

    let compact_text = text(&["20240305", "20240306"]);
    assert_eq!(guess(&compact_text).0, DateFormat::YmdCompact);
    assert_eq!(
        millis(&compact_text, &DateFormat::YmdCompact),
        vec![Some(MAR5), Some(MAR5 + DAY)]
    );
    let clean = Series::new("d".into(), &[20240305i64, 20240306]);
    assert_eq!(guess(&clean).0, DateFormat::YmdCompact);
    let compact_numbers = Series::new("d".into(), &[20240305i64, 20240306, 20241399]);
    assert_eq!(
        millis(&compact_numbers, &DateFormat::YmdCompact),
        vec![Some(MAR5), Some(MAR5 + DAY), None]
    );
}

#[test]
fn unix_seconds_and_milliseconds_by_magnitude() {
    let seconds = Series::new("d".into(), &[1_709_596_800i64, 1_709_600_400]);
    assert_eq!(guess(&seconds).0, DateFormat::UnixSeconds);
    assert_eq!(
        millis(&seconds, &DateFormat::UnixSeconds),
        vec![Some(MAR5), Some(MAR5 + HOUR)]
    );
    let ms = Series::new("d".into(), &[1_709_596_800_000i64, 1_709_596_800_500]);
    assert_eq!(guess(&ms).0, DateFormat::UnixMillis);
    assert_eq!(
        millis(&ms, &DateFormat::UnixMillis),
        vec![Some(MAR5), Some(MAR5 + 500)]
    );
    // Unix seconds written as text.
    let seconds_text = text(&["1709596800", "1709600400"]);
    assert_eq!(guess(&seconds_text).0, DateFormat::UnixSeconds);
    assert_eq!(
        millis(&seconds_text, &DateFormat::UnixSeconds),
        vec![Some(MAR5), Some(MAR5 + HOUR)]
    );
}

#[test]
fn excel_serial_days_with_time_fraction() {
    // 45356 = 2024-03-05 in Excel's 1900 date system.
    let serial = Series::new("d".into(), &[45356.0f64, 45356.5, 45357.0]);
    assert_eq!(guess(&serial).0, DateFormat::ExcelSerial);
    assert_eq!(
        millis(&serial, &DateFormat::ExcelSerial),
        vec![Some(MAR5), Some(MAR5 + 12 * HOUR), Some(MAR5 + DAY)]
    );
}

#[test]
fn native_dates_are_cast() {
    let days = Series::new("d".into(), &[19_787i32, 19_788])
        .cast(&DataType::Date)
        .expect("date");
    assert_eq!(guess(&days).0, DateFormat::Native);
    assert_eq!(
        millis(&days, &DateFormat::Native),
        vec![Some(MAR5), Some(MAR5 + DAY)]
    );
}

#[test]
fn custom_chrono_format() {
    let values = text(&["05-Mar-2024", "06-Mar-2024", "nonsense"]);
    assert!(detect_date_format(&values).is_none());
    assert_eq!(
        millis(&values, &DateFormat::Custom("%d-%b-%Y".into())),
        vec![Some(MAR5), Some(MAR5 + DAY), None]
    );
    let with_time = text(&["05-Mar-2024 14:00"]);
    assert_eq!(
        millis(&with_time, &DateFormat::Custom("%d-%b-%Y %H:%M".into())),
        vec![Some(MAR5 + 14 * HOUR)]
    );
}

#[test]
fn text_that_is_not_dates_has_no_format() {
    assert!(detect_date_format(&text(&["apple", "pear", "2024-03-05"])).is_none());
    let small_numbers = Series::new("d".into(), &[1i64, 2, 3]);
    assert!(detect_date_format(&small_numbers).is_none());
}

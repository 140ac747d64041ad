//! Tests of header and value role detection and of the file kind.
use super::*;

#[test]
fn words_split_on_separators_and_camel_case() {
    assert_eq!(header_words("orderDate"), ["order", "date"]);
    assert_eq!(header_words("Unit_Price (USD)"), ["unit", "price", "usd"]);
    assert_eq!(header_words("updated_at"), ["updated", "at"]);
}

#[test]
fn exact_beats_suffix_beats_inside() {
    assert_eq!(header_match("商品ID", "商品id"), Some(Strength::Exact));
    assert_eq!(header_match("商品类目", "类目"), Some(Strength::Suffix(2)));
    assert_eq!(header_match("商品类目", "商品"), Some(Strength::Inside(2)));
    assert_eq!(header_match("updated_at", "date"), None);
    assert_eq!(header_match("location", "cat"), None);
}

fn column(name: &str, dtype: &str, samples: &[&str]) -> ColumnInfo {
    ColumnInfo {
        name: name.into(),
        dtype: dtype.into(),
        samples: samples.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn a_date_and_one_number_column_is_an_aggregated_series() {
    let report = [
        column("月份", "str", &["01/01/2024", "01/02/2024", "01/03/2024"]),
        column("销售额", "f64", &["1200.5", "1300", "990"]),
    ];
    let mapping = detect_roles(&report);
    assert_eq!(
        mapping.get(&Role::Timestamp).map(String::as_str),
        Some("月份")
    );
    assert_eq!(
        mapping.get(&Role::Amount).map(String::as_str),
        Some("销售额")
    );
    assert_eq!(detect_kind(&mapping), FileKind::Series);
    // An unnamed value column next to the date is the value.
    let plain = [
        column("period", "str", &["2024-01-01", "2024-02-01"]),
        column("value", "str", &["1,200", "980"]),
    ];
    let mapping = detect_roles(&plain);
    assert_eq!(
        mapping.get(&Role::Amount).map(String::as_str),
        Some("value")
    );
    assert_eq!(detect_kind(&mapping), FileKind::Series);
    // Order lines keep their kind: a customer (or an item) makes them orders.
    let orders = [
        column("date", "str", &["2024-01-01"]),
        column("customer", "str", &["c1"]),
        column("amount", "f64", &["10"]),
    ];
    assert_eq!(detect_kind(&detect_roles(&orders)), FileKind::Orders);
    let no_customer = [
        column("date", "str", &["2024-01-01"]),
        column("sku", "str", &["A1"]),
        column("amount", "f64", &["10"]),
    ];
    assert_eq!(detect_kind(&detect_roles(&no_customer)), FileKind::Orders);
}

#[test]
fn a_customer_item_and_rating_without_order_or_amount_is_a_ratings_file() {
    for header in ["评分", "星级", "打分", "rating", "Stars", "review_score"] {
        let ratings = [
            column("用户ID", "str", &["u1"]),
            column("商品ID", "str", &["A1"]),
            column(header, "i64", &["5"]),
        ];
        let mapping = detect_roles(&ratings);
        assert_eq!(
            mapping.get(&Role::Rating).map(String::as_str),
            Some(header),
            "{header}"
        );
        assert_eq!(detect_kind(&mapping), FileKind::Ratings, "{header}");
    }
    // A time does not change it; an amount makes the lines orders that carry a rating.
    let dated = [
        column("user_id", "str", &["u1"]),
        column("sku", "str", &["A1"]),
        column("date", "str", &["2024-01-01"]),
        column("rating", "i64", &["4"]),
    ];
    assert_eq!(detect_kind(&detect_roles(&dated)), FileKind::Ratings);
    let orders = [
        column("user_id", "str", &["u1"]),
        column("sku", "str", &["A1"]),
        column("date", "str", &["2024-01-01"]),
        column("amount", "f64", &["10"]),
        column("rating", "i64", &["4"]),
    ];
    let mapping = detect_roles(&orders);
    assert_eq!(detect_kind(&mapping), FileKind::Orders);
    assert!(mapping.contains_key(&Role::Rating));
}

#[test]
fn phones() {
    assert!(looks_like_phone("13812345678"));
    assert!(looks_like_phone("+44 20 7946 0958"));
    assert!(!looks_like_phone("23812345678"));
    assert!(!looks_like_phone("12345"));
}

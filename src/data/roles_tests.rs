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

#[test]
fn service_messages_and_reviews_are_told_apart_by_their_columns() {
    let service = [
        column("会话ID", "str", &["s1"]),
        column("客户ID", "str", &["c1"]),
        column("时间", "str", &["2026-01-02 10:00"]),
        column("渠道", "str", &["微信"]),
        column("消息内容", "str", &["快递到哪了"]),
        column("客服回复", "str", &["已帮您催促"]),
        column("意图", "str", &["物流"]),
    ];
    let mapping = detect_roles(&service);
    let role = |m: &RoleMap, r: Role| m.get(&r).cloned();
    assert_eq!(role(&mapping, Role::SessionId).as_deref(), Some("会话ID"));
    assert_eq!(role(&mapping, Role::CustomerId).as_deref(), Some("客户ID"));
    assert_eq!(role(&mapping, Role::Message).as_deref(), Some("消息内容"));
    assert_eq!(role(&mapping, Role::Reply).as_deref(), Some("客服回复"));
    assert_eq!(role(&mapping, Role::Intent).as_deref(), Some("意图"));
    assert_eq!(role(&mapping, Role::Region).as_deref(), Some("渠道"));
    assert_eq!(detect_kind(&mapping), FileKind::Service);

    let reviews = [
        column("商品ID", "str", &["p1"]),
        column("客户ID", "str", &["c1"]),
        column("评价时间", "str", &["2026-01-02"]),
        column("评分", "i64", &["5"]),
        column("评价内容", "str", &["很好用"]),
    ];
    let mapping = detect_roles(&reviews);
    assert_eq!(role(&mapping, Role::Message).as_deref(), Some("评价内容"));
    assert_eq!(role(&mapping, Role::Rating).as_deref(), Some("评分"));
    assert_eq!(detect_kind(&mapping), FileKind::Reviews);

    // English headers; a review score is the rating, not the text.
    let english = [
        column("product_id", "str", &["p1"]),
        column("user_id", "str", &["u1"]),
        column("review_score", "i64", &["4"]),
        column("review_text", "str", &["fits well"]),
    ];
    let mapping = detect_roles(&english);
    assert_eq!(
        role(&mapping, Role::Rating).as_deref(),
        Some("review_score")
    );
    assert_eq!(
        role(&mapping, Role::Message).as_deref(),
        Some("review_text")
    );
    assert_eq!(detect_kind(&mapping), FileKind::Reviews);
    // Ratings without text stay ratings.
    let ratings = [
        column("user_id", "str", &["u1"]),
        column("item_id", "str", &["i1"]),
        column("rating", "i64", &["4"]),
    ];
    assert_eq!(detect_kind(&detect_roles(&ratings)), FileKind::Ratings);
    // An order export with a buyer's note stays orders; a service ticket that
    // names the order stays service.
    let noted = [
        column("订单号", "str", &["o1"]),
        column("客户ID", "str", &["c1"]),
        column("下单时间", "str", &["2026-01-02"]),
        column("商品ID", "str", &["p1"]),
        column("实付金额", "f64", &["12.5"]),
        column("买家留言", "str", &["请尽快发货"]),
    ];
    assert_eq!(detect_kind(&detect_roles(&noted)), FileKind::Orders);
    let ticket = [
        column("工单号", "str", &["t1"]),
        column("订单号", "str", &["o1"]),
        column("客户ID", "str", &["c1"]),
        column("时间", "str", &["2026-01-02"]),
        column("问题描述", "str", &["还没发货"]),
    ];
    assert_eq!(detect_kind(&detect_roles(&ticket)), FileKind::Service);
}

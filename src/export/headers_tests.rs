use std::collections::BTreeSet;

use polars::df;

use super::*;
use crate::analysis::campaign::frame::CONTACT_COLUMNS;
use crate::analysis::forecast::Measure;
use crate::analysis::forecast::scenario::Basis;
use crate::analysis::propensity::RiskThresholds;
use crate::analysis::propensity::features::BASE_FEATURES;
use crate::analysis::recommend::rules::rules_frame;
use crate::analysis::recommend::{Interactions, lists_frame};
use crate::analysis::segments::Feature;
use crate::workspace::campaign::SCORE_COLUMNS;

fn names(frame: &DataFrame) -> Vec<String> {
    frame
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect()
}

/// Every column the window's and the command line's table exports write (the
/// analyses' own tables: their columns, from the builders where they can be
/// built empty).
fn exported_columns() -> BTreeSet<String> {
    let mut columns = BTreeSet::new();
    let value = crate::workspace::value::customers_frame(&[], &RiskThresholds::default());
    let basis = Basis {
        measure: Measure::Revenue,
        units_per_order: 1.0,
    };
    let forecast = crate::workspace::forecast::table::forecast_frame(&[], &[], &[], basis);
    for frame in [
        value.expect("value table"),
        forecast.expect("forecast table"),
        lists_frame(&Interactions::default(), &[]).expect("lists"),
        rules_frame(&[], &[]).expect("rules"),
    ] {
        columns.extend(names(&frame));
    }
    columns.extend(Feature::ALL.iter().map(|f| f.name().to_string()));
    columns.extend(BASE_FEATURES.iter().map(|f| f.to_string()));
    columns.extend(CONTACT_COLUMNS.iter().map(|c| c.to_string()));
    columns.extend(SCORE_COLUMNS.iter().map(|c| c.to_string()));
    // Segment members, RFM (CLI: `group`, the campaign frame: `rfm_group`), CLV,
    // propensity and the campaign audience.
    columns.extend(
        [
            "segment",
            "segment_name",
            "group",
            "rfm_group",
            "recency_days",
            "frequency",
            "monetary",
            "r_score",
            "f_score",
            "m_score",
            "rfm_code",
            "returns_amount",
            "age_days",
            "avg_spend",
            "p_alive",
            "predicted_purchases",
            "expected_spend",
            "clv",
            "next_order_date",
            "propensity",
            "churn_risk",
            "risk_bucket",
            "churn_bucket",
        ]
        .map(String::from),
    );
    columns
}

#[test]
fn every_exported_column_has_one_chinese_header_of_its_own() {
    let mut missing = Vec::new();
    for column in exported_columns() {
        let header = Headers::Chinese.header(&column);
        if header == column.as_str() {
            missing.push(column.clone());
        }
        assert_eq!(canonical(&header), column.as_str(), "{header} reads back");
    }
    assert!(missing.is_empty(), "no Chinese header: {missing:?}");
    let mut seen = BTreeSet::new();
    for (column, header) in CHINESE {
        assert!(seen.insert(header), "{header} is the header of two columns");
        assert!(!header.is_ascii(), "{column}: {header} is not Chinese");
        assert_eq!(
            canonical(column),
            column,
            "{column} is not a Chinese header"
        );
    }
    let names: BTreeSet<&str> = CHINESE.iter().map(|(name, _)| *name).collect();
    assert_eq!(names.len(), CHINESE.len(), "a column is listed twice");
}

#[test]
fn english_keeps_every_name_and_chinese_renames_only_known_columns() {
    let frame = df!(
        "customer_id" => ["C1"],
        "rfm_group" => ["Champions"],
        "rec_2" => ["SKU9"],
        "会员等级" => ["金卡"],
        "notes" => ["x"],
    )
    .expect("frame");
    let english = Headers::English.applied(&frame).expect("english");
    assert_eq!(names(&english), names(&frame));
    let chinese = Headers::Chinese.applied(&frame).expect("chinese");
    assert_eq!(
        names(&chinese),
        ["客户ID", "RFM分组", "推荐商品2", "会员等级", "notes"]
    );
    // Values are identities: never translated.
    let group = chinese.column("RFM分组").expect("group");
    assert_eq!(group.str().expect("text").get(0), Some("Champions"));
    let back: Vec<String> = names(&chinese)
        .iter()
        .map(|h| canonical(h).into_owned())
        .collect();
    assert_eq!(back, names(&frame));
    assert_eq!(canonical("客户id"), "customer_id", "lower-cased line");
}

#[test]
fn a_column_already_named_like_a_header_keeps_both_apart() {
    let frame = df!("customer_id" => ["C1"], "客户ID" => ["own"]).expect("frame");
    let chinese = Headers::Chinese.applied(&frame).expect("chinese");
    assert_eq!(names(&chinese), ["customer_id", "客户ID"]);
}

#[test]
fn tags_name_the_choices() {
    for headers in Headers::ALL {
        assert_eq!(Headers::from_tag(headers.tag()), Some(headers));
    }
    assert_eq!(Headers::from_tag("ZH-cn"), Some(Headers::Chinese));
    assert_eq!(Headers::from_tag("fr"), None);
}

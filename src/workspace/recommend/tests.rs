//! Tests of `workspace::recommend`.

use super::*;
use crate::analysis::recommend::ModelKind;
use crate::workspace::settings::SettingsError;

#[test]
fn settings_round_trip_and_bad_ones_say_which_field() {
    let typed = RecommendParams {
        model: ModelKind::Als,
        factors: 24,
        iterations: 7,
        exclude_seen: false,
        top: 5,
        validate: false,
        ..RecommendParams::default()
    };
    for params in [RecommendParams::default(), typed] {
        assert_eq!(
            RecommendParams::from_settings(&params.to_settings()),
            Ok(params)
        );
    }
    let mut unknown = RecommendParams::default().to_settings();
    unknown["model"] = serde_json::json!("svd");
    let error = RecommendParams::from_settings(&unknown).expect_err("unknown model");
    assert!(error.to_string().contains("unknown model 'svd'"), "{error}");
    let mut zero = RecommendParams::default().to_settings();
    zero["top"] = serde_json::json!(0);
    assert_eq!(
        RecommendParams::from_settings(&zero),
        Err(SettingsError::invalid("top", 0, "must be at least 1"))
    );
    let mut heavy = RecommendParams::default().to_settings();
    heavy["history_weight"] = serde_json::json!(1.5);
    let error = RecommendParams::from_settings(&heavy).expect_err("weight");
    assert_eq!(
        error.to_string(),
        "history_weight = 1.5: must be between 0 and 1"
    );
    let mut decay = RecommendParams::default().to_settings();
    decay["repeat_group_decay"] = serde_json::json!(1.2);
    let error = RecommendParams::from_settings(&decay).expect_err("decay");
    assert!(
        error.to_string().starts_with("repeat_group_decay = 1.2"),
        "{error}"
    );
    let mut silent = RecommendParams {
        model: ModelKind::Blend,
        history_weight: 0.0,
        item_knn_weight: 0.0,
        ..RecommendParams::default()
    }
    .to_settings();
    let error = RecommendParams::from_settings(&silent).expect_err("all zero");
    assert!(
        error.to_string().contains("one of the blend weights"),
        "{error}"
    );
    // Another model ignores the blend's weights.
    silent["model"] = serde_json::json!("item-knn");
    assert!(RecommendParams::from_settings(&silent).is_ok());
    // A blend saved before item-kNN had its own weight keeps 1 - history.
    let mut older = RecommendParams {
        history_weight: 0.8,
        ..RecommendParams::default()
    }
    .to_settings();
    older
        .as_object_mut()
        .expect("object")
        .remove("item_knn_weight");
    let read = RecommendParams::from_settings(&older).expect("older");
    assert!((read.item_knn_weight - 0.2).abs() < 1e-6, "{read:?}");
    // An older project without a field reads it as its default.
    let mut missing = RecommendParams::default().to_settings();
    missing.as_object_mut().expect("object").remove("alpha");
    assert_eq!(
        RecommendParams::from_settings(&missing),
        Ok(RecommendParams::default())
    );
}

#[test]
fn sasrec_without_time_or_epochs_is_refused_naming_the_field() {
    for field in ["sasrec_budget_secs", "sasrec_epochs"] {
        let mut none = RecommendParams {
            model: ModelKind::Sasrec,
            ..RecommendParams::default()
        }
        .to_settings();
        none[field] = serde_json::json!(0);
        assert_eq!(
            RecommendParams::from_settings(&none),
            Err(SettingsError::invalid(field, 0, "must be at least 1"))
        );
    }
}

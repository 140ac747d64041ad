//! The single tree's leaves as readable rules ("if orders in the last 180 days
//! ≥ 1.50 and … then p = 0.83 (942 customers)"). A rule keeps its figures and
//! the features' column names, and is worded when shown, so a tree fitted while
//! the window was in English reads in Chinese after a switch (and the command
//! line's JSON keeps English).

use serde::Serialize;

use super::features::feature_phrase;
use crate::i18n::Phrase;
use crate::numbers::count;
use crate::phrase;

/// One split on the way to a leaf.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    /// The feature's column name (`orders_180d`); "?" when the tree named none.
    pub feature: String,
    /// True for `feature >= threshold`, false for `feature < threshold`.
    pub at_least: bool,
    pub threshold: f64,
}

/// A leaf: the conditions that lead to it, the share of positive training rows
/// that reach it, and how many rows reach it.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeRule {
    pub conditions: Vec<Condition>,
    pub probability: f64,
    pub customers: usize,
}

impl TreeRule {
    /// The rule in the current language.
    pub fn text(&self) -> String {
        self.phrase().text()
    }

    /// The rule, worded when shown.
    pub fn phrase(&self) -> Phrase {
        let mut conditions = self.conditions.iter().map(Condition::phrase);
        let first = conditions.next();
        let when = match first {
            None => phrase!("value-rule-always"),
            Some(first) => conditions.fold(first, |both, next| {
                phrase!("value-rule-and", first = both, next = next)
            }),
        };
        phrase!(
            "value-rule",
            when = when,
            p = format!("{:.2}", self.probability),
            count = count(self.customers)
        )
    }
}

impl Condition {
    fn phrase(&self) -> Phrase {
        let threshold = format!("{:.2}", self.threshold);
        let feature = feature_phrase(&self.feature);
        match self.at_least {
            true => phrase!(
                "value-rule-at-least",
                feature = feature,
                threshold = threshold
            ),
            false => phrase!("value-rule-below", feature = feature, threshold = threshold),
        }
    }
}

/// Saved and exported as worded now (the command line's is English).
impl Serialize for TreeRule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn a_rule_is_worded_in_the_language_it_is_shown_in() {
        let rule = TreeRule {
            conditions: vec![
                Condition {
                    feature: "orders_180d".into(),
                    at_least: true,
                    threshold: 1.5,
                },
                Condition {
                    feature: "recency_days".into(),
                    at_least: false,
                    threshold: 107.5,
                },
            ],
            probability: 0.834,
            customers: 1601,
        };
        assert_eq!(
            rule.phrase().text_in(Language::English),
            "if Orders in the last 180 days >= 1.50 and Days since last order < 107.50 \
             then p = 0.83 (1,601 customers)"
        );
        let chinese = rule.phrase().text_in(Language::Chinese);
        assert!(chinese.starts_with("若 "), "{chinese}");
        assert!(
            chinese.contains(" 且 ") && chinese.contains("1,601"),
            "{chinese}"
        );
        assert!(!chinese.contains("Orders"), "{chinese}");
        let everyone = TreeRule {
            conditions: Vec::new(),
            ..rule
        };
        assert_eq!(
            everyone.phrase().text_in(Language::English),
            "if always then p = 0.83 (1,601 customers)"
        );
    }
}

//! What the customer tables' score columns mean, in an operator's words: the
//! tooltip of each column header that has one (Value, Segments members, the
//! campaign preview). A column is found by its data name (`churn_risk`), its
//! English header or the header the tables show in the current language.

use crate::tr;

/// A metric's name as the panels show it: underlined, with `meaning` (one plain
/// sentence from the catalogue) on hover and a help cursor, so every piece of
/// jargon on screen looks the same and explains itself the same way.
pub fn term(
    ui: &mut egui::Ui,
    name: impl Into<String>,
    meaning: impl Into<String>,
) -> egui::Response {
    let name: String = name.into();
    let meaning: String = meaning.into();
    ui.add(egui::Label::new(egui::RichText::new(name).underline()).sense(egui::Sense::hover()))
        .on_hover_cursor(egui::CursorIcon::Help)
        .on_hover_text(meaning)
}

/// The score columns that have a meaning.
#[derive(Clone, Copy)]
enum Score {
    Propensity,
    ChurnRisk,
    RiskBucket,
    PAlive,
    PredictedPurchases,
    Clv,
    NextOrder,
}

/// The plain meaning of the column named `name`, if it is a score column.
pub fn meaning(name: &str) -> Option<String> {
    Some(match by_name(name).or_else(|| by_header(name))? {
        Score::Propensity => tr!("glossary-propensity"),
        Score::ChurnRisk => tr!("glossary-churn-risk"),
        Score::RiskBucket => tr!("glossary-risk-bucket"),
        Score::PAlive => tr!("glossary-p-alive"),
        Score::PredictedPurchases => tr!("glossary-predicted-purchases"),
        Score::Clv => tr!("glossary-clv"),
        Score::NextOrder => tr!("glossary-next-order"),
    })
}

/// Data names and English headers.
fn by_name(name: &str) -> Option<Score> {
    Some(match name {
        "propensity" => Score::Propensity,
        "churn risk" | "churn_risk" => Score::ChurnRisk,
        "risk bucket" | "churn_bucket" | "risk_bucket" => Score::RiskBucket,
        "P(alive)" | "p_alive" => Score::PAlive,
        "predicted purchases" | "predicted_purchases" => Score::PredictedPurchases,
        "CLV" | "clv" => Score::Clv,
        "next order" | "next_order_date" => Score::NextOrder,
        _ => return None,
    })
}

/// The headers the Value and Segments tables show in the current language.
fn by_header(name: &str) -> Option<Score> {
    let headers = [
        (tr!("value-col-propensity"), Score::Propensity),
        (tr!("segments-column-propensity"), Score::Propensity),
        (tr!("value-col-churn-risk"), Score::ChurnRisk),
        (tr!("segments-column-churn-risk"), Score::ChurnRisk),
        (tr!("value-col-risk-bucket"), Score::RiskBucket),
        (tr!("value-col-p-alive"), Score::PAlive),
        (tr!("segments-column-p-alive"), Score::PAlive),
        (
            tr!("value-col-predicted-purchases"),
            Score::PredictedPurchases,
        ),
        (tr!("value-col-clv"), Score::Clv),
        (tr!("segments-column-clv"), Score::Clv),
        (tr!("value-col-next-order"), Score::NextOrder),
    ];
    headers
        .into_iter()
        .find(|(header, _)| header == name)
        .map(|(_, score)| score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, message_in};

    #[test]
    fn a_score_column_is_explained_under_its_data_name_and_its_shown_headers() {
        assert!(meaning("churn_risk").is_some_and(|m| m.starts_with("1 − propensity")));
        assert!(meaning("customer_id").is_none());
        // Unit tests run in English: the headers the tables show find the score.
        for key in ["value-col-p-alive", "segments-column-p-alive"] {
            let header = message_in(Language::English, key, &[]);
            assert!(meaning(&header).is_some(), "{header}");
        }
    }
}

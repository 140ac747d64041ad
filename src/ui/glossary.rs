//! What the customer tables' score columns mean, in an operator's words: the
//! tooltip of each column header that has one (Value, Segments members, the
//! campaign preview).

/// The plain meaning of the column named `name`, if it is a score column.
pub fn meaning(name: &str) -> Option<&'static str> {
    Some(match name {
        "propensity" => {
            "Chance this customer orders within the propensity window (90 days by \
             default), without any campaign: 0.30 means 3 in 10 such customers do."
        }
        "churn risk" | "churn_risk" => {
            "1 − propensity: the chance of no order within the window. Above the \
             high threshold the customer is in the high risk bucket."
        }
        "risk bucket" | "churn_bucket" | "risk_bucket" => {
            "Churn risk cut at the Value tab's thresholds: low, medium or high."
        }
        "P(alive)" | "p_alive" => {
            "Chance the customer still buys from you at all (MBG/NBD): it falls the \
             longer they stay away compared with how often they used to buy. A \
             customer can be alive yet unlikely to order in the next 90 days."
        }
        "predicted purchases" | "predicted_purchases" => {
            "Purchase days expected within the CLV horizon (365 days by default)."
        }
        "CLV" | "clv" => {
            "Expected spend within the CLV horizon: predicted purchases × expected \
             spend per purchase (Gamma-Gamma), discounted when a rate is set."
        }
        "next order" | "next_order_date" => {
            "The day by which this customer's chance of having ordered again reaches \
             one half, counting the chance they have left; \"none within N days\" \
             when that does not happen within the CLV horizon."
        }
        _ => return None,
    })
}

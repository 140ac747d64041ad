//! Why an item is recommended, and one recommended item: what every model's list
//! is made of, in words the operator reads beside the list.

use super::interactions::ItemInfo;
use crate::tr;

/// Why an item is recommended.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    Popular,
    PopularInSegment,
    /// The customer bought these (most influential first).
    Bought(Vec<u32>),
    /// The customer bought it this many times before.
    BoughtBefore(u32),
    /// The customer bought it this many times, the last this many days before
    /// the data's last purchase.
    BoughtLast(u32, u32),
    /// This many of the most similar customers bought it.
    SimilarCustomers(u32),
    /// Explicit ratings: the predicted rating, from this many similar customers'.
    PredictedRating(f32, u32),
    /// The customer's last item was the first, and training sequences have the
    /// second (the recommended item) right after it.
    Follows(u32, u32),
    /// Same category and price band as this item the customer bought.
    SameCategory(u32),
}

impl Reason {
    /// The reason in words, naming items by their names, in the current language
    /// (the command line keeps English).
    pub fn text(&self, items: &[ItemInfo]) -> String {
        let name = |i: &u32| items.get(*i as usize).map_or("?", |x| x.name.as_str());
        match self {
            Reason::Popular => tr!("recommend-reason-popular"),
            Reason::PopularInSegment => tr!("recommend-reason-popular-in-segment"),
            Reason::Bought(list) => {
                let mut names = list.iter().map(name);
                let first = names.next().unwrap_or("?").to_string();
                let items = names.fold(first, |items, next| {
                    tr!("recommend-reason-and", items = items, next = next)
                });
                tr!("recommend-reason-bought", items = items)
            }
            Reason::BoughtBefore(n) => tr!("recommend-reason-bought-before", n = n.to_string()),
            Reason::BoughtLast(n, days) => tr!(
                "recommend-reason-bought-last",
                n = n.to_string(),
                days = days.to_string()
            ),
            Reason::SimilarCustomers(n) => {
                tr!("recommend-reason-similar-customers", n = n.to_string())
            }
            Reason::PredictedRating(rating, n) => tr!(
                "recommend-reason-predicted-rating",
                rating = format!("{rating:.1}"),
                n = n.to_string()
            ),
            Reason::Follows(a, b) => tr!("recommend-reason-follows", from = name(a), to = name(b)),
            Reason::SameCategory(i) => tr!("recommend-reason-same-category", item = name(i)),
        }
    }
}

/// One recommended item.
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub item: u32,
    pub score: f32,
    pub reason: Reason,
}

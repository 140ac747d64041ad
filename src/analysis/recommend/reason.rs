//! Why an item is recommended, and one recommended item: what every model's list
//! is made of, in words the operator reads beside the list.

use super::interactions::ItemInfo;

/// Why an item is recommended.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    Popular,
    PopularInSegment,
    /// The customer bought these (most influential first).
    Bought(Vec<u32>),
    /// The customer bought it this many times before.
    BoughtBefore(u32),
    /// This many of the most similar customers bought it.
    SimilarCustomers(u32),
    /// Explicit ratings: the predicted rating, from this many similar customers'.
    PredictedRating(f32, u32),
    /// Same category and price band as this item the customer bought.
    SameCategory(u32),
}

impl Reason {
    /// The reason in words, naming items by their names.
    pub fn text(&self, items: &[ItemInfo]) -> String {
        let name = |i: &u32| items.get(*i as usize).map_or("?", |x| x.name.as_str());
        match self {
            Reason::Popular => "popular".into(),
            Reason::PopularInSegment => "popular in your segment".into(),
            Reason::Bought(list) => {
                let names: Vec<&str> = list.iter().map(name).collect();
                format!("bought {}", names.join(" and "))
            }
            Reason::BoughtBefore(n) => format!("bought it {n} times before"),
            Reason::SimilarCustomers(n) => format!("bought by {n} similar customers"),
            Reason::PredictedRating(rating, n) => {
                format!("predicted rating {rating:.1} from {n} similar customers")
            }
            Reason::SameCategory(i) => format!("same category and price as {}", name(i)),
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

//! Column roles and the file kind, guessed from header names and sample values.
//!
//! Contract:
//! - Header rules first. A header is normalised (lower case; spaces, `_`, `-`, `.`,
//!   `/` and brackets removed) and compared with each role's synonyms, English and
//!   Chinese. An exact match beats a "contains" match everywhere in the file
//!   ("商品ID" is the item id, not the item name, even though it contains "商品").
//!   A contains match compares whole words for English synonyms ("updated_at" does
//!   not contain "date") and substrings for Chinese ones; a synonym at the end of
//!   the header wins over one elsewhere (the head noun: "付款金额" → amount,
//!   "商品类目" → category), then the longer synonym wins.
//! - Then value rules, only for columns and roles no header rule claimed: mostly
//!   `@` → email; mostly phone numbers → phone; date/time values → timestamp;
//!   only behaviour words (pv, cart, buy, …) → event type.
//! - Each column gets at most one role and each role at most one column. Ties go to
//!   the column that comes first in the file.
//! - A bare "state" is read as a region (US shop exports); "order state" is the status.

use super::dates;
use super::model::{ColumnInfo, FileKind, Role, RoleMap};
use super::synonyms::SYNONYMS;

/// Behaviour words that mark an event-type column (compared lower-cased).
pub const EVENT_WORDS: &[&str] = &[
    "pv",
    "view",
    "click",
    "cart",
    "fav",
    "buy",
    "purchase",
    "add_to_cart",
    "addtocart",
    "remove_from_cart",
    "checkout",
    "collect",
    "like",
    "share",
    "search",
    "浏览",
    "点击",
    "加购",
    "收藏",
    "购买",
    "下单",
];

/// Characters dropped when normalising a header.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '_' | '-'
                | '.'
                | '/'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '（'
                | '）'
                | '【'
                | '】'
                | '#'
                | ':'
                | '：'
        )
}

/// Header → lower case without separators ("Customer_ID (new)" → "customeridnew").
pub fn normalise_header(name: &str) -> String {
    name.chars()
        .filter(|c| !is_separator(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Header → lower-case Latin words, splitting on separators and camelCase
/// ("orderDate" → ["order", "date"]). Non-Latin text stays inside its word.
fn header_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if is_separator(c) {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// How well a header matches a role; larger is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// Synonym inside the header, not at its end; carries the synonym length.
    Inside(usize),
    /// Synonym at the end of the header; carries the synonym length.
    Suffix(usize),
    Exact,
}

fn header_match(name: &str, synonym: &str) -> Option<Strength> {
    let normalised = normalise_header(name);
    let compact: String = synonym.chars().filter(|c| *c != ' ').collect();
    if normalised == compact {
        return Some(Strength::Exact);
    }
    if synonym.is_ascii() {
        let words = header_words(name);
        let wanted: Vec<&str> = synonym.split(' ').collect();
        let positions: Vec<usize> = (0..words.len())
            .filter(|&i| {
                words.len() - i >= wanted.len()
                    && wanted.iter().enumerate().all(|(k, w)| words[i + k] == *w)
            })
            .collect();
        let last = *positions.last()?;
        if last + wanted.len() == words.len() {
            Some(Strength::Suffix(compact.len()))
        } else {
            Some(Strength::Inside(compact.len()))
        }
    } else if normalised.ends_with(&compact) {
        Some(Strength::Suffix(compact.chars().count()))
    } else if normalised.contains(&compact) {
        Some(Strength::Inside(compact.chars().count()))
    } else {
        None
    }
}

/// The best header match of `name` for `role`.
fn role_strength(name: &str, role: Role) -> Option<Strength> {
    SYNONYMS
        .iter()
        .filter(|(r, _)| *r == role)
        .flat_map(|(_, synonyms)| synonyms.iter())
        .filter_map(|s| header_match(name, s))
        .max()
}

/// Proposes a role for each column from its header and samples.
pub fn detect_roles(columns: &[ColumnInfo]) -> RoleMap {
    let mut candidates: Vec<(Strength, usize, Role)> = Vec::new();
    for (index, column) in columns.iter().enumerate() {
        for role in Role::ALL {
            if let Some(strength) = role_strength(&column.name, role) {
                candidates.push((strength, index, role));
            }
        }
    }
    // Strongest first; among equals the earlier column, then the role order.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    let mut mapping = RoleMap::new();
    let mut taken = vec![false; columns.len()];
    for (_, index, role) in candidates {
        if taken[index] || mapping.contains_key(&role) {
            continue;
        }
        taken[index] = true;
        mapping.insert(role, columns[index].name.clone());
    }

    for (index, column) in columns.iter().enumerate() {
        if taken[index] {
            continue;
        }
        if let Some(role) = role_from_values(column)
            && !mapping.contains_key(&role)
        {
            taken[index] = true;
            mapping.insert(role, column.name.clone());
        }
    }
    // A date and one other column of numbers (`month, value`): the numbers are the
    // series' value, read as the amount.
    let untaken: Vec<usize> = (0..columns.len()).filter(|&i| !taken[i]).collect();
    if let [index] = untaken[..]
        && mapping.len() == 1
        && mapping.contains_key(&Role::Timestamp)
        && is_numeric_column(&columns[index])
    {
        mapping.insert(Role::Amount, columns[index].name.clone());
    }
    mapping
}

/// A column whose inferred type is a number, or whose samples all read as numbers.
fn is_numeric_column(column: &ColumnInfo) -> bool {
    let dtype = column.dtype.to_ascii_lowercase();
    if dtype.starts_with('i') || dtype.starts_with('u') || dtype.starts_with('f') {
        return true;
    }
    let samples: Vec<&str> = column
        .samples
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    !samples.is_empty()
        && samples
            .iter()
            .all(|s| crate::data::load::parse_number(s).is_some())
}

/// A role read from a column's sample values, if they are telling enough.
fn role_from_values(column: &ColumnInfo) -> Option<Role> {
    let samples: Vec<&str> = column
        .samples
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let dtype = column.dtype.to_ascii_lowercase();
    if dtype == "date" || dtype.starts_with("datetime") {
        return Some(Role::Timestamp);
    }
    if samples.is_empty() {
        return None;
    }
    let most = |count: usize| count * 2 > samples.len();
    if most(samples.iter().filter(|s| looks_like_email(s)).count()) {
        return Some(Role::Email);
    }
    if most(samples.iter().filter(|s| looks_like_phone(s)).count()) {
        return Some(Role::Phone);
    }
    if samples.iter().all(|s| dates::is_text_date(s)) {
        return Some(Role::Timestamp);
    }
    let all_events = samples.iter().all(|s| {
        let lower = s.to_lowercase();
        EVENT_WORDS.contains(&lower.as_str())
    });
    if all_events {
        return Some(Role::EventType);
    }
    None
}

fn looks_like_email(value: &str) -> bool {
    match value.split_once('@') {
        Some((user, domain)) => !user.is_empty() && domain.contains('.') && !value.contains(' '),
        None => false,
    }
}

/// 11 digits starting with 1 (mainland mobile), or `+` and 8–15 digits; spaces and
/// dashes between digits are allowed.
fn looks_like_phone(value: &str) -> bool {
    let (plus, rest) = match value.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    {
        return false;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if plus {
        (8..=15).contains(&digits.len())
    } else {
        digits.len() == 11 && digits.starts_with('1')
    }
}

/// The file kind a mapping suggests: written text with a service column (reply,
/// session, intent) → service messages; written text without order columns →
/// reviews when it names an item, else service messages; an event column → events; a rating with a
/// customer and an item but no order, amount or price → ratings; a date and an
/// amount with no customer, order, item or category column → an aggregated series;
/// time, customer and something bought → orders; a customer without time → customers; an item without
/// customer → products. Anything else is treated as orders, whose required roles
/// then tell the operator what is missing.
pub fn detect_kind(mapping: &RoleMap) -> FileKind {
    let has = |role: Role| mapping.contains_key(&role);
    let item = has(Role::ItemId) || has(Role::ItemName);
    let service = [Role::Reply, Role::SessionId, Role::Intent]
        .into_iter()
        .any(has);
    // Order exports often carry a buyer's note (买家留言): with an order, a price or a
    // quantity the text is a note on an order line, not a review.
    let ordered = [Role::OrderId, Role::Amount, Role::UnitPrice, Role::Quantity]
        .into_iter()
        .any(has);
    if has(Role::Message) && (service || !ordered) {
        return if item && !service {
            FileKind::Reviews
        } else {
            FileKind::Service
        };
    }
    if has(Role::EventType) {
        return FileKind::Events;
    }
    let paid = [Role::OrderId, Role::Amount, Role::UnitPrice]
        .into_iter()
        .any(has);
    if has(Role::Rating) && has(Role::CustomerId) && item && !paid {
        return FileKind::Ratings;
    }
    let keyed = [
        Role::CustomerId,
        Role::OrderId,
        Role::ItemId,
        Role::ItemName,
        Role::Category,
    ]
    .into_iter()
    .any(has);
    if has(Role::Timestamp) && has(Role::Amount) && !keyed {
        return FileKind::Series;
    }
    let bought = [
        Role::Amount,
        Role::Quantity,
        Role::UnitPrice,
        Role::ItemId,
        Role::ItemName,
        Role::OrderId,
    ]
    .into_iter()
    .any(has);
    if has(Role::Timestamp) && has(Role::CustomerId) && bought {
        return FileKind::Orders;
    }
    // Dated order lines whose customer column was not recognised are still orders:
    // the mapping view asks for the customer id.
    let transaction = [Role::OrderId, Role::Quantity, Role::Amount]
        .into_iter()
        .any(has);
    if has(Role::Timestamp) && transaction {
        return FileKind::Orders;
    }
    // A customer file may carry a date (sign-up, birthday) but nothing bought.
    if has(Role::CustomerId) && (!has(Role::Timestamp) || !bought) {
        return FileKind::Customers;
    }
    if (has(Role::ItemId) || has(Role::ItemName)) && !has(Role::CustomerId) {
        return FileKind::Products;
    }
    FileKind::Orders
}

#[cfg(test)]
#[path = "roles_tests.rs"]
mod tests;

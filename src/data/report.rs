//! The load report: rows read and kept, and each kind of problem with a count,
//! up to five example rows and what the loader did about it.

use serde::{Deserialize, Serialize};

use crate::i18n::Phrase;
use crate::tr;

/// At most this many example rows are kept per problem kind.
pub const MAX_EXAMPLES: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProblemKind {
    UnparseableDate,
    UnparseableNumber,
    MissingCustomer,
    /// Negative quantity (or amount): a return. Kept and marked `is_return`.
    Return,
    /// Status says cancelled / refunded. Kept and marked `is_cancelled`.
    Cancelled,
    /// Unit price zero or below.
    NonPositivePrice,
    /// A row identical to an earlier one.
    Duplicate,
    /// A date far outside the rest (a placeholder such as 9999-12-31).
    FarDate,
    /// An id Excel wrote in scientific notation (`1.23457E+11`), rounded.
    ScientificId,
}

impl ProblemKind {
    /// The kind in the current language.
    pub fn label(self) -> String {
        match self {
            ProblemKind::UnparseableDate => tr!("load-kind-unparseable-date"),
            ProblemKind::UnparseableNumber => tr!("load-kind-unparseable-number"),
            ProblemKind::MissingCustomer => tr!("load-kind-missing-customer"),
            ProblemKind::Return => tr!("load-kind-return"),
            ProblemKind::Cancelled => tr!("load-kind-cancelled"),
            ProblemKind::NonPositivePrice => tr!("load-kind-non-positive-price"),
            ProblemKind::Duplicate => tr!("load-kind-duplicate"),
            ProblemKind::FarDate => tr!("load-kind-far-date"),
            ProblemKind::ScientificId => tr!("load-kind-scientific-id"),
        }
    }
}

/// One offending row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Example {
    /// 1-based data row (the header is not counted).
    pub row: usize,
    pub column: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    pub count: usize,
    /// What the loader did, in plain words ("dropped", "kept and marked as return"),
    /// worded when shown.
    pub action: Phrase,
    /// What the operator can do, if anything ("choose another date format").
    pub hint: Phrase,
    pub examples: Vec<Example>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LoadReport {
    /// File name as shown to the operator.
    pub file: String,
    pub rows_read: usize,
    pub rows_kept: usize,
    pub problems: Vec<Problem>,
    /// Decisions worth knowing: "amount = quantity × unit price", "dates read as dd/mm/yyyy".
    pub notes: Vec<Phrase>,
}

impl LoadReport {
    pub fn problem(&self, kind: ProblemKind) -> Option<&Problem> {
        self.problems.iter().find(|p| p.kind == kind)
    }
}

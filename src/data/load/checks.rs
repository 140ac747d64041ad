//! Row checks of the load core: which rows to drop, what to report, the derived
//! order columns and the order flags. See the parent module for the contract.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::clean::{cancelled_mask, negative, not_positive, present};
use super::far_dates::far_dates;
use super::problems::{count, examples, examples_by_column, problem, row_at, value_text, wording};
use super::{CANCELLED_COLUMN, RETURN_COLUMN};
use crate::data::dates;
use crate::data::report::{Example, Problem, ProblemKind};
use crate::data::{DataError, DateFormat, FileKind, LoadOptions, Role};
use crate::i18n::Phrase;
use crate::{phrase, tr};

pub(super) enum CheckError {
    Data(Box<DataError>),
    Polars(PolarsError),
}

impl From<PolarsError> for CheckError {
    fn from(e: PolarsError) -> Self {
        CheckError::Polars(e)
    }
}

/// What the checks decided.
pub(super) struct Outcome {
    /// Rows to keep; None keeps every row.
    pub keep: Option<BooleanChunked>,
    /// `is_return` and `is_cancelled` (orders only).
    pub flags: Vec<Column>,
}

/// What the row checks need to see. All columns are aligned with `raw`.
pub(super) struct Checks<'a> {
    pub raw: &'a DataFrame,
    pub rows: &'a Column,
    pub options: &'a LoadOptions,
    pub file: &'a str,
    pub date_format: &'a DateFormat,
    /// Later copies of duplicate rows (already reported): dropped, and left out
    /// of every other count.
    pub duplicates: Option<&'a BooleanChunked>,
}

impl Checks<'_> {
    fn source(&self, role: Role) -> Option<(&str, &Column)> {
        let name = self.options.mapping.get(&role)?;
        Some((name.as_str(), self.raw.column(name).ok()?))
    }

    /// Records problems and notes, derives order columns into `canonical`, and
    /// says which rows to keep.
    pub fn run(
        &self,
        canonical: &mut BTreeMap<Role, Column>,
        found: &mut Vec<Problem>,
        notes: &mut Vec<Phrase>,
    ) -> Result<Outcome, CheckError> {
        let height = self.raw.height();
        let kind = self.options.kind;
        let timed = matches!(
            kind,
            FileKind::Orders | FileKind::Events | FileKind::Series | FileKind::Service
        );
        let mut drop = match self.duplicates {
            Some(duplicates) => duplicates.clone(),
            None => BooleanChunked::full("drop".into(), false, height),
        };

        if let (Some(ts), Some((name, source))) = (
            canonical.get(&Role::Timestamp),
            self.source(Role::Timestamp),
        ) {
            let bad = if timed {
                ts.is_null()
            } else {
                &present(source)? & &ts.is_null()
            };
            let bad = &bad & &!&drop;
            let bad_count = count(&bad);
            if timed && bad_count == height - count(&drop) {
                return Err(CheckError::Data(Box::new(
                    self.all_dates_bad(name, source)?,
                )));
            }
            let (action, hint) = wording(ProblemKind::UnparseableDate, timed);
            let list = examples(&bad, self.rows, source, name)?;
            let hint = self.swap_hint(hint, &list);
            found.extend(problem(
                ProblemKind::UnparseableDate,
                bad_count,
                action,
                hint,
                list,
            ));
            if timed {
                drop = &drop | &bad;
            }
        }
        if timed
            && !self.options.keep_far_dates
            && let (Some(ts), Some((name, source))) = (
                canonical.get(&Role::Timestamp),
                self.source(Role::Timestamp),
            )
        {
            let far = far_dates(ts, &!&drop)?;
            let (action, hint) = wording(ProblemKind::FarDate, true);
            let list = examples(&far, self.rows, source, name)?;
            found.extend(problem(
                ProblemKind::FarDate,
                count(&far),
                action,
                hint,
                list,
            ));
            drop = &drop | &far;
        }

        self.check_numbers(canonical, &mut drop, found)?;

        let id_role = match kind {
            FileKind::Products => Some(Role::ItemId),
            FileKind::Customers => Some(Role::CustomerId),
            _ => None,
        };
        if let Some(role) = id_role
            && let (Some(id), Some((name, source))) = (canonical.get(&role), self.source(role))
        {
            let missing = &id.is_null() & &!&drop;
            let n = count(&missing);
            if role == Role::CustomerId {
                let (action, hint) = wording(ProblemKind::MissingCustomer, true);
                let list = examples(&missing, self.rows, source, name)?;
                found.extend(problem(ProblemKind::MissingCustomer, n, action, hint, list));
            } else if n > 0 {
                notes.push(phrase!(
                    "load-note-no-item-dropped",
                    count = n.to_string(),
                    n = n
                ));
            }
            drop = &drop | &missing;
        }
        let keep = !&drop;

        let mut flags = Vec::new();
        if kind == FileKind::Orders {
            self.derive_order_columns(canonical, notes)?;
            flags = self.flag_orders(canonical, &keep, found)?;
        }
        if timed
            && let (Some(id), Some((name, source))) = (
                canonical.get(&Role::CustomerId),
                self.source(Role::CustomerId),
            )
        {
            let missing = &id.is_null() & &keep;
            let (action, hint) = wording(ProblemKind::MissingCustomer, false);
            let list = examples(&missing, self.rows, source, name)?;
            found.extend(problem(
                ProblemKind::MissingCustomer,
                count(&missing),
                action,
                hint,
                list,
            ));
        }
        if let (Some(price), Some((name, source))) = (
            canonical.get(&Role::UnitPrice),
            self.source(Role::UnitPrice),
        ) {
            let free = &not_positive(price)? & &keep;
            let (action, hint) = wording(ProblemKind::NonPositivePrice, false);
            let list = examples(&free, self.rows, source, name)?;
            found.extend(problem(
                ProblemKind::NonPositivePrice,
                count(&free),
                action,
                hint,
                list,
            ));
        }
        Ok(Outcome {
            keep: drop.any().then_some(keep),
            flags,
        })
    }

    /// The error when no row's date reads: names the first row.
    fn all_dates_bad(&self, name: &str, source: &Column) -> PolarsResult<DataError> {
        let value = value_text(&source.get(0)?);
        let (_, hint) = wording(ProblemKind::UnparseableDate, true);
        let hint = match dates::reads_swapped(&value, self.date_format) {
            Some(other) => tr!(
                "load-hint-reads-as",
                hint = hint.text(),
                date = dates::describe(&other)
            ),
            None => hint.text(),
        };
        Ok(DataError::BadValue {
            file: self.file.to_string(),
            row: row_at(self.rows, 0)?,
            column: name.to_string(),
            value,
            problem: tr!(
                "data-problem-no-date-reads",
                format = dates::describe(self.date_format)
            )
            .into(),
            hint: hint.into(),
        })
    }

    /// Adds "these read as month-first" when the failing examples would read with
    /// day and month swapped.
    fn swap_hint(&self, hint: Phrase, list: &[Example]) -> Phrase {
        let swapped = list
            .iter()
            .filter_map(|e| dates::reads_swapped(&e.value, self.date_format))
            .next();
        match swapped {
            Some(other) => phrase!(
                "load-hint-these-read-as",
                hint = hint,
                date = dates::describe(&other)
            ),
            None => hint,
        }
    }

    /// Orders and ratings: a line missing a mapped number is dropped. Other kinds:
    /// unreadable numbers are reported and left empty.
    fn check_numbers(
        &self,
        canonical: &BTreeMap<Role, Column>,
        drop: &mut BooleanChunked,
        found: &mut Vec<Problem>,
    ) -> Result<(), CheckError> {
        let orders = matches!(self.options.kind, FileKind::Orders | FileKind::Ratings);
        let mut per_column: Vec<(BooleanChunked, &str, &Column)> = Vec::new();
        for role in [Role::Quantity, Role::UnitPrice, Role::Amount, Role::Rating] {
            if let (Some(value), Some((name, source))) = (canonical.get(&role), self.source(role)) {
                if orders {
                    self.refuse_unreadable_column(role, name, source, value, drop)?;
                }
                let bad = if orders {
                    &value.is_null() & &!&*drop
                } else {
                    &(&present(source)? & &value.is_null()) & &!&*drop
                };
                per_column.push((bad, name, source));
            }
        }
        let Some(any_bad) = per_column
            .iter()
            .map(|(bad, _, _)| bad.clone())
            .reduce(|a, b| &a | &b)
        else {
            return Ok(());
        };
        let list = examples_by_column(&any_bad, self.rows, &per_column)?;
        let (action, hint) = wording(ProblemKind::UnparseableNumber, orders);
        found.extend(problem(
            ProblemKind::UnparseableNumber,
            count(&any_bad),
            action,
            hint,
            list,
        ));
        if orders {
            *drop = &*drop | &any_bad;
        }
        Ok(())
    }

    /// An error when a mapped number column holds text in rows still kept and
    /// not one of them reads as a number: the wrong column was mapped, and every
    /// line would be dropped.
    fn refuse_unreadable_column(
        &self,
        role: Role,
        name: &str,
        source: &Column,
        value: &Column,
        drop: &BooleanChunked,
    ) -> Result<(), CheckError> {
        let considered = !drop;
        let read = &value.is_not_null() & &considered;
        let written = &present(source)? & &considered;
        let Some(first) = written
            .iter()
            .position(|v| v == Some(true))
            .filter(|_| read.num_trues() == 0)
        else {
            return Ok(());
        };
        Err(CheckError::Data(Box::new(DataError::BadValue {
            file: self.file.to_string(),
            row: row_at(self.rows, first)?,
            column: name.to_string(),
            value: value_text(&source.get(first)?),
            problem: tr!("data-problem-no-number-reads", role = role.label()).into(),
            hint: tr!(
                "data-hint-map-numbers",
                role = role.label(),
                flag = role.cli_flag()
            )
            .into(),
        })))
    }

    /// Amount from quantity × price, quantity 1 when absent; each noted, and so is
    /// an orders file with no money at all.
    fn derive_order_columns(
        &self,
        canonical: &mut BTreeMap<Role, Column>,
        notes: &mut Vec<Phrase>,
    ) -> Result<(), CheckError> {
        let height = self.raw.height();
        if let std::collections::btree_map::Entry::Vacant(slot) = canonical.entry(Role::Quantity) {
            let ones = Float64Chunked::full(Role::Quantity.column_name().into(), 1.0, height);
            slot.insert(ones.into_column());
            notes.push(phrase!("load-note-no-quantity"));
        }
        if !canonical.contains_key(&Role::Amount)
            && let (Some(quantity), Some(price)) = (
                canonical.get(&Role::Quantity),
                canonical.get(&Role::UnitPrice),
            )
        {
            let amount =
                (quantity.f64()? * price.f64()?).with_name(Role::Amount.column_name().into());
            canonical.insert(Role::Amount, amount.into_column());
            notes.push(phrase!("load-note-no-amount"));
        }
        if !canonical.contains_key(&Role::Amount) {
            notes.push(phrase!("load-note-no-money"));
        }
        Ok(())
    }

    /// `is_return` / `is_cancelled` for every row; reported over kept rows.
    fn flag_orders(
        &self,
        canonical: &BTreeMap<Role, Column>,
        keep: &BooleanChunked,
        found: &mut Vec<Problem>,
    ) -> Result<Vec<Column>, CheckError> {
        let height = self.raw.height();
        let mut returns = BooleanChunked::full(RETURN_COLUMN.into(), false, height);
        let mut per_column: Vec<(BooleanChunked, &str, &Column)> = Vec::new();
        for role in [Role::Quantity, Role::Amount] {
            if let Some(value) = canonical.get(&role) {
                let below = negative(value)?;
                returns = &returns | &below;
                // A derived amount has no source: show the price that made it negative.
                let shown = self.source(role).or_else(|| self.source(Role::UnitPrice));
                if let Some((name, source)) = shown {
                    per_column.push((below, name, source));
                }
            }
        }
        let kept_returns = &returns & keep;
        let (action, hint) = wording(ProblemKind::Return, false);
        let list = examples_by_column(&kept_returns, self.rows, &per_column)?;
        found.extend(problem(
            ProblemKind::Return,
            count(&kept_returns),
            action,
            hint,
            list,
        ));
        let cancelled = match (canonical.get(&Role::Status), self.source(Role::Status)) {
            (Some(status), Some((name, source))) => {
                let mask = cancelled_mask(status)?;
                let kept = &mask & keep;
                let (action, hint) = wording(ProblemKind::Cancelled, false);
                let list = examples(&kept, self.rows, source, name)?;
                found.extend(problem(
                    ProblemKind::Cancelled,
                    count(&kept),
                    action,
                    hint,
                    list,
                ));
                mask
            }
            _ => BooleanChunked::full(CANCELLED_COLUMN.into(), false, height),
        };
        Ok(vec![
            returns.with_name(RETURN_COLUMN.into()).into_column(),
            cancelled.with_name(CANCELLED_COLUMN.into()).into_column(),
        ])
    }
}

//! The columns the pushed-down sums read must be typed in the database as a
//! load reads them: the time a date or a timestamp, the quantity, unit price
//! and amount numbers. A date kept as text would be read by the server's own
//! rules (PostgreSQL's `DateStyle` takes `03/04/2024` as 4 March and refuses
//! `25/12/2024`; MySQL turns it into NULL and drops the line without a word),
//! and `¥89.00` as text would sum as 0 on MySQL. [`check_column_kinds`] says
//! so before any sum, and the caller fetches the lines instead.

use super::super::{ColumnKind, Connection, DbError, Source};
use crate::data::{Role, RoleMap};
use crate::tr;

/// What each role the sums read must be in the database.
const NEEDED: [(Role, ColumnKind); 4] = [
    (Role::Timestamp, ColumnKind::Time),
    (Role::Quantity, ColumnKind::Number),
    (Role::UnitPrice, ColumnKind::Number),
    (Role::Amount, ColumnKind::Number),
];

/// `Err(DbError::ColumnType)` for the first column `mapping` maps to a role
/// of [`NEEDED`] whose type in `source` is not the kind it needs.
pub fn check_column_kinds(
    connection: &mut Connection,
    source: &Source,
    mapping: &RoleMap,
) -> Result<(), DbError> {
    let kinds = connection.column_kinds(source)?;
    for (role, needed) in NEEDED {
        let Some(column) = mapping.get(&role) else {
            continue;
        };
        let Some((_, kind)) = kinds.iter().find(|(name, _)| name == column) else {
            continue;
        };
        if let Some(found) = mismatch(kind, &needed) {
            return Err(DbError::ColumnType {
                column: column.clone(),
                found,
                needs: match needed {
                    ColumnKind::Time => tr!("db-pushdown-needs-time"),
                    _ => tr!("db-pushdown-needs-number"),
                },
            });
        }
    }
    Ok(())
}

/// The type found, when `kind` is not `needed`.
fn mismatch(kind: &ColumnKind, needed: &ColumnKind) -> Option<String> {
    match kind {
        kind if kind == needed => None,
        ColumnKind::Other(name) => Some(name.clone()),
        ColumnKind::Time => Some("date".into()),
        ColumnKind::Number => Some("number".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_kind_other_than_the_needed_one_is_a_mismatch() {
        let text = ColumnKind::Other("text".into());
        assert_eq!(mismatch(&ColumnKind::Time, &ColumnKind::Time), None);
        assert_eq!(mismatch(&text, &ColumnKind::Time), Some("text".into()));
        assert_eq!(
            mismatch(&ColumnKind::Number, &ColumnKind::Time),
            Some("number".into())
        );
        assert_eq!(mismatch(&ColumnKind::Number, &ColumnKind::Number), None);
    }
}

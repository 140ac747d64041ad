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
    let columns = connection.column_types(source)?;
    for (role, needed) in NEEDED {
        let Some(name) = mapping.get(&role) else {
            continue;
        };
        let Some(column) = columns.iter().find(|c| &c.name == name) else {
            continue;
        };
        if column.kind != needed {
            return Err(DbError::ColumnType {
                column: column.name.clone(),
                found: column.type_name.clone(),
                needs: match needed {
                    ColumnKind::Time => tr!("db-pushdown-needs-time"),
                    _ => tr!("db-pushdown-needs-number"),
                },
            });
        }
    }
    Ok(())
}

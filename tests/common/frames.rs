//! Load options built from role pairs, for the tests that drive the load core
//! with small `df!` frames.

use marketbench::data::{FileKind, LoadOptions, Role, RoleMap};

/// Options for `kind` mapping each role to the named column; dates detected.
pub fn options(kind: FileKind, pairs: &[(Role, &str)]) -> LoadOptions {
    LoadOptions {
        kind,
        mapping: pairs
            .iter()
            .map(|(r, c)| (*r, c.to_string()))
            .collect::<RoleMap>(),
        date_format: None,
        sheet: None,
        keep_far_dates: false,
    }
}

//! Loading the operator's files into polars.
//!
//! `inspect` reads a file's header and a sample: format, encoding, columns, the
//! detected file kind, column roles and date format. The operator confirms or
//! changes that (`LoadOptions`), then `load` reads the whole file into a `Table`
//! with canonical columns and a `LoadReport`. Input files are only ever read.

pub mod error;
pub mod files;
pub mod model;
pub mod report;

pub use error::DataError;
pub use files::{expand_folders, folders_without_data, no_data_message};
pub use model::{
    ColumnInfo, DateFormat, DateGuess, FileFormat, FileKind, Inspection, LoadOptions, Role,
    RoleMap, Table, TextEncoding,
};
pub use report::{Example, LoadReport, Problem, ProblemKind};

pub mod dates;
pub mod db;
pub mod load;
pub mod memory;
pub mod read;
pub mod roles;
pub mod sample;
pub mod scan;
pub mod store;
pub mod summed;
mod synonyms;
pub mod text;
pub mod view;

pub use load::{inspect, load};
pub use store::Store;

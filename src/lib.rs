//! Marketbench: a desktop workbench for e-commerce marketing operators.
//!
//! Layers (see `README.md`): `data`, `analysis`, `export`, `jobs` and `cli` never import egui;
//! everything visual lives in `ui`.

pub mod analysis; // figures computed from loaded data: summary, daily series
pub mod cli; // headless commands over the same functions the window uses
pub mod data; // files into polars: formats, encodings, column roles, load report, sample shop
pub mod export; // tables out to CSV and XLSX, atomically, safe for spreadsheets
pub mod jobs; // background work with progress, cancel and generation ids
pub mod ui; // the eframe app: one file per panel
pub mod workspace; // loaded files, files on their way in and results computed from them (no egui)

/// mimalloc keeps freed memory for reuse instead of handing every large column
/// back to the OS, so loading and cleaning a big file is not dominated by page faults.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

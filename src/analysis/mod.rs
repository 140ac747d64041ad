//! Figures computed from loaded data. Nothing here imports egui.

pub mod customers;
pub mod lines;
pub mod segments;
pub mod summary;

pub use lines::AnalysisError;

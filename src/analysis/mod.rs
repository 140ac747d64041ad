//! Figures computed from loaded data. Nothing here imports egui.

pub mod clv;
pub mod cohorts;
pub mod customers;
pub mod funnel;
pub mod lines;
pub mod propensity;
pub mod repeat;
pub mod rfm;
pub mod segments;
pub mod summary;

pub use lines::AnalysisError;

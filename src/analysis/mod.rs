//! Figures computed from loaded data. Nothing here imports egui.

pub mod campaign;
pub mod clv;
pub mod cohorts;
pub mod customers;
pub mod filter;
pub mod forecast;
pub mod funnel;
pub mod lines;
pub mod propensity;
pub mod recommend;
pub mod repeat;
pub mod rfm;
pub mod segments;
pub mod service;
pub mod summary;
pub mod voice;

pub use lines::AnalysisError;

//! Figures computed from loaded data. Nothing here imports egui.

pub mod summary;

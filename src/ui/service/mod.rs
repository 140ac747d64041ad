//! The Service tab's views that hold more than a table: labelling messages
//! (`label_view`) and the FAQ export (`faq_view`). The panel itself is
//! `ui::service_panel`.

pub mod faq_view;
pub mod label_view;

//! Helpers shared by several test files (`mod common;`). Each test binary uses
//! part of them.
#![allow(dead_code)]

pub mod cli;
pub mod close;
pub mod db;
pub mod db_window;
pub mod frames;
pub mod hostile;
pub mod hostile_more;
pub mod keyring;
pub mod planted;
pub mod recommend;
pub mod sample_store;
pub mod source;
pub mod ui;
pub mod workspace;

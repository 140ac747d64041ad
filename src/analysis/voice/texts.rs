//! The service messages and reviews of a loaded store as plain columns.
//!
//! Contract: every table of the kind is stacked in load order; a row whose text is
//! empty is left out (there is nothing to read); times are milliseconds since
//! 1970 (`None` when the file has no time column); `row` is the 1-based source row,
//! so a listed message can be found in the file.

use polars::prelude::*;

use crate::analysis::AnalysisError;
use crate::analysis::lines::polars_failed;
use crate::data::{FileKind, Role, Store, Table};

/// Service messages, one entry per non-empty message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Messages {
    pub file: Vec<String>,
    pub row: Vec<u64>,
    pub customer: Vec<Option<String>>,
    pub time: Vec<Option<i64>>,
    pub text: Vec<String>,
    pub reply: Vec<Option<String>>,
    /// The intent the team wrote in the file, if any.
    pub label: Vec<Option<String>>,
}

impl Messages {
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Product reviews, one entry per non-empty review.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reviews {
    pub item: Vec<String>,
    pub customer: Vec<Option<String>>,
    pub time: Vec<Option<i64>>,
    pub rating: Vec<Option<f64>>,
    pub text: Vec<String>,
}

impl Reviews {
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

fn strings(frame: &DataFrame, role: Role) -> Result<Vec<Option<String>>, AnalysisError> {
    let Ok(column) = frame.column(role.column_name()) else {
        return Ok(vec![None; frame.height()]);
    };
    let text = column
        .cast(&DataType::String)
        .map_err(polars_failed("context-read-texts"))?;
    let values = text.str().map_err(polars_failed("context-read-texts"))?;
    Ok(values.iter().map(|v| v.map(str::to_string)).collect())
}

fn integers(frame: &DataFrame, name: &str) -> Result<Vec<Option<i64>>, AnalysisError> {
    let Ok(column) = frame.column(name) else {
        return Ok(vec![None; frame.height()]);
    };
    let ints = column
        .cast(&DataType::Int64)
        .map_err(polars_failed("context-read-texts"))?;
    let values = ints.i64().map_err(polars_failed("context-read-texts"))?;
    Ok(values.iter().collect())
}

fn floats(frame: &DataFrame, role: Role) -> Result<Vec<Option<f64>>, AnalysisError> {
    let Ok(column) = frame.column(role.column_name()) else {
        return Ok(vec![None; frame.height()]);
    };
    let values = column
        .cast(&DataType::Float64)
        .map_err(polars_failed("context-read-texts"))?;
    let values = values.f64().map_err(polars_failed("context-read-texts"))?;
    Ok(values.iter().map(|v| v.filter(|v| v.is_finite())).collect())
}

/// The store's service messages; `None` when no service file is loaded.
pub fn messages(store: &Store) -> Result<Option<Messages>, AnalysisError> {
    let tables: Vec<&Table> = store.of_kind(FileKind::Service).collect();
    if tables.is_empty() {
        return Ok(None);
    }
    let mut out = Messages::default();
    for table in tables {
        let frame = &table.frame;
        let file = crate::data::load::display_name(&table.path);
        let text = strings(frame, Role::Message)?;
        let rows = integers(frame, crate::data::load::ROW_COLUMN)?;
        let customer = strings(frame, Role::CustomerId)?;
        let time = integers(frame, Role::Timestamp.column_name())?;
        let reply = strings(frame, Role::Reply)?;
        let label = strings(frame, Role::Intent)?;
        for (i, text) in text.into_iter().enumerate() {
            let Some(text) = text else { continue };
            out.file.push(file.clone());
            out.row.push(rows[i].unwrap_or(i as i64 + 1).max(0) as u64);
            out.customer.push(customer[i].clone());
            out.time.push(time[i]);
            out.text.push(text);
            out.reply.push(reply[i].clone());
            out.label.push(label[i].clone());
        }
    }
    Ok(Some(out))
}

/// The store's reviews; `None` when no reviews file is loaded.
pub fn reviews(store: &Store) -> Result<Option<Reviews>, AnalysisError> {
    let tables: Vec<&Table> = store.of_kind(FileKind::Reviews).collect();
    if tables.is_empty() {
        return Ok(None);
    }
    let mut out = Reviews::default();
    for table in tables {
        let frame = &table.frame;
        let text = strings(frame, Role::Message)?;
        let item = strings(frame, Role::ItemId)?;
        let customer = strings(frame, Role::CustomerId)?;
        let time = integers(frame, Role::Timestamp.column_name())?;
        let rating = floats(frame, Role::Rating)?;
        for (i, text) in text.into_iter().enumerate() {
            let (Some(text), Some(item)) = (text, item[i].clone()) else {
                continue;
            };
            out.item.push(item);
            out.customer.push(customer[i].clone());
            out.time.push(time[i]);
            out.rating.push(rating[i]);
            out.text.push(text);
        }
    }
    Ok(Some(out))
}

//! The FAQ of a shop's service messages: questions asked often, grouped within an
//! intent, each with the reply agents gave it most (`service::suggest::faq`), as
//! rows and as the table the window and `marketbench service --faq` export
//! (`question, reply, count, intent`).

use polars::prelude::*;

use super::ServiceReport;
use crate::analysis::AnalysisError;
use crate::analysis::lines::polars_failed;
use crate::analysis::service::suggest::{FaqParams, faq};
use crate::jobs::Progress;

/// One question of the FAQ: its most common wording, the reply agents gave it
/// most, how many messages asked it, and its intent.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct FaqRow {
    pub question: String,
    pub reply: String,
    pub count: usize,
    pub intent: String,
}

impl ServiceReport {
    /// The FAQ of the answered messages, grouped per intent; `None` without
    /// intents (the groups are made within an intent).
    pub fn faq(&self, progress: &Progress) -> Result<Option<Vec<FaqRow>>, AnalysisError> {
        let Ok(intents) = &self.intents else {
            return Ok(None);
        };
        let replies: Vec<Option<&str>> = self.messages.reply.iter().map(|r| r.as_deref()).collect();
        let entries = faq(
            &self.tokens,
            &intents.assigned,
            &replies,
            &FaqParams::default(),
            progress,
        )
        .map_err(|_| AnalysisError::Cancelled)?;
        let names = intents.model.intents();
        Ok(Some(
            entries
                .into_iter()
                .map(|e| FaqRow {
                    question: self.messages.text[e.question].clone(),
                    reply: e.reply,
                    count: e.count,
                    intent: names[e.intent].clone(),
                })
                .collect(),
        ))
    }
}

/// The FAQ as the table its exports write.
pub fn faq_frame(rows: &[FaqRow]) -> Result<DataFrame, AnalysisError> {
    df!(
        "question" => rows.iter().map(|r| r.question.as_str()).collect::<Vec<_>>(),
        "reply" => rows.iter().map(|r| r.reply.as_str()).collect::<Vec<_>>(),
        "count" => rows.iter().map(|r| r.count as u64).collect::<Vec<_>>(),
        "intent" => rows.iter().map(|r| r.intent.as_str()).collect::<Vec<_>>(),
    )
    .map_err(polars_failed("context-faq"))
}

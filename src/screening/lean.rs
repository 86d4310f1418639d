//! The widget's module in place of `full.rs` (`screening/mod.rs`): its result has no scores
//! and no profile, so there is nothing to add, and a reason can name only the center.

use super::scores::Scores;
use super::writer::Writer;
use crate::support::prelude::*;
use serde::Serialize;

/// Nothing beside the rest of the result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FullResult {}

impl FullResult {
    pub fn of(_writer: &Writer, _scores: &Scores) -> FullResult {
        FullResult {}
    }
}

/// No string keys of its own.
pub fn string_keys() -> Vec<String> {
    Vec::new()
}

/// The values a reason can name: the center only.
pub fn placeholders(_scores: &Scores, center_name: &str) -> Vec<(&'static str, String)> {
    vec![("center", center_name.to_string())]
}

//! Answers as given (`RawAnswers`, any JSON-like value) and as validated (`Answers`).
//!
//! Validation collects every problem rather than stopping at the first, so a developer wiring a
//! UI sees all of them at once; skipped, `null` and `prefer_not` answers are never errors and
//! count as not answered.

use crate::support::prelude::*;
use core::fmt;

use super::items::{is_language_tag, ItemId, ItemKind, Path, PREFER_NOT};

/// Any value a caller may pass for one item, kept as given so validation can name its type.
pub use crate::support::json::Json as RawValue;
use crate::support::json::Json;
use crate::support::numtext::{fixed, int};

/// The answers object as given: its entries in order, or the kind of value given instead of an
/// object.
#[derive(Clone, Debug, PartialEq)]
pub enum RawAnswers {
    Entries(Vec<(String, RawValue)>),
    NotAnObject(&'static str),
}

/// A validated answer. Choices are stored as the option's `&'static str`, so the engine compares
/// against table values without allocation.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Choice(&'static str),
    Many(Vec<&'static str>),
    Number(i8),
    Tag(String),
}

/// Validated answers, one slot per questionnaire item.
#[derive(Clone, Debug, PartialEq)]
pub struct Answers {
    slots: Vec<Option<Answer>>,
}

/// What went wrong with one answer (or with the answers as a whole).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The answers are not an object.
    InvalidAnswers,
    /// The key is not an item id of the questionnaire.
    UnknownItem,
    /// The value has the right type but is not one of the item's values.
    InvalidValue,
    /// The value has the wrong type (a string for a number item, a string for a list, ...).
    WrongType,
    /// The evaluation options are not usable.
    InvalidOptions,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidAnswers => "invalid_answers",
            ErrorCode::UnknownItem => "unknown_item",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::WrongType => "wrong_type",
            ErrorCode::InvalidOptions => "invalid_options",
        }
    }
}

/// One problem, in the shape JavaScript receives: `{ code, item, message }`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AnswerError {
    pub code: ErrorCode,
    /// The item id (or key) at fault; empty when the problem is not about one item.
    pub item: String,
    /// One plain sentence for the developer wiring the questionnaire.
    pub message: String,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for AnswerError {}

impl AnswerError {
    pub fn new(code: ErrorCode, item: &str, message: String) -> Self {
        AnswerError { code, item: item.to_string(), message }
    }
}

fn type_name(value: &RawValue) -> &'static str {
    match value {
        RawValue::Null => "null",
        RawValue::Bool(_) => "a true/false value",
        RawValue::Number(_) => "a number",
        RawValue::String(_) => "a string",
        RawValue::Array(_) => "a list",
        RawValue::Object(_) => "an object",
        RawValue::Cut(_) => "a value too large to read",
    }
}

fn is_prefer_not(value: &RawValue) -> bool {
    matches!(value, RawValue::String(t) if t == PREFER_NOT)
}

impl Default for Answers {
    fn default() -> Self {
        Answers::new()
    }
}

impl Answers {
    pub fn new() -> Self {
        Answers { slots: vec![None; ItemId::ALL.len()] }
    }

    /// Validates every entry; returns the answers, or every problem found (in the order given).
    pub fn from_raw(raw: &RawAnswers) -> Result<Answers, Vec<AnswerError>> {
        let entries = match raw {
            RawAnswers::Entries(entries) => entries,
            RawAnswers::NotAnObject(kind) => {
                return Err(vec![AnswerError::new(
                    ErrorCode::InvalidAnswers,
                    "",
                    ["The answers must be an object of item ids to values; got ", kind, "."].concat(),
                )])
            }
        };
        let mut answers = Answers::new();
        let mut errors = Vec::new();
        for (key, value) in entries {
            match ItemId::named(key) {
                None => errors.push(AnswerError::new(
                    ErrorCode::UnknownItem,
                    key,
                    ["\"", key, "\" is not an item id of the questionnaire."].concat(),
                )),
                Some(item) => {
                    if let Err(error) = answers.set(item, value) {
                        errors.push(error);
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(errors)
        }
    }

    /// Sets (or, for `null` and `prefer_not`, clears) one answer after checking it.
    pub fn set(&mut self, item: ItemId, value: &RawValue) -> Result<(), AnswerError> {
        let answer = parse_value(item, value)?;
        self.slots[item as usize] = answer;
        Ok(())
    }

    pub fn clear(&mut self, item: ItemId) {
        self.slots[item as usize] = None;
    }

    pub fn get(&self, item: ItemId) -> Option<&Answer> {
        self.slots[item as usize].as_ref()
    }

    pub fn is_answered(&self, item: ItemId) -> bool {
        self.slots[item as usize].is_some()
    }

    pub fn n_answered(&self) -> usize {
        self.slots.iter().filter(|s| s.is_some()).count()
    }

    /// The answered items with their answers, in questionnaire order.
    pub fn iter(&self) -> impl Iterator<Item = (ItemId, &Answer)> {
        ItemId::ALL.iter().zip(&self.slots).filter_map(|(&id, slot)| slot.as_ref().map(|a| (id, a)))
    }

    pub fn choice(&self, item: ItemId) -> Option<&'static str> {
        match self.get(item) {
            Some(Answer::Choice(value)) => Some(value),
            _ => None,
        }
    }

    /// Whether a multi-choice answer includes `value` (or a single-choice answer is `value`).
    pub fn has(&self, item: ItemId, value: &str) -> bool {
        match self.get(item) {
            Some(Answer::Many(values)) => values.contains(&value),
            Some(Answer::Choice(choice)) => *choice == value,
            _ => false,
        }
    }

    pub fn number(&self, item: ItemId) -> Option<i8> {
        match self.get(item) {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn tag(&self, item: ItemId) -> Option<&str> {
        match self.get(item) {
            Some(Answer::Tag(tag)) => Some(tag),
            _ => None,
        }
    }

    /// The path the answers are on; a visitor who has not said is answering for themselves.
    pub fn path(&self) -> Path {
        if self.choice(ItemId::ForWhom) == Some("loved_one") {
            Path::LovedOne
        } else {
            Path::OwnUse
        }
    }
}

fn parse_value(item: ItemId, value: &RawValue) -> Result<Option<Answer>, AnswerError> {
    if matches!(value, RawValue::Null) || is_prefer_not(value) {
        return Ok(None);
    }
    let id = item.as_str();
    let values = item.options().values;
    match item.kind() {
        ItemKind::Single => match value {
            RawValue::String(text) => match values.iter().find(|v| **v == text.as_str()) {
                Some(v) => Ok(Some(Answer::Choice(v))),
                None => Err(not_in_list(id, values, text)),
            },
            other => Err(wrong_type(id, "one value as a string", other)),
        },
        ItemKind::Multi => match value {
            RawValue::Array(list) => {
                let mut chosen: Vec<&'static str> = Vec::new();
                for entry in list {
                    match entry {
                        RawValue::String(t) if t == PREFER_NOT => {}
                        RawValue::String(text) => match values.iter().find(|v| **v == text.as_str()) {
                            Some(v) if !chosen.contains(v) => chosen.push(v),
                            Some(_) => {}
                            None => return Err(not_in_list(id, values, text)),
                        },
                        other => return Err(wrong_type(id, "a list of strings", other)),
                    }
                }
                // Keep the table's order so results never depend on the order chosen.
                crate::support::sort::stable_sort(&mut chosen, |a, b| {
                    values.iter().position(|o| o == a) < values.iter().position(|o| o == b)
                });
                Ok(if chosen.is_empty() { None } else { Some(Answer::Many(chosen)) })
            }
            other => Err(wrong_type(id, "a list of strings", other)),
        },
        ItemKind::Scale => match value {
            RawValue::Number(n) => {
                let bound = |v: Option<&&str>| v.and_then(|v| crate::support::num::whole(v)).unwrap_or(0) as i8;
                let (min, max) = (bound(values.first()), bound(values.last()));
                if crate::support::num::fract(*n) == 0.0 && *n >= f64::from(min) && *n <= f64::from(max) {
                    Ok(Some(Answer::Number(*n as i8)))
                } else {
                    Err(AnswerError::new(
                        ErrorCode::InvalidValue,
                        id,
                        [
                            "\"",
                            id,
                            "\" must be a whole number from ",
                            &int(min.into()),
                            " to ",
                            &int(max.into()),
                            "; got ",
                            &fixed(*n, 3),
                            ".",
                        ]
                        .concat(),
                    ))
                }
            }
            other => Err(wrong_type(id, "a whole number", other)),
        },
        ItemKind::Language => match value {
            RawValue::String(text) if is_language_tag(text) => Ok(Some(Answer::Tag(text.clone()))),
            RawValue::String(text) => Err(AnswerError::new(
                ErrorCode::InvalidValue,
                id,
                ["\"", id, "\" must be a language tag such as \"en\" or \"es\"; got \"", text, "\"."].concat(),
            )),
            other => Err(wrong_type(id, "a language tag as a string", other)),
        },
    }
}

fn not_in_list(id: &str, values: &[&str], given: &str) -> AnswerError {
    AnswerError::new(
        ErrorCode::InvalidValue,
        id,
        ["\"", id, "\" must be one of ", &values.join(", "), "; got \"", given, "\"."].concat(),
    )
}

fn wrong_type(id: &str, expected: &str, given: &RawValue) -> AnswerError {
    AnswerError::new(
        ErrorCode::WrongType,
        id,
        ["\"", id, "\" takes ", expected, "; got ", type_name(given), "."].concat(),
    )
}

impl RawAnswers {
    /// The answers object as given: its entries, or what was given instead of an object.
    pub fn from_json(json: Json) -> RawAnswers {
        match json {
            Json::Object(entries) => RawAnswers::Entries(entries),
            other => RawAnswers::NotAnObject(match other {
                Json::Null => "nothing",
                Json::Bool(_) => "a true/false value",
                Json::Number(_) => "a number",
                Json::String(_) => "a string",
                _ => "a list",
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(entries: &[(&str, RawValue)]) -> RawAnswers {
        RawAnswers::Entries(entries.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }
    fn text(s: &str) -> RawValue {
        RawValue::String(s.to_string())
    }

    #[test]
    fn valid_answers_of_every_kind() {
        let answers = Answers::from_raw(&raw(&[
            ("for_whom", text("self")),
            ("substances", RawValue::Array(vec![text("opioids"), text("alcohol"), text("alcohol")])),
            ("auditc_1", RawValue::Number(3.0)),
            ("language", text("es-MX")),
        ]))
        .unwrap();
        assert_eq!(answers.choice(ItemId::ForWhom), Some("self"));
        assert_eq!(answers.get(ItemId::Substances), Some(&Answer::Many(vec!["alcohol", "opioids"])));
        assert_eq!(answers.number(ItemId::AuditC1), Some(3));
        assert_eq!(answers.tag(ItemId::Language), Some("es-MX"));
    }

    #[test]
    fn skipped_and_prefer_not_are_not_answers() {
        let answers = Answers::from_raw(&raw(&[
            ("self_harm", text("prefer_not")),
            ("phq2_1", text("prefer_not")),
            ("barriers", RawValue::Array(vec![text("prefer_not")])),
            ("stage", RawValue::Null),
            ("audience", RawValue::Array(vec![])),
        ]))
        .unwrap();
        assert_eq!(answers.n_answered(), 0);
    }

    #[test]
    fn every_problem_is_reported_with_its_code_and_item() {
        let errors = Answers::from_raw(&raw(&[
            ("favourite_colour", text("blue")),
            ("auditc_1", RawValue::Number(5.0)),
            ("auditc_2", RawValue::Number(1.5)),
            ("auditc_3", text("2")),
            ("substances", text("alcohol")),
            ("stage", text("ready")),
            ("times", RawValue::Array(vec![RawValue::Number(1.0)])),
            ("language", text("not a tag")),
            ("goal", RawValue::Bool(true)),
        ]))
        .unwrap_err();
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.code.as_str(), e.item.as_str())).collect();
        assert_eq!(
            got,
            [
                ("unknown_item", "favourite_colour"),
                ("invalid_value", "auditc_1"),
                ("invalid_value", "auditc_2"),
                ("wrong_type", "auditc_3"),
                ("wrong_type", "substances"),
                ("invalid_value", "stage"),
                ("wrong_type", "times"),
                ("invalid_value", "language"),
                ("wrong_type", "goal"),
            ]
        );
        assert!(errors[1].message.contains("from 0 to 4"), "{}", errors[1].message);
        assert!(errors[5].message.contains("not_sure, thinking"), "{}", errors[5].message);
    }

    #[test]
    fn not_an_object() {
        let errors = Answers::from_raw(&RawAnswers::NotAnObject("a list")).unwrap_err();
        assert_eq!(errors[0].code, ErrorCode::InvalidAnswers);
        assert!(errors[0].message.contains("a list"));
    }
}

//! The result of `evaluate`, in the public shape of screening.md ("Result shape"). Field names
//! here are a contract: add freely, never rename or drop.

use crate::support::prelude::*;
use serde::Serialize;

/// The crate version, reported in every result and questionnaire.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

use super::care::CareLevel;

/// One plain-language sentence and the answered items behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub text: String,
    pub because: Vec<&'static str>,
}

/// A way to reach someone: exactly one of `tel`, `sms` or `url` is set. A text may carry the
/// word to send (`body`: START for the domestic violence hotline, AYUDA for 988 in Spanish).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contact {
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<&'static str>,
}

impl Contact {
    pub fn tel(label: impl Into<String>, number: impl Into<String>) -> Contact {
        Contact { label: label.into(), tel: Some(number.into()), sms: None, url: None, body: None }
    }

    pub fn sms(label: impl Into<String>, number: impl Into<String>) -> Contact {
        Contact { label: label.into(), tel: None, sms: Some(number.into()), url: None, body: None }
    }

    pub fn url(label: impl Into<String>, url: impl Into<String>) -> Contact {
        Contact { label: label.into(), tel: None, sms: None, url: Some(url.into()), body: None }
    }

    /// The link for this contact: `tel:`, `sms:` (with `?body=` when it has a word to send) or
    /// an http(s) page; `None` for anything else.
    pub fn href(&self) -> Option<String> {
        match (&self.tel, &self.sms, &self.url) {
            (Some(tel), _, _) => Some(["tel:", tel].concat()),
            (_, Some(sms), _) => Some(match self.body {
                Some(body) => ["sms:", sms, "?body=", body].concat(),
                None => ["sms:", sms].concat(),
            }),
            (_, _, Some(url)) if url.starts_with("https://") || url.starts_with("http://") => Some(url.clone()),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    /// What to do, in order (empty for most notices).
    pub steps: Vec<&'static str>,
    pub contacts: Vec<Contact>,
    pub because: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Care {
    pub level: CareLevel,
    pub title: &'static str,
    pub text: &'static str,
    pub reasons: Vec<Reason>,
}

/// A plain link to an organization's finder; `url` may be `tel:`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub label: &'static str,
    pub url: &'static str,
}

/// A suggested group type or aftercare option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub id: &'static str,
    pub name: &'static str,
    /// Points of fit, uncapped, comparable within one list only.
    pub score: u16,
    pub text: &'static str,
    pub reasons: Vec<Reason>,
    /// Where to find one when the center lists none.
    pub find: Vec<Link>,
}

/// The questionnaire as any UI needs it: items in order, their labels in one language, and the
/// skip logic as data.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionnaireOut {
    pub version: &'static str,
    pub lang: &'static str,
    pub sections: Vec<SectionOut>,
    pub items: Vec<ItemOut>,
    /// The label of the "prefer not to say" answer every item accepts.
    pub prefer_not: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct SectionOut {
    pub id: &'static str,
    pub title: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct ItemOut {
    pub id: &'static str,
    /// `single`, `multi`, `scale` or `language`.
    pub kind: &'static str,
    pub section: &'static str,
    pub text: &'static str,
    pub help: Option<&'static str>,
    pub options: Vec<OptionOut>,
    pub sensitive: bool,
    pub optional: bool,
    /// `self`, `loved_one`, or both.
    pub paths: Vec<&'static str>,
    pub show_when: &'static super::cond::Cond,
}

#[derive(Clone, Debug, Serialize)]
pub struct OptionOut {
    pub value: OptionValue,
    pub label: &'static str,
}

/// Scale values are numbers; all others are strings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum OptionValue {
    Text(&'static str),
    Number(i8),
}

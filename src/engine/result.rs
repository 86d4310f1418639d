//! The result of `evaluate`, in the public shape of screening.md ("Result shape"). Field names
//! here are a contract: add freely, never rename or drop.

use super::json_text::{WriteJson, Writer};
use crate::prelude::*;

use super::care::CareLevel;
use super::profile::Level;
use super::scores::{DependenceBand, ScaleScore, Severity};

/// One plain-language sentence and the answered items behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub text: String,
    pub because: Vec<&'static str>,
}

/// A way to reach someone: exactly one of `tel`, `sms` or `url` is set. A text may carry the
/// word to send (`body`: START for the domestic violence hotline, AYUDA for 988 in Spanish).
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    pub label: String,
    pub tel: Option<String>,
    pub sms: Option<String>,
    pub url: Option<String>,
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
            (Some(tel), _, _) => Some(cat(&["tel:", tel])),
            (_, Some(sms), _) => Some(match self.body {
                Some(body) => cat(&["sms:", sms, "?body=", body]),
                None => cat(&["sms:", sms]),
            }),
            (_, _, Some(url)) if url.starts_with("https://") || url.starts_with("http://") => Some(url.clone()),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    /// What to do, in order (empty for most notices).
    pub steps: Vec<&'static str>,
    pub contacts: Vec<Contact>,
    pub because: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Care {
    pub level: CareLevel,
    pub title: &'static str,
    pub text: &'static str,
    pub reasons: Vec<Reason>,
}

/// A plain link to an organization's finder; `url` may be `tel:`.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub label: &'static str,
    pub url: &'static str,
}

/// A suggested group type or aftercare option.
#[derive(Clone, Debug, PartialEq)]
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

/// A center program or local meeting matched to the visitor: the resource's own fields
/// (`id`, `name`, `kind`, schedule, address, ...) with its score, reasons and next meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalMatch {
    pub resource: alloc::sync::Arc<super::config::Resource>,
    /// Points of fit, uncapped, comparable within this list only.
    pub score: u16,
    pub reasons: Vec<Reason>,
    /// When it next meets, from the visitor's weekday and time (when given).
    pub next: Option<NextMeeting>,
    /// Kilometres from the visitor, only after they pressed "near me".
    pub distance_km: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextMeeting {
    /// 0 = Sunday .. 6 = Saturday.
    pub day: u8,
    /// Minutes since midnight.
    pub start: u16,
    pub in_minutes: u32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AuditC {
    pub score: u8,
    pub max: u8,
    pub positive: bool,
    pub complete: bool,
    /// 8..12, the highest-risk band.
    pub high_risk: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DependenceOut {
    pub count: u8,
    pub band: DependenceBand,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReadinessOut {
    pub importance: Option<i8>,
    pub confidence: Option<i8>,
}

/// Screens not answered at all are `null`; BARC-10 is `null` unless all ten were answered.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoresOut {
    pub auditc: Option<AuditC>,
    pub phq2: Option<ScaleScore>,
    pub gad2: Option<ScaleScore>,
    pub dependence: DependenceOut,
    pub use_severity: Severity,
    pub barc10: Option<ScaleScore>,
    pub readiness: ReadinessOut,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DomainOut {
    pub id: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub reasons: Vec<Reason>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProfileOut {
    pub domains: Vec<DomainOut>,
}

/// Everything `evaluate` returns.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub version: &'static str,
    pub lang: &'static str,
    pub urgent: Vec<Notice>,
    pub care: Care,
    pub groups: Vec<Suggestion>,
    pub aftercare: Vec<Suggestion>,
    pub local: Vec<LocalMatch>,
    pub scores: ScoresOut,
    pub profile: ProfileOut,
    /// "This is not a diagnosis", in plain words.
    pub not_diagnosis: &'static str,
    /// How to reach the center (and, without a configured center, the national helpline).
    pub contacts: Vec<Contact>,
}

/// The questionnaire as any UI needs it: items in order, their labels in one language, and the
/// skip logic as data.
#[derive(Clone, Debug)]
pub struct QuestionnaireOut {
    pub version: &'static str,
    pub lang: &'static str,
    pub sections: Vec<SectionOut>,
    pub items: Vec<ItemOut>,
    /// The label of the "prefer not to say" answer every item accepts.
    pub prefer_not: &'static str,
}

#[derive(Clone, Debug)]
pub struct SectionOut {
    pub id: &'static str,
    pub title: &'static str,
}

#[derive(Clone, Debug)]
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

#[derive(Clone, Debug)]
pub struct OptionOut {
    pub value: OptionValue,
    pub label: &'static str,
}

/// Scale values are numbers; all others are strings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OptionValue {
    Text(&'static str),
    Number(i8),
}

// JSON output, field by field. Optional fields of `Contact` are left out when empty; every
// other `Option` is written as `null`, as JavaScript callers expect from the contract.

fn list<T: WriteJson>(w: &mut Writer, items: &[T]) {
    w.begin_array();
    items.iter().for_each(|item| item.write_json(w));
    w.end_array();
}

fn strs(w: &mut Writer, items: &[&str]) {
    w.begin_array();
    items.iter().for_each(|item| w.str(item));
    w.end_array();
}

fn opt<T: WriteJson>(w: &mut Writer, value: Option<&T>) {
    match value {
        Some(value) => value.write_json(w),
        None => w.null(),
    }
}

fn opt_int(w: &mut Writer, value: Option<i64>) {
    match value {
        Some(n) => w.int(n),
        None => w.null(),
    }
}

impl WriteJson for Reason {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("text").str(&self.text);
        strs(w.key("because"), &self.because);
        w.end_object();
    }
}

impl WriteJson for Contact {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("label").str(&self.label);
        for (key, value) in [("tel", &self.tel), ("sms", &self.sms), ("url", &self.url)] {
            if let Some(value) = value {
                w.key(key).str(value);
            }
        }
        if let Some(body) = self.body {
            w.key("body").str(body);
        }
        w.end_object();
    }
}

impl WriteJson for Notice {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("id").str(self.id);
        w.key("title").str(self.title);
        w.key("text").str(self.text);
        strs(w.key("steps"), &self.steps);
        list(w.key("contacts"), &self.contacts);
        strs(w.key("because"), &self.because);
        w.end_object();
    }
}

impl WriteJson for Care {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("level").str(self.level.as_str());
        w.key("title").str(self.title);
        w.key("text").str(self.text);
        list(w.key("reasons"), &self.reasons);
        w.end_object();
    }
}

impl WriteJson for Link {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("label").str(self.label);
        w.key("url").str(self.url);
        w.end_object();
    }
}

impl WriteJson for Suggestion {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("id").str(self.id);
        w.key("name").str(self.name);
        w.key("score").int(i64::from(self.score));
        w.key("text").str(self.text);
        list(w.key("reasons"), &self.reasons);
        list(w.key("find"), &self.find);
        w.end_object();
    }
}

impl WriteJson for LocalMatch {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        self.resource.write_fields(w);
        w.key("score").int(i64::from(self.score));
        list(w.key("reasons"), &self.reasons);
        opt(w.key("next"), self.next.as_ref());
        match self.distance_km {
            Some(km) => w.key("distance_km").fixed(km, 1),
            None => w.key("distance_km").null(),
        }
        w.end_object();
    }
}

impl WriteJson for NextMeeting {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("day").int(i64::from(self.day));
        w.key("start").int(i64::from(self.start));
        w.key("in_minutes").int(i64::from(self.in_minutes));
        w.end_object();
    }
}

/// The fields every screening score has.
fn scale_fields(w: &mut Writer, score: u8, max: u8, positive: bool, complete: bool) {
    w.key("score").int(i64::from(score));
    w.key("max").int(i64::from(max));
    w.key("positive").bool(positive);
    w.key("complete").bool(complete);
}

impl WriteJson for AuditC {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        scale_fields(w, self.score, self.max, self.positive, self.complete);
        w.key("high_risk").bool(self.high_risk);
        w.end_object();
    }
}

impl WriteJson for ScaleScore {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        scale_fields(w, self.score, self.max, self.positive, self.complete);
        w.end_object();
    }
}

impl WriteJson for ScoresOut {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        opt(w.key("auditc"), self.auditc.as_ref());
        opt(w.key("phq2"), self.phq2.as_ref());
        opt(w.key("gad2"), self.gad2.as_ref());
        w.key("dependence");
        w.begin_object();
        w.key("count").int(i64::from(self.dependence.count));
        w.key("band").str(self.dependence.band.as_str());
        w.end_object();
        w.key("use_severity").str(self.use_severity.as_str());
        opt(w.key("barc10"), self.barc10.as_ref());
        w.key("readiness");
        w.begin_object();
        opt_int(w.key("importance"), self.readiness.importance.map(i64::from));
        opt_int(w.key("confidence"), self.readiness.confidence.map(i64::from));
        w.end_object();
        w.end_object();
    }
}

impl WriteJson for DomainOut {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("id").str(self.id);
        w.key("name").str(self.name);
        w.key("level").str(self.level.as_str());
        list(w.key("reasons"), &self.reasons);
        w.end_object();
    }
}

impl WriteJson for Evaluation {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("version").str(self.version);
        w.key("lang").str(self.lang);
        list(w.key("urgent"), &self.urgent);
        self.care.write_json(w.key("care"));
        list(w.key("groups"), &self.groups);
        list(w.key("aftercare"), &self.aftercare);
        list(w.key("local"), &self.local);
        self.scores.write_json(w.key("scores"));
        w.key("profile");
        w.begin_object();
        list(w.key("domains"), &self.profile.domains);
        w.end_object();
        w.key("not_diagnosis").str(self.not_diagnosis);
        list(w.key("contacts"), &self.contacts);
        w.end_object();
    }
}

impl WriteJson for QuestionnaireOut {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("version").str(self.version);
        w.key("lang").str(self.lang);
        w.key("sections");
        w.begin_array();
        for section in &self.sections {
            w.begin_object();
            w.key("id").str(section.id);
            w.key("title").str(section.title);
            w.end_object();
        }
        w.end_array();
        list(w.key("items"), &self.items);
        w.key("prefer_not").str(self.prefer_not);
        w.end_object();
    }
}

impl WriteJson for ItemOut {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.key("id").str(self.id);
        w.key("kind").str(self.kind);
        w.key("section").str(self.section);
        w.key("text").str(self.text);
        match self.help {
            Some(help) => w.key("help").str(help),
            None => w.key("help").null(),
        }
        w.key("options");
        w.begin_array();
        for option in &self.options {
            w.begin_object();
            match option.value {
                OptionValue::Text(text) => w.key("value").str(text),
                OptionValue::Number(n) => w.key("value").int(i64::from(n)),
            }
            w.key("label").str(option.label);
            w.end_object();
        }
        w.end_array();
        w.key("sensitive").bool(self.sensitive);
        w.key("optional").bool(self.optional);
        strs(w.key("paths"), &self.paths);
        self.show_when.write_json(w.key("show_when"));
        w.end_object();
    }
}

//! The result of `evaluate`, in the public shape of screening.md ("Result shape"). Field names
//! here are a contract: add freely, never rename or drop.

use serde::ser::{Serialize, Serializer};
use serde::Serialize as DeriveSerialize;

use super::care::CareLevel;
use super::profile::Level;
use super::scores::{DependenceBand, ScaleScore, Severity};

/// One plain-language sentence and the answered items behind it.
#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct Reason {
    pub text: String,
    pub because: Vec<&'static str>,
}

/// A way to reach someone: exactly one of `tel`, `sms` or `url` is set.
#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct Contact {
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct Notice {
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    pub contacts: Vec<Contact>,
    pub because: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct Care {
    pub level: CareLevel,
    pub title: &'static str,
    pub text: &'static str,
    pub reasons: Vec<Reason>,
}

/// A plain link to an organization's finder; `url` may be `tel:`.
#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct Link {
    pub label: &'static str,
    pub url: &'static str,
}

/// A suggested group type or aftercare option.
#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct Suggestion {
    pub id: &'static str,
    pub name: &'static str,
    /// 0..100, comparable within one list only.
    pub score: u8,
    pub text: &'static str,
    pub reasons: Vec<Reason>,
    /// Where to find one when the center lists none.
    pub find: Vec<Link>,
}

/// A center program or local meeting matched to the visitor: the resource's own fields
/// (`id`, `name`, `kind`, schedule, address, ...) with its score, reasons and next meeting.
#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct LocalMatch {
    #[serde(flatten)]
    pub resource: super::config::Resource,
    /// 0..100, comparable within this list only.
    pub score: u8,
    pub reasons: Vec<Reason>,
    /// When it next meets, from the visitor's weekday and time (when given).
    pub next: Option<NextMeeting>,
    /// Kilometres from the visitor, only after they pressed "near me".
    pub distance_km: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, DeriveSerialize)]
pub struct NextMeeting {
    /// 0 = Sunday .. 6 = Saturday.
    pub day: u8,
    /// Minutes since midnight.
    pub start: u16,
    pub in_minutes: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, DeriveSerialize)]
pub struct AuditC {
    pub score: u8,
    pub max: u8,
    pub positive: bool,
    pub complete: bool,
    /// 8..12, the highest-risk band.
    pub high_risk: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, DeriveSerialize)]
pub struct DependenceOut {
    pub count: u8,
    pub band: DependenceBand,
}

#[derive(Clone, Copy, Debug, PartialEq, DeriveSerialize)]
pub struct ReadinessOut {
    pub importance: Option<i8>,
    pub confidence: Option<i8>,
}

/// Screens not answered at all are `null`; BARC-10 is `null` unless all ten were answered.
#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct ScoresOut {
    pub auditc: Option<AuditC>,
    pub phq2: Option<ScaleScore>,
    pub gad2: Option<ScaleScore>,
    pub dependence: DependenceOut,
    pub use_severity: Severity,
    pub barc10: Option<ScaleScore>,
    pub readiness: ReadinessOut,
}

#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct DomainOut {
    pub id: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub reasons: Vec<Reason>,
}

#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
pub struct ProfileOut {
    pub domains: Vec<DomainOut>,
}

/// Everything `evaluate` returns.
#[derive(Clone, Debug, PartialEq, DeriveSerialize)]
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

macro_rules! serialize_as_str {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    )*};
}

serialize_as_str!(CareLevel, Level, Severity, DependenceBand);

impl Serialize for ScaleScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ScaleScore", 4)?;
        st.serialize_field("score", &self.score)?;
        st.serialize_field("max", &self.max)?;
        st.serialize_field("positive", &self.positive)?;
        st.serialize_field("complete", &self.complete)?;
        st.end()
    }
}

/// The questionnaire as any UI needs it: items in order, their labels in one language, and the
/// skip logic as data.
#[derive(Clone, Debug, DeriveSerialize)]
pub struct QuestionnaireOut {
    pub version: &'static str,
    pub lang: &'static str,
    pub sections: Vec<SectionOut>,
    pub items: Vec<ItemOut>,
    /// The label of the "prefer not to say" answer every item accepts.
    pub prefer_not: &'static str,
}

#[derive(Clone, Debug, DeriveSerialize)]
pub struct SectionOut {
    pub id: &'static str,
    pub title: &'static str,
}

#[derive(Clone, Debug, DeriveSerialize)]
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

#[derive(Clone, Debug, DeriveSerialize)]
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

impl Serialize for OptionValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            OptionValue::Text(t) => s.serialize_str(t),
            OptionValue::Number(n) => s.serialize_i8(n),
        }
    }
}

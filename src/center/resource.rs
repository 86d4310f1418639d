//! A center program or a local meeting, as the finder ranks it: from the center's config
//! (`resources`) or a Meeting Guide feed.

use crate::support::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    InPerson,
    Online,
    Hybrid,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::InPerson => "in_person",
            Format::Online => "online",
            Format::Hybrid => "hybrid",
        }
    }
}

/// One weekly meeting time. Minutes since midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Slot {
    /// 0 = Sunday .. 6 = Saturday.
    pub day: u8,
    pub start: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<u16>,
}

/// A center program or a local meeting, as the finder ranks it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Resource {
    pub id: String,
    pub name: String,
    /// A catalog id (group type or aftercare option).
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<Slot>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approach: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessible: Option<bool>,
    /// Meeting Guide type codes, kept as given (known and unknown).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<String>,
    /// The IANA time zone its schedule is in (`America/New_York`); the visitor's own when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Listed in the center's config (`resources`), not a meeting from a feed.
    pub center: bool,
    /// Run by the center itself (`center_program: true`); otherwise only listed by it.
    #[serde(rename = "center_program")]
    pub program: bool,
    /// The center's own translations of its name and description (`i18n`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub i18n: Vec<Translation>,
}

/// A resource's name and description in another language, as the center wrote them.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Translation {
    pub lang: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Resource {
    /// Its name in `lang` when the center translated it, else as written.
    pub fn name_in(&self, lang: &str) -> &str {
        self.translation(lang).and_then(|t| t.name.as_deref()).unwrap_or(&self.name)
    }

    /// Its description in `lang` when the center translated it, else as written.
    pub fn description_in(&self, lang: &str) -> Option<&str> {
        self.translation(lang).and_then(|t| t.description.as_deref()).or(self.description.as_deref())
    }

    fn translation(&self, lang: &str) -> Option<&Translation> {
        // `es` serves `es-MX` and the reverse: the primary language decides.
        let lang = crate::strings::primary(lang);
        self.i18n.iter().find(|t| crate::strings::primary(&t.lang) == lang)
    }
}

pub const FORMATS: [&str; 3] = ["in_person", "online", "hybrid"];
pub const AUDIENCES: [&str; 6] = ["women", "men", "lgbtq", "young_adults", "veterans", "family"];
pub const APPROACHES: [&str; 4] = ["spiritual", "secular", "faith", "mindfulness"];
pub const COSTS: [&str; 3] = ["free", "sliding_scale", "insurance"];

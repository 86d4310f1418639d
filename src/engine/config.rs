//! The center's configuration (`shared/spec/center-config.md`), checked in one pass that keeps
//! everything it can use and reports every problem with its exact field path
//! (`resources[3].schedule[0].start`) in one plain sentence.
//!
//! Rules: a resource missing its id, name or kind (or with a duplicate id) is left out; a bad
//! optional field is dropped and the resource kept; unknown fields are warnings (centers' files
//! grow); links keep only `https:`, `http:`, `tel:`, `sms:` and `mailto:`. Nothing here fails:
//! a visitor always gets a working widget.

use super::catalog::CATALOG;
use super::json::Json;
use super::json_text::{fixed, int};
use super::meeting_guide;
use super::options::Center;
use super::questionnaire::is_language_tag;
use crate::prelude::*;
use alloc::sync::Arc;

/// A problem's sentence (and its path), built only with the `explain` feature. The widget's
/// module is built without it: it keeps what it can use and counts the problems, and the page
/// loads the scoring API module (built with `explain`) to write them out only when there is one. The sentences
/// are for the center's web person, never the visitor, so a visitor of a well-configured center
/// downloads none of them (-2 KB gzip).
macro_rules! explain {
    ($message:expr) => {{
        #[cfg(feature = "explain")]
        let message: String = $message;
        // Never called: the sentence's code and text are left out of the module.
        #[cfg(not(feature = "explain"))]
        let message = {
            let _ = || -> String { $message };
            String::new()
        };
        message
    }};
}
pub(crate) use explain;

/// At most this many resources (center resources and meetings together) are read.
pub const MAX_RESOURCES: usize = 10_000;
/// At most this much config text is read (checked where the text is read: the page shell and
/// `check-config`).
pub const MAX_CONFIG_BYTES: usize = 2 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
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

/// One problem in the config.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub level: Level,
    /// Where: `resources[3].schedule[0].start`.
    pub path: String,
    /// What is wrong, in one sentence.
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    InPerson,
    Online,
    Hybrid,
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
}

/// What the widget uses from a center's config.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CenterConfig {
    pub center: Center,
    pub quick_exit_url: Option<String>,
    pub languages: Vec<String>,
    pub hide: Vec<String>,
    /// Shared (`Arc`): a result's local matches point at the same resources, uncopied.
    pub resources: Vec<Arc<Resource>>,
    pub meeting_guide_url: Option<String>,
}

/// The config as far as it is usable, and every problem found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub config: CenterConfig,
    pub problems: Vec<Problem>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.level == Level::Error).count()
    }
}

pub const AUDIENCES: [&str; 6] = ["women", "men", "lgbtq", "young_adults", "veterans", "family"];
pub const APPROACHES: [&str; 4] = ["spiritual", "secular", "faith", "mindfulness"];
pub const COSTS: [&str; 3] = ["free", "sliding_scale", "insurance"];
const LINK_SCHEMES: [&str; 5] = ["https:", "http:", "tel:", "sms:", "mailto:"];

const ROOT_FIELDS: [&str; 7] =
    ["center", "quick_exit_url", "languages", "hide", "resources", "meeting_guide", "meeting_guide_url"];
const CENTER_FIELDS: [&str; 6] = ["name", "phone", "text", "crisis_phone", "url", "hours"];
const RESOURCE_FIELDS: [&str; 17] = [
    "id",
    "name",
    "kind",
    "description",
    "format",
    "schedule",
    "languages",
    "audience",
    "approach",
    "address",
    "lat",
    "lon",
    "url",
    "phone",
    "cost",
    "accessible",
    "center_program",
];

/// Collects problems while reading; every reader takes the path of what it reads.
#[derive(Default)]
pub struct Checker {
    pub problems: Vec<Problem>,
}

impl Checker {
    pub fn error(&mut self, path: &str, message: String) {
        self.problems.push(Problem { level: Level::Error, path: explain!(path.to_string()), message });
    }

    pub fn warn(&mut self, path: &str, message: String) {
        self.problems.push(Problem { level: Level::Warning, path: explain!(path.to_string()), message });
    }

    /// Warns about every field of `object` not in `known`.
    pub fn unknown_fields(&mut self, object: &Json, known: &[&str], path: &str) {
        if let Json::Object(entries) = object {
            for (key, _) in entries {
                if !known.contains(&key.as_str()) {
                    self.warn(
                        &join(path, key),
                        explain!(cat(&["\"", &key, "\" is not a field the widget knows; it is ignored."])),
                    );
                }
            }
        }
    }

    /// A text field; wrong types are reported and give `None`. Empty text counts as missing.
    pub fn text(&mut self, object: &Json, key: &str, path: &str) -> Option<String> {
        match object.get(key)? {
            Json::String(s) if s.trim_ascii().is_empty() => None,
            Json::String(s) => Some(s.trim_ascii().to_string()),
            Json::Null => None,
            other => {
                self.error(&join(path, key), explain!(cat(&["must be text, not ", &other.kind(), "."])));
                None
            }
        }
    }

    /// A text field that must be there; missing, `null` and empty are reported.
    pub fn required_text(&mut self, object: &Json, key: &str, path: &str) -> Option<String> {
        match object.get(key) {
            None | Some(Json::Null) => {
                self.error(
                    &join(path, key),
                    explain!(cat(&["is required: give the ", &key.replace('_', " "), " as text."])),
                );
                None
            }
            Some(Json::String(s)) if s.trim_ascii().is_empty() => {
                self.error(
                    &join(path, key),
                    explain!(cat(&["is empty: give the ", &key.replace('_', " "), " as text."])),
                );
                None
            }
            Some(_) => self.text(object, key, path),
        }
    }

    /// One of `allowed`, as the table's `&'static str`.
    pub fn one_of(&mut self, object: &Json, key: &str, allowed: &[&'static str], path: &str) -> Option<&'static str> {
        let value = self.text(object, key, path)?;
        match allowed.iter().find(|a| **a == value) {
            Some(a) => Some(a),
            None => {
                self.error(
                    &join(path, key),
                    explain!(cat(&["\"", &value, "\" is not one of: ", &crate::prelude::join(allowed, ", "), "."])),
                );
                None
            }
        }
    }

    /// A link with an allowed scheme; anything else is dropped and reported.
    pub fn link(&mut self, object: &Json, key: &str, path: &str) -> Option<String> {
        let value = self.text(object, key, path)?;
        if is_safe_link(&value) {
            Some(value)
        } else {
            self.error(
                &join(path, key),
                explain!(cat(&[
                    "\"",
                    &shorten(&value),
                    "\" is not a link the widget can show (use https:, http:, tel:, sms: or mailto:); it was dropped."
                ])),
            );
            None
        }
    }

    /// A phone number, kept as written when it reads as one.
    pub fn phone(&mut self, object: &Json, key: &str, path: &str) -> Option<String> {
        let value = self.text(object, key, path)?;
        if super::tel_number(&value).is_some() {
            Some(value)
        } else {
            self.error(&join(path, key), explain!(cat(&["\"", &shorten(&value), "\" is not a phone number (digits, spaces, dashes, dots, brackets and a leading +); it was dropped."])));
            None
        }
    }

    pub fn number(&mut self, object: &Json, key: &str, range: (f64, f64), path: &str) -> Option<f64> {
        match object.get(key)? {
            Json::Number(n) if *n >= range.0 && *n <= range.1 => Some(*n),
            Json::Number(n) => {
                self.error(
                    &join(path, key),
                    explain!(cat(&[
                        &fixed(*n, 6),
                        " is out of range: it must be from ",
                        &fixed(range.0, 0),
                        " to ",
                        &fixed(range.1, 0),
                        "."
                    ])),
                );
                None
            }
            Json::Null => None,
            other => {
                self.error(&join(path, key), explain!(cat(&["must be a number, not ", &other.kind(), "."])));
                None
            }
        }
    }

    pub fn boolean(&mut self, object: &Json, key: &str, path: &str) -> Option<bool> {
        match object.get(key)? {
            Json::Bool(b) => Some(*b),
            Json::Null => None,
            other => {
                self.error(&join(path, key), explain!(cat(&["must be true or false, not ", &other.kind(), "."])));
                None
            }
        }
    }

    /// A list; a single value where a list is expected is reported.
    pub fn list<'a>(&mut self, object: &'a Json, key: &str, path: &str) -> &'a [Json] {
        match object.get(key) {
            Some(Json::Array(items)) => items,
            None | Some(Json::Null) => &[],
            Some(other) => {
                self.error(&join(path, key), explain!(cat(&["must be a list, not ", &other.kind(), "."])));
                &[]
            }
        }
    }

    /// A list of language tags.
    pub fn languages(&mut self, object: &Json, key: &str, path: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.list(object, key, path).iter().enumerate() {
            let at = index(&join(path, key), i);
            match item {
                Json::String(tag) if is_language_tag(tag) => out.push(tag.clone()),
                Json::String(tag) => self.error(
                    &at,
                    explain!(cat(&["\"", &shorten(tag), "\" is not a language tag such as \"en\" or \"es\"."])),
                ),
                other => self.error(&at, explain!(cat(&["must be a language tag as text, not ", &other.kind(), "."]))),
            }
        }
        out
    }
}

/// `path.key`, or `key` at the root. A path, like a message, only names a problem in its
/// sentence, so without the `explain` feature (the widget, which counts problems) it is empty.
pub fn join(path: &str, key: &str) -> String {
    explain!(if path.is_empty() { key.to_string() } else { cat(&[path, ".", key]) })
}

/// `path[i]`; empty without the `explain` feature, as `join`.
pub fn index(path: &str, i: usize) -> String {
    explain!(cat(&[path, "[", &int(i as i64), "]"]))
}

/// Long values are cut in messages, so one bad line cannot flood the console.
fn shorten(value: &str) -> String {
    let mut chars = value.chars();
    let short: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        cat(&[short.as_str(), "…"])
    } else {
        short
    }
}

/// Whether a link may be shown: one of the allowed schemes, or a path on the same site
/// (`/contact`, `meetings.json`: no scheme, not `//host`); no spaces or control characters.
pub fn is_safe_link(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let before_path = cut(value, b"/?#").0;
    let relative = !value.is_empty()
        && !before_path.bytes().any(|b| b == b':')
        && !value.starts_with("//")
        && !value.starts_with('\\');
    // No space or control character (C0, DEL, and C1, which UTF-8 writes as C2 80..C2 9F).
    !value.bytes().any(|b| b <= b' ' || b == 0x7f)
        && !value.as_bytes().windows(2).any(|w| w[0] == 0xc2 && w[1] < 0xa0)
        && (LINK_SCHEMES.iter().any(|s| lower.starts_with(*s) && lower.len() > s.len()) || relative)
}

/// "19:00" (or "7:00", or "19:00:00" as Meeting Guide feeds write it) as minutes since midnight.
pub fn parse_time(value: &str) -> Option<u16> {
    let mut parts = pieces(value, b':');
    let hours = super::num::digits(parts.next()?)?;
    let minutes_text = parts.next()?;
    if minutes_text.len() != 2 {
        return None;
    }
    let minutes = super::num::digits(minutes_text)?;
    match parts.next() {
        None => {}
        Some(seconds) if seconds.len() == 2 && super::num::digits(seconds).is_some_and(|s| s < 60) => {}
        Some(_) => return None,
    }
    // `then`, not `then_some`: the sum must not be worked out for hours past 23 (it overflows
    // for "9999:00"; found by fuzzing, corpus/meeting_guide/huge-hour.json).
    (parts.next().is_none() && hours < 24 && minutes < 60).then(|| (hours * 60 + minutes) as u16)
}

/// Where the quick exit goes when the center names no usable page: a plain weather page.
pub const DEFAULT_QUICK_EXIT: &str = "https://www.weather.gov/";

impl Checked {
    /// Adds the meetings of a Meeting Guide feed fetched from `meeting_guide_url`, checked the
    /// same way (problems name `meeting_guide_url[i].field`).
    pub fn add_feed(&mut self, feed: &Json) {
        let mut checker = Checker::default();
        let mut seen: Vec<String> = self.config.resources.iter().map(|r| r.id.clone()).collect();
        let room = MAX_RESOURCES.saturating_sub(self.config.resources.len());
        match feed {
            Json::Array(meetings) => {
                let found = meeting_guide::read_feed(meetings, "meeting_guide_url", room, &mut seen, &mut checker);
                self.config.resources.extend(found);
            }
            other => checker.error(
                "meeting_guide_url",
                explain!(cat(&["the feed must be a list of meetings, not ", &other.kind(), "."])),
            ),
        }
        self.problems.extend(checker.problems);
    }

    /// Where the quick exit goes.
    pub fn quick_exit_url(&self) -> String {
        self.config.quick_exit_url.clone().unwrap_or_else(|| DEFAULT_QUICK_EXIT.to_string())
    }
}

/// Checks the whole config.
pub fn check(json: &Json) -> Checked {
    let mut checker = Checker::default();
    let config = read_config(json, &mut checker);
    Checked { config, problems: checker.problems }
}

fn read_config(json: &Json, c: &mut Checker) -> CenterConfig {
    let mut config = CenterConfig::default();
    if !matches!(json, Json::Object(_)) {
        c.error("", explain!(cat(&["The config must be a JSON object, not ", &json.kind(), "."])));
        return config;
    }
    c.unknown_fields(json, &ROOT_FIELDS, "");
    match json.get("center") {
        Some(center @ Json::Object(_)) => {
            c.unknown_fields(center, &CENTER_FIELDS, "center");
            config.center = Center {
                name: c.required_text(center, "name", "center"),
                phone: c.phone(center, "phone", "center"),
                text: c.phone(center, "text", "center"),
                crisis_phone: c.phone(center, "crisis_phone", "center"),
                url: c.link(center, "url", "center"),
                hours: c.text(center, "hours", "center"),
            };
        }
        None | Some(Json::Null) => {
            c.error("center", explain!("is required: an object with at least the center's \"name\".".into()))
        }
        Some(other) => c.error("center", explain!(cat(&["must be an object, not ", &other.kind(), "."]))),
    }
    config.quick_exit_url = c.text(json, "quick_exit_url", "").and_then(|url| {
        let lower = url.to_ascii_lowercase();
        if (lower.starts_with("https://") || lower.starts_with("http://")) && is_safe_link(&url) {
            Some(url)
        } else {
            c.error(
                "quick_exit_url",
                explain!(cat(&[
                    "\"",
                    &shorten(&url),
                    "\" must be a web address starting with https://; the default safe page is used."
                ])),
            );
            None
        }
    });
    config.languages = c.languages(json, "languages", "");
    for (i, item) in c.list(json, "hide", "").iter().enumerate() {
        match item {
            Json::String(id) if CATALOG.iter().any(|e| e.id == id) => config.hide.push(id.clone()),
            Json::String(id) => c.error(
                &index("hide", i),
                explain!(cat(&["\"", &shorten(id), "\" is not a group type or care option id (see catalog.md)."])),
            ),
            other => {
                c.error(&index("hide", i), explain!(cat(&["must be a catalog id as text, not ", &other.kind(), "."])))
            }
        }
    }
    let resources = c.list(json, "resources", "");
    let mut seen: Vec<String> = Vec::new();
    for (i, item) in resources.iter().enumerate() {
        let path = index("resources", i);
        if config.resources.len() >= MAX_RESOURCES {
            c.error(
                "resources",
                explain!(cat(&[
                    "has ",
                    &int(resources.len() as i64),
                    " entries; only the first ",
                    &int(MAX_RESOURCES as i64),
                    " are read."
                ])),
            );
            break;
        }
        if let Some(resource) = read_resource(item, &path, &mut seen, c) {
            config.resources.push(Arc::new(resource));
        }
    }
    let meetings = c.list(json, "meeting_guide", "");
    let room = MAX_RESOURCES.saturating_sub(config.resources.len());
    config.resources.extend(meeting_guide::read_feed(meetings, "meeting_guide", room, &mut seen, c));
    config.meeting_guide_url = c.text(json, "meeting_guide_url", "").and_then(|url| {
        if is_safe_link(&url) && !url.starts_with("tel:") && !url.starts_with("sms:") && !url.starts_with("mailto:") {
            Some(url)
        } else {
            c.error(
                "meeting_guide_url",
                explain!(cat(&["\"", &shorten(&url), "\" must be a path on this site, such as /meetings.json."])),
            );
            None
        }
    });
    config
}

/// A center resource, or `None` (with the reasons reported) when it cannot be shown.
fn read_resource(item: &Json, path: &str, seen: &mut Vec<String>, c: &mut Checker) -> Option<Resource> {
    if !matches!(item, Json::Object(_)) {
        c.error(path, explain!(cat(&["must be an object, not ", &item.kind(), "; this resource is left out."])));
        return None;
    }
    c.unknown_fields(item, &RESOURCE_FIELDS, path);
    let id = c.required_text(item, "id", path);
    let name = c.required_text(item, "name", path);
    let kind = c.required_text(item, "kind", path).and_then(|kind| match CATALOG.iter().find(|e| e.id == kind) {
        Some(entry) => Some(entry.id),
        None => {
            c.error(
                &join(path, "kind"),
                explain!(cat(&["\"", &shorten(&kind), "\" is not a group type or care option id (see catalog.md)."])),
            );
            None
        }
    });
    let mut resource = Resource {
        description: c.text(item, "description", path),
        format: c.one_of(item, "format", &["in_person", "online", "hybrid"], path).map(|f| match f {
            "online" => Format::Online,
            "hybrid" => Format::Hybrid,
            _ => Format::InPerson,
        }),
        schedule: read_schedule(item, path, c),
        languages: c.languages(item, "languages", path),
        approach: c.one_of(item, "approach", &APPROACHES, path),
        address: c.text(item, "address", path),
        lat: c.number(item, "lat", (-90.0, 90.0), path),
        lon: c.number(item, "lon", (-180.0, 180.0), path),
        url: c.link(item, "url", path),
        phone: c.phone(item, "phone", path),
        cost: c.one_of(item, "cost", &COSTS, path),
        accessible: c.boolean(item, "accessible", path),
        center: true,
        program: c.boolean(item, "center_program", path).unwrap_or(false),
        ..Resource::default()
    };
    for (i, value) in c.list(item, "audience", path).iter().enumerate() {
        let at = index(&join(path, "audience"), i);
        match value.as_str().and_then(|v| AUDIENCES.iter().find(|a| **a == v)) {
            Some(a) => resource.audience.push(a),
            None => c.error(&at, explain!(cat(&["must be one of: ", &crate::prelude::join(&AUDIENCES, ", "), "."]))),
        }
    }
    let (id, name, kind) = (id?, name?, kind?);
    if seen.contains(&id) {
        c.error(
            &join(path, "id"),
            explain!(cat(&[
                "\"",
                &shorten(&id),
                "\" is used by another resource; ids must be unique, so this one is left out."
            ])),
        );
        return None;
    }
    seen.push(id.clone());
    resource.id = id;
    resource.name = name;
    resource.kind = kind;
    Some(resource)
}

fn read_schedule(item: &Json, path: &str, c: &mut Checker) -> Vec<Slot> {
    let mut slots = Vec::new();
    let schedule_path = join(path, "schedule");
    for (i, entry) in c.list(item, "schedule", path).iter().enumerate() {
        let at = index(&schedule_path, i);
        if !matches!(entry, Json::Object(_)) {
            c.error(&at, explain!(cat(&["must be an object with day, start and end, not ", &entry.kind(), "."])));
            continue;
        }
        c.unknown_fields(entry, &["day", "start", "end"], &at);
        let day = match entry.get("day") {
            Some(Json::Number(n)) if super::num::fract(*n) == 0.0 && (0.0..=6.0).contains(n) => Some(*n as u8),
            Some(Json::Number(n)) => {
                c.error(
                    &join(&at, "day"),
                    explain!(cat(&[&fixed(*n, 3), " is not a day: use 0 (Sunday) to 6 (Saturday)."])),
                );
                None
            }
            Some(other) => {
                c.error(
                    &join(&at, "day"),
                    explain!(cat(&["must be a number from 0 (Sunday) to 6 (Saturday), not ", &other.kind(), "."])),
                );
                None
            }
            None => {
                c.error(&join(&at, "day"), explain!("is required: 0 (Sunday) to 6 (Saturday).".into()));
                None
            }
        };
        let mut time = |key: &str, required: bool| -> Option<u16> {
            match entry.get(key) {
                Some(Json::String(t)) => parse_time(t).or_else(|| {
                    c.error(
                        &join(&at, key),
                        explain!(cat(&[
                            "\"",
                            &shorten(t),
                            "\" is not a time: use 24-hour \"HH:MM\", such as \"19:00\"."
                        ])),
                    );
                    None
                }),
                Some(other) => {
                    c.error(
                        &join(&at, key),
                        explain!(cat(&["must be a time as text, such as \"19:00\", not ", &other.kind(), "."])),
                    );
                    None
                }
                None => {
                    if required {
                        c.error(&join(&at, key), explain!("is required: a 24-hour time such as \"19:00\".".into()));
                    }
                    None
                }
            }
        };
        let start = time("start", true);
        let end = time("end", false);
        if let (Some(day), Some(start)) = (day, start) {
            slots.push(Slot { day, start, end });
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        serde_json::from_str::<Json>(text).unwrap()
    }

    fn problems(text: &str) -> Vec<(String, String)> {
        check(&json(text)).problems.into_iter().map(|p| (p.path, p.message)).collect()
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("19:00"), Some(1140));
        assert_eq!(parse_time("7:05"), Some(425));
        assert_eq!(parse_time("19:00:00"), Some(1140));
        for bad in ["24:00", "19:60", "7pm", "19", "19:0", "", "19:00:99", "1:2:3:4", "9999:00", "65535:59"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn links() {
        for good in [
            "https://a.example/x",
            "http://a.example",
            "tel:+15550100",
            "sms:988",
            "mailto:help@a.example",
            "/contact",
            "meetings.json",
            "feeds/a.json?v=2",
        ] {
            assert!(is_safe_link(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,hi",
            "vbscript:x",
            "//evil.example",
            "\\\\evil.example",
            "https://a b",
            "https:",
            "ftp://x",
            "",
        ] {
            assert!(!is_safe_link(bad), "{bad}");
        }
        // Control characters anywhere, C1 ones included; other non-ASCII text is fine.
        for bad in ["https://a.example/\u{7f}", "https://a.example/\u{85}x", "https://a.example/\u{9f}", "https://a\nb"]
        {
            assert!(!is_safe_link(bad), "{bad:?}");
        }
        assert!(is_safe_link("https://a.example/café?q=¡sí!"));
    }

    /// One resource with one field changed from a good base.
    fn with_resource(field: &str) -> String {
        format!(
            r#"{{"center": {{"name": "Harbor"}}, "resources": [{{"id": "r1", "name": "Alumni", "kind": "alumni_group", {field}}}]}}"#
        )
    }

    /// Each kind of mistake: the path it names and words its message must hold.
    #[test]
    fn each_mistake_names_its_field() {
        let cases: Vec<(String, &str, &str)> = vec![
            (r#"{}"#.into(), "center", "is required"),
            (r#"{"center": {"phone": "555"}}"#.into(), "center.name", "is required"),
            (r#"{"center": {"name": ""}}"#.into(), "center.name", "is empty"),
            (r#"{"center": "Harbor"}"#.into(), "center", "must be an object, not text"),
            (r#"{"center": {"name": "H", "phone": "call us"}}"#.into(), "center.phone", "not a phone number"),
            (r#"{"center": {"name": "H", "url": "javascript:alert(1)"}}"#.into(), "center.url", "dropped"),
            (r#"{"center": {"name": "H"}, "quick_exit_url": "ftp://x"}"#.into(), "quick_exit_url", "https://"),
            (r#"{"center": {"name": "H"}, "languages": ["en", "english please"]}"#.into(), "languages[1]", "not a language tag"),
            (r#"{"center": {"name": "H"}, "hide": ["moderation"]}"#.into(), "hide[0]", "not a group type"),
            (r#"{"center": {"name": "H"}, "colour": "teal"}"#.into(), "colour", "ignored"),
            (r#"{"center": {"name": "H"}, "resources": {"id": "r1"}}"#.into(), "resources", "must be a list, not an object"),
            (with_resource(r#""schedule": [{"day": 2, "start": "7pm"}]"#), "resources[0].schedule[0].start", "24-hour"),
            (with_resource(r#""schedule": [{"day": 7, "start": "19:00"}]"#), "resources[0].schedule[0].day", "0 (Sunday) to 6 (Saturday)"),
            (with_resource(r#""schedule": [{"day": "Tuesday", "start": "19:00"}]"#), "resources[0].schedule[0].day", "not text"),
            (with_resource(r#""schedule": [{"day": 2}]"#), "resources[0].schedule[0].start", "is required"),
            (with_resource(r#""url": "javascript:alert(1)""#), "resources[0].url", "dropped"),
            (with_resource(r#""url": "data:text/html,<b>hi</b>""#), "resources[0].url", "dropped"),
            (with_resource(r#""format": "zoom""#), "resources[0].format", "not one of: in_person, online, hybrid"),
            (with_resource(r#""accessible": "yes""#), "resources[0].accessible", "true or false"),
            (with_resource(r#""lat": 200"#), "resources[0].lat", "out of range"),
            (with_resource(r#""audience": ["kids"]"#), "resources[0].audience[0]", "must be one of"),
            (with_resource(r#""cost": 0"#), "resources[0].cost", "must be text, not a number"),
            (with_resource(r#""rooms": 3"#), "resources[0].rooms", "ignored"),
            (r#"{"center": {"name": "H"}, "resources": [{"id": "a", "name": "A", "kind": "iop"}]}"#.into(), "resources[0].kind", "not a group type"),
            (r#"{"center": {"name": "H"}, "resources": [{"id": "a", "name": "A"}]}"#.into(), "resources[0].kind", "is required"),
            (r#"{"center": {"name": "H"}, "resources": [{"id": "a", "name": 5, "kind": "outpatient"}]}"#.into(), "resources[0].name", "must be text, not a number"),
            (r#"{"center": {"name": "H"}, "resources": [{"id": "a", "name": "A", "kind": "outpatient"}, {"id": "a", "name": "B", "kind": "outpatient"}]}"#.into(), "resources[1].id", "unique"),
            (r#"{"center": {"name": "H"}, "resources": [3]}"#.into(), "resources[0]", "left out"),
            (r#"[1, 2]"#.into(), "", "must be a JSON object"),
        ];
        for (config, path, words) in cases {
            let found = problems(&config);
            assert!(
                found.iter().any(|(p, m)| p == path && m.contains(words)),
                "{config}\nwanted {path}: …{words}…\ngot {found:#?}"
            );
        }
    }

    #[test]
    fn many_mistakes_are_all_reported_and_the_rest_is_used() {
        let checked = check(&json(
            r#"{
            "center": {"phone": "abc"},
            "quick_exit_url": "javascript:void(0)",
            "hide": ["nope"],
            "resources": [
                {"id": "ok", "name": "Fine", "kind": "outpatient"},
                {"id": "bad-time", "name": "Evening", "kind": "intensive_outpatient", "schedule": [{"day": 9, "start": "25:00"}], "url": "javascript:x"},
                {"name": "No id", "kind": "outpatient"},
                {"id": "ok", "name": "Twice", "kind": "outpatient"}
            ]
        }"#,
        ));
        let paths: Vec<&str> = checked.problems.iter().map(|p| p.path.as_str()).collect();
        for path in [
            "center.name",
            "center.phone",
            "quick_exit_url",
            "hide[0]",
            "resources[1].schedule[0].day",
            "resources[1].schedule[0].start",
            "resources[1].url",
            "resources[2].id",
            "resources[3].id",
        ] {
            assert!(paths.contains(&path), "{path} missing from {paths:?}");
        }
        assert_eq!(checked.errors(), checked.problems.len());
        let ids: Vec<&str> = checked.config.resources.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["ok", "bad-time"], "bad optional fields are dropped, the resource kept");
        assert_eq!(checked.config.resources[1].url, None);
    }

    #[test]
    fn too_many_resources_are_cut_at_the_limit() {
        let resources: Vec<String> =
            (0..MAX_RESOURCES + 5).map(|i| format!(r#"{{"id": "r{i}", "name": "R", "kind": "outpatient"}}"#)).collect();
        let checked =
            check(&json(&format!(r#"{{"center": {{"name": "H"}}, "resources": [{}]}}"#, resources.join(","))));
        assert_eq!(checked.config.resources.len(), MAX_RESOURCES);
        assert!(
            checked.problems.iter().any(|p| p.path == "resources" && p.message.contains("10000")),
            "{:?}",
            checked.problems
        );
    }

    #[test]
    fn a_good_config_has_no_problems() {
        let checked = check(&json(
            r#"{
            "center": {"name": "Harbor Recovery", "phone": "+1-555-0100", "crisis_phone": "+1-555-0199", "url": "https://harbor.example/contact", "hours": "Mon-Fri"},
            "quick_exit_url": "https://www.weather.gov/", "languages": ["en", "es"], "hide": ["moderation_management"],
            "resources": [{"id": "alumni", "name": "Alumni Night", "kind": "alumni_group", "format": "hybrid",
                "schedule": [{"day": 4, "start": "19:00", "end": "20:30"}], "languages": ["en"], "audience": ["family"],
                "approach": "secular", "lat": 33.1, "lon": -117.3, "url": "https://harbor.example/alumni", "cost": "free", "accessible": true}]
        }"#,
        ));
        assert_eq!(checked.problems, vec![]);
        let r = &checked.config.resources[0];
        assert_eq!(
            (r.kind, r.format, r.schedule[0], r.center),
            ("alumni_group", Some(Format::Hybrid), Slot { day: 4, start: 1140, end: Some(1230) }, true)
        );
        assert_eq!(checked.config.center.name.as_deref(), Some("Harbor Recovery"));
        assert_eq!(checked.config.hide, ["moderation_management"]);
    }
}

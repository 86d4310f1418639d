//! The center's configuration (`shared/spec/center-config.md`), checked in one pass that keeps
//! everything it can use and reports every problem with its exact field path
//! (`resources[3].schedule[0].start`) in one plain sentence.
//!
//! Rules: a resource missing its id, name or kind (or with a duplicate id) is left out; a bad
//! optional field is dropped and the resource kept; unknown fields are warnings (centers' files
//! grow); links keep only `https:`, `http:`, `tel:`, `sms:` and `mailto:`. Nothing here fails:
//! a visitor always gets a working widget.

use super::checker::{is_safe_link, parse_time, Checker, Ids};
use super::meeting_guide;
#[cfg(feature = "full")]
pub use super::problem::Report;
pub use super::problem::{At, Expected, Level, Problem, ProblemKind};
use super::resource::{Format, Resource, Slot, Translation, APPROACHES, AUDIENCES, COSTS, FORMATS};
use crate::screening::catalog::CATALOG;
use crate::screening::contacts::Center;
use crate::screening::items::is_language_tag;
use crate::support::json::Json;
use crate::support::numtext::fixed;
use crate::support::prelude::*;
use alloc::sync::Arc;

/// At most this many resources (center resources and meetings together) are read.
pub const MAX_RESOURCES: usize = 10_000;
/// At most this much config text is read (checked where the text is read: the page shell and
/// `check-config`).
pub const MAX_CONFIG_BYTES: usize = 2 * 1024 * 1024;

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
    /// The sites (origins) that may show the widget in isolated mode, in a frame of theirs:
    /// only they hear from the frame (that it is ready, or that the visitor left).
    pub embed_origins: Vec<String>,
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

/// The config's fields. `feed_radius_miles` (the sync's) and `theme` (the shell's) are checked
/// by `readiness` in the checking builds: the widget's module does not read them.
const ROOT_FIELDS: [&str; 10] = [
    "center",
    "quick_exit_url",
    "languages",
    "hide",
    "resources",
    "meeting_guide",
    "meeting_guide_url",
    "embed_origins",
    "feed_radius_miles",
    "theme",
];
/// The center's fields; its place (`address`, `lat`, `lon`) is where the sync measures the
/// feed's radius from (checked by `readiness`).
const CENTER_FIELDS: [&str; 10] =
    ["name", "phone", "text", "crisis_phone", "url", "hours", "timezone", "address", "lat", "lon"];
const RESOURCE_FIELDS: [&str; 18] = [
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
    "i18n",
];
/// What a center may translate of a resource, per language (`i18n.es.name`).
const TRANSLATED_FIELDS: [&str; 2] = ["name", "description"];

/// Where the quick exit goes when the center names no usable page: a plain weather page.
pub const DEFAULT_QUICK_EXIT: &str = "https://www.weather.gov/";

impl Checked {
    /// Adds the meetings of a Meeting Guide feed fetched from `meeting_guide_url`, checked the
    /// same way (problems name `meeting_guide_url[i].field`).
    pub fn add_feed(&mut self, feed: &Json) {
        let mut checker = Checker::default();
        let meetings = checker.entries(feed, At::ROOT.key(List::Feed.field()), Expected::Meetings);
        ListReader::new(List::Feed, &self.config.resources).read(meetings, 0, &mut self.config.resources, &mut checker);
        self.problems.extend(checker.finish());
    }

    /// Where the quick exit goes.
    pub fn quick_exit_url(&self) -> String {
        self.config.quick_exit_url.clone().unwrap_or_else(|| DEFAULT_QUICK_EXIT.to_string())
    }
}

/// A list that holds resources: the config's own `resources`, its inline `meeting_guide`, or
/// the feed fetched from its `meeting_guide_url`, read in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Resources,
    MeetingGuide,
    Feed,
}

impl List {
    /// The field that holds the list, as problems name it.
    pub fn field(self) -> &'static str {
        match self {
            List::Resources => "resources",
            List::MeetingGuide => "meeting_guide",
            List::Feed => "meeting_guide_url",
        }
    }

    pub fn named(field: &str) -> Option<List> {
        [List::Resources, List::MeetingGuide, List::Feed].into_iter().find(|l| l.field() == field)
    }
}

/// Reads one list's entries, whole or a piece at a time (the widget's page hands a long list
/// over in pieces, so no piece holds the page for long, quick exit included). Every entry looked
/// at counts, valid or not, so a flood of bad entries is bounded work too: a list is looked at
/// only as far as the room the lists before it left (10,000 resources and meetings in all).
pub struct ListReader {
    list: List,
    room: usize,
    ids: Ids,
}

impl ListReader {
    /// Starts reading `list` after `resources`, those read so far.
    pub fn new(list: List, resources: &[Arc<Resource>]) -> ListReader {
        ListReader {
            list,
            room: MAX_RESOURCES.saturating_sub(resources.len()),
            ids: {
                let mut ids = Ids::new();
                for r in resources {
                    ids.insert(r.id.clone());
                }
                ids
            },
        }
    }

    /// Reads `entries`, the list's entries from place `start` on, into `resources`. `false` once
    /// the list's room is spent: the rest of the list is not looked at.
    pub fn read(
        &mut self,
        entries: &[Json],
        start: usize,
        resources: &mut Vec<Arc<Resource>>,
        c: &mut Checker,
    ) -> bool {
        let at = At::ROOT.key(self.list.field());
        for (place, entry) in (start..).zip(entries) {
            if place >= self.room {
                c.error(at, ProblemKind::TooMany { read: place });
                return false;
            }
            let read = match self.list {
                List::Resources => read_resource(entry, at.index(place), &mut self.ids, c),
                List::MeetingGuide | List::Feed => {
                    meeting_guide::read_meeting(entry, at.index(place), &mut self.ids, c)
                }
            };
            resources.extend(read.map(Arc::new));
        }
        true
    }
}

/// Checks the whole config.
pub fn check(json: &Json) -> Checked {
    let mut checker = Checker::default();
    let config = read_config(json, &mut checker);
    Checked { config, problems: checker.finish() }
}

fn read_config(json: &Json, c: &mut Checker) -> CenterConfig {
    let mut config = CenterConfig::default();
    let root = At::ROOT;
    if !matches!(json, Json::Object(_)) {
        c.wrong_type(root, Expected::Config, json);
        return config;
    }
    c.unknown_fields(json, &ROOT_FIELDS, root);
    let center_at = root.key("center");
    match json.get("center") {
        Some(center @ Json::Object(_)) => {
            c.unknown_fields(center, &CENTER_FIELDS, center_at);
            config.center = Center {
                name: c.required_text(center, "name", center_at),
                phone: c.phone(center, "phone", center_at),
                text: c.phone(center, "text", center_at),
                crisis_phone: c.phone(center, "crisis_phone", center_at),
                url: c.link(center, "url", center_at),
                hours: c.text(center, "hours", center_at),
                timezone: c.time_zone(center, "timezone", center_at),
            };
        }
        None | Some(Json::Null) => c.error(center_at, ProblemKind::Missing { expected: Expected::Center }),
        Some(other) => c.wrong_type(center_at, Expected::Object, other),
    }
    config.quick_exit_url = c.text(json, "quick_exit_url", root).and_then(|url| {
        let lower = url.to_ascii_lowercase();
        if (lower.starts_with("https://") || lower.starts_with("http://")) && is_safe_link(&url) {
            Some(url)
        } else {
            c.error(root.key("quick_exit_url"), ProblemKind::NotAWebPage { value: url });
            None
        }
    });
    config.languages = c.languages(json, "languages", root);
    let hide_at = root.key("hide");
    for (i, item) in c.list(json, "hide", root).iter().enumerate() {
        match item {
            Json::String(id) if CATALOG.iter().any(|e| e.id == id) => config.hide.push(id.clone()),
            Json::String(id) => c.error(hide_at.index(i), ProblemKind::UnknownKind { value: id.clone() }),
            other => c.wrong_type(hide_at.index(i), Expected::CatalogId, other),
        }
    }
    for list in [List::Resources, List::MeetingGuide] {
        let entries = c.list(json, list.field(), root);
        ListReader::new(list, &config.resources).read(entries, 0, &mut config.resources, c);
    }
    let unzoned = config.resources.iter().filter(|r| !r.schedule.is_empty() && r.timezone.is_none()).count();
    // A zone given but not valid is an error of its own; one missing is this warning.
    let zone_given =
        json.get("center").and_then(|center| center.get("timezone")).is_some_and(|zone| !matches!(zone, Json::Null));
    if unzoned > 0 && !zone_given && matches!(json.get("center"), Some(Json::Object(_))) {
        c.warn(center_at.key("timezone"), ProblemKind::NoTimeZone { count: unzoned });
    }
    config.meeting_guide_url = c.text(json, "meeting_guide_url", root).and_then(|url| {
        if is_safe_link(&url) && !url.starts_with("tel:") && !url.starts_with("sms:") && !url.starts_with("mailto:") {
            Some(url)
        } else {
            c.error(root.key("meeting_guide_url"), ProblemKind::NotOnThisSite { value: url });
            None
        }
    });
    let origins_at = root.key("embed_origins");
    for (i, item) in c.list(json, "embed_origins", root).iter().enumerate() {
        match item.as_str().map(origin) {
            Some(Some(origin)) => config.embed_origins.push(origin),
            Some(None) => {
                c.error(origins_at.index(i), ProblemKind::NotAnOrigin { value: item.as_str().unwrap_or("").into() })
            }
            None => c.wrong_type(origins_at.index(i), Expected::Text, item),
        }
    }
    config
}

/// A site's origin as a browser writes it (`https://www.harbor.example`, or with a port), from
/// what a center wrote (a trailing `/` is dropped); `None` for anything else (a path, another
/// scheme, `*`).
pub(super) fn origin(value: &str) -> Option<String> {
    let value = value.trim_ascii();
    let lower = value.strip_suffix('/').unwrap_or(value).to_ascii_lowercase();
    let host = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let (name, port) = host.split_once(':').map_or((host, None), |(name, port)| (name, Some(port)));
    let name_ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    let port_ok = port.map_or(true, |p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    (name_ok && port_ok && lower.len() <= 300).then_some(lower)
}

/// A center resource, or `None` (with the reasons reported) when it cannot be shown.
fn read_resource(item: &Json, at: At, seen: &mut Ids, c: &mut Checker) -> Option<Resource> {
    if !matches!(item, Json::Object(_)) {
        c.wrong_type(at, Expected::Resource, item);
        return None;
    }
    c.unknown_fields(item, &RESOURCE_FIELDS, at);
    let id = c.required_text(item, "id", at);
    let name = c.required_text(item, "name", at);
    if let Some(name) = name.as_ref().filter(|name| super::checker::reads_as_crisis_line(name)) {
        c.warn(at.key("name"), ProblemKind::ReadsAsCrisisLine { value: name.clone(), left_out: false });
    }
    let kind = c.required_text(item, "kind", at).and_then(|kind| match CATALOG.iter().find(|e| e.id == kind) {
        Some(entry) => Some(entry.id),
        None => {
            c.error(at.key("kind"), ProblemKind::UnknownKind { value: kind });
            None
        }
    });
    let mut resource = Resource {
        description: c.text(item, "description", at),
        format: c.one_of(item, "format", &FORMATS, at).map(|f| match f {
            "online" => Format::Online,
            "hybrid" => Format::Hybrid,
            _ => Format::InPerson,
        }),
        schedule: read_schedule(item, at, c),
        languages: c.languages(item, "languages", at),
        approach: c.one_of(item, "approach", &APPROACHES, at),
        address: c.text(item, "address", at),
        lat: c.number(item, "lat", (-90.0, 90.0), at),
        lon: c.number(item, "lon", (-180.0, 180.0), at),
        url: c.link(item, "url", at),
        phone: c.phone(item, "phone", at),
        cost: c.one_of(item, "cost", &COSTS, at),
        accessible: c.boolean(item, "accessible", at),
        center: true,
        program: c.boolean(item, "center_program", at).unwrap_or(false),
        ..Resource::default()
    };
    let audience_at = at.key("audience");
    for (i, value) in c.list(item, "audience", at).iter().enumerate() {
        match value.as_str().and_then(|v| AUDIENCES.iter().find(|a| **a == v)) {
            Some(a) => resource.audience.push(a),
            None => c.error(
                audience_at.index(i),
                match value.as_str() {
                    Some(value) => ProblemKind::NotOneOf { value: value.to_string(), allowed: &AUDIENCES },
                    None => ProblemKind::WrongType { expected: Expected::Text, found: value.kind() },
                },
            ),
        }
    }
    let i18n_at = at.key("i18n");
    match item.get("i18n") {
        None | Some(Json::Null) => {}
        Some(Json::Object(languages)) => {
            for (lang, words) in languages {
                let lang_at = i18n_at.key(lang);
                if !is_language_tag(lang) {
                    c.error(lang_at, ProblemKind::NotALanguageTag { value: lang.clone() });
                } else if matches!(words, Json::Object(_)) {
                    c.unknown_fields(words, &TRANSLATED_FIELDS, lang_at);
                    let name = c.text(words, "name", lang_at);
                    let description = c.text(words, "description", lang_at);
                    resource.i18n.push(Translation { lang: lang.clone(), name, description });
                } else {
                    c.wrong_type(lang_at, Expected::Object, words);
                }
            }
        }
        Some(other) => c.wrong_type(i18n_at, Expected::Object, other),
    }
    let (id, name, kind) = (id?, name?, kind?);
    if !seen.insert(id.clone()) {
        c.error(at.key("id"), ProblemKind::Duplicate { value: id });
        return None;
    }
    resource.id = id;
    resource.name = name;
    resource.kind = kind;
    Some(resource)
}

fn read_schedule(item: &Json, at: At, c: &mut Checker) -> Vec<Slot> {
    let mut slots = Vec::new();
    let schedule_at = at.key("schedule");
    for (i, entry) in c.list(item, "schedule", at).iter().enumerate() {
        let at = schedule_at.index(i);
        if !matches!(entry, Json::Object(_)) {
            c.wrong_type(at, Expected::ScheduleEntry, entry);
            continue;
        }
        c.unknown_fields(entry, &["day", "start", "end"], at);
        let day = match entry.get("day") {
            Some(Json::Number(n)) if crate::support::num::fract(*n) == 0.0 && (0.0..=6.0).contains(n) => Some(*n as u8),
            Some(Json::Number(n)) => {
                c.error(at.key("day"), ProblemKind::NotADay { value: fixed(*n, 3) });
                None
            }
            // A day by name ("Tuesday", as a hand-edited config may have it) is named as written.
            Some(Json::String(day)) => {
                c.error(at.key("day"), ProblemKind::NotADay { value: ["\"", day, "\""].concat() });
                None
            }
            Some(other) => {
                c.wrong_type(at.key("day"), Expected::Day, other);
                None
            }
            None => {
                c.error(at.key("day"), ProblemKind::Missing { expected: Expected::Day });
                None
            }
        };
        let mut time = |key: &str, required: bool| -> Option<u16> {
            match entry.get(key) {
                Some(Json::String(t)) => parse_time(t).or_else(|| {
                    c.error(at.key(key), ProblemKind::NotATime { value: t.clone() });
                    None
                }),
                Some(other) => {
                    c.wrong_type(at.key(key), Expected::Time, other);
                    None
                }
                None => {
                    if required {
                        c.error(at.key(key), ProblemKind::Missing { expected: Expected::Time });
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
    use crate::center::checker::MAX_PROBLEMS;

    fn json(text: &str) -> Json {
        serde_json::from_str::<Json>(text).unwrap()
    }

    /// Each problem as its path, its kind and its sentence.
    fn problems(text: &str) -> Vec<(String, &'static str, String)> {
        check(&json(text)).problems.into_iter().map(|p| (p.path.to_string(), p.kind.id(), p.to_string())).collect()
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
        let cases: Vec<(String, &str, &str, &str)> = vec![
            (r#"{}"#.into(), "center", "missing", "is required"),
            (r#"{"center": {"phone": "555"}}"#.into(), "center.name", "missing", "is required"),
            (r#"{"center": {"name": ""}}"#.into(), "center.name", "empty", "is empty"),
            (r#"{"center": "Harbor"}"#.into(), "center", "wrong_type", "must be an object, not text"),
            (r#"{"center": {"name": "H", "phone": "call us"}}"#.into(), "center.phone", "not_a_phone", "not a phone number"),
            (r#"{"center": {"name": "H", "url": "javascript:alert(1)"}}"#.into(), "center.url", "unsafe_link", "dropped"),
            (r#"{"center": {"name": "H"}, "quick_exit_url": "ftp://x"}"#.into(), "quick_exit_url", "not_a_web_page", "https://"),
            (r#"{"center": {"name": "H"}, "languages": ["en", "english please"]}"#.into(), "languages[1]", "not_a_language_tag", "not a language tag"),
            (r#"{"center": {"name": "H"}, "hide": ["moderation"]}"#.into(), "hide[0]", "unknown_kind", "not a group type"),
            (r#"{"center": {"name": "H"}, "colour": "teal"}"#.into(), "colour", "unknown_field", "ignored"),
            (r#"{"center": {"name": "H"}, "resources": {"id": "r1"}}"#.into(), "resources", "wrong_type", "must be a list, not an object"),
            (with_resource(r#""schedule": [{"day": 2, "start": "7pm"}]"#), "resources[0].schedule[0].start", "not_a_time", "24-hour"),
            (with_resource(r#""schedule": [{"day": 7, "start": "19:00"}]"#), "resources[0].schedule[0].day", "not_a_day", "0 (Sunday) to 6 (Saturday)"),
            (with_resource(r#""schedule": [{"day": "Tuesday", "start": "19:00"}]"#), "resources[0].schedule[0].day", "not_a_day", "\"Tuesday\" is not a day"),
            (with_resource(r#""schedule": [{"day": 2}]"#), "resources[0].schedule[0].start", "missing", "is required"),
            (with_resource(r#""url": "javascript:alert(1)""#), "resources[0].url", "unsafe_link", "dropped"),
            (with_resource(r#""url": "data:text/html,<b>hi</b>""#), "resources[0].url", "unsafe_link", "dropped"),
            (with_resource(r#""format": "zoom""#), "resources[0].format", "not_one_of", "not one of: in_person, online, hybrid"),
            (with_resource(r#""accessible": "yes""#), "resources[0].accessible", "wrong_type", "true or false"),
            (with_resource(r#""lat": 200"#), "resources[0].lat", "out_of_range", "out of range"),
            (with_resource(r#""audience": ["kids"]"#), "resources[0].audience[0]", "not_one_of", "not one of"),
            (with_resource(r#""cost": 0"#), "resources[0].cost", "wrong_type", "must be text, not a number"),
            (with_resource(r#""rooms": 3"#), "resources[0].rooms", "unknown_field", "ignored"),
            (r#"{"center": {"name": "H"}, "resources": [{"id": "a", "name": "A", "kind": "iop"}]}"#.into(), "resources[0].kind", "unknown_kind", "not a group type"),
            (r#"{"center": {"name": "H"}, "resources": [{"id": "a", "name": "A"}]}"#.into(), "resources[0].kind", "missing", "is required"),
            (r#"{"center": {"name": "H"}, "resources": [{"id": "a", "name": 5, "kind": "outpatient"}]}"#.into(), "resources[0].name", "wrong_type", "must be text, not a number"),
            (r#"{"center": {"name": "H"}, "resources": [{"id": "a", "name": "A", "kind": "outpatient"}, {"id": "a", "name": "B", "kind": "outpatient"}]}"#.into(), "resources[1].id", "duplicate", "unique"),
            (r#"{"center": {"name": "H"}, "resources": [3]}"#.into(), "resources[0]", "wrong_type", "left out"),
            (r#"[1, 2]"#.into(), "", "wrong_type", "must be a JSON object"),
        ];
        for (config, path, kind, words) in cases {
            let found = problems(&config);
            assert!(
                found.iter().any(|(p, k, m)| p == path && *k == kind && m.contains(words)),
                "{config}\nwanted {path}: {kind} (…{words}…)\ngot {found:#?}"
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
        let paths: Vec<String> = checked.problems.iter().map(|p| p.path.to_string()).collect();
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
            assert!(paths.iter().any(|p| p == path), "{path} missing from {paths:?}");
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
            checked.problems.iter().any(|p| p.path.to_string() == "resources"
                && p.kind == ProblemKind::NotRead { cut: crate::support::json::Cut::Entries }),
            "{:?}",
            checked.problems
        );
        // The room left for meetings is what the resources left.
        let meetings: Vec<String> =
            (0..3).map(|i| format!(r#"{{"name": "M", "slug": "m{i}", "day": 1, "time": "19:00"}}"#)).collect();
        let checked = check(&json(&format!(
            r#"{{"center": {{"name": "H"}}, "resources": [{}], "meeting_guide": [{}]}}"#,
            resources[..MAX_RESOURCES - 1].join(","),
            meetings.join(",")
        )));
        assert_eq!(checked.config.resources.len(), MAX_RESOURCES);
        assert!(checked.problems.iter().any(|p| p.kind == ProblemKind::TooMany { read: 1 }), "{:?}", checked.problems);
    }

    #[test]
    fn embed_origins_are_sites_origins() {
        let checked = check(&json(
            r#"{"center": {"name": "H"}, "embed_origins": ["https://www.Harbor.example/", "http://localhost:8000", "https://harbor.example/help", "*", "javascript:x", 5]}"#,
        ));
        assert_eq!(checked.config.embed_origins, ["https://www.harbor.example", "http://localhost:8000"]);
        let kinds: Vec<(String, &str)> = checked.problems.iter().map(|p| (p.path.to_string(), p.kind.id())).collect();
        assert_eq!(
            kinds,
            [
                ("embed_origins[2]".into(), "not_an_origin"),
                ("embed_origins[3]".into(), "not_an_origin"),
                ("embed_origins[4]".into(), "not_an_origin"),
                ("embed_origins[5]".into(), "wrong_type")
            ]
        );
    }

    /// A flood of invalid entries (690,000 empty objects, as a red team sent) is bounded work:
    /// only the first 10,000 are looked at, and only 100 problems are listed, then counted.
    #[test]
    fn a_flood_of_invalid_entries_is_looked_at_only_as_far_as_the_limit() {
        let text = format!(
            r#"{{"center": {{"name": "H", "phone": "555-0100"}}, "resources": [{}]}}"#,
            vec!["{}"; 690_000].join(",")
        );
        let checked = check(&json(&text));
        assert_eq!(checked.config.center.phone.as_deref(), Some("555-0100"), "the rest of the config is used");
        assert_eq!(checked.problems.len(), MAX_PROBLEMS + 1, "{:?}", &checked.problems[..3]);
        // Each empty entry lacks an id, a name and a kind: 3 problems for each of the first 10,000.
        let listed = checked.problems.iter().filter(|p| p.path.to_string().starts_with("resources[")).count();
        let more = checked.problems.iter().find_map(|p| match p.kind {
            ProblemKind::MoreProblems { count } => Some(count),
            _ => None,
        });
        assert_eq!(listed + more.unwrap(), 3 * MAX_RESOURCES);
        assert!(checked
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::NotRead { cut: crate::support::json::Cut::Entries }));
    }

    #[test]
    fn a_good_config_has_no_problems() {
        let checked = check(&json(
            r#"{
            "center": {"name": "Harbor Recovery", "phone": "+1-555-0100", "crisis_phone": "+1-555-0199", "url": "https://harbor.example/contact", "hours": "Mon-Fri",
                "timezone": "America/Los_Angeles"},
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

    #[test]
    fn the_centers_time_zone_and_its_translations_are_read_and_checked() {
        let checked = check(&json(
            r#"{"center": {"name": "H", "timezone": "America/Los_Angeles"},
                "resources": [
                  {"id": "a", "name": "Family night", "kind": "family_program", "center_program": true,
                   "i18n": {"es": {"name": "Noche familiar", "description": "Para familias"}}},
                  {"id": "b", "name": "B", "kind": "family_program",
                   "i18n": {"spanish!": {"name": "x"}, "fr": "Soirée", "es": {"title": "y"}}}
                ]}"#,
        ));
        assert_eq!(checked.config.center.timezone.as_deref(), Some("America/Los_Angeles"));
        let a = &checked.config.resources[0];
        assert_eq!(
            (a.name_in("es"), a.name_in("es-MX"), a.name_in("en")),
            ("Noche familiar", "Noche familiar", "Family night")
        );
        assert_eq!(a.description_in("es"), Some("Para familias"));
        assert!(a.program && !checked.config.resources[1].program);
        let paths: Vec<String> = checked.problems.iter().map(|p| p.path.to_string()).collect();
        assert_eq!(paths, ["resources[1].i18n.spanish!", "resources[1].i18n.fr", "resources[1].i18n.es.title"]);
        let bad = check(&json(r#"{"center": {"name": "H", "timezone": "Pacific Time (US)"}}"#));
        assert_eq!(bad.config.center.timezone, None);
        assert_eq!(bad.problems[0].kind.id(), "not_a_time_zone");
        assert_eq!(bad.problems[0].path.to_string(), "center.timezone");
    }

    #[test]
    fn scheduled_resources_without_a_time_zone_give_one_warning_at_the_centers_zone() {
        let resources = r#""resources": [
              {"id": "a", "name": "A", "kind": "alumni_group", "schedule": [{"day": 1, "start": "19:00"}]},
              {"id": "b", "name": "B", "kind": "alumni_group", "schedule": [{"day": 2, "start": "19:00"}]},
              {"id": "c", "name": "C", "kind": "alumni_group"}]"#;
        let without = check(&json(&format!(r#"{{"center": {{"name": "H"}}, {resources}}}"#)));
        let [problem] = &without.problems[..] else { panic!("{:?}", without.problems) };
        assert_eq!((problem.level, problem.kind.clone()), (Level::Warning, ProblemKind::NoTimeZone { count: 2 }));
        assert_eq!(problem.path.to_string(), "center.timezone");
        assert!(problem.to_string().contains("2 resource(s) with a schedule"), "{problem}");
        assert_eq!(without.config.resources.len(), 3, "a warning: everything is still used");
        // With the zone given, no warning; with a zone that is not one, only that error.
        let with =
            check(&json(&format!(r#"{{"center": {{"name": "H", "timezone": "America/New_York"}}, {resources}}}"#)));
        assert_eq!(with.problems, vec![]);
        let bad = check(&json(&format!(r#"{{"center": {{"name": "H", "timezone": "Eastern Time"}}, {resources}}}"#)));
        let kinds: Vec<&str> = bad.problems.iter().map(|p| p.kind.id()).collect();
        assert_eq!(kinds, ["not_a_time_zone"]);
        // Nothing scheduled: nothing to warn about.
        let unscheduled = check(&json(
            r#"{"center": {"name": "H"}, "resources": [{"id": "c", "name": "C", "kind": "alumni_group"}]}"#,
        ));
        assert_eq!(unscheduled.problems, vec![]);
    }

    // The Meeting Guide feed, read through the same checker as the config's own lists.

    /// The meetings read, and each problem as its path and its sentence.
    fn feed(text: &str) -> (Vec<alloc::sync::Arc<Resource>>, Vec<(String, String)>) {
        let json = serde_json::from_str::<Json>(text).unwrap();
        assert!(matches!(json, Json::Array(_)), "a feed is a list");
        let mut checked = Checked::default();
        checked.add_feed(&json);
        let problems = checked.problems.into_iter().map(|p| (p.path.to_string(), p.to_string())).collect();
        (checked.config.resources, problems)
    }

    #[test]
    fn a_sample_feed_maps_to_resources() {
        let (meetings, problems) = feed(
            r#"[
          {"name": "Sunday Serenity", "slug": "sunday-serenity", "day": 0, "time": "18:00", "end_time": "19:30",
           "location": "Alano Club", "types": ["O", "W", "X", "S", "ZZ"], "formatted_address": "123 Main St, Anytown, CA",
           "latitude": 33.2, "longitude": "-117.3", "region": "Downtown", "updated": "2024-01-01 00:00:00"},
          {"name": "Night Owls", "slug": 42, "day": [1, 3, 5], "time": "21:00", "types": ["ONL", "C", "A", "Y"],
           "conference_url": "https://zoom.example/j/1", "formatted_address": "Anytown, CA", "approximate": "yes"},
          {"name": "Lunch Bunch", "slug": "lunch", "day": 2, "time": "12:00", "types": ["O", "LGBTQ"],
           "address": "5 Oak Ave", "city": "Anytown", "conference_url": "https://meet.example/lunch"},
          {"name": "Closed For Now", "slug": "closed", "day": 4, "time": "19:00", "types": ["TC"], "formatted_address": "9 Elm St"},
          {"name": "Online Too", "slug": "tc-online", "day": 4, "time": "19:00", "types": ["TC"], "formatted_address": "9 Elm St", "conference_phone": "+1 555 010 0000"}
        ]"#,
        );
        assert_eq!(problems, vec![]);
        assert_eq!(meetings.len(), 4, "the temporarily closed meeting without an online option is skipped");
        let sunday = &meetings[0];
        assert_eq!(
            (sunday.id.as_str(), sunday.kind, sunday.format),
            ("mg-sunday-serenity", "twelve_step", Some(Format::InPerson))
        );
        assert_eq!(sunday.schedule, [Slot { day: 0, start: 18 * 60, end: Some(19 * 60 + 30) }]);
        assert_eq!(
            (sunday.audience.clone(), sunday.languages.clone(), sunday.accessible),
            (vec!["women"], vec!["es".to_string()], Some(true))
        );
        assert_eq!((sunday.lat, sunday.lon), (Some(33.2), Some(-117.3)));
        assert!(sunday.types.contains(&"ZZ".to_string()), "unknown codes are kept");
        let owls = &meetings[1];
        assert_eq!(
            (owls.id.as_str(), owls.kind, owls.format, owls.approach),
            ("mg-42", "online_meetings", Some(Format::Online), Some("secular"))
        );
        assert_eq!(owls.schedule.len(), 3);
        assert_eq!(owls.address, None, "an approximate address is not a place to go");
        assert_eq!(meetings[2].format, Some(Format::Hybrid));
        assert_eq!(meetings[2].address.as_deref(), Some("5 Oak Ave, Anytown"));
        assert_eq!(meetings[2].audience, ["lgbtq"]);
        assert_eq!((meetings[3].format, meetings[3].kind), (Some(Format::Online), "online_meetings"));
    }

    #[test]
    fn feed_mistakes_are_named() {
        let (meetings, problems) = feed(
            r#"[
          {"slug": "a", "day": 7, "time": "7pm"},
          {"name": "B", "slug": "b", "day": [1, "Tuesday"], "time": "19:00", "conference_url": "javascript:alert(1)", "latitude": "north", "longitude": 181},
          {"name": "C", "slug": "b", "day": 1, "time": "19:00"},
          "not a meeting"
        ]"#,
        );
        let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "meeting_guide_url[0].name",
                "meeting_guide_url[0].time",
                "meeting_guide_url[0].day",
                "meeting_guide_url[1].day[1]",
                "meeting_guide_url[1].conference_url",
                "meeting_guide_url[1].latitude",
                "meeting_guide_url[1].longitude",
                "meeting_guide_url[2].slug",
                "meeting_guide_url[3]",
            ]
        );
        assert_eq!(meetings.len(), 1);
        assert_eq!(meetings[0].url, None);
    }
}

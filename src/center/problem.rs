//! Problems in a center's config or feed, as types: where (`Path`), what (`ProblemKind`), and how
//! bad (`Level`). The sentence a center's web person reads (`Problem::message`, in the language
//! asked; `Display` in English) takes its words from the strings tables (`p.` keys of
//! `src/strings/<tag>.txt`), only where it is wanted (`check-config`, the scoring API module's
//! `checkConfig`): the widget's module counts problems and never formats one, and its language
//! files leave the `p.` strings out (`tools/languages.py`).

use crate::strings::{fill, Lang};
use crate::support::json::Cut;
use crate::support::prelude::*;
use core::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// What was given cannot be used: it is left out (or the default stands).
    Error,
    /// Not used, but nothing is lost (a field the widget does not know).
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

/// One step of a path: a field of an object, or a place in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// Where a problem is: `resources[3].schedule[0].start`. Empty for the whole file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Segment>);

impl Path {
    /// The last field named on the path (`start` in `resources[3].schedule[0].start`).
    pub fn field(&self) -> Option<&str> {
        self.0.iter().rev().find_map(|s| match s {
            Segment::Key(key) => Some(key.as_str()),
            Segment::Index(_) => None,
        })
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                // A key can be as long as the file: it is cut like a value.
                Segment::Key(key) if i == 0 => f.write_str(&shorten(key))?,
                Segment::Key(key) => write!(f, ".{}", shorten(key))?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The place being read, as a chain on the stack: free to make for every field read, and made
/// into a `Path` only when there is a problem to report.
#[derive(Clone, Copy)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    /// The whole file.
    pub const ROOT: At<'static> = At { parent: None, step: Step::Root };

    pub fn key(&'a self, key: &'a str) -> At<'a> {
        At { parent: Some(self), step: Step::Key(key) }
    }

    pub fn index(&'a self, index: usize) -> At<'a> {
        At { parent: Some(self), step: Step::Index(index) }
    }

    pub fn path(&self) -> Path {
        let mut segments = Vec::new();
        let mut at = Some(self);
        while let Some(here) = at {
            match here.step {
                Step::Root => {}
                Step::Key(key) => segments.push(Segment::Key(key.to_string())),
                Step::Index(n) => segments.push(Segment::Index(n)),
            }
            at = here.parent;
        }
        segments.reverse();
        Path(segments)
    }
}

/// What was expected where a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    TrueFalse,
    List,
    Object,
    /// The whole config.
    Config,
    /// The center: an object with at least a name.
    Center,
    /// One of the center's resources (left out when it is not an object).
    Resource,
    /// One meeting of a feed (left out when it is not an object).
    Meeting,
    /// A feed: a list of meetings.
    Meetings,
    ScheduleEntry,
    LanguageTag,
    CatalogId,
    Day,
    Time,
}

impl Expected {
    /// The kind of value expected, by the name its words have in the strings tables
    /// (`p.kind.<name>`, shared with what was found: `Json::kind`).
    fn name(self) -> &'static str {
        match self {
            Expected::Text => "text",
            Expected::Number => "number",
            Expected::TrueFalse => "true_false",
            Expected::List => "list",
            Expected::Object | Expected::Center | Expected::Resource | Expected::Meeting => "object",
            Expected::Config => "config",
            Expected::Meetings => "meetings",
            Expected::ScheduleEntry => "schedule_entry",
            Expected::LanguageTag => "language_tag",
            Expected::CatalogId => "catalog_id",
            Expected::Day => "day",
            Expected::Time => "time",
        }
    }
}

/// What is wrong. Values given are kept (shortened) for the sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The value is of the wrong type (`found` is its kind: "text", "a number", ...).
    WrongType {
        expected: Expected,
        found: &'static str,
    },
    /// A required field is missing or `null`.
    Missing {
        expected: Expected,
    },
    /// A required text field is empty.
    Empty,
    /// A field the widget does not know; it is ignored.
    UnknownField,
    /// Text that is not one of the allowed values.
    NotOneOf {
        value: String,
        allowed: &'static [&'static str],
    },
    /// Not a group type or care option id of the catalog.
    UnknownKind {
        value: String,
    },
    /// A link with a scheme the widget does not show; it was dropped.
    UnsafeLink {
        value: String,
    },
    /// The quick exit must go to a web page (https).
    NotAWebPage {
        value: String,
    },
    /// The feed's address must be a path on the center's own site.
    NotOnThisSite {
        value: String,
    },
    /// An `embed_origins` entry must be a site's origin.
    NotAnOrigin {
        value: String,
    },
    /// A time zone must be an IANA name, such as America/Los_Angeles.
    NotATimeZone {
        value: String,
    },
    /// An online meeting's link must be a web address.
    NotWebLink {
        value: String,
    },
    NotAPhone {
        value: String,
    },
    OutOfRange {
        value: String,
        min: f64,
        max: f64,
    },
    NotALanguageTag {
        value: String,
    },
    NotADay {
        value: String,
    },
    NotATime {
        value: String,
    },
    /// An id (or a meeting's slug) used twice; the later one is left out.
    Duplicate {
        value: String,
    },
    /// More entries than there is room for (10,000 resources and meetings in all); only the
    /// first `read` of this list were looked at.
    TooMany {
        read: usize,
    },
    /// A part of the file too large or too deep to read (`Bounds`); it is left out.
    NotRead {
        cut: Cut,
    },
    /// Text longer than its field's limit; it is left out.
    TooLong {
        length: usize,
        max: usize,
    },
    /// Text with characters that change the direction of text around them; they were removed.
    DirectionControls,
    /// A name that reads as a crisis line (988, 911, "suicide", "crisis line", "hotline"): a
    /// visitor in crisis could call its number instead of the real line. A feed's meeting so
    /// named is left out; the center's own resource is kept with a warning.
    ReadsAsCrisisLine {
        value: String,
        left_out: bool,
    },
    /// Resources with a schedule but no time zone, theirs or the center's: their times are read
    /// in each visitor's own zone, hours off for a visitor elsewhere.
    NoTimeZone {
        count: usize,
    },
    /// The feed's address is on a site of its own: the widget fetches only from the site it runs
    /// on, so unless that is this site, the live page shows no meetings (`readiness`).
    FeedOnAnotherSite {
        value: String,
    },
    /// A link written without `https://` that reads as a web address: a browser opens it as a
    /// page of the center's own site (`readiness`).
    WithoutHttps {
        value: String,
    },
    /// A site listed in `embed_origins` without its other name (`www.` or not): a page reached
    /// at the other shows only its fallback in isolated mode (`readiness`).
    OriginWithoutTwin {
        listed: String,
        missing: String,
    },
    /// A language the config offers that the widget has no file for (`english`, `fr`): the
    /// switcher leaves it out (`readiness`).
    NotSpoken {
        value: String,
        spoken: String,
    },
    /// A time zone by its everyday name (`Pacific`, `EST`): browsers know zones by their IANA
    /// name, so times would be read in each visitor's own zone, or without daylight saving time
    /// (`readiness`).
    EverydayZoneName {
        value: String,
        zone: &'static str,
    },
    /// A theme's accent that is not a color as `#1d5c4d` (`readiness`).
    NotAColor {
        value: String,
    },
    /// A theme's accent too light for the white text of the buttons on it (`readiness`).
    LowContrast {
        value: String,
        ratio: f64,
    },
    /// More problems than are listed (`MAX_PROBLEMS`); only their number is given.
    MoreProblems {
        count: usize,
    },
}

impl ProblemKind {
    /// A stable name of the kind, for tools and tests.
    pub fn id(&self) -> &'static str {
        match self {
            ProblemKind::WrongType { .. } => "wrong_type",
            ProblemKind::Missing { .. } => "missing",
            ProblemKind::Empty => "empty",
            ProblemKind::UnknownField => "unknown_field",
            ProblemKind::NotOneOf { .. } => "not_one_of",
            ProblemKind::UnknownKind { .. } => "unknown_kind",
            ProblemKind::UnsafeLink { .. } => "unsafe_link",
            ProblemKind::NotAWebPage { .. } => "not_a_web_page",
            ProblemKind::NotOnThisSite { .. } => "not_on_this_site",
            ProblemKind::NotAnOrigin { .. } => "not_an_origin",
            ProblemKind::NotATimeZone { .. } => "not_a_time_zone",
            ProblemKind::NotWebLink { .. } => "not_web_link",
            ProblemKind::NotAPhone { .. } => "not_a_phone",
            ProblemKind::OutOfRange { .. } => "out_of_range",
            ProblemKind::NotALanguageTag { .. } => "not_a_language_tag",
            ProblemKind::NotADay { .. } => "not_a_day",
            ProblemKind::NotATime { .. } => "not_a_time",
            ProblemKind::Duplicate { .. } => "duplicate",
            ProblemKind::TooMany { .. } => "too_many",
            ProblemKind::NotRead { .. } => "not_read",
            ProblemKind::TooLong { .. } => "too_long",
            ProblemKind::DirectionControls => "direction_controls",
            ProblemKind::ReadsAsCrisisLine { .. } => "reads_as_crisis_line",
            ProblemKind::NoTimeZone { .. } => "no_time_zone",
            ProblemKind::FeedOnAnotherSite { .. } => "feed_on_another_site",
            ProblemKind::WithoutHttps { .. } => "without_https",
            ProblemKind::OriginWithoutTwin { .. } => "origin_without_twin",
            ProblemKind::NotSpoken { .. } => "not_spoken",
            ProblemKind::EverydayZoneName { .. } => "everyday_zone_name",
            ProblemKind::NotAColor { .. } => "not_a_color",
            ProblemKind::LowContrast { .. } => "low_contrast",
            ProblemKind::MoreProblems { .. } => "more_problems",
        }
    }
}

/// One problem in the config or feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub level: Level,
    pub path: Path,
    pub kind: ProblemKind,
}

impl Problem {
    /// The key of the sentence's words in the strings tables: `p.<kind id>`, with a variant for
    /// some kinds (`p.wrong_type.config`, `p.not_read.deep`).
    fn sentence_key(&self) -> String {
        let variant = match &self.kind {
            ProblemKind::WrongType { expected: Expected::Config, .. } => "config",
            ProblemKind::WrongType { expected: Expected::Resource, .. } => "resource",
            ProblemKind::WrongType { expected: Expected::Meeting, .. } => "meeting",
            ProblemKind::WrongType { expected: Expected::Meetings, .. } => "meetings",
            ProblemKind::Missing { expected: Expected::Center } => "center",
            ProblemKind::Missing { expected: Expected::Day } => "day",
            ProblemKind::Missing { expected: Expected::Time } => "time",
            ProblemKind::NotRead { cut: Cut::Deep } => "deep",
            ProblemKind::NotRead { cut: Cut::Entries } => "entries",
            ProblemKind::NotRead { cut: Cut::Fields } => "fields",
            ProblemKind::NotRead { cut: Cut::Values } => "values",
            ProblemKind::ReadsAsCrisisLine { left_out: true, .. } => "left_out",
            _ => "",
        };
        match variant {
            "" => ["p.", self.kind.id()].concat(),
            variant => ["p.", self.kind.id(), ".", variant].concat(),
        }
    }

    /// The sentence in `lang`, in plain words, naming the value given where there is one: the
    /// words are `lang`'s strings (`p.` keys), the values as the config gives them.
    pub fn message(&self, lang: Lang) -> String {
        let kind = |name: &str| lang.text(&["p.kind.", name].concat()).to_string();
        let field = shorten(self.path.field().unwrap_or("value")).replace('_', " ");
        let values: Vec<(&str, String)> = match &self.kind {
            ProblemKind::WrongType { expected, found } => {
                vec![("expected", kind(expected.name())), ("found", kind(found))]
            }
            ProblemKind::Missing { expected } => vec![("field", field), ("expected", kind(expected.name()))],
            ProblemKind::Empty => vec![("field", field)],
            // The key as written, underscores and all: the web person looks for it in the file.
            ProblemKind::UnknownField => vec![("field", shorten(self.path.field().unwrap_or_default()))],
            ProblemKind::NotOneOf { value, allowed } => {
                vec![("value", shorten(value)), ("allowed", allowed.join(", "))]
            }
            ProblemKind::UnknownKind { value }
            | ProblemKind::UnsafeLink { value }
            | ProblemKind::NotAWebPage { value }
            | ProblemKind::NotOnThisSite { value }
            | ProblemKind::NotAnOrigin { value }
            | ProblemKind::NotATimeZone { value }
            | ProblemKind::NotWebLink { value }
            | ProblemKind::NotAPhone { value }
            | ProblemKind::NotALanguageTag { value }
            | ProblemKind::NotADay { value }
            | ProblemKind::NotATime { value }
            | ProblemKind::ReadsAsCrisisLine { value, .. }
            | ProblemKind::FeedOnAnotherSite { value }
            | ProblemKind::WithoutHttps { value }
            | ProblemKind::NotAColor { value } => vec![("value", shorten(value))],
            ProblemKind::Duplicate { value } => vec![("value", shorten(value)), ("field", field)],
            ProblemKind::OutOfRange { value, min, max } => {
                vec![("value", shorten(value)), ("min", min.to_string()), ("max", max.to_string())]
            }
            ProblemKind::NotSpoken { value, spoken } => vec![("value", shorten(value)), ("spoken", spoken.clone())],
            ProblemKind::EverydayZoneName { value, zone } => {
                vec![("value", shorten(value)), ("zone", zone.to_string())]
            }
            ProblemKind::TooMany { read } => vec![("read", read.to_string())],
            ProblemKind::NotRead { cut } => vec![("limit", cut.limit().to_string())],
            ProblemKind::TooLong { length, max } => vec![("length", length.to_string()), ("max", max.to_string())],
            ProblemKind::DirectionControls => Vec::new(),
            ProblemKind::NoTimeZone { count } | ProblemKind::MoreProblems { count } => {
                vec![("count", count.to_string())]
            }
            ProblemKind::OriginWithoutTwin { listed, missing } => {
                vec![("listed", shorten(listed)), ("missing", shorten(missing))]
            }
            ProblemKind::LowContrast { value, ratio } => {
                vec![("value", shorten(value)), ("ratio", crate::support::numtext::fixed(*ratio, 1))]
            }
        };
        let values: Vec<(&str, &str)> = values.iter().map(|(name, value)| (*name, value.as_str())).collect();
        fill(lang.text(&self.sentence_key()), &values)
    }

    /// What `checkConfig` gives for the problem: `{ level, path, kind, message }`, the message in
    /// `lang`.
    pub fn report(&self, lang: Lang) -> Report {
        Report { level: self.level, path: self.path.to_string(), kind: self.kind.id(), message: self.message(lang) }
    }
}

/// A problem as the scoring API gives it to a center's tools.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Report {
    pub level: Level,
    /// Where, as JavaScript writes it (`resources[3].schedule[0].start`); empty for the whole file.
    pub path: String,
    /// `ProblemKind::id`.
    pub kind: &'static str,
    pub message: String,
}

/// The sentence in English, for check-config and the tests.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::english()))
    }
}

/// Long values are cut in sentences, so one bad line cannot flood a console or a terminal.
fn shorten(value: &str) -> String {
    let mut chars = value.chars();
    let short: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        [short.as_str(), "…"].concat()
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_javascript_writes_them() {
        let root = At::ROOT;
        let resources = root.key("resources");
        let third = resources.index(3);
        let schedule = third.key("schedule");
        let first = schedule.index(0);
        let path = first.key("start").path();
        assert_eq!(path.to_string(), "resources[3].schedule[0].start");
        assert_eq!(path.field(), Some("start"));
        assert_eq!(At::ROOT.path().to_string(), "");
        assert_eq!(root.index(1).path().to_string(), "[1]");
    }

    #[test]
    fn sentences_name_the_value_and_what_to_do() {
        let at = At::ROOT;
        let name = at.key("center");
        let problem = |kind| Problem { level: Level::Error, path: name.key("crisis_phone").path(), kind };
        assert_eq!(
            problem(ProblemKind::Missing { expected: Expected::Text }).to_string(),
            "is required: give the crisis phone as text."
        );
        let unknown =
            Problem { level: Level::Warning, path: at.key("feed_radius_mile").path(), kind: ProblemKind::UnknownField };
        assert_eq!(unknown.to_string(), "\"feed_radius_mile\" is not a field the widget knows; it is ignored.");
        assert_eq!(
            problem(ProblemKind::WrongType { expected: Expected::Number, found: "text" }).to_string(),
            "must be a number, not text."
        );
        assert_eq!(
            problem(ProblemKind::NotATime { value: "25:00".into() }).message(Lang::from_tag("es").unwrap()),
            "\"25:00\" no es una hora: use \"HH:MM\" de 24 horas, por ejemplo \"19:00\"."
        );
        let long = "x".repeat(500);
        let said = problem(ProblemKind::NotAPhone { value: long }).to_string();
        assert!(said.len() < 200 && said.contains('…'), "{said}");
    }

    /// One problem of every kind and variant, as the checker makes them.
    fn every_kind() -> Vec<ProblemKind> {
        let value = || "v".to_string();
        let mut kinds = vec![
            ProblemKind::Empty,
            ProblemKind::UnknownField,
            ProblemKind::NotOneOf { value: value(), allowed: &["a", "b"] },
            ProblemKind::UnknownKind { value: value() },
            ProblemKind::UnsafeLink { value: value() },
            ProblemKind::NotAWebPage { value: value() },
            ProblemKind::NotOnThisSite { value: value() },
            ProblemKind::NotAnOrigin { value: value() },
            ProblemKind::NotATimeZone { value: value() },
            ProblemKind::NotWebLink { value: value() },
            ProblemKind::NotAPhone { value: value() },
            ProblemKind::OutOfRange { value: value(), min: 0.5, max: 500.0 },
            ProblemKind::NotALanguageTag { value: value() },
            ProblemKind::NotADay { value: value() },
            ProblemKind::NotATime { value: value() },
            ProblemKind::Duplicate { value: value() },
            ProblemKind::TooMany { read: 3 },
            ProblemKind::TooLong { length: 900, max: 300 },
            ProblemKind::DirectionControls,
            ProblemKind::ReadsAsCrisisLine { value: value(), left_out: true },
            ProblemKind::ReadsAsCrisisLine { value: value(), left_out: false },
            ProblemKind::NoTimeZone { count: 2 },
            ProblemKind::FeedOnAnotherSite { value: value() },
            ProblemKind::WithoutHttps { value: value() },
            ProblemKind::OriginWithoutTwin { listed: value(), missing: value() },
            ProblemKind::NotAColor { value: value() },
            ProblemKind::NotSpoken { value: value(), spoken: "en, es".into() },
            ProblemKind::EverydayZoneName { value: value(), zone: "America/Chicago" },
            ProblemKind::LowContrast { value: value(), ratio: 2.04 },
            ProblemKind::MoreProblems { count: 4 },
        ];
        kinds.extend([Cut::Deep, Cut::Entries, Cut::Fields, Cut::Values].map(|cut| ProblemKind::NotRead { cut }));
        let expected = [
            Expected::Text,
            Expected::Number,
            Expected::TrueFalse,
            Expected::List,
            Expected::Object,
            Expected::Config,
            Expected::Center,
            Expected::Resource,
            Expected::Meeting,
            Expected::Meetings,
            Expected::ScheduleEntry,
            Expected::LanguageTag,
            Expected::CatalogId,
            Expected::Day,
            Expected::Time,
        ];
        for expected in expected {
            kinds.push(ProblemKind::Missing { expected });
            for found in ["null", "true_false", "number", "text", "list", "object", "cut"] {
                kinds.push(ProblemKind::WrongType { expected, found });
            }
        }
        kinds
    }

    /// Every sentence has its words in every language, with each `{name}` filled, and every
    /// `p.` string of the tables is one a problem says (none left over from an old sentence).
    #[test]
    fn every_sentence_is_in_every_language() {
        let problems: Vec<Problem> = every_kind()
            .into_iter()
            .map(|kind| Problem { level: Level::Error, path: At::ROOT.key("center").key("phone").path(), kind })
            .collect();
        let mut used = alloc::collections::BTreeSet::new();
        for problem in &problems {
            used.insert(problem.sentence_key());
            if let ProblemKind::WrongType { expected, found } = problem.kind {
                used.extend([format!("p.kind.{}", expected.name()), format!("p.kind.{found}")]);
            }
        }
        for &lang in Lang::all() {
            for problem in &problems {
                assert!(lang.lookup(&problem.sentence_key()).is_some(), "{lang:?} lacks {}", problem.sentence_key());
                let said = problem.message(lang);
                assert!(!said.contains('{') && !said.contains('…'), "{lang:?}: {said}");
            }
            let listed: alloc::collections::BTreeSet<String> =
                lang.entries().filter(|(key, _)| key.starts_with("p.")).map(|(key, _)| key.to_string()).collect();
            assert_eq!(listed, used, "{lang:?}: the p. strings and the sentences differ");
        }
        let spanish = Lang::from_tag("es").unwrap();
        let differ = problems.iter().filter(|p| p.message(spanish) != p.message(Lang::english())).count();
        assert_eq!(differ, problems.len(), "every sentence is translated");
    }
}

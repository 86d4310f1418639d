//! Problems in a center's config or feed, as types: where (`Path`), what (`ProblemKind`), and how
//! bad (`Level`). The sentence a center's web person reads is written by `Display`, only where
//! it is wanted (`check-config`, the scoring API module's `checkConfig`): the widget's module
//! counts problems and never formats one, so it carries none of the sentences.

use crate::support::json::{Bounds, Cut};
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
    fn phrase(self) -> &'static str {
        match self {
            Expected::Text => "text",
            Expected::Number => "a number",
            Expected::TrueFalse => "true or false",
            Expected::List => "a list",
            Expected::Object | Expected::Center | Expected::Resource | Expected::Meeting => "an object",
            Expected::Config => "a JSON object",
            Expected::Meetings => "a list of meetings",
            Expected::ScheduleEntry => "an object with day, start and end",
            Expected::LanguageTag => "a language tag as text",
            Expected::CatalogId => "a catalog id as text",
            Expected::Day => "a number from 0 (Sunday) to 6 (Saturday)",
            Expected::Time => "a time as text, such as \"19:00\"",
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

/// The sentence, in plain words, naming the value given where there is one.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = shorten(self.path.field().unwrap_or("value")).replace('_', " ");
        match &self.kind {
            ProblemKind::WrongType { expected: Expected::Config, found } => {
                write!(f, "The config must be a JSON object, not {found}.")
            }
            ProblemKind::WrongType { expected: Expected::Resource, found } => {
                write!(f, "must be an object, not {found}; this resource is left out.")
            }
            ProblemKind::WrongType { expected: Expected::Meeting, found } => {
                write!(f, "must be an object, not {found}; this meeting is left out.")
            }
            ProblemKind::WrongType { expected: Expected::Meetings, found } => {
                write!(f, "the feed must be a list of meetings, not {found}.")
            }
            ProblemKind::WrongType { expected, found } => write!(f, "must be {}, not {found}.", expected.phrase()),
            ProblemKind::Missing { expected: Expected::Center } => {
                f.write_str("is required: an object with at least the center's \"name\".")
            }
            ProblemKind::Missing { expected: Expected::Day } => f.write_str("is required: 0 (Sunday) to 6 (Saturday)."),
            ProblemKind::Missing { expected: Expected::Time } => {
                f.write_str("is required: a 24-hour time such as \"19:00\".")
            }
            ProblemKind::Missing { expected } => write!(f, "is required: give the {field} as {}.", expected.phrase()),
            ProblemKind::Empty => write!(f, "is empty: give the {field} as text."),
            ProblemKind::UnknownField => write!(f, "\"{field}\" is not a field the widget knows; it is ignored."),
            ProblemKind::NotOneOf { value, allowed } => {
                write!(f, "\"{}\" is not one of: {}.", shorten(value), allowed.join(", "))
            }
            ProblemKind::UnknownKind { value } => {
                write!(f, "\"{}\" is not a group type or care option id (see catalog.md).", shorten(value))
            }
            ProblemKind::UnsafeLink { value } => write!(
                f,
                "\"{}\" is not a link the widget can show (use https:, http:, tel:, sms: or mailto:); it was dropped.",
                shorten(value)
            ),
            ProblemKind::NotAWebPage { value } => write!(
                f,
                "\"{}\" must be a web address starting with https://; the default safe page is used.",
                shorten(value)
            ),
            ProblemKind::NotAnOrigin { value } => write!(
                f,
                "\"{}\" is not a site's origin, such as \"https://www.harbor.example\" (a scheme and a host, no path); it is left out.",
                shorten(value)
            ),
            ProblemKind::NotATimeZone { value } => write!(
                f,
                "\"{}\" is not a time zone name; use the IANA name of the center's zone, such as America/Los_Angeles.",
                shorten(value)
            ),
            ProblemKind::NotOnThisSite { value } => {
                write!(f, "\"{}\" must be a path on this site, such as /meetings.json.", shorten(value))
            }
            ProblemKind::NotWebLink { value } => {
                write!(f, "\"{}\" must start with https://; it was dropped.", shorten(value))
            }
            ProblemKind::NotAPhone { value } => write!(
                f,
                "\"{}\" is not a phone number (digits, spaces, dashes, dots, brackets and a leading +); it was dropped.",
                shorten(value)
            ),
            ProblemKind::OutOfRange { value, min, max } => {
                write!(f, "{} is out of range: it must be from {min} to {max}.", shorten(value))
            }
            ProblemKind::NotALanguageTag { value } => {
                write!(f, "\"{}\" is not a language tag such as \"en\" or \"es\".", shorten(value))
            }
            ProblemKind::NotADay { value } => {
                write!(f, "{} is not a day: use 0 (Sunday) to 6 (Saturday).", shorten(value))
            }
            ProblemKind::NotATime { value } => {
                write!(f, "\"{}\" is not a time: use 24-hour \"HH:MM\", such as \"19:00\".", shorten(value))
            }
            ProblemKind::Duplicate { value } => write!(
                f,
                "\"{}\" is used by another entry; {field}s must be unique, so this one is left out.",
                shorten(value)
            ),
            ProblemKind::TooMany { read } => write!(
                f,
                "has more entries than there is room for: at most 10,000 resources and meetings are read in all, so only the first {read} of this list were."
            ),
            ProblemKind::NotRead { cut: Cut::Deep } => {
                write!(f, "is nested deeper than {} levels; that part of the file is not read.", Bounds::DEPTH)
            }
            ProblemKind::NotRead { cut: Cut::Entries } => {
                write!(f, "has more than {} entries; only the first {0} are read.", Bounds::ENTRIES)
            }
            ProblemKind::NotRead { cut: Cut::Fields } => {
                write!(f, "has more than {} fields; the rest are not read.", Bounds::FIELDS)
            }
            ProblemKind::NotRead { cut: Cut::Values } => write!(
                f,
                "comes after the first {} values of the file, which is as much as is read; it is left out.",
                Bounds::VALUES
            ),
            ProblemKind::TooLong { length, max } => {
                write!(f, "is {length} characters long; at most {max} are read, so it is left out.")
            }
            ProblemKind::DirectionControls => f.write_str(
                "holds invisible characters that change the direction of text (they could make it read as something else); they were removed.",
            ),
            ProblemKind::ReadsAsCrisisLine { value, left_out: true } => write!(
                f,
                "\"{}\" reads like a crisis line (988, 911, suicide, crisis line, hotline): a visitor in crisis could call this meeting's number instead, so the meeting is left out.",
                shorten(value)
            ),
            ProblemKind::ReadsAsCrisisLine { value, left_out: false } => write!(
                f,
                "\"{}\" reads like a crisis line (988, 911, suicide, crisis line, hotline): make sure no visitor in crisis could take it for one (the widget always shows 988 and 911 itself).",
                shorten(value)
            ),
            ProblemKind::NoTimeZone { count } => write!(
                f,
                "is missing, and {count} resource(s) with a schedule give no time zone of their own: their times are read in each visitor's zone, hours off for a visitor elsewhere. Give the center's IANA zone, such as America/New_York."
            ),
            ProblemKind::FeedOnAnotherSite { value } => write!(
                f,
                "\"{}\" is on a site of its own: the widget reads a feed only from the site it runs on, so unless that is this one, the live page shows no meetings. Keep a copy on your site (the WordPress plugin's feed sync, or peerpath-sync-feed URL meetings.json --config center.json) and give its path, such as /peerpath/meetings.json.",
                shorten(value)
            ),
            ProblemKind::WithoutHttps { value } => write!(
                f,
                "\"{}\" reads as a web address without https://: as written, a browser opens it as a page of your own site. Write https:// before it.",
                shorten(value)
            ),
            ProblemKind::OriginWithoutTwin { listed, missing } => write!(
                f,
                "lists {} but not {}: a visitor who reaches your site at that name sees only the fallback in isolated mode. List both if your site answers at both.",
                shorten(listed),
                shorten(missing)
            ),
            ProblemKind::NotAColor { value } => write!(
                f,
                "\"{}\" is not a color as the widget takes one: \"#\" and six hexadecimal digits, such as #1d5c4d; the widget's own is used.",
                shorten(value)
            ),
            ProblemKind::LowContrast { value, ratio } => write!(
                f,
                "{} is too light for the white text of the buttons on it ({}:1; 4.5:1 is the least that reads well). Choose a darker shade.",
                shorten(value),
                crate::support::numtext::fixed(*ratio, 1)
            ),
            ProblemKind::MoreProblems { count } => {
                write!(f, "{count} more problem(s) like those above are not listed; fix those and check again.")
            }
        }
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

/// `{ level, path, kind, message }`, as `checkConfig` gives each problem.
impl serde::Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut problem = serializer.serialize_struct("Problem", 4)?;
        problem.serialize_field("level", &self.level)?;
        problem.serialize_field("path", &self.path.to_string())?;
        problem.serialize_field("kind", self.kind.id())?;
        problem.serialize_field("message", &self.to_string())?;
        problem.end()
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
        assert_eq!(
            problem(ProblemKind::WrongType { expected: Expected::Number, found: "text" }).to_string(),
            "must be a number, not text."
        );
        let long = "x".repeat(500);
        let said = problem(ProblemKind::NotAPhone { value: long }).to_string();
        assert!(said.len() < 200 && said.contains('…'), "{said}");
    }
}

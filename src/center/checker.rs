//! Reading a config or feed field by field, with every problem collected (`Checker`), and the
//! rules a link and a clock time must follow.

use super::problem::{At, Expected, Level, Problem, ProblemKind};
use crate::screening::items::is_language_tag;
use crate::support::json::{Cut, Json};
use crate::support::numtext::fixed;
use crate::support::prelude::*;

const LINK_SCHEMES: [&str; 5] = ["https:", "http:", "tel:", "sms:", "mailto:"];

/// Problems kept with their place; past this many only their number is (`Checker::finish`), so
/// a file of a million bad entries gives a short list, not a flood.
pub const MAX_PROBLEMS: usize = 100;

/// Text fields read, at most this many characters (by field; every other field: `MAX_TEXT`).
/// Longer text is left out with a problem: it is a mistake, and a string of 100,000 letters
/// would cost a visitor's phone seconds to lay out.
const TEXT_LIMITS: [(&str, usize); 8] = [
    ("description", 2_000),
    ("notes", 2_000),
    ("hours", 500),
    ("url", 2_000),
    ("conference_url", 2_000),
    ("quick_exit_url", 2_000),
    ("meeting_guide_url", 2_000),
    ("formatted_address", 500),
];
const MAX_TEXT: usize = 300;

/// Characters that change the direction of the text around them (Unicode bidirectional
/// controls). In a center's name or a phone number they can make a number read as another than
/// the one a link dials; they are removed, with a warning.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The ids of the resources read so far, to find one used twice.
pub type Ids = alloc::collections::BTreeSet<String>;

/// Collects problems while reading; every reader takes the place of what it reads (`At`), made
/// into a path only for a problem.
#[derive(Default)]
pub struct Checker {
    pub problems: Vec<Problem>,
    /// Problems past `MAX_PROBLEMS`, counted and not kept (`errors` of them errors).
    left_out: usize,
    left_out_errors: usize,
}

impl Checker {
    fn push(&mut self, level: Level, at: At, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            // The widget's module (no std) only counts problems; the builds that describe them
            // (the scoring API, check-config) name their place (716 B gzip of the widget).
            let path = if cfg!(feature = "full") { at.path() } else { Default::default() };
            self.problems.push(Problem { level, path, kind });
        } else {
            self.left_out += 1;
            self.left_out_errors += usize::from(level == Level::Error);
        }
    }

    pub fn error(&mut self, at: At, kind: ProblemKind) {
        self.push(Level::Error, at, kind);
    }

    pub fn warn(&mut self, at: At, kind: ProblemKind) {
        self.push(Level::Warning, at, kind);
    }

    /// The problems, with one more that counts those past `MAX_PROBLEMS` (an error when any of
    /// them is).
    pub fn finish(mut self) -> Vec<Problem> {
        if self.left_out > 0 {
            let level = if self.left_out_errors > 0 { Level::Error } else { Level::Warning };
            self.problems.push(Problem {
                level,
                path: At::ROOT.path(),
                kind: ProblemKind::MoreProblems { count: self.left_out },
            });
        }
        self.problems
    }

    /// Reports `value` as of the wrong type, or as not read when it was too large to read.
    pub fn wrong_type(&mut self, at: At, expected: Expected, value: &Json) {
        match value {
            Json::Cut(cut) => self.error(at, ProblemKind::NotRead { cut: *cut }),
            _ => self.error(at, ProblemKind::WrongType { expected, found: value.kind() }),
        }
    }

    /// Warns about every field of `object` not in `known`.
    pub fn unknown_fields(&mut self, object: &Json, known: &[&str], at: At) {
        if let Json::Object(entries) = object {
            // Fields past the bound first: a known field may be among them.
            if entries.last().is_some_and(|(k, v)| k.is_empty() && matches!(v, Json::Cut(Cut::Fields))) {
                self.error(at, ProblemKind::NotRead { cut: Cut::Fields });
            }
            for (key, value) in entries {
                if !matches!(value, Json::Cut(Cut::Fields)) && !known.contains(&key.as_str()) {
                    self.warn(at.key(key), ProblemKind::UnknownField);
                }
            }
        }
    }

    /// A text field; wrong types are reported and give `None`. Empty text counts as missing;
    /// text longer than its field's limit is left out; direction controls are removed.
    pub fn text(&mut self, object: &Json, key: &str, at: At) -> Option<String> {
        match object.get(key)? {
            Json::String(s) if s.trim_ascii().is_empty() => None,
            Json::String(s) => {
                let max = TEXT_LIMITS.iter().find(|(k, _)| *k == key).map_or(MAX_TEXT, |(_, max)| *max);
                let length = s.chars().count();
                if length > max {
                    self.error(at.key(key), ProblemKind::TooLong { length, max });
                    return None;
                }
                let mut text = s.trim_ascii().to_string();
                if text.contains(is_direction_control) {
                    self.warn(at.key(key), ProblemKind::DirectionControls);
                    text.retain(|c| !is_direction_control(c));
                }
                Some(text)
            }
            Json::Null => None,
            other => {
                self.wrong_type(at.key(key), Expected::Text, other);
                None
            }
        }
    }

    /// A text field that must be there; missing, `null` and empty are reported.
    pub fn required_text(&mut self, object: &Json, key: &str, at: At) -> Option<String> {
        match object.get(key) {
            None | Some(Json::Null) => {
                self.error(at.key(key), ProblemKind::Missing { expected: Expected::Text });
                None
            }
            Some(Json::String(s)) if s.trim_ascii().is_empty() => {
                self.error(at.key(key), ProblemKind::Empty);
                None
            }
            Some(_) => self.text(object, key, at),
        }
    }

    /// One of `allowed`, as the table's `&'static str`.
    pub fn one_of(
        &mut self,
        object: &Json,
        key: &str,
        allowed: &'static [&'static str],
        at: At,
    ) -> Option<&'static str> {
        let value = self.text(object, key, at)?;
        let found = allowed.iter().find(|a| **a == value).copied();
        if found.is_none() {
            self.error(at.key(key), ProblemKind::NotOneOf { value, allowed });
        }
        found
    }

    /// A link with an allowed scheme; anything else is dropped and reported.
    pub fn link(&mut self, object: &Json, key: &str, at: At) -> Option<String> {
        let value = self.text(object, key, at)?;
        if is_safe_link(&value) {
            Some(value)
        } else {
            self.error(at.key(key), ProblemKind::UnsafeLink { value });
            None
        }
    }

    /// A phone number, kept as written when it reads as one.
    pub fn phone(&mut self, object: &Json, key: &str, at: At) -> Option<String> {
        let value = self.text(object, key, at)?;
        if crate::support::phone::tel_number(&value).is_some() {
            Some(value)
        } else {
            self.error(at.key(key), ProblemKind::NotAPhone { value });
            None
        }
    }

    pub fn number(&mut self, object: &Json, key: &str, range: (f64, f64), at: At) -> Option<f64> {
        match object.get(key)? {
            Json::Number(n) if *n >= range.0 && *n <= range.1 => Some(*n),
            Json::Number(n) => {
                self.error(at.key(key), ProblemKind::OutOfRange { value: fixed(*n, 3), min: range.0, max: range.1 });
                None
            }
            Json::Null => None,
            other => {
                self.wrong_type(at.key(key), Expected::Number, other);
                None
            }
        }
    }

    pub fn boolean(&mut self, object: &Json, key: &str, at: At) -> Option<bool> {
        match object.get(key)? {
            Json::Bool(b) => Some(*b),
            Json::Null => None,
            other => {
                self.wrong_type(at.key(key), Expected::TrueFalse, other);
                None
            }
        }
    }

    /// A list; a single value where a list is expected is reported.
    pub fn list<'j>(&mut self, object: &'j Json, key: &str, at: At) -> &'j [Json] {
        match object.get(key) {
            None | Some(Json::Null) => &[],
            Some(value) => self.entries(value, at.key(key), Expected::List),
        }
    }

    /// The entries of a list at `at`; anything else is reported as not `expected`. A list longer
    /// than is read (`Bounds::ENTRIES`) is reported, and the entries read are given.
    pub fn entries<'j>(&mut self, value: &'j Json, at: At, expected: Expected) -> &'j [Json] {
        match value {
            Json::Array(items) => match items.split_last() {
                Some((Json::Cut(cut), read)) => {
                    self.error(at, ProblemKind::NotRead { cut: *cut });
                    read
                }
                _ => items,
            },
            other => {
                self.wrong_type(at, expected, other);
                &[]
            }
        }
    }

    /// An IANA time zone name (`America/Los_Angeles`, `UTC`), by its form: the browser knows
    /// which zones exist, and a zone it does not know leaves times in the visitor's own zone.
    pub fn time_zone(&mut self, object: &Json, key: &str, at: At) -> Option<String> {
        let zone = self.text(object, key, at)?;
        let well_formed = zone.len() <= 64
            && zone.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && zone.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'+' | b'-'));
        if well_formed {
            Some(zone)
        } else {
            self.error(at.key(key), ProblemKind::NotATimeZone { value: zone });
            None
        }
    }

    /// A list of language tags.
    pub fn languages(&mut self, object: &Json, key: &str, at: At) -> Vec<String> {
        let mut out = Vec::new();
        let list_at = at.key(key);
        for (i, item) in self.list(object, key, at).iter().enumerate() {
            match item {
                Json::String(tag) if is_language_tag(tag) => out.push(tag.clone()),
                Json::String(tag) => self.error(list_at.index(i), ProblemKind::NotALanguageTag { value: tag.clone() }),
                other => self.wrong_type(list_at.index(i), Expected::LanguageTag, other),
            }
        }
        out
    }
}

/// Whether a link may be shown: one of the allowed schemes, or a path on the same site
/// (`/contact`, `meetings.json`: no scheme, not `//host`); no spaces or control characters.
/// Whether a resource's or meeting's name reads as a crisis line: the number 988 or 911 on its
/// own, or the words of one ("suicide", "crisis line", "crisis lifeline", "hotline", in English
/// or Spanish). A meeting named "988 Suicide & Crisis Lifeline (call now)" with another number
/// would otherwise become a visitor's next step.
pub fn reads_as_crisis_line(name: &str) -> bool {
    let lower = name.to_lowercase();
    let number = lower.split(|c: char| !c.is_alphanumeric()).any(|word| word == "988" || word == "911");
    const WORDS: [&str; 7] =
        ["suicide", "crisis line", "crisis lifeline", "hotline", "suicidio", "línea de crisis", "linea de crisis"];
    number || WORDS.iter().any(|words| lower.contains(words))
}

pub fn is_safe_link(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let before_path = value.split(['/', '?', '#']).next().unwrap_or_default();
    // No backslash anywhere: browsers read it as a slash, so `/\evil.example` is `//evil.example`.
    let relative = !value.is_empty() && !before_path.bytes().any(|b| b == b':') && !value.starts_with("//");
    // No space or control character (C0, DEL, and C1, which UTF-8 writes as C2 80..C2 9F).
    !value.bytes().any(|b| b <= b' ' || b == 0x7f || b == b'\\')
        && !value.as_bytes().windows(2).any(|w| w[0] == 0xc2 && w[1] < 0xa0)
        && (LINK_SCHEMES.iter().any(|s| lower.starts_with(*s) && lower.len() > s.len()) || relative)
}

/// "19:00" (or "7:00", or "19:00:00" as Meeting Guide feeds write it) as minutes since midnight.
pub fn parse_time(value: &str) -> Option<u16> {
    let mut parts = value.split(':');
    let hours = crate::support::num::digits(parts.next()?)?;
    let minutes_text = parts.next()?;
    if minutes_text.len() != 2 {
        return None;
    }
    let minutes = crate::support::num::digits(minutes_text)?;
    match parts.next() {
        None => {}
        Some(seconds) if seconds.len() == 2 && crate::support::num::digits(seconds).is_some_and(|s| s < 60) => {}
        Some(_) => return None,
    }
    // `then`, not `then_some`: the sum must not be worked out for hours past 23 (it overflows
    // for "9999:00"; found by fuzzing, corpus/meeting_guide/huge-hour.json).
    (parts.next().is_none() && hours < 24 && minutes < 60).then(|| (hours * 60 + minutes) as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("19:00"), Some(1140));
        assert_eq!(parse_time("7:05"), Some(425));
        assert_eq!(parse_time("19:00:00"), Some(1140));
        for bad in ["24:00", "19:60", "7pm", "19", "19:0", "", "19:00:99", "1:2:3:4", "9999:00", "65535:59"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    fn read(text: &str) -> (Option<String>, Vec<Problem>) {
        let json: Json = serde_json::from_str(text).unwrap();
        let mut c = Checker::default();
        let value = c.text(&json, "name", At::ROOT);
        (value, c.finish())
    }

    #[test]
    fn text_longer_than_its_field_allows_is_left_out() {
        let long = "A".repeat(100_000);
        let (value, problems) = read(&format!(r#"{{"name": "{long}"}}"#));
        assert_eq!(value, None);
        assert_eq!(problems[0].kind, ProblemKind::TooLong { length: 100_000, max: MAX_TEXT });
        assert_eq!(problems[0].path.to_string(), "name");
        assert_eq!(
            read(&format!(r#"{{"name": "{}"}}"#, "é".repeat(MAX_TEXT))).0.map(|v| v.chars().count()),
            Some(MAX_TEXT)
        );
    }

    /// A center's name or phone with bidirectional controls could display one number and dial
    /// another: they are removed, with a warning naming the field.
    #[test]
    fn direction_controls_are_removed_with_a_warning() {
        let (value, problems) = read(r#"{"name": "Harbor \u202e0010-555\u202c Recovery"}"#);
        assert_eq!(value.as_deref(), Some("Harbor 0010-555 Recovery"));
        assert_eq!((problems[0].level, &problems[0].kind), (Level::Warning, &ProblemKind::DirectionControls));
        for c in ['\u{200e}', '\u{200f}', '\u{061c}', '\u{2066}', '\u{2069}', '\u{202a}'] {
            assert!(is_direction_control(c));
        }
        assert!(!is_direction_control('a') && !is_direction_control('\u{200b}'));
    }

    #[test]
    fn a_part_not_read_is_named_as_such() {
        let mut c = Checker::default();
        let value = Json::Object(vec![("name".into(), Json::Cut(Cut::Deep))]);
        assert_eq!(c.text(&value, "name", At::ROOT), None);
        assert_eq!(c.finish()[0].kind, ProblemKind::NotRead { cut: Cut::Deep });
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
            "/\\evil.example",
            "/\\/evil.example",
            "https://a.example\\@evil.example",
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
}

//! Reading a config or feed field by field, with every problem collected (`Checker`), and the
//! rules a link and a clock time must follow.

use super::problem::{At, Expected, Level, Problem, ProblemKind};
use crate::screening::items::is_language_tag;
use crate::support::json::Json;
use crate::support::numtext::fixed;
use crate::support::prelude::*;

const LINK_SCHEMES: [&str; 5] = ["https:", "http:", "tel:", "sms:", "mailto:"];

/// Collects problems while reading; every reader takes the place of what it reads (`At`), made
/// into a path only for a problem.
#[derive(Default)]
pub struct Checker {
    pub problems: Vec<Problem>,
}

impl Checker {
    pub fn error(&mut self, at: At, kind: ProblemKind) {
        self.problems.push(Problem { level: Level::Error, path: at.path(), kind });
    }

    pub fn warn(&mut self, at: At, kind: ProblemKind) {
        self.problems.push(Problem { level: Level::Warning, path: at.path(), kind });
    }

    /// Reports `value` as of the wrong type.
    pub fn wrong_type(&mut self, at: At, expected: Expected, value: &Json) {
        self.error(at, ProblemKind::WrongType { expected, found: value.kind() });
    }

    /// Warns about every field of `object` not in `known`.
    pub fn unknown_fields(&mut self, object: &Json, known: &[&str], at: At) {
        if let Json::Object(entries) = object {
            for (key, _) in entries {
                if !known.contains(&key.as_str()) {
                    self.warn(at.key(key), ProblemKind::UnknownField);
                }
            }
        }
    }

    /// A text field; wrong types are reported and give `None`. Empty text counts as missing.
    pub fn text(&mut self, object: &Json, key: &str, at: At) -> Option<String> {
        match object.get(key)? {
            Json::String(s) if s.trim_ascii().is_empty() => None,
            Json::String(s) => Some(s.trim_ascii().to_string()),
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
                self.error(at.key(key), ProblemKind::OutOfRange { value: fixed(*n, 6), min: range.0, max: range.1 });
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
            Some(Json::Array(items)) => items,
            None | Some(Json::Null) => &[],
            Some(other) => {
                self.wrong_type(at.key(key), Expected::List, other);
                &[]
            }
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
}

//! Every string a visitor reads, per language, as `key = text` table files: `src/strings/<tag>.txt`,
//! one per language, named by its language tag. Adding a language is adding its file (and its
//! translation's review): no Rust changes.
//!
//! Keys: `q.<item>` question, `h.<item>` help, `o.<option set>.<value>` option label,
//! `sec.<section>` section title, `g.<catalog id>.name|text`, `u.<notice>.title|text`,
//! `c.<contact>` contact label, `care.<level>.title|text`, `d.<domain>` domain name,
//! `r.<reason>` reason sentence, `ui.<name>` interface text, `lang.name` the language's own name.
//! `{name}` marks a value filled in at run time. The tests check that every key the engine uses
//! exists in every language.
//!
//! The widget's module has no language built in: the page fetches the visitor's file beside the
//! module and hands it over (`Lang::read`). `make build` (tools/languages.py) writes each file
//! in two parts, without comments: `pkg/strings/<tag>.txt`, what the questions need, fetched
//! beside the module, and `<tag>.more.txt`, what the result and the meetings screen need,
//! fetched once the first screen is drawn (`Lang::extend`), so the first question waits for
//! about half the bytes (BENCHMARKS.md). The "full" builds have every file built in (`builtin`; the widget's list
//! is empty).

use crate::support::once::OnceLock;
use crate::support::prelude::*;
use alloc::collections::BTreeMap;

pub mod builtin;

/// One language's strings, read from its table file.
pub struct Strings {
    /// The primary language tag (`en`, `es`).
    tag: String,
    texts: BTreeMap<&'static str, &'static str>,
    /// The part read later (`Lang::extend`), if any.
    more: OnceLock<BTreeMap<&'static str, &'static str>>,
}

/// A language the widget speaks: its strings, kept for as long as the page lives (a visitor
/// reads one or two languages; each is read once).
#[derive(Clone, Copy)]
pub struct Lang(&'static Strings);

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.0.tag == other.0.tag
    }
}

impl Eq for Lang {}

impl core::fmt::Debug for Lang {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0.tag)
    }
}

impl Lang {
    /// Reads a language's table file (its text as written, or as `make build` writes it) for
    /// the language `tag`.
    pub fn read(tag: &str, text: String) -> Lang {
        let texts = table(text);
        Lang(Box::leak(Box::new(Strings { tag: primary(tag), texts, more: OnceLock::new() })))
    }

    /// Adds the part of the language's file read later (the result's and the meetings screen's
    /// strings); false when it already has one.
    pub fn extend(self, text: String) -> bool {
        self.0.more.set(table(text)).is_ok()
    }

    /// The primary language tag: `en`, `es`.
    pub fn as_str(self) -> &'static str {
        &self.0.tag
    }

    /// The text for `key`. Every key the code uses is in every language (the string-table tests
    /// check it); a missing one shows as `MISSING`, never as a blank.
    pub fn text(self, key: &str) -> &'static str {
        self.lookup(key).unwrap_or(MISSING)
    }

    /// The text for a key that may have none in a language (a question without help, the
    /// labels between a ruler's ends), or `None`.
    pub fn lookup(self, key: &str) -> Option<&'static str> {
        self.0.texts.get(key).or_else(|| self.0.more.get()?.get(key)).copied()
    }

    /// Whether the part read later (`extend`) has yet to come to a language read in two parts:
    /// the meetings screen waits for it. Once the page gave up on it (it hands over an empty
    /// part), the screens are drawn with what there is.
    pub fn awaits_later_part(self) -> bool {
        self.0.more.get().is_none() && self.lookup("ui.meetings.title").is_none()
    }

    /// Whether this language has a text for every key of `other` that every language has: a
    /// file that arrived whole.
    pub fn covers(self, other: Lang) -> bool {
        other.entries().all(|(key, _)| may_lack(key) || self.lookup(key).is_some())
    }

    /// Every `key = text` of the language: the part read first, in key order, then the rest.
    pub fn entries(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.0.texts.iter().chain(self.0.more.get().into_iter().flatten()).map(|(key, text)| (*key, *text))
    }
}

/// Keys a language may leave out: help texts, the labels between a ruler's ends, the names of
/// languages, and a first word for a text to 988 (988 answers AYUDA in Spanish).
const MAY_LACK: [&str; 4] = ["h.", "o.ruler.", "o.language.", "c.text_988_body"];

/// Whether a language may have no text for `key`.
pub fn may_lack(key: &str) -> bool {
    MAY_LACK.iter().any(|prefix| key.starts_with(prefix))
}

/// The primary language of a BCP 47 tag, lowercase: `es-MX` gives `es`.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()
}

/// A table file's texts by key, kept for as long as the page lives.
fn table(text: String) -> BTreeMap<&'static str, &'static str> {
    // `extend` inserts one entry at a time; `collect` would sort them first, with a stable sort
    // of its own in the module (+1,819 B gzip, BENCHMARKS.md).
    let mut texts = BTreeMap::new();
    texts.extend(entries(Box::leak(text.into_boxed_str())));
    texts
}

/// The `key = text` lines of a table file; blank lines and `#` comments are skipped. A key given
/// twice is a table error the tests catch (`parse_problems`).
fn entries(source: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    source.lines().filter(|line| !line.trim_start().starts_with('#')).filter_map(|line| {
        let (key, text) = line.split_once('=')?;
        Some((key.trim(), text.trim()))
    })
}

/// Shown in place of a missing string (the string-table tests fail long before a visitor could
/// see it).
const MISSING: &str = "…";

/// The visitor's language (quality.md v3, "One language at a time") among the `spoken` ones
/// (the tags of the languages there are files for): the element's `lang` attribute (the page's
/// own choice), else the first of the browser's languages that the center offers, else the
/// center's first, else English. A Spanish browser on a page offering English and Spanish reads
/// Spanish. The page's shell decides the same way (`www/peer-path.js`), before it fetches the
/// file.
pub fn negotiate(element: Option<&str>, config_languages: &[String], browser: &[String], spoken: &[&str]) -> String {
    let offered = offered(config_languages, spoken);
    let speaks = |tag: &str| Some(primary(tag)).filter(|tag| spoken.contains(&tag.as_str()));
    element
        .and_then(speaks)
        .or_else(|| browser.iter().filter_map(|tag| speaks(tag)).find(|tag| offered.contains(tag)))
        .or_else(|| offered.first().cloned())
        .unwrap_or_else(|| "en".to_string())
}

/// The languages the switcher offers: those of the center's list that are `spoken`, or every
/// spoken language when the center names none.
pub fn offered(config_languages: &[String], spoken: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in config_languages.iter().map(|tag| primary(tag)) {
        if spoken.contains(&tag.as_str()) && !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.is_empty() {
        spoken.iter().map(|tag| tag.to_string()).collect()
    } else {
        out
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass over the template: `{name}` with a value is replaced, anything else is kept as it
    // is, and a value that itself holds `{name}` is never filled again (`str::replace` per value
    // would, and measured 1.2 KB gzip more).
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let filled = after
            .split_once('}')
            .and_then(|(name, tail)| values.iter().find(|(n, _)| *n == name).map(|(_, value)| (value, tail)));
        match filled {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines that are neither blank, comments, nor `key = text`, and keys given twice.
    fn parse_problems(lang: Lang) -> Vec<String> {
        let mut problems = Vec::new();
        let mut keys = Vec::new();
        for (n, line) in lang.file().lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            match line.split_once(" = ") {
                Some((key, _)) => keys.push(key.trim()),
                None => problems.push(format!("{}.txt line {}: not `key = text`", lang.as_str(), n + 1)),
            }
        }
        keys.sort();
        for pair in keys.windows(2).filter(|pair| pair[0] == pair[1]) {
            problems.push(format!("{}.txt: key {} given twice", lang.as_str(), pair[0]));
        }
        problems
    }

    fn spanish() -> Lang {
        Lang::from_tag("es").unwrap()
    }

    #[test]
    fn tables_parse_cleanly() {
        assert!(Lang::all().len() >= 2);
        for &lang in Lang::all() {
            assert_eq!(parse_problems(lang), Vec::<String>::new());
            assert!(lang.entries().count() > 500, "{lang:?}");
            assert!(lang.lookup("lang.name").is_some(), "{lang:?} has no lang.name");
        }
    }

    /// A file as `make build` writes it (no comments, `key=text`) reads the same as the file.
    #[test]
    fn a_compacted_file_reads_the_same() {
        let english = Lang::english();
        let compact: String = english.entries().map(|(key, text)| format!("{key}={text}\n")).collect();
        let read = Lang::read("en-US", compact);
        assert_eq!(read, english);
        assert!(read.covers(english) && english.covers(read));
        let spanish = spanish();
        assert!(spanish.lookup("c.text_988_body").is_some() && english.lookup("c.text_988_body").is_none());
        assert!(english.covers(spanish) && spanish.covers(english), "what a language may lack is not counted");
        assert!(read.entries().eq(english.entries()));
        let half: String = english.entries().take(100).map(|(key, text)| format!("{key} = {text}\n")).collect();
        assert!(!Lang::read("en", half).covers(english), "a file cut short is not whole");
    }

    /// A file read in two parts, the second later, has every text of the file once both are in.
    #[test]
    fn a_file_read_in_two_parts() {
        let english = Lang::english();
        let line = |(key, text): (&str, &str)| format!("{key}={text}\n");
        let (first, more): (Vec<_>, Vec<_>) = english.entries().partition(|(key, _)| !key.starts_with("r."));
        let lang = Lang::read("en", first.into_iter().map(line).collect());
        assert_eq!(lang.lookup("r.spiritual"), None);
        assert!(lang.lookup("ui.next").is_some() && !lang.covers(english));
        assert!(lang.extend(more.into_iter().map(line).collect()));
        assert!(lang.covers(english) && english.covers(lang));
        assert!(english.entries().all(|(key, text)| lang.text(key) == text));
        assert!(!lang.extend("ui.next=Onward\n".to_string()), "the second part is read once");
        assert_ne!(lang.text("ui.next"), "Onward");
    }

    #[test]
    fn lookup_and_fill() {
        let english = Lang::english();
        assert_eq!(english.lookup("h.no_such_item"), None);
        assert_eq!(english.text("h.no_such_item"), "…");
        assert_eq!(english.lookup("o.ruler.5"), None, "only the ruler's ends have labels");
        assert!(english.lookup("o.ruler.10").is_some());
        assert!(spanish().lookup("h.lo_safety").is_some_and(|t| t.contains("aparato")));
        assert_eq!(fill("{a} and {b}, {a}", &[("a", "1"), ("b", "2")]), "1 and 2, 1");
        // Unknown names and stray braces stay as written; a value is never read as a template.
        assert_eq!(fill("{x} {a} { {a", &[("a", "{a}")]), "{x} {a} { {a");
        assert_eq!(fill("é{a}ü}", &[("a", "ñ")]), "éñü}");
        assert_eq!(fill("", &[("a", "1")]), "");
    }

    /// Every `"ui.…"` key written in the rendering code exists in every language (the keys built
    /// from a prefix, like `ui.severity.` + band, are listed by the engine's `string_keys`).
    #[test]
    fn interface_strings_exist() {
        let sources =
            [include_str!("../render/mod.rs"), include_str!("../render/screens.rs"), include_str!("../render/copy.rs")];
        let mut keys: Vec<&str> = Vec::new();
        for source in sources {
            keys.extend(source.split('"').skip(1).step_by(2).filter(|p| p.starts_with("ui.") && !p.ends_with('.')));
        }
        assert!(keys.len() > 40, "found only {} keys", keys.len());
        for &lang in Lang::all() {
            let missing: Vec<&&str> = keys.iter().filter(|key| lang.lookup(key).is_none()).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }

    #[test]
    fn language_tags_pick_a_language() {
        assert_eq!(Lang::from_tag("en-US"), Some(Lang::english()));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::english()));
        assert_eq!(Lang::from_tag("es-419"), Some(spanish()));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn every_language_has_the_same_keys() {
        let must = |key: &&str| !may_lack(key);
        let english: Vec<&str> = Lang::english().entries().map(|(k, _)| k).filter(must).collect();
        for &lang in Lang::all() {
            let keys: Vec<&str> = lang.entries().map(|(k, _)| k).filter(must).collect();
            let missing: Vec<&&str> = english.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<&&str> = keys.iter().filter(|k| !english.contains(k)).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{lang:?}: missing {missing:?}, extra {extra:?}");
        }
        // Of the families that may be absent, the help texts are there in every language.
        let help = |lang: Lang| lang.entries().filter(|(k, _)| k.starts_with("h.")).count();
        assert!(Lang::all().iter().all(|&lang| help(lang) == help(Lang::english())));
    }

    /// A Spanish text equal to its English one is an untranslated string, unless `same.txt`
    /// lists its key (proper names, words spelled the same).
    #[test]
    fn nothing_is_left_untranslated() {
        let same: Vec<&str> =
            include_str!("same.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let (english, spanish) = (Lang::english(), spanish());
        let untranslated: Vec<&str> = english
            .entries()
            .map(|(k, _)| k)
            .filter(|k| spanish.lookup(k) == english.lookup(k) && !same.contains(k))
            .collect();
        assert!(
            untranslated.is_empty(),
            "the same in Spanish as in English: {untranslated:?} (translate them, or list proper names in same.txt)"
        );
        for key in &same {
            assert_eq!(spanish.text(key), english.text(key), "{key} is listed in same.txt but differs");
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        let names = |text: &str| {
            let mut found: Vec<String> =
                text.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
            found.sort();
            found
        };
        for (key, text) in Lang::english().entries() {
            for &lang in Lang::all() {
                assert_eq!(names(lang.text(key)), names(text), "{lang:?}: {key}");
            }
        }
    }

    #[test]
    fn negotiation_order() {
        let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let spoken = ["en", "es"];
        let negotiate =
            |element, config: &[&str], browser: &[&str]| negotiate(element, &s(config), &s(browser), &spoken);
        assert_eq!(negotiate(Some("es"), &["en"], &["en"]), "es", "the element's lang first");
        assert_eq!(negotiate(Some("fr"), &["es", "en"], &["en"]), "en", "then the browser's, if offered");
        assert_eq!(negotiate(None, &["en", "es"], &["es-MX", "en"]), "es", "a Spanish browser on an en+es page");
        assert_eq!(negotiate(None, &["en"], &["es-MX"]), "en", "not offered: the center's first");
        assert_eq!(negotiate(None, &["es", "en"], &["fr"]), "es", "no match: the center's first");
        assert_eq!(negotiate(None, &[], &["fr-FR", "es-MX", "en"]), "es", "no list: the browser's first spoken");
        assert_eq!(negotiate(None, &[], &["fr", "de"]), "en", "else the first spoken");
        assert_eq!(offered(&s(&["es", "fr"]), &spoken), ["es"]);
        assert_eq!(offered(&[], &spoken), ["en", "es"]);
        // A third language is one more spoken tag.
        assert_eq!(super::negotiate(None, &[], &s(&["fr-CA", "es"]), &["en", "es", "fr"]), "fr");
    }
}

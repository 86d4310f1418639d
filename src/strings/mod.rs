//! Every string a visitor reads, per language, as `key = text` tables embedded at build time.
//!
//! Keys: `q.<item>` question, `h.<item>` help, `o.<option set>.<value>` option label,
//! `sec.<section>` section title, `g.<catalog id>.name|text`, `u.<notice>.title|text`,
//! `c.<contact>` contact label, `care.<level>.title|text`, `d.<domain>` domain name,
//! `r.<reason>` reason sentence, `ui.<name>` interface text. `{name}` marks a value filled in
//! at run time. A test checks that every key the engine uses exists in every language.

use crate::prelude::*;
use crate::once::OnceLock;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's own name, for the switcher ("Español" reads the same in any language).
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The best language for a BCP 47 tag (`en-US` gives English); `None` when not offered.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(primary))
    }

    /// The language's table text. English is always built in; in the WebAssembly module the
    /// others are separate files (`pkg/strings/<lang>.txt`), loaded with `load` only when a
    /// visitor needs them, so each visitor downloads one language.
    fn source(self) -> Option<&'static str> {
        match self {
            Lang::En => Some(EN),
            #[cfg(not(target_arch = "wasm32"))]
            Lang::Es => Some(include_str!("es.txt")),
            #[cfg(target_arch = "wasm32")]
            Lang::Es => LOADED_ES.get().copied(),
        }
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        static EN: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
        static ES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
        let cell = match self {
            Lang::En => &EN,
            Lang::Es => &ES,
        };
        match self.source() {
            Some(source) => cell.get_or_init(|| parse(source)),
            // Not loaded: English stands in, so a screen is never blank.
            None => Lang::En.table(),
        }
    }

    /// Whether this language's table is here (built in or loaded).
    pub fn available(self) -> bool {
        self.source().is_some()
    }

    /// Loads a language's table from its file text. Refused (returns false) when the text is
    /// not a complete table: every English key must be there.
    pub fn load(self, text: String) -> bool {
        if self.available() {
            return true;
        }
        let text: &'static str = Box::leak(text.into_boxed_str());
        let table = parse(text);
        if !Lang::En.keys().all(|k| table.binary_search_by(|(key, _)| (*key).cmp(k)).is_ok()) {
            return false;
        }
        #[cfg(target_arch = "wasm32")]
        if self == Lang::Es {
            let _ = LOADED_ES.set(text);
        }
        self.available()
    }

    /// The text for `key`; a missing key yields a marker, never a crash.
    pub fn text(self, key: &str) -> &'static str {
        self.lookup(key).unwrap_or(MISSING)
    }

    pub fn lookup(self, key: &str) -> Option<&'static str> {
        let table = self.table();
        table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| table[i].1)
    }

    /// Every key of this language's table, sorted.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        self.table().iter().map(|(k, _)| *k)
    }
}

#[cfg(target_arch = "wasm32")]
static LOADED_ES: OnceLock<&'static str> = OnceLock::new();

/// English as built into the module: `en.txt` compacted at compile time (`compact`).
const EN: &str = {
    const SOURCE: &[u8] = include_str!("en.txt").as_bytes();
    const BYTES: [u8; compact(SOURCE, &mut [])] = {
        let mut out = [0; compact(SOURCE, &mut [])];
        compact(SOURCE, &mut out);
        out
    };
    match core::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("en.txt compacted is not UTF-8"),
    }
};

/// Writes `source` without what only translators read (comment lines, blank lines, the spaces
/// around `=`) into `out`, as far as it is long, and returns the length of the whole result.
/// A `const fn`, run twice at compile time: once to size the array, once to fill it. Whole
/// lines and ASCII spaces go, so the result stays UTF-8. (About 2 KB raw, 0.3 KB gzip.)
const fn compact(source: &[u8], out: &mut [u8]) -> usize {
    let mut len = 0;
    let mut at = 0;
    while at < source.len() {
        let mut end = at;
        while end < source.len() && source[end] != b'\n' {
            end += 1;
        }
        let mut first = at;
        while first < end && source[first] == b' ' {
            first += 1;
        }
        if first < end && source[first] != b'#' {
            let mut i = first;
            while i < end {
                let b = source[i];
                // " = " becomes "=": the first space pair around the first '=' of the line.
                let spaced = b == b' ' && i + 2 < end && source[i + 1] == b'=' && source[i + 2] == b' ';
                if spaced {
                    i += 3;
                    if len < out.len() {
                        out[len] = b'=';
                    }
                    len += 1;
                    // The rest of the line (the text) is copied as it is.
                    while i < end {
                        if len < out.len() {
                            out[len] = source[i];
                        }
                        len += 1;
                        i += 1;
                    }
                    break;
                }
                if len < out.len() {
                    out[len] = b;
                }
                len += 1;
                i += 1;
            }
            if len < out.len() {
                out[len] = b'\n';
            }
            len += 1;
        }
        at = end + 1;
    }
    len
}

/// Shown in place of a missing string (the string-table tests fail long before a visitor could
/// see it).
const MISSING: &str = "…";

/// Parses `key = text` lines; blank lines and lines starting with `#` are skipped. Later
/// duplicates are a table error caught by the tests (`parse_problems`).
fn parse(source: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut table: Vec<(&'static str, &'static str)> = source
        .lines()
        .filter(|line| !line.trim_ascii_start().starts_with('#'))
        .filter_map(|line| line.split_once('=')) // keys never hold "="
        .map(|(k, v)| (k.trim_ascii(), v.trim_ascii()))
        .collect();
    crate::engine::sort::stable_sort(&mut table, |a, b| a.0 < b.0);
    table
}

/// Lines that are neither blank, comments, nor `key = text`, and keys given twice.
#[cfg(test)]
pub fn parse_problems(lang: Lang) -> Vec<String> {
    let mut problems = Vec::new();
    let file = match lang {
        Lang::En => include_str!("en.txt"),
        Lang::Es => include_str!("es.txt"),
    };
    for (n, line) in file.lines().enumerate() {
        let trimmed = line.trim();
        if !trimmed.is_empty() && !trimmed.starts_with('#') && !line.contains(" = ") {
            problems.push(format!("{}.txt line {}: not `key = text`", lang.as_str(), n + 1));
        }
    }
    let keys: Vec<&str> = lang.keys().collect();
    for pair in keys.windows(2) {
        if pair[0] == pair[1] {
            problems.push(format!("{}.txt: key {} given twice", lang.as_str(), pair[0]));
        }
    }
    problems
}

/// The visitor's language: the element's `lang` attribute, else the center's first offered
/// language, else the browser's first language the widget speaks, else English.
pub fn negotiate(element: Option<&str>, offered: &[String], browser: &[String]) -> Lang {
    element
        .and_then(Lang::from_tag)
        .or_else(|| offered.first().and_then(|tag| Lang::from_tag(tag)))
        .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
        .unwrap_or(Lang::En)
}

/// As `negotiate`, but only languages whose table is here; English otherwise.
pub fn negotiate_available(element: Option<&str>, offered: &[String], browser: &[String]) -> Lang {
    Some(negotiate(element, offered, browser)).filter(|l| l.available()).unwrap_or(Lang::En)
}

/// The languages the switcher offers: the center's list (those the widget speaks), or every
/// language when the center names none.
pub fn offered(config_languages: &[String]) -> Vec<Lang> {
    let mut out: Vec<Lang> = config_languages.iter().filter_map(|tag| Lang::from_tag(tag)).collect();
    out.dedup();
    if out.is_empty() {
        Lang::ALL.to_vec()
    } else {
        out
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass over the template (no `str::replace`, whose substring search is 1.5 KB of the
    // module): `{name}` with a value is replaced, anything else is kept as it is.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| values.iter().find(|(name, _)| *name == &after[..close]).map(|(_, v)| (close, *v)));
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
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

    #[test]
    fn tables_parse_cleanly() {
        for lang in Lang::ALL {
            assert_eq!(parse_problems(lang), Vec::<String>::new());
        }
    }

    /// The English built in (compacted at compile time) is exactly the table of en.txt.
    #[test]
    fn compacted_english_is_the_file() {
        let file = include_str!("en.txt");
        assert_eq!(parse(EN), parse(file));
        assert!(EN.len() < file.len() - 1000, "{} of {} bytes", EN.len(), file.len());
        assert!(!EN.contains('#') && !EN.contains(" = ") && !EN.contains("\n\n"));
        let mut out = [0; 16];
        let text = "# note\n\n a = b = c \nk = v";
        assert_eq!(compact(text.as_bytes(), &mut out), 13);
        assert_eq!(&out[..13], b"a=b = c \nk=v\n");
    }

    #[test]
    fn lookup_and_fill() {
        assert_eq!(Lang::En.lookup("no.such.key"), None);
        assert_eq!(Lang::En.text("no.such.key"), "…");
        assert!(Lang::En.lookup("ui.not_diagnosis").is_some());
        assert_eq!(fill("{a} and {b}, {a}", &[("a", "1"), ("b", "2")]), "1 and 2, 1");
        // Unknown names and stray braces stay as written; a value is never read as a template.
        assert_eq!(fill("{x} {a} { {a", &[("a", "{a}")]), "{x} {a} { {a");
        assert_eq!(fill("é{a}ü}", &[("a", "ñ")]), "éñü}");
        assert_eq!(fill("", &[("a", "1")]), "");
    }

    /// Every `"ui.…"` key written in the rendering code exists in every language (the keys built
    /// from a prefix, like `ui.level.` + level, are listed by the engine's `string_keys`).
    #[test]
    fn interface_strings_exist() {
        let sources = [include_str!("../render/mod.rs"), include_str!("../render/screens.rs"), include_str!("../render/copy.rs")];
        let mut keys: Vec<String> = Vec::new();
        for source in sources {
            for piece in source.split('"').skip(1).step_by(2) {
                if piece.starts_with("ui.") && !piece.ends_with('.') {
                    keys.push(piece.to_string());
                }
            }
        }
        assert!(keys.len() > 40, "found only {} keys", keys.len());
        for lang in Lang::ALL {
            let missing: Vec<&String> = keys.iter().filter(|k| lang.lookup(k).is_none()).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.as_str());
        }
    }

    #[test]
    fn language_tags_pick_a_language() {
        assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("es-419"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn every_language_has_exactly_the_same_keys() {
        let english: Vec<&str> = Lang::En.keys().collect();
        for lang in Lang::ALL {
            let keys: Vec<&str> = lang.keys().collect();
            let missing: Vec<&&str> = english.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<&&str> = keys.iter().filter(|k| !english.contains(k)).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, extra {extra:?}", lang.as_str());
        }
    }

    /// A Spanish text equal to its English one is an untranslated string, unless `same.txt`
    /// lists its key (proper names, words spelled the same).
    #[test]
    fn nothing_is_left_untranslated() {
        let same: Vec<&str> = include_str!("same.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let untranslated: Vec<&str> = Lang::En.keys().filter(|k| Lang::Es.text(k) == Lang::En.text(k) && !same.contains(k)).collect();
        assert!(untranslated.is_empty(), "the same in Spanish as in English: {untranslated:?} (translate them, or list proper names in same.txt)");
        for key in &same {
            assert_eq!(Lang::Es.text(key), Lang::En.text(key), "{key} is listed in same.txt but differs");
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        let names = |text: &str| {
            let mut found: Vec<String> = text.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
            found.sort();
            found
        };
        for key in Lang::En.keys() {
            for lang in Lang::ALL {
                assert_eq!(names(lang.text(key)), names(Lang::En.text(key)), "{}: {key}", lang.as_str());
            }
        }
    }

    #[test]
    fn negotiation_order() {
        let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(negotiate(Some("es"), &s(&["en"]), &s(&["en"])), Lang::Es, "the element's lang first");
        assert_eq!(negotiate(Some("fr"), &s(&["es", "en"]), &s(&["en"])), Lang::Es, "then the config's first");
        assert_eq!(negotiate(None, &[], &s(&["fr-FR", "es-MX", "en"])), Lang::Es, "then the browser's first spoken");
        assert_eq!(negotiate(None, &[], &s(&["fr", "de"])), Lang::En, "else English");
        assert_eq!(offered(&s(&["es", "fr"])), [Lang::Es]);
        assert_eq!(offered(&[]), Lang::ALL);
    }
}

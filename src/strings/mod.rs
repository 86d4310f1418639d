//! Every string a visitor reads, per language, as `key = text` tables embedded at build time.
//!
//! Keys: `q.<item>` question, `h.<item>` help, `o.<option set>.<value>` option label,
//! `sec.<section>` section title, `g.<catalog id>.name|text`, `u.<notice>.title|text`,
//! `c.<contact>` contact label, `care.<level>.title|text`, `d.<domain>` domain name,
//! `r.<reason>` reason sentence, `ui.<name>` interface text. `{name}` marks a value filled in
//! at run time. A test checks that every key the engine uses exists in every language.

use std::sync::OnceLock;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
}

impl Lang {
    pub const ALL: [Lang; 1] = [Lang::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// The best language for a BCP 47 tag (`en-US` gives English); `None` when not offered.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(primary))
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("en.txt"),
        }
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        static EN: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
        let cell = match self {
            Lang::En => &EN,
        };
        cell.get_or_init(|| parse(self.source()))
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

/// Shown in place of a missing string (the string-table tests fail long before a visitor could
/// see it).
const MISSING: &str = "…";

/// Parses `key = text` lines; blank lines and lines starting with `#` are skipped. Later
/// duplicates are a table error caught by the tests (`parse_problems`).
fn parse(source: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut table: Vec<(&'static str, &'static str)> = source
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    table.sort_by(|a, b| a.0.cmp(b.0));
    table
}

/// Lines that are neither blank, comments, nor `key = text`, and keys given twice.
#[cfg(test)]
pub fn parse_problems(lang: Lang) -> Vec<String> {
    let mut problems = Vec::new();
    for (n, line) in lang.source().lines().enumerate() {
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

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&["{", name, "}"].concat(), value);
    }
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

    #[test]
    fn lookup_and_fill() {
        assert_eq!(Lang::En.lookup("no.such.key"), None);
        assert_eq!(Lang::En.text("no.such.key"), "…");
        assert!(Lang::En.lookup("ui.not_diagnosis").is_some());
        assert_eq!(fill("{a} and {b}, {a}", &[("a", "1"), ("b", "2")]), "1 and 2, 1");
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
        assert_eq!(Lang::from_tag("fr"), None);
    }
}

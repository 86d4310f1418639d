//! Every string a visitor reads, per language, as `key = text` tables embedded at build time.
//!
//! Keys: `q.<item>` question, `h.<item>` help, `o.<option set>.<value>` option label,
//! `sec.<section>` section title, `g.<catalog id>.name|text`, `u.<notice>.title|text`,
//! `c.<contact>` contact label, `care.<level>.title|text`, `d.<domain>` domain name,
//! `r.<reason>` reason sentence, `ui.<name>` interface text. `{name}` marks a value filled in
//! at run time. A test checks that every key the engine uses exists in every language.
//!
//! The language built into the module is packed from its table file by the build script
//! (`build.rs`, with `pack.rs` and `hash.rs`): comments go, and the keys of every family but the
//! few whose strings may be absent (`KEYED`) are replaced by 16-bit hashes, unique by a seed the
//! build finds. A downloaded language keeps its keys and is hashed as it loads.

use crate::support::once::OnceLock;
use crate::support::prelude::*;

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
        let primary = cut(tag, b"-_").0;
        Lang::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(primary))
    }

    /// The language's table. One language is built into each module (`BUILT_IN`: English, or
    /// Spanish with the `builtin-es` feature), so each visitor downloads one language; in the
    /// WebAssembly module the other is a separate file (`pkg/strings/<lang>.txt`) loaded with
    /// `load` only when a visitor switches to it. Natively both are here.
    fn table(self) -> &'static Table {
        static BUILT_IN_TABLE: OnceLock<Table> = OnceLock::new();
        if self == BUILT_IN {
            return BUILT_IN_TABLE.get_or_init(|| Table::from_text(PACKED, hashes(&DELTAS)));
        }
        #[cfg(all_languages)]
        {
            static OTHER: OnceLock<Table> = OnceLock::new();
            OTHER.get_or_init(|| Table::from_text(self.file(), hashes(&[])))
        }
        // Not loaded: the built-in language stands in, so a screen is never blank.
        #[cfg(not(all_languages))]
        LOADED.get().unwrap_or_else(|| BUILT_IN.table())
    }

    /// Whether this language's table is here (built in or loaded).
    pub fn available(self) -> bool {
        #[cfg(not(all_languages))]
        if self != BUILT_IN {
            return LOADED.get().is_some();
        }
        true
    }

    /// Loads a language's table from its file text. Refused (returns false) when the text is
    /// not a complete table: every string of the built-in language must be there.
    pub fn load(self, text: String) -> bool {
        if self.available() {
            return true;
        }
        let table = Table::from_text(Box::leak(text.into_boxed_str()), hashes(&[]));
        if !table.covers(BUILT_IN.table()) {
            return false;
        }
        #[cfg(not(all_languages))]
        let _ = LOADED.set(table);
        self.available()
    }

    /// The language's table file as written.
    #[cfg(all_languages)]
    fn file(self) -> &'static str {
        match self {
            Lang::En => include_str!("en.txt"),
            Lang::Es => include_str!("es.txt"),
        }
    }

    /// The text for `key`, which must be one of the table's keys (the string-table tests check
    /// every key the code builds); a missing key of a `KEYED` family yields a marker.
    pub fn text(self, key: &str) -> &'static str {
        self.table().get(key).unwrap_or(MISSING)
    }

    /// The text for a key fixed in the code, hashed at compile time (`text!`), so the module
    /// carries neither the key nor the work of hashing it.
    pub fn text_of(self, key: Key) -> &'static str {
        self.table().by_hash(key.0).unwrap_or(MISSING)
    }

    /// The text for a key of a `KEYED` family, or `None` when the table has none (a question
    /// without help). Other keys always have a text: use `text`.
    pub fn lookup(self, key: &str) -> Option<&'static str> {
        debug_assert!(keyed(key.as_bytes()), "{key} may be absent, so its family must be in KEYED");
        self.table().get(key)
    }

    /// Every `key = text` of this language's file as written, for the tests and tools that
    /// read the tables themselves (the module keeps only what lookups need).
    #[cfg(all_languages)]
    pub fn file_entries(self) -> Vec<(&'static str, &'static str)> {
        entries(self.file()).collect()
    }
}

mod hash;
use hash::{hash, keyed};

/// A string key written in the code, as its hash: made by `Key::of` at compile time, which
/// refuses (a compile error) a key that is not in the built-in table or that belongs to a
/// `KEYED` family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(u16);

impl Key {
    pub const fn of(key: &str) -> Key {
        let key = key.as_bytes();
        assert!(!keyed(key), "a key of a KEYED family may be absent: use `lookup`");
        let hash = hash(key, SEED);
        // A binary search of the built-in table's keys by hash, then the key itself compared.
        let (mut low, mut high) = (0, KEYS.len());
        while low < high {
            let middle = (low + high) / 2;
            if KEYS[middle].0 < hash {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if low < KEYS.len() && KEYS[low].0 == hash && eq(KEYS[low].1.as_bytes(), key) {
            return Key(hash);
        }
        panic!("a key fixed in the code is not in the built-in string table");
    }
}

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The text of a key written in the code, `text!(lang, "ui.next")`: the key is checked and
/// hashed at compile time (`Key::of`).
macro_rules! text {
    ($lang:expr, $key:literal) => {
        $lang.text_of(const { $crate::strings::Key::of($key) })
    };
}
pub(crate) use text;

/// One language's strings, as lookups need them.
struct Table {
    /// The `KEYED` families, by key, sorted.
    keyed: Vec<(&'static str, &'static str)>,
    /// Every other string: `hash << 32 | index into texts`, sorted.
    hashed: Vec<u64>,
    texts: Vec<&'static str>,
}

impl Table {
    fn get(&self, key: &str) -> Option<&'static str> {
        if keyed(key.as_bytes()) {
            let i = self.keyed.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
            return Some(self.keyed[i].1);
        }
        self.by_hash(hash(key.as_bytes(), SEED))
    }

    fn by_hash(&self, h: u16) -> Option<&'static str> {
        let h = u64::from(h);
        let i = self.hashed.binary_search_by(|e| (e >> 32).cmp(&h)).ok()?;
        self.texts.get((self.hashed[i] & 0xffff_ffff) as usize).copied()
    }

    fn add(&mut self, key: &'static str, text: &'static str) {
        if keyed(key.as_bytes()) {
            self.keyed.push((key, text));
        } else {
            self.push_hashed(hash(key.as_bytes(), SEED), text);
        }
    }

    fn push_hashed(&mut self, hash: u16, text: &'static str) {
        self.hashed.push(u64::from(hash) << 32 | self.texts.len() as u64);
        self.texts.push(text);
    }

    fn sorted(mut self) -> Table {
        crate::support::sort::stable_sort(&mut self.keyed, |a, b| a.0 < b.0);
        crate::support::sort::sort_keys(&mut self.hashed);
        self
    }

    /// A table from `key = text` lines: a language file as it is downloaded, or the built-in
    /// language, whose lines outside the `KEYED` families are `=text` with the key's hash the
    /// next of `hashes`.
    fn from_text(text: &'static str, mut hashes: impl Iterator<Item = u16>) -> Table {
        let mut table = Table { keyed: Vec::new(), hashed: Vec::new(), texts: Vec::new() };
        for (key, text) in entries(text) {
            if !key.is_empty() {
                table.add(key, text);
            } else if let Some(h) = hashes.next() {
                table.push_hashed(h, text);
            }
        }
        table.sorted()
    }

    /// Whether this table has a text for every string of `other`.
    fn covers(&self, other: &Table) -> bool {
        other.keyed.iter().all(|(k, _)| self.keyed.binary_search_by(|(key, _)| key.cmp(k)).is_ok())
            && other.hashed.iter().all(|e| self.hashed.binary_search_by(|m| (m >> 32).cmp(&(e >> 32))).is_ok())
    }
}

/// The `key = text` lines of a table file; blank lines and `#` comments are skipped. Later
/// duplicates are a table error caught by the tests (`parse_problems`).
fn entries(source: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    pieces(source, b'\n').filter(|line| !line.trim_ascii_start().starts_with('#')).filter_map(|line| {
        match cut(line, b"=") {
            // Keys never hold "=".
            (key, Some(text)) => Some((key.trim_ascii(), text.trim_ascii())),
            _ => None,
        }
    })
}

/// The language built into the module, whose visitors download no strings file.
#[cfg(not(feature = "builtin-es"))]
pub const BUILT_IN: Lang = Lang::En;
#[cfg(feature = "builtin-es")]
pub const BUILT_IN: Lang = Lang::Es;

/// The other language, once a visitor switched to it (only two languages: one slot).
#[cfg(not(all_languages))]
static LOADED: OnceLock<Table> = OnceLock::new();

// The built-in language, packed by the build script (`build.rs`, `pack.rs`): `SEED`, `PACKED`,
// `DELTAS` and `KEYS`.
include!(concat!(env!("OUT_DIR"), "/builtin_strings.rs"));

/// The hashes of the decoded `DELTAS`, in order.
fn hashes(deltas: &'static [u8]) -> impl Iterator<Item = u16> {
    let (mut bytes, mut hash) = (deltas.iter(), 0u16);
    core::iter::from_fn(move || {
        for &b in bytes.by_ref() {
            hash = hash.wrapping_add(u16::from(b));
            if b != 255 {
                return Some(hash);
            }
        }
        None
    })
}

/// Shown in place of a missing string (the string-table tests fail long before a visitor could
/// see it).
const MISSING: &str = "…";

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
    let mut keys: Vec<&str> = lang.file_entries().into_iter().map(|(k, _)| k).collect();
    keys.sort();
    for pair in keys.windows(2) {
        if pair[0] == pair[1] {
            problems.push(format!("{}.txt: key {} given twice", lang.as_str(), pair[0]));
        }
    }
    problems
}

/// The visitor's language (quality.md v3, "One language at a time"): the element's `lang`
/// attribute (the page's own choice), else the first of the browser's languages that the center
/// offers (`offered`: its list, or every language the widget speaks), else the center's first,
/// else English. A Spanish browser on a page offering English and Spanish reads Spanish.
pub fn negotiate(element: Option<&str>, config_languages: &[String], browser: &[String]) -> Lang {
    let offered = offered(config_languages);
    element
        .and_then(Lang::from_tag)
        .or_else(|| browser.iter().filter_map(|tag| Lang::from_tag(tag)).find(|lang| offered.contains(lang)))
        .or_else(|| offered.first().copied())
        .unwrap_or(Lang::En)
}

/// As `negotiate`, but only languages whose table is here; the built-in language otherwise.
pub fn negotiate_available(element: Option<&str>, offered: &[String], browser: &[String]) -> Lang {
    Some(negotiate(element, offered, browser)).filter(|l| l.available()).unwrap_or(BUILT_IN)
}

/// The languages the switcher offers: the center's list (those the widget speaks), or every
/// language when the center names none.
pub fn offered(config_languages: &[String]) -> Vec<Lang> {
    let mut out: Vec<Lang> = Vec::new();
    for lang in config_languages.iter().filter_map(|tag| Lang::from_tag(tag)) {
        if !out.contains(&lang) {
            out.push(lang);
        }
    }
    if out.is_empty() {
        Lang::ALL.to_vec()
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
    loop {
        let (before, after) = cut(rest, b"{");
        out.push_str(before);
        let Some(after) = after else { return out };
        let (name, tail) = cut(after, b"}");
        match (values.iter().find(|(n, _)| *n == name), tail) {
            (Some((_, value)), Some(tail)) => {
                out.push_str(value);
                rest = tail;
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
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

    /// Every string of every file is what the table gives for its key: the built-in language
    /// packed at compile time (keys gone, found by hash) and the other read as a download is
    /// read. (`make test` runs this with English and with Spanish built in.)
    #[test]
    fn every_key_gives_its_own_text() {
        for lang in Lang::ALL {
            let entries = lang.file_entries();
            assert!(entries.len() > 500);
            for (key, text) in entries {
                assert_eq!(lang.text(key), text, "{}: {key}", lang.as_str());
            }
        }
        // The packed table holds no key outside the keyed families.
        let file = BUILT_IN.file();
        let dropped: usize =
            BUILT_IN.file_entries().iter().filter(|(k, _)| !keyed(k.as_bytes())).map(|(k, _)| k.len()).sum();
        assert!(
            PACKED.len() <= file.len() - dropped,
            "{} of {} bytes, {dropped} of them keys",
            PACKED.len(),
            file.len()
        );
        assert!(
            !PACKED.contains("q.for_whom") && !PACKED.contains("ui.") && PACKED.contains("h.lo_danger="),
            "only keyed families keep keys"
        );
        let unkeyed = BUILT_IN.file_entries().iter().filter(|(k, _)| !keyed(k.as_bytes())).count();
        assert_eq!(hashes(&DELTAS).count(), unkeyed);
        assert!(DELTAS.len() < unkeyed * 5 / 4, "{} bytes for {unkeyed} hashes", DELTAS.len());
    }

    /// The build script's packing, run here too.
    mod packing {
        use super::super::hash::{hash, keyed};
        include!("pack.rs");

        /// What `compact` keeps of a table file.
        #[test]
        fn compacting() {
            assert_eq!(compact("# note\n\n a = b = c \nk = v"), "a=b = c \nk=v\n");
        }

        /// Packing finds a seed without clashes, keeps the keyed families' keys and drops the
        /// others, and the differences add up to the hashes in order.
        #[test]
        fn packing_keeps_every_text_findable() {
            let packed = pack("ui.next=Next\nh.x=Help\nq.a=Question?\n");
            assert!(packed.text.starts_with("h.x=Help\n") && packed.text.contains("=Next\n"));
            assert!(!packed.text.contains("ui.next") && !packed.text.contains("q.a"));
            let mut total = 0u32;
            let mut hashes = Vec::new();
            for &d in &packed.deltas {
                total += u32::from(d);
                if d != 255 {
                    hashes.push(total as u16);
                }
            }
            assert_eq!(hashes, packed.keys.iter().map(|(h, _)| *h).collect::<Vec<_>>());
            for (h, key) in &packed.keys {
                assert_eq!(*h, hash(key.as_bytes(), packed.seed));
            }
        }
    }

    #[test]
    fn lookup_and_fill() {
        assert_eq!(Lang::En.lookup("h.no_such_item"), None);
        assert_eq!(Lang::En.text("h.no_such_item"), "…");
        assert_eq!(Lang::En.lookup("o.ruler.5"), None, "only the ruler's ends have labels");
        assert!(Lang::En.lookup("o.ruler.10").is_some());
        assert!(Lang::Es.lookup("h.lo_safety").is_some_and(|t| t.contains("aparato")));
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
            let file: Vec<&str> = lang.file_entries().into_iter().map(|(k, _)| k).collect();
            let missing: Vec<&String> = keys.iter().filter(|k| !file.contains(&k.as_str())).collect();
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
        let english: Vec<&str> = Lang::En.file_entries().into_iter().map(|(k, _)| k).collect();
        for lang in Lang::ALL {
            let keys: Vec<&str> = lang.file_entries().into_iter().map(|(k, _)| k).collect();
            let missing: Vec<&&str> = english.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<&&str> = keys.iter().filter(|k| !english.contains(k)).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, extra {extra:?}", lang.as_str());
        }
    }

    /// A Spanish text equal to its English one is an untranslated string, unless `same.txt`
    /// lists its key (proper names, words spelled the same).
    #[test]
    fn nothing_is_left_untranslated() {
        let same: Vec<&str> =
            include_str!("same.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let untranslated: Vec<&str> = Lang::En
            .file_entries()
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| Lang::Es.text(k) == Lang::En.text(k) && !same.contains(k))
            .collect();
        assert!(
            untranslated.is_empty(),
            "the same in Spanish as in English: {untranslated:?} (translate them, or list proper names in same.txt)"
        );
        for key in &same {
            assert_eq!(Lang::Es.text(key), Lang::En.text(key), "{key} is listed in same.txt but differs");
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
        for (key, _) in Lang::En.file_entries() {
            for lang in Lang::ALL {
                assert_eq!(names(lang.text(key)), names(Lang::En.text(key)), "{}: {key}", lang.as_str());
            }
        }
    }

    #[test]
    fn negotiation_order() {
        let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(negotiate(Some("es"), &s(&["en"]), &s(&["en"])), Lang::Es, "the element's lang first");
        assert_eq!(negotiate(Some("fr"), &s(&["es", "en"]), &s(&["en"])), Lang::En, "then the browser's, if offered");
        assert_eq!(
            negotiate(None, &s(&["en", "es"]), &s(&["es-MX", "en"])),
            Lang::Es,
            "a Spanish browser on an en+es page"
        );
        assert_eq!(negotiate(None, &s(&["en"]), &s(&["es-MX"])), Lang::En, "not offered: the center's first");
        assert_eq!(negotiate(None, &s(&["es", "en"]), &s(&["fr"])), Lang::Es, "no match: the center's first");
        assert_eq!(
            negotiate(None, &[], &s(&["fr-FR", "es-MX", "en"])),
            Lang::Es,
            "no list: the browser's first spoken"
        );
        assert_eq!(negotiate(None, &[], &s(&["fr", "de"])), Lang::En, "else English");
        assert_eq!(offered(&s(&["es", "fr"])), [Lang::Es]);
        assert_eq!(offered(&[]), Lang::ALL);
    }
}

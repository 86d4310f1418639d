//! Every language file of `src/strings/` built in, for the "full" builds: the scoring API module
//! (whose callers ask for any language), check-config, and the tests. The build script lists the
//! files (`build.rs`), so a new language file is here without a change to this code. In the
//! widget's module the list is empty, and nothing here is called.

use super::{negotiate as choose, primary, Lang};
use crate::support::once::OnceLock;
use crate::support::prelude::*;

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

impl Lang {
    /// Every built-in language, in the order of their tags.
    pub fn all() -> &'static [Lang] {
        static ALL: OnceLock<Vec<Lang>> = OnceLock::new();
        ALL.get_or_init(|| FILES.iter().map(|(tag, text)| Lang::read(tag, text.to_string())).collect())
    }

    /// The built-in language of a BCP 47 tag (`es-MX` gives Spanish), if there is one.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = primary(tag);
        Lang::all().iter().copied().find(|lang| lang.as_str() == tag)
    }

    /// English: the language when no other is asked for or matches.
    pub fn english() -> Lang {
        Lang::from_tag("en").expect("src/strings/en.txt is built in")
    }

    /// The tags of the built-in languages.
    pub fn spoken() -> Vec<&'static str> {
        Lang::all().iter().map(|lang| lang.as_str()).collect()
    }

    /// The language file as written, comments included, for the tests that read the tables.
    pub fn file(self) -> &'static str {
        FILES.iter().find(|(tag, _)| *tag == self.as_str()).map_or("", |(_, text)| text)
    }
}

/// `strings::negotiate` among the built-in languages.
pub fn negotiate(element: Option<&str>, config_languages: &[String], browser: &[String]) -> Lang {
    let tag = choose(element, config_languages, browser, &Lang::spoken());
    Lang::from_tag(&tag).unwrap_or_else(Lang::english)
}
